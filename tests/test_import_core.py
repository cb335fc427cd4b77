"""importmembers core (QGIS-free): employment, kinds, headers, member rules.

Expected values are written by hand; the invariants (every row in OUTPUT or
REJECTED, employment conservation) are checked on hand tables and on
hypothesis-generated messy tables against independent Python oracles."""
import json
import math
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cluster_atlas.core.employment import detect_decimal, parse_employment, parse_employments
from cluster_atlas.core.headers import detect_columns
from cluster_atlas.core.kinds import map_kind
from cluster_atlas.core.members import (
    OUTPUT_SCHEMA,
    REJECTED_SCHEMA,
    Exclusion,
    ImportOptions,
    import_members,
    parse_exclusion_text,
)

# --- employment -------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, value, estimated",
    [
        ("12", 12, False),
        (" 1 250 ", 1250, False),
        ("1\u00a0250", 1250, False),
        ("1.250", 1250, False),
        ("12.500", 12500, False),
        ("12,5", 12.5, False),
        ("12.5", 12.5, False),
        ("1.250,5", 1250.5, False),
        ("12 ETP", 12, False),
        ("0", 0, False),
        (12, 12, False),
        (12.5, 12.5, False),
        ("10-19", 14.5, True),
        ("10 - 19", 14.5, True),
        ("de 10 à 19", 14.5, True),
        ("10 tot 19", 14.5, True),
        ("500+", 500, True),
        ("plus de 1000", 1000, True),
        ("<5", 2.5, True),
    ],
)
def test_employment_values(raw, value, estimated):
    result = parse_employment(raw)
    assert result.error is None and not result.unknown
    assert result.employment == pytest.approx(value)
    assert result.estimated is estimated


@pytest.mark.parametrize("raw", ["", "  ", None, float("nan"), "n.c.", "N.C.", "nc", "?", "n/a", "onbekend", "inconnu", "-"])
def test_employment_unknown_is_null_not_zero(raw):
    result = parse_employment(raw)
    assert result.unknown and result.employment is None and result.error is None


@pytest.mark.parametrize(
    "raw, fragment",
    [("-5", "negative employment '-5'"), (-3, "negative"), ("beaucoup", "'beaucoup' is not a number"), ("20-10", "size class"), ("1,2,3", "not a number")],
)
def test_employment_errors(raw, fragment):
    result = parse_employment(raw)
    assert result.employment is None and not result.unknown
    assert fragment in result.error


def test_employment_decimal_detection_and_vectorised():
    assert detect_decimal(pd.Series(["12,5", "3", "1,25"])) == ","
    assert detect_decimal(pd.Series(["12.5", "3", "1.25"])) == "."
    assert detect_decimal(pd.Series(["1.250", "3"]), default=",") == ","  # thousands do not vote
    assert parse_employment("1,250", decimal=".").employment == 1250
    frame = parse_employments(pd.Series(["12,5", "10-19", None, "x"], index=[4, 5, 6, 7]))
    assert list(frame.index) == [4, 5, 6, 7]
    assert frame["employment"].tolist()[:2] == [12.5, 14.5]
    assert frame["estimated"].tolist() == [False, True, False, False]
    assert frame["unknown"].tolist() == [False, False, True, False]
    typed = parse_employments(pd.Series([3, np.nan, -1.0]))
    assert typed["unknown"].tolist() == [False, True, False]
    assert typed["error"].tolist()[2] == "negative employment '-1'"


# --- kinds and headers ------------------------------------------------------


@pytest.mark.parametrize(
    "label, kind",
    [
        ("Entreprise", "company"), ("bedrijf", "company"), ("Company", "company"), ("PME", "company"),
        ("Centre de formation", "training"), ("opleidingscentrum", "training"), ("Training", "training"),
        ("Haute École", "training"), ("Entité publique", "public"), ("overheid", "public"), ("Public", "public"),
        ("Centre R&D", "research"), ("Université", "research"), ("onderzoekscentrum", "research"),
        ("Research", "research"), ("Centre de recherche public", "research"), ("Entreprise publique", "public"),
    ],
)  # fmt: skip
def test_kind_labels(label, kind):
    assert map_kind(label) == (kind, None)


def test_kind_unmapped_and_missing():
    assert map_kind("ASBL sportive") == ("ASBL sportive", "kind_unmapped")
    assert map_kind("") == ("unknown", "kind_missing")


@pytest.mark.parametrize(
    "headers, expected",
    [
        (["Nom", "Code postal", "Effectif", "Type", "Cluster(s)", "Pays"],
         {"name": "Nom", "postcode": "Code postal", "employment": "Effectif", "kind": "Type", "cluster": "Cluster(s)", "country": "Pays"}),
        (["Naam", "Postcode", "Werknemers", "Soort", "Cluster", "Land", "KBO-nummer"],
         {"name": "Naam", "postcode": "Postcode", "employment": "Werknemers", "kind": "Soort", "cluster": "Cluster", "country": "Land", "id": "KBO-nummer"}),
        (["Name", "Postal code", "Employees 2011", "Kind", "Clusters", "Country", "Year"],
         {"name": "Name", "postcode": "Postal code", "employment": "Employees 2011", "kind": "Kind", "cluster": "Clusters", "year": "Year"}),
        (["CP", "Entreprise", "Emploi", "Catégorie", "Pôle"],
         {"name": "Entreprise", "postcode": "CP", "employment": "Emploi", "kind": "Catégorie", "cluster": "Pôle"}),
        (["Nom du cluster", "Nom de l'entreprise", "CODE_POSTAL", "ETP"],
         {"name": "Nom de l'entreprise", "cluster": "Nom du cluster", "postcode": "CODE_POSTAL", "employment": "ETP"}),
    ],
)  # fmt: skip
def test_header_detection(headers, expected):
    mapping, _ = detect_columns(headers)
    for role, column in expected.items():
        assert mapping[role] == column, role


def test_header_detection_explicit_wins_and_reports_alternatives():
    mapping, notes = detect_columns(["Nom", "Effectif 2010", "Effectif 2011", "CP"], {"employment": "Effectif 2011"})
    assert mapping["employment"] == "Effectif 2011"
    mapping, notes = detect_columns(["Nom", "Effectif 2010", "Effectif 2011", "CP"])
    assert mapping["employment"] == "Effectif 2010" and notes["employment"] == ["Effectif 2011"]


# --- member rules on a hand-made table ---------------------------------------

COLS = {"name": "Nom", "postcode": "CP", "employment": "Effectif", "kind": "Type", "cluster": "Cluster(s)"}


def _table(rows, columns=("Nom", "CP", "Effectif", "Type", "Cluster(s)")):
    frame = pd.DataFrame(rows, columns=list(columns), dtype=object)
    frame.index = pd.RangeIndex(1, len(frame) + 1)
    return frame


def check_invariants(table, result):
    out, rej = result.output, result.rejected
    assert list(out.columns) == [n for n, _ in OUTPUT_SCHEMA]
    assert list(rej.columns) == [n for n, _ in REJECTED_SCHEMA]
    rows = set(table.index)
    assert set(out["source_row"]) | set(rej["source_row"]) == rows
    assert set(out["source_row"]) <= rows and set(rej["source_row"]) <= rows
    stats = result.stats
    assert stats["employment_in"] == pytest.approx(stats["employment_out"] + stats["employment_excluded"])
    assert stats["employment_out"] == pytest.approx(np.nansum(out["employment"].astype(float)))
    assert not out.duplicated(["entity_id", "cluster_key", "year"]).any()
    # unknown <=> NULL; estimated => a value
    assert (out["employment_unknown"] == out["employment"].isna()).all()
    assert out.loc[out["employment_estimated"], "employment"].notna().all()
    assert rej["reason"].map(bool).all() and rej["rule"].notna().all()
    assert stats["memberships"] == len(out) and stats["rejected"] == len(rej)
    assert sum(stats["rejected_by_rule"].values()) == len(rej)


def test_hand_table_every_rule():
    table = _table(
        [
            ["IBM Belgium", "B-1130", "1 250", "Entreprise", "TIC; TWIST"],  # 1: two memberships
            ["UCLouvain", "1348 Louvain-la-Neuve", "12000", "université", "TIC"],  # 2: above ceiling
            ["Ardennes Logistics", 6700.0, "10-19", "bedrijf", "Logistique"],  # 3: excluded by list
            ["", "1000", "5", "public", "TIC"],  # 4: missing name
            ["Lux Trans", "L-4365", "n.c.", "asbl", "logistique"],  # 5: unknown employment, unmapped kind
            ["IBM  belgium", "1130", "1.250", "company", "tic"],  # 6: duplicate of row 1 in TIC
            ["Bad PC", "99999", "3", "", "TIC"],  # 7: invalid postcode (employment 3 is valid)
            ["Santa", "612", "-2", "", ""],  # 8: three problems
            ["", "", "", "", ""],  # 9: empty row
            ["Forem", "7000", "40", "Centre de formation", "TIC / Logistique"],  # 10: two memberships
        ]
    )
    options = ImportOptions(employment_ceiling=10000, exclusions=parse_exclusion_text("Ardennes Logistics @ logistique"))
    result = import_members(table, COLS, options)
    check_invariants(table, result)
    out, rej = result.output, result.rejected

    got = sorted(zip(out["source_row"], out["cluster"], out["pc_key"], out["employment"].fillna(-1), out["kind"]))
    assert got == [
        (1, "TIC", "BE-1130", 1250.0, "company"),
        (1, "TWIST", "BE-1130", 1250.0, "company"),
        (5, "Logistique", "LU-4365", -1, "asbl"),  # shown as first written (row 3)
        (10, "Logistique", "BE-7000", 40.0, "training"),
        (10, "TIC", "BE-7000", 40.0, "training"),
    ]
    flags5 = out.loc[out["source_row"] == 5, "flags"].iloc[0].split(";")
    assert {"employment_unknown", "kind_unmapped", "country_from_prefix"} <= set(flags5)
    rules = dict(zip(rej["source_row"], rej["rule"]))
    assert rules == {
        2: "excluded_ceiling", 3: "excluded_list", 4: "missing_name", 6: "duplicate",
        7: "invalid_postcode", 8: "invalid_postcode", 9: "empty_row",
    }  # fmt: skip
    reasons = dict(zip(rej["source_row"], rej["reason"]))
    assert reasons[6] == "duplicate of row 1"
    assert "'99999'" in reasons[7]
    assert "'612'" in reasons[8] and "negative employment '-2'" in reasons[8] and "no cluster" in reasons[8]
    assert "12000 above the ceiling 10000" in reasons[2]
    assert '"Nom": "Bad PC"' in rej.loc[rej["source_row"] == 7, "raw_record"].iloc[0]
    # Hand sums: valid employment per membership = 1250*2 + 12000 + 14.5 + 5 + 1250 + 3 + 40*2
    assert result.stats["employment_in"] == pytest.approx(2500 + 12000 + 14.5 + 5 + 1250 + 3 + 80)
    assert result.stats["employment_out"] == pytest.approx(2500 + 80)
    assert result.stats["employment_excluded"] == pytest.approx(12000 + 14.5 + 5 + 1250 + 3)
    assert result.stats["entities"] == 3 and result.stats["clusters"] == 3


def test_default_cluster_ids_and_country_column():
    table = _table(
        [["A", "1300", "5", "x", "BE-1", "Belgique"], ["B", "4365", "7", "x", "", "Luxembourg"], ["C", "59000", "1", "x", "BE-1", "France"]],
        columns=("Nom", "CP", "Effectif", "Type", "BCE", "Pays"),
    )
    cols = {"name": "Nom", "postcode": "CP", "employment": "Effectif", "id": "BCE", "country": "Pays"}
    result = import_members(table, cols, ImportOptions(default_cluster="Logistique"))
    check_invariants(table, result)
    out = result.output
    assert out["cluster"].tolist() == ["Logistique", "Logistique"]
    assert out["pc_key"].tolist() == ["BE-1300", "LU-4365"]
    assert out["entity_id"].tolist() == ["BE-1", "b|LU-4365"]
    assert "id_missing" in out["flags"].iloc[1] and "cluster_default" in out["flags"].iloc[0]
    # Same id twice in one cluster: row 3 is a duplicate even with another name.
    assert result.rejected["reason"].tolist() == ["duplicate of row 1"]


def test_exclusion_by_id_all_clusters_with_note():
    table = _table([["Bank", "1000", "50000", "company", "TIC; Logistique"], ["Shop", "1000", "5", "company", "TIC"]])
    result = import_members(table, COLS, ImportOptions(exclusions=[Exclusion("BANK", None, "worldwide headcount")]))
    check_invariants(table, result)
    assert result.rejected["rule"].tolist() == ["excluded_list", "excluded_list"]
    assert "worldwide headcount" in result.rejected["reason"].iloc[0]
    assert result.output["name"].tolist() == ["Shop"]


def test_no_employment_column_keeps_everything_unknown():
    table = _table([["A", "1300", "TIC"]], columns=("Nom", "CP", "Cluster"))
    result = import_members(table, {"name": "Nom", "postcode": "CP", "cluster": "Cluster"})
    assert result.output["employment_unknown"].tolist() == [True]
    assert result.output["employment"].isna().all()


# --- several years in one list (year column) ----------------------------------

YEAR_COLS = dict(COLS, year="Année")


def test_several_years_one_membership_per_entity_cluster_and_year():
    """The same entity in the same cluster in 2021 and 2022 is two memberships;
    only a second copy within one year is a duplicate (hand-computed)."""
    table = _table(
        [
            ["IBM", "1130", "100", "Entreprise", "TIC", "2021"],  # 1
            ["IBM", "1130", "120", "Entreprise", "TIC", "2022"],  # 2: another year, kept
            ["IBM", "B-1130", "999", "Entreprise", "tic", "2021"],  # 3: duplicate of row 1 (same year)
            ["Forem", "7000", "40", "public", "TIC; TWIST", "2022"],  # 4: two memberships
            ["Forem", "7000", "41", "public", "TWIST", "2022"],  # 5: duplicate of row 4 in TWIST
            ["Forem", "7000", "45", "public", "TWIST", ""],  # 6: no year: its own key, kept
            ["Forem", "7000", "46", "public", "TWIST", "n.a."],  # 7: invalid year = no year: duplicate of row 6
        ],
        columns=("Nom", "CP", "Effectif", "Type", "Cluster(s)", "Année"),
    )
    result = import_members(table, YEAR_COLS)
    check_invariants(table, result)
    out, rej = result.output, result.rejected
    got = sorted(zip(out["source_row"], out["cluster"], out["year"].fillna(0), out["employment"]))
    assert got == [(1, "TIC", 2021, 100.0), (2, "TIC", 2022, 120.0), (4, "TIC", 2022, 40.0),
                   (4, "TWIST", 2022, 40.0), (6, "TWIST", 0, 45.0)]
    assert dict(zip(rej["source_row"], rej["reason"])) == {
        3: "duplicate of row 1 (same entity, cluster and year 2021)",
        5: "duplicate of row 4 (same entity, cluster and year 2022)",
        7: "duplicate of row 6",
    }
    assert set(rej["rule"]) == {"duplicate"}
    assert out.loc[out["source_row"] == 6, "year"].isna().all()
    stats = result.stats
    assert stats["years"] == {2021: 1, 2022: 3}
    assert stats["entities"] == 2  # distinct entities, whatever the years
    assert stats["employment_in"] == pytest.approx(100 + 120 + 999 + 80 + 41 + 45 + 46)
    assert stats["employment_excluded"] == pytest.approx(999 + 41 + 46)


def test_without_year_column_the_same_entity_twice_is_a_duplicate():
    table = _table([["IBM", "1130", "100", "x", "TIC", "2021"], ["IBM", "1130", "120", "x", "TIC", "2022"]],
                   columns=("Nom", "CP", "Effectif", "Type", "Cluster(s)", "Année"))
    result = import_members(table, COLS)  # the year column not used
    assert result.output["source_row"].tolist() == [1]
    assert result.rejected["reason"].tolist() == ["duplicate of row 1"]
    assert result.stats["years"] == {}


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.tuples(st.sampled_from(["a", "b", "c"]), st.sampled_from(["1348", "5000"]),
                               st.sampled_from(["1", "2", "30", "n.c."]), st.sampled_from(["x", "y"]),
                               st.sampled_from(["2021", "2022", "2023", ""])), max_size=40))
def test_property_several_years_equal_pandas_drop_duplicates(rows):
    """Oracle: pandas keeps the first row of each (name, postcode, cluster, year)."""
    table = _table(rows, columns=("Nom", "CP", "Effectif", "Cluster(s)", "Année"))
    cols = {"name": "Nom", "postcode": "CP", "employment": "Effectif", "cluster": "Cluster(s)", "year": "Année"}
    result = import_members(table, cols)
    check_invariants(table, result)
    frame = table.reset_index().rename(columns={"index": "row"})
    key = ["Nom", "CP", "Cluster(s)", "Année"]
    kept = frame.drop_duplicates(key)
    assert sorted(result.output["source_row"]) == sorted(kept["row"])
    first = frame.groupby(key)["row"].transform("min")
    dups = frame[frame["row"] != first]
    expected = {r: "duplicate of row {}".format(f) + (" (same entity, cluster and year {})".format(y) if y else "")
                for r, f, y in zip(dups["row"], first[dups.index], dups["Année"])}
    assert dict(zip(result.rejected["source_row"], result.rejected["reason"])) == expected
    years = kept[kept["Année"] != ""]["Année"].astype(int).value_counts().to_dict()
    assert result.stats["years"] == years
    valid = pd.to_numeric(frame["Effectif"], errors="coerce")
    assert result.stats["employment_out"] == pytest.approx(valid[kept.index].sum())
    assert result.stats["employment_in"] == pytest.approx(valid.sum())


# --- property-based: generated messy tables -----------------------------------

NAMES = ["IBM", "ibm ", "Ucl", "Forem", "Ságé", "", None, "Bank", "X"]
POSTCODES = ["1348", "B-1348", "1348 LLN", 1400.0, "L-4365", "0999", "", None, "abc", "F-59000", "12345"]
EMPLOYMENTS = ["12", "1 250", "12,5", "10-19", "", "n.c.", "?", "-3", "lots", 7, 3.5, None, "500+"]
KINDS = ["Entreprise", "université", "", "asbl", None, "overheid"]
CLUSTERS = ["TIC", "tic", "TIC; TWIST", "Logistique / TIC", "", None, "TWIST|TWIST", " ; ", "Logistique"]


def _split(cell, known):
    """';' and '|' always split; '/' only when each piece is a cluster the table
    names on its own (``known``: lower-case names of the table's ';'/'|' parts)."""
    text = "" if cell is None else str(cell)
    parts = [p.strip() for p in re.split(r"[;|]", text) if p.strip()]
    split = []
    for part in parts:
        pieces = [p.strip() for p in part.split("/")]
        split += pieces if len(pieces) > 1 and all(p.lower() in known for p in pieces) else [part]
    return split


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    rows=st.lists(
        st.tuples(*(st.sampled_from(pool) for pool in (NAMES, POSTCODES, EMPLOYMENTS, KINDS, CLUSTERS))),
        min_size=0,
        max_size=40,
    ),
    ceiling=st.sampled_from([None, 100, 1000]),
    default_cluster=st.sampled_from([None, "Default"]),
)
def test_property_every_row_accounted_and_employment_conserved(rows, ceiling, default_cluster):
    table = _table(rows)
    options = ImportOptions(employment_ceiling=ceiling, default_cluster=default_cluster, exclusions=[Exclusion("Bank", "tic", None)])
    result = import_members(table, COLS, options)
    check_invariants(table, result)
    # Oracle, row by row with the scalar parser and a plain split:
    expected_members = 0
    expected_in = 0.0
    known = {p.lower() for cells in rows for p in _split(cells[4], ())} | {str(default_cluster).lower()}
    for cells in rows:
        clusters = _split(cells[4], known) or ([default_cluster] if default_cluster else [])
        count = max(len(clusters), 1)
        expected_members += count
        parsed = parse_employment(cells[2], ",")
        if parsed.employment is not None:
            expected_in += parsed.employment * count
    assert len(result.output) + len(result.rejected) == expected_members
    assert result.stats["employment_in"] == pytest.approx(expected_in)
    if ceiling is not None:
        assert (result.output["employment"].fillna(0) <= ceiling).all()
    assert not (result.output["name"] == "Bank").loc[result.output["cluster_key"] == "tic"].any()
    assert result.output["pc_key"].map(lambda k: bool(re.match(r"^(BE-[1-9]\d{3}|LU-\d{4}|FR-\d{5})$", k))).all()


def test_vectorised_path_on_a_large_generated_table_matches_small_chunks():
    rng = np.random.default_rng(1)
    n = 20000
    table = _table(
        {
            "Nom": rng.choice(["A", "B", "C", "", "Ságé"], n),
            "CP": rng.choice(["1348", "B-1000", "L-4365", "bad", "6700.0"], n),
            "Effectif": rng.choice(["12", "1 250", "10-19", "n.c.", "-1"], n),
            "Type": rng.choice(["Entreprise", "", "asbl"], n),
            "Cluster(s)": rng.choice(["TIC", "TIC; TWIST", "", "Logistique"], n),
        }
    )
    result = import_members(table, COLS, ImportOptions(default_cluster="Autre"))
    check_invariants(table, result)
    # The same rows imported in 4 independent chunks give the same per-row parse.
    parts = [import_members(table.iloc[i : i + 5000], COLS, ImportOptions(default_cluster="Autre")) for i in range(0, n, 5000)]
    total_in = sum(p.stats["employment_in"] for p in parts)
    assert result.stats["employment_in"] == pytest.approx(total_in)
    assert not math.isnan(result.stats["employment_out"])


# --- real-world table shapes (hand-written tables) ----------------------------

def _read_text(tmp_path, text, name="shape.csv", encoding="utf-8"):
    from cluster_atlas.core.readers import read_table

    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return read_table(str(path))


def test_title_rows_above_the_header_are_skipped(tmp_path):
    text = (
        "Liste des membres du cluster TIC\r\n"
        "Mise à jour: mars 2011;;;;\r\n"
        "\r\n"
        "Nom;Code postal;Effectif;Type;Cluster(s)\r\n"
        "IBM Belgium;B-1130;1 250;Entreprise;TIC\r\n"
        "UNamur;5000;12,5;université;TIC\r\n"
    )
    table, info = _read_text(tmp_path, text)
    assert list(table.columns) == ["Nom", "Code postal", "Effectif", "Type", "Cluster(s)"]
    assert info["header_row"] == 4 and info["separator"] == ";"
    assert table["Nom"].tolist() == ["IBM Belgium", "UNamur"] and list(table.index) == [1, 2]
    mapping, _ = detect_columns(list(table.columns))
    result = import_members(table, mapping, ImportOptions(decimal=","))
    assert result.output["employment"].tolist() == [1250.0, 12.5]


def test_title_row_naming_two_header_words_loses_to_the_real_header(tmp_path):
    text = "Nom du cluster: TIC;Année: 2011\nNom;CP;Effectif;Type;Cluster\nA;1348;3;Entreprise;TIC\n"
    table, info = _read_text(tmp_path, text)
    assert info["header_row"] == 2 and table["Nom"].tolist() == ["A"]


def test_trailing_empty_and_unnamed_columns_and_duplicated_headers(tmp_path):
    text = (
        "Nom;CP;Effectif;Nom;;Cluster;;;\n"
        "Alpha;1348;3;Alpha SA;note 1;TIC;;;\n"
        "Beta;4000;5;Beta NV;;TIC;;;\n"
    )
    table, info = _read_text(tmp_path, text)
    # Excel's trailing separators give no column; a header-less column with values is kept, named by position.
    assert list(table.columns) == ["Nom", "CP", "Effectif", "Nom (2)", "column_5", "Cluster"]
    assert info["duplicates"] == [("Nom", "Nom (2)")]
    assert table["column_5"].tolist() == ["note 1", ""]
    mapping, _ = detect_columns(list(table.columns))
    assert mapping["name"] == "Nom"  # the first of the repeated columns
    result = import_members(table, mapping)
    assert result.output["name"].tolist() == ["Alpha", "Beta"]
    rejected = import_members(table.assign(CP=["1348", "bad"]), mapping).rejected
    assert json.loads(rejected["raw_record"].iloc[0]) == {
        "Nom": "Beta", "CP": "bad", "Effectif": "5", "Nom (2)": "Beta NV", "column_5": "", "Cluster": "TIC"
    }  # fmt: skip


def test_total_row_rejected_and_not_double_counted():
    table = _table(
        [
            ["IBM Belgium", "B-1130", "1 250", "Entreprise", "TIC"],
            ["UNamur", "5000", "12,5", "université", "TIC"],
            ["Total Belgium", "1000", "40", "Entreprise", "TIC"],  # a company called Total: a member
            ["", "", "", "", ""],
            ["Totaal:", "", "1 302,5", "", ""],  # the spreadsheet's own total
            ["Sous-total TIC", "", "1 262,5", "", "TIC"],
        ]
    )
    result = import_members(table, COLS, ImportOptions(decimal=","))
    check_invariants(table, result)
    rej = result.rejected.set_index("source_row")
    assert rej.loc[5, "rule"] == "total_row" and rej.loc[6, "rule"] == "total_row"
    assert "1 302,5" in rej.loc[5, "reason"] and pd.isna(rej.loc[5, "employment"])
    assert rej.loc[5, "raw_employment"] == "1 302,5"
    assert rej.loc[4, "rule"] == "empty_row"
    # Hand figures: 1250 + 12.5 + 40 read and kept; the totals are reported apart.
    assert result.stats["employment_in"] == pytest.approx(1302.5)
    assert result.stats["employment_out"] == pytest.approx(1302.5)
    assert result.stats["total_rows"] == [(5, 1302.5), (6, 1262.5)]
    assert result.stats["rejected_by_rule"] == {"empty_row": 1, "total_row": 2}


def test_total_row_in_first_column_when_the_name_is_elsewhere():
    table = _table(
        [["BE0123", "Alpha", "1348", "3", "TIC"], ["TOTAL", "", "", "3", ""]],
        columns=("BCE", "Nom", "CP", "Effectif", "Cluster(s)"),
    )
    cols = {"id": "BCE", "name": "Nom", "postcode": "CP", "employment": "Effectif", "cluster": "Cluster(s)"}
    result = import_members(table, cols)
    assert result.rejected["rule"].tolist() == ["total_row"]
    assert result.stats["employment_in"] == pytest.approx(3.0)


def test_shapes_in_a_workbook(tmp_path):
    from cluster_atlas.core.readers import read_table

    rows = [
        ["Membres du cluster Logistique", None, None, None, None],
        [None, None, None, None, None],
        ["Nom", "CP", "Effectif", "Cluster", None],
        ["Lux Logistique", "L-4365", 12, "Logistique", None],
        ["Trans SA", 4000, 30, "Logistique", None],
        ["Total", None, 42, None, None],
    ]
    path = tmp_path / "shapes.xlsx"
    pd.DataFrame(rows).to_excel(path, header=False, index=False)
    table, info = read_table(str(path))
    assert info["header_row"] == 3 and list(table.columns) == ["Nom", "CP", "Effectif", "Cluster"]
    assert list(table.index) == [1, 2, 3]
    mapping, _ = detect_columns(list(table.columns))
    result = import_members(table, mapping)
    assert result.output["pc_key"].tolist() == ["LU-4365", "BE-4000"]
    assert result.rejected["rule"].tolist() == ["total_row"]
    assert result.stats["employment_in"] == pytest.approx(42.0)
