"""The bundled model clusteratlas:atlaschain on REAL data (../shared/data), through
processing.run and through scripts/qgis_process.

Inputs: members = sample_data/members.csv (no real member table with headcounts is
public), postal geography = the 1,144 real Voronoi postal zones of Belgium, network =
the real OpenStreetMap railways of Belgium (27,431 lines), boundary = Statbel's Walloon
region. The OSM layer has no copper/fibre field (its type field is ``type``): the main
fixture hands the model the OSM layer with a ``class`` field derived by QGIS' own field
calculator (rail -> fibre, tram -> copper, anything else -> other; railways as a stand-in
for fibre backbones, as the shared data README allows), so the derived field is checked
against the overlay's CLASS_MAP; test_raw_osm_network_runs_through_the_model gives the
raw layer with CLASS_FIELD=type and CLASS_MAP, as a technician would. The page states the
overlay's measure (checked with pdftotext against the overlay's SUMMARY, in FR and EN).

Oracles, independent of the model: the algorithms run one by one (the overlay on the RAW
OSM layer with CLASS_FIELD=type and CLASS_MAP, so the derived class field is checked too),
pandas on the CSV and on the written tables (accounting), pdfinfo (page count) and
QGIS' native:sumlinelengths (network length per zone).
"""
import json
import re
import sqlite3
import subprocess
from pathlib import Path

import pytest

from .conftest import ROOT, SAMPLE_DATA, pdf_text, shared_file, size_scale_function
from .test_model import _pages, all_output_files

MEMBERS_CSV = SAMPLE_DATA / "members.csv"
CLASS_MAP = "rail=fibre; tram=copper; *=other"
CLASS_FORMULA = ("CASE WHEN \"type\" = 'rail' THEN 'fibre' WHEN \"type\" = 'tram' THEN 'copper' "
                 "ELSE 'other' END")
TITLE = "Clusters (real geography)"
LAYERS = ("members", "rejected", "zones", "circles", "unmatched", "network_zones")


def _real_inputs():
    return {
        "zones": f"{shared_file('be_postcode_zones_voronoi.gpkg')}|layername=postcode_zones",
        "railways": f"{shared_file('be_osm_railways_2015.gpkg')}|layername=railways",
        "wallonia": f"{shared_file('be_admin_2011.gpkg')}|layername=wallonia_region",
    }


def _frame(gpkg, table=None):
    """All attributes of a GeoPackage table as a DataFrame (sqlite: no OGR layer kept alive)."""
    import pandas as pd

    with sqlite3.connect(str(gpkg)) as db:
        if table is None:
            table = db.execute("SELECT table_name FROM gpkg_contents WHERE table_name NOT LIKE 'layer_styles%'"
                               ).fetchone()[0]
        df = pd.read_sql(f'SELECT * FROM "{table}"', db)
    return df.drop(columns=[c for c in ("geom", "geometry") if c in df.columns])


def _table(path):
    """Field names and sorted rows (attributes as text, geometry as WKT) of a layer."""
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(str(path), "check", "ogr")
    assert layer.isValid(), path
    names = [f.name() for f in layer.fields() if f.name() != "fid"]
    return names, sorted(tuple(str(f[n]) for n in names) + (f.geometry().asWkt(3),) for f in layer.getFeatures())


def _run(alg_id, params):
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    return processing.run(alg_id, params, context=context, feedback=QgsProcessingFeedback())


def _model_params(inputs, network, out):
    return {"MEMBERS": str(MEMBERS_CSV), "EMPLOYMENT_CEILING": 3000, "POSTCODES": inputs["zones"],
            "POSTCODE_FIELD": "postcode", "NETWORK": str(network), "CLASS_FIELD": "class",
            "BOUNDARY": inputs["wallonia"], "TITLE": TITLE, "PER_CLUSTER": True,
            **all_output_files(out)}


def _step_by_step(inputs, network, out):
    """The oracle: the four algorithms one by one; the overlay reads the raw OSM layer."""
    imp = _run("clusteratlas:importmembers", {"INPUT": str(MEMBERS_CSV), "EMPLOYMENT_CEILING": 3000,
                                              "OUTPUT": str(out / "members.gpkg"),
                                              "REJECTED": str(out / "rejected.gpkg")})
    agg = _run("clusteratlas:aggregatepostcodes", {
        "MEMBERS": imp["OUTPUT"], "POSTCODES": inputs["zones"], "POSTCODE_FIELD": "postcode",
        "OUTPUT": str(out / "zones.gpkg"), "CIRCLES": str(out / "circles.gpkg"),
        "UNMATCHED": str(out / "unmatched.gpkg")})
    ovl = _run("clusteratlas:networkoverlay", {
        "ZONES": agg["OUTPUT"], "EMPLOYMENT_FIELD": "employment", "NETWORK": inputs["railways"],
        "CLASS_FIELD": "type", "CLASS_MAP": CLASS_MAP, "DISTANCES": "1, 2, 5",
        "OUTPUT": str(out / "network_zones.gpkg"), "SUMMARY": "TEMPORARY_OUTPUT"})
    page = _run("clusteratlas:exportatlasmap", {
        "CIRCLES": agg["CIRCLES"], "FIELD_MAP": agg["FIELD_MAP"], "ZONES": agg["OUTPUT"], "NETWORK": str(network),
        "BOUNDARY": inputs["wallonia"], "TITLE": TITLE, "PER_CLUSTER": True, "OUTPUT": str(out / "page.pdf")})
    return {"IMPORT": imp, "AGGREGATE": agg, "OVERLAY": ovl, "EXPORT": page}


@pytest.fixture(scope="module")
def real(provider, tmp_path_factory):
    inputs = _real_inputs()
    base = tmp_path_factory.mktemp("model_real")
    network = base / "railways_classed.gpkg"
    _run("native:fieldcalculator", {"INPUT": inputs["railways"], "FIELD_NAME": "class", "FIELD_TYPE": 2,
                                    "FIELD_LENGTH": 10, "FIELD_PRECISION": 0, "FORMULA": CLASS_FORMULA,
                                    "OUTPUT": str(network)})
    model_out, steps_out = base / "model", base / "steps"
    model_out.mkdir()
    steps_out.mkdir()
    model = _run("clusteratlas:atlaschain", _model_params(inputs, network, model_out))
    steps = _step_by_step(inputs, network, steps_out)
    return {"inputs": inputs, "network": network, "model": model, "model_out": model_out,
            "steps": steps, "steps_out": steps_out}


def test_model_on_real_data_equals_step_by_step(real):
    model, child, steps = real["model"], real["model"]["CHILD_RESULTS"], real["steps"]
    assert child["HAS_NETWORK"] == {"network given": 1, "no network": 0}
    for name in LAYERS:
        mine, oracle = _table(real["model_out"] / f"{name}.gpkg"), _table(real["steps_out"] / f"{name}.gpkg")
        assert mine[0] == oracle[0], f"{name}: fields differ"
        assert mine[1] == oracle[1], f"{name}: rows differ"
        assert mine[1], f"{name} is empty: the comparison would prove nothing"
    # the real geography: every Voronoi zone is in the aggregation and overlay outputs
    assert len(_frame(real["model_out"] / "network_zones.gpkg")) == 1144
    for step in ("IMPORT", "AGGREGATE"):
        for key, value in steps[step].items():
            if key not in ("OUTPUT", "REJECTED", "CIRCLES", "UNMATCHED"):
                assert child[step][key] == value, (step, key)
    for key in ("SPEARMAN_RHO", "SPEARMAN_N", "STATS_JSON", "LENGTH_METHOD_USED"):
        assert child["OVERLAY"][key] == steps["OVERLAY"][key], key
    assert Path(model["OVERLAY:REPORT"]).is_file()


def test_model_on_real_data_pages(real):
    pages = _pages(real["model_out"] / "page.pdf")
    # PER_CLUSTER: one page per cluster of the member table (4 clusters in members.csv)
    assert pages == _pages(real["steps_out"] / "page.pdf") == real["steps"]["EXPORT"]["PAGES"]
    assert pages == real["model"]["CHILD_RESULTS"]["IMPORT"]["CLUSTERS"] == 4


def _parse_employment(raw):
    """Hand oracle of the four non-integer headcounts of members.csv (see sample_data/README.md)."""
    hand = {"1 250": 1250.0, "10-19": 14.5, "n.c.": None, "12,5": 12.5}
    return hand[raw] if raw in hand else float(raw)


def test_model_on_real_data_accounting(real):
    import pandas as pd

    child = real["model"]["CHILD_RESULTS"]
    imp, agg = child["IMPORT"], child["AGGREGATE"]
    out = real["model_out"]
    csv = pd.read_csv(MEMBERS_CSV, sep=";", dtype=str)
    members, rejected = _frame(out / "members.gpkg"), _frame(out / "rejected.gpkg")
    # every input row is in the member table or in the rejects, none in both
    assert imp["ROWS_READ"] == len(csv) == 92
    assert set(members["source_row"]) | set(rejected["source_row"]) == set(range(1, len(csv) + 1))
    assert not set(members["source_row"]) & set(rejected["source_row"])
    assert (len(members), len(rejected)) == (imp["MEMBERSHIPS"], imp["REJECTED_COUNT"]) == (90, 3)
    # every unit of employment: pandas on the CSV (one membership per cluster named in a cell)
    n_clusters = csv["Cluster(s)"].str.split(";").str.len()
    employment = csv["Effectif"].map(_parse_employment).astype(float)
    expected_in = float((employment * n_clusters).sum())
    assert imp["EMPLOYMENT_IN"] == pytest.approx(expected_in) == 17727.0
    assert members["employment"].sum() == pytest.approx(imp["EMPLOYMENT_OUT"])
    assert rejected["employment"].sum() == pytest.approx(imp["EMPLOYMENT_EXCLUDED"])
    assert imp["EMPLOYMENT_OUT"] + imp["EMPLOYMENT_EXCLUDED"] == pytest.approx(expected_in)
    # aggregation: each entity once; matched = in a real zone, unmatched = not; matched + unmatched = total
    entities = members.drop_duplicates("entity_id")
    codes = set(_frame(real["inputs"]["zones"].split("|")[0])["postcode"])
    in_ref = entities["pc_key"].str.startswith("BE-") & entities["postcode"].isin(codes)
    assert agg["EMPLOYMENT_TOTAL"] == pytest.approx(entities["employment"].sum())
    assert agg["EMPLOYMENT_MATCHED"] == pytest.approx(entities.loc[in_ref, "employment"].sum())
    assert agg["EMPLOYMENT_UNMATCHED"] == pytest.approx(entities.loc[~in_ref, "employment"].sum()) == 85.0
    assert agg["EMPLOYMENT_MATCHED"] + agg["EMPLOYMENT_UNMATCHED"] == pytest.approx(agg["EMPLOYMENT_TOTAL"])
    unmatched = _frame(out / "unmatched.gpkg")
    assert unmatched["employment"].sum() == pytest.approx(agg["EMPLOYMENT_UNMATCHED"])
    assert set(unmatched["pc_key"]) == set(entities.loc[~in_ref, "pc_key"]) == {"LU-4365"}
    # employment per real zone and per cluster, against pandas on the member table
    zones = _frame(out / "zones.gpkg").set_index("pc_key")
    assert zones["employment"].sum() == pytest.approx(agg["EMPLOYMENT_MATCHED"])
    per_zone = entities[in_ref].groupby("pc_key")["employment"].sum()
    got = zones.loc[zones["employment"] > 0, "employment"]
    assert got.sort_index().to_dict() == pytest.approx(per_zone[per_zone > 0].sort_index().to_dict())
    slugs = json.loads(agg["FIELD_MAP"])["clusters"]
    for slug, cluster in slugs.items():
        rows = members[(members["cluster"] == cluster) & members["pc_key"].isin(zones.index)]
        expected = rows.groupby("pc_key")["employment"].sum()
        assert zones[f"emp_{slug}"].fillna(0).sum() == pytest.approx(expected.sum()), cluster
        assert zones.loc[expected.index, f"emp_{slug}"].fillna(0).tolist() == pytest.approx(expected.tolist())
    # the overlay keeps the employment it was given
    overlay = _frame(out / "network_zones.gpkg")
    assert overlay["employment"].fillna(0).sum() == pytest.approx(agg["EMPLOYMENT_MATCHED"])


def _lengths(path, subset_field, keys):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(str(path), "l", "ogr")
    assert layer.isValid(), path
    return {f[subset_field]: {n: f[n] for n in f.fields().names()} for f in layer.getFeatures()
            if f[subset_field] in keys}


def test_model_overlay_lengths_equal_native_sumlinelengths(real):
    """A few real zones: the model's len_km_<class> against native:sumlinelengths on the raw OSM lines."""
    overlay = _frame(real["model_out"] / "network_zones.gpkg")
    longest = overlay.nlargest(3, "len_km_total")["pc_key"].tolist()
    busiest = overlay[(overlay["employment"] > 0) & (overlay["len_km_copper"] > 0)].nlargest(2, "employment")
    keys = sorted(set(longest) | set(busiest["pc_key"]))
    assert len(keys) >= 4
    subset = "pc_key IN ({})".format(", ".join(f"'{k}'" for k in keys))
    polygons = f"{real['model_out'] / 'network_zones.gpkg'}|subset={subset}"
    railways = real["inputs"]["railways"]
    classes = {"total": railways, "fibre": f"{railways}|subset=\"type\" = 'rail'",
               "copper": f"{railways}|subset=\"type\" = 'tram'"}
    ours = _lengths(real["model_out"] / "network_zones.gpkg", "pc_key", keys)
    compared = 0
    for cls, lines in classes.items():
        native = _run("native:sumlinelengths", {"POLYGONS": polygons, "LINES": lines, "LEN_FIELD": "NATIVE_LEN",
                                                "COUNT_FIELD": "NATIVE_N", "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
        lengths = {f["pc_key"]: f["NATIVE_LEN"] for f in native.getFeatures()}
        assert set(lengths) == set(keys)
        for key in keys:
            got, expected = ours[key][f"len_km_{cls}"] * 1000.0, lengths[key]
            assert got == pytest.approx(expected, rel=1e-6, abs=1e-6), (key, cls, got, expected)
            compared += expected > 0
    assert compared >= 2 * len(keys)  # real lengths were compared, not zeros


def _default_style(gpkg):
    with sqlite3.connect(str(gpkg)) as db:
        return db.execute("SELECT styleQML FROM layer_styles WHERE useAsDefault = 1").fetchall()


def _renderer_of(gpkg):
    """Renderer type and circle size expression of a GeoPackage layer opened afresh (default style loaded)."""
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(str(gpkg), "styled", "ogr")
    renderer = layer.renderer()
    size = ""
    if renderer.type() == "singleSymbol" and renderer.symbol().type() == 0:  # marker
        size = renderer.symbol().dataDefinedSize().asExpression()
    return renderer.type(), size


def test_model_layer_outputs_arrive_styled(real):
    """No applyatlasstyle child in the model: the chained algorithms style their own outputs.
    Each layer output of the model carries its atlas style as default style of the GeoPackage."""
    out = real["model_out"]
    expected = {"circles": "circles", "zones": "zones", "network_zones": "zones"}
    for name, style_key in expected.items():
        rows = _default_style(out / f"{name}.gpkg")
        assert len(rows) == 1, name
        qml_type = re.search(r'<renderer-v2[^>]* type="(\w+)"', (ROOT / "styles" / f"{style_key}.qml").read_text())
        assert f'type="{qml_type.group(1)}"' in rows[0][0], name
    # circles reopen with area proportional to employment: diameter 12 mm for the largest value (pandas)
    largest = _frame(out / "circles.gpkg")["employment"].max()
    renderer, size = _renderer_of(out / "circles.gpkg")
    assert renderer == "singleSymbol"
    assert f'{size_scale_function()}("employment", 0, {largest:g}, 0, 12, 0.5)' in size, size
    # tables (members, rejects, unmatched) have no geometry and so no style
    for name in ("members", "rejected", "unmatched"):
        with sqlite3.connect(str(out / f"{name}.gpkg")) as db:
            assert db.execute("SELECT count(*) FROM gpkg_geometry_columns").fetchone()[0] == 0, name


def _measure(pdf, page=1):
    """The overlay's measure as printed in the side block of a page: (employment %, distance km,
    area %, rho, n) read back with pdftotext, decimal commas or points."""
    text = " ".join(pdf_text(pdf, page).split())
    number = r"(-?\d+(?:[.,]\d+)?)"
    fr = re.search(rf"{number} % de l’emploi dans un rayon de {number} km du réseau \({number} % de la surface\) ; "
                   rf"ρ de Spearman {number} \(n = (\d+)\)", text)
    en = re.search(rf"{number}% of employment within {number} km of the network \({number}% of the area\); "
                   rf"Spearman’s ρ {number} \(n = (\d+)\)", text)
    found = fr or en
    if found is None:
        return None, text
    values = [g.replace(",", ".") for g in found.groups()]
    return ("fr" if fr else "en", values), text


def _check_measure(pdf, summary_gpkg, rho_output, language, pages):
    """Oracle: the overlay's own SUMMARY (class total, first distance) and its SPEARMAN_RHO output;
    the page shows them rounded (1 decimal for %, 2 for rho): within half a unit of the last digit."""
    summary = _frame(summary_gpkg)
    whole = summary[summary["class"] == "total"].sort_values("threshold_km").iloc[0]
    assert whole["spearman_rho"] == pytest.approx(rho_output)  # the table and the output agree
    for page in range(1, pages + 1):
        found, text = _measure(pdf, page)
        assert found is not None, text[-1500:]
        lang, (emp, dist, area, rho, n) = found
        assert lang == language
        assert len(emp.split(".")[1]) == 1 and len(area.split(".")[1]) == 1 and len(rho.split(".")[1]) == 2
        assert abs(float(emp) - 100 * whole["employment_share"]) <= 0.05 + 1e-9, (emp, whole["employment_share"])
        assert abs(float(area) - 100 * whole["area_share"]) <= 0.05 + 1e-9, (area, whole["area_share"])
        assert abs(float(rho) - whole["spearman_rho"]) <= 0.005 + 1e-9, (rho, whole["spearman_rho"])
        assert float(dist) == whole["threshold_km"] == 1.0
        assert int(n) == whole["spearman_n"] > 30
    return whole


def test_raw_osm_network_runs_through_the_model(provider, tmp_path):
    """What a technician does first: the real network as downloaded, its type field as CLASS_FIELD and
    CLASS_MAP for its values. The page is made after the overlay and states its measure."""
    inputs = _real_inputs()
    params = _model_params(inputs, inputs["railways"], tmp_path)
    params.update({"CLASS_FIELD": "type", "CLASS_MAP": CLASS_MAP})
    result = _run("clusteratlas:atlaschain", params)
    assert _pages(result["EXPORT:PAGE"]) == 4
    overlay = result["CHILD_RESULTS"]["OVERLAY"]
    zones = _frame(tmp_path / "network_zones.gpkg")
    assert zones["len_km_fibre"].sum() > 1000 and zones["len_km_copper"].sum() > 0  # CLASS_MAP reached the overlay
    whole = _check_measure(result["EXPORT:PAGE"], tmp_path / "summary.gpkg", overlay["SPEARMAN_RHO"], "fr", 4)
    assert 0 < whole["employment_share"] < 1 and 0 < whole["area_share"] < 1


def test_page_in_english_states_the_same_measure(real, tmp_path):
    """exportatlasmap alone, PAGE_LANGUAGE English, NETWORK_SUMMARY = the model's overlay summary;
    the raw OSM layer drawn by type + CLASS_MAP (no 'class' field): no error."""
    from qgis.core import QgsProcessingFeedback

    agg = real["model"]["CHILD_RESULTS"]["AGGREGATE"]
    feedback = _LogFeedback()
    page = _run_with("clusteratlas:exportatlasmap", {
        "CIRCLES": str(real["model_out"] / "circles.gpkg"), "FIELD_MAP": agg["FIELD_MAP"],
        "NETWORK": real["inputs"]["railways"], "NETWORK_CLASS_FIELD": "type", "CLASS_MAP": CLASS_MAP,
        "NETWORK_SUMMARY": str(real["model_out"] / "summary.gpkg"), "BOUNDARY": real["inputs"]["wallonia"],
        "PAGE_LANGUAGE": 1, "OUTPUT": str(tmp_path / "page_en.pdf")}, feedback)
    assert isinstance(feedback, QgsProcessingFeedback) and page["PAGES"] == 1
    _check_measure(page["OUTPUT"], real["model_out"] / "summary.gpkg",
                   real["model"]["CHILD_RESULTS"]["OVERLAY"]["SPEARMAN_RHO"], "en", 1)
    assert any(line.startswith("Network drawn by its field type: classes copper, fibre, other") for line in feedback.log)
    # the model's French page and this English one state the same figures
    fr, _ = _measure(real["model_out"] / "page.pdf")
    en, _ = _measure(page["OUTPUT"])
    assert fr[1] == en[1]


class _LogFeedback:
    """A QgsProcessingFeedback keeping its info lines (created lazily: QGIS must be up)."""

    def __new__(cls):
        from qgis.core import QgsProcessingFeedback

        class Keeping(QgsProcessingFeedback):
            def __init__(self):
                super().__init__()
                self.log = []

            def pushInfo(self, info):  # noqa: N802
                self.log.append(info)
                super().pushInfo(info)

            def pushWarning(self, warning):  # noqa: N802
                self.log.append(warning)
                super().pushWarning(warning)

        return Keeping()


def _run_with(alg_id, params, feedback):
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProject

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    return processing.run(alg_id, params, context=context, feedback=feedback)


@pytest.mark.qgis_process
def test_qgis_process_runs_the_model_on_real_data(real, tmp_path):
    params = _model_params(real["inputs"], real["network"], tmp_path)
    args = [str(ROOT / "scripts" / "qgis_process"), "run", "clusteratlas:atlaschain", "--json", "--"]
    args += [f"{k}={v}" for k, v in params.items()]
    proc = subprocess.run(args, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    results = json.JSONDecoder().raw_decode(proc.stdout[proc.stdout.index("{"):])[0]["results"]
    assert results["EXPORT:PAGE"] == str(tmp_path / "page.pdf")
    assert _pages(tmp_path / "page.pdf") == _pages(real["model_out"] / "page.pdf") == 4
    for name in LAYERS:
        assert _table(tmp_path / f"{name}.gpkg") == _table(real["model_out"] / f"{name}.gpkg"), name
    assert len(_default_style(tmp_path / "circles.gpkg")) == 1  # styled headless too
