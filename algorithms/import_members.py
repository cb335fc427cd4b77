"""clusteratlas:importmembers: member lists as users receive them -> one clean
member table (one row per entity x cluster membership) + every rejected row.

Thin: reading (pandas for files, QGIS for any other source), column detection,
parsing and rules live in core/ (readers, headers, members).
"""
import json

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from .. import compat
from ..core.clusters import parse_names, separators_value
from ..core.employment import detect_decimal
from ..core.headers import detect_columns
from ..core.outliers import DEFAULT_SHARE, find_outliers, outlier_notes, outlier_records
from ..core.members import (
    OUTPUT_SCHEMA,
    REJECTED_SCHEMA,
    CLUSTER_SEPARATORS,
    ImportOptions,
    add_reader_rows,
    exclusions_from_frame,
    import_members,
    parse_exclusion_text,
)
from ..core.postcodes import SUPPORTED_COUNTRIES, country_code
from ..core.readers import FILE_EXTENSIONS, ReadError, read_table
from ..core.sections import drop_trailing_blank
from .base import ClusterAtlasAlgorithm, tr, tr_note
from .import_reading_log import log_reading
from .params import add_outputs, decimals, field_value, file_behind_input, optional_field, set_flags, text_value
from .table_io import source_to_dataframe, write_table_output

# role -> field parameter
FIELD_PARAMETERS = [
    ("name", "NAME_FIELD"),
    ("cluster", "CLUSTER_FIELD"),
    ("kind", "KIND_FIELD"),
    ("postcode", "POSTCODE_FIELD"),
    ("country", "COUNTRY_FIELD"),
    ("employment", "EMPLOYMENT_FIELD"),
    ("id", "ID_FIELD"),
    ("year", "YEAR_FIELD"),
]
NOTE_HEADERS = ("reason", "raison", "motif", "reden", "note", "comment", "commentaire", "opmerking")


class ImportMembersAlgorithm(ClusterAtlasAlgorithm):
    ALG_ID = "importmembers"
    GROUP_ID = "import"
    DISPLAY_NAME = "Import cluster members"
    TAGS = "cluster,members,import,csv,xlsx,ods,postcode,employment,effectif,clean"
    HELP = """<p>Turns a cluster member list as it is received (CSV from Excel, XLSX/ODS workbook, GeoPackage or database table, project layer) into one clean <b>member table</b>: one row per (entity, cluster) membership, with normalised postal codes, parsed employment and mapped entity kinds. Every input row ends either in the member table or in the rejects table, with the reason.</p>
<h3>Method</h3>
<p>The atlas counts, for each cluster, the employment of its member entities (companies, research and training centres, public bodies) placed by their postal code. The import builds the basis of that count: one row per (entity, cluster) membership, so that an entity in two clusters counts once in each; entities whose headcount does not reflect their activity in the cluster (a whole university, the worldwide staff of a bank) are left out with the employment ceiling or the exclusion list, as the atlas does; and nothing is lost silently: EMPLOYMENT_IN = EMPLOYMENT_OUT + EMPLOYMENT_EXCLUDED.</p>
<h3>Parameters</h3>
<ul>
<li><b>Input member table</b> (INPUT): a layer or table of the project, a file or a database table. CSV/TXT/TSV files and XLSX/ODS workbooks (also when loaded as project layers without a filter) are read directly: the encoding (UTF-8 with or without BOM, UTF-16 and UTF-32 such as Excel's "Unicode text", else Windows-1252), the separator (; , tab |) and the decimal mark are detected, and postal codes keep their leading zeros. A UTF-8 file with a few bytes of another encoding (an "é" typed in a Windows editor) stays UTF-8: only those bytes are read as Windows-1252, and their rows are flagged encoding_repaired and named in the log. The header is the first line naming known column names (titles above it name fewer); every line above it goes to the rejects (rule above_header). A header repeated further down (two exports pasted into one file) is rejected (rule repeated_header) and the rows below it are read with its own column names, matched by name or role (a new column is added). Blank rows between data rows are rejected as empty_row; blank rows after the last one are ignored (the log counts them). Columns without a header and without values (trailing separators) are dropped, a header-less column with values is called column_N, and a repeated column name gets " (2)" (the log says so).</li>
<li><b>Sheet</b> (SHEET): workbook sheet, by name or 0-based number; empty = first sheet.</li>
<li><b>Name, Cluster, Kind, Postcode, Country, Employment, Entity id and Year fields</b> (NAME_FIELD, CLUSTER_FIELD, KIND_FIELD, POSTCODE_FIELD, COUNTRY_FIELD, EMPLOYMENT_FIELD, ID_FIELD, YEAR_FIELD): all optional. Left empty, each is detected from French, Dutch or English headers (Nom/Naam/Name, Cluster(s)/Pôle, Type/Soort, Code postal/CP/Postcode, Pays/Land/Country, Effectif/Emploi/Werknemers/Employees, BCE/KBO/Id, Année/Jaar/Year); the log says which column was chosen. The name and postcode columns are required, the cluster column too unless a default cluster is given.</li>
<li><b>Default cluster</b> (CLUSTER): cluster of rows whose cluster cell is empty, or of every row when there is no cluster column (a list of one cluster's members).</li>
<li><b>Default country</b> (DEFAULT_COUNTRY): ISO code used when neither a country column nor a prefix (B-, L-, F-, NL-, D-) gives the country. Default BE.</li>
<li><b>Excluded entities</b> (EXCLUDE): names or ids separated by ; or new lines, each optionally followed by @ and a cluster to exclude it from that cluster only, e.g. <code>UCLouvain; Delhaize @ Nutrition</code>.</li>
<li><b>Exclusion table</b> (EXCLUSIONS): a table with a name or id column, an optional cluster column (empty = every cluster) and an optional reason column.</li>
<li><b>Employment ceiling</b> (EMPLOYMENT_CEILING): memberships of entities with a larger employment are excluded (the whole staff of a university, the worldwide headcount of a bank). 0 or empty = no ceiling.</li>
<li><b>Outlier share</b> (OUTLIER_SHARE, advanced, default 0.5): warn when one entity holds more than this share of its cluster's employment (per year with a year column), among clusters with at least 5 entities of known employment; the warning names the entity, its row, the share, and what EXCLUDE=<i>name</i> @ <i>cluster</i> or an EMPLOYMENT_CEILING would leave the cluster. Nothing is removed. 0 = no warning.</li>
<li><b>Encoding</b> and <b>Separator</b> (ENCODING, SEPARATOR, advanced): force them when the detection is wrong. ENCODING is a Python codec name (utf-8, cp1252, utf-16, utf-32, latin-1...): it wins over the detection, and a name that is unknown, or that cannot decode the file, stops the run with the line concerned. SEPARATOR is one character (tab may be written tab).</li>
<li><b>Cluster separators</b> (CLUSTER_SEPARATORS, advanced): the characters that always separate clusters in one cell (default <code>;|</code>; line breaks in a cell separate too). <code>/</code>, <code>,</code>, <code>+</code>, <code>&amp;</code> and the words <i>et</i>, <i>en</i>, <i>and</i> separate only clusters each named on its own (see Rules); write one of them here to always split on it (e.g. <code>/;|</code>). Empty = one cluster per cell. The former default <code>;,/|</code>, still saved in older models, is read as the default (the log says so); to really always split on / and , write them in another order, e.g. <code>/,;|</code>.</li>
<li><b>Known cluster names</b> (CLUSTER_NAMES, advanced): cluster names separated by ; or new lines, known even when the table never names them on their own: "Transport/Logistique" is split when Transport and Logistique are listed here.</li>
</ul>
<h3>Rules</h3>
<ul>
<li>Postal codes: B-1348, B 1348, BE-1348, 1348 Louvain-la-Neuve, 1400.0 all give the key BE-1348; L-4365 is Luxembourg (LU-4365). The country comes from the country column, else the prefix, else the default country. Digits of any script (full-width １３４８, Arabic-Indic ١٣٤٨) are read as 1348 first. Checked per country: BE 4 digits 1000-9999, LU 4 digits, FR 5 digits, NL 4 digits and 2 letters, DE 5 digits; anything else is rejected with the raw value.</li>
<li>Employment: 1 250 and 1.250 (thousands), 12,5 (decimal comma), size classes such as 10-19 (midpoint 14.5, flagged as estimated), 500+ (lower bound, estimated), approximate values such as ca. 40, env. 40, ±40, +/- 40, ~40 or 4,5k (4500), kept and flagged as estimated. Empty, ?, or a word for unknown in French, Dutch, English or German (n.c., inconnu, n.b., onb., onbekend, n.v.t., n/a, unknown, k.A., unbekannt...) means unknown: the entity is kept with a NULL employment and the flag employment_unknown, never 0. Negative or unreadable values are rejected. An employment above 5,000,000 for one entity (more than the largest employer on earth: a typo, a turnover in the employment column, 1E+308, inf) is rejected with the rule implausible_employment and is counted in no total.</li>
<li>Several clusters in one cell: <code>;</code>, <code>|</code> and line breaks always separate them. <code>/</code>, <code>,</code>, <code>+</code>, <code>&amp;</code> and the words <i>et</i>, <i>en</i>, <i>and</i> are also parts of real names ("Aéronautique/Spatial", "Logistique en Wallonie", "R&amp;D"): a name is split on them only when every piece is a cluster named on its own in the same table (alone in a cell, or between ; or |), or is the default cluster, or is in CLUSTER_NAMES. "BioWin + TWEED" gives BioWin and TWEED when both appear alone elsewhere; "Transport/Logistique" stays one cluster when neither does. The log lists every name split this way and every name kept whole that contains such a character, with its number of rows (the first 20 of each, then how many more). Clusters are matched ignoring case, accents, spaces and punctuation ("aéronautique / spatial" = "Aéronautique/Spatial", "InfopôleTIC" = "Infopôle TIC", "Agro industrie" = "Agro-industrie") and shown as first written; cluster_key holds the folded name (<code>infopoletic</code>). Two different names close enough to be one cluster mistyped (one letter added, missing, changed or two swapped in a name of 5 to 9 letters, two from 10 letters, numbers equal: "Skywin" and "Skywing", not "TWEED" and "TWIST" nor "Industrie 4.0" and "Industrie 5.0") stay apart, with a warning naming both spellings and their first rows, also returned in CLUSTER_WARNINGS.</li>
<li>Kinds: labels in French, Dutch or English are mapped onto company, training, public and research (universities count as research); an unmapped label is kept and flagged.</li>
<li>Duplicates: the same entity (id, else normalised name and postal code) twice in one cluster counts once; the later copy is rejected as "duplicate of row N". With a year column the year is part of the key: a list covering several years keeps one membership per entity, cluster and year (the same entity in the same cluster in 2021 and 2022 gives two), and only a second copy within one year is a duplicate. Aggregate such a table one year at a time (YEAR of <i>Employment per postal code</i>).</li>
<li>Total rows: a row whose name (or first cell) is Total, Totaal, Sous-total, Subtotaal, Somme... and whose postal code is empty or invalid is rejected with the rule total_row; its employment is not counted in any total (the log reports it).</li>
</ul>
<h3>Outputs</h3>
<ul>
<li><b>Members</b> (OUTPUT): geometry-less table, one row per membership: entity_id, name, cluster, cluster_key, kind, kind_label, country, postcode, pc_key (e.g. BE-1348, the join key of the other algorithms), employment, employment_estimated, employment_unknown, year, source_row (1-based data row below the header), source_line (the line of the file where the row starts, quoted line breaks counted, or the sheet row number: what a text editor or a spreadsheet shows; for a layer, the source_row), flags (employment_estimated, employment_unknown, encoding_repaired...).</li>
<li><b>Rejected</b> (REJECTED): every line or membership not in the member table: source_row (empty for the lines above the header), source_line, reason (in the language of QGIS), rule (the stable code to filter on: above_header, repeated_header, empty_row, total_row, missing_name, invalid_postcode, invalid_employment, implausible_employment, missing_cluster, duplicate, excluded_list, excluded_ceiling), name, cluster, the raw postcode, country, employment and kind, the parsed employment when it was valid, and the whole input row as JSON.</li>
<li>Statistics: ROWS_READ (the last source_row: data rows below the header, repeated headers and blank rows between data included, the lines above the header and the blank rows after the last data row not), MEMBERSHIPS, REJECTED_COUNT, ENTITIES, CLUSTERS, EMPLOYMENT_IN (valid employment of every membership read), EMPLOYMENT_OUT (in the member table), EMPLOYMENT_EXCLUDED (in the rejects; EMPLOYMENT_IN = EMPLOYMENT_OUT + EMPLOYMENT_EXCLUDED), OUTLIER_COUNT and OUTLIERS (JSON: one object per outlier with entity_id, name, source_row, cluster, year, employment, share, cluster_employment, entities, after_exclude, ceiling, after_ceiling), REJECTED_BY_RULE, COLUMNS and CLUSTER_WARNINGS (JSON: pairs of similar cluster names, each {"clusters": [spelling, spelling], "keys": [...], "rows": [[first rows], [first rows]], "edits": n}).</li>
</ul>
<h3>Example</h3>
<p>INPUT = <code>sample_data/members.csv</code> (92 rows, columns <i>Nom;Cluster(s);Type;Code postal;Effectif</i>), EMPLOYMENT_CEILING = 3000: 90 memberships of 85 entities in 4 clusters, and 3 rejected rows: row 89 (<i>Digi Sambre</i>, postcode 13480: invalid_postcode), row 90 (<i>Log Brabant A1</i> a second time: duplicate) and row 91 (<i>Université de Liège (ensemble)</i>, 5600: excluded_ceiling); EMPLOYMENT_IN 17,727 = EMPLOYMENT_OUT 11,800 + EMPLOYMENT_EXCLUDED 5,927. The row <i>Softcom Brabant;"Infopôle cluster TIC; TWIST";Entreprise;B-1348;1 250</i> gives two memberships (Infopôle cluster TIC and TWIST) at BE-1348 with an employment of 1250 each; <i>10-19</i> gives 14.5 (employment_estimated) and <i>n.c.</i> a NULL employment (employment_unknown).</p>"""

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterFeatureSource("INPUT", self.tr("Input member table"), [compat.TYPE_VECTOR])
        )
        self.addParameter(set_flags(QgsProcessingParameterString("SHEET", self.tr("Sheet (workbooks)"), optional=True), optional=True))
        descriptions = {
            "NAME_FIELD": self.tr("Name field (empty = detect)"),
            "CLUSTER_FIELD": self.tr("Cluster field (empty = detect)"),
            "KIND_FIELD": self.tr("Kind field (empty = detect)"),
            "POSTCODE_FIELD": self.tr("Postcode field (empty = detect)"),
            "COUNTRY_FIELD": self.tr("Country field (empty = detect)"),
            "EMPLOYMENT_FIELD": self.tr("Employment field (empty = detect)"),
            "ID_FIELD": self.tr("Entity id field (empty = detect)"),
            "YEAR_FIELD": self.tr("Year field (empty = detect)"),
        }
        for _, name in FIELD_PARAMETERS:
            self.addParameter(optional_field(name, descriptions[name], "INPUT", advanced=name in ("ID_FIELD", "YEAR_FIELD")))
        self.addParameter(set_flags(QgsProcessingParameterString("CLUSTER", self.tr("Default cluster"), optional=True), optional=True))
        self.addParameter(QgsProcessingParameterString("DEFAULT_COUNTRY", self.tr("Default country (ISO code)"), defaultValue="BE"))
        self.addParameter(
            set_flags(
                QgsProcessingParameterString("EXCLUDE", self.tr("Excluded entities"), multiLine=True, optional=True),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource("EXCLUSIONS", self.tr("Exclusion table"), [compat.TYPE_VECTOR], optional=True)
        )
        ceiling = QgsProcessingParameterNumber(
            "EMPLOYMENT_CEILING", self.tr("Employment ceiling (0 = none)"), type=compat.NUMBER_INTEGER, defaultValue=0, optional=True, minValue=0
        )
        self.addParameter(set_flags(ceiling, optional=True))
        outlier = QgsProcessingParameterNumber("OUTLIER_SHARE", self.tr("Outlier share (0 = off)"), compat.NUMBER_DOUBLE,
                                               DEFAULT_SHARE, optional=True, minValue=0, maxValue=1)
        self.addParameter(decimals(set_flags(outlier, optional=True, advanced=True), 2))
        self.addParameter(set_flags(QgsProcessingParameterString("ENCODING", self.tr("Encoding (empty = detect)"), optional=True), optional=True, advanced=True))
        self.addParameter(set_flags(QgsProcessingParameterString("SEPARATOR", self.tr("Separator (empty = detect)"), optional=True), optional=True, advanced=True))
        self.addParameter(set_flags(
            QgsProcessingParameterString("CLUSTER_SEPARATORS", self.tr("Cluster separators (empty = none)"),
                                         defaultValue=CLUSTER_SEPARATORS, optional=True),
            optional=True, advanced=True))
        self.addParameter(set_flags(
            QgsProcessingParameterString("CLUSTER_NAMES", self.tr("Known cluster names"), multiLine=True, optional=True),
            optional=True, advanced=True))
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", self.tr("Members"), compat.TYPE_VECTOR))
        self.addParameter(QgsProcessingParameterFeatureSink("REJECTED", self.tr("Rejected"), compat.TYPE_VECTOR))
        add_outputs(
            self,
            numbers=[
                ("ROWS_READ", self.tr("Rows read")),
                ("MEMBERSHIPS", self.tr("Memberships")),
                ("REJECTED_COUNT", self.tr("Rejected rows or memberships")),
                ("ENTITIES", self.tr("Entities")),
                ("CLUSTERS", self.tr("Clusters")),
                ("EMPLOYMENT_IN", self.tr("Valid employment read")),
                ("EMPLOYMENT_OUT", self.tr("Employment in the member table")),
                ("EMPLOYMENT_EXCLUDED", self.tr("Employment in the rejects")),
                ("OUTLIER_COUNT", self.tr("Entities above the outlier share")),
            ],
            strings=[
                ("REJECTED_BY_RULE", self.tr("Rejects by rule (JSON)")),
                ("COLUMNS", self.tr("Columns used (JSON)")),
                ("CLUSTER_WARNINGS", self.tr("Similar cluster names (JSON)")),
                ("OUTLIERS", self.tr("Outliers (JSON)")),
            ],
        )

    def checkParameterValues(self, parameters, context):  # noqa: N802
        # QGIS would try to open INPUT with OGR, which refuses .txt files and
        # workbooks it cannot parse; files we read with pandas are checked there.
        if file_behind_input(self, parameters, "INPUT", context, FILE_EXTENSIONS) is None:
            return super().checkParameterValues(parameters, context)
        for definition in self.parameterDefinitions():
            name = definition.name()
            if name != "INPUT" and not definition.checkValueIsAcceptable(parameters.get(name), context):
                return False, tr("Incorrect parameter value for {}").format(definition.description())
        return True, ""

    # --- reading ----------------------------------------------------------
    def _read_input(self, parameters, context, feedback):
        found = file_behind_input(self, parameters, "INPUT", context, FILE_EXTENSIONS)
        if found is None:
            return self._read_layer(parameters, context, feedback)
        path, layer_name, options = found
        sheet = text_value(self, parameters, "SHEET", context) or layer_name
        separator = self.parameterAsString(parameters, "SEPARATOR", context) or options.get("separator")
        if separator and separator.lower() in ("tab", "\\t"):
            separator = "\t"
        try:
            table, info = read_table(
                path, sheet=sheet, encoding=text_value(self, parameters, "ENCODING", context), sep=separator,
                encoding_hint=options.get("encoding"),
            )  # fmt: skip
        except ReadError as error:
            raise QgsProcessingException(tr_note(error)) from None
        log_reading(feedback, path, table, info)
        return table, info

    def _read_layer(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, "INPUT", context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, "INPUT"))
        table = source_to_dataframe(source, feedback, progress=(0, 30))
        # The primary key (a GeoPackage's fid) is filled on blank rows too: not a value of the row.
        layer = self.parameterAsVectorLayer(parameters, "INPUT", context)
        provider = layer.dataProvider() if layer is not None else None
        keys = [provider.fields().at(i).name() for i in provider.pkAttributeIndexes()] if provider is not None else []
        table, trailing = drop_trailing_blank(table, [k for k in keys if k in table.columns])
        feedback.pushInfo(tr("Read {} rows from the input layer.").format(len(table)))
        if trailing:
            feedback.pushInfo(tr("{} blank row(s) after the last data row ignored.").format(trailing))
        return table, {"format": "layer", "decimal": None, "rows_read": len(table)}

    def _columns(self, parameters, context, table):
        headers = [str(c) for c in table.columns]
        explicit = {}
        for role, name in FIELD_PARAMETERS:
            value = field_value(self, parameters, name, context)
            if value and value not in headers:
                raise QgsProcessingException(
                    tr("{}: column '{}' is not in the input. Columns: {}.").format(name, value, ", ".join(headers))
                )
            explicit[role] = value
        mapping, notes = detect_columns(headers, explicit)
        return mapping, notes, explicit

    def _exclusions(self, parameters, context, feedback):
        entries = parse_exclusion_text(text_value(self, parameters, "EXCLUDE", context) or "")
        source = self.parameterAsSource(parameters, "EXCLUSIONS", context)
        if source is not None:
            frame = source_to_dataframe(source)
            mapping, _ = detect_columns([str(c) for c in frame.columns], roles=("id", "name", "cluster"))
            entity = mapping["name"] or mapping["id"] or (frame.columns[0] if len(frame.columns) else None)
            if entity is None:
                raise QgsProcessingException(tr("The exclusion table has no column."))
            note = next((c for c in frame.columns if str(c).strip().lower() in NOTE_HEADERS), None)
            from_table = exclusions_from_frame(frame, entity, mapping["cluster"], note)
            if mapping["name"] and mapping["id"]:
                from_table += exclusions_from_frame(frame, mapping["id"], mapping["cluster"], note)
            feedback.pushInfo(
                tr("Exclusion table: {} rule(s) from column '{}' (cluster column: {}).").format(
                    len(from_table), entity, mapping["cluster"] or "-"
                )
            )
            entries += from_table
        return entries

    # --- main ---------------------------------------------------------------
    def _cluster_separators(self, parameters, context, feedback):
        # Absent (older models, scripts) = the default; given but empty = no split;
        # the former default ";,/|" (saved in models) = the default (core/clusters.py).
        given = parameters.get("CLUSTER_SEPARATORS")
        separators, former = separators_value(
            None if given is None else self.parameterAsString(parameters, "CLUSTER_SEPARATORS", context) or "")
        if former:
            feedback.pushInfo(tr("CLUSTER_SEPARATORS ';,/|' is the former default: read as '{}' (/ and , split only "
                                 "between clusters each named on its own). To always split on them, write e.g. '/,;|'.")
                              .format(CLUSTER_SEPARATORS))
        return separators

    def compute(self, parameters, context, feedback):
        table, info = self._read_input(parameters, context, feedback)
        self.check_cancel(feedback)
        mapping, notes, explicit = self._columns(parameters, context, table)
        default_cluster = text_value(self, parameters, "CLUSTER", context)
        country = text_value(self, parameters, "DEFAULT_COUNTRY", context) or "BE"
        if country_code(country) not in SUPPORTED_COUNTRIES:
            raise QgsProcessingException(
                tr("DEFAULT_COUNTRY '{}' is not supported; use one of {}.").format(country, ", ".join(SUPPORTED_COUNTRIES))
            )
        country = country_code(country)

        required = ["name", "postcode"] + ([] if default_cluster else ["cluster"])
        missing = [role for role in required if not mapping.get(role)]
        if missing:
            raise QgsProcessingException(
                tr("Could not find the {} column(s) in the input. Columns seen: {}. Choose them with the field parameters{}.").format(
                    ", ".join(missing),
                    ", ".join(str(c) for c in table.columns),
                    tr(" (or give a default cluster)") if "cluster" in missing else "",
                )
            )
        for role, name in FIELD_PARAMETERS:
            column = mapping.get(role)
            if column:
                how = tr("chosen") if explicit.get(role) else tr("detected")
                extra = tr(" (also matched: {})").format(", ".join(notes[role])) if notes.get(role) else ""
                feedback.pushInfo(tr("{}: column '{}' ({}){}").format(role, column, how, extra))
            else:
                feedback.pushInfo(tr("{}: no column").format(role))
        if not mapping.get("employment"):
            feedback.pushWarning(tr("No employment column: every employment is unknown (NULL, flagged)."))
        if default_cluster and mapping.get("cluster"):
            feedback.pushInfo(tr("Rows with an empty cluster cell go to the default cluster '{}'.").format(default_cluster))

        decimal = None
        if mapping.get("employment"):
            decimal = detect_decimal(table[mapping["employment"]], default=info.get("decimal") or ",")
        ceiling = self.parameterAsDouble(parameters, "EMPLOYMENT_CEILING", context) if parameters.get("EMPLOYMENT_CEILING") not in (None, "") else 0
        options = ImportOptions(
            default_cluster=default_cluster,
            default_country=country,
            exclusions=self._exclusions(parameters, context, feedback),
            employment_ceiling=ceiling or None,
            decimal=decimal,
            separators=self._cluster_separators(parameters, context, feedback),
            cluster_names=parse_names(text_value(self, parameters, "CLUSTER_NAMES", context)),
            translate=tr,  # REJECTED.reason in the user's language; rule stays the machine code
        )

        def progress(fraction):
            self.check_cancel(feedback)
            feedback.setProgress(30 + 30 * fraction)

        result = import_members(table, mapping, options, progress)
        result = add_reader_rows(
            result, info["rows_read"], info.get("lines"), info.get("reader_rejects", ()), info.get("repaired", ()),
            info.get("header_row"), translate=tr,
        )  # fmt: skip
        del table  # the input is no longer needed while the outputs are written
        self.check_cancel(feedback)

        dest_id = write_table_output(self, parameters, "OUTPUT", context, result.output, OUTPUT_SCHEMA, feedback, (60, 92))
        rejected_id = write_table_output(
            self, parameters, "REJECTED", context, result.rejected, REJECTED_SCHEMA, feedback, (92, 100)
        )

        stats = result.stats
        self._log(feedback, stats)
        self._log_clusters(feedback, stats["cluster_names"])
        # An entity holding most of a cluster (a worldwide headcount?): warned, never removed.
        share = parameters.get("OUTLIER_SHARE")
        outliers = find_outliers(result.output, DEFAULT_SHARE if share in (None, "") else
                                 self.parameterAsDouble(parameters, "OUTLIER_SHARE", context))
        for note in outlier_notes(outliers):
            feedback.pushWarning(tr_note(note))
        columns_json = json.dumps({role: mapping.get(role) for role, _ in FIELD_PARAMETERS}, ensure_ascii=False)
        return {
            "OUTPUT": dest_id,
            "REJECTED": rejected_id,
            "ROWS_READ": stats["rows_read"],
            "MEMBERSHIPS": stats["memberships"],
            "REJECTED_COUNT": stats["rejected"],
            "ENTITIES": stats["entities"],
            "CLUSTERS": stats["clusters"],
            "EMPLOYMENT_IN": stats["employment_in"],
            "EMPLOYMENT_OUT": stats["employment_out"],
            "EMPLOYMENT_EXCLUDED": stats["employment_excluded"],
            "REJECTED_BY_RULE": json.dumps(stats["rejected_by_rule"]),
            "COLUMNS": columns_json,
            "CLUSTER_WARNINGS": json.dumps(stats["cluster_names"]["similar"], ensure_ascii=False),
            "OUTLIER_COUNT": len(outliers),
            "OUTLIERS": json.dumps(outlier_records(outliers), ensure_ascii=False),
        }

    @staticmethod
    def _log_clusters(feedback, report, shown=20):
        """Every cluster text split on an ambiguous separator, every name kept whole
        that contains one, and near-duplicate names: the first ``shown`` of each."""
        def short(text):
            text = " ".join(text.split())
            return text if len(text) <= 80 else text[:79] + "…"

        def bounded(items, line, more):
            for item in items[:shown]:
                line(item)
            if len(items) > shown:
                feedback.pushInfo(more.format(len(items) - shown))

        bounded(report["split"], lambda item: feedback.pushInfo(
            tr("Cluster text '{}' split into {} (each a cluster named on its own): {} row(s).").format(
                short(item[0]), ", ".join("'{}'".format(short(p)) for p in item[1]), item[2])),
            tr("... and {} more cluster text(s) split."))
        bounded(report["kept_whole"], lambda item: feedback.pushInfo(
            tr("Cluster name '{}' kept whole (its parts are not all clusters named on their own; "
               "list them in CLUSTER_NAMES to split it): {} row(s).").format(short(item[0]), item[1])),
            tr("... and {} more cluster name(s) kept whole."))
        bounded(report["similar"], lambda item: feedback.pushWarning(
            tr("Clusters '{}' (rows {}) and '{}' (rows {}) differ by {} character(s): kept apart; "
               "if they are one cluster, correct the spelling.").format(
                short(item["clusters"][0]), ", ".join(map(str, item["rows"][0])),
                short(item["clusters"][1]), ", ".join(map(str, item["rows"][1])), item["edits"])),
            tr("... and {} more pair(s) of similar cluster names (output CLUSTER_WARNINGS)."))

    @staticmethod
    def _log(feedback, stats):
        feedback.pushInfo(
            tr("{} rows read: {} memberships of {} entities in {} clusters; {} rejected.").format(
                stats["rows_read"], stats["memberships"], stats["entities"], stats["clusters"], stats["rejected"]
            )
        )
        for rule, count in stats["rejected_by_rule"].items():
            feedback.pushInfo(tr("  rejected ({}): {}").format(rule, count))
        years = stats.get("years") or {}
        if len(years) > 1:
            feedback.pushInfo(
                tr("Several years: {}. One membership per entity, cluster and year; aggregate one year at a time "
                   "(YEAR of Employment per postal code).").format(
                    ", ".join(tr("{} ({} memberships)").format(year, count) for year, count in years.items()))
            )
        feedback.pushInfo(
            tr("Employment: {:,.1f} valid read = {:,.1f} in the member table + {:,.1f} in the rejects.").format(
                stats["employment_in"], stats["employment_out"], stats["employment_excluded"]
            )
        )
        feedback.pushInfo(
            tr("{} memberships with an estimated employment (size class), {} with an unknown employment (NULL).").format(
                stats["estimated"], stats["unknown"]
            )
        )
        for row, employment in stats.get("total_rows", ()):
            feedback.pushWarning(
                tr("Row {} is a total row: rejected (rule total_row); its employment {} is not counted in any total.").format(
                    row, "-" if employment is None else "{:,.1f}".format(employment)
                )
            )
        if stats["rows_fully_rejected"]:
            feedback.pushWarning(
                tr("{} input row(s) have no membership in the member table: see the Rejected output.").format(stats["rows_fully_rejected"])
            )
