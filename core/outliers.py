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
    employment = pd.to_numeric(output["employment"], errors="coerce").to_numpy(dtype=float)
    known = np.flatnonzero(~np.isnan(employment))
    value = employment[known]
    # One integer per cluster x year (no year = a year of its own): sums and counts by bincount.
    cluster_codes, _ = pd.factorize(output["cluster_key"].to_numpy()[known])
    year_codes, years = pd.factorize(_years(output)[known])  # NaN -> -1
    group, _ = pd.factorize(cluster_codes.astype(np.int64) * (len(years) + 1) + (year_codes + 1))
    total = np.bincount(group, weights=value)[group]
    count = np.bincount(group)[group]
    with np.errstate(invalid="ignore", divide="ignore"):
        shares = np.where(total > 0, value / total, 0.0)
    flagged = np.flatnonzero((count >= min_entities) & (shares > share))
    if not len(flagged):
        return pd.DataFrame(columns=COLUMNS)
    rows = known[flagged]
    found = output.iloc[rows][["entity_id", "name", "source_row", "cluster", "cluster_key"]].assign(
        year=_years(output)[rows], employment=value[flagged], share=shares[flagged],
        cluster_employment=total[flagged], entities=count[flagged])
    found["after_exclude"] = found["cluster_employment"] - found["employment"]
    # The ceiling needs the other figures of the cluster: each flagged group sorted once.
    ceilings, after, sorted_groups = [], [], {}
    for g, outlier in zip(group[flagged], value[flagged]):
        if g not in sorted_groups:
            figures = np.sort(value[group == g])
            sorted_groups[g] = (figures, np.cumsum(figures))
        figures, cumulative = sorted_groups[g]
        below = np.searchsorted(figures, outlier, side="left")  # figures smaller than the outlier
        ceiling = _ceiling(outlier, figures[below - 1] if below else 0.0)
        ceilings.append(ceiling)
        kept = 0 if ceiling is None else np.searchsorted(figures, ceiling, side="right")
        after.append(np.nan if ceiling is None else float(cumulative[kept - 1]) if kept else 0.0)
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
