"""Regenerate the bundled Processing model resources/models/atlas_chain.model3
(run after changing a parameter of the chained algorithms), on QGIS 3.22, the host's:

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_models.py

QGIS 3.40+ would name the model's outputs after their descriptions ("circles" instead of
"AGGREGATE:CIRCLES", the stable names scripts and models use) and write a newer format: the
file written on 3.22 loads with the same names on every supported version (tests/test_model.py).

The model chains the plugin's algorithms the way scripts/demo.sh does:
importmembers -> aggregatepostcodes -> networkoverlay -> exportatlasmap (the
page carries the overlay's measure) when a network is given; importmembers ->
aggregatepostcodes -> exportatlasmap (child EXPORT_NO_NETWORK) when none is: a
conditional branch chooses, as QGIS models cannot join two branches into one
step (a step fed by a skipped one is skipped too). The provider gives both page
steps the one output EXPORT:PAGE (provider.AtlasChainModel). Its model inputs are
clones of the child algorithms' own parameter definitions, so types, filters
and defaults stay those of the algorithms. The provider exposes the file as
``clusteratlas:atlaschain``; users can also open it in the graphical modeller.
"""
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Qt writes XML attributes in hash order: a fixed seed gives the same file (and small diffs) every run.
os.environ.setdefault("QT_HASH_SEED", "0")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / ".build" / "plugins"))
MODEL_PATH = ROOT / "resources" / "models" / "atlas_chain.model3"

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsProcessing,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildDependency,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterField,
)
from qgis.PyQt.QtCore import QPointF  # noqa: E402

from cluster_atlas import compat  # noqa: E402

MODEL_NAME = "Atlas chain"
GROUP, GROUP_ID = "Cartography", "cartography"

HELP = (
    "<p>Runs the whole Cluster Atlas chain in one step, as the demo does: "
    "<b>Import cluster members</b> (importmembers) &rarr; <b>Employment per postal code</b> (aggregatepostcodes, "
    "on a postcode points or zones layer you choose) &rarr; <b>Network overlay</b> (networkoverlay, only when a "
    "network layer is given) &rarr; <b>Export atlas map</b> (exportatlasmap, a PDF or PNG page). With a network "
    "the page is made after the overlay and its side block \"Méthodo. et stat.\" states the overlay's measure "
    "(share of employment within the first distance of the network, share of the area, Spearman's rho); without "
    "one the page has no network and no such line.</p>"
    "<p>Styling: no separate style step is needed. Each step styles its own layer outputs with the atlas "
    "symbology (circles with area proportional to employment, zone outlines, the overlay zones), applied when "
    "they are loaded in QGIS and stored as the default style of their GeoPackage, so they open styled also after "
    "a headless run; the page draws the circles by cluster, the network by class (copper, fibre, other: "
    "CLASS_FIELD and CLASS_MAP, as in the overlay), the zones and the region.</p>"
    "<p>Every step keeps its own accounting: rows that cannot be used end in the rejects output, members whose "
    "postal code is not in the reference layer end in the unmatched output, and each step's log gives the totals. "
    "Open the model in the graphical modeller (Processing &#9656; Models &#9656; Open existing model, file "
    "resources/models/atlas_chain.model3 of the plugin) to change the settings it does not expose "
    "(fields detection, filters, page texts).</p>"
    "<h3>Method</h3><p>The atlas method, step by step: each cluster's employment is summed per postal code, an "
    "entity counted once per cluster and once in the totals; circle areas are proportional to employment; the "
    "network figures are lengths of network inside each zone, distances from each zone to the network and the "
    "Spearman correlation between employment density and network density. Densities and the correlation need "
    "zones (polygons, e.g. from Postal zones from postcode points); with a points reference only distances to the "
    "network are measured.</p>"
    "<h3>Example</h3><p>MEMBERS = <code>sample_data/members.csv</code>, EMPLOYMENT_CEILING = 3000, POSTCODES = "
    "<code>sample_data/postcode_points.gpkg</code> (layer <code>postcode_points</code>), POSTCODE_FIELD = "
    "<code>postcode</code>, NETWORK = <code>sample_data/network_illustrative.gpkg</code>, CLASS_FIELD = "
    "<code>class</code>, CLASS_MAP empty (the sample's classes are already copper/fibre), BOUNDARY = <code>sample_data/boundaries.gpkg</code> (layer <code>wallonia</code>), "
    "PER_CLUSTER = yes, EXPORT:PAGE = <code>atlas.pdf</code>: a PDF of 4 pages, one per cluster; IMPORT:REJECTED "
    "holds the 3 rejected rows and AGGREGATE:UNMATCHED the Luxembourg member (LU-4365, employment 85).</p>"
)
# Inputs the model hands as they are to a step: the model input has the step's parameter
# name, a clone of its definition (label, type, default) and, when given, help from
# PARAM_HELP. Giving the model one more parameter of a step is one name here.
PASSED_INPUTS = {
    "importmembers": ["SHEET", "CLUSTER_SEPARATORS", "CLUSTER_NAMES", "EXCLUDE", "EXCLUSIONS"],
    "exportatlasmap": ["SOURCES", "AUTHORS", "CREDITS"],
}
PARAM_HELP = {
    "MEMBERS": "The member table: one row per entity and cluster (CSV, XLSX/ODS or any layer or table). "
               "Columns are detected as by Import member table.",
    "EMPLOYMENT_CEILING": "Entities with more employment than this in a cluster are rejected (e.g. a whole "
                          "university); 0 keeps everything.",
    "YEAR": "For a member list covering several years (a year column): the year to map. Required then; "
            "empty for a list of one year.",
    "POSTCODES": "Postal-code reference: zones (polygons; needed for network densities and the correlation) or "
                 "points (one per code). Circles are placed on it.",
    "POSTCODE_FIELD": "Field of the reference layer holding the postal code.",
    "NETWORK": "Optional network lines (e.g. copper/fibre). Without it the network step is skipped and the page "
               "has no network.",
    "CLASS_FIELD": "Optional field of the network giving its type (class) for per-class figures and the "
                   "line symbols of the page; default the field 'class' on the page.",
    "CLASS_MAP": "Optional map of the type values onto classes, e.g. rail=fibre; *=other (as in Network "
                 "overlay), used by the figures and the page.",
    "BOUNDARY": "Optional region boundary drawn on the page and used for the map extent.",
    "SHEET": "Sheet of a workbook member table, by name or 0-based number; empty = the first sheet.",
    "CLUSTER_SEPARATORS": "Characters that always separate several clusters in one cell (default ;|); / , + & "
                          "and et/en/and separate only clusters named on their own (as in Import member table).",
    "CLUSTER_NAMES": "Known cluster names separated by ';' or new lines: a cell such as 'Transport/Logistique' "
                     "is split when its pieces are listed here (as in Import member table).",
    "EXCLUDE": "Entities to leave out, separated by ';' or new lines: name, or name @ cluster (e.g. a whole "
               "university or a group headcount). They go to the rejects with their employment.",
    "EXCLUSIONS": "Optional table of entities to leave out (a name or id column, optional cluster and note "
                  "columns), as in Import member table.",
    "SOURCES": "Data sources printed on the page (side block).",
    "AUTHORS": "Authors printed on the page (side block).",
    "CREDITS": "Credits line printed under the map.",
    "TITLE": "Title printed on the page.",
    "PER_CLUSTER": "Write one page per cluster (PDF) instead of one page with all clusters.",
    "IMPORT:MEMBERS": "Member table: one row per entity and cluster, as importmembers writes it.",
    "IMPORT:REJECTED": "Rows or memberships not used, with the reason and rule.",
    "AGGREGATE:ZONES": "Employment per postal code (zones or points) with per-cluster fields.",
    "AGGREGATE:CIRCLES": "Circle points (employment per postal code) used on the page.",
    "AGGREGATE:UNMATCHED": "Postal codes of the member table missing from the reference layer, with their employment.",
    "OVERLAY:ZONES": "Zones with network figures (only when a network is given).",
    "OVERLAY:SUMMARY": "Network affinity summary (only when a network is given).",
    "OVERLAY:REPORT": "HTML report of the network overlay (only when a network is given).",
    "EXPORT:PAGE": "The atlas page: PDF (one page, or one per cluster) or PNG.",
    "EXPORT_NO_NETWORK:PAGE": "The atlas page when no network is given (filled from EXPORT:PAGE by the plugin).",
}


def _param(model, definition, name, description, x, y, optional=None, default=None):
    """Add a model input cloned from a child algorithm's parameter definition."""
    clone = definition.clone()
    clone.setName(name)
    clone.setDescription(description)
    if optional is not None:
        flags = clone.flags()
        flag = compat.FLAG_OPTIONAL
        clone.setFlags((flags | flag) if optional else (flags & ~flag))
    if default is not None:
        clone.setDefaultValue(default)
    component = QgsProcessingModelParameter(name)
    component.setPosition(QPointF(x, y))
    model.addModelParameter(clone, component)


def _child(model, alg_id, child_id, description, x, y, sources, outputs=None, dependencies=None, config=None):
    child = QgsProcessingModelChildAlgorithm(alg_id)
    child.setChildId(child_id)
    child.setDescription(description)
    child.setPosition(QPointF(x, y))
    if config:
        child.setConfiguration(config)
    for name, source in sources.items():
        child.addParameterSources(name, [source])
    # Mandatory parameters the model does not wire keep the algorithm's default
    # (as the modeller's dialog would store them), so the model validates.
    algorithm = QgsApplication.processingRegistry().algorithmById(alg_id)
    for definition in algorithm.parameterDefinitions():
        if definition.name() in sources or definition.isDestination():
            continue
        if not definition.flags() & compat.FLAG_OPTIONAL:
            child.addParameterSources(definition.name(), [
                QgsProcessingModelChildParameterSource.fromStaticValue(definition.defaultValue())])
    if outputs:
        model_outputs = {}
        for name, (child_output, description_, mandatory) in outputs.items():
            output = QgsProcessingModelOutput(name, description_)
            output.setChildId(child_id)
            output.setChildOutputName(child_output)
            output.setMandatory(mandatory)
            if child_output != "OUTPUT" or alg_id != "clusteratlas:exportatlasmap":
                # Layers default to temporary outputs (as in the dialog); the page has no default.
                output.setDefaultValue(QgsProcessing.TEMPORARY_OUTPUT)
            output.setPosition(QPointF(x + 200, y + 60 * (len(model_outputs) + 1)))
            model_outputs[name] = output
        child.setModelOutputs(model_outputs)
    if dependencies:
        child.setDependencies(dependencies)
    model.addChildAlgorithm(child)


def build_model(registry):
    def definition(alg, name):
        return registry.algorithmById(f"clusteratlas:{alg}").parameterDefinition(name)

    param = QgsProcessingModelChildParameterSource.fromModelParameter
    child = QgsProcessingModelChildParameterSource.fromChildOutput
    static = QgsProcessingModelChildParameterSource.fromStaticValue

    model = QgsProcessingModelAlgorithm(MODEL_NAME, GROUP, GROUP_ID)
    _param(model, definition("importmembers", "INPUT"), "MEMBERS", "Member table", 80, 60)
    _param(model, definition("importmembers", "EMPLOYMENT_CEILING"), "EMPLOYMENT_CEILING",
           "Employment ceiling (0 = none)", 80, 120)
    # A member list of several years is refused by the aggregation without a year.
    _param(model, definition("aggregatepostcodes", "YEAR"), "YEAR", "Only this year", 80, 160, optional=True)
    _param(model, definition("aggregatepostcodes", "POSTCODES"), "POSTCODES",
           "Postal-code reference layer", 80, 200)
    postcode_field = QgsProcessingParameterField("POSTCODE_FIELD", "Postcode field",
                                                 parentLayerParameterName="POSTCODES")
    component = QgsProcessingModelParameter("POSTCODE_FIELD")
    component.setPosition(QPointF(80, 260))
    model.addModelParameter(postcode_field, component)
    _param(model, definition("networkoverlay", "NETWORK"), "NETWORK", "Network lines", 80, 340,
           optional=True)
    class_field = QgsProcessingParameterField("CLASS_FIELD", "Network type field",
                                              parentLayerParameterName="NETWORK", optional=True)
    component = QgsProcessingModelParameter("CLASS_FIELD")
    component.setPosition(QPointF(80, 400))
    model.addModelParameter(class_field, component)
    _param(model, definition("networkoverlay", "CLASS_MAP"), "CLASS_MAP", "Type values onto classes", 80, 440,
           optional=True)
    _param(model, definition("exportatlasmap", "BOUNDARY"), "BOUNDARY", "Region boundary", 80, 480)
    _param(model, definition("exportatlasmap", "TITLE"), "TITLE", "Page title", 80, 540)
    per_cluster = QgsProcessingParameterBoolean("PER_CLUSTER", "One page per cluster (PDF)", False)
    component = QgsProcessingModelParameter("PER_CLUSTER")
    component.setPosition(QPointF(80, 600))
    model.addModelParameter(per_cluster, component)
    # The inputs passed as they are: clones keep the step's own label and default.
    passed = {alg: {name: param(name) for name in PASSED_INPUTS.get(alg, ())} for alg in ("importmembers", "exportatlasmap")}
    for row, (alg, name) in enumerate((alg, name) for alg, names in PASSED_INPUTS.items() for name in names):
        original = definition(alg, name)
        _param(model, original, name, original.description(), 80, 660 + 50 * row, optional=True)

    _child(model, "clusteratlas:importmembers", "IMPORT", "Import member table", 400, 60,
           dict(passed["importmembers"], INPUT=param("MEMBERS"), EMPLOYMENT_CEILING=param("EMPLOYMENT_CEILING"),
                DEFAULT_COUNTRY=static("BE")),
           {"MEMBERS": ("OUTPUT", "Member table", True), "REJECTED": ("REJECTED", "Rejected rows", True)})
    _child(model, "clusteratlas:aggregatepostcodes", "AGGREGATE", "Aggregate per postal code", 400, 220,
           {"MEMBERS": child("IMPORT", "OUTPUT"), "POSTCODES": param("POSTCODES"),
            "POSTCODE_FIELD": param("POSTCODE_FIELD"), "YEAR": param("YEAR"), "DEFAULT_COUNTRY": static("BE"),
            "LAYOUT": static(0)},
           {"ZONES": ("OUTPUT", "Zones with employment", False), "CIRCLES": ("CIRCLES", "Circles", True),
            "UNMATCHED": ("UNMATCHED", "Unmatched postcodes", True)})
    # The network step needs a network: a conditional branch skips it (and only it)
    # when the optional NETWORK input is empty. Model inputs are expression variables.
    given = "@NETWORK IS NOT NULL AND length(to_string(@NETWORK)) > 0"
    _child(model, "native:condition", "HAS_NETWORK", "Network given?", 400, 380, {},
           config={"conditions": [{"name": "network given", "expression": given},
                                  {"name": "no network", "expression": f"NOT ({given})"}]})
    _child(model, "clusteratlas:networkoverlay", "OVERLAY", "Network overlay", 650, 380,
           {"ZONES": child("AGGREGATE", "OUTPUT"), "EMPLOYMENT_FIELD": static("employment"),
            "NETWORK": param("NETWORK"), "CLASS_FIELD": param("CLASS_FIELD"), "CLASS_MAP": param("CLASS_MAP"),
            "DISTANCES": static("1, 2, 5")},
           {"ZONES": ("OUTPUT", "Zones with network figures", False),
            "SUMMARY": ("SUMMARY", "Network affinity summary", False),
            "REPORT": ("REPORT", "Network overlay report", False)},
           dependencies=[QgsProcessingModelChildDependency("HAS_NETWORK", "network given")])
    # Zone outlines are drawn when the reference has polygons; point "zones" (a points
    # reference) are left off the page by exportatlasmap with a warning.
    page_sources = {"CIRCLES": child("AGGREGATE", "CIRCLES"), "FIELD": static("employment"),
                    "FIELD_MAP": child("AGGREGATE", "FIELD_MAP"), "ZONES": child("AGGREGATE", "OUTPUT"),
                    "BOUNDARY": param("BOUNDARY"), "TITLE": param("TITLE"), "PER_CLUSTER": param("PER_CLUSTER"),
                    **passed["exportatlasmap"]}
    # With a network: after the overlay, its lines drawn by class and its measure on the page.
    _child(model, "clusteratlas:exportatlasmap", "EXPORT", "Export atlas map", 900, 540,
           dict(page_sources, NETWORK=param("NETWORK"), NETWORK_CLASS_FIELD=param("CLASS_FIELD"),
                CLASS_MAP=param("CLASS_MAP"), NETWORK_SUMMARY=child("OVERLAY", "SUMMARY")),
           {"PAGE": ("OUTPUT", "Atlas page", True)})
    # Without a network: the page alone (a step fed by the skipped overlay would be skipped too).
    _child(model, "clusteratlas:exportatlasmap", "EXPORT_NO_NETWORK", "Export atlas map (no network)", 400, 540,
           page_sources, {"PAGE": ("OUTPUT", "Atlas page (no network)", False)},
           dependencies=[QgsProcessingModelChildDependency("HAS_NETWORK", "no network")])

    help_content = {"ALG_DESC": HELP, "ALG_CREATOR": "Cluster Atlas", "ALG_HELP_CREATOR": "Cluster Atlas",
                    "ALG_VERSION": "1.0", "SHORT_DESCRIPTION": "Import, aggregate, network overlay and atlas "
                    "page in one model."}
    help_content.update(PARAM_HELP)
    model.setHelpContent(help_content)
    return model


def main():
    from qgis.core import Qgis

    if Qgis.QGIS_VERSION_INT >= 32300:
        raise SystemExit("run scripts/make_models.py on QGIS 3.22 (the host's .venv): QGIS {} would rename the "
                         "model's outputs".format(Qgis.QGIS_VERSION))
    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()
    from cluster_atlas.provider import ClusterAtlasProvider

    registry = QgsApplication.processingRegistry()
    provider = ClusterAtlasProvider()
    registry.addProvider(provider)
    model = build_model(registry)
    ok, errors = model.validate()
    if not ok:
        raise SystemExit("model does not validate: " + "; ".join(errors))
    MODEL_PATH.parent.mkdir(parents=True, exist_ok=True)
    if not model.toFile(str(MODEL_PATH)):
        raise SystemExit(f"could not write {MODEL_PATH}")
    print(f"wrote {MODEL_PATH}")
    registry.removeProvider(provider)


if __name__ == "__main__":
    main()
