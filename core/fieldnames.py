"""Field-name slugs for per-cluster and per-kind columns (``emp_<slug>``).

QGIS-free. Cluster names are free text ("Éco-construction", "Logistique &
transport en Wallonie"), but column names must be ASCII, short enough for
every format and the same from one run to the next, whatever other clusters
the table holds, so that styles and models can rely on them. A slug depends
only on its own name; a short hash of the name makes long or colliding slugs
unique without depending on the order of the clusters.
"""
import hashlib
import re

from .text import normalise_key

MAX_LENGTH = 20
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
# Prefixes whose fields would clash: a cluster slug "k_company" would give
# emp_k_company, which is the kind field of "company".
_RESERVED_PREFIXES = ("k_",)


def _hash(key, length=4):
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:length]


def base_slug(name):
    """ASCII, lower case, ``[a-z0-9_]``: ``"Éco-construction"`` -> ``"eco_construction"``."""
    slug = _NOT_ALNUM.sub("_", normalise_key(name)).strip("_")
    return slug or "x"


def slug(name, max_length=MAX_LENGTH, force_hash=False):
    """Stable slug of one name, at most ``max_length`` characters."""
    key = normalise_key(name)
    text = base_slug(name)
    if text.startswith(_RESERVED_PREFIXES):
        text = "c" + text
    if force_hash or len(text) > max_length:
        text = text[: max_length - 5].rstrip("_") + "_" + _hash(key)
    return text


def slugs(names, max_length=MAX_LENGTH):
    """``{name: slug}`` for distinct names (names that fold to the same key share one slug).

    Names whose plain slugs collide all get the hashed form, so a slug never
    depends on which other names are present.
    """
    keys = {}
    for name in names:
        keys.setdefault(normalise_key(name), name)
    by_slug = {}
    for key in keys:
        by_slug.setdefault(slug(key, max_length), []).append(key)
    result = {}
    for plain, group in by_slug.items():
        for key in group:
            result[key] = plain if len(group) == 1 else slug(key, max_length, force_hash=True)
    if len(set(result.values())) != len(result):  # a hash collision: astronomically rare, still handled
        taken = {}
        for key in sorted(result):
            value = result[key]
            n = taken.get(value, 0)
            taken[value] = n + 1
            if n:
                result[key] = value[: max_length - len(str(n))] + str(n)
    return {name: result[normalise_key(name)] for name in names}
