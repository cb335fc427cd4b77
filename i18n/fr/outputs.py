"""French of the messages about users' files (issue 13: outputs that never destroy a file)."""

MESSAGES = {
    "{output} would overwrite {path}, the file of the input {source}: choose another file for {output} "
    "(nothing was written).":
        "{output} écraserait {path}, le fichier de l'entrée {source} : choisissez un autre fichier pour {output} "
        "(rien n'a été écrit).",
}
