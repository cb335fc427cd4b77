"""clusteratlas:networkoverlay — how closely does cluster employment follow a line network?

Thin Processing wrapper: the geometry work is in ``network_geometry``, the
statistics (shares within distance, affinity, Spearman, SVG, HTML) in
``core/network_stats``.
"""
import math

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from .. import compat
from ..core import network_stats as ns
from .base import ClusterAtlasAlgorithm, tr, tr_note
from .geometry_check import EMPTY, NULL, REPAIRED, UNUSABLE, FaultLog, checked
from .network_geometry import (
    Measurer,
    Zones,
    employment_value,
    nearest_distances,
    number_or_none,
    read_members,
    read_network,
    zone_key,
    zone_lengths,
)
from .table_io import create_sink, output_sink, write_dataframe
from .write_errors import write_failure_cause
from .output_styles import style_output

DEFAULT_METRIC_CRS = "EPSG:3812"
# Where a zone's distances are measured from (field dist_from).
ORIGIN_SURFACE = "point_on_surface"
ORIGIN_POINT = "zone_point"
ORIGIN_MEMBERS = "members_centre"


class NetworkOverlayAlgorithm(ClusterAtlasAlgorithm):
    ALG_ID = "networkoverlay"
    GROUP_ID = "network"
    DISPLAY_NAME = "Network overlay (employment versus copper/fibre network)"
    TAGS = "network,copper,fibre,fiber,overlay,distance,length,density,spearman,affinity,cluster"
    HELP = (
        "<p>Measures how closely the employment of a cluster follows a line network (the atlas' claim that "
        "ICT entities <i>follow the Walloon copper and fibre network closely</i>).</p>"
        "<h3>Parameters</h3><ul>"
        "<li><b>ZONES</b>: polygons with an employment field (e.g. the output of the aggregation), or points "
        "(geocoded members or postal-code points).</li>"
        "<li><b>EMPLOYMENT_FIELD</b>: numeric employment of each zone; NULL counts as 0 (reported in the log).</li>"
        "<li><b>POPULATION_FIELD</b> (optional): population of each zone, for the population affinity.</li>"
        "<li><b>NETWORK</b>: line layer (any CRS; multi-part lines allowed).</li>"
        "<li><b>CLASS_FIELD</b> (optional): the line type field. Without it the only class is <code>all</code>.</li>"
        "<li><b>CLASS_MAP</b>: maps type values onto classes, e.g. <code>rail=fibre; tram=fibre; *=copper</code>. "
        "<code>*</code> is the class of unmapped values (default <code>other</code>), <code>NULL</code> that of "
        "empty values. The values <code>copper</code>, <code>fibre</code> and <code>fiber</code> map to themselves. "
        "Values are matched ignoring case and accents; items are separated by <code>;</code>, <code>,</code> or "
        "new lines; a JSON object is accepted for values containing separators. The classes "
        "<code>copper</code>, <code>fibre</code> and <code>other</code> always get fields.</li>"
        "<li><b>DISTANCES</b>: distance thresholds in km (default <code>1, 2, 5</code>).</li>"
        "<li><b>MEMBERS</b> (optional): geocoded member points (any CRS). Each zone with members of positive "
        "employment is then measured from the employment-weighted centre of its members instead of its point on "
        "surface.</li>"
        "<li><b>MEMBER_EMPLOYMENT_FIELD</b> (optional): employment of each member, the weight of the centre; "
        "without it every member weighs 1; NULL counts as 0.</li>"
        "<li><b>MEMBER_ZONE_FIELD</b> and <b>ZONE_KEY_FIELD</b> (optional, both or neither): join members to "
        "zones by key (e.g. <code>pc_key</code> on both sides; <code>1348</code> matches <code>\"1348\"</code>). "
        "Without them a member belongs to the first zone (in reading order) that holds the point, its boundary "
        "included.</li>"
        "<li><b>METRIC_CRS</b> (advanced): projected CRS in metres for lengths and distances; default the zones' "
        "CRS when it is projected in metres, else EPSG:3812.</li>"
        "<li><b>LENGTH_METHOD</b> (advanced): planar in the metric CRS (as QGIS' native algorithms without "
        "ellipsoid), or ellipsoidal (the project's ellipsoid, else that of the metric CRS).</li></ul>"
        "<h3>Outputs</h3><ul>"
        "<li><b>OUTPUT</b>: the zones with <code>area_km2</code>, <code>len_km_&lt;class&gt;</code>, "
        "<code>len_km_total</code>, <code>density_&lt;class&gt;</code> and <code>density_total</code> (km/km²), "
        "<code>dist_km_&lt;class&gt;</code> and <code>dist_km_total</code> (km from the zone's point on surface, "
        "or the point itself, to the nearest line; NULL when the class has no line), "
        "<code>dist_from</code> (where distances start: <code>point_on_surface</code>, <code>zone_point</code> or "
        "<code>members_centre</code>), <code>n_members</code> (members joined, when MEMBERS is given), "
        "<code>emp_density</code> (employment/km²). Point inputs get only the distances.</li>"
        "<li><b>MEMBER_DISTANCES</b> (optional, with MEMBERS): every member (none dropped, also those without "
        "geometry or outside every zone) with its fields, <code>dist_km_&lt;class&gt;</code>, "
        "<code>dist_km_total</code> and <code>zone_fid</code> (feature id of its zone, NULL when in none).</li>"
        "<li><b>SUMMARY</b>: table, one row per class and threshold: zones and employment within the distance, "
        "<code>employment_share</code>, <code>area_share</code>, <code>population_share</code>, "
        "<code>affinity_area</code> = employment share / area share, <code>affinity_population</code>, "
        "Spearman's <code>spearman_rho</code> between employment density and network density with "
        "<code>spearman_n</code>, <code>network_km</code> and the <code>length_method</code>.</li>"
        "<li><b>REPORT</b>: HTML page with the summary, the affinity table, the correlations and an SVG chart of "
        "the share of employment (and of area/population) within each distance.</li>"
        "<li><b>SPEARMAN_RHO</b>, <b>SPEARMAN_N</b>: correlation for the whole network; <b>LENGTH_METHOD_USED</b>; "
        "<b>STATS_JSON</b>: all summary figures as JSON.</li></ul>"
        "<h3>Method</h3><p>The network is read once and transformed once into the metric CRS. "
        "Zones are checked first: an EMPTY geometry counts as none (like NULL); an invalid polygon (self-intersection, overlapping parts) is repaired with makeValid and only its polygonal part is used for lengths, areas and distances (a zone with nothing polygonal left is unusable); each such zone is named in the log (feature id, and its ZONE_KEY_FIELD value when given), whatever Processing's invalid-geometry setting. The length of a "
        "line in a zone is the length of its intersection with the zone, as in <i>Sum line lengths</i>; lines "
        "wholly inside a zone and without self-overlap add their whole length without an intersection. "
        "<b>One deliberate difference from <i>Sum line lengths</i></b>: a stretch lying exactly on a boundary "
        "shared by two zones is counted once, in the zone read first, where <i>Sum line lengths</i> counts it "
        "in both; so zone lengths add up to the network length. Distances are measured from each zone's point on "
        "surface (or the employment-weighted centre of its members, which may lie outside a concave zone) to the "
        "nearest line of each class (as <i>Join attributes by nearest</i>). "
        "A zone is within d km of a class when that distance is at most d. An affinity above 1 means employment "
        "is closer to the network than land (or people) is. Spearman's rho uses average ranks for ties; the "
        "p-value is a Fisher-z approximation.</p>"
        "<h3>Example</h3><p>ZONES = the zones of Employment per postal code on the sample data (33 zones), "
        "EMPLOYMENT_FIELD = <code>employment</code>, NETWORK = <code>sample_data/network_illustrative.gpkg</code>"
        " (layer <code>network</code>, an illustrative network, not a real one), CLASS_FIELD = "
        "<code>class</code>: 26.5% of the employment lies within 1 km of the network on 2.7% of the area (class "
        "<code>total</code>: affinity_area 9.7), SPEARMAN_RHO 0.31 with SPEARMAN_N 33. With real data: "
        "EMPLOYMENT_FIELD = <code>emp_tic</code>, NETWORK = an OpenStreetMap railway layer, CLASS_FIELD = "
        "<code>type</code>, CLASS_MAP = <code>rail=fibre; *=copper</code> (railways as a stand-in for fibre "
        "backbones, which often follow rail corridors).</p>"
    )

    METHODS = ["Planar, in the metric CRS", "Ellipsoidal"]

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            "ZONES", tr("Zones (polygons or points) with employment"),
            [compat.TYPE_VECTOR_POLYGON, compat.TYPE_VECTOR_POINT]))
        self.addParameter(QgsProcessingParameterField(
            "EMPLOYMENT_FIELD", tr("Employment field"), parentLayerParameterName="ZONES", type=compat.FIELD_NUMERIC))
        self.addParameter(QgsProcessingParameterField(
            "POPULATION_FIELD", tr("Population field"), parentLayerParameterName="ZONES",
            type=compat.FIELD_NUMERIC, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "NETWORK", tr("Network lines"), [compat.TYPE_VECTOR_LINE]))
        self.addParameter(QgsProcessingParameterField(
            "CLASS_FIELD", tr("Network type field"), parentLayerParameterName="NETWORK", optional=True))
        self.addParameter(QgsProcessingParameterString(
            "CLASS_MAP", tr("Type values onto classes"), defaultValue="",
            multiLine=True, optional=True))
        self.addParameter(QgsProcessingParameterString(
            "DISTANCES", tr("Distance thresholds (km)"), defaultValue="1, 2, 5"))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "MEMBERS", tr("Geocoded members (points)"), [compat.TYPE_VECTOR_POINT], optional=True))
        self.addParameter(QgsProcessingParameterField(
            "MEMBER_EMPLOYMENT_FIELD", tr("Member employment field"), parentLayerParameterName="MEMBERS",
            type=compat.FIELD_NUMERIC, optional=True))
        self.addParameter(QgsProcessingParameterField(
            "MEMBER_ZONE_FIELD", tr("Member zone key field"), parentLayerParameterName="MEMBERS",
            optional=True))
        self.addParameter(QgsProcessingParameterField(
            "ZONE_KEY_FIELD", tr("Key field of the zones"), parentLayerParameterName="ZONES",
            optional=True))
        crs = QgsProcessingParameterCrs("METRIC_CRS", tr("Metric CRS for lengths and distances"), optional=True)
        crs.setFlags(crs.flags() | compat.FLAG_ADVANCED)
        self.addParameter(crs)
        method = QgsProcessingParameterEnum(
            "LENGTH_METHOD", tr("Length method"), options=[tr(m) for m in self.METHODS], defaultValue=0)
        method.setFlags(method.flags() | compat.FLAG_ADVANCED)
        self.addParameter(method)
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", tr("Zones with network figures")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "MEMBER_DISTANCES", tr("Member distances to the network"), compat.TYPE_VECTOR_POINT,
            optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "SUMMARY", tr("Network affinity summary"), compat.TYPE_VECTOR))
        self.addParameter(QgsProcessingParameterFileDestination(
            "REPORT", tr("Network overlay report"), tr("HTML files (*.html)"), optional=True, createByDefault=True))
        self.addOutput(QgsProcessingOutputNumber("SPEARMAN_RHO", tr("Spearman rho, whole network")))
        self.addOutput(QgsProcessingOutputNumber("SPEARMAN_N", tr("Spearman sample size")))
        self.addOutput(QgsProcessingOutputString("LENGTH_METHOD_USED", tr("Length method used")))
        self.addOutput(QgsProcessingOutputString("STATS_JSON", tr("Summary figures (JSON)")))

    # ------------------------------------------------------------------
    def _metric_crs(self, parameters, context, zones_crs):
        crs = self.parameterAsCrs(parameters, "METRIC_CRS", context)
        if crs.isValid():
            if crs.isGeographic() or crs.mapUnits() != compat.DISTANCE_METERS:
                raise QgsProcessingException(tr("METRIC_CRS {} is not a projected CRS in metres; choose one such as "
                                                "EPSG:3812 or EPSG:31370.").format(crs.authid()))
            return crs
        if zones_crs.isValid() and not zones_crs.isGeographic() and zones_crs.mapUnits() == compat.DISTANCE_METERS:
            return zones_crs
        return QgsCoordinateReferenceSystem(DEFAULT_METRIC_CRS)

    def compute(self, parameters, context, feedback):
        zones_src = self.parameterAsSource(parameters, "ZONES", context)
        network = self.parameterAsSource(parameters, "NETWORK", context)
        if zones_src is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, "ZONES"))
        if network is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, "NETWORK"))
        emp_field = self.parameterAsString(parameters, "EMPLOYMENT_FIELD", context)
        pop_field = self.parameterAsString(parameters, "POPULATION_FIELD", context) or None
        class_field = self.parameterAsString(parameters, "CLASS_FIELD", context) or None
        try:
            class_map = ns.parse_class_map(self.parameterAsString(parameters, "CLASS_MAP", context))
            thresholds = ns.parse_distances(self.parameterAsString(parameters, "DISTANCES", context))
        except ValueError as exc:
            raise QgsProcessingException(tr_note(exc)) from None
        classes = class_map.classes() if class_field else [ns.ALL_CLASS]
        metric_crs = self._metric_crs(parameters, context, zones_src.sourceCrs())
        tctx = context.transformContext()
        ellipsoid = None
        if self.parameterAsEnum(parameters, "LENGTH_METHOD", context) == 1:
            ellipsoid = context.ellipsoid()
            if not ellipsoid or ellipsoid.upper() == "NONE":
                ellipsoid = metric_crs.ellipsoidAcronym() or "EPSG:7019"
        measurer = Measurer(metric_crs, tctx, ellipsoid)
        method_text = measurer.describe()
        feedback.pushInfo(tr("Lengths and distances: {}").format(method_text))

        is_points = compat.geometry_type(zones_src.wkbType()) == compat.GEOM_POINT
        zones = self._read_zones(zones_src, emp_field, pop_field, metric_crs, tctx, feedback,
                                 self.parameterAsString(parameters, "ZONE_KEY_FIELD", context) or None)
        zone_index = None if is_points else Zones(zones["metric"])
        members = self._members(parameters, context, zones_src, zones, zone_index, metric_crs, tctx, feedback)
        self.progress(feedback, 5)

        lines = read_network(network, class_field, class_map, metric_crs, tctx, feedback, self.check_cancel,
                             progress=(5, 30))
        self._log_network(lines, feedback)

        if not is_points:
            lengths, lstats = zone_lengths(zone_index, lines, measurer, classes, feedback,
                                           self.check_cancel, progress=(30, 85))
            feedback.pushInfo(tr("Lines wholly inside one zone: {} (of which {} found by the zone grid without a "
                                 "GEOS test); zone pieces intersected: {}; outside every zone: {}; boundary "
                                 "stretches counted once: {}; GEOS errors: {}.").format(
                lstats["whole"], lstats["grid"], lstats["intersected"], lstats["outside"], lstats["boundary_dedup"],
                lstats["geos_errors"]))
            network_km = {c: m / 1000.0 for c, m in lstats["network_m"].items()}
        else:
            lengths, network_km = None, {}
        member_points = members.points if members is not None else []
        distances = nearest_distances(zones["points"] + member_points, lines, measurer, classes, feedback,
                                      self.check_cancel, progress=(85, 93))
        member_distances = distances[len(zones["points"]):]
        distances = distances[:len(zones["points"])]
        table = self._zone_table(zones, classes, lengths, distances, bool(class_field), measurer)
        out_classes = classes + ([ns.TOTAL] if class_field else [])
        if class_field:
            network_km[ns.TOTAL] = sum(network_km.values()) if network_km else float("nan")

        spearman = {}
        if not is_points:
            for cls in out_classes:
                spearman[cls] = ns.spearman(table["emp_density"], table[f"density_{cls}"])
        summary = ns.threshold_table(table, out_classes, thresholds, has_area=not is_points,
                                     has_population=pop_field is not None, spearman_by_class=spearman,
                                     network_km=network_km)
        summary["length_method"] = method_text

        results = self._write_zones(parameters, context, zones_src, zones, table, classes, bool(class_field),
                                    is_points, feedback)
        if members is not None:
            results.update(self._write_members(parameters, context, zones, members, member_distances, classes,
                                               bool(class_field), feedback))
        results.update(self._write_summary(parameters, context, summary, feedback))
        self.progress(feedback, 98)
        whole = ns.TOTAL if class_field else ns.ALL_CLASS
        rho, n = spearman.get(whole, (float("nan"), 0))
        report = self.parameterAsFileOutput(parameters, "REPORT", context)
        if report:
            self._write_report(report, summary, table, out_classes, thresholds, zones, lines, method_text,
                               rho, n, pop_field is not None, is_points)
            results["REPORT"] = report
        results["SPEARMAN_RHO"] = rho if math.isfinite(rho) else None
        results["SPEARMAN_N"] = n
        results["LENGTH_METHOD_USED"] = method_text
        results["STATS_JSON"] = summary.to_json(orient="records")
        self.progress(feedback, 100)
        return results

    # ------------------------------------------------------------------
    def _read_zones(self, source, emp_field, pop_field, metric_crs, tctx, feedback, key_field=None):
        fields = source.fields()
        key_idx = fields.lookupField(key_field) if key_field else -1
        emp_idx = fields.lookupField(emp_field)
        if emp_idx < 0:
            raise QgsProcessingException(tr("Employment field {} not found in the zones.").format(emp_field))
        pop_idx = fields.lookupField(pop_field) if pop_field else -1
        if pop_field and pop_idx < 0:
            raise QgsProcessingException(tr("Population field {} not found in the zones.").format(pop_field))
        transform = None
        if source.sourceCrs() != metric_crs:
            transform = QgsCoordinateTransform(source.sourceCrs(), metric_crs, tctx)
        zones = {"features": [], "metric": [], "points": [], "origin": [], "employment": [], "population": [],
                 "members": None}
        counts = {"null_geometry": 0, "repaired": 0, "unusable": 0, "null_employment": 0, "null_population": 0}
        is_polygon = compat.geometry_type(source.wkbType()) == compat.GEOM_POLYGON
        faults = FaultLog("ZONES")
        # Unchecked reading: invalid zones are repaired and named here (geometry_check), whatever the
        # context's invalid-geometry setting (which would skip them silently or stop the run).
        for n, feature in enumerate(source.getFeatures(QgsFeatureRequest(), compat.SOURCE_SKIP_GEOMETRY_CHECKS),
                                    start=1):
            self.check_cancel(feedback)
            emp = employment_value(feature, emp_idx, counts, tr(
                "Zone feature {} (id {}) has a negative employment ({}) in field {}; fix the value or filter the "
                "zone out."), n, emp_field)
            pop = None
            if pop_idx >= 0:
                pop = number_or_none(feature.attribute(pop_idx))
                if pop is None:
                    counts["null_population"] += 1
                    pop = 0.0
            geom = feature.geometry()
            metric = None
            if geom is None or geom.isNull() or geom.isEmpty():
                counts["null_geometry"] += 1
                faults.note(EMPTY if geom is not None and not geom.isNull() else NULL, feature.id(),
                            _key_text(feature, key_idx))
            else:
                metric = QgsGeometry(geom)
                try:
                    if transform is not None:
                        metric.transform(transform)
                    # Checked after the transform: reprojection may itself make a ring cross.
                    metric, state = checked(metric, polygon=is_polygon)
                except QgsCsException:
                    metric, state = None, UNUSABLE
                if state == REPAIRED:
                    counts["repaired"] += 1
                if metric is None:
                    counts["unusable"] += 1
                    state = UNUSABLE
                faults.note(state, feature.id(), _key_text(feature, key_idx))
            zones["features"].append(feature)
            zones["metric"].append(metric)
            point = None
            if metric is not None:
                is_point = metric.type() == compat.GEOM_POINT and not metric.isMultipart()
                point = metric if is_point else metric.pointOnSurface()
                if point.isNull() or point.isEmpty():
                    point = None
            zones["points"].append(point)
            zones["origin"].append(None if point is None else (ORIGIN_POINT if is_point else ORIGIN_SURFACE))
            zones["employment"].append(emp)
            zones["population"].append(pop)
        feedback.pushInfo(tr("Zones read: {}; without geometry: {}; invalid geometries repaired: {}; unusable "
                             "geometries: {}; NULL employment counted as 0: {}; NULL population counted as 0: {}.")
                          .format(len(zones["features"]), counts["null_geometry"], counts["repaired"],
                                  counts["unusable"], counts["null_employment"], counts["null_population"]))
        faults.push(feedback)
        zones["counts"] = counts
        return zones

    def _members(self, parameters, context, zones_src, zones, zone_index, metric_crs, tctx, feedback):
        """Read MEMBERS, give each its zone, move the distance origin of zones with weighted members."""
        source = self.parameterAsSource(parameters, "MEMBERS", context)
        if source is None:
            if parameters.get("MEMBERS"):
                raise QgsProcessingException(self.invalidSourceError(parameters, "MEMBERS"))
            return None
        emp_field = self.parameterAsString(parameters, "MEMBER_EMPLOYMENT_FIELD", context) or None
        key_field = self.parameterAsString(parameters, "MEMBER_ZONE_FIELD", context) or None
        zone_field = self.parameterAsString(parameters, "ZONE_KEY_FIELD", context) or None
        if bool(key_field) != bool(zone_field):
            raise QgsProcessingException(tr("Give both MEMBER_ZONE_FIELD and ZONE_KEY_FIELD to join members to zones "
                                            "by key, or neither for a spatial join."))
        members = read_members(source, emp_field, key_field, metric_crs, tctx, feedback, self.check_cancel)
        zone_of = []
        if zone_field:
            idx = zones_src.fields().lookupField(zone_field)
            if idx < 0:
                raise QgsProcessingException(tr("Zone key field {} not found in the zones.").format(zone_field))
            lookup, duplicates = {}, 0
            for z, feature in enumerate(zones["features"]):
                key = zone_key(feature.attribute(idx))
                if key is None:
                    continue
                if key in lookup:
                    duplicates += 1
                    continue
                lookup[key] = z
            if duplicates:
                feedback.pushWarning(tr("{} zones repeat a key of field {}; members join the first zone with "
                                        "the key.").format(duplicates, zone_field))
            zone_of = [lookup.get(k, -1) if k is not None else -1 for k in members.keys]
            how = tr("by key ({} = {})").format(key_field, zone_field)
        elif zone_index is not None:
            zone_of = [zone_index.locate(p) if p is not None else -1 for p in members.points]
            how = tr("spatially (first zone holding the point)")
        else:
            zone_of = [-1] * len(members.points)
            how = tr("not joined: point zones need MEMBER_ZONE_FIELD and ZONE_KEY_FIELD")
        members.zone_of = zone_of
        xs = [p.asPoint().x() if p is not None else float("nan") for p in members.points]
        ys = [p.asPoint().y() if p is not None else float("nan") for p in members.points]
        centres = ns.weighted_centres(zone_of, xs, ys, members.weights, len(zones["features"]))
        moved = 0
        for z, (cx, cy) in enumerate(zip(centres["cx"], centres["cy"])):
            if math.isfinite(cx) and zones["points"][z] is not None:
                zones["points"][z] = QgsGeometry.fromPointXY(QgsPointXY(cx, cy))
                zones["origin"][z] = ORIGIN_MEMBERS
                moved += 1
        zones["members"] = centres["members"].tolist()
        c = members.counts
        joined = sum(1 for z in zone_of if z >= 0)
        feedback.pushInfo(tr("Members read: {}; joined to a zone {}: {}; in no zone: {}; without geometry: {}; "
                             "multi-point (centroid used): {}; transform failures: {}; NULL employment counted as "
                             "0: {}; NULL zone key: {}.").format(
            c["read"], how, joined, c["read"] - joined, c["no_geometry"], c["multipoint"], c["transform_failed"],
            c["null_employment"], c["null_key"]))
        feedback.pushInfo(tr("Zones measured from the employment-weighted centre of their members: {}; from their "
                             "own point: {}.").format(moved, len(zones["features"]) - moved))
        return members

    def _write_members(self, parameters, context, zones, members, distances, classes, with_total, feedback):
        if parameters.get("MEMBER_DISTANCES") is None:
            return {}
        source = self.parameterAsSource(parameters, "MEMBERS", context)
        new = [(f"dist_km_{c}", "double") for c in classes] + [("dist_km_total", "double"),
                                                                ("zone_fid", "int64")]
        fields, keep = _extended_fields(source.fields(), new, feedback)
        sink, dest_id = output_sink(self, parameters, "MEMBER_DISTANCES", context, fields, source.wkbType(),
                                       source.sourceCrs())
        if sink is None:
            return {}
        fids = [f.id() for f in zones["features"]]
        batch = []
        for n, (feature, dist, z) in enumerate(zip(members.features, distances, members.zone_of)):
            if n % 1000 == 0:
                self.check_cancel(feedback)
            km = [None if dist[c] is None else dist[c] / 1000.0 for c in classes]
            found = [v for v in km if v is not None]
            out = QgsFeature(fields)
            attrs = feature.attributes()
            out.setAttributes([attrs[i] for i in keep] + km + [min(found) if found else None,
                                                               fids[z] if z >= 0 else None])
            if feature.hasGeometry():
                out.setGeometry(feature.geometry())
            batch.append(out)
        _add_features(sink, batch)
        return {"MEMBER_DISTANCES": dest_id}

    @staticmethod
    def _log_network(lines, feedback):
        c = lines.counts
        feedback.pushInfo(tr("Network features read: {}; used: {}; empty geometries: {}; "
                             "multi-part: {}; transform failures: {}; NULL type: {}; unmapped type values: {}.")
                          .format(c["read"], len(lines.geoms), c["empty"], c["multipart"],
                                  c["transform_failed"], c["null_class"], c["unmapped_class"]))
        if lines.unmapped_values:
            top = sorted(lines.unmapped_values.items(), key=lambda kv: -kv[1])[:15]
            feedback.pushInfo(tr("Unmapped type values (count): {}").format(
                ", ".join("{} ({})".format(k, v) for k, v in top)))

    @staticmethod
    def _zone_table(zones, classes, lengths, distances, with_total, measurer):
        import pandas as pd

        table = pd.DataFrame({"employment": zones["employment"], "population": zones["population"]})
        if lengths is not None:
            areas = [measurer.area(g) / 1e6 if g is not None else float("nan") for g in zones["metric"]]
            table["area_km2"] = areas
            valid_area = table["area_km2"].where(table["area_km2"] > 0)
            for cls in classes:
                table[f"len_km_{cls}"] = [row[cls] / 1000.0 for row in lengths]
            table["len_km_total"] = table[[f"len_km_{c}" for c in classes]].sum(axis=1)
            for cls in classes + ([ns.TOTAL] if with_total else []):
                name = ns.TOTAL if cls == ns.TOTAL else cls
                table[f"density_{name}"] = table[f"len_km_{name}"] / valid_area
            if not with_total:
                table["density_total"] = table[f"density_{ns.ALL_CLASS}"]
            table["emp_density"] = table["employment"] / valid_area
            for name in table.columns:
                if name.startswith(("len_km_", "area_km2")):
                    table.loc[[g is None for g in zones["metric"]], name] = float("nan")
        for cls in classes:
            table[f"dist_km_{cls}"] = [None if row[cls] is None else row[cls] / 1000.0 for row in distances]
        dist_cols = [f"dist_km_{c}" for c in classes]
        table["dist_km_total"] = table[dist_cols].astype(float).min(axis=1, skipna=True)
        table["dist_from"] = zones["origin"]
        if zones["members"] is not None:
            table["n_members"] = zones["members"]
        return table

    def _write_zones(self, parameters, context, source, zones, table, classes, with_total, is_points, feedback):
        new = []
        if not is_points:
            new.append(("area_km2", "double"))
            new += [(f"len_km_{c}", "double") for c in classes] + [("len_km_total", "double")]
            new += [(f"density_{c}", "double") for c in classes] + [("density_total", "double")]
        new += [(f"dist_km_{c}", "double") for c in classes] + [("dist_km_total", "double"), ("dist_from", "string")]
        if zones["members"] is not None:
            new.append(("n_members", "int"))
        if not is_points:
            new.append(("emp_density", "double"))
        fields, keep = _extended_fields(source.fields(), new, feedback)
        sink, dest_id = output_sink(self, parameters, "OUTPUT", context, fields, source.wkbType(),
                                       source.sourceCrs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))
        cols = [table[n].tolist() if n in table.columns else [None] * len(table) for n, _ in new]
        batch = []
        for row, feature in enumerate(zones["features"]):
            if row % 1000 == 0:
                self.check_cancel(feedback)
            out = QgsFeature(fields)
            attrs = feature.attributes()
            values = [attrs[i] for i in keep] + [_cell(col[row]) for col in cols]
            out.setAttributes(values)
            if feature.hasGeometry():
                out.setGeometry(feature.geometry())
            batch.append(out)
        _add_features(sink, batch)
        self.progress(feedback, 96)
        del sink  # flush the file before styling it
        style_output(context, dest_id, "circles" if is_points else "zones", feedback)
        return {"OUTPUT": dest_id}

    def _write_summary(self, parameters, context, summary, feedback):
        schema = [("class", "string"), ("threshold_km", "double"), ("zones_within", "int"),
                  ("employment_within", "double"), ("employment_share", "double"), ("area_share", "double"),
                  ("population_share", "double"), ("affinity_area", "double"), ("affinity_population", "double"),
                  ("spearman_rho", "double"), ("spearman_n", "int"), ("network_km", "double"),
                  ("length_method", "string")]
        sink, dest_id = create_sink(self, parameters, "SUMMARY", context, schema)
        write_dataframe(summary, sink, schema, feedback=None)
        for row in summary.to_dict("records"):
            feedback.pushInfo(tr("{cls}: within {d} km: {e:.1%} of employment, {a:.1%} of area, affinity {r:.2f}")
                              .format(cls=row["class"], d=row["threshold_km"], e=_nz(row["employment_share"]),
                                      a=_nz(row["area_share"]), r=_nz(row["affinity_area"])))
        return {"SUMMARY": dest_id}

    def _write_report(self, path, summary, table, classes, thresholds, zones, lines, method_text, rho, n,
                      has_pop, is_points):
        series = []
        max_km = max(thresholds) * 2
        for cls in classes:
            xs, ys = ns.share_curve(table[f"dist_km_{cls}"], table["employment"], max_km=max_km)
            series.append({"label": tr("employment, {}").format(cls), "xs": xs, "ys": ys})
        ref = ns.TOTAL if ns.TOTAL in classes else classes[0]
        if not is_points:
            xs, ys = ns.share_curve(table[f"dist_km_{ref}"], table["area_km2"], max_km=max_km)
            series.append({"label": tr("area, {}").format(ref), "xs": xs, "ys": ys, "dashed": True,
                           "colour": "#888888"})
        if has_pop:
            xs, ys = ns.share_curve(table[f"dist_km_{ref}"], table["population"], max_km=max_km)
            series.append({"label": tr("population, {}").format(ref), "xs": xs, "ys": ys, "dashed": True,
                           "colour": "#444444"})
        chart = ns.svg_chart(series, x_label=tr("Distance to the nearest line (km)"),
                             y_label=tr("Share within distance"),
                             title=tr("Share of employment within a distance of the network"))
        facts = [
            (tr("Zones"), len(table)),
            (tr("Total employment"), "{:,.1f}".format(float(table["employment"].sum()))),
            (tr("Network lines used"), len(lines.geoms)),
            (tr("Length method"), method_text),
            (tr("Spearman rho (employment density vs network density)"),
             "{:.3f} (n = {})".format(rho, n) if math.isfinite(rho) else "n/a (n = {})".format(n)),
        ]
        headings = {
            "title": tr("Network overlay / Superposition au réseau"),
            "summary": tr("Summary"),
            "affinity": tr("Network affinity"),
            "affinity_note": tr("Share of employment whose zone lies within the distance of the class, versus the "
                                "share of area and of population; affinity = employment share / area (population) "
                                "share. Above 1: employment is closer to the network than land (people)."),
            "correlation": tr("Rank correlation"),
            "correlation_note": tr("Spearman's rho between employment density and network density per zone "
                                   "(average ranks for ties), with its sample size n."),
            "chart": tr("Employment share versus distance"),
            "col_class": tr("Class"), "col_threshold": tr("Distance (km)"), "col_zones": tr("Zones within"),
            "col_emp": tr("Employment share"), "col_area": tr("Area share"), "col_pop": tr("Population share"),
            "col_aff_area": tr("Affinity (area)"), "col_aff_pop": tr("Affinity (population)"),
            "col_km": tr("Network length (km)"),
        }
        text = ns.html_report(summary, facts, chart, headings)
        try:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text)
        except OSError as error:
            raise QgsProcessingException(tr("Could not write the report {}: {}.").format(
                path, write_failure_cause(path, error) or error.strerror or error)) from None


def _extended_fields(source_fields, new, feedback):
    """Input fields (less those a computed field replaces, with a warning) + the new ``(name, kind)`` fields."""
    new_names = {n for n, _ in new}
    fields = QgsFields()
    keep = []
    for i, field in enumerate(source_fields):
        if field.name() in new_names:
            feedback.pushWarning(tr("Input field {} is replaced by the computed field of the same name.")
                                 .format(field.name()))
            continue
        fields.append(field)
        keep.append(i)
    for name, kind in new:
        fields.append(compat.make_field(name, kind))
    return fields, keep


def _key_text(feature, idx):
    """The zone's key (ZONE_KEY_FIELD) for the log, or None."""
    return zone_key(feature.attribute(idx)) if idx >= 0 else None


def _add_features(sink, batch):
    if not sink.addFeatures(batch, compat.FAST_INSERT):
        raise QgsProcessingException(tr("Could not write features to the output: {}").format(
            sink.lastError() if hasattr(sink, "lastError") else ""))


def _nz(value):
    return value if value is not None and math.isfinite(value) else float("nan")


def _cell(value):
    if value is None or isinstance(value, (str, int)):
        return value
    try:
        if math.isnan(value):
            return None
    except TypeError:
        return value
    return float(value)

