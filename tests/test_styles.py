"""Atlas symbology: colours, legend values, every QML on its layer kind, the
square-root circle rule measured on a rendered image, wide-to-long circles, and
a GeoPackage written by qgis_process that reopens with its style."""
import math
import sqlite3
import subprocess

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from .conftest import ROOT, SAMPLE_DATA, size_scale_function

from cluster_atlas.core.colours import CLUSTER_PALETTE, cluster_colour, cluster_colours, preference_order
from cluster_atlas.core.symbology import circle_diameter, explode_wide, nice_legend_values


# --- QGIS-free ------------------------------------------------------------------
def test_cluster_colour_ignores_case_accents_spacing():
    assert cluster_colour("Éco-construction") == cluster_colour("  eco-CONSTRUCTION ")
    colours = cluster_colours(["Infopôle cluster TIC", "infopole  cluster tic", "TWIST"])
    assert colours["Infopôle cluster TIC"] == colours["infopole  cluster tic"]


names_st = st.lists(st.text(min_size=1, max_size=12), min_size=1, max_size=9, unique=True)


@settings(max_examples=60, deadline=None)
@given(names_st)
def test_cluster_colours_distinct_and_order_free(names):
    from cluster_atlas.core.text import normalise_key

    if len({normalise_key(n) for n in names}) != len(names) or any(not normalise_key(n) for n in names):
        return
    a = cluster_colours(names)
    b = cluster_colours(list(reversed(names)))
    assert a == b  # independent of the table's order
    assert len(set(a.values())) == len(names)  # distinct while the palette lasts (9)
    firsts = [preference_order(n)[0] for n in names]
    for name, first in zip(names, firsts):
        if firsts.count(first) == 1:  # nobody else wants it: it keeps its usual colour
            assert a[name] == CLUSTER_PALETTE[first]


def test_legend_values_are_round_and_nested():
    assert nice_legend_values(1234) == [1000, 250, 50]
    assert nice_legend_values(400) == [250, 50, 10]
    assert nice_legend_values(0) == []
    for value in nice_legend_values(98765.4):
        mantissa = value / 10 ** math.floor(math.log10(value))
        assert mantissa in (1, 2, 2.5, 5)


def test_circle_diameter_square_root_rule():
    assert circle_diameter(400, 400, 12) == pytest.approx(12)
    assert circle_diameter(100, 400, 12) == pytest.approx(6)  # a quarter of the value: half the diameter
    assert circle_diameter(0, 400, 12) == 0


def test_size_scale_function_of_this_qgis_is_the_square_root_rule(qgis_app):
    """The function this QGIS writes (scale_exp in 3.22, scale_polynomial from its introduction) gives
    the hand-computed diameters: 12 mm x sqrt(value / max)."""
    from qgis.core import QgsExpression

    for value, diameter in ((400, 12.0), (100, 6.0), (25, 3.0), (0, 0.0)):
        expression = QgsExpression(f"{size_scale_function()}({value}, 0, 400, 0, 12, 0.5)")
        assert expression.evaluate() == pytest.approx(diameter), (expression.expression(), expression.evalErrorString())


def test_explode_wide_counts_and_slots():
    import pandas as pd

    df = pd.DataFrame({"emp_a": [10, 0, 5], "emp_b": [20, 3, None], "emp_k_company": [30, 3, 5], "emp_per_1000": [1, 2, 3]})
    out = explode_wide(df, names={"a": "Alpha", "b": "Beta"}, exclude_prefixes=("emp_k_",))
    # oracle: the positive emp_<cluster> cells, by hand
    assert sorted(zip(out["row"], out["category"], out["employment"])) == [
        (0, "Alpha", 10.0), (0, "Beta", 20.0), (1, "Beta", 3.0), (2, "Alpha", 5.0)
    ]
    first = out[out["row"] == 0].set_index("category")
    assert first.loc["Beta", "slot"] == 0 and first.loc["Alpha", "slot"] == 1  # biggest first
    assert set(out.loc[out["row"] == 0, "slots"]) == {2}


# --- QGIS -------------------------------------------------------------------------
def _memory(geometry, fields, rows, crs="EPSG:31370"):
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    spec = "&".join("field={}:{}".format(n, t) for n, t in fields)
    layer = QgsVectorLayer("{}?crs={}&{}".format(geometry, crs, spec), "t", "memory")
    features = []
    for wkt, attrs in rows:
        f = QgsFeature(layer.fields())
        f.setGeometry(QgsGeometry.fromWkt(wkt))
        f.setAttributes(attrs)
        features.append(f)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


POINTS = [("POINT(0 0)", ["A", "company", 100.0, 1.5, 0.9]), ("POINT(10000 0)", ["B", "research", 400.0, 9.0, 2.5])]
POINT_FIELDS = [("cluster", "string"), ("kind", "string"), ("employment", "double"), ("emp_per_1000", "double"), ("lq", "double")]


@pytest.mark.parametrize(
    "key,geometry",
    [("circles", "Point"), ("circles_cluster", "Point"), ("circles_kind", "Point"), ("network", "LineString"),
     ("zones", "Polygon"), ("region_backdrop", "Polygon"), ("country_outline", "Polygon"),
     ("choropleth_per1000", "Polygon"), ("choropleth_lq", "Polygon")],
)
def test_each_style_loads_on_its_layer(qgis_app, key, geometry):
    from qgis.core import QgsCategorizedSymbolRenderer, QgsGraduatedSymbolRenderer

    from cluster_atlas.algorithms.output_styles import apply_style

    if geometry == "Point":
        layer = _memory("Point", POINT_FIELDS, POINTS)
    elif geometry == "LineString":
        layer = _memory("LineString", [("class", "string")], [("LINESTRING(0 0, 1 1)", ["copper"]), ("LINESTRING(0 1, 1 0)", ["fibre"])])
    else:
        rows = [("POLYGON((0 0,1 0,1 1,0 1,0 0))", [v, v / 10]) for v in (5.0, 10.0, 20.0, 40.0, 80.0, 160.0)]
        layer = _memory("Polygon", [("emp_per_1000", "double"), ("lq", "double")], rows)
    apply_style(layer, key)
    renderer = layer.renderer()
    assert renderer is not None
    if key == "circles_cluster":
        assert isinstance(renderer, QgsCategorizedSymbolRenderer)
        assert [c.value() for c in renderer.categories()] == ["A", "B"]
        colours = cluster_colours(["A", "B"])
        assert [c.symbol().color().name() for c in renderer.categories()] == [colours["A"], colours["B"]]
        # nested size legend present (collapsed) and ordering largest first
        assert renderer.dataDefinedSizeLegend() is not None
        assert renderer.orderByEnabled() and not renderer.orderBy().list()[0].ascending()
    if key == "network":
        assert {c.value() for c in renderer.categories()} == {"copper", "fibre"}
        categories = {c.value(): c for c in renderer.categories()}  # keep them alive: symbols are owned
        copper, fibre = categories["copper"].symbol(), categories["fibre"].symbol()
        # grey-scale: different widths and fibre dashed
        assert copper.width() != fibre.width()
        assert fibre.symbolLayer(0).useCustomDashPattern() and not copper.symbolLayer(0).useCustomDashPattern()
    if key == "choropleth_lq":
        assert isinstance(renderer, QgsGraduatedSymbolRenderer)
        bounds = [r.upperValue() for r in renderer.ranges()]
        assert 0.8 in bounds and 1.25 in bounds  # neutral class centred on 1
    if key == "choropleth_per1000":
        assert renderer.classAttribute() == "emp_per_1000" and len(renderer.ranges()) == 5


def _render(layer, extent, width_px, height_px, dpi):
    from qgis.core import QgsMapRendererCustomPainterJob, QgsMapSettings
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor, QImage, QPainter

    ms = QgsMapSettings()
    ms.setLayers([layer])
    ms.setDestinationCrs(layer.crs())
    ms.setExtent(extent)
    ms.setOutputSize(QSize(width_px, height_px))
    ms.setOutputDpi(dpi)
    ms.setBackgroundColor(QColor("white"))
    image = QImage(QSize(width_px, height_px), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    job = QgsMapRendererCustomPainterJob(ms, painter)
    job.start()
    job.waitForFinished()
    painter.end()
    return image


def _run_width(image, row, x_from, x_to):
    """Number of non-white pixels along ``row`` between two columns."""
    count = 0
    for x in range(x_from, x_to):
        c = image.pixelColor(x, row)
        if c.red() < 240 or c.green() < 240 or c.blue() < 240:
            count += 1
    return count


def test_rendered_circle_radius_follows_square_root(qgis_app):
    """Values 100 and 400 drawn with 400 -> 10 mm: diameters 5 mm and 10 mm (hand-computed)."""
    from qgis.core import QgsRectangle

    from cluster_atlas.algorithms.output_styles import apply_style

    layer = _memory("Point", POINT_FIELDS, POINTS)
    apply_style(layer, "circles", max_size_mm=10.0)
    dpi = 254  # 10 px per mm
    image = _render(layer, QgsRectangle(-10000, -5000, 20000, 5000), 600, 200, dpi)  # 50 m per px
    small = _run_width(image, 100, 150, 250)  # point (0, 0) is at x = 200
    large = _run_width(image, 100, 340, 460)  # point (10000, 0) is at x = 400
    assert large == pytest.approx(100, abs=4)
    assert small == pytest.approx(50, abs=4)
    assert (large / small) ** 2 == pytest.approx(4.0, rel=0.12)  # area ratio = value ratio


def test_wide_circles_explode_to_one_per_cluster(run_alg, tmp_path):
    """applyatlasstyle by cluster on a wide layer: one circle per positive emp_<slug> (pandas oracle)."""
    import pandas as pd
    from qgis.core import QgsVectorLayer

    fields = [("pc_key", "string"), ("employment", "double"), ("emp_ict", "double"), ("emp_log", "double"), ("emp_k_company", "double")]
    rows = [("POINT(0 0)", ["BE-1348", 30.0, 10.0, 20.0, 30.0]), ("POINT(5000 0)", ["BE-5000", 7.0, 7.0, 0.0, 7.0]),
            ("POINT(9000 0)", ["BE-4000", 4.0, None, 4.0, 4.0])]
    wide = _memory("Point", fields, rows)
    out = str(tmp_path / "long.gpkg")
    result = run_alg("applyatlasstyle", {"INPUT": wide, "STYLE": 1, "FIELD_MAP": '{"clusters": {"ict": "ICT", "log": "Logistics"}}', "OUTPUT": out})
    layer = QgsVectorLayer(result["OUTPUT"], "long", "ogr")
    got = sorted((f["pc_key"], f["cluster"], f["employment"]) for f in layer.getFeatures())
    df = pd.DataFrame([r[1] for r in rows], columns=[n for n, _ in fields]).melt(["pc_key"], ["emp_ict", "emp_log"])
    df = df[df["value"] > 0]
    expected = sorted((k, {"emp_ict": "ICT", "emp_log": "Logistics"}[v], float(x)) for k, v, x in df.itertuples(index=False))
    assert got == expected
    assert layer.renderer().type() == "categorizedSymbol"  # reopened with its default style


def test_geopackage_from_qgis_process_reopens_styled(qgis_app, tmp_path):
    from qgis.core import QgsVectorLayer

    out = tmp_path / "network.gpkg"
    cmd = [str(ROOT / "scripts" / "qgis_process"), "run", "clusteratlas:applyatlasstyle", "--",
           "INPUT={}|layername=network".format(SAMPLE_DATA / "network_illustrative.gpkg"), "STYLE=3", "OUTPUT={}".format(out)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    with sqlite3.connect(str(out)) as db:
        rows = db.execute("SELECT useAsDefault, styleQML FROM layer_styles").fetchall()
    assert rows and rows[0][0] == 1 and "categorizedSymbol" in rows[0][1]
    layer = QgsVectorLayer(str(out), "n", "ogr")  # a fresh open loads the default style
    assert layer.renderer().type() == "categorizedSymbol"
    assert layer.renderer().classAttribute() == "class"


# --- aggregatepostcodes on a points reference: its zones are points, styled as circles -------------
def _import_sample(run_alg, folder):
    return run_alg("importmembers", {"INPUT": str(SAMPLE_DATA / "members.csv"), "OUTPUT": str(folder / "members.gpkg"),
                                     "REJECTED": str(folder / "rejected.gpkg")})["OUTPUT"]


def _point_zones(run_alg, folder, layout, **outputs):
    params = {"MEMBERS": _import_sample(run_alg, folder),
              "POSTCODES": "{}|layername=postcode_points".format(SAMPLE_DATA / "postcode_points.gpkg"),
              "POSTCODE_FIELD": "postcode", "LAYOUT": layout,
              "OUTPUT": str(folder / "zones.gpkg"), "CIRCLES": str(folder / "circles.gpkg"),
              "UNMATCHED": str(folder / "unmatched.gpkg")}
    params.update(outputs)
    return run_alg("aggregatepostcodes", params)


def _renderer_facts(uri):
    """What a fresh open of ``uri`` draws (default style of its GeoPackage), as plain values."""
    from qgis.core import QgsVectorLayer, QgsWkbTypes

    layer = QgsVectorLayer(uri, "zones", "ogr")
    renderer = layer.renderer()
    symbol = renderer.symbol() if renderer.type() == "singleSymbol" else renderer.sourceSymbol()
    return {"geometry": QgsWkbTypes.geometryDisplayString(layer.geometryType()), "type": renderer.type(),
            "size": symbol.dataDefinedSize().asExpression() if symbol.dataDefinedSize().isActive() else "",
            "category": renderer.classAttribute() if renderer.type() == "categorizedSymbol" else None}


@pytest.mark.parametrize("layout,renderer,category", [(0, "singleSymbol", None), (1, "categorizedSymbol", "cluster")])
def test_point_zones_stored_styled_as_the_circles(run_alg, tmp_path, layout, renderer, category):
    """Headless (GeoPackage default style): OUTPUT on a points reference opens with the same
    proportional circles as CIRCLES (area-proportional size on employment), not QGIS' default marker."""
    _point_zones(run_alg, tmp_path, layout)
    with sqlite3.connect(str(tmp_path / "zones.gpkg")) as db:
        rows = db.execute("SELECT f_table_name, useAsDefault FROM layer_styles").fetchall()
    assert rows and rows[0][1] == 1
    zones, circles = _renderer_facts(str(tmp_path / "zones.gpkg")), _renderer_facts(str(tmp_path / "circles.gpkg"))
    assert zones["geometry"] == "Point" and zones["type"] == renderer and zones["category"] == category
    # Area proportional to employment: exponent 0.5 on the diameter, 0 mm for 0.
    assert zones["size"].startswith(f'coalesce({size_scale_function()}("employment", 0, ') and zones["size"].endswith(", 0, 12, 0.5), 0)")
    assert zones == circles  # the very style of CIRCLES (same maximum: the same largest code, BE-1348)


def test_point_zones_without_members_draw_nothing(qgis_app):
    """The circles' style on point zones: a code with employment 0 gets no circle (rendered image)."""
    from qgis.core import QgsRectangle

    from cluster_atlas.algorithms.output_styles import apply_style

    layer = _memory("Point", [("employment", "double")], [("POINT(0 0)", [0.0]), ("POINT(10000 0)", [400.0])])
    apply_style(layer, "circles", max_size_mm=10.0)
    image = _render(layer, QgsRectangle(-10000, -5000, 20000, 5000), 600, 200, 254)
    assert _run_width(image, 100, 150, 250) == 0  # the zero point (x = 200)
    assert _run_width(image, 100, 340, 460) == pytest.approx(100, abs=4)


def test_point_zones_loaded_in_the_desktop_are_styled(plugin, qgis_iface, tmp_path):
    """Desktop: the post-processor styles the loaded OUTPUT of a points reference as circles."""
    from qgis import processing
    from qgis.core import QgsProject

    members = _import_sample(lambda name, params: processing.run(f"clusteratlas:{name}", params), tmp_path)
    project = QgsProject.instance()
    before = set(project.mapLayers())
    results = processing.runAndLoadResults("clusteratlas:aggregatepostcodes", {
        "MEMBERS": members, "POSTCODES": "{}|layername=postcode_points".format(SAMPLE_DATA / "postcode_points.gpkg"),
        "POSTCODE_FIELD": "postcode", "OUTPUT": "TEMPORARY_OUTPUT", "CIRCLES": "TEMPORARY_OUTPUT",
        "UNMATCHED": "TEMPORARY_OUTPUT"})
    loaded = [project.mapLayer(i) for i in set(project.mapLayers()) - before]
    try:
        zones = project.mapLayer(results["OUTPUT"]) or next(
            layer for layer in loaded if layer.source().split("|")[0] == results["OUTPUT"])
        renderer = zones.renderer()
        assert renderer.type() == "singleSymbol", renderer.type()
        size = renderer.symbol().dataDefinedSize()
        assert size.isActive() and "employment" in size.asExpression()
        assert renderer.orderByEnabled()  # largest first, as the circles
    finally:
        for layer in loaded:
            project.removeMapLayer(layer.id())
