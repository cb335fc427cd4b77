"""French for the geometry checks of zone layers (algorithms/geometry_check.py) and the messages
about codes without usable geometry (aggregatepostcodes)."""
MESSAGES = {
    '{} and {} more':
        '{} et {} autres',
    '{}: {} feature(s) without geometry (NULL): {}.':
        '{} : {} entité(s) sans géométrie (NULL) : {}.',
    '{}: {} feature(s) with an EMPTY geometry, treated as without geometry (like NULL): {}.':
        '{} : {} entité(s) à géométrie VIDE (EMPTY), traitée(s) comme sans géométrie (comme NULL) : {}.',
    '{}: {} invalid polygon(s) (self-intersection, overlapping parts...) repaired with makeValid; their repaired polygons are used: {}.':
        '{} : {} polygone(s) invalide(s) (auto-intersection, parties qui se chevauchent...) réparé(s) par makeValid ; '
        'leurs polygones réparés sont utilisés : {}.',
    '{}: {} invalid polygon(s) not used: nothing polygonal is left once repaired with makeValid (treated as without geometry): {}.':
        "{} : {} polygone(s) invalide(s) non utilisé(s) : la réparation par makeValid n'en laisse aucune surface "
        '(traité(s) comme sans géométrie) : {}.',
    '{} postcode(s) of the reference layer have no usable geometry (NULL, EMPTY or beyond repair), e.g. {}: they are left out of the zones and their members go to UNMATCHED.':
        '{} code(s) postal(aux) de la couche de référence sans géométrie utilisable (NULL, vide ou irréparable), '
        'p. ex. {} : ils sont écartés des zones et leurs membres vont dans UNMATCHED.',
    'No postcode of the reference layer has a usable geometry (all NULL, EMPTY or invalid beyond repair): check POSTCODES.':
        "Aucun code postal de la couche de référence n'a de géométrie utilisable (toutes NULL, vides ou invalides "
        'et irréparables) : vérifiez POSTCODES.',
}
