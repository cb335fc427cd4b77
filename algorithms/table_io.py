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
from .base import check_cancel, report_progress, tr
from .csv_safety import safe_sink
from .write_errors import write_failure


def _py(value):
    """QVariant NULL / QDate / etc. -> plain Python value."""
    if isinstance(value, (str, float, int)):
        return value
    if value is None or value == NULL:
        return None
    if isinstance(value, (dict, list, tuple)):
        # PostgreSQL json/jsonb and array columns arrive as dict/list: as JSON
        # text they stay hashable (column detection, raw_record) and readable.
        import json

        return json.dumps(value, ensure_ascii=False, default=str)
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
        request.setFlags(compat.FEATURE_REQUEST_NO_GEOMETRY)
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
            if total:
                report_progress(feedback, lo + (hi - lo) * min(n_read, total) / total)
            else:
                check_cancel(feedback)
    report_progress(feedback, hi)
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
        values = pd.to_numeric(series, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
        return _with_none(values.tolist(), np.isnan(values))
    if kind in ("int", "int64"):
        values = pd.to_numeric(series, errors="coerce")
        missing = values.isna().to_numpy()
        return _with_none(values.fillna(0).astype(np.int64).tolist(), missing)
    if kind == "bool":
        missing = series.isna().to_numpy()
        return _with_none(series.fillna(False).astype(bool).tolist(), missing)
    values = series.to_numpy(dtype=object)
    if pd.api.types.infer_dtype(values, skipna=False) == "string":  # all text, nothing missing
        return values.tolist()
    missing = pd.isna(values)
    if pd.api.types.infer_dtype(values, skipna=True) not in ("string", "empty"):
        values = np.array([v if isinstance(v, str) else str(v) for v in values], dtype=object)
    return _with_none(values.tolist(), missing)


def _with_none(values, missing):
    """``values`` (a list) with None where ``missing`` (a bool array) is set."""
    import numpy as np

    for i in np.flatnonzero(missing):
        values[i] = None
    return values


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
            report_progress(feedback, lo + (hi - lo) * written / max(total, 1))
    if buffer:
        _flush(sink, buffer)
        written += len(buffer)
    report_progress(feedback, hi)
    return written


def _flush(sink, features):
    if not sink.addFeatures(features, compat.FAST_INSERT):
        error = sink.lastError() if hasattr(sink, "lastError") else ""
        raise QgsProcessingException(tr("Could not write features to the output: {}").format(error))


def output_sink(alg, parameters, name, context, fields, wkb_type, crs):
    """``parameterAsSink``, the one way every algorithm opens a feature output: a CSV destination
    gets its formula-like text cells neutralised (algorithms/csv_safety.py)."""
    sink, dest_id = alg.parameterAsSink(parameters, name, context, fields, wkb_type, crs)
    return safe_sink(sink, dest_id), dest_id


def create_sink(alg, parameters, name, context, schema, wkb_type=None, crs=None):
    """``parameterAsSink`` with a clear error; returns ``(sink, dest_id)``.

    An optional output left empty returns ``(None, None)``.
    """
    from qgis.core import QgsCoordinateReferenceSystem

    wkb = compat.WKB_NO_GEOMETRY if wkb_type is None else wkb_type
    sink, dest_id = output_sink(alg, parameters, name, context, make_fields(schema), wkb,
                                crs or QgsCoordinateReferenceSystem())
    if sink is None:
        definition = alg.parameterDefinition(name)
        optional = definition is not None and definition.flags() & compat.FLAG_OPTIONAL
        if optional and not parameters.get(name):
            return None, None
        raise QgsProcessingException(alg.invalidSinkError(parameters, name))
    return sink, dest_id


# Tests switch the GeoPackage fast path off to compare it with the normal sink.
GPKG_FAST_PATH = True


def write_table_output(alg, parameters, name, context, df, schema, feedback=None, progress=(0, 100), fast=True):
    """Create the geometry-less output ``name`` and write ``df`` into it; returns
    the destination id (``None`` for an optional output left empty).

    QGIS always creates the table (so its schema, GeoPackage metadata and
    layer options are exactly the normal sink's). When the destination is a
    GeoPackage file, the sink is then closed and the rows are bulk-inserted
    with SQLite in one transaction (see :func:`_gpkg_bulk_insert`): a million
    rows take ~1 s instead of ~25 s through QgsFeature objects. Any other
    destination (memory layer, CSV, database...) uses the normal sink.
    """
    sink, dest_id = create_sink(alg, parameters, name, context, schema)
    if sink is None:
        return None
    target = _gpkg_target(dest_id) if fast and GPKG_FAST_PATH and len(df) else None
    if target is None:
        write_dataframe(df, sink, schema, feedback, progress=progress)
        return dest_id
    del sink  # closes the GDAL dataset: the empty table is on disk
    path, table = target
    try:
        _gpkg_bulk_insert(path, table, df, schema, feedback, progress)
    except _FastPathUnavailable:
        # Unexpected table layout: write through the data provider instead.
        from qgis.core import QgsVectorLayer

        layer = QgsVectorLayer(dest_id, name, "ogr")
        if not layer.isValid():
            raise QgsProcessingException(tr("Could not reopen the output {}.").format(dest_id)) from None
        write_dataframe(df, layer.dataProvider(), schema, feedback, progress=progress)
    return dest_id


class _FastPathUnavailable(Exception):
    pass


def _gpkg_target(dest_id):
    """``(path, table or None)`` when ``dest_id`` is a GeoPackage file written by OGR, else None."""
    import os

    from qgis.core import QgsProviderRegistry

    if not isinstance(dest_id, str) or not dest_id:
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", dest_id)
    path = parts.get("path") or ""
    if os.path.splitext(path)[1].lower() != ".gpkg" or not os.path.isfile(path):
        return None
    layer = parts.get("layerName")
    return path, (layer if isinstance(layer, str) and layer else None)


def _gpkg_bulk_insert(path, table, df, schema, feedback, progress, batch=50000):  # noqa: C901
    """Insert ``df`` into the (empty) attribute table that QGIS created in ``path``.

    Standard SQLite, in one transaction. GDAL's feature-count bookkeeping is
    kept exact: its per-row triggers (one UPDATE of gpkg_ogr_contents per
    insert) are dropped for the load and recreated from their own SQL, and
    the count is set from the table, as GDAL itself does for bulk loads.
    Raises :class:`_FastPathUnavailable` before writing anything when the
    file does not look as expected.
    """
    import sqlite3
    from itertools import chain

    names = [n for n, _ in schema]
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        tables = [
            row[0]
            for row in conn.execute("SELECT table_name FROM gpkg_contents WHERE data_type = 'attributes'")
        ]
        if table is None:
            if len(tables) != 1:
                raise _FastPathUnavailable()
            table = tables[0]
        elif table not in tables:
            raise _FastPathUnavailable()
        quoted = '"' + table.replace('"', '""') + '"'
        info = conn.execute("PRAGMA table_info({})".format(quoted)).fetchall()
        columns = [row[1] for row in info]
        if columns[1:] != names or conn.execute("SELECT COUNT(*) FROM " + quoted).fetchone()[0] != 0:
            raise _FastPathUnavailable()
        has_count = conn.execute(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'gpkg_ogr_contents'"
        ).fetchone()[0]
        triggers = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? "
            "AND name LIKE 'trigger_%_feature_count_%'",
            (table,),
        ).fetchall()
        insert = "INSERT INTO {} ({}) VALUES ".format(
            quoted, ", ".join('"' + n.replace('"', '""') + '"' for n in names)
        )
        row_marks = "(" + ", ".join("?" * len(names)) + ")"
        # Many rows per statement: SQLite's per-statement cost (AUTOINCREMENT
        # bookkeeping, step/reset) then counts once per block, not once per row.
        limit = 32766 if sqlite3.sqlite_version_info >= (3, 32, 0) else 999
        per = max(1, min(1000, limit // len(names)))
        block = insert + ", ".join([row_marks] * per)
        lo, hi = progress
        total = len(df)
        conn.execute("BEGIN IMMEDIATE")
        try:
            for trigger, _ in triggers:
                conn.execute('DROP TRIGGER "{}"'.format(trigger.replace('"', '""')))
            for start in range(0, total, batch):
                chunk = df.iloc[start : start + batch]
                rows = list(zip(*[column_values(chunk[n], kind) for n, kind in schema]))
                full = len(rows) - len(rows) % per
                conn.executemany(block, (tuple(chain.from_iterable(rows[i : i + per])) for i in range(0, full, per)))
                if full < len(rows):
                    rest = rows[full:]
                    conn.execute(insert + ", ".join([row_marks] * len(rest)), tuple(chain.from_iterable(rest)))
                report_progress(feedback, lo + (hi - lo) * min(start + batch, total) / total)
            if has_count:
                # The table was checked empty: its count is the rows inserted.
                conn.execute(
                    "UPDATE gpkg_ogr_contents SET feature_count = ? WHERE lower(table_name) = lower(?)", (total, table)
                )
            conn.execute(
                "UPDATE gpkg_contents SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
                "WHERE lower(table_name) = lower(?)",
                (table,),
            )
            for _, sql in triggers:
                conn.execute(sql)
            conn.execute("COMMIT")
        except BaseException:
            # A failed COMMIT (disk full) has already rolled back: a second ROLLBACK would replace
            # the real error by "cannot rollback - no transaction is active".
            if conn.in_transaction:
                try:
                    conn.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
            raise
    except sqlite3.Error as error:
        raise QgsProcessingException(write_failure(path, error)) from None
    finally:
        conn.close()
