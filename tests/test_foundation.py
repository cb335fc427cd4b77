"""The plugin as QGIS sees it: metadata, loading, provider, groups, unloading,
packaging and the qgis_process wrapper (the real desktop: tests/test_desktop_check.py)."""
import configparser
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

REQUIRED_METADATA = ["name", "qgisMinimumVersion", "qgisMaximumVersion", "description", "about", "version",
                     "author", "email", "repository", "tracker", "homepage", "license", "tags", "icon",
                     "changelog", "hasProcessingProvider", "category", "experimental"]
EXPECTED_ALGORITHMS = {"importmembers", "aggregatepostcodes", "postcodezones", "networkoverlay",
                       "applyatlasstyle", "exportatlasmap", "atlaschain"}


def read_metadata():
    parser = configparser.ConfigParser()
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    return parser["general"]


def test_metadata_has_required_keys():
    meta = read_metadata()
    missing = [key for key in REQUIRED_METADATA if not meta.get(key, "").strip()]
    assert not missing, f"metadata.txt lacks {missing}"
    assert meta["name"] == "Cluster Atlas"
    assert meta["qgisMinimumVersion"] == "3.22"
    # QGIS 4 (Qt6) offers the plugin only with a maximum >= 4.0; supportsQt6 is still read by some Qt6
    # builds. Backed by tests/test_qt6_compat.py (compat.py under PyQt6) and the enum scan of test_compat.
    assert meta["qgisMaximumVersion"] == "4.99"
    assert meta["supportsQt6"] == "True"
    assert meta["hasProcessingProvider"] == "yes"
    assert meta["license"] == "GPL-2.0-or-later"
    assert (ROOT / meta["icon"]).is_file()
    assert meta["version"] in meta["changelog"]


def test_provider_registered_with_its_groups(plugin, provider):
    from qgis.core import QgsApplication

    assert QgsApplication.processingRegistry().providerById("clusteratlas") is plugin.provider
    assert provider.name() == "Cluster Atlas"
    assert Path(provider.svgIconPath()).is_file() and not provider.icon().isNull()
    algorithms = {alg.name(): alg for alg in provider.algorithms()}
    assert EXPECTED_ALGORITHMS <= set(algorithms), f"missing {EXPECTED_ALGORITHMS - set(algorithms)}"
    assert {alg.groupId() for alg in algorithms.values()} == {"import", "aggregate", "network", "cartography"}
    assert {alg.group() for alg in algorithms.values()} == {"Import", "Aggregate", "Network", "Cartography"}


def test_every_algorithm_is_documented_and_model_ready(provider):
    from cluster_atlas import compat

    for alg in provider.algorithms():
        assert len(alg.shortHelpString()) > 200, f"{alg.id()} has too little help"
        assert alg.displayName() and alg.icon() is not None
        assert not alg.flags() & getattr(__import__("qgis.core", fromlist=["QgsProcessingAlgorithm"]).QgsProcessingAlgorithm,
                                          "FlagHideFromModeler"), f"{alg.id()} hidden from the modeller"
        copy = alg.create()
        assert copy is not None and copy.id() == alg.id()
        names = [p.name() for p in copy.parameterDefinitions()]
        assert len(names) == len(set(names)) and all(n.isupper() for n in names), names
        assert compat  # imported through the package, as QGIS does


def test_unload_removes_the_provider(plugin):
    from qgis.core import QgsApplication

    registry = QgsApplication.processingRegistry()
    plugin.unload()
    try:
        assert registry.providerById("clusteratlas") is None
        assert plugin.provider is None
    finally:
        plugin.initProcessing()
    assert registry.providerById("clusteratlas") is not None


def test_classfactory_loads_with_iface_stub(qgis_iface):
    import cluster_atlas

    instance = cluster_atlas.classFactory(qgis_iface)
    assert instance.iface is qgis_iface
    assert hasattr(instance, "initProcessing") and hasattr(instance, "unload")


def test_package_zip_contains_exactly_the_plugin(tmp_path):
    sys.path.insert(0, str(ROOT / "scripts"))
    import package

    target = package.build(tmp_path)
    assert target.name == f"cluster_atlas-{read_metadata()['version']}.zip"
    names = zipfile.ZipFile(target).namelist()
    assert all(n.startswith("cluster_atlas/") for n in names)
    top = {Path(n).parts[1] for n in names}
    for needed in ("metadata.txt", "__init__.py", "plugin.py", "provider.py", "compat.py", "LICENSE",
                   "algorithms", "core", "styles", "resources"):
        assert needed in top, f"{needed} missing from the zip"
    for banned in ("tests", "bench", ".ci", "scripts", ".git", ".venv", ".build", "pytest.ini"):
        assert banned not in top, f"{banned} must not ship"
    assert not [n for n in names if "__pycache__" in n or n.endswith((".pyc", ".ts"))]
    # The compiled French ships (the committed file: the ZIP is translated without a build).
    qm = "cluster_atlas/i18n/cluster_atlas_fr.qm"
    assert qm in names
    assert zipfile.ZipFile(target).read(qm) == (ROOT / "i18n" / "cluster_atlas_fr.qm").read_bytes()
    assert not [n for n in names if n.startswith("cluster_atlas/i18n/") and n.endswith(".py")]
    tracked = subprocess.run(["git", "ls-files", "algorithms", "core"], cwd=ROOT, capture_output=True,
                             text=True, check=True).stdout.split()
    assert {f"cluster_atlas/{t}" for t in tracked} <= set(names), "a tracked runtime file is missing"


@pytest.mark.qgis_process
def test_qgis_process_wrapper_lists_the_provider():
    proc = subprocess.run([str(ROOT / "scripts" / "qgis_process"), "list", "--json"], capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout[proc.stdout.index("{"):])
    providers = data["providers"]
    assert "clusteratlas" in providers, sorted(providers)
    algs = {a.split(":")[1] for a in providers["clusteratlas"]["algorithms"]}
    assert EXPECTED_ALGORITHMS <= algs


# --- help: method, worked example on sample_data/, README link, in both languages ---------
HELP_PARTS = {"en": ("<h3>Method</h3>", "<h3>Example</h3>"), "fr": ("<h3>Méthode</h3>", "<h3>Exemple</h3>")}


def _readme_anchors():
    """GitHub's anchors of the README headings (lower case, punctuation dropped, spaces to '-')."""
    import re

    anchors, in_code = set(), False
    for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines():
        if line.lstrip().startswith("```"):
            in_code = not in_code
        match = None if in_code else re.match(r"^#{1,6}\s+(.*)$", line)
        if match:
            text = re.sub(r"[^\w\- ]", "", match.group(1).strip().lower())
            anchors.add(text.replace(" ", "-"))
    return anchors


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_algorithm_help_has_method_example_and_readme_link(plugin, language):
    from cluster_atlas.provider_meta import README_URL
    from qgis.core import QgsApplication

    plugin.reload_translator(language)
    try:
        algorithms = [a for a in QgsApplication.processingRegistry().algorithms()
                      if a.provider().id() == "clusteratlas"]
        assert {a.name() for a in algorithms} == EXPECTED_ALGORITHMS
        anchors = _readme_anchors()
        method, example = HELP_PARTS[language]
        for alg in algorithms:
            text = alg.shortHelpString()
            assert method in text, f"{alg.id()}: no {method} in the {language} help"
            assert example in text, f"{alg.id()}: no {example} in the {language} help"
            worked = text.split(example, 1)[1].split("</p>", 1)[0]
            assert "sample_data/" in worked or "sample data" in worked or "données d'exemple" in worked, \
                f"{alg.id()}: the example does not use the bundled sample_data/"
            assert any(ch.isdigit() for ch in worked), f"{alg.id()}: the example gives no figures"
            url = alg.helpUrl()
            assert url.startswith(README_URL + "#") and f'href="{url}"' in text, alg.id()
            assert url.split("#", 1)[1] in anchors, f"{alg.id()}: {url} is no README heading"
    finally:
        plugin.reload_translator("en")


S = ROOT / "sample_data"


def _rejected_rows(path):
    from qgis.core import QgsVectorLayer

    return {f["source_row"]: f["rule"] for f in QgsVectorLayer(str(path), "rejected", "ogr").getFeatures()}


def _help(alg_id):
    from qgis.core import QgsApplication

    return QgsApplication.processingRegistry().algorithmById(f"clusteratlas:{alg_id}").shortHelpString()


def test_help_examples_are_true_on_the_sample_data(plugin, run_alg, tmp_path):
    """Each help's worked example is what the algorithm returns on sample_data/ (the
    figures quoted in the English help are the run's outputs)."""
    import json as json_

    plugin.reload_translator("en")
    o = tmp_path
    imp = run_alg("importmembers", {"INPUT": str(S / "members.csv"), "EMPLOYMENT_CEILING": 3000,
                                    "OUTPUT": str(o / "members.gpkg"), "REJECTED": str(o / "rejected.gpkg")})
    text = _help("importmembers")
    assert (imp["MEMBERSHIPS"], imp["ENTITIES"], imp["CLUSTERS"], imp["REJECTED_COUNT"]) == (90, 85, 4, 3)
    assert f"{imp['MEMBERSHIPS']} memberships of {imp['ENTITIES']} entities in {imp['CLUSTERS']} clusters" in text
    assert (f"EMPLOYMENT_IN {imp['EMPLOYMENT_IN']:,.0f} = EMPLOYMENT_OUT {imp['EMPLOYMENT_OUT']:,.0f} + "
            f"EMPLOYMENT_EXCLUDED {imp['EMPLOYMENT_EXCLUDED']:,.0f}") in text
    assert _rejected_rows(o / "rejected.gpkg") == {89: "invalid_postcode", 90: "duplicate", 91: "excluded_ceiling"}

    zones = run_alg("postcodezones", {
        "POINTS": f"{S / 'postcode_points.gpkg'}|layername=postcode_points", "POSTCODE_FIELD": "postcode",
        "BOUNDARY": f"{S / 'boundaries.gpkg'}|layername=belgium", "OUTPUT": str(o / "zones.gpkg"),
        "REPORT": str(o / "report.gpkg")})
    assert f"{zones['ZONES']} zones covering Belgium, ISSUES {zones['ISSUES']}" in _help("postcodezones")

    agg = run_alg("aggregatepostcodes", {
        "MEMBERS": str(o / "members.gpkg"), "POSTCODES": str(o / "zones.gpkg"), "POSTCODE_FIELD": "postcode",
        "OUTPUT": str(o / "agg.gpkg"), "CIRCLES": str(o / "circles.gpkg"), "UNMATCHED": str(o / "unmatched.gpkg")})
    text = _help("aggregatepostcodes")
    assert f"EMPLOYMENT_TOTAL {agg['EMPLOYMENT_TOTAL']:,.0f}" in text
    assert f"EMPLOYMENT_MATCHED {agg['EMPLOYMENT_MATCHED']:,.0f} in {agg['ZONES']} zones" in text
    assert f"EMPLOYMENT_UNMATCHED {agg['EMPLOYMENT_UNMATCHED']:,.0f}" in text

    net = run_alg("networkoverlay", {
        "ZONES": str(o / "agg.gpkg"), "EMPLOYMENT_FIELD": "employment",
        "NETWORK": f"{S / 'network_illustrative.gpkg'}|layername=network", "CLASS_FIELD": "class",
        "OUTPUT": str(o / "nz.gpkg"), "SUMMARY": str(o / "ns.gpkg"), "REPORT": str(o / "nr.html")})
    (total_1km,) = [r for r in json_.loads(net["STATS_JSON"]) if r["class"] == "total" and r["threshold_km"] == 1]
    text = _help("networkoverlay")
    assert (f"{total_1km['employment_share']:.1%} of the employment lies within 1 km of the network on "
            f"{total_1km['area_share']:.1%} of the area") in text
    assert f"affinity_area {total_1km['affinity_area']:.1f}" in text
    assert f"SPEARMAN_RHO {net['SPEARMAN_RHO']:.2f} with SPEARMAN_N {net['SPEARMAN_N']}" in text

    style = run_alg("applyatlasstyle", {"INPUT": str(o / "circles.gpkg"), "STYLE": 1, "FIELD_MAP": agg["FIELD_MAP"],
                                        "OUTPUT": str(o / "styled.gpkg")})
    import re

    size, value = re.search(r"diameter ([\d.]+) mm for ([\d\s,.]+\d)", style["STYLE_INFO"]).groups()
    value = int(re.sub(r"\D", "", value))  # "1 690" with a narrow no-break space
    assert f"diameter {size} mm (MAX_SIZE) for {value:,}" in _help("applyatlasstyle")

    page = run_alg("exportatlasmap", {
        "CIRCLES": str(o / "circles.gpkg"), "ZONES": str(o / "agg.gpkg"), "FIELD_MAP": agg["FIELD_MAP"],
        "NETWORK": f"{S / 'network_illustrative.gpkg'}|layername=network",
        "BOUNDARY": f"{S / 'boundaries.gpkg'}|layername=wallonia", "PER_CLUSTER": True,
        "TITLE": "Les clusters technologiques", "OUTPUT": str(o / "atlas.pdf")})
    assert page["PAGES"] == imp["CLUSTERS"]
    assert f"a PDF of {page['PAGES']} pages (PAGES = {page['PAGES']})" in _help("exportatlasmap")
    assert f"a PDF of {page['PAGES']} pages, one per cluster" in _help("atlaschain")
