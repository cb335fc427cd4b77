"""Text folding shared by every matching step (clusters, names, kinds, headers).

QGIS-free. ``normalise_key`` is the one definition of "the same text" in the
plugin: two labels that differ only by case, accents, apostrophe style or
spacing get the same key, so "Éco-Construction " and "eco-construction" match.
"""
import re
import unicodedata

_SPACES = re.compile(r"\s+")
# Combining marks left by NFKD (accents): the Unicode combining diacritics blocks.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Typographic variants that spreadsheets and word processors substitute.
_TRANSLATE = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "`": "'",
        "\u00b4": "'",
        "\u2013": "-",
        "\u2014": "-",
        "\u2010": "-",
        "\u2011": "-",
        "\u00a0": " ",
        "\u202f": " ",
        "\u0153": "oe",
        "\u0152": "oe",
        "\u00e6": "ae",
        "\u00c6": "ae",
        "\u00df": "ss",
    }
)


def is_missing(value):
    """True for None, NaN, pandas NA/NaT (and QGIS NULL once converted to None)."""
    if value is None:
        return True
    try:
        return value != value  # NaN, NaT; pd.NA raises TypeError on bool()
    except TypeError:
        return True


def to_text(value):
    """Cell value as stripped text; '' for missing. Integral floats lose ``.0``."""
    if is_missing(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def normalise_key(text):
    """Fold case, accents, apostrophe/dash variants and whitespace.

    ``normalise_key("  Centre R&D  Wallon ")`` -> ``"centre r&d wallon"``;
    ``normalise_key("Éco-construction")`` -> ``"eco-construction"``.
    Missing values give ``""``.
    """
    text = to_text(text)
    if not text:
        return ""
    if text.isascii():  # the common case, 5x faster
        return _SPACES.sub(" ", text.replace("`", "'").lower()).strip()
    text = text.translate(_TRANSLATE)
    stripped = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    return _SPACES.sub(" ", stripped.casefold()).strip()


def map_unique(series, func):
    """Apply a scalar ``func`` to each distinct value of ``series`` only once.

    Member tables repeat the same postcodes, clusters and kinds thousands of
    times; computing on the distinct values and mapping back keeps scalar and
    vectorised results identical at a fraction of the cost.
    Returns an object ndarray aligned with ``series``.
    """
    import numpy as np

    # Missing values get code -1 in every pandas version (default sentinel).
    codes, uniques = factorize_values(series)
    results = np.empty(len(uniques) + 1, dtype=object)
    for i, value in enumerate(uniques):
        results[i] = func(value)  # element-wise: results may be tuples
    results[-1] = func(None)  # code -1 picks the last slot
    return results[codes]


def text_values(values):
    """Vectorised :func:`to_text`: object ndarray of stripped text ('' for missing)."""
    import numpy as np
    import pandas as pd

    if isinstance(getattr(values, "dtype", None), pd.CategoricalDtype):
        return map_unique(values, to_text)
    array = np.asarray(values, dtype=object)
    if pd.api.types.infer_dtype(array, skipna=False) == "string":
        # All cells are str (CSV read as text): no per-value type dispatch.
        return map_unique(array, lambda value: "" if value is None else value.strip())
    return map_unique(array, to_text)


_REPLACEMENTS = [(chr(code), value) for code, value in _TRANSLATE.items()]
_SEP = "\x00"


def _is_combining(char):
    return bool(_COMBINING.match(char))


def _fold_char(char):
    """normalise_key's folding of one character, without the space handling."""
    return _COMBINING.sub("", unicodedata.normalize("NFKD", char.translate(_TRANSLATE))).casefold()


_LATIN1 = {}


def _fold_latin1(text):
    """Fold a Latin-1 text (French/Dutch accents: nearly every real member list)
    with one ``bytes.translate`` (C, a byte table) instead of NFKD + casefold of
    the whole text. Returns ``(folded, odd_spaces)``, or None when the text has
    a character outside Latin-1 or one whose folding is not one Latin-1
    character (``ß``, ``æ``, ``¼``, ``µ``...): the general path handles those."""
    if not _LATIN1:
        table = bytearray(range(256))
        special = []
        for code in range(1, 256):
            folded = _fold_char(chr(code))
            if len(folded) == 1 and ord(folded) < 256:
                table[code] = ord(folded)
            else:
                special.append(chr(code))
        _LATIN1.update(table=bytes(table), special=special)
    try:
        raw = text.encode("latin-1")
    except UnicodeEncodeError:
        return None
    if any(char in text for char in _LATIN1["special"]):
        return None
    folded = raw.translate(_LATIN1["table"]).decode("latin-1")
    odd_spaces = any(char in folded for char in "\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0")
    return folded, odd_spaces


def normalise_key_list(texts, stripped=False):
    """:func:`normalise_key` of many strings at once (same results).

    The strings are joined with NUL and folded as one text, so translate,
    NFKD and casefold run once in C over the whole text instead of once per
    value. Regular expressions are slow on a long text, so accents are removed
    with one ``str.replace`` per distinct combining mark present and spaces are
    collapsed only when the text has runs or unusual spaces (rare).
    ``stripped=True``: the caller passes stripped ``str`` values only.
    """
    if not stripped:
        texts = [t.strip() if isinstance(t, str) else to_text(t) for t in texts]
    if not texts:
        return []
    joined = _SEP.join(texts)
    if joined.count(_SEP) != len(texts) - 1:  # pragma: no cover - NUL never occurs in real cells
        return [normalise_key(t) for t in texts]
    joined = joined.replace("`", "'")
    latin1 = None if joined.isascii() else _fold_latin1(joined)
    if latin1 is not None:
        joined, odd_spaces = latin1
    elif not joined.isascii():
        for char, replacement in _REPLACEMENTS:  # str.replace: C speed on one long text
            if char in joined:
                joined = joined.replace(char, replacement)
        joined = unicodedata.normalize("NFKD", joined)
        chars = set(joined)
        for char in [c for c in chars if not c.isascii() and _is_combining(c)]:
            joined = joined.replace(char, "")
        odd_spaces = any(c.isspace() and c != " " for c in chars)
        joined = joined.casefold()
    else:
        joined = joined.lower()
        odd_spaces = any(c in joined for c in "\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f")
    if odd_spaces or "  " in joined:
        joined = _SPACES.sub(" ", joined)
    parts = joined.split(_SEP)
    # Only plain spaces are left: strip the values only when one touches a boundary.
    if joined[:1] == " " or joined[-1:] == " " or " " + _SEP in joined or _SEP + " " in joined:
        parts = [part.strip() for part in parts]
    return parts


def normalise_keys(values):
    """Vectorised :func:`normalise_key`: a Series (index kept) or an object ndarray."""
    import numpy as np
    import pandas as pd

    codes, uniques = factorize_values(values)
    keys = np.empty(len(uniques) + 1, dtype=object)
    keys[:-1] = normalise_key_list(list(uniques)) if len(uniques) else []
    keys[-1] = ""
    result = keys[codes]
    if isinstance(values, pd.Series):
        return pd.Series(result, index=values.index, dtype=object)
    return result



def take_records(codes, records, columns, index):
    """DataFrame whose row ``i`` is ``records[codes[i]]`` (tuples, one field per column).

    Code -1 picks the last record (pandas' code for a missing value).
    """
    import numpy as np
    import pandas as pd

    arrays = [np.empty(len(records), dtype=object) for _ in columns]
    for i, record in enumerate(records):
        for array, value in zip(arrays, record):
            array[i] = value
    return pd.DataFrame({name: array[codes] for name, array in zip(columns, arrays)}, index=index)


def map_unique_frame(series, func, columns):
    """Like :func:`map_unique` for a ``func`` returning a tuple: one column per field."""

    codes, uniques = factorize_values(series)
    records = [func(value) for value in uniques]
    records.append(func(None))
    return take_records(codes, records, columns, series.index)


def factorize_values(values):
    """``pd.factorize`` on an object ndarray: codes (-1 = missing) and raw uniques.

    Passing an ndarray (not a Series) keeps the uniques a plain array, so mixed
    text/number cells are never re-typed by an Index. A categorical column
    (files are read with low-cardinality columns as categoricals) already holds
    its codes and uniques: nothing is hashed again.
    """
    import numpy as np
    import pandas as pd

    if isinstance(getattr(values, "dtype", None), pd.CategoricalDtype):
        cat = values.array if isinstance(values, pd.Series) else values
        return np.asarray(cat.codes, dtype=np.intp), np.asarray(cat.categories, dtype=object)
    return pd.factorize(np.asarray(values, dtype=object))
