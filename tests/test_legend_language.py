"""The words of the atlas legends follow the right language: a layer's legend
(network classes, entity kinds, the size legend's title) the interface language
(desktop post-processor and the default style stored in an output GeoPackage),
the exported atlas page's legend its PAGE_LANGUAGE, whatever the interface.

Oracle: the French written out here, the atlas' own words ("des fibres cuivre
et optique"; "entreprises, entités de formation, entités publiques, entités R&D").
"""
import unicodedata
from pathlib import Path

import pytest

from .conftest import pdf_text

from .test_i18n import french  # noqa: F401 (fixture: the French catalogue installed, as QGIS in French)

ROOT = Path(__file__).resolve().parents[1]
QM = ROOT / "i18n" / "cluster_atlas_fr.qm"
NETWORK = ROOT / "sample_data" / "network_illustrative.gpkg"
NETWORK_WORDS = {"en": {"copper": "Copper", "fibre": "Fibre optic"}, "fr": {"copper": "Cuivre", "fibre": "Fibre optique"}}
KIND_WORDS = {"en": {"company": "Companies", "training": "Training entities", "public": "Public entities",
                     "research": "R&D entities"},
              "fr": {"company": "Entreprises", "training": "Entités de formation", "public": "Entités publiques",
                     "research": "Entités R&D"}}
SIZE_TITLE = {"en": "Employment", "fr": "Emploi"}
KINDS = [("company", 400.0, 160000), ("training", 120.0, 175000), ("public", 60.0, 190000), ("research", 30.0, 205000)]


def _kind_circles():
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

    layer = QgsVectorLayer("Point?crs=EPSG:31370&field=pc_key:string&field=kind:string&field=employment:double",
                           "circles", "memory")
    features = []
    for index, (kind, employment, x) in enumerate(KINDS):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, 130000)))
        feature.setAttributes([f"BE-{1300 + index}", kind, employment])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


def _styled_labels(style_key, layer):
    """{category value: label} and the size legend's title after apply_style."""
    from cluster_atlas.algorithms.output_styles import apply_style

    apply_style(layer, style_key)
    renderer = layer.renderer()
    size_legend = renderer.dataDefinedSizeLegend() if hasattr(renderer, "dataDefinedSizeLegend") else None
    return ({str(c.value()): c.label() for c in renderer.categories()},
            size_legend.title() if size_legend is not None else None)


def _network_labels():
    from qgis.core import QgsVectorLayer

    return _styled_labels("network", QgsVectorLayer(f"{NETWORK}|layername=network", "network", "ogr"))[0]


def _legends():
    network = _network_labels()
    kinds, size_title = _styled_labels("circles_kind", _kind_circles())
    return network, kinds, size_title


def _check_legends(locale):
    network, kinds, size_title = _legends()
    assert network == NETWORK_WORDS[locale]
    assert kinds == KIND_WORDS[locale]
    assert size_title == SIZE_TITLE[locale]


@pytest.mark.usefixtures("french")
def test_layer_legends_are_french_in_a_french_interface(plugin):
    _check_legends("fr")


def test_layer_legends_are_english_without_the_translator(plugin):
    _check_legends("en")


def _stored_style_labels(path):
    """Categories of the GeoPackage layer as QGIS opens it: with its stored default style."""
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(str(path), "styled", "ogr")
    assert layer.isValid()
    return {str(c.value()): c.label() for c in layer.renderer().categories()}


@pytest.mark.parametrize("locale", ["fr", "en"])
def test_default_style_stored_in_the_geopackage_follows_the_interface(run_alg, tmp_path, qgis_app, locale):
    """A headless run (no post-processor) stores the styled legend in the language of the run."""
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    translator = QTranslator()
    if locale == "fr":
        assert translator.load(str(QM))
        QCoreApplication.installTranslator(translator)
    try:
        out = tmp_path / "network_styled.gpkg"
        run_alg("applyatlasstyle", {"INPUT": f"{NETWORK}|layername=network", "STYLE": 3, "OUTPUT": str(out)})
    finally:
        QCoreApplication.removeTranslator(translator)
    # Read back without the translator: the words are in the file, not translated on opening.
    assert _stored_style_labels(out) == NETWORK_WORDS[locale]


def _pdftotext(path):
    return pdf_text(path)


def _page_text(run_alg, tmp_path, page_language):
    from qgis.core import QgsProject

    circles = _kind_circles()
    QgsProject.instance().addMapLayer(circles, False)  # Processing does not take (and delete) it
    try:
        out = tmp_path / f"page_{page_language}.pdf"
        run_alg("exportatlasmap", {"CIRCLES": circles.id(), "COLOUR_BY": 1, "NETWORK": f"{NETWORK}|layername=network",
                                   "PAGE_LANGUAGE": page_language, "DPI": 50, "OUTPUT": str(out)})
    finally:
        QgsProject.instance().removeMapLayer(circles.id())
    return " ".join(unicodedata.normalize("NFKC", _pdftotext(out)).split())  # "ﬀ" ligatures -> "ff"


def _words_on_page(text, locale):
    return [w for w in list(NETWORK_WORDS[locale].values()) + list(KIND_WORDS[locale].values()) if w in text]


@pytest.mark.usefixtures("french")
def test_page_legend_follows_page_language_not_the_interface(run_alg, tmp_path, plugin):
    """French interface, English page: the page's legend is English."""
    text = _page_text(run_alg, tmp_path, 1)
    assert _words_on_page(text, "en") == list(NETWORK_WORDS["en"].values()) + list(KIND_WORDS["en"].values())
    assert _words_on_page(text, "fr") == []
    assert "Legend" in text and "Employment (headcount)" in text


def test_french_page_legend_in_an_english_interface(run_alg, tmp_path, plugin):
    text = _page_text(run_alg, tmp_path, 0)
    assert _words_on_page(text, "fr") == list(NETWORK_WORDS["fr"].values()) + list(KIND_WORDS["fr"].values())
    assert [w for w in ("Copper", "Companies", "Training entities", "Public entities", "R&D entities") if w in text] == []
    assert "Légende" in text and "Emploi (effectif)" in text
