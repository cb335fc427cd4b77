"""French of the messages about users' files (issue 13: outputs that never destroy a file)."""

MESSAGES = {
    "{output} would overwrite {path}, the file of the input {source}: choose another file for {output} "
    "(nothing was written).":
        "{output} écraserait {path}, le fichier de l'entrée {source} : choisissez un autre fichier pour {output} "
        "(rien n'a été écrit).",
    "{name}: {path} is being written by another run (a batch row or another QGIS): wait for it to finish or "
    "choose another file.":
        "{name} : {path} est en cours d'écriture par une autre exécution (une ligne du traitement par lots ou un "
        "autre QGIS) : attendez qu'elle se termine ou choisissez un autre fichier.",
    "{name}: {path} is in use (open for writing in another program, or edited in this project): close it, or "
    "stop editing, or choose another file.":
        "{name} : {path} est utilisé (ouvert en écriture dans un autre programme, ou en cours d'édition dans ce "
        "projet) : fermez-le, quittez le mode édition ou choisissez un autre fichier.",
    "Removed the incomplete output {}: the run stopped before it was complete; the file of that name is as it "
    "was before the run.":
        "Sortie incomplète supprimée : {} ; l'exécution s'est arrêtée avant la fin ; le fichier de ce nom est tel "
        "qu'il était avant l'exécution.",
    "Could not write the report {}: {}.": "Impossible d'écrire le rapport {} : {}.",
    "the disk is full: free some space or choose another folder":
        "le disque est plein : libérez de la place ou choisissez un autre dossier",
    "the file is in use or read-only: close it in the program that has it open":
        "le fichier est utilisé ou en lecture seule : fermez-le dans le programme qui l'a ouvert",
    "its folder {} does not exist": "son dossier {} n'existe pas",
    "its folder {} cannot be written (read-only or no permission)":
        "son dossier {} n'est pas accessible en écriture (lecture seule ou pas d'autorisation)",
    "Could not write {}: {} ({}).": "Impossible d'écrire {} : {} ({}).",
    "Could not write {}: {}.": "Impossible d'écrire {} : {}.",
    "Could not write {}.": "Impossible d'écrire {}.",
}
