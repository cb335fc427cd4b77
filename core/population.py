"""Population per postal code, from a population at another level.

QGIS-free. Population usually comes per municipality (Statbel) while the atlas
works per postal code, linked by a postcode -> municipality table (one code may
be listed in several municipalities, one municipality holds several codes).

Apportioning rule (documented in the help): a municipality's population is
shared among the codes the table lists in it, in proportion to each code's
weight there. A code's weight is its zone area when the reference layer has
polygons, else 1; a code listed in k municipalities brings 1/k of its weight to
each. The total is conserved for every municipality that has at least one code
in the reference layer; the others are reported.
"""
from collections import namedtuple

Apportioned = namedtuple(
    "Apportioned",
    ["population", "municipalities_without_code", "codes_without_population", "population_unallocated",
     "population_total"],
)


def apportion_population(pairs, municipality_population, weights):
    """Population per ``pc_key``.

    ``pairs``: DataFrame ``[pc_key, municipality]`` (duplicates allowed).
    ``municipality_population``: Series municipality -> population.
    ``weights``: Series pc_key -> weight (> 0) for the codes of the reference layer.
    Returns :class:`Apportioned`: ``population`` (Series pc_key -> population, only
    codes that received some), the municipalities with population but no code of
    the reference, the reference codes that got none, and the population left
    unallocated, and the table's total (allocated + unallocated).
    """
    import pandas as pd

    pairs = pairs[["pc_key", "municipality"]].dropna().drop_duplicates()
    pairs = pairs[pairs["pc_key"].isin(weights.index)]
    listed_in = pairs.groupby("pc_key")["municipality"].transform("size")
    pairs = pairs.assign(weight=pairs["pc_key"].map(weights).astype(float).values / listed_in.values)
    pop = pd.Series(municipality_population, dtype=float).groupby(level=0).sum()
    pairs = pairs[pairs["municipality"].isin(pop.index)]
    total_weight = pairs.groupby("municipality")["weight"].transform("sum")
    share = (pairs["weight"] / total_weight).where(total_weight > 0, 0.0)
    pairs = pairs.assign(population=share.values * pairs["municipality"].map(pop).values)
    population = pairs.groupby("pc_key")["population"].sum()
    served = set(pairs.loc[total_weight.values > 0, "municipality"])
    orphan = pop[~pop.index.isin(served)]
    missing = sorted(set(weights.index) - set(population.index))
    return Apportioned(population, sorted(orphan.index), missing, float(orphan.sum()), float(pop.sum()))
