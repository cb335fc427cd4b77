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


class _Log(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.lines = []

    def pushInfo(self, info):  # noqa: N802
        self.lines.append(info)


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


def test_hand_zone_repaired_into_a_collection(run_alg, hand_network, tmp_path):
    # makeValid turns the spiked square into GEOMETRYCOLLECTION(POLYGON, LINESTRING): no zone grid, exact path
    spiked = "POLYGON((0 0, 1000 0, 1000 1000, 0 1000, 0 0, -500 -500, 0 0))"
    zones = _memory("Polygon", ["pc:string", "emp:double"], [(spiked, ["S", 1.0]), (ZONE_B, ["B", 2.0])])
    log = _Log()
    params = {"ZONES": zones, "EMPLOYMENT_FIELD": "emp", "NETWORK": hand_network, "CLASS_FIELD": "type",
              "CLASS_MAP": "rail=fibre; *=copper", "OUTPUT": "memory:", "SUMMARY": "memory:", "REPORT": None}
    out = _by(run_alg("networkoverlay", params, feedback=log)["OUTPUT"], "pc")
    assert any("(of which 0 found by the zone grid" in line for line in log.lines), log.lines
    assert out["S"]["len_km_copper"] == pytest.approx(1.4, abs=1e-9)  # as square A
    assert out["B"]["len_km_fibre"] == pytest.approx(0.6, abs=1e-9)


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


def _overlay(run_alg, region, context=None, feedback=None, **extra):
    params = {"ZONES": region["zones"], "EMPLOYMENT_FIELD": "emp", "NETWORK": region["network"],
              "CLASS_FIELD": "type", "CLASS_MAP": CLASS_MAP, "DISTANCES": "1, 2, 5", "OUTPUT": "memory:",
              "SUMMARY": "memory:", "REPORT": None}
    params.update(extra)
    return run_alg("networkoverlay", params, context=context, feedback=feedback)


def _assert_lengths_match(ours, native, field):
    checked = 0
    for pc, f in ours.items():
        expected = native[pc]["LENGTH"]
        got = f[field] * 1000.0
        assert abs(got - expected) <= 1e-6 * max(abs(expected), 1.0), (pc, field, got, expected)
        checked += expected > 0
    return checked


def test_real_lengths_equal_native_sumlinelengths_per_class(run_alg, region):
    log = _Log()
    ours = _by(_overlay(run_alg, region, feedback=log)["OUTPUT"], "postcode")
    # the zone grid shortcut (no GEOS test) really served most lines wholly inside a zone
    grid = [line for line in log.lines if "found by the zone grid" in line]
    assert grid and int(grid[0].split("(of which ")[1].split()[0]) > 1000, grid
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


# --- geocoded members ------------------------------------------------------------
@pytest.fixture()
def hand_members():
    return _memory("Point", ["name:string", "staff:double", "zone:string"], [
        ("POINT(100 100)", ["m1", 1.0, "B"]),
        ("POINT(700 400)", ["m2", 3.0, "B"]),  # with m1: centre of A at (550 325)
        ("POINT(1500 500)", ["m3", None, "B"]),  # B's only member weighs nothing: B keeps its point on surface
        ("POINT(3000 3000)", ["m4", 5.0, "Z"]),  # in no zone: kept, distances still measured
        (None, ["m5", 2.0, None]),  # no geometry: kept with NULL distances
        ("POINT(1000 500)", ["m6", 0.0, "A"]),  # on the A|B boundary: joins A (read first), weighs nothing
    ])


def test_hand_members_weighted_centre_and_member_distances(run_alg, hand_zones, hand_network, hand_members,
                                                           tmp_path):
    res = _run(run_alg, hand_zones, hand_network, tmp_path, MEMBERS=hand_members, MEMBER_EMPLOYMENT_FIELD="staff",
               MEMBER_DISTANCES="memory:")
    out = _by(res["OUTPUT"], "pc")
    a, b = out["A"], out["B"]
    assert a["dist_from"] == "members_centre" and b["dist_from"] == "point_on_surface"
    assert a["n_members"] == 3 and b["n_members"] == 1
    # from (550 325): copper nearest at the end (500 500) of the crossing line, fibre at (1200 100)
    assert a["dist_km_copper"] == pytest.approx(math.hypot(50, 175) / 1000, abs=1e-12)
    assert a["dist_km_fibre"] == pytest.approx(math.hypot(650, 225) / 1000, abs=1e-12)
    assert a["dist_km_total"] == pytest.approx(math.hypot(50, 175) / 1000, abs=1e-12)
    assert b["dist_km_fibre"] == pytest.approx(0.4, abs=1e-12)  # unchanged: from (1500 500)
    assert a["len_km_copper"] == pytest.approx(1.4, abs=1e-9)  # lengths untouched by members
    members = _by(res["MEMBER_DISTANCES"], "name")
    assert len(members) == 6  # nothing lost
    zone_fid = {f["pc"]: f.id() for f in hand_zones.getFeatures()}
    expected = {  # name: (copper m, fibre m, zone)
        "m1": (0.0, 1100.0, "A"),
        "m2": (math.hypot(200, 100), math.hypot(500, 300), "A"),
        "m3": (400.0, 400.0, "B"),
        "m4": (math.hypot(1500, 2100), math.hypot(1200, 2900), None),
        "m6": (0.0, math.hypot(200, 400), "A"),  # on the boundary line
    }
    for name, (copper, fibre, zone) in expected.items():
        f = members[name]
        assert f["dist_km_copper"] * 1000 == pytest.approx(copper, abs=1e-9), name
        assert f["dist_km_fibre"] * 1000 == pytest.approx(fibre, abs=1e-9), name
        assert f["dist_km_total"] * 1000 == pytest.approx(min(copper, fibre), abs=1e-9), name
        assert (zone_fid[zone] if zone else None) == (None if _is_null(f["zone_fid"]) else f["zone_fid"]), name
        assert _is_null(f["dist_km_other"])
    assert _is_null(members["m5"]["dist_km_copper"]) and _is_null(members["m5"]["zone_fid"])
    assert members["m5"]["staff"] == 2.0  # the member's own fields are kept


def test_hand_members_joined_by_key(run_alg, hand_zones, hand_network, hand_members, tmp_path):
    res = _run(run_alg, hand_zones, hand_network, tmp_path, MEMBERS=hand_members, MEMBER_EMPLOYMENT_FIELD="staff",
               MEMBER_ZONE_FIELD="zone", ZONE_KEY_FIELD="pc")
    out = _by(res["OUTPUT"], "pc")
    # by key m1, m2, m3 are B's (centre (550 325), outside B: the employment centre, wherever it is)
    assert out["B"]["dist_from"] == "members_centre" and out["B"]["n_members"] == 3
    assert out["B"]["dist_km_fibre"] == pytest.approx(math.hypot(650, 225) / 1000, abs=1e-12)
    assert out["A"]["dist_from"] == "point_on_surface" and out["A"]["n_members"] == 1  # m6 weighs 0
    # without weights every member counts 1: A's centre is m6 itself, (1000 500), on the boundary line
    res = _run(run_alg, hand_zones, hand_network, tmp_path, MEMBERS=hand_members, MEMBER_ZONE_FIELD="zone",
               ZONE_KEY_FIELD="pc")
    out = _by(res["OUTPUT"], "pc")
    assert out["A"]["dist_from"] == "members_centre" and out["A"]["dist_km_copper"] == pytest.approx(0.0, abs=1e-12)
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="ZONE_KEY_FIELD"):
        _run(run_alg, hand_zones, hand_network, tmp_path, MEMBERS=hand_members, MEMBER_ZONE_FIELD="zone")


def test_real_members_centres_and_distances_equal_native(run_alg, region):
    """Two members per zone (the postcode point, weight 1..7, and the zone's point on surface, weight 2).
    Oracles: native:joinattributesbylocation for the zone of each member, pandas for the weighted
    centres, native:joinbynearest from those centres and from the members."""
    import pandas as pd

    zones = region["zones"]
    pts = _native("native:extractbyexpression", {
        "INPUT": f"{shared_file('be_postcode_points.gpkg')}",
        "EXPRESSION": "to_int(\"postcode\") >= 1000 AND to_int(\"postcode\") <= 3999", "OUTPUT": "memory:"})["OUTPUT"]
    surf = _native("native:pointonsurface", {"INPUT": zones, "ALL_PARTS": False, "OUTPUT": "memory:"})["OUTPUT"]
    rows = [(f.geometry().asWkt(17), [f"p{f['postcode']}", float(int(f["postcode"]) % 7 + 1)])
            for f in pts.getFeatures()]
    rows += [(f.geometry().asWkt(17), [f"s{f['postcode']}", 2.0]) for f in surf.getFeatures()]
    members = _memory("Point", ["name:string", "staff:double"], rows)
    res = _overlay(run_alg, region, MEMBERS=members, MEMBER_EMPLOYMENT_FIELD="staff", MEMBER_DISTANCES="memory:")
    ours = _by(res["OUTPUT"], "postcode")
    ours_members = _by(res["MEMBER_DISTANCES"], "name")
    assert len(ours_members) == len(rows)

    located = _native("native:joinattributesbylocation", {
        "INPUT": members, "PREDICATE": [0], "JOIN": zones, "JOIN_FIELDS": ["postcode"], "METHOD": 2,
        "DISCARD_NONMATCHING": False, "PREFIX": "z_", "OUTPUT": "memory:"})["OUTPUT"]
    frame = pd.DataFrame([{"pc": f["z_postcode"], "x": f.geometry().asPoint().x(), "y": f.geometry().asPoint().y(),
                           "w": f["staff"]} for f in located.getFeatures()])
    assert frame["pc"].notna().sum() > 700  # the spatial oracle found zones for almost all members
    frame = frame.dropna(subset=["pc"])
    frame["wx"], frame["wy"] = frame["w"] * frame["x"], frame["w"] * frame["y"]
    sums = frame.groupby("pc")[["wx", "wy", "w"]].sum()
    centres = _memory("Point", ["postcode:string"],
                      [(f"POINT({r.wx / r.w!r} {r.wy / r.w!r})", [pc]) for pc, r in sums.iterrows()])
    assert {pc for pc, f in ours.items() if f["dist_from"] == "members_centre"} == set(sums.index)
    for cls, lines in region["classes"].items():
        params = {"INPUT_2": lines, "FIELDS_TO_COPY": [], "DISCARD_NONMATCHING": False, "PREFIX": "n_",
                  "NEIGHBORS": 1, "MAX_DISTANCE": None, "OUTPUT": "memory:"}
        near = _by(_native("native:joinbynearest", dict(params, INPUT=centres))["OUTPUT"], "postcode")
        for pc, f in near.items():
            assert ours[pc][f"dist_km_{cls}"] * 1000.0 == pytest.approx(f["distance"], abs=1e-6), (pc, cls)
        near = _by(_native("native:joinbynearest", dict(params, INPUT=members))["OUTPUT"], "name")
        for name, f in near.items():
            assert ours_members[name][f"dist_km_{cls}"] * 1000.0 == pytest.approx(f["distance"], abs=1e-6), name
