"""French for clusteratlas:importmembers (algorithms/import_members.py)."""
import ast
from pathlib import Path


def _english_help():
    # The HELP key is read from the algorithm's source (no QGIS import needed),
    # so the key always equals the English text exactly.
    source = (Path(__file__).resolve().parents[2] / "algorithms" / "import_members.py").read_text(encoding="utf-8")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == "HELP":
            return ast.literal_eval(node.value)
    raise RuntimeError("HELP not found in algorithms/import_members.py")


HELP_FR = """<p>Transforme une liste de membres de cluster telle qu'on la reçoit (CSV d'Excel, classeur XLSX/ODS, table GeoPackage ou de base de données, couche du projet) en une <b>table des membres</b> propre : une ligne par appartenance (entité, cluster), avec des codes postaux normalisés, l'emploi interprété et les types d'entités reconnus. Chaque ligne d'entrée aboutit soit dans la table des membres, soit dans la table des rejets, avec la raison.</p>
<h3>Méthode</h3>
<p>L'atlas compte, pour chaque cluster, l'emploi de ses entités membres (entreprises, centres de recherche et de formation, organismes publics) placées par leur code postal. L'importation construit la base de ce décompte : une ligne par appartenance (entité, cluster), de sorte qu'une entité membre de deux clusters compte une fois dans chacun ; les entités dont l'effectif ne reflète pas l'activité dans le cluster (toute une université, l'effectif mondial d'une banque) sont écartées par le plafond d'emploi ou la liste d'exclusion, comme le fait l'atlas ; et rien ne se perd en silence : EMPLOYMENT_IN = EMPLOYMENT_OUT + EMPLOYMENT_EXCLUDED.</p>
<h3>Paramètres</h3>
<ul>
<li><b>Table des membres en entrée</b> (INPUT) : une couche ou table du projet, un fichier ou une table de base de données. Les fichiers CSV/TXT/TSV et les classeurs XLSX/ODS (aussi chargés comme couches du projet sans filtre) sont lus directement : l'encodage (UTF-8 avec ou sans BOM, UTF-16 et UTF-32 comme le « Texte Unicode » d'Excel, sinon Windows-1252), le séparateur (; , tab |) et la marque décimale sont détectés, et les codes postaux gardent leurs zéros initiaux. Un fichier UTF-8 contenant quelques octets d'un autre encodage (un « é » tapé dans un éditeur Windows) reste lu en UTF-8 : seuls ces octets sont lus en Windows-1252, et leurs lignes sont marquées encoding_repaired et nommées dans le journal. L'en-tête est la première ligne qui nomme des noms de colonnes connus (les titres au-dessus en nomment moins) ; chaque ligne au-dessus va dans les rejets (règle above_header). Un en-tête répété plus bas (deux exports collés dans un fichier) est rejeté (règle repeated_header) et les lignes en dessous sont lues avec ses propres noms de colonnes, associés par nom ou par rôle (une nouvelle colonne est ajoutée). Les lignes vides entre des lignes de données sont rejetées comme empty_row ; les lignes vides après la dernière sont ignorées (le journal les compte). Les colonnes sans en-tête ni valeur (séparateurs en fin de ligne) sont supprimées, une colonne sans en-tête avec des valeurs s'appelle column_N, et un nom de colonne répété reçoit « (2) » (le journal le dit).</li>
<li><b>Feuille</b> (SHEET) : feuille du classeur, par nom ou numéro à partir de 0 ; vide = première feuille.</li>
<li><b>Champs nom, cluster, type, code postal, pays, emploi, identifiant et année</b> (NAME_FIELD, CLUSTER_FIELD, KIND_FIELD, POSTCODE_FIELD, COUNTRY_FIELD, EMPLOYMENT_FIELD, ID_FIELD, YEAR_FIELD) : tous facultatifs. Laissés vides, ils sont détectés d'après les en-têtes français, néerlandais ou anglais (Nom/Naam/Name, Cluster(s)/Pôle, Type/Soort, Code postal/CP/Postcode, Pays/Land/Country, Effectif/Emploi/Werknemers/Employees, BCE/KBO/Id, Année/Jaar/Year) ; le journal indique quelle colonne a été choisie. Les colonnes du nom et du code postal sont obligatoires, celle du cluster aussi sauf si un cluster par défaut est donné.</li>
<li><b>Cluster par défaut</b> (CLUSTER) : cluster des lignes dont la cellule cluster est vide, ou de toutes les lignes s'il n'y a pas de colonne cluster (liste des membres d'un seul cluster).</li>
<li><b>Pays par défaut</b> (DEFAULT_COUNTRY) : code ISO utilisé quand ni une colonne pays ni un préfixe (B-, L-, F-, NL-, D-) ne donnent le pays. BE par défaut.</li>
<li><b>Entités exclues</b> (EXCLUDE) : noms ou identifiants séparés par ; ou des retours à la ligne, chacun éventuellement suivi de @ et d'un cluster pour ne l'exclure que de ce cluster, p. ex. <code>UCLouvain; Delhaize @ Nutrition</code>.</li>
<li><b>Table d'exclusion</b> (EXCLUSIONS) : une table avec une colonne nom ou identifiant, une colonne cluster facultative (vide = tous les clusters) et une colonne raison facultative.</li>
<li><b>Plafond d'emploi</b> (EMPLOYMENT_CEILING) : les appartenances des entités dont l'emploi est plus grand sont exclues (tout le personnel d'une université, l'effectif mondial d'une banque). 0 ou vide = pas de plafond.</li>
<li><b>Part extrême</b> (OUTLIER_SHARE, avancé, 0,5 par défaut) : avertit quand une entité détient plus que cette part de l'emploi de son cluster (par année avec une colonne d'année), parmi les clusters d'au moins 5 entités à l'emploi connu ; l'avertissement nomme l'entité, sa ligne, la part, et ce que EXCLUDE=<i>nom</i> @ <i>cluster</i> ou un EMPLOYMENT_CEILING laisserait au cluster. Rien n'est retiré. 0 = pas d'avertissement.</li>
<li><b>Encodage</b> et <b>Séparateur</b> (ENCODING, SEPARATOR, avancés) : à imposer quand la détection se trompe. ENCODING est un nom de codec Python (utf-8, cp1252, utf-16, utf-32, latin-1...) : il l'emporte sur la détection, et un nom inconnu, ou qui ne décode pas le fichier, arrête l'exécution en nommant la ligne concernée. SEPARATOR est un seul caractère (tab peut s'écrire tab).</li>
<li><b>Séparateurs de clusters</b> (CLUSTER_SEPARATORS, avancé) : les caractères qui séparent toujours les clusters d'une cellule (par défaut <code>;|</code> ; les retours à la ligne dans une cellule séparent aussi). <code>/</code>, <code>,</code>, <code>+</code>, <code>&amp;</code> et les mots <i>et</i>, <i>en</i>, <i>and</i> ne séparent que des clusters nommés chacun seul (voir Règles) ; écrivez l'un d'eux ici pour toujours séparer sur lui (p. ex. <code>/;|</code>). Vide = un seul cluster par cellule. L'ancienne valeur par défaut <code>;,/|</code>, encore enregistrée dans d'anciens modèles, est lue comme la valeur par défaut (le journal le signale) ; pour vraiment toujours séparer sur / et , écrivez-les dans un autre ordre, p. ex. <code>/,;|</code>.</li>
<li><b>Noms de clusters connus</b> (CLUSTER_NAMES, avancé) : noms de clusters séparés par ; ou des retours à la ligne, connus même si la table ne les nomme jamais seuls : « Transport/Logistique » est séparé quand Transport et Logistique sont listés ici.</li>
</ul>
<h3>Règles</h3>
<ul>
<li>Codes postaux : B-1348, B 1348, BE-1348, 1348 Louvain-la-Neuve, 1400.0 donnent tous la clé BE-1348 ; L-4365 est au Luxembourg (LU-4365). Le pays vient de la colonne pays, sinon du préfixe, sinon du pays par défaut. Les chiffres de toute écriture (pleine chasse １３４８, arabes ١٣٤٨) sont d'abord lus comme 1348. Contrôle par pays : BE 4 chiffres 1000-9999, LU 4 chiffres, FR 5 chiffres, NL 4 chiffres et 2 lettres, DE 5 chiffres ; tout le reste est rejeté avec la valeur brute.</li>
<li>Emploi : 1 250 et 1.250 (milliers), 12,5 (virgule décimale), classes de taille comme 10-19 (milieu 14,5, signalé comme estimé), 500+ (borne inférieure, estimé), valeurs approchées comme ca. 40, env. 40, ±40, +/- 40, ~40 ou 4,5k (4500), gardées et signalées comme estimées. Vide, ?, ou un mot pour inconnu en français, néerlandais, anglais ou allemand (n.c., inconnu, n.b., onb., onbekend, n.v.t., n/a, unknown, k.A., unbekannt...) signifie inconnu : l'entité est gardée avec un emploi NULL et le drapeau employment_unknown, jamais 0. Les valeurs négatives ou illisibles sont rejetées. Un emploi au-delà de 5 000 000 pour une entité (plus que le plus grand employeur du monde : une faute de frappe, un chiffre d'affaires dans la colonne d'emploi, 1E+308, inf) est rejeté avec la règle implausible_employment et n'est compté dans aucun total.</li>
<li>Plusieurs clusters dans une cellule : <code>;</code>, <code>|</code> et les retours à la ligne les séparent toujours. <code>/</code>, <code>,</code>, <code>+</code>, <code>&amp;</code> et les mots <i>et</i>, <i>en</i>, <i>and</i> font aussi partie de vrais noms (« Aéronautique/Spatial », « Logistique en Wallonie », « R&amp;D ») : un nom n'est séparé sur eux que si chaque morceau est un cluster nommé seul dans la même table (seul dans une cellule, ou entre ; ou |), ou est le cluster par défaut, ou figure dans CLUSTER_NAMES. « BioWin + TWEED » donne BioWin et TWEED quand les deux apparaissent seuls ailleurs ; « Transport/Logistique » reste un seul cluster quand aucun des deux n'apparaît seul. Le journal liste chaque nom ainsi séparé et chaque nom gardé entier qui contient un tel caractère, avec son nombre de lignes (les 20 premiers de chaque sorte, puis combien d'autres). Les clusters sont comparés sans tenir compte de la casse, des accents, des espaces et de la ponctuation (« aéronautique / spatial » = « Aéronautique/Spatial », « InfopôleTIC » = « Infopôle TIC », « Agro industrie » = « Agro-industrie ») et affichés tels qu'écrits la première fois ; cluster_key contient le nom replié (<code>infopoletic</code>). Deux noms différents assez proches pour être un même cluster mal tapé (une lettre ajoutée, manquante, changée ou deux lettres inversées dans un nom de 5 à 9 lettres, deux à partir de 10 lettres, nombres identiques : « Skywin » et « Skywing », pas « TWEED » et « TWIST » ni « Industrie 4.0 » et « Industrie 5.0 ») restent séparés, avec un avertissement qui donne les deux écritures et leurs premières lignes, aussi renvoyé dans CLUSTER_WARNINGS.</li>
<li>Types : les libellés français, néerlandais ou anglais sont ramenés à company (entreprise), training (formation), public et research (R&amp;D ; les universités comptent comme R&amp;D) ; un libellé non reconnu est gardé et signalé.</li>
<li>Doublons : la même entité (identifiant, sinon nom normalisé et code postal) deux fois dans un cluster ne compte qu'une fois ; la copie suivante est rejetée comme « duplicate of row N » (doublon de la ligne N). Avec une colonne année, l'année fait partie de la clé : une liste couvrant plusieurs années garde une appartenance par entité, cluster et année (la même entité dans le même cluster en 2021 et en 2022 en donne deux), et seule une seconde copie dans la même année est un doublon. Agrégez une telle table une année à la fois (YEAR de <i>Emploi par code postal</i>).</li>
<li>Lignes de total : une ligne dont le nom (ou la première cellule) est Total, Totaal, Sous-total, Subtotaal, Somme... et dont le code postal est vide ou invalide est rejetée avec la règle total_row ; son emploi n'est compté dans aucun total (le journal le signale).</li>
</ul>
<h3>Sorties</h3>
<ul>
<li><b>Membres</b> (OUTPUT) : table sans géométrie, une ligne par appartenance : entity_id, name, cluster, cluster_key, kind, kind_label, country, postcode, pc_key (p. ex. BE-1348, la clé de jointure des autres algorithmes), employment, employment_estimated, employment_unknown, year, source_row (ligne de données à partir de 1 sous l'en-tête), source_line (la ligne du fichier où commence la ligne, sauts de ligne entre guillemets comptés, ou le numéro de ligne de la feuille : ce qu'affiche un éditeur de texte ou un tableur ; pour une couche, source_row), flags (employment_estimated, employment_unknown, encoding_repaired...).</li>
<li><b>Rejets</b> (REJECTED) : chaque ligne ou appartenance absente de la table des membres : source_row (vide pour les lignes au-dessus de l'en-tête), source_line, reason (dans la langue de QGIS), rule (le code stable sur lequel filtrer : above_header, repeated_header, empty_row, total_row, missing_name, invalid_postcode, invalid_employment, implausible_employment, missing_cluster, duplicate, excluded_list, excluded_ceiling), name, cluster, le code postal, le pays, l'emploi et le type bruts, l'emploi interprété quand il était valide, et toute la ligne d'entrée en JSON.</li>
<li>Statistiques : ROWS_READ (le dernier source_row : les lignes de données sous l'en-tête, en-têtes répétés et lignes vides entre données compris, sans les lignes au-dessus de l'en-tête ni les lignes vides après la dernière ligne de données), MEMBERSHIPS, REJECTED_COUNT, ENTITIES, CLUSTERS, EMPLOYMENT_IN (emploi valide de toutes les appartenances lues), EMPLOYMENT_OUT (dans la table des membres), EMPLOYMENT_EXCLUDED (dans les rejets ; EMPLOYMENT_IN = EMPLOYMENT_OUT + EMPLOYMENT_EXCLUDED), OUTLIER_COUNT et OUTLIERS (JSON : un objet par valeur extrême avec entity_id, name, source_row, cluster, year, employment, share, cluster_employment, entities, after_exclude, ceiling, after_ceiling), REJECTED_BY_RULE, COLUMNS et CLUSTER_WARNINGS (JSON : paires de noms de clusters semblables, chacune {"clusters": [écriture, écriture], "keys": [...], "rows": [[premières lignes], [premières lignes]], "edits": n}).</li>
</ul>
<h3>Exemple</h3>
<p>INPUT = <code>sample_data/members.csv</code> (92 lignes, colonnes <i>Nom;Cluster(s);Type;Code postal;Effectif</i>), EMPLOYMENT_CEILING = 3000 : 90 appartenances de 85 entités dans 4 clusters, et 3 lignes rejetées : la ligne 89 (<i>Digi Sambre</i>, code postal 13480 : invalid_postcode), la ligne 90 (<i>Log Brabant A1</i> une seconde fois : duplicate) et la ligne 91 (<i>Université de Liège (ensemble)</i>, 5600 : excluded_ceiling) ; EMPLOYMENT_IN 17 727 = EMPLOYMENT_OUT 11 800 + EMPLOYMENT_EXCLUDED 5 927. La ligne <i>Softcom Brabant;"Infopôle cluster TIC; TWIST";Entreprise;B-1348;1 250</i> donne deux appartenances (Infopôle cluster TIC et TWIST) à BE-1348 avec un emploi de 1250 chacune ; <i>10-19</i> donne 14,5 (employment_estimated) et <i>n.c.</i> un emploi NULL (employment_unknown).</p>"""

MESSAGES = {
    _english_help(): HELP_FR,
    "Import cluster members": "Importer les membres des clusters",
    "cluster,members,import,csv,xlsx,ods,postcode,employment,effectif,clean": "cluster,membres,importation,csv,xlsx,ods,code postal,emploi,effectif,nettoyage",
    "Input member table": "Table des membres en entrée",
    "Sheet (workbooks)": "Feuille (classeurs)",
    "Name field (empty = detect)": "Champ du nom (vide = détection)",
    "Cluster field (empty = detect)": "Champ du cluster (vide = détection)",
    "Kind field (empty = detect)": 'Champ du type (vide = détection)',
    "Postcode field (empty = detect)": "Champ du code postal (vide = détection)",
    "Country field (empty = detect)": "Champ du pays (vide = détection)",
    "Employment field (empty = detect)": "Champ de l'emploi (vide = détection)",
    "Entity id field (empty = detect)": 'Champ identifiant (vide = détection)',
    "Year field (empty = detect)": "Champ de l'année (vide = détection)",
    "Default cluster": "Cluster par défaut",
    "Default country (ISO code)": "Pays par défaut (code ISO)",
    'Excluded entities': 'Entités exclues',
    "Exclusion table": "Table d'exclusion",
    "Employment ceiling (0 = none)": "Plafond d'emploi (0 = aucun)",
    "Encoding (empty = detect)": "Encodage (vide = détection)",
    "Separator (empty = detect)": "Séparateur (vide = détection)",
    "Members": "Membres",
    "Rejected": "Rejets",
    "Rows read": "Lignes lues",
    "Memberships": "Appartenances",
    "Rejected rows or memberships": "Lignes ou appartenances rejetées",
    "Entities": "Entités",
    "Clusters": "Clusters",
    "Valid employment read": "Emploi valide lu",
    "Employment in the member table": "Emploi dans la table des membres",
    "Employment in the rejects": "Emploi dans les rejets",
    "Rejects by rule (JSON)": "Rejets par règle (JSON)",
    "Columns used (JSON)": "Colonnes utilisées (JSON)",
    "Incorrect parameter value for {}": "Valeur de paramètre incorrecte pour {}",
    "Unknown encoding '{}': {}": "Encodage inconnu « {} » : {}",
    "Read {} rows from sheet '{}' of {} (sheets: {}).": "{} lignes lues dans la feuille « {} » de {} (feuilles : {}).",
    "Read {} rows from {} (encoding {}, separator '{}').": "{} lignes lues dans {} (encodage {}, séparateur « {} »).",
    "Read {} rows from the input layer.": "{} lignes lues dans la couche d'entrée.",
    "{}: column '{}' is not in the input. Columns: {}.": "{} : la colonne « {} » n'existe pas dans l'entrée. Colonnes : {}.",
    "The exclusion table has no column.": "La table d'exclusion n'a aucune colonne.",
    "Exclusion table: {} rule(s) from column '{}' (cluster column: {}).": "Table d'exclusion : {} règle(s) tirée(s) de la colonne « {} » (colonne cluster : {}).",
    "DEFAULT_COUNTRY '{}' is not supported; use one of {}.": "DEFAULT_COUNTRY « {} » n'est pas pris en charge ; utilisez l'un de {}.",
    "Could not find the {} column(s) in the input. Columns seen: {}. Choose them with the field parameters{}.": "Colonne(s) {} introuvable(s) dans l'entrée. Colonnes vues : {}. Choisissez-les avec les paramètres de champ{}.",
    " (or give a default cluster)": " (ou donnez un cluster par défaut)",
    "chosen": "choisie",
    "detected": "détectée",
    " (also matched: {})": " (correspondent aussi : {})",
    "{}: column '{}' ({}){}": "{} : colonne « {} » ({}){}",
    "{}: no column": "{} : aucune colonne",
    "No employment column: every employment is unknown (NULL, flagged).": "Pas de colonne d'emploi : tous les emplois sont inconnus (NULL, signalés).",
    "Rows with an empty cluster cell go to the default cluster '{}'.": "Les lignes dont la cellule cluster est vide vont dans le cluster par défaut « {} ».",
    "{} rows read: {} memberships of {} entities in {} clusters; {} rejected.": "{} lignes lues : {} appartenances de {} entités dans {} clusters ; {} rejets.",
    "  rejected ({}): {}": "  rejets ({}) : {}",
    "Several years: {}. One membership per entity, cluster and year; aggregate one year at a time (YEAR of Employment per postal code).": "Plusieurs années : {}. Une appartenance par entité, cluster et année ; agrégez une année à la fois (YEAR de Emploi par code postal).",
    "{} ({} memberships)": "{} ({} appartenances)",
    "Employment: {:,.1f} valid read = {:,.1f} in the member table + {:,.1f} in the rejects.": "Emploi : {:,.1f} valide lu = {:,.1f} dans la table des membres + {:,.1f} dans les rejets.",
    "{} memberships with an estimated employment (size class), {} with an unknown employment (NULL).": "{} appartenances avec un emploi estimé (classe de taille), {} avec un emploi inconnu (NULL).",
    "{} input row(s) have no membership in the member table: see the Rejected output.": "{} ligne(s) d'entrée sans appartenance dans la table des membres : voir la sortie Rejets.",
    "Header found on line {} (the lines above it are a title, skipped); source_row counts data rows below the header.":
        "En-tête trouvé à la ligne {} (les lignes au-dessus forment un titre, ignoré) ; source_row compte les lignes de données sous l'en-tête.",
    "Column name '{}' appears more than once: the repeated column is called '{}' (detection uses the first).":
        "Le nom de colonne « {} » apparaît plusieurs fois : la colonne répétée s'appelle « {} » (la détection utilise la première).",
    "Row {} is a total row: rejected (rule total_row); its employment {} is not counted in any total.":
        "La ligne {} est une ligne de total : rejetée (règle total_row) ; son emploi {} n'est compté dans aucun total.",
    "Could not write the GeoPackage {}: {}": "Impossible d'écrire le GeoPackage {} : {}",
    "Could not reopen the output {}.": "Impossible de rouvrir la sortie {}.",
    'Cluster separators (empty = none)': 'Séparateurs de clusters (vide = aucun)',
}

# Messages of core/ (N_ templates: reject reasons of core/members.py,
# core/employment.py and core/postcodes.py; read errors of core/readers.py).
MESSAGES.update({
    "missing entity name": "nom de l'entité manquant",
    "no cluster (empty cluster cell and no default cluster)": "pas de cluster (cellule cluster vide et pas de cluster par défaut)",
    "empty row": "ligne vide",
    "empty": "vide",
    "total row ('{}'): not a member; its employment ({}) is not counted": "ligne de total ('{}') : pas un membre ; son emploi ({}) n'est pas compté",
    "duplicate of row {}": "doublon de la ligne {}",
    "duplicate of row {} (same entity, cluster and year {:d})": "doublon de la ligne {} (même entité, même cluster et même année {:d})",
    "employment {:g} above the ceiling {:g} (cluster {})": "emploi {:g} au-dessus du plafond {:g} (cluster {})",
    "excluded by the exclusion list ('{}')": "exclu par la liste d'exclusion ('{}')",
    "excluded by the exclusion list ('{}' for cluster {})": "exclu par la liste d'exclusion ('{}' pour le cluster {})",
    "excluded by the exclusion list ('{}'): {}": "exclu par la liste d'exclusion ('{}') : {}",
    "excluded by the exclusion list ('{}' for cluster {}): {}": "exclu par la liste d'exclusion ('{}' pour le cluster {}) : {}",
    "size class '{}' is not a range low-high": "la classe de taille '{}' n'est pas un intervalle bas-haut",
    "employment '{}' is not a number, a size class (10-19) or unknown (n.c., ?)": "l'emploi '{}' n'est ni un nombre, ni une classe de taille (10-19), ni inconnu (n.c., ?)",
    "employment '{}' is not a finite number": "l'emploi '{}' n'est pas un nombre fini",
    "negative employment '{}'": "emploi négatif '{}'",
    "missing postcode": "code postal manquant",
    "unreadable postcode '{raw}'": "code postal illisible '{raw}'",
    "unknown country prefix '{prefix}' in postcode '{raw}'": "préfixe de pays inconnu '{prefix}' dans le code postal '{raw}'",
    "unknown country '{country}' for postcode '{raw}'": "pays inconnu '{country}' pour le code postal '{raw}'",
    "postcode '{raw}' has prefix {prefix} but the country column says {country}": "le code postal '{raw}' a le préfixe {prefix} mais la colonne pays indique {country}",
    "no country for postcode '{raw}' and no default country": "pas de pays pour le code postal '{raw}' et pas de pays par défaut",
    "unsupported country '{country}' for postcode '{raw}'": "pays '{country}' non pris en charge pour le code postal '{raw}'",
    "invalid Belgian postcode '{raw}' (expected 4 digits 1000-9999)": "code postal belge invalide '{raw}' (attendu : 4 chiffres 1000-9999)",
    "invalid Luxembourg postcode '{raw}' (expected 4 digits)": "code postal luxembourgeois invalide '{raw}' (attendu : 4 chiffres)",
    "invalid French postcode '{raw}' (expected 5 digits)": "code postal français invalide '{raw}' (attendu : 5 chiffres)",
    "invalid German postcode '{raw}' (expected 5 digits)": "code postal allemand invalide '{raw}' (attendu : 5 chiffres)",
    "invalid Dutch postcode '{raw}' (expected 4 digits and 2 letters, e.g. 1012 AB)": "code postal néerlandais invalide '{raw}' (attendu : 4 chiffres et 2 lettres, p. ex. 1012 AB)",
    "File not found: '{}'": "Fichier introuvable : '{}'",
    "Cannot open '{}': {}": "Impossible d'ouvrir '{}' : {}",
    "'{}' is empty.": "'{}' est vide.",
    "Cannot read '{}' separated by '{}': the header has {} fields but {}. A separator inside a value? Quote such values, or choose the separator with the SEPARATOR parameter.": "Impossible de lire '{}' avec le séparateur '{}' : l'en-tête a {} champs mais {}. Un séparateur dans une valeur ? Mettez ces valeurs entre guillemets, ou choisissez le séparateur avec le paramètre SEPARATOR.",
    "row {} has {} fields": "la ligne {} a {} champs",
    "the rows do not match it": "les lignes ne lui correspondent pas",
    "Reading '{}' needs the Python package for '{}' ({}). Install it or save the sheet as CSV.": "La lecture de '{}' demande le paquet Python de '{}' ({}). Installez-le ou enregistrez la feuille en CSV.",
    "Cannot open workbook '{}': {}": "Impossible d'ouvrir le classeur '{}' : {}",
    "Sheet '{}' not found in '{}'. Sheets: {}.": "Feuille '{}' introuvable dans '{}'. Feuilles : {}.",
    "Sheet number {} not found in '{}' (it has {} sheets: {}).": "Feuille numéro {} introuvable dans '{}' (il a {} feuilles : {}).",
    "Unsupported file type '{}' for '{}': use CSV/TXT/TSV, XLSX or ODS.": "Type de fichier '{}' non pris en charge pour '{}' : utilisez CSV/TXT/TSV, XLSX ou ODS.",
})
