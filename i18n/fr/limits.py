"""French for issue 12 items 8-10: the plausibility bound on employment
(core/employment.py), the outlier warning of importmembers (core/outliers.py) and
the unknown-parameter warning of every algorithm and the model (algorithms/base.py)."""

MESSAGES = {
    # core/employment.py
    "employment '{}' is implausible for one entity (above {}, more than the largest employer on earth): "
    "check the cell":
        "l'emploi '{}' est invraisemblable pour une entité (au-delà de {}, plus que le plus grand employeur "
        "du monde) : vérifiez la cellule",
    # core/outliers.py
    "Outlier: '{name}' (row {row}) holds {employment} of the {total} employment of cluster '{cluster}'{year} "
    "({share}). If that is a group or worldwide headcount, EXCLUDE={name} @ {cluster} leaves the cluster "
    "{after_exclude}; EMPLOYMENT_CEILING={ceiling} (every cluster) leaves it {after_ceiling}.":
        "Valeur extrême : '{name}' (ligne {row}) détient {employment} des {total} emplois du cluster "
        "'{cluster}'{year} ({share}). S'il s'agit de l'effectif d'un groupe ou mondial, EXCLUDE={name} @ {cluster} "
        "laisse au cluster {after_exclude} ; EMPLOYMENT_CEILING={ceiling} (tous les clusters) lui laisse "
        "{after_ceiling}.",
    "Outlier: '{name}' (row {row}) holds {employment} of the {total} employment of cluster '{cluster}'{year} "
    "({share}). If that figure is wrong, EXCLUDE={name} @ {cluster} leaves the cluster {after_exclude}.":
        "Valeur extrême : '{name}' (ligne {row}) détient {employment} des {total} emplois du cluster "
        "'{cluster}'{year} ({share}). Si ce chiffre est faux, EXCLUDE={name} @ {cluster} laisse au cluster "
        "{after_exclude}.",
    " in {}": " en {}",
    # algorithms/import_members.py
    "Outlier share (0 = off)": "Part extrême (0 = pas d'alerte)",
    "Entities above the outlier share": "Entités au-delà de la part extrême",
    "Outliers (JSON)": "Valeurs extrêmes (JSON)",
    # algorithms/base.py
    "Unknown parameter {key} (did you mean {name}?): ignored.":
        "Paramètre inconnu {key} (vouliez-vous dire {name} ?) : ignoré.",
    "Unknown parameter {key}: ignored; scripts/qgis_process help {alg} lists the parameters.":
        "Paramètre inconnu {key} : ignoré ; scripts/qgis_process help {alg} liste les paramètres.",
    "{key} is a qgis_process setting, not a parameter: not applied; give it before '--' (--{setting}=...).":
        "{key} est un réglage de qgis_process, pas un paramètre : non appliqué ; donnez-le avant « -- » "
        "(--{setting}=...).",
}
