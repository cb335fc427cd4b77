"""compat gives the same enum values as the version-specific spellings."""
from qgis.core import Qgis, QgsProcessing, QgsWkbTypes
from qgis.PyQt.QtCore import QVariant


def test_enums_match_this_qgis():
    from cluster_atlas import compat

    if hasattr(Qgis, "ProcessingSourceType"):
        assert compat.TYPE_VECTOR == Qgis.ProcessingSourceType.Vector
    else:
        assert compat.TYPE_VECTOR == QgsProcessing.TypeVector
        assert compat.TYPE_VECTOR_POLYGON == QgsProcessing.TypeVectorPolygon
    assert compat.WKB_POINT == QgsWkbTypes.Point
    assert compat.WKB_NO_GEOMETRY == QgsWkbTypes.NoGeometry
    assert compat.geometry_type(QgsWkbTypes.MultiPolygon) == compat.GEOM_POLYGON
    assert compat.geometry_type(QgsWkbTypes.LineString) == compat.GEOM_LINE


def test_make_field_types_round_trip():
    from cluster_atlas import compat

    for kind, variant in [("string", QVariant.String), ("int", QVariant.Int), ("int64", QVariant.LongLong),
                          ("double", QVariant.Double), ("bool", QVariant.Bool)]:
        field = compat.make_field("f", kind)
        assert field.name() == "f"
        assert field.type() == variant, kind
        assert compat.field_kind(field) == kind


def test_make_field_rejects_unknown_kind():
    import pytest

    from cluster_atlas import compat

    with pytest.raises(ValueError, match="unknown field kind"):
        compat.make_field("f", "decimal")
