"""French of how importmembers reads files: core/encodings.py, core/readers.py,
core/sections.py, core/workbooks.py, the reader's rejects (core/members.py
add_reader_rows) and algorithms/import_reading_log.py."""

MESSAGES = {
    # core/encodings.py
    "ENCODING '{}' is not a known encoding: leave it empty to detect it, or use e.g. utf-8, cp1252, utf-16.":
        "ENCODING « {} » n'est pas un encodage connu : laissez-le vide pour le détecter, ou utilisez par ex. utf-8, "
        "cp1252, utf-16.",
    "ENCODING '{}' is not a text encoding: use e.g. utf-8, cp1252, utf-16.":
        "ENCODING « {} » n'est pas un encodage de texte : utilisez par ex. utf-8, cp1252, utf-16.",
    "{} '{}' cannot decode line {} of '{}' (byte 0x{}): leave it empty to detect the encoding, or give the right one.":
        "{} « {} » ne peut pas décoder la ligne {} de « {} » (octet 0x{}) : laissez-le vide pour détecter "
        "l'encodage, ou donnez le bon.",
    "'{}' looks like {} but line {} cannot be decoded (byte 0x{}): give the encoding with the ENCODING parameter, "
    "or save the file again as UTF-8.":
        "« {} » semble être en {} mais la ligne {} ne peut pas être décodée (octet 0x{}) : donnez l'encodage avec le "
        "paramètre ENCODING, ou enregistrez à nouveau le fichier en UTF-8.",
    # core/readers.py, core/workbooks.py
    "SEPARATOR '{}' must be one character other than a quote or a line break (; , | or tab); leave it empty to "
    "detect it.":
        "SEPARATOR « {} » doit être un seul caractère autre qu'un guillemet ou un saut de ligne (; , | ou tab) ; "
        "laissez-le vide pour le détecter.",
    "Sheet '{}' of '{}' is empty.": "La feuille « {} » de « {} » est vide.",
    "Sheet '{}' of '{}' pads its rows with more than {:,} empty cells (row {} reaches column {}): delete the empty "
    "rows and columns around the table, or save the sheet as CSV.":
        "La feuille « {} » de « {} » complète ses lignes par plus de {:,} cellules vides (la ligne {} atteint la "
        "colonne {}) : supprimez les lignes et colonnes vides autour du tableau, ou enregistrez la feuille en CSV.",
    "Sheet '{}' of '{}' spans more than {:,} cells ({} rows x {} columns with values): delete the empty rows and "
    "columns around the table, or save the sheet as CSV.":
        "La feuille « {} » de « {} » s'étend sur plus de {:,} cellules ({} lignes x {} colonnes avec des valeurs) : "
        "supprimez les lignes et colonnes vides autour du tableau, ou enregistrez la feuille en CSV.",
    # core/members.py (add_reader_rows): REJECTED.reason
    "line {} is above the header (line {}): a title or a note, not a row of the table":
        "la ligne {} est au-dessus de l'en-tête (ligne {}) : un titre ou une note, pas une ligne du tableau",
    "line {} repeats the header: the rows below it are read with its column names":
        "la ligne {} répète l'en-tête : les lignes en dessous sont lues avec ses noms de colonnes",
    # algorithms/import_reading_log.py
    "row {} (line {})": "ligne {} (ligne {} du fichier)",
    "line {}": "ligne {} du fichier",
    "and {} more": "et {} autres",
    "Header found on line {}: the {} line(s) above it are rejected (rule above_header); source_row counts data rows "
    "below the header.":
        "En-tête trouvé à la ligne {} : les {} ligne(s) au-dessus sont rejetées (règle above_header) ; source_row "
        "compte les lignes de données sous l'en-tête.",
    "; new column(s): {}": " ; nouvelle(s) colonne(s) : {}",
    "Line {} (row {}) repeats the header: rejected (rule repeated_header); the {} row(s) below it are read with its "
    "column names{}.":
        "La ligne {} du fichier (ligne {}) répète l'en-tête : rejetée (règle repeated_header) ; les {} ligne(s) en "
        "dessous sont lues avec ses noms de colonnes{}.",
    "{} blank row(s) after the last data row ignored.": "{} ligne(s) vide(s) après la dernière ligne de données ignorée(s).",
    "byte order mark": "marque d'ordre des octets (BOM)",
    "NUL bytes, no byte order mark": "octets NUL, sans marque d'ordre des octets",
    "Encoding {} detected ({}).": "Encodage {} détecté ({}).",
    "Encoding {} of the project layer used.": "Encodage {} de la couche du projet utilisé.",
    "'{}' is not UTF-8: read as Windows-1252 (cp1252), the encoding of Excel's CSV on Windows. If accented names "
    "look wrong, give the encoding with the ENCODING parameter.":
        "« {} » n'est pas en UTF-8 : lu en Windows-1252 (cp1252), l'encodage des CSV d'Excel sous Windows. Si des "
        "noms accentués semblent faux, donnez l'encodage avec le paramètre ENCODING.",
    "{} line(s) of '{}' are not valid UTF-8 (bytes of another encoding, e.g. an 'é' typed in a Windows editor): "
    "those bytes were read as Windows-1252 and the rows flagged encoding_repaired: {}.":
        "{} ligne(s) de « {} » ne sont pas en UTF-8 valide (octets d'un autre encodage, par ex. un « é » tapé dans "
        "un éditeur Windows) : ces octets ont été lus en Windows-1252 et les lignes marquées encoding_repaired : {}.",
    "{} line(s) of '{}' hold bytes undefined in Windows-1252 (0x81, 0x8D, 0x8F, 0x90 or 0x9D), kept as control "
    "characters: {}. The file may be in another encoding: give it with the ENCODING parameter.":
        "{} ligne(s) de « {} » contiennent des octets non définis en Windows-1252 (0x81, 0x8D, 0x8F, 0x90 ou 0x9D), "
        "gardés comme caractères de contrôle : {}. Le fichier est peut-être dans un autre encodage : donnez-le avec "
        "le paramètre ENCODING.",
}
