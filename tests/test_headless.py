"""Headless use through scripts/qgis_process (issue 7, "Headless").

- The README's Headless examples are run as written (every ```bash block of the
  section, in one shell, output folder substituted): the docs cannot rot. They
  chain all 7 algorithms and write each run's ``--json`` document; those results
  are checked against independent oracles: the same algorithm run in-process
  through processing.run, pandas/SQLite on the files written, hand figures of
  sample_data/README.md.
- ``help <id> --json`` lists the same parameters and outputs as the algorithm.
- One run on the real data of ../shared/data.
- Errors: non-zero exit, one clean line naming the file/field and what to do,
  no Python traceback, nothing on stdout with ``--json``.
- Each algorithm's help link points at a heading of README.md (GitHub slug).

qgis_process launches cost ~2-3 s each: independent ones run three at a time.
"""
import json
import os
import re
import sqlite3
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # --import-mode=importlib: conftest is not on the path
from conftest import SHARED_DATA, shared_file  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
QP = str(ROOT / "scripts" / "qgis_process")
README = ROOT / "README.md"
S = ROOT / "sample_data"
POINTS = f"{S / 'postcode_points.gpkg'}|layername=postcode_points"
NETWORK = f"{S / 'network_illustrative.gpkg'}|layername=network"
WALLONIA = f"{S / 'boundaries.gpkg'}|layername=wallonia"
BELGIUM = f"{S / 'boundaries.gpkg'}|layername=belgium"
ALGORITHMS = ("importmembers", "postcodezones", "aggregatepostcodes", "networkoverlay", "applyatlasstyle",
              "exportatlasmap", "atlaschain")
README_OUT = "/tmp/cluster_atlas_headless"  # the output folder the README examples use
TRACEBACK = "Traceback (most recent call last)"

pytestmark = pytest.mark.qgis_process


# --- helpers ---------------------------------------------------------------------------------------
def _run(args, env=None, cwd=ROOT):
    return subprocess.run(args, capture_output=True, text=True, timeout=600, cwd=str(cwd),
                          env=None if env is None else {**os.environ, **env})


def _run_many(commands, env=None, jobs=3):
    with ThreadPoolExecutor(jobs) as pool:
        return list(pool.map(lambda args: _run(args, env), commands))


def _payload(proc):
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return json.loads(proc.stdout)  # --json: stdout is the JSON document and nothing else


def _section(text, title):
    start = text.index("\n## " + title)
    end = text.find("\n## ", start + 4)
    return text[start:end if end > 0 else len(text)]


def _headings(text):
    """Markdown headings outside fenced code blocks."""
    headings, fenced = [], False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and re.match(r"#{1,6} ", line):
            headings.append(line.lstrip("#").strip())
    return headings


def github_slug(heading):
    """GitHub's anchor of a heading: lower case, punctuation (backticks, colons...)
    dropped except '-' and '_', spaces to '-'."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def _slugs(text):
    seen, slugs = {}, set()
    for heading in _headings(text):
        slug = github_slug(heading)
        n = seen.get(slug, 0)
        seen[slug] = n + 1
        slugs.add(slug if n == 0 else f"{slug}-{n}")
    return slugs


# The data table of a GeoPackage, not its default style (layer_styles, whose QML's attribute
# order changes from one process to the next).
DATA_TABLE = "SELECT table_name FROM gpkg_contents WHERE table_name != 'layer_styles'"


def _rows(path, columns):
    """Rows of the one table of a GeoPackage (SQLite: no QGIS layer kept alive)."""
    with sqlite3.connect(str(path)) as db:
        table = db.execute(DATA_TABLE).fetchone()[0]
        return db.execute('SELECT {} FROM "{}"'.format(", ".join(f'"{c}"' for c in columns), table)).fetchall()


def _table_without_fid(path):
    with sqlite3.connect(str(path)) as db:
        table = db.execute(DATA_TABLE).fetchone()[0]
        cursor = db.execute(f'SELECT * FROM "{table}"')
        names = [d[0] for d in cursor.description]
        keep = [i for i, n in enumerate(names) if n != "fid"]
        return [names[i] for i in keep], sorted(tuple(str(r[i]) for i in keep) for r in cursor.fetchall())


def _zone_areas(path):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(str(path), "zones", "ogr")
    return sorted((str(f["postcode"]), round(f.geometry().area(), 1)) for f in layer.getFeatures())


def _pdf_pages(pdf):
    """Page objects of a PDF written by Qt (uncompressed dictionaries), checked against its /Count."""
    data = Path(pdf).read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", data))
    assert [int(n) for n in re.findall(rb"/Count\s+(\d+)", data)] == [pages]
    return pages


def _png_size(path):
    head = Path(path).read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")


def _same_values(headless, in_process):
    """Every result that is not a path is equal (numbers to 1e-9)."""
    compared = 0
    for key, value in headless.items():
        if isinstance(value, str) and (value.startswith("/") or value.endswith((".gpkg", ".png", ".pdf", ".html"))):
            continue
        other = in_process[key]
        if isinstance(value, float) or isinstance(other, float):
            assert value == pytest.approx(other, rel=1e-9), key
        else:
            assert value == other, key
        compared += 1
    return compared


# --- the README examples, run as written ---------------------------------------------------------------
@pytest.fixture(scope="module")
def readme_run(tmp_path_factory):
    text = README.read_text(encoding="utf-8")
    blocks = re.findall(r"```bash\n(.*?)```", _section(text, "Headless"), re.S)
    script = "\n".join(blocks)
    assert f"OUT={README_OUT}\n" in script, "the first Headless example sets OUT"
    out = tmp_path_factory.mktemp("readme")
    script = "set -euo pipefail\n" + script.replace(f"OUT={README_OUT}\n", f"OUT={out}\n", 1)
    proc = _run(["bash", "-c", script])
    results = {}
    for name in ALGORITHMS:
        path = out / f"{name}.json"
        if path.exists():
            results[name] = json.loads(path.read_text(encoding="utf-8"))["results"]
    return proc, out, results, blocks


def test_readme_examples_run(readme_run):
    proc, out, results, blocks = readme_run
    assert len(blocks) >= 10
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert set(results) == set(ALGORITHMS)  # one --json document per algorithm
    text = _section(README.read_text(encoding="utf-8"), "Headless")
    for name in ALGORITHMS:  # every algorithm has a copy-paste example with --json
        assert re.search(rf"run clusteratlas:{name} --json", text), name
    # the printed values the README quotes in comments
    lines = proc.stdout.splitlines()
    assert "90" in lines and "33" in lines and "10078.0" in lines
    assert '{"invalid_postcode": 1, "duplicate": 1, "excluded_ceiling": 1}' in lines
    # the error example: exit code 1, stdout empty, the one line the README shows
    assert "exit code 1" in lines
    assert (out / "failed.json").read_text() == ""
    expected = ("ERROR: INPUT: file no_such_file.csv not found; give an existing file (a GeoPackage layer as "
                "file.gpkg|layername=name).")
    assert expected in proc.stderr
    assert expected in text
    assert TRACEBACK not in proc.stdout + proc.stderr


def test_readme_import_and_zones_equal_in_process(readme_run, run_alg, tmp_path):
    _, out, results, _ = readme_run
    imp = run_alg("importmembers", {"INPUT": str(S / "members.csv"), "EMPLOYMENT_CEILING": 3000,
                                    "OUTPUT": str(tmp_path / "m.gpkg"), "REJECTED": str(tmp_path / "r.gpkg")})
    assert _same_values(results["importmembers"], imp) >= 10
    # hand figures (sample_data/README.md, importmembers help) and SQLite on the file written
    assert (results["importmembers"]["ROWS_READ"], results["importmembers"]["MEMBERSHIPS"]) == (92, 90)
    rows = _rows(out / "members.gpkg", ["employment"])
    assert len(rows) == 90 and sum(r[0] or 0 for r in rows) == pytest.approx(11800.0)
    assert _table_without_fid(out / "members.gpkg") == _table_without_fid(imp["OUTPUT"])

    zones = run_alg("postcodezones", {"POINTS": POINTS, "POSTCODE_FIELD": "postcode", "BOUNDARY": BELGIUM,
                                      "OUTPUT": str(tmp_path / "z.gpkg"), "REPORT": str(tmp_path / "zr.gpkg")})
    assert _same_values(results["postcodezones"], zones) >= 4
    assert results["postcodezones"]["ZONES"] == 33  # one zone per code of the sample points
    assert _zone_areas(out / "zones.gpkg") == _zone_areas(zones["OUTPUT"])


def test_readme_aggregate_overlay_style_equal_in_process(readme_run, run_alg, tmp_path):
    import pandas as pd

    _, out, results, _ = readme_run
    agg = run_alg("aggregatepostcodes", {"MEMBERS": str(out / "members.gpkg"), "POSTCODES": str(out / "zones.gpkg"),
                                         "POSTCODE_FIELD": "postcode", "OUTPUT": str(tmp_path / "a.gpkg"),
                                         "CIRCLES": str(tmp_path / "c.gpkg"), "UNMATCHED": str(tmp_path / "u.gpkg")})
    assert _same_values(results["aggregatepostcodes"], agg) >= 8
    # pandas oracle: each entity once; matched = total - the employment of unmatched.gpkg
    members = pd.DataFrame(_rows(out / "members.gpkg", ["entity_id", "employment"]), columns=["id", "emp"])
    total = members.drop_duplicates("id")["emp"].fillna(0).sum()
    unmatched = sum(r[0] or 0 for r in _rows(out / "unmatched.gpkg", ["employment"]))
    r = results["aggregatepostcodes"]
    assert r["EMPLOYMENT_TOTAL"] == pytest.approx(total)
    assert (r["EMPLOYMENT_MATCHED"], r["EMPLOYMENT_UNMATCHED"]) == (pytest.approx(total - unmatched),
                                                                    pytest.approx(unmatched))
    assert sum(x[0] or 0 for x in _rows(out / "aggregate_zones.gpkg", ["employment"])) == pytest.approx(total - unmatched)

    net = run_alg("networkoverlay", {"ZONES": str(out / "aggregate_zones.gpkg"), "EMPLOYMENT_FIELD": "employment",
                                     "NETWORK": NETWORK, "CLASS_FIELD": "class", "OUTPUT": str(tmp_path / "n.gpkg"),
                                     "SUMMARY": str(tmp_path / "s.gpkg"), "REPORT": str(tmp_path / "r.html")})
    assert _same_values(results["networkoverlay"], net) >= 4
    assert results["networkoverlay"]["SPEARMAN_N"] == 33 and -1 <= results["networkoverlay"]["SPEARMAN_RHO"] <= 1
    assert (out / "network_report.html").stat().st_size > 1000

    style = run_alg("applyatlasstyle", {"INPUT": str(out / "circles.gpkg"), "STYLE": 0, "FIELD": "employment",
                                        "OUTPUT": str(tmp_path / "st.gpkg")})
    assert results["applyatlasstyle"]["STYLE_INFO"] == style["STYLE_INFO"]
    with sqlite3.connect(str(out / "circles_styled.gpkg")) as db:
        assert db.execute("SELECT useAsDefault FROM layer_styles").fetchall() == [(1,)]


def test_readme_page_chain_and_batch(readme_run, run_alg, tmp_path):
    _, out, results, _ = readme_run
    field_map = results["aggregatepostcodes"]["FIELD_MAP"]
    page = run_alg("exportatlasmap", {"CIRCLES": str(out / "circles.gpkg"), "FIELD_MAP": field_map,
                                      "ZONES": str(out / "aggregate_zones.gpkg"), "NETWORK": NETWORK,
                                      "BOUNDARY": WALLONIA, "BACKDROP": BELGIUM,
                                      "TITLE": "Technology clusters (sample data)", "DPI": 100,
                                      "OUTPUT": str(tmp_path / "page.png")})
    r = results["exportatlasmap"]
    assert (r["PAGES"], r["MAP_EXTENT"]) == (page["PAGES"], page["MAP_EXTENT"]) == (1, page["MAP_EXTENT"])
    assert _png_size(out / "atlas_page.png") == _png_size(page["OUTPUT"])
    # the model: its member table equals the importmembers step's; one PDF page per cluster
    chain = results["atlaschain"]
    assert chain["EXPORT:PAGE"] == str(out / "chain_atlas.pdf")
    assert _table_without_fid(out / "chain_members.gpkg") == _table_without_fid(out / "members.gpkg")
    assert _pdf_pages(out / "chain_atlas.pdf") == results["importmembers"]["CLUSTERS"] == 4
    # the batch loop: one run per cluster, each total = pandas on the member table of that cluster
    import pandas as pd

    members = pd.DataFrame(_rows(out / "members.gpkg", ["cluster", "employment"]), columns=["cluster", "emp"])
    for cluster in ("TWIST", "Éco-construction"):
        name = re.sub(r"[^A-Za-z0-9]+", "_", cluster.encode("utf-8").decode("latin-1"))
        batch = json.loads((out / f"aggregate_{name}.json").read_text(encoding="utf-8"))["results"]
        expected = members.loc[members["cluster"] == cluster, "emp"].fillna(0).sum()
        assert expected > 0 and batch["EMPLOYMENT_TOTAL"] == pytest.approx(expected)
        assert f"{cluster}: employment {batch['EMPLOYMENT_TOTAL']}" in readme_run[0].stdout


# --- help --json and real data ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def help_and_real(tmp_path_factory, readme_run):
    members = readme_run[1] / "members.gpkg"  # the member table of the README's importmembers example
    out = tmp_path_factory.mktemp("real")
    commands = [[QP, "help", f"clusteratlas:{name}", "--json"] for name in ALGORITHMS]
    points = SHARED_DATA / "be_postcode_points.gpkg"  # absent: only the real-data test skips
    if points.exists():
        commands.append([QP, "run", "clusteratlas:aggregatepostcodes", "--json", "--", f"MEMBERS={members}",
                         f"POSTCODES={points}", "POSTCODE_FIELD=postcode", f"OUTPUT={out / 'zones.gpkg'}",
                         f"CIRCLES={out / 'circles.gpkg'}", f"UNMATCHED={out / 'unmatched.gpkg'}"])
    procs = _run_many(commands)
    return dict(zip(ALGORITHMS, procs)), (procs[len(ALGORITHMS)] if points.exists() else None), out, members


def test_help_json_lists_every_parameter_and_output(help_and_real, provider):
    from cluster_atlas import compat
    from qgis.core import QgsApplication

    helps = help_and_real[0]
    for name, proc in helps.items():
        doc = _payload(proc)
        alg = QgsApplication.processingRegistry().algorithmById(f"clusteratlas:{name}")
        # qgis_process leaves hidden parameters out (the model's second page output, filled by the provider)
        shown = {d.name() for d in alg.parameterDefinitions() if not d.flags() & compat.FLAG_HIDDEN}
        assert shown and set(doc["parameters"]) == shown, name
        assert set(doc["outputs"]) == {o.name() for o in alg.outputDefinitions()}, name
        assert doc["algorithm_details"]["id"] == f"clusteratlas:{name}"
        assert doc["algorithm_details"]["help_url"] == alg.helpUrl()
        for key, param in doc["parameters"].items():
            assert param["description"], (name, key)


def test_real_data_run_equals_in_process(help_and_real, run_alg, tmp_path):
    import pandas as pd

    _, proc, out, members = help_and_real
    shared_file("be_postcode_points.gpkg")  # skips with the reason when ../shared/data is absent
    r = _payload(proc)["results"]
    oracle = run_alg("aggregatepostcodes", {"MEMBERS": str(members),
                                            "POSTCODES": str(shared_file("be_postcode_points.gpkg")),
                                            "POSTCODE_FIELD": "postcode", "OUTPUT": str(tmp_path / "z.gpkg"),
                                            "CIRCLES": str(tmp_path / "c.gpkg"), "UNMATCHED": str(tmp_path / "u.gpkg")})
    assert _same_values(r, oracle) >= 8
    assert _table_without_fid(out / "zones.gpkg") == _table_without_fid(oracle["OUTPUT"])
    # pandas on the real reference: every zone written is a real postcode point
    codes = {str(c[0]) for c in _rows(shared_file("be_postcode_points.gpkg"), ["postcode"])}
    written = pd.DataFrame(_rows(out / "zones.gpkg", ["postcode", "employment"]), columns=["pc", "emp"])
    assert set(written["pc"]) == codes and len(written) == len(codes) > 1000  # every reference point
    assert (written["emp"] > 0).sum() == r["ZONES"] > 20
    assert written["emp"].sum() == pytest.approx(r["EMPLOYMENT_MATCHED"])


# --- errors ---------------------------------------------------------------------------------------
def _error_cases(tmp, members):
    nopc = tmp / "no_postcode.csv"
    nopc.write_text("Nom;Cluster;Effectif\nA;TIC;3\nB;TIC;4\n", encoding="utf-8")
    run = [QP, "run"]
    imp_out = [f"OUTPUT={tmp / 'm.gpkg'}", f"REJECTED={tmp / 'r.gpkg'}"]
    agg = ["clusteratlas:aggregatepostcodes", "--json", "--", f"MEMBERS={members}", f"POSTCODES={POINTS}",
           f"OUTPUT={tmp / 'a.gpkg'}", f"CIRCLES={tmp / 'c.gpkg'}", f"UNMATCHED={tmp / 'u.gpkg'}"]
    return {
        # id: (args, words the one line must hold, pytest marks)
        "missing_input_file": (run + ["clusteratlas:importmembers", "--json", "--",
                                      f"INPUT={tmp / 'no_such.csv'}"] + imp_out, ["INPUT", "no_such.csv", "not found"], ()),
        "wrong_field_name": (run + ["clusteratlas:importmembers", "--json", "--", f"INPUT={S / 'members.csv'}",
                                    "NAME_FIELD=Nmo"] + imp_out, ["NAME_FIELD", "'Nmo'", "Columns: Nom"], ()),
        "wrong_field_name_not_json": (run + ["clusteratlas:importmembers", "--", f"INPUT={S / 'members.csv'}",
                                             "NAME_FIELD=Nmo"] + imp_out, ["NAME_FIELD", "'Nmo'", "Columns: Nom"], ()),
        "export_wrong_extension": (run + ["clusteratlas:exportatlasmap", "--json", "--",
                                          f"CIRCLES={Path(members).parent / 'circles.gpkg'}",
                                          f"OUTPUT={tmp / 'page.docx'}"], ["page.docx", ".pdf, .png or .svg"], ()),
        "csv_without_postcode": (run + ["clusteratlas:importmembers", "--json", "--", f"INPUT={nopc}"] + imp_out,
                                 ["postcode", "Columns seen: Nom, Cluster, Effectif", "field parameters"], ()),
        "unknown_enum_value": (run + agg + ["POSTCODE_FIELD=postcode", "LAYOUT=wide"],
                               ["LAYOUT", "wide", "0 = "], ()),
        "unknown_field_of_layer": (run + agg + ["POSTCODE_FIELD=code"], ["POSTCODE_FIELD", "'code'", "postcode"], ()),
        "missing_layer_file": (run + ["clusteratlas:exportatlasmap", "--json", "--", f"CIRCLES={tmp / 'none.gpkg'}",
                                      f"OUTPUT={tmp / 'page.pdf'}"], ["CIRCLES", "none.gpkg", "not found"], ()),
    }


@pytest.fixture(scope="module")
def error_runs(tmp_path_factory, readme_run):
    tmp = tmp_path_factory.mktemp("errors")
    cases = _error_cases(tmp, readme_run[1] / "members.gpkg")
    procs = _run_many([args for args, _, _ in cases.values()])
    leftovers = sorted(p.name for p in tmp.iterdir() if p.suffix in (".gpkg", ".pdf", ".docx"))
    return dict(zip(cases, procs)), leftovers


def _check_clean_error(proc, words, json_mode):
    everything = proc.stdout + proc.stderr
    assert proc.returncode != 0, everything[-2000:]
    assert TRACEBACK not in everything, everything[-3000:]
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr  # one line, not the same message two or three times
    for word in words:
        assert word in lines[0], (word, lines[0])
    if json_mode:
        assert proc.stdout.strip() == ""  # no half JSON document to parse by mistake


def _case_params():
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        cases = _error_cases(Path(tmp), Path(tmp) / "members.gpkg")
    return [pytest.param(name, words, marks=marks, id=name) for name, (_, words, marks) in cases.items()]


@pytest.mark.parametrize("case,words", _case_params())
def test_error_is_one_clean_line(error_runs, case, words):
    runs, _ = error_runs
    proc = runs[case]
    _check_clean_error(proc, words, "--json" in proc.args)


def test_failed_runs_leave_no_output(error_runs):
    _, leftovers = error_runs
    assert leftovers == []


PROBE_PLUGIN = '''
from qgis.core import QgsApplication, QgsProcessingProvider, QgsProcessingParameterString
from cluster_atlas.algorithms.base import ClusterAtlasAlgorithm


class Broken(ClusterAtlasAlgorithm):
    ALG_ID = "broken"
    GROUP_ID = "import"
    DISPLAY_NAME = "Broken probe"

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterString("X", "x", optional=True))

    def compute(self, parameters, context, feedback):
        return {}["no such key"]  # a bug: an unexpected Python exception


class Provider(QgsProcessingProvider):
    def id(self):
        return "headlessprobe"

    def name(self):
        return "Headless probe"

    def loadAlgorithms(self):
        self.addAlgorithm(Broken())


class Plugin:
    def initProcessing(self):
        self.provider = Provider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):
        self.initProcessing()

    def unload(self):
        QgsApplication.processingRegistry().removeProvider(self.provider)


def classFactory(iface):
    return Plugin()
'''


def test_unexpected_error_has_no_traceback(tmp_path):
    """A bug in compute() (here a KeyError) of a ClusterAtlasAlgorithm, in a probe
    plugin loaded beside this one: one clean line, exit 1, no traceback."""
    plugin = tmp_path / "plugins" / "headlessprobe"
    plugin.mkdir(parents=True)
    (plugin / "__init__.py").write_text(PROBE_PLUGIN, encoding="utf-8")
    (plugin / "metadata.txt").write_text("[general]\nname=headlessprobe\nqgisMinimumVersion=3.0\ndescription=probe\n"
                                         "version=0.1\nauthor=tests\nemail=t@example.org\nhasProcessingProvider=yes\n",
                                         encoding="utf-8")
    ini = tmp_path / "profile" / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True)
    ini.write_text("[PythonPlugins]\ncluster_atlas=true\nheadlessprobe=true\nprocessing=true\n", encoding="utf-8")
    env = {"CLUSTER_ATLAS_PROFILE": str(tmp_path / "profile"), "QGIS_PLUGINPATH": str(tmp_path / "plugins")}
    proc = _run([QP, "run", "headlessprobe:broken", "--", "X=1"], env=env)
    assert "Broken probe stopped on an unexpected error: KeyError" in proc.stderr, proc.stdout + proc.stderr
    _check_clean_error(proc, ["KeyError", "no such key"], json_mode=False)


# --- help links -----------------------------------------------------------------------------------------
def test_github_slug_rules():
    assert github_slug("Headless: `scripts/qgis_process`") == "headless-scriptsqgis_process"
    assert github_slug("Cartography: `applyatlasstyle`, `exportatlasmap`, styled outputs") == \
        "cartography-applyatlasstyle-exportatlasmap-styled-outputs"
    assert github_slug("Benchmarks (measured here: 2 cores, QGIS 3.22.16)") == \
        "benchmarks-measured-here-2-cores-qgis-32216"
    assert _slugs("# A\n```bash\n# not a heading\n```\n## A\n") == {"a", "a-1"}


def test_every_algorithm_has_its_readme_section_and_help_link(provider):
    text = README.read_text(encoding="utf-8")
    headings = _headings(_section(text, "Algorithms"))
    slugs = _slugs(text)
    algorithms = {alg.name(): alg for alg in provider.algorithms()}
    assert set(algorithms) == set(ALGORITHMS)
    for name, alg in algorithms.items():
        assert f"`{name}`" in headings, name  # a heading exactly "### `<id>`"
        url = alg.helpUrl()
        assert "#" in url, (name, url)
        assert url.split("#", 1)[1] in slugs, (name, url)
    # README's internal link to the Headless section resolves
    for anchor in re.findall(r"\]\(#([^)]+)\)", text):
        assert anchor in slugs, anchor


def test_no_warning_from_the_plugin_on_stderr(tmp_path):
    """A successful run prints no Python warning raised by the plugin's own code (a QGIS call
    deprecated on this version, a Python deprecation), in qgis_process' raw stderr (the wrapper's
    filter off). QGIS' own warnings (its Python files on Python 3.14) are not the plugin's."""
    members, zones = tmp_path / "members.gpkg", tmp_path / "zones.gpkg"
    runs = [
        [str(QP), "run", "clusteratlas:importmembers", "--", f"INPUT={S / 'members.csv'}",
         f"OUTPUT={members}", f"REJECTED={tmp_path / 'rejected.gpkg'}"],
        [str(QP), "run", "clusteratlas:aggregatepostcodes", "--", f"MEMBERS={members}",
         f"POSTCODES={S / 'postcode_points.gpkg'}|layername=postcode_points", "POSTCODE_FIELD=postcode",
         f"OUTPUT={zones}", f"CIRCLES={tmp_path / 'circles.gpkg'}", f"UNMATCHED={tmp_path / 'unmatched.gpkg'}"],
    ]
    for args in runs:
        done = _run(args, env={"CLUSTER_ATLAS_RAW_STDERR": "1", "PYTHONWARNINGS": "always"})
        assert done.returncode == 0, done.stderr[-2000:]
        ours = [line for line in done.stderr.splitlines() if "Warning" in line and "cluster_atlas" in line]
        assert ours == [], ours
