"""Issue 12 items 1 and 2: which text of a cluster cell is a cluster, and which
spellings are the same cluster (core/clusters.py, through importmembers and
aggregatepostcodes).

Expected memberships and employment figures are written by hand; a pandas
group-by of the hand-listed memberships is the oracle of employment per cluster.
The same table is read from CSV, XLSX, ODS and a GeoPackage table."""
import itertools
import json

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cluster_atlas.core.clusters import (
    cluster_key,
    cluster_keys,
    edit_distance,
    parse_names,
    separators_value,
    similar_keys,
    split_cells,
)
from cluster_atlas.core.members import import_members

from .conftest import layer_frame, recording_feedback

# --- the table: (name, postcode, employment, cluster cell) and its memberships by hand
HEADER = ["Nom", "CP", "Effectif", "Cluster"]
ROWS = [
    ("Aero One", "1348", 4000, "Aéronautique/Spatial"),
    ("Aero Two", "6041", 2000, "aéronautique / spatial"),
    ("Trans One", "7000", 1500, "Transport/Logistique"),
    ("Bio Tweed", "1300", 300, "BioWin + TWEED"),
    ("Bio Only", "1348", 200, "BioWin"),
    ("Tweed Only", "5000", 100, "TWEED"),
    ("Info A", "4000", 50, "InfopôleTIC"),
    ("Info B", "4000", 60, "Infopôle TIC"),
    ("Agro A", "5030", 70, "Agro industrie"),
    ("Agro B", "5030", 80, "Agro-industrie"),
    ("Twist Co", "1348", 90, "TWIST"),
    ("Two Lines", "1000", 10, "TWIST\nTWEED"),
    ("Log Wal", "4000", 20, "Logistique en Wallonie"),
    ("Sky A", "6041", 30, "Skywin"),
    ("Sky B", "6041", 40, "Skywing"),
]
# source_row -> [(cluster as displayed, cluster_key)]: the first spelling of a cluster is its name.
EXPECTED = {
    1: [("Aéronautique/Spatial", "aeronautiquespatial")],
    2: [("Aéronautique/Spatial", "aeronautiquespatial")],
    3: [("Transport/Logistique", "transportlogistique")],
    4: [("BioWin", "biowin"), ("TWEED", "tweed")],
    5: [("BioWin", "biowin")],
    6: [("TWEED", "tweed")],
    7: [("InfopôleTIC", "infopoletic")],
    8: [("InfopôleTIC", "infopoletic")],
    9: [("Agro industrie", "agroindustrie")],
    10: [("Agro industrie", "agroindustrie")],
    11: [("TWIST", "twist")],
    12: [("TWIST", "twist"), ("TWEED", "tweed")],
    13: [("Logistique en Wallonie", "logistiqueenwallonie")],
    14: [("Skywin", "skywin")],
    15: [("Skywing", "skywing")],
}
# Employment per cluster, added up by hand from the rows above.
EMPLOYMENT_BY_CLUSTER = {
    "aeronautiquespatial": 6000, "transportlogistique": 1500, "biowin": 500, "tweed": 410,
    "infopoletic": 110, "agroindustrie": 150, "twist": 100, "logistiqueenwallonie": 20,
    "skywin": 30, "skywing": 40,
}  # fmt: skip
EMPLOYMENT_OUT = 8860  # every membership: 6000 + 1500 + 2 x 300 + 200 + 100 + 110 + 150 + 90 + 2 x 10 + 20 + 30 + 40
# Split on every '/' (the former default) the same table read 16,360: rows 1-3 counted twice.


def _frame():
    table = pd.DataFrame(ROWS, columns=HEADER, dtype=object)
    table.index = pd.RangeIndex(1, len(table) + 1)
    return table


def _check_members(out):
    got = sorted((int(r.source_row), r.cluster, r.cluster_key) for r in out.itertuples())
    assert got == sorted((row, c, k) for row, pairs in EXPECTED.items() for c, k in pairs)
    # Oracle: pandas group-by of the hand-listed memberships.
    employment = dict(zip(range(1, len(ROWS) + 1), (r[2] for r in ROWS)))
    memberships = pd.DataFrame([(k, employment[row]) for row, pairs in EXPECTED.items() for _, k in pairs],
                               columns=["cluster_key", "employment"])
    oracle = memberships.groupby("cluster_key")["employment"].sum()
    by_cluster = out.groupby("cluster_key")["employment"].sum()
    pd.testing.assert_series_equal(by_cluster.sort_index(), oracle.sort_index().astype(float), check_names=False)
    assert by_cluster.to_dict() == EMPLOYMENT_BY_CLUSTER


def _check_report(report):
    assert report["split"] == [("BioWin + TWEED", ["BioWin", "TWEED"], 1)]
    assert sorted(report["kept_whole"]) == sorted([
        ("Aéronautique/Spatial", 1), ("aéronautique / spatial", 1), ("Transport/Logistique", 1),
        ("Logistique en Wallonie", 1)])
    assert report["similar"] == [
        {"clusters": ["Skywin", "Skywing"], "keys": ["skywin", "skywing"], "rows": [[14], [15]], "edits": 1}]


# --- core ----------------------------------------------------------------------

@pytest.mark.parametrize("a, b", [
    ("aéronautique / spatial", "Aéronautique/Spatial"),
    ("InfopôleTIC", "Infopôle TIC"),
    ("Agro industrie", "Agro-industrie"),
    ("Éco-construction", "eco construction"),
    ("ecobuild.brussels", "Ecobuild Brussels"),
])
def test_keys_ignore_case_accents_spaces_and_punctuation(a, b):
    assert cluster_key(a) == cluster_key(b) != ""


def test_keys_by_hand():
    assert cluster_key("Infopôle cluster TIC") == "infopoleclustertic"
    assert cluster_key("Industrie 4.0") == "industrie40"
    assert cluster_key(" - ") == cluster_key("?") == "" and cluster_key(None) == ""
    assert cluster_key(cluster_key("Aéronautique/Spatial")) == "aeronautiquespatial"  # a key folds to itself
    assert cluster_key("infopole tic") == "infopoletic"  # the key an older import wrote
    assert list(cluster_keys(pd.Series(["TIC", None, "T.I.C."]))) == ["tic", "", "tic"]


def test_core_import_of_the_table():
    result = import_members(_frame(), dict(zip(["name", "postcode", "employment", "cluster"], HEADER)))
    assert result.rejected.empty
    _check_members(result.output)
    assert result.stats["employment_out"] == EMPLOYMENT_OUT
    assert result.stats["clusters"] == len(EMPLOYMENT_BY_CLUSTER)
    _check_report(result.stats["cluster_names"])


@pytest.mark.parametrize("cells, names, expected", [
    # the two cases: kept whole / split when each part is named on its own
    (["Aéronautique/Spatial", "Transport/Logistique"], (), [["Aéronautique/Spatial"], ["Transport/Logistique"]]),
    (["BioWin + TWEED", "BioWin", "TWEED"], (), [["BioWin", "TWEED"], ["BioWin"], ["TWEED"]]),
    (["BioWin + TWEED", "BioWin"], (), [["BioWin + TWEED"], ["BioWin"]]),  # TWEED never alone
    (["BioWin + TWEED"], ("tweed", "BIOWIN"), [["BioWin", "TWEED"]]),  # the user's list (or the default cluster)
    # a name known only as a part after ';' counts as named on its own
    (["TIC, TWIST", "TIC; Skywin", "TWIST|x"], (), [["TIC", "TWIST"], ["TIC", "Skywin"], ["TWIST", "x"]]),
    # the words et / en / and (any case), '&'
    (["TIC et TWIST", "TIC ET TWIST", "TIC en TWIST", "TIC and TWIST", "TIC & TWIST", "TIC", "TWIST"], (),
     [["TIC", "TWIST"]] * 5 + [["TIC"], ["TWIST"]]),
    (["Logistique en Wallonie", "R&D", "Wallonie"], (), [["Logistique en Wallonie"], ["R&D"], ["Wallonie"]]),
    (["Ardenne-Eifel et Liège"], ("Ardenne", "Eifel"), [["Ardenne-Eifel et Liège"]]),  # '-' never splits
    # fewest pieces: "A/B" is a name of the table
    (["A/B, C", "A/B", "C"], ("A", "B"), [["A/B", "C"], ["A", "B"], ["C"]]),
    # line breaks always split; parts without a letter or digit name no cluster
    (["TWIST\r\nTWEED\rSkywin", "TWIST;; -", "?", ""], (), [["TWIST", "TWEED", "Skywin"], ["TWIST"], [], []]),
])
def test_split_by_hand(cells, names, expected):
    assert [list(p) for p in split_cells(cells, ";|", names).parts] == expected


def test_separators_parameter_meaning():
    cells = ["TIC/TWIST", "TIC; TWIST", "Ardenne/Famenne", "a\nb"]
    assert [list(p) for p in split_cells(cells, "").parts] == [["TIC/TWIST"], ["TIC; TWIST"], ["Ardenne/Famenne"],
                                                               ["a\nb"]]  # '' = one cluster per cell
    # a listed ambiguous character always splits
    assert [list(p) for p in split_cells(cells, ";/").parts] == [["TIC", "TWIST"], ["TIC", "TWIST"],
                                                                 ["Ardenne", "Famenne"], ["a", "b"]]
    assert separators_value(None) == (";|", False)  # parameter absent (older scripts)
    assert separators_value(";,/|") == (";|", True)  # the former default, saved in models
    assert separators_value(" ; , / | ") == (";|", True)
    assert separators_value("/,;|") == ("/,;|", False)  # the same characters in another order: as written
    assert separators_value("") == ("", False)
    assert parse_names("BioWin; TWEED\nSkywin\r\n ;") == ["BioWin", "TWEED", "Skywin"]


def test_split_report_counts_rows_and_is_sorted():
    cells = ["A/B", "A", "B", "C/D", "A/B; C/D"]
    result = split_cells(cells, ";|", (), rows=[5, 1, 1, 7, 2])
    assert result.split == [("A/B", ("A", "B"), 7)]
    assert result.kept_whole == [("C/D", 9)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["A", "B", "c", " ", "/", ";", "|", "\n", "+", " et ", "-", "é"]),
                         max_size=10).map("".join), max_size=15, unique=True))
def test_one_scan_of_all_texts_equals_each_text_alone(texts):
    """The texts are scanned joined together: the decision of each must equal
    its decision alone, given the same known names."""
    import re

    texts = [t.strip() for t in texts]
    names = [p for t in texts for p in re.split("[;|\n]", t)]
    together = split_cells(texts, ";|").parts
    assert together == [split_cells([t], ";|", names).parts[0] for t in texts]


def test_a_hostile_cell_is_decided_in_bounded_time():
    cell = "/".join(["TIC"] * 20000)
    assert split_cells([cell, "TIC"], ";|").parts[0] == ("TIC",) * 20000
    assert split_cells([cell + "/X", "TIC"], ";|").parts[0] == (cell + "/X",)


# --- near-duplicates --------------------------------------------------------------

REAL_CLUSTERS = [  # Walloon, Flemish and Brussels clusters and poles: all different, no warning expected
    "BioWin", "Wagralim", "Skywin", "Logistics in Wallonia", "MecaTech", "GreenWin", "Infopôle cluster TIC",
    "TWEED", "TWIST", "CAP Construction", "Cluster Éco-construction", "Plastiwin", "Wallonie Espace",
    "Cluster Bois", "Aéronautique/Spatial", "Transport/Logistique", "Agro-industrie", "Logistique en Wallonie",
    "Catalisti", "Flux50", "Flanders Food", "Flanders Make", "SIM", "VIL", "Blue Cluster", "lifetech.brussels",
    "screen.brussels", "ecobuild.brussels", "software.brussels", "Industrie 4.0", "Industrie 5.0", "Biotech",
    "Medtech", "Nutrition", "Énergie", "TIC", "TIG",
]


def test_no_warning_between_real_different_clusters():
    keys = [cluster_key(n) for n in REAL_CLUSTERS]
    assert edit_distance(cluster_key("TWEED"), cluster_key("TWIST"), 5) == 3
    assert similar_keys(keys) == []


@pytest.mark.parametrize("a, b, edits", [
    ("Skywin", "Skywing", 1),  # one letter added to 6
    ("Transport", "Transports", 1),
    ("Infopôle cluster TIC", "Infopol cluster TCI", 2),  # a letter missing and two swapped in 18
    ("Wagralim", "Wagarlim", 1),  # two neighbours swapped
])
def test_warning_for_a_mistyped_cluster(a, b, edits):
    assert similar_keys([cluster_key(a), cluster_key(b)]) == [(cluster_key(a), cluster_key(b), edits)]


@pytest.mark.parametrize("a, b", [("TIC", "TIK"), ("TWEED", "TWIST"), ("Industrie 4.0", "Industrie 5.0"),
                                  ("Cluster 1", "Cluster 2"), ("Plastiwin", "Plastiwine 2")])
def test_no_warning(a, b):
    assert similar_keys([cluster_key(a), cluster_key(b)]) == []


def _osa(a, b):
    """Independent oracle: restricted Damerau-Levenshtein by the textbook recursion."""
    from functools import lru_cache

    @lru_cache(maxsize=None)
    def d(i, j):
        if not i or not j:
            return i + j
        best = min(d(i - 1, j) + 1, d(i, j - 1) + 1, d(i - 1, j - 1) + (a[i - 1] != b[j - 1]))
        if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
            best = min(best, d(i - 2, j - 2) + 1)
        return best

    return d(len(a), len(b))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text("abcde1", min_size=1, max_size=12), min_size=2, max_size=12, unique=True))
def test_similar_keys_finds_every_pair_of_a_brute_force_search(keys):
    """The deletion-variant search misses no pair of the naive all-pairs comparison."""
    import re

    expected = []
    for a, b in itertools.combinations(keys, 2):
        limit = {True: 0}.get(min(len(a), len(b)) < 5, 1 if min(len(a), len(b)) < 10 else 2)
        if limit and re.findall(r"\d+", a) == re.findall(r"\d+", b) and _osa(a, b) <= limit:
            expected.append((a, b, _osa(a, b)))
    assert similar_keys(keys) == expected


def test_similar_keys_skipped_on_a_column_of_names():
    from cluster_atlas.core import clusters

    # Neighbours one letter apart: every pair would warn below the bound.
    keys = ["".join(p) for p in itertools.islice(itertools.product("abcdefgh", repeat=8), clusters.MAX_SIMILARITY_KEYS + 1)]
    assert similar_keys(keys) == [] and len(similar_keys(keys[:50])) > 40


# --- through the algorithm, in every format ------------------------------------------

def _write(path, fmt):
    table = _frame()
    table["CP"] = table["CP"].astype(int)  # number cells, as a spreadsheet holds them
    if fmt == "csv":
        table.to_csv(path, sep=";", index=False, encoding="utf-8")  # quotes the cell with a line break
    elif fmt in ("xlsx", "ods"):
        pytest.importorskip({"xlsx": "openpyxl", "ods": "odf"}[fmt])
        table.to_excel(path, engine={"xlsx": "openpyxl", "ods": "odf"}[fmt], index=False)
    else:
        _write_gpkg(path, table)
        return str(path) + "|layername=members"
    return str(path)


def _write_gpkg(path, table):
    from qgis.core import QgsFeature, QgsVectorFileWriter, QgsVectorLayer

    from cluster_atlas import compat
    from cluster_atlas.algorithms.table_io import make_fields

    memory = QgsVectorLayer("None", "members", "memory")
    memory.dataProvider().addAttributes(
        make_fields([("Nom", "string"), ("CP", "int"), ("Effectif", "double"), ("Cluster", "string")]).toList())
    memory.updateFields()
    features = []
    for row in table.itertuples(index=False):
        feature = QgsFeature(memory.fields())
        feature.setAttributes([row.Nom, int(row.CP), float(row.Effectif), row.Cluster])
        features.append(feature)
    memory.dataProvider().addFeatures(features)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.layerName = "members"
    error = QgsVectorFileWriter.writeAsVectorFormatV2(memory, str(path), memory.transformContext(), options)
    assert error[0] == compat.WRITER_NO_ERROR


def _run(run_alg, tmp_path, input_value, **params):
    log = recording_feedback()
    out, rej = str(tmp_path / "out.gpkg"), str(tmp_path / "rej.gpkg")
    results = run_alg("importmembers", dict(params, INPUT=input_value, OUTPUT=out, REJECTED=rej), feedback=log)
    return layer_frame(out), layer_frame(rej), results, log


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "ods", "gpkg"])
def test_algorithm_in_every_format(run_alg, tmp_path, fmt):
    source = _write(tmp_path / ("members." + fmt), fmt)
    out, rej, results, log = _run(run_alg, tmp_path, source)
    assert rej.empty
    _check_members(out)
    assert results["EMPLOYMENT_OUT"] == pytest.approx(EMPLOYMENT_OUT) == results["EMPLOYMENT_IN"]
    assert results["CLUSTERS"] == len(EMPLOYMENT_BY_CLUSTER)
    warnings = json.loads(results["CLUSTER_WARNINGS"])
    assert warnings == [{"clusters": ["Skywin", "Skywing"], "keys": ["skywin", "skywing"], "rows": [[14], [15]],
                         "edits": 1}]
    assert any("'Skywin' (rows 14)" in w and "'Skywing' (rows 15)" in w for w in log.warnings)
    assert "Cluster text 'BioWin + TWEED' split into 'BioWin', 'TWEED' (each a cluster named on its own): 1 row(s)." \
        in log.infos
    for name in ("Aéronautique/Spatial", "aéronautique / spatial", "Transport/Logistique", "Logistique en Wallonie"):
        assert sum(line.startswith("Cluster name '{}' kept whole".format(name)) for line in log.infos) == 1, name


def test_algorithm_known_names_and_separators(run_alg, tmp_path):
    source = _write(tmp_path / "members.csv", "csv")
    # The user's list splits "Transport/Logistique"; listed '/' splits every '/' (also "Aéronautique/Spatial").
    out, _, results, log = _run(run_alg, tmp_path, source, CLUSTER_NAMES="Transport\nLogistique")
    assert sorted(out.loc[out["source_row"] == 3, "cluster"]) == ["Logistique", "Transport"]
    assert results["EMPLOYMENT_OUT"] == pytest.approx(EMPLOYMENT_OUT + 1500)
    out, _, results, log = _run(run_alg, tmp_path, source, CLUSTER_SEPARATORS="/;|")
    assert sorted(out.loc[out["source_row"] == 1, "cluster"]) == ["Aéronautique", "Spatial"]
    assert results["EMPLOYMENT_OUT"] == pytest.approx(EMPLOYMENT_OUT + 4000 + 2000 + 1500)
    # A model saved with the former default ';,/|' gets the new default, and is told so.
    out, _, results, log = _run(run_alg, tmp_path, source, CLUSTER_SEPARATORS=";,/|")
    _check_members(out)
    assert any(line.startswith("CLUSTER_SEPARATORS ';,/|' is the former default") for line in log.infos)


def test_algorithm_log_is_bounded(run_alg, tmp_path):
    rows = ["Nom;CP;Effectif;Cluster"] + ["E{0};1348;1;Name {0}/Other {0}".format(i) for i in range(25)]
    path = tmp_path / "many.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    _, _, results, log = _run(run_alg, tmp_path, str(path))
    kept = [line for line in log.infos if line.startswith("Cluster name '")]
    assert len(kept) == 20 and "... and 5 more cluster name(s) kept whole." in log.infos
    assert results["MEMBERSHIPS"] == 25


def test_aggregate_groups_spellings_of_one_cluster(run_alg, tmp_path):
    """A hand-written member table: "InfopôleTIC" and "Infopôle TIC" are one cluster
    (one field, the first spelling's), also when an older import wrote the key "infopole tic"."""
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    (tmp_path / "members.csv").write_text(
        "name,cluster,cluster_key,postcode,employment\n"
        "A,InfopôleTIC,,1348,10\nB,Infopôle TIC,,1348,5\nC,infopole tic,infopole tic,5000,7\n"
        "D,Éco-construction,,5000,3\n", encoding="utf-8")
    points = QgsVectorLayer("Point?crs=EPSG:31370&field=code:string", "ref", "memory")
    features = []
    for i, code in enumerate(["1348", "5000"]):
        feature = QgsFeature(points.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(1000 * i, 0)))
        feature.setAttributes([code])
        features.append(feature)
    points.dataProvider().addFeatures(features)
    out = tmp_path / "zones.gpkg"
    result = run_alg("aggregatepostcodes", {
        "MEMBERS": str(tmp_path / "members.csv"), "POSTCODES": points, "POSTCODE_FIELD": "code",
        "OUTPUT": str(out), "CIRCLES": "TEMPORARY_OUTPUT", "UNMATCHED": "TEMPORARY_OUTPUT",
    })
    assert json.loads(result["FIELD_MAP"])["clusters"] == {"infopoletic": "InfopôleTIC",
                                                         "eco_construction": "Éco-construction"}
    zones = layer_frame(out).set_index("pc_key")
    assert zones.loc["BE-1348", "emp_infopoletic"] == 15 and zones.loc["BE-1348", "n_infopoletic"] == 2
    assert zones.loc["BE-5000", "emp_infopoletic"] == 7 and zones.loc["BE-5000", "emp_eco_construction"] == 3
    # Only these clusters: typed another way, still found.
    filtered = run_alg("aggregatepostcodes", {
        "MEMBERS": str(tmp_path / "members.csv"), "POSTCODES": points, "POSTCODE_FIELD": "code",
        "CLUSTERS": "Infopole-TIC", "OUTPUT": str(tmp_path / "f.gpkg"), "CIRCLES": "TEMPORARY_OUTPUT",
        "UNMATCHED": "TEMPORARY_OUTPUT",
    })
    assert list(json.loads(filtered["FIELD_MAP"])["clusters"]) == ["infopoletic"]
    assert filtered["EMPLOYMENT_TOTAL"] == 22
