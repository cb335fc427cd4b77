"""Shared fixtures. The plugin is imported as the package ``cluster_atlas``
from ``.build/plugins`` (a symlink to this checkout made by scripts/setup.sh),
exactly as QGIS loads it from a plugin folder."""
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PLUGINS = ROOT / ".build" / "plugins"
SHARED_DATA = (ROOT.parent / "shared" / "data").resolve()
SAMPLE_DATA = ROOT / "sample_data"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if not (PLUGINS / "cluster_atlas").exists():
    PLUGINS.mkdir(parents=True, exist_ok=True)
    (PLUGINS / "cluster_atlas").symlink_to(ROOT)
if str(PLUGINS) not in sys.path:
    sys.path.insert(0, str(PLUGINS))


def _pdftotext(*args):
    """pdftotext's output, typographic ligatures (U+FB00 "ﬀ" in "Eﬀectif", which Qt sets in font-mode
    layout labels) spelled out as letters (NFKC), so that a test compares words, not glyph choices."""
    import shutil
    import subprocess
    import unicodedata

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) not installed")
    text = subprocess.run(["pdftotext", *map(str, args), "-"], capture_output=True, text=True, check=True).stdout
    return "".join(unicodedata.normalize("NFKC", c) if "\ufb00" <= c <= "\ufb06" else c for c in text)


def pdf_text(path, page=None):
    """The text of a PDF (one page, or all), ligatures spelled out."""
    return _pdftotext(*(["-f", page, "-l", page] if page else []), path)


def pdf_words(path):
    """[(word, x_min, y_min, x_max, y_max)] of a PDF in points (pdftotext -bbox), ligatures spelled out."""
    import html
    import re

    found = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
                       _pdftotext("-bbox", path))
    return [(html.unescape(w), float(a), float(b), float(c), float(d)) for a, b, c, d, w in found]


def layer_frame(path_or_layer):
    """A vector layer (or the file of one) as a DataFrame, NULL as None. The OGR layer lives only in
    this call: none outlives the test (docs/ARCHITECTURE.md, segfault at exit)."""
    import pandas as pd
    from qgis.core import QgsVectorLayer

    layer = path_or_layer if isinstance(path_or_layer, QgsVectorLayer) else QgsVectorLayer(str(path_or_layer), "t", "ogr")
    assert layer.isValid(), path_or_layer
    records = [[None if v is None or (hasattr(v, "isNull") and v.isNull()) else v for v in f.attributes()]
               for f in layer.getFeatures()]
    return pd.DataFrame(records, columns=layer.fields().names())


def gpkg_table(path, schema, rows, name="members"):
    """A geometry-less GeoPackage table ``name`` at ``path`` with fields ``schema`` ((name, kind)
    pairs) and ``rows``; returns its layer URI. The memory layer lives only in this call."""
    from qgis.core import QgsFeature, QgsVectorFileWriter, QgsVectorLayer

    from cluster_atlas import compat
    from cluster_atlas.algorithms.table_io import make_fields

    memory = QgsVectorLayer("None", name, "memory")
    memory.dataProvider().addAttributes(make_fields(schema).toList())
    memory.updateFields()
    features = []
    for row in rows:
        feature = QgsFeature(memory.fields())
        feature.setAttributes(row)
        features.append(feature)
    memory.dataProvider().addFeatures(features)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.layerName = name
    error = QgsVectorFileWriter.writeAsVectorFormatV2(memory, str(path), memory.transformContext(), options)
    assert error[0] == compat.WRITER_NO_ERROR
    return "{}|layername={}".format(path, name)


def recording_feedback():
    """A Processing feedback that keeps its log: ``infos`` and ``warnings`` (lines, in order)."""
    from qgis.core import QgsProcessingFeedback

    class Recording(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.infos, self.warnings = [], []

        def pushInfo(self, text):  # noqa: N802
            self.infos.append(text)
            super().pushInfo(text)

        def pushWarning(self, text):  # noqa: N802
            self.warnings.append(text)
            super().pushWarning(text)

    return Recording()


def memory_layer(kind, fields, rows, crs="EPSG:31370"):
    """A memory layer of ``kind`` ("Point", "Polygon", "None"...) with ``fields`` ("name:type") and
    ``rows`` of ``(wkt or None, attributes)``."""
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    layer = QgsVectorLayer(f"{kind}?crs={crs}" + "".join(f"&field={f}" for f in fields), "mem", "memory")
    feats = []
    for wkt, attrs in rows:
        f = QgsFeature(layer.fields())
        f.setAttributes(list(attrs))
        if wkt is not None:
            f.setGeometry(QgsGeometry.fromWkt(wkt))
        feats.append(f)
    assert layer.dataProvider().addFeatures(feats)
    return layer


def is_null(value):
    """A QGIS NULL (or None) attribute value."""
    from qgis.core import NULL

    return value is None or (value == NULL and not isinstance(value, (int, float)))


def size_scale_function():
    """The function QGIS writes in an area-scaled size expression (QgsSizeScaleTransformer, exponent
    0.5): ``scale_exp`` in 3.22, ``scale_polynomial`` once QGIS has it (3.40 and 3.44 write it; the
    same curve under its right name, tests/test_styles.py evaluates both against the hand formula)."""
    from qgis.core import QgsExpression

    return "scale_polynomial" if QgsExpression.isFunctionName("scale_polynomial") else "scale_exp"


def shared_file(name):
    """Path of a file of ../shared/data, or skip the test with the reason."""
    path = SHARED_DATA / name
    if not path.exists():
        pytest.skip(f"real data {name} not found in {SHARED_DATA}")
    return path


@pytest.fixture(scope="session")
def desktop_layer_tree(qgis_iface):
    """A real layer tree view behind the test iface, as the desktop has: Processing's result handling
    asks it for the current node (3.40) and hands it to QgsProcessingGuiUtils.addResultLayers (3.44),
    which refuses pytest-qgis' MagicMock stand-in."""
    from qgis.core import QgsLayerTreeModel, QgsProject
    from qgis.gui import QgsLayerTreeView

    view = QgsLayerTreeView()
    model = QgsLayerTreeModel(QgsProject.instance().layerTreeRoot())
    view.setModel(model)
    qgis_iface.layerTreeView = lambda: view
    yield view
    # Deleted before QGIS exits (a Qt object outliving exitQgis crashes the interpreter at exit).
    from qgis.PyQt import sip

    view.setModel(None)
    sip.delete(view)
    sip.delete(model)


@pytest.fixture(scope="session")
def plugin(qgis_app, qgis_processing, qgis_iface, desktop_layer_tree):
    """The plugin loaded through classFactory, provider registered."""
    import cluster_atlas
    from qgis.core import QgsApplication

    instance = cluster_atlas.classFactory(qgis_iface)
    instance.initProcessing()
    instance.initGui()
    yield instance
    if QgsApplication.processingRegistry().providerById("clusteratlas") is not None:
        instance.unload()


class _RegisteredProvider:
    """The ``clusteratlas`` provider registered now. Tests that unload and reload
    the plugin (test_foundation) replace the C++ object; a plain reference kept
    by a session fixture would then point at a deleted one."""

    def __getattr__(self, name):
        from qgis.core import QgsApplication

        return getattr(QgsApplication.processingRegistry().providerById("clusteratlas"), name)


@pytest.fixture(scope="session")
def provider(plugin):
    return _RegisteredProvider()


@pytest.fixture()
def run_alg(provider):
    """Run ``clusteratlas:<name>`` with processing.run; returns the results dict."""
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    def _run(name, params, context=None, feedback=None):
        context = context or QgsProcessingContext()
        context.setProject(QgsProject.instance())
        return processing.run(f"clusteratlas:{name}", params, context=context, feedback=feedback or QgsProcessingFeedback())

    return _run
