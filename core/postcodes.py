"""Postal-code normalisation: one key ``<country>-<code>`` for every spelling.

QGIS-free. Handles what member lists really contain: ``B-1348``, ``B 1348``,
``BE-1348``, ``1348 Louvain-la-Neuve``, ``1400.0`` (spreadsheet floats),
``L-4365`` (Luxembourg), ``F-59000``, ``NL-1012 AB``, ``D-10115``.

The country comes, in this order, from the country column, from a prefix on
the code, or from the default country. A column and a prefix that disagree are
an error (the row is rejected, never guessed). Validation per country:

=======  =====================================
BE       4 digits, 1000-9999
LU       4 digits
FR       5 digits
NL       4 digits (1000-9999) + 2 letters, stored without the space (``1012AB``)
DE       5 digits
=======  =====================================

Digits of any script (``١٣٤٨``, full-width ``１３４８``) and full-width letters
(``１０１２ＡＢ``) are read as ASCII first, so they are validated and keyed like
``1348``.
"""
import re
import unicodedata
from collections import namedtuple

from .messages import N_, Note
from .text import factorize_values, normalise_key, take_records, to_text

PostcodeResult = namedtuple("PostcodeResult", ["country", "postcode", "pc_key", "error", "country_source"])
PostcodeResult.__doc__ = """Result of :func:`normalise_postcode`.

``country``/``postcode``/``pc_key`` are ``None`` when ``error`` (a human-readable
reason quoting the raw value) is set. ``country_source`` is ``"column"``,
``"prefix"`` or ``"default"``."""

COLUMNS = list(PostcodeResult._fields)
SUPPORTED_COUNTRIES = ("BE", "LU", "FR", "NL", "DE")

# Country column values and code prefixes (folded by normalise_key) -> ISO code.
_COUNTRY_NAMES = {
    "BE": ["be", "b", "bel", "belgique", "belgium", "belgie", "belgien", "belgio", "belgica"],
    "LU": ["lu", "l", "lux", "luxembourg", "luxemburg", "grand-duche de luxembourg", "groothertogdom luxemburg"],
    "FR": ["fr", "f", "fra", "france", "frankrijk", "frankreich"],
    "NL": ["nl", "nld", "pays-bas", "pays bas", "netherlands", "the netherlands", "nederland", "holland", "niederlande"],
    "DE": ["de", "d", "deu", "ger", "allemagne", "germany", "duitsland", "deutschland"],
}
COUNTRY_ALIASES = {alias: iso for iso, aliases in _COUNTRY_NAMES.items() for alias in aliases}
_PREFIXES = {"B": "BE", "BE": "BE", "L": "LU", "LU": "LU", "F": "FR", "FR": "FR", "NL": "NL", "D": "DE", "DE": "DE"}

# [prefix][-| ]digits[.0...][ ][two letters][ locality...]
_PATTERN = re.compile(
    r"""^(?:(?P<prefix>[A-Z]{1,3})\s*[-\u2013.]?\s*)?   # B-, BE , L-, NL-
        (?P<digits>\d{1,6})(?:[.,]0+)?                  # 1348, 1400.0
        (?:\s?(?P<letters>[A-Z]{2})(?![A-Z]))?          # NL letters (AB)
        (?P<rest>(?:[\s,;/-].*)?)$                      # locality name, ignored
    """,
    re.VERBOSE,
)


# Full-width ASCII forms (U+FF01-FF5E, ideographic space) -> ASCII, as typed by
# East Asian input methods.
_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20


def fold_digits(text):
    """``text`` with every Unicode decimal digit (``str.isdecimal``: Arabic-Indic,
    Devanagari, full-width...) as its ASCII digit and full-width forms as ASCII.

    Not NFKC: it also turns characters that are not decimal digits into digits
    (``²``, ``①``, ``½``), so ``1348²`` would read as ``13482``; those stay as they are.
    """
    if text.isascii():
        return text
    text = text.translate(_FULLWIDTH)
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text)


def country_code(value):
    """ISO code of a country cell (``"Belgique"`` -> ``"BE"``); None when empty, '?' when unknown."""
    key = normalise_key(value)
    if not key:
        return None
    return COUNTRY_ALIASES.get(key, "?")


def _fail(template, **values):
    """A result with the error ``template`` (translatable) filled with ``values``."""
    return PostcodeResult(None, None, None, Note(template, **values), None)


# country -> (digits, error template naming the expected form); one whole
# sentence per country so that translations can agree the adjective.
_RULES = {
    "BE": (4, N_("invalid Belgian postcode '{raw}' (expected 4 digits 1000-9999)")),
    "LU": (4, N_("invalid Luxembourg postcode '{raw}' (expected 4 digits)")),
    "FR": (5, N_("invalid French postcode '{raw}' (expected 5 digits)")),
    "DE": (5, N_("invalid German postcode '{raw}' (expected 5 digits)")),
    "NL": (4, N_("invalid Dutch postcode '{raw}' (expected 4 digits and 2 letters, e.g. 1012 AB)")),
}


def _validate(country, digits, letters):
    """Normalised code, or None and the error template (``{raw}``, ``{country}`` placeholders)."""
    rule = _RULES.get(country)
    if rule is None:
        return None, N_("unsupported country '{country}' for postcode '{raw}'")
    size, template = rule
    ok = len(digits) == size
    if country == "BE":
        ok = ok and digits[0] != "0"
    elif country == "NL":
        ok = ok and digits[0] != "0" and bool(letters)
        digits = digits + (letters or "")
    if ok:
        return digits, None
    return None, template


def normalise_postcode(raw, country=None, default_country="BE"):
    """Normalise one postal code.

    ``raw``: the cell (str, int, float such as ``1400.0``, or None).
    ``country``: the country cell of the same row (name or ISO code) or None.
    ``default_country``: used when neither the column nor a prefix gives one.
    Returns a :class:`PostcodeResult`; never raises on bad data.
    """
    shown = to_text(raw)
    if not shown:
        return _fail(N_("missing postcode"))
    match = _PATTERN.match(fold_digits(shown).upper())
    if match is None:
        return _fail(N_("unreadable postcode '{raw}'"), raw=shown)
    prefix, digits, letters = match.group("prefix"), match.group("digits"), match.group("letters")

    prefix_country = None
    if prefix:
        prefix_country = _PREFIXES.get(prefix)
        if prefix_country is None:
            return _fail(N_("unknown country prefix '{prefix}' in postcode '{raw}'"), prefix=prefix, raw=shown)

    column_country = country_code(country)
    if column_country == "?":
        return _fail(N_("unknown country '{country}' for postcode '{raw}'"), country=to_text(country), raw=shown)

    if column_country:
        if prefix_country and prefix_country != column_country:
            return _fail(
                N_("postcode '{raw}' has prefix {prefix} but the country column says {country}"),
                raw=shown, prefix=prefix_country, country=column_country,
            )
        resolved, source = column_country, "column"
    elif prefix_country:
        resolved, source = prefix_country, "prefix"
    else:
        resolved = (default_country or "").strip().upper()
        resolved = COUNTRY_ALIASES.get(normalise_key(resolved), resolved)
        source = "default"
        if not resolved:
            return _fail(N_("no country for postcode '{raw}' and no default country"), raw=shown)

    # Letters right after the digits are a Dutch postcode suffix; elsewhere they
    # start a locality name ("1348 LLN") and are ignored like the rest.
    code, error = _validate(resolved, digits, letters if resolved == "NL" else None)
    if error:
        return _fail(error, raw=shown, country=resolved)
    return PostcodeResult(resolved, code, resolved + "-" + code, None, source)


def normalise_postcode_codes(raw_values, country_values=None, default_country="BE"):
    """Each distinct (code, country) pair parsed once.

    Returns ``(codes, records)``: ``records`` is a list of :class:`PostcodeResult`
    (one per distinct pair, the last one for "both missing" when present) and
    row ``i``'s result is ``records[codes[i]]``. Callers that work on codes
    (core/members.py) never materialise one object per row.
    """
    import numpy as np
    import pandas as pd

    raw_codes, raw_uniques = factorize_values(raw_values)
    if country_values is None:
        country_codes, country_uniques = np.full(len(raw_codes), -1), []
    else:
        country_codes, country_uniques = factorize_values(country_values)
    # One integer per (code, country) pair; -1 (missing) shifted to 0.
    width = len(country_uniques) + 1
    pair_codes, pairs = pd.factorize((raw_codes + 1).astype(np.int64) * width + (country_codes + 1))
    records = []
    for pair in pairs:
        r, c = divmod(int(pair), width)
        raw = raw_uniques[r - 1] if r else None
        country = country_uniques[c - 1] if c else None
        records.append(normalise_postcode(raw, country, default_country))
    return pair_codes, records


def normalise_postcodes(raw_series, country_series=None, default_country="BE"):
    """Vectorised :func:`normalise_postcode`.

    Returns a DataFrame with columns ``country, postcode, pc_key, error,
    country_source`` and the index of ``raw_series``. Each distinct
    (code, country) pair is parsed once, so the result is identical to the
    scalar function and fast on real lists where codes repeat.
    """
    codes, records = normalise_postcode_codes(raw_series, country_series, default_country)
    return take_records(codes, records, COLUMNS, raw_series.index)
