"""The atlas page: the bundled print layout template filled and exported.

``resources/atlas_page.qpt`` holds one page (A3 landscape): the 249 x 165 mm
map frame, title, map number, legend, scale bar, north arrow and the side
block "Méthodo. et stat." / "Sources et auteurs". Its labels hold
``[% @ca_<name> %]`` placeholders; ``build_layout`` fills them per page (so the
template stays editable in the desktop, where the same names can be set as
layout variables) and repeats the page once per map.
"""
import html
import re

from qgis.core import (
    QgsLayerTree,
    QgsLayout,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsMapLayerLegendUtils,
    QgsMarkerSymbol,
    QgsProperty,
    QgsReadWriteContext,
    QgsSymbolLegendNode,
)
from qgis.PyQt.QtCore import QPointF, QSize
from qgis.PyQt.QtXml import QDomDocument

from .. import compat
from ..provider_meta import RESOURCES_DIR
from .expression_text import literal

TEMPLATE = RESOURCES_DIR / "atlas_page.qpt"
MAP_FRAME_MM = (249.0, 165.0)
_PLACEHOLDER = re.compile(r"\[%\s*@ca_(\w+)\s*%\]")

# Fixed page wording, by page language (the atlas is French).
PAGE_TEXT = {
    "fr": {
        "method_heading": "Méthodo. et stat.",
        "sources_heading": "Sources et auteurs",
        "spatial_level_label": "Niveau spatial :",
        "method_label": "Procédé utilisé pour l’élaboration de l’indicateur et mode de calcul :",
        "data_used_label": "Données utilisées :",
        "sources_label": "Sources des données :",
        "authors_label": "Auteurs :",
        "legend_title": "Légende",
        "size_title": "Emploi (effectif)",
        "network_title": "Réseau",
        "layer_cluster": "Clusters",
        "layer_kind": "Types d’entités",
        "layer_single": "Entités",
        # Side-block texts when the user gives none: what the plugin computes.
        "default_method": "Emploi des entités membres des clusters, agrégé par code postal (une entité comptée une "
                          "fois par cluster). Surface des cercles proportionnelle à l’emploi.",
        "default_data_used": "Effectif des entités membres des clusters.",
        "default_sources": "à préciser (paramètre SOURCES)",
    },
    "en": {
        "method_heading": "Method and statistics",
        "sources_heading": "Sources and authors",
        "spatial_level_label": "Spatial level:",
        "method_label": "Method and computation:",
        "data_used_label": "Data used:",
        "sources_label": "Data sources:",
        "authors_label": "Authors:",
        "legend_title": "Legend",
        "size_title": "Employment (headcount)",
        "network_title": "Network",
        "layer_cluster": "Clusters",
        "layer_kind": "Entity kinds",
        "layer_single": "Entities",
        "default_method": "Employment of the clusters' member entities, aggregated per postal code (an entity "
                          "counted once per cluster). Circle areas proportional to employment.",
        "default_data_used": "Headcount of the clusters' member entities.",
        "default_sources": "to be given (SOURCES parameter)",
    },
}

# Legend labels of the page's categories (network classes, entity kinds), by page
# language: the page follows PAGE_LANGUAGE, not the interface (output_styles.legend_labels).
PAGE_LEGEND_LABELS = {
    "fr": {"copper": "Cuivre", "fibre": "Fibre optique", "company": "Entreprises", "training": "Entités de formation",
           "public": "Entités publiques", "research": "Entités R&D", "other": "Autre réseau"},
    "en": {"copper": "Copper", "fibre": "Fibre optic", "company": "Companies", "training": "Training entities",
           "public": "Public entities", "research": "R&D entities", "other": "Other network"},
}


def network_statement(rows, language):
    """The overlay's measure in one sentence of the page's side block, or ''.

    ``rows``: the records of networkoverlay's SUMMARY table (one per class and
    distance). The whole network is read (class ``total``, or ``all`` without a
    class field) at the smallest distance: share of employment whose zone lies
    within it, share of the area within it (zones only) and Spearman's rho between
    employment density and network density with its n (zones only). Percentages
    to one decimal, rho to two, rounded half up on the decimal value."""
    rows = [r for r in rows if r.get("threshold_km") is not None and r.get("employment_share") is not None]
    classes = [str(r.get("class")) for r in rows]
    whole = "total" if "total" in classes else ("all" if "all" in classes else (classes[0] if classes else None))
    if whole is None:
        return ""
    first = min((r for r in rows if str(r.get("class")) == whole), key=lambda r: float(r["threshold_km"]))
    comma = language == "fr"
    employment = _percent(first["employment_share"], comma)
    if employment is None:
        return ""
    distance = _decimal_text(first["threshold_km"], None, comma)
    area = _percent(first.get("area_share"), comma)
    rho, n = _number(first.get("spearman_rho")), int(_number(first.get("spearman_n")) or 0)
    rho_text = _decimal_text(rho, 2, comma) if rho is not None else None
    # No-break spaces keep "26,5 %", "1 km" and "(n = 33)" on one line of the side block.
    nb = "\u00a0"
    if language == "fr":
        text = "{}{nb}% de l’emploi dans un rayon de {}{nb}km du réseau".format(employment, distance, nb=nb)
        if area is not None:
            text += " ({}{nb}% de la surface)".format(area, nb=nb)
        if n:
            text += "{nb}; ρ de Spearman {} (n{nb}={nb}{})".format(rho_text if rho_text else "non calculable", n,
                                                                 nb=nb)
    else:
        text = "{}% of employment within {}{nb}km of the network".format(employment, distance, nb=nb)
        if area is not None:
            text += " ({}% of the area)".format(area)
        if n:
            text += "; Spearman’s ρ {} (n{nb}={nb}{})".format(rho_text if rho_text else "not computable", n, nb=nb)
    return text + "."


def _number(value):
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if number == number and number not in (float("inf"), float("-inf")) else None


def _decimal_text(value, places, comma):
    """``value`` rounded half up to ``places`` decimals (None: as few as needed), decimal comma in French."""
    from decimal import ROUND_HALF_UP, Decimal

    number = Decimal(repr(float(value)))
    if places is None:
        text = format(number.normalize(), "f")
    else:
        text = str(number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))
    if text.startswith("-") and not text.strip("-0.,"):
        text = text[1:]  # no "-0.00"
    return text.replace(".", ",") if comma else text


def _percent(share, comma):
    from decimal import Decimal

    share = _number(share)
    if share is None:
        return None
    return _decimal_text(float(Decimal(repr(share)) * 100), 1, comma)


def _template_document():
    document = QDomDocument()
    with open(TEMPLATE, encoding="utf-8") as handle:
        if not document.setContent(handle.read()):
            raise ValueError("invalid layout template " + str(TEMPLATE))
    return document


def _items_element(document):
    """A copy of the template's items, pages left out (pasted once per page)."""
    wrapper = document.createElement("Items")
    node = document.documentElement().firstChild()
    while not node.isNull():
        element = node.toElement()
        if element.tagName() == "LayoutItem" and int(element.attribute("type", "0")) != compat.LAYOUT_ITEM_PAGE:
            wrapper.appendChild(element.cloneNode(True))
        node = node.nextSibling()
    return wrapper


# The side block, top to bottom (scripts/make_styles.py SIDE_BLOCK_ITEMS writes it in this order):
# (heading or field label, its rule or text). Spaces in mm.
SIDE_BLOCK_ORDER = (
    ("method_heading", "method_rule"),
    ("spatial_level_label", "spatial_level"),
    ("method_label", "method"),
    ("data_used_label", "data_used"),
    ("sources_heading", "sources_rule"),
    ("sources_label", "sources"),
    ("authors_label", "authors"),
)
_HEADINGS = ("method_heading", "sources_heading")
_GAP_AFTER_RULE, _GAP_BETWEEN_FIELDS, _GAP_BEFORE_HEADING = 1.2, 2.2, 6.0
_WRAP_SLACK_MM = 8.0


def wrap_label_text(label, text):
    """``text`` with line breaks where ``label`` (font mode, fixed width) must wrap it.

    Measured with the label's own ``sizeForText`` (QGIS' own text metrics on every version),
    so the label then draws exactly these lines and its height is known; a word wider than
    the label stays whole on its own line. No-break spaces keep their words together."""
    # 3 % to spare: QGIS 3.40 draws text a little wider than it measures it, and a line must not
    # run past the rule under the block's heading.
    width = label.rect().width() * 0.97

    def fits(candidate):
        label.setText(candidate)
        return label.sizeForText().width() <= width + 1e-6

    lines = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = word if not line else line + " " + word
            if not line or fits(candidate):
                line = candidate
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return "\n".join(lines)


def text_height(label, text):
    """Height (mm) of ``text``, line breaks included, in ``label``: at least one font line spacing
    a line.

    QGIS 3.24+ measure every line (``sizeForText``); 3.22 measures one line whatever the text (Qt
    still draws them all, one line spacing apart): there, one line's height times the lines. QGIS
    3.40 measures a line lower than the font's line spacing it draws with, so labels stacked by
    ``sizeForText`` alone overlap by a point or two: the font's own line spacing is the floor."""
    lines = text.count("\n") + 1
    label.setText("Ag")
    one = label.sizeForText().height()
    label.setText("Ag\nAg")
    counts_lines = label.sizeForText().height() > one * 1.5
    label.setText(text)
    measured = label.sizeForText().height() if counts_lines else one * lines
    return max(measured, lines * _line_spacing_mm(label))


def _line_spacing_mm(label):
    """The line spacing of the label's font (ascent + descent + leading), in mm."""
    from qgis.PyQt.QtGui import QFontMetricsF, QImage

    if hasattr(label, "textFormat"):  # 3.24+: the font lives in a text format (size in points here)
        font = label.textFormat().toQFont()
        font.setPointSizeF(label.textFormat().size())
    else:
        font = label.font()
    device = QImage(1, 1, QImage.Format.Format_ARGB32)
    device.setDotsPerMeterX(2835)  # 72 dpi: one device pixel is one point
    device.setDotsPerMeterY(2835)
    return QFontMetricsF(font, device).lineSpacing() * 25.4 / 72.0


def flow_side_block(by_id):
    """Stack the side block's items under one another from the first one's position: each
    label as high as its wrapped text, a field whose text is empty left out with its label."""
    first = by_id.get(SIDE_BLOCK_ORDER[0][0])
    if first is None:  # a user's template without the side block
        return
    x, y = first.pos().x(), first.pos().y()
    for index, (head_id, body_id) in enumerate(SIDE_BLOCK_ORDER):
        head, body = by_id.get(head_id), by_id.get(body_id)
        if head is None or body is None:
            continue
        is_heading = head_id in _HEADINGS
        shown = bool(head.text().strip()) and (is_heading or bool(body.text().strip()))
        head.setVisibility(shown)
        body.setVisibility(shown)
        if not shown:
            continue
        if is_heading and index:
            y += _GAP_BEFORE_HEADING - _GAP_BETWEEN_FIELDS
        for item in (head, body):
            width = item.rect().width()
            if isinstance(item, QgsLayoutItemLabel):
                text = wrap_label_text(item, item.text())
                height = text_height(item, text)
                item.setText(text)
                # Wrapped to the block's width, drawn in a box a little wider: QGIS 3.40 lays text out
                # in less width than it measures and would wrap a full line again (one line more than
                # the box holds). Left-aligned and frameless, the extra width shows nothing.
                width += _WRAP_SLACK_MM
            else:  # the rule under a heading keeps its thickness
                height = item.rect().height()
            item.attemptMove(QgsLayoutPoint(x, y))
            item.attemptResize(QgsLayoutSize(width, height))
            y += height
        y += _GAP_AFTER_RULE if is_heading else _GAP_BETWEEN_FIELDS


def _fill(text, values, as_html):
    def value(match):
        raw = literal(values.get(match.group(1), ""))  # data and parameters: never evaluated
        return html.escape(raw).replace("\n", "<br/>") if as_html else raw

    return _PLACEHOLDER.sub(value, text)


def build_layout(project, pages):
    """A layout of ``len(pages)`` atlas pages.

    Each page is a dict: ``texts`` (placeholder values), ``layers`` (map layers,
    top first), ``legend_layers`` (layers in the legend, top first),
    ``extent`` (``QgsRectangle`` in ``crs``), ``crs``.
    Returns ``(layout, [map items], keep)``; ``keep`` holds objects that must
    live as long as the layout (legend trees).
    """
    document = _template_document()
    context = QgsReadWriteContext()
    layout = QgsLayout(project)
    _items, ok = layout.loadFromTemplate(document, context)
    if not ok:
        raise ValueError("could not load the layout template " + str(TEMPLATE))
    first_page = layout.pageCollection().page(0)
    page_items = [[i for i in layout.items() if hasattr(i, "id") and not isinstance(i, QgsLayoutItemPage)]]
    items_xml = _items_element(document)
    for index in range(1, len(pages)):
        page = QgsLayoutItemPage(layout)
        page.setPageSize(QgsLayoutSize(first_page.pageSize().width(), first_page.pageSize().height()))
        layout.pageCollection().addPage(page)
        top = layout.pageCollection().page(index).pos().y()
        page_items.append(layout.addItemsFromXml(items_xml, document, context, QPointF(0, top + 1.0), True))

    maps, keep = [], []
    for spec, items in zip(pages, page_items):
        by_id = {item.id(): item for item in items if hasattr(item, "id") and item.id()}
        map_item = by_id.get("map")
        if not isinstance(map_item, QgsLayoutItemMap):
            raise ValueError("the layout template has no map item with id 'map'")
        map_item.setCrs(spec["crs"])
        map_item.setLayers(spec["layers"])
        map_item.setKeepLayerSet(True)
        map_item.setExtent(fit_extent(spec["extent"], map_item.rect().width() / map_item.rect().height()))
        maps.append(map_item)
        for item in items:
            if isinstance(item, QgsLayoutItemLabel):
                as_html = item.mode() == compat.LABEL_MODE_HTML
                item.setText(_fill(item.text(), spec["texts"], as_html))
                if item.id() in ("title", "side_title"):
                    _shrink_to_one_line(item)
            elif isinstance(item, (QgsLayoutItemScaleBar, QgsLayoutItemPicture)):
                item.setLinkedMap(map_item)
            elif isinstance(item, QgsLayoutItemLegend):
                item.setLinkedMap(map_item)
                item.setTitle(_fill(item.title(), spec["texts"], False))
                item.setAutoUpdateModel(False)
                root = QgsLayerTree()
                for layer in spec["legend_layers"]:
                    root.addLayer(layer)
                item.model().setRootGroup(root)
                item.setLegendFilterByMapEnabled(False)  # it would drop the size legend nodes
                _fixed_size_category_symbols(item.model(), root)
                item.updateLegend()
                keep.append(root)
        flow_side_block(by_id)
        for item in items:
            if isinstance(item, QgsLayoutItemScaleBar):
                _fit_scalebar(item, map_item)
    layout.refresh()
    return layout, maps, keep


def _shrink_to_one_line(label, shrink_limit=0.5):
    """A long title is set smaller rather than wrapped onto a second line that
    the map frame would hide."""
    def size():
        return label.textFormat().size() if hasattr(label, "textFormat") else label.font().pointSizeF()

    def set_size(value):
        if hasattr(label, "setTextFormat"):  # 3.24+: the font lives in a text format
            text_format = label.textFormat()
            text_format.setSize(value)
            label.setTextFormat(text_format)
        else:
            font = label.font()
            font.setPointSizeF(value)
            label.setFont(font)

    smallest = size() * shrink_limit  # below that, wrapping is the lesser evil
    while label.sizeForText().width() > label.rect().width() and size() - 0.5 >= smallest:
        set_size(size() - 0.5)


def fit_extent(rect, ratio):
    """``rect`` grown around its centre to the width/height ``ratio`` of the frame."""
    from qgis.core import QgsRectangle

    width, height = rect.width(), rect.height()
    if width / max(height, 1e-12) < ratio:
        width = height * ratio
    else:
        height = width / ratio
    c = rect.center()
    return QgsRectangle(c.x() - width / 2, c.y() - height / 2, c.x() + width / 2, c.y() + height / 2)


def _fixed_size_category_symbols(model, root, size_mm=4.0):
    """Category entries of proportional circles: a plain circle of fixed size.

    Their symbols carry the data-defined size, which has no feature to read in
    the legend and would draw nothing; the sizes are shown by the nested-circle
    size legend instead.
    """
    for node_layer in root.findLayers():
        changed = False
        for index, node in enumerate(model.layerOriginalLegendNodes(node_layer)):
            symbol = node.symbol() if isinstance(node, QgsSymbolLegendNode) else None
            if symbol is None or not isinstance(symbol, QgsMarkerSymbol) or not symbol.dataDefinedSize().isActive():
                continue
            plain = symbol.clone()
            plain.setDataDefinedSize(QgsProperty())
            for layer in plain.symbolLayers():
                layer.setDataDefinedProperty(compat.SYMBOL_PROPERTY_OFFSET, QgsProperty())
            plain.setSize(size_mm)
            QgsMapLayerLegendUtils.setLegendNodeCustomSymbol(node_layer, index, plain)
            changed = True
        if changed:
            model.refreshLayerLegend(node_layer)


def _fit_scalebar(scalebar, map_item):
    """Round segment length: about a sixth of the map width (km)."""
    from ..core.symbology import nice_floor

    width_km = map_item.extent().width() / 1000.0
    if width_km > 0:
        scalebar.setUnitsPerSegment(max(nice_floor(width_km / 6.0), 0.1))
    scalebar.update()


class LayoutExportError(Exception):
    """A page file that could not be written: ``path`` and QGIS' own words (may be empty)."""

    def __init__(self, path, detail):
        super().__init__(path, detail)
        self.path, self.detail = path, detail


# QgsLayoutExporter.ExportResult values (the same on 3.22..3.44), for the log.
_EXPORT_RESULTS = {1: "cancelled", 2: "out of memory", 3: "file error", 4: "print error", 5: "SVG layer error",
                   6: "atlas iterator error"}


def _check_complete(path, ending):
    try:
        with open(path, "rb") as handle:
            handle.seek(0, 2)
            size = handle.tell()
            handle.seek(max(0, size - 1024))
            tail = handle.read()
    except OSError as error:
        raise LayoutExportError(path, error.strerror or str(error)) from None
    if ending not in tail:
        raise LayoutExportError(path, "the file written is incomplete ({} bytes)".format(size))


def export_layout(layout, path, fmt, dpi, page_written=None):
    """Export to ``path``; returns the files written (PNG/SVG: one file per page).

    ``page_written(done, count)``, when given, is called after each PNG page (it
    may raise to stop); PDF and SVG are written by one QGIS call."""
    import os

    exporter = QgsLayoutExporter(layout)
    if fmt == "pdf":
        settings = QgsLayoutExporter.PdfExportSettings()
        settings.dpi = dpi
        settings.rasterizeWholeImage = False
        settings.textRenderFormat = compat.text_format_always_text()  # selectable, searchable text
        result = exporter.exportToPdf(path, settings)
    elif fmt == "png":
        # Pages rendered to images and saved by Qt: QgsLayoutExporter.exportToImage
        # reopens the file with GDAL in update mode to add metadata, which the PNG
        # driver refuses ("ERROR 6" in every headless log), and we need neither.
        base, ext = os.path.splitext(path)
        files = []
        for page in range(layout.pageCollection().pageCount()):
            image = exporter.renderPageToImage(page, QSize(), dpi)
            target = path if page == 0 else "{}_{}{}".format(base, page + 1, ext)
            if image.isNull() or not image.save(target, "PNG"):
                raise LayoutExportError(target, "")
            files.append(target)
            if page_written is not None:
                page_written(page + 1, layout.pageCollection().pageCount())
        return files
    else:
        settings = QgsLayoutExporter.SvgExportSettings()
        settings.dpi = dpi
        settings.textRenderFormat = compat.text_format_always_text()
        result = exporter.exportToSvg(path, settings)
    if result != compat.LAYOUT_EXPORT_SUCCESS:
        # QGIS 3.22's exporter has no errorMessage(): the cause is then found from the file's folder.
        detail = exporter.errorMessage() if hasattr(exporter, "errorMessage") else ""
        raise LayoutExportError(path, detail or _EXPORT_RESULTS.get(int(result), "code {}".format(int(result))))
    # Qt's PDF and SVG writers do not report a failed write (a full disk): QGIS says "success" for a
    # truncated file. A complete PDF ends with its trailer, an SVG with its closing tag.
    _check_complete(path, b"%%EOF" if fmt == "pdf" else b"</svg>")
    if fmt == "pdf":
        return [path]
    pages = layout.pageCollection().pageCount()
    base, ext = os.path.splitext(path)
    files = [path] + ["{}_{}{}".format(base, i, ext) for i in range(2, pages + 1)]
    return [f for f in files if os.path.exists(f)]
