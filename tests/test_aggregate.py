"""clusteratlas:aggregatepostcodes on the real postal zones, against QGIS' own
native:aggregate / qgis:statisticsbycategories + native:joinattributestable
chain, a pandas groupby of the same table, and hand-computed figures."""
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingException,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

sys.path.insert(0, str(Path(__file__).resolve().parent))  # --import-mode=importlib: helpers are not on the path
from conftest import ROOT, shared_file  # noqa: E402
from cluster_atlas import compat  # noqa: E402
from test_aggregate_core import hand_table, random_members  # noqa: E402

MEMBER_KINDS = {"employment": "double", "employment_estimated": "bool", "employment_unknown": "bool",
                "year": "int", "source_row": "int"}


def write_members(frame, path):
    """The member table in the documented schema, as a geometry-less GeoPackage table."""
    from cluster_atlas.algorithms.table_io import write_dataframe
    from cluster_atlas.core.text import normalise_keys

    frame = frame.copy()
    frame["cluster_key"] = normalise_keys(frame["cluster"]).to_numpy()
    for column in ("employment_estimated", "employment_unknown"):
        if column not in frame:
            frame[column] = False
        frame[column] = frame[column].fillna(False).astype(bool)
    frame["employment_unknown"] = frame["employment_unknown"] | frame["employment"].isna()
    frame["country"] = frame["pc_key"].str.split("-").str[0]
    frame["postcode"] = frame["pc_key"].str.split("-").str[1]
    frame["kind_label"] = frame["kind"]
    frame["year"] = frame.get("year", 2011)
    frame["source_row"] = np.arange(1, len(frame) + 1)
    frame["flags"] = np.where(frame["employment_unknown"], "employment_unknown", "")
    columns = ["entity_id", "name", "cluster", "cluster_key", "kind", "kind_label", "country", "postcode", "pc_key",
               "employment", "employment_estimated", "employment_unknown", "year", "source_row", "flags"]
    schema = [(c, MEMBER_KINDS.get(c, "string")) for c in columns]
    from cluster_atlas.algorithms.table_io import make_fields

    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = "members"
    writer = QgsVectorFileWriter.create(str(path), make_fields(schema), compat.WKB_NO_GEOMETRY,
                                        QgsCoordinateReferenceSystem(), QgsProject.instance().transformContext(),
                                        options)
    write_dataframe(frame[columns], writer, schema)
    del writer
    return str(path)


def layer_frame(path_or_layer):
    layer = path_or_layer if isinstance(path_or_layer, QgsVectorLayer) else QgsVectorLayer(str(path_or_layer))
    assert layer.isValid()
    names = [f.name() for f in layer.fields()]
    rows = [dict(zip(names, [None if v is None or str(v) == "NULL" else v for v in f.attributes()]))
            for f in layer.getFeatures()]
    return pd.DataFrame(rows, columns=names)


@pytest.fixture(scope="module")
def zones_uri():
    return "{}|layername=postcode_zones".format(shared_file("be_postcode_zones_voronoi.gpkg"))


@pytest.fixture(scope="module")
def real_codes(zones_uri):
    layer = QgsVectorLayer(zones_uri, "zones", "ogr")
    return ["BE-" + f["postcode"] for f in layer.getFeatures()]


@pytest.fixture(scope="module")
def members_2k(tmp_path_factory, real_codes, qgis_app):
    # Real codes plus two that no reference zone has (BE-1001, LU-4365).
    codes = real_codes[::3] + ["BE-1001", "LU-4365"]
    frame = random_members(2000, codes, seed=11)
    path = write_members(frame, tmp_path_factory.mktemp("members") / "members.gpkg")
    return frame, path


def native(alg, params):
    from qgis import processing

    return processing.run(alg, dict(params, OUTPUT="memory:"))["OUTPUT"]


def _agg_field(name, expression, aggregate, type_id):
    return {"aggregate": aggregate, "delimiter": ",", "input": expression, "length": 0, "name": name,
            "precision": 0, "type": type_id}


def native_chain(members_path, zones_uri):
    """Employment per zone with QGIS' own algorithms only (entity once per zone)."""
    per_entity = native("native:aggregate", {
        "INPUT": members_path, "GROUP_BY": "concat(\"pc_key\", '|', \"entity_id\")",
        "AGGREGATES": [_agg_field("pc_key", '"pc_key"', "first_value", 10),
                       _agg_field("kind", '"kind"', "first_value", 10),
                       _agg_field("employment", '"employment"', "maximum", 6),
                       _agg_field("n", '"source_row"', "count", 4)],
    })
    totals = native("native:aggregate", {
        "INPUT": per_entity, "GROUP_BY": '"pc_key"',
        "AGGREGATES": [_agg_field("pc_key", '"pc_key"', "first_value", 10),
                       _agg_field("employment", 'coalesce("employment", 0)', "sum", 6),
                       _agg_field("entities", '"pc_key"', "count", 4)],
    })
    keyed = native("native:fieldcalculator", {
        "INPUT": zones_uri, "FIELD_NAME": "pc_key", "FIELD_TYPE": 2, "FIELD_LENGTH": 0, "FIELD_PRECISION": 0,
        "FORMULA": "'BE-' || \"postcode\"",
    })
    joined = native("native:joinattributestable", {
        "INPUT": keyed, "FIELD": "pc_key", "INPUT_2": totals, "FIELD_2": "pc_key",
        "FIELDS_TO_COPY": ["employment", "entities"], "METHOD": 1, "DISCARD_NONMATCHING": False, "PREFIX": "",
    })
    # A membership table has one row per entity x cluster: statistics by category
    # of (pc_key, cluster_key) is the per-cluster figure; per kind needs entities once.
    by_cluster = native("qgis:statisticsbycategories", {
        "INPUT": members_path, "VALUES_FIELD_NAME": "employment", "CATEGORIES_FIELD_NAME": ["pc_key", "cluster_key"],
    })
    by_kind = native("qgis:statisticsbycategories", {
        "INPUT": per_entity, "VALUES_FIELD_NAME": "employment", "CATEGORIES_FIELD_NAME": ["pc_key", "kind"],
    })
    # "count" skips NULL values: count a never-NULL field for the number of entities.
    n_cluster = native("qgis:statisticsbycategories", {
        "INPUT": members_path, "VALUES_FIELD_NAME": "source_row", "CATEGORIES_FIELD_NAME": ["pc_key", "cluster_key"],
    })
    n_kind = native("qgis:statisticsbycategories", {
        "INPUT": per_entity, "VALUES_FIELD_NAME": "n", "CATEGORIES_FIELD_NAME": ["pc_key", "kind"],
    })
    by_cluster = layer_frame(by_cluster).merge(layer_frame(n_cluster)[["pc_key", "cluster_key", "count"]],
                                               on=["pc_key", "cluster_key"], suffixes=("_values", ""))
    by_kind = layer_frame(by_kind).merge(layer_frame(n_kind)[["pc_key", "kind", "count"]],
                                         on=["pc_key", "kind"], suffixes=("_values", ""))
    return layer_frame(joined), by_cluster, by_kind, layer_frame(totals)


@pytest.mark.slow
def test_real_zones_equal_native_chain_and_pandas(run_alg, members_2k, zones_uri, tmp_path):
    frame, members_path = members_2k
    out, circles, unmatched = (str(tmp_path / n) for n in ("zones.gpkg", "circles.gpkg", "unmatched.gpkg"))
    result = run_alg("aggregatepostcodes", {
        "MEMBERS": members_path, "POSTCODES": zones_uri, "POSTCODE_FIELD": "postcode",
        "OUTPUT": out, "CIRCLES": circles, "UNMATCHED": unmatched,
    })
    zones = layer_frame(out).set_index("pc_key")
    assert len(zones) == 1144
    joined, by_cluster, by_kind, totals = native_chain(members_path, zones_uri)
    joined = joined.set_index("pc_key")
    assert np.allclose(zones["employment"], joined["employment"].reindex(zones.index).fillna(0).astype(float))
    assert (zones["entities"] == joined["entities"].reindex(zones.index).fillna(0).astype(int)).all()
    slug_of = {name: slug for slug, name in json.loads(result["FIELD_MAP"])["clusters"].items()}
    from cluster_atlas.core.text import normalise_key

    slug_by_key = {normalise_key(name): slug_of[name] for name in frame["cluster"].unique()}
    checked = 0
    for row in by_cluster.itertuples():
        if row.pc_key in zones.index:
            slug = slug_by_key[row.cluster_key]
            assert zones.loc[row.pc_key, "emp_" + slug] == pytest.approx(row.sum or 0.0)
            assert zones.loc[row.pc_key, "n_" + slug] == row.count
            checked += 1
    assert checked > 500
    for row in by_kind.itertuples():
        if row.pc_key in zones.index:
            assert zones.loc[row.pc_key, "n_k_" + row.kind] == row.count
            assert zones.loc[row.pc_key, "emp_k_" + row.kind] == pytest.approx(row.sum or 0.0)
    # pandas groupby of the same table.
    once = frame.groupby(["pc_key", "entity_id"])["employment"].max().fillna(0).groupby(level=0).sum()
    matched = once[once.index.isin(zones.index)]
    assert np.allclose(zones.loc[matched.index, "employment"], matched)
    # Conservation: OUTPUT + UNMATCHED = the member table (each entity once).
    lost = layer_frame(unmatched)
    total = frame.groupby("entity_id")["employment"].max().fillna(0).sum()
    assert zones["employment"].sum() + lost["employment"].astype(float).sum() == pytest.approx(total)
    assert set(lost["pc_key"]) == {"BE-1001", "LU-4365"}
    assert result["EMPLOYMENT_UNMATCHED"] == pytest.approx(lost["employment"].astype(float).sum())
    assert result["EMPLOYMENT_TOTAL"] == pytest.approx(total)
    assert result["ZONES"] == int((zones["entities"] > 0).sum())
    # Circles: one point per zone with members, inside its zone.
    circle_layer = QgsVectorLayer(circles)
    zone_geoms = {f["pc_key"]: f.geometry() for f in QgsVectorLayer(out).getFeatures()}
    features = list(circle_layer.getFeatures())
    assert len(features) == result["ZONES"]
    assert all(zone_geoms[f["pc_key"]].contains(f.geometry()) for f in features)


def test_fast_read_equals_qgis_read(members_2k):
    from qgis.core import QgsProcessingContext, QgsProcessingFeatureSource

    from cluster_atlas.algorithms.aggregate_postcodes import read_with_gdal
    from cluster_atlas.algorithms.table_io import source_to_dataframe
    from cluster_atlas.core.aggregate import MEMBER_COLUMNS

    _, path = members_2k
    fast = read_with_gdal(path, None, MEMBER_COLUMNS)
    layer = QgsVectorLayer(path, "m", "ogr")
    slow = source_to_dataframe(QgsProcessingFeatureSource(layer, QgsProcessingContext()), None, list(fast.columns))
    assert fast["employment"].isna().any() and fast["employment_unknown"].any()
    pd.testing.assert_frame_equal(fast, slow, check_dtype=False)


def test_hand_table_through_the_algorithm_with_sites_and_population(run_alg, tmp_path):
    """Points as reference, population per municipality via a lookup, sites table."""
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY

    table = hand_table()
    table.loc[table["entity_id"] == "e", "pc_key"] = "BE-4000"  # F keeps no valid postcode
    members = write_members(table.drop(columns=["postcode"]), tmp_path / "members.gpkg")
    points = QgsVectorLayer("Point?crs=EPSG:31370&field=code:string", "ref", "memory")
    features = []
    for i, code in enumerate(["1348", "B-5000", "4000.0", "1000"]):
        feature = QgsFeature(points.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(1000 * i, 0)))
        feature.setAttributes([code])
        features.append(feature)
    points.dataProvider().addFeatures(features)
    (tmp_path / "lookup.csv").write_text("zip,nis\n1348,M1\n5000,M1\n4000,M2\n1000,M3\n", encoding="utf-8")
    (tmp_path / "pop.csv").write_text("nis,inhabitants\nM1,2000\nM2,500\nM3,1000\n", encoding="utf-8")
    (tmp_path / "sites.csv").write_text("firm,pc,staff\nA sa,1348,30\nA sa,1000,10\n", encoding="utf-8")
    out = tmp_path / "out.gpkg"
    result = run_alg("aggregatepostcodes", {
        "MEMBERS": members, "POSTCODES": points, "POSTCODE_FIELD": "code",
        "POPULATION": str(tmp_path / "pop.csv"), "POPULATION_ID_FIELD": "nis", "POPULATION_FIELD": "inhabitants",
        "LOOKUP": str(tmp_path / "lookup.csv"), "LOOKUP_POSTCODE_FIELD": "zip", "LOOKUP_MUNICIPALITY_FIELD": "nis",
        "SITES": str(tmp_path / "sites.csv"), "SITES_ENTITY_FIELD": "firm", "SITES_POSTCODE_FIELD": "pc",
        "SITES_WEIGHT_FIELD": "staff", "DOMINANT_SHARE": 0.7,
        "OUTPUT": str(out), "CIRCLES": "TEMPORARY_OUTPUT", "UNMATCHED": "TEMPORARY_OUTPUT",
    })
    zones = layer_frame(out).set_index("pc_key")
    # A (100) moved 75 to 1348 and 25 to 1000, in both its clusters.
    assert zones.loc["BE-1348", "employment"] == pytest.approx(75.0)
    assert zones.loc["BE-1000", "emp_eco_construction"] == pytest.approx(25.0)
    # Points: M1's 2000 inhabitants shared equally by 1348 and 5000.
    assert zones.loc["BE-1348", "population"] == pytest.approx(1000.0)
    assert zones.loc["BE-4000", "population"] == pytest.approx(500.0)
    assert zones.loc["BE-5000", "emp_per_1000"] == pytest.approx(58.0)
    # TIC employment by zone: 1348: 75 (A) + 0 (B unknown); 5000: 58; 4000: 3 (E); 1000: 25.
    tic = {"BE-1348": 75.0, "BE-5000": 58.0, "BE-4000": 3.0, "BE-1000": 25.0}
    pop = {"BE-1348": 1000.0, "BE-5000": 1000.0, "BE-4000": 500.0, "BE-1000": 1000.0}
    for key in tic:
        expected = (tic[key] / sum(tic.values())) / (pop[key] / sum(pop.values()))
        assert zones.loc[key, "lq_tic"] == pytest.approx(expected)
    assert bool(zones.loc["BE-5000", "dominant_flag"]) and zones.loc["BE-5000", "dominant_entity"] == "G"
    assert not zones.loc["BE-1348", "dominant_flag"] or zones.loc["BE-1348", "dominant_share"] > 0.7
    # D (BE-9999, 7) and F (no valid postcode, 2) are unmatched.
    assert result["EMPLOYMENT_UNMATCHED"] == pytest.approx(9.0)
    assert result["EMPLOYMENT_MATCHED"] + result["EMPLOYMENT_UNMATCHED"] == pytest.approx(170.0)


@pytest.mark.slow
def test_real_population_apportioned_from_municipalities(run_alg, members_2k, zones_uri, tmp_path):
    _, members_path = members_2k
    population = "{}|layername=municipalities".format(shared_file("be_municipalities_2020_population.gpkg"))
    lookup = shared_file("be_localities_postcode_nis_2013.csv")
    out = tmp_path / "zones.gpkg"
    run_alg("aggregatepostcodes", {
        "MEMBERS": members_path, "POSTCODES": zones_uri, "POSTCODE_FIELD": "postcode",
        "POPULATION": population, "POPULATION_ID_FIELD": "nis", "POPULATION_FIELD": "population",
        "LOOKUP": str(lookup), "LOOKUP_POSTCODE_FIELD": "zipCode", "LOOKUP_MUNICIPALITY_FIELD": "nisCode",
        "OUTPUT": str(out), "CIRCLES": "TEMPORARY_OUTPUT", "UNMATCHED": "TEMPORARY_OUTPUT",
    })
    zones = layer_frame(out)
    # Oracle: the municipalities whose NIS code the table links to a zone's code keep
    # all their population; the others (2019 mergers: new NIS codes) get none.
    table = pd.read_csv(lookup, dtype=str)
    zone_codes = set(zones["postcode"])
    served = set(table.loc[table["zipCode"].isin(zone_codes), "nisCode"])
    munis = layer_frame(QgsVectorLayer(population))
    expected = munis.loc[munis["nis"].isin(served), "population"].astype(float).sum()
    assert zones["population"].astype(float).sum() == pytest.approx(expected, rel=1e-9)
    assert expected < munis["population"].astype(float).sum()  # the real data has merged municipalities
    with_pop = zones[zones["population"].notna() & (zones["population"].astype(float) > 0)]
    assert np.allclose(with_pop["emp_per_1000"].astype(float),
                       1000 * with_pop["employment"].astype(float) / with_pop["population"].astype(float))


def test_long_layout_and_filters(run_alg, members_2k, zones_uri, tmp_path):
    frame, members_path = members_2k
    out = tmp_path / "long.gpkg"
    run_alg("aggregatepostcodes", {
        "MEMBERS": members_path, "POSTCODES": zones_uri, "POSTCODE_FIELD": "postcode", "LAYOUT": 1,
        "CLUSTERS": "tic, eco construction", "KINDS": "Company;research",
        "OUTPUT": str(out), "CIRCLES": "TEMPORARY_OUTPUT", "UNMATCHED": "TEMPORARY_OUTPUT",
    })
    long = layer_frame(out)
    assert set(long["cluster"]) == {"TIC", "Éco-construction"}
    assert set(long["kind"]) == {"company", "research"}
    kept = frame[frame["cluster"].isin(["TIC", "Éco-construction"]) & frame["kind"].isin(["company", "research"])]
    kept = kept[~kept["pc_key"].isin(["BE-1001", "LU-4365"])]
    expected = kept.groupby(["pc_key", "cluster", "kind"])["employment"].agg(
        lambda s: s.fillna(0).sum()).sort_index()
    got = long.set_index(["pc_key", "cluster", "kind"])["employment"].astype(float).sort_index()
    assert list(got.index) == list(expected.index)
    assert np.allclose(got.to_numpy(), expected.to_numpy())


def test_members_without_employment_field_is_a_clear_error(run_alg, tmp_path, zones_uri):
    table = QgsVectorLayer("None?field=cluster:string&field=postcode:string", "bad", "memory")
    with pytest.raises(QgsProcessingException, match="employment"):
        run_alg("aggregatepostcodes", {"MEMBERS": table, "POSTCODES": zones_uri, "POSTCODE_FIELD": "postcode",
                                       "OUTPUT": "TEMPORARY_OUTPUT", "CIRCLES": "TEMPORARY_OUTPUT",
                                       "UNMATCHED": "TEMPORARY_OUTPUT"})


def _model_step(model, alg_id, child_id, sources, outputs):
    """Add a child: ``sources`` {param: QgsProcessingModelChildParameterSource}, ``outputs`` {model name: child output}."""
    from qgis.core import QgsProcessingModelChildAlgorithm, QgsProcessingModelOutput

    child = QgsProcessingModelChildAlgorithm(alg_id)
    child.setChildId(child_id)
    for name, source in sources.items():
        child.addParameterSources(name, [source])
    model_outputs = {}
    for model_name, child_output in outputs.items():
        model_outputs[model_name] = QgsProcessingModelOutput(model_name)
        model_outputs[model_name].setChildId(child_id)
        model_outputs[model_name].setChildOutputName(child_output)
    child.setModelOutputs(model_outputs)
    model.addChildAlgorithm(child)


def test_runs_inside_a_model(provider, members_2k, zones_uri, tmp_path):
    from qgis import processing
    from qgis.core import (
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildParameterSource as Source,
        QgsProcessingModelParameter,
        QgsProcessingParameterFeatureSource,
    )


    model = QgsProcessingModelAlgorithm("atlas", "tests")
    for name in ("members", "zones"):
        model.addModelParameter(QgsProcessingParameterFeatureSource(name, name, [compat.TYPE_VECTOR]),
                                QgsProcessingModelParameter(name))
    _model_step(model, "clusteratlas:aggregatepostcodes", "aggregate",
                {"MEMBERS": Source.fromModelParameter("members"), "POSTCODES": Source.fromModelParameter("zones"),
                 "POSTCODE_FIELD": Source.fromStaticValue("postcode")},
                {"circles": "CIRCLES"})
    # A second step fed by the first one's zones: QGIS' own save.
    _model_step(model, "native:savefeatures", "save", {"INPUT": Source.fromChildOutput("aggregate", "OUTPUT")},
                {"saved": "OUTPUT"})
    _, members_path = members_2k
    processing.run(model, {"members": members_path, "zones": zones_uri,
                           "aggregate:circles": str(tmp_path / "c.gpkg"), "save:saved": str(tmp_path / "saved.gpkg")})
    assert QgsVectorLayer(str(tmp_path / "saved.gpkg")).featureCount() == 1144
    assert QgsVectorLayer(str(tmp_path / "c.gpkg")).featureCount() > 300


@pytest.mark.qgis_process
def test_runs_from_qgis_process(members_2k, zones_uri, tmp_path):
    _, members_path = members_2k
    out = tmp_path / "zones.gpkg"
    completed = subprocess.run(
        [str(ROOT / "scripts" / "qgis_process"), "run", "clusteratlas:aggregatepostcodes", "--",
         "MEMBERS=" + members_path, "POSTCODES=" + zones_uri, "POSTCODE_FIELD=postcode",
         "OUTPUT=" + str(out), "CIRCLES=TEMPORARY_OUTPUT", "UNMATCHED=TEMPORARY_OUTPUT"],
        capture_output=True, text=True, timeout=180,
    )
    assert completed.returncode == 0, completed.stderr[-2000:] + completed.stdout[-2000:]
    assert "EMPLOYMENT_UNMATCHED" in completed.stdout and "FIELD_MAP" in completed.stdout
    assert QgsVectorLayer(str(out)).featureCount() == 1144


def _points_layer(codes, pops=None):
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY

    uri = "Point?crs=EPSG:31370&field=code:string" + ("&field=pop:double" if pops else "")
    points = QgsVectorLayer(uri, "ref", "memory")
    features = []
    for i, code in enumerate(codes):
        feature = QgsFeature(points.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(1000 * i, 0)))
        feature.setAttributes([code] + ([pops[i]] if pops else []))
        features.append(feature)
    points.dataProvider().addFeatures(features)
    return points


def test_population_and_sites_accounted_in_outputs(run_alg, tmp_path):
    """QA: unallocated population and unused site rows were only in the log.
    Hand figures: reference codes 1348, 5000, 4000; municipalities M1 2000 (1348,
    5000), M2 500 (4000), M3 1000 (only code 1000, not in the reference), M4 300
    (no code in the table): 3,800 inhabitants, 2,500 placed, 1,300 not."""
    members = write_members(hand_table().drop(columns=["postcode"]), tmp_path / "members.gpkg")
    points = _points_layer(["1348", "5000", "4000"])
    (tmp_path / "lookup.csv").write_text("zip,nis\n1348,M1\n5000,M1\n4000,M2\n1000,M3\n", encoding="utf-8")
    (tmp_path / "pop.csv").write_text("nis,inhabitants\nM1,2000\nM2,500\nM3,1000\nM4,300\n", encoding="utf-8")
    (tmp_path / "sites.csv").write_text(
        "firm,pc,staff\nA sa,1348,30\nA sa,5000,10\nA sa,xx,5\nGhost,1348,1\nC,4000,-1\n", encoding="utf-8")
    common = {"MEMBERS": members, "POSTCODES": points, "POSTCODE_FIELD": "code",
              "OUTPUT": "TEMPORARY_OUTPUT", "CIRCLES": "TEMPORARY_OUTPUT", "UNMATCHED": "TEMPORARY_OUTPUT"}
    result = run_alg("aggregatepostcodes", dict(
        common, POPULATION=str(tmp_path / "pop.csv"), POPULATION_ID_FIELD="nis", POPULATION_FIELD="inhabitants",
        LOOKUP=str(tmp_path / "lookup.csv"), LOOKUP_POSTCODE_FIELD="zip", LOOKUP_MUNICIPALITY_FIELD="nis",
        SITES=str(tmp_path / "sites.csv"), SITES_ENTITY_FIELD="firm", SITES_POSTCODE_FIELD="pc",
        SITES_WEIGHT_FIELD="staff"))
    assert result["POPULATION_TOTAL"] == pytest.approx(3800.0)
    assert result["POPULATION_ALLOCATED"] == pytest.approx(2500.0)
    assert result["POPULATION_UNALLOCATED"] == pytest.approx(1300.0)
    zones = layer_frame(result["OUTPUT"])
    assert zones["population"].astype(float).sum() == pytest.approx(result["POPULATION_ALLOCATED"])
    assert result["SITES_USED"] == 2 and result["SITES_REJECTED"] == 3
    assert json.loads(result["SITES_REJECTED_BY_RULE"]) == {
        "invalid_postcode": 1, "negative_weight": 1, "unknown_entity": 1}

    # Population per postal code (no lookup): BE-1000 is not in the reference, "abc" is no code.
    (tmp_path / "pc_pop.csv").write_text("pc,inhabitants\n1348,100\n5000,40\n1000,70\nabc,5\n", encoding="utf-8")
    result = run_alg("aggregatepostcodes", dict(
        common, POPULATION=str(tmp_path / "pc_pop.csv"), POPULATION_ID_FIELD="pc", POPULATION_FIELD="inhabitants"))
    assert (result["POPULATION_TOTAL"], result["POPULATION_ALLOCATED"], result["POPULATION_UNALLOCATED"]) == (
        pytest.approx(215.0), pytest.approx(140.0), pytest.approx(75.0))
    assert result["SITES_USED"] == 0 and result["SITES_REJECTED"] == 0

    # Population field of the reference layer: a feature with an invalid code loses its 9.
    points = _points_layer(["1348", "5000", "x"], [10.0, 20.0, 9.0])
    result = run_alg("aggregatepostcodes", dict(common, POSTCODES=points, POSTCODE_POPULATION_FIELD="pop"))
    assert (result["POPULATION_TOTAL"], result["POPULATION_ALLOCATED"], result["POPULATION_UNALLOCATED"]) == (
        pytest.approx(39.0), pytest.approx(30.0), pytest.approx(9.0))
    # Without population the outputs are empty, not 0.
    result = run_alg("aggregatepostcodes", common)
    assert result["POPULATION_TOTAL"] is None


# --- a member list covering two years (notes/requests.md R6) ----------------------------------
SAMPLE = ROOT / "sample_data"
POINTS = "{}|layername=postcode_points".format(SAMPLE / "postcode_points.gpkg")
# The few spellings of sample_data/members.csv that are not plain integers / 4-digit codes, read by hand.
CSV_EMPLOYMENT = {"1 250": 1250.0, "10-19": 14.5, "12,5": 12.5, "n.c.": np.nan}
CSV_POSTCODE = {"13480": None, "5000.0": "BE-5000", "B-1348": "BE-1348", "BE 4000": "BE-4000", "L-4365": "LU-4365"}


def _two_year_csv(path):
    """members.csv as 2021; 2022 without every 4th row (entities of 2021 only), plain headcounts doubled,
    two entities of 2022 only, and one true duplicate within 2022 (a copy of 2022's first row)."""
    base = pd.read_csv(SAMPLE / "members.csv", sep=";", dtype=str, keep_default_na=False)
    y2022 = base[np.arange(len(base)) % 4 != 3].copy()
    plain = y2022["Effectif"].str.fullmatch(r"\d+")
    y2022.loc[plain, "Effectif"] = (y2022.loc[plain, "Effectif"].astype(int) * 2).astype(str)
    new = pd.DataFrame([["Nouvelle Logistique 2022", "Logistique en Wallonie", "Entreprise", "1348", "77"],
                        ["Start TIC 2022", "Infopôle cluster TIC", "Entreprise", "5000", "9"]], columns=base.columns)
    duplicate = y2022.iloc[[0]].assign(Effectif="1")
    table = pd.concat([base.assign(**{"Année": "2021"}),
                       pd.concat([y2022, new, duplicate]).assign(**{"Année": "2022"})], ignore_index=True)
    table.to_csv(path, sep=";", index=False, encoding="utf-8")
    table.index = pd.RangeIndex(1, len(table) + 1)  # source_row
    return table


def _oracle(table, ceiling=3000.0):
    """Memberships kept by the import rules, in pandas on the CSV: one row per cluster named,
    valid postcode, first of each (entity, cluster, year), employment <= ceiling."""
    rows = table.assign(row=table.index)
    rows["pc_key"] = rows["Code postal"].map(lambda v: CSV_POSTCODE.get(v, "BE-" + v))
    rows["employment"] = rows["Effectif"].map(lambda v: CSV_EMPLOYMENT[v] if v in CSV_EMPLOYMENT else float(v))
    rows["cluster"] = rows["Cluster(s)"].str.split(";")
    rows = rows.explode("cluster")
    rows["cluster"] = rows["cluster"].str.strip()
    rows["entity"] = rows["Nom"].str.lower().str.strip() + "|" + rows["pc_key"].fillna("")
    valid = rows[rows["pc_key"].notna()]
    first = valid.drop_duplicates(["entity", "cluster", "Année"])
    kept = first[~(first["employment"] > ceiling)]
    return rows, kept


def _aggregate_error(run_alg, members, tmp_path):
    """The message of a refused run (no OGR layer in this frame: it must not outlive QGIS)."""
    import gc
    import traceback

    try:
        run_alg("aggregatepostcodes", {"MEMBERS": members, "POSTCODES": POINTS, "POSTCODE_FIELD": "postcode",
                                       "OUTPUT": str(tmp_path / "z.gpkg"), "CIRCLES": str(tmp_path / "c.gpkg"),
                                       "UNMATCHED": str(tmp_path / "u.gpkg")})
    except QgsProcessingException as error:
        message = str(error)
        traceback.clear_frames(error.__traceback__)
    else:
        message = None
    gc.collect()
    return message


def test_two_year_list_imported_once_and_aggregated_per_year(run_alg, tmp_path):
    table = _two_year_csv(tmp_path / "members_2021_2022.csv")
    imported = run_alg("importmembers", {"INPUT": str(tmp_path / "members_2021_2022.csv"), "EMPLOYMENT_CEILING": 3000,
                                         "OUTPUT": str(tmp_path / "members.gpkg"),
                                         "REJECTED": str(tmp_path / "rejected.gpkg")})
    members, rejected = layer_frame(imported["OUTPUT"]), layer_frame(imported["REJECTED"])
    rows, kept = _oracle(table)

    # Accounting: every input row and every unit of valid employment is in OUTPUT or REJECTED.
    assert set(members["source_row"]) | set(rejected["source_row"]) == set(table.index)
    assert len(members) + len(rejected) == len(rows) == imported["MEMBERSHIPS"] + imported["REJECTED_COUNT"]
    assert imported["EMPLOYMENT_IN"] == pytest.approx(rows["employment"].sum())
    assert imported["EMPLOYMENT_IN"] == pytest.approx(imported["EMPLOYMENT_OUT"] + imported["EMPLOYMENT_EXCLUDED"])
    # The second year is kept: pandas' memberships, row for row.
    got = sorted(zip(members["source_row"], members["cluster"], members["year"]))
    assert got == sorted(zip(kept["row"], kept["cluster"], kept["Année"].astype(int)))
    assert set(members["year"]) == {2021, 2022}
    # Duplicates: row 90 of each year's list (Log Brabant A1 again) and the copy appended to 2022.
    dups = rejected[rejected["rule"] == "duplicate"].set_index("source_row")["reason"].to_dict()
    n2021 = int((table["Année"] == "2021").sum())
    first_2022 = n2021 + 1
    assert dups[len(table)] == f"duplicate of row {first_2022} (same entity, cluster and year 2022)"
    assert dups[90] == "duplicate of row 1 (same entity, cluster and year 2021)"
    assert len(dups) == 3  # and the 2022 copy of row 90

    # Without YEAR: refused, naming the years (no silent sum or mix of the two years).
    message = _aggregate_error(run_alg, imported["OUTPUT"], tmp_path)
    assert message is not None and "several years (2021, 2022)" in message and "YEAR" in message, message
    assert not (tmp_path / "z.gpkg").exists()

    for year in (2021, 2022):
        out = tmp_path / str(year)
        out.mkdir()
        result = run_alg("aggregatepostcodes", {
            "MEMBERS": imported["OUTPUT"], "POSTCODES": POINTS, "POSTCODE_FIELD": "postcode", "YEAR": year,
            "OUTPUT": str(out / "zones.gpkg"), "CIRCLES": str(out / "circles.gpkg"),
            "UNMATCHED": str(out / "unmatched.gpkg")})
        of_year = kept[kept["Année"] == str(year)]
        once = of_year.groupby(["pc_key", "entity"])["employment"].max().fillna(0.0)
        per_code = once.groupby(level="pc_key").sum()
        zones = layer_frame(out / "zones.gpkg").set_index("pc_key")
        matched = per_code[per_code.index.isin(zones.index)]
        assert zones.loc[matched.index, "employment"].to_numpy() == pytest.approx(matched.to_numpy())
        assert zones["employment"].sum() == pytest.approx(matched.sum())
        assert result["EMPLOYMENT_TOTAL"] == pytest.approx(per_code.sum())
        assert result["EMPLOYMENT_UNMATCHED"] == pytest.approx(per_code.drop(matched.index).sum())
        assert result["ENTITIES"] == of_year["entity"].nunique()
        assert result["ZONES"] == int((zones["entities"] > 0).sum()) == len(matched[once.groupby(
            level="pc_key").size()[matched.index] > 0])
        if year == 2021:  # the list of 2021 is members.csv: the figures of the help's example
            assert round(result["EMPLOYMENT_TOTAL"]) == 10163 and round(result["EMPLOYMENT_MATCHED"]) == 10078
            assert round(result["EMPLOYMENT_UNMATCHED"]) == 85 and result["ENTITIES"] == 85 and result["ZONES"] == 29
