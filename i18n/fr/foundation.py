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
    "{name} is required: give a value (scripts/qgis_process help {alg} lists the parameters).":
        "{name} est obligatoire : donnez une valeur (scripts/qgis_process help {alg} liste les paramètres).",
    "{name}: '{value}' is not one of the choices; give the number of one of: {options}.":
        "{name} : « {value} » n'est pas un des choix ; donnez le numéro de l'un d'eux : {options}.",
    "{name}: file {path} not found; give an existing file (a GeoPackage layer as file.gpkg|layername=name).":
        "{name} : fichier {path} introuvable ; donnez un fichier existant (une couche GeoPackage sous la forme "
        "fichier.gpkg|layername=nom).",
    "{name}: {value} could not be opened as a layer; check the file and the layer name "
    "(file.gpkg|layername=name).":
        "{name} : {value} n'a pas pu être ouvert comme couche ; vérifiez le fichier et le nom de la couche "
        "(fichier.gpkg|layername=nom).",
    "{name}: '{value}' is not a valid value; see scripts/qgis_process help {alg}.":
        "{name} : « {value} » n'est pas une valeur valide ; voir scripts/qgis_process help {alg}.",
    "{name}: field '{field}' is not in {parent}; its fields are: {names}.":
        "{name} : le champ « {field} » n'est pas dans {parent} ; ses champs sont : {names}.",
    "{} was being written when the run stopped; it also holds other layers, so it was kept: check or delete it.":
        "{} était en cours d'écriture quand le traitement s'est arrêté ; il contient aussi d'autres couches, il a "
        "donc été gardé : vérifiez-le ou supprimez-le.",
}
