"""Sanity case: reading the real postcode zones through QGIS vs through OGR/pandas.

Keeps the harness exercised even before algorithm benchmarks exist, and gives
the cost of merely opening/reading a real layer on this machine.
"""
from harness import Case, qgis_app


def prepare(ctx):
    path = ctx.shared / "be_postcode_zones_voronoi.gpkg"
    if not path.exists():
        raise FileNotFoundError(f"{path} not found: ../shared/data is needed for this case")
    return {"uri": f"{path}|layername=postcode_zones"}


def read_with_geometry(state):
    qgis_app()
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(state["uri"], "zones", "ogr")
    n = sum(1 for f in layer.getFeatures() if f.geometry() is not None)
    assert n == layer.featureCount()


def read_attributes_only(state):
    qgis_app()
    from qgis.core import QgsFeatureRequest, QgsVectorLayer

    from cluster_atlas import compat

    layer = QgsVectorLayer(state["uri"], "zones", "ogr")
    request = QgsFeatureRequest().setFlags(compat.FEATURE_REQUEST_NO_GEOMETRY)
    sum(1 for _ in layer.getFeatures(request))


CASES = [
    Case(
        name="read_zones",
        prepare=prepare,
        subject=read_with_geometry,
        references={"read_attributes_only": read_attributes_only},
        sizes=[1144],
        note="real 1,144 postcode zones; harness self-check",
    )
]
