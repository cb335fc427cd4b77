"""French for the provider, groups and shared messages."""
MESSAGES = {
    "Cluster Atlas: technology clusters per postal code": "Cluster Atlas : clusters technologiques par code postal",
    "Import": "Importation",
    "Aggregate": "Agrégation",
    "Network": "Réseau",
    "Cartography": "Cartographie",
    "Cancelled by the user.": "Annulé par l'utilisateur.",
    "Field(s) not found in the input: {}": "Champ(s) introuvable(s) dans l'entrée : {}",
    "Could not write features to the output: {}": "Impossible d'écrire les entités dans la sortie : {}",
}
