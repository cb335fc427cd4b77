"""French for the bundled model clusteratlas:atlaschain (provider.py AtlasChainModel):
its name, help, and the labels of its inputs, outputs and steps. The English
texts are those scripts/make_models.py writes into resources/models/atlas_chain.model3;
the help's key is read from that script, so it always equals the English exactly."""
import ast
from pathlib import Path


def _english(name):
    source = (Path(__file__).resolve().parents[2] / "scripts" / "make_models.py").read_text(encoding="utf-8")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == name:
            return ast.literal_eval(node.value)
    raise RuntimeError(f"{name} not found in scripts/make_models.py")


HELP_FR = (
    "<p>Exécute toute la chaîne Cluster Atlas en une étape, comme la démo : "
    "<b>Importer les membres des clusters</b> (importmembers) &rarr; <b>Emploi par code postal</b> "
    "(aggregatepostcodes, sur une couche de points ou de zones des codes postaux de votre choix) &rarr; "
    "<b>Superposition au réseau</b> (networkoverlay, seulement si une couche de réseau est donnée) &rarr; "
    "<b>Exporter la carte d'atlas</b> (exportatlasmap, une page PDF ou PNG). Avec un réseau, la page est faite "
    "après la superposition et son bloc latéral « Méthodo. et stat. » énonce la mesure de la superposition (part "
    "de l'emploi à la première distance du réseau, part de la surface, rho de Spearman) ; sans réseau, la page "
    "n'a ni réseau ni cette ligne.</p>"
    "<p>Style : aucune étape de style séparée n'est nécessaire. Chaque étape donne à ses couches de sortie la "
    "symbologie de l'atlas (cercles de surface proportionnelle à l'emploi, contours des zones, zones de la "
    "superposition), appliquée quand elles sont chargées dans QGIS et enregistrée comme style par défaut de leur "
    "GeoPackage, de sorte qu'elles s'ouvrent stylées aussi après une exécution sans interface ; la page dessine les "
    "cercles par cluster, le réseau par classe (cuivre, fibre, autre : CLASS_FIELD et CLASS_MAP, comme dans la "
    "superposition), les zones et la région.</p>"
    "<p>Chaque étape tient sa propre comptabilité : les lignes inutilisables aboutissent dans la sortie des rejets, "
    "les membres dont le code postal n'est pas dans la couche de référence dans la sortie des non appariés, et le "
    "journal de chaque étape donne les totaux. Ouvrez le modèle dans le modeleur graphique (Traitement &#9656; "
    "Modèles &#9656; Ouvrir un modèle existant, fichier resources/models/atlas_chain.model3 de l'extension) pour "
    "modifier les réglages qu'il n'expose pas (détection des champs, filtres, textes de la page).</p>"
    "<h3>Méthode</h3><p>La méthode de l'atlas, étape par étape : l'emploi de chaque cluster est additionné par code "
    "postal, une entité comptée une fois par cluster et une fois dans les totaux ; la surface des cercles est "
    "proportionnelle à l'emploi ; les chiffres du réseau sont les longueurs de réseau dans chaque zone, les "
    "distances de chaque zone au réseau et la corrélation de Spearman entre densité d'emploi et densité du réseau. "
    "Les densités et la corrélation demandent des zones (polygones, p. ex. issus de Zones postales à partir des "
    "points des codes postaux) ; avec une référence de points, seules les distances au réseau sont mesurées.</p>"
    "<h3>Exemple</h3><p>MEMBERS = <code>sample_data/members.csv</code>, EMPLOYMENT_CEILING = 3000, POSTCODES = "
    "<code>sample_data/postcode_points.gpkg</code> (couche <code>postcode_points</code>), POSTCODE_FIELD = "
    "<code>postcode</code>, NETWORK = <code>sample_data/network_illustrative.gpkg</code>, CLASS_FIELD = "
    "<code>class</code>, CLASS_MAP vide (les classes de l'exemple sont déjà copper/fibre), BOUNDARY = "
    "<code>sample_data/boundaries.gpkg</code> (couche <code>wallonia</code>), "
    "PER_CLUSTER = oui, EXPORT:PAGE = <code>atlas.pdf</code> : un PDF de 4 pages, une par cluster ; IMPORT:REJECTED "
    "contient les 3 lignes rejetées et AGGREGATE:UNMATCHED le membre luxembourgeois (LU-4365, emploi 85).</p>"
)

MESSAGES = {
    "Atlas chain (import to atlas page)": "Chaîne de l'atlas (de l'import à la page d'atlas)",
    _english("HELP"): HELP_FR,
    "Import, aggregate, network overlay and atlas page in one model.":
        "Importation, agrégation, superposition au réseau et page d'atlas en un seul modèle.",
    # inputs
    # (the same labels as the algorithms' parameters; QGIS adds "[optional]" itself)
    "Employment ceiling (0 = none)": "Plafond d'emploi (0 = aucun)",
    "Postal-code reference layer": "Couche de référence des codes postaux",
    "For a member list covering several years (a year column): the year to map. Required then; "
    "empty for a list of one year.":
        "Pour une liste de membres sur plusieurs années (une colonne d'année) : l'année à cartographier. "
        "Obligatoire dans ce cas ; vide pour une liste d'une seule année.",
    "Postcode field": "Champ du code postal",
    "Network lines": "Lignes du réseau",
    "Network type field": "Champ du type de réseau",
    "Region boundary": "Limite de la région",
    "One page per cluster (PDF)": "Une page par cluster (PDF)",
    "Page title": "Titre de la page",
    # outputs
    "Rejected rows": "Lignes rejetées",
    "Zones with employment": "Zones avec l'emploi",
    "Unmatched postcodes": "Codes postaux non appariés",
    "Zones with network figures": "Zones avec les chiffres du réseau",
    "Atlas page": "Page d'atlas",
    # steps (shown in the modeller and in the run's log)
    "Import member table": "Importer la table des membres",
    "Aggregate per postal code": "Agréger par code postal",
    "Network given?": "Réseau donné ?",
    "Export atlas map": "Exporter la carte d'atlas",
    "Export atlas map (no network)": "Exporter la carte d'atlas (sans réseau)",
    "Atlas page (no network)": "Page d'atlas (sans réseau)",
    "Network overlay": "Superposition au réseau",
    # help of each input and output
    "The member table: one row per entity and cluster (CSV, XLSX/ODS or any layer or table). "
    "Columns are detected as by Import member table.":
        "La table des membres : une ligne par entité et par cluster (CSV, XLSX/ODS ou toute couche ou table). "
        "Les colonnes sont détectées comme par Importer les membres des clusters.",
    "Entities with more employment than this in a cluster are rejected (e.g. a whole university); "
    "0 keeps everything.":
        "Les entités ayant plus d'emploi que cela dans un cluster sont rejetées (p. ex. toute une université) ; "
        "0 garde tout.",
    "Postal-code reference: zones (polygons; needed for network densities and the correlation) or points "
    "(one per code). Circles are placed on it.":
        "Référence des codes postaux : zones (polygones ; nécessaires pour les densités du réseau et la "
        "corrélation) ou points (un par code). Les cercles y sont placés.",
    "Field of the reference layer holding the postal code.": "Champ de la couche de référence contenant le code postal.",
    "Optional network lines (e.g. copper/fibre). Without it the network step is skipped and the page has no network.":
        "Lignes du réseau facultatives (p. ex. cuivre/fibre). Sans elles, l'étape du réseau est sautée et la page "
        "n'a pas de réseau.",
    "Optional field of the network giving its type (class) for per-class figures and the line symbols of the "
    "page; default the field 'class' on the page.":
        "Champ facultatif du réseau donnant son type (classe), pour les chiffres par classe et les symboles des "
        "lignes sur la page ; par défaut le champ « class » sur la page.",
    "Optional map of the type values onto classes, e.g. rail=fibre; *=other (as in Network overlay), used by the "
    "figures and the page.":
        "Correspondance facultative des valeurs du type vers des classes, p. ex. rail=fibre; *=other (comme dans "
        "Superposition au réseau), utilisée par les chiffres et la page.",
    "The atlas page when no network is given (filled from EXPORT:PAGE by the plugin).":
        "La page d'atlas quand aucun réseau n'est donné (remplie à partir de EXPORT:PAGE par l'extension).",
    "Optional region boundary drawn on the page and used for the map extent.":
        "Limite facultative de la région, dessinée sur la page et utilisée pour l'emprise de la carte.",
    "Title printed on the page.": "Titre imprimé sur la page.",
    "Sheet of a workbook member table, by name or 0-based number; empty = the first sheet.":
        "Feuille d'une table des membres en classeur, par nom ou numéro à partir de 0 ; vide = la première feuille.",
    "Characters that always separate several clusters in one cell (default ;|); / , + & and et/en/and separate "
    "only clusters named on their own (as in Import member table).":
        "Caractères qui séparent toujours plusieurs clusters dans une cellule (par défaut ;|) ; / , + & et "
        "et/en/and ne séparent que des clusters nommés seuls (comme dans Importer la table des membres).",
    "Known cluster names separated by ';' or new lines: a cell such as 'Transport/Logistique' is split when its "
    "pieces are listed here (as in Import member table).":
        "Noms de clusters connus séparés par « ; » ou des retours à la ligne : une cellule comme "
        "« Transport/Logistique » est séparée quand ses morceaux sont listés ici (comme dans Importer la table des "
        "membres).",
    "Entities to leave out, separated by ';' or new lines: name, or name @ cluster (e.g. a whole university or a "
    "group headcount). They go to the rejects with their employment.":
        "Entités à écarter, séparées par « ; » ou des retours à la ligne : nom, ou nom @ cluster (p. ex. toute une "
        "université ou l'effectif d'un groupe). Elles vont dans les rejets avec leur emploi.",
    "Optional table of entities to leave out (a name or id column, optional cluster and note columns), as in "
    "Import member table.":
        "Table facultative des entités à écarter (une colonne de nom ou d'identifiant, des colonnes de cluster et "
        "de note facultatives), comme dans Importer les membres des clusters.",
    "Data sources printed on the page (side block).": "Sources des données imprimées sur la page (bloc latéral).",
    "Authors printed on the page (side block).": "Auteurs imprimés sur la page (bloc latéral).",
    "Credits line printed under the map.": "Ligne de crédits imprimée sous la carte.",
    "Write one page per cluster (PDF) instead of one page with all clusters.":
        "Écrire une page par cluster (PDF) au lieu d'une page avec tous les clusters.",
    "Member table: one row per entity and cluster, as importmembers writes it.":
        "Table des membres : une ligne par entité et par cluster, telle qu'importmembers l'écrit.",
    "Rows or memberships not used, with the reason and rule.":
        "Lignes ou appartenances non utilisées, avec la raison et la règle.",
    "Employment per postal code (zones or points) with per-cluster fields.":
        "Emploi par code postal (zones ou points) avec des champs par cluster.",
    "Circle points (employment per postal code) used on the page.":
        "Points des cercles (emploi par code postal) utilisés sur la page.",
    "Postal codes of the member table missing from the reference layer, with their employment.":
        "Codes postaux de la table des membres absents de la couche de référence, avec leur emploi.",
    "Zones with network figures (only when a network is given).":
        "Zones avec les chiffres du réseau (seulement si un réseau est donné).",
    "Network affinity summary (only when a network is given).":
        "Résumé de l'affinité au réseau (seulement si un réseau est donné).",
    "HTML report of the network overlay (only when a network is given).":
        "Rapport HTML de la superposition au réseau (seulement si un réseau est donné).",
    "The atlas page: PDF (one page, or one per cluster) or PNG.":
        "La page d'atlas : PDF (une page, ou une par cluster) ou PNG.",
}
