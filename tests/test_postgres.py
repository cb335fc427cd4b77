"""Member tables from a real PostgreSQL/PostGIS server.

A throw-away PostgreSQL cluster (Debian ``postgresql-N-postgis-3``: 15 in bookworm, 17 in
trixie, 18 in sid; the newest installed major version with PostGIS is used) is
started by the module fixture in a temporary folder (unix socket only, no TCP,
trust authentication) and stopped at the end. Oracles: the same table exported
by PostgreSQL itself as CSV (``COPY ... CSV HEADER``) and run through the CSV
reader, hand-expected memberships, and pandas on the rows read back.
"""
import json
import os
import pwd
import re
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # --import-mode=importlib: helpers are not on the path
from conftest import SHARED_DATA  # noqa: E402

pytestmark = pytest.mark.postgres



def _postgres_with_postgis():
    """(bin folder, postgis.control) of the newest PostgreSQL major version that has PostGIS."""
    majors = sorted((int(p.name) for p in Path("/usr/lib/postgresql").glob("*") if p.name.isdigit()), reverse=True)
    for major in majors:
        control = Path("/usr/share/postgresql/{}/extension/postgis.control".format(major))
        if control.exists():
            return Path("/usr/lib/postgresql/{}/bin".format(major)), control
    major = majors[0] if majors else "N"
    return (Path("/usr/lib/postgresql/{}/bin".format(major)),
            Path("/usr/share/postgresql/{}/extension/postgis.control".format(major)))


PG_BIN, POSTGIS_CONTROL = _postgres_with_postgis()
DBNAME = "atlas"

# Member list as a cluster secretariat keeps it in a database: French headers,
# accents, a NULL employment, a "B-1348" code, two clusters in one cell, a
# numeric(10,2) employment. ``gid`` is the primary key QGIS needs; no header
# rule maps it to a role, so it is only carried along in raw_record.
MEMBERS_SQL = """
CREATE TABLE {table} (
    gid serial PRIMARY KEY,
    "Nom" text,
    "Code postal" {postcode_type},
    "Pays" text,
    "Effectif" numeric(10,2),
    "Type" text,
    "Cluster(s)" text
);
INSERT INTO {table} ("Nom", "Code postal", "Pays", "Effectif", "Type", "Cluster(s)") VALUES
 ('Société Liégeoise d''Électricité', {pc_4000}, 'BE', 1250, 'Entreprise', 'Énergie; TIC'),
 ('Université catholique de Louvain', {pc_1348}, 'BE', 12.5, 'Université', 'TIC'),
 ('Forem Mons', {pc_7000}, 'BE', NULL, 'Centre de formation', 'TIC'),
 ('Lux Logistique', {pc_4365}, 'LU', 40, 'bedrijf', 'Logistique'),
 ('Code faux', {pc_bad}, 'BE', 3, 'Entreprise', 'TIC'),
 ('Forem Mons', {pc_7000}, 'BE', 18, 'Centre de formation', 'tic'),
 ('Négatif', {pc_5000}, 'BE', -4, 'Entreprise', 'TIC'),
 ('Zoning Wavre', {pc_1300}, 'BE', 7.25, 'Entité publique', 'Éco-construction / TIC');
"""
TEXT_CODES = {"pc_4000": "'4000'", "pc_1348": "'B-1348'", "pc_7000": "'7000 Mons'", "pc_4365": "'L-4365'",
              "pc_bad": "'999'", "pc_5000": "'5000'", "pc_1300": "'1300'"}
INT_CODES = {"pc_4000": 4000, "pc_1348": 1348, "pc_7000": 7000, "pc_4365": 4365, "pc_bad": 999, "pc_5000": 5000,
             "pc_1300": 1300}
# (source_row, cluster, pc_key, employment or None, kind, name): written by hand.
EXPECTED = [
    (1, "Énergie", "BE-4000", 1250.0, "company", "Société Liégeoise d'Électricité"),
    (1, "TIC", "BE-4000", 1250.0, "company", "Société Liégeoise d'Électricité"),
    (2, "TIC", "BE-1348", 12.5, "research", "Université catholique de Louvain"),
    (3, "TIC", "BE-7000", None, "training", "Forem Mons"),
    (4, "Logistique", "LU-4365", 40.0, "company", "Lux Logistique"),
    (8, "Éco-construction", "BE-1300", 7.25, "public", "Zoning Wavre"),
    (8, "TIC", "BE-1300", 7.25, "public", "Zoning Wavre"),
]
# source_row -> rule: 999 is no Belgian code, row 6 repeats Forem Mons in TIC, -4 is no headcount.
EXPECTED_REJECTS = {5: "invalid_postcode", 6: "duplicate", 7: "invalid_employment"}


# --- the throw-away server ------------------------------------------------------------
def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgServer:
    """A PostgreSQL cluster in a temporary folder, reachable on a unix socket."""

    def __init__(self):
        self.as_root = os.geteuid() == 0
        # Short path under /tmp: the postgres user must reach it, and a unix
        # socket path is limited to ~107 characters.
        self.base = Path(tempfile.mkdtemp(prefix="clusteratlas_pg_", dir="/tmp" if self.as_root else None))
        self.data = self.base / "data"
        self.socket_dir = str(self.base)
        self.port = _free_port()
        if self.as_root:  # postgres refuses to run as root: run it as the postgres user
            shutil.chown(self.base, "postgres", "postgres")

    def _server_cmd(self, *args):
        cmd = [str(PG_BIN / args[0])] + list(args[1:])
        return (["runuser", "-u", "postgres", "--"] + cmd) if self.as_root else cmd

    def start(self):
        subprocess.run(self._server_cmd("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres",
                                        "-E", "UTF8", "--locale=C", "--no-sync"),
                       check=True, capture_output=True)
        options = "-k {} -p {} -c listen_addresses='' -c fsync=off -c full_page_writes=off".format(
            self.socket_dir, self.port)
        subprocess.run(self._server_cmd("pg_ctl", "-D", str(self.data), "-o", options, "-l",
                                        str(self.base / "server.log"), "-w", "start"),
                       check=True, capture_output=True)
        subprocess.run([str(PG_BIN / "createdb"), "-h", self.socket_dir, "-p", str(self.port), "-U", "postgres",
                        DBNAME], check=True, capture_output=True)

    def stop(self):
        if (self.data / "postmaster.pid").exists():
            subprocess.run(self._server_cmd("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop"),
                           capture_output=True)
        shutil.rmtree(self.base, ignore_errors=True)

    def psql(self, sql):
        done = subprocess.run([str(PG_BIN / "psql"), "-h", self.socket_dir, "-p", str(self.port), "-U", "postgres",
                               "-d", DBNAME, "-v", "ON_ERROR_STOP=1", "-q", "-A", "-t", "-c", sql],
                              capture_output=True, text=True)
        if done.returncode:
            raise AssertionError("psql failed: {}\n{}".format(sql[:200], done.stderr))
        return done.stdout

    def ogr_connection(self):
        return "PG:dbname={} host={} port={} user=postgres".format(DBNAME, self.socket_dir, self.port)

    def uri(self, table, key="gid", geometry=None, sql=""):
        """A ``postgres`` provider URI as QgsDataSourceUri writes it."""
        from qgis.core import QgsDataSourceUri

        uri = QgsDataSourceUri()
        uri.setConnection(self.socket_dir, str(self.port), DBNAME, "postgres", "")
        uri.setDataSource("public", table, geometry, sql, key)
        return uri.uri(False)


@pytest.fixture(scope="module")
def pg(qgis_app):
    missing = [str(p) for p in (PG_BIN / "initdb", PG_BIN / "pg_ctl", PG_BIN / "psql", POSTGIS_CONTROL) if not p.exists()]
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            missing.append("user postgres")
    if missing:
        message = ("PostgreSQL / PostGIS 3 not installed (missing {}): apt-get install postgresql-N-postgis-3 "
                   "(scripts/setup.sh installs the system's own)".format(", ".join(missing)))
        if os.environ.get("CI"):  # CI installs it on every version: a skip there would hide a broken set-up
            pytest.fail(message)
        pytest.skip(message)
    server = PgServer()
    try:
        server.start()
    except subprocess.CalledProcessError as error:
        log = server.base / "server.log"
        detail = (error.stderr or b"").decode(errors="replace") + (log.read_text() if log.exists() else "")
        server.stop()
        pytest.fail("could not start the throw-away PostgreSQL server: {}".format(detail))
    try:
        server.psql("CREATE EXTENSION postgis;")
        server.psql(MEMBERS_SQL.format(table="membres", postcode_type="text", **TEXT_CODES))
        server.psql(MEMBERS_SQL.format(table="membres_cp_entier", postcode_type="integer", **INT_CODES))
        yield server
    finally:
        server.stop()


# --- helpers ------------------------------------------------------------------------
def layer_frame(layer):
    from qgis.core import QgsVectorLayer

    layer = layer if isinstance(layer, QgsVectorLayer) else QgsVectorLayer(str(layer), "t", "ogr")
    assert layer.isValid()
    names = [f.name() for f in layer.fields()]
    rows = [[None if v is None or (hasattr(v, "isNull") and v.isNull()) else v for v in f.attributes()]
            for f in layer.getFeatures()]
    frame = pd.DataFrame(rows, columns=names).drop(columns=["fid"], errors="ignore")
    return frame.sort_values([c for c in ("source_row", "cluster") if c in names]).reset_index(drop=True)


# The clusters of the atlas, as a technician lists them: 'Éco-construction / TIC' names two of them, while no
# row of this small table names Éco-construction alone ("/" splits only names known: issue 12).
KNOWN_CLUSTERS = "Éco-construction; TIC"


def run_import(run_alg, folder, input_value, tag, **params):
    params.setdefault("CLUSTER_NAMES", KNOWN_CLUSTERS)
    outputs = {"OUTPUT": str(folder / "{}_out.gpkg".format(tag)), "REJECTED": str(folder / "{}_rej.gpkg".format(tag))}
    results = run_alg("importmembers", dict(outputs, INPUT=input_value, **params))
    return layer_frame(results["OUTPUT"]), layer_frame(results["REJECTED"]), results


def export_csv(pg, table, path):
    """The table as PostgreSQL itself writes it as CSV (NULL = empty cell)."""
    text = pg.psql("COPY (SELECT * FROM {} ORDER BY gid) TO STDOUT WITH (FORMAT csv, HEADER)".format(table))
    Path(path).write_text(text, encoding="utf-8")
    return str(path)


def _numbers_as_floats(text):
    return re.sub(r"-?\d+\.\d+", lambda m: repr(float(m.group())).rstrip("0").rstrip("."), text)


def memberships(out):
    return sorted(
        (int(r.source_row), r.cluster, r.pc_key, None if pd.isna(r.employment) else float(r.employment), r.kind, r.name)
        for r in out.itertuples()
    )


# --- 1. a database table gives what its CSV export gives -------------------------------
@pytest.mark.parametrize("table", ["membres", "membres_cp_entier"])
def test_postgres_table_equals_its_csv_export(pg, run_alg, tmp_path, table):
    from qgis.core import QgsVectorLayer

    uri = pg.uri(table)
    assert QgsVectorLayer(uri, table, "postgres").isValid(), uri
    # "provider://uri" is how Processing (models, qgis_process) names a non-file source.
    out_db, rej_db, res_db = run_import(run_alg, tmp_path, "postgres://" + uri, "db")
    out_csv, rej_csv, res_csv = run_import(run_alg, tmp_path, export_csv(pg, table, tmp_path / "m.csv"), "csv")

    assert memberships(out_db) == sorted(EXPECTED, key=lambda t: (t[0], t[1]))
    assert dict(zip(rej_db["source_row"].astype(int), rej_db["rule"])) == EXPECTED_REJECTS
    # The NULL employment stays unknown (NULL + flag), never 0.
    forem = out_db[out_db["source_row"] == 3].iloc[0]
    assert pd.isna(forem["employment"]) and bool(forem["employment_unknown"]) and "employment_unknown" in forem["flags"]
    # The duplicate names the row it repeats; the dropped headcount (18) is accounted for.
    dup = rej_db[rej_db["source_row"] == 6].iloc[0]
    assert "3" in dup["reason"] and dup["employment"] == pytest.approx(18.0)
    assert res_db["EMPLOYMENT_IN"] == pytest.approx(2 * 1250 + 12.5 + 40 + 3 + 18 + 2 * 7.25)
    assert res_db["EMPLOYMENT_IN"] == pytest.approx(res_db["EMPLOYMENT_OUT"] + res_db["EMPLOYMENT_EXCLUDED"])

    # Same member table as the CSV run, column for column; source_line is the table's row for the database
    # and the file's line for the CSV, one more (its header line).
    assert (out_db["source_line"] == out_db["source_row"]).all()
    assert (out_csv["source_line"] == out_csv["source_row"] + 1).all()
    pd.testing.assert_frame_equal(out_db.drop(columns="source_line"), out_csv.drop(columns="source_line"),
                                  check_dtype=False)
    # Rejects: same rows, rules, reasons and parsed values. The raw cells differ
    # only in how each reader spells a number ("12.5" typed vs "12.50" text).
    same = ["source_row", "rule", "name", "cluster", "raw_postcode", "raw_country", "raw_kind", "employment"]
    pd.testing.assert_frame_equal(rej_db[same], rej_csv[same], check_dtype=False)
    assert [_numbers_as_floats(r) for r in rej_db["reason"]] == [_numbers_as_floats(r) for r in rej_csv["reason"]]
    assert rej_db.loc[rej_db["rule"] == "invalid_employment", "reason"].str.contains("'-4'").all()
    for key in ("ROWS_READ", "MEMBERSHIPS", "REJECTED_COUNT", "ENTITIES", "CLUSTERS", "EMPLOYMENT_IN",
                "EMPLOYMENT_OUT", "EMPLOYMENT_EXCLUDED", "REJECTED_BY_RULE", "COLUMNS"):
        assert res_db[key] == res_csv[key], key


# --- 2. a filtered project layer: only the rows the filter lets through ------------------
def test_filtered_postgres_layer_honours_its_filter(pg, run_alg, tmp_path):
    from qgis.core import QgsProject, QgsVectorLayer

    layer = QgsVectorLayer(pg.uri("membres"), "membres filtrés", "postgres")
    assert layer.isValid()
    # NULL < 100 is not true: rows 1 (1250) and 3 (NULL) are filtered out by the server.
    assert layer.setSubsetString('"Effectif" < 100')
    QgsProject.instance().addMapLayer(layer)
    try:
        out, rej, results = run_import(run_alg, tmp_path, layer.id(), "filtered")
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
    # source_row counts the rows the filter passes (gid 2, 4, 5, 6, 7, 8 -> 1..6).
    # Forem Mons (gid 6) is no duplicate any more: its first listing (gid 3) is filtered out.
    # The cluster keeps its first spelling among the rows read ("TIC", not "tic").
    assert memberships(out) == sorted([
        (1, "TIC", "BE-1348", 12.5, "research", "Université catholique de Louvain"),
        (2, "Logistique", "LU-4365", 40.0, "company", "Lux Logistique"),
        (4, "TIC", "BE-7000", 18.0, "training", "Forem Mons"),
        (6, "Éco-construction", "BE-1300", 7.25, "public", "Zoning Wavre"),
        (6, "TIC", "BE-1300", 7.25, "public", "Zoning Wavre"),
    ])
    assert dict(zip(rej["source_row"].astype(int), rej["rule"])) == {3: "invalid_postcode", 5: "invalid_employment"}
    assert results["ROWS_READ"] == 6
    assert results["EMPLOYMENT_IN"] == pytest.approx(12.5 + 40 + 3 + 18 + 2 * 7.25)
    names = set(out["name"]) | set(rej["name"])
    assert "Société Liégeoise d'Électricité" not in names


# --- 3. aggregation from PostgreSQL members onto PostGIS postcode points --------------------
def _export(layer, pg, table, key, geometry=None):
    from qgis.core import QgsVectorLayerExporter

    error = QgsVectorLayerExporter.exportLayer(layer, pg.uri(table, key=key, geometry=geometry), "postgres",
                                               layer.crs())
    assert error[0] == 0, error


def test_aggregate_postgres_members_on_postgis_points(pg, run_alg, tmp_path):
    from qgis.core import QgsVectorLayer

    points_file = SHARED_DATA / "be_postcode_points.gpkg"
    if not points_file.exists():
        pytest.skip("real data be_postcode_points.gpkg not found in {}".format(SHARED_DATA))
    # The member table: the import's own output, loaded into PostgreSQL.
    out_path = tmp_path / "members.gpkg"
    run_alg("importmembers", {"INPUT": "postgres://" + pg.uri("membres"), "CLUSTER_NAMES": KNOWN_CLUSTERS,
                              "OUTPUT": str(out_path), "REJECTED": "TEMPORARY_OUTPUT"})
    _export(QgsVectorLayer(str(out_path), "members", "ogr"), pg, "membres_importes", key="id")
    # Postcode points as a PostGIS layer whose code column is an integer.
    _export(QgsVectorLayer(str(points_file), "points", "ogr"), pg, "cp_points", key="id", geometry="geom")
    pg.psql('ALTER TABLE cp_points ALTER COLUMN postcode TYPE integer USING postcode::integer')
    points = QgsVectorLayer(pg.uri("cp_points", key="id", geometry="geom"), "cp", "postgres")
    assert points.isValid() and points.fields().field("postcode").typeName() == "int4"
    assert pg.psql("SELECT count(*), GeometryType(geom), ST_SRID(geom) FROM cp_points GROUP BY 2, 3").strip() \
        == "1144|POINT|31370"

    result = run_alg("aggregatepostcodes", {
        "MEMBERS": "postgres://" + pg.uri("membres_importes", key="id"),
        "POSTCODES": "postgres://" + pg.uri("cp_points", key="id", geometry="geom"),
        "POSTCODE_FIELD": "postcode",
        "OUTPUT": str(tmp_path / "zones.gpkg"), "CIRCLES": "TEMPORARY_OUTPUT",
        "UNMATCHED": str(tmp_path / "unmatched.gpkg"),
    })
    zones = layer_frame(result["OUTPUT"]).set_index("pc_key")
    unmatched = layer_frame(result["UNMATCHED"])

    # Oracle: pandas on the rows as PostgreSQL holds them.
    from io import StringIO

    rows = pd.read_csv(StringIO(pg.psql(
        "COPY (SELECT entity_id, cluster, pc_key, employment FROM membres_importes) TO STDOUT WITH (FORMAT csv, HEADER)")),
        dtype={"pc_key": str})
    codes = set("BE-{}".format(c) for c in pg.psql("SELECT postcode FROM cp_points").split())
    matched = rows[rows["pc_key"].isin(codes)]
    per_entity = matched.groupby(["pc_key", "entity_id"])["employment"].max()  # an entity once per code
    expected_total = per_entity.groupby(level="pc_key").sum(min_count=0)
    expected_entities = per_entity.groupby(level="pc_key").size()
    # Every reference code is a zone; those without members hold nothing.
    assert len(zones) == 1144 and set(expected_total.index) <= set(zones.index)
    empty = zones.drop(index=expected_total.index)
    assert (empty["entities"].fillna(0) == 0).all() and (empty["employment"].fillna(0) == 0).all()
    for key, value in expected_total.items():
        assert zones.loc[key, "employment"] == pytest.approx(value), key
        assert zones.loc[key, "entities"] == expected_entities[key], key
    slugs = {cluster: slug for slug, cluster in json.loads(result["FIELD_MAP"])["clusters"].items()}
    for (key, cluster), value in matched.groupby(["pc_key", "cluster"])["employment"].sum().items():
        assert zones.loc[key, "emp_" + slugs[cluster]] == pytest.approx(value), (key, cluster)
    # Hand figures: the two-cluster entity counts once in the total, fully in each cluster.
    assert zones.loc["BE-4000", "employment"] == pytest.approx(1250.0)
    assert zones.loc["BE-1300", "employment"] == pytest.approx(7.25)
    assert zones.loc["BE-1300", "emp_" + slugs["Éco-construction"]] == pytest.approx(7.25)
    # Luxembourg has no point in the Belgian reference: unmatched, not lost.
    assert list(unmatched["pc_key"]) == ["LU-4365"]
    assert result["EMPLOYMENT_UNMATCHED"] == pytest.approx(40.0)
    assert result["EMPLOYMENT_MATCHED"] == pytest.approx(1250 + 12.5 + 7.25)


# --- 4. database column types the readers must not trip on ----------------------------------
def test_database_column_types(pg, run_alg, tmp_path):
    """jsonb and array cells arrive as dict/list (unhashable: column detection
    crashed on them before table_io turned them into JSON text); bigint codes,
    unconstrained numeric (incl. NaN), char(n) padding, dates and smallint years."""
    pg.psql("""
    DROP TABLE IF EXISTS membres_types;
    CREATE TABLE membres_types (gid serial PRIMARY KEY, "Numéro BCE" text, "Nom" varchar(80), "CP" bigint,
        "Effectif" numeric, "Année" smallint, "Mis à jour" date, "Remarques" jsonb, "Étiquettes" text[],
        "Pôle" char(12), "Type" text);
    INSERT INTO membres_types ("Numéro BCE", "Nom", "CP", "Effectif", "Année", "Mis à jour", "Remarques",
        "Étiquettes", "Pôle", "Type") VALUES
     ('0123.456.789', 'Alpha', 1348, 12.5, 2011, '2011-05-01', '{"source": "enquête"}', '{a,b}', 'TIC', 'Entreprise'),
     ('0123.456.780', 'Bêta', 4000, 'NaN', 2011, NULL, '[1, 2]', NULL, 'TIC', 'Entreprise'),
     ('0123.456.781', 'Gamma', 99999, 5, NULL, NULL, '{"k": "v"}', '{c}', 'TIC', 'Entreprise');
    """)
    out, rej, results = run_import(run_alg, tmp_path, "postgres://" + pg.uri("membres_types"), "types")
    columns = json.loads(results["COLUMNS"])
    assert (columns["id"], columns["postcode"], columns["cluster"], columns["year"]) == ("Numéro BCE", "CP", "Pôle", "Année")
    assert memberships(out) == [
        (1, "TIC", "BE-1348", 12.5, "company", "Alpha"),
        (2, "TIC", "BE-4000", None, "company", "Bêta"),  # numeric NaN: not a headcount, kept as unknown
    ]
    assert list(out["entity_id"]) == ["0123.456.789", "0123.456.780"]
    assert list(out["year"]) == [2011, 2011]
    assert list(out["employment_unknown"].astype(bool)) == [False, True]
    # 99999 is no Belgian code: rejected, with every cell of the row in raw_record.
    assert list(rej["rule"]) == ["invalid_postcode"] and "99999" in rej.loc[0, "reason"]
    record = json.loads(rej.loc[0, "raw_record"])
    assert json.loads(record["Remarques"]) == {"k": "v"} and json.loads(record["Étiquettes"]) == ["c"]
