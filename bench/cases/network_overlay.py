"""clusteratlas:networkoverlay on the real ~744,000 segments (OSM railways +
waterways of Belgium, 50,313 lines) over the 1,144 postal zones.

References, in the same run:
* ``ours_with_members``: ours again with the 1,144 postcode points as geocoded members (weighted zone
  centres and per-member distances), i.e. what the members option costs;
* ``native_chain``: what a user would build for the same figures with QGIS'
  own algorithms: extract each class, spatial index, ``native:sumlinelengths``
  per class (chained), ``native:pointonsurface``, ``native:joinbynearest`` per
  class (chained), ``native:joinattributestable`` to bring distances back to
  the zones;
* ``native_chain_no_index``: the same chain with temporary (memory) outputs as
  the desktop makes them, without a spatial index on the extracts;
* ``read_network``: merely iterating the network layer with its geometries;
* ``read_network_metric``: the same read transformed into the zones' CRS
  (the least work any metric answer needs).
* ``check_vs_native``: not a timing — compares the outputs of ``ours`` and
  ``native_chain`` (per-zone lengths rel. diff < 1e-6, distances < 1e-6 m)
  and raises when they disagree.

Classes: OSM ``rail``/``tram``/``subway``/``light_rail`` stand in for fibre, every other type
for copper (no open copper/fibre layer exists).
"""
import json
import subprocess
from pathlib import Path

from harness import Case, qgis_app

CLASS_MAP = "rail=fibre; tram=fibre; subway=fibre; light_rail=fibre; *=copper"
FIBRE_EXPR = "lower(\"type\") IN ('rail', 'tram', 'subway', 'light_rail')"
COPPER_EXPR = "NOT (" + FIBRE_EXPR + ") OR \"type\" IS NULL"


def prepare(ctx):
    rail = ctx.shared / "be_osm_railways_2015.gpkg"
    water = ctx.shared / "be_osm_waterways_2015.gpkg"
    zones_src = ctx.shared / "be_postcode_zones_voronoi.gpkg"
    for path in (rail, water, zones_src):
        if not path.exists():
            raise FileNotFoundError(f"{path} not found: ../shared/data is needed for this case")
    network = ctx.workdir / "network.gpkg"
    zones = ctx.workdir / "zones.gpkg"
    # Merged once with ogr2ogr (no QGIS in the parent process: children are forked from it).
    subprocess.run(["ogr2ogr", "-f", "GPKG", str(network), str(rail), "railways", "-nln", "network"], check=True)
    subprocess.run(["ogr2ogr", "-append", str(network), str(water), "waterways", "-nln", "network"], check=True)
    subprocess.run(["ogr2ogr", "-f", "GPKG", str(zones), str(zones_src), "-dialect", "SQLite", "-nln", "zones",
                    "-sql", "SELECT *, (fid * 37 % 101) * 3.5 AS emp FROM postcode_zones"], check=True)
    members = ctx.workdir / "members.gpkg"
    subprocess.run(["ogr2ogr", "-f", "GPKG", str(members), str(ctx.shared / "be_postcode_points.gpkg"), "-dialect",
                    "SQLite", "-nln", "members", "-sql",
                    "SELECT *, (fid * 13 % 29) * 2.0 AS staff FROM \"be_postcode_points\""], check=True)
    return {"network": f"{network}|layername=network", "zones": f"{zones}|layername=zones",
            "members": f"{members}|layername=members", "workdir": str(ctx.workdir)}


def _context():
    from qgis.core import QgsProcessingContext, QgsProject

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    context.setEllipsoid("NONE")  # planar, the same method on both sides
    return context


def _run(alg, params, context):
    from qgis import processing
    from qgis.core import QgsProcessingFeedback

    return processing.run(alg, params, context=context, feedback=QgsProcessingFeedback())


def ours(state, **extra):
    qgis_app()
    params = {
        "ZONES": state["zones"], "EMPLOYMENT_FIELD": "emp", "NETWORK": state["network"], "CLASS_FIELD": "type",
        "CLASS_MAP": CLASS_MAP, "DISTANCES": "1, 2, 5",
        "OUTPUT": str(Path(state["workdir"]) / "ours.gpkg"), "SUMMARY": "memory:",
        "REPORT": str(Path(state["workdir"]) / "report.html")}
    params.update(extra)
    _run("clusteratlas:networkoverlay", params, _context())


def ours_with_members(state):
    """The same with 1,144 geocoded members (weighted zone centres + per-member distances)."""
    ours(state, MEMBERS=state["members"], MEMBER_EMPLOYMENT_FIELD="staff",
         OUTPUT=str(Path(state["workdir"]) / "ours_members.gpkg"),
         MEMBER_DISTANCES=str(Path(state["workdir"]) / "member_distances.gpkg"))


def native_chain(state, index=True):
    qgis_app()
    context = _context()
    lines = {}
    for cls, expr in (("fibre", FIBRE_EXPR), ("copper", COPPER_EXPR)):
        sub = _run("native:extractbyexpression", {"INPUT": state["network"], "EXPRESSION": expr,
                                                  "OUTPUT": "memory:"}, context)["OUTPUT"]
        if index:
            _run("native:createspatialindex", {"INPUT": sub}, context)
        lines[cls] = sub
    zones = state["zones"]
    for cls, sub in lines.items():
        zones = _run("native:sumlinelengths", {"POLYGONS": zones, "LINES": sub, "LEN_FIELD": f"len_{cls}",
                                               "COUNT_FIELD": f"n_{cls}", "OUTPUT": "memory:"}, context)["OUTPUT"]
    points = _run("native:pointonsurface", {"INPUT": state["zones"], "ALL_PARTS": False, "OUTPUT": "memory:"},
                  context)["OUTPUT"]
    for cls, sub in lines.items():
        points = _run("native:joinbynearest", {"INPUT": points, "INPUT_2": sub, "FIELDS_TO_COPY": ["type"],
                                               "DISCARD_NONMATCHING": False, "PREFIX": f"{cls}_", "NEIGHBORS": 1,
                                               "MAX_DISTANCE": None, "OUTPUT": "memory:"}, context)["OUTPUT"]
        points = _run("native:renametablefield", {"INPUT": points, "FIELD": "distance", "NEW_NAME": f"dist_{cls}",
                                                  "OUTPUT": "memory:"}, context)["OUTPUT"]
    _run("native:joinattributestable", {
        "INPUT": zones, "FIELD": "postcode", "INPUT_2": points, "FIELD_2": "postcode",
        "FIELDS_TO_COPY": ["dist_fibre", "dist_copper"], "METHOD": 1, "DISCARD_NONMATCHING": False, "PREFIX": "",
        "OUTPUT": str(Path(state["workdir"]) / ("native.gpkg" if index else "native_noindex.gpkg"))}, context)


def native_chain_no_index(state):
    """The same chain as built in the desktop with temporary outputs: no spatial index on the extracts."""
    native_chain(state, index=False)


def read_network(state):
    qgis_app()
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(state["network"], "network", "ogr")
    n = sum(1 for f in layer.getFeatures() if f.geometry() is not None)
    assert n == layer.featureCount() == 50313, n


def read_network_metric(state):
    qgis_app()
    from qgis.core import QgsCoordinateReferenceSystem, QgsFeatureRequest, QgsProject, QgsVectorLayer

    layer = QgsVectorLayer(state["network"], "network", "ogr")
    request = QgsFeatureRequest().setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:31370"),
                                                    QgsProject.instance().transformContext())
    assert sum(1 for f in layer.getFeatures(request) if f.geometry() is not None) == 50313


def check_vs_native(state):
    qgis_app()
    from qgis.core import QgsVectorLayer

    work = Path(state["workdir"])
    ours_layer = QgsVectorLayer(str(work / "ours.gpkg"), "ours", "ogr")
    native_layer = QgsVectorLayer(str(work / "native.gpkg"), "native", "ogr")
    native = {f["postcode"]: f for f in native_layer.getFeatures()}
    worst = {"len_rel": 0.0, "dist_abs_m": 0.0, "zones": 0}
    for f in ours_layer.getFeatures():
        n = native[f["postcode"]]
        for cls in ("fibre", "copper"):
            expected, got = n[f"len_{cls}"], f[f"len_km_{cls}"] * 1000.0
            worst["len_rel"] = max(worst["len_rel"], abs(got - expected) / max(abs(expected), 1.0))
            worst["dist_abs_m"] = max(worst["dist_abs_m"], abs(f[f"dist_km_{cls}"] * 1000.0 - n[f"dist_{cls}"]))
        worst["zones"] += 1
    print("network_overlay agreement with the native chain:", json.dumps(worst))
    assert worst["zones"] == 1144 and worst["len_rel"] < 1e-6 and worst["dist_abs_m"] < 1e-6, worst


CASES = [
    Case(
        name="network_overlay",
        prepare=prepare,
        subject=ours,
        references={"ours_with_members": ours_with_members, "native_chain": native_chain, "native_chain_no_index": native_chain_no_index,
                    "read_network": read_network,
                    "read_network_metric": read_network_metric, "check_vs_native (not a timing)": check_vs_native},
        sizes=[744000],
        note="real OSM railways+waterways (50,313 lines, ~744,000 segments) x 1,144 postal zones",
    )
]
