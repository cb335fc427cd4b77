"""Cluster names: which text of a cluster cell is one cluster, which clusters
are the same, and which look like one cluster mistyped.

QGIS-free. Used by the import (core/members.py) and by the aggregation of a
hand-written member table (core/aggregate.py), so that both group the same way.

- Key: :func:`cluster_key` folds case, accents, spaces and punctuation
  ("Aéronautique / spatial", "aeronautique-Spatial" -> ``aeronautiquespatial``;
  "InfopôleTIC", "Infopôle TIC" -> ``infopoletic``). Folding it again gives
  the same key, so a key written by an earlier import groups like its name.
- Splitting (:func:`split_cells`): ``;``, ``|`` (the always-splitting
  separators, a parameter) and line breaks always separate clusters. ``/``,
  ``,``, ``+``, ``&`` and the words ``et``, ``en``, ``and`` are also parts of
  real names ("Aéronautique/Spatial", "Logistique en Wallonie", "R&D"): a text
  is split on them only when every piece is a cluster named on its own (in the
  same table, as the default cluster, or in a list the user gives).
- Near-duplicates (:func:`similar_keys`): two different keys one or two typing
  errors apart (never a different number, never a short acronym) are reported.

Everything works on the distinct cell texts (a table of a million rows has a
few dozen), never per row.
"""
import re
from collections import namedtuple

from .text import normalise_key, normalise_key_list

# Characters of CLUSTER_SEPARATORS by default: they always split. Line breaks
# (a cell written on several lines) split too, unless CLUSTER_SEPARATORS is
# empty, which means "one cluster per cell".
DEFAULT_SEPARATORS = ";|"
# The default before the ambiguous separators were decided per text. A model
# or script saved with it meant "the default", not "always split on / and ,".
FORMER_DEFAULT = ";,/|"
LINE_BREAKS = "\r\n\x0b\x0c\x85\u2028\u2029"
# Split only when every piece is a known cluster. '&' is the sign for et/and
# ("TIC & TWIST"), but also part of names ("R&D", "Logistique & Transport"):
# the same rule as for the words decides.
AMBIGUOUS_CHARACTERS = "/,+&"
AMBIGUOUS_WORDS = ("et", "en", "and")
# A text longer than this many pieces is only split into single pieces
# (the search for groups of pieces is quadratic).
_MAX_GROUPED_PIECES = 30
# Above this many distinct keys the column is not a cluster column (names?):
# the near-duplicate search (a few hundred variants per key; 0.1 s for the
# 2,667 Belgian locality names) is skipped.
MAX_SIMILARITY_KEYS = 10000

_NOT_WORD = re.compile(r"[\W_]+")
_DIGITS = re.compile(r"\d+")

ClusterSplit = namedtuple("ClusterSplit", ["parts", "split", "kept_whole"])
ClusterSplit.__doc__ = """Result of :func:`split_cells`.

``parts``: per input text, the tuple of cluster names it holds (display texts,
stripped; empty when it names none). ``split``: ``[(text, pieces, rows)]``,
each distinct text split on an ambiguous separator. ``kept_whole``:
``[(text, rows)]``, each distinct name kept whole although it contains one.
Both are sorted by decreasing rows, then text (``rows`` = rows whose cell holds
the text; 0 without row counts)."""


def cluster_key(text):
    """Folded key of one cluster name: case, accents, spaces, punctuation removed.

    ``cluster_key("Aéronautique / Spatial") == cluster_key("aeronautique-spatial")
    == "aeronautiquespatial"``; letters and digits of any script are kept.
    """
    return _NOT_WORD.sub("", normalise_key(text))


def cluster_key_list(texts):
    """:func:`cluster_key` of many texts (fast path of normalise_key_list)."""
    return [_NOT_WORD.sub("", key) for key in normalise_key_list(list(texts))]


def cluster_keys(values):
    """Vectorised :func:`cluster_key`: a Series (index kept) or an object ndarray;
    each distinct value is folded once."""
    import numpy as np
    import pandas as pd

    from .text import factorize_values

    codes, uniques = factorize_values(values)
    keys = np.empty(len(uniques) + 1, dtype=object)
    keys[:-1] = cluster_key_list(uniques) if len(uniques) else []
    keys[-1] = ""
    result = keys[codes]
    if isinstance(values, pd.Series):
        return pd.Series(result, index=values.index, dtype=object)
    return result


def separators_value(value):
    """CLUSTER_SEPARATORS as typed -> ``(separators, former_default)``.

    ``None`` (parameter absent: older scripts) is the default; whitespace is
    ignored; the former default ``;,/|`` is read as the default (``/`` and
    ``,`` then split only when every piece is a cluster named on its own) and
    ``former_default`` is True so the caller can say so. Any other value is
    taken as written: its characters always split ('' = one cluster per cell).
    """
    if value is None:
        return DEFAULT_SEPARATORS, False
    value = "".join(str(value).split())
    if value == FORMER_DEFAULT:
        return DEFAULT_SEPARATORS, True
    return value, False


def parse_names(text):
    """Known cluster names typed by the user: entries separated by ``;`` or new lines."""
    return [part.strip() for part in re.split("[;" + LINE_BREAKS + "]", text or "") if part.strip()]


def _always_pattern(separators):
    return re.compile("[" + re.escape(separators + LINE_BREAKS) + "]")


def _ambiguous_pattern(separators):
    """A run of ambiguous separators (with the spaces around), without the
    characters the user made always-splitting."""
    characters = "".join(c for c in AMBIGUOUS_CHARACTERS if c not in separators)
    words = r"(?<!\S)(?:" + "|".join(AMBIGUOUS_WORDS) + r")(?!\S)"
    one = r"\s*(?:" + ("[" + re.escape(characters) + "]|" if characters else "") + words + r")\s*"
    return re.compile("(?:" + one + ")+", re.IGNORECASE)


def split_cells(texts, separators=DEFAULT_SEPARATORS, names=(), rows=None):
    """Cluster names of each distinct cell text (see the module doc).

    ``texts``: distinct stripped cell texts. ``separators``: always-splitting
    characters ('' = never split: one cluster per cell). ``names``: other known
    cluster names (the default cluster, the user's list). ``rows``: optional
    number of rows of each text, for the report. Returns :class:`ClusterSplit`.
    A part whose key is empty (only punctuation: "-", "?") names no cluster.
    """
    texts = list(texts)
    rows = [0] * len(texts) if rows is None else [int(r) for r in rows]
    if not separators:
        parts = [(t.strip(),) if cluster_key(t) else () for t in texts]
        return ClusterSplit(parts, [], [])
    always = _always_pattern(separators)
    first = [[p.strip() for p in always.split(t)] if t else [] for t in texts]
    distinct = sorted({p for cell in first for p in cell})
    key_of = dict(zip(distinct, cluster_key_list(distinct)))
    known = {k for k in key_of.values() if k} | {k for k in cluster_key_list(names) if k}
    ambiguous = _ambiguous_pattern(separators)
    decided, split_rows, whole_rows = {}, {}, {}
    parts = []
    for cell, count in zip(first, rows):
        out = []
        for part in cell:
            if not key_of[part]:
                continue
            if part not in decided:
                decided[part] = _split_part(part, ambiguous, known)
            pieces = decided[part]
            if pieces is None:
                out.append(part)
                if ambiguous.search(part):
                    whole_rows[part] = whole_rows.get(part, 0) + count
            else:
                out.extend(pieces)
                split_rows[part] = split_rows.get(part, 0) + count
        parts.append(tuple(out))
    order = lambda item: (-item[1], item[0])  # noqa: E731
    split = [(t, decided[t], n) for t, n in sorted(split_rows.items(), key=order)]
    return ClusterSplit(parts, split, sorted(whole_rows.items(), key=order))


def _split_part(part, ambiguous, known):
    """Pieces of ``part`` when it splits on ambiguous separators into clusters
    that are all known, else None (kept whole). Among the ways to split, the
    one with the fewest pieces wins ("A/B, C" with A/B, A, B and C known gives
    A/B and C): a longer name the table uses is kept."""
    spans, start = [], 0
    for match in ambiguous.finditer(part):
        spans.append((start, match.start()))
        start = match.end()
    if not spans:
        return None
    spans.append((start, len(part)))
    spans = [(a, b) for a, b in spans if cluster_key(part[a:b])]
    n = len(spans)
    if n < 2:
        return None

    def piece(i, j):
        return part[spans[i][0]:spans[j - 1][1]].strip()

    if n > _MAX_GROUPED_PIECES:
        pieces = [piece(i, i + 1) for i in range(n)]
        return tuple(pieces) if all(cluster_key(p) in known for p in pieces) else None
    # best[j]: fewest known pieces covering spans[:j] (None: impossible).
    best, back = [0] + [None] * n, [0] * (n + 1)
    for j in range(1, n + 1):
        for i in range(j):
            if best[i] is None or (i == 0 and j == n):  # the whole text is no split
                continue
            if cluster_key(piece(i, j)) in known and (best[j] is None or best[i] + 1 < best[j]):
                best[j], back[j] = best[i] + 1, i
    if best[n] is None:
        return None
    pieces, j = [], n
    while j:
        pieces.append(piece(back[j], j))
        j = back[j]
    return tuple(reversed(pieces))


def allowed_edits(length):
    """Typing errors that still make two keys "one cluster mistyped", by the
    length of the shorter key: none under 5 characters (acronyms: TIC and TIG,
    SIM and VIL are different clusters), one up to 9 (Skywin / Skywing), two
    from 10 (Infopole cluster TIC / Infopol cluster TCI)."""
    if length < 5:
        return 0
    return 1 if length < 10 else 2


def edit_distance(a, b, limit):
    """Optimal-string-alignment distance (insertions, deletions, substitutions
    and swaps of two neighbours count one), or ``limit + 1`` once above ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2, previous = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, previous2[j - 2] + 1)
            current[j] = value
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def _deletions(key, depth):
    """``key`` and every text made by deleting up to ``depth`` characters."""
    found, level = {key}, {key}
    for _ in range(depth):
        level = {text[:i] + text[i + 1:] for text in level for i in range(len(text))}
        found |= level
    return found


def similar_keys(keys):
    """Pairs ``(a, b, edits)`` of different keys close enough to be one cluster
    mistyped (:func:`allowed_edits`; the digits must be the same: "Industrie
    4.0" and "Industrie 5.0" are different). Candidates come from shared
    deletion variants (no comparison of every pair); in the order of ``keys``."""
    keys = [k for k in dict.fromkeys(keys) if k]
    if len(keys) > MAX_SIMILARITY_KEYS:
        return []
    position = {k: i for i, k in enumerate(keys)}
    by_variant = {}
    for key in keys:
        depth = allowed_edits(len(key))  # the shorter key of a pair sets the limit: enough for both
        if depth:
            for variant in _deletions(key, depth):
                by_variant.setdefault(variant, []).append(key)
    pairs = set()
    for group in by_variant.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                pairs.add((a, b) if position[a] < position[b] else (b, a))
    found = []
    for a, b in sorted(pairs, key=lambda p: (position[p[0]], position[p[1]])):
        limit = allowed_edits(min(len(a), len(b)))
        if not limit or _DIGITS.findall(a) != _DIGITS.findall(b):
            continue
        edits = edit_distance(a, b, limit)
        if edits <= limit:
            found.append((a, b, edits))
    return found
