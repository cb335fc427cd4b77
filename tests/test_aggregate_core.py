"""core.aggregate / core.fieldnames / core.population without QGIS: hand-computed
figures and a plain pandas groupby of the same table as oracles."""
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cluster_atlas.core import aggregate as agg
from cluster_atlas.core.fieldnames import slug, slugs
from cluster_atlas.core.population import apportion_population

SLUG = re.compile(r"^[a-z0-9_]{1,20}$")


# --- field names -------------------------------------------------------------------
def test_slug_examples():
    assert slug("Éco-construction") == "eco_construction"
    assert slug("TIC") == "tic"
    long_name = "Logistique & transport en Wallonie et au Grand-Duché"
    assert SLUG.match(slug(long_name)) and slug(long_name).startswith("logistique_tra")
    assert slug("K company") == "ck_company"  # never clashes with the kind fields emp_k_<kind>
    both = slugs(["e-health", "e health", "TIC"])
    assert both["e-health"] != both["e health"] and both["TIC"] == "tic"
    # Folded spellings of one cluster share its slug.
    assert slugs(["Éco-construction", "eco-construction "])["eco-construction "] == "eco_construction"


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(max_size=60), min_size=1, max_size=12), st.text(max_size=60))
def test_slugs_valid_unique_and_independent_of_the_others(names, extra):
    from cluster_atlas.core.text import normalise_key

    mapping = slugs(names)
    assert all(SLUG.match(s) for s in mapping.values())
    keys_of = {}
    for name, s in mapping.items():
        keys_of.setdefault(s, set()).add(normalise_key(name))
    assert all(len(keys) == 1 for keys in keys_of.values()), "one slug per distinct cluster"
    # Adding a name changes no other slug, unless the two collide.
    after = slugs(names + [extra])
    for name in names:
        if slug(name) != slug(extra) or normalise_key(name) == normalise_key(extra):
            assert after[name] == mapping[name]


# --- aggregation: hand-computed -------------------------------------------------------
def hand_table():
    return pd.DataFrame(
        [
            dict(entity_id="a", name="A sa", cluster="TIC", pc_key="BE-1348", employment=100.0, kind="company"),
            dict(entity_id="a", name="A sa", cluster="Éco-construction", pc_key="BE-1348", employment=100.0,
                 kind="company"),
            dict(entity_id="b", name="B", cluster="TIC", pc_key="BE-1348", employment=None, kind="research",
                 employment_unknown=True),
            dict(entity_id="c", name="C", cluster="TIC", pc_key="BE-5000", employment=14.5, kind="company",
                 employment_estimated=True),
            dict(entity_id="g", name="G", cluster="TIC", pc_key="BE-5000", employment=43.5, kind="training"),
            dict(entity_id="d", name="D", cluster="TIC", pc_key="BE-9999", employment=7.0, kind="public"),
            dict(entity_id="e", name="E", cluster="TIC", pc_key=None, postcode="B-4000", employment=3.0,
                 kind="public"),
            dict(entity_id="f", name="F", cluster="TIC", pc_key=None, postcode="xx", employment=2.0, kind="public"),
        ]
    )


def test_hand_computed_zones_and_unmatched():
    members, notes = agg.prepare_members(hand_table())
    assert any("normalised" in n for n in notes)
    result = agg.aggregate(members, ["BE-1348", "BE-5000", "BE-4000", "BE-1000"], dominant_share=0.6)
    zones = result.zones.set_index("pc_key")
    # A is in two clusters: once in the total, in both cluster fields.
    assert zones.loc["BE-1348", "employment"] == 100.0
    assert zones.loc["BE-1348", "entities"] == 2
    assert zones.loc["BE-1348", "emp_tic"] == 100.0 and zones.loc["BE-1348", "n_tic"] == 2
    assert zones.loc["BE-1348", "emp_eco_construction"] == 100.0
    assert zones.loc["BE-1348", "n_unknown"] == 1
    assert zones.loc["BE-5000", "employment"] == 58.0 and zones.loc["BE-5000", "n_estimated"] == 1
    assert zones.loc["BE-5000", "emp_k_training"] == 43.5 and zones.loc["BE-5000", "n_k_company"] == 1
    assert zones.loc["BE-5000", "dominant_share"] == pytest.approx(43.5 / 58.0)
    assert zones.loc["BE-5000", "dominant_flag"] and zones.loc["BE-5000", "dominant_entity"] == "G"
    assert zones.loc["BE-4000", "employment"] == 3.0  # "B-4000" normalised to BE-4000
    assert zones.loc["BE-1000", "entities"] == 0 and zones.loc["BE-1000", "employment"] == 0
    # TIC total = 100 + 0 + 14.5 + 43.5 + 7 + 3 + 2 = 170 (unmatched included).
    assert zones.loc["BE-5000", "share_tic"] == pytest.approx(100 * 58.0 / 170.0)
    unmatched = result.unmatched.set_index("entity_id")
    assert unmatched.loc["d", "pc_key"] == "BE-9999" and unmatched.loc["d", "reason"] == agg.REASON_NOT_IN_REFERENCE
    assert unmatched.loc["f", "reason"] == agg.REASON_NO_POSTCODE and unmatched.loc["f", "employment"] == 2.0
    assert result.stats["employment_total"] == 100 + 14.5 + 43.5 + 7 + 3 + 2
    assert result.stats["employment_matched"] + result.stats["employment_unmatched"] == result.stats[
        "employment_total"]
    assert result.field_map["clusters"]["eco_construction"] == "Éco-construction"


def random_members(n, codes, seed):
    rng = np.random.default_rng(seed)
    n_entities = max(2, n // 2)
    entity = rng.integers(0, n_entities, n)
    home = np.asarray(codes, dtype=object)[rng.integers(0, len(codes), n_entities)]
    size = np.round(rng.gamma(1.5, 20.0, n_entities), 1)
    size[rng.random(n_entities) < 0.05] = np.nan
    kinds = np.array(["company", "training", "public", "research"], dtype=object)[rng.integers(0, 4, n_entities)]
    clusters = np.array(["TIC", "TWIST", "Éco-construction", "BioWin"], dtype=object)
    table = pd.DataFrame(
        {
            "entity_id": ["id%d" % e for e in entity],
            "name": ["Firm %d" % e for e in entity],
            "cluster": clusters[rng.integers(0, len(clusters), n)],
            "pc_key": home[entity],
            "employment": size[entity],
            "kind": kinds[entity],
        }
    )
    return table.drop_duplicates(["entity_id", "cluster"]).reset_index(drop=True)


def test_matches_pandas_groupby_oracle():
    codes = ["BE-%d" % c for c in range(1000, 1200, 7)] + ["LU-4365", "BE-9998"]
    raw = random_members(4000, codes, seed=3)
    reference = codes[:-1]  # BE-9998 is unmatched
    members, _ = agg.prepare_members(raw)
    result = agg.aggregate(members, reference)
    zones = result.zones.set_index("pc_key")
    # Oracle: plain groupby on the strings of the raw table.
    once = raw.groupby(["pc_key", "entity_id"]).agg(employment=("employment", "max")).reset_index()
    expected = once.groupby("pc_key")["employment"].agg(["sum", "size"])
    for key in reference:
        got = zones.loc[key]
        if key in expected.index:
            assert got["employment"] == pytest.approx(expected.loc[key, "sum"])
            assert got["entities"] == expected.loc[key, "size"]
        else:
            assert got["entities"] == 0
    per_cluster = raw.groupby(["pc_key", "cluster"])["employment"].agg(
        lambda s: s.fillna(0).sum()).unstack(fill_value=0)
    slug_of = {v: k for k, v in result.field_map["clusters"].items()}
    for cluster in per_cluster.columns:
        column = zones["emp_" + slug_of[cluster]].reindex(per_cluster.index.intersection(reference))
        assert np.allclose(column.to_numpy(), per_cluster.loc[column.index, cluster].to_numpy())
    per_kind = once.merge(raw.drop_duplicates("entity_id")[["entity_id", "kind"]]).groupby(["pc_key", "kind"])
    counts = per_kind.size().unstack(fill_value=0)
    for kind in counts.columns:
        assert (zones["n_k_" + kind].reindex(counts.index.intersection(reference)).to_numpy()
                == counts.loc[counts.index.intersection(reference), kind].to_numpy()).all()
    # Conservation: zones + unmatched = each entity once.
    total = raw.groupby("entity_id")["employment"].max().fillna(0).sum()
    assert zones["employment"].sum() + result.unmatched["employment"].sum() == pytest.approx(total)
    assert set(result.unmatched["pc_key"]) == {"BE-9998"} or result.unmatched.empty
    # Long layout: per zone x cluster, summed over kinds, equals the wide cluster field
    # (each generated entity has one kind).
    long = result.long.groupby(["pc_key", "cluster_slug"])["employment"].sum()
    for (key, cluster_slug), value in long.items():
        assert zones.loc[key, "emp_" + cluster_slug] == pytest.approx(value)


def test_filters_and_year():
    raw = hand_table().assign(year=[2011, 2011, 2011, 2011, 2006, 2011, 2011, None])
    members, _ = agg.prepare_members(raw)
    kept, notes = agg.filter_members(members, clusters=["eco construction", "ÉCO-CONSTRUCTION", "nope"])
    assert set(kept["entity_id"]) == {"a"}  # one year (2011) left after the cluster filter: no YEAR needed
    assert any("nope" in n for n in notes)
    kept, notes = agg.filter_members(members, kinds=["Company"], year=2011)
    assert set(kept["entity_id"]) == {"a", "c"}  # the companies of 2011
    kept, notes = agg.filter_members(members, year=2006)
    assert set(kept["entity_id"]) == {"g"}
    assert any("year filter" in n and "7 membership" in n for n in notes)  # the row without year too


def two_year_members():
    """Two yearly lists in one member table: 2021, and 2022 where b left, c grew, h joined."""
    rows = []
    for year, people in ((2021, {"a": 100.0, "b": 10.0, "c": 20.0}), (2022, {"a": 110.0, "c": 35.0, "h": 5.0})):
        for entity, emp in people.items():
            clusters = ["TIC", "TWIST"] if entity == "a" else ["TIC"]
            for cluster in clusters:
                rows.append(dict(entity_id=entity, name=entity.upper(), cluster=cluster,
                                 pc_key="BE-1348" if entity in "ab" else "BE-5000", employment=emp,
                                 kind="company", year=year))
    return pd.DataFrame(rows)


def test_several_years_need_a_year_filter():
    members, _ = agg.prepare_members(two_year_members())
    with pytest.raises(agg.MemberTableError) as error:
        agg.filter_members(members)
    assert "several years (2021, 2022)" in str(error.value) and "YEAR" in str(error.value)
    with pytest.raises(agg.MemberTableError):  # the other filters leave both years
        agg.filter_members(members, clusters=["TIC"])
    with pytest.raises(agg.MemberTableError):  # TWIST holds only a, but in both years
        agg.filter_members(members, clusters=["TWIST"])
    kept, notes = agg.filter_members(members, year=2023)
    assert kept.empty and any("no member in 2023 (years in the table: 2021, 2022)" in n for n in notes)
    # Rows without a year next to one year: one year, nothing to choose.
    one, _ = agg.prepare_members(two_year_members().assign(year=lambda d: d["year"].where(d["year"] == 2021)))
    kept, notes = agg.filter_members(one)
    assert len(kept) == len(one) and notes == []


@pytest.mark.parametrize("year", [2021, 2022])
def test_each_year_aggregated_alone_equals_pandas(year):
    """Per year: the pandas oracle on that year's rows (entity once per zone, once per cluster)."""
    raw = two_year_members()
    members, _ = agg.prepare_members(raw)
    kept, _ = agg.filter_members(members, year=year)
    result = agg.aggregate(kept, ["BE-1348", "BE-5000"])
    zones = result.zones.set_index("pc_key")
    rows = raw[raw["year"] == year]
    once = rows.drop_duplicates("entity_id")
    assert zones["employment"].to_dict() == once.groupby("pc_key")["employment"].sum().to_dict()
    assert zones["entities"].to_dict() == once.groupby("pc_key").size().to_dict()
    tic = rows[rows["cluster"] == "TIC"].groupby("pc_key")["employment"].sum()
    assert zones["emp_tic"].to_dict() == tic.reindex(zones.index, fill_value=0.0).to_dict()
    assert result.stats["employment_total"] == once["employment"].sum()
    assert result.stats["inconsistent_employment"] == 0  # no mixing of the years' headcounts
    # Hand figures: 2021 = 100 + 10 + 20; 2022 = 110 + 35 + 5.
    assert result.stats["employment_total"] == {2021: 130.0, 2022: 150.0}[year]


def test_sites_reallocate_and_conserve():
    members, _ = agg.prepare_members(hand_table())
    sites = pd.DataFrame(
        {"entity": ["a", "a", "G", "zz"], "pc_key": ["BE-1348", "BE-5000", "BE-4000", "BE-1000"],
         "weight": [3.0, 1.0, None, 1.0]}
    )
    moved, notes = agg.allocate_sites(members, sites)
    result = agg.aggregate(moved, ["BE-1348", "BE-5000", "BE-4000"])
    zones = result.zones.set_index("pc_key")
    assert zones.loc["BE-1348", "employment"] == pytest.approx(75.0)
    assert zones.loc["BE-1348", "emp_eco_construction"] == pytest.approx(75.0)
    assert zones.loc["BE-5000", "employment"] == pytest.approx(25.0 + 14.5)  # G moved away (found by name)
    assert zones.loc["BE-4000", "employment"] == pytest.approx(43.5 + 3.0)
    assert result.stats["employment_total"] == pytest.approx(170.0)
    assert any("zz" in n for n in notes)


def test_population_apportioned_by_area():
    pairs = pd.DataFrame({"pc_key": ["A", "B", "B", "C", "B"], "municipality": ["M1", "M1", "M2", "M9", "M1"]})
    pop = pd.Series({"M1": 1000.0, "M2": 500.0, "M3": 200.0})
    weights = pd.Series({"A": 3.0, "B": 1.0, "D": 2.0})
    result = apportion_population(pairs, pop, weights)
    # B is listed in two municipalities: half its area (0.5) in each.
    assert result.population["A"] == pytest.approx(1000 * 3 / 3.5)
    assert result.population["B"] == pytest.approx(1000 * 0.5 / 3.5 + 500)
    assert result.municipalities_without_code == ["M3"] and result.population_unallocated == 200
    assert result.codes_without_population == ["D"]
    assert result.population.sum() + result.population_unallocated == pytest.approx(pop.sum())


def test_location_quotient_hand_computed():
    raw = pd.DataFrame(
        [
            dict(entity_id="a", cluster="TIC", pc_key="BE-1000", employment=30.0),
            dict(entity_id="b", cluster="TIC", pc_key="BE-2000", employment=10.0),
            dict(entity_id="c", cluster="Nutrition", pc_key="BE-2000", employment=60.0),
        ]
    )
    members, _ = agg.prepare_members(raw)
    result = agg.aggregate(members, ["BE-1000", "BE-2000"], population=pd.Series({"BE-1000": 100.0, "BE-2000": 300.0}))
    zones = result.zones.set_index("pc_key")
    # TIC: 75 % of its employment in BE-1000, which has 25 % of the population.
    assert zones.loc["BE-1000", "lq_tic"] == pytest.approx(0.75 / 0.25)
    assert zones.loc["BE-2000", "lq_tic"] == pytest.approx(0.25 / 0.75)
    assert zones.loc["BE-2000", "emp_per_1000"] == pytest.approx(70.0 / 300 * 1000)


def test_missing_employment_field_is_a_clear_error():
    with pytest.raises(agg.MemberTableError, match="employment"):
        agg.prepare_members(pd.DataFrame({"cluster": ["TIC"], "postcode": ["1348"]}))


def test_sites_every_row_used_or_counted_by_rule():
    """QA: rejected site rows were only in the log; now counted per rule (hand-made table)."""
    members, _ = agg.prepare_members(hand_table())
    sites = pd.DataFrame(
        {"entity": ["a", "a", "a", "a", "ghost", "c"],
         "pc_key": ["BE-1348", "BE-5000", None, "BE-4000", "BE-1000", "BE-4000"],
         "weight": [3.0, 1.0, 1.0, -2.0, 1.0, 0.0]}
    )
    moved, _notes, stats = agg.allocate_sites(members, sites, with_stats=True)
    assert stats["rows"] == 6 and stats["used"] == 2 and stats["rejected"] == 4
    assert stats["rejected_by_rule"] == {"invalid_postcode": 1, "negative_weight": 1, "unknown_entity": 1,
                                         "zero_weight": 1}
    assert stats["entities"] == 1
    # a's 100 split 3:1 over its two valid sites; c (all weights 0) keeps its head office.
    result = agg.aggregate(moved, ["BE-1348", "BE-5000", "BE-4000"]).zones.set_index("pc_key")
    assert result.loc["BE-1348", "employment"] == pytest.approx(75.0)
    assert result.loc["BE-5000", "employment"] == pytest.approx(25.0 + 14.5 + 43.5)
    # The two-value form is unchanged for existing callers.
    assert len(agg.allocate_sites(members, sites)) == 2


def test_population_total_is_allocated_plus_unallocated():
    pairs = pd.DataFrame({"pc_key": ["A", "B"], "municipality": ["M1", "M2"]})
    pop = pd.Series({"M1": 1000.0, "M2": 500.0, "M3": 250.0})
    result = apportion_population(pairs, pop, pd.Series({"A": 1.0, "C": 1.0}))
    # M2's only code B is not in the reference, M3 has no code: 750 unallocated.
    assert result.population_total == 1750.0
    assert result.population_unallocated == 750.0
    assert result.population.sum() == 1000.0
