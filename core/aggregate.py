"""Employment per postal code, per cluster and per entity kind.

QGIS-free (pandas/numpy). Input: the member table of the import (one row per
entity x cluster, or per entity x cluster x year for a list covering several
years; schema in docs/ARCHITECTURE.md). Rules:

- a table holding several years is aggregated one year at a time: without a
  year filter :func:`filter_members` refuses it (the rules below assume one
  row per entity x cluster);

- an entity counts once in a zone's totals (``employment``, ``entities``)
  however many clusters it belongs to, and once in each of its clusters'
  and kinds' fields;
- member postcodes absent from the reference go to ``unmatched`` with their
  employment, so ``zones + unmatched`` always equals the member table;
- unknown employment (NULL) adds 0 but the entity is counted and flagged.

Group-bys run on integer codes of the keys (factorised once): at a million
memberships that is several times faster than grouping on the strings.
"""
import json
from collections import namedtuple

import numpy as np

from .clusters import cluster_key, cluster_keys
from .fieldnames import base_slug, slugs
from .messages import N_, Note
from .postcodes import normalise_postcodes
from .text import map_unique, normalise_key, normalise_keys, to_text

MEMBER_COLUMNS = [
    "entity_id", "name", "cluster", "cluster_key", "kind", "country", "postcode", "pc_key",
    "employment", "employment_estimated", "employment_unknown", "year", "source_row",
]
NO_KIND = "unspecified"
REASON_NOT_IN_REFERENCE = "postcode not in the reference layer"
REASON_NO_POSTCODE = "no valid postcode in the member table"

AggregateResult = namedtuple("AggregateResult", ["zones", "long", "unmatched", "field_map", "stats"])


class MemberTableError(ValueError):
    """The member table cannot be used; the message says which column and what to do."""


# --- preparing the table ------------------------------------------------------
_TRUE = {"1", "true", "t", "yes", "y", "oui", "ja", "vrai"}


def _to_bool(value):
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, float, np.integer, np.floating)):
        return bool(value) if value == value else False
    return normalise_key(value) in _TRUE


def prepare_members(df, default_country="BE"):
    """The member table with every documented column, typed; ``(df, notes)``.

    Tables written by hand may lack derived columns: ``cluster_key`` comes from
    ``cluster``, ``pc_key`` from ``postcode``/``country`` (normalised as in the
    import), ``entity_id`` from the name and postcode. ``notes`` are log lines.
    """
    import pandas as pd

    notes = []
    columns = set(df.columns)
    if not columns & {"cluster", "cluster_key"}:
        raise MemberTableError(Note(N_("the member table has no 'cluster' field: use the OUTPUT of the import")))
    if not columns & {"pc_key", "postcode"}:
        raise MemberTableError(
            Note(N_("the member table has no 'pc_key' or 'postcode' field: use the OUTPUT of the import")))
    if "employment" not in columns:
        raise MemberTableError(Note(N_("the member table has no 'employment' field: use the OUTPUT of the import")))
    out = pd.DataFrame(index=df.index)
    n = len(df)

    def column(name):
        return df[name] if name in columns else pd.Series([None] * n, index=df.index, dtype=object)

    cluster = column("cluster")
    # The import's key (case, accents, spaces and punctuation folded: "InfopôleTIC" =
    # "Infopôle TIC"), also from a hand-written table's names or an older import's keys.
    # An empty cluster_key cell (a CSV column left blank) is no key.
    given_key = cluster_keys(column("cluster_key"))
    out["cluster_key"] = given_key.where(given_key != "", cluster_keys(cluster))
    out["cluster"] = cluster.where(cluster.notna(), column("cluster_key"))

    if "pc_key" in columns:
        pc_key = pd.Series(map_unique(df["pc_key"], lambda v: to_text(v) or None), index=df.index, dtype=object)
    else:
        pc_key = pd.Series([None] * n, index=df.index, dtype=object)
    todo = pc_key.isna() & column("postcode").notna()
    if todo.any():
        norm = normalise_postcodes(column("postcode")[todo], column("country")[todo], default_country)
        pc_key[todo] = norm["pc_key"]
        notes.append(Note(N_("{} postcode(s) normalised here (no pc_key in the table)"), int(todo.sum())))
    out["pc_key"] = pc_key
    out["country"] = map_unique(pc_key, lambda v: v.split("-", 1)[0] if v else None)
    out["postcode"] = map_unique(pc_key, lambda v: v.split("-", 1)[1] if v and "-" in v else None)

    raw_employment = column("employment")
    employment = pd.to_numeric(raw_employment, errors="coerce").astype(float)
    if raw_employment.dtype == object:
        bad = employment.isna().to_numpy() & map_unique(raw_employment, lambda v: bool(to_text(v))).astype(bool)
        if bad.any():
            notes.append(Note(N_("{} employment value(s) are not numbers and count as unknown"), int(bad.sum())))
    out["employment"] = employment
    for flag in ("employment_estimated", "employment_unknown"):
        values = column(flag)
        if values.dtype == bool:
            out[flag] = values.to_numpy()
        else:
            out[flag] = map_unique(values, _to_bool).astype(bool)
    out["employment_unknown"] = out["employment_unknown"].to_numpy() | employment.isna().to_numpy()

    name = column("name")
    out["name"] = name
    entity = column("entity_id")
    missing = entity.isna()
    if missing.any():
        fallback = normalise_keys(name).where(name.notna(), None) + "|" + pc_key.fillna("")
        rows = pd.Series(df.index.astype(str), index=df.index)
        entity = entity.where(~missing, fallback.where(fallback.notna(), "row " + rows))
    out["entity_id"] = entity if entity.dtype == object and not missing.any() else entity.astype(str)
    out["kind"] = map_unique(column("kind"), lambda v: to_text(v) or NO_KIND)
    out["year"] = pd.to_numeric(column("year"), errors="coerce")
    source_row = column("source_row")
    out["source_row"] = source_row.where(source_row.notna(), pd.Series(df.index, index=df.index))
    return out[MEMBER_COLUMNS], notes


def filter_members(df, clusters=None, kinds=None, year=None):
    """Rows kept by the optional filters; ``(df, notes)``.

    ``clusters``/``kinds``: names compared after ``normalise_key``; ``year``: int.
    Every filter that removes rows says how many (and how much employment).
    A table holding several years (one membership per entity x cluster x year)
    needs ``year``: without it :class:`MemberTableError` (an entity counts once
    per zone, by its largest employment: years would be mixed, not added).
    """
    notes = []

    def drop(mask, what):
        removed = df[~mask]
        if len(removed):
            notes.append(Note(
                N_("{}: {} membership(s), {:g} employment (membership rows) left out"),
                what, len(removed), removed["employment"].fillna(0).sum(),
            ))
        return df[mask]

    # Filter values typed by hand: "eco construction" must find "Éco-construction".
    filters = (
        (clusters, "cluster_key", cluster_key, N_("cluster filter: no member in {}"), N_("cluster filter")),
        (kinds, "kind", base_slug, N_("kind filter: no member of kind {}"), N_("kind filter")),
    )
    for names, column, fold, none_found, label in filters:
        if not names:
            continue
        wanted = {fold(n) for n in names if normalise_key(n)}
        present = map_unique(df[column], fold)
        found = set(present)
        unknown = sorted({n.strip() for n in names if normalise_key(n) and fold(n) not in found})  # as typed
        if unknown:
            notes.append(Note(none_found, ", ".join(unknown)))
        df = drop(np.isin(present, list(wanted)), Note(label))
    years = table_years(df)
    if year is None and len(years) > 1:
        raise MemberTableError(Note(
            N_("the member table holds several years ({}): choose one with YEAR (Only this year); an entity "
               "counts once per zone, so years cannot be added up or mixed"), ", ".join(str(y) for y in years)))
    if year is not None:
        if years and year not in years:
            notes.append(Note(N_("year filter: no member in {} (years in the table: {})"), year,
                              ", ".join(str(y) for y in years)))
        df = drop((df["year"] == year).to_numpy(),
                  Note(N_("year filter ({}; rows without year are left out too)"), year))
    return df, notes


def table_years(df):
    """The distinct years of the prepared member table, sorted (NULL years left out)."""
    values = df["year"].dropna().unique() if "year" in df.columns else []
    return sorted(int(y) for y in values)


# --- head-office effect: sites table ---------------------------------------------
def allocate_sites(members, sites, with_stats=False):
    """Re-allocate entities' employment to their sites; ``(members, notes)``,
    plus ``stats`` when ``with_stats``.

    ``sites``: DataFrame ``[entity, pc_key, weight]`` (weight NaN = equal
    shares). An entity is found by ``entity_id``, else by its folded name.
    Each membership row of a sited entity becomes one row per site with
    ``employment * weight / sum(weights)``: the entity's total is conserved.
    ``stats``: ``rows``, ``used``, ``rejected`` (site rows) and ``rejected_by_rule``
    (``invalid_postcode``, ``negative_weight``, ``unknown_entity``, ``zero_weight``),
    ``entities`` re-allocated: every site row is either used or counted as rejected.
    """
    import pandas as pd

    notes = []
    by_rule = {}
    n_rows = len(sites)
    sites = sites.copy()
    invalid = sites["pc_key"].isna()
    by_rule["invalid_postcode"] = int(invalid.sum())
    if invalid.any():
        notes.append(Note(N_("{} site row(s) without a valid postcode are not used"), int(invalid.sum())))
    sites = sites[~invalid]
    weight = pd.to_numeric(sites["weight"], errors="coerce")
    equal = weight.isna()
    negative = weight < 0
    if negative.any():
        notes.append(Note(N_("{} site row(s) with a negative weight are not used"), int(negative.sum())))
    by_rule["negative_weight"] = int(negative.sum())
    sites = sites.assign(weight=weight.where(~equal, 1.0))[~negative.to_numpy()]
    ids = set(members["entity_id"].unique())
    by_name = (
        members.assign(nk=normalise_keys(members["name"]))
        .drop_duplicates("nk")
        .set_index("nk")["entity_id"]
    )
    key = sites["entity"].map(to_text)
    matched = key.where(key.isin(ids), normalise_keys(sites["entity"]).map(by_name))
    unknown = matched.isna()
    if unknown.any():
        notes.append(Note(
            N_("{} site row(s) name no entity of the member table (e.g. {}): not used"),
            int(unknown.sum()), ", ".join(sorted(set(key[unknown]))[:5]),
        ))
    by_rule["unknown_entity"] = int(unknown.sum())
    sites = sites.assign(entity_id=matched)[~unknown.to_numpy()]
    total = sites.groupby("entity_id")["weight"].transform("sum")
    zero = total <= 0
    if zero.any():
        notes.append(Note(N_("{} entit(ies) with zero total site weight keep their head office"),
                          sites.loc[zero, "entity_id"].nunique()))
    by_rule["zero_weight"] = int(zero.sum())
    sites = sites[~zero.to_numpy()]
    stats = {"rows": n_rows, "used": len(sites), "rejected": n_rows - len(sites),
             "rejected_by_rule": {k: v for k, v in by_rule.items() if v}, "entities": int(sites["entity_id"].nunique())}
    sites = sites.assign(share=sites["weight"] / sites.groupby("entity_id")["weight"].transform("sum"))
    sited = members["entity_id"].isin(set(sites["entity_id"]))
    if not sited.any():
        return (members, notes, stats) if with_stats else (members, notes)
    moved = members[sited].reset_index().merge(
        sites[["entity_id", "pc_key", "share"]].rename(columns={"pc_key": "site_pc_key"}), on="entity_id"
    )
    moved["employment"] = moved["employment"] * moved["share"]
    moved["pc_key"] = moved["site_pc_key"]
    split = moved["pc_key"].str.split("-", n=1)
    moved["country"], moved["postcode"] = split.str[0], split.str[1]
    moved = moved.set_index("index")[members.columns]
    notes.append(Note(
        N_("sites: employment of {} entit(ies) re-allocated over {} site(s)"), moved["entity_id"].nunique(), len(sites)
    ))
    members = pd.concat([members[~sited], moved])
    return (members, notes, stats) if with_stats else (members, notes)


# --- aggregation -------------------------------------------------------------------
def _sum_size(frame, by, value="emp"):
    grouped = frame.groupby(by, sort=False)[value]
    return grouped.sum(), grouped.size()


def aggregate(members, reference_keys, dominant_share=0.5, population=None, cluster_names=None, with_long=True):
    """Aggregate the prepared member table onto the reference postal codes.

    ``reference_keys``: the reference's ``pc_key`` values (order kept, unique).
    ``population``: optional Series pc_key -> population.
    ``cluster_names``: optional ``{cluster_key: display name}``.
    ``with_long``: also build the long layout (``long`` is None otherwise).
    Returns :class:`AggregateResult`.
    """
    import pandas as pd

    reference_keys = list(dict.fromkeys(reference_keys))
    pc_key = members["pc_key"].fillna("")
    pc_codes, pc_uniques = pd.factorize(pc_key, sort=False)
    ent_codes, ent_uniques = pd.factorize(members["entity_id"], sort=False)
    cl_codes, cl_uniques = pd.factorize(members["cluster_key"], sort=False)
    kd_codes, kd_uniques = pd.factorize(members["kind"], sort=False)
    emp = members["employment"].to_numpy(dtype=float)
    n_ent = max(len(ent_uniques), 1)
    frame = pd.DataFrame(
        {
            "pe": pc_codes.astype(np.int64) * n_ent + ent_codes,
            "cl": cl_codes,
            "kd": kd_codes,
            "emp": emp,
            "est": members["employment_estimated"].to_numpy(dtype=bool),
        }
    )

    # Entity once per zone: its largest employment over its memberships there
    # (the same value in every cluster in a clean import; differences counted).
    per_entity = frame.groupby("pe", sort=False).agg(emp=("emp", "max"), lo=("emp", "min"), est=("est", "any"))
    inconsistent = int((per_entity["emp"] != per_entity["lo"]).where(per_entity["lo"].notna(), False).sum())
    pe = per_entity.index.to_numpy()
    per_entity = per_entity.assign(pc=pe // n_ent, ent=pe % n_ent, unk=per_entity["emp"].isna())
    per_entity["empz"] = per_entity["emp"].fillna(0.0)

    matched_pc = np.isin(np.asarray(pc_uniques, dtype=object), np.asarray(reference_keys, dtype=object))
    is_matched = matched_pc[per_entity["pc"].to_numpy()]
    zone_entities = per_entity[is_matched]

    # Zone totals.
    grouped = zone_entities.groupby("pc", sort=False)
    totals = pd.DataFrame(
        {
            "employment": grouped["empz"].sum(),
            "entities": grouped.size(),
            "n_estimated": grouped["est"].sum(),
            "n_unknown": grouped["unk"].sum(),
        }
    )
    top = zone_entities.sort_values(["pc", "empz"], ascending=[True, False], kind="mergesort").drop_duplicates("pc")
    top = top.set_index("pc")
    totals["dominant_emp"] = top["empz"]
    totals["dominant_entity"] = np.asarray(ent_uniques, dtype=object)[top["ent"].to_numpy()] if len(top) else []
    totals.index = np.asarray(pc_uniques, dtype=object)[totals.index.to_numpy()]

    # Per cluster and per kind: entity once within each cluster/kind of a zone.
    frame["pc"] = pc_codes
    frame["ent"] = ent_codes

    def per_group(col):
        per = frame.groupby(["pc", col, "ent"], sort=False)["emp"].max().fillna(0.0).reset_index()
        emp_sum, size = _sum_size(per, ["pc", col])
        return pd.DataFrame({"emp": emp_sum, "n": size}).reset_index()

    by_cluster = per_group("cl")
    by_kind = per_group("kd")
    cluster_total = by_cluster.groupby("cl")["emp"].sum()

    if cluster_names is None:  # the name as first written (import convention)
        firsts = members.drop_duplicates("cluster_key")
        cluster_names = dict(zip(firsts["cluster_key"], firsts["cluster"].where(firsts["cluster"].notna(),
                                                                                firsts["cluster_key"])))
    names = dict(cluster_names)
    cluster_labels = [names.get(k, k) for k in cl_uniques]
    # Field names from the display name (first spelling), as before cluster keys
    # dropped spaces: "Infopôle cluster TIC" keeps emp_infopole_cluster_tic.
    label_slug = slugs(cluster_labels)
    cluster_slug = {key: label_slug[label] for key, label in zip(cl_uniques, cluster_labels)}
    if len(set(cluster_slug.values())) < len(cluster_slug):  # labels given that fold alike: slug the keys
        cluster_slug = slugs(list(cl_uniques))
    kind_slug = slugs(list(kd_uniques))
    zones = pd.DataFrame(index=pd.Index(reference_keys, name="pc_key"))
    split = pd.Series(reference_keys, dtype=object).str.split("-", n=1)
    zones["country"] = split.str[0].to_numpy()
    zones["postcode"] = split.str[1].to_numpy()
    zones["employment"] = totals["employment"].reindex(zones.index).fillna(0.0)
    zones["entities"] = totals["entities"].reindex(zones.index).fillna(0).astype(np.int64)

    def wide(table, code_col, uniques, slug_of, prefix_emp, prefix_n):
        table = table[matched_pc[table["pc"].to_numpy()]]
        keys = np.asarray(pc_uniques, dtype=object)[table["pc"].to_numpy()]
        columns = {}
        for code, value in enumerate(uniques):
            mask = table[code_col].to_numpy() == code
            slug = slug_of[value]
            emp_s = pd.Series(table["emp"].to_numpy()[mask], index=keys[mask])
            n_s = pd.Series(table["n"].to_numpy()[mask], index=keys[mask])
            columns[prefix_emp + slug] = emp_s.reindex(zones.index).fillna(0.0).to_numpy()
            columns[prefix_n + slug] = n_s.reindex(zones.index).fillna(0).astype(np.int64).to_numpy()
        return columns

    cluster_cols = wide(by_cluster, "cl", cl_uniques, cluster_slug, "emp_", "n_")
    for code, key in enumerate(cl_uniques):
        slug = cluster_slug[key]
        zones["emp_" + slug] = cluster_cols["emp_" + slug]
        zones["n_" + slug] = cluster_cols["n_" + slug]
        total = cluster_total.get(code, 0.0)
        zones["share_" + slug] = 100.0 * zones["emp_" + slug] / total if total > 0 else 0.0
    kind_cols = wide(by_kind, "kd", kd_uniques, kind_slug, "emp_k_", "n_k_")
    for key in kd_uniques:
        slug = kind_slug[key]
        zones["emp_k_" + slug] = kind_cols["emp_k_" + slug]
        zones["n_k_" + slug] = kind_cols["n_k_" + slug]
    zones["n_estimated"] = totals["n_estimated"].reindex(zones.index).fillna(0).astype(np.int64)
    zones["n_unknown"] = totals["n_unknown"].reindex(zones.index).fillna(0).astype(np.int64)
    dominant = totals["dominant_emp"].reindex(zones.index)
    zones["dominant_share"] = (dominant / zones["employment"]).where(zones["employment"] > 0)
    zones["dominant_flag"] = (zones["dominant_share"] > dominant_share).fillna(False).astype(bool)
    entity_names = _entity_names(members)
    zones["dominant_entity"] = totals["dominant_entity"].reindex(zones.index).map(entity_names)
    zones.loc[zones["employment"] <= 0, "dominant_entity"] = None

    if population is not None:
        _add_population(zones, population, [cluster_slug[k] for k in cl_uniques])

    long = _long_layout(frame, matched_pc, pc_uniques, cluster_labels, cluster_slug, cl_uniques, kd_uniques,
                        reference_keys) if with_long else None
    unmatched = _unmatched(members, matched_pc[pc_codes], per_entity[~is_matched], pc_uniques, ent_uniques)

    matched_total = float(zones["employment"].sum())
    unmatched_total = float(unmatched["employment"].sum())
    field_map = {
        "clusters": {cluster_slug[k]: label for k, label in zip(cl_uniques, cluster_labels)},
        "kinds": {kind_slug[k]: k for k in kd_uniques},
        "fields": {
            "emp_<cluster>": "employment of the cluster's entities in the zone",
            "n_<cluster>": "number of the cluster's entities in the zone",
            "share_<cluster>": "percent of the cluster's total employment located in the zone",
            "lq_<cluster>": "zone's share of the cluster's employment / zone's share of population",
            "emp_k_<kind>": "employment of the entities of that kind",
            "n_k_<kind>": "number of entities of that kind",
        },
    }
    stats = {
        "employment_total": float(per_entity["empz"].sum()),
        "employment_matched": matched_total,
        "employment_unmatched": unmatched_total,
        "zones_with_members": int((zones["entities"] > 0).sum()),
        "entities": int(len(ent_uniques)),
        "memberships": int(len(members)),
        "inconsistent_employment": inconsistent,
        "unmatched_postcodes": int(unmatched["pc_key"].nunique()) if len(unmatched) else 0,
    }
    return AggregateResult(zones.reset_index(), long, unmatched, field_map, stats)


def _long_layout(frame, matched_pc, pc_uniques, cluster_labels, cluster_slug, cl_uniques, kd_uniques,
                 reference_keys):
    """One row per zone x cluster x kind (entities once within each), in reference order."""
    per = frame.groupby(["pc", "cl", "kd", "ent"], sort=False).agg(emp=("emp", "max"), est=("est", "any"))
    per = per.reset_index()
    per = per[matched_pc[per["pc"].to_numpy()]]
    per["unk"] = per["emp"].isna()
    per["emp"] = per["emp"].fillna(0.0)
    long = per.groupby(["pc", "cl", "kd"], sort=False).agg(
        employment=("emp", "sum"), entities=("emp", "size"), n_estimated=("est", "sum"), n_unknown=("unk", "sum")
    ).reset_index()
    long.insert(0, "pc_key", np.asarray(pc_uniques, dtype=object)[long["pc"].to_numpy()])
    long_split = long["pc_key"].str.split("-", n=1)
    long.insert(1, "country", long_split.str[0])
    long.insert(2, "postcode", long_split.str[1])
    long.insert(3, "cluster", np.asarray(cluster_labels, dtype=object)[long["cl"].to_numpy()])
    long.insert(4, "cluster_slug", [cluster_slug[cl_uniques[c]] for c in long["cl"].to_numpy()])
    long.insert(5, "kind", np.asarray(kd_uniques, dtype=object)[long["kd"].to_numpy()])
    order = {key: i for i, key in enumerate(reference_keys)}
    long = long.assign(_o=long["pc_key"].map(order)).sort_values(["_o", "cl", "kd"], kind="mergesort")
    return long.drop(columns=["pc", "cl", "kd", "_o"]).reset_index(drop=True)


def _entity_names(members):
    firsts = members.drop_duplicates("entity_id")
    return dict(zip(firsts["entity_id"], firsts["name"].where(firsts["name"].notna(), firsts["entity_id"])))


def _add_population(zones, population, cluster_slugs):
    """``population``, ``emp_per_1000`` and ``lq_<c>`` (see the module docstring)."""
    pop = population.reindex(zones.index).astype(float)
    zones["population"] = pop
    has_pop = pop > 0
    zones["emp_per_1000"] = (1000.0 * zones["employment"] / pop).where(has_pop)
    pop_total = pop[has_pop].sum()
    for slug in cluster_slugs:
        emp = zones["emp_" + slug]
        emp_total = emp[has_pop].sum()
        if emp_total > 0 and pop_total > 0:
            zones["lq_" + slug] = ((emp / emp_total) / (pop / pop_total)).where(has_pop)
        else:
            zones["lq_" + slug] = np.nan


def _unmatched(members, row_matched, entities, pc_uniques, ent_uniques):
    """One row per unmatched postcode x entity, its employment once."""
    import pandas as pd

    columns = ["pc_key", "country", "postcode", "entity_id", "name", "clusters", "kind", "employment",
               "employment_unknown", "memberships", "source_rows", "reason"]
    if entities.empty:
        return pd.DataFrame(columns=columns)
    rows = members[~row_matched]
    rows = rows.assign(_pc=rows["pc_key"].fillna(""))
    info = rows.groupby(["_pc", "entity_id"], sort=False).agg(
        name=("name", "first"),
        clusters=("cluster", lambda s: ";".join(sorted(set(map(str, s))))),
        kind=("kind", "first"),
        memberships=("cluster", "size"),
        source_rows=("source_row", lambda s: ";".join(to_text(v) for v in s)),
    )
    keys = pd.MultiIndex.from_arrays(
        [np.asarray(pc_uniques, dtype=object)[entities["pc"].to_numpy()],
         np.asarray(ent_uniques, dtype=object)[entities["ent"].to_numpy()]]
    )
    out = pd.DataFrame(
        {"employment": entities["empz"].to_numpy(), "employment_unknown": entities["unk"].to_numpy()}, index=keys
    ).join(info.rename_axis(index=[None, None]))
    out = out.reset_index().rename(columns={"level_0": "pc_key", "level_1": "entity_id"})
    split = out["pc_key"].str.split("-", n=1)
    out["country"], out["postcode"] = split.str[0], split.str[1]
    no_code = out["pc_key"] == ""
    out.loc[no_code, ["pc_key", "country", "postcode"]] = None
    out["reason"] = np.where(no_code, REASON_NO_POSTCODE, REASON_NOT_IN_REFERENCE)
    return out[columns].sort_values(["pc_key", "entity_id"], na_position="last").reset_index(drop=True)


def field_map_json(field_map):
    return json.dumps(field_map, ensure_ascii=False, sort_keys=True)


def wide_schema(zones):
    """``(name, kind)`` pairs of the wide layout, in column order."""
    kinds = {"pc_key": "string", "country": "string", "postcode": "string", "dominant_entity": "string",
             "dominant_flag": "bool"}
    schema = []
    for name in zones.columns:
        if name in kinds:
            schema.append((name, kinds[name]))
        elif name in ("entities", "n_estimated", "n_unknown") or name.startswith("n_"):
            schema.append((name, "int"))
        else:
            schema.append((name, "double"))
    return schema


LONG_SCHEMA = [
    ("pc_key", "string"), ("country", "string"), ("postcode", "string"), ("cluster", "string"),
    ("cluster_slug", "string"), ("kind", "string"), ("employment", "double"), ("entities", "int"),
    ("n_estimated", "int"), ("n_unknown", "int"),
]
UNMATCHED_SCHEMA = [
    ("pc_key", "string"), ("country", "string"), ("postcode", "string"), ("entity_id", "string"),
    ("name", "string"), ("clusters", "string"), ("kind", "string"), ("employment", "double"),
    ("employment_unknown", "bool"), ("memberships", "int"), ("source_rows", "string"), ("reason", "string"),
]
