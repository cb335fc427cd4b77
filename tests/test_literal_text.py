"""Text from data or parameters is shown literally, never run as a QGIS expression (issue 13, item 1).

QGIS evaluates ``[% ... %]`` in layout labels and in legend labels. A cluster cell or a TITLE such
as ``[% env('CA_SECRET') %]`` must print as written on the page, in its legend and in the layer's
legend in the desktop — and the secret must appear nowhere. The oracle is the text of the PDF
(pdftotext) and the label QGIS' own layer tree model gives."""
import pytest

from .conftest import pdf_text, shared_file

SECRET = "s3cr3t-value-42"
HOSTILE = "[% env('CA_SECRET') %]"
ARITHMETIC = "[% 6*7 %] Labs"
TRICKY = "100 %] sûr [% [%"


@pytest.fixture()
def secret_env(monkeypatch):
    monkeypatch.setenv("CA_SECRET", SECRET)


@pytest.fixture()
def hostile_circles(qgis_app):
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProject, QgsVectorLayer

    layer = QgsVectorLayer("Point?crs=EPSG:31370&field=pc_key:string&field=cluster:string&field=employment:double",
                           "circles", "memory")
    rows = [(HOSTILE, 400.0, 150000, 150000), (ARITHMETIC, 120.0, 170000, 130000), (TRICKY, 60.0, 200000, 120000)]
    features = []
    for cluster, employment, x, y in rows:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        feature.setAttributes(["BE-1348", cluster, employment])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    QgsProject.instance().addMapLayer(layer, False)
    yield layer
    QgsProject.instance().removeMapLayer(layer.id())


def _flat(text):
    """Words of a text; the zero-width joiner that keeps a legend label inert is invisible."""
    return " ".join(text.replace("\u2060", "").split())


@pytest.mark.parametrize("per_cluster", [False, True])
def test_page_prints_data_and_parameters_literally(run_alg, hostile_circles, tmp_path, secret_env, per_cluster):
    out = tmp_path / "page.pdf"
    wallonia = "{}|layername=wallonia_region".format(shared_file("be_admin_2011.gpkg"))
    params = {"CIRCLES": hostile_circles.id(), "BOUNDARY": wallonia, "OUTPUT": str(out), "DPI": 60,
              "PER_CLUSTER": per_cluster, "TITLE": "Titre " + HOSTILE, "SUBTITLE": ARITHMETIC,
              "MAP_NUMBER": "[% 1+1 %]", "SOURCES": "Sources " + TRICKY, "AUTHORS": "[% @user_account_name %]",
              "METHOD": "Méthode [% env('CA_SECRET') %]", "DATA_USED": "[%", "CREDITS": "Crédits " + HOSTILE,
              "ATLAS_NAME": "[% @qgis_version %]", "SPATIAL_LEVEL": "%]"}
    result = run_alg("exportatlasmap", params)
    pages = result["PAGES"]
    assert pages == (3 if per_cluster else 1)
    text = pdf_text(out)
    flat = _flat(text)
    assert SECRET not in text
    for literal in ("Titre " + HOSTILE, ARITHMETIC, "[% 1+1 %]", "Sources " + TRICKY, "[% @user_account_name %]",
                    "Méthode [% env('CA_SECRET') %]", "Crédits " + HOSTILE, "[% @qgis_version %]"):
        assert literal in flat, literal
    assert "42 Labs" not in flat  # 6*7 not computed
    # The legend (or, one page per cluster, each page's subtitle) names each cluster as written.
    for cluster in (HOSTILE, ARITHMETIC, TRICKY):
        assert flat.count(cluster) >= 1, cluster


def test_layer_legend_shows_cluster_names_literally_in_the_panel_and_in_a_users_layout(hostile_circles, secret_env):
    """The style applied to a circles output (post-processor, default style) labels its categories with
    the cluster names: the layers panel shows them as written, and so does a print layout the user
    makes with the layer (QGIS evaluates legend labels there)."""
    from qgis.core import QgsLayerTree, QgsLayerTreeModel, QgsLayoutItemLegend, QgsPrintLayout, QgsProject

    from cluster_atlas.algorithms.output_styles import apply_style

    layer = hostile_circles.clone()
    apply_style(layer, "circles_cluster", field="employment", category_field="cluster")
    root = QgsLayerTree()
    node = root.addLayer(layer)
    model = QgsLayerTreeModel(root)
    labels = [_flat(str(legend_node.data(0))) for legend_node in model.layerLegendNodes(node)]
    for cluster in (HOSTILE, ARITHMETIC, TRICKY):
        assert cluster in labels, labels

    project = QgsProject()
    project.addMapLayer(layer, False)
    layout = QgsPrintLayout(project)
    legend = QgsLayoutItemLegend(layout)
    layout.addLayoutItem(legend)
    legend.setAutoUpdateModel(False)
    tree = QgsLayerTree()
    layout_node = tree.addLayer(layer)
    legend.model().setRootGroup(tree)
    context = legend.createExpressionContext()
    printed = [_flat(str(n.evaluateLabel(context))) for n in legend.model().layerLegendNodes(layout_node)
               if hasattr(n, "evaluateLabel")]
    assert SECRET not in " ".join(printed) and "42 Labs" not in " ".join(printed)
    for cluster in (HOSTILE, ARITHMETIC, TRICKY):
        assert cluster in printed, printed
    legend.model().setRootGroup(QgsLayerTree())  # the trees die before the layer
