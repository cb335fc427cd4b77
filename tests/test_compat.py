"""compat gives the same enum values as the version-specific spellings, and no
module outside compat.py uses an enum spelling that QGIS 4 (Qt6) drops.

Spellings here are the class-scoped ones (``QgsWkbTypes.Type.Point``), which
3.22 accepts too, so this file passes its own scan."""
import ast
import subprocess
from pathlib import Path

import pytest
from qgis.core import Qgis, QgsFeatureRequest, QgsProcessing, QgsWkbTypes
from qgis.PyQt.QtCore import QVariant

ROOT = Path(__file__).resolve().parents[1]


def test_enums_match_this_qgis():
    from cluster_atlas import compat

    if hasattr(Qgis, "ProcessingSourceType"):
        assert compat.TYPE_VECTOR == Qgis.ProcessingSourceType.Vector
    else:
        assert compat.TYPE_VECTOR == QgsProcessing.SourceType.TypeVector
        assert compat.TYPE_VECTOR_POLYGON == QgsProcessing.SourceType.TypeVectorPolygon
    assert compat.WKB_POINT == QgsWkbTypes.Type.Point
    assert compat.WKB_NO_GEOMETRY == QgsWkbTypes.Type.NoGeometry
    assert compat.geometry_type(QgsWkbTypes.Type.MultiPolygon) == compat.GEOM_POLYGON
    assert compat.geometry_type(QgsWkbTypes.Type.LineString) == compat.GEOM_LINE
    if hasattr(Qgis, "FeatureRequestFlag"):
        assert compat.FEATURE_REQUEST_NO_GEOMETRY == Qgis.FeatureRequestFlag.NoGeometry
    else:
        assert compat.FEATURE_REQUEST_NO_GEOMETRY == QgsFeatureRequest.Flag.NoGeometry
    # Values QGIS documents (stable across versions): NoGeometry = 1, Meters = 0, Offset = 7.
    assert int(compat.FEATURE_REQUEST_NO_GEOMETRY) == 1
    assert int(compat.DISTANCE_METERS) == 0
    assert int(compat.SYMBOL_PROPERTY_OFFSET) == 7
    assert int(compat.LAYOUT_EXPORT_SUCCESS) == 0


def test_make_field_types_round_trip():
    from cluster_atlas import compat

    for kind, variant in [("string", QVariant.Type.String), ("int", QVariant.Type.Int),
                          ("int64", QVariant.Type.LongLong), ("double", QVariant.Type.Double),
                          ("bool", QVariant.Type.Bool)]:
        field = compat.make_field("f", kind)
        assert field.name() == "f"
        assert field.type() == variant, kind
        assert compat.field_kind(field) == kind


def test_make_field_rejects_unknown_kind():
    from cluster_atlas import compat

    with pytest.raises(ValueError, match="unknown field kind"):
        compat.make_field("f", "decimal")


# --- QGIS 4 readiness scan ------------------------------------------------------------
# Enums that moved into ``Qgis`` in 3.26-3.40 (the old spelling is deprecated there and
# gone in QGIS 4); the value says where it went. Any other ``Class.Member`` that is an
# enum member reached without its enum's name (``QgsLayoutExporter.Success`` instead
# of ``QgsLayoutExporter.ExportResult.Success``) is found by introspection: PyQt6
# only knows the scoped form.
MOVED = {
    "QgsFeatureRequest": ("Qgis.FeatureRequestFlag / Qgis.InvalidGeometryCheck", "3.36"),
    "QgsProcessingFeatureSource": ("Qgis.ProcessingFeatureSourceFlag", "3.36"),
    "QgsProcessing": ("Qgis.ProcessingSourceType", "3.36"),
    "QgsProcessingParameterDefinition": ("Qgis.ProcessingParameterFlag", "3.36"),
    "QgsProcessingAlgorithm": ("Qgis.ProcessingAlgorithmFlag", "3.36"),
    "QgsProcessingParameterNumber": ("Qgis.ProcessingNumberParameterType", "3.36"),
    "QgsProcessingParameterField": ("Qgis.ProcessingFieldParameterDataType", "3.36"),
    "QgsUnitTypes": ("Qgis.DistanceUnit / Qgis.AreaUnit / Qgis.RenderUnit", "3.30"),
    "QgsWkbTypes": ("Qgis.WkbType / Qgis.GeometryType", "3.30"),
    "QgsMapLayer": ("Qgis.LayerType (layer types) / QgsMapLayer.StyleCategory", "3.30"),
    "QgsSymbolLayer": ("QgsSymbolLayer.Property.<Name>", "3.30"),
    "QVariant": ("QMetaType.Type (QgsField from 3.38)", "3.38"),
}

# Files other engineers hold this round: spellings found there, to remove from this
# list once those files route them through compat (the scan then guards them too).
ALLOWED = {
}


def _namespace():
    import qgis.core
    import qgis.gui
    from qgis.PyQt import QtCore, QtGui, QtWidgets

    names = {}
    for module in (qgis.core, qgis.gui, QtCore, QtGui, QtWidgets):
        for name in dir(module):
            names.setdefault(name, getattr(module, name))
    return names


def _is_unscoped_enum_member(owner, attr):
    try:
        value = getattr(owner, attr)
    except Exception:
        return False
    kind = type(value)
    if isinstance(value, type) or callable(value) and not isinstance(value, int):
        return False  # a class, an enum type or a method: not a member
    # sip enums (PyQt5) or Python enums (3.30+ Qgis.*) reached without their enum's name.
    return type(kind).__name__ in ("enumtype", "EnumType", "EnumMeta") and kind.__name__ != attr


def scan_source(text, names):
    """``[(line, 'Class.Member', hint)]`` for moved or unscoped enum spellings."""
    found = []
    for node in ast.walk(ast.parse(text)):
        if not (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)):
            continue
        base, attr = node.value.id, node.attr
        owner = names.get(base)
        if owner is None or not attr[:1].isupper():
            continue
        if _is_unscoped_enum_member(owner, attr):
            where, version = MOVED.get(base, ("{}.<Enum>.{}".format(base, attr), "Qt6"))
            found.append((node.lineno, node.col_offset, "{}.{}".format(base, attr), "{} ({})".format(where, version)))
    return [(line, spelled, hint) for line, _col, spelled, hint in sorted(found)]


def _tracked_python_files():
    out = subprocess.run(["git", "ls-files", "*.py"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    # compat.py included: its fallbacks name the old spellings as strings (getattr), never as attributes.
    return [p for p in out.split() if not p.startswith(("i18n/", ".build/"))]


def test_scan_finds_known_moved_spellings():
    # The oracle: hand-written snippets with the spellings the audit is about.
    names = _namespace()
    text = (
        "QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)\n"
        "layer.setDataDefinedProperty(QgsSymbolLayer.PropertyOffset, p)\n"
        "if r != QgsLayoutExporter.Success: pass\n"
        "u = QgsUnitTypes.DistanceMeters\n"
        "t = QgsProcessing.TypeVectorPoint\n"
        "f = QgsField('a', QVariant.String)\n"
        "ok = QgsFeatureRequest.Flag.NoGeometry, Qgis.SymbolType.Marker, QgsWkbTypes.geometryType\n"
    )
    spelled = [s for _line, s, _hint in scan_source(text, names)]
    assert spelled == [
        "QgsFeatureRequest.NoGeometry", "QgsSymbolLayer.PropertyOffset", "QgsLayoutExporter.Success",
        "QgsUnitTypes.DistanceMeters", "QgsProcessing.TypeVectorPoint", "QVariant.String",
    ]


def test_no_moved_enum_spellings_outside_compat():
    names = _namespace()
    problems, stale = [], []
    for path in _tracked_python_files():
        text = (ROOT / path).read_text(encoding="utf-8")
        allowed = ALLOWED.get(path, set())
        seen = set()
        for line, spelled, hint in scan_source(text, names):
            seen.add(spelled)
            if spelled not in allowed:
                problems.append("{}:{}: {} -> use compat ({})".format(path, line, spelled, hint))
        stale += ["{}: {}".format(path, s) for s in sorted(allowed - seen)]
    assert not problems, "QGIS 4 spellings to route through compat.py:\n" + "\n".join(problems)
    assert not stale, "fixed already, remove from ALLOWED:\n" + "\n".join(stale)
