"""Member table import: raw table -> memberships (OUTPUT) + rejects (REJECTED).

QGIS-free (pandas/numpy). The algorithm ``clusteratlas:importmembers`` reads
the input into a DataFrame (index = 1-based ``source_row``), detects the
columns (core/headers.py) and calls :func:`import_members`.

Invariants (tested):
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

from .employment import parse_employments
from .kinds import map_kind
from .postcodes import normalise_postcodes
from .text import map_unique, map_unique_frame, normalise_key, normalise_keys, text_values, to_text

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
    ("flags", "string"),
]
REJECTED_SCHEMA = [
    ("source_row", "int"),
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
    "empty_row",
    "missing_name",
    "invalid_postcode",
    "invalid_employment",
    "missing_cluster",
    "duplicate",
    "excluded_list",
    "excluded_ceiling",
)
CLUSTER_SEPARATORS = ";,/|"

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
    ):
        self.default_cluster = to_text(default_cluster) or None
        self.default_country = default_country or "BE"
        self.exclusions = list(exclusions or ())
        self.employment_ceiling = employment_ceiling if employment_ceiling else None
        self.decimal = decimal
        self.separators = separators


class _Cells:
    """Text of each input column, computed once (used by several steps)."""

    def __init__(self, table, columns):
        self.table, self.columns, self._texts = table, columns, {}

    def raw(self, role):
        name = self.columns.get(role)
        if name:
            return self.table[name]
        return pd.Series(np.full(len(self.table), None, dtype=object), index=self.table.index)

    def text(self, role=None, column=None):
        column = column if column is not None else self.columns.get(role)
        if not column:
            return np.full(len(self.table), "", dtype=object)
        if column not in self._texts:
            self._texts[column] = text_values(self.table[column])
        return self._texts[column]

    def blank_rows(self):
        blank = np.ones(len(self.table), dtype=bool)
        for name in self.table.columns:
            blank &= self.text(column=name) == ""
        return blank


def _split_clusters(text, separators):
    if not text:
        return ()
    parts = re.split("[" + re.escape(separators) + "]", text)
    return tuple(p.strip() for p in parts if p.strip())


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

    ``table``: DataFrame, index = 1-based source row, any dtypes.
    ``columns``: role -> column name (roles of core.headers.ROLES; ``name`` and
    ``postcode`` required, ``cluster`` unless ``options.default_cluster``).
    ``progress``: optional callable(fraction 0..1) that may raise to cancel.
    Returns an :class:`ImportResult` (output DataFrame, rejected DataFrame, stats dict).
    """
    options = options or ImportOptions()
    step = progress or (lambda fraction: None)
    n = len(table)
    rows = np.asarray(table.index, dtype=np.int64)

    # ---- row-level parsing (each distinct value parsed once) -------------
    cells = _Cells(table, columns)
    names = cells.text("name")
    raw_postcode = cells.raw("postcode")
    raw_country = cells.raw("country")
    pc = normalise_postcodes(raw_postcode, raw_country if columns.get("country") else None, options.default_country)
    step(0.2)
    raw_employment = cells.raw("employment")
    if columns.get("employment"):
        emp = parse_employments(raw_employment, options.decimal)
    else:
        emp = pd.DataFrame(
            {"employment": np.nan, "estimated": False, "unknown": True, "error": None}, index=table.index
        )
    step(0.35)
    raw_kind = cells.raw("kind")
    kinds = map_unique_frame(raw_kind, map_kind, ["kind", "flag"])
    kind_labels = cells.text("kind")
    if columns.get("year"):
        year_text = cells.text("year")
        years = pd.to_numeric(pd.Series(year_text, index=table.index), errors="coerce")
        year_invalid = (year_text != "") & (years.isna().to_numpy() | (years.to_numpy() % 1 != 0))
        years = years.where(~year_invalid)
    else:
        years = pd.Series(np.nan, index=table.index)
        year_invalid = np.zeros(n, dtype=bool)

    name_keys = normalise_keys(names)
    pc_keys = pc["pc_key"].to_numpy(dtype=object)
    ids = cells.text("id")
    id_missing = (ids == "") if columns.get("id") else np.zeros(n, dtype=bool)
    fallback_ids = pd.Series(name_keys, dtype=object) + "|" + pd.Series(pc_keys, dtype=object).fillna("")
    entity_ids = np.where(ids != "", ids, fallback_ids.to_numpy(dtype=object))
    step(0.45)

    # ---- row-level problems ---------------------------------------------
    blank = cells.blank_rows()
    pc_error = pc["error"].to_numpy(dtype=object)
    emp_error = emp["error"].to_numpy(dtype=object)
    row_checks = [
        ("missing_name", (names == "") & ~blank, None),
        ("invalid_postcode", pd.notna(pc_error) & ~blank, pc_error),
        ("invalid_employment", pd.notna(emp_error) & ~blank, emp_error),
    ]

    # ---- memberships: one per cluster named in the cell -------------------
    cluster_cells = cells.text("cluster")
    parts = map_unique(pd.Series(cluster_cells), lambda t: _split_clusters(t or "", options.separators))
    cluster_default = np.array([len(p) == 0 for p in parts], dtype=bool) & (options.default_cluster is not None)
    if options.default_cluster is not None:
        default_parts = (options.default_cluster,)
        filled = np.empty(n, dtype=object)
        for i, p in enumerate(parts):
            filled[i] = p if p else default_parts  # element-wise: tuples stay tuples
        parts = filled
    counts = np.fromiter((max(len(p), 1) for p in parts), dtype=np.int64, count=n)
    pos = np.repeat(np.arange(n), counts)
    flat = []
    for p in parts:
        flat.extend(p if p else (None,))
    cluster_raw = np.array(flat, dtype=object) if flat else np.empty(0, dtype=object)
    cluster_keys = normalise_keys(cluster_raw)
    m_missing_cluster = pd.isna(cluster_raw) & ~blank[pos]
    step(0.55)

    # rule / reason per membership: first failing check gives the rule.
    m = len(pos)
    rule = np.full(m, None, dtype=object)
    reason = np.full(m, None, dtype=object)
    rule[blank[pos]] = "empty_row"
    reason[blank[pos]] = "empty row"
    checks = [(r, mask[pos], None if msgs is None else msgs[pos]) for r, mask, msgs in row_checks]
    checks.append(("missing_cluster", m_missing_cluster, None))
    messages = {
        "missing_name": "missing entity name",
        "missing_cluster": "no cluster (empty cluster cell and no default cluster)",
    }
    any_bad = np.zeros(m, dtype=bool)
    for r, mask, _ in checks:
        any_bad |= mask
    for i in np.flatnonzero(any_bad):
        texts = []
        for r, mask, msgs in checks:
            if mask[i]:
                if rule[i] is None:
                    rule[i] = r
                texts.append(msgs[i] if msgs is not None else messages[r])
        reason[i] = "; ".join(texts)

    employment = emp["employment"].to_numpy(dtype=float)[pos]
    ok = pd.isna(rule)

    # ---- duplicates within a cluster (first row wins) ---------------------
    member_ids = entity_ids[pos]
    source = rows[pos]
    if ok.any():
        valid = pd.DataFrame({"eid": member_ids[ok], "ckey": cluster_keys[ok], "row": source[ok]})
        first_row = valid.groupby(["eid", "ckey"], sort=False)["row"].transform("first").to_numpy()
        dup = valid.duplicated(["eid", "ckey"], keep="first").to_numpy()
        idx = np.flatnonzero(ok)[dup]
        rule[idx] = "duplicate"
        reason[idx] = ["duplicate of row {}".format(r) for r in first_row[dup]]
        ok[idx] = False
    step(0.65)

    # ---- exclusions -------------------------------------------------------
    if options.exclusions and ok.any():
        _apply_exclusion_list(options.exclusions, ok, rule, reason, name_keys[pos], ids[pos], cluster_keys)
    ceiling = options.employment_ceiling
    if ceiling is not None:
        over = ok & (np.nan_to_num(employment, nan=-1.0) > ceiling)
        rule[over] = "excluded_ceiling"
        reason[over] = [
            "employment {:g} above the ceiling {:g} (cluster {})".format(e, ceiling, c)
            for e, c in zip(employment[over], cluster_raw[over])
        ]
        ok &= ~over
    step(0.75)

    # ---- cluster display names: first spelling in table order (any row) ---
    named = pd.notna(cluster_raw)
    display = pd.Series(cluster_raw[named], index=cluster_keys[named])
    display = display[~display.index.duplicated(keep="first")]
    display_map = display.to_dict()

    # ---- OUTPUT ------------------------------------------------------------
    sel = pos[ok]
    estimated = emp["estimated"].to_numpy(dtype=bool)[sel]
    unknown = emp["unknown"].to_numpy(dtype=bool)[sel]
    kind_flags = kinds["flag"].to_numpy(dtype=object)[sel]
    source_country = pc["country_source"].to_numpy(dtype=object)[sel]
    flag_masks = [
        ("employment_estimated", estimated),
        ("employment_unknown", unknown),
        ("kind_unmapped", kind_flags == "kind_unmapped"),
        ("kind_missing", kind_flags == "kind_missing"),
        ("country_from_prefix", source_country == "prefix"),
        ("country_default", source_country == "default"),
        ("cluster_default", cluster_default[sel]),
        ("id_missing", id_missing[sel]),
        ("year_invalid", year_invalid[sel]),
    ]
    flags = np.full(len(sel), "", dtype=object)
    for flag, mask in flag_masks:
        if mask.any():
            flags[mask] = flags[mask] + flag + ";"
    flags = np.array([f[:-1] for f in flags], dtype=object) if len(flags) else flags
    out_keys = cluster_keys[ok]
    output = pd.DataFrame(
        {
            "entity_id": member_ids[ok],
            "name": names[sel],
            "cluster": pd.Series(out_keys, dtype=object).map(display_map).to_numpy(dtype=object),
            "cluster_key": out_keys,
            "kind": kinds["kind"].to_numpy(dtype=object)[sel],
            "kind_label": kind_labels[sel],
            "country": pc["country"].to_numpy(dtype=object)[sel],
            "postcode": pc["postcode"].to_numpy(dtype=object)[sel],
            "pc_key": pc_keys[sel],
            "employment": employment[ok],
            "employment_estimated": estimated,
            "employment_unknown": unknown,
            "year": years.to_numpy(dtype=float)[sel],
            "source_row": source[ok],
            "flags": flags,
        }
    )
    step(0.85)

    # ---- REJECTED ----------------------------------------------------------
    bad = ~ok
    rsel = pos[bad]
    rejected = pd.DataFrame(
        {
            "source_row": source[bad],
            "reason": reason[bad],
            "rule": rule[bad],
            "name": names[rsel],
            "cluster": cluster_raw[bad],
            "raw_postcode": cells.text("postcode")[rsel],
            "raw_country": cells.text("country")[rsel],
            "raw_employment": cells.text("employment")[rsel],
            "raw_kind": kind_labels[rsel],
            "employment": employment[bad],
            "raw_record": _raw_records(table, rsel),
        }
    )
    step(0.95)
    stats = _stats(n, output, rejected, employment)
    return ImportResult(output, rejected, stats)


def _apply_exclusion_list(exclusions, ok, rule, reason, name_keys, id_values, cluster_keys):
    """Mark memberships matched by an exclusion (by name or id, optionally per cluster)."""
    rules = {}
    for entry in exclusions:
        key = normalise_key(entry.entity)
        if key:
            rules.setdefault(key, []).append((normalise_key(entry.cluster) if entry.cluster else "", entry))
    id_keys = map_unique(pd.Series(id_values, dtype=object), normalise_key)
    candidates = np.flatnonzero(
        ok & (pd.Series(name_keys).isin(list(rules)).to_numpy() | pd.Series(id_keys).isin(list(rules)).to_numpy())
    )
    for i in candidates:
        for key in (id_keys[i], name_keys[i]):
            match = next((e for c, e in rules.get(key, ()) if c in ("", cluster_keys[i])), None)
            if match is not None:
                where = " for cluster {}".format(match.cluster) if match.cluster else ""
                note = ": {}".format(match.note) if match.note else ""
                rule[i] = "excluded_list"
                reason[i] = "excluded by the exclusion list ('{}'{}){}".format(match.entity, where, note)
                ok[i] = False
                break


def _raw_records(table, positions):
    """JSON text of the whole input row, for each rejected membership."""
    if not len(positions):
        return np.empty(0, dtype=object)
    unique_pos = np.unique(positions)
    subset = table.iloc[unique_pos]
    columns = [str(c) for c in table.columns]
    texts = {}
    for p, values in zip(unique_pos, subset.itertuples(index=False, name=None)):
        texts[p] = json.dumps({c: to_text(v) for c, v in zip(columns, values)}, ensure_ascii=False)
    return np.array([texts[p] for p in positions], dtype=object)


def _stats(rows_read, output, rejected, employment):
    by_rule = rejected["rule"].value_counts().to_dict() if len(rejected) else {}
    by_rule = {str(k): int(v) for k, v in sorted(by_rule.items(), key=lambda kv: RULES.index(kv[0]))}
    rows_out = set(output["source_row"].tolist())
    return {
        "rows_read": int(rows_read),
        "memberships": int(len(output)),
        "rejected": int(len(rejected)),
        "rows_fully_rejected": int(len(set(rejected["source_row"].tolist()) - rows_out)),
        "rejected_by_rule": by_rule,
        "entities": int(output["entity_id"].nunique()),
        "clusters": int(output["cluster_key"].nunique()),
        "estimated": int(output["employment_estimated"].sum()),
        "unknown": int(output["employment_unknown"].sum()),
        "employment_in": float(np.nansum(employment)),
        "employment_out": float(np.nansum(output["employment"].to_numpy(dtype=float))),
        "employment_excluded": float(np.nansum(rejected["employment"].to_numpy(dtype=float))),
    }
