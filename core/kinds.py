"""Entity kinds: free FR/NL/EN labels -> the four atlas kinds.

QGIS-free. The atlas distinguishes companies, training entities, public
entities and R&D entities (universities count as R&D, as in the ICT map).
A label is matched first as a whole, then by keywords in a fixed order
(research before training before public before company, so "centre de
recherche public" is research and "entreprise publique" is public).
An unmapped label keeps its text (flag ``kind_unmapped``); an empty label
becomes ``unknown`` (flag ``kind_missing``).
"""
import re

from .text import normalise_key

KINDS = ("company", "training", "public", "research")
UNKNOWN_KIND = "unknown"

# Keyword -> kind, tried in this order on whole words of the folded label.
_KEYWORDS = [
    ("research", [
        "r&d", "r & d", "r-d", "rd", "recherche", "research", "onderzoek", "onderzoekscentrum", "universite",
        "university", "universiteit", "univ", "laboratoire", "laboratory", "labo", "lab", "centre agree",
        "centre de recherche", "research centre", "research center", "kenniscentrum", "science", "scientifique",
        "academic", "academique", "spin-off",
    ]),
    ("training", [
        "formation", "formations", "opleiding", "opleidingscentrum", "opleidingen", "training", "trainingen",
        "ecole", "school", "hogeschool", "haute ecole", "enseignement", "onderwijs", "education", "educatie",
        "forem", "vdab", "ifapme", "efp", "centre de competence", "competence centre", "apprentissage",
    ]),
    ("public", [
        "public", "publique", "publiques", "publics", "overheid", "publiek", "publieke", "administration",
        "administratie", "gemeente", "commune", "ville", "stad", "ministere", "ministerie", "ministry", "agence",
        "agency", "agentschap", "intercommunale", "province", "provincie", "region", "regio", "government",
        "gouvernement", "pouvoir public", "pouvoirs publics", "etat", "state", "cpas", "ocmw", "federal", "asbl publique",
    ]),
    ("company", [
        "entreprise", "entreprises", "societe", "company", "companies", "firm", "firme", "bedrijf", "bedrijven",
        "onderneming", "ondernemingen", "pme", "kmo", "sme", "tpe", "startup", "start-up", "industrie", "industry",
        "industriel", "private", "prive", "privee", "commercial", "commerciale", "sa", "srl", "sprl", "nv", "bv",
        "bvba", "ltd", "gmbh", "sarl", "corporation", "business", "enterprise", "fournisseur", "supplier",
        "consultant", "consultance", "consulting", "indépendant", "independant", "zelfstandige", "freelance",
    ]),
]
_EXACT = {"entreprise": "company", "rd": "research", "r&d": "research", "r et d": "research", "o&o": "research"}
for _kind in KINDS:
    _EXACT[_kind] = _kind
_PATTERNS = [
    (kind, re.compile(r"(?<![\w&])(?:" + "|".join(re.escape(normalise_key(w)) for w in sorted(words, key=len, reverse=True)) + r")(?![\w&])"))
    for kind, words in _KEYWORDS
]


def map_kind(label):
    """``(kind, flag)``: flag is None, ``"kind_unmapped"`` or ``"kind_missing"``."""
    key = normalise_key(label)
    if not key:
        return UNKNOWN_KIND, "kind_missing"
    if key in _EXACT:
        return _EXACT[key], None
    for kind, pattern in _PATTERNS:
        if pattern.search(key):
            return kind, None
    return str(label).strip(), "kind_unmapped"
