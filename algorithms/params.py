"""Parameter helpers shared by the algorithms (generic: no algorithm-specific logic).

Written once so every algorithm declares optional fields, statistics outputs
and "which file is behind this input" the same way.
"""
import os

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterField,
    QgsProcessingUtils,
    QgsProviderRegistry,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QUrl, QUrlQuery

from .. import compat


def set_flags(parameter, optional=False, advanced=False):
    """Add the optional / advanced flags to a parameter definition; returns it."""
    flags = parameter.flags()
    if optional:
        flags |= compat.FLAG_OPTIONAL
    if advanced:
        flags |= compat.FLAG_ADVANCED
    parameter.setFlags(flags)
    return parameter


def decimals(parameter, count):
    """Show a Double number parameter with ``count`` decimals in the dialogs
    (QGIS' default is 6: ``12.000000``); returns it. Values keep full precision."""
    metadata = dict(parameter.metadata())
    wrapper = dict(metadata.get("widget_wrapper") or {})
    wrapper["decimals"] = count
    metadata["widget_wrapper"] = wrapper
    parameter.setMetadata(metadata)
    return parameter


def optional_field(name, description, parent, data_type=None, advanced=False):
    """An optional single-field parameter of layer parameter ``parent`` (empty = detect/none)."""
    parameter = QgsProcessingParameterField(
        name,
        description,
        parentLayerParameterName=parent,
        type=compat.FIELD_ANY if data_type is None else data_type,
        optional=True,
    )
    return set_flags(parameter, optional=True, advanced=advanced)


def field_value(alg, parameters, name, context):
    """The chosen field name of an optional field parameter, or None when empty."""
    values = [v for v in compat.parameter_as_fields(alg, parameters, name, context) if v]
    return values[0] if values else None


def text_value(alg, parameters, name, context):
    """Stripped string parameter, or None when empty."""
    value = alg.parameterAsString(parameters, name, context)
    value = value.strip() if value else ""
    return value or None


def add_outputs(alg, numbers=(), strings=()):
    """Register statistics outputs: ``numbers``/``strings`` are (name, description) pairs."""
    for name, description in numbers:
        alg.addOutput(QgsProcessingOutputNumber(name, description))
    for name, description in strings:
        alg.addOutput(QgsProcessingOutputString(name, description))


def _split_ogr_source(source):
    """``path|layername=x|subset=...`` -> (path, layer name, has subset)."""
    parts = source.split("|")
    layer_name, subset = None, False
    for part in parts[1:]:
        key, _, value = part.partition("=")
        if key.lower() == "layername":
            layer_name = value
        elif key.lower() in ("subset", "geometrytype"):
            subset = subset or key.lower() == "subset"
    return parts[0], layer_name, subset


def _layer_file(layer):
    """(path, sub-layer name, options) of a file-backed layer, or None."""
    if layer is None or not isinstance(layer, QgsVectorLayer):
        return None
    if layer.subsetString():
        return None  # a filtered layer must be read through QGIS to honour the filter
    provider = layer.providerType()
    source = layer.source()
    if provider == "delimitedtext":
        url = QUrl(source)
        query = QUrlQuery(url)
        options = {}
        if query.hasQueryItem("delimiter"):
            options["separator"] = QUrl.fromPercentEncoding(query.queryItemValue("delimiter").encode())
        if query.hasQueryItem("encoding"):
            options["encoding"] = query.queryItemValue("encoding")
        if query.hasQueryItem("subset"):
            return None
        return url.toLocalFile(), None, options
    if provider == "ogr":
        decoded = QgsProviderRegistry.instance().decodeUri("ogr", source) or {}
        path = decoded.get("path") or _split_ogr_source(source)[0]
        return path, decoded.get("layerName") or None, {}
    return None


def file_behind_input(alg, parameters, name, context, extensions):
    """Where a feature-source parameter is a plain file with one of ``extensions``,
    return ``(path, sub-layer name or None, options)``; else None.

    Lets an algorithm read CSV/XLSX/ODS itself (encoding, decimal comma) while the
    parameter stays a normal layer parameter (project layers, files, databases).
    Selected-features-only inputs and filtered layers return None: only QGIS'
    reader honours them.
    """
    value = parameters.get(name)
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        if value.selectedFeaturesOnly or value.featureLimit not in (-1, None):
            return None
        value = value.source.staticValue()
    if isinstance(value, QgsVectorLayer):
        found = _layer_file(value)
    elif isinstance(value, str) and value:
        path, layer_name, subset = _split_ogr_source(value)
        if os.path.isfile(path):
            found = None if subset else (path, layer_name, {})
        else:
            found = _layer_file(QgsProcessingUtils.mapLayerFromString(value, context))
    else:
        found = None
    if found and os.path.splitext(found[0])[1].lower() in extensions and os.path.isfile(found[0]):
        return found
    return None


def working_crs(requested, candidates, lon_lat):
    """A projected CRS for areas and Voronoi cells.

    The requested one, else the first projected input CRS, else the UTM zone
    of the boundary's centre (cells built in degrees would be distorted).
    """
    if requested is not None and requested.isValid():
        return requested
    for crs in candidates:
        if crs.isValid() and not crs.isGeographic():
            return crs
    lon, lat = lon_lat
    zone = int((lon + 180.0) // 6.0) % 60 + 1
    return QgsCoordinateReferenceSystem("EPSG:{}".format((32600 if lat >= 0 else 32700) + zone))


def lon_lat_centre(extent, crs, transform_context):
    """``(lon, lat)`` of the centre of ``extent`` (in ``crs``); Belgium's when it cannot be projected."""
    to_wgs = QgsCoordinateTransform(crs, QgsCoordinateReferenceSystem("EPSG:4326"), transform_context)
    try:
        centre = to_wgs.transform(extent.center())
        return centre.x(), centre.y()
    except Exception:  # an extent that cannot be projected: UTM 31N (Belgium) is as good as any
        return 4.5, 50.5


def split_names(text):
    """Names typed in one text parameter: separated by ';', or by ',' when the
    text has no ';' (so names that contain a comma can still be listed)."""
    if not text:
        return []
    separator = ";" if ";" in text else ","
    return [part.strip() for part in text.split(separator) if part.strip()]
