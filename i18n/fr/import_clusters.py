"""French for the cluster names of clusteratlas:importmembers (issue 12 items 1 and 2:
splitting a cluster cell, near-duplicate cluster names; algorithms/import_members.py)."""
# flake8: noqa: E501
MESSAGES = {
    "Known cluster names": "Noms de clusters connus",
    "Similar cluster names (JSON)": "Noms de clusters semblables (JSON)",
    "CLUSTER_SEPARATORS ';,/|' is the former default: read as '{}' (/ and , split only between clusters each named on its own). To always split on them, write e.g. '/,;|'.":
        "CLUSTER_SEPARATORS « ;,/| » est l'ancienne valeur par défaut : lue comme « {} » (/ et , ne séparent que des clusters nommés chacun seul). Pour toujours séparer sur ces caractères, écrivez p. ex. « /,;| ».",
    "Cluster text '{}' split into {} (each a cluster named on its own): {} row(s).":
        "Texte de cluster « {} » séparé en {} (chacun est un cluster nommé seul) : {} ligne(s).",
    "... and {} more cluster text(s) split.": "... et {} autre(s) texte(s) de cluster séparé(s).",
    "Cluster name '{}' kept whole (its parts are not all clusters named on their own; list them in CLUSTER_NAMES to split it): {} row(s).":
        "Nom de cluster « {} » gardé entier (ses parties ne sont pas toutes des clusters nommés seuls ; indiquez-les dans CLUSTER_NAMES pour le séparer) : {} ligne(s).",
    "... and {} more cluster name(s) kept whole.": "... et {} autre(s) nom(s) de cluster gardé(s) entier(s).",
    "Clusters '{}' (rows {}) and '{}' (rows {}) differ by {} character(s): kept apart; if they are one cluster, correct the spelling.":
        "Les clusters « {} » (lignes {}) et « {} » (lignes {}) diffèrent de {} caractère(s) : gardés séparés ; s'il s'agit d'un seul cluster, corrigez l'orthographe.",
    "... and {} more pair(s) of similar cluster names (output CLUSTER_WARNINGS).":
        "... et {} autre(s) paire(s) de noms de clusters semblables (sortie CLUSTER_WARNINGS).",
}
