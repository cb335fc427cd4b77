"""Stable, colour-blind-safe colours for clusters and entity kinds (QGIS-free).

A cluster's colour must be the same on every map and in every run, whatever
other clusters are present and whatever their order in the table. So the colour
comes from the cluster's *normalised name* (``normalise_key``: case, accents,
spacing folded), hashed with a fixed function (SHA-1, not Python's salted
``hash``) into a fixed palette. Each name gets its own preference order over
the palette; a name keeps its first choice unless another cluster present on
the same map already holds it (collision), in which case the one with the
smaller hash keeps it and the other takes its next free preference. Colours
repeat only when there are more clusters than palette entries.

Palette: Paul Tol's "muted" qualitative scheme (9 colours, distinguishable for
the common colour-vision deficiencies and in print). The atlas has 8 clusters.
"""
import hashlib

from .text import normalise_key

CLUSTER_PALETTE = (
    "#332288",  # indigo
    "#88ccee",  # cyan
    "#44aa99",  # teal
    "#117733",  # green
    "#999933",  # olive
    "#ddcc77",  # sand
    "#cc6677",  # rose
    "#882255",  # wine
    "#aa4499",  # purple
)

# Entity kinds of the ICT 2011 map; Okabe-Ito colours, safe for colour-blind readers.
KIND_COLOURS = {
    "company": "#0072b2",  # blue
    "training": "#e69f00",  # orange
    "public": "#009e73",  # bluish green
    "research": "#cc79a7",  # reddish purple
}
KIND_OTHER_COLOUR = "#999999"

# Network classes: dark brown copper vs blue fibre (different lightness too, so
# grey-scale prints keep them apart; the QML also differs in width and dash).
NETWORK_COLOURS = {"copper": "#8c510a", "fibre": "#2166ac"}


def _digest(key):
    return int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16)


def preference_order(name, palette=CLUSTER_PALETTE):
    """Palette indices in the order ``name`` prefers them (deterministic)."""
    digest = _digest(normalise_key(name))
    n = len(palette)
    first = digest % n
    # A step coprime with n visits every entry once.
    step = 1 + (digest // n) % (n - 1) if n > 1 else 1
    while _gcd(step, n) != 1:
        step += 1
    return [(first + i * step) % n for i in range(n)]


def _gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def cluster_colour(name, palette=CLUSTER_PALETTE):
    """First-choice colour of one cluster (the colour it has when alone or uncontested)."""
    return palette[preference_order(name, palette)[0]]


def cluster_colours(names, palette=CLUSTER_PALETTE):
    """``{name: '#rrggbb'}`` for the clusters present, distinct while the palette lasts.

    Names that normalise to the same key are one cluster and share a colour.
    Collisions on a first choice are settled by hash order, independent of the
    order of ``names``.
    """
    keys = {}
    for name in names:
        if name is None:
            continue
        keys.setdefault(normalise_key(name), []).append(name)
    ordered = sorted(keys, key=lambda k: (_digest(k), k))
    prefs = {key: preference_order(key, palette) for key in ordered}
    by_key = {}
    taken = set()
    # Pass 1: every first choice goes to the smallest-hash key wanting it, so a
    # cluster loses its usual colour only to a present cluster with the same one.
    for key in ordered:
        if prefs[key][0] not in taken:
            taken.add(prefs[key][0])
            by_key[key] = palette[prefs[key][0]]
    # Pass 2: the losers take their next free preference, in hash order.
    for key in ordered:
        if key in by_key:
            continue
        free = [i for i in prefs[key] if i not in taken]
        index = free[0] if free else prefs[key][0]  # palette exhausted: colours repeat
        taken.add(index)
        by_key[key] = palette[index]
    return {name: by_key[key] for key, group in keys.items() for name in group}


def kind_colour(kind):
    return KIND_COLOURS.get(normalise_key(kind), KIND_OTHER_COLOUR)
