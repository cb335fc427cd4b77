"""Parameter names an algorithm does not know (issue 12, item 10): QGIS and qgis_process
ignore them silently (``CLUSTER_SEPARATOR=;`` ran with the default separators, exit 0).
Every algorithm of the provider and the bundled model warn in the log, with the closest
known name; in qgis_process JSON runs the warning also reaches stderr.

And never a false alarm: the keys QGIS itself hands an algorithm (a model's steps, the
dialog's parameters, qgis_process settings given before "--") bring no warning.
Expected texts are written by hand."""
import json
import subprocess
from pathlib import Path

import pytest

from .conftest import SAMPLE_DATA, recording_feedback

ROOT = Path(__file__).resolve().parents[1]
S = SAMPLE_DATA
MEMBERS = str(S / "members.csv")
POINTS = f"{S / 'postcode_points.gpkg'}|layername=postcode_points"
NETWORK = f"{S / 'network_illustrative.gpkg'}|layername=network"
BELGIUM = f"{S / 'boundaries.gpkg'}|layername=belgium"
WALLONIA = f"{S / 'boundaries.gpkg'}|layername=wallonia"
UNKNOWN = "Unknown parameter"
ALGORITHMS = {"importmembers", "postcodezones", "aggregatepostcodes", "networkoverlay", "applyatlasstyle",
              "exportatlasmap", "atlaschain"}
# algorithm -> (a misspelt key, the name the warning must propose)
MISSPELT = {
    "importmembers": ("CLUSTER_SEPARATOR", "CLUSTER_SEPARATORS"),
    "postcodezones": ("POSTCODE_FEILD", "POSTCODE_FIELD"),
    "aggregatepostcodes": ("dominant_share", "DOMINANT_SHARE"),
    "networkoverlay": ("DISTANCE", "DISTANCES"),
    "applyatlasstyle": ("MAX_VALUES", "MAX_VALUE"),
    "exportatlasmap": ("SOURCE", "SOURCES"),
    "atlaschain": ("EXCLUDED", "EXCLUDE"),
}


def _alg(alg_id):
    from qgis.core import QgsApplication

    alg = QgsApplication.processingRegistry().createAlgorithmById(f"clusteratlas:{alg_id}")
    assert alg is not None, alg_id
    return alg


def _expected(key, name):
    return f"Unknown parameter {key} (did you mean {name}?): ignored."


def test_every_algorithm_is_covered(provider):
    assert {a.name() for a in provider.algorithms()} == ALGORITHMS == set(MISSPELT)


@pytest.mark.parametrize("alg_id", sorted(ALGORITHMS))
def test_messages_name_the_closest_parameter(provider, alg_id):
    from cluster_atlas.algorithms.base import unknown_parameter_messages

    alg = _alg(alg_id)
    names = [d.name() for d in alg.parameterDefinitions()]
    assert unknown_parameter_messages(alg, {name: None for name in names}) == []
    # Every name typed in lower case is found again (QGIS' names are case-sensitive).
    messages = unknown_parameter_messages(alg, {name.lower(): 1 for name in names if name.lower() != name})
    assert messages == [_expected(name.lower(), name) for name in names if name.lower() != name]
    key, name = MISSPELT[alg_id]
    assert unknown_parameter_messages(alg, {key: 1}) == [_expected(key, name)]
    assert unknown_parameter_messages(alg, {"ZZ_QQ_WW": 1}) == [
        f"Unknown parameter ZZ_QQ_WW: ignored; scripts/qgis_process help clusteratlas:{alg_id} lists the "
        "parameters."]
    # qgis_process settings typed after "--" reach the algorithm and are not applied: said so.
    assert unknown_parameter_messages(alg, {"ELLIPSOID": "EPSG:7019", "distance_units": "meters"}) == [
        "ELLIPSOID is a qgis_process setting, not a parameter: not applied; give it before '--' (--ellipsoid=...).",
        "distance_units is a qgis_process setting, not a parameter: not applied; give it before '--' "
        "(--distance_units=...)."]


def _run(run_alg, alg_id, params):
    feedback = recording_feedback()
    results = run_alg(alg_id, params, feedback=feedback)
    return results, [w for w in feedback.warnings if UNKNOWN in w or "qgis_process setting" in w], feedback.warnings


def _model_params(out):
    return {"MEMBERS": MEMBERS, "EMPLOYMENT_CEILING": 3000, "POSTCODES": POINTS, "POSTCODE_FIELD": "postcode",
            "BOUNDARY": WALLONIA, "TITLE": "Unknown parameters", "EXPORT:PAGE": str(out / "page.png")}


def _steps(out):
    """Valid parameters of each algorithm on the sample data, in chain order ("{}" in a file name:
    the run number)."""
    return [
        ("importmembers", {"INPUT": MEMBERS, "OUTPUT": str(out / "m{}.gpkg"), "REJECTED": str(out / "r{}.gpkg")}),
        ("postcodezones", {"POINTS": POINTS, "POSTCODE_FIELD": "postcode", "BOUNDARY": BELGIUM,
                           "OUTPUT": str(out / "z{}.gpkg"), "REPORT": str(out / "zr{}.gpkg")}),
        ("aggregatepostcodes", {"MEMBERS": str(out / "m0.gpkg"), "POSTCODES": str(out / "z0.gpkg"),
                                "POSTCODE_FIELD": "postcode", "OUTPUT": str(out / "a{}.gpkg"),
                                "CIRCLES": str(out / "c{}.gpkg"), "UNMATCHED": str(out / "u{}.gpkg")}),
        ("networkoverlay", {"ZONES": str(out / "a0.gpkg"), "EMPLOYMENT_FIELD": "employment", "NETWORK": NETWORK,
                            "OUTPUT": str(out / "n{}.gpkg"), "SUMMARY": str(out / "s{}.gpkg")}),
        ("applyatlasstyle", {"INPUT": str(out / "c0.gpkg"), "STYLE": 0, "FIELD": "employment",
                             "OUTPUT": str(out / "st{}.gpkg")}),
        ("exportatlasmap", {"CIRCLES": str(out / "c0.gpkg"), "BOUNDARY": WALLONIA, "OUTPUT": str(out / "p{}.png")}),
        ("atlaschain", {k: v.replace("page.png", "model{}.png") for k, v in _model_params(out).items()
                        if isinstance(v, str)} | {"EMPLOYMENT_CEILING": 3000}),
    ]


def _filled(params, run):
    return {k: v.format(run) if isinstance(v, str) else v for k, v in params.items()}


@pytest.fixture(scope="module")
def chain(provider, tmp_path_factory):
    """Each step of _steps run once as given (run 0): the outputs the later steps read, and the
    results to compare with. No step warns about its parameters."""
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProject

    out = tmp_path_factory.mktemp("chain")
    results = {}
    for alg_id, params in _steps(out):
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        feedback = recording_feedback()
        results[alg_id] = processing.run(f"clusteratlas:{alg_id}", _filled(params, 0), context=context,
                                         feedback=feedback)
        assert not [w for w in feedback.warnings if UNKNOWN in w], alg_id
    return out, results


def test_every_algorithm_warns_in_a_run_and_runs_as_without_the_key(run_alg, chain):
    """The chain on the sample data, each step given one misspelt key: one warning naming the
    right parameter, and the same results as the step run without it."""
    out, plain_results = chain
    for alg_id, params in _steps(out):
        key, name = MISSPELT[alg_id]
        plain = plain_results[alg_id]
        mistyped, unknown, _ = _run(run_alg, alg_id, dict(_filled(params, 1), **{key: "1"}))
        assert unknown == [_expected(key, name)], alg_id
        checked = alg_id
        if alg_id == "atlaschain":
            plain, mistyped = plain["CHILD_RESULTS"]["IMPORT"], mistyped["CHILD_RESULTS"]["IMPORT"]
            checked = "importmembers"
        # Every statistic equal (the outputs differ by file or layer name only).
        alg = _alg(checked)
        outputs = {d.name() for d in alg.destinationParameterDefinitions()}
        same = [k for k in plain if k not in outputs and not (isinstance(plain[k], str) and str(out) in plain[k])]
        assert same, alg_id
        assert {k: mistyped[k] for k in same} == {
            k: pytest.approx(plain[k], nan_ok=True) if isinstance(plain[k], float) else plain[k] for k in same}, alg_id


def test_model_steps_get_no_warning_and_a_step_warning_reaches_the_model_log(provider, run_alg, tmp_path):
    """The model hands each step a parameter map QGIS builds (its own keys only): no step warns.
    A step's other warnings do reach the model's log (so one would be seen)."""
    params = dict(_model_params(tmp_path), NETWORK=NETWORK, CLASS_FIELD="class", EXCLUDE="Zoning SA")
    results, unknown, warnings = _run(run_alg, "atlaschain", params)
    assert unknown == []
    assert any("have no membership in the member table" in w for w in warnings), warnings  # importmembers' own
    assert results["CHILD_RESULTS"]["HAS_NETWORK"] == {"network given": 1, "no network": 0}


@pytest.fixture()
def browser_model(qgis_iface, monkeypatch):
    """A real browser model behind the test iface (the parameters panel hands it to its widgets;
    pytest-qgis' stand-in is a MagicMock, which PyQt refuses)."""
    from qgis.gui import QgsBrowserGuiModel
    from qgis.PyQt import sip

    model = QgsBrowserGuiModel()
    monkeypatch.setattr(qgis_iface, "browserModel", lambda: model, raising=False)
    yield model
    sip.delete(model)


@pytest.mark.parametrize("alg_id", sorted(ALGORITHMS))
def test_the_dialog_sends_known_parameters_only(chain, browser_model, alg_id):
    """What the algorithm dialog hands the algorithm (its parameters panel, filled with valid
    values, defaults included): only parameters of the algorithm."""
    import processing
    from qgis.PyQt import sip

    from cluster_atlas.algorithms.base import unknown_parameter_messages

    alg = _alg(alg_id)
    params = _filled(dict(_steps(chain[0]))[alg_id], 2)
    dialog = processing.createAlgorithmDialog(f"clusteratlas:{alg_id}", params)
    try:
        panel = dialog.mainWidget()
        try:
            values = panel.createProcessingParameters()
        except TypeError:  # 3.40+: flags argument
            from qgis.gui import QgsProcessingParametersGenerator

            values = panel.createProcessingParameters(QgsProcessingParametersGenerator.Flag(0))
        assert values, alg_id
        assert unknown_parameter_messages(alg, values) == []
    finally:
        sip.delete(dialog)


# --- qgis_process ------------------------------------------------------------------------
def _process(*args, stdin=None):
    return subprocess.run([str(ROOT / "scripts" / "qgis_process"), *map(str, args)], capture_output=True, text=True,
                          timeout=180, input=stdin)


def _import_args(out, name):
    return [f"INPUT={MEMBERS}", f"OUTPUT={out / (name + '.gpkg')}", f"REJECTED={out / (name + '_rej.gpkg')}"]


EXPECTED_IMPORT = _expected("CLUSTER_SEPARATOR", "CLUSTER_SEPARATORS")


@pytest.mark.qgis_process
def test_qgis_process_warns_in_the_log(tmp_path):
    proc = _process("run", "clusteratlas:importmembers", "--", *_import_args(tmp_path, "a"), "CLUSTER_SEPARATOR=;")
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert f"WARNING:\t{EXPECTED_IMPORT}" in proc.stdout.splitlines()


@pytest.mark.qgis_process
def test_qgis_process_json_run_warns_on_stderr(tmp_path):
    proc = _process("run", "clusteratlas:importmembers", "--json", "--", *_import_args(tmp_path, "b"),
                    "CLUSTER_SEPARATOR=;")
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert EXPECTED_IMPORT in proc.stderr.splitlines()
    answer = json.loads(proc.stdout[proc.stdout.index("{"):])
    assert answer["results"]["MEMBERSHIPS"] == 91  # no ceiling: Université de Liège kept
    assert EXPECTED_IMPORT in answer["log"]["warning"]


@pytest.mark.qgis_process
def test_qgis_process_parameters_from_stdin_warn_on_stderr(tmp_path):
    from qgis.core import Qgis

    if Qgis.QGIS_VERSION_INT < 32400:
        pytest.skip("qgis_process reads parameters from stdin from QGIS 3.24")
    inputs = dict(arg.split("=", 1) for arg in _import_args(tmp_path, "c"))
    request = {"inputs": dict(inputs, CLUSTER_SEPARATOR=";"), "ellipsoid": "EPSG:7019", "distance_units": "meters"}
    proc = _process("run", "clusteratlas:importmembers", "-", stdin=json.dumps(request))
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    # the settings beside "inputs" are QGIS' own: only the misspelt parameter is reported
    assert [line for line in proc.stderr.splitlines() if "parameter" in line] == [EXPECTED_IMPORT]


@pytest.mark.qgis_process
def test_qgis_process_settings_before_the_separator_bring_no_warning(tmp_path):
    proc = _process("run", "clusteratlas:importmembers", "--ellipsoid=EPSG:7019", "--distance_units=meters",
                    "--area_units=m2", "--", *_import_args(tmp_path, "d"))
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert "Using ellipsoid:\tEPSG:7019" in proc.stdout
    assert "parameter" not in proc.stdout + proc.stderr
    after = _process("run", "clusteratlas:importmembers", "--", *_import_args(tmp_path, "e"), "ELLIPSOID=EPSG:7019")
    assert after.returncode == 0 and "Using ellipsoid" not in after.stdout  # not applied by qgis_process...
    assert ("WARNING:\tELLIPSOID is a qgis_process setting, not a parameter: not applied; give it before '--' "
            "(--ellipsoid=...).") in after.stdout.splitlines()  # ...and said so


@pytest.mark.qgis_process
def test_qgis_process_model_warns(tmp_path):
    params = dict(_model_params(tmp_path), EXCLUDED="Zoning SA")
    proc = _process("run", "clusteratlas:atlaschain", "--json", "--", *[f"{k}={v}" for k, v in params.items()])
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert [line for line in proc.stderr.splitlines() if UNKNOWN in line] == [_expected("EXCLUDED", "EXCLUDE")]
