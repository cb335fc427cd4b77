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
    """The candidate that splits the first lines into the same number (>1) of fields."""
    lines = [line for line in text.splitlines()[:50] if line.strip()]
    if not lines:
        return ";"
    best, best_score = None, (-1, 0)
    for sep in _SEPARATORS:
        widths = [len(row) for row in csv.reader(io.StringIO("\n".join(lines)), delimiter=sep)]
        if not widths or widths[0] < 2:
            continue
        consistent = sum(1 for w in widths if w == widths[0]) / len(widths)
        score = (consistent, widths[0])
        if score > best_score:
            best, best_score = sep, score
    return best or ("\t" if "\t" in lines[0] else ";")


def read_delimited(path, encoding=None, sep=None):
    """Read a delimited text file; returns ``(DataFrame of text, info dict)``."""
    import pandas as pd

    try:
        with open(path, "rb") as handle:
            sample = handle.read(_SAMPLE_BYTES)
    except OSError as error:
        raise ReadError("Cannot open '{}': {}".format(path, error)) from None
    encoding = encoding or detect_encoding(sample)
    sep = sep or detect_separator(sample.decode(encoding, errors="replace").lstrip("\ufeff"))
    # index_col=False: pandas would otherwise silently turn the first column into
    # the index when rows have one field more than the header.
    kwargs = dict(
        sep=sep, dtype=str, keep_default_na=False, na_filter=False, skip_blank_lines=True, engine="c", index_col=False
    )
    try:
        frame = _read_csv_strict(path, encoding, kwargs)
    except UnicodeDecodeError:
        # UTF-8 start, Latin-1 further down (hand-edited exports): re-read as cp1252.
        encoding = "cp1252"
        frame = _read_csv_strict(path, encoding, kwargs)
    except pd.errors.EmptyDataError:
        raise ReadError("'{}' is empty.".format(path)) from None
    except (pd.errors.ParserError, _WidthError):
        raise ReadError(_width_message(path, encoding, sep)) from None
    frame.columns = [str(c).strip().lstrip("\ufeff") for c in frame.columns]
    frame.index = pd.RangeIndex(1, len(frame) + 1)
    return frame, {"format": "delimited", "encoding": encoding, "separator": sep, "decimal": "," if sep == ";" else "."}


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


def _width_message(path, encoding, sep, limit=5):
    """Name the data rows whose number of fields differs from the header's."""
    bad = []
    with open(path, encoding=encoding, errors="replace", newline="") as handle:
        reader = csv.reader(handle, delimiter=sep)
        header = next(reader, [])
        row_number = 0
        for row in reader:
            if not row:
                continue
            row_number += 1
            if len(row) != len(header):
                bad.append("row {} has {} fields".format(row_number, len(row)))
                if len(bad) >= limit:
                    break
    return (
        "Cannot read '{}' separated by '{}': the header has {} fields but {}. A separator inside a value? "
        "Quote such values, or choose the separator with the SEPARATOR parameter."
    ).format(path, _show(sep), len(header), ", ".join(bad) or "the rows do not match it")


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
            "Reading '{}' needs the Python package for '{}' ({}). Install it or save the sheet as CSV.".format(
                path, engine, error
            )
        ) from None
    except Exception as error:  # corrupt file, wrong extension...
        raise ReadError("Cannot open workbook '{}': {}".format(path, error)) from None
    with book:
        names = list(book.sheet_names)
        chosen = _choose_sheet(names, sheet, path)
        frame = book.parse(chosen, dtype=object)
    frame = frame.dropna(how="all")  # trailing formatted-but-empty rows
    frame.columns = [str(c).strip() for c in frame.columns]
    frame = frame.loc[:, [not c.startswith("Unnamed: ") or frame[c].notna().any() for c in frame.columns]]
    # Spreadsheet row numbers are lost by dropna: number data rows as read (header excluded).
    frame.index = frame.index + 1
    frame = frame.astype(object).where(frame.notna(), None)
    return frame, {"format": "workbook", "sheet": chosen, "sheets": names, "decimal": None}


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
            raise ReadError("Sheet '{}' not found in '{}'. Sheets: {}.".format(wanted, path, ", ".join(names)))
    if 0 <= int(sheet) < len(names):
        return names[int(sheet)]
    raise ReadError("Sheet number {} not found in '{}' (it has {} sheets: {}).".format(sheet, path, len(names), ", ".join(names)))


def read_table(path, sheet=None, encoding=None, sep=None):
    """Read a member table file by extension; returns ``(DataFrame, info)``."""
    if not os.path.exists(path):
        raise ReadError("File not found: '{}'".format(path))
    ext = os.path.splitext(path)[1].lower()
    if ext in WORKBOOK_EXTENSIONS:
        return read_workbook(path, sheet)
    if ext in DELIMITED_EXTENSIONS:
        return read_delimited(path, encoding=encoding, sep=sep)
    raise ReadError("Unsupported file type '{}' for '{}': use CSV/TXT/TSV, XLSX or ODS.".format(ext, path))
