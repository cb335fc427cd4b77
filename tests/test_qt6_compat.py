"""compat.py under PyQt6, as QGIS 4 (Qt6) will import it.

No QGIS 4 build is packaged for these machines, so the proof is: PyQt6 from PyPI in a
throw-away venv (no PyQt5, no QGIS), a minimal stand-in for ``qgis.core`` that has only
QGIS 4's spellings (enums scoped, the old unscoped names absent, ``QgsField`` taking a
``QMetaType.Type`` and refusing anything else), and ``qgis.PyQt.QtCore`` = PyQt6's. compat.py
must import there, give the scoped enum members, and build and read fields with PyQt6's types.

PyQt6 is installed from PyPI once per interpreter (the host's 3.11, the chroots' 3.13 and 3.14: its
sip module is built per Python version) into ``.build/pyqt6-venv-<python version>``, reused after.
"""
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PYQT6 = "PyQt6==6.11.0"

# The stand-in: only what compat.py touches, spelled as QGIS 4 spells it.
QGIS_CORE_STAND_IN = '''
import enum

from PyQt6.QtCore import QMetaType


def _enum(name, *members):
    return enum.Enum(name, {m: i for i, m in enumerate(members)})


class Qgis:
    QGIS_VERSION_INT = 40000
    ProcessingSourceType = _enum("ProcessingSourceType", "VectorAnyGeometry", "VectorPoint", "VectorLine",
                                 "VectorPolygon", "Vector")
    ProcessingParameterFlag = _enum("ProcessingParameterFlag", "Optional", "Advanced", "Hidden")
    ProcessingNumberParameterType = _enum("ProcessingNumberParameterType", "Integer", "Double")
    ProcessingFieldParameterDataType = _enum("ProcessingFieldParameterDataType", "Any", "Numeric", "String")
    ProcessingAlgorithmFlag = _enum("ProcessingAlgorithmFlag", "NoThreading", "CanCancel")
    WkbType = _enum("WkbType", "NoGeometry", "Point", "MultiPolygon", "MultiLineString")
    GeometryType = _enum("GeometryType", "Point", "Line", "Polygon", "Null")
    FeatureRequestFlag = _enum("FeatureRequestFlag", "NoGeometry")
    ProcessingFeatureSourceFlag = _enum("ProcessingFeatureSourceFlag", "SkipGeometryValidityChecks")
    DistanceUnit = _enum("DistanceUnit", "Meters", "Kilometers")
    TextRenderFormat = _enum("TextRenderFormat", "AlwaysText")


class QgsProcessing: pass
class QgsProcessingAlgorithm: pass
class QgsProcessingParameterDefinition: pass
class QgsProcessingParameterField: pass
class QgsProcessingParameterNumber: pass
class QgsUnitTypes: pass
class QgsFeatureRequest: pass
class QgsProcessingFeatureSource: pass
class QgsRenderContext: pass


class QgsWkbTypes:
    @staticmethod
    def geometryType(wkb_type):
        return {"Point": Qgis.GeometryType.Point, "MultiPolygon": Qgis.GeometryType.Polygon,
                "MultiLineString": Qgis.GeometryType.Line}.get(wkb_type.name, Qgis.GeometryType.Null)


class QgsFeatureSink:
    Flag = _enum("Flag", "FastInsert")


class QgsSpatialIndex:
    Flag = _enum("Flag", "FlagStoreFeatureGeometries")


class QgsSymbolLayer:
    Property = _enum("Property", "Size", "Offset")


class QgsSizeScaleTransformer:
    ScaleType = _enum("ScaleType", "Linear", "Area", "Flannery", "Exponential")


class QgsMapLayer:
    StyleCategory = _enum("StyleCategory", "Symbology")
    SaveStyleResult = enum.Flag("SaveStyleResult", {"QmlGenerationFailed": 1, "SldGenerationFailed": 2,
                                                    "DatabaseWriteFailed": 4})


class QgsLayoutExporter:
    ExportResult = _enum("ExportResult", "Success", "Canceled")


class QgsProcessingUtils:
    LayerHint = _enum("LayerHint", "UnknownType", "Vector")


class QgsLayoutItemRegistry:
    ItemType = _enum("ItemType", "LayoutItem", "LayoutPage")


class QgsLayoutItemLabel:
    Mode = _enum("Mode", "ModeFont", "ModeHtml")


class QgsLayoutItemShape:
    Shape = _enum("Shape", "Ellipse", "Rectangle", "Triangle")


class QgsDataDefinedSizeLegend:
    LegendType = _enum("LegendType", "LegendSeparated", "LegendCollapsed")
    VerticalAlignment = _enum("VerticalAlignment", "AlignCenter", "AlignBottom")


class QgsVectorFileWriter:
    WriterError = _enum("WriterError", "NoError")


_NUMERIC = {QMetaType.Type.Int, QMetaType.Type.UInt, QMetaType.Type.LongLong, QMetaType.Type.ULongLong,
            QMetaType.Type.Double}


class QgsField:
    """QGIS 4's QgsField takes a QMetaType.Type (sip refuses anything else, a QVariant type included)."""

    def __init__(self, name, type, len=0, prec=0):  # noqa: A002 - QGIS' own argument names
        if not isinstance(type, QMetaType.Type):
            raise TypeError("QgsField(): argument 2 has unexpected type {!r}".format(type))
        self._name, self._type = name, type

    def name(self):
        return self._name

    def type(self):
        return self._type

    def typeName(self):
        return self._type.name

    def isNumeric(self):
        return self._type in _NUMERIC
'''

CHECKS = '''
import importlib.util
import sys

from PyQt6.QtCore import QMetaType, QVariant

# The environment is Qt6's: the names QGIS 3 code used are not there.
assert not any(hasattr(QVariant, n) for n in ("String", "Int", "LongLong", "Double", "Bool", "UInt"))
assert "PyQt5" not in sys.modules

spec = importlib.util.spec_from_file_location("compat", sys.argv[1])
compat = importlib.util.module_from_spec(spec)
spec.loader.exec_module(compat)
from qgis.core import (Qgis, QgsFeatureSink, QgsLayoutExporter, QgsLayoutItemLabel, QgsLayoutItemShape,
                       QgsProcessingUtils, QgsSymbolLayer)

expected = {
    "TYPE_VECTOR_POINT": Qgis.ProcessingSourceType.VectorPoint, "TYPE_VECTOR": Qgis.ProcessingSourceType.Vector,
    "FLAG_OPTIONAL": Qgis.ProcessingParameterFlag.Optional, "FLAG_HIDDEN": Qgis.ProcessingParameterFlag.Hidden,
    "NUMBER_DOUBLE": Qgis.ProcessingNumberParameterType.Double,
    "FIELD_NUMERIC": Qgis.ProcessingFieldParameterDataType.Numeric,
    "ALG_FLAG_CAN_CANCEL": Qgis.ProcessingAlgorithmFlag.CanCancel,
    "WKB_MULTIPOLYGON": Qgis.WkbType.MultiPolygon, "GEOM_LINE": Qgis.GeometryType.Line,
    "FEATURE_REQUEST_NO_GEOMETRY": Qgis.FeatureRequestFlag.NoGeometry,
    "DISTANCE_KILOMETERS": Qgis.DistanceUnit.Kilometers, "FAST_INSERT": QgsFeatureSink.Flag.FastInsert,
    "SYMBOL_PROPERTY_OFFSET": QgsSymbolLayer.Property.Offset,
    "LAYOUT_EXPORT_SUCCESS": QgsLayoutExporter.ExportResult.Success,
    "LABEL_MODE_FONT": QgsLayoutItemLabel.Mode.ModeFont,
    "LAYOUT_SHAPE_RECTANGLE": QgsLayoutItemShape.Shape.Rectangle,
}
for name, member in expected.items():
    assert getattr(compat, name) is member, (name, getattr(compat, name), member)
assert compat.text_format_always_text() is Qgis.TextRenderFormat.AlwaysText
assert compat.LAYER_HINT_VECTOR is QgsProcessingUtils.LayerHint.Vector
assert compat.geometry_type(compat.WKB_POINT) is Qgis.GeometryType.Point

# Fields: PyQt6's QMetaType.Type in, the logical kind back out.
types = {"string": QMetaType.Type.QString, "int": QMetaType.Type.Int, "int64": QMetaType.Type.LongLong,
         "double": QMetaType.Type.Double, "bool": QMetaType.Type.Bool}
for kind, meta in types.items():
    field = compat.make_field("f_" + kind, kind)
    assert field.type() is meta, (kind, field.type())
    assert compat.field_kind(field) == kind, (kind, compat.field_kind(field))
assert compat.type_id(QMetaType.Type.QString) == 10 and compat.type_id(QMetaType.Type.LongLong) == 4
print("compat OK under PyQt6", QMetaType.Type.QString)
'''


def _pyqt6_python():
    """A venv of this interpreter's base Python with PyQt6 only (no system site-packages)."""
    venv = ROOT / ".build" / "pyqt6-venv-{}.{}".format(*sys.version_info[:2])
    python = venv / "bin" / "python"
    stamp = venv / ".installed"
    if python.exists() and stamp.exists() and stamp.read_text() == PYQT6:
        return python
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True, capture_output=True)
    done = subprocess.run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check",
                           "--only-binary=:all:", PYQT6], capture_output=True, text=True)
    if done.returncode:
        message = "could not install {} from PyPI: {}".format(PYQT6, done.stderr.strip()[-500:])
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    stamp.write_text(PYQT6)
    return python


def test_compat_imports_and_works_under_pyqt6(tmp_path):
    python = _pyqt6_python()
    stand_in = tmp_path / "stand_in"
    (stand_in / "qgis" / "PyQt").mkdir(parents=True)
    (stand_in / "qgis" / "__init__.py").write_text("")
    (stand_in / "qgis" / "PyQt" / "__init__.py").write_text("")
    # qgis.PyQt.QtCore is PyQt6's QtCore in QGIS 4, as it is PyQt5's in QGIS 3.
    (stand_in / "qgis" / "PyQt" / "QtCore.py").write_text("from PyQt6.QtCore import *  # noqa: F401,F403\n")
    (stand_in / "qgis" / "core.py").write_text(textwrap.dedent(QGIS_CORE_STAND_IN))
    script = tmp_path / "checks.py"
    script.write_text(CHECKS)
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": str(stand_in), "LANG": "C.UTF-8",
           "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([str(python), "-X", "dev", str(script), str(ROOT / "compat.py")], capture_output=True,
                          text=True, env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "compat OK under PyQt6" in done.stdout
    # No warning of any kind from compat.py under Python's development mode (-X dev).
    assert "Warning" not in done.stderr, done.stderr


def test_the_stand_in_refuses_qt5_spellings(tmp_path):
    """The oracle can fail: the stand-in's QgsField refuses an int type (a QVariant.Type in
    spirit) and its classes lack the unscoped names, so a compat that used them would fail."""
    python = _pyqt6_python()
    stand_in = tmp_path / "stand_in"
    (stand_in / "qgis").mkdir(parents=True)
    (stand_in / "qgis" / "__init__.py").write_text("")
    (stand_in / "qgis" / "core.py").write_text(textwrap.dedent(QGIS_CORE_STAND_IN))
    probe = ("from qgis.core import QgsField, QgsProcessing, QgsLayoutExporter\n"
             "try:\n    QgsField('f', 10)\nexcept TypeError:\n    print('field refused')\n"
             "print(hasattr(QgsProcessing, 'TypeVectorPoint'), hasattr(QgsLayoutExporter, 'Success'))\n")
    done = subprocess.run([str(python), "-c", probe], capture_output=True, text=True,
                          env={"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(stand_in)})
    assert done.stdout.split("\n")[:2] == ["field refused", "False False"], done.stdout + done.stderr
