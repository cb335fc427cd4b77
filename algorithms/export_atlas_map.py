"""clusteratlas:exportatlasmap: the atlas page rendered headless to PDF, PNG or SVG."""
import os

from qgis.core import (
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsProject,
    QgsRectangle,
    QgsRendererCategory,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)

from .. import compat
from ..core import network_stats as ns
from ..core.colours import cluster_colours
from ..core.text import normalise_key
from .base import ClusterAtlasAlgorithm, tr, tr_note
from .expression_text import inert
from .layout_layers import is_wide, long_circles, memory_layer, network_classes, parse_field_map
from .layout_page import LayoutExportError, MAP_FRAME_MM, PAGE_LEGEND_LABELS, PAGE_TEXT, build_layout, export_layout, network_statement
from .output_styles import DEFAULT_MAX_SIZE_MM, apply_style, field_maximum, qml_path
from .table_io import source_to_dataframe
from .write_errors import write_failure
from .params import decimals, lon_lat_centre, split_names, working_crs

COLOUR_BY = ["cluster", "kind", "single"]
LANGUAGES = ["fr", "en"]
FORMATS = {".pdf": "pdf", ".png": "png", ".svg": "svg"}


class ExportAtlasMap(ClusterAtlasAlgorithm):
    ALG_ID = "exportatlasmap"
    GROUP_ID = "cartography"
    DISPLAY_NAME = "Export atlas map (PDF/PNG/SVG)"
    TAGS = "atlas,layout,print,pdf,png,svg,map,export,cluster"
    HELP = (
        "<p>Renders the atlas page (print layout <i>resources/atlas_page.qpt</i>: a 249 x 165 mm map frame, "
        "title and map number, legend, scale bar, north arrow and the side block \"Méthodo. et stat.\" / "
        "\"Sources et auteurs\") to a file, without the desktop. One page for all clusters, or one page per "
        "cluster (maps 1, 2, 3... of the atlas).</p>"
        "<h3>Parameters</h3><ul>"
        "<li><b>CIRCLES</b>: points with the employment per postal code: the CIRCLES output of Aggregate per "
        "postal code (wide: <i>emp_&lt;slug&gt;</i> per cluster, <i>emp_k_&lt;kind&gt;</i> per kind) or any "
        "point layer with a <i>cluster</i> or <i>kind</i> field.</li>"
        "<li><b>FIELD</b>: value field of the circles (default <i>employment</i>).</li>"
        "<li><b>COLOUR_BY</b>: colour by cluster, by entity kind, or one colour.</li>"
        "<li><b>CLUSTERS</b>: clusters to map, separated by ';' (or ',' when there is no ';'; names or slugs); empty = all.</li>"
        "<li><b>PER_CLUSTER</b>: one page per cluster (numbered from MAP_NUMBER) instead of one page.</li>"
        "<li><b>FIELD_MAP</b>: slug to cluster name map (JSON), the aggregation's FIELD_MAP output.</li>"
        "<li><b>NETWORK</b>, <b>ZONES</b>, <b>BOUNDARY</b>, <b>BACKDROP</b>: optional layers drawn under the "
        "circles: network lines, zone outlines, the region (Wallonia), the country (Belgium).</li>"
        "<li><b>NETWORK_CLASS_FIELD</b>, <b>CLASS_MAP</b>: how network lines are drawn by type, as in Network "
        "overlay: the type field (default <i>class</i> when the layer has one) and the map of its values onto "
        "classes (e.g. <code>rail=fibre; *=other</code>; <code>copper</code>, <code>fibre</code> and "
        "<code>fiber</code> need no map). Copper, fibre and other lines get the atlas symbols; a network without a "
        "type field is drawn with one symbol (a warning says so).</li>"
        "<li><b>NETWORK_SUMMARY</b>: the SUMMARY table of Network overlay; its measure is written in the side "
        "block \"Méthodo. et stat.\" (whole network, smallest distance): e.g. <i>26,5 % de l’emploi dans un "
        "rayon de 1 km du réseau (2,7 % de la surface) ; ρ de Spearman 0,31 (n = 33).</i></li>"
        "<li><b>EXTENT</b>: map extent; default the BOUNDARY extent grown to hold every circle.</li>"
        "<li><b>TITLE</b>, <b>SUBTITLE</b>, <b>MAP_NUMBER</b>, <b>ATLAS_NAME</b>: page texts; per cluster the "
        "subtitle is the cluster name.</li>"
        "<li><b>SPATIAL_LEVEL</b>, <b>METHOD</b>, <b>DATA_USED</b>, <b>SOURCES</b>, <b>AUTHORS</b>, <b>CREDITS</b>: "
        "the side block and the line under the map. Left empty, METHOD and DATA_USED state what the plugin computes, "
        "SOURCES is printed as still to be given (with a warning) and AUTHORS is left out. A title too long for one "
        "line is set smaller.</li>"
        "<li><b>PAGE_LANGUAGE</b>: language of the fixed page wording (French as in the atlas, or English).</li>"
        "<li><b>MAX_SIZE</b>: diameter in mm of the largest circle; every page uses the same scale.</li>"
        "<li><b>DPI</b>: resolution of PNG output (and of rasterised parts of PDF/SVG).</li>"
        "<li><b>OUTPUT</b>: the file; the format comes from its extension (.pdf, .png, .svg). A PDF holds every "
        "page; PNG and SVG write one file per page (name.png, name_2.png, ...).</li></ul>"
        "<h3>Outputs</h3><ul><li><b>OUTPUT</b>: the file.</li><li><b>FILES</b>: every file written (';').</li>"
        "<li><b>PAGES</b>: number of pages.</li><li><b>MAP_EXTENT</b>: extent of the (first) map as "
        "xmin,ymin,xmax,ymax and its CRS.</li></ul>"
        "<h3>Method</h3><p>Circle area is proportional to employment (diameter = MAX_SIZE x sqrt(value / "
        "maximum)), larger circles under smaller ones, nested-circle size legend with round values. Clusters "
        "sharing a postal code are offset around the point so none is hidden. Cluster colours are stable "
        "across maps and runs (colour-blind-safe palette chosen from the normalised cluster name).</p>"
        "<h3>Example</h3><p>CIRCLES, ZONES and FIELD_MAP = the outputs of Employment per postal code on the "
        "sample data, NETWORK = <code>sample_data/network_illustrative.gpkg</code>, BOUNDARY = "
        "<code>sample_data/boundaries.gpkg</code> (layer <code>wallonia</code>), PER_CLUSTER = yes, TITLE = Les "
        "clusters technologiques, OUTPUT = <code>atlas.pdf</code>: a PDF of 4 pages (PAGES = 4), one per cluster "
        "of the sample.</p>"
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        def optional_layer(name, label, kind):
            self.addParameter(QgsProcessingParameterVectorLayer(name, label, [kind], optional=True))

        optional_layer("CIRCLES", tr("Circles (employment per postal code)"), compat.TYPE_VECTOR_POINT)
        self.addParameter(
            QgsProcessingParameterField(
                "FIELD", tr("Value field"), "employment", "CIRCLES", compat.FIELD_NUMERIC, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                "COLOUR_BY", tr("Colour circles by"), options=[tr("Cluster"), tr("Entity kind"), tr("One colour")], defaultValue=0
            )
        )
        self.addParameter(QgsProcessingParameterString("CLUSTERS", tr("Clusters to map (empty = all)"), optional=True))
        self.addParameter(QgsProcessingParameterBoolean("PER_CLUSTER", tr("One page per cluster"), defaultValue=False))
        param = QgsProcessingParameterString("FIELD_MAP", tr("Slug to cluster name map (JSON)"), optional=True)
        param.setFlags(param.flags() | compat.FLAG_ADVANCED)
        self.addParameter(param)
        optional_layer("NETWORK", tr("Network lines"), compat.TYPE_VECTOR_LINE)
        self.addParameter(QgsProcessingParameterField(
            "NETWORK_CLASS_FIELD", tr("Network type field"), parentLayerParameterName="NETWORK", optional=True))
        self.addParameter(QgsProcessingParameterString(
            "CLASS_MAP", tr("Type values onto classes"), defaultValue="", multiLine=True, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "NETWORK_SUMMARY", tr("Network overlay summary"), [compat.TYPE_VECTOR], optional=True))
        optional_layer("ZONES", tr("Zones"), compat.TYPE_VECTOR_POLYGON)
        optional_layer("BOUNDARY", tr("Region boundary"), compat.TYPE_VECTOR_POLYGON)
        optional_layer("BACKDROP", tr("Country backdrop"), compat.TYPE_VECTOR_POLYGON)
        self.addParameter(QgsProcessingParameterExtent("EXTENT", tr("Map extent"), optional=True))
        texts = [
            ("TITLE", tr("Title"), "Les clusters technologiques"),
            ("SUBTITLE", tr("Subtitle"), ""),
            ("MAP_NUMBER", tr("Map number"), "Carte 1"),
            ("ATLAS_NAME", tr("Atlas name"), "Atlas des dynamiques territoriales"),
            ("SPATIAL_LEVEL", tr("Spatial level"), "Code postal"),
            ("METHOD", tr("Method"), ""),
            ("DATA_USED", tr("Data used"), ""),
            ("SOURCES", tr("Data sources"), ""),
            ("AUTHORS", tr("Authors"), ""),
            ("CREDITS", tr("Credits line under the map"), ""),
        ]
        for name, label, default in texts:
            self.addParameter(
                QgsProcessingParameterString(name, label, defaultValue=default, multiLine=name in ("METHOD", "DATA_USED", "SOURCES", "AUTHORS"), optional=True)
            )
        self.addParameter(
            QgsProcessingParameterEnum("PAGE_LANGUAGE", tr("Page language"), options=[tr("French"), tr("English")], defaultValue=0)
        )
        self.addParameter(
            decimals(QgsProcessingParameterNumber("MAX_SIZE", tr("Diameter of the largest circle (mm)"), compat.NUMBER_DOUBLE,
                                                  DEFAULT_MAX_SIZE_MM, minValue=0.5), 1)
        )
        self.addParameter(QgsProcessingParameterNumber("DPI", tr("Resolution (DPI)"), compat.NUMBER_INTEGER, 150, minValue=30, maxValue=1200))
        self.addParameter(
            QgsProcessingParameterFileDestination("OUTPUT", tr("Atlas page"), tr("PDF files (*.pdf);;PNG files (*.png);;SVG files (*.svg)"))
        )
        self.addOutput(QgsProcessingOutputString("FILES", tr("Files written")))
        self.addOutput(QgsProcessingOutputNumber("PAGES", tr("Number of pages")))
        self.addOutput(QgsProcessingOutputString("MAP_EXTENT", tr("Map extent")))

    # --- helpers ----------------------------------------------------------------
    def _layer(self, parameters, name, context):
        layer = self.parameterAsVectorLayer(parameters, name, context)
        if layer is None and parameters.get(name):
            raise QgsProcessingException(tr("{}: could not open the layer {}.").format(name, parameters.get(name)))
        if layer is not None and layer.providerType() == "ogr":
            # A file is read through a connection of its own. In a model the context
            # hands over the layer an earlier step loaded (and styled: the default
            # style written into its GeoPackage through another connection); its
            # read-only SQLite connection, opened before that write, fails on the
            # changed file ("ERROR 1: ... sqlite3_step(SELECT COUNT(*) ...): unable
            # to open database file") before GDAL reopens it.
            fresh = QgsVectorLayer(layer.source(), layer.name(), "ogr")
            if fresh.isValid():
                return fresh
        return layer

    def _network_statement(self, parameters, context, language, feedback):
        """The sentence of the overlay's measure for the side block ('' without NETWORK_SUMMARY)."""
        if not parameters.get("NETWORK_SUMMARY"):
            return ""
        source = self.parameterAsSource(parameters, "NETWORK_SUMMARY", context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, "NETWORK_SUMMARY"))
        needed = ["class", "threshold_km", "employment_share", "area_share", "spearman_rho", "spearman_n"]
        missing = [n for n in needed if source.fields().lookupField(n) < 0]
        if missing:
            raise QgsProcessingException(tr(
                "NETWORK_SUMMARY has no field {}: give the SUMMARY output of Network overlay.").format(
                ", ".join(missing)))
        rows = source_to_dataframe(source, attributes=needed).to_dict("records")
        text = network_statement(rows, language)
        if text:
            feedback.pushInfo(tr("Network measure on the page: {}").format(text))
        else:
            feedback.pushWarning(tr("NETWORK_SUMMARY holds no figure of the whole network: no measure on the page."))
        return text

    def _style_network(self, layer, parameters, context, legend_words, feedback):
        """Network lines in the atlas symbology: copper, fibre and other lines by the
        type field and CLASS_MAP (networkoverlay's parser); one symbol without a type field."""
        field = self.parameterAsString(parameters, "NETWORK_CLASS_FIELD", context) or ""
        try:
            class_map = ns.parse_class_map(self.parameterAsString(parameters, "CLASS_MAP", context))
        except ValueError as exc:
            raise QgsProcessingException(tr_note(exc)) from None
        if field and layer.fields().lookupField(field) < 0:
            feedback.pushWarning(tr("NETWORK has no field '{}' (NETWORK_CLASS_FIELD): the network is drawn with one "
                                    "symbol.").format(field))
            field = ""
        elif not field and layer.fields().lookupField("class") >= 0:
            field = "class"
        message, ok = layer.loadNamedStyle(qml_path("network"), compat.STYLE_CATEGORY_SYMBOLOGY)
        if not ok:
            raise QgsProcessingException(tr("Could not load the style {}: {}").format(qml_path("network"), message))
        renderer = layer.renderer().clone()
        categories = renderer.categories()  # held: a category's symbol lives as long as its category
        if not field:
            feedback.pushWarning(tr("NETWORK has no type field ('class', or choose one with NETWORK_CLASS_FIELD): "
                                    "the network is drawn with one symbol, without copper/fibre classes."))
            symbol = categories[0].symbol().clone()  # the copper line: the atlas' network
            layer.setRenderer(QgsSingleSymbolRenderer(symbol))
            return
        expression, present = network_classes(layer, field, class_map)
        renderer.setClassAttribute(expression)
        kept = []
        for category in categories:
            value = str(category.value())
            if value in present:
                kept.append(QgsRendererCategory(value, category.symbol().clone(), inert(legend_words.get(value, value))))
        for value in sorted(present - {str(c.value()) for c in categories}):
            # other classes: the style's plain grey line
            kept.append(QgsRendererCategory(value, renderer.sourceSymbol().clone(), inert(legend_words.get(value, value))))
        for index in reversed(range(len(renderer.categories()))):
            renderer.deleteCategory(index)
        for category in kept:
            renderer.addCategory(category)
        layer.setRenderer(renderer)
        counts = ", ".join(sorted(present))
        feedback.pushInfo(tr("Network drawn by its field {}: classes {}.").format(field, counts or "-"))
        if not present & {"copper", "fibre"}:
            feedback.pushWarning(tr("No network line is copper or fibre (field {}): every line is drawn as '{}'. "
                                    "Map its values with CLASS_MAP, e.g. rail=fibre.").format(field, class_map.default))

    def _circle_layers(self, circles, field, colour_by, wanted, per_cluster, names, feedback, title):
        """``[(page label, layer)]``: the circle layer(s) ready to style, one per page."""
        if circles.fields().lookupField(field) < 0:
            raise QgsProcessingException(
                tr("CIRCLES has no field '{}'; choose the value field with FIELD.").format(field)
            )
        category = {"cluster": "cluster", "kind": "kind"}.get(colour_by)
        crs = circles.crs()
        if category and is_wide(circles.fields(), category):
            schema, rows = long_circles(circles, category, names, field, feedback, progress=(5, 20))
        elif category and circles.fields().lookupField(category) >= 0:
            schema = [(f.name(), compat.field_kind(f)) for f in circles.fields()]
            rows = [(f.geometry(), f.attributes()) for f in circles.getFeatures()]
        elif category == "cluster" and per_cluster:
            raise QgsProcessingException(
                tr("CIRCLES has neither a 'cluster' field nor emp_<slug> fields: cannot map per cluster.")
            )
        else:
            if category:
                feedback.pushWarning(
                    tr("CIRCLES has no '{0}' field nor wide per-{0} fields: circles get one colour.").format(category)
                )
            schema = [(f.name(), compat.field_kind(f)) for f in circles.fields()]
            rows = [(f.geometry(), f.attributes()) for f in circles.getFeatures()]
            category = None
        cluster_index = [n for n, _ in schema].index("cluster") if category == "cluster" else None
        if wanted and cluster_index is not None:
            keep = {normalise_key(w) for w in wanted}
            slugs = {normalise_key(k) for k, v in names.items() if normalise_key(v) in keep}
            rows = [r for r in rows if normalise_key(r[1][cluster_index]) in keep | slugs]
            missing = keep - {normalise_key(r[1][cluster_index]) for r in rows} - {normalise_key(names.get(s, s)) for s in slugs}
            if missing:
                feedback.pushWarning(tr("Clusters not found in CIRCLES: {}").format(", ".join(sorted(missing))))
            if not rows:
                raise QgsProcessingException(tr("None of the clusters in CLUSTERS is in the CIRCLES layer."))
        if per_cluster and cluster_index is not None:
            clusters = sorted({r[1][cluster_index] for r in rows}, key=lambda c: normalise_key(c))
            pages = []
            for cluster in clusters:
                subset = [r for r in rows if r[1][cluster_index] == cluster]
                pages.append((cluster, memory_layer(title, schema, _unslotted(subset, schema), crs)))
            return pages, category
        return [("", memory_layer(title, schema, rows, crs))], category

    def compute(self, parameters, context, feedback):
        path = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        fmt = FORMATS.get(os.path.splitext(path)[1].lower())
        if fmt is None:
            raise QgsProcessingException(tr("OUTPUT {}: use a .pdf, .png or .svg file name.").format(path))
        circles = self._layer(parameters, "CIRCLES", context)
        others = {n: self._layer(parameters, n, context) for n in ("NETWORK", "ZONES", "BOUNDARY", "BACKDROP")}
        # A model may hand over a layer of another geometry (the aggregation on
        # postcode points gives point "zones"): leave it off the page, say so.
        for name, layer in others.items():
            wanted_type = compat.GEOM_LINE if name == "NETWORK" else compat.GEOM_POLYGON
            if layer is not None and compat.geometry_type(layer.wkbType()) != wanted_type:
                feedback.pushWarning(tr("{}: {} is not a {} layer; it is left off the page.").format(
                    name, layer.name(), tr("line") if name == "NETWORK" else tr("polygon")))
                others[name] = None
        if circles is None and not any(others.values()):
            raise QgsProcessingException(tr("Nothing to map: give CIRCLES and/or NETWORK, ZONES, BOUNDARY, BACKDROP."))
        language = LANGUAGES[self.parameterAsEnum(parameters, "PAGE_LANGUAGE", context)]
        wording = PAGE_TEXT[language]
        legend_words = PAGE_LEGEND_LABELS[language]
        field = self.parameterAsString(parameters, "FIELD", context) or "employment"
        colour_by = COLOUR_BY[self.parameterAsEnum(parameters, "COLOUR_BY", context)]
        per_cluster = self.parameterAsBool(parameters, "PER_CLUSTER", context)
        wanted = split_names(self.parameterAsString(parameters, "CLUSTERS", context))
        names = parse_field_map(self.parameterAsString(parameters, "FIELD_MAP", context))
        max_size = self.parameterAsDouble(parameters, "MAX_SIZE", context)
        dpi = self.parameterAsInt(parameters, "DPI", context)
        self.progress(feedback, 5)

        project = QgsProject()
        crs = self._page_crs(circles, others, context)
        feedback.pushInfo(tr("Map CRS: {}").format(crs.authid()))
        project.setCrs(crs)
        pages = [("", None)]
        category = None
        if circles is not None:
            pages, category = self._circle_layers(
                circles, field, colour_by, wanted, per_cluster, names, feedback, wording["layer_" + colour_by]
            )
        self.check_cancel(feedback)

        background = []  # drawn under the circles, top first
        styles = (("NETWORK", "network"), ("ZONES", "zones"), ("BOUNDARY", "region_backdrop"), ("BACKDROP", "country_outline"))
        for name, style_key in styles:
            layer = others[name]
            if layer is None:
                continue
            # A copy to restyle, never the user's layer. A memory layer (a temporary
            # output in a model) reopened from its source would be empty: copy its features.
            if layer.providerType() == "memory":
                copy = layer.materialize(QgsFeatureRequest())
                copy.setName(layer.name())
            else:
                copy = QgsVectorLayer(layer.source(), layer.name(), layer.providerType())
            if not copy.isValid():
                copy = layer.clone()
            if style_key == "network":
                self._style_network(copy, parameters, context, legend_words, feedback)
                copy.setName(wording["network_title"])
            else:
                try:
                    apply_style(copy, style_key, labels=legend_words)
                except ValueError as error:  # the layer does not fit the style (a field missing): the user's to fix
                    raise QgsProcessingException("{}: {}".format(name, error)) from None
            project.addMapLayer(copy, False)
            background.append(copy)

        # One scale and one set of colours for every page, so maps compare.
        circle_layers = [layer for _label, layer in pages if layer is not None]
        max_value = max((field_maximum(layer, field) for layer in circle_layers), default=0.0)
        if circle_layers and not max_value > 0:
            feedback.pushWarning(
                tr("Every value of '{}' in CIRCLES is 0 or empty (unknown employment): the page has no circle. "
                   "Check the member table's employment or choose another FIELD.").format(field)
            )
        colours = None
        if category == "cluster":
            clusters = set()
            for layer in circle_layers:
                clusters |= {str(v) for v in layer.uniqueValues(layer.fields().lookupField("cluster"))}
            colours = cluster_colours(sorted(clusters))
        style_key = {"cluster": "circles_cluster", "kind": "circles_kind"}.get(category, "circles")
        legend_of = {}
        for layer in circle_layers:
            options = dict(field=field, max_size_mm=max_size, max_value=max_value or None,
                           legend_title=wording["size_title"], colours=colours, labels=legend_words)
            apply_style(layer, style_key, **options)
            project.addMapLayer(layer, False)
            # Legend from a copy without the offsets (see output_styles._style_circles).
            legend_copy = layer.clone()
            apply_style(legend_copy, style_key, offset=False, **options)
            project.addMapLayer(legend_copy, False)
            legend_of[layer.id()] = legend_copy

        extent = self._extent(parameters, context, crs, others, circle_layers, max_size)
        base_number = self.parameterAsString(parameters, "MAP_NUMBER", context) or ""
        measure = self._network_statement(parameters, context, language, feedback)
        if not self.parameterAsString(parameters, "SOURCES", context):
            feedback.pushWarning(tr("SOURCES is empty: the page says the sources are still to be given; name them "
                                    "(data, year, licence) for a page to publish."))
        specs = []
        for index, (label, layer) in enumerate(pages):
            texts = dict(wording)
            for key in ("TITLE", "SUBTITLE", "ATLAS_NAME", "SPATIAL_LEVEL", "METHOD", "DATA_USED", "SOURCES", "AUTHORS", "CREDITS"):
                texts[key.lower()] = self.parameterAsString(parameters, key, context) or ""
            texts["map_number"] = _numbered(base_number, index) if len(pages) > 1 else base_number
            for key in ("method", "data_used"):  # the method the plugin applies, when not told otherwise
                texts[key] = texts[key] or wording["default_" + key]
            # A published map cites its sources: an empty SOURCES is printed as "to be given".
            texts["sources"] = texts["sources"] or wording["default_sources"]
            if not texts["authors"]:
                texts["authors_label"] = ""
            if measure:  # the overlay's measure, in the side block under the method
                texts["method"] = "\n".join(t for t in (texts["method"], measure) if t)
            if label:
                texts["subtitle"] = label if not texts["subtitle"] else "{} - {}".format(texts["subtitle"], label)
            layers = ([layer] if layer is not None else []) + background
            legend_layers = ([legend_of[layer.id()]] if layer is not None else []) + [b for b in background if b.name() == wording["network_title"]]
            specs.append({"texts": texts, "layers": layers, "legend_layers": legend_layers, "extent": extent, "crs": crs})
        self.progress(feedback, 30)
        if fmt != "pdf":  # one file per page: page 2 onwards are written besides OUTPUT
            base, ext = os.path.splitext(path)
            for number in range(2, len(specs) + 1):
                self.track_output("{}_{}{}".format(base, number, ext))

        def page_written(done, count):
            self.progress(feedback, 50 + 50.0 * done / max(count, 1))

        try:
            layout, maps, _keep = build_layout(project, specs)
            self.progress(feedback, 50)
            files = export_layout(layout, path, fmt, dpi, page_written)
        except LayoutExportError as error:
            raise QgsProcessingException(write_failure(error.path, detail=error.detail)) from None
        except ValueError as error:
            raise QgsProcessingException(tr("Atlas page export to {} failed: {}").format(path, error))
        final = maps[0].extent()
        map_extent = "{:.3f},{:.3f},{:.3f},{:.3f} [{}]".format(
            final.xMinimum(), final.yMinimum(), final.xMaximum(), final.yMaximum(), crs.authid()
        )
        feedback.pushInfo(tr("Atlas page: {} page(s) written to {}").format(
            len(specs), "; ".join(self.shown_path(f) for f in files)))
        self.progress(feedback, 100)
        return {"OUTPUT": path, "FILES": ";".join(files), "PAGES": len(specs), "MAP_EXTENT": map_extent}

    @staticmethod
    def _page_crs(circles, others, context):
        """The inputs' CRS when projected; lon/lat inputs (a delimited-text layer of
        points) get a projected one, else the map is stretched and the scale bar
        meaningless: the first projected input, else the UTM zone of the region."""
        layers = [layer for layer in [circles] + [others[n] for n in ("BOUNDARY", "BACKDROP", "ZONES", "NETWORK")]
                  if layer is not None]
        first = layers[0].crs()
        if first.isValid() and not first.isGeographic():
            return first
        anchor = others.get("BOUNDARY") or others.get("BACKDROP") or layers[0]
        centre = lon_lat_centre(anchor.extent(), anchor.crs(), context.transformContext())
        return working_crs(None, [layer.crs() for layer in layers], centre)

    def _extent(self, parameters, context, crs, others, circle_layers, max_size_mm):
        if parameters.get("EXTENT"):
            rect = self.parameterAsExtent(parameters, "EXTENT", context, crs)
            if not rect.isEmpty():
                return rect
        source = others.get("BOUNDARY") or others.get("BACKDROP")
        # The region and every circle: partners outside the region (Brussels,
        # Luxembourg) are part of the atlas reading and must not be cut off.
        candidates = ([source] if source is not None else []) + list(circle_layers)
        candidates = candidates or [v for v in others.values() if v]
        rect = None
        for layer in candidates:
            layer_rect = layer.extent()
            if layer.featureCount() == 0 or not layer_rect.isFinite():
                continue  # an empty layer (no circle: all employment 0/unknown) has an infinite extent
            if layer.crs() != crs:
                layer_rect = QgsCoordinateTransform(layer.crs(), crs, QgsProject.instance()).transformBoundingBox(layer_rect)
            if rect is None:
                rect = QgsRectangle(layer_rect)
            else:
                rect.combineExtentWith(layer_rect)
        if rect is None or rect.isEmpty():
            center = rect.center() if rect is not None else None
            rect = QgsRectangle(-1000, -1000, 1000, 1000) if center is None else QgsRectangle(
                center.x() - 1000, center.y() - 1000, center.x() + 1000, center.y() + 1000
            )
        # Circles are drawn in mm around their points: leave the largest
        # radius (plus 2 mm) free on every side of the 249 mm wide frame.
        margin_mm = max_size_mm / 2.0 + 2.0
        rect.grow(rect.width() * margin_mm / max(MAP_FRAME_MM[0] - 2 * margin_mm, 1.0))
        return rect


def _unslotted(rows, schema):
    """Rows of one cluster alone on its page: no offset is needed any more."""
    names = [n for n, _ in schema]
    if "slot" not in names:
        return rows
    slot, slots = names.index("slot"), names.index("slots")
    out = []
    for geometry, attributes in rows:
        attributes = list(attributes)
        attributes[slot], attributes[slots] = 0, 1
        out.append((geometry, attributes))
    return out


def _numbered(base, index):
    """'Carte 1' -> 'Carte 1', 'Carte 2', ... for successive pages (trailing number incremented)."""
    import re

    match = re.search(r"(\d+)\s*$", base or "")
    if not match:
        return "{} {}".format(base, index + 1).strip()
    return base[: match.start(1)] + str(int(match.group(1)) + index)
