"""importmembers on a generated Belgian-Excel member list (``;``, cp1252, decimal
comma, multi-cluster cells, size classes, prefixes, bad codes, duplicates).

ours               : processing.run(clusteratlas:importmembers), OUTPUT and REJECTED
                     written to GeoPackage (what a user gets).
pandas_read_csv    : pandas.read_csv of the same file (the issue's yardstick).
core_only          : our pandas read + core import, no QGIS sink (where the time goes).
normal_sink        : the whole algorithm with the GeoPackage fast path off (every row
                     through QgsFeature + the QGIS sink), to show what the SQLite bulk insert saves.
qgis_ogr_read      : QGIS merely reading the same CSV through OGR (attributes only).
"""
import random

from harness import Case, qgis_app

CLUSTERS = ["TIC", "TWIST", "Logistique", "Nutrition", "Éco-construction", "Aéronautique", "Auto-mobilité"]
KINDS = ["Entreprise", "entreprise", "Centre de formation", "université", "Entité publique", "bedrijf", "centre R&D", ""]
EMPLOYMENT = ["12", "1 250", "1.250", "12,5", "10-19", "n.c.", "", "3", "250", "50-99", "?", "-1"]


def _postcodes(ctx):
    path = ctx.shared / "be_bpost_postcodes_2013.csv"
    if path.exists():
        codes = sorted({line.split(";")[0] for line in path.read_text(encoding="utf-8").splitlines()[1:]})
        return [c for c in codes if len(c) == 4]
    return [str(c) for c in range(1000, 10000, 7)]


def prepare(ctx):
    rng = random.Random(42)
    codes = _postcodes(ctx)
    path = ctx.workdir / "members_{}.csv".format(ctx.size)
    if not path.exists():
        lines = ["Nom;Code postal;Effectif;Type;Cluster(s)"]
        for i in range(ctx.size):
            code = rng.choice(codes)
            roll = rng.random()
            if roll < 0.2:
                code = "B-" + code
            elif roll < 0.25:
                code = code + " Localité"
            elif roll < 0.27:
                code = "L-" + str(rng.randint(1000, 9999))
            elif roll < 0.28:
                code = "0" + code[:3]  # invalid
            clusters = rng.choice(CLUSTERS)
            if rng.random() < 0.2:
                clusters = '"' + clusters + "; " + rng.choice(CLUSTERS) + '"'
            # ~1% duplicates of an earlier entity
            name = "Entité n°{}".format(rng.randint(0, i) if (i and rng.random() < 0.01) else i)
            lines.append(";".join([name, code, rng.choice(EMPLOYMENT), rng.choice(KINDS), clusters]))
        path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return {"path": str(path), "out": str(ctx.workdir / "out_{}.gpkg".format(ctx.size)),
            "rej": str(ctx.workdir / "rej_{}.gpkg".format(ctx.size))}  # fmt: skip


def run_import(state):
    qgis_app()
    from qgis import processing

    results = processing.run(
        "clusteratlas:importmembers",
        {"INPUT": state["path"], "OUTPUT": state["out"], "REJECTED": state["rej"]},
    )
    assert results["EMPLOYMENT_IN"] > 0 and results["MEMBERSHIPS"] > 0


def run_import_normal_sink(state):
    qgis_app()
    from cluster_atlas.algorithms import table_io

    table_io.GPKG_FAST_PATH = False  # child process: no effect on other timings
    state = dict(state, out=state["out"].replace(".gpkg", "_sink.gpkg"), rej=state["rej"].replace(".gpkg", "_sink.gpkg"))
    run_import(state)


def pandas_read_csv(state):
    import pandas as pd

    frame = pd.read_csv(state["path"], sep=";", encoding="cp1252")
    assert len(frame)


def core_only(state):
    qgis_app()
    from cluster_atlas.core.headers import detect_columns
    from cluster_atlas.core.members import import_members
    from cluster_atlas.core.readers import read_table

    table, _ = read_table(state["path"])
    mapping, _ = detect_columns(list(table.columns))
    result = import_members(table, mapping)
    assert len(result.output)


def qgis_ogr_read(state):
    qgis_app()
    from qgis.core import QgsFeatureRequest, QgsVectorLayer

    from cluster_atlas import compat

    layer = QgsVectorLayer(state["path"], "m", "ogr")
    request = QgsFeatureRequest().setFlags(compat.FEATURE_REQUEST_NO_GEOMETRY)
    assert sum(1 for _ in layer.getFeatures(request)) > 0


CASES = [
    Case(
        name="import_members",
        prepare=prepare,
        subject=run_import,
        references={
            "pandas_read_csv": pandas_read_csv,
            "core_only": core_only,
            "qgis_ogr_read": qgis_ogr_read,
            "normal_sink": run_import_normal_sink,
        },
        sizes=[10000, 100000, 1000000],
        note="generated Belgian-Excel CSV (; cp1252), outputs to GeoPackage",
    )
]
