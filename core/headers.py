"""Detect which column plays which role from FR/NL/EN headers.

QGIS-free. A header matches a role exactly (after folding: case, accents,
punctuation, ``(s)``) or, less strongly, when it starts with / contains one of
the role's words. Each column serves one role at most; explicit choices win.
"""
import re

from .text import normalise_key

ROLES = ("id", "name", "cluster", "kind", "postcode", "country", "employment", "year")

SYNONYMS = {
    "id": [
        "id", "entity id", "entity_id", "identifiant", "identifier", "code entite", "numero d'entreprise",
        "numero entreprise", "n entreprise", "no entreprise", "bce", "kbo", "n bce", "numero bce", "bce number",
        "kbo nummer", "ondernemingsnummer", "company number", "enterprise number", "tva", "btw", "vat",
        "numero tva", "btw nummer", "vat number", "siren", "siret",
    ],
    "name": [
        "nom", "name", "naam", "raison sociale", "denomination", "entite", "entity", "nom de l'entite",
        "nom entite", "nom de l'entreprise", "nom entreprise", "entreprise", "organisation", "organization",
        "organisatie", "bedrijfsnaam", "bedrijf", "company", "company name", "societe", "membre", "member",
        "lid", "naam organisatie", "organisme", "institution", "instelling",
    ],
    "cluster": [
        "cluster", "clusters", "nom du cluster", "cluster name", "clusternaam", "pole", "poles",
        "pole de competitivite", "reseau", "reseaux", "netwerk", "network", "filiere", "groupement",
    ],
    "kind": [
        "type", "types", "kind", "categorie", "category", "categorie d'entite", "type d'entite", "type entite",
        "entity type", "entity kind", "soort", "type organisatie", "nature", "statut", "status", "genre",
        "secteur institutionnel",
    ],
    "postcode": [
        "code postal", "cp", "c.p.", "code_postal", "codepostal", "postcode", "post code", "postal code",
        "postalcode", "zip", "zip code", "zipcode", "postnummer", "npa", "code postal siege",
        "cp siege", "postcode vestiging",
    ],
    "country": ["pays", "country", "land", "pays siege", "country code", "code pays", "landcode", "nation"],
    "employment": [
        "effectif", "effectifs", "emploi", "emplois", "employment", "employees", "employes", "werknemers",
        "aantal werknemers", "headcount", "etp", "fte", "vte", "personnel", "staff", "nombre d'emplois",
        "nombre d'employes", "nombre de travailleurs", "travailleurs", "tewerkstelling", "werkgelegenheid",
        "personeel", "personeelsbestand", "jobs", "emp", "taille", "size", "grootte", "effectif total",
    ],
    "year": ["annee", "year", "jaar", "millesime", "annee de reference", "reference year", "referentiejaar"],
}

# Words that, inside a longer header, still point to the role ("Effectif 2011", "Code postal siège").
_CONTAINS = {
    "id": ["bce", "kbo", "ondernemingsnummer", "identifiant", "siren", "tva", "btw", "vat"],
    "name": ["nom", "name", "naam", "raison sociale", "denomination"],
    "cluster": ["cluster", "pole", "clusters"],
    "kind": ["type", "categorie", "category", "soort"],
    "postcode": ["code postal", "postcode", "postal", "zip", "cp"],
    "country": ["pays", "country", "land"],
    "employment": ["effectif", "effectifs", "emploi", "emplois", "employes", "employees", "employment", "werknemers", "headcount", "etp", "fte", "vte", "personnel", "personeel"],
    "year": ["annee", "year", "jaar"],
}


def header_key(header):
    """Folded header: ``"Cluster(s)"`` -> ``"clusters"``, ``"Code_Postal"`` -> ``"code postal"``."""
    key = normalise_key(header).replace("(s)", "s")
    key = re.sub(r"[_\s.:/\\-]+", " ", key)
    key = re.sub(r"[^\w&' ]", "", key)
    return re.sub(r"\s+", " ", key).strip()


_EXACT = {role: {header_key(word) for word in words} for role, words in SYNONYMS.items()}
_CONTAINS_RE = {
    role: re.compile(r"\b(?:" + "|".join(re.escape(header_key(w)) for w in words) + r")\b")
    for role, words in _CONTAINS.items()
}


def score(header, role):
    """2 for an exact synonym, 1 for a contained role word, 0 otherwise."""
    key = header_key(header)
    if key in _EXACT[role]:
        return 2
    if _CONTAINS_RE[role].search(key):
        return 1
    return 0


def is_known_header(text):
    """True when ``text`` is a header name of some role (exact synonym or role word):
    used to find the header row below title rows."""
    return any(score(text, role) for role in ROLES)


def detect_columns(headers, explicit=None, roles=ROLES):
    """Map each role to a column.

    ``headers``: the column names in table order. ``explicit``: role -> column
    chosen by the user (kept as is; None/'' means detect). Returns
    ``(mapping, notes)``: mapping role -> column or None; notes role -> list of
    other columns that also matched (to show in the log).
    """
    explicit = {r: c for r, c in (explicit or {}).items() if c}
    mapping = dict.fromkeys(roles)
    notes = {role: [] for role in roles}
    used = set()
    for role, column in explicit.items():
        mapping[role] = column
        used.add(column)
    # Exact matches first for every role, then contained words, so that an exact
    # "Nom" is never taken by a looser role first.
    for level in (2, 1):
        for role in roles:
            if role in explicit:
                continue
            candidates = [h for h in headers if h not in used and score(h, role) == level]
            if candidates and mapping[role] is None:
                mapping[role] = candidates.pop(0)
                used.add(mapping[role])
            notes[role].extend(candidates)
    return mapping, notes
