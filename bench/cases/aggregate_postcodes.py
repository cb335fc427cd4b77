"""aggregatepostcodes: N memberships onto the 1,144 real Belgian postal zones.

``aggregate_postcodes``: ours against merely reading the inputs through QGIS
(every member attribute, zone geometries) and through GDAL's Arrow stream.
``aggregate_postcodes_native``: ours against QGIS' own chain doing the same
work (native:aggregate entity once per zone, native:aggregate per zone,
native:fieldcalculator + native:joinattributestable onto the zones,
qgis:statisticsbycategories per zone x cluster). native:aggregate builds one
memory layer per group, so that chain runs at small sizes only; its time at 1M
is extrapolated from two sizes (say so when quoting it).

Member tables are generated (realistic shape: ~1.75 clusters per entity,
log-normal headcounts, 3 % unknown, 1 % of entities at codes absent from the
zones), written once per size as GeoPackage tables in the documented schema,
and cached in the system temp folder.
"""
import tempfile
from pathlib import Path

from harness import Case, qgis_app

CLUSTERS = ["TIC", "TWIST", "Éco-construction", "Logistique & transport en Wallonie et au Grand-Duché",
            "BioWin santé", "Aéronautique et spatial", "Nutrition", "Auto-mobilité"]
KINDS = ["company", "training", "public", "research"]
CACHE = Path(tempfile.gettempdir()) / "clusteratlas-bench-cache"


def _zones(ctx):
    path = ctx.shared / "be_postcode_zones_voronoi.gpkg"
    if not path.exists():
        raise FileNotFoundError(f"{path} not found: ../shared/data is needed for this case")
    return f"{path}|layername=postcode_zones"


def _member_table(size, codes, seed=2011):
    import numpy as np
    import pandas as pd

    from cluster_atlas.core.text import normalise_keys

    rng = np.random.default_rng(seed)
    n_entities = max(1, int(size / 1.75))
    draws = int(size * 1.3) + 10  # duplicates (same entity and cluster) are dropped: draw more, keep `size`
    entity_of_row = rng.integers(0, n_entities, draws)
    cluster_of_row = rng.integers(0, len(CLUSTERS), draws)
    table = pd.DataFrame({"e": entity_of_row, "c": cluster_of_row}).drop_duplicates().head(size)
    home = np.asarray(codes, dtype=object)[rng.integers(0, len(codes), n_entities)]
    elsewhere = rng.random(n_entities) < 0.01
    home[elsewhere] = "BE-1001"  # no such zone: goes to UNMATCHED
    headcount = np.round(rng.lognormal(2.3, 1.3, n_entities), 1)
    unknown = rng.random(n_entities) < 0.03
    headcount[unknown] = np.nan
    estimated = (rng.random(n_entities) < 0.12) & ~unknown
    kind = np.asarray(KINDS, dtype=object)[rng.integers(0, len(KINDS), n_entities)]
    e, c = table["e"].to_numpy(), table["c"].to_numpy()
    pc = home[e]
    out = pd.DataFrame({
        "entity_id": np.char.add("ent", e.astype(str)).astype(object),
        "name": np.char.add("Entity ", e.astype(str)).astype(object),
        "cluster": np.asarray(CLUSTERS, dtype=object)[c],
        "kind": kind[e],
        "pc_key": pc,
        "employment": headcount[e],
        "employment_estimated": estimated[e],
        "employment_unknown": unknown[e],
    })
    out["cluster_key"] = normalise_keys(out["cluster"]).to_numpy()
    out["kind_label"] = out["kind"]
    out["country"] = [p[:2] for p in pc]
    out["postcode"] = [p[3:] for p in pc]
    out["year"] = 2011
    out["source_row"] = np.arange(1, len(out) + 1)
    out["flags"] = np.where(unknown[e], "employment_unknown", np.where(estimated[e], "employment_estimated", ""))
    return out


def prepare(ctx):
    qgis_app()
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsProject,
        QgsVectorFileWriter,
        QgsVectorLayer,
    )

    from cluster_atlas import compat
    from cluster_atlas.algorithms.table_io import make_fields, write_dataframe

    zones = _zones(ctx)
    CACHE.mkdir(exist_ok=True)
    members = CACHE / f"members-v2-{ctx.size}.gpkg"
    if not members.exists():
        codes = ["BE-" + f["postcode"] for f in QgsVectorLayer(zones, "z", "ogr").getFeatures()]
        table = _member_table(ctx.size, codes)
        types = {"employment": "double", "employment_estimated": "bool", "employment_unknown": "bool",
                 "year": "int", "source_row": "int"}
        columns = ["entity_id", "name", "cluster", "cluster_key", "kind", "kind_label", "country", "postcode",
                   "pc_key", "employment", "employment_estimated", "employment_unknown", "year", "source_row",
                   "flags"]
        schema = [(name, types.get(name, "string")) for name in columns]
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = "members"
        partial = members.with_suffix(".partial.gpkg")
        writer = QgsVectorFileWriter.create(str(partial), make_fields(schema), compat.WKB_NO_GEOMETRY,
                                            QgsCoordinateReferenceSystem(), QgsProject.instance().transformContext(),
                                            options)
        write_dataframe(table[columns], writer, schema)
        del writer
        partial.rename(members)
    return {"members": str(members), "zones": zones, "out": str(ctx.workdir)}


def ours(state):
    qgis_app()
    from qgis import processing

    result = processing.run("clusteratlas:aggregatepostcodes", {
        "MEMBERS": state["members"], "POSTCODES": state["zones"], "POSTCODE_FIELD": "postcode",
        "OUTPUT": state["out"] + "/zones.gpkg", "CIRCLES": state["out"] + "/circles.gpkg",
        "UNMATCHED": state["out"] + "/unmatched.gpkg",
    })
    assert result["ZONES"] > 0


def read_inputs_qgis(state):
    """Every attribute of every membership, and the zones with their geometry, through QGIS."""
    qgis_app()
    from qgis.core import QgsFeatureRequest, QgsVectorLayer

    from cluster_atlas import compat

    members = QgsVectorLayer(state["members"], "m", "ogr")
    request = QgsFeatureRequest().setFlags(compat.FEATURE_REQUEST_NO_GEOMETRY)
    rows = [f.attributes() for f in members.getFeatures(request)]
    zones = [(f.attributes(), f.geometry()) for f in QgsVectorLayer(state["zones"], "z", "ogr").getFeatures()]
    assert rows and zones


def read_inputs_qgis_no_attributes(state):
    """Iterating the memberships without touching their attributes in Python (QGIS' floor)."""
    qgis_app()
    from qgis.core import QgsFeatureRequest, QgsVectorLayer

    from cluster_atlas import compat

    members = QgsVectorLayer(state["members"], "m", "ogr")
    request = QgsFeatureRequest().setFlags(compat.FEATURE_REQUEST_NO_GEOMETRY)
    assert sum(1 for _ in members.getFeatures(request)) > 0


def read_inputs_gdal_arrow(state):
    """The memberships through GDAL's Arrow stream, raw numpy batches (no decoding)."""
    from osgeo import ogr

    dataset = ogr.Open(state["members"])
    layer = dataset.GetLayer(0)
    assert sum(len(batch["entity_id"]) for batch in layer.GetArrowStreamAsNumPy()) > 0


def _aggregates(*specs):
    return [{"aggregate": how, "delimiter": ",", "input": expression, "length": 0, "name": name, "precision": 0,
             "type": type_id} for name, expression, how, type_id in specs]


def native_chain(state):
    """The same figures with QGIS' own algorithms (entity once per zone, per cluster)."""
    qgis_app()
    from qgis import processing

    def run(alg, **params):
        return processing.run(alg, dict(params, OUTPUT="memory:"))["OUTPUT"]

    per_entity = run("native:aggregate", INPUT=state["members"], GROUP_BY="concat(\"pc_key\", '|', \"entity_id\")",
                     AGGREGATES=_aggregates(("pc_key", '"pc_key"', "first_value", 10),
                                            ("employment", '"employment"', "maximum", 6)))
    totals = run("native:aggregate", INPUT=per_entity, GROUP_BY='"pc_key"',
                 AGGREGATES=_aggregates(("pc_key", '"pc_key"', "first_value", 10),
                                        ("employment", 'coalesce("employment", 0)', "sum", 6),
                                        ("entities", '"pc_key"', "count", 4)))
    keyed = run("native:fieldcalculator", INPUT=state["zones"], FIELD_NAME="pc_key", FIELD_TYPE=2, FIELD_LENGTH=0,
                FIELD_PRECISION=0, FORMULA="'BE-' || \"postcode\"")
    run("native:joinattributestable", INPUT=keyed, FIELD="pc_key", INPUT_2=totals, FIELD_2="pc_key",
        FIELDS_TO_COPY=["employment", "entities"], METHOD=1, DISCARD_NONMATCHING=False, PREFIX="")
    run("qgis:statisticsbycategories", INPUT=state["members"], VALUES_FIELD_NAME="employment",
        CATEGORIES_FIELD_NAME=["pc_key", "cluster_key"])


CASES = [
    Case(
        name="aggregate_postcodes",
        prepare=prepare,
        subject=ours,
        references={
            "read_inputs_qgis": read_inputs_qgis,
            "read_inputs_qgis_no_attributes": read_inputs_qgis_no_attributes,
            "read_inputs_gdal_arrow": read_inputs_gdal_arrow,
        },
        sizes=[1000000],
        note="N memberships onto the 1,144 real zones vs reading the inputs",
    ),
    Case(
        name="aggregate_postcodes_native",
        prepare=prepare,
        subject=ours,
        references={"native_chain": native_chain},
        sizes=[5000, 20000, 50000],
        note="vs native:aggregate + joinattributestable + statisticsbycategories (small N only: extrapolate)",
    ),
]
