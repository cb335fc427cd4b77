"""The zone grid of the network overlay (``CleanGrid``) never settles a box wrongly.

Oracle: GEOS on the same zones. A box classified as "inside zone z" must be
covered by zone z and meet no other zone's boundary; "outside" must meet no
zone at all. Zones: a partition with diagonal edges, a hole holding an
enclave, vertices on a coarse grid (so edges run along and through cell
sides and corners), and boxes that are points, segments and blocks of cells.
"""
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from qgis.core import QgsGeometry, QgsRectangle

from cluster_atlas.algorithms import network_geometry as ng

ZONES_WKT = [
    "POLYGON((0 0, 40 0, 40 30, 0 40, 0 0))",
    "POLYGON((40 0, 100 0, 100 20, 40 30, 40 0))",
    "POLYGON((0 40, 40 30, 100 20, 100 100, 0 100, 0 40),(30 60, 70 60, 70 80, 30 80, 30 60))",
    "POLYGON((30 60, 70 60, 70 80, 30 80, 30 60))",  # the enclave filling the hole
]


@pytest.fixture(scope="module")
def grid_setup(qgis_app):
    geoms = [QgsGeometry.fromWkt(w) for w in ZONES_WKT]
    zones = ng.Zones(geoms)
    old = ng.CleanGrid.MAX_CELLS
    ng.CleanGrid.MAX_CELLS = 400  # cells of ~5 units: boxes span many cells and many edges
    try:
        grid = ng.CleanGrid(zones)
    finally:
        ng.CleanGrid.MAX_CELLS = old
    assert grid.ok
    return geoms, grid


def _box_geometry(x0, y0, x1, y1):
    if x0 == x1 and y0 == y1:
        return QgsGeometry.fromWkt(f"POINT({x0} {y0})")
    if x0 == x1 or y0 == y1:
        return QgsGeometry.fromWkt(f"LINESTRING({x0} {y0}, {x1} {y1})")
    return QgsGeometry.fromRect(QgsRectangle(x0, y0, x1, y1))


def _check(geoms, grid, x0, y0, x1, y1):
    code = int(grid.classify([x0], [y0], [x1], [y1])[0])
    box = _box_geometry(x0, y0, x1, y1)
    if code >= 0:
        # wholly inside zone ``code`` and touching no zone boundary at all
        assert geoms[code].contains(box), (code, x0, y0, x1, y1)
        for z, g in enumerate(geoms):
            assert not QgsGeometry(g.constGet().boundary()).intersects(box), (code, z, x0, y0, x1, y1)
    elif code == -1:
        assert not any(g.intersects(box) for g in geoms), (x0, y0, x1, y1)
    return code


coord = st.one_of(st.integers(-10, 110).map(float), st.floats(-10, 110, allow_nan=False))
span = st.one_of(st.just(0.0), st.integers(0, 30).map(float), st.floats(0, 30, allow_nan=False))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(x=coord, y=coord, w=span, h=span)
def test_grid_settles_only_what_geos_confirms(grid_setup, x, y, w, h):
    geoms, grid = grid_setup
    _check(geoms, grid, x, y, x + w, y + h)


def test_grid_settles_most_small_boxes_away_from_boundaries(grid_setup):
    """The grid is useful: small boxes well inside a zone are settled, and in the right zone."""
    geoms, grid = grid_setup
    codes = {}
    for (x, y), zone in (((10.0, 10.0), 0), ((80.0, 8.0), 1), ((15.0, 85.0), 2), ((50.0, 70.0), 3)):
        codes[zone] = _check(geoms, grid, x, y, x + 0.5, y + 0.5)
    assert codes == {0: 0, 1: 1, 2: 2, 3: 3}
    assert _check(geoms, grid, 105.0, 105.0, 106.0, 106.0) == -1
    # on a shared edge, at a shared vertex, across the hole's ring: never settled
    for box in ((40.0, 5.0, 40.0, 10.0), (40.0, 30.0, 40.0, 30.0), (29.0, 59.0, 31.0, 61.0)):
        assert _check(geoms, grid, *box) == -2, box
