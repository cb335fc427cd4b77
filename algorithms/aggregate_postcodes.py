"""clusteratlas:aggregatepostcodes: employment per postal code, per cluster and kind.

Thin: reads the layers into DataFrames, calls ``core.aggregate`` (pandas),
writes the zones, circles and unmatched outputs. Geometry work is limited to
the reference layer (one geometry per code, a point inside each zone).
"""
import json

import pandas as pd
from qgis.core import (
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from .. import compat
from ..core import aggregate as agg
from ..core.population import apportion_population
from ..core.postcodes import normalise_postcodes
from ..core.text import to_text
from .base import ClusterAtlasAlgorithm, tr, tr_note
from .geometry_check import FaultLog, checked
from .output_styles import style_output
from .params import add_outputs, decimals, field_value, file_behind_input, optional_field, set_flags, split_names, text_value
from .table_io import create_sink, source_to_dataframe, write_dataframe

LAYOUTS = ["wide", "long"]
# UNMATCHED reason (data, in English like core/aggregate.py's) of a code whose reference geometry is unusable.
REASON_NO_GEOMETRY = "postcode without usable geometry in the reference layer (NULL, EMPTY or beyond repair)"
# File formats read directly with GDAL's Arrow stream when MEMBERS is a plain file.
FAST_READ_EXTENSIONS = (".gpkg", ".sqlite")


def _arrow_column(array):
    """One column of GDAL's Arrow stream (masked numpy array) -> pandas-ready values."""
    import numpy as np

    mask = np.ma.getmaskarray(array)
    data = np.ma.getdata(array)
    if data.dtype.kind in "SO":
        # Decode each distinct value once: member tables repeat clusters, kinds, codes.
        codes, uniques = pd.factorize(data.astype(object))
        decoded = np.array(
            [u.decode("utf-8", "replace") if isinstance(u, bytes) else u for u in uniques] + [None], dtype=object
        )
        codes = np.where(mask, -1, codes)
        return decoded[codes]
    if data.dtype.kind == "f":
        return np.where(mask, np.nan, data)
    if data.dtype.kind in "iu":
        return np.where(mask, np.nan, data) if mask.any() else data
    if data.dtype.kind == "b" and mask.any():
        values = data.astype(object)
        values[mask] = None
        return values
    return data


def read_with_gdal(path, layer_name, columns):
    """``columns`` of a GeoPackage/SQLite table as a DataFrame (index 1..n, like
    ``source_to_dataframe``) through GDAL's Arrow stream, or None when GDAL < 3.6
    or the layer cannot be opened. At a million rows this takes about a tenth of
    QGIS' feature-by-feature iteration; the result is the same (tested).

    Boolean fields are cast to integers in SQL: GDAL 3.6's numpy conversion of
    Arrow booleans returns wrong values (measured on this project's tables).
    """
    try:
        from osgeo import gdal, ogr
    except ImportError:  # pragma: no cover - QGIS always ships the bindings
        return None
    if int(gdal.VersionInfo()) < 3060000:
        return None
    dataset = ogr.Open(str(path), 0)
    if dataset is None:
        return None
    layer = dataset.GetLayerByName(layer_name) if layer_name else dataset.GetLayer(0)
    if layer is None:
        return None
    definition = layer.GetLayerDefn()
    fields = {}
    for i in range(definition.GetFieldCount()):
        field = definition.GetFieldDefn(i)
        fields[field.GetName()] = field.GetSubType() == ogr.OFSTBoolean
    wanted = [c for c in columns if c in fields]
    if not wanted:
        return None

    def quoted(name):
        return '"' + name.replace('"', '""') + '"'

    select = ", ".join(
        "CAST({0} AS INTEGER) AS {0}".format(quoted(c)) if fields[c] else quoted(c) for c in wanted
    )
    result = dataset.ExecuteSQL("SELECT {} FROM {}".format(select, quoted(layer.GetName())), dialect="SQLITE")
    if result is None or not hasattr(result, "GetArrowStreamAsNumPy"):
        return None
    import numpy as np

    try:
        chunks = {c: [] for c in wanted}
        for batch in result.GetArrowStreamAsNumPy(options=["USE_MASKED_ARRAYS=YES"]):
            for c in wanted:
                chunks[c].append(batch[c])
    finally:
        dataset.ReleaseResultSet(result)
    frame = {}
    for c in wanted:
        values = _arrow_column(np.ma.concatenate(chunks[c])) if chunks[c] else np.array([], dtype=object)
        if fields[c]:
            values = pd.array(values, dtype="Int64").astype(object)
            values = np.array([None if v is pd.NA else bool(v) for v in values], dtype=object) \
                if pd.isna(values).any() else values.astype(bool)
        frame[c] = values
    frame = pd.DataFrame(frame, columns=wanted)
    frame.index = pd.RangeIndex(1, len(frame) + 1)
    return frame


class AggregatePostcodesAlgorithm(ClusterAtlasAlgorithm):
    ALG_ID = "aggregatepostcodes"
    GROUP_ID = "aggregate"
    DISPLAY_NAME = "Employment per postal code"
    TAGS = "employment,headcount,postcode,postal code,cluster,aggregate,location quotient,population,circles"
    HELP = """<p>Turns the member table of <i>Import cluster members</i> into the atlas' statistical layer: employment per postal code, per cluster and per entity kind, on the geometry of a postal-code reference layer (polygons or points).</p>
<h3>Method</h3>
<ul>
<li>Member postcodes and the reference layer's codes are normalised with the same rules as the import (<code>1348</code>, <code>B-1348</code> and <code>1348.0</code> are <code>BE-1348</code>); the join key is <code>pc_key</code>.</li>
<li>An entity that belongs to several clusters counts in each of its clusters' fields but <b>once</b> in the totals <code>employment</code> and <code>entities</code>. Unknown employment adds 0 but the entity is counted (<code>n_unknown</code>); estimated employment (from a size class) is counted in <code>n_estimated</code>.</li>
<li>Member postcodes absent from the reference layer (or without a valid code) are never dropped: they go to UNMATCHED with their employment, and the log gives the amount. Employment in OUTPUT plus UNMATCHED equals the member table's employment (each entity once).</li>
<li>Reference geometries are checked: an EMPTY geometry counts as none (like NULL); an invalid polygon (self-intersection, overlapping parts) is repaired with makeValid and its polygonal part is used (zone, circle on its point on surface, area); when nothing polygonal is left the feature has no geometry. A postal code left without geometry is no zone: its members go to UNMATCHED with the reason <i>postcode without usable geometry in the reference layer</i>. The log names each such feature (feature id and code), whatever Processing's invalid-geometry setting.</li>
<li>Head-office effect: with a sites table, each listed entity's employment is shared among its sites in proportion to their weight (equal shares without weights), conserving its total. In every case <code>dominant_share</code> is the share of the zone's employment held by its largest entity and <code>dominant_flag</code> marks zones above the threshold.</li>
<li>Population: a population field of the reference layer, or a population layer/table. With a postcode &rarr; municipality table, a municipality's population is shared among the codes the table lists in it, in proportion to each code's zone area (polygons) or equally (points); a code listed in k municipalities brings 1/k of its area to each. Without a table, the population table's ids are postal codes. <code>emp_per_1000</code> = employment per 1,000 inhabitants; <code>lq_&lt;c&gt;</code> = (zone's share of the cluster's employment) / (zone's share of the population), over the zones with population: below 1 the cluster is under-represented compared with population.</li>
</ul>
<h3>Field names</h3>
<p>Per-cluster fields are named from a slug of the cluster name: ASCII, lower case, at most 20 characters, unique and stable (the same name always gives the same slug; long or colliding names end with a short hash). The slug &rarr; cluster map is written to the log and returned as FIELD_MAP (JSON). Example: <code>Éco-construction</code> gives <code>emp_eco_construction</code>, <code>n_eco_construction</code>, <code>share_eco_construction</code>.</p>
<h3>Parameters</h3>
<ul>
<li><b>Member table</b> (MEMBERS): OUTPUT of the import (fields <code>entity_id, name, cluster, cluster_key, kind, pc_key, employment, employment_estimated, employment_unknown, year</code>); a table with at least <code>cluster</code>, <code>postcode</code> and <code>employment</code> also works.</li>
<li><b>Postal-code reference layer</b> (POSTCODES), its <b>postcode field</b> (POSTCODE_FIELD), optional <b>country field</b> (COUNTRY_FIELD) and the <b>default country</b> (DEFAULT_COUNTRY, default BE).</li>
<li><b>Layout</b> (LAYOUT): <code>wide</code> (one row per postal code, one column per cluster/kind, for maps) or <code>long</code> (one row per postal code &times; cluster &times; kind with <code>employment</code>, <code>entities</code>, for charts and models).</li>
<li><b>Clusters</b> (CLUSTERS), <b>kinds</b> (KINDS): optional filters, names separated by ';' (or ',' when there is no ';'; case and accents ignored); <b>year</b> (YEAR): optional, keeps rows of that year only. Required when the member table holds several years (an import of a list with a year column keeps one membership per entity, cluster and year): the run stops and names the years, since an entity counts once per zone and years must never be added up or mixed.</li>
<li><b>Population field of the reference layer</b> (POSTCODE_POPULATION_FIELD), or <b>population layer</b> (POPULATION) with its <b>id field</b> (POPULATION_ID_FIELD) and <b>population field</b> (POPULATION_FIELD); <b>postcode &rarr; municipality table</b> (LOOKUP, LOOKUP_POSTCODE_FIELD, LOOKUP_MUNICIPALITY_FIELD) when the population is per municipality.</li>
<li><b>Sites table</b> (SITES): entity (SITES_ENTITY_FIELD: entity_id or name), site postcode (SITES_POSTCODE_FIELD, optional SITES_COUNTRY_FIELD) and optional weight or headcount (SITES_WEIGHT_FIELD).</li>
<li><b>Dominant entity threshold</b> (DOMINANT_SHARE, 0-1, default 0.5).</li>
</ul>
<h3>Outputs</h3>
<ul>
<li><b>Zones</b> (OUTPUT): polygons when the reference has polygons (styled as plain outlines), else points (styled as proportional circles, like CIRCLES). Wide: every reference code with <code>pc_key, country, postcode, employment, entities, emp_&lt;c&gt;, n_&lt;c&gt;, share_&lt;c&gt;</code> (percent of the cluster's total employment), <code>emp_k_&lt;kind&gt;, n_k_&lt;kind&gt;, n_estimated, n_unknown, dominant_share, dominant_flag, dominant_entity</code> and, with population, <code>population, emp_per_1000, lq_&lt;c&gt;</code>. Long: the rows with members.</li>
<li><b>Circles</b> (CIRCLES): the same attributes on a point inside each zone (the reference point for point layers), only for codes with members; styled as proportional circles.</li>
<li><b>Unmatched</b> (UNMATCHED): one row per unmatched postal code &times; entity with its employment (once), clusters, source rows and reason.</li>
<li>Numbers EMPLOYMENT_TOTAL, EMPLOYMENT_MATCHED, EMPLOYMENT_UNMATCHED, ZONES (codes with members), ENTITIES, and FIELD_MAP (JSON text).</li>
<li>Population accounting (empty without population): POPULATION_TOTAL (the population input's total), POPULATION_ALLOCATED (placed on the zones) and POPULATION_UNALLOCATED (the rest: invalid codes, codes absent from the reference, municipalities without a code of the reference); TOTAL = ALLOCATED + UNALLOCATED.</li>
<li>Sites accounting: SITES_USED and SITES_REJECTED (site rows), SITES_REJECTED_BY_RULE (JSON: <code>invalid_postcode</code>, <code>negative_weight</code>, <code>unknown_entity</code>, <code>zero_weight</code>).</li>
</ul>
<h3>Example</h3>
<p>MEMBERS = the import of <code>sample_data/members.csv</code> (EMPLOYMENT_CEILING = 3000), POSTCODES = the Postal zones from postcode points of <code>sample_data/postcode_points.gpkg</code>, POSTCODE_FIELD = <code>postcode</code>: EMPLOYMENT_TOTAL 10,163 (each of the 85 entities once, also the 5 in both TIC and TWIST) = EMPLOYMENT_MATCHED 10,078 in 29 zones + EMPLOYMENT_UNMATCHED 85 (<i>Trans Lux Logistics</i>, LU-4365, not in the Belgian reference); the largest circle is BE-1348 with 1,796. On the full data: POSTCODES = <code>be_postcode_zones_voronoi.gpkg</code> (field <code>postcode</code>), POPULATION = <code>be_municipalities_2020_population.gpkg</code> (<code>nis</code>, <code>population</code>) with LOOKUP = <code>be_localities_postcode_nis_2013.csv</code> (<code>zipCode</code>, <code>nisCode</code>): a zone layer with employment per cluster, per 1,000 inhabitants and location quotients, and circles ready for the atlas map.</p>"""

    MEMBERS = "MEMBERS"
    POSTCODES = "POSTCODES"
    POSTCODE_FIELD = "POSTCODE_FIELD"
    COUNTRY_FIELD = "COUNTRY_FIELD"
    DEFAULT_COUNTRY = "DEFAULT_COUNTRY"
    LAYOUT = "LAYOUT"
    CLUSTERS = "CLUSTERS"
    KINDS = "KINDS"
    YEAR = "YEAR"
    POSTCODE_POPULATION_FIELD = "POSTCODE_POPULATION_FIELD"
    POPULATION = "POPULATION"
    POPULATION_ID_FIELD = "POPULATION_ID_FIELD"
    POPULATION_FIELD = "POPULATION_FIELD"
    LOOKUP = "LOOKUP"
    LOOKUP_POSTCODE_FIELD = "LOOKUP_POSTCODE_FIELD"
    LOOKUP_MUNICIPALITY_FIELD = "LOOKUP_MUNICIPALITY_FIELD"
    SITES = "SITES"
    SITES_ENTITY_FIELD = "SITES_ENTITY_FIELD"
    SITES_POSTCODE_FIELD = "SITES_POSTCODE_FIELD"
    SITES_COUNTRY_FIELD = "SITES_COUNTRY_FIELD"
    SITES_WEIGHT_FIELD = "SITES_WEIGHT_FIELD"
    DOMINANT_SHARE = "DOMINANT_SHARE"
    OUTPUT = "OUTPUT"
    CIRCLES = "CIRCLES"
    UNMATCHED = "UNMATCHED"

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(self.MEMBERS, tr("Member table"), [compat.TYPE_VECTOR]))
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.POSTCODES, tr("Postal-code reference layer"), [compat.TYPE_VECTOR_ANY_GEOMETRY]
            )
        )
        self.addParameter(QgsProcessingParameterField(self.POSTCODE_FIELD, tr("Postcode field"), None, self.POSTCODES))
        self.addParameter(optional_field(self.COUNTRY_FIELD, tr("Country field"), self.POSTCODES))
        self.addParameter(QgsProcessingParameterString(self.DEFAULT_COUNTRY, tr("Default country (ISO code)"), "BE"))
        self.addParameter(QgsProcessingParameterEnum(self.LAYOUT, tr("Layout"), LAYOUTS, False, 0))
        self.addParameter(
            set_flags(QgsProcessingParameterString(self.CLUSTERS, tr("Only these clusters"), None,
                                                   False, True), optional=True)
        )
        self.addParameter(
            set_flags(QgsProcessingParameterString(self.KINDS, tr("Only these kinds"), None,
                                                   False, True), optional=True)
        )
        self.addParameter(
            set_flags(QgsProcessingParameterNumber(self.YEAR, tr("Only this year"), compat.NUMBER_INTEGER, None, True),
                      optional=True)
        )
        self.addParameter(
            optional_field(self.POSTCODE_POPULATION_FIELD, tr("Population field of the reference layer"),
                           self.POSTCODES, compat.FIELD_NUMERIC, advanced=True)
        )
        population = QgsProcessingParameterFeatureSource(self.POPULATION, tr("Population layer or table"),
                                                         [compat.TYPE_VECTOR])
        self.addParameter(set_flags(population, optional=True, advanced=True))
        self.addParameter(optional_field(self.POPULATION_ID_FIELD, tr("Id field of the population layer"),
                                         self.POPULATION, advanced=True))
        self.addParameter(optional_field(self.POPULATION_FIELD, tr("Population field"), self.POPULATION,
                                         compat.FIELD_NUMERIC, advanced=True))
        lookup = QgsProcessingParameterFeatureSource(self.LOOKUP, tr("Postcode to municipality table"),
                                                     [compat.TYPE_VECTOR])
        self.addParameter(set_flags(lookup, optional=True, advanced=True))
        self.addParameter(optional_field(self.LOOKUP_POSTCODE_FIELD, tr("Postcode field of the table"), self.LOOKUP,
                                         advanced=True))
        self.addParameter(optional_field(self.LOOKUP_MUNICIPALITY_FIELD, tr("Municipality field of the table"),
                                         self.LOOKUP, advanced=True))
        sites = QgsProcessingParameterFeatureSource(self.SITES, tr("Sites table (head-office effect)"),
                                                    [compat.TYPE_VECTOR])
        self.addParameter(set_flags(sites, optional=True, advanced=True))
        self.addParameter(optional_field(self.SITES_ENTITY_FIELD, tr("Entity field of the sites table"), self.SITES,
                                         advanced=True))
        self.addParameter(optional_field(self.SITES_POSTCODE_FIELD, tr("Postcode field of the sites table"),
                                         self.SITES, advanced=True))
        self.addParameter(optional_field(self.SITES_COUNTRY_FIELD, tr("Country field of the sites table"),
                                         self.SITES, advanced=True))
        self.addParameter(optional_field(self.SITES_WEIGHT_FIELD, tr("Weight field of the sites table"),
                                         self.SITES, compat.FIELD_NUMERIC, advanced=True))
        self.addParameter(
            decimals(set_flags(QgsProcessingParameterNumber(self.DOMINANT_SHARE, tr("Dominant entity threshold (share 0-1)"),
                                                            compat.NUMBER_DOUBLE, 0.5, False, 0.0, 1.0), advanced=True), 2)
        )
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Zones"), compat.TYPE_VECTOR_ANY_GEOMETRY))
        self.addParameter(QgsProcessingParameterFeatureSink(self.CIRCLES, tr("Circles"), compat.TYPE_VECTOR_POINT))
        self.addParameter(QgsProcessingParameterFeatureSink(self.UNMATCHED, tr("Unmatched postcodes"),
                                                            compat.TYPE_VECTOR))
        add_outputs(
            self,
            numbers=[
                ("EMPLOYMENT_TOTAL", tr("Employment in the member table (each entity once)")),
                ("EMPLOYMENT_MATCHED", tr("Employment in the zones")),
                ("EMPLOYMENT_UNMATCHED", tr("Employment of unmatched postcodes")),
                ("ZONES", tr("Postal codes with members")),
                ("ENTITIES", tr("Entities")),
                ("POPULATION_TOTAL", tr("Population in the population input")),
                ("POPULATION_ALLOCATED", tr("Population placed on the zones")),
                ("POPULATION_UNALLOCATED", tr("Population not placed on any zone")),
                ("SITES_USED", tr("Site rows used")),
                ("SITES_REJECTED", tr("Site rows not used")),
            ],
            strings=[("FIELD_MAP", tr("Field-name map (JSON)")),
                     ("SITES_REJECTED_BY_RULE", tr("Site rows not used, by rule (JSON)"))],
        )

    # --- inputs ----------------------------------------------------------------
    def _source(self, parameters, name, context, required=True):
        source = self.parameterAsSource(parameters, name, context)
        if source is None and required:
            raise QgsProcessingException(self.invalidSourceError(parameters, name))
        return source

    def _fields(self, parameters, context, *names):
        return [field_value(self, parameters, name, context) for name in names]

    def _read_members(self, parameters, context, feedback, default_country):
        source = self._source(parameters, self.MEMBERS, context)
        present = [name for name in agg.MEMBER_COLUMNS if source.fields().lookupField(name) >= 0]
        frame = None
        behind = file_behind_input(self, parameters, self.MEMBERS, context, FAST_READ_EXTENSIONS)
        if behind is not None:
            frame = read_with_gdal(behind[0], behind[1], present)
            if frame is not None and len(frame) != source.featureCount():
                frame = None  # not the layer QGIS sees: take QGIS' reading
        if frame is None:
            frame = source_to_dataframe(source, feedback, present, progress=(0, 45))
        self.progress(feedback, 45)
        try:
            members, notes = agg.prepare_members(frame, default_country)
        except agg.MemberTableError as error:
            raise QgsProcessingException(tr("MEMBERS: {}.").format(tr_note(error)))
        for note in notes:
            feedback.pushWarning(tr("Member table: {}").format(tr_note(note)))
        return members

    def _read_reference(self, source, code_field, country_field, population_field, default_country, feedback):
        """``(keys, geometries, population or None, is_polygon, without_geometry)``: one geometry per code.

        Codes whose features all lack a usable geometry (NULL, EMPTY, an invalid polygon
        with nothing polygonal left once repaired) are left out of ``keys``: their
        members go to UNMATCHED with REASON_NO_GEOMETRY (a code kept without geometry
        would count as matched yet be on no map). ``without_geometry``: those codes.
        """
        names = [n for n in (code_field, country_field, population_field) if n]
        request = QgsFeatureRequest().setSubsetOfAttributes(names, source.fields())
        is_polygon = compat.geometry_type(source.wkbType()) == compat.GEOM_POLYGON
        raws, countries, geoms, pops, fids, states = [], [], [], [], [], []
        # Unchecked reading: invalid polygons are repaired and named here (geometry_check), whatever
        # the context's invalid-geometry setting (which would skip them silently or stop the run).
        for feature in source.getFeatures(request, compat.SOURCE_SKIP_GEOMETRY_CHECKS):
            self.check_cancel(feedback)
            raws.append(feature[code_field])
            countries.append(to_text(feature[country_field]) if country_field else None)
            pops.append(feature[population_field] if population_field else None)
            geometry, state = checked(feature.geometry(), polygon=is_polygon)
            geoms.append(geometry)
            fids.append(feature.id())
            states.append(state)
        norm = normalise_postcodes(pd.Series(raws, dtype=object), pd.Series(countries, dtype=object), default_country)
        invalid = norm["error"].notna()
        if invalid.any():
            feedback.pushWarning(
                tr("{} feature(s) of the reference layer have an invalid postcode and are not used, e.g. {}").format(
                    int(invalid.sum()), "; ".join(tr_note(e) for e in norm.loc[invalid, "error"].head(3))
                )
            )
        faults = FaultLog("POSTCODES")
        by_key, order = {}, []
        for key, raw, geometry, fid, state in zip(norm["pc_key"], raws, geoms, fids, states):
            faults.note(state, fid, key or to_text(raw))
            if key is None:
                continue
            if key not in by_key:
                by_key[key] = []
                order.append(key)
            if geometry is not None:
                by_key[key].append(geometry)
        faults.push(feedback)
        duplicated = [k for k in order if len(by_key[k]) > 1]
        if duplicated:
            feedback.pushWarning(
                tr("{} postcode(s) appear several times in the reference layer (e.g. {}): {}").format(
                    len(duplicated), ", ".join(duplicated[:5]),
                    tr("their polygons are merged") if is_polygon else tr("the first point is used"),
                )
            )
        geometries = []
        for key in order:
            parts = by_key[key]
            if not parts:
                geometries.append(None)
            elif is_polygon:
                geometry = QgsGeometry.unaryUnion(parts) if len(parts) > 1 else parts[0]
                geometry.convertToMultiType()
                geometries.append(geometry)
            else:
                geometries.append(parts[0])
        without_geometry = [k for k, g in zip(order, geometries) if g is None]
        if without_geometry:
            feedback.pushWarning(
                tr("{} postcode(s) of the reference layer have no usable geometry (NULL, EMPTY or beyond repair), "
                   "e.g. {}: they are left out of the zones and their members go to UNMATCHED.").format(
                    len(without_geometry), ", ".join(without_geometry[:10]))
            )
        keys = [k for k, g in zip(order, geometries) if g is not None]
        geometries = [g for g in geometries if g is not None]
        population = None
        if population_field:
            values = pd.to_numeric(pd.Series(pops, dtype=object), errors="coerce")
            population = values[norm["pc_key"].notna().to_numpy()].groupby(norm["pc_key"].dropna().to_numpy()).sum()
            population = (population, float(values.sum()))
        return keys, geometries, population, is_polygon, without_geometry

    def _population(self, parameters, context, feedback, keys, geometries, is_polygon, default_country):
        source = self._source(parameters, self.POPULATION, context, required=False)
        if source is None:
            return None
        id_field, value_field = self._fields(parameters, context, self.POPULATION_ID_FIELD, self.POPULATION_FIELD)
        if not (id_field and value_field):
            raise QgsProcessingException(
                tr("With a population layer, choose POPULATION_ID_FIELD and POPULATION_FIELD.")
            )
        table = source_to_dataframe(source, feedback, [id_field, value_field], progress=(45, 47))
        values = pd.to_numeric(table[value_field], errors="coerce")
        lookup_source = self._source(parameters, self.LOOKUP, context, required=False)
        if lookup_source is None:  # population per postal code
            norm = normalise_postcodes(table[id_field], None, default_country)
            population = values.groupby(norm["pc_key"]).sum()
            lost = values[norm["pc_key"].isna()].sum()
            if lost:
                feedback.pushWarning(tr("Population of {:g} inhabitants has an invalid postcode id.").format(lost))
            return population, float(values.sum())
        code_field, muni_field = self._fields(parameters, context, self.LOOKUP_POSTCODE_FIELD,
                                              self.LOOKUP_MUNICIPALITY_FIELD)
        if not (code_field and muni_field):
            raise QgsProcessingException(
                tr("With a postcode to municipality table, choose LOOKUP_POSTCODE_FIELD and LOOKUP_MUNICIPALITY_FIELD.")
            )
        lookup = source_to_dataframe(lookup_source, feedback, [code_field, muni_field], progress=(47, 48))
        pairs = pd.DataFrame(
            {
                "pc_key": normalise_postcodes(lookup[code_field], None, default_country)["pc_key"].to_numpy(),
                "municipality": [to_text(v) or None for v in lookup[muni_field]],
            }
        )
        municipality_population = pd.Series(values.to_numpy(), index=[to_text(v) for v in table[id_field]])
        weights = pd.Series(
            [g.area() if (is_polygon and g is not None) else 1.0 for g in geometries], index=keys, dtype=float
        )
        weights = weights[weights > 0]
        result = apportion_population(pairs, municipality_population, weights)
        if result.municipalities_without_code:
            feedback.pushWarning(
                tr("{} municipalities ({:g} inhabitants) have no postal code of the reference layer in the table, "
                   "e.g. {}: their population is not allocated.").format(
                    len(result.municipalities_without_code), result.population_unallocated,
                    ", ".join(result.municipalities_without_code[:5]))
            )
        if result.codes_without_population:
            feedback.pushWarning(
                tr("{} postal codes get no population (not in the table, or their municipalities have none), "
                   "e.g. {}.").format(len(result.codes_without_population),
                                      ", ".join(result.codes_without_population[:5]))
            )
        return result.population, result.population_total

    def _sites(self, parameters, context, feedback, members, default_country):
        source = self._source(parameters, self.SITES, context, required=False)
        if source is None:
            return members
        entity, code, country, weight = self._fields(
            parameters, context, self.SITES_ENTITY_FIELD, self.SITES_POSTCODE_FIELD, self.SITES_COUNTRY_FIELD,
            self.SITES_WEIGHT_FIELD,
        )
        if not (entity and code):
            raise QgsProcessingException(tr("With a sites table, choose SITES_ENTITY_FIELD and SITES_POSTCODE_FIELD."))
        table = source_to_dataframe(source, feedback, [n for n in (entity, code, country, weight) if n],
                                    progress=(45, 45))
        norm = normalise_postcodes(table[code], table[country] if country else None, default_country)
        sites = pd.DataFrame(
            {
                "entity": table[entity].to_numpy(),
                "pc_key": norm["pc_key"].to_numpy(),
                "weight": table[weight].to_numpy() if weight else None,
            }
        )
        members, notes, stats = agg.allocate_sites(members, sites, with_stats=True)
        for note in notes:
            feedback.pushInfo(tr("Sites: {}").format(tr_note(note)))
        if stats["rejected"]:
            feedback.pushWarning(
                tr("Sites: {} of {} site rows not used ({}): see SITES_REJECTED / SITES_REJECTED_BY_RULE.").format(
                    stats["rejected"], stats["rows"],
                    ", ".join("{} {}".format(n, rule) for rule, n in sorted(stats["rejected_by_rule"].items())))
            )
        self._site_stats = stats
        return members

    # --- main ------------------------------------------------------------------------
    def compute(self, parameters, context, feedback):
        self._site_stats = None
        default_country = text_value(self, parameters, self.DEFAULT_COUNTRY, context) or "BE"
        layout = LAYOUTS[self.parameterAsEnum(parameters, self.LAYOUT, context)]
        reference = self._source(parameters, self.POSTCODES, context)
        code_field, country_field, pop_field = self._fields(
            parameters, context, self.POSTCODE_FIELD, self.COUNTRY_FIELD, self.POSTCODE_POPULATION_FIELD
        )
        if not code_field:
            raise QgsProcessingException(tr("Choose the postcode field of the reference layer (POSTCODE_FIELD)."))

        members = self._read_members(parameters, context, feedback, default_country)
        year = parameters.get(self.YEAR)
        year = None if year in (None, "") else self.parameterAsInt(parameters, self.YEAR, context)
        try:
            members, notes = agg.filter_members(
                members,
                split_names(text_value(self, parameters, self.CLUSTERS, context)),
                split_names(text_value(self, parameters, self.KINDS, context)),
                year,
            )
        except agg.MemberTableError as error:  # several years and no YEAR
            raise QgsProcessingException(tr("MEMBERS: {}.").format(tr_note(error)))
        for note in notes:
            feedback.pushWarning(tr("Filter: {}").format(tr_note(note)))
        if members.empty:
            feedback.pushWarning(tr("No membership left to aggregate (empty table or filters)."))
        members = self._sites(parameters, context, feedback, members, default_country)
        self.check_cancel(feedback)

        keys, geometries, population, is_polygon, without_geometry = self._read_reference(
            reference, code_field, country_field, pop_field, default_country, feedback
        )
        if not keys and without_geometry:
            raise QgsProcessingException(
                tr("No postcode of the reference layer has a usable geometry (all NULL, EMPTY or invalid beyond "
                   "repair): check POSTCODES.")
            )
        if not keys:
            raise QgsProcessingException(
                tr("The reference layer has no valid postcode in field '{}': check POSTCODE_FIELD.").format(code_field)
            )
        if population is None:
            population = self._population(parameters, context, feedback, keys, geometries, is_polygon,
                                          default_country)
        population, population_stats = self._population_accounting(population, keys, feedback)
        self.progress(feedback, 50)
        result = agg.aggregate(
            members, keys, self.parameterAsDouble(parameters, self.DOMINANT_SHARE, context), population,
            with_long=layout == "long",
        )
        if without_geometry and len(result.unmatched):
            # Not "absent from the reference": present, but with no geometry to stand on.
            no_geometry = result.unmatched["pc_key"].isin(without_geometry)
            result.unmatched.loc[no_geometry, "reason"] = REASON_NO_GEOMETRY
        self.progress(feedback, 60)
        outputs = self._write(parameters, context, feedback, reference, layout, keys, geometries, is_polygon, result)
        outputs.update(population_stats)
        sites = getattr(self, "_site_stats", None) or {}
        outputs["SITES_USED"] = sites.get("used", 0)
        outputs["SITES_REJECTED"] = sites.get("rejected", 0)
        outputs["SITES_REJECTED_BY_RULE"] = json.dumps(sites.get("rejected_by_rule", {}), sort_keys=True)
        return outputs

    @staticmethod
    def _population_accounting(population, keys, feedback):
        """``(Series pc_key -> population or None, statistics outputs)``.

        Population that reaches no zone of the reference (invalid or absent codes,
        municipalities without a code) is not dropped silently: the outputs give the
        table's total, the part placed on the zones and the rest.
        """
        if population is None:
            return None, {"POPULATION_TOTAL": None, "POPULATION_ALLOCATED": None, "POPULATION_UNALLOCATED": None}
        series, total = population
        allocated = float(series.reindex(pd.Index(keys)).fillna(0.0).sum())
        unallocated = total - allocated
        if abs(unallocated) < 1e-6 * max(abs(total), 1.0):
            unallocated = 0.0
        feedback.pushInfo(tr("Population: {:g} inhabitants in the population input, {:g} placed on the zones, "
                             "{:g} not placed (POPULATION_UNALLOCATED).").format(total, allocated, unallocated))
        return series, {"POPULATION_TOTAL": total, "POPULATION_ALLOCATED": allocated,
                        "POPULATION_UNALLOCATED": unallocated}

    def _write(self, parameters, context, feedback, reference, layout, keys, geometries, is_polygon, result):
        crs = reference.sourceCrs()
        geometry_of = dict(zip(keys, geometries))
        if layout == "wide":
            table = result.zones
            schema = agg.wide_schema(table)
        else:
            table = result.long
            schema = agg.LONG_SCHEMA
        zone_geoms = [geometry_of.get(k) for k in table["pc_key"]]
        wkb = compat.WKB_MULTIPOLYGON if is_polygon else compat.WKB_POINT
        sink, dest = create_sink(self, parameters, self.OUTPUT, context, schema, wkb, crs)
        if sink is not None:
            write_dataframe(table, sink, schema, feedback, zone_geoms, progress=(60, 80))
            del sink

        centres = {}
        for key, geometry in geometry_of.items():
            if geometry is None:
                continue
            centres[key] = geometry.pointOnSurface() if is_polygon else geometry
        with_members = table[table["entities"] > 0]
        circles, circles_dest = create_sink(self, parameters, self.CIRCLES, context, schema, compat.WKB_POINT, crs)
        if circles is not None:
            write_dataframe(with_members, circles, schema, feedback,
                            [centres.get(k) for k in with_members["pc_key"]], progress=(80, 90))
            del circles

        unmatched, unmatched_dest = create_sink(self, parameters, self.UNMATCHED, context, agg.UNMATCHED_SCHEMA)
        if unmatched is not None:
            write_dataframe(result.unmatched, unmatched, agg.UNMATCHED_SCHEMA, feedback, progress=(90, 98))
            del unmatched

        stats = result.stats
        field_map = agg.field_map_json(result.field_map)
        self._log(feedback, stats, result)
        zone_circles = "circles" if layout == "wide" else "circles_cluster"
        if circles_dest:
            style_output(context, circles_dest, zone_circles, feedback)
        if dest:
            # Polygon zones: the plain outline backdrop. Point zones (a point reference)
            # carry the circles' fields on the reference points: the atlas draws them
            # as the same proportional circles (zones without members get none).
            style_output(context, dest, "zones" if is_polygon else zone_circles, feedback)
        self.progress(feedback, 100)
        return {
            self.OUTPUT: dest,
            self.CIRCLES: circles_dest,
            self.UNMATCHED: unmatched_dest,
            "EMPLOYMENT_TOTAL": stats["employment_total"],
            "EMPLOYMENT_MATCHED": stats["employment_matched"],
            "EMPLOYMENT_UNMATCHED": stats["employment_unmatched"],
            "ZONES": stats["zones_with_members"],
            "ENTITIES": stats["entities"],
            "FIELD_MAP": field_map,
        }

    def _log(self, feedback, stats, result):
        feedback.pushInfo(
            tr("{} memberships of {} entities; employment {:g} (each entity once): {:g} in {} postal codes, "
               "{:g} unmatched.").format(
                stats["memberships"], stats["entities"], stats["employment_total"], stats["employment_matched"],
                stats["zones_with_members"], stats["employment_unmatched"],
            )
        )
        if stats["employment_unmatched"] or len(result.unmatched):
            feedback.pushWarning(
                tr("{} entity-postcode pairs ({} postal codes, employment {:g}) are not in the reference layer or have "
                   "no valid postcode: see UNMATCHED.").format(
                    len(result.unmatched), stats["unmatched_postcodes"], stats["employment_unmatched"]
                )
            )
        if stats["inconsistent_employment"]:
            feedback.pushWarning(
                tr("{} entities have different employment in their memberships; the largest value is used.").format(
                    stats["inconsistent_employment"]
                )
            )
        feedback.pushInfo(tr("Field-name map (slug: cluster):"))
        for slug, name in result.field_map["clusters"].items():
            feedback.pushInfo("  emp_{0} / n_{0} / share_{0} / lq_{0}: {1}".format(slug, name))
        for slug, name in result.field_map["kinds"].items():
            feedback.pushInfo("  emp_k_{0} / n_k_{0}: {1}".format(slug, name))
