"""One sheet of a workbook as a grid of cells (core/sections.py finds the table).

QGIS-free. XLSX/XLSM are streamed with openpyxl (read-only): only the cells
that exist are kept, by column, so a stray cell at column XFD (16,384) costs
one wide row, not 16,384 columns for every row (pandas padded every row to the
widest: a 294 KB file took 434 s and 11 GB). The stored sheet dimension is
ignored (a cell at XFD1048576 would otherwise size every row), and the empty
cells openpyxl pads each row with are counted: above ``CELL_BUDGET`` (a
formatted cell at XFD on thousands of rows) the read stops with an error naming
the sheet, the row and the column reached. ODS and XLS go through
pandas (its ODF reader keeps repeated empty cells and rows compact).
"""
import os

import numpy as np
import pandas as pd

from .messages import N_, Note

CELL_BUDGET = 20_000_000  # empty cells openpyxl may pad rows with (about 1 s per million)
GRID_BUDGET = 50_000_000  # cells of the grid over the columns that hold values


def _error(message):
    from .readers import ReadError

    return ReadError(message)


def _engine(path):
    ext = os.path.splitext(path)[1].lower()
    return {".ods": "odf", ".xls": "xlrd"}.get(ext, "openpyxl")


def read_sheet(path, sheet=None):
    """``(raw, lines, chosen sheet, sheet names)``: ``raw`` has one column per cell
    position that holds a value (labels = 0-based positions) and one row per sheet
    row from row 1 to the last row with a value; ``lines`` are the sheet's row numbers."""
    engine = _engine(path)
    try:
        if engine == "openpyxl":
            return _read_xlsx(path, sheet)
        return _read_with_pandas(path, sheet, engine)
    except ImportError as error:
        raise _error(
            Note(N_("Reading '{}' needs the Python package for '{}' ({}). Install it or save the sheet as CSV."),
                 path, engine, error)
        ) from None


def _read_xlsx(path, sheet):
    import openpyxl
    from openpyxl.utils import get_column_letter

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except Exception as error:  # corrupt file, wrong extension...
        raise _error(Note(N_("Cannot open workbook '{}': {}"), path, error)) from None
    try:
        names = list(book.sheetnames)
        chosen = choose_sheet(names, sheet, path)
        worksheet = book[chosen]
        if hasattr(worksheet, "reset_dimensions"):
            worksheet.reset_dimensions()
        row_numbers, positions, values = [], [], []
        spent = last_row = 0
        for number, row in enumerate(worksheet.iter_rows(values_only=True), start=1):
            if not row:
                continue
            last_row = number  # a formatted empty cell: a blank row, counted (trailing ones are ignored)
            before = len(values)
            for position, value in enumerate(row):
                if value is not None and value != "":
                    row_numbers.append(number)
                    positions.append(position)
                    values.append(int(value) if isinstance(value, float) and value.is_integer() else value)
            spent += len(row) - (len(values) - before)  # empty cells openpyxl padded the row with
            if spent > CELL_BUDGET:
                raise _error(
                    Note(N_("Sheet '{}' of '{}' pads its rows with more than {:,} empty cells (row {} reaches column {}): "
                            "delete the empty rows and columns around the table, or save the sheet as CSV."),
                         chosen, path, CELL_BUDGET, number, get_column_letter(len(row)))
                )
    finally:
        book.close()
    return _grid(row_numbers, positions, values, last_row, path, chosen) + (chosen, names)


def _grid(row_numbers, positions, values, n_rows, path, chosen):
    """Dense grid over the columns that hold a value (rows 1..n_rows)."""
    if not values:
        return pd.DataFrame({0: pd.Series([], dtype=object)}), np.empty(0, dtype=np.int64)
    columns, column_index = np.unique(np.asarray(positions), return_inverse=True)
    if n_rows * len(columns) > max(GRID_BUDGET, 2 * len(values)):
        raise _error(
            Note(N_("Sheet '{}' of '{}' spans more than {:,} cells ({} rows x {} columns with values): delete the empty "
                    "rows and columns around the table, or save the sheet as CSV."),
                 chosen, path, max(GRID_BUDGET, 2 * len(values)), n_rows, len(columns))
        )
    grid = np.full((n_rows, len(columns)), None, dtype=object)
    cells = np.empty(len(values), dtype=object)
    cells[:] = values
    grid[np.asarray(row_numbers) - 1, column_index] = cells
    raw = pd.DataFrame(grid, columns=[int(c) for c in columns])
    return raw, np.arange(1, n_rows + 1, dtype=np.int64)


def _read_with_pandas(path, sheet, engine):
    try:
        book = pd.ExcelFile(path, engine=engine)
    except ImportError:
        raise
    except Exception as error:  # corrupt file, wrong extension...
        raise _error(Note(N_("Cannot open workbook '{}': {}"), path, error)) from None
    with book:
        names = list(book.sheet_names)
        chosen = choose_sheet(names, sheet, path)
        raw = book.parse(chosen, dtype=object, header=None)
    raw = raw.astype(object).where(raw.notna(), None)
    raw.columns = range(raw.shape[1])
    return raw, np.arange(1, len(raw) + 1, dtype=np.int64), chosen, names


def choose_sheet(names, sheet, path):
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
            raise _error(Note(N_("Sheet '{}' not found in '{}'. Sheets: {}."), wanted, path, ", ".join(names)))
    if 0 <= int(sheet) < len(names):
        return names[int(sheet)]
    raise _error(
        Note(N_("Sheet number {} not found in '{}' (it has {} sheets: {})."), sheet, path, len(names), ", ".join(names))
    )
