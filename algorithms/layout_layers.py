"""Layers prepared for the atlas symbology (shared by applyatlasstyle and exportatlasmap).

The aggregation's CIRCLES layer is *wide*: one point per postal code with
``employment`` and ``emp_<slug>`` per cluster (``emp_k_<kind>`` per kind).
Colouring by cluster or kind needs one circle per (postal code, category):
``long_circles`` explodes the wide layer into that, with ``slot``/``slots``
so the style can offset circles sharing a point (none hidden).
"""
import json

from .. import compat
from ..core.symbology import explode_wide
from .table_io import make_fields, source_to_dataframe

CATEGORY_PREFIX = {"cluster": "emp_", "kind": "emp_k_"}


def parse_field_map(text):
    """``{slug: cluster name}`` from the aggregation's FIELD_MAP JSON (empty when absent/invalid)."""
    if not text:
        return {}
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        return {}
    if isinstance(value, dict):
        # aggregatepostcodes nests it: {"clusters": {slug: name}, "kinds": ..., "fields": ...}
        if isinstance(value.get("clusters"), dict):
            value = value["clusters"]
        return {str(k): str(v) for k, v in value.items() if not isinstance(v, (dict, list))}
    return {}


def is_wide(fields, category):
    """True when ``fields`` hold ``<prefix><slug>`` columns for ``category`` and no ``category`` field."""
    if fields.lookupField(category) >= 0:
        return False
    prefix = CATEGORY_PREFIX[category]
    names = [f.name() for f in fields]
    if category == "cluster":
        return any(n.startswith("emp_") and not n.startswith("emp_k_") for n in names)
    return any(n.startswith(prefix) for n in names)


def long_circles(source, category, names=None, value_field="employment", feedback=None, progress=(0, 100)):
    """Rows ``(geometry, attributes)`` and the schema of the exploded circles.

    ``category``: ``cluster`` or ``kind``. Returns ``(schema, rows)`` with
    schema ``[pc_key, <category>, <value_field>, slot, slots]``.
    """
    df = source_to_dataframe(source, feedback, with_geometry=True, progress=progress)
    prefix = CATEGORY_PREFIX[category]
    exclude = ("emp_k_",) if category == "cluster" else ()
    long = explode_wide(df, prefix=prefix, names=names, exclude_prefixes=exclude, value_field=value_field)
    if category == "kind":
        long["category"] = long["category"].str.replace("^k_", "", regex=True)
    keys = df["pc_key"] if "pc_key" in df.columns else None
    schema = [("pc_key", "string"), (category, "string"), (value_field, "double"), ("slot", "int"), ("slots", "int")]
    rows = []
    for rec in long.itertuples(index=False):
        pc_key = keys.loc[rec.row] if keys is not None else None
        rows.append(
            (
                df["geometry"].loc[rec.row],
                [pc_key, rec.category, float(getattr(rec, value_field)), int(rec.slot), int(rec.slots)],
            )
        )
    return schema, rows


def memory_layer(name, schema, rows, crs, geometry="Point"):
    """A memory layer holding ``rows`` (``(QgsGeometry, attributes)``)."""
    from qgis.core import QgsFeature, QgsVectorLayer

    layer = QgsVectorLayer("{}?crs={}".format(geometry, crs.authid() or crs.toWkt()), name, "memory")
    if not crs.authid():
        layer.setCrs(crs)
    fields = make_fields(schema)
    layer.dataProvider().addAttributes(list(fields))
    layer.updateFields()
    features = []
    for geometry_value, attributes in rows:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(geometry_value)
        feature.setAttributes(attributes)
        features.append(feature)
    layer.dataProvider().addFeatures(features, compat.FAST_INSERT)
    layer.updateExtents()
    return layer


def network_classes(layer, class_field, class_map):
    """How the page draws a network by class: ``(expression, classes present)``.

    Each distinct value of ``class_field`` is classified once with ``class_map``
    (``core.network_stats.ClassMap``, the parser networkoverlay uses, so page and
    figures agree); the expression maps the raw values onto their class
    (``copper``, ``fibre``, ``other`` or a class of the map) for a categorized
    renderer: no copy of the lines is made, however many there are."""
    from qgis.core import QgsExpression

    index = layer.fields().lookupField(class_field)
    by_class = {}
    has_null = False
    for value in layer.uniqueValues(index):
        if value is None or (hasattr(value, "isNull") and value.isNull()) or str(value) == "NULL":
            has_null = True
            continue
        by_class.setdefault(class_map.classify(value), []).append(value)
    column = QgsExpression.quotedColumnRef(class_field)
    whens = []
    if has_null:
        whens.append("WHEN {} IS NULL THEN {}".format(column, QgsExpression.quotedString(class_map.null_class)))
    for cls in sorted(by_class):
        if cls == class_map.default:
            continue
        values = ", ".join(QgsExpression.quotedValue(v) for v in sorted(by_class[cls], key=str))
        whens.append("WHEN {} IN ({}) THEN {}".format(column, values, QgsExpression.quotedString(cls)))
    default = QgsExpression.quotedString(class_map.default)
    expression = "CASE {} ELSE {} END".format(" ".join(whens), default) if whens else default
    present = set(by_class) | ({class_map.null_class} if has_null else set())
    return expression, present
