"""clusteratlas:applyatlasstyle: one of the bundled atlas styles on any layer."""
from qgis.core import (
    QgsFeature,
    QgsProcessingException,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from .. import compat
from .base import ClusterAtlasAlgorithm, tr
from .layout_layers import is_wide, long_circles, parse_field_map
from .output_styles import DEFAULT_MAX_SIZE_MM, STYLE_KEYS, STYLES, style_output
from .params import decimals
from .table_io import create_sink, make_fields, output_sink

STYLE_LABELS = {
    "circles": "Proportional circles, one colour",
    "circles_cluster": "Proportional circles by cluster",
    "circles_kind": "Proportional circles by entity kind",
    "network": "Network lines (copper / fibre)",
    "zones": "Zones: light outlines",
    "region_backdrop": "Region backdrop (Wallonia)",
    "country_outline": "Country outline (Belgium)",
    "choropleth_per1000": "Choropleth: employment per 1,000 inhabitants",
    "choropleth_lq": "Choropleth: location quotient (diverging around 1)",
}


class ApplyAtlasStyle(ClusterAtlasAlgorithm):
    ALG_ID = "applyatlasstyle"
    GROUP_ID = "cartography"
    DISPLAY_NAME = "Apply atlas style"
    TAGS = "style,symbology,proportional circles,choropleth,qml,atlas,cluster"
    HELP = (
        "<p>Copies a layer to <b>OUTPUT</b> styled with one of the bundled atlas styles, with the field chosen "
        "by parameter. For a GeoPackage output the style is stored as the layer's default style, so the file "
        "opens styled in QGIS later (also when run with qgis_process).</p>"
        "<h3>Parameters</h3><ul>"
        "<li><b>INPUT</b>: any vector layer.</li>"
        "<li><b>STYLE</b>: proportional circles (one colour, by cluster, by entity kind), network lines "
        "(copper/fibre by the field <i>class</i>), zone outlines, region backdrop, country outline, choropleth of "
        "employment per 1,000 inhabitants (quantiles), choropleth of a location quotient (breaks 0.5, 0.8, 1.25, 2).</li>"
        "<li><b>FIELD</b>: value field: circle size or choropleth value (default <i>employment</i>, "
        "<i>emp_per_1000</i> or <i>lq</i>).</li>"
        "<li><b>CATEGORY_FIELD</b>: field of the categories (default <i>cluster</i>, <i>kind</i>, <i>class</i>). "
        "When styling by cluster or kind a wide layer of the aggregation (fields <i>emp_&lt;slug&gt;</i> or "
        "<i>emp_k_&lt;kind&gt;</i>, no category field), the output has one circle per postal code and category; "
        "circles sharing a point are offset around it so none is hidden.</li>"
        "<li><b>FIELD_MAP</b>: optional slug to cluster name map (JSON), the aggregation's FIELD_MAP output, "
        "to label exploded clusters with their names.</li>"
        "<li><b>MAX_SIZE</b>: diameter in mm of the largest circle.</li>"
        "<li><b>MAX_VALUE</b>: value drawn with MAX_SIZE; 0 = the layer's maximum. Give the same value to "
        "several maps to compare them on one scale.</li></ul>"
        "<h3>Outputs</h3><ul><li><b>OUTPUT</b>: the styled copy.</li>"
        "<li><b>STYLE_INFO</b>: what was applied (e.g. the value given the largest circle).</li></ul>"
        "<h3>Method</h3><p>Circle area is proportional to the value: diameter = MAX_SIZE x sqrt(value / MAX_VALUE) "
        "(data-defined size with an area scale); larger circles are drawn first, under the smaller ones; the size "
        "legend shows nested circles of round values. Cluster colours come from a colour-blind-safe palette, "
        "chosen from the normalised cluster name, so a cluster keeps its colour across maps and runs.</p>"
        "<h3>Example</h3><p>INPUT = the CIRCLES output of Employment per postal code on the sample data (fields "
        "<code>emp_&lt;slug&gt;</code> per cluster), STYLE = Proportional circles by cluster, FIELD_MAP = its "
        "FIELD_MAP, OUTPUT = <code>circles_styled.gpkg</code>: one circle per postal code and cluster, coloured "
        "by cluster; STYLE_INFO gives the largest circle: diameter 12.0 mm (MAX_SIZE) for 1,690.</p>"
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource("INPUT", tr("Input layer"), [compat.TYPE_VECTOR_ANY_GEOMETRY]))
        self.addParameter(
            QgsProcessingParameterEnum("STYLE", tr("Style"), options=[tr(STYLE_LABELS[k]) for k in STYLE_KEYS], defaultValue=0)
        )
        self.addParameter(
            QgsProcessingParameterField("FIELD", tr("Value field"), parentLayerParameterName="INPUT", optional=True)
        )
        self.addParameter(
            QgsProcessingParameterField("CATEGORY_FIELD", tr("Category field"), parentLayerParameterName="INPUT", optional=True)
        )
        param = QgsProcessingParameterString("FIELD_MAP", tr("Slug to cluster name map (JSON)"), optional=True)
        param.setFlags(param.flags() | compat.FLAG_ADVANCED)
        self.addParameter(param)
        self.addParameter(decimals(
            QgsProcessingParameterNumber(
                "MAX_SIZE", tr("Diameter of the largest circle (mm)"), compat.NUMBER_DOUBLE, DEFAULT_MAX_SIZE_MM, minValue=0.5
            ), 1)
        )
        self.addParameter(decimals(
            QgsProcessingParameterNumber("MAX_VALUE", tr("Value at that diameter (0 = layer maximum)"), compat.NUMBER_DOUBLE, 0.0, minValue=0.0),
            2)
        )
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", tr("Styled layer")))
        self.addOutput(QgsProcessingOutputString("STYLE_INFO", tr("Style applied")))

    def compute(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, "INPUT", context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, "INPUT"))
        style_key = STYLE_KEYS[self.parameterAsEnum(parameters, "STYLE", context)]
        field = self.parameterAsString(parameters, "FIELD", context) or None
        category_field = self.parameterAsString(parameters, "CATEGORY_FIELD", context) or None
        family = STYLES[style_key][0]
        geometry = {compat.GEOM_POINT: "point", compat.GEOM_LINE: "line", compat.GEOM_POLYGON: "polygon"}.get(
            compat.geometry_type(source.wkbType())
        )
        if geometry != family:
            raise QgsProcessingException(
                tr("The style {} is for {} layers but INPUT has {} geometries; choose another style or layer.").format(
                    style_key, family, geometry or tr("no")
                )
            )
        category = {"circles_cluster": "cluster", "circles_kind": "kind"}.get(style_key)
        if category and not category_field and is_wide(source.fields(), category):
            names = parse_field_map(self.parameterAsString(parameters, "FIELD_MAP", context))
            schema, rows = long_circles(source, category, names, field or "employment", feedback, progress=(0, 50))
            feedback.pushInfo(tr("Wide layer: {} circles, one per postal code and {}.").format(len(rows), category))
            sink, dest_id = create_sink(self, parameters, "OUTPUT", context, schema, source.wkbType(), source.sourceCrs())
            fields = make_fields(schema)
            for i, (geometry_value, attributes) in enumerate(rows):
                if i % 1000 == 0:
                    self.progress(feedback, 50 + 40.0 * i / max(len(rows), 1))
                feature = QgsFeature(fields)
                feature.setGeometry(geometry_value)
                feature.setAttributes(attributes)
                sink.addFeature(feature, compat.FAST_INSERT)
        else:
            sink, dest_id = output_sink(
                self, parameters, "OUTPUT", context, source.fields(), source.wkbType(), source.sourceCrs()
            )
            if sink is None:
                raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))
            total = source.featureCount() or 1
            for i, feature in enumerate(source.getFeatures()):
                if i % 1000 == 0:
                    self.progress(feedback, 90.0 * i / total)
                sink.addFeature(feature, compat.FAST_INSERT)
        del sink  # flush the file before styling it
        max_value = self.parameterAsDouble(parameters, "MAX_VALUE", context) or None
        options = {"max_size_mm": self.parameterAsDouble(parameters, "MAX_SIZE", context), "max_value": max_value}
        if field:
            options["field"] = field
        if category_field:
            options["category_field"] = category_field
        self.progress(feedback, 90)
        info = style_output(context, dest_id, style_key, feedback, **options)
        self.progress(feedback, 100)
        return {"OUTPUT": dest_id, "STYLE_INFO": info}
