"""Zone geometries checked once, on reading, and every fault named in the log.

Shared by aggregatepostcodes (POSTCODES), networkoverlay (ZONES) and
postcodezones (BOUNDARY, MUNICIPALITIES). The rules (issue 13, item 8):

* an EMPTY geometry is a missing geometry, exactly like NULL (an empty polygon
  has no point on its surface: QGIS gives ``POINT(nan nan)`` on some versions);
* an invalid polygon (bow-tie, self-intersecting ring, overlapping parts of a
  multipolygon) is repaired with ``makeValid`` and only its polygonal part is
  kept (makeValid may add the collapsed edges as lines: a line has no area and
  would count network lengths along a zone that has none); when nothing
  polygonal is left, the feature has no usable geometry;
* each such feature is reported by id (and key), the first ten and a count.

Sources are read with ``compat.SOURCE_SKIP_GEOMETRY_CHECKS`` so that these rules
apply whatever the Processing context's "invalid features" setting is: with
"skip" QGIS would drop the feature without a word, with "stop" it would end the
run before our repair.
"""
from qgis.core import QgsGeometry

from .. import compat
from .base import tr

OK, NULL, EMPTY, REPAIRED, UNUSABLE = "ok", "null", "empty", "repaired", "unusable"
SHOWN = 10  # features named per kind of fault; the rest is a count


def polygons_only(geometry):
    """Polygonal part of a geometry (intersections and makeValid may add lines/points), multi type."""
    if geometry is None or geometry.isEmpty():
        return QgsGeometry()
    if compat.geometry_type(geometry.wkbType()) == compat.GEOM_POLYGON:
        result = QgsGeometry(geometry)
    else:
        parts = [
            part
            for part in geometry.asGeometryCollection()
            if compat.geometry_type(part.wkbType()) == compat.GEOM_POLYGON and not part.isEmpty()
        ]
        if not parts:
            return QgsGeometry()
        result = QgsGeometry.unaryUnion(parts) if len(parts) > 1 else parts[0]
    result.convertToMultiType()
    return result


def checked(geometry, polygon=True):
    """``(geometry or None, state)``: a copy of a usable geometry, or None when NULL, EMPTY or beyond repair.

    ``polygon``: the layer holds polygons (invalid ones are repaired); points are
    only checked for NULL/EMPTY. A repaired polygon is multi type.
    """
    if geometry is None or geometry.isNull():
        return None, NULL
    if geometry.isEmpty():
        return None, EMPTY
    geometry = QgsGeometry(geometry)
    if not polygon or geometry.isGeosValid():
        return geometry, OK
    repaired = polygons_only(geometry.makeValid())
    if repaired.isEmpty() or not repaired.area() > 0:
        return None, UNUSABLE
    return repaired, REPAIRED


class FaultLog:
    """Features of one input whose geometry was NULL, EMPTY, repaired or unusable."""

    def __init__(self, layer):
        self.layer = layer  # how the log names the input, e.g. "POSTCODES"
        self.features = {NULL: [], EMPTY: [], REPAIRED: [], UNUSABLE: []}

    def note(self, state, fid, key=None):
        if state in self.features:
            self.features[state].append((fid, key))

    def count(self, state):
        return len(self.features[state])

    @staticmethod
    def _names(items):
        shown = ", ".join("fid {} ({})".format(fid, key) if key not in (None, "") else "fid {}".format(fid)
                          for fid, key in items[:SHOWN])
        if len(items) > SHOWN:
            shown = tr("{} and {} more").format(shown, len(items) - SHOWN)
        return shown

    def push(self, feedback):
        """One warning per kind of fault met, naming the features."""
        messages = {
            NULL: tr("{}: {} feature(s) without geometry (NULL): {}."),
            EMPTY: tr("{}: {} feature(s) with an EMPTY geometry, treated as without geometry (like NULL): {}."),
            REPAIRED: tr("{}: {} invalid polygon(s) (self-intersection, overlapping parts...) repaired with "
                         "makeValid; their repaired polygons are used: {}."),
            UNUSABLE: tr("{}: {} invalid polygon(s) not used: nothing polygonal is left once repaired with "
                         "makeValid (treated as without geometry): {}."),
        }
        for state in (NULL, EMPTY, REPAIRED, UNUSABLE):
            items = self.features[state]
            if items:
                feedback.pushWarning(messages[state].format(self.layer, len(items), self._names(items)))
