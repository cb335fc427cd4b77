"""exportatlasmap on real data (../shared/data): PDF page size, the 249 x 165 mm
map frame measured on the PNG, circles where the points are (pixel checks),
the legend's clusters (text of the PDF), one page per cluster."""
import shutil
import subprocess

import pytest

from .conftest import shared_file

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
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) not installed")
    args = ["pdftotext"] + (["-f", str(page), "-l", str(page)] if page else []) + [str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


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
