"""Member table import: raw table -> memberships (OUTPUT) + rejects (REJECTED).

QGIS-free (pandas/numpy). The algorithm ``clusteratlas:importmembers`` reads
the input into a DataFrame (index = 1-based ``source_row``), detects the
columns (core/headers.py) and calls :func:`import_members`.

Invariants (tested):
- one membership per entity x cluster x year (year NULL without a year column):
  the same entity in the same cluster in another year is kept;
- every input row has at least one membership, and every membership ends in
  exactly one of ``output`` / ``rejected``;
- ``employment_in == employment_out + employment_excluded``, where
  ``employment_in`` sums the parsed employment of every membership whose
  employment is valid (rejected or not), and ``employment_excluded`` sums the
  ``employment`` column of ``rejected``.
"""
import json
import re
from collections import namedtuple

import numpy as np
import pandas as pd

from .clusters import DEFAULT_SEPARATORS, cluster_key, cluster_key_list, similar_keys, split_cells
from .employment import parse_employments
from .kinds import map_kind
from .messages import N_, translate_values
from .postcodes import COLUMNS as PC_COLUMNS
from .postcodes import normalise_postcode_codes
from .text import factorize_values, map_unique, normalise_key, normalise_key_list, normalise_keys, to_text

OUTPUT_SCHEMA = [
    ("entity_id", "string"),
    ("name", "string"),
    ("cluster", "string"),
    ("cluster_key", "string"),
    ("kind", "string"),
    ("kind_label", "string"),
    ("country", "string"),
    ("postcode", "string"),
    ("pc_key", "string"),
    ("employment", "double"),
    ("employment_estimated", "bool"),
    ("employment_unknown", "bool"),
    ("year", "int"),
    ("source_row", "int"),
    ("source_line", "int"),
    ("flags", "string"),
]
REJECTED_SCHEMA = [
    ("source_row", "int"),
    ("source_line", "int"),
    ("reason", "string"),
    ("rule", "string"),
    ("name", "string"),
    ("cluster", "string"),
    ("raw_postcode", "string"),
    ("raw_country", "string"),
    ("raw_employment", "string"),
    ("raw_kind", "string"),
    ("employment", "double"),
    ("raw_record", "string"),
]
# Machine codes of REJECTED.rule, in the order a row is checked (the first
# failing check gives the rule; the reason lists every problem of the row).
RULES = (
    "above_header",  # lines read by core/readers.py, not rows of the table
    "repeated_header",
    "empty_row",
    "total_row",
    "missing_name",
    "invalid_postcode",
    "invalid_employment",
    "implausible_employment",
    "missing_cluster",
    "duplicate",
    "excluded_list",
    "excluded_ceiling",
)
# Characters that always separate clusters in a cell (line breaks too); / , + &
# and et/en/and separate only names each known on its own (core/clusters.py).
CLUSTER_SEPARATORS = DEFAULT_SEPARATORS
# Folded labels of the "Total" rows spreadsheets add under a table (FR/NL/EN).
TOTAL_LABELS = {
    "total", "totaal", "totaux", "totals", "totale", "grand total", "total general", "totaal generaal",
    "sous-total", "sous total", "subtotal", "sub-total", "sub total", "subtotaal", "somme", "som", "sum",
}  # fmt: skip
_TOTAL_PREFIX = re.compile(r"^(?:total|totaal|totaux|sous-total|sous total|subtotal|subtotaal)\b")

Exclusion = namedtuple("Exclusion", ["entity", "cluster", "note"])
Exclusion.__doc__ = """One exclusion rule: ``entity`` (name or id, as written),
optional ``cluster`` (None = every cluster), optional ``note`` shown in the reason."""

ImportResult = namedtuple("ImportResult", ["output", "rejected", "stats"])


class ImportOptions:
    """Options of :func:`import_members` (plain attributes, defaults as the algorithm's)."""

    def __init__(
        self,
        default_cluster=None,
        default_country="BE",
        exclusions=(),
        employment_ceiling=None,
        decimal=None,
        separators=CLUSTER_SEPARATORS,
        translate=None,
        cluster_names=(),
    ):
        self.default_cluster = to_text(default_cluster) or None
        self.default_country = default_country or "BE"
        self.exclusions = list(exclusions or ())
        self.employment_ceiling = employment_ceiling if employment_ceiling else None
        self.decimal = decimal
        self.separators = separators
        # Known cluster names besides the table's own (CLUSTER_NAMES): an ambiguous
        # separator splits a text into them.
        self.cluster_names = list(cluster_names or ())
        # Language of REJECTED.reason: a callable English template -> text (the
        # algorithms pass tr); None keeps the English. REJECTED.rule never changes.
        self.translate = translate


class _Cells:
    """Each input column as integer codes + its distinct values, computed once.

    Every step works on the distinct values (a few hundred postcodes, a dozen
    employment spellings...) and maps back with the codes: no per-row Python
    and no per-row string is built except where the output needs one.
    """

    def __init__(self, table, columns):
        self.table, self.columns, self._cache = table, columns, {}
        self.n = len(table)

    def raw(self, role):
        name = self.columns.get(role)
        if name:
            return self.table[name]
        return pd.Series(np.full(self.n, None, dtype=object), index=self.table.index)

    def coded(self, role=None, position=None):
        """``(codes, texts)``: ``texts[codes]`` is the stripped text of each row
        ('' for missing; code -1 picks the last slot, '')."""
        if position is None:
            name = self.columns.get(role)
            if not name:
                return np.full(self.n, -1, dtype=np.intp), np.array([""], dtype=object)
            position = self.table.columns.get_loc(name)
        if position not in self._cache:
            codes, uniques = factorize_values(self.table.iloc[:, position])
            texts = np.empty(len(uniques) + 1, dtype=object)
            if pd.api.types.infer_dtype(uniques, skipna=False) == "string":  # text read from a file
                texts[:-1] = [u.strip() for u in uniques]
            else:
                texts[:-1] = [to_text(u) for u in uniques]
            texts[-1] = ""
            self._cache[position] = (_small(codes), texts)
        return self._cache[position]

    def text(self, role):
        codes, texts = self.coded(role)
        return texts[codes]

    def blank_rows(self):
        blank = np.ones(self.n, dtype=bool)
        for position in range(self.table.shape[1]):
            codes, texts = self.coded(position=position)
            blank &= (texts == "")[codes]
        return blank


def _small(codes):
    """Integer codes as int32 when they fit: half the memory of pandas' int64."""
    return codes.astype(np.int32) if len(codes) < 2**31 else np.asarray(codes, dtype=np.intp)


def _recode(codes, values):
    """Codes into the distinct values of ``values`` (an array indexed by ``codes``,
    -1 = last slot): ``(new_codes, distinct)`` with equal values sharing a code."""
    value_codes, distinct = pd.factorize(values)
    return _small(value_codes)[codes], np.asarray(distinct, dtype=object)


def _first_positions(codes, size):
    """Position of the first occurrence of each code 0..size-1 (-1 when absent)."""
    first = np.full(size, -1, dtype=np.int64)
    if len(codes):
        present, index = np.unique(codes, return_index=True)  # stable: first occurrence
        first[present] = index
    return first


def parse_exclusion_text(text):
    """Exclusions typed as text: entries separated by ``;`` or new lines,
    ``name`` or ``name @ cluster`` (``UCLouvain; Delhaize @ Nutrition``)."""
    entries = []
    for part in re.split(r"[;\n]", text or ""):
        entity, _, cluster = part.partition("@")
        if entity.strip():
            entries.append(Exclusion(entity.strip(), cluster.strip() or None, None))
    return entries


def exclusions_from_frame(frame, entity_column, cluster_column=None, note_column=None):
    """Exclusions from a table (one row per rule; empty cluster = every cluster)."""
    entries = []
    for row in frame.itertuples(index=False, name=None):
        record = dict(zip(frame.columns, row))
        entity = to_text(record.get(entity_column))
        if not entity:
            continue
        cluster = to_text(record.get(cluster_column)) if cluster_column else ""
        note = to_text(record.get(note_column)) if note_column else ""
        entries.append(Exclusion(entity, cluster or None, note or None))
    return entries


def import_members(table, columns, options=None, progress=None):
    """Clean ``table`` into memberships and rejects.

    ``table``: DataFrame, index = 1-based source row, any dtypes (categorical
    columns are used as they are: their codes are the distinct values).
    ``columns``: role -> column name (roles of core.headers.ROLES; ``name`` and
    ``postcode`` required, ``cluster`` unless ``options.default_cluster``).
    ``progress``: optional callable(fraction 0..1) that may raise to cancel.
    Returns an :class:`ImportResult` (output DataFrame, rejected DataFrame, stats dict).
    """
    options = options or ImportOptions()
    step = progress or (lambda fraction: None)
    tx = options.translate or _same
    n = len(table)
    rows = np.asarray(table.index, dtype=np.int64)
    cells = _Cells(table, columns)

    # ---- row-level parsing: every step on distinct values, mapped back by code
    name_codes, name_texts = cells.coded("name")
    names = name_texts[name_codes]
    name_key_texts = np.empty(len(name_texts), dtype=object)
    name_key_texts[:] = normalise_key_list(list(name_texts), stripped=True)
    name_key_codes, name_keys = _recode(name_codes, name_key_texts)

    pc_codes, pc_records = normalise_postcode_codes(
        cells.raw("postcode"), cells.raw("country") if columns.get("country") else None, options.default_country
    )
    pc = {field: np.array([getattr(r, field) for r in pc_records] + [None], dtype=object) for field in PC_COLUMNS}
    pc["error"] = translate_values(pc["error"], options.translate)
    pc_key_codes, pc_keys = _recode(pc_codes, pc["pc_key"])  # -1: no valid key
    step(0.2)

    if columns.get("employment"):
        emp = parse_employments(cells.raw("employment"), options.decimal)
        emp_value = emp["employment"].to_numpy(dtype=float)
        emp_estimated = emp["estimated"].to_numpy(dtype=bool)
        emp_unknown = emp["unknown"].to_numpy(dtype=bool)
        emp_error = translate_values(emp["error"].to_numpy(dtype=object), options.translate)
        emp_implausible = emp["implausible"].to_numpy(dtype=bool)
        del emp
    else:
        emp_value = np.full(n, np.nan)
        emp_estimated = np.zeros(n, dtype=bool)
        emp_unknown = np.ones(n, dtype=bool)
        emp_error = np.full(n, None, dtype=object)
        emp_implausible = np.zeros(n, dtype=bool)
    step(0.35)

    kind_codes, kind_texts = cells.coded("kind")
    kind_results = [map_kind(text) for text in kind_texts]  # map_kind folds the text itself
    kind_values = np.array([k for k, _ in kind_results], dtype=object)
    kind_flags = np.array([f for _, f in kind_results], dtype=object)
    if columns.get("year"):
        year_text = cells.text("year")
        years = pd.to_numeric(pd.Series(year_text), errors="coerce").to_numpy(dtype=float)
        year_invalid = (year_text != "") & (np.isnan(years) | (np.nan_to_num(years) % 1 != 0))
        years[year_invalid] = np.nan
    else:
        years = np.full(n, np.nan)
        year_invalid = np.zeros(n, dtype=bool)

    # Entity: id when given, else (name key, postcode key); an integer per entity.
    id_codes, id_texts = cells.coded("id")
    has_id = (id_texts != "")[id_codes]
    id_missing = ~has_id if columns.get("id") else np.zeros(n, dtype=bool)
    id_text_codes, id_distinct = _recode(id_codes, id_texts)
    fallback_codes, _ = pd.factorize(name_key_codes.astype(np.int64) * (len(pc_keys) + 1) + (pc_key_codes + 1))
    entity_key = np.where(has_id, id_text_codes, len(id_distinct) + fallback_codes).astype(np.int64)
    del fallback_codes
    entity_codes, entity_distinct = pd.factorize(entity_key)
    entity_codes = _small(entity_codes)
    del entity_key
    first = _first_positions(entity_codes, len(entity_distinct))
    del entity_distinct
    # One id text per entity, built in one pass (no intermediate strings).
    entity_texts = id_distinct[id_text_codes[first]]
    by_name = np.flatnonzero(~has_id[first])
    with_empty = np.append(pc_keys, "")
    entity_texts[by_name] = [
        key + "|" + pc_key
        for key, pc_key in zip(name_keys[name_key_codes[first[by_name]]], with_empty[pc_key_codes[first[by_name]]])
    ]
    del first, by_name, id_text_codes
    step(0.45)

    # ---- row-level problems ---------------------------------------------
    blank = cells.blank_rows()
    pc_error = pc["error"][pc_codes]
    row_checks = [
        ("missing_name", (names == "") & ~blank, None),
        ("invalid_postcode", pd.notna(pc_error) & ~blank, pc_error),
        ("invalid_employment", pd.notna(emp_error) & ~emp_implausible & ~blank, emp_error),
        # Above core.employment.EMPLOYMENT_MAX (1e308, inf): its own rule, employment NULL (never summed).
        ("implausible_employment", emp_implausible & ~blank, emp_error),
    ]

    # ---- memberships: one per cluster named in the cell -------------------
    # Which texts are clusters is decided once per distinct cell text (core/clusters.py).
    cluster_codes, cluster_texts = cells.coded("cluster")
    cell_rows = np.bincount(np.where(cluster_codes < 0, len(cluster_texts) - 1, cluster_codes), minlength=len(cluster_texts))
    known = options.cluster_names + ([options.default_cluster] if options.default_cluster else [])
    cluster_split = split_cells(cluster_texts, options.separators, known, cell_rows)
    parts = cluster_split.parts
    del cell_rows
    cluster_default = np.array([not p for p in parts], dtype=bool)[cluster_codes] & (options.default_cluster is not None)
    if options.default_cluster is not None:
        parts = [p or (options.default_cluster,) for p in parts]
    counts = np.array([max(len(p), 1) for p in parts], dtype=np.int64)[cluster_codes]
    pos = np.repeat(np.arange(n, dtype=np.int32 if n < 2**31 else np.int64), counts)
    m = len(pos)
    slot = np.arange(m) - np.repeat(np.cumsum(counts) - counts, counts)  # part number within the cell
    part_ids = {}
    grid = np.full((len(parts), max((len(p) for p in parts), default=0) or 1), -1, dtype=np.int64)
    for u, cell_parts in enumerate(parts):
        for k, text in enumerate(cell_parts):
            grid[u, k] = part_ids.setdefault(text, len(part_ids))
    membership_part = grid[cluster_codes[pos], slot] if m else np.empty(0, dtype=np.int64)
    part_texts = np.array(list(part_ids) + [None], dtype=object)
    cluster_raw = part_texts[membership_part]
    part_keys = np.array(cluster_key_list(part_ids) + [""], dtype=object)
    ckey_codes, ckeys = _recode(membership_part, part_keys)
    del slot, counts
    m_missing_cluster = (membership_part < 0) & ~blank[pos]
    step(0.55)

    # rule / reason per membership: the first failing check gives the rule,
    # the reason lists every problem of the row.
    rule = np.full(m, None, dtype=object)
    reason = np.full(m, None, dtype=object)
    blank_m = blank[pos]
    checks = [(r, mask[pos], None if msgs is None else msgs[pos]) for r, mask, msgs in row_checks]
    checks.append(("missing_cluster", m_missing_cluster, None))
    messages = {
        "missing_name": tx(N_("missing entity name")),
        "missing_cluster": tx(N_("no cluster (empty cluster cell and no default cluster)")),
    }
    for r, mask, msgs in checks:
        idx = np.flatnonzero(mask)
        if not len(idx):
            continue
        text = msgs[idx] if msgs is not None else np.full(len(idx), messages[r], dtype=object)
        before = reason[idx]
        has = pd.notna(before)
        if has.any():
            text = text.copy()
            text[has] = before[has] + "; " + text[has]
        reason[idx] = text
    for r, mask, _ in reversed(checks):
        rule[mask] = r
    del checks, row_checks, m_missing_cluster, emp_error
    rule[blank_m] = "empty_row"
    reason[blank_m] = tx(N_("empty row"))

    employment = emp_value[pos]
    # A "Total" row sums the rows above it: rejected with its own rule and its
    # employment kept out of every total (reported apart, never counted twice).
    total_rows = _total_rows(cells, name_key_codes, name_keys, pc_error, blank)
    total_m = total_rows[pos]
    total_report = []
    if total_m.any():
        for i in np.flatnonzero(total_rows):
            total_report.append((int(rows[i]), None if np.isnan(emp_value[i]) else float(emp_value[i])))
        rule[total_m] = "total_row"
        template, empty = tx(N_("total row ('{}'): not a member; its employment ({}) is not counted")), tx(N_("empty"))
        reason[total_m] = [
            template.format(label, raw or empty)
            for label, raw in zip(cells.text("name")[pos[total_m]] if columns.get("name") else [""] * int(total_m.sum()),
                                  cells.text("employment")[pos[total_m]])  # fmt: skip
        ]
        employment = employment.copy()
        employment[total_m] = np.nan
    ok = pd.isna(rule)

    # ---- duplicates: same entity, cluster and year (first row wins) --------
    # A list covering several years (a year column) holds one membership per
    # entity x cluster x year: the same entity in the same cluster in another
    # year is a distinct membership, not a duplicate. Rows without a (valid)
    # year are one more "year" of their own.
    source = rows[pos]
    membership_entity = entity_codes[pos]
    del entity_codes
    year_codes, year_distinct = pd.factorize(years)  # NaN -> -1
    year_codes = _small(year_codes + 1)
    ok_idx = np.flatnonzero(ok)
    if len(ok_idx):
        pair = membership_entity[ok_idx].astype(np.int64) * (len(ckeys) + 1) + ckey_codes[ok_idx]
        pair = pair * (len(year_distinct) + 1) + year_codes[pos[ok_idx]]
        pair_codes, pair_distinct = pd.factorize(pair)
        first_of = _first_positions(pair_codes, len(pair_distinct))[pair_codes]
        dup = first_of != np.arange(len(ok_idx))
        idx = ok_idx[dup]
        rule[idx] = "duplicate"
        template = tx(N_("duplicate of row {}"))
        template_year = tx(N_("duplicate of row {} (same entity, cluster and year {:d})"))
        reason[idx] = [
            template.format(r) if np.isnan(y) else template_year.format(r, int(y))
            for r, y in zip(source[ok_idx[first_of[dup]]], years[pos[idx]])
        ]
        ok[idx] = False
        del pair, pair_codes, pair_distinct, first_of, dup, idx
    del ok_idx, year_codes, year_distinct
    step(0.65)

    # ---- exclusions -------------------------------------------------------
    if options.exclusions and ok.any():
        _apply_exclusion_list(
            options.exclusions, ok, rule, reason, name_keys[name_key_codes[pos]], cells.text("id")[pos], ckeys[ckey_codes],
            tx,
        )
    del name_keys, name_key_codes, name_key_texts  # a million folded names, no longer needed
    ceiling = options.employment_ceiling
    if ceiling is not None:
        over = ok & (np.nan_to_num(employment, nan=-1.0) > ceiling)
        rule[over] = "excluded_ceiling"
        template = tx(N_("employment {:g} above the ceiling {:g} (cluster {})"))
        reason[over] = [
            template.format(e, ceiling, c)
            for e, c in zip(employment[over], cluster_raw[over])
        ]
        ok &= ~over
    step(0.75)

    # ---- cluster display names: first spelling in table order (any row) ---
    named = membership_part >= 0
    display = np.full(len(ckeys) + 1, None, dtype=object)
    first_named = _first_positions(ckey_codes[named], len(ckeys))
    present = first_named >= 0
    display[:-1][present] = cluster_raw[named][first_named[present]]
    cluster_report = {
        "split": [(text, list(pieces), rows) for text, pieces, rows in cluster_split.split],
        "kept_whole": cluster_split.kept_whole,
        "similar": _similar_clusters(ckeys, ckey_codes, display, source),
    }
    del cluster_split

    # ---- OUTPUT ------------------------------------------------------------
    sel = pos[ok]
    estimated = emp_estimated[sel]
    unknown = emp_unknown[sel]
    kind_flag = kind_flags[kind_codes[sel]]
    country_source = pc["country_source"][pc_codes[sel]]
    flag_masks = [
        ("employment_estimated", estimated),
        ("employment_unknown", unknown),
        ("kind_unmapped", kind_flag == "kind_unmapped"),
        ("kind_missing", kind_flag == "kind_missing"),
        ("country_from_prefix", country_source == "prefix"),
        ("country_default", country_source == "default"),
        ("cluster_default", cluster_default[sel]),
        ("id_missing", id_missing[sel]),
        ("year_invalid", year_invalid[sel]),
    ]
    output = pd.DataFrame(
        {
            "entity_id": entity_texts[membership_entity[ok]],
            "name": names[sel],
            "cluster": display[ckey_codes[ok]],
            "cluster_key": ckeys[ckey_codes[ok]],
            "kind": kind_values[kind_codes[sel]],
            "kind_label": kind_texts[kind_codes[sel]],
            "country": pc["country"][pc_codes[sel]],
            "postcode": pc["postcode"][pc_codes[sel]],
            "pc_key": pc["pc_key"][pc_codes[sel]],
            "employment": employment[ok],
            "employment_estimated": estimated,
            "employment_unknown": unknown,
            "year": years[sel],
            "source_row": source[ok],
            "source_line": source[ok],  # the file's line: see add_reader_rows
            "flags": _flag_texts(flag_masks, len(sel)),
        },
        copy=False,  # no consolidation copy of a million-row object block
    )
    step(0.85)

    # ---- REJECTED ----------------------------------------------------------
    bad = ~ok
    rsel = pos[bad]
    rejected = pd.DataFrame(
        {
            "source_row": source[bad],
            "source_line": source[bad],
            "reason": reason[bad],
            "rule": rule[bad],
            "name": names[rsel],
            "cluster": cluster_raw[bad],
            "raw_postcode": cells.text("postcode")[rsel],
            "raw_country": cells.text("country")[rsel],
            "raw_employment": cells.text("employment")[rsel],
            "raw_kind": kind_texts[kind_codes[rsel]],
            "employment": employment[bad],
            "raw_record": _raw_records(cells, rsel),
        },
        copy=False,
    )
    step(0.95)
    stats = _stats(n, output, rejected, employment)
    stats["total_rows"] = total_report
    stats["entities"] = int(len(np.unique(membership_entity[ok])))
    stats["clusters"] = int(len(np.unique(ckey_codes[ok])))
    stats["cluster_names"] = cluster_report
    # Memberships per year (a year column): several years are aggregated one at a time.
    kept_years = years[sel]
    present_years, per_year = np.unique(kept_years[~np.isnan(kept_years)], return_counts=True)
    stats["years"] = {int(y): int(c) for y, c in zip(present_years, per_year)}
    return ImportResult(output, rejected, stats)


def _total_rows(cells, name_key_codes, name_keys, pc_error, blank):
    """Rows that are a table's "Total" line: the name cell (or, when it is empty,
    the first column) says total/totaal/sous-total..., and the postcode is empty
    or invalid (a company called "Total Belgium" has a real postcode).
    Only rows without a valid postcode are looked at (a few, not a million)."""
    postcode_codes, postcode_texts = cells.coded("postcode")
    no_postcode = (postcode_texts == "")[postcode_codes]
    candidates = np.flatnonzero((no_postcode | pd.notna(pc_error)) & ~blank)
    total = np.zeros(len(blank), dtype=bool)
    if not len(candidates):
        return total
    labels = name_keys[name_key_codes[candidates]]
    if cells.table.shape[1] and (labels == "").any():
        first_codes, first_texts = cells.coded(position=0)
        first = first_texts[first_codes[candidates]]
        labels = np.where(labels == "", normalise_keys(first), labels)
    for i, label in zip(candidates, labels):
        label = label.rstrip(" :")
        total[i] = label in TOTAL_LABELS or (no_postcode[i] and bool(_TOTAL_PREFIX.match(label)))
    return total


def _flag_texts(flag_masks, size):
    """``;``-joined flag names per membership: one bit per flag, one text per
    distinct combination (a handful), mapped back."""
    bits = np.zeros(size, dtype=np.int64)
    for bit, (_, mask) in enumerate(flag_masks):
        bits |= mask.astype(np.int64) << bit
    codes, combos = pd.factorize(bits)
    texts = np.array(
        [";".join(flag for bit, (flag, _) in enumerate(flag_masks) if combo >> bit & 1) for combo in combos] + [""],
        dtype=object,
    )
    return texts[codes]


def _same(text):
    return text


# Reason of an exclusion-list match, by (per cluster?, with a note?).
_EXCLUDED = {
    (False, False): N_("excluded by the exclusion list ('{}')"),
    (True, False): N_("excluded by the exclusion list ('{}' for cluster {})"),
    (False, True): N_("excluded by the exclusion list ('{}'): {}"),
    (True, True): N_("excluded by the exclusion list ('{}' for cluster {}): {}"),
}


def _apply_exclusion_list(exclusions, ok, rule, reason, name_keys, id_values, cluster_keys, translate=_same):
    """Mark memberships matched by an exclusion (by name or id, optionally per cluster)."""
    rules = {}
    for entry in exclusions:
        key = normalise_key(entry.entity)
        if key:
            rules.setdefault(key, []).append((cluster_key(entry.cluster) if entry.cluster else "", entry))
    id_keys = map_unique(pd.Series(id_values, dtype=object), normalise_key)
    candidates = np.flatnonzero(
        ok & (pd.Series(name_keys).isin(list(rules)).to_numpy() | pd.Series(id_keys).isin(list(rules)).to_numpy())
    )
    for i in candidates:
        for key in (id_keys[i], name_keys[i]):
            match = next((e for c, e in rules.get(key, ()) if c in ("", cluster_keys[i])), None)
            if match is not None:
                values = [match.entity] + [v for v in (match.cluster, match.note) if v]
                rule[i] = "excluded_list"
                reason[i] = translate(_EXCLUDED[bool(match.cluster), bool(match.note)]).format(*values)
                ok[i] = False
                break


def _similar_clusters(ckeys, ckey_codes, display, source, rows_shown=5):
    """Pairs of cluster keys close enough to be one cluster mistyped
    (core.clusters.similar_keys), with the display spelling and the first
    source rows of each: ``[{"clusters", "keys", "rows", "edits"}]``."""
    pairs = similar_keys(list(ckeys))
    if not pairs:
        return []
    code_of = {key: code for code, key in enumerate(ckeys)}
    order = np.argsort(ckey_codes, kind="stable")  # memberships grouped by key, table order kept
    bounds = np.searchsorted(ckey_codes[order], np.arange(len(ckeys) + 1))

    def first_rows(key):
        code = code_of[key]
        group = order[bounds[code]:min(bounds[code + 1], bounds[code] + 4 * rows_shown)]
        return sorted({int(r) for r in source[group]})[:rows_shown]

    return [
        {"clusters": [display[code_of[a]], display[code_of[b]]], "keys": [a, b],
         "rows": [first_rows(a), first_rows(b)], "edits": int(edits)}
        for a, b, edits in pairs
    ]


def _raw_records(cells, positions):
    """JSON text of the whole input row, for each rejected membership; same text
    as ``json.dumps(dict)`` of the row.

    Each column's ``"name": value`` pieces are encoded once per distinct text,
    then every row joins its pieces once: linear in columns x rows. (Appending
    column after column rebuilt every row's growing text per column: quadratic,
    minutes on a 10,000-column table whose rows are all rejected; one
    ``json.dumps`` of a dict per row measured 2-10x slower than this join on
    10 columns x 1,000,000 rows and on 10,000 columns x 2,000 rows.)"""
    if not len(positions):
        return np.empty(0, dtype=object)
    if not cells.table.shape[1]:
        return np.full(len(positions), "{}", dtype=object)
    pieces = []
    for position, column in enumerate(cells.table.columns):
        codes, texts = cells.coded(position=position)
        wanted = codes[positions]
        head = json.dumps(str(column), ensure_ascii=False) + ": "
        encoded = np.empty(len(texts), dtype=object)
        for code in np.unique(wanted):
            encoded[code] = head + json.dumps(texts[code], ensure_ascii=False)
        pieces.append(encoded[wanted])
    records = np.empty(len(positions), dtype=object)
    records[:] = ["{" + ", ".join(row) + "}" for row in zip(*pieces)]
    return records


def _stats(rows_read, output, rejected, employment):
    by_rule = rejected["rule"].value_counts().to_dict() if len(rejected) else {}
    by_rule = {str(k): int(v) for k, v in sorted(by_rule.items(), key=lambda kv: RULES.index(kv[0]))}
    rows_out = output["source_row"].to_numpy()
    return {
        "rows_read": int(rows_read),
        "memberships": int(len(output)),
        "rejected": int(len(rejected)),
        "rows_fully_rejected": int(len(np.setdiff1d(rejected["source_row"].to_numpy(), rows_out))),
        "rejected_by_rule": by_rule,
        "estimated": int(output["employment_estimated"].sum()),
        "unknown": int(output["employment_unknown"].sum()),
        "employment_in": float(np.nansum(employment)),
        "employment_out": float(np.nansum(output["employment"].to_numpy(dtype=float))),
        "employment_excluded": float(np.nansum(rejected["employment"].to_numpy(dtype=float))),
    }


# ---- lines the file reader accounted for ---------------------------------------
# core/readers.py rejects the lines that are not rows of the table (titles above the
# header, a header repeated below) and knows the file line of each source_row. This
# step, run by the algorithm after import_members, puts them into the result, so
# that every line of the input is in OUTPUT or REJECTED.
_READER_REASONS = {
    "above_header": N_("line {} is above the header (line {}): a title or a note, not a row of the table"),
    "repeated_header": N_("line {} repeats the header: the rows below it are read with its column names"),
}


def add_reader_rows(result, rows_read, lines=None, rejects=(), repaired=(), header_line=None, translate=None):
    """``result`` completed with what the reader found: ``source_line`` of every
    row (``lines[source_row]``; without ``lines`` it is the source_row, as for a
    layer), the reader's ``rejects`` (``(source_row or None, line, rule, cells)``)
    in REJECTED, the flag ``encoding_repaired`` on the OUTPUT rows of ``repaired``
    (``(source_row, line)``), and ``rows_read`` = the last source_row."""
    tx = translate or _same
    output, rejected, stats = result.output.copy(), result.rejected, dict(result.stats)
    if lines is not None:
        lines = np.asarray(lines, dtype=np.int64)
        output["source_line"] = lines[output["source_row"].to_numpy(dtype=np.int64)]
        rejected = rejected.assign(source_line=lines[rejected["source_row"].to_numpy(dtype=np.int64)])
    rows = sorted({row for row, _ in repaired if row})
    if rows:
        hit = output["source_row"].isin(rows).to_numpy()
        flags = output["flags"].to_numpy(dtype=object)
        output["flags"] = np.where(hit, np.where(flags == "", "encoding_repaired", flags + ";encoding_repaired"), flags)
    if rejects:
        extra = pd.DataFrame(
            {
                "source_row": [np.nan if row is None else row for row, _, _, _ in rejects],
                "source_line": [line for _, line, _, _ in rejects],
                "reason": [tx(_READER_REASONS[rule]).format(line, header_line) for _, line, rule, _ in rejects],
                "rule": [rule for _, _, rule, _ in rejects],
                "employment": np.nan,
                "raw_record": [json.dumps(cells, ensure_ascii=False) for _, _, _, cells in rejects],
            }
        )
        rejected = pd.concat([rejected, extra.reindex(columns=rejected.columns)], ignore_index=True)
        rejected = rejected.sort_values("source_line", kind="mergesort", ignore_index=True)
        by_rule = dict(stats["rejected_by_rule"])
        for rule in extra["rule"]:
            by_rule[rule] = by_rule.get(rule, 0) + 1
        stats["rejected_by_rule"] = {k: by_rule[k] for k in sorted(by_rule, key=RULES.index)}
        stats["rejected"] = int(len(rejected))
        stats["rows_fully_rejected"] += int(extra["source_row"].notna().sum())
    stats["rows_read"] = int(rows_read)
    return ImportResult(output, rejected, stats)
