"""core/network_stats: class map, distances, shares/affinity, Spearman with ties,
SVG and HTML writers. QGIS-free; oracles are hand-computed figures and scipy."""
import math
import xml.etree.ElementTree as ET

import numpy as np
import pandas as pd
import pytest

from cluster_atlas.core import network_stats as ns


def test_class_map_text_default_null_and_case_folding():
    cmap = ns.parse_class_map("rail = fibre; Tram=fibre\n*=copper, NULL=Other")
    assert cmap.classify("rail") == "fibre"
    assert cmap.classify(" TRAM ") == "fibre"
    assert cmap.classify("stream") == "copper"
    assert cmap.classify(None) == "other"
    assert cmap.classify("") == "other"
    assert cmap.is_mapped("Rail") and not cmap.is_mapped("stream")
    assert cmap.classes() == ["copper", "fibre", "other"]


def test_class_map_defaults_and_own_classes():
    cmap = ns.parse_class_map("")
    # a real telecom layer typed copper/fibre needs no map
    assert cmap.classify("Copper") == "copper" and cmap.classify("fiber") == "fibre"
    assert cmap.classify("anything") == "other" and cmap.classify(None) == "other"
    cmap = ns.parse_class_map('{"stream;river": "Coax cable", "rail": "fibre"}')
    assert cmap.classify("stream;river") == "coax_cable"
    assert cmap.classes() == ["copper", "fibre", "coax_cable", "other"]


@pytest.mark.parametrize("text", ["rail", "rail=fibre; tram", "{not json", "[1, 2]", "rail="])
def test_class_map_errors_say_how_to_fix(text):
    with pytest.raises(ns.ClassMapError, match="CLASS_MAP"):
        ns.parse_class_map(text)


def test_parse_distances():
    assert ns.parse_distances("5, 1;2 2") == [1.0, 2.0, 5.0]
    assert ns.parse_distances("0.5km") == [0.5]
    for bad in ("", "a", "-1", "0"):
        with pytest.raises(ValueError, match="DISTANCES"):
            ns.parse_distances(bad)


def test_spearman_with_ties_hand_computed():
    # ranks x = 1, 2.5, 2.5, 4 ; y = 1, 3, 2, 4 -> sum dxdy 4.5, sum dx2 4.5, sum dy2 5
    rho, n = ns.spearman([1, 2, 2, 3], [1, 3, 2, 4])
    assert n == 4
    assert rho == pytest.approx(4.5 / math.sqrt(4.5 * 5.0), rel=1e-12)


def test_spearman_drops_missing_and_constant():
    rho, n = ns.spearman([1, None, 3, 4, float("nan")], [2, 5, 1, 0, 3])
    assert n == 3 and rho == pytest.approx(-1.0)
    rho, n = ns.spearman([1, 1, 1, 1], [1, 2, 3, 4])
    assert n == 4 and math.isnan(rho)
    assert math.isnan(ns.spearman([1, 2], [2, 1])[0])


def test_spearman_matches_scipy_on_tied_random_data():
    stats = pytest.importorskip("scipy.stats")
    rng = np.random.default_rng(5)
    x = rng.integers(0, 8, 300).astype(float)  # many ties
    y = x + rng.integers(0, 5, 300)
    rho, n = ns.spearman(x, y)
    assert n == 300
    assert rho == pytest.approx(stats.spearmanr(x, y).correlation, abs=1e-12)


def test_threshold_table_hand_computed():
    zones = pd.DataFrame({
        "employment": [10.0, 0.0, 30.0, None],
        "area_km2": [1.0, 1.0, 2.0, 4.0],
        "population": [100.0, 300.0, 100.0, 0.0],
        "dist_km_fibre": [0.5, 3.0, 1.5, None],  # last zone: no fibre anywhere near -> never within
    })
    table = ns.threshold_table(zones, ["fibre"], [1.0, 2.0], has_area=True, has_population=True,
                               spearman_by_class={"fibre": (0.25, 3)}, network_km={"fibre": 12.5})
    one, two = table.to_dict("records")
    assert one["zones_within"] == 1 and one["employment_within"] == 10.0
    assert one["employment_share"] == pytest.approx(10 / 40)
    assert one["area_share"] == pytest.approx(1 / 8)
    assert one["population_share"] == pytest.approx(100 / 500)
    assert one["affinity_area"] == pytest.approx((10 / 40) / (1 / 8))
    assert one["affinity_population"] == pytest.approx((10 / 40) / (100 / 500))
    assert two["employment_share"] == pytest.approx(1.0)
    assert two["area_share"] == pytest.approx(3 / 8)
    assert two["affinity_area"] == pytest.approx(8 / 3)
    assert two["spearman_rho"] == 0.25 and two["spearman_n"] == 3 and two["network_km"] == 12.5


def test_threshold_table_without_area_or_population():
    zones = pd.DataFrame({"employment": [1.0, 3.0], "dist_km_all": [0.2, 9.0]})
    row = ns.threshold_table(zones, ["all"], [1.0], has_area=False).iloc[0]
    assert row["employment_share"] == pytest.approx(0.25)
    assert math.isnan(row["area_share"]) and math.isnan(row["affinity_area"])


def test_share_curve_is_cumulative_step():
    xs, ys = ns.share_curve([0.0, 1.0, 2.0, None], [1, 1, 2, 4], max_km=2.0, points=5)
    assert list(xs) == [0.0, 0.5, 1.0, 1.5, 2.0]
    assert list(ys) == pytest.approx([1 / 8, 1 / 8, 2 / 8, 2 / 8, 4 / 8])


def test_svg_chart_is_wellformed_xml_with_one_polyline_per_series():
    series = [{"label": "employment, fibre & co <x>", "xs": np.array([0, 1, 2.0]), "ys": np.array([0, .5, 1.0])},
              {"label": "area", "xs": np.array([0, 2.0]), "ys": np.array([0, .3]), "dashed": True}]
    svg = ns.svg_chart(series, title="Test")
    root = ET.fromstring(svg)
    polylines = root.findall("{http://www.w3.org/2000/svg}polyline")
    assert len(polylines) == 2
    assert polylines[1].get("stroke-dasharray")
    assert "fibre &amp; co &lt;x&gt;" in svg


def test_html_report_holds_table_n_and_chart():
    zones = pd.DataFrame({"employment": [10.0, 30.0], "area_km2": [1.0, 3.0], "dist_km_all": [0.5, 3.0]})
    summary = ns.threshold_table(zones, ["all"], [1.0], spearman_by_class={"all": (0.5, 2)}, network_km={"all": 3.0})
    headings = {k: k.upper() for k in ("title", "summary", "affinity", "affinity_note", "correlation",
                                       "correlation_note", "chart", "col_class", "col_threshold", "col_zones",
                                       "col_emp", "col_area", "col_pop", "col_aff_area", "col_aff_pop", "col_km")}
    page = ns.html_report(summary, [("Zones", 2)], "<svg></svg>", headings)
    assert page.startswith("<!DOCTYPE html>") and "<svg></svg>" in page
    assert "25.0&nbsp;%" in page  # employment share within 1 km
    assert "<td>2</td>" in page  # Spearman n


def test_weighted_centres_hand_figures():
    nan = float("nan")
    out = ns.weighted_centres(zone_index=[0, 0, 1, -1, 0, 2, 0], x=[100, 700, 5, 9, nan, 3, 400],
                              y=[100, 400, 5, 9, 1, 4, 250], weight=[1, 3, nan, 5, 7, 0, 0], n_zones=4)
    # zone 0: (1*100 + 3*700) / 4, (1*100 + 3*400) / 4; the NaN point is ignored, the weightless one counted
    assert out.loc[0, "cx"] == 550.0 and out.loc[0, "cy"] == 325.0
    assert out.loc[0, "weight"] == 4.0 and out.loc[0, "members"] == 3
    # zones 1, 2: members that weigh nothing give no centre; zone 3: no member
    assert math.isnan(out.loc[1, "cx"]) and out.loc[1, "members"] == 1
    assert math.isnan(out.loc[2, "cy"]) and out.loc[3, "members"] == 0 and len(out) == 4
    with pytest.raises(ValueError):
        ns.weighted_centres([0], [1.0], [1.0], [-1.0], 1)
