"""Regenerate the bundled QML styles in styles/ and the atlas page template
resources/atlas_page.qpt (run once after changing them).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/make_styles.py

The QML files are the source of the atlas symbology (users may edit them in
QGIS); this script only writes their first version reproducibly. Data-dependent
parts (the value giving the largest circle, categories present, class breaks)
are set when a style is applied (algorithms/output_styles.py).
"""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / ".build" / "plugins"))

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsDataDefinedSizeLegend,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsProperty,
    QgsRendererCategory,
    QgsRendererRange,
    QgsSingleSymbolRenderer,
    QgsSizeScaleTransformer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt  # noqa: E402
from qgis.PyQt.QtGui import QColor  # noqa: E402

app = QgsApplication([], False)
app.initQgis()

from cluster_atlas import compat  # noqa: E402
from cluster_atlas.core.colours import KIND_COLOURS, NETWORK_COLOURS  # noqa: E402

STYLES = ROOT / "styles"
MAX_SIZE_MM = 12.0  # diameter of the largest circle on the page
TEMPLATE_MAX = 1000.0  # replaced by the layer's maximum when applied


def circle(colour="#4477aa"):
    symbol = QgsMarkerSymbol.createSimple(
        {
            "name": "circle",
            "color": QColor(colour).name(),
            "outline_color": "64,64,64,255",
            "outline_width": "0.15",
            "outline_width_unit": "MM",
            "size_unit": "MM",
        }
    )
    symbol.setOpacity(0.75)
    prop = QgsProperty.fromField("employment")
    prop.setTransformer(QgsSizeScaleTransformer(compat.SIZE_SCALE_AREA, 0, TEMPLATE_MAX, 0, MAX_SIZE_MM, 0, 0.5))
    symbol.setDataDefinedSize(prop)
    return symbol


def size_legend():
    legend = QgsDataDefinedSizeLegend()
    legend.setLegendType(compat.SIZE_LEGEND_COLLAPSED)
    legend.setTitle("Employment")
    legend.setVerticalAlignment(compat.SIZE_LEGEND_ALIGN_BOTTOM)
    legend.setSymbol(QgsMarkerSymbol.createSimple({"name": "circle", "color": "255,255,255,0", "outline_color": "64,64,64,255", "outline_width": "0.2"}))
    legend.setClasses([QgsDataDefinedSizeLegend.SizeClass(v, str(int(v))) for v in (1000, 250, 50)])
    return legend


def ordered(renderer, field="employment"):
    # Larger circles first, so the smaller ones are drawn on top of them.
    renderer.setOrderBy(QgsFeatureRequest.OrderBy([QgsFeatureRequest.OrderByClause('"{}"'.format(field), False)]))
    renderer.setOrderByEnabled(True)
    return renderer


def save(name, geometry, renderer, fields="employment:double"):
    layer = QgsVectorLayer("{}?field={}".format(geometry, fields.replace(";", "&field=")), name, "memory")
    layer.setRenderer(renderer)
    path = STYLES / (name + ".qml")
    message, ok = layer.saveNamedStyle(str(path))
    if not ok:
        raise SystemExit("could not write {}: {}".format(path, message))
    print("wrote", path)


def main():
    STYLES.mkdir(exist_ok=True)

    single = QgsSingleSymbolRenderer(circle("#4477aa"))
    single.setDataDefinedSizeLegend(size_legend())
    save("circles", "Point", ordered(single))

    for name, field, cats in (
        ("circles_cluster", "cluster", {"cluster": "#332288"}),
        ("circles_kind", "kind", KIND_COLOURS),
    ):
        categories = [QgsRendererCategory(value, circle(colour), value) for value, colour in cats.items()]
        renderer = QgsCategorizedSymbolRenderer(field, categories)
        renderer.setSourceSymbol(circle("#999999"))
        renderer.setDataDefinedSizeLegend(size_legend())
        save(name, "Point", ordered(renderer), "employment:double;{}:string".format(field))

    lines = []
    copper = QgsLineSymbol.createSimple({"line_color": NETWORK_COLOURS["copper"], "line_width": "0.6", "capstyle": "round"})
    lines.append(QgsRendererCategory("copper", copper, "Copper"))
    fibre = QgsLineSymbol.createSimple(
        {"line_color": NETWORK_COLOURS["fibre"], "line_width": "0.4", "use_custom_dash": "1", "customdash": "2.5;1.2", "capstyle": "flat"}
    )
    lines.append(QgsRendererCategory("fibre", fibre, "Fibre optic"))
    network = QgsCategorizedSymbolRenderer("class", lines)
    network.setSourceSymbol(QgsLineSymbol.createSimple({"line_color": "#808080", "line_width": "0.25"}))
    save("network", "LineString", network, "class:string")

    polygons = {
        "zones": {"color": "255,255,255,0", "style": "no", "outline_color": "#b4b4b4", "outline_width": "0.12"},
        "region_backdrop": {"color": "#f3f0e8", "outline_color": "#6e6e6e", "outline_width": "0.35"},
        "country_outline": {"color": "255,255,255,0", "style": "no", "outline_color": "#303030", "outline_width": "0.5"},
    }
    for name, props in polygons.items():
        save(name, "Polygon", QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(props)))

    # Employment per 1,000 inhabitants: sequential (ColorBrewer YlGnBu, colour-blind safe);
    # quantile breaks are recomputed from the data when applied.
    seq = ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"]
    ranges = [
        QgsRendererRange(i * 10, (i + 1) * 10, QgsFillSymbol.createSimple({"color": c, "outline_color": "#b4b4b4", "outline_width": "0.1"}), "")
        for i, c in enumerate(seq)
    ]
    per1000 = QgsGraduatedSymbolRenderer("emp_per_1000", ranges)
    save("choropleth_per1000", "Polygon", per1000, "emp_per_1000:double")

    # Location quotient: diverging around 1 (ColorBrewer PuOr, colour-blind safe),
    # fixed breaks symmetric on a log scale (0.5 / 2, 0.8 / 1.25).
    div = [
        (0.0, 0.5, "#5e3c99", "< 0.5"),
        (0.5, 0.8, "#b2abd2", "0.5 - 0.8"),
        (0.8, 1.25, "#f7f7f7", "0.8 - 1.25"),
        (1.25, 2.0, "#fdb863", "1.25 - 2"),
        (2.0, 1e12, "#e66101", ">= 2"),
    ]
    lq_ranges = [
        QgsRendererRange(lo, hi, QgsFillSymbol.createSimple({"color": c, "outline_color": "#b4b4b4", "outline_width": "0.1"}), label)
        for lo, hi, c, label in div
    ]
    lq = QgsGraduatedSymbolRenderer("lq", lq_ranges)
    save("choropleth_lq", "Polygon", lq, "lq:double")


PAGE_W, PAGE_H = 420.0, 297.0  # A3 landscape: the 249 x 165 mm frame plus legend and side block
MAP_X, MAP_Y, MAP_W, MAP_H = 24.0, 38.0, 249.0, 165.0
SIDE_X, SIDE_W = 284.0, 124.0
SIDE_BLOCK_Y = 150.0
# (item id, font size, bold) from top to bottom; ids ending in _rule are the lines under the headings.
# The same order is read back by algorithms/layout_page.py (SIDE_BLOCK_ORDER).
SIDE_BLOCK_ITEMS = (
    ("method_heading", 9.0, True), ("method_rule", 0, False),
    ("spatial_level_label", 7.5, True), ("spatial_level", 7.5, False),
    ("method_label", 7.5, True), ("method", 7.5, False),
    ("data_used_label", 7.5, True), ("data_used", 7.5, False),
    ("sources_heading", 9.0, True), ("sources_rule", 0, False),
    ("sources_label", 7.5, True), ("sources", 7.5, False),
    ("authors_label", 7.5, True), ("authors", 7.5, False),
)


def _label(layout, item_id, text, x, y, w, h, size=9.0, bold=False, html=False, colour="#000000", rotation=0.0):
    from qgis.core import QgsLayoutItemLabel, QgsLayoutPoint, QgsLayoutSize
    from qgis.PyQt.QtGui import QFont

    label = QgsLayoutItemLabel(layout)
    label.setId(item_id)
    label.setText(text)
    font = QFont("DejaVu Sans")
    font.setPointSizeF(size)
    font.setBold(bold)
    label.setFont(font)
    label.setFontColor(QColor(colour))
    label.setMode(compat.LABEL_MODE_HTML if html else compat.LABEL_MODE_FONT)
    # Left, not QGIS 3.22's default (justify): QGIS 3.24+ justify every line but a paragraph's last,
    # which spreads the side block's wrapped lines word by word.
    label.setHAlign(Qt.AlignmentFlag.AlignLeft)
    layout.addLayoutItem(label)
    label.attemptMove(QgsLayoutPoint(x, y))
    label.attemptResize(QgsLayoutSize(w, h))
    if rotation:
        label.setItemRotation(rotation, adjustPosition=False)
    return label


def _rule(layout, item_id, x, y, w):
    """A thin black line (a 0.25 mm filled rectangle) under a side-block heading."""
    from qgis.core import QgsFillSymbol, QgsLayoutItemShape, QgsLayoutPoint, QgsLayoutSize

    rule = QgsLayoutItemShape(layout)
    rule.setId(item_id)
    rule.setShapeType(compat.LAYOUT_SHAPE_RECTANGLE)
    rule.setSymbol(QgsFillSymbol.createSimple({"color": "#000000", "outline_style": "no"}))
    layout.addLayoutItem(rule)
    rule.attemptMove(QgsLayoutPoint(x, y))
    rule.attemptResize(QgsLayoutSize(w, 0.25))
    return rule


def make_template():
    from qgis.core import (
        QgsLayout,
        QgsLayoutItemLegend,
        QgsLayoutItemMap,
        QgsLayoutItemPicture,
        QgsLayoutItemScaleBar,
        QgsLayoutMeasurement,
        QgsLayoutPoint,
        QgsLayoutSize,
        QgsProject,
        QgsReadWriteContext,
    )

    project = QgsProject()
    layout = QgsLayout(project)
    layout.initializeDefaults()
    page = layout.pageCollection().page(0)
    page.setPageSize(QgsLayoutSize(PAGE_W, PAGE_H))

    # Vertical running title along the left edge, as on the atlas pages.
    _label(layout, "side_title", "[% @ca_title %] - [% @ca_map_number %]", 6, 200, 160, 9, size=10, colour="#555555", rotation=270)
    _label(layout, "atlas_name", "[% @ca_atlas_name %]", MAP_X, 10, 200, 7, size=10, colour="#666666")
    _label(layout, "title", "[% @ca_title %]", MAP_X, 17, 240, 11, size=20, bold=True)
    _label(layout, "subtitle", "[% @ca_subtitle %]", MAP_X, 28.5, 249, 8, size=11, colour="#333333")
    number = _label(layout, "map_number", "[% @ca_map_number %]", SIDE_X, 17, SIDE_W, 11, size=16, bold=True)
    number.setHAlign(Qt.AlignmentFlag.AlignRight)

    map_item = QgsLayoutItemMap(layout)
    map_item.setId("map")
    layout.addLayoutItem(map_item)
    map_item.attemptMove(QgsLayoutPoint(MAP_X, MAP_Y))
    map_item.attemptResize(QgsLayoutSize(MAP_W, MAP_H))
    map_item.setFrameEnabled(True)
    map_item.setFrameStrokeColor(QColor("#000000"))
    map_item.setFrameStrokeWidth(QgsLayoutMeasurement(0.3))
    map_item.setBackgroundColor(QColor("#ffffff"))

    scalebar = QgsLayoutItemScaleBar(layout)
    scalebar.setId("scalebar")
    scalebar.setStyle("Single Box")
    layout.addLayoutItem(scalebar)
    scalebar.setLinkedMap(map_item)
    scalebar.setUnits(compat.DISTANCE_KILOMETERS)
    scalebar.setUnitLabel("km")
    scalebar.setNumberOfSegments(2)
    scalebar.setNumberOfSegmentsLeft(0)
    scalebar.setUnitsPerSegment(25)
    scalebar.setBackgroundEnabled(False)
    scalebar.attemptMove(QgsLayoutPoint(MAP_X + 4, MAP_Y + MAP_H - 14))

    north = QgsLayoutItemPicture(layout)
    north.setId("north_arrow")
    layout.addLayoutItem(north)
    north.setPicturePath("arrows/NorthArrow_02.svg")
    north.setLinkedMap(map_item)
    north.attemptMove(QgsLayoutPoint(MAP_X + MAP_W - 14, MAP_Y + 4))
    north.attemptResize(QgsLayoutSize(10, 14))

    legend = QgsLayoutItemLegend(layout)
    legend.setId("legend")
    legend.setTitle("[% @ca_legend_title %]")
    layout.addLayoutItem(legend)
    legend.setLinkedMap(map_item)
    legend.setLegendFilterByMapEnabled(False)
    legend.setResizeToContents(True)
    legend.attemptMove(QgsLayoutPoint(SIDE_X, MAP_Y))

    # The side block "Méthodo. et stat." / "Sources et auteurs": plain font-mode labels, one per heading,
    # field name and text (HTML-mode labels need QtWebKit, absent from QGIS 3.40+ Debian builds and every
    # Qt6 build: they render empty there). No margins: layout_page.flow_side_block stacks them under one
    # another once their texts are known, from the position of the first one.
    y = SIDE_BLOCK_Y
    for item_id, size, bold in SIDE_BLOCK_ITEMS:
        if item_id.endswith("_rule"):
            _rule(layout, item_id, SIDE_X, y, SIDE_W)
            y += 1.0
            continue
        label = _label(layout, item_id, "[% @ca_{} %]".format(item_id), SIDE_X, y, SIDE_W, 5, size=size, bold=bold)
        label.setMarginX(0.0)
        label.setMarginY(0.0)
        y += 5.0
    _label(layout, "credits", "[% @ca_credits %]", MAP_X, MAP_Y + MAP_H + 3, MAP_W, 12, size=7, colour="#555555")

    path = ROOT / "resources" / "atlas_page.qpt"
    if not layout.saveAsTemplate(str(path), QgsReadWriteContext()):
        raise SystemExit("could not write " + str(path))
    print("wrote", path)


if __name__ == "__main__":
    main()
    make_template()
    app.exitQgis()
