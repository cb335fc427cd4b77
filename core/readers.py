"""Read member tables from files with pandas, as users export them.

QGIS-free. Delimited text (``.csv .txt .tsv .tab``): the encoding
(core/encodings.py), the separator (``; , tab |``) and the decimal mark are
detected; every cell is read as text so postcodes keep their leading zeros and
``12,5`` is parsed by core/employment.py, not mangled on the way in.
Workbooks (``.xlsx .xlsm .xls .ods``): one sheet (name or 0-based index,
default the first), cells keep the workbook's types; XLSX is streamed
(core/workbooks.py) so a stray cell at column XFD costs one row, not a grid.

Both give a grid of cells with the line / sheet row of each record, and
core/sections.py finds the table in it (header, titles, repeated headers,
blank rows). The DataFrame index is ``source_row``: the 1-based row below the
(first) header; ``info`` carries what the log and REJECTED need (lines above
the header, repeated headers, the line of each source row, repaired lines).
"""
import csv
import io
import os
from contextlib import contextmanager
from itertools import repeat

import numpy as np

from .encodings import EncodingError, decode
from .messages import N_, Joined, Note
from .sections import WidthError, layout

DELIMITED_EXTENSIONS = (".csv", ".txt", ".tsv", ".tab")
WORKBOOK_EXTENSIONS = (".xlsx", ".xlsm", ".xls", ".ods")
FILE_EXTENSIONS = DELIMITED_EXTENSIONS + WORKBOOK_EXTENSIONS
_SAMPLE_BYTES = 256 * 1024
_SEPARATORS = (";", ",", "\t", "|")
_TYPE_SAMPLE_CELLS = 1_000_000  # cells looked at to choose text or categorical columns
_MAX_CATEGORICAL_COLUMNS = 1000  # pandas merges categoricals per column and chunk: slow on very wide tables


class ReadError(ValueError):
    """A file that cannot be read; the message names the file and what to do."""


def is_readable_file(path):
    return isinstance(path, str) and os.path.splitext(path)[1].lower() in FILE_EXTENSIONS


@contextmanager
def _large_fields():
    """Python's csv refuses cells over 131,072 characters (a pasted document, a
    long note): lift the limit while we read, then put it back."""
    previous = csv.field_size_limit()
    csv.field_size_limit(2**31 - 1)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def detect_separator(text):
    """The candidate that splits most of the first lines into the same number (>1)
    of fields. Title lines above the header ("Liste des membres 2011") have one
    field whatever the separator, so the most common width counts, not the first."""
    lines = [line for line in text.splitlines()[:50] if line.strip()]
    if not lines:
        return ";"
    best, best_score = None, (0, 0)
    with _large_fields():
        for sep in _SEPARATORS:
            widths = [len(row) for row in csv.reader(io.StringIO("\n".join(lines)), delimiter=sep)]
            counts = {}
            for w in widths:
                if w > 1:  # one field: a title line, whatever the separator
                    counts[w] = counts.get(w, 0) + 1
            common = max(counts, key=lambda w: (counts[w], w)) if counts else 0
            if common < 2:
                continue
            score = (counts[common], common)
            if score > best_score:
                best, best_score = sep, score
    return best or ("\t" if "\t" in lines[0] else ";")


def check_separator(sep):
    """A usable SEPARATOR: one character, not a quote or a line break."""
    if len(sep) != 1 or sep in "\"\r\n":
        raise ReadError(
            Note(N_("SEPARATOR '{}' must be one character other than a quote or a line break (; , | or tab); leave it "
                    "empty to detect it."), sep)
        )
    return sep


def read_delimited(path, encoding=None, sep=None, encoding_hint=None):
    """Read a delimited text file; returns ``(DataFrame of text, info dict)``.

    Columns with few distinct values are read as categoricals (half the memory,
    and core/ then parses each distinct value once without hashing the column
    again). Without quoted line breaks the line of record i is i (arithmetic);
    with them, one pass of Python's csv reader gives each record's first line.
    """
    if sep:
        sep = check_separator(sep)
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise ReadError(Note(N_("Cannot open '{}': {}"), path, error)) from None
    try:
        decoded = decode(data, path, encoding=encoding, hint=encoding_hint)
    except EncodingError as error:
        raise ReadError(error.args[0]) from None
    del data
    data = decoded.data
    sep = sep or detect_separator(data[:_SAMPLE_BYTES].decode("utf-8", errors="ignore"))
    lines = data.split(b"\n")
    if lines and not lines[-1]:
        lines.pop()  # the file's last line break ends a line, it does not start one
    if not any(lines):
        raise ReadError(Note(N_("'{}' is empty."), path))
    quoted_breaks = b'"' in data and bool((np.fromiter(map(bytes.count, lines, repeat(b'"')), np.int64, len(lines)) & 1).any())
    with _large_fields():
        if quoted_breaks:
            raw, record_lines, fields = _read_with_csv(data, sep)
            header_width = fields.__getitem__
        else:
            raw = _read_with_pandas(data, sep, lines)
            record_lines = np.arange(1, len(raw) + 1)

            def header_width(index):
                return len(next(csv.reader([lines[index].decode("utf-8")], delimiter=sep), []))

        try:
            found = layout(raw, record_lines, header_width)
        except WidthError as error:
            raise ReadError(_width_message(path, sep, error)) from None
    del raw
    if found is None:
        raise ReadError(Note(N_("'{}' is empty."), path))
    info = _info(found, format="delimited", encoding=decoded.encoding, encoding_how=decoded.how, separator=sep,
                 decimal="," if sep == ";" else ".")  # fmt: skip
    info["repaired"] = _rows_of(found, decoded.repaired_lines)
    info["undefined_bytes"] = _rows_of(found, decoded.undefined_lines)
    return found.frame, info


def _info(found, **info):
    info.update(
        header_row=found.header_line, duplicates=found.duplicates, lines=found.lines, reader_rejects=found.rejects,
        sections=found.sections, trailing_blank=found.trailing_blank, rows_read=len(found.lines) - 1,
    )  # fmt: skip
    return info


def _rows_of(found, lines):
    """``(source_row or None, line)`` of each line (None: at or above the header)."""
    starts = found.lines[1:]
    out = []
    for line in lines:
        row = int(np.searchsorted(starts, line, side="right"))
        out.append((row or None, int(line)))
    return out


def _read_with_pandas(data, sep, lines):
    import pandas as pd

    width = max(map(bytes.count, lines, repeat(sep.encode("utf-8")))) + 1
    kwargs = dict(
        sep=sep, dtype=_column_types(lines, sep, width), keep_default_na=False, na_filter=False,
        skip_blank_lines=False, engine="c", index_col=False, header=None, names=range(width), encoding="utf-8",
    )  # fmt: skip
    try:
        raw = pd.read_csv(io.BytesIO(data), **kwargs)
    except pd.errors.EmptyDataError:
        raw = pd.DataFrame({i: pd.Series([], dtype=object) for i in range(width)})
    if len(raw) != len(lines):  # quoting pandas reads otherwise than the count of lines: be exact
        raw, _, _ = _read_with_csv(data, sep)
    return raw


def _read_with_csv(data, sep):
    """Cells, first line and field count of each record with Python's csv reader
    (files with quoted line breaks)."""
    import pandas as pd

    reader = csv.reader(io.StringIO(data.decode("utf-8"), newline=""), delimiter=sep)
    rows, starts, fields, previous = [], [], [], 0
    for row in reader:
        rows.append(row)
        starts.append(previous + 1)
        fields.append(len(row))
        previous = reader.line_num
    raw = pd.DataFrame(rows, dtype=object) if rows else pd.DataFrame({0: pd.Series([], dtype=object)})
    raw.columns = range(raw.shape[1])
    return raw, np.asarray(starts, dtype=np.int64), fields


def _column_types(lines, sep, width, min_rows=100, ratio=0.3):
    """``str`` or ``"category"`` per column, from the cardinality in the first lines
    (at most ``_TYPE_SAMPLE_CELLS`` cells: a 10,000-column table samples fewer lines)."""
    sample = max(1, min(5000, _TYPE_SAMPLE_CELLS // width))
    rows = [row for row in csv.reader([line.decode("utf-8", errors="replace") for line in lines[:sample]], delimiter=sep) if row]
    distinct = [set() for _ in range(width)]
    for row in rows:
        for position, value in enumerate(row[:width]):
            distinct[position].add(value)
    low = len(rows) >= min_rows and width <= _MAX_CATEGORICAL_COLUMNS
    return {position: "category" if low and len(values) <= ratio * len(rows) else str for position, values in enumerate(distinct)}


def _width_message(path, sep, error):
    """Name the data rows that have values right of their header's last field."""
    bad = [Note(N_("row {} has {} fields"), row, fields) for row, _, fields in error.rows]
    rows = Joined(bad) if bad else Note(N_("the rows do not match it"))
    return Note(
        N_("Cannot read '{}' separated by '{}': the header has {} fields but {}. A separator inside a value? "
           "Quote such values, or choose the separator with the SEPARATOR parameter."),
        path, _show(sep), error.header_fields, rows,
    )


def _show(sep):
    return {"\t": "tab"}.get(sep, sep)


def read_workbook(path, sheet=None):
    """Read one sheet of a workbook; ``sheet`` is a name, a 0-based index or None (first)."""
    from .workbooks import read_sheet

    raw, lines, chosen, names = read_sheet(path, sheet)
    found = layout(raw, lines)
    if found is None:
        raise ReadError(Note(N_("Sheet '{}' of '{}' is empty."), chosen, path))
    info = _info(found, format="workbook", sheet=chosen, sheets=names, decimal=None)
    info["repaired"], info["undefined_bytes"] = [], []
    return found.frame, info


def read_table(path, sheet=None, encoding=None, sep=None, encoding_hint=None):
    """Read a member table file by extension; returns ``(DataFrame, info)``."""
    if not os.path.exists(path):
        raise ReadError(Note(N_("File not found: '{}'"), path))
    ext = os.path.splitext(path)[1].lower()
    if ext in WORKBOOK_EXTENSIONS:
        return read_workbook(path, sheet)
    if ext in DELIMITED_EXTENSIONS:
        return read_delimited(path, encoding=encoding, sep=sep, encoding_hint=encoding_hint)
    raise ReadError(Note(N_("Unsupported file type '{}' for '{}': use CSV/TXT/TSV, XLSX or ODS."), ext, path))
