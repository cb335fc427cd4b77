"""clusteratlas:postcodezones: approximate postal zones from postcode points.

Official Belgian postal zones are not open data; many users only have one
point per postcode. The zones are Voronoi cells of the points
(``QgsGeometry.voronoiDiagram``: ``native:voronoipolygons`` does not exist
in 3.22 and the Python ``qgis:voronoipolygons`` is slow), clipped to a
boundary and optionally built municipality by municipality so that a code
never takes land from a municipality it does not belong to.

Geometry work stays here (it needs QGIS); the code normalisation is the
shared one of ``core/postcodes.py``.
"""

from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsRectangle,
    QgsSpatialIndex,
)

from .. import compat
from ..core.postcodes import normalise_postcodes
from ..core.text import to_text
from .base import ClusterAtlasAlgorithm, check_cancel, report_progress, tr, tr_note
from .geometry_check import FaultLog, checked, polygons_only
from .table_io import create_sink, source_to_dataframe, write_dataframe
from .output_styles import style_output
from .params import decimals, lon_lat_centre, working_crs

ZONE_SCHEMA = [
    ("pc_key", "string"),
    ("country", "string"),
    ("postcode", "string"),
    ("n_points", "int"),
    ("municipalities", "string"),
    ("method", "string"),
    ("area_km2", "double"),
]
REPORT_SCHEMA = [
    ("pc_key", "string"),
    ("raw_code", "string"),
    ("municipality", "string"),
    ("rule", "string"),
    ("detail", "string"),
]


# --- geometry helpers (QGIS, no Processing) ---------------------------------
def prepared(geometry):
    engine = QgsGeometry.createGeometryEngine(geometry.constGet())
    engine.prepareGeometry()
    return engine


def clip(cell, region, region_engine):
    """``cell`` ∩ ``region``; cheap when the cell lies wholly inside."""
    if region_engine.contains(cell.constGet()):
        return cell
    if not region_engine.intersects(cell.constGet()):
        return QgsGeometry()
    return polygons_only(cell.intersection(region))


def voronoi_pieces(sites, region, feedback=None, progress=None):
    """Voronoi cells of ``sites`` clipped to ``region``.

    ``sites``: list of ``(QgsPointXY, label)`` at distinct locations.
    Returns ``[(label, geometry)]`` (pieces of one label may be several).
    The cells partition the plane, so the pieces partition ``region``.
    With ``feedback`` a cancel is honoured every few cells, and ``progress``
    ``(lo, hi)`` is reported along the cells.
    """
    if not sites or region is None or region.isEmpty():
        return []
    if len({label for _, label in sites}) == 1:
        return [(sites[0][1], region)]
    region_engine = prepared(region)
    points = [p for p, _ in sites]
    multipoint = QgsGeometry.fromMultiPointXY(points)
    extent = QgsRectangle(region.boundingBox())
    extent.combineExtentWith(multipoint.boundingBox())
    extent.grow(max(extent.width(), extent.height(), 1.0) * 0.1)
    diagram = multipoint.voronoiDiagram(QgsGeometry.fromRect(extent))
    index = QgsSpatialIndex()
    for i, point in enumerate(points):
        feature = QgsFeature(i)
        feature.setGeometry(QgsGeometry.fromPointXY(point))
        index.addFeature(feature)
    pieces = []
    cells = diagram.asGeometryCollection()
    step = max(1, len(cells) // 50)
    for n, cell in enumerate(cells):
        if feedback is not None and n % step == 0:
            if progress is not None:
                report_progress(feedback, progress[0] + (progress[1] - progress[0]) * n / len(cells))
            else:
                check_cancel(feedback)
        cell_engine = prepared(cell)
        owner = None
        for i in index.intersects(cell.boundingBox()):
            site = QgsGeometry.fromPointXY(points[i])
            if cell_engine.intersects(site.constGet()):
                owner = i
                break
        if owner is None:  # numerically impossible for distinct sites; never drop area silently
            raise QgsProcessingException(tr("Internal error: a Voronoi cell has no postcode point."))
        piece = clip(cell, region, region_engine)
        if not piece.isEmpty():
            pieces.append((sites[owner][1], piece))
    return pieces


class PostcodeZonesAlgorithm(ClusterAtlasAlgorithm):
    ALG_ID = "postcodezones"
    GROUP_ID = "aggregate"
    DISPLAY_NAME = "Postal zones from postcode points"
    TAGS = "postcode,postal code,voronoi,thiessen,zones,municipality,boundary"
    HELP = """<p>Builds approximate postal-code zones (polygons) from one point per postal code, for when the official zones are not available (Belgian bpost zones are not open data). The result is a valid reference layer for <i>Employment per postal code</i>.</p>
<h3>Method</h3>
<p>Each point gets its Voronoi (Thiessen) cell: the area closer to it than to any other point. The cells are clipped to the boundary layer, so that the zones cover the boundary exactly, without gaps or overlaps. Codes are normalised as in the import (<code>1348</code>, <code>B-1348</code> and <code>1348.0</code> are the same code <code>BE-1348</code>); several points of one code give one zone (the union of their cells).</p>
<p>With a municipality layer and a postcode &rarr; municipality table, the cells are built inside each municipality among the codes that belong to it, so that a zone never crosses into a municipality its code does not serve. A code listed in several municipalities gets a piece in each. A code missing from the table (or whose municipalities are not in the layer) is placed in the municipality that contains its point. Land of municipalities that no code serves, and land of the boundary outside every municipality, goes to the nearest points.</p>
<p>Everything unusual goes to the REPORT table and the log: invalid codes, duplicate points, points outside the boundary, codes without municipality, municipalities without codes, codes left without a zone.</p>
<h3>Parameters</h3>
<ul>
<li><b>Postcode points</b> (POINTS): one point per postal code (several points per code are merged).</li>
<li><b>Postcode field</b> (POSTCODE_FIELD) and optional <b>country field</b> (COUNTRY_FIELD) of the points; <b>default country</b> (DEFAULT_COUNTRY, ISO code, default BE) when a code has neither a country nor a prefix.</li>
<li><b>Boundary</b> (BOUNDARY): polygons the zones must cover (e.g. the country or region); all its features are merged.</li>
<li><b>Municipalities</b> (MUNICIPALITIES, optional) with their <b>id field</b> (MUNICIPALITY_FIELD), e.g. the NIS code.</li>
<li><b>Postcode &rarr; municipality table</b> (LOOKUP, optional), its <b>postcode field</b> (LOOKUP_POSTCODE_FIELD) and <b>municipality field</b> (LOOKUP_MUNICIPALITY_FIELD).</li>
<li><b>Maximum distance outside the boundary</b> (MAX_OUTSIDE_DISTANCE, in units of the working CRS, default 1000): points farther outside are geocoding errors and are ignored (reported); nearer ones are used.</li>
<li><b>Working CRS</b> (TARGET_CRS, optional): projected CRS of the cells and of the output; by default the points' CRS when projected, else the boundary's, else the UTM zone of the boundary's centre.</li>
</ul>
<h3>Outputs</h3>
<ul>
<li><b>Postal zones</b> (OUTPUT): one multipolygon per code with <code>pc_key</code>, <code>country</code>, <code>postcode</code>, <code>n_points</code>, <code>municipalities</code>, <code>method</code> (<code>voronoi</code>, <code>municipality</code>: the whole municipality, <code>voronoi_in_municipality</code>) and <code>area_km2</code>.</li>
<li><b>Report</b> (REPORT): one row per problem with <code>pc_key</code>, <code>raw_code</code>, <code>municipality</code>, <code>rule</code> and <code>detail</code>.</li>
<li>Numbers ZONES, POINTS_USED, ISSUES and AREA_DIFFERENCE_PCT (union of the zones against the boundary, in percent).</li>
</ul>
<h3>Example</h3>
<p>POINTS = <code>sample_data/postcode_points.gpkg</code> (layer <code>postcode_points</code>, 33 points), POSTCODE_FIELD = <code>postcode</code>, BOUNDARY = <code>sample_data/boundaries.gpkg</code> (layer <code>belgium</code>): 33 zones covering Belgium, ISSUES 0, AREA_DIFFERENCE_PCT 0.0. On the full data: Belgian postcode points (EPSG:31370), boundary <code>belgium</code>, municipalities <code>munty</code> with <code>CD_MUNTY_REFNIS</code>, table <code>be_localities_postcode_nis_2013.csv</code> with <code>zipCode</code> and <code>nisCode</code>: 1,144 zones covering Belgium, each inside its municipalities.</p>"""

    POINTS = "POINTS"
    POSTCODE_FIELD = "POSTCODE_FIELD"
    COUNTRY_FIELD = "COUNTRY_FIELD"
    DEFAULT_COUNTRY = "DEFAULT_COUNTRY"
    BOUNDARY = "BOUNDARY"
    MUNICIPALITIES = "MUNICIPALITIES"
    MUNICIPALITY_FIELD = "MUNICIPALITY_FIELD"
    LOOKUP = "LOOKUP"
    LOOKUP_POSTCODE_FIELD = "LOOKUP_POSTCODE_FIELD"
    LOOKUP_MUNICIPALITY_FIELD = "LOOKUP_MUNICIPALITY_FIELD"
    MAX_OUTSIDE_DISTANCE = "MAX_OUTSIDE_DISTANCE"
    TARGET_CRS = "TARGET_CRS"
    OUTPUT = "OUTPUT"
    REPORT = "REPORT"

    def initAlgorithm(self, config=None):  # noqa: N802
        optional = compat.FLAG_OPTIONAL
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.POINTS, tr("Postcode points"), [compat.TYPE_VECTOR_POINT])
        )
        self.addParameter(QgsProcessingParameterField(self.POSTCODE_FIELD, tr("Postcode field"), None, self.POINTS))
        country = QgsProcessingParameterField(self.COUNTRY_FIELD, tr("Country field"), None, self.POINTS)
        country.setFlags(country.flags() | optional)
        self.addParameter(country)
        self.addParameter(QgsProcessingParameterString(self.DEFAULT_COUNTRY, tr("Default country (ISO code)"), "BE"))
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.BOUNDARY, tr("Boundary"), [compat.TYPE_VECTOR_POLYGON])
        )
        munis = QgsProcessingParameterFeatureSource(
            self.MUNICIPALITIES, tr("Municipalities"), [compat.TYPE_VECTOR_POLYGON]
        )
        munis.setFlags(munis.flags() | optional)
        self.addParameter(munis)
        muni_field = QgsProcessingParameterField(
            self.MUNICIPALITY_FIELD, tr("Municipality id field"), None, self.MUNICIPALITIES
        )
        muni_field.setFlags(muni_field.flags() | optional)
        self.addParameter(muni_field)
        lookup = QgsProcessingParameterFeatureSource(
            self.LOOKUP, tr("Postcode to municipality table"), [compat.TYPE_VECTOR]
        )
        lookup.setFlags(lookup.flags() | optional)
        self.addParameter(lookup)
        for name, label in (
            (self.LOOKUP_POSTCODE_FIELD, tr("Postcode field of the table")),
            (self.LOOKUP_MUNICIPALITY_FIELD, tr("Municipality field of the table")),
        ):
            field = QgsProcessingParameterField(name, label, None, self.LOOKUP)
            field.setFlags(field.flags() | optional)
            self.addParameter(field)
        distance = QgsProcessingParameterNumber(
            self.MAX_OUTSIDE_DISTANCE,
            tr("Maximum distance outside the boundary"),
            compat.NUMBER_DOUBLE,
            1000.0,
            False,
            0.0,
        )
        distance.setFlags(distance.flags() | compat.FLAG_ADVANCED)
        self.addParameter(decimals(distance, 0))
        crs = QgsProcessingParameterCrs(self.TARGET_CRS, tr("Working CRS (projected)"), None, True)
        crs.setFlags(crs.flags() | compat.FLAG_ADVANCED)
        self.addParameter(crs)
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Postal zones"), compat.TYPE_VECTOR_POLYGON)
        )
        self.addParameter(QgsProcessingParameterFeatureSink(self.REPORT, tr("Report"), compat.TYPE_VECTOR))
        self.addOutput(QgsProcessingOutputNumber("ZONES", tr("Number of zones")))
        self.addOutput(QgsProcessingOutputNumber("POINTS_USED", tr("Number of points used")))
        self.addOutput(QgsProcessingOutputNumber("ISSUES", tr("Number of reported issues")))
        self.addOutput(QgsProcessingOutputNumber("AREA_DIFFERENCE_PCT", tr("Zones against boundary area (%)")))

    # --- reading ---------------------------------------------------------
    def _source(self, parameters, name, context, required=True):
        source = self.parameterAsSource(parameters, name, context)
        if source is None and required:
            raise QgsProcessingException(self.invalidSourceError(parameters, name))
        return source

    def _read_points(self, source, code_field, country_field, default_country, transform, feedback, issues):
        """Normalised, transformed points: ``[(pc_key, country, postcode, raw, QgsPointXY)]``."""
        import pandas as pd

        names = [code_field] + ([country_field] if country_field else [])
        request = QgsFeatureRequest().setSubsetOfAttributes(names, source.fields())
        raws, countries, points = [], [], []
        for feature in source.getFeatures(request):
            self.check_cancel(feedback)
            raw = to_text(feature[code_field])
            geometry = feature.geometry()
            if geometry is None or geometry.isEmpty():
                issues.append((None, raw, None, "missing_geometry", tr("point without geometry: not used")))
                continue
            geometry = QgsGeometry(geometry)
            geometry.transform(transform)
            if geometry.isMultipart():
                issues.append(
                    (None, raw, None, "multipoint", tr("multipoint: every part is used as a point of the code"))
                )
            for part in geometry.constParts():
                raws.append(raw)
                countries.append(to_text(feature[country_field]) if country_field else None)
                points.append(QgsPointXY(part.x(), part.y()))
        if not raws:
            return []
        norm = normalise_postcodes(pd.Series(raws, dtype=object), pd.Series(countries, dtype=object), default_country)
        result = []
        for i, row in enumerate(norm.itertuples(index=False)):
            if row.error:
                issues.append((None, raws[i], None, "invalid_postcode", tr_note(row.error) + tr(": point not used")))
                continue
            result.append((row.pc_key, row.country, row.postcode, raws[i], points[i]))
        return result

    def _read_geometries(self, source, transform, feedback, id_field=None, layer="BOUNDARY"):
        """Transformed, valid polygons ``[(id or None, geometry)]``; faults named in the log."""
        request = QgsFeatureRequest()
        if id_field:
            request.setSubsetOfAttributes([id_field], source.fields())
        else:
            request.setSubsetOfAttributes([])
        result = []
        faults = FaultLog(layer)
        # Real boundary layers have self-intersections (Statbel municipalities do):
        # read them unchecked and repair them here (geometry_check) instead of failing the run.
        for feature in source.getFeatures(request, compat.SOURCE_SKIP_GEOMETRY_CHECKS):
            self.check_cancel(feedback)
            key = to_text(feature[id_field]) if id_field else None
            geometry = feature.geometry()
            if geometry is not None and not geometry.isEmpty():
                geometry = QgsGeometry(geometry)
                geometry.transform(transform)
            geometry, state = checked(geometry)
            faults.note(state, feature.id(), key)
            if geometry is None:
                continue
            geometry = polygons_only(geometry)
            if not geometry.isEmpty():
                result.append((key, geometry))
        faults.push(feedback)
        return result

    # --- main ------------------------------------------------------------------
    def compute(self, parameters, context, feedback):
        points_source = self._source(parameters, self.POINTS, context)
        boundary_source = self._source(parameters, self.BOUNDARY, context)
        code_field = self.parameterAsString(parameters, self.POSTCODE_FIELD, context)
        country_field = self.parameterAsString(parameters, self.COUNTRY_FIELD, context) or None
        default_country = (self.parameterAsString(parameters, self.DEFAULT_COUNTRY, context) or "BE").strip()
        max_outside = self.parameterAsDouble(parameters, self.MAX_OUTSIDE_DISTANCE, context)
        munis_source = self._source(parameters, self.MUNICIPALITIES, context, required=False)
        lookup_source = self._source(parameters, self.LOOKUP, context, required=False)
        muni_field = self.parameterAsString(parameters, self.MUNICIPALITY_FIELD, context) or None
        lookup_code = self.parameterAsString(parameters, self.LOOKUP_POSTCODE_FIELD, context) or None
        lookup_muni = self.parameterAsString(parameters, self.LOOKUP_MUNICIPALITY_FIELD, context) or None
        constrained = munis_source is not None or lookup_source is not None
        if constrained and not (munis_source is not None and lookup_source is not None):
            raise QgsProcessingException(
                tr(
                    "The municipality constraint needs both the municipality layer (MUNICIPALITIES) and the "
                    "postcode to municipality table (LOOKUP); give both or neither."
                )
            )
        if constrained and not (muni_field and lookup_code and lookup_muni):
            raise QgsProcessingException(
                tr(
                    "With municipalities, choose MUNICIPALITY_FIELD (id in the municipality layer), "
                    "LOOKUP_POSTCODE_FIELD and LOOKUP_MUNICIPALITY_FIELD (in the table)."
                )
            )

        # Working CRS: projected, so that cells and areas are in metres. The UTM
        # zone comes from the boundary (what the zones cover): a point list may hold
        # geocoding errors far away (two Belgian codes sit in the USA).
        centre = lon_lat_centre(boundary_source.sourceExtent(), boundary_source.sourceCrs(),
                                context.transformContext())
        requested = self.parameterAsCrs(parameters, self.TARGET_CRS, context)
        crs = working_crs(requested, [points_source.sourceCrs(), boundary_source.sourceCrs()], centre)
        if crs.isGeographic():
            raise QgsProcessingException(
                tr("The working CRS {} is geographic: choose a projected CRS (TARGET_CRS).").format(crs.authid())
            )
        feedback.pushInfo(tr("Working CRS: {}").format(crs.authid()))

        def transform_from(source):
            return QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())

        issues = []
        self.progress(feedback, 2)
        sites = self._read_points(
            points_source, code_field, country_field, default_country, transform_from(points_source), feedback, issues
        )
        boundary_parts = self._read_geometries(boundary_source, transform_from(boundary_source), feedback)
        if not boundary_parts:
            raise QgsProcessingException(tr("The boundary layer has no polygon: nothing to cover."))
        boundary = polygons_only(QgsGeometry.unaryUnion([g for _, g in boundary_parts]))
        boundary_engine = prepared(boundary)
        self.progress(feedback, 10)

        # Points: outside the boundary (geocoding errors), duplicates, coincident codes.
        codes = {}  # pc_key -> {"country", "postcode", "raw", "points": []}
        seen_at = {}  # (x, y) -> pc_key
        used = []  # (point, pc_key)
        for pc_key, country, postcode, raw, point in sites:
            geometry = QgsGeometry.fromPointXY(point)
            if not boundary_engine.intersects(geometry.constGet()):
                distance = geometry.distance(boundary)
                if distance > max_outside:
                    issues.append(
                        (pc_key, raw, None, "point_far_outside_boundary",
                         tr("point {:.0f} m outside the boundary (more than MAX_OUTSIDE_DISTANCE): not used").format(distance))
                    )
                    continue
                issues.append(
                    (pc_key, raw, None, "point_outside_boundary",
                     tr("point {:.0f} m outside the boundary: used").format(distance))
                )
            location = (point.x(), point.y())
            if location in seen_at:
                if seen_at[location] != pc_key:
                    issues.append(
                        (pc_key, raw, None, "coincident_points",
                         tr("point at the same place as code {}: that code keeps the place").format(seen_at[location]))
                    )
                continue
            seen_at[location] = pc_key
            entry = codes.setdefault(pc_key, {"country": country, "postcode": postcode, "raw": raw, "points": []})
            entry["points"].append(point)
            used.append((point, pc_key))
        for pc_key, entry in codes.items():
            if len(entry["points"]) > 1:
                issues.append(
                    (pc_key, entry["raw"], None, "duplicate_point",
                     tr("{} points for this code: its zone is the union of their cells").format(len(entry["points"])))
                )
        if not used:
            raise QgsProcessingException(
                tr("No usable postcode point (see the REPORT output): check POSTCODE_FIELD and the layers' CRS.")
            )
        feedback.pushInfo(tr("{} points used for {} postal codes.").format(len(used), len(codes)))
        self.progress(feedback, 15)

        pieces = []  # (pc_key, geometry, method)
        municipalities_of = {}
        if constrained:
            pieces = self._constrained(
                codes, used, boundary, munis_source, muni_field, lookup_source, lookup_code, lookup_muni,
                default_country, transform_from(munis_source), feedback, issues, municipalities_of,
            )
        else:
            for label, geometry in voronoi_pieces(used, boundary, feedback, progress=(15, 85)):
                pieces.append((label, geometry, "voronoi"))
        self.progress(feedback, 85)

        # One zone per code: the union of its pieces.
        by_code = {}
        for pc_key, geometry, method in pieces:
            by_code.setdefault(pc_key, ([], set()))
            by_code[pc_key][0].append(geometry)
            by_code[pc_key][1].add(method)
        rows, geometries = [], []
        for pc_key, entry in codes.items():
            self.check_cancel(feedback)
            if pc_key not in by_code:
                issues.append((pc_key, entry["raw"], None, "no_zone",
                               tr("no land is closer to this code's point than to another one: no zone")))
                continue
            parts, methods = by_code[pc_key]
            geometry = polygons_only(QgsGeometry.unaryUnion(parts) if len(parts) > 1 else parts[0])
            if not geometry.isGeosValid():
                geometry = polygons_only(geometry.makeValid())
            if geometry.isEmpty():
                issues.append((pc_key, entry["raw"], None, "no_zone", tr("empty zone")))
                continue
            method = "voronoi_in_municipality" if "voronoi_in_municipality" in methods else sorted(methods)[0]
            rows.append(
                {
                    "pc_key": pc_key,
                    "country": entry["country"],
                    "postcode": entry["postcode"],
                    "n_points": len(entry["points"]),
                    "municipalities": ";".join(sorted(municipalities_of.get(pc_key, ()))) or None,
                    "method": method,
                    "area_km2": geometry.area() / 1e6,
                }
            )
            geometries.append(geometry)
        # Codes all of whose points were set aside (far outside, coincident) get one
        # no_zone row too, so the report lists every valid code without a zone.
        zoned = {row["pc_key"] for row in rows}
        for pc_key, _, _, raw, _ in sites:
            if pc_key not in codes and pc_key not in zoned:
                zoned.add(pc_key)
                issues.append((pc_key, raw, None, "no_zone", tr("none of this code's points could be used: no zone")))
        return self._write(parameters, context, feedback, crs, rows, geometries, issues, boundary, len(used))

    def _write(self, parameters, context, feedback, crs, rows, geometries, issues, boundary, n_used):
        import pandas as pd

        sink, dest = create_sink(self, parameters, self.OUTPUT, context, ZONE_SCHEMA, compat.WKB_MULTIPOLYGON, crs)
        write_dataframe(pd.DataFrame(rows, columns=[n for n, _ in ZONE_SCHEMA]), sink, ZONE_SCHEMA,
                        feedback, geometries, progress=(85, 95))
        report, report_dest = create_sink(self, parameters, self.REPORT, context, REPORT_SCHEMA)
        report_df = pd.DataFrame(issues, columns=[n for n, _ in REPORT_SCHEMA])
        if report is not None:
            write_dataframe(report_df, report, REPORT_SCHEMA, feedback, progress=(95, 100))
        del sink  # flush the file before styling it
        style_output(context, dest, "zones", feedback)
        zones_area = sum(g.area() for g in geometries)
        diff = 100.0 * (zones_area - boundary.area()) / boundary.area() if boundary.area() else 0.0
        feedback.pushInfo(
            tr("{} zones; their area differs from the boundary's by {:.4f}%.").format(len(rows), diff)
        )
        if len(report_df):
            counts = report_df["rule"].value_counts()
            feedback.pushWarning(
                tr("{} issues reported (REPORT output): {}").format(
                    len(report_df), ", ".join("{} {}".format(n, rule) for rule, n in counts.items())
                )
            )
        return {
            self.OUTPUT: dest,
            self.REPORT: report_dest,
            "ZONES": len(rows),
            "POINTS_USED": n_used,
            "ISSUES": len(report_df),
            "AREA_DIFFERENCE_PCT": diff,
        }

    # --- municipality constraint ----------------------------------------------
    def _constrained(self, codes, used, boundary, munis_source, muni_field, lookup_source, lookup_code,
                     lookup_muni, default_country, transform, feedback, issues, municipalities_of):
        # Municipalities clipped to the boundary and made disjoint (an overlap of two
        # municipalities would otherwise become an overlap of two zones).
        merged = {}
        for muni_id, geometry in self._read_geometries(munis_source, transform, feedback, muni_field, "MUNICIPALITIES"):
            if not muni_id:
                issues.append((None, None, None, "municipality_without_id",
                               tr("municipality polygon without id: its land goes to the nearest points")))
                continue
            merged.setdefault(muni_id, []).append(geometry)
        boundary_engine = prepared(boundary)
        munis = {}
        index = QgsSpatialIndex(compat.SPATIAL_INDEX_STORE_GEOMETRIES)
        order = []
        for muni_id, parts in merged.items():
            geometry = QgsGeometry.unaryUnion(parts) if len(parts) > 1 else parts[0]
            geometry = clip(geometry, boundary, boundary_engine)
            if geometry.isEmpty():
                continue
            fid = len(order)
            feature = QgsFeature(fid)
            feature.setGeometry(geometry)
            index.addFeature(feature)
            order.append(muni_id)
            munis[muni_id] = geometry
        for fid, muni_id in enumerate(order):
            self.check_cancel(feedback)
            geometry = munis[muni_id]
            earlier = [munis[order[j]] for j in index.intersects(geometry.boundingBox()) if j < fid]
            if earlier:
                other = QgsGeometry.unaryUnion(earlier)
                overlap = geometry.intersection(other)
                if not overlap.isEmpty() and overlap.area() > 0:
                    munis[muni_id] = polygons_only(geometry.difference(other))
        self.progress(feedback, 30)

        lookup = source_to_dataframe(lookup_source, feedback, [lookup_code, lookup_muni], progress=(30, 30))
        norm = normalise_postcodes(lookup[lookup_code], None, default_country)
        lookup = lookup.assign(pc_key=norm["pc_key"].values, muni=[to_text(v) for v in lookup[lookup_muni]])
        bad = int(norm["error"].notna().sum())
        if bad:
            feedback.pushWarning(tr("{} rows of the postcode to municipality table have an invalid postcode and are not used.").format(bad))
        lookup = lookup[lookup["pc_key"].notna() & (lookup["muni"] != "")]
        munis_of_code = lookup.groupby("pc_key")["muni"].agg(lambda s: set(s)).to_dict()

        codes_of_muni = {}
        for pc_key, entry in codes.items():
            listed = munis_of_code.get(pc_key, set())
            present = {m for m in listed if m in munis}
            if listed and present and present != listed:
                issues.append((pc_key, entry["raw"], ";".join(sorted(listed - present)), "municipality_partly_missing",
                               tr("some municipalities of this code are not in the municipality layer")))
            if not present:
                found = self._municipality_at(entry["points"][0], munis, order, index)
                rule = "municipality_not_in_layer" if listed else "municipality_missing"
                if listed:
                    detail = tr("the table's municipalities {} are not in the layer").format(";".join(sorted(listed)))
                else:
                    detail = tr("code not in the postcode to municipality table")
                if found:
                    detail += tr("; placed in municipality {} (where its point lies)").format(found)
                    present = {found}
                else:
                    detail += tr("; no municipality found: its zone comes from the land left over")
                issues.append((pc_key, entry["raw"], found, rule, detail))
            municipalities_of[pc_key] = present
            for muni_id in present:
                codes_of_muni.setdefault(muni_id, []).append(pc_key)

        pieces = []
        covered = []
        n = max(1, len(munis))
        for i, muni_id in enumerate(order):
            self.check_cancel(feedback)
            geometry = munis[muni_id]
            keys = codes_of_muni.get(muni_id)
            if not keys:
                issues.append((None, None, muni_id, "municipality_without_postcode",
                               tr("no postcode of this municipality ({:.2f} km2): its land goes to the nearest points").format(geometry.area() / 1e6)))
                continue
            covered.append(geometry)
            if len(keys) == 1:
                pieces.append((keys[0], geometry, "municipality"))
            else:
                local = self._sites_inside(geometry, keys, codes, muni_id, issues)
                for label, piece in voronoi_pieces(local, geometry, feedback):
                    pieces.append((label, piece, "voronoi_in_municipality"))
            self.progress(feedback, 30 + 45 * (i + 1) / n)

        # The rest of the boundary (no municipality, or one without any code) goes
        # to the nearest point of any code, so that the zones still cover it.
        rest = boundary if not covered else polygons_only(boundary.difference(QgsGeometry.unaryUnion(covered)))
        if not rest.isEmpty() and rest.area() > 0:
            feedback.pushInfo(
                tr("{:.3f} km2 of the boundary are outside the municipalities with a postcode: given to the nearest points.").format(rest.area() / 1e6)
            )
            for label, piece in voronoi_pieces(used, rest, feedback, progress=(75, 80)):
                pieces.append((label, piece, "voronoi"))
        self.progress(feedback, 80)
        return pieces

    @staticmethod
    def _sites_inside(municipality, keys, codes, muni_id, issues):
        """Points of ``keys`` as Voronoi sites of one municipality.

        A point outside the municipality (geocoding error, or a code the table
        lists in a distant municipality) could get no land at all; it is moved
        to the nearest point of the municipality, so every code listed there
        gets a piece of it.
        """
        engine = prepared(municipality)
        sites, taken = [], set()
        for key in keys:
            for point in codes[key]["points"]:
                geometry = QgsGeometry.fromPointXY(point)
                if not engine.intersects(geometry.constGet()):
                    distance = geometry.distance(municipality)
                    point = municipality.nearestPoint(geometry).asPoint()
                    issues.append(
                        (key, codes[key]["raw"], muni_id, "point_outside_municipality",
                         tr("point {:.0f} m outside its municipality: moved to its edge there").format(distance))
                    )
                location = (point.x(), point.y())
                if location not in taken:
                    taken.add(location)
                    sites.append((point, key))
        return sites

    @staticmethod
    def _municipality_at(point, munis, order, index):
        """Id of the municipality containing ``point``, else the nearest one."""
        geometry = QgsGeometry.fromPointXY(point)
        for fid in index.intersects(geometry.boundingBox()):
            if munis[order[fid]].intersects(geometry):
                return order[fid]
        nearest = index.nearestNeighbor(point, 1)
        return order[nearest[0]] if nearest else None
