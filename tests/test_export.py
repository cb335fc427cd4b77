"""exportatlasmap on real data (../shared/data): PDF page size, the 249 x 165 mm
map frame measured on the PNG, circles where the points are (pixel checks),
the legend's clusters (text of the PDF), one page per cluster."""
import shutil
import subprocess

import pytest

from .conftest import pdf_text, pdf_words, shared_file

# Real Walloon postal codes, far enough apart that their circles do not touch.
CODES = {"1348": ("ICT", 400.0), "4000": ("ICT", 100.0), "7000": ("Logistics", 250.0), "6700": ("Logistics", 50.0)}
DPI = 100


@pytest.fixture(scope="module")
def circles_layer(qgis_app):
    from qgis.core import QgsFeature, QgsProject, QgsVectorLayer

    points = QgsVectorLayer(str(shared_file("be_postcode_points.gpkg")), "pc", "ogr")
    layer = QgsVectorLayer("Point?crs={}&field=pc_key:string&field=cluster:string&field=employment:double".format(
        points.crs().authid()), "circles", "memory")
    features = []
    for f in points.getFeatures():
        code = str(f["postcode"])
        if code in CODES:
            out = QgsFeature(layer.fields())
            out.setGeometry(f.geometry())
            out.setAttributes(["BE-" + code, CODES[code][0], CODES[code][1]])
            features.append(out)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    assert layer.featureCount() == len(CODES)
    # In the project, so that Processing does not take (and delete) the layer after a run.
    QgsProject.instance().addMapLayer(layer, False)
    yield layer
    QgsProject.instance().removeMapLayer(layer.id())


def _params(circles, out, **extra):
    wallonia = "{}|layername=wallonia_region".format(shared_file("be_admin_2011.gpkg"))
    params = {"CIRCLES": circles.id(), "BOUNDARY": wallonia, "TITLE": "Test atlas", "MAP_NUMBER": "Carte 1",
              "SOURCES": "Statbel", "AUTHORS": "Tests", "DPI": DPI, "OUTPUT": out}
    params.update(extra)
    return params


def _pdftotext(path, page=None):
    return pdf_text(path, page)


def test_pdf_page_size_and_legend(run_alg, circles_layer, tmp_path):
    out = tmp_path / "page.pdf"
    result = run_alg("exportatlasmap", _params(circles_layer, str(out)))
    assert result["PAGES"] == 1 and out.exists()
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo not installed")
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    size = [line for line in info.splitlines() if line.startswith("Page size")][0]
    width_pt, height_pt = (float(v) for v in size.split(":")[1].split("pts")[0].split(" x "))
    assert width_pt / 72 * 25.4 == pytest.approx(420, abs=0.5)  # A3 landscape
    assert height_pt / 72 * 25.4 == pytest.approx(297, abs=0.5)
    text = _pdftotext(out)
    for expected in ("ICT", "Logistics", "Sources et auteurs", "Méthodo. et stat.", "Carte 1", "Test atlas", "Statbel"):
        assert expected in text
    assert "TWIST" not in text  # only the clusters present


def _dark(image, x, y):
    c = image.pixelColor(x, y)
    return c.red() < 150 and c.green() < 150 and c.blue() < 150  # 0.3 mm line, antialiased


def test_png_map_frame_and_circles(run_alg, circles_layer, tmp_path):
    from qgis.PyQt.QtGui import QColor, QImage

    from cluster_atlas.core.colours import cluster_colours

    out = tmp_path / "page.png"
    result = run_alg("exportatlasmap", _params(circles_layer, str(out)))
    image = QImage(str(out))
    px_per_mm = DPI / 25.4
    assert image.width() == pytest.approx(420 * px_per_mm, abs=2)
    # Frame: find the dark frame lines on the row and column through the map's middle,
    # searching wide windows around the template position; measure their distance.
    row = int((38 + 165 / 2) * px_per_mm)
    cols = [x for x in range(0, int(300 * px_per_mm)) if _dark(image, x, row)]
    left = min(c for c in cols if c < 40 * px_per_mm)
    right = max(c for c in cols if 240 * px_per_mm < c < 300 * px_per_mm)
    col = int((24 + 249 * 0.6) * px_per_mm)  # clear of the scale bar and north arrow
    rows = [y for y in range(0, int(230 * px_per_mm)) if _dark(image, col, y)]
    top = min(r for r in rows if 33 * px_per_mm < r < 43 * px_per_mm)
    bottom = max(r for r in rows if 198 * px_per_mm < r < 205 * px_per_mm)  # not the credits below
    assert (right - left) / px_per_mm == pytest.approx(249, abs=1.0)
    assert (bottom - top) / px_per_mm == pytest.approx(165, abs=1.0)

    # Circles: page position of each point from the map extent reported by the algorithm.
    xmin, ymin, xmax, ymax = (float(v) for v in result["MAP_EXTENT"].split(" ")[0].split(","))
    colours = cluster_colours(["ICT", "Logistics"])
    for feature in circles_layer.getFeatures():
        p = feature.geometry().asPoint()
        x_mm = 24 + (p.x() - xmin) / (xmax - xmin) * 249
        y_mm = 38 + (ymax - p.y()) / (ymax - ymin) * 165
        pixel = image.pixelColor(int(round(x_mm * px_per_mm)), int(round(y_mm * px_per_mm)))
        want = QColor(colours[feature["cluster"]])
        # 75 % opaque fill over the pale backdrop: close to the cluster colour, far from the backdrop
        for got, full in ((pixel.red(), want.red()), (pixel.green(), want.green()), (pixel.blue(), want.blue())):
            assert abs(got - (0.75 * full + 0.25 * 240)) < 30, (feature["pc_key"], pixel.name(), want.name())
    # and nothing drawn at a place with no point (centre of the frame's bottom-left corner area)
    empty = image.pixelColor(int(30 * px_per_mm), int(60 * px_per_mm))
    assert empty.red() > 200 and empty.green() > 200 and empty.blue() > 200


def test_one_page_per_cluster(run_alg, circles_layer, tmp_path):
    out = tmp_path / "atlas.pdf"
    result = run_alg("exportatlasmap", _params(circles_layer, str(out), PER_CLUSTER=True))
    assert result["PAGES"] == 2
    page1, page2 = _pdftotext(out, 1), _pdftotext(out, 2)
    assert "Carte 1" in page1 and "Carte 2" in page2
    assert "ICT" in page1 and "Logistics" not in page1
    assert "Logistics" in page2 and "ICT" not in page2


def test_bad_extension_is_a_clear_error(run_alg, circles_layer, tmp_path):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="pdf"):
        run_alg("exportatlasmap", _params(circles_layer, str(tmp_path / "page.docx")))


class _Warnings:
    def __init__(self):
        from qgis.core import QgsProcessingFeedback

        class Feedback(QgsProcessingFeedback):
            def pushWarning(inner, text):  # noqa: N802, N805
                self.lines.append(text)

        self.lines = []
        self.feedback = Feedback()


def _keep(layer):
    from qgis.core import QgsProject

    QgsProject.instance().addMapLayer(layer, False)
    return layer


def test_lonlat_circles_get_a_projected_page(run_alg, circles_layer, tmp_path):
    """QA: circles in EPSG:4326 (e.g. points from a lat/lon CSV) drew a stretched
    map in degrees with a meaningless scale bar. The page now uses the UTM zone of
    the region: Wallonia (4.6E) is in zone 31 (0-6E), EPSG:32631."""
    from qgis import processing
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject
    from qgis.PyQt.QtGui import QColor, QImage

    from cluster_atlas.core.colours import cluster_colours

    lonlat = _keep(processing.run("native:reprojectlayer", {
        "INPUT": circles_layer, "TARGET_CRS": "EPSG:4326", "OUTPUT": "memory:"})["OUTPUT"])
    out = tmp_path / "page.png"
    result = run_alg("exportatlasmap", _params(lonlat, str(out)))
    assert result["MAP_EXTENT"].endswith("[EPSG:32631]")
    xmin, ymin, xmax, ymax = (float(v) for v in result["MAP_EXTENT"].split(" ")[0].split(","))
    assert 100000 < xmax - xmin < 400000  # metres: the width of Wallonia plus margins, not degrees
    image, px_per_mm = QImage(str(out)), DPI / 25.4
    to_utm = QgsCoordinateTransform(lonlat.crs(), QgsCoordinateReferenceSystem("EPSG:32631"), QgsProject.instance())
    colours = cluster_colours(["ICT", "Logistics"])
    for feature in lonlat.getFeatures():
        p = to_utm.transform(feature.geometry().asPoint())
        x_mm = 24 + (p.x() - xmin) / (xmax - xmin) * 249
        y_mm = 38 + (ymax - p.y()) / (ymax - ymin) * 165
        pixel = image.pixelColor(int(round(x_mm * px_per_mm)), int(round(y_mm * px_per_mm)))
        want = QColor(colours[feature["cluster"]])
        assert abs(pixel.red() - (0.75 * want.red() + 0.25 * 240)) < 30, feature["pc_key"]


def test_all_zero_employment_warns_and_still_writes_the_page(run_alg, circles_layer, tmp_path):
    """QA: a member table whose employment is all unknown gives circles of 0: the run
    failed on the empty circle layer's infinite extent; now a page and a warning."""
    zero = _keep(circles_layer.clone())
    zero.startEditing()
    for feature in zero.getFeatures():
        zero.changeAttributeValue(feature.id(), zero.fields().lookupField("employment"), 0.0)
    assert zero.commitChanges()
    warnings = _Warnings()
    out = tmp_path / "page.png"
    result = run_alg("exportatlasmap", _params(zero, str(out)), feedback=warnings.feedback)
    assert result["PAGES"] == 1 and out.exists()
    assert any("0 or empty" in line for line in warnings.lines)


def test_colour_by_kind_without_kind_field_warns(run_alg, circles_layer, tmp_path):
    warnings = _Warnings()
    result = run_alg("exportatlasmap", _params(circles_layer, str(tmp_path / "page.svg"), COLOUR_BY=1),
                     feedback=warnings.feedback)
    assert result["PAGES"] == 1 and (tmp_path / "page.svg").exists()
    assert any("'kind'" in line and "one colour" in line for line in warnings.lines)


def test_point_zones_from_a_model_are_left_off_with_a_warning(run_alg, circles_layer, tmp_path):
    """The aggregation on postcode points gives point 'zones'; a model may pass them as
    ZONES: the page is still written (was a crash on the polygon style), with a warning."""
    warnings = _Warnings()
    out = tmp_path / "page.pdf"
    result = run_alg("exportatlasmap", _params(circles_layer, str(out), ZONES=circles_layer),
                     feedback=warnings.feedback)
    assert result["PAGES"] == 1 and out.exists()
    assert any(line.startswith("ZONES:") and "left off the page" in line for line in warnings.lines)


@pytest.mark.parametrize("typed", ["ICT; Logistics", "ICT, Logistics", "logistics"])
def test_clusters_filter_takes_semicolons_or_commas(run_alg, circles_layer, tmp_path, typed):
    """Same rule as aggregatepostcodes' CLUSTERS: ';' or ',' (was ';' only here)."""
    out = tmp_path / "page.pdf"
    result = run_alg("exportatlasmap", _params(circles_layer, str(out), CLUSTERS=typed, PER_CLUSTER=True))
    expected = 1 if typed == "logistics" else 2
    assert result["PAGES"] == expected


def test_memory_layer_zones_are_drawn(run_alg, circles_layer, tmp_path):
    """A temporary output (memory layer) passed as ZONES, as the atlaschain model does:
    reopening it from its source gave an empty layer, so no outline was drawn."""
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer
    from qgis.PyQt.QtGui import QImage

    zones = _keep(QgsVectorLayer("Polygon?crs={}".format(circles_layer.crs().authid()), "zones", "memory"))
    box = circles_layer.extent()
    box.scale(0.5)
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromRect(box))
    zones.dataProvider().addFeatures([feature])
    zones.updateExtents()
    pages = {}
    for name, extra in (("without", {}), ("with", {"ZONES": zones})):
        out = tmp_path / "{}.png".format(name)
        run_alg("exportatlasmap", _params(circles_layer, str(out), EXTENT=circles_layer.extent(), **extra))
        pages[name] = QImage(str(out))
    without, with_zones = pages["without"], pages["with"]
    assert without.size() == with_zones.size()
    changed = sum(1 for y in range(0, without.height(), 2) for x in range(0, without.width(), 2)
                  if without.pixel(x, y) != with_zones.pixel(x, y))
    assert changed > 100, "the zone outline is missing from the page"


# --- the network by class and the overlay's measure ------------------------------------
def test_network_statement_rounds_half_up_in_both_languages(qgis_app):
    """Hand-rounded figures: 0.26549 -> 26,5 %; 0.026750 -> 2,7 % would be 2,7 (2.675 -> 2.7 at one decimal);
    rho 0.305 -> 0,31 (half up on the decimal value, where '%.2f' gives 0.30 from the binary float)."""
    from cluster_atlas.algorithms.layout_page import network_statement

    rows = [{"class": "total", "threshold_km": 2.0, "employment_share": 0.5, "area_share": 0.1,
             "spearman_rho": 0.305, "spearman_n": 33},
            {"class": "total", "threshold_km": 1.0, "employment_share": 0.26549, "area_share": 0.02675,
             "spearman_rho": 0.305, "spearman_n": 33},
            {"class": "copper", "threshold_km": 1.0, "employment_share": 0.9, "area_share": 0.5,
             "spearman_rho": 0.9, "spearman_n": 33}]
    assert "%.2f" % 0.305 == "0.30"  # why the rounding is done on the decimal value
    assert "(n\u00a0=\u00a033)" in network_statement(rows, "fr")  # no line break inside
    assert network_statement(rows, "fr").replace("\u00a0", " ") == ("26,5 % de l’emploi dans un rayon de 1 km du réseau (2,7 % de la "
                                             "surface) ; ρ de Spearman 0,31 (n = 33).")
    assert network_statement(rows, "en").replace("\u00a0", " ") == ("26.5% of employment within 1 km of the network (2.7% of the area); "
                                             "Spearman’s ρ 0.31 (n = 33).")
    # points (no area, no correlation), no class field (class 'all'), a distance of 0.5 km
    points = [{"class": "all", "threshold_km": 0.5, "employment_share": 0.85749, "area_share": None,
               "spearman_rho": None, "spearman_n": 0}]
    assert network_statement(points, "fr").replace("\u00a0", " ") == "85,7 % de l’emploi dans un rayon de 0,5 km du réseau."
    # too few zones for rho: said so, with n
    few = [dict(rows[1], spearman_rho=float("nan"), spearman_n=2)]
    assert network_statement(few, "en").replace("\u00a0", " ").endswith("Spearman’s ρ not computable (n = 2).")
    assert network_statement([], "fr") == ""


def _network_layer(with_field):
    """Three lines around Namur (EPSG:31370) with a type field 'kind' (or no field)."""
    from qgis.core import QgsFeature, QgsGeometry, QgsProject, QgsVectorLayer

    uri = "LineString?crs=EPSG:31370" + ("&field=kind:string" if with_field else "")
    layer = QgsVectorLayer(uri, "lines", "memory")
    features = []
    for n, kind in enumerate(["Rail", "tram", None]):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(f"LINESTRING({180000 + n * 5000} 120000, {185000 + n * 5000} 135000)"))
        if with_field:
            feature.setAttributes([kind])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    QgsProject.instance().addMapLayer(layer, False)
    return layer


def _run_logged(run_alg, params):
    from qgis.core import QgsProcessingFeedback

    class Keeping(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.lines = []

        def pushInfo(self, info):  # noqa: N802
            self.lines.append(info)

        def pushWarning(self, warning):  # noqa: N802
            self.lines.append("WARNING " + warning)

    feedback = Keeping()
    result = run_alg("exportatlasmap", params, feedback=feedback)
    return result, feedback.lines


def test_network_is_drawn_by_class_map_or_with_one_symbol(run_alg, circles_layer, tmp_path):
    """Any line layer: classes from its type field and CLASS_MAP (networkoverlay's syntax);
    without a usable type field one symbol and a warning, never an error."""
    from qgis.core import QgsProject

    classed, plain = _network_layer(True), _network_layer(False)
    try:
        result, log = _run_logged(run_alg, _params(circles_layer, str(tmp_path / "a.pdf"), NETWORK=classed.id(),
                                                   NETWORK_CLASS_FIELD="kind", CLASS_MAP="rail=fibre; tram=copper"))
        assert result["PAGES"] == 1
        # NULL goes to the null class = the default 'other' (as in networkoverlay)
        assert "Network drawn by its field kind: classes copper, fibre, other." in log
        result, log = _run_logged(run_alg, _params(circles_layer, str(tmp_path / "b.pdf"), NETWORK=classed.id()))
        assert result["PAGES"] == 1 and any(line.startswith("WARNING NETWORK has no type field") for line in log)
        # a type field the layer does not have: a clean message before the run (parameter check)
        from qgis.core import QgsProcessingException

        with pytest.raises(QgsProcessingException, match="NETWORK_CLASS_FIELD: field 'kind' is not in NETWORK"):
            _run_logged(run_alg, _params(circles_layer, str(tmp_path / "c.pdf"), NETWORK=plain.id(),
                                         NETWORK_CLASS_FIELD="kind"))
        result, log = _run_logged(run_alg, _params(circles_layer, str(tmp_path / "d.pdf"), NETWORK=classed.id(),
                                                   NETWORK_CLASS_FIELD="kind"))
        assert any(line.startswith("WARNING No network line is copper or fibre") for line in log)
        text = _pdftotext(tmp_path / "a.pdf")
        assert "Fibre optique" in text and "Cuivre" in text and "Autre réseau" in text
        assert "dans un rayon" not in text  # no NETWORK_SUMMARY: no measure line
    finally:
        QgsProject.instance().removeMapLayer(classed.id())
        QgsProject.instance().removeMapLayer(plain.id())


def test_side_block_defaults_and_long_title_on_one_line(run_alg, circles_layer, tmp_path):
    """Empty METHOD/DATA_USED: the method the plugin applies; empty SOURCES: printed as still to be
    given, with a warning; empty AUTHORS: no empty heading; a long title is set smaller, not wrapped."""
    title = "Les clusters technologiques de Wallonie et leurs partenaires bruxellois (essai sur réseau ferré)"
    out = tmp_path / "page.pdf"
    params = _params(circles_layer, str(out), TITLE=title, SOURCES="", AUTHORS="", METHOD="", DATA_USED="")
    result, lines = _run_logged(run_alg, params)
    assert result["PAGES"] == 1
    text = _pdftotext(out)
    flat = " ".join(text.split())
    assert "Emploi des entités membres des clusters, agrégé par code postal" in flat
    assert "Effectif des entités membres des clusters." in flat
    assert "Sources des données : à préciser (paramètre SOURCES)" in flat
    assert "Auteurs" not in flat
    assert any(line.startswith("WARNING SOURCES is empty") for line in lines), lines
    # The title is one line of the page (it wrapped under the map frame before it was set smaller).
    lines_of_page = [" ".join(line.split()) for line in text.splitlines()]
    assert title in lines_of_page and f"{title} - Carte 1" in lines_of_page  # and the vertical running title
    # Given texts are printed as given.
    out2 = tmp_path / "given.pdf"
    _run_logged(run_alg, _params(circles_layer, str(out2), METHOD="Ma méthode.", DATA_USED="Mes données."))
    flat2 = " ".join(_pdftotext(out2).split())
    assert "Ma méthode." in flat2 and "Mes données." in flat2 and "Auteurs : Tests" in flat2
    assert "à préciser" not in flat2 and "Emploi des entités membres" not in flat2


SIDE_TEXTS = {
    "SPATIAL_LEVEL": "Code postal (zones de Voronoï autour des points des codes postaux)",
    "METHOD": ("Pour chaque cluster, emploi de l'ensemble des entreprises, centres de recherche et centres de "
               "formation membres, agrégé par code postal ; une entité membre de plusieurs clusters est comptée "
               "une fois par cluster et une seule fois dans le total. Surface des cercles proportionnelle à "
               "l'emploi.\nLes universités sont éliminées au-delà de 3 000 personnes."),
    "DATA_USED": "Effectif des entités membres des clusters au 31 décembre, déclaré par les secrétariats.",
    "SOURCES": "Listes des membres des clusters (2024) ; Statbel 2011, CC-BY 2.0 ; OpenStreetMap (ODbL).",
    "AUTHORS": "Cellule cartographie, Cluster Atlas",
}


@pytest.mark.parametrize("language, headings", [
    (0, ["Méthodo. et stat.", "Niveau spatial :", "Procédé utilisé pour l’élaboration de l’indicateur",
         "Données utilisées :", "Sources et auteurs", "Sources des données :", "Auteurs :"]),
    (1, ["Method and statistics", "Spatial level:", "Method and computation:", "Data used:",
         "Sources and authors", "Data sources:", "Authors:"]),
])
def test_side_block_complete_in_order_on_this_qgis(run_alg, circles_layer, tmp_path, language, headings):
    """The side block is plain text on every QGIS (no HTML label: QtWebKit is absent from QGIS 3.40+
    Debian builds and every Qt6 build, where HTML labels print nothing). Every heading and every given
    text is on the page, whole (wrapped lines joined), top to bottom in the atlas' order, in the side
    column, inside the page; no two lines of the block overlap."""
    out = tmp_path / "side.pdf"
    result, _lines = _run_logged(run_alg, _params(circles_layer, str(out), PAGE_LANGUAGE=language, **SIDE_TEXTS))
    assert result["PAGES"] == 1
    flat = " ".join(pdf_text(out).split())
    for text in [*headings, *(" ".join(t.split()) for t in SIDE_TEXTS.values())]:
        assert text in flat, text
    words = pdf_words(out)
    side = [w for w in words if w[1] > 284 * 72 / 25.4 - 1]  # the side column starts at x = 284 mm
    tops = []
    for heading in headings + [SIDE_TEXTS["AUTHORS"]]:
        first = heading.split()[0]
        candidates = [w for w in side if w[0] == first and w[2] > (tops[-1] if tops else 0)]
        assert candidates, heading
        tops.append(min(c[2] for c in candidates))
    assert tops == sorted(tops), list(zip(headings, tops))
    page_bottom = 297 * 72 / 25.4
    block = [w for w in side if w[2] >= tops[0] - 1]
    assert max(w[4] for w in block) < page_bottom - 5  # inside the page, above its bottom margin
    assert max(w[3] for w in block) <= (284 + 124) * 72 / 25.4 + 1  # no line runs past the headings' rule
    lines = sorted({(round(w[2], 1), round(w[4], 1)) for w in block})
    for (top_a, bottom_a), (top_b, _bottom_b) in zip(lines, lines[1:]):
        assert top_b >= bottom_a - 0.5, ("overlapping lines", top_a, top_b, " ".join("%s-%s" % l for l in lines))
