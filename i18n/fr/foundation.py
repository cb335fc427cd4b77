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
    "More: the README section <a href=\"{url}\">{url}</a> (also README.md in the plugin folder).":
        "Plus : la section du README <a href=\"{url}\">{url}</a> (aussi README.md dans le dossier de l'extension).",
    "Removed the incomplete output {}.": "Sortie incomplète supprimée : {}.",
    "{alg} stopped on an unexpected error: {message}. Please report it with the log (it holds the details).":
        "{alg} s'est arrêté sur une erreur inattendue : {message}. Merci de la signaler avec le journal (il en "
        "donne le détail).",
    "{alg} stopped on an unexpected error: {message}. Please report it with the file {path} (it holds the "
    "details).":
        "{alg} s'est arrêté sur une erreur inattendue : {message}. Merci de la signaler avec le fichier {path} (il "
        "en donne le détail).",
    "{} was being written when the run stopped; it also holds other layers, so it was kept: check or delete it.":
        "{} était en cours d'écriture quand le traitement s'est arrêté ; il contient aussi d'autres couches, il a "
        "donc été gardé : vérifiez-le ou supprimez-le.",
}
