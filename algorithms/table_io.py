"""Moving tables between QGIS feature sources/sinks and pandas DataFrames.

Written once here so that every algorithm reads and writes the same way:
QGIS NULLs become ``None``/NaN, progress is reported, cancel is honoured.
"""
from qgis.core import (
    NULL,
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsProcessingException,
)

from .. import compat
from .base import Cancelled, tr


def _py(value):
    """QVariant NULL / QDate / etc. -> plain Python value."""
    if value is None or value == NULL:
        return None
    if hasattr(value, "isNull") and value.isNull():
        return None
    if hasattr(value, "toPyDateTime"):
        return value.toPyDateTime()
    if hasattr(value, "toPyDate"):
        return value.toPyDate()
    return value


def source_to_dataframe(source, feedback=None, attributes=None, with_geometry=False, progress=(0, 100)):
    """Read a ``QgsFeatureSource`` into a DataFrame (one column per field).

    ``attributes``: field names to read (all when None). With
    ``with_geometry`` a ``geometry`` column holds the ``QgsGeometry``.
    The DataFrame index is the feature's 1-based read order (``source_row``).
    """
    import pandas as pd

    fields = source.fields()
    names = [f.name() for f in fields] if attributes is None else list(attributes)
    idx = [fields.lookupField(n) for n in names]
    missing = [n for n, i in zip(names, idx) if i < 0]
    if missing:
        raise QgsProcessingException(tr("Field(s) not found in the input: {}").format(", ".join(missing)))
    request = QgsFeatureRequest()
    if not with_geometry:
        request.setFlags(QgsFeatureRequest.NoGeometry)
    request.setSubsetOfAttributes(idx)
    total = source.featureCount() or 0
    step = max(1, total // 100) if total > 0 else 10000
    columns = {n: [] for n in names}
    geoms = []
    lo, hi = progress
    for n_read, feature in enumerate(source.getFeatures(request), start=1):
        attrs = feature.attributes()
        for n, i in zip(names, idx):
            columns[n].append(_py(attrs[i]))
        if with_geometry:
            geoms.append(feature.geometry())
        if n_read % step == 0 and feedback is not None:
            if feedback.isCanceled():
                raise Cancelled(tr("Cancelled by the user."))
            if total:
                feedback.setProgress(lo + (hi - lo) * n_read / total)
    df = pd.DataFrame(columns, columns=names)
    df.index = pd.RangeIndex(1, len(df) + 1)
    if with_geometry:
        df["geometry"] = geoms
    return df


def make_fields(schema):
    """``QgsFields`` from a list of ``(name, kind)`` pairs (see compat.make_field)."""
    fields = QgsFields()
    for name, kind in schema:
        fields.append(compat.make_field(name, kind))
    return fields


def column_values(series, kind):
    """A DataFrame column as plain Python values (None for missing), converted
    in bulk with numpy: per-cell conversion costs about as much as building the
    QgsFeature itself on a million rows."""
    import numpy as np
    import pandas as pd

    if kind == "double":
        values = pd.to_numeric(series, errors="coerce").astype(float)
        return values.astype(object).where(values.notna(), None).tolist()
    if kind in ("int", "int64"):
        values = pd.to_numeric(series, errors="coerce")
        missing = values.isna().to_numpy()
        ints = values.fillna(0).astype(np.int64).tolist()
        return [None if m else v for m, v in zip(missing, ints)] if missing.any() else ints
    if kind == "bool":
        missing = series.isna().to_numpy()
        flags = series.fillna(False).astype(bool).tolist()
        return [None if m else v for m, v in zip(missing, flags)] if missing.any() else flags
    values = series.astype(object)
    if pd.api.types.infer_dtype(values, skipna=True) not in ("string", "empty"):
        values = values.map(lambda v: v if v is None or isinstance(v, str) else str(v))
    return values.where(values.notna(), None).tolist()


def write_dataframe(df, sink, schema, feedback=None, geometries=None, progress=(0, 100), batch=10000):
    """Write ``df`` (columns named as in ``schema``) into ``sink``.

    ``geometries``: optional sequence of ``QgsGeometry`` aligned with ``df``.
    Returns the number of features written.
    """
    names = [n for n, _ in schema]
    missing = [n for n in names if n not in df.columns]
    if missing:
        raise QgsProcessingException("internal error: columns missing for output: " + ", ".join(missing))
    fields = make_fields(schema)
    total = len(df)
    lo, hi = progress
    columns = [column_values(df[name], kind) for name, kind in schema]
    geoms = list(geometries) if geometries is not None else [None] * total
    buffer = []
    written = 0
    for row, geometry in zip(zip(*columns) if columns else ([] for _ in range(total)), geoms):
        feature = QgsFeature(fields)
        feature.setAttributes(list(row))
        if geometry is not None:
            feature.setGeometry(geometry)
        buffer.append(feature)
        if len(buffer) >= batch:
            _flush(sink, buffer)
            written += len(buffer)
            buffer = []
            if feedback is not None:
                if feedback.isCanceled():
                    raise Cancelled(tr("Cancelled by the user."))
                feedback.setProgress(lo + (hi - lo) * written / max(total, 1))
    if buffer:
        _flush(sink, buffer)
        written += len(buffer)
    if feedback is not None:
        feedback.setProgress(hi)
    return written


def _flush(sink, features):
    if not sink.addFeatures(features, compat.FAST_INSERT):
        error = sink.lastError() if hasattr(sink, "lastError") else ""
        raise QgsProcessingException(tr("Could not write features to the output: {}").format(error))


def create_sink(alg, parameters, name, context, schema, wkb_type=None, crs=None):
    """``parameterAsSink`` with a clear error; returns ``(sink, dest_id)``.

    An optional output left empty returns ``(None, None)``.
    """
    from qgis.core import QgsCoordinateReferenceSystem

    wkb = compat.WKB_NO_GEOMETRY if wkb_type is None else wkb_type
    sink, dest_id = alg.parameterAsSink(
        parameters, name, context, make_fields(schema), wkb, crs or QgsCoordinateReferenceSystem()
    )
    if sink is None:
        definition = alg.parameterDefinition(name)
        optional = definition is not None and definition.flags() & compat.FLAG_OPTIONAL
        if optional and not parameters.get(name):
            return None, None
        raise QgsProcessingException(alg.invalidSinkError(parameters, name))
    return sink, dest_id
