"""clusteratlas:importmembers end to end: every input format and encoding,
project layers, a GeoPackage table, errors, a model and qgis_process.

Each file is written by the test; the expected memberships are written by hand
(same logical table in every format), so a reader that mangles encodings,
decimal commas or leading zeros fails."""
import json
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from .conftest import gpkg_table

ROOT = Path(__file__).resolve().parents[1]

HEADER = ["Nom", "Code postal", "Effectif", "Type", "Cluster(s)"]
ROWS = [
    ["Société Liégeoise d'Électricité", "B-4000", "1.250", "Entreprise", "Énergie; TIC"],
    ["Université de Namur", "5000 Namur", "12,5", "université", "TIC"],
    ["Forem Mons", "7000", "10-19", "Centre de formation", "TIC"],
    ["Lux Logistique", "L-4365", "n.c.", "bedrijf", "Logistique"],
    ["Bad", "999", "3", "Entreprise", "TIC"],
]
# (source_row, cluster, pc_key, employment or None, kind, name)
EXPECTED = [
    (1, "Énergie", "BE-4000", 1250.0, "company", "Société Liégeoise d'Électricité"),
    (1, "TIC", "BE-4000", 1250.0, "company", "Société Liégeoise d'Électricité"),
    (2, "TIC", "BE-5000", 12.5, "research", "Université de Namur"),
    (3, "TIC", "BE-7000", 14.5, "training", "Forem Mons"),
    (4, "Logistique", "LU-4365", None, "company", "Lux Logistique"),
]


def _csv_text(sep, rows=ROWS, header=HEADER):
    def cell(value):
        value = str(value)
        return '"' + value + '"' if (sep in value or '"' in value) else value

    return "\n".join(sep.join(cell(v) for v in row) for row in [header] + rows) + "\n"


def layer_frame(layer):
    names = [f.name() for f in layer.fields()]
    records = []
    for feature in layer.getFeatures():
        records.append([None if v is None or (hasattr(v, "isNull") and v.isNull()) else v for v in feature.attributes()])
    frame = pd.DataFrame(records, columns=names)
    return frame.sort_values([c for c in ("source_row", "cluster") if c in names]).reset_index(drop=True)


@pytest.fixture()
def run_import(run_alg, tmp_path):
    from qgis.core import QgsProject, QgsVectorLayer

    def _run(input_value, **params):
        outputs = {"OUTPUT": str(tmp_path / "out.gpkg"), "REJECTED": str(tmp_path / "rej.gpkg")}
        outputs.update(params)
        results = run_alg("importmembers", dict(outputs, INPUT=input_value))
        out = results["OUTPUT"]
        rej = results["REJECTED"]
        out = out if isinstance(out, QgsVectorLayer) else QgsVectorLayer(out, "out", "ogr")
        rej = rej if isinstance(rej, QgsVectorLayer) else QgsVectorLayer(rej, "rej", "ogr")
        assert out.isValid() and rej.isValid()
        QgsProject.instance()  # keep the project alive for layer inputs
        return layer_frame(out), layer_frame(rej), results

    return _run


def check_expected(out, rej, results, expected=EXPECTED, rejected_rows=(5,)):
    got = [
        (int(r.source_row), r.cluster, r.pc_key, None if pd.isna(r.employment) else float(r.employment), r.kind, r.name)
        for r in out.itertuples()
    ]
    key = lambda t: (t[0], t[1])  # noqa: E731
    assert sorted(got, key=key) == sorted(expected, key=key)
    rows = rej[rej["source_row"].notna()]  # lines above the header (rule above_header) are not rows
    assert sorted(int(v) for v in rows["source_row"]) == sorted(rejected_rows)
    # Nothing lost, and the statistics outputs agree with the layers.
    n_rows = max(max(e[0] for e in expected), max(rejected_rows, default=0))
    assert set(out["source_row"]) | set(rows["source_row"]) == set(range(1, n_rows + 1))
    assert results["ROWS_READ"] == n_rows
    assert results["MEMBERSHIPS"] == len(out) and results["REJECTED_COUNT"] == len(rej)
    total_out = sum(e[3] or 0 for e in expected)
    assert results["EMPLOYMENT_OUT"] == pytest.approx(total_out)
    assert results["EMPLOYMENT_IN"] == pytest.approx(results["EMPLOYMENT_OUT"] + results["EMPLOYMENT_EXCLUDED"])
    assert results["EMPLOYMENT_EXCLUDED"] == pytest.approx(rej["employment"].fillna(0).sum())
    unknown = out[out["employment"].isna()]
    assert unknown["employment_unknown"].astype(bool).all()


@pytest.mark.parametrize(
    "name, sep, encoding",
    [
        ("excel_be.csv", ";", "cp1252"),  # Belgian Excel: ; + decimal comma + Windows-1252
        ("bom.csv", ";", "utf-8-sig"),  # UTF-8 with BOM (first header must not keep the BOM)
        ("plain.txt", ";", "utf-8"),
        ("tabs.tsv", "\t", "utf-8"),
    ],
)
def test_delimited_files(run_import, tmp_path, name, sep, encoding):
    path = tmp_path / name
    path.write_bytes(_csv_text(sep).replace("\n", "\r\n").encode(encoding))
    out, rej, results = run_import(str(path))
    check_expected(out, rej, results)
    assert json.loads(results["COLUMNS"])["name"] == "Nom"
    assert json.loads(results["REJECTED_BY_RULE"]) == {"invalid_postcode": 1}
    assert "'999'" in rej["reason"].iloc[0]


def test_comma_csv_with_decimal_point_and_quoted_clusters(run_import, tmp_path):
    rows = [list(r) for r in ROWS]
    rows[0][2] = "1250"
    rows[1][2] = "12.5"
    path = tmp_path / "comma.csv"
    path.write_text(_csv_text(",", rows), encoding="utf-8")
    assert '"Énergie; TIC"' not in path.read_text(encoding="utf-8")  # no quoting needed with ','
    out, rej, results = run_import(str(path))
    check_expected(out, rej, results)


def test_leading_zero_postcodes_survive(run_import, tmp_path):
    # A French code with a leading zero: QGIS' delimited-text reader types it as an integer.
    path = tmp_path / "fr.csv"
    path.write_text("Nom;CP;Pays;Effectif;Cluster\nAin Bois;01000;France;4;Bois\n", encoding="utf-8")
    out, rej, results = run_import(str(path))
    assert out["pc_key"].tolist() == ["FR-01000"] and len(rej) == 0


def _write_workbook(path, engine):
    members = pd.DataFrame(ROWS, columns=HEADER)
    members.loc[1, "Code postal"] = 5000  # a number cell, as Excel stores it
    members.loc[1, "Effectif"] = 12.5
    members.loc[0, "Effectif"] = 1250
    other = pd.DataFrame({"x": [1]})
    with pd.ExcelWriter(path, engine=engine) as writer:
        other.to_excel(writer, sheet_name="Notes", index=False)
        members.to_excel(writer, sheet_name="Membres", index=False)


@pytest.mark.parametrize("ext, engine", [("xlsx", "openpyxl"), ("ods", "odf")])
def test_workbooks_choose_sheet(run_import, tmp_path, ext, engine):
    pytest.importorskip({"openpyxl": "openpyxl", "odf": "odf"}[engine])
    path = tmp_path / ("members." + ext)
    _write_workbook(path, engine)
    expected = [e if e[0] != 2 else (2, "TIC", "BE-5000", 12.5, "research", "Université de Namur") for e in EXPECTED]
    out, rej, results = run_import(str(path), SHEET="Membres")
    check_expected(out, rej, results, expected)
    out1, _, _ = run_import(str(path), SHEET="1")  # by 0-based number
    assert out1["pc_key"].tolist() == out["pc_key"].tolist()


def test_workbook_unknown_sheet_lists_sheets(run_import, tmp_path):
    pytest.importorskip("openpyxl")
    from qgis.core import QgsProcessingException

    path = tmp_path / "members.xlsx"
    _write_workbook(path, "openpyxl")
    with pytest.raises(QgsProcessingException, match="Sheet 'Leden' not found.*Notes, Membres"):
        run_import(str(path), SHEET="Leden")


def test_geopackage_table_through_qgis_reader(run_import, tmp_path):
    """A GeoPackage attribute table (typed fields: integer postcode, double employment)."""
    from cluster_atlas import compat

    schema = [("nom", "string"), ("cp", "int"), ("effectif", "double"), ("type", "string"), ("cluster", "string")]
    values = [
        ["IBM Belgium", 1130, 1250.0, "Entreprise", "TIC"],
        ["UNamur", 5000, None, "université", "TIC|TWIST"],
        ["Neg", 1000, -4.0, "Entreprise", "TIC"],
    ]
    uri = gpkg_table(tmp_path / "members.gpkg", schema, values)
    assert compat.WKB_NO_GEOMETRY is not None
    out, rej, results = run_import(uri)
    got = [(int(r.source_row), r.cluster, r.pc_key, r.employment) for r in out.itertuples()]
    assert got[0] == (1, "TIC", "BE-1130", 1250.0)
    assert [g[:3] for g in got[1:]] == [(2, "TIC", "BE-5000"), (2, "TWIST", "BE-5000")]
    assert out["employment_unknown"].astype(bool).tolist() == [False, True, True]
    assert rej["rule"].tolist() == ["invalid_employment"] and "negative" in rej["reason"].iloc[0]


def test_project_delimited_text_layer_is_read_with_pandas(run_import, tmp_path):
    """A cp1252 CSV loaded in the project without an encoding: QGIS' reader would
    mangle the accents (and type the postcode as integer); the algorithm reads
    the file behind the layer itself and gives the same result as the file."""
    from qgis.core import QgsProject, QgsVectorLayer

    path = tmp_path / "excel_be.csv"
    path.write_bytes(_csv_text(";").encode("cp1252"))
    uri = path.as_uri() + "?delimiter=;&detectTypes=yes&geomType=none"
    layer = QgsVectorLayer(uri, "members", "delimitedtext")
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    try:
        out, rej, results = run_import(layer.id())
        check_expected(out, rej, results)
        out_file, _, _ = run_import(str(path))
        pd.testing.assert_frame_equal(out, out_file)
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


def test_missing_required_column_lists_columns(run_import, tmp_path):
    from qgis.core import QgsProcessingException

    path = tmp_path / "nopc.csv"
    path.write_text("Nom;Effectif;Cluster\nA;3;TIC\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match=r"postcode column.*Columns seen: Nom, Effectif, Cluster"):
        run_import(str(path))
    # Without a cluster column the default cluster is required.
    path.write_text("Nom;CP;Effectif\nA;1300;3\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="cluster"):
        run_import(str(path))
    out, _, _ = run_import(str(path), CLUSTER="Éco-construction")
    assert out["cluster"].tolist() == ["Éco-construction"]


def test_explicit_fields_and_exclusions(run_import, tmp_path):
    path = tmp_path / "m.csv"
    path.write_text(
        "Entité;CP siège;CP facturation;Emploi;Cluster\nBank;1000;1050;60000;TIC, Logistique\nShop;1300;1300;5;TIC\nUCL;1348;1348;9000;TIC\n",
        encoding="utf-8",
    )
    out, rej, results = run_import(
        str(path), POSTCODE_FIELD="CP facturation", EXCLUDE="Shop @ tic", EMPLOYMENT_CEILING=50000, NAME_FIELD="Entité"
    )
    assert out[["name", "pc_key"]].values.tolist() == [["UCL", "BE-1348"]]
    # "TIC, Logistique" is one cluster name: "Logistique" is named on its own nowhere (issue 12 item 1).
    assert sorted(rej["rule"]) == ["excluded_ceiling", "excluded_list"]
    assert results["EMPLOYMENT_EXCLUDED"] == pytest.approx(60000 + 5)
    assert json.loads(results["COLUMNS"])["postcode"] == "CP facturation"


def test_cluster_separators_parameter(run_import, tmp_path):
    """Real names contain '/': by default it splits only between clusters named on their
    own (issue 12 item 1; tests/test_import_clusters.py); listed in CLUSTER_SEPARATORS it always splits."""
    path = tmp_path / "m.csv"
    path.write_text("Nom;Cluster;CP;Emploi\nA;TIC Ardenne/Famenne;6900;10\nB;TIC; TWIST;1348;5\n".replace("TIC; TWIST", '"TIC; TWIST"'),
                    encoding="utf-8")
    out, _, _ = run_import(str(path))
    assert sorted(out["cluster"]) == ["TIC", "TIC Ardenne/Famenne", "TWIST"]
    out, _, _ = run_import(str(path), CLUSTER_SEPARATORS=";/")
    assert sorted(out["cluster"]) == ["Famenne", "TIC", "TIC Ardenne", "TWIST"]
    out, _, _ = run_import(str(path), CLUSTER_SEPARATORS=";")
    assert sorted(out["cluster"]) == ["TIC", "TIC Ardenne/Famenne", "TWIST"]
    out, _, results = run_import(str(path), CLUSTER_SEPARATORS="")
    assert sorted(out["cluster"]) == ["TIC Ardenne/Famenne", "TIC; TWIST"]
    assert results["EMPLOYMENT_OUT"] == pytest.approx(15)


def test_exclusion_table(run_import, tmp_path):
    path = tmp_path / "m.csv"
    path.write_text("Nom;CP;Effectif;Cluster\nBank;1000;600;TIC; Nutrition\nShop;1300;5;Nutrition\n".replace("TIC; Nutrition", '"TIC; Nutrition"'), encoding="utf-8")
    excl = tmp_path / "excl.csv"
    excl.write_text("Nom;Cluster;Raison\nBank;Nutrition;secondary membership\n", encoding="utf-8")
    out, rej, _ = run_import(str(path), EXCLUSIONS=str(excl))
    assert sorted(zip(out["name"], out["cluster"])) == [("Bank", "TIC"), ("Shop", "Nutrition")]
    assert rej["rule"].tolist() == ["excluded_list"] and "secondary membership" in rej["reason"].iloc[0]


def test_malformed_row_is_named(run_import, tmp_path):
    from qgis.core import QgsProcessingException

    path = tmp_path / "bad.csv"
    path.write_text("Nom;CP;Effectif;Cluster\nA;1300;3;TIC\nB;1300;4;TIC; TWIST\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="row 2 has 5 fields"):
        run_import(str(path))


def test_inside_a_model(provider, tmp_path):
    """importmembers as a child of a QgsProcessingModelAlgorithm; its statistics
    outputs and OUTPUT are usable by the model."""
    from qgis import processing
    from qgis.core import (
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterFeatureSource,
        QgsProject,
    )

    from cluster_atlas import compat

    path = tmp_path / "excel_be.csv"
    path.write_bytes(_csv_text(";").encode("cp1252"))
    model = QgsProcessingModelAlgorithm("members model", "tests")
    model.addModelParameter(QgsProcessingParameterFeatureSource("members", "members", [compat.TYPE_VECTOR]), QgsProcessingModelParameter("members"))
    child = QgsProcessingModelChildAlgorithm("clusteratlas:importmembers")
    child.setChildId("import")
    child.addParameterSources("INPUT", [QgsProcessingModelChildParameterSource.fromModelParameter("members")])
    child.addParameterSources("DEFAULT_COUNTRY", [QgsProcessingModelChildParameterSource.fromStaticValue("BE")])
    out = QgsProcessingModelOutput("members_out")
    out.setChildOutputName("OUTPUT")
    child.setModelOutputs({"members_out": out})
    model.addChildAlgorithm(child)
    # A second child consumes OUTPUT (native algorithm on the member table).
    count = QgsProcessingModelChildAlgorithm("native:retainfields")
    count.setChildId("keep")
    count.addParameterSources("INPUT", [QgsProcessingModelChildParameterSource.fromChildOutput("import", "OUTPUT")])
    count.addParameterSources("FIELDS", [QgsProcessingModelChildParameterSource.fromStaticValue(["pc_key", "employment"])])
    kept = QgsProcessingModelOutput("kept")
    kept.setChildOutputName("OUTPUT")
    count.setModelOutputs({"kept": kept})
    model.addChildAlgorithm(count)
    model.updateDestinationParameters()

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    result = processing.run(
        model,
        {"members": str(path), "import:members_out": str(tmp_path / "m.gpkg"), "keep:kept": str(tmp_path / "k.gpkg")},
        context=context,
        feedback=QgsProcessingFeedback(),
    )
    from qgis.core import QgsVectorLayer

    kept_layer = QgsVectorLayer(result["keep:kept"], "k", "ogr")
    assert [f.name() for f in kept_layer.fields() if f.name() != "fid"] == ["pc_key", "employment"]
    assert sorted(f["pc_key"] for f in kept_layer.getFeatures()) == sorted(e[2] for e in EXPECTED)
    assert result["CHILD_RESULTS"]["import"]["MEMBERSHIPS"] == len(EXPECTED)


@pytest.mark.qgis_process
def test_qgis_process_headless(tmp_path):
    path = tmp_path / "excel_be.csv"
    path.write_bytes(_csv_text(";").encode("cp1252"))
    out, rej = tmp_path / "out.gpkg", tmp_path / "rej.gpkg"
    proc = subprocess.run(
        [str(ROOT / "scripts" / "qgis_process"), "run", "clusteratlas:importmembers", "--json", "--",
         "INPUT=" + str(path), "OUTPUT=" + str(out), "REJECTED=" + str(rej)],
        capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-2000:] + proc.stdout[-2000:]
    payload = json.loads(proc.stdout[proc.stdout.index("{"):])
    results = payload["results"]
    assert results["MEMBERSHIPS"] == len(EXPECTED) and results["REJECTED_COUNT"] == 1
    frame = pd.DataFrame.from_records(_read_gpkg(out))
    assert sorted(frame["pc_key"]) == sorted(e[2] for e in EXPECTED)
    assert "Société Liégeoise d'Électricité" in set(frame["name"])


def _read_gpkg(path):
    import sqlite3

    with sqlite3.connect(str(path)) as db:
        table = db.execute("select table_name from gpkg_contents").fetchone()[0]
        cursor = db.execute('select * from "{}"'.format(table))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]


def _messy_rows(n, seed=3):
    """Generated member rows with every kind of value the writers must carry:
    accents, quotes, NULLs (unknown employment, missing year), floats, bools."""
    import random

    rng = random.Random(seed)
    codes = ["1348", "B-1000", "L-4365", "5000 Namur", "999", "", "F-59000"]
    employment = ["12", "1 250", "12,5", "10-19", "n.c.", "", "-3", "7"]
    kinds = ["Entreprise", "université", "asbl locale", "", "Centre de formation"]
    clusters = ["TIC", "TIC; TWIST", "Éco-construction", "", "Logistique/TIC"]
    rows = []
    for i in range(n):
        name = rng.choice(['Société "Ω" n°{}', "Entité {}", "", "Ça {} l'été"]).format(i % 900)
        rows.append([name, rng.choice(codes), rng.choice(employment), rng.choice(kinds), rng.choice(clusters),
                     rng.choice(["2011", "", "2010.0", "x"])])  # fmt: skip
    return rows


def _ogrinfo_features(path):
    text = subprocess.run(["ogrinfo", "-al", "-q", str(path)], capture_output=True, text=True, check=True).stdout
    return [line for line in text.splitlines() if line.strip()]


def test_geopackage_fast_path_equals_normal_sink(run_alg, tmp_path, monkeypatch):
    """The SQLite bulk insert must give the same GeoPackage as QGIS' own sink:
    same fields and types, same values (QGIS and ogrinfo), same GDAL feature count."""
    import sqlite3

    from cluster_atlas.algorithms import table_io
    from qgis.core import QgsVectorLayer

    path = tmp_path / "messy.csv"
    header = HEADER + ["Année"]
    path.write_bytes(_csv_text(";", _messy_rows(3000), header).encode("cp1252", errors="replace"))
    calls = []
    real_insert = table_io._gpkg_bulk_insert
    monkeypatch.setattr(table_io, "_gpkg_bulk_insert", lambda *a, **k: calls.append(a[1]) or real_insert(*a, **k))
    outputs = {}
    for mode in ("fast", "sink"):
        monkeypatch.setattr(table_io, "GPKG_FAST_PATH", mode == "fast")
        (tmp_path / mode).mkdir()
        outputs[mode] = (tmp_path / mode / "members.gpkg", tmp_path / mode / "rejected.gpkg")
        run_alg("importmembers", {"INPUT": str(path), "OUTPUT": str(outputs[mode][0]), "REJECTED": str(outputs[mode][1])})
    assert len(calls) == 2  # OUTPUT and REJECTED took the fast path, only in "fast" mode
    for fast, sink in zip(outputs["fast"], outputs["sink"]):
        layers = [QgsVectorLayer(str(p), "x", "ogr") for p in (fast, sink)]
        assert all(layer.isValid() for layer in layers)
        assert [(f.name(), f.typeName(), f.type()) for f in layers[0].fields()] == [
            (f.name(), f.typeName(), f.type()) for f in layers[1].fields()
        ]
        assert layers[0].featureCount() == layers[1].featureCount() > 100
        frames = [layer_frame(layer) for layer in layers]
        pd.testing.assert_frame_equal(frames[0], frames[1])
        # GDAL sees the same thing (values, NULLs, booleans) and the same bookkeeping.
        assert _ogrinfo_features(fast) == _ogrinfo_features(sink)
        counts = []
        for p in (fast, sink):
            with sqlite3.connect(str(p)) as conn:
                assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
                counts.append(conn.execute("SELECT feature_count FROM gpkg_ogr_contents").fetchall())
                triggers = conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'trigger_%_feature_count_%'"
                ).fetchall()
                assert len(triggers) == 2  # GDAL's count triggers are back
        assert counts[0] == counts[1] == [(layers[1].featureCount(),)]


def test_fast_path_not_used_for_memory_and_csv_outputs(run_alg, tmp_path, monkeypatch):
    from cluster_atlas.algorithms import table_io

    calls = []
    monkeypatch.setattr(table_io, "_gpkg_bulk_insert", lambda *a, **k: calls.append(a))
    path = tmp_path / "m.csv"
    path.write_text(_csv_text(";"), encoding="utf-8")
    results = run_alg("importmembers", {"INPUT": str(path), "OUTPUT": "TEMPORARY_OUTPUT", "REJECTED": str(tmp_path / "r.csv")})
    assert not calls
    assert results["OUTPUT"].featureCount() == len(EXPECTED)
    assert len(pd.read_csv(tmp_path / "r.csv")) == 1


def test_real_world_shapes_through_the_algorithm(run_import, tmp_path):
    """Title lines, Excel's trailing separators, a repeated column and a Total
    row in one Belgian-Excel CSV: the same memberships as the clean table."""
    lines = ["Cluster TIC - liste des membres;;;;;;", ";;;;;;"]
    lines.append(";".join(HEADER + ["Nom", ""]))
    for row in ROWS:
        cells = ['"' + c + '"' if ";" in c else c for c in row]
        lines.append(";".join(cells + ["autre nom", ""]))
    lines.append("Total;;1 275,5;;;;")
    path = tmp_path / "shapes.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    out, rej, results = run_import(str(path))
    check_expected(out, rej, results, rejected_rows=(5, 6))
    total = rej[rej["rule"] == "total_row"]
    assert total["source_row"].tolist() == [6] and total["employment"].isna().all()
    # The title lines are lines of the input: rejected as above_header (no source_row), not skipped.
    above = rej[rej["rule"] == "above_header"]
    assert above["source_row"].isna().all() and above["source_line"].tolist() == [1, 2]
    assert json.loads(results["REJECTED_BY_RULE"]) == {"above_header": 2, "total_row": 1, "invalid_postcode": 1}
    assert results["ROWS_READ"] == 6
    assert json.loads(results["COLUMNS"])["name"] == "Nom"
