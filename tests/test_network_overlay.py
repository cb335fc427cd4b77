"""clusteratlas:networkoverlay against hand-computed cases and, on a regional
subset of the real data (368 postal zones 1000-3999: Brussels, the Brabants, Antwerp, Limburg;
OSM railways + waterways in their extent), against QGIS' native algorithms:
``native:sumlinelengths`` per class (planar and ellipsoidal) and
``native:pointonsurface`` + ``native:joinbynearest`` per class.

OSM railway types stand in for fibre (fibre backbones often follow rail
corridors); every other type is mapped to copper. The full-size comparison is
in bench/cases/network_overlay.py.
"""
import math

import pytest
from qgis import processing
from qgis.core import (
    NULL,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)

from .conftest import shared_file

CLASS_MAP = "rail=fibre; tram=fibre; subway=fibre; light_rail=fibre; *=copper"
FIBRE_EXPR = "lower(\"type\") IN ('rail', 'tram', 'subway', 'light_rail')"
COPPER_EXPR = "NOT (" + FIBRE_EXPR + ") OR \"type\" IS NULL"


def _memory(kind, fields, rows, crs="EPSG:31370"):
    layer = QgsVectorLayer(f"{kind}?crs={crs}" + "".join(f"&field={f}" for f in fields), "mem", "memory")
    feats = []
    for wkt, attrs in rows:
        f = QgsFeature(layer.fields())
        f.setAttributes(list(attrs))
        if wkt is not None:
            f.setGeometry(QgsGeometry.fromWkt(wkt))
        feats.append(f)
    assert layer.dataProvider().addFeatures(feats)
    return layer


def _is_null(value):
    return value is None or (value == NULL and not isinstance(value, (int, float)))


def _by(layer, key):
    return {f[key]: f for f in layer.getFeatures()}


def _native(alg, params, context=None):
    context = context or QgsProcessingContext()
    return processing.run(alg, params, context=context, feedback=QgsProcessingFeedback())


# --- hand-computed cases -----------------------------------------------------
ZONE_A = "POLYGON((0 0, 1000 0, 1000 1000, 0 1000, 0 0))"
ZONE_B = "POLYGON((1000 0, 2000 0, 2000 1000, 1000 1000, 1000 0))"


@pytest.fixture()
def hand_zones():
    return _memory("Polygon", ["pc:string", "emp:double", "pop:double"],
                   [(ZONE_A, ["A", 10.0, 100.0]), (ZONE_B, ["B", 30.0, None])])


@pytest.fixture()
def hand_network():
    return _memory("LineString", ["type:string"], [
        ("LINESTRING(-500 500, 500 500)", ["canal"]),  # 500 m in A, 500 m outside
        ("LINESTRING(1000 200, 1000 800)", ["canal"]),  # on the A|B boundary: 600 m, counted once
        ("LINESTRING(1200 100, 1800 100)", ["rail"]),  # 600 m of fibre wholly in B
        ("LINESTRING(1100 900, 1500 900, 1300 900)", ["canal"]),  # self-overlapping: 600 long, covers 400
        ("MULTILINESTRING((100 100, 100 300),(200 100, 200 200))", [None]),  # null type, multi-part: 300 m
        (None, ["canal"]),  # no geometry: counted, skipped
    ])


def _run(run_alg, zones, network, tmp_path, **extra):
    params = {"ZONES": zones, "EMPLOYMENT_FIELD": "emp", "NETWORK": network, "CLASS_FIELD": "type",
              "CLASS_MAP": "rail=fibre; *=copper", "DISTANCES": "0.5, 1", "OUTPUT": "memory:",
              "SUMMARY": "memory:", "REPORT": str(tmp_path / "report.html")}
    params.update(extra)
    return run_alg("networkoverlay", params)


def test_hand_lengths_boundary_overlap_and_distances(run_alg, hand_zones, hand_network, tmp_path):
    res = _run(run_alg, hand_zones, hand_network, tmp_path, POPULATION_FIELD="pop")
    out = _by(res["OUTPUT"], "pc")
    a, b = out["A"], out["B"]
    # A: 0.5 (crossing line) + 0.6 (boundary line, A read first) + 0.3 (multi-part, null type -> copper)
    assert a["len_km_copper"] == pytest.approx(1.4, abs=1e-9)
    # B: boundary line not counted again; self-overlapping line counts its 400 m footprint
    assert b["len_km_copper"] == pytest.approx(0.4, abs=1e-9)
    assert b["len_km_fibre"] == pytest.approx(0.6, abs=1e-9)
    assert a["len_km_fibre"] == 0
    assert a["len_km_total"] + b["len_km_total"] == pytest.approx(1.4 + 1.0, abs=1e-9)
    assert a["area_km2"] == pytest.approx(1.0) and a["density_copper"] == pytest.approx(1.4)
    assert b["density_total"] == pytest.approx(1.0) and b["emp_density"] == pytest.approx(30.0)
    # point on surface of the squares: (500 500) and (1500 500)
    assert a["dist_km_fibre"] == pytest.approx(math.hypot(700, 400) / 1000, abs=1e-9)
    assert b["dist_km_fibre"] == pytest.approx(0.4, abs=1e-9)
    assert a["dist_km_copper"] == pytest.approx(0.0, abs=1e-9)  # crossing line ends at (500 500)
    assert b["dist_km_copper"] == pytest.approx(0.4, abs=1e-9)  # the overlapping line at y=900
    assert a["dist_km_total"] == pytest.approx(0.0, abs=1e-9)
    rows = {(r["class"], r["threshold_km"]): r for r in res["SUMMARY"].getFeatures()}
    assert len(rows) == 4 * 2  # copper, fibre, other, total x 2 thresholds
    fibre = rows[("fibre", 0.5)]
    assert fibre["employment_share"] == pytest.approx(30 / 40)
    assert fibre["area_share"] == pytest.approx(0.5)
    assert fibre["affinity_area"] == pytest.approx(1.5)
    assert fibre["population_share"] == pytest.approx(0.0)  # B's population is NULL -> 0
    assert fibre["network_km"] == pytest.approx(0.6)
    assert rows[("fibre", 1.0)]["employment_share"] == pytest.approx(1.0)
    assert rows[("total", 1.0)]["network_km"] == pytest.approx(2.4)
    assert rows[("other", 1.0)]["zones_within"] == 0
    assert fibre["length_method"] == "planar (EPSG:31370)" == res["LENGTH_METHOD_USED"]
    assert res["SPEARMAN_N"] == 2
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "<svg" in html and "planar (EPSG:31370)" in html and "75.0&nbsp;%" in html


def test_hand_network_without_fibre_and_without_class_field(run_alg, hand_zones, hand_network, tmp_path):
    res = _run(run_alg, hand_zones, hand_network, tmp_path, CLASS_MAP="*=copper")
    for f in res["OUTPUT"].getFeatures():
        assert f["len_km_fibre"] == 0 and f["density_fibre"] == 0
        assert _is_null(f["dist_km_fibre"])
    fibre = [r for r in res["SUMMARY"].getFeatures() if r["class"] == "fibre"]
    assert fibre and all(r["employment_share"] == 0 and r["zones_within"] == 0 for r in fibre)
    res = _run(run_alg, hand_zones, hand_network, tmp_path, CLASS_FIELD=None)
    fields = res["OUTPUT"].fields().names()
    assert "len_km_all" in fields and "len_km_fibre" not in fields
    out = _by(res["OUTPUT"], "pc")
    assert out["A"]["len_km_all"] == pytest.approx(1.4) and out["B"]["len_km_total"] == pytest.approx(1.0)
    assert {r["class"] for r in res["SUMMARY"].getFeatures()} == {"all"}


def test_hand_invalid_zone_and_point_zones(run_alg, hand_network, tmp_path):
    bowtie = "POLYGON((0 0, 1000 1000, 1000 0, 0 1000, 0 0))"  # self-intersecting: repaired, no crash
    zones = _memory("Polygon", ["pc:string", "emp:double"],
                    [(bowtie, ["X", 5.0]), (None, ["EMPTY", 7.0]), (ZONE_B, ["B", None])])
    res = _run(run_alg, zones, hand_network, tmp_path)
    out = _by(res["OUTPUT"], "pc")
    assert res["OUTPUT"].featureCount() == 3  # nothing lost
    assert _is_null(out["EMPTY"]["len_km_total"])
    assert out["B"]["len_km_fibre"] == pytest.approx(0.6)
    points = _memory("Point", ["pc:string", "emp:double"], [("POINT(1500 500)", ["P", 3.0])])
    res = _run(run_alg, points, hand_network, tmp_path)
    f = next(res["OUTPUT"].getFeatures())
    assert "len_km_total" not in res["OUTPUT"].fields().names()
    assert f["dist_km_fibre"] == pytest.approx(0.4)
    row = next(r for r in res["SUMMARY"].getFeatures() if r["class"] == "fibre" and r["threshold_km"] == 0.5)
    assert row["employment_share"] == pytest.approx(1.0) and _is_null(row["area_share"])


def test_bad_parameters_are_explained(run_alg, hand_zones, hand_network, tmp_path):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="CLASS_MAP"):
        _run(run_alg, hand_zones, hand_network, tmp_path, CLASS_MAP="rail fibre")
    with pytest.raises(QgsProcessingException, match="DISTANCES"):
        _run(run_alg, hand_zones, hand_network, tmp_path, DISTANCES="near")
    with pytest.raises(QgsProcessingException, match="METRIC_CRS"):
        _run(run_alg, hand_zones, hand_network, tmp_path, METRIC_CRS="EPSG:4326")
    negative = _memory("Polygon", ["pc:string", "emp:double"], [(ZONE_A, ["A", -1.0])])
    with pytest.raises(QgsProcessingException, match="negative employment"):
        _run(run_alg, negative, hand_network, tmp_path)


# --- real data, regional subset, native oracles ---------------------------------
@pytest.fixture(scope="module")
def region(provider):
    zones_path = shared_file("be_postcode_zones_voronoi.gpkg")
    rail = shared_file("be_osm_railways_2015.gpkg")
    water = shared_file("be_osm_waterways_2015.gpkg")
    zones = _native("native:extractbyexpression", {
        "INPUT": f"{zones_path}|layername=postcode_zones",
        "EXPRESSION": "to_int(\"postcode\") >= 1000 AND to_int(\"postcode\") <= 3999", "OUTPUT": "memory:"})["OUTPUT"]
    zones = _native("native:fieldcalculator", {
        "INPUT": zones, "FIELD_NAME": "emp", "FIELD_TYPE": 0, "FIELD_LENGTH": 0, "FIELD_PRECISION": 3,
        "FORMULA": "to_int(\"postcode\") % 97 * 2.5", "OUTPUT": "memory:"})["OUTPUT"]
    assert zones.featureCount() == 368
    extent = QgsCoordinateTransform(zones.crs(), QgsCoordinateReferenceSystem("EPSG:4326"),
                                    QgsProject.instance()).transformBoundingBox(zones.extent())
    extent.grow(0.03)
    box = f"{extent.xMinimum()},{extent.xMaximum()},{extent.yMinimum()},{extent.yMaximum()} [EPSG:4326]"
    parts = [_native("native:extractbyextent", {"INPUT": f"{p}|layername={name}", "EXTENT": box, "CLIP": False,
                                                 "OUTPUT": "memory:"})["OUTPUT"]
             for p, name in ((rail, "railways"), (water, "waterways"))]
    network = _native("native:mergevectorlayers", {"LAYERS": parts, "CRS": None, "OUTPUT": "memory:"})["OUTPUT"]
    assert network.featureCount() > 2000 and network.crs().authid() == "EPSG:4326"
    classes = {
        "fibre": _native("native:extractbyexpression", {"INPUT": network, "EXPRESSION": FIBRE_EXPR,
                                                        "OUTPUT": "memory:"})["OUTPUT"],
        "copper": _native("native:extractbyexpression", {"INPUT": network, "EXPRESSION": COPPER_EXPR,
                                                         "OUTPUT": "memory:"})["OUTPUT"],
    }
    assert classes["fibre"].featureCount() + classes["copper"].featureCount() == network.featureCount()
    return {"zones": zones, "network": network, "classes": classes}


def _overlay(run_alg, region, context=None, **extra):
    params = {"ZONES": region["zones"], "EMPLOYMENT_FIELD": "emp", "NETWORK": region["network"],
              "CLASS_FIELD": "type", "CLASS_MAP": CLASS_MAP, "DISTANCES": "1, 2, 5", "OUTPUT": "memory:",
              "SUMMARY": "memory:", "REPORT": None}
    params.update(extra)
    return run_alg("networkoverlay", params, context=context)


def _assert_lengths_match(ours, native, field):
    checked = 0
    for pc, f in ours.items():
        expected = native[pc]["LENGTH"]
        got = f[field] * 1000.0
        assert abs(got - expected) <= 1e-6 * max(abs(expected), 1.0), (pc, field, got, expected)
        checked += expected > 0
    return checked


def test_real_lengths_equal_native_sumlinelengths_per_class(run_alg, region):
    ours = _by(_overlay(run_alg, region)["OUTPUT"], "postcode")
    assert len(ours) == len(region["zones"])  # placeholder
    nonzero = {}
    for cls, lines in list(region["classes"].items()) + [("total", region["network"])]:
        native = _by(_native("native:sumlinelengths", {"POLYGONS": region["zones"], "LINES": lines,
                                                      "LEN_FIELD": "LENGTH", "COUNT_FIELD": "COUNT",
                                                      "OUTPUT": "memory:"})["OUTPUT"], "postcode")
        nonzero[cls] = _assert_lengths_match(ours, native, f"len_km_{cls}")
    assert nonzero["fibre"] > 30 and nonzero["copper"] > 50  # the oracle really compared lengths


def test_real_lengths_equal_native_ellipsoidal(run_alg, region):
    context = QgsProcessingContext()
    context.setEllipsoid("intl")
    res = _overlay(run_alg, region, context=context, LENGTH_METHOD=1)
    assert res["LENGTH_METHOD_USED"].startswith("ellipsoidal (intl")
    ours = _by(res["OUTPUT"], "postcode")
    native_ctx = QgsProcessingContext()
    native_ctx.setEllipsoid("intl")
    native = _by(_native("native:sumlinelengths", {"POLYGONS": region["zones"], "LINES": region["network"],
                                                  "LEN_FIELD": "LENGTH", "COUNT_FIELD": "COUNT",
                                                  "OUTPUT": "memory:"}, native_ctx)["OUTPUT"], "postcode")
    planar = _by(_overlay(run_alg, region)["OUTPUT"], "postcode")
    assert _assert_lengths_match(ours, native, "len_km_total") > 50
    assert any(abs(ours[pc]["len_km_total"] - planar[pc]["len_km_total"]) > 1e-6 for pc in ours)


def test_real_distances_equal_native_joinbynearest(run_alg, region):
    ours = _by(_overlay(run_alg, region)["OUTPUT"], "postcode")
    points = _native("native:pointonsurface", {"INPUT": region["zones"], "ALL_PARTS": False,
                                               "OUTPUT": "memory:"})["OUTPUT"]
    for cls, lines in region["classes"].items():
        joined = _by(_native("native:joinbynearest", {"INPUT": points, "INPUT_2": lines, "FIELDS_TO_COPY": [],
                                                     "DISCARD_NONMATCHING": False, "PREFIX": "n_", "NEIGHBORS": 1,
                                                     "MAX_DISTANCE": None, "OUTPUT": "memory:"})["OUTPUT"],
                     "postcode")
        for pc, f in ours.items():
            assert f[f"dist_km_{cls}"] * 1000.0 == pytest.approx(joined[pc]["distance"], abs=1e-6), (pc, cls)
