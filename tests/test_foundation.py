"""The plugin as QGIS sees it: metadata, loading, provider, groups, unloading,
packaging, the qgis_process wrapper and the real desktop."""
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
    assert meta["qgisMaximumVersion"] == "3.99"
    assert meta["hasProcessingProvider"] == "yes"
    assert meta["license"] == "GPL-2.0-or-later"
    assert (ROOT / meta["icon"]).is_file()
    assert meta["version"] in meta["changelog"]


def test_provider_registered_with_its_groups(provider):
    from qgis.core import QgsApplication

    assert QgsApplication.processingRegistry().providerById("clusteratlas") is provider
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


@pytest.mark.desktop
def test_real_desktop_shows_the_provider(tmp_path):
    if subprocess.run(["which", "xvfb-run"], capture_output=True).returncode:
        pytest.skip("xvfb-run not installed")
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "desktop_check.py"), "--out", str(tmp_path)],
                          capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    result = json.loads((tmp_path / "result.json").read_text())
    assert result["plugin_loaded"] and result["provider"] == "Cluster Atlas"
    assert {a.split(":")[1] for a in result["algorithms"]} >= EXPECTED_ALGORITHMS
    assert (tmp_path / "desktop.png").stat().st_size > 10000
    assert result["toolbox_entries"] == ["Aggregate", "Cartography", "Import", "Network"]


@pytest.mark.desktop
def test_real_desktop_in_french(tmp_path):
    """A Walloon user's QGIS in French shows the translated groups."""
    if subprocess.run(["which", "xvfb-run"], capture_output=True).returncode:
        pytest.skip("xvfb-run not installed")
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "desktop_check.py"), "--out", str(tmp_path),
                           "--locale", "fr"], capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    result = json.loads((tmp_path / "result.json").read_text())
    assert result["toolbox_entries"] == ["Agrégation", "Cartographie", "Importation", "Réseau"]
