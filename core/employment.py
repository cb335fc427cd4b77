"""Employment (headcount / FTE) cells as users type them.

QGIS-free. Accepted: integers and floats, ``1 250`` / ``1.250`` / ``1'250``
thousands, decimal comma (``12,5``), size classes ``10-19`` / ``10 à 19`` /
``10 tot 19`` (midpoint, estimated), ``500+`` / ``> 500`` (lower bound,
estimated), ``< 5`` (half the bound, estimated), a trailing unit
(``12 ETP``, ``12 FTE``, ``12 VTE``, ``12 pers.``). Approximations
(``ca. 40``, ``env. 40``, ``±40``, ``+/- 40``, ``~40``, ``4,5k``) keep their
number, estimated. Empty, ``n.c.``, ``?``, ``n/a``, ``n.b.``, ``k.A.``... mean
unknown: kept, flagged, NULL, never 0. Digits of any script count
(``١٢``, ``１２``). Negative or unreadable values are errors (the membership
is rejected with the raw value). A value above :data:`EMPLOYMENT_MAX` (``1e308``,
``inf``, a turnover in the employment column) is no entity's headcount: an error
too, told apart by :func:`is_implausible` (its own reject rule).
"""
import math
import re
from collections import namedtuple

from .messages import N_, Note
from .postcodes import fold_digits
from .text import map_unique_frame, normalise_key, to_text

EmploymentResult = namedtuple("EmploymentResult", ["employment", "estimated", "unknown", "error"])
COLUMNS = list(EmploymentResult._fields)

# Folded keys (normalise_key) meaning "no figure given". Looked up without dots,
# slashes and spaces, so "n.b." / "n. b." / "nb" and "k.A." / "ka" are one entry.
# "Not applicable" (n.v.t., s.o., n/a) is unknown too: the member is real, only its
# figure is missing; 0 would claim a known zero, a rejection would drop it from the map.
UNKNOWN_TOKENS = {
    "", "?", "-", "/", "n.c.", "n.a.", "n.d.", "n.s.", "n.r.", "s.o.", "n.b.", "onb.", "n.v.t.", "k.a.",
    "inconnu", "inconnue", "non communique", "non communiquee", "non renseigne", "non renseignee",
    "non disponible", "sans objet", "onbekend", "niet bekend", "niet gekend", "niet van toepassing",
    "unknown", "not known", "not available", "not applicable", "none", "null", "nan",
    "unbekannt", "nicht bekannt", "keine angabe", "keine angaben",
}  # fmt: skip
_UNKNOWN = {re.sub(r"[\s./]", "", token) for token in UNKNOWN_TOKENS}
_UNITS = r"(?:etp|fte|vte|pers\.?|personnes?|personen|employes?|emplois?|werknemers|employees|jobs?)"
_NUMBER = r"[+-]?\d[\d\s'.,]*k?"
# Prefixes of an approximate figure (FR, NL, EN, DE); the number must follow, so
# "+/- 40" is 40 (estimated), never a range.
_APPROX = re.compile(
    r"^(?:(?:circa|ca|environ|env|approximativement|approximately|approx|about|around|ongeveer|ong|etwa|rund"
    r"|ungefahr)\.?|c\.|±|\+\s*/\s*-|\+-|~|≈|∼|≃)\s*(?=[\d+-])"
)
# A count of thousands: its one separator is the decimal mark ("4.5k", "4,5k"), whatever
# the file's, since nobody groups thousands of thousands ("1.250k" is 1250, not 1.25 million).
_KILO = re.compile(r"^([+-]?\d+(?:[.,]\d+)?)\s*k$")
_CLASS = re.compile(r"^(?:de\s+|van\s+|from\s+)?(" + _NUMBER + r")\s*(?:-|–|à|a|tot|to)\s*(" + _NUMBER + r")$")
_AT_LEAST = re.compile(r"^(?:(?:>=?|≥|plus de|meer dan|more than|over)\s*(" + _NUMBER + r")|(" + _NUMBER + r")\s*(?:\+|et plus|en meer|or more|and more))$")
_BELOW = re.compile(r"^(?:<=?|≤|moins de|minder dan|less than|under)\s*(" + _NUMBER + r")$")
_UNIT_SUFFIX = re.compile(r"\s*" + _UNITS + r"$")
_THOUSANDS_DOT = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
_THOUSANDS_COMMA = re.compile(r"^\d{1,3}(?:,\d{3})+$")
_DIGITS = re.compile(r"^\d+(?:[.,]\d+)?$")
# Plausibility bound on ONE entity's employment. The largest employers on earth (the US
# Department of Defense with its military, about 2.9 million; Walmart, 2.1 million) stay
# well below it, so a value above is a typo, a unit error (euros in the employment column)
# or an overflow, never a headcount. It also keeps every total finite and exact: a million
# rows at the bound sum to 5e12, far below 2**53 (two cells of 1e308 summed to inf).
EMPLOYMENT_MAX = 5_000_000
_IMPLAUSIBLE = N_("employment '{}' is implausible for one entity (above {}, more than the largest employer on "
                  "earth): check the cell")
_MAX_TEXT = "{:,}".format(EMPLOYMENT_MAX).replace(",", " ")  # "5 000 000": read alike in English and French
# Spellings of infinity programs write (Python, pandas, JavaScript, LibreOffice): above any bound.
_INFINITY = re.compile(r"^\+?(?:inf|infinity|∞)$")
# An exponent ("1e308", "1,5E+09": Excel's General format shows numbers of 12+ digits so).
_EXPONENT = re.compile(r"^(\d+(?:[.,]\d+)?)e([+-]?\d{1,4})$")
_UNREADABLE = N_("employment '{}' is not a number, a size class (10-19) or unknown (n.c., ?)")


def _number(text, decimal):
    """Float from a cleaned numeric string, or None.

    ``decimal`` is the file's decimal separator. Both separators present: the
    last one is the decimal mark. ``1.250`` (one or more groups of exactly three
    digits after a dot) is thousands: a headcount of 1.25 is implausible and
    Belgian Excel writes thousands with a dot.
    """
    text = re.sub(r"[\s'\u00a0\u202f]", "", text)
    sign = -1.0 if text.startswith("-") else 1.0
    text = text.lstrip("+-")
    if not text:
        return None
    if "." in text and "," in text:
        last = max(text.rfind("."), text.rfind(","))
        text = text[:last].replace(".", "").replace(",", "") + "." + text[last + 1:]
    elif _THOUSANDS_DOT.match(text):
        text = text.replace(".", "")
    elif _THOUSANDS_COMMA.match(text) and (decimal == "." or text.count(",") > 1):
        text = text.replace(",", "")
    elif "," in text:
        if text.count(",") > 1:
            return None
        text = text.replace(",", ".")
    if not _DIGITS.match(text):
        return None
    return sign * float(text)


def _value(text, decimal):
    """:func:`_number`, a count of thousands (``4,5k`` -> 4500) or a number with
    an exponent (``1E+308``: inf when it overflows, rejected by the bound)."""
    match = _KILO.match(text)
    if match:
        return float(match.group(1).replace(",", ".")) * 1000.0
    match = _EXPONENT.match(text)
    if match:
        mantissa, exponent = float(match.group(1).replace(",", ".")), int(match.group(2))
        return math.inf if exponent > 308 and mantissa else mantissa * 10.0 ** max(exponent, -308)
    return _number(text, decimal)


def parse_employment(raw, decimal=","):
    """Parse one employment cell; returns an :class:`EmploymentResult`. Never raises."""
    if isinstance(raw, bool):
        raw = str(raw)
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        value = float(raw)
        if math.isnan(value):
            return EmploymentResult(None, False, True, None)
        return _checked(value, False, to_text(raw))
    shown = to_text(raw)
    folded = fold_digits(shown)
    if not folded.isascii() and any(c.isnumeric() for c in folded if not c.isascii()):
        # ², ①, ⒈ are no digits: normalise_key's NFKD would read "1²" as 12.
        return _error(_UNREADABLE, shown)
    key = normalise_key(folded)
    compact = re.sub(r"[\s./]", "", key)
    if compact in _UNKNOWN or not compact.strip("?-"):  # also "???", "---"
        return EmploymentResult(None, False, True, None)
    if _INFINITY.match(key):
        return _checked(math.inf, False, shown)
    text = _UNIT_SUFFIX.sub("", key).strip()
    approx = _APPROX.match(text)
    if approx:
        text = text[approx.end():]

    value = _value(text, decimal) if text and (text[0].isdigit() or text[0] in "+-") else None
    if value is not None:
        return _checked(value, bool(approx or _KILO.match(text)), shown)
    match = _CLASS.match(text)
    if match:
        low, high = _value(match.group(1), decimal), _value(match.group(2), decimal)
        if low is None or high is None or high < low:
            return _error(N_("size class '{}' is not a range low-high"), shown)
        return _checked((low + high) / 2.0, True, shown)
    match = _AT_LEAST.match(text)
    if match:
        low = _value(match.group(1) or match.group(2), decimal)
        if low is not None:
            return _checked(low, True, shown)
    match = _BELOW.match(text)
    if match:
        high = _value(match.group(1), decimal)
        if high is not None:
            return _checked(high / 2.0, True, shown)
    return _error(_UNREADABLE, shown)


def _error(template, shown):
    return EmploymentResult(None, False, False, Note(template, shown))


def _checked(value, estimated, shown):
    if value < 0:
        return _error(N_("negative employment '{}'"), shown)
    if value > EMPLOYMENT_MAX:  # inf too
        shown = shown if len(shown) <= 24 else "{:g}".format(value)  # not the 309 digits of 1e308
        return EmploymentResult(None, False, False, Note(_IMPLAUSIBLE, shown, _MAX_TEXT))
    return EmploymentResult(value, estimated, False, None)


def is_implausible(result):
    """True when ``result`` (an :class:`EmploymentResult`) was refused by the plausibility bound."""
    return getattr(result.error, "template", None) == _IMPLAUSIBLE


def detect_decimal(series, default=","):
    """``","`` or ``"."``: the decimal mark most cells of a text column use.

    Only unambiguous cells vote (``12,5`` / ``12.5``; not ``1.250``).
    """
    import numpy as np
    import pandas as pd

    text = pd.Series(pd.unique(np.asarray(series, dtype=object)), dtype=object).dropna()
    text = text[text.map(type) == str] if len(text) else text
    if not len(text):
        return default
    text = text.astype(str).str.strip().map(fold_digits)  # "１２，５" votes like "12,5"
    comma = text.str.match(r"^\d+,\d{1,2}$|^\d+,\d{4,}$").sum()
    dot = text.str.match(r"^\d+\.\d{1,2}$|^\d+\.\d{4,}$").sum()
    if comma > dot:
        return ","
    if dot > comma:
        return "."
    return default


def parse_employments(series, decimal=None):
    """Vectorised :func:`parse_employment`: DataFrame ``employment, estimated,
    unknown, error, implausible`` with the index of ``series``. ``decimal=None``
    detects it."""
    import numpy as np
    import pandas as pd

    if decimal is None:
        decimal = detect_decimal(series)
    index = series.index
    if pd.api.types.is_numeric_dtype(series.dtype) and not pd.api.types.is_bool_dtype(series.dtype):
        # Typed column (spreadsheet numbers, database integers): pure numpy.
        values = series.to_numpy(dtype=float, na_value=np.nan)
        unknown = np.isnan(values)
        implausible = values > EMPLOYMENT_MAX  # NaN compares False
        bad = ~unknown & ((values < 0) | implausible)
        error = np.full(len(values), None, dtype=object)
        for i in np.flatnonzero(bad):
            error[i] = parse_employment(series.iloc[i]).error
        employment = np.where(unknown | bad, np.nan, values)
        return pd.DataFrame(
            {"employment": employment, "estimated": np.zeros(len(values), bool), "unknown": unknown, "error": error,
             "implausible": implausible},
            index=index,
        )

    def parse(value):
        result = parse_employment(value, decimal)
        return result + (is_implausible(result),)

    frame = map_unique_frame(series, parse, COLUMNS + ["implausible"])
    frame["employment"] = frame["employment"].astype(float)
    frame["estimated"] = frame["estimated"].astype(bool)
    frame["unknown"] = frame["unknown"].astype(bool)
    frame["implausible"] = frame["implausible"].astype(bool)
    return frame
