"""Postcodes written with digits of other scripts (issue 12, item 6).

``１３４８`` (full-width), ``١٣٤٨`` (Arabic-Indic) and every other Unicode decimal
digit read as ASCII before validation, so they key as ``BE-1348``: duplicates
are found, out-of-range codes rejected, zones matched. Checked on the QGIS-free
functions, on core import_members and through clusteratlas:importmembers (CSV,
XLSX, ODS) and clusteratlas:aggregatepostcodes. Expectations written by hand."""
import sys
import unicodedata

import pandas as pd
import pytest

from cluster_atlas.core.members import import_members
from cluster_atlas.core.postcodes import fold_digits, normalise_postcode, normalise_postcodes

from .conftest import layer_frame

# The "0" of every decimal-digit script this Python knows; its nine next code points are 1..9.
ZEROS = [chr(c) for c in range(sys.maxunicode + 1) if unicodedata.decimal(chr(c), None) == 0]


def _in_script(code, zero):
    return "".join(chr(ord(zero) + int(d)) for d in code)


def test_every_decimal_digit_script_folds():
    assert len(ZEROS) > 50 and "\u0660" in ZEROS and "\uff10" in ZEROS  # Arabic-Indic, full-width
    for zero in ZEROS:
        assert fold_digits(_in_script("0123456789", zero)) == "0123456789", hex(ord(zero))
        result = normalise_postcode(_in_script("1348", zero))
        assert (result.pc_key, result.postcode, result.error) == ("BE-1348", "1348", None), hex(ord(zero))


def test_fold_digits_leaves_everything_else():
    assert fold_digits("B-1348 Louvain-la-Neuve") == "B-1348 Louvain-la-Neuve"
    assert fold_digits("Liège\u00a01348") == "Liège\u00a01348"
    assert fold_digits("１０１２\u3000ＡＢ") == "1012 AB"
    # Not decimal digits: superscripts, circled, fractions stay (NFKC would make them digits).
    assert fold_digits("1348² ①½") == "1348² ①½"


@pytest.mark.parametrize(
    "raw, country, key, source",
    [
        ("１３４８", None, "BE-1348", "default"),
        ("١٣٤٨", None, "BE-1348", "default"),
        ("۱۳۴۸", None, "BE-1348", "default"),  # Extended Arabic-Indic (Persian)
        ("१३४८", None, "BE-1348", "default"),  # Devanagari
        ("１３４８ Louvain-la-Neuve", None, "BE-1348", "default"),
        ("Ｂ－１３４８", None, "BE-1348", "prefix"),  # full-width prefix and dash
        ("B-١٣٤٨", None, "BE-1348", "prefix"),
        ("L-４３６５", None, "LU-4365", "prefix"),
        ("５９０００", "France", "FR-59000", "column"),
        ("１０１２ＡＢ", "NL", "NL-1012AB", "column"),
        ("ＮＬ－１０１２ ａｂ", None, "NL-1012AB", "prefix"),
        ("١٠١٢ AB", "Nederland", "NL-1012AB", "column"),
        ("５２０６２", "ＤＥ", "DE-52062", "column"),
    ],
)
def test_other_digits_normalise_like_ascii(raw, country, key, source):
    result = normalise_postcode(raw, country)
    assert (result.pc_key, result.country, result.postcode, result.error, result.country_source) == (
        key, key[:2], key[3:], None, source)


@pytest.mark.parametrize(
    "raw, country, fragment",
    [
        ("０９９９", None, "invalid Belgian postcode '０９９９' (expected 4 digits 1000-9999)"),  # below 1000
        ("٩٩٩", None, "invalid Belgian postcode '٩٩٩'"),
        ("１３４８０", None, "invalid Belgian postcode '１３４８０'"),
        ("L-٤٣٦", None, "invalid Luxembourg postcode 'L-٤٣٦'"),
        ("１０１２", "NL", "invalid Dutch postcode '１０１２'"),
        ("1348²", None, "unreadable postcode '1348²'"),  # a superscript is no digit
        ("①③④⑧", None, "unreadable postcode '①③④⑧'"),
    ],
)
def test_validation_applies_and_quotes_the_raw_value(raw, country, fragment):
    result = normalise_postcode(raw, country)
    assert result.pc_key is None and fragment in result.error


def test_vectorised_equals_hand_keys():
    raw = pd.Series(["１３４８", "1348", "١٣٤٨", "０９９９", "１０１２ＡＢ", None], index=[7, 8, 9, 10, 11, 12])
    country = pd.Series([None, None, "BE", None, "NL", None], index=raw.index)
    frame = normalise_postcodes(raw, country)
    assert list(frame.index) == [7, 8, 9, 10, 11, 12]
    assert frame["pc_key"].tolist() == ["BE-1348", "BE-1348", "BE-1348", None, "NL-1012AB", None]
    assert frame["postcode"].tolist() == ["1348", "1348", "1348", None, "1012AB", None]
    assert frame["error"].notna().tolist() == [False, False, False, True, False, True]


# --- one member table, in the core and through the algorithms ---------------

HEADER = ["Nom", "Code postal", "Pays", "Effectif", "Cluster(s)"]
ROWS = [
    ["Alpha", "１３４８", "", 10, "TIC"],  # 1: BE-1348
    ["Bravo", "١٣٠٠", "", 5, "TIC"],  # 2: BE-1300
    ["Alpha", "1348", "", 10, "TIC"],  # 3: duplicate of row 1 (same name, same key)
    ["Charlie", "１０１２ ＡＢ", "NL", 7, "TIC"],  # 4: NL-1012AB
    ["Delta", "Ｂ－４０００", "", 3, "TIC"],  # 5: BE-4000, country from the prefix
    ["Echo", "０９９９", "", 4, "TIC"],  # 6: out of range
    ["Foxtrot", "١٣٤٨٠", "", 6, "TIC"],  # 7: five digits for Belgium
    ["Golf", "۵۹۰۰۰", "France", 8, "TIC"],  # 8: FR-59000
    ["Hotel", "१३४८", "", 2, "TIC"],  # 9: BE-1348, another entity
    ["India", "L-４３６５", "", 1, "TIC"],  # 10: LU-4365
    ["Juliet", "1348²", "", 1, "TIC"],  # 11: unreadable
]
KEPT = {1: "BE-1348", 2: "BE-1300", 4: "NL-1012AB", 5: "BE-4000", 8: "FR-59000", 9: "BE-1348", 10: "LU-4365"}
REJECTED = {3: "duplicate", 6: "invalid_postcode", 7: "invalid_postcode", 11: "invalid_postcode"}
OUT_TOTAL = 10 + 5 + 7 + 3 + 8 + 2 + 1
EXCLUDED_TOTAL = 10 + 4 + 6 + 1


def _check(out, rej, stats):
    """``stats``: (ROWS_READ, EMPLOYMENT_IN, EMPLOYMENT_OUT, EMPLOYMENT_EXCLUDED)."""
    assert {int(r): k for r, k in zip(out["source_row"], out["pc_key"])} == KEPT and len(out) == len(KEPT)
    assert {int(r): p for r, p in zip(out["source_row"], out["postcode"])} == {r: k[3:] for r, k in KEPT.items()}
    assert dict(zip((int(r) for r in rej["source_row"]), rej["rule"])) == REJECTED
    reasons = dict(zip((int(r) for r in rej["source_row"]), rej["reason"]))
    assert reasons[3] == "duplicate of row 1"
    assert "'０９９９'" in reasons[6] and "'١٣٤٨٠'" in reasons[7] and "'1348²'" in reasons[11]
    flags5 = set(out.loc[out["source_row"] == 5, "flags"].iloc[0].split(";"))
    assert "country_from_prefix" in flags5
    rows_read, emp_in, emp_out, emp_excluded = stats
    assert rows_read == len(ROWS) == out["source_row"].nunique() + len(rej)
    assert emp_out == pytest.approx(OUT_TOTAL)
    assert emp_excluded == pytest.approx(EXCLUDED_TOTAL)
    assert emp_in == pytest.approx(OUT_TOTAL + EXCLUDED_TOTAL)
    assert pd.to_numeric(rej["employment"]).fillna(0).sum() == pytest.approx(EXCLUDED_TOTAL)


def test_core_import_keys_and_deduplicates_other_digits():
    table = pd.DataFrame(ROWS, columns=HEADER, dtype=object)
    table.index = pd.RangeIndex(1, len(table) + 1)
    result = import_members(table, dict(zip(["name", "postcode", "country", "employment", "cluster"], HEADER)))
    stats = result.stats
    _check(result.output, result.rejected,
           (stats["rows_read"], stats["employment_in"], stats["employment_out"], stats["employment_excluded"]))


def _import(run_alg, tmp_path, fmt):
    path = tmp_path / ("members." + fmt)
    if fmt == "csv":
        path.write_text("\n".join(";".join(str(c) for c in row) for row in [HEADER] + ROWS) + "\n", encoding="utf-8")
    else:
        engine = {"xlsx": "openpyxl", "ods": "odf"}[fmt]
        pytest.importorskip(engine)
        pd.DataFrame(ROWS, columns=HEADER, dtype=object).to_excel(path, engine=engine, index=False)
    out, rej = str(tmp_path / "out.gpkg"), str(tmp_path / "rej.gpkg")
    results = run_alg("importmembers", {"INPUT": str(path), "OUTPUT": out, "REJECTED": rej})
    return out, rej, results


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "ods"])
def test_algorithm_keys_and_deduplicates_other_digits(run_alg, tmp_path, fmt):
    out_path, rej_path, results = _import(run_alg, tmp_path, fmt)
    out, rej = layer_frame(out_path), layer_frame(rej_path)
    _check(out, rej,
           (results["ROWS_READ"], results["EMPLOYMENT_IN"], results["EMPLOYMENT_OUT"], results["EMPLOYMENT_EXCLUDED"]))
    assert results["MEMBERSHIPS"] == len(out) == 7 and results["REJECTED_COUNT"] == len(rej) == 4


def test_zones_match_codes_in_other_digits(run_alg, tmp_path):
    """Members in other scripts match ASCII zones, and zones written in other scripts match
    ASCII members: 10 + 2 at BE-1348, 5 at BE-1300, 3 at BE-4000 in zones; NL, FR, LU unmatched."""
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    members, _, _ = _import(run_alg, tmp_path, "csv")
    zones = QgsVectorLayer("Point?crs=EPSG:31370&field=postcode:string", "zones", "memory")
    for code, x in (("1348", 160000), ("١٣٠٠", 150000), ("４０００", 230000), ("5000", 180000)):
        feature = QgsFeature(zones.fields())
        feature.setAttributes([code])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, 150000)))
        zones.dataProvider().addFeature(feature)
    unmatched = str(tmp_path / "unmatched.gpkg")
    results = run_alg("aggregatepostcodes", {
        "MEMBERS": members, "POSTCODES": zones, "POSTCODE_FIELD": "postcode",
        "OUTPUT": str(tmp_path / "zones.gpkg"), "CIRCLES": str(tmp_path / "circles.gpkg"), "UNMATCHED": unmatched,
    })  # fmt: skip
    assert results["EMPLOYMENT_TOTAL"] == pytest.approx(OUT_TOTAL)
    assert results["EMPLOYMENT_MATCHED"] == pytest.approx(10 + 2 + 5 + 3)
    assert results["EMPLOYMENT_UNMATCHED"] == pytest.approx(7 + 8 + 1)
    assert results["ZONES"] == 3
    zones_out = layer_frame(str(tmp_path / "zones.gpkg")).set_index("pc_key")
    assert zones_out.loc[["BE-1348", "BE-1300", "BE-4000", "BE-5000"], "employment"].tolist() == [12, 5, 3, 0]
    assert sorted(layer_frame(unmatched)["pc_key"]) == ["FR-59000", "LU-4365", "NL-1012AB"]
