"""The bundled model resources/models/atlas_chain.model3 (clusteratlas:atlaschain):
it loads and validates, the file is what scripts/make_models.py writes, and a run
on the sample data equals running the four algorithms one by one (the oracle):
same PDF page count, same member table, rejects, unmatched and circles. Also
without a network (the conditional branch skips networkoverlay) and through
scripts/qgis_process."""
import importlib.util
import re
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest

from .conftest import pdf_text

ROOT = Path(__file__).resolve().parents[1]
MODEL_FILE = ROOT / "resources" / "models" / "atlas_chain.model3"
S = ROOT / "sample_data"
MEMBERS = str(S / "members.csv")
POINTS = f"{S / 'postcode_points.gpkg'}|layername=postcode_points"
NETWORK = f"{S / 'network_illustrative.gpkg'}|layername=network"
WALLONIA = f"{S / 'boundaries.gpkg'}|layername=wallonia"
CHILDREN = {"IMPORT": "clusteratlas:importmembers", "AGGREGATE": "clusteratlas:aggregatepostcodes",
            "HAS_NETWORK": "native:condition", "OVERLAY": "clusteratlas:networkoverlay",
            "EXPORT": "clusteratlas:exportatlasmap", "EXPORT_NO_NETWORK": "clusteratlas:exportatlasmap"}
OUTPUTS = {"IMPORT:MEMBERS", "IMPORT:REJECTED", "AGGREGATE:ZONES", "AGGREGATE:CIRCLES", "AGGREGATE:UNMATCHED",
           "OVERLAY:ZONES", "OVERLAY:SUMMARY", "OVERLAY:REPORT", "EXPORT:PAGE", "EXPORT_NO_NETWORK:PAGE"}


def _pages(pdf):
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo (poppler-utils) not installed")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def _layer(path):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(str(path), "check", "ogr")
    assert layer.isValid(), path
    return layer


def _table(path):
    """Field names and sorted rows (every attribute as text, geometry as WKT) of a layer."""
    layer = _layer(path)
    names = [f.name() for f in layer.fields() if f.name() != "fid"]
    rows = sorted(tuple(str(f[n]) for n in names) + (f.geometry().asWkt(3),) for f in layer.getFeatures())
    return names, rows


def _total(path, field):
    """Count of features and sum of a numeric field (NULL counted as 0)."""
    values = [f[field] for f in _layer(path).getFeatures()]
    return len(values), sum(float(v) for v in values if v is not None and str(v) != "NULL")


def _xml_tree(path):
    def walk(node):
        return node.tag, sorted(node.attrib.items()), (node.text or "").strip(), [walk(c) for c in node]

    return walk(ElementTree.parse(str(path)).getroot())


def _load_model():
    from qgis.core import QgsProcessingModelAlgorithm

    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(str(MODEL_FILE))
    return model


def test_model_file_loads_validates_and_matches_generator(provider, tmp_path):
    model = _load_model()
    assert model.name() == "Atlas chain" and model.group() == "Cartography"
    ok, errors = model.validate()
    assert ok, errors
    children = {cid: child.algorithmId() for cid, child in model.childAlgorithms().items()}
    assert children == CHILDREN
    assert all(child.algorithm() is not None for child in model.childAlgorithms().values())
    assert {p.name() for p in model.parameterDefinitions() if not p.isDestination()} == {
        "MEMBERS", "EMPLOYMENT_CEILING", "YEAR", "POSTCODES", "POSTCODE_FIELD", "NETWORK", "CLASS_FIELD",
        "CLASS_MAP", "BOUNDARY", "TITLE", "PER_CLUSTER",
        "SHEET", "CLUSTER_SEPARATORS", "CLUSTER_NAMES", "EXCLUDE", "EXCLUSIONS", "SOURCES", "AUTHORS", "CREDITS"}
    # With a network the page step comes after the overlay and takes its summary and class settings.
    export = model.childAlgorithm("EXPORT")
    assert "OVERLAY" in model.dependsOnChildAlgorithms("EXPORT")
    sources = {name: [(src.source(), src.outputChildId(), src.outputName(), src.parameterName()) for src in srcs]
               for name, srcs in export.parameterSources().items()}
    assert sources["NETWORK_SUMMARY"] == [(sources["NETWORK_SUMMARY"][0][0], "OVERLAY", "SUMMARY", "")]
    assert sources["CLASS_MAP"][0][3] == "CLASS_MAP" and sources["NETWORK_CLASS_FIELD"][0][3] == "CLASS_FIELD"
    overlay_map = model.childAlgorithm("OVERLAY").parameterSources()["CLASS_MAP"][0]
    assert overlay_map.parameterName() == "CLASS_MAP"
    assert "OVERLAY" not in model.dependsOnChildAlgorithms("EXPORT_NO_NETWORK")
    assert {p.name() for p in model.destinationParameterDefinitions()} == OUTPUTS
    assert len(model.shortHelpString()) > 500
    # The committed file is what the generator builds now (no hand edits lost on regeneration).
    spec = importlib.util.spec_from_file_location("make_models", ROOT / "scripts" / "make_models.py")
    make_models = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_models)
    from qgis.core import Qgis, QgsApplication

    built = make_models.build_model(QgsApplication.processingRegistry())
    assert built.toFile(str(tmp_path / "built.model3"))
    # Qt writes XML attributes in random order: compare the parsed trees. The generator is a
    # development tool run on QGIS 3.22 (byte-stable there); QGIS 3.40+ name a model's outputs after
    # their descriptions ("circles", not "AGGREGATE:CIRCLES") and write another format version, so
    # there the committed file is what users get and is checked above (same output names on
    # every version), not regenerated.
    if Qgis.QGIS_VERSION_INT < 32300:
        assert _xml_tree(tmp_path / "built.model3") == _xml_tree(MODEL_FILE), \
            "resources/models/atlas_chain.model3 is stale: run scripts/make_models.py (on QGIS 3.22)"


def test_provider_exposes_the_model(provider):
    from cluster_atlas import compat
    from qgis.core import QgsApplication

    alg = QgsApplication.processingRegistry().createAlgorithmById("clusteratlas:atlaschain")
    registry = QgsApplication.processingRegistry()
    assert alg is not None and alg.provider() is registry.providerById("clusteratlas")
    assert alg.displayName() == "Atlas chain (import to atlas page)"
    assert alg.groupId() == "cartography" and alg.group() == "Cartography"
    assert alg.canExecute()[0]
    optional = {p.name() for p in alg.destinationParameterDefinitions()
                if p.flags() & compat.FLAG_OPTIONAL}
    assert optional == OUTPUTS - {"EXPORT:PAGE"}, "only the page must be named; layers default to temporary"
    hidden = {p.name() for p in alg.destinationParameterDefinitions() if p.flags() & compat.FLAG_HIDDEN}
    assert hidden == {"EXPORT_NO_NETWORK:PAGE"}, "the page of the no-network branch is filled from EXPORT:PAGE"
    # The instance the toolbox lists has its outputs too (children resolved after registration).
    listed = QgsApplication.processingRegistry().algorithmById("clusteratlas:atlaschain")
    assert {p.name() for p in listed.destinationParameterDefinitions()} == OUTPUTS


def all_output_files(out):
    """Every output of the model named, as files in ``out``."""
    return {"IMPORT:MEMBERS": str(out / "members.gpkg"), "IMPORT:REJECTED": str(out / "rejected.gpkg"),
            "AGGREGATE:ZONES": str(out / "zones.gpkg"), "AGGREGATE:CIRCLES": str(out / "circles.gpkg"),
            "AGGREGATE:UNMATCHED": str(out / "unmatched.gpkg"), "OVERLAY:ZONES": str(out / "network_zones.gpkg"),
            "OVERLAY:SUMMARY": str(out / "summary.gpkg"), "OVERLAY:REPORT": str(out / "report.html"),
            "EXPORT:PAGE": str(out / "page.pdf")}


def _model_params(out, network=True, page="page.pdf"):
    params = {"MEMBERS": MEMBERS, "EMPLOYMENT_CEILING": 3000, "POSTCODES": POINTS, "POSTCODE_FIELD": "postcode",
              "BOUNDARY": WALLONIA, "TITLE": "Model test", "PER_CLUSTER": True,
              "IMPORT:MEMBERS": str(out / "members.gpkg"), "IMPORT:REJECTED": str(out / "rejected.gpkg"),
              "AGGREGATE:CIRCLES": str(out / "circles.gpkg"), "AGGREGATE:UNMATCHED": str(out / "unmatched.gpkg"),
              "EXPORT:PAGE": str(out / page)}
    if network:
        params.update({"NETWORK": NETWORK, "CLASS_FIELD": "class", "OVERLAY:ZONES": str(out / "network_zones.gpkg"),
                       "OVERLAY:SUMMARY": str(out / "summary.gpkg")})
    return params


def _step_by_step(run_alg, out, network=True):
    """The oracle: the algorithms run one by one, as scripts/demo.sh does."""
    imp = run_alg("importmembers", {"INPUT": MEMBERS, "EMPLOYMENT_CEILING": 3000,
                                    "OUTPUT": str(out / "members.gpkg"), "REJECTED": str(out / "rejected.gpkg")})
    agg = run_alg("aggregatepostcodes", {"MEMBERS": imp["OUTPUT"], "POSTCODES": POINTS, "POSTCODE_FIELD": "postcode",
                                         "OUTPUT": str(out / "zones.gpkg"), "CIRCLES": str(out / "circles.gpkg"),
                                         "UNMATCHED": str(out / "unmatched.gpkg")})
    if network:
        run_alg("networkoverlay", {"ZONES": agg["OUTPUT"], "EMPLOYMENT_FIELD": "employment", "NETWORK": NETWORK,
                                   "CLASS_FIELD": "class", "OUTPUT": str(out / "network_zones.gpkg"),
                                   "SUMMARY": "TEMPORARY_OUTPUT"})
    page = run_alg("exportatlasmap", {"CIRCLES": agg["CIRCLES"], "FIELD_MAP": agg["FIELD_MAP"],
                                      "NETWORK": NETWORK if network else None, "BOUNDARY": WALLONIA,
                                      "TITLE": "Model test", "PER_CLUSTER": True, "OUTPUT": str(out / "page.pdf")})
    return imp, agg, page


@pytest.fixture(scope="module")
def chain_runs(provider, tmp_path_factory):
    """Model and step-by-step runs with the network, shared by the comparisons below."""
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject

    def run_alg(name, params):
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        alg_id = name if ":" in name else f"clusteratlas:{name}"
        return processing.run(alg_id, params, context=context, feedback=QgsProcessingFeedback())

    model_out, steps_out = tmp_path_factory.mktemp("model"), tmp_path_factory.mktemp("steps")
    model = run_alg("clusteratlas:atlaschain", _model_params(model_out))
    steps = _step_by_step(run_alg, steps_out)
    return model, model_out, steps, steps_out


def _page_text(pdf, page=1):
    return " ".join(pdf_text(pdf, page).split())


def test_model_page_states_the_overlay_measure(chain_runs):
    """The sample's reference is postcode points: the overlay measures distances only (no area,
    no Spearman), so the page states the employment share within 1 km, as the SUMMARY has it."""
    import sqlite3

    model, model_out, _, _ = chain_runs
    with sqlite3.connect(str(model_out / "summary.gpkg")) as db:
        share, area, n = db.execute("SELECT employment_share, area_share, spearman_n FROM summary "
                                    "WHERE class = 'total' ORDER BY threshold_km LIMIT 1").fetchone()
    assert area is None and n == 0  # points: no area share, no correlation
    shown = re.search(r"(\d+,\d) % de l’emploi dans un rayon de 1 km du réseau\.", _page_text(model_out / "page.pdf"))
    assert shown, _page_text(model_out / "page.pdf")
    assert abs(float(shown.group(1).replace(",", ".")) - 100 * share) <= 0.05 + 1e-9
    assert "Spearman" not in _page_text(model_out / "page.pdf")


def test_model_page_equals_step_by_step(chain_runs):
    model, model_out, (imp, agg, page), steps_out = chain_runs
    assert model["EXPORT:PAGE"] == str(model_out / "page.pdf")
    pages = _pages(model_out / "page.pdf")
    assert pages == _pages(steps_out / "page.pdf") == page["PAGES"]
    assert pages == imp["CLUSTERS"] > 1  # PER_CLUSTER: one page per cluster
    assert model["CHILD_RESULTS"]["EXPORT"]["PAGES"] == page["PAGES"]


def test_model_member_rejects_unmatched_equal_step_by_step(chain_runs):
    model, model_out, (imp, agg, page), steps_out = chain_runs
    for name in ("members.gpkg", "rejected.gpkg", "unmatched.gpkg", "circles.gpkg"):
        mine, oracle = _table(model_out / name), _table(steps_out / name)
        assert mine[0] == oracle[0], f"{name}: fields differ"
        assert mine[1] == oracle[1], f"{name}: rows differ"
        assert mine[1], f"{name} is empty: the comparison would prove nothing"
    assert _total(model_out / "members.gpkg", "employment") == (imp["MEMBERSHIPS"], pytest.approx(imp["EMPLOYMENT_OUT"]))
    assert _total(model_out / "rejected.gpkg", "employment") == (imp["REJECTED_COUNT"],
                                                                  pytest.approx(imp["EMPLOYMENT_EXCLUDED"]))
    assert _total(model_out / "unmatched.gpkg", "employment")[1] == pytest.approx(agg["EMPLOYMENT_UNMATCHED"])
    assert agg["EMPLOYMENT_UNMATCHED"] > 0
    child = model["CHILD_RESULTS"]
    for key in ("ROWS_READ", "MEMBERSHIPS", "REJECTED_COUNT", "EMPLOYMENT_OUT", "EMPLOYMENT_EXCLUDED"):
        assert child["IMPORT"][key] == imp[key], key
    for key in ("EMPLOYMENT_TOTAL", "EMPLOYMENT_MATCHED", "EMPLOYMENT_UNMATCHED", "ZONES", "FIELD_MAP"):
        assert child["AGGREGATE"][key] == agg[key], key
    assert imp["EMPLOYMENT_EXCLUDED"] > 0, "the ceiling of 3000 must reach the model's importmembers"


def test_model_network_zones_equal_step_by_step(chain_runs):
    model, model_out, _, steps_out = chain_runs
    assert model["CHILD_RESULTS"]["HAS_NETWORK"] == {"network given": 1, "no network": 0}
    mine, oracle = _table(model_out / "network_zones.gpkg"), _table(steps_out / "network_zones.gpkg")
    assert mine == oracle and mine[1]
    assert Path(model["OVERLAY:REPORT"]).is_file()


def test_model_without_network_skips_the_overlay(provider, run_alg, tmp_path):
    steps = tmp_path / "steps"
    steps.mkdir()
    result = run_alg("atlaschain", _model_params(tmp_path, network=False, page="page.png"))
    assert result["CHILD_RESULTS"]["HAS_NETWORK"] == {"network given": 0, "no network": 1}
    assert "OVERLAY" not in result["CHILD_RESULTS"] and "OVERLAY:ZONES" not in result
    png = Path(result["EXPORT:PAGE"])
    assert png.suffix == ".png" and png.stat().st_size > 10000
    assert "EXPORT_NO_NETWORK:PAGE" not in result and "EXPORT_NO_NETWORK" not in result["CHILD_RESULTS"]
    assert result["CHILD_RESULTS"]["EXPORT"]["OUTPUT"] == str(png)
    imp, agg, page = _step_by_step(run_alg, steps, network=False)
    assert result["CHILD_RESULTS"]["EXPORT"]["PAGES"] == page["PAGES"]
    assert result["CHILD_RESULTS"]["AGGREGATE"]["EMPLOYMENT_UNMATCHED"] == agg["EMPLOYMENT_UNMATCHED"]


@pytest.mark.qgis_process
def test_qgis_process_runs_the_model(tmp_path, chain_runs):
    _, _, (imp, agg, page), _ = chain_runs
    params = _model_params(tmp_path)
    args = [str(ROOT / "scripts" / "qgis_process"), "run", "clusteratlas:atlaschain", "--"]
    args += [f"{k}={v}" for k, v in params.items()]
    proc = subprocess.run(args, capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "Condition network given passed" in proc.stdout
    assert _pages(tmp_path / "page.pdf") == page["PAGES"]
    assert _total(tmp_path / "members.gpkg", "employment") == (imp["MEMBERSHIPS"], pytest.approx(imp["EMPLOYMENT_OUT"]))
    assert _total(tmp_path / "unmatched.gpkg", "employment")[1] == pytest.approx(agg["EMPLOYMENT_UNMATCHED"])


def _model_error(run_alg, params):
    """The messages of a refused model run: the model's error and the errors its
    steps reported (no OGR layer in this frame: it must not outlive QGIS)."""
    import gc
    import traceback

    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    class Errors(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.errors = []

        def reportError(self, error, fatal=False):  # noqa: N802
            self.errors.append(error)
            super().reportError(error, fatal)

    feedback = Errors()
    try:
        run_alg("atlaschain", params, feedback=feedback)
    except QgsProcessingException as error:
        message = " | ".join([str(error)] + feedback.errors)
        traceback.clear_frames(error.__traceback__)
    else:
        message = None
    gc.collect()
    return message


def test_model_maps_one_year_of_a_several_year_list(provider, run_alg, tmp_path):
    """YEAR reaches the aggregation: a two-year list is refused without it (no silent mix of years)
    and, with it, the model's figures equal aggregatepostcodes run with the same YEAR."""
    from .test_aggregate import _two_year_csv

    csv = tmp_path / "members_2021_2022.csv"
    _two_year_csv(csv)
    base = dict(_model_params(tmp_path, network=False, page="page.png"), MEMBERS=str(csv), PER_CLUSTER=False)
    refused = tmp_path / "refused"
    refused.mkdir()
    message = _model_error(run_alg, dict(base, **{"EXPORT:PAGE": str(refused / "page.png")}))
    assert message is not None and "several years (2021, 2022)" in message, message
    assert not (refused / "page.png").exists()

    result = run_alg("atlaschain", dict(base, YEAR=2022))
    steps = tmp_path / "steps"
    steps.mkdir()
    imp = run_alg("importmembers", {"INPUT": str(csv), "EMPLOYMENT_CEILING": 3000,
                                    "OUTPUT": str(steps / "members.gpkg"), "REJECTED": str(steps / "rejected.gpkg")})
    agg = run_alg("aggregatepostcodes", {"MEMBERS": imp["OUTPUT"], "POSTCODES": POINTS, "POSTCODE_FIELD": "postcode",
                                         "YEAR": 2022, "OUTPUT": str(steps / "zones.gpkg"),
                                         "CIRCLES": str(steps / "circles.gpkg"),
                                         "UNMATCHED": str(steps / "unmatched.gpkg")})
    child = result["CHILD_RESULTS"]["AGGREGATE"]
    for key in ("EMPLOYMENT_TOTAL", "EMPLOYMENT_MATCHED", "EMPLOYMENT_UNMATCHED", "ENTITIES", "ZONES"):
        assert child[key] == agg[key], key
    assert child["EMPLOYMENT_TOTAL"] != 10163  # not the 2021 figure of members.csv
    assert Path(result["EXPORT:PAGE"]).stat().st_size > 10000
