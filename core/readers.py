"""Read member tables from files with pandas, as users export them.

QGIS-free. Delimited text (``.csv .txt .tsv``): encoding (UTF-8 with/without
BOM, else cp1252), separator (``; , tab |``) and decimal mark are detected;
every cell is read as text so postcodes keep their leading zeros and
``12,5`` is parsed by core/employment.py, not mangled on the way in.
Workbooks (``.xlsx .xlsm .xls .ods``): one sheet (name or 0-based index,
default the first), cells keep the workbook's types.

The DataFrame index is the 1-based data row (header not counted): ``source_row``.
"""
import csv
import io
import os

from .messages import N_, Joined, Note

DELIMITED_EXTENSIONS = (".csv", ".txt", ".tsv", ".tab")
WORKBOOK_EXTENSIONS = (".xlsx", ".xlsm", ".xls", ".ods")
FILE_EXTENSIONS = DELIMITED_EXTENSIONS + WORKBOOK_EXTENSIONS
_SAMPLE_BYTES = 256 * 1024
_SEPARATORS = (";", ",", "\t", "|")


class ReadError(ValueError):
    """A file that cannot be read; the message names the file and what to do."""


def is_readable_file(path):
    return isinstance(path, str) and os.path.splitext(path)[1].lower() in FILE_EXTENSIONS


def detect_encoding(sample):
    """``utf-8-sig`` (BOM), ``utf-8`` when the sample decodes, else ``cp1252``."""
    if sample.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as error:
        # A multi-byte character cut by the end of the sample is still UTF-8.
        if error.start >= len(sample) - 3 and error.reason == "unexpected end of data":
            return "utf-8"
        return "cp1252"


def detect_separator(text):
    """The candidate that splits most of the first lines into the same number (>1)
    of fields. Title lines above the header ("Liste des membres 2011") have one
    field whatever the separator, so the most common width counts, not the first."""
    lines = [line for line in text.splitlines()[:50] if line.strip()]
    if not lines:
        return ";"
    best, best_score = None, (0, 0)
    for sep in _SEPARATORS:
        widths = [len(row) for row in csv.reader(io.StringIO("\n".join(lines)), delimiter=sep)]
        common = max(set(widths), key=lambda w: (widths.count(w), w)) if widths else 0
        if common < 2:
            continue
        score = (sum(1 for w in widths if w == common), common)
        if score > best_score:
            best, best_score = sep, score
    return best or ("\t" if "\t" in lines[0] else ";")


# --- real-world table shapes --------------------------------------------------
_HEADER_SCAN_ROWS = 30


def find_header_row(rows):
    """Index of the header among the first rows (lists of cells).

    The header is the row with the most cells that are known header names
    (core/headers.py), at least two, the first one on a tie: title rows above it
    ("Liste des membres", "Nom du cluster: TIC") have fewer. No such row: the
    first non-empty row.
    """
    from .headers import is_known_header

    first_filled, best, best_known = None, None, 1
    for index, cells in enumerate(rows[:_HEADER_SCAN_ROWS]):
        texts = [str(c).strip() for c in cells if c is not None and str(c).strip()]
        if not texts:
            continue
        if first_filled is None:
            first_filled = index
        known = sum(1 for t in texts if is_known_header(t))
        if known > best_known:
            best, best_known = index, known
    if best is not None:
        return best
    return first_filled or 0


def unique_headers(cells):
    """Header names made usable: empty names become ``column_<n>`` (1-based
    position), duplicates get `` (2)``, `` (3)``... Returns ``(names, notes)``
    where notes lists the renamed duplicates for the log."""
    names, seen, notes = [], {}, []
    for position, cell in enumerate(cells, start=1):
        text = "" if cell is None else str(cell).strip().lstrip("\ufeff")
        if not text or text.lower() == "nan" or text.startswith("Unnamed: "):
            text = "column_{}".format(position)
        key = text.casefold()
        if key in seen:
            seen[key] += 1
            renamed = "{} ({})".format(text, seen[key])
            notes.append((text, renamed))
            text = renamed
            key = text.casefold()
        seen.setdefault(key, 1)
        names.append(text)
    return names, notes


def drop_empty_unnamed(frame):
    """Drop the ``column_<n>`` columns (no header) that hold no value: Excel pads
    rows with trailing separators. A header-less column with values is kept."""
    keep = []
    for position, name in enumerate(frame.columns):
        column = frame.iloc[:, position]
        if str(name).startswith("column_"):
            values = column.astype(object)
            empty = values.isna() | (values.astype(str).str.strip() == "")
            if empty.all():
                continue
        keep.append(position)
    return frame.iloc[:, keep] if len(keep) != frame.shape[1] else frame


def _split_lines(text):
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def read_delimited(path, encoding=None, sep=None):
    """Read a delimited text file; returns ``(DataFrame of text, info dict)``.

    Title rows above the header are skipped (see :func:`find_header_row`);
    columns with few distinct values in the first lines are read as
    categoricals (half the memory, and core/ then parses each distinct value
    once without hashing the column again).
    """
    import pandas as pd

    try:
        with open(path, "rb") as handle:
            sample = handle.read(_SAMPLE_BYTES)
    except OSError as error:
        raise ReadError(Note(N_("Cannot open '{}': {}"), path, error)) from None
    encoding = encoding or detect_encoding(sample)
    text = sample.decode(encoding, errors="replace").lstrip("\ufeff")
    sep = sep or detect_separator(text)
    lines = _split_lines(text)
    if len(sample) == _SAMPLE_BYTES:
        lines = lines[:-1]  # the last line of a cut sample is partial
    parsed = list(csv.reader(lines[:_HEADER_SCAN_ROWS], delimiter=sep))
    header_line = find_header_row(parsed)
    names, duplicates = unique_headers(parsed[header_line] if header_line < len(parsed) else [])
    if not names:
        raise ReadError(Note(N_("'{}' is empty."), path))
    # index_col=False: pandas would otherwise silently turn the first column into
    # the index when rows have one field more than the header.
    kwargs = dict(
        sep=sep, dtype=_column_types(lines[header_line + 1 :], sep, names), keep_default_na=False, na_filter=False,
        skip_blank_lines=True, engine="c", index_col=False, header=None, names=names, skiprows=header_line + 1,
    )  # fmt: skip
    try:
        frame = _read_csv_strict(path, encoding, kwargs)
    except UnicodeDecodeError:
        # UTF-8 start, Latin-1 further down (hand-edited exports): re-read as cp1252.
        encoding = "cp1252"
        frame = _read_csv_strict(path, encoding, kwargs)
    except pd.errors.EmptyDataError:
        frame = pd.DataFrame({name: pd.Series([], dtype=object) for name in names})
    except (pd.errors.ParserError, _WidthError):
        raise ReadError(_width_message(path, encoding, sep, header_line)) from None
    frame = drop_empty_unnamed(frame)
    frame.index = pd.RangeIndex(1, len(frame) + 1)
    return frame, {
        "format": "delimited", "encoding": encoding, "separator": sep, "decimal": "," if sep == ";" else ".",
        "header_row": header_line + 1, "duplicates": duplicates,
    }  # fmt: skip


def _column_types(lines, sep, names, min_rows=100, ratio=0.3):
    """``str`` or ``"category"`` per column, from the cardinality in the sample."""
    rows = [row for row in csv.reader(lines[:5000], delimiter=sep) if row]
    types = {}
    for position, name in enumerate(names):
        values = {row[position] for row in rows if len(row) > position}
        low = len(rows) >= min_rows and len(values) <= ratio * len(rows)
        types[name] = "category" if low else str
    return types


class _WidthError(Exception):
    pass


def _read_csv_strict(path, encoding, kwargs):
    import warnings

    import pandas as pd

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", pd.errors.ParserWarning)
        frame = pd.read_csv(path, encoding=encoding, **kwargs)
    if any(issubclass(w.category, pd.errors.ParserWarning) for w in caught):
        raise _WidthError()
    return frame


def _width_message(path, encoding, sep, header_line=0, limit=5):
    """Name the data rows whose number of fields differs from the header's."""
    bad = []
    with open(path, encoding=encoding, errors="replace", newline="") as handle:
        reader = csv.reader(handle, delimiter=sep)
        for _ in range(header_line):
            next(reader, None)
        header = next(reader, [])
        row_number = 0
        for row in reader:
            if not row:
                continue
            row_number += 1
            if len(row) != len(header):
                bad.append(Note(N_("row {} has {} fields"), row_number, len(row)))
                if len(bad) >= limit:
                    break
    # Each "row N has K fields" is a Note of its own: joined by the translation.
    rows = Joined(bad) if bad else Note(N_("the rows do not match it"))
    return Note(
        N_("Cannot read '{}' separated by '{}': the header has {} fields but {}. A separator inside a value? "
           "Quote such values, or choose the separator with the SEPARATOR parameter."),
        path, _show(sep), len(header), rows,
    )



def _show(sep):
    return {"\t": "tab"}.get(sep, sep)


def sheet_names(path):
    import pandas as pd

    with pd.ExcelFile(path, engine=_engine(path)) as book:
        return list(book.sheet_names)


def _engine(path):
    ext = os.path.splitext(path)[1].lower()
    return {".ods": "odf", ".xls": "xlrd"}.get(ext, "openpyxl")


def read_workbook(path, sheet=None):
    """Read one sheet of a workbook; ``sheet`` is a name, a 0-based index or None (first)."""
    import pandas as pd

    engine = _engine(path)
    try:
        book = pd.ExcelFile(path, engine=engine)
    except ImportError as error:
        raise ReadError(
            Note(N_("Reading '{}' needs the Python package for '{}' ({}). Install it or save the sheet as CSV."),
                 path, engine, error)
        ) from None
    except Exception as error:  # corrupt file, wrong extension...
        raise ReadError(Note(N_("Cannot open workbook '{}': {}"), path, error)) from None
    with book:
        names = list(book.sheet_names)
        chosen = _choose_sheet(names, sheet, path)
        raw = book.parse(chosen, dtype=object, header=None)
    raw = raw.astype(object).where(raw.notna(), None)
    header_row = find_header_row(raw.head(_HEADER_SCAN_ROWS).values.tolist()) if len(raw) else 0
    columns, duplicates = unique_headers(raw.iloc[header_row].tolist() if len(raw) else [])
    frame = raw.iloc[header_row + 1 :]
    frame.columns = columns
    frame = frame.dropna(how="all")  # trailing formatted-but-empty rows
    frame = drop_empty_unnamed(frame)
    # Data rows numbered as in the sheet below the header (dropped empty rows keep their number).
    frame.index = frame.index - header_row
    info = {"format": "workbook", "sheet": chosen, "sheets": names, "decimal": None,
            "header_row": header_row + 1, "duplicates": duplicates}  # fmt: skip
    return frame, info


def _choose_sheet(names, sheet, path):
    if sheet is None or (isinstance(sheet, str) and not sheet.strip()):
        return names[0]
    if isinstance(sheet, str):
        wanted = sheet.strip()
        if wanted in names:
            return wanted
        folded = {n.strip().casefold(): n for n in names}
        if wanted.casefold() in folded:
            return folded[wanted.casefold()]
        if wanted.isdigit():
            sheet = int(wanted)
        else:
            raise ReadError(Note(N_("Sheet '{}' not found in '{}'. Sheets: {}."), wanted, path, ", ".join(names)))
    if 0 <= int(sheet) < len(names):
        return names[int(sheet)]
    raise ReadError(
        Note(N_("Sheet number {} not found in '{}' (it has {} sheets: {})."), sheet, path, len(names), ", ".join(names))
    )


def read_table(path, sheet=None, encoding=None, sep=None):
    """Read a member table file by extension; returns ``(DataFrame, info)``."""
    if not os.path.exists(path):
        raise ReadError(Note(N_("File not found: '{}'"), path))
    ext = os.path.splitext(path)[1].lower()
    if ext in WORKBOOK_EXTENSIONS:
        return read_workbook(path, sheet)
    if ext in DELIMITED_EXTENSIONS:
        return read_delimited(path, encoding=encoding, sep=sep)
    raise ReadError(Note(N_("Unsupported file type '{}' for '{}': use CSV/TXT/TSV, XLSX or ODS."), ext, path))
