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
import itertools
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
_NOT_WORD_KEEP_NEWLINE = re.compile(r"[^\w\n]+|_+")
_ASCII_NOT_WORD = bytes(c for c in range(128) if not (chr(c).isalnum() or c == 10))
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
    """:func:`cluster_key` of many texts: folded as one text (normalise_key_list
    leaves no line break in a key, so they can join and split the keys)."""
    keys = normalise_key_list(list(texts))
    if not keys:
        return []
    joined = "\n".join(keys)
    if joined.isascii():  # the usual case once accents are folded: delete bytes, C speed
        return joined.encode("ascii").translate(None, _ASCII_NOT_WORD).decode("ascii").split("\n")
    return _NOT_WORD_KEEP_NEWLINE.sub("", joined).split("\n")


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
    """One ambiguous separator (captured, for ``split``), without the characters
    the user made always-splitting. A word separates between spaces or text
    boundaries (NUL joins the texts of one scan: :func:`_texts_with`). Spaces
    around a separator stay in the segments: keys ignore them, pieces are stripped."""
    characters = re.escape("".join(c for c in AMBIGUOUS_CHARACTERS if c not in separators))
    words = r"(?<![^\s\x00])(?:" + "|".join(AMBIGUOUS_WORDS) + r")(?![^\s\x00])"
    return re.compile("(" + ("[" + characters + "]|" if characters else "") + words + ")", re.IGNORECASE)


def _texts_with(texts, *patterns):
    """For each pattern (that never matches a NUL), the indices of the texts in
    which it finds a match: one scan of the texts joined by NUL, in C; Python
    runs per match only, and most texts have none."""
    import numpy as np

    joined = "\x00".join(texts)
    if joined.count("\x00") != len(texts) - 1:  # pragma: no cover - NUL never occurs in real cells
        return [[i for i, t in enumerate(texts) if p.search(t)] for p in patterns]
    starts, found = None, []
    for pattern in patterns:
        positions = [m.start() for m in pattern.finditer(joined)]
        if positions and starts is None:
            starts = np.zeros(len(texts), dtype=np.int64)
            lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
            np.cumsum(lengths[:-1] + 1, out=starts[1:])
        found.append(np.unique(np.searchsorted(starts, positions, side="right") - 1).tolist() if positions else [])
    return found


def split_cells(texts, separators=DEFAULT_SEPARATORS, names=(), rows=None):
    """Cluster names of each distinct cell text (see the module doc).

    ``texts``: distinct stripped cell texts. ``separators``: always-splitting
    characters ('' = never split: one cluster per cell). ``names``: other known
    cluster names (the default cluster, the user's list). ``rows``: optional
    number of rows of each text, for the report. Returns :class:`ClusterSplit`.
    A part whose key is empty (only punctuation: "-", "?") names no cluster.
    Texts are scanned together (:func:`_matches`): only the texts holding a
    separator cost Python work of their own.
    """
    texts = [t.strip() for t in texts]
    rows = [0] * len(texts) if rows is None else [int(r) for r in rows]
    keys = cluster_key_list(texts)
    parts = [(t,) if k else () for t, k in zip(texts, keys)]  # one cluster per cell: the common case
    if not separators:
        return ClusterSplit(parts, [], [])
    always = _always_pattern(separators)
    ambiguous = _ambiguous_pattern(separators)
    with_always, with_ambiguous = _texts_with(texts, always, ambiguous)
    several = {i: [p.strip() for p in always.split(texts[i])] for i in with_always}
    pieces = list(dict.fromkeys(p for cell in several.values() for p in cell))
    piece_keys = dict(zip(pieces, cluster_key_list(pieces)))
    # Known: a whole cell of one part, a part of a cell, a name given by the user.
    known = set(keys) if not several else {k for i, k in enumerate(keys) if i not in several}
    known |= set(piece_keys.values()) | set(cluster_key_list(names))
    known.discard("")

    # Texts with an ambiguous separator: whole cells of one part, then the parts of the others.
    singles = [i for i in with_ambiguous if i not in several and keys[i]]
    decided = _split_parts([texts[i] for i in singles], ambiguous, known)
    keyed = [p for p in pieces if piece_keys[p]]
    decided.update(_split_parts([keyed[i] for i in _texts_with(keyed, ambiguous)[0]], ambiguous, known))

    split_rows, whole_rows = {}, {}

    def count(part, n):
        tally = whole_rows if decided[part] is None else split_rows
        tally[part] = tally.get(part, 0) + n

    for i in singles:
        if texts[i] in decided:
            count(texts[i], rows[i])
            parts[i] = decided[texts[i]] or parts[i]
    for i, cell in several.items():
        out = []
        for part in cell:
            if part in decided:
                out.extend(decided[part] or (part,))
            elif piece_keys[part]:
                out.append(part)
        parts[i] = tuple(out)
        for part in set(cell) & decided.keys():  # rows whose cell holds the part: once per cell
            count(part, rows[i])
    order = lambda item: (-item[1], item[0])  # noqa: E731
    split = [(t, decided[t], n) for t, n in sorted(split_rows.items(), key=order)]
    return ClusterSplit(parts, split, sorted(whole_rows.items(), key=order))


def _split_parts(candidates, ambiguous, known):
    """``{text: pieces or None}`` (:func:`_split_part`) for each candidate
    holding an ambiguous separator (the others are left out). Each text is cut
    into tokens (segment, separator, segment...), all folded in one batch: the
    key of a run of tokens is the concatenation of their keys ("et" of
    "TIC et TWIST" belongs to a name's key, "/" adds nothing)."""
    tokens = [ambiguous.split(part) for part in candidates]
    flat = iter(cluster_key_list([t for cell in tokens for t in cell]))
    decided = {}
    for part, cell in zip(candidates, tokens):
        keys = [next(flat) for _ in cell]
        if len(cell) > 1:
            decided[part] = _split_part(cell, keys, known)
    return decided


def _split_part(tokens, keys, known):
    """Pieces of a text cut into ``tokens`` (segments at even positions,
    separators between) when its segments group into clusters that are all
    known, else None (kept whole). A segment without a letter or digit
    ("TIC / - / TWIST") is no piece of its own. Among the ways to split, the one
    with the fewest pieces wins ("A/B, C" with A/B, A, B and C known gives A/B
    and C): a longer name the table uses is kept."""
    kept = [t for t in range(0, len(tokens), 2) if keys[t]]
    n = len(kept)
    if n < 2:
        return None
    joined = "".join(keys)
    ends = list(itertools.accumulate(len(k) for k in keys))  # ends[t]: end of token t's key in joined

    def key(i, j):  # key of segments kept[i] .. kept[j - 1] with what lies between
        start = ends[kept[i]] - len(keys[kept[i]])
        return joined[start:ends[kept[j - 1]]]

    def piece(i, j):
        return "".join(tokens[kept[i]:kept[j - 1] + 1]).strip()

    if n > _MAX_GROUPED_PIECES:
        return tuple(piece(i, i + 1) for i in range(n)) if all(keys[t] in known for t in kept) else None
    # best[j]: fewest known pieces covering kept[:j] (None: impossible).
    best, back = [0] + [None] * n, [0] * (n + 1)
    for i in range(n):
        if best[i] is None:
            continue
        for j in range(i + 1, n + 1):
            if (i, j) != (0, n) and key(i, j) in known and (best[j] is None or best[i] + 1 < best[j]):
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
    keys = list(keys)
    if len(keys) > MAX_SIMILARITY_KEYS and len(set(keys) - {""}) > MAX_SIMILARITY_KEYS:
        return []
    keys = [k for k in dict.fromkeys(keys) if k]
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
