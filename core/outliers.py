"""Entities that hold most of a cluster's employment (outliers of the member table).

QGIS-free. Works on the OUTPUT of :func:`core.members.import_members` (one row per
entity x cluster x year). A worldwide or group headcount (45,000 in a cluster of a
few thousand) silently becomes most of the map: EMPLOYMENT_CEILING has no default,
so the import warns instead and says what EXCLUDE or EMPLOYMENT_CEILING would change.

Shares are computed per cluster and year (a list of several years is mapped one year
at a time) over the memberships with a known employment (estimated ones count; NULL
ones do not). A cluster with fewer than :data:`MIN_ENTITIES` known figures is not
looked at: one of two members always holds half, and among three or four a member
above half is ordinary, not a sign of a wrong figure.
"""
import math

import numpy as np
import pandas as pd

from .messages import N_, Note

# Default OUTLIER_SHARE: one entity above half of its cluster's employment. Large real
# members of Walloon clusters hold a fifth to two fifths of theirs; a group or worldwide
# headcount (the 45,000, 73 %) is far above half.
DEFAULT_SHARE = 0.5
# Fewest entities with a known employment for a cluster to be looked at.
MIN_ENTITIES = 5

COLUMNS = ["entity_id", "name", "source_row", "cluster", "cluster_key", "year", "employment", "share",
           "cluster_employment", "entities", "after_exclude", "ceiling", "after_ceiling"]

_WARNING = N_("Outlier: '{name}' (row {row}) holds {employment} of the {total} employment of cluster '{cluster}'{year} "
              "({share}). If that is a group or worldwide headcount, EXCLUDE={name} @ {cluster} leaves the cluster "
              "{after_exclude}; EMPLOYMENT_CEILING={ceiling} (every cluster) leaves it {after_ceiling}.")
_WARNING_NO_CEILING = N_("Outlier: '{name}' (row {row}) holds {employment} of the {total} employment of cluster "
                         "'{cluster}'{year} ({share}). If that figure is wrong, EXCLUDE={name} @ {cluster} leaves the "
                         "cluster {after_exclude}.")
_YEAR = N_(" in {}")


def find_outliers(output, share=DEFAULT_SHARE, min_entities=MIN_ENTITIES):
    """Memberships holding more than ``share`` (0-1) of their cluster's employment.

    Returns a DataFrame with :data:`COLUMNS`, largest share first: ``share`` of the
    cluster (and year) total ``cluster_employment`` over its ``entities`` with a known
    employment; ``after_exclude`` = the cluster's employment without this entity;
    ``ceiling`` = an EMPLOYMENT_CEILING that excludes it (see :func:`_ceiling`; None
    when it employs 1 or less) and ``after_ceiling`` = the cluster's employment under
    that ceiling.
    ``share`` of 0 or None finds nothing.
    """
    if not share or not len(output):
        return pd.DataFrame(columns=COLUMNS)
    employment = pd.to_numeric(output["employment"], errors="coerce").astype(float)
    known = output.loc[employment.notna().to_numpy(), ["entity_id", "name", "source_row", "cluster", "cluster_key"]]
    known = known.assign(employment=employment[employment.notna()].to_numpy(),
                         year=_years(output)[employment.notna().to_numpy()])
    # Year NaN (no year column) is a group of its own: a sentinel, as groupby drops NaN keys on pandas 1.5.
    group = [known["cluster_key"].to_numpy(), np.nan_to_num(known["year"].to_numpy(), nan=-1.0)]
    grouped = known.groupby(group, sort=False)["employment"]
    total = grouped.transform("sum").to_numpy()
    count = grouped.transform("size").to_numpy()
    with np.errstate(invalid="ignore", divide="ignore"):
        shares = np.where(total > 0, known["employment"].to_numpy() / total, 0.0)
    flagged = np.flatnonzero((count >= min_entities) & (shares > share))
    if not len(flagged):
        return pd.DataFrame(columns=COLUMNS)
    found = known.iloc[flagged].assign(share=shares[flagged], cluster_employment=total[flagged],
                                       entities=count[flagged])
    found["after_exclude"] = found["cluster_employment"] - found["employment"]
    # The ceiling needs the other figures of the cluster: only a few flagged rows look at them.
    keys = list(zip(group[0][flagged], group[1][flagged]))
    wanted = set(keys)
    values = {key: np.sort(v.to_numpy()) for key, v in grouped if key in wanted}
    ceilings, after = [], []
    for key, value in zip(keys, found["employment"].to_numpy()):
        figures = values[key]
        below = figures[figures < value]
        ceiling = _ceiling(value, below[-1] if len(below) else 0.0)
        ceilings.append(ceiling)
        after.append(np.nan if ceiling is None else float(figures[figures <= ceiling].sum()))
    found["ceiling"], found["after_ceiling"] = ceilings, after
    return found.sort_values("share", ascending=False, kind="stable")[COLUMNS].reset_index(drop=True)


def _ceiling(value, next_lower):
    """A round EMPLOYMENT_CEILING (one significant digit: 40000, 5000) below ``value``
    and at least the cluster's next largest figure, so it excludes this entity and as
    few others as it can (the ceiling applies to every cluster); else the largest whole
    number below ``value``. None when that is 0 (EMPLOYMENT_CEILING=0 means no ceiling)."""
    top = math.ceil(value) - 1
    if top < 1:
        return None
    magnitude = 10 ** int(math.log10(top))
    rounded = (top // magnitude) * magnitude
    return int(rounded if rounded >= next_lower else top)


def _years(output):
    if "year" not in output:
        return np.full(len(output), np.nan)
    return pd.to_numeric(output["year"], errors="coerce").to_numpy(dtype=float)


def outlier_records(found):
    """The outliers as plain JSON-able dicts (the algorithm's OUTLIERS output)."""
    records = []
    for row in found.itertuples(index=False):
        records.append({
            "entity_id": row.entity_id, "name": row.name, "source_row": int(row.source_row),
            "cluster": row.cluster, "year": None if pd.isna(row.year) else int(row.year),
            "employment": float(row.employment), "share": round(float(row.share), 4),
            "cluster_employment": float(row.cluster_employment), "entities": int(row.entities),
            "after_exclude": float(row.after_exclude),
            "ceiling": None if pd.isna(row.ceiling) else int(row.ceiling),
            "after_ceiling": None if pd.isna(row.after_ceiling) else float(row.after_ceiling),
        })
    return records


def outlier_notes(found):
    """One warning (a translatable :class:`Note`) per outlier."""
    notes = []
    for row in found.itertuples(index=False):
        values = dict(name=row.name, row=int(row.source_row), employment=_number(row.employment),
                      total=_number(row.cluster_employment), cluster=row.cluster,
                      year="" if pd.isna(row.year) else Note(_YEAR, int(row.year)),
                      share="{:.1f} %".format(100 * row.share), after_exclude=_number(row.after_exclude))
        if pd.isna(row.ceiling):
            notes.append(Note(_WARNING_NO_CEILING, **values))
        else:
            notes.append(Note(_WARNING, ceiling=int(row.ceiling), after_ceiling=_number(row.after_ceiling), **values))
    return notes


def _number(value):
    """45000 -> '45,000'; 14.5 -> '14.5'; 0.04 -> '0.04' (two decimals at most, none trailing)."""
    return "{:,.2f}".format(float(value)).rstrip("0").rstrip(".")
