"""Cancel and progress of every algorithm of the provider (issue 7, last bullet).

Each algorithm (and the bundled model) runs through ``processing.run`` on inputs
big enough to have a middle: a generated member list of 50,000 rows, the real
postcode points, municipalities and railway network of ../shared/data. A feedback
cancels once the progress passes a chosen point, either while computing or while
the outputs are being written. Then:

- the run raises QgsProcessingException with the cancel message;
- progress was reported before the cancel: several values in 0..100, never going back;
- the run stopped promptly: at most one progress value after the cancel and no
  log line of a later step (only the clean-up lines);
- no output file named in the parameters is left (GeoPackage, its -journal/-wal/
  -shm, PNG pages, HTML report): the output folder holds exactly the unrelated
  file put there before, untouched.

Also: a failing run (an error after outputs were opened) leaves no file, an
unexpected Python error comes back as one QgsProcessingException with the
traceback in the log, every uncancelled run reports monotone progress ending at
100 (QgsFeedback.setProgress: a percentage, 0..100), and run_guard's
reading of destination values (3.22 spellings) is unit-tested.
"""
import gc
import os
import random
import sys
import traceback
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # --import-mode=importlib: helpers are not on the path
from conftest import SAMPLE_DATA, shared_file  # noqa: E402

from .test_model import all_output_files  # noqa: E402

CANCELLED = "Cancelled by the user."
UNRELATED = "notes_of_the_user.txt"
CLUSTERS = ["TIC", "TWIST", "Logistique", "Nutrition", "Éco-construction", "Aéronautique", "Auto-mobilité"]


# --- feedback that cancels ------------------------------------------------------------
def _feedback(cancel_at=None, cancel_on=None):
    """A QgsProcessingFeedback recording progress (its progressChanged signal, so
    C++ callers such as a model's step feedback are seen too) and the log; it
    cancels itself once progress reaches ``cancel_at``, or on the first log line
    starting with one of the ``cancel_on`` texts."""
    from qgis.core import QgsProcessingFeedback

    class Recorder(QgsProcessingFeedback):
        def __init__(self):
            super().__init__()
            self.before, self.after = [], []  # progress values before / after the cancel
            self.log, self.log_after = [], []
            self.progressChanged.connect(self._progress)

        def _progress(self, value):
            if self.isCanceled():
                self.after.append(value)
                return
            self.before.append(value)
            if cancel_at is not None and value >= cancel_at:
                self.cancel()

        def pushInfo(self, text):  # noqa: N802
            (self.log_after if self.isCanceled() else self.log).append(text)
            super().pushInfo(text)
            if cancel_on and text.startswith(cancel_on) and not self.isCanceled():
                self.cancel()

        def pushWarning(self, text):  # noqa: N802
            (self.log_after if self.isCanceled() else self.log).append(text)
            super().pushWarning(text)

        def pushDebugInfo(self, text):  # noqa: N802
            self.log.append(text)
            super().pushDebugInfo(text)

    return Recorder()


def _monotone(values):
    return all(b >= a for a, b in zip(values, values[1:]))


# --- inputs ---------------------------------------------------------------------------
def _postcodes():
    path = shared_file("be_bpost_postcodes_2013.csv")
    codes = {line.split(";")[0] for line in path.read_text(encoding="utf-8").splitlines()[1:]}
    return sorted(c for c in codes if len(c) == 4 and c.isdigit())


@pytest.fixture(scope="module")
def big(provider, tmp_path_factory):
    """Inputs shared by the cases: a 50,000-row member CSV, its member table and
    the aggregation's circles and zones on the real postal zones (paths only)."""
    from qgis import processing

    folder = tmp_path_factory.mktemp("inputs")
    rng = random.Random(7)
    codes = _postcodes()
    lines = ["Nom;Code postal;Effectif;Type;Cluster(s)"]
    for i in range(50000):
        clusters = rng.choice(CLUSTERS)
        if rng.random() < 0.2:
            clusters = '"' + clusters + "; " + rng.choice(CLUSTERS) + '"'
        code = rng.choice(codes) if rng.random() > 0.02 else "99"  # some rejects
        lines.append(";".join([f"Entité {i}", code, str(rng.randint(1, 400)), "Entreprise", clusters]))
    csv = folder / "members.csv"
    csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    zones_ref = f"{shared_file('be_postcode_zones_voronoi.gpkg')}|layername=postcode_zones"
    imp = processing.run("clusteratlas:importmembers", {"INPUT": str(csv), "OUTPUT": str(folder / "members.gpkg"),
                                                        "REJECTED": str(folder / "rejected.gpkg")})
    agg = processing.run("clusteratlas:aggregatepostcodes", {
        "MEMBERS": imp["OUTPUT"], "POSTCODES": zones_ref, "POSTCODE_FIELD": "postcode",
        "OUTPUT": str(folder / "zones.gpkg"), "CIRCLES": str(folder / "circles.gpkg"),
        "UNMATCHED": str(folder / "unmatched.gpkg")})
    return {"csv": str(csv), "members": str(folder / "members.gpkg"), "zones_ref": zones_ref,
            "zones": str(folder / "zones.gpkg"), "circles": str(folder / "circles.gpkg"),
            "field_map": agg["FIELD_MAP"]}


def _admin(layer):
    return f"{shared_file('be_admin_2011.gpkg')}|layername={layer}"


# Each case: algorithm, parameters (inputs from ``big``, outputs in ``out``), and the
# progress at which to cancel while computing and while writing the outputs.
def _import(big, out):
    return {"INPUT": big["csv"], "OUTPUT": str(out / "members.gpkg"), "REJECTED": str(out / "rejected.gpkg")}


def _aggregate(big, out):
    return {"MEMBERS": big["members"], "POSTCODES": big["zones_ref"], "POSTCODE_FIELD": "postcode",
            "OUTPUT": str(out / "zones.gpkg"), "CIRCLES": str(out / "circles.gpkg"),
            "UNMATCHED": str(out / "unmatched.gpkg")}


def _zones(big, out):
    return {"POINTS": str(shared_file("be_postcode_points.gpkg")), "POSTCODE_FIELD": "postcode",
            "BOUNDARY": _admin("belgium"), "OUTPUT": str(out / "postal_zones.gpkg"),
            "REPORT": str(out / "report.gpkg")}


def _zones_municipalities(big, out):
    return dict(_zones(big, out), MUNICIPALITIES=_admin("munty"), MUNICIPALITY_FIELD="CD_MUNTY_REFNIS",
                LOOKUP=str(shared_file("be_localities_postcode_nis_2013.csv")), LOOKUP_POSTCODE_FIELD="zipCode",
                LOOKUP_MUNICIPALITY_FIELD="nisCode")


def _overlay(big, out):
    return {"ZONES": big["zones"], "EMPLOYMENT_FIELD": "employment",
            "NETWORK": f"{shared_file('be_osm_railways_2015.gpkg')}|layername=railways", "CLASS_FIELD": "type",
            "CLASS_MAP": "rail=fibre; *=copper", "OUTPUT": str(out / "network_zones.gpkg"),
            "SUMMARY": str(out / "summary.gpkg"), "REPORT": str(out / "report.html")}


def _style(big, out):
    return {"INPUT": f"{shared_file('be_osm_railways_2015.gpkg')}|layername=railways", "STYLE": 3,
            "OUTPUT": str(out / "styled.gpkg")}


def _style_wide(big, out):
    return {"INPUT": big["circles"], "STYLE": 1, "FIELD_MAP": big["field_map"], "OUTPUT": str(out / "styled.gpkg")}


def _export(fmt):
    def params(big, out):
        return {"CIRCLES": big["circles"], "FIELD_MAP": big["field_map"], "PER_CLUSTER": True, "DPI": 30,
                "BOUNDARY": _admin("wallonia_region"), "OUTPUT": str(out / f"atlas.{fmt}")}
    return params


CASES = {
    # name: (algorithm, parameters, cancel while computing, cancel while writing)
    "importmembers": ("importmembers", _import, 40, 61),
    "aggregatepostcodes": ("aggregatepostcodes", _aggregate, 55, 85),
    "postcodezones": ("postcodezones", _zones, 40, 90),
    "postcodezones_municipalities": ("postcodezones", _zones_municipalities, 45, None),
    "networkoverlay": ("networkoverlay", _overlay, 50, 97),
    "applyatlasstyle": ("applyatlasstyle", _style, 40, 95),
    "applyatlasstyle_wide": ("applyatlasstyle", _style_wide, 30, 70),
    "exportatlasmap_png": ("exportatlasmap", _export("png"), 10, 70),
    "exportatlasmap_pdf": ("exportatlasmap", _export("pdf"), 10, None),
}
RUNS = [(name, phase) for name, case in CASES.items() for phase, at in (("compute", case[2]), ("write", case[3]))
        if at is not None]


def _prepare_folder(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    unrelated = out / UNRELATED
    unrelated.write_text("kept", encoding="utf-8")
    os.utime(unrelated, (1_000_000_000, 1_000_000_000))
    return out, unrelated


def _assert_only_unrelated_left(out, unrelated):
    assert sorted(p.name for p in out.iterdir()) == [UNRELATED]
    assert unrelated.read_text(encoding="utf-8") == "kept" and unrelated.stat().st_mtime == 1_000_000_000


def _run_expecting_error(run_alg, name, params, feedback):
    """Run, return the error message (no layer of the run stays in this frame)."""
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as error:
        run_alg(name, params, feedback=feedback)
    message = str(error.value)
    traceback.clear_frames(error.tb)  # the run's layers must not outlive QGIS (segfault at exit)
    del error
    gc.collect()
    return message


def _cleanup_line(line):
    return line.startswith("Removed the incomplete output")


def _removed(lines, name):
    """A clean-up line names the output file ``name``."""
    return any(_cleanup_line(line) and ("/" + name + ":" in line or line.endswith("/" + name + ".")) for line in lines)


@pytest.mark.parametrize("case,phase", RUNS, ids=[f"{n}-{p}" for n, p in RUNS])
def test_cancel_mid_run_stops_and_leaves_no_output(run_alg, big, tmp_path, case, phase):
    alg, make_params, at_compute, at_write = CASES[case]
    at = at_compute if phase == "compute" else at_write
    out, unrelated = _prepare_folder(tmp_path)
    feedback = _feedback(cancel_at=at)
    message = _run_expecting_error(run_alg, alg, make_params(big, out), feedback)
    assert CANCELLED in message
    assert feedback.isCanceled()
    values = feedback.before
    assert len(values) >= 2 and values[-1] >= at, values
    assert all(0 <= v <= 100 for v in values) and _monotone(values), values
    # Stopped promptly: at most one more progress value, no log line of a later step.
    assert len(feedback.after) <= 1, feedback.after
    assert all(_cleanup_line(line) for line in feedback.log_after), feedback.log_after
    assert not any(line.startswith("Results:") for line in feedback.log + feedback.log_after)
    _assert_only_unrelated_left(out, unrelated)


def test_cancel_while_writing_removes_the_half_written_files(run_alg, big, tmp_path):
    """Cancelled inside the GeoPackage bulk insert (importmembers' member table,
    after the first 10,000 rows of the normal sink): the file existed and is gone."""
    from cluster_atlas.algorithms import table_io

    out, unrelated = _prepare_folder(tmp_path)
    feedback = _feedback(cancel_at=61)
    _run_expecting_error(run_alg, "importmembers", _import(big, out), feedback)
    assert _removed(feedback.log_after, "members.gpkg"), feedback.log_after
    _assert_only_unrelated_left(out, unrelated)

    table_io.GPKG_FAST_PATH = False
    try:
        feedback = _feedback(cancel_at=65)
        _run_expecting_error(run_alg, "importmembers", _import(big, out), feedback)
    finally:
        table_io.GPKG_FAST_PATH = True
    assert 60 < feedback.before[-1] < 92, feedback.before  # inside the member table, between two batches
    assert _removed(feedback.log_after, "members.gpkg"), feedback.log_after
    _assert_only_unrelated_left(out, unrelated)


def test_cancelled_rerun_keeps_the_previous_output_intact_and_other_files(run_alg, big, tmp_path):
    """An output of an earlier run is not touched by a cancelled rerun (issue 13, item 3: the new
    file was written under a temporary name, removed): same bytes, same time. The unrelated file
    beside it stays."""
    import hashlib

    out, unrelated = _prepare_folder(tmp_path)
    params = _style(big, out)
    run_alg("applyatlasstyle", params)
    previous = out / "styled.gpkg"
    before = hashlib.sha256(previous.read_bytes()).hexdigest(), os.stat(previous).st_mtime_ns
    feedback = _feedback(cancel_at=40)
    assert CANCELLED in _run_expecting_error(run_alg, "applyatlasstyle", params, feedback)
    assert (hashlib.sha256(previous.read_bytes()).hexdigest(), os.stat(previous).st_mtime_ns) == before
    assert sorted(p.name for p in out.iterdir()) == sorted([unrelated.name, "styled.gpkg"])


# --- the model -----------------------------------------------------------------------
def _model_params(big, out):
    # The page draws the network by its field ``class``: the sample network has it.
    return {"MEMBERS": big["csv"], "POSTCODES": big["zones_ref"], "POSTCODE_FIELD": "postcode",
            "NETWORK": f"{SAMPLE_DATA / 'network_illustrative.gpkg'}|layername=network", "CLASS_FIELD": "class",
            "BOUNDARY": _admin("wallonia_region"), "TITLE": "Cancel test", "PER_CLUSTER": False,
            **all_output_files(out)}


def test_cancelling_the_model_stops_it_and_leaves_no_output(run_alg, big, tmp_path):
    """Cancelled as the page or the overlay step starts (whichever the model runs
    first), after import and aggregation wrote their outputs: the model stops,
    the page is never made, and no output of the cancelled run is left: the
    earlier steps' files belong to a chain that did not finish."""
    out, unrelated = _prepare_folder(tmp_path)
    feedback = _feedback(cancel_on=("Map CRS", "Lengths and distances"))
    message = _run_expecting_error(run_alg, "atlaschain", _model_params(big, out), feedback)
    assert CANCELLED in message, message
    assert any(line.startswith("Field-name map") for line in feedback.log), "the aggregation finished"
    assert not any(line.startswith("Atlas page:") for line in feedback.log + feedback.log_after)
    removed = [line for line in feedback.log_after if _cleanup_line(line)]
    assert _removed(removed, "members.gpkg") and _removed(removed, "circles.gpkg"), removed
    assert len(feedback.before) >= 3 and _monotone(feedback.before), feedback.before
    assert len(feedback.after) <= 1, feedback.after
    _assert_only_unrelated_left(out, unrelated)


# --- failures that are not cancels ------------------------------------------------------
def test_failed_run_after_outputs_were_opened_leaves_no_file(run_alg, big, tmp_path):
    """The overlay's report goes to a folder that does not exist: the zones and the
    summary are already written when writing the report fails; both are removed
    and the error names the report (a clean message, not a Python error)."""
    out, unrelated = _prepare_folder(tmp_path)
    feedback = _feedback()
    report = out / "missing_folder" / "report.html"
    message = _run_expecting_error(run_alg, "networkoverlay", dict(_overlay(big, out), REPORT=str(report)), feedback)
    assert f"Could not write the report {report}" in message and "unexpected" not in message, message
    removed = [line for line in feedback.log_after + feedback.log if _cleanup_line(line)]
    assert _removed(removed, "network_zones.gpkg") and _removed(removed, "summary.gpkg"), removed
    _assert_only_unrelated_left(out, unrelated)


def test_page_with_a_network_without_class_field_is_drawn_with_a_warning(run_alg, big, tmp_path):
    """The railways have ``type``, not the ``class`` the network style draws by: the page
    is written, the network drawn with one symbol, and the log says why (no "unexpected error")."""
    out, unrelated = _prepare_folder(tmp_path)
    params = dict(_export("png")(big, out), NETWORK=f"{shared_file('be_osm_railways_2015.gpkg')}|layername=railways")
    feedback = _feedback()
    result = run_alg("exportatlasmap", params, feedback=feedback)
    assert Path(result["OUTPUT"]).stat().st_size > 10000
    warnings = [line for line in feedback.log if line.startswith("NETWORK has no type field")]
    assert warnings and "NETWORK_CLASS_FIELD" in warnings[0], feedback.log
    assert not any("unexpected" in line for line in feedback.log)


def test_unexpected_error_is_one_processing_error_with_the_traceback_in_the_log(run_alg, big, tmp_path,
                                                                              monkeypatch):
    from cluster_atlas.algorithms import aggregate_postcodes

    def broken(*args, **kwargs):
        raise ZeroDivisionError("simulated bug")

    out, unrelated = _prepare_folder(tmp_path)
    real_write = aggregate_postcodes.write_dataframe
    calls = []

    def write_then_break(df, sink, schema, *args, **kwargs):
        calls.append(len(df))
        if len(calls) == 2:  # OUTPUT written, CIRCLES opened: the bug strikes
            broken()
        return real_write(df, sink, schema, *args, **kwargs)

    monkeypatch.setattr(aggregate_postcodes, "write_dataframe", write_then_break)
    feedback = _feedback()
    message = _run_expecting_error(run_alg, "aggregatepostcodes", _aggregate(big, out), feedback)
    assert "ZeroDivisionError: simulated bug" in message and "unexpected error" in message
    assert "Traceback" not in message and message.count("\n") <= 1
    tracebacks = [line for line in feedback.log if "Traceback (most recent call last)" in line]
    assert tracebacks and "write_then_break" in tracebacks[0]
    _assert_only_unrelated_left(out, unrelated)


# --- progress of complete runs ----------------------------------------------------------
PROGRESS_CASES = ["importmembers", "aggregatepostcodes", "postcodezones", "networkoverlay", "applyatlasstyle",
                  "applyatlasstyle_wide", "exportatlasmap_png"]


@pytest.mark.parametrize("case", PROGRESS_CASES)
def test_complete_run_reports_monotone_progress_to_100(run_alg, big, tmp_path, case):
    """QgsFeedback.setProgress takes a percentage (0..100); the dialog's bar and a
    model's step feedback expect it to grow to 100."""
    alg, make_params, _, _ = CASES[case]
    out, _unrelated = _prepare_folder(tmp_path)
    feedback = _feedback()
    run_alg(alg, make_params(big, out), feedback=feedback)
    values = feedback.before
    assert len(values) >= 3, values
    assert all(0 <= v <= 100 for v in values) and _monotone(values), values
    assert values[-1] == pytest.approx(100)


def test_model_progress_is_monotone(run_alg, big, tmp_path):
    out, _unrelated = _prepare_folder(tmp_path)
    feedback = _feedback()
    run_alg("atlaschain", _model_params(big, out), feedback=feedback)
    assert _monotone(feedback.before) and feedback.before[-1] >= 99, feedback.before


# --- run_guard reading destination values -------------------------------------------------
def test_file_of_reads_the_destination_spellings(tmp_path):
    from cluster_atlas.algorithms.run_guard import _file_of

    gpkg = str(tmp_path / "out.gpkg")
    assert _file_of(gpkg) == (gpkg, False)
    assert _file_of(f"{gpkg}|layername=zones") == (gpkg, True)
    assert _file_of(f"ogr:dbname='{gpkg}' table=\"zones\" (geom)") == (gpkg, True)
    assert _file_of(f'ogr:dbname="{gpkg}" table="zones"') == (gpkg, True)
    assert _file_of(f"ogr:dbname={gpkg} table=zones") == (gpkg, True)
    for value in ("TEMPORARY_OUTPUT", "memory:", "memory:zones", "postgres://dbname=x", "postgis:x",
                  "spatialite:x", "", None, "ogr:table=zones"):
        assert _file_of(value) == (None, False), value


def test_planned_outputs_for_definitions_temporary_and_dbname(provider, tmp_path):
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingOutputLayerDefinition, QgsProject

    from cluster_atlas.algorithms import run_guard

    alg = QgsApplication.processingRegistry().createAlgorithmById("clusteratlas:networkoverlay")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    gpkg = tmp_path / "zones.gpkg"
    existing = tmp_path / "summary.gpkg"
    existing.write_bytes(b"old")
    params = {"OUTPUT": QgsProcessingOutputLayerDefinition(str(gpkg)),
              "SUMMARY": f"ogr:dbname='{existing}' table=\"summary\" (geom)",
              "MEMBER_DISTANCES": "TEMPORARY_OUTPUT",
              "REPORT": QgsProcessingOutputLayerDefinition("TEMPORARY_OUTPUT")}
    resolved = run_guard.resolve_temporary_files(alg, params, context)
    report = alg.parameterAsFileOutput(resolved, "REPORT", context)
    assert report.endswith(".html") and report != "TEMPORARY_OUTPUT"
    assert alg.parameterAsFileOutput(resolved, "REPORT", context) == report, "one name, every call"
    assert params["REPORT"].sink.staticValue() == "TEMPORARY_OUTPUT", "the caller's dictionary is not changed"
    planned = {p.path: p for p in run_guard.planned_outputs(alg, resolved, context)}
    assert set(planned) == {str(gpkg), str(existing), report}
    assert planned[str(existing)].shared and planned[str(existing)].existed
    assert not planned[str(gpkg)].existed
    # A table written into a file that held other layers is kept (with a warning).
    os.utime(existing, (1, 1))
    messages = []

    class Log:
        def pushWarning(self, text):  # noqa: N802
            messages.append(text)

    assert run_guard.remove_written(list(planned.values()), Log(), str) == []
    assert existing.exists() and messages and str(existing) in messages[0]


def test_temporary_report_is_removed_when_cancelled(run_alg, big, tmp_path):
    """REPORT left temporary: the file the run wrote is the one the clean-up removes."""
    out, unrelated = _prepare_folder(tmp_path)
    params = dict(_overlay(big, out), REPORT="TEMPORARY_OUTPUT")
    feedback = _feedback(cancel_at=100)  # after the report is written, at the very end
    feedback_log = feedback.log_after
    _run_expecting_error(run_alg, "networkoverlay", params, feedback)
    written = [line for line in feedback_log if _cleanup_line(line) and line.rstrip(".").endswith(".html")]
    assert written, feedback_log
    path = written[0][len("Removed the incomplete output "):].rstrip(".")
    assert not Path(path).exists()
    _assert_only_unrelated_left(out, unrelated)
