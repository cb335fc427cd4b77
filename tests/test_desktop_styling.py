"""Outputs loaded into the desktop project arrive styled (layer post-processor),
not only GeoPackages read later."""
from pathlib import Path


ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data"


def test_loaded_outputs_are_styled_by_the_post_processor(plugin, qgis_iface, tmp_path):
    from qgis import processing
    from qgis.core import QgsProject

    members = processing.run("clusteratlas:importmembers", {
        "INPUT": str(SAMPLE / "members.csv"), "OUTPUT": str(tmp_path / "m.gpkg"), "REJECTED": "TEMPORARY_OUTPUT"})
    project = QgsProject.instance()
    before = set(project.mapLayers())
    # As the desktop does: temporary outputs, loaded on completion.
    results = processing.runAndLoadResults("clusteratlas:aggregatepostcodes", {
        "MEMBERS": members["OUTPUT"],
        "POSTCODES": str(SAMPLE / "postcode_points.gpkg") + "|layername=postcode_points",
        "POSTCODE_FIELD": "postcode",
        "OUTPUT": "TEMPORARY_OUTPUT", "CIRCLES": "TEMPORARY_OUTPUT", "UNMATCHED": "TEMPORARY_OUTPUT"})
    loaded = {project.mapLayer(i) for i in set(project.mapLayers()) - before}
    circles = project.mapLayer(results["CIRCLES"]) or next((l for l in loaded if l.name().lower().startswith("circles")), None)
    assert circles is not None, [l.name() for l in loaded]
    renderer = circles.renderer()
    symbol = renderer.symbol() if hasattr(renderer, "symbol") and renderer.symbol() else renderer.symbols(None)[0]
    # The atlas circles: data-defined (area-proportional) size, not QGIS' default marker.
    assert symbol.dataDefinedSize().isActive(), renderer.type()
    assert "employment" in symbol.dataDefinedSize().asExpression()
    for layer in loaded:
        project.removeMapLayer(layer.id())
