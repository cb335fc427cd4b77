"""Atlas symbology for the plugin's outputs, in the desktop and headless.

``style_output(context, dest_id, style_key, feedback, **options)`` is called by
every algorithm once per layer output, at the end of ``processAlgorithm``:

* desktop: when the output will be loaded into the project, a layer
  post-processor applies ``styles/<style_key>.qml`` (adjusted to the data) on
  the main thread, after Processing's own default styles. Processing keeps only a
  raw pointer to post-processors, so we keep a Python reference to each one
  (``_POST_PROCESSORS``), otherwise it is garbage-collected before it runs. The
  post-processor keeps no context or feedback object beyond its call.
* files: for GeoPackage outputs the adjusted style is also stored as the
  layer's default style in the GeoPackage ``layer_styles`` table, so a layer
  produced by ``qgis_process`` (where post-processors never run) opens styled.

``apply_style(layer, style_key, ...)`` does the styling itself: loads the
QML, then sets what depends on the data: the value giving the largest circle,
the categories present (colours from ``core.colours``), class breaks, and
the legend's words (network classes, entity kinds, the size legend's title)
in the interface language (``legend_labels``; the atlas page passes its own,
in its PAGE_LANGUAGE).
"""
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsClassificationQuantile,
    QgsDataDefinedSizeLegend,
    QgsFeatureRequest,
    QgsGraduatedSymbolRenderer,
    QgsMarkerSymbol,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingUtils,
    QgsProperty,
    QgsRendererCategory,
    QgsSizeScaleTransformer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QFileInfo
from qgis.PyQt.QtGui import QColor

from .. import compat
from ..core.colours import cluster_colours, kind_colour
from ..core.symbology import format_value, nice_legend_values
from ..provider_meta import STYLES_DIR
from . import staging
from .base import tr
from .expression_text import inert

# style key -> (geometry family, default value/class field, default category field)
STYLES = {
    "circles": ("point", "employment", None),
    "circles_cluster": ("point", "employment", "cluster"),
    "circles_kind": ("point", "employment", "kind"),
    "network": ("line", None, "class"),
    "zones": ("polygon", None, None),
    "region_backdrop": ("polygon", None, None),
    "country_outline": ("polygon", None, None),
    "choropleth_per1000": ("polygon", "emp_per_1000", None),
    "choropleth_lq": ("polygon", "lq", None),
}
STYLE_KEYS = list(STYLES)
DEFAULT_MAX_SIZE_MM = 12.0

_POST_PROCESSORS = []


def legend_labels():
    """``{category value: legend label}`` of the atlas styles in the interface
    language (translated when called: the desktop post-processor and the default
    style stored in a GeoPackage follow QGIS' language, ``qgis_process`` its
    locale). Network classes and entity kinds; other values keep their text."""
    return {
        "copper": tr("Copper"),
        "fibre": tr("Fibre optic"),
        "company": tr("Companies"),
        "training": tr("Training entities"),
        "public": tr("Public entities"),
        "research": tr("R&D entities"),
        # title of the circles' size legend, by value field
        "employment": tr("Employment"),
    }


def qml_path(style_key):
    if style_key not in STYLES:
        raise ValueError("unknown style {!r}; use one of {}".format(style_key, ", ".join(STYLE_KEYS)))
    return str(STYLES_DIR / (style_key + ".qml"))


def _field_values(layer, field):
    index = layer.fields().lookupField(field)
    if index < 0:
        return []
    return [v for v in layer.uniqueValues(index) if v is not None and v == v and str(v) != "NULL"]


def field_maximum(layer, field):
    """Largest numeric value of ``field`` in ``layer`` (0 when none)."""
    values = []
    for value in _field_values(layer, field):
        try:
            values.append(float(value))
        except (TypeError, ValueError):
            continue
    return max(values) if values else 0.0


def size_expression(field, max_value, max_size_mm):
    """The QGIS expression of the circle diameter (mm): area proportional to ``field``."""
    prop = _size_property(field, max_value, max_size_mm)
    return prop.asExpression()


def _size_property(field, max_value, max_size_mm):
    prop = QgsProperty.fromField(field)
    # Area scaling: diameter = max_size * sqrt(value / max_value); 0 or NULL -> no circle.
    prop.setTransformer(
        QgsSizeScaleTransformer(compat.SIZE_SCALE_AREA, 0.0, max(max_value, 1e-12), 0.0, max_size_mm, 0.0, 0.5)
    )
    return prop


def _offset_expression(size_expr):
    # Circles sharing a point (fields slot/slots, see core.symbology.explode_wide)
    # are pushed out around it, each touching the point, so none hides another.
    radius = "(({}) / 2.0)".format(size_expr)
    angle = "radians(90 - 360.0 * \"slot\" / \"slots\")"
    return (
        "if(coalesce(\"slots\", 1) > 1, "
        "concat(to_string({r} * cos({a})), ',', to_string(-1 * {r} * sin({a}))), '0,0')"
    ).format(r=radius, a=angle)


def _set_circle_size(symbol, prop, with_offset):
    symbol.setDataDefinedSize(prop)
    if with_offset:
        offset = QgsProperty.fromExpression(_offset_expression(prop.asExpression()))
        for layer in symbol.symbolLayers():
            layer.setDataDefinedProperty(compat.SYMBOL_PROPERTY_OFFSET, offset)


def _size_legend(renderer, field, max_value, title):
    legend = renderer.dataDefinedSizeLegend()
    legend = QgsDataDefinedSizeLegend(legend) if legend is not None else QgsDataDefinedSizeLegend()
    legend.setLegendType(compat.SIZE_LEGEND_COLLAPSED)
    legend.setClasses([QgsDataDefinedSizeLegend.SizeClass(v, format_value(v)) for v in nice_legend_values(max_value)])
    legend.setTitle(field if title is None else title)
    outline = QgsMarkerSymbol.createSimple({"name": "circle", "color": "255,255,255,0", "outline_color": "64,64,64,255", "outline_width": "0.2"})
    legend.setSymbol(outline)
    renderer.setDataDefinedSizeLegend(legend)


def _order_by(renderer, field):
    renderer.setOrderBy(QgsFeatureRequest.OrderBy([QgsFeatureRequest.OrderByClause('"{}"'.format(field), False)]))
    renderer.setOrderByEnabled(True)


def _style_circles(layer, renderer, style_key, field, category_field, max_size_mm, max_value, legend_title, colours, offset,
                   labels):
    max_value = max_value or field_maximum(layer, field)
    prop = _size_property(field, max_value, max_size_mm)
    # A data-defined offset makes QGIS drop the size legend (the symbol's size is no
    # longer "one property"): pass offset=False for a legend-only copy of the layer.
    with_offset = offset and layer.fields().lookupField("slot") >= 0 and layer.fields().lookupField("slots") >= 0
    if isinstance(renderer, QgsCategorizedSymbolRenderer):
        renderer.setClassAttribute(category_field)
        source = renderer.sourceSymbol().clone()
        _set_circle_size(source, prop, with_offset)
        # The source symbol draws the nested circles of the size legend: outline only.
        legend_symbol = source.clone()
        legend_symbol.setColor(QColor(255, 255, 255, 0))
        renderer.setSourceSymbol(legend_symbol)
        for index in reversed(range(len(renderer.categories()))):
            renderer.deleteCategory(index)
        values = sorted(_field_values(layer, category_field), key=lambda v: str(v).lower())
        if colours is None:
            if style_key == "circles_cluster":
                colours = cluster_colours([str(v) for v in values])
            else:
                colours = {str(v): kind_colour(str(v)) for v in values}
        for value in values:
            symbol = source.clone()
            symbol.setColor(QColor(colours.get(str(value), "#999999")))
            # Kinds get words of the legend's language; cluster names are the clusters' own.
            label = labels.get(str(value), str(value)) if style_key == "circles_kind" else str(value)
            renderer.addCategory(QgsRendererCategory(value, symbol, inert(label)))  # layouts evaluate [% %]
    else:
        symbol = renderer.symbol().clone()
        _set_circle_size(symbol, prop, with_offset)
        renderer.setSymbol(symbol)
    _size_legend(renderer, field, max_value, labels.get(field, field) if legend_title is None else legend_title)
    _order_by(renderer, field)
    return max_value


def apply_style(
    layer,
    style_key,
    field=None,
    category_field=None,
    max_size_mm=DEFAULT_MAX_SIZE_MM,
    max_value=None,
    legend_title=None,
    colours=None,
    offset=True,
    labels=None,
):
    """Style ``layer`` with the bundled ``style_key``; returns a short description.

    ``field``: value field (circle size, choropleth value); ``category_field``:
    field of the categories (cluster, kind, network class); ``max_value``: value
    given ``max_size_mm`` (default: the layer's maximum, so several maps can share
    one scale by passing the same value); ``colours``: ``{category: '#rrggbb'}``;
    ``offset``: push apart circles sharing a point (layers with ``slot``/``slots``);
    ``labels``: ``{category value: legend label}`` (default ``legend_labels()``,
    the interface language).
    """
    _geometry, default_field, default_category = STYLES[style_key] if style_key in STYLES else (None, None, None)
    path = qml_path(style_key)
    message, ok = layer.loadNamedStyle(path, compat.STYLE_CATEGORY_SYMBOLOGY)
    if not ok:
        raise ValueError(tr("Could not load the style {}: {}").format(path, message))
    field = field or default_field
    labels = legend_labels() if labels is None else labels
    category_field = category_field or default_category
    renderer = layer.renderer().clone()
    for name, role in ((field, "value"), (category_field, "category")):
        if name and layer.fields().lookupField(name) < 0:
            raise ValueError(
                tr("The layer {} has no {} field '{}' needed by the style {}; choose the field by parameter.").format(
                    layer.name(), role, name, style_key
                )
            )
    info = style_key
    if style_key.startswith("circles"):
        used = _style_circles(layer, renderer, style_key, field, category_field, max_size_mm, max_value, legend_title, colours, offset,
                              labels)
        info = tr("{}: diameter {} mm for {}").format(style_key, max_size_mm, format_value(used))
    elif isinstance(renderer, QgsGraduatedSymbolRenderer):
        renderer.setClassAttribute(field)
        if style_key == "choropleth_per1000":
            # Quantile breaks from the data (the Mode overload of updateClasses is deprecated since 3.10).
            renderer.setClassificationMethod(QgsClassificationQuantile())
            renderer.updateClasses(layer, len(renderer.ranges()))
            renderer.calculateLabelPrecision()
    elif isinstance(renderer, QgsCategorizedSymbolRenderer) and category_field:
        renderer.setClassAttribute(category_field)
        for index, category in enumerate(renderer.categories()):  # the QML's labels are English
            renderer.updateCategoryLabel(index, labels.get(str(category.value()), category.label()))
    layer.setRenderer(renderer)
    layer.triggerRepaint()
    return info


def save_default_style(layer, name=None):
    """Store the layer's current style as its default inside its GeoPackage.

    Returns True when written. Only OGR GeoPackage layers take it (shapefiles get
    a side-car .qml instead, which QGIS also loads by default).
    """
    if layer.providerType() != "ogr":
        return False
    source = layer.source().split("|")[0]
    if source.lower().endswith(".gpkg"):
        return not compat.save_style_to_database(layer, name or layer.name(), "Cluster Atlas", True)
    if source.lower().endswith(".shp"):
        _msg, ok = layer.saveNamedStyle(source[:-4] + ".qml")
        return ok
    return False


class AtlasStylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Applies an atlas style to an output loaded in the desktop (main thread)."""

    def __init__(self, style_key, options):
        super().__init__()
        self.style_key = style_key
        self.options = options

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API)
        # Neither context nor feedback is kept beyond this call: QGIS deletes them after the run.
        if isinstance(layer, QgsVectorLayer):
            try:
                apply_style(layer, self.style_key, **self.options)
            except ValueError as error:
                if feedback is not None:
                    feedback.pushWarning(str(error))


def _file_layer_name(source):
    """The name QGIS gives a layer opened from ``source``: its layer name, else the file's base name."""
    path, _, options = source.partition("|")
    for option in options.split("|"):
        if option.startswith("layername="):
            return option[len("layername="):]
    return QFileInfo(path).completeBaseName()


def style_output(context, dest_id, style_key, feedback=None, **options):
    """Make the output ``dest_id`` arrive styled with ``style_key``.

    Call it once per layer output at the end of ``processAlgorithm``, after
    ``del sink`` (a GeoPackage is complete only once its sink is deleted). Never
    fails the algorithm: a style that does not fit is reported as a warning.
    Returns a short description of what was applied ('' when nothing).
    """
    if not dest_id:
        return ""
    info = ""
    try:
        # A layer the run already holds (a temporary/memory output) is styled in place; a file
        # output through a layer object of our own, closed when done: a layer opened into the
        # context here would keep an SQLite connection that the style written into the GeoPackage
        # next makes stale (QGIS 3.40 then logs "ERROR 1 ... unable to open database file" on
        # the layer it loads), and one the project shows must not be restyled behind its back.
        layer = QgsProcessingUtils.mapLayerFromString(dest_id, context, False)
        if layer is None or (isinstance(layer, QgsVectorLayer) and layer.providerType() == "ogr"):
            source = layer.source() if layer is not None else dest_id
            layer = QgsVectorLayer(source, layer.name() if layer is not None else _file_layer_name(source), "ogr")
        if isinstance(layer, QgsVectorLayer) and layer.isValid():
            file_layer = layer
            info = apply_style(file_layer, style_key, **options)
            if save_default_style(file_layer):
                info += tr(" (stored as the default style of the GeoPackage layer)")
            if feedback is not None:
                feedback.pushInfo(tr("Style: {}").format(info))
    except ValueError as error:
        if feedback is not None:
            feedback.pushWarning(str(error))
    if context.willLoadLayerOnCompletion(dest_id):
        processor = AtlasStylePostProcessor(style_key, options)
        _POST_PROCESSORS.append(processor)
        context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(processor)
    else:  # a file output written under a temporary name: loaded under its final name (staging.py)
        processor = AtlasStylePostProcessor(style_key, options)
        if staging.defer_post_processor(dest_id, processor):
            _POST_PROCESSORS.append(processor)
    return info
