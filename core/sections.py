"""Where the table is in a grid of cells read from a file: header, titles above
it, repeated headers, blank rows. Shared by CSV files and workbook sheets.

QGIS-free. Input: ``raw``, a DataFrame whose columns are the 0-based cell
positions (ascending, gaps allowed) and whose rows are the file's records in
order, and ``lines``, the line (CSV, quoted line breaks counted) or sheet row
number of each record as an editor or a spreadsheet shows it.

- The header is the FIRST header-like row among the first rows: a row naming
  at least 60 % as many known column names (core/headers.py) as the best row,
  and at least two. Titles above it ("Liste des membres", "Nom du cluster:
  TIC; Année: 2011") name fewer; a second header pasted further down (two
  exports in one file, the second with one more column) names as many or more
  and must not win, or the rows above it would be lost.
- Rows above the header are lines of the input too: each goes to REJECTED
  (rule ``above_header``, no source_row).
- ``source_row`` is the 1-based row below that first header.
- A later row that is a header again (cells that are the first header's names
  or exact synonyms of its roles, at least 60 % of its known names and half of
  the row's cells, and no other cell with digits: a data row has a postcode)
  is rejected as ``repeated_header`` and the rows below it are read with ITS
  names, mapped by name onto the first header's columns (a new name is a new
  column, empty for earlier rows): never shifted by position.
- Blank rows between data rows are data rows (core/members.py rejects them as
  ``empty_row``); blank rows after the last data row are not rows (counted).

Every step works column by column on distinct values (pandas factorize), so a
million rows or ten thousand columns cost a few passes, never rows x columns in
Python; names are looked up only in the first ``SCAN_COLUMNS`` columns.
"""
import math
import re
from collections import namedtuple
from functools import lru_cache

import numpy as np
import pandas as pd

from .headers import ROLES, SYNONYMS, header_key, score
from .text import factorize_values

HEADER_SCAN_ROWS = 30
SCAN_COLUMNS = 256  # known names are looked for in the first columns only (bounded cost)
_SHARE = 0.6

Layout = namedtuple("Layout", ["frame", "lines", "rejects", "header_line", "sections", "trailing_blank", "duplicates"])
Layout.__doc__ = """``frame``: the table (index = source_row; repeated header rows left out).
``lines``: int array, ``lines[source_row]`` = its line (index 0 unused). ``rejects``: list of
``(source_row or None, line, rule, cells)`` for ``above_header`` and ``repeated_header`` rows.
``header_line``: line of the first header. ``sections``: ``(line, source_row, rows, new_columns)``
per repeated header. ``trailing_blank``: blank rows after the last data row (ignored).
``duplicates``: ``(name, renamed)`` of repeated column names."""


class WidthError(ValueError):
    """Data cells right of their header (CSV): ``rows`` = [(source_row, line, fields)], ``header_fields``."""

    def __init__(self, rows, header_fields):
        super().__init__(rows)
        self.rows, self.header_fields = rows, header_fields


def cell_text(value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip().lstrip("\ufeff")


@lru_cache(maxsize=4096)
def _roles(text):
    """``(roles named at any level, roles named exactly)`` by a header cell."""
    any_level = frozenset(r for r in ROLES if score(text, r))
    return any_level, frozenset(r for r in any_level if score(text, r) == 2)


def _squash(series):
    """Letters only, lower case, accents dropped: a cheap necessary condition for a
    header name, computed vectorised before the exact (slower) test."""
    return series.str.normalize("NFKD").str.lower().str.replace(r"[^a-z]", "", regex=True)


_SYNONYM_SQUASHES = frozenset(_squash(pd.Series([w for words in SYNONYMS.values() for w in words])).tolist())


def unique_headers(cells, positions=None):
    """Header names made usable: empty names become ``column_<n>`` (1-based
    position), duplicates get `` (2)``, `` (3)``... Returns ``(names, notes)``
    where notes lists the renamed duplicates for the log."""
    names, seen, notes = [], {}, []
    for index, cell in enumerate(cells):
        position = (positions[index] if positions is not None else index) + 1
        text = cell_text(cell)
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


class _Columns:
    """Codes and distinct values of each raw column, computed once; which distinct
    values are filled (not empty or blank) is tested in one vectorised pass over
    the distinct values of every column together (ten thousand columns: one pass)."""

    def __init__(self, raw):
        self.raw = raw
        self.codes, self.uniques, self.filled = [], [], []
        for _, column in raw.items():  # columns labels are unique positions
            codes, uniques = factorize_values(column)
            self.codes.append(np.asarray(codes))
            self.uniques.append(pd.Series(uniques, dtype=object))
        every = pd.concat(self.uniques, ignore_index=True) if self.uniques else pd.Series([], dtype=object)
        filled = (every.notna() & (every.astype(str).str.strip() != "")).to_numpy(dtype=bool)
        start = 0
        for values in self.uniques:
            self.filled.append(np.append(filled[start : start + len(values)], False))  # code -1 (missing) -> False
            start += len(values)

    def filled_cells(self, index):
        return self.filled[index][self.codes[index]]

    def filled_count(self):
        count = np.zeros(len(self.raw), dtype=np.int32)
        for index in range(len(self.codes)):
            count += self.filled_cells(index)
        return count

    def row(self, index, limit=None):
        """Texts of the cells of row ``index`` (of the first ``limit`` columns)."""
        texts = []
        for codes, values in zip(self.codes[:limit], self.uniques[:limit]):
            code = codes[index]
            texts.append("" if code < 0 else cell_text(values.iat[code]))
        return texts


def _known_count(cells):
    return sum(1 for c in cells[:SCAN_COLUMNS] if c and _roles(c)[0])


def find_header(columns, filled_count):
    """Index (into the raw rows) of the header row: see the module doc. -1 when every row is blank."""
    candidates = [i for i in range(min(HEADER_SCAN_ROWS, len(filled_count))) if filled_count[i]]
    if not candidates:
        return -1
    known = {i: _known_count(columns.row(i, SCAN_COLUMNS)) for i in candidates}
    best = max(known.values())
    if best < 2:
        return candidates[0]
    need = max(2, math.ceil(_SHARE * best))
    return next(i for i in candidates if known[i] >= need)


def _repeated_headers(columns, header_cells, start, stop, filled_count):
    """Indexes in ``start..stop-1`` of rows that repeat the header (module doc).

    Columns are looked at from the fewest distinct values up, and a row leaves the
    candidates as soon as it cannot be a header (a digit in a cell that is not a
    header name: a postcode; too few cells left): the many-valued name column is
    then looked up only for the few rows still in question."""
    known = [c for c in header_cells[:SCAN_COLUMNS] if c and _roles(c)[0]]
    if len(known) < 2 or stop <= start:
        return []
    keys = {header_key(c) for c in known}
    roles = frozenset().union(*(_roles(c)[0] for c in known))
    squashes = _SYNONYM_SQUASHES | frozenset(_squash(pd.Series(known)).tolist())
    need = max(2, math.ceil(_SHARE * len(known)))
    scanned = sorted(range(min(SCAN_COLUMNS, len(columns.codes))), key=lambda i: len(columns.uniques[i]))
    similar = np.zeros(stop - start, dtype=np.int32)
    alive = np.flatnonzero(filled_count[start:stop] >= need)
    for done, index in enumerate(scanned, start=1):
        if not len(alive):
            return []
        codes = columns.codes[index][start:stop][alive]
        wanted = np.unique(codes[codes >= 0])
        wanted = wanted[columns.filled[index][wanted]]
        values = columns.uniques[index].iloc[wanted].astype(str)
        is_similar = np.zeros(len(columns.uniques[index]) + 1, dtype=bool)
        digits = np.zeros(len(is_similar), dtype=bool)
        maybe = wanted[_squash(values).isin(squashes).to_numpy()]
        for u in maybe:
            text = cell_text(columns.uniques[index].iat[u])
            is_similar[u] = header_key(text) in keys or bool(_roles(text)[1] & roles)
        digits[wanted] = values.str.contains(r"\d", regex=True).to_numpy(dtype=bool)
        similar[alive] += is_similar[codes]
        keep = ~(digits & ~is_similar)[codes] & (similar[alive] + len(scanned) - done >= need)
        alive = alive[keep]
    rows = filled_count[start:stop][alive]
    hit = (2 * similar[alive] >= rows)
    return (alive[hit] + start).tolist()


def _fold(name):
    return header_key(re.sub(r" \(\d+\)$", "", name))


def _role_of(name):
    """The one role ``name`` is an exact synonym of ("Naam" and "Nom": name), else None."""
    exact = _roles(name)[1]
    return next(iter(exact)) if len(exact) == 1 else None


def _map_names(names, final):
    """Final column name of each of ``names`` (a repeated header's), by exact name,
    then by folded name, then by role (a Dutch export pasted under a French one);
    a name not in ``final`` is appended to it."""
    folded, by_role = {}, {}
    for name in final:
        folded.setdefault(_fold(name), name)
        by_role.setdefault(_role_of(name), name)
    by_role.pop(None, None)
    used, mapped, new = set(), [], []
    for name in names:
        target = name if name in final and name not in used else None
        for candidate in () if target or name.startswith("column_") else (folded.get(_fold(name)), by_role.get(_role_of(name))):
            if candidate is not None and candidate not in used:
                target = candidate
                break
        if target is None:
            target, number = name, 2
            while target in final:
                target, number = "{} ({})".format(name, number), number + 1
            final.append(target)
            new.append(target)
        used.add(target)
        mapped.append(target)
    return mapped, new


def _width(header_width, index, positions):
    """Number of cells of a header row: its field count (CSV) or every column (workbooks)."""
    return len(positions) if header_width is None else header_width(index)


def layout(raw, lines, header_width=None):
    """Locate the table in ``raw`` (module doc); ``header_width(index)``: field count of
    a header record (CSV), None for workbooks. Returns a :class:`Layout` or raises
    :class:`WidthError` (CSV data cells right of their header)."""
    positions = [int(p) for p in raw.columns]
    columns = _Columns(raw)
    filled_count = columns.filled_count()
    lines = np.asarray(lines, dtype=np.int64)
    h = find_header(columns, filled_count)
    if h < 0:
        return None
    nonblank = np.flatnonzero(filled_count)
    last = int(nonblank[-1])
    stop = max(last + 1, h + 1)
    trailing = len(raw) - stop
    header_cells = columns.row(h)
    rejects = [(None, int(lines[i]), "above_header", _trimmed(columns.row(i))) for i in range(h)]
    repeated = _repeated_headers(columns, header_cells, h + 1, stop, filled_count)

    starts = [h] + repeated
    ends = repeated + [stop]
    final, sections, pieces, width_errors, duplicates = None, [], [], [], []
    for k, (top, end) in enumerate(zip(starts, ends)):
        width = _width(header_width, top, positions)
        cells = columns.row(top)
        kept = [i for i, p in enumerate(positions) if p < width] if header_width else list(range(len(positions)))
        names, notes = unique_headers([cells[i] for i in kept], [positions[i] for i in kept])
        if k == 0:
            final, mapped, duplicates = list(names), list(names), notes
        else:
            mapped, new = _map_names(names, final)
            rejects.append((top - h, int(lines[top]), "repeated_header", _trimmed(cells)))
            sections.append((int(lines[top]), top - h, end - top - 1, new))
        if header_width:
            width_errors += _right_of_header(columns, positions, width, top + 1, end, h, lines)
        piece = raw.iloc[top + 1 : end, kept]
        piece.columns = mapped
        pieces.append(piece)
    if width_errors:
        raise WidthError(width_errors, _width(header_width, h, positions))
    if len(pieces) == 1:
        frame = pieces[0]
    else:
        frame = pd.concat([p.astype(object) for p in pieces], axis=0, sort=False).reindex(columns=final)
    frame.index = pd.RangeIndex(h + 1, stop).difference(pd.Index(repeated)) - h if repeated else pd.RangeIndex(1, stop - h)
    frame = _drop_empty_unnamed(frame)
    row_lines = np.zeros(stop - h, dtype=np.int64)
    row_lines[1:] = lines[h + 1 : stop]
    return Layout(frame, row_lines, rejects, int(lines[h]), sections, trailing, duplicates)


def _right_of_header(columns, positions, width, start, stop, h, lines, limit=5):
    """Rows of ``start..stop-1`` with a value right of a header of ``width`` fields."""
    beyond = [i for i, p in enumerate(positions) if p >= width]
    if not beyond or stop <= start:
        return []
    last_filled = np.full(stop - start, -1, dtype=np.int64)
    for i in beyond:
        last_filled = np.where(columns.filled_cells(i)[start:stop], positions[i], last_filled)
    bad = np.flatnonzero(last_filled >= 0)[:limit]
    return [(int(start + b - h), int(lines[start + b]), int(last_filled[b]) + 1) for b in bad]


def _drop_empty_unnamed(frame):
    """Drop the ``column_<n>`` columns (no header) that hold no value: Excel pads
    rows with trailing separators. A header-less column with values is kept."""
    keep = []
    for position, name in enumerate(frame.columns):
        if str(name).startswith("column_"):
            codes, uniques = factorize_values(frame.iloc[:, position])
            values = pd.Series(uniques, dtype=object)
            if not (values.notna() & (values.astype(str).str.strip() != "")).any():
                continue
        keep.append(position)
    return frame.iloc[:, keep] if len(keep) != frame.shape[1] else frame


def _trimmed(cells):
    end = len(cells)
    while end and not cells[end - 1]:
        end -= 1
    return cells[:end]


def drop_trailing_blank(frame, keys=()):
    """A table read by QGIS (layer, GeoPackage, database): blank rows after the last
    data row are not rows. ``keys``: primary-key columns (a GeoPackage's fid), filled
    on every row: a row blank but for its key is blank, and its key is emptied so
    that core/members.py rejects it as ``empty_row`` like a blank CSV line.
    Returns ``(frame, dropped)``."""
    if not len(frame) or not frame.shape[1]:
        return frame, 0
    others = frame[[c for c in frame.columns if c not in keys]]
    filled = _Columns(others).filled_count() if others.shape[1] else np.zeros(len(frame), dtype=np.int32)
    nonblank = np.flatnonzero(filled)
    stop = int(nonblank[-1]) + 1 if len(nonblank) else 0
    frame = frame.iloc[:stop]
    blank = filled[:stop] == 0
    if keys and blank.any():
        frame = frame.copy()
        for key in keys:
            frame[key] = frame[key].astype(object).where(~blank, None)
    return frame, len(filled) - stop
