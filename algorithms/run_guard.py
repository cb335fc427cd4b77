"""What a failed or cancelled run leaves behind: nothing half-written.

Before an algorithm runs, the files its destination parameters name are noted
(path, existed before?, modification time). When the run fails or is
cancelled, the frames of the exception are cleared first, so the sinks and
layers held in their locals are closed, then each output file this run created
or rewrote is removed with its side files (GeoPackage journal, shapefile parts).
A file that held other layers before the run (``file.gpkg|layername=x``) is
kept, with a warning, as deleting it would lose them.
"""
import os
import traceback

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProperty,
)

# Files GDAL/SQLite write beside a data file while it is open or for a format.
_SIDE_SUFFIXES = ("-journal", "-wal", "-shm", ".aux.xml")
_SHAPEFILE_PARTS = (".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".qmd")


class PlannedFile:
    __slots__ = ("path", "existed", "mtime", "shared", "name")

    def __init__(self, path, shared, name=None):
        self.name = name  # the destination parameter (None: a file tracked by the algorithm)
        self.path = path
        self.existed = os.path.exists(path)
        self.mtime = os.path.getmtime(path) if self.existed else None
        # A named layer inside an existing file: the file holds other data too.
        self.shared = shared

    def written(self):
        if not os.path.exists(self.path):
            return False
        return not self.existed or os.path.getmtime(self.path) != self.mtime


def _file_of(value):
    """File path of a destination value (``path``, ``path|layername=x``,
    ``ogr:dbname='path' table=...``); ``(None, False)`` for memory/database outputs."""
    text = str(value or "").strip()
    shared = False
    if text.startswith("ogr:"):
        # ogr:dbname='/path/file.gpkg' table="name" (geom)
        rest = text[4:]
        start = rest.find("dbname=")
        if start < 0:
            return None, False
        rest = rest[start + 7:]
        if rest[:1] in ("'", '"'):
            quote = rest[0]
            text = rest[1:rest.find(quote, 1)]
        else:
            text = rest.split(" ")[0]
        shared = True
    elif "|" in text:
        text, _, options = text.partition("|")
        shared = "layername=" in options.lower()
    if not text or text.startswith(("memory:", "postgres", "postgis:", "spatialite:", "mssql:", "oracle:")):
        return None, False
    if "://" in text or text.upper() == "TEMPORARY_OUTPUT":
        return None, False
    return os.path.abspath(text), shared


def _static_value(value):
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        return value.sink.staticValue()
    return value


def resolve_temporary_files(alg, parameters, context):
    """``parameters`` with each file destination left temporary given its generated
    name. QGIS generates a new name at every ``parameterAsFileOutput`` call, so the
    file the algorithm writes would not be the one planned for clean-up; with the
    name fixed once, both are the same file (a copy of ``parameters`` is returned
    when something changed)."""
    resolved = None
    for definition in alg.destinationParameterDefinitions():
        if not isinstance(definition, QgsProcessingParameterFileDestination):
            continue
        name = definition.name()
        value = parameters.get(name)
        if str(_static_value(value) or "") != QgsProcessing.TEMPORARY_OUTPUT:
            continue
        path = alg.parameterAsFileOutput(parameters, name, context)
        if not path or path == QgsProcessing.TEMPORARY_OUTPUT:
            continue
        if resolved is None:
            resolved = dict(parameters)
        if isinstance(value, QgsProcessingOutputLayerDefinition):
            value = QgsProcessingOutputLayerDefinition(value)  # keeps the "open after running" settings
            value.sink = QgsProperty.fromValue(path)
            resolved[name] = value
        else:
            resolved[name] = path
    return parameters if resolved is None else resolved


def planned_outputs(alg, parameters, context):
    """The files the destination parameters of ``alg`` will write (before the run)."""
    planned = []
    for definition in alg.destinationParameterDefinitions():
        name = definition.name()
        value = _static_value(parameters.get(name))
        if value in (None, ""):
            continue
        try:
            if isinstance(definition, (QgsProcessingParameterFileDestination,
                                       QgsProcessingParameterFolderDestination)):
                if isinstance(definition, QgsProcessingParameterFolderDestination):
                    continue  # a folder may hold the user's files: never removed
                value = alg.parameterAsFileOutput(parameters, name, context)
            else:  # feature sinks, vector/raster destinations
                value = alg.parameterAsOutputLayer(parameters, name, context)
        except Exception:  # noqa: BLE001 - an unusable value is reported by the run itself
            continue
        path, shared = _file_of(value)
        if path:
            planned.append(PlannedFile(path, shared, name))
    return planned


def _same_file(a, b):
    return os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b))


def _input_value_source(value, context):
    """The data source text of an input value: a path, a layer id or name of the project, a
    layer object, a ``QgsProcessingFeatureSourceDefinition``."""
    from qgis.core import QgsMapLayer, QgsProcessingFeatureSourceDefinition

    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        value = value.source.staticValue()
    if isinstance(value, QgsProperty):
        value = value.staticValue()
    if isinstance(value, QgsMapLayer):
        return value.source()
    if isinstance(value, str) and value:
        project = context.project() if context is not None else None
        layer = project.mapLayer(value) if project is not None else None
        if layer is None and project is not None:
            named = project.mapLayersByName(value)
            layer = named[0] if len(named) == 1 else None
        return layer.source() if layer is not None else value
    return None


def input_files(alg, parameters, context):
    """``[(parameter name, file path)]`` of the files the inputs of ``alg`` read."""
    found = []
    for definition in alg.parameterDefinitions():
        if definition.isDestination():
            continue
        value = parameters.get(definition.name())
        for item in value if isinstance(value, (list, tuple)) else [value]:
            source = _input_value_source(item, context)
            path, _ = _file_of(source) if source else (None, False)
            if path and os.path.exists(path):
                found.append((definition.name(), path))
    return found


def outputs_over_inputs(alg, parameters, context, planned):
    """``[(output name, input name, path)]`` for each planned output file that is an input's file:
    writing it would destroy the input (and a failed run's clean-up would delete it)."""
    inputs = input_files(alg, parameters, context)
    clashes = []
    for item in planned:
        for name, path in inputs:
            if _same_file(item.path, path):
                clashes.append((item.name, name, path))
    return clashes


def track(planned, path):
    """Add a file the algorithm writes besides its declared outputs (e.g. one PNG per page)."""
    planned.append(PlannedFile(os.path.abspath(path), False))


def release_frames(exc):
    """Clear the locals of the frames an exception keeps alive, so open sinks and
    layers are closed now, not at interpreter exit (where OGR layers crash QGIS).
    The exceptions it was raised from or during (``__cause__``, ``__context__``,
    kept even by ``raise ... from None``) hold frames too: cleared as well."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if exc.__traceback__ is not None:
            traceback.clear_frames(exc.__traceback__)
        if exc.__cause__ is not None:
            release_frames(exc.__cause__)
        exc = exc.__context__


def _remove(path):
    try:
        os.remove(path)
        return True
    except FileNotFoundError:
        return False


def remove_written(planned, feedback, tr):
    """Remove what this run wrote; returns the removed paths."""
    removed = []
    for item in planned:
        if not item.written():
            continue
        if item.existed and item.shared:
            feedback.pushWarning(tr("{} was being written when the run stopped; it also holds other layers, so it "
                                    "was kept: check or delete it.").format(item.path))
            continue
        if _remove(item.path):
            removed.append(item.path)
        for suffix in _SIDE_SUFFIXES:
            _remove(item.path + suffix)
        stem, ext = os.path.splitext(item.path)
        if ext.lower() == ".shp":
            for part in _SHAPEFILE_PARTS:
                _remove(stem + part)
                _remove(stem + part.upper())
    return removed
