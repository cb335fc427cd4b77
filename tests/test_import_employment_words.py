"""Employment written as words or approximations (issue 12, item 3), and digits
of other scripts in a headcount (item 6).

Unknown words in French, Dutch, English and German keep the row with a NULL
employment (employment_unknown); approximate figures keep their number
(employment_estimated). Checked on the QGIS-free parser, on core
import_members and through clusteratlas:importmembers in CSV, XLSX and ODS.
Every expectation is written by hand."""
import numpy as np
import pandas as pd
import pytest

from cluster_atlas.core.employment import detect_decimal, parse_employment, parse_employments
from cluster_atlas.core.members import import_members

from .conftest import layer_frame

UNKNOWN_WORDS = [
    # French
    "n.c.", "N.C.", "nc", "NC", "n. c.", "inconnu", "Inconnue", "non communiqué", "non renseigné", "n.r.", "NR",
    "s.o.", "sans objet", "?", "???",
    # Dutch (n.v.t., "not applicable": unknown, see core/employment.py)
    "n.b.", "N.B.", "nb", "NB", "n. b.", "onb.", "onb", "Onbekend", "niet bekend", "n.v.t.", "nvt", "NVT",
    "niet van toepassing",
    # English
    "n/a", "N/A", "na", "NA", "unknown", "Unknown", "not available", "not applicable",
    # German
    "k.A.", "k. A.", "KA", "unbekannt", "Unbekannt", "keine Angabe", "keine Angaben", "nicht bekannt",
]  # fmt: skip


@pytest.mark.parametrize("raw", UNKNOWN_WORDS)
def test_unknown_words_are_null_flagged_not_rejected(raw):
    result = parse_employment(raw)
    assert result == (None, False, True, None)


# (raw, value): every one flagged estimated.
APPROXIMATE = [
    ("ca. 40", 40), ("ca 40", 40), ("Ca.40", 40), ("circa 40", 40), ("c. 40", 40),
    ("env. 40", 40), ("env 40", 40), ("environ 40", 40), ("approx. 40", 40), ("approximately 40", 40),
    ("about 40", 40), ("ongeveer 40", 40), ("ong. 40", 40), ("etwa 40", 40), ("ungefähr 40", 40),
    ("±40", 40), ("± 40", 40), ("+/- 40", 40), ("+/-40", 40), ("+ / - 40", 40), ("+- 40", 40),
    ("~40", 40), ("~ 40", 40), ("≈40", 40), ("≈ 40", 40),
    ("4,5k", 4500), ("4.5k", 4500), ("4,5 k", 4500), ("1,2 k", 1200), ("4K", 4000), ("12k", 12000),
    # combined with the existing forms
    ("ca. 1.250", 1250), ("ca. 1 250", 1250), ("env. 12,5", 12.5), ("± 40 FTE", 40), ("ca. 40 pers.", 40),
    ("ca. 10-19", 14.5), ("ca. 4,5k", 4500), ("1k-2k", 1500), ("5k+", 5000), ("4,5k ETP", 4500),
]  # fmt: skip


@pytest.mark.parametrize("raw, value", APPROXIMATE)
def test_approximate_values_keep_their_number_estimated(raw, value):
    result = parse_employment(raw)
    assert result.error is None and not result.unknown
    assert result.employment == pytest.approx(value)
    assert result.estimated is True


@pytest.mark.parametrize("decimal", [",", "."])
@pytest.mark.parametrize(
    "raw, value", [("4,5k", 4500), ("4.5k", 4500), ("1,2 k", 1200), ("1.250k", 1250), ("1,250k", 1250)]
)
def test_thousands_suffix_reads_its_separator_as_the_decimal_mark(raw, value, decimal):
    # A count of thousands is never grouped, whatever the file's decimal mark.
    result = parse_employment(raw, decimal=decimal)
    assert (result.employment, result.estimated, result.error) == (pytest.approx(value), True, None)


@pytest.mark.parametrize(
    "raw, value, estimated",
    [
        ("1.250", 1250, False),  # thousands, not 1.25, and not an approximation
        ("12.500", 12500, False),
        ("4.5", 4.5, False),
        ("12,5", 12.5, False),
        ("1 250", 1250, False),
        ("+5", 5, False),
        ("10-19", 14.5, True),  # a range stays a range...
        ("+/- 40", 40, True),  # ...and "+/-" is not one
        ("500+", 500, True),
        ("<5", 2.5, True),
    ],
)
def test_existing_forms_unchanged(raw, value, estimated):
    result = parse_employment(raw)
    assert (result.employment, result.estimated, result.unknown, result.error) == (value, estimated, False, None)


@pytest.mark.parametrize(
    "raw, fragment",
    [
        ("-40", "negative employment '-40'"),
        ("ca. -40", "negative employment 'ca. -40'"),
        ("± -40", "negative employment '± -40'"),
        ("~-5", "negative employment '~-5'"),
        ("-4k", "negative employment '-4k'"),
        ("ca.", "'ca.' is not a number"),
        ("~", "'~' is not a number"),
        ("+/-", "'+/-' is not a number"),
        ("k", "'k' is not a number"),
        ("4.5.6k", "'4.5.6k' is not a number"),
        ("1 250k", "'1 250k' is not a number"),
        ("4,5kk", "'4,5kk' is not a number"),
        ("ca. beaucoup", "'ca. beaucoup' is not a number"),
        ("40 +/- 5", "'40 +/- 5' is not a number"),
        ("nbb", "'nbb' is not a number"),
        ("1²", "'1²' is not a number"),  # a superscript is no digit (NFKD would make it 12)
        ("①", "'①' is not a number"),
        ("20-10", "size class '20-10'"),
    ],
)
def test_negative_or_nonsensical_stays_rejected(raw, fragment):
    result = parse_employment(raw)
    assert result.employment is None and not result.unknown and not result.estimated
    assert fragment in result.error


@pytest.mark.parametrize(
    "raw, value, estimated",
    [
        ("１２", 12, False),  # full-width
        ("٣٠", 30, False),  # Arabic-Indic
        ("۱۲,۵", 12.5, False),  # Extended Arabic-Indic (Persian), decimal comma
        ("१२", 12, False),  # Devanagari
        ("１ ２５０", 1250, False),
        ("１．２５０", 1250, False),  # full-width full stop: thousands as "1.250"
        ("١٢ ETP", 12, False),
        ("１０－１９", 14.5, True),
        ("４，５ｋ", 4500, True),
        ("ｃａ．４０", 40, True),
        ("±٤٠", 40, True),
    ],
)
def test_digits_of_other_scripts(raw, value, estimated):
    result = parse_employment(raw)
    assert (result.employment, result.estimated, result.unknown, result.error) == (value, estimated, False, None)


def test_full_width_decimal_comma_votes():
    assert detect_decimal(pd.Series(["１２，５", "３，２５", "7"]), default=".") == ","
    assert detect_decimal(pd.Series(["１２．５", "３．２５", "7"]), default=",") == "."


def test_vectorised_equals_hand_values():
    raw = pd.Series(["n.b.", "ca. 40", "4,5k", "１２", "k.A.", "-3", None, "10-19"], index=[3, 4, 5, 6, 7, 8, 9, 10])
    frame = parse_employments(raw)
    assert list(frame.index) == [3, 4, 5, 6, 7, 8, 9, 10]
    assert frame["employment"].tolist()[1:4] == [40.0, 4500.0, 12.0]
    assert np.isnan(frame["employment"].to_numpy()[[0, 4, 5, 6]]).all()
    assert frame["employment"].tolist()[7] == 14.5
    assert frame["estimated"].tolist() == [False, True, True, False, False, False, False, True]
    assert frame["unknown"].tolist() == [True, False, False, False, True, False, True, False]
    assert frame["error"].tolist()[5] == "negative employment '-3'"
    assert frame["error"].isna().tolist() == [True] * 5 + [False] + [True] * 2


# --- one member table, in the core and through the algorithm ----------------

HEADER = ["Nom", "Code postal", "Effectif", "Type", "Cluster(s)"]
U, E, N = "unknown", "estimated", "plain"
# (name, postcode, raw employment, expected employment, expected class); None: rejected
CASES = [
    ("Alpha", "1300", "n.b.", None, U),
    ("Bravo", "1301", "nb", None, U),
    ("Charlie", "1302", "onb.", None, U),
    ("Delta", "1303", "n.v.t.", None, U),
    ("Echo", "1304", "N/A", None, U),
    ("Foxtrot", "1305", "unknown", None, U),
    ("Golf", "1306", "k.A.", None, U),
    ("Hotel", "1307", "unbekannt", None, U),
    ("India", "1308", "n.c.", None, U),
    ("Juliet", "1309", "?", None, U),
    ("Kilo", "1310", "inconnu", None, U),
    ("Lima", "1311", "ca. 40", 40.0, E),
    ("Mike", "1312", "±40", 40.0, E),
    ("November", "1313", "~40", 40.0, E),
    ("Oscar", "1314", "+/- 40", 40.0, E),
    ("Papa", "1315", "4,5k", 4500.0, E),
    ("Quebec", "1316", "4.5k", 4500.0, E),
    ("Romeo", "1317", "environ 40", 40.0, E),
    ("Sierra", "1318", "circa 40", 40.0, E),
    ("Tango", "1319", "1,2 k", 1200.0, E),
    ("Uniform", "1320", "≈40", 40.0, E),
    ("Victor", "1321", "1.250", 1250.0, N),
    ("Whiskey", "1322", "１２", 12.0, N),
    ("X-ray", "1323", "٣٠", 30.0, N),
    ("Yankee", "1324", "12,5", 12.5, N),
    ("Zulu", "1325", "10-19", 14.5, E),
    ("Bad one", "1326", "ca. -40", None, None),  # negative: invalid_employment
    ("Bad two", "1327", "ca. beaucoup", None, None),  # invalid_employment
    ("Bad three", "999", "12", None, None),  # invalid_postcode, its employment 12 excluded
]  # fmt: skip
REJECTED_RULES = {27: "invalid_employment", 28: "invalid_employment", 29: "invalid_postcode"}
OUT_TOTAL = 40 * 7 + 4500 * 2 + 1200 + 1250 + 12 + 30 + 12.5 + 14.5  # the kept figures, by hand
EXCLUDED_TOTAL = 12.0


def _rows(numbers=False):
    """The table; ``numbers``: plain figures as number cells, as a spreadsheet stores them."""
    typed = {"1.250": 1250, "12,5": 12.5, "12": 12} if numbers else {}
    return [[name, code, typed.get(raw, raw), "Entreprise", "TIC"] for name, code, raw, _, _ in CASES]


def _check(out, rej, stats):
    """OUTPUT / REJECTED of the table against the hand expectations; ``stats``:
    (ROWS_READ, EMPLOYMENT_IN, EMPLOYMENT_OUT, EMPLOYMENT_EXCLUDED)."""
    kept = {i + 1: case for i, case in enumerate(CASES) if case[4] is not None}
    assert sorted(int(r) for r in out["source_row"]) == sorted(kept)
    for row in out.itertuples():
        name, code, raw, value, kind = kept[int(row.source_row)]
        assert (row.name, row.pc_key) == (name, "BE-" + code)
        flags = set((row.flags or "").split(";"))
        if value is None:
            assert row.employment is None or np.isnan(row.employment), raw
        else:
            assert row.employment == pytest.approx(value), raw
        assert bool(row.employment_unknown) is (kind == U), raw
        assert bool(row.employment_estimated) is (kind == E), raw
        assert ("employment_unknown" in flags) is (kind == U), raw
        assert ("employment_estimated" in flags) is (kind == E), raw
    assert dict(zip((int(r) for r in rej["source_row"]), rej["rule"])) == REJECTED_RULES
    reasons = dict(zip((int(r) for r in rej["source_row"]), rej["reason"]))
    assert "negative employment 'ca. -40'" in reasons[27] and "'ca. beaucoup'" in reasons[28]
    rows_read, emp_in, emp_out, emp_excluded = stats
    assert rows_read == len(CASES) == out["source_row"].nunique() + len(rej)
    assert emp_out == pytest.approx(OUT_TOTAL)
    assert emp_excluded == pytest.approx(EXCLUDED_TOTAL)
    assert emp_in == pytest.approx(OUT_TOTAL + EXCLUDED_TOTAL)
    assert pd.to_numeric(rej["employment"]).fillna(0).sum() == pytest.approx(EXCLUDED_TOTAL)


def test_core_import_keeps_words_and_approximations():
    table = pd.DataFrame(_rows(), columns=HEADER, dtype=object)
    table.index = pd.RangeIndex(1, len(table) + 1)
    result = import_members(table, dict(zip(["name", "postcode", "employment", "kind", "cluster"], HEADER)))
    out = result.output.astype(object).where(result.output.notna(), None)
    stats = result.stats
    _check(out, result.rejected,
           (stats["rows_read"], stats["employment_in"], stats["employment_out"], stats["employment_excluded"]))


def _write(path, fmt):
    if fmt == "csv":
        text = "\n".join(";".join(str(c) for c in row) for row in [HEADER] + _rows()) + "\n"
        path.write_text(text, encoding="utf-8")
    else:
        pytest.importorskip({"xlsx": "openpyxl", "ods": "odf"}[fmt])
        frame = pd.DataFrame(_rows(numbers=True), columns=HEADER, dtype=object)
        frame.to_excel(path, engine={"xlsx": "openpyxl", "ods": "odf"}[fmt], index=False)


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "ods"])
def test_algorithm_keeps_words_and_approximations(run_alg, tmp_path, fmt):
    path = tmp_path / ("members." + fmt)
    _write(path, fmt)
    out_path, rej_path = str(tmp_path / "out.gpkg"), str(tmp_path / "rej.gpkg")
    results = run_alg("importmembers", {"INPUT": str(path), "OUTPUT": out_path, "REJECTED": rej_path})
    out, rej = layer_frame(out_path), layer_frame(rej_path)
    _check(out, rej,
           (results["ROWS_READ"], results["EMPLOYMENT_IN"], results["EMPLOYMENT_OUT"], results["EMPLOYMENT_EXCLUDED"]))
    assert results["MEMBERSHIPS"] == len(out) == 26 and results["REJECTED_COUNT"] == len(rej) == 3
