"""One place for the QGIS 3.22 -> 3.44 (and Qt5 -> Qt6) API differences.

Enums moved into ``Qgis`` in 3.30/3.36 and the old spellings are deprecated
(and gone in QGIS 4); ``QgsField`` takes ``QMetaType`` from 3.38. Every module
of the plugin takes these names from here, never from the versioned spots, so
the QGIS 4 port is a change to this file only.
"""
from qgis.core import (
    Qgis,
    QgsFeatureSink,
    QgsField,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

QGIS_VERSION_INT = Qgis.QGIS_VERSION_INT
_HAS_336_ENUMS = hasattr(Qgis, "ProcessingSourceType")  # 3.36+
_HAS_WKB_ENUM = hasattr(Qgis, "WkbType")  # 3.30+
_FIELD_TAKES_METATYPE = QGIS_VERSION_INT >= 33800


def _pick(new_scope, new_name, old_scope, old_name):
    if new_scope is not None and hasattr(new_scope, new_name):
        return getattr(new_scope, new_name)
    return getattr(old_scope, old_name)


def _scope(name):
    return getattr(Qgis, name, None)


# --- Processing source (layer) types -------------------------------------
_PST = _scope("ProcessingSourceType")
TYPE_VECTOR_ANY_GEOMETRY = _pick(_PST, "VectorAnyGeometry", QgsProcessing, "TypeVectorAnyGeometry")
TYPE_VECTOR_POINT = _pick(_PST, "VectorPoint", QgsProcessing, "TypeVectorPoint")
TYPE_VECTOR_LINE = _pick(_PST, "VectorLine", QgsProcessing, "TypeVectorLine")
TYPE_VECTOR_POLYGON = _pick(_PST, "VectorPolygon", QgsProcessing, "TypeVectorPolygon")
TYPE_VECTOR = _pick(_PST, "Vector", QgsProcessing, "TypeVector")  # tables too

# --- Parameter flags and sub-types ----------------------------------------
_PPF = _scope("ProcessingParameterFlag")
FLAG_OPTIONAL = _pick(_PPF, "Optional", QgsProcessingParameterDefinition, "FlagOptional")
FLAG_ADVANCED = _pick(_PPF, "Advanced", QgsProcessingParameterDefinition, "FlagAdvanced")
FLAG_HIDDEN = _pick(_PPF, "Hidden", QgsProcessingParameterDefinition, "FlagHidden")

_PNT = _scope("ProcessingNumberParameterType")
NUMBER_INTEGER = _pick(_PNT, "Integer", QgsProcessingParameterNumber, "Integer")
NUMBER_DOUBLE = _pick(_PNT, "Double", QgsProcessingParameterNumber, "Double")

_PFT = _scope("ProcessingFieldParameterDataType")
FIELD_ANY = _pick(_PFT, "Any", QgsProcessingParameterField, "Any")
FIELD_NUMERIC = _pick(_PFT, "Numeric", QgsProcessingParameterField, "Numeric")
FIELD_STRING = _pick(_PFT, "String", QgsProcessingParameterField, "String")

# --- Algorithm flags -------------------------------------------------------
_PAF = _scope("ProcessingAlgorithmFlag")
ALG_FLAG_NO_THREADING = _pick(_PAF, "NoThreading", QgsProcessingAlgorithm, "FlagNoThreading")
ALG_FLAG_CAN_CANCEL = _pick(_PAF, "CanCancel", QgsProcessingAlgorithm, "FlagCanCancel")

# --- Geometry types ----------------------------------------------------------
_WKB = _scope("WkbType") if _HAS_WKB_ENUM else None
WKB_NO_GEOMETRY = _pick(_WKB, "NoGeometry", QgsWkbTypes, "NoGeometry")
WKB_POINT = _pick(_WKB, "Point", QgsWkbTypes, "Point")
WKB_MULTIPOLYGON = _pick(_WKB, "MultiPolygon", QgsWkbTypes, "MultiPolygon")
WKB_MULTILINESTRING = _pick(_WKB, "MultiLineString", QgsWkbTypes, "MultiLineString")

_GT = _scope("GeometryType")
GEOM_POINT = _pick(_GT, "Point", QgsWkbTypes, "PointGeometry")
GEOM_LINE = _pick(_GT, "Line", QgsWkbTypes, "LineGeometry")
GEOM_POLYGON = _pick(_GT, "Polygon", QgsWkbTypes, "PolygonGeometry")
GEOM_NULL = _pick(_GT, "Null", QgsWkbTypes, "NullGeometry")


def geometry_type(wkb_type):
    """Point/Line/Polygon/Null family of a WKB type, on every version."""
    return QgsWkbTypes.geometryType(wkb_type)


# --- Sink flags ----------------------------------------------------------------
FAST_INSERT = _pick(getattr(QgsFeatureSink, "Flag", None), "FastInsert", QgsFeatureSink, "FastInsert")

# --- Fields ------------------------------------------------------------------------
# Logical type -> (QMetaType.Type name, QVariant.Type name, OGR-ish name). Names, not members: PyQt6 has
# no QVariant.String/Int/... (QGIS 4), so the Qt5 spelling is looked up only where it is used (< 3.38).
_FIELD_TYPES = {
    "string": ("QString", "String", "String"),
    "int": ("Int", "Int", "Integer"),
    "int64": ("LongLong", "LongLong", "Integer64"),
    "double": ("Double", "Double", "Real"),
    "bool": ("Bool", "Bool", "Boolean"),
}
# Type ids shared by QVariant::Type (Qt5) and QMetaType::Type (Qt5 and Qt6): Bool 1, Int 2, UInt 3,
# LongLong 4, ULongLong 5, Double 6, QString 10. Comparing ids works whichever of the two
# QgsField.type() returns (QVariant::Type before 3.38, QMetaType::Type from 3.38 and in QGIS 4).
_TYPE_ID = {"bool": 1, "int": 2, "uint": 3, "int64": 4, "uint64": 5, "double": 6, "string": 10}


def _meta_type(meta_name):
    from qgis.PyQt.QtCore import QMetaType

    scope = getattr(QMetaType, "Type", QMetaType)
    return getattr(scope, meta_name)


def _variant_type(variant_name):
    from qgis.PyQt.QtCore import QVariant

    scope = getattr(QVariant, "Type", QVariant)
    return getattr(scope, variant_name) if hasattr(scope, variant_name) else getattr(QVariant, variant_name)


def type_id(value):
    """The integer id of a ``QVariant.Type`` / ``QMetaType.Type`` value (sip int or Python enum)."""
    value = getattr(value, "value", value)
    return int(value)


def make_field(name, kind="string", length=0, precision=0):
    """A ``QgsField`` of logical type ``kind`` (string/int/int64/double/bool)."""
    try:
        meta_name, variant_name, _ = _FIELD_TYPES[kind]
    except KeyError:
        raise ValueError(f"unknown field kind {kind!r}; use one of {sorted(_FIELD_TYPES)}") from None
    field_type = _meta_type(meta_name) if _FIELD_TAKES_METATYPE else _variant_type(variant_name)
    return QgsField(name, field_type, len=length, prec=precision)


def field_kind(field):
    """Logical type of an existing ``QgsField`` (inverse of :func:`make_field`)."""
    kind_id = type_id(field.type())
    if field.isNumeric():
        name = field.typeName().lower()
        if "int" in name and "64" in name or kind_id in (_TYPE_ID["int64"], _TYPE_ID["uint64"]):
            return "int64"
        if kind_id in (_TYPE_ID["int"], _TYPE_ID["uint"]) or name in ("integer", "int", "int4"):
            return "int"
        return "double"
    if kind_id == _TYPE_ID["bool"]:
        return "bool"
    return "string"


# --- Spatial index flags ----------------------------------------------------------
from qgis.core import QgsSpatialIndex as _QgsSpatialIndex  # noqa: E402

SPATIAL_INDEX_STORE_GEOMETRIES = _pick(
    getattr(_QgsSpatialIndex, "Flag", None), "FlagStoreFeatureGeometries", _QgsSpatialIndex, "FlagStoreFeatureGeometries"
)


# --- Text rendering in exports (selectable text in PDF/SVG) ------------------------
def text_format_always_text():
    """``Qgis.TextRenderFormat.AlwaysText`` (3.22+ enum) or the older QgsRenderContext value."""
    scope = getattr(Qgis, "TextRenderFormat", None)
    if scope is not None and hasattr(scope, "AlwaysText"):
        return scope.AlwaysText
    from qgis.core import QgsRenderContext

    return getattr(QgsRenderContext, "TextFormatAlwaysText")  # before 3.22 only


# --- Class-scoped enums: old unscoped spellings are gone in QGIS 4 (PyQt6) -----------
# ``Class.Enum.Member`` already works on 3.22 for enums declared in a class;
# enums moved into ``Qgis`` (3.30/3.36) take the new name when it exists.
from qgis.core import (  # noqa: E402
    QgsDataDefinedSizeLegend as _QgsDataDefinedSizeLegend,
    QgsFeatureRequest as _QgsFeatureRequest,
    QgsLayoutExporter as _QgsLayoutExporter,
    QgsLayoutItemLabel as _QgsLayoutItemLabel,
    QgsLayoutItemRegistry as _QgsLayoutItemRegistry,
    QgsLayoutItemShape as _QgsLayoutItemShape,
    QgsMapLayer as _QgsMapLayer,
    QgsProcessingFeatureSource as _QgsProcessingFeatureSource,
    QgsProcessingUtils as _QgsProcessingUtils,
    QgsSizeScaleTransformer as _QgsSizeScaleTransformer,
    QgsSymbolLayer as _QgsSymbolLayer,
    QgsUnitTypes as _QgsUnitTypes,
    QgsVectorFileWriter as _QgsVectorFileWriter,
)


def _member(cls, enum_name, member, old_member=None):
    """``cls.enum_name.member`` (scoped, Qt6-proof), else the old ``cls.old_member``."""
    scope = getattr(cls, enum_name, None)
    if scope is not None and hasattr(scope, member):
        return getattr(scope, member)
    return getattr(cls, old_member or member)


# Qgis.FeatureRequestFlag (3.36) / QgsFeatureRequest.Flag
FEATURE_REQUEST_NO_GEOMETRY = _pick(_scope("FeatureRequestFlag"), "NoGeometry",
                                    _QgsFeatureRequest, "NoGeometry")
# Qgis.ProcessingFeatureSourceFlag (3.36) / QgsProcessingFeatureSource.Flag
SOURCE_SKIP_GEOMETRY_CHECKS = _pick(_scope("ProcessingFeatureSourceFlag"), "SkipGeometryValidityChecks",
                                    _QgsProcessingFeatureSource, "FlagSkipGeometryValidityChecks")
# Qgis.DistanceUnit (3.30) / QgsUnitTypes.DistanceUnit
DISTANCE_METERS = _pick(_scope("DistanceUnit"), "Meters", _QgsUnitTypes, "DistanceMeters")
DISTANCE_KILOMETERS = _pick(_scope("DistanceUnit"), "Kilometers", _QgsUnitTypes, "DistanceKilometers")
# QgsSymbolLayer.Property (scoped since 3.30: Property.Offset; before: PropertyOffset)
SYMBOL_PROPERTY_OFFSET = _member(_QgsSymbolLayer, "Property", "Offset", "PropertyOffset")
SIZE_SCALE_AREA = _member(_QgsSizeScaleTransformer, "ScaleType", "Area")
STYLE_CATEGORY_SYMBOLOGY = _member(_QgsMapLayer, "StyleCategory", "Symbology")
LAYOUT_EXPORT_SUCCESS = _member(_QgsLayoutExporter, "ExportResult", "Success")
LAYER_HINT_VECTOR = _member(_QgsProcessingUtils, "LayerHint", "Vector")  # class-scoped on 3.22..4
LAYOUT_ITEM_PAGE = _member(_QgsLayoutItemRegistry, "ItemType", "LayoutPage")
LABEL_MODE_HTML = _member(_QgsLayoutItemLabel, "Mode", "ModeHtml")
LABEL_MODE_FONT = _member(_QgsLayoutItemLabel, "Mode", "ModeFont")
LAYOUT_SHAPE_RECTANGLE = _member(_QgsLayoutItemShape, "Shape", "Rectangle")
SIZE_LEGEND_COLLAPSED = _member(_QgsDataDefinedSizeLegend, "LegendType", "LegendCollapsed")
SIZE_LEGEND_ALIGN_BOTTOM = _member(_QgsDataDefinedSizeLegend, "VerticalAlignment", "AlignBottom")
WRITER_NO_ERROR = _member(_QgsVectorFileWriter, "WriterError", "NoError")


# --- Calls deprecated in newer QGIS: the newer API where it exists ------------------------
def parameter_as_fields(alg, parameters, name, context):
    """Field names of a field parameter: ``parameterAsStrings`` (3.40+; ``parameterAsFields`` is
    deprecated there and warns on stderr), else ``parameterAsFields``."""
    method = getattr(alg, "parameterAsStrings", None) or alg.parameterAsFields
    return list(method(parameters, name, context) or [])


def save_style_to_database(layer, name, description, as_default):
    """Store the layer's style in its data source; returns an error message, "" when stored.

    ``saveStyleToDatabaseV2`` (3.44+; the old call is deprecated there) returns failure flags
    (``QgsMapLayer.SaveStyleResult``); an SLD that cannot be generated still leaves the QML stored,
    which is what QGIS loads. Before 3.44, ``saveStyleToDatabase`` returns the message."""
    if hasattr(layer, "saveStyleToDatabaseV2"):
        flags, message = layer.saveStyleToDatabaseV2(name, description, as_default, "")
        failed = [_member(_QgsMapLayer, "SaveStyleResult", member) for member in
                  ("DatabaseWriteFailed", "QmlGenerationFailed")]
        return (message or "QGIS could not store the style") if any(flags & f for f in failed) else ""
    error = layer.saveStyleToDatabase(name, description, as_default, "")
    if isinstance(error, tuple):  # some builds return (ok, message)
        error = "" if error[0] else error[-1]
    return error or ""
