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
