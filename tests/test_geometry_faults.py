"""Geometry faults of zone layers (issue 13, item 8), through the algorithms.

EMPTY geometries are treated like NULL, invalid polygons (bow-tie, overlapping parts of a
multipolygon, a ring collapsed to a line) are repaired with makeValid or left out when nothing
polygonal is left, and each such feature is named in the log, whatever the Processing
context's invalid-geometry setting. Oracles: hand-computed lengths, areas and totals (squares
and triangles crossed by straight lines), QGIS' native:fixgeometries + native:intersection.
"""
import math

import pytest
from qgis import processing
from qgis.core import (
    Qgis,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
)

from .conftest import is_null, memory_layer, recording_feedback

# The bow-tie: two triangles meeting at (500 500); makeValid gives both, 0.5 km2 in all.
# At height y a horizontal line crosses each triangle over min(y, 1000 - y) metres.
BOWTIE = "POLYGON((0 0, 1000 1000, 1000 0, 0 1000, 0 0))"
# Two overlapping squares as the parts of one multipolygon: their union is 1500 x 1000 m.
OVERLAPPING = ("MULTIPOLYGON(((2000 0, 3000 0, 3000 1000, 2000 1000, 2000 0)),"
               "((2500 0, 3500 0, 3500 1000, 2500 1000, 2500 0)))")
SQUARE = "POLYGON((4000 0, 5000 0, 5000 1000, 4000 1000, 4000 0))"
COLLAPSED = "POLYGON((6000 0, 6010 0, 6020 0, 6000 0))"  # a ring with no area: nothing polygonal once repaired
COLLAPSED_ON_S = "POLYGON((4000 0, 4500 0, 5000 0, 4000 0))"  # the same, lying on the square's bottom edge
EMPTY = "POLYGON EMPTY"


def _check(name):
    """An invalid-geometry setting of a Processing context, on every QGIS version."""
    scoped = getattr(Qgis, "InvalidGeometryCheck", None)
    if scoped is not None:
        return getattr(scoped, name)
    return getattr(QgsFeatureRequest, "Geometry" + name)


CHECKS = ["NoCheck", "SkipInvalid", "AbortOnInvalid"]


def _run(name, params, check="NoCheck"):
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    context.setInvalidGeometryCheck(_check(check))
    log = recording_feedback()
    return processing.run(f"clusteratlas:{name}", params, context=context, feedback=log), log


def _native(alg, params):
    context = QgsProcessingContext()
    context.setInvalidGeometryCheck(_check("NoCheck"))
    return processing.run(alg, dict(params, OUTPUT="memory:"), context=context,
                          feedback=QgsProcessingFeedback())["OUTPUT"]


def _native_lengths(zones, network, key):
    """Metres of network per zone: native:fixgeometries, then native:intersection and $length."""
    fixed = _native("native:fixgeometries", {"INPUT": zones})
    pieces = _native("native:intersection", {"INPUT": network, "OVERLAY": fixed, "OVERLAY_FIELDS": [key]})
    lengths = {}
    for f in pieces.getFeatures():
        lengths[f[key]] = lengths.get(f[key], 0.0) + f.geometry().length()
    return lengths, fixed


# --- aggregatepostcodes ------------------------------------------------------------------------
def _reference():
    # fid: 1 square, 2 bow-tie, 3 overlapping parts, 4 EMPTY, 5 NULL, 6 collapsed
    return memory_layer("MultiPolygon", ["postcode:string"], [
        ("POLYGON((0 2000, 1000 2000, 1000 3000, 0 3000, 0 2000))", ["1000"]),
        (BOWTIE, ["1020"]), (OVERLAPPING, ["1030"]), (EMPTY, ["1040"]), (None, ["1050"]), (COLLAPSED, ["1060"]),
    ])


def _members(codes_and_jobs):
    rows = [(None, [f"e{i}", f"Entity {i}", "TIC", "company", "BE-" + code, jobs])
            for i, (code, jobs) in enumerate(codes_and_jobs)]
    return memory_layer("None", ["entity_id:string", "name:string", "cluster:string", "kind:string", "pc_key:string",
                            "employment:double"], rows, crs="")


MEMBERS = [("1000", 10.0), ("1020", 20.0), ("1030", 30.0), ("1040", 40.0), ("1050", 50.0), ("1060", 60.0)]


@pytest.mark.parametrize("check", CHECKS)
def test_aggregate_empty_like_null_and_invalid_repaired(plugin, check):
    from cluster_atlas.algorithms.aggregate_postcodes import REASON_NO_GEOMETRY

    # Population 3,000 in one municipality shared among its three codes by zone area: the repaired
    # areas 1.0, 0.5 and 1.5 km2 (the raw bow-tie has area 0, the raw overlapping parts 2.0 km2).
    population = memory_layer("None", ["nis:string", "pop:double"], [(None, ["M1", 3000.0])], crs="")
    lookup = memory_layer("None", ["code:string", "nis:string"],
                     [(None, [c, "M1"]) for c in ("1000", "1020", "1030", "1040", "1050", "1060")], crs="")
    res, log = _run("aggregatepostcodes", {
        "MEMBERS": _members(MEMBERS), "POSTCODES": _reference(), "POSTCODE_FIELD": "postcode",
        "POPULATION": population, "POPULATION_ID_FIELD": "nis", "POPULATION_FIELD": "pop",
        "LOOKUP": lookup, "LOOKUP_POSTCODE_FIELD": "code", "LOOKUP_MUNICIPALITY_FIELD": "nis",
        "OUTPUT": "memory:", "CIRCLES": "memory:", "UNMATCHED": "memory:"}, check)
    # Nothing lost: 10 + 20 + 30 on the map, 40 + 50 + 60 in UNMATCHED with the reason.
    assert res["EMPLOYMENT_TOTAL"] == 210 and res["EMPLOYMENT_MATCHED"] == 60 and res["EMPLOYMENT_UNMATCHED"] == 150
    unmatched = {f["pc_key"]: (f["employment"], f["reason"]) for f in res["UNMATCHED"].getFeatures()}
    assert unmatched == {"BE-1040": (40.0, REASON_NO_GEOMETRY), "BE-1050": (50.0, REASON_NO_GEOMETRY),
                         "BE-1060": (60.0, REASON_NO_GEOMETRY)}
    zones = {f["pc_key"]: f for f in res["OUTPUT"].getFeatures()}
    assert set(zones) == {"BE-1000", "BE-1020", "BE-1030"}
    areas = {k: f.geometry().area() for k, f in zones.items()}
    assert areas == pytest.approx({"BE-1000": 1e6, "BE-1020": 5e5, "BE-1030": 1.5e6}, abs=1e-6)
    assert all(f.geometry().isGeosValid() for f in zones.values())
    assert {k: f["population"] for k, f in zones.items()} == pytest.approx(
        {"BE-1000": 1000.0, "BE-1020": 500.0, "BE-1030": 1500.0})
    assert res["POPULATION_ALLOCATED"] == pytest.approx(3000.0)
    # Circles: one per code on the map, each a real point inside its repaired zone.
    circles = {f["pc_key"]: f.geometry() for f in res["CIRCLES"].getFeatures()}
    assert set(circles) == {"BE-1000", "BE-1020", "BE-1030"}
    triangles = [QgsGeometry.fromWkt("POLYGON((0 0, 500 500, 0 1000, 0 0))"),
                 QgsGeometry.fromWkt("POLYGON((1000 0, 500 500, 1000 1000, 1000 0))")]
    union = QgsGeometry.fromWkt("POLYGON((2000 0, 3500 0, 3500 1000, 2000 1000, 2000 0))")
    for key, point in circles.items():
        x, y = point.asPoint().x(), point.asPoint().y()
        assert math.isfinite(x) and math.isfinite(y), (key, point.asWkt())
    assert any(t.contains(circles["BE-1020"]) for t in triangles), circles["BE-1020"].asWkt()
    assert union.contains(circles["BE-1030"])
    # Each fault named by feature (fid and code).
    text = "\n".join(log.warnings)
    assert "POSTCODES: 1 feature(s) with an EMPTY geometry" in text and "fid 4 (BE-1040)" in text
    assert "POSTCODES: 1 feature(s) without geometry (NULL): fid 5 (BE-1050)" in text
    assert "2 invalid polygon(s)" in text and "fid 2 (BE-1020), fid 3 (BE-1030)" in text
    assert "1 invalid polygon(s) not used" in text and "fid 6 (BE-1060)" in text
    assert "3 postcode(s) of the reference layer have no usable geometry" in text


def test_aggregate_names_ten_faults_and_counts_the_rest(plugin):
    rows = [("POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))", ["1000"])] + [(EMPTY, [str(1100 + i)]) for i in range(12)]
    res, log = _run("aggregatepostcodes", {
        "MEMBERS": _members([("1000", 1.0), ("1111", 5.0)]), "POSTCODES": memory_layer("Polygon", ["postcode:string"], rows),
        "POSTCODE_FIELD": "postcode", "OUTPUT": "memory:", "CIRCLES": "memory:", "UNMATCHED": "memory:"})
    line = next(w for w in log.warnings if "EMPTY geometry" in w)
    assert "12 feature(s)" in line and line.count("fid ") == 10 and "fid 11 (BE-1109)" in line
    assert "fid 12 " not in line and "and 2 more" in line
    assert res["EMPLOYMENT_MATCHED"] == 1.0 and res["EMPLOYMENT_UNMATCHED"] == 5.0


def test_aggregate_empty_points_like_null(plugin):
    points = memory_layer("Point", ["postcode:string"], [("POINT(10 20)", ["1000"]), ("POINT EMPTY", ["1020"]),
                                                    (None, ["1030"])])
    res, log = _run("aggregatepostcodes", {
        "MEMBERS": _members([("1000", 1.0), ("1020", 2.0), ("1030", 4.0)]), "POSTCODES": points,
        "POSTCODE_FIELD": "postcode", "OUTPUT": "memory:", "CIRCLES": "memory:", "UNMATCHED": "memory:"},
        "AbortOnInvalid")
    assert res["EMPLOYMENT_MATCHED"] == 1.0 and res["EMPLOYMENT_UNMATCHED"] == 6.0
    assert [f.geometry().asWkt() for f in res["CIRCLES"].getFeatures()] == ["Point (10 20)"]
    assert any("fid 2 (BE-1020)" in w and "EMPTY" in w for w in log.warnings), log.warnings


def test_aggregate_refuses_a_reference_without_any_usable_geometry(plugin):
    from qgis.core import QgsProcessingException

    reference = memory_layer("Polygon", ["postcode:string"], [(EMPTY, ["1000"]), (COLLAPSED, ["1020"])])
    with pytest.raises(QgsProcessingException, match="usable geometry"):
        _run("aggregatepostcodes", {"MEMBERS": _members([("1000", 1.0)]), "POSTCODES": reference,
                                    "POSTCODE_FIELD": "postcode", "OUTPUT": "memory:", "CIRCLES": "memory:",
                                    "UNMATCHED": "memory:"})


# --- networkoverlay ------------------------------------------------------------------------------
def _zones():
    # fid: 1 bow-tie T, 2 overlapping parts M, 3 square S, 4 EMPTY E, 5 NULL N, 6 collapsed C
    return memory_layer("MultiPolygon", ["pc:string", "emp:double"], [
        (BOWTIE, ["T", 1.0]), (OVERLAPPING, ["M", 2.0]), (SQUARE, ["S", 3.0]), (EMPTY, ["E", 4.0]),
        (None, ["N", 5.0]), (COLLAPSED_ON_S, ["C", 6.0]),
    ])


def _network():
    return memory_layer("LineString", ["type:string"], [
        ("LINESTRING(-500 250, 6500 250)", ["a"]),  # T 2 x 250, M 1500 (not 2000), S 1000, 3500 outside
        # Along S's bottom edge, where C collapses: 1000 m in S, once (C, a line once repaired, has none)
        ("LINESTRING(4000 0, 5000 0)", ["a"]),
        ("LINESTRING(2700 500, 2800 500)", ["a"]),  # inside both parts of M: 100 m, once
        ("LINESTRING(900 400, 900 600)", ["a"]),  # inside T's right triangle: 200 m
        # Inside M along x = 3000, where makeValid also returns the part's edge as a line: 800 m, once
        ("LINESTRING(3000 100, 3000 900)", ["a"]),
    ])


HAND_KM = {"T": 0.7, "M": 2.4, "S": 2.0}


@pytest.mark.parametrize("check", CHECKS)
def test_network_lengths_on_repaired_zones(plugin, check):
    zones, network = _zones(), _network()
    res, log = _run("networkoverlay", {"ZONES": zones, "EMPLOYMENT_FIELD": "emp", "NETWORK": network,
                                       "ZONE_KEY_FIELD": "pc", "OUTPUT": "memory:", "SUMMARY": "memory:"}, check)
    out = {f["pc"]: f for f in res["OUTPUT"].getFeatures()}
    assert set(out) == set("TMSENC")  # every zone kept in OUTPUT
    got = {k: out[k]["len_km_all"] for k in HAND_KM}
    assert got == pytest.approx(HAND_KM, abs=1e-9)
    assert all(is_null(out[k]["len_km_all"]) for k in "ENC")  # no usable geometry: no length, not 0
    assert {k: out[k]["area_km2"] for k in HAND_KM} == pytest.approx({"T": 0.5, "M": 1.5, "S": 1.0})
    # Oracle: QGIS' own repair and intersection.
    native, fixed = _native_lengths(zones, network, "pc")
    assert {k: native.get(k, 0.0) / 1000 for k in HAND_KM} == pytest.approx(HAND_KM, abs=1e-9)
    # The sum over these disjoint zones is the network length inside their union, never more.
    union = QgsGeometry.unaryUnion([f.geometry() for f in fixed.getFeatures() if f["pc"] in HAND_KM])
    inside = sum(f.geometry().intersection(union).length() for f in network.getFeatures())
    assert sum(got.values()) == pytest.approx(inside / 1000, abs=1e-9)
    every_zone = sum(f["len_km_all"] for f in out.values() if not is_null(f["len_km_all"]))
    assert every_zone == pytest.approx(inside / 1000, abs=1e-9)  # nothing counted twice (C held 1 km before)
    network_km = [r["network_km"] for r in res["SUMMARY"].getFeatures()]
    assert network_km and network_km == pytest.approx([inside / 1000] * len(network_km), abs=1e-9)
    # Both length paths ran on the repaired zones: the zone grid (the three short lines) and GEOS.
    assert any("(of which 3 found by the zone grid" in line for line in log.infos), log.infos
    text = "\n".join(log.warnings)
    assert "ZONES: 2 invalid polygon(s)" in text and "fid 1 (T), fid 2 (M)" in text
    assert "ZONES: 1 feature(s) with an EMPTY geometry" in text and "fid 4 (E)" in text
    assert "ZONES: 1 feature(s) without geometry (NULL): fid 5 (N)" in text
    assert "ZONES: 1 invalid polygon(s) not used" in text and "fid 6 (C)" in text


def test_network_many_invalid_zones_against_native(plugin):
    """A 12 x 12 lattice of bow-ties and overlapping-part zones crossed by 24 long lines and 144 short
    ones (the grid's shortcut) against native:fixgeometries + native:intersection."""
    rows, lines = [], []
    for i in range(12):
        for j in range(12):
            x, y = 1000 * i, 1000 * j
            if (i + j) % 2:
                wkt = f"POLYGON(({x} {y}, {x + 1000} {y + 1000}, {x + 1000} {y}, {x} {y + 1000}, {x} {y}))"
            else:
                wkt = (f"MULTIPOLYGON((({x} {y}, {x + 600} {y}, {x + 600} {y + 1000}, {x} {y + 1000}, {x} {y})),"
                       f"(({x + 400} {y}, {x + 1000} {y}, {x + 1000} {y + 1000}, {x + 400} {y + 1000}, {x + 400} {y})))")
            rows.append((wkt, [f"z{i}_{j}", 1.0]))
            lines.append((f"LINESTRING({x + 850} {y + 450}, {x + 850} {y + 550})", ["a"]))
        lines.append((f"LINESTRING(-100 {1000 * i + 137}, 12100 {1000 * i + 611})", ["a"]))
        lines.append((f"LINESTRING({1000 * i + 263} -100, {1000 * i + 731} 12100)", ["a"]))
    zones = memory_layer("MultiPolygon", ["pc:string", "emp:double"], rows)
    network = memory_layer("LineString", ["type:string"], lines)
    res, log = _run("networkoverlay", {"ZONES": zones, "EMPLOYMENT_FIELD": "emp", "NETWORK": network,
                                       "OUTPUT": "memory:", "SUMMARY": "memory:"}, "AbortOnInvalid")
    got = {f["pc"]: f["len_km_all"] * 1000 for f in res["OUTPUT"].getFeatures()}
    native, fixed = _native_lengths(zones, network, "pc")
    assert got == pytest.approx({k: native.get(k, 0.0) for k in got}, abs=1e-6)
    union = QgsGeometry.unaryUnion([f.geometry() for f in fixed.getFeatures()])
    inside = sum(f.geometry().intersection(union).length() for f in network.getFeatures())
    assert sum(got.values()) == pytest.approx(inside, abs=1e-6)
    grid = next(line for line in log.infos if "found by the zone grid" in line)
    assert "(of which 144 found by the zone grid" in grid, grid
    assert any("ZONES: 144 invalid polygon(s)" in w and "and 134 more" in w for w in log.warnings), log.warnings


# --- postcodezones -------------------------------------------------------------------------------
def test_postcode_zones_boundary_faults_named(plugin):
    points = memory_layer("Point", ["postcode:string"], [("POINT(250 500)", ["1000"]), ("POINT(750 500)", ["1020"]),
                                                    ("POINT EMPTY", ["1030"])])
    boundary = memory_layer("MultiPolygon", ["name:string"], [
        (BOWTIE, ["bow"]), (EMPTY, ["empty"]), (None, ["null"]), (COLLAPSED, ["flat"])])
    res, log = _run("postcodezones", {"POINTS": points, "POSTCODE_FIELD": "postcode", "BOUNDARY": boundary,
                                      "TARGET_CRS": "EPSG:31370", "OUTPUT": "memory:", "REPORT": "memory:"},
                    "AbortOnInvalid")
    zones = {f["pc_key"]: f for f in res["OUTPUT"].getFeatures()}
    # The repaired bow-tie (two triangles) split between the two points: 0.25 km2 each.
    assert {k: f["area_km2"] for k, f in zones.items()} == pytest.approx({"BE-1000": 0.25, "BE-1020": 0.25})
    report = [(f["pc_key"], f["raw_code"], f["rule"]) for f in res["REPORT"].getFeatures()]
    assert (None, "1030", "missing_geometry") in report  # the EMPTY point, like a NULL one
    text = "\n".join(log.warnings)
    assert "BOUNDARY: 1 invalid polygon(s) (self-intersection" in text and "fid 1" in text
    assert "BOUNDARY: 1 feature(s) with an EMPTY geometry" in text and "fid 2" in text
    assert "BOUNDARY: 1 feature(s) without geometry (NULL): fid 3" in text
    assert "BOUNDARY: 1 invalid polygon(s) not used" in text and "fid 4" in text
