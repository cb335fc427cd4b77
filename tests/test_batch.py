"""Batch mode through QGIS' own batch machinery: processing.gui.BatchAlgorithmDialog
with its BatchPanel, rows filled the way BatchPanel.load() fills them from a saved
batch file (parameter wrappers' setParameterValue, output cells' setValue), run by
clicking the dialog's Run button, as a user does. Headless (offscreen Qt).

QGIS 3.22 runs the rows synchronously in BatchAlgorithmDialog.runAlgorithm
(algorithm().run per row, a new context per row, handleAlgorithmResults loading
the outputs); from 3.26 the C++ QgsProcessingBatchAlgorithmDialogBase runs each
row as a task: the helper waits for the dialog's summary (createSummaryTable,
called at the end of a batch in both) instead of assuming the click blocks.

Data: sample_data/members.csv as two yearly lists (2021 as is, 2022 with rows
dropped and headcounts changed, a year column ``Année``). One import per year
(batch 1), the two member tables merged, then aggregatepostcodes per year and
cluster through its YEAR and CLUSTERS filters (batch 2), each row checked against
pandas on the same member table; the bundled model per year (batch 3).
"""
import sqlite3
import time

import pandas as pd
import pytest

from .conftest import SAMPLE_DATA, size_scale_function
from .test_model import _pages

POINTS = f"{SAMPLE_DATA / 'postcode_points.gpkg'}|layername=postcode_points"
NETWORK = f"{SAMPLE_DATA / 'network_illustrative.gpkg'}|layername=network"
WALLONIA = f"{SAMPLE_DATA / 'boundaries.gpkg'}|layername=wallonia"
YEARS = (2021, 2022)
ROWS = [(2021, "Infopôle cluster TIC"), (2021, "TWIST"), (2022, "Infopôle cluster TIC"),
        (2022, "Logistique en Wallonie")]


def _fill(dialog, rows):
    """Fill the dialog's BatchPanel, one table row per dict, as BatchPanel.load() does."""
    from processing.tools import dataobjects

    alg, panel = dialog.algorithm(), dialog.mainWidget()
    if len(rows) > 1:
        panel.addRow(len(rows) - 1)
    assert panel.batchRowCount() == len(rows)
    context = dataobjects.createContext()
    for row, values in enumerate(rows):
        for name, value in values.items():
            column = panel.parameter_to_column[name]
            if alg.parameterDefinition(name).isDestination():
                # row 0 of the table is the "fill down" row
                panel.tblParameters.cellWidget(row + 1, column).setValue(str(value))
            else:
                panel.wrappers[row][column].setParameterValue(value, context)
    return panel


def _run_batch(alg_id, rows, load_layers=False, timeout=300):
    """Fill a BatchAlgorithmDialog with one row per dict of ``rows``, click Run, return
    (results, errors) as the dialog hands them to its summary table."""
    from processing.gui.BatchAlgorithmDialog import BatchAlgorithmDialog
    from qgis.core import QgsApplication, QgsProject
    from qgis.PyQt.QtCore import QCoreApplication
    from qgis.PyQt.QtWidgets import QDialogButtonBox

    summary = {}

    class RecordingBatchDialog(BatchAlgorithmDialog):
        def createSummaryTable(self, algorithm_results, errors):  # noqa: N802 (QGIS API)
            summary["results"], summary["errors"] = list(algorithm_results), list(errors)
            return super().createSummaryTable(algorithm_results, errors)

        # QGIS' batch dialog calls ProcessingResults.addResult without its timestamp argument
        # (every algorithm with an HTML output: networkoverlay, atlaschain): loadHTMLResults in
        # 3.22, loadHtmlResults in 3.40 (fixed by 3.44). The desktop shows the Python error after
        # the batch; here PyQt would abort. Do what the call meant, and record it.
        def loadHTMLResults(self, results, num):  # noqa: N802 (QGIS 3.22 API)
            self._html_results(super().loadHTMLResults, results, num)

        def loadHtmlResults(self, results, num):  # noqa: N802 (QGIS 3.26+ API)
            self._html_results(super().loadHtmlResults, results, num)

        def _html_results(self, load, results, num):
            try:
                load(results, num)
            except TypeError as error:
                if "timestamp" not in str(error):
                    raise
                from processing.core.ProcessingResults import resultsList
                from qgis.core import QgsProcessingOutputHtml

                summary.setdefault("qgis_html_results_bug", []).append(num)
                for out in self.algorithm().outputDefinitions():
                    if isinstance(out, QgsProcessingOutputHtml) and results.get(out.name()):
                        resultsList.addResult(self.algorithm().icon(), "{} [{}]".format(out.description(), num),
                                              time.localtime(), results[out.name()])

    alg = QgsApplication.processingRegistry().createAlgorithmById(alg_id)
    dialog = RecordingBatchDialog(alg)
    flush = _suspend_forced_deletions()
    try:
        panel = _fill(dialog, rows)
        panel.checkLoadLayersOnCompletion.setChecked(load_layers)
        run_button = dialog.buttonBox().button(QDialogButtonBox.StandardButton.Ok)
        assert run_button is not None and run_button.isEnabled()
        dialog.show()  # as the user sees it: QGIS 3.44 deletes a batch dialog that runs hidden
        run_button.click()
        deadline = time.monotonic() + timeout
        while "results" not in summary and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            time.sleep(0.05)
        assert "results" in summary, "the batch did not finish"
        return summary["results"], summary["errors"]
    finally:
        if flush is not None:
            QgsProject.instance().legendLayersAdded.connect(flush)
        _dispose(dialog)


def _suspend_forced_deletions():
    """Disconnect pytest-qgis' flush of deferred deletions on every layer added (its
    ``legendLayersAdded -> process_events``, which calls ``sendPostedEvents(DeferredDelete)``):
    inside Processing's result handling it deletes the batch dialog's feedback object while
    QGIS 3.40 still uses it (``RuntimeError: wrapped C/C++ object of type QgsProcessingFeedback
    has been deleted``, for native:buffer as for this plugin). The desktop delivers deferred
    deletions only back in its event loop. Returns the slot to reconnect, or None."""
    from qgis.core import QgsProject

    try:
        from pytest_qgis.utils import process_events
    except ImportError:
        return None
    try:
        QgsProject.instance().legendLayersAdded.disconnect(process_events)
    except TypeError:  # not connected
        return None
    return process_events


def _dispose(dialog):
    """Delete the dialog now. Its field parameter wrappers (Python-owned) hold the parent
    OGR layer: one left alive (by a failing test's traceback) crashes the interpreter after
    QGIS' exit (docs/ARCHITECTURE.md)."""
    from qgis.PyQt import sip

    dialog.mainWidget().wrappers.clear()
    dialog.close()
    sip.delete(dialog)


def _frame(gpkg):
    with sqlite3.connect(str(gpkg)) as db:
        # the layer's table, not layer_styles (registered in gpkg_contents once a default style is stored)
        table = db.execute("SELECT table_name FROM gpkg_contents WHERE table_name NOT LIKE 'layer_styles%'"
                           ).fetchone()[0]
        df = pd.read_sql(f'SELECT * FROM "{table}"', db)
    return df.drop(columns=[c for c in ("geom", "geometry") if c in df.columns])


def _default_styles(gpkg):
    with sqlite3.connect(str(gpkg)) as db:
        return db.execute("SELECT styleQML FROM layer_styles WHERE useAsDefault = 1").fetchall()


def _parse_employment(raw):
    """Hand oracle of the non-integer headcounts of members.csv (sample_data/README.md)."""
    hand = {"1 250": 1250.0, "10-19": 14.5, "n.c.": None, "12,5": 12.5}
    return hand[raw] if raw in hand else float(raw)


@pytest.fixture(scope="module")
def yearly(provider, tmp_path_factory):
    """Two yearly member lists and batch 1: importmembers, one row per year."""
    base = tmp_path_factory.mktemp("batch")
    csv = pd.read_csv(SAMPLE_DATA / "members.csv", sep=";", dtype=str, keep_default_na=False)
    lists = {2021: csv.copy()}
    later = csv[csv.index % 6 != 5].copy()  # some members left
    clean = later["Effectif"].str.fullmatch(r"\d+")
    later.loc[clean, "Effectif"] = [str(int(v) + i % 7) for i, v in enumerate(later.loc[clean, "Effectif"])]
    lists[2022] = later
    files = {}
    for year, frame in lists.items():
        frame = frame.assign(**{"Année": str(year)})
        files[year] = base / f"members_{year}.csv"
        frame.to_csv(files[year], sep=";", index=False, encoding="utf-8")
    rows = [{"INPUT": str(files[y]), "EMPLOYMENT_CEILING": 3000, "OUTPUT": base / f"members_{y}.gpkg",
             "REJECTED": base / f"rejected_{y}.gpkg"} for y in YEARS]
    results, errors = _run_batch("clusteratlas:importmembers", rows)
    return {"base": base, "lists": lists, "files": files, "results": results, "errors": errors}


def test_batch_import_one_row_per_year(yearly):
    results, errors = yearly["results"], yearly["errors"]
    assert errors == [] and len(results) == len(YEARS)
    outputs = set()
    for year, run in zip(YEARS, results):
        res, csv = run["results"], yearly["lists"][year]
        assert res["OUTPUT"] == str(yearly["base"] / f"members_{year}.gpkg")
        outputs |= {res["OUTPUT"], res["REJECTED"]}
        members, rejected = _frame(res["OUTPUT"]), _frame(res["REJECTED"])
        assert res["ROWS_READ"] == len(csv)
        assert set(members["source_row"]) | set(rejected["source_row"]) == set(range(1, len(csv) + 1))
        assert set(members["year"]) == {year}  # the year column was read into every membership
        n_clusters = csv["Cluster(s)"].str.split(";").str.len()
        expected_in = float((csv["Effectif"].map(_parse_employment).astype(float) * n_clusters).sum())
        assert res["EMPLOYMENT_IN"] == pytest.approx(expected_in)
        assert members["employment"].sum() + rejected["employment"].sum() == pytest.approx(expected_in)
    assert len(outputs) == 4
    assert results[0]["results"]["EMPLOYMENT_IN"] != results[1]["results"]["EMPLOYMENT_IN"]


@pytest.fixture(scope="module")
def merged(yearly):
    """Both years in one member table (importmembers keeps one membership per entity
    and cluster in a file, so a two-year list is imported year by year)."""
    from qgis import processing

    paths = [r["results"]["OUTPUT"] for r in yearly["results"]]
    out = yearly["base"] / "members_all.gpkg"
    processing.run("native:mergevectorlayers", {"LAYERS": paths, "CRS": None, "OUTPUT": str(out)})
    return out


@pytest.fixture(scope="module")
def aggregated(yearly, merged):
    """Batch 2: aggregatepostcodes, one row per (year, cluster), outputs loaded as in the desktop."""
    from qgis.core import QgsProject

    base = yearly["base"]
    rows = [{"MEMBERS": str(merged), "POSTCODES": POINTS, "POSTCODE_FIELD": "postcode", "YEAR": year,
             "CLUSTERS": cluster, "OUTPUT": base / f"zones_{i}.gpkg", "CIRCLES": base / f"circles_{i}.gpkg",
             "UNMATCHED": base / f"unmatched_{i}.gpkg"} for i, (year, cluster) in enumerate(ROWS)]
    before = set(QgsProject.instance().mapLayers())
    try:
        results, errors = _run_batch("clusteratlas:aggregatepostcodes", rows, load_layers=True)
        loaded = _loaded_circle_styles(set(QgsProject.instance().mapLayers()) - before)
    finally:
        QgsProject.instance().removeMapLayers(list(set(QgsProject.instance().mapLayers()) - before))
    return {"results": results, "errors": errors, "loaded": loaded}


def _loaded_circle_styles(layer_ids):
    """{source file: (renderer type, size expression)} of the circle layers the batch loaded."""
    from qgis.core import QgsProject

    out = {}
    for layer_id in layer_ids:
        layer = QgsProject.instance().mapLayer(layer_id)
        source = layer.source().split("|")[0]
        if "circles_" in source:
            renderer = layer.renderer()
            out[source] = (renderer.type(), renderer.symbol().dataDefinedSize().asExpression())
    return out


def test_batch_aggregate_per_year_and_cluster_equals_pandas(aggregated, merged):
    results, errors = aggregated["results"], aggregated["errors"]
    assert errors == [] and len(results) == len(ROWS)
    members = _frame(merged)
    assert set(members["year"]) == set(YEARS)
    reference = set(_frame(str(SAMPLE_DATA / "postcode_points.gpkg"))["postcode"])
    files, totals = set(), {}
    for (year, cluster), run in zip(ROWS, results):
        res = run["results"]
        files |= {res["OUTPUT"], res["CIRCLES"], res["UNMATCHED"]}
        rows = members[(members["year"] == year) & (members["cluster"] == cluster)]
        assert len(rows) > 3, (year, cluster)
        matched = rows["pc_key"].str.startswith("BE-") & rows["postcode"].isin(reference)
        assert res["EMPLOYMENT_TOTAL"] == pytest.approx(rows["employment"].sum())
        assert res["EMPLOYMENT_MATCHED"] == pytest.approx(rows.loc[matched, "employment"].sum())
        assert res["EMPLOYMENT_UNMATCHED"] == pytest.approx(rows.loc[~matched, "employment"].sum())
        assert res["ENTITIES"] == rows["entity_id"].nunique()
        expected = rows[matched].groupby("pc_key")["employment"].sum()
        expected = expected[expected > 0].sort_index()
        zones = _frame(res["OUTPUT"]).set_index("pc_key")
        slugs = [c for c in zones.columns if c.startswith("emp_") and not c.startswith("emp_k_")
                 and c != "emp_per_1000"]
        assert len(slugs) == 1, (year, cluster, slugs)  # the CLUSTERS filter kept one cluster
        got = zones.loc[zones["employment"] > 0, "employment"].sort_index()
        assert got.to_dict() == pytest.approx(expected.to_dict()), (year, cluster)
        assert zones.loc[expected.index, slugs[0]].tolist() == pytest.approx(expected.tolist())
        circles = _frame(res["CIRCLES"])
        assert circles["employment"].sum() == pytest.approx(res["EMPLOYMENT_MATCHED"])
        totals[(year, cluster)] = res["EMPLOYMENT_TOTAL"]
    assert len(files) == 3 * len(ROWS)  # every row wrote its own files
    assert totals[(2021, "Infopôle cluster TIC")] != totals[(2022, "Infopôle cluster TIC")]
    assert any(run["results"]["EMPLOYMENT_UNMATCHED"] > 0 for run in results)  # Luxembourg partner


def test_batch_outputs_arrive_styled(aggregated):
    """In the files (default style of the GeoPackage) and, the outputs being loaded as the
    batch dialog loads them, in the project (the layer post-processor ran for every row)."""
    results, loaded = aggregated["results"], aggregated["loaded"]
    for run in results:
        res = run["results"]
        # CIRCLES carries its style; OUTPUT too when the reference has polygons (here points: no style)
        assert len(_default_styles(res["CIRCLES"])) == 1, res["CIRCLES"]
        largest = _frame(res["CIRCLES"])["employment"].max()
        renderer, size = loaded[res["CIRCLES"]]
        assert renderer == "singleSymbol"
        assert f'{size_scale_function()}("employment", 0, {largest:g}, 0, 12, 0.5)' in size, size
    assert len(loaded) == len(ROWS)


def _model_rows(yearly, prefix, all_outputs=True):
    rows = []
    for year in YEARS:
        out = yearly["base"] / f"{prefix}{year}"
        out.mkdir(exist_ok=True)
        row = {"MEMBERS": str(yearly["files"][year]), "EMPLOYMENT_CEILING": 3000, "POSTCODES": POINTS,
               "POSTCODE_FIELD": "postcode", "NETWORK": NETWORK, "CLASS_FIELD": "class", "BOUNDARY": WALLONIA,
               "TITLE": f"Clusters {year}", "PER_CLUSTER": True, "EXPORT:PAGE": out / "page.pdf"}
        if all_outputs:
            row.update({"IMPORT:MEMBERS": out / "members.gpkg", "IMPORT:REJECTED": out / "rejected.gpkg",
                        "AGGREGATE:ZONES": out / "zones.gpkg", "AGGREGATE:CIRCLES": out / "circles.gpkg",
                        "AGGREGATE:UNMATCHED": out / "unmatched.gpkg", "OVERLAY:ZONES": out / "network.gpkg",
                        "OVERLAY:SUMMARY": out / "summary.gpkg", "OVERLAY:REPORT": out / "report.html"})
        rows.append(row)
    return rows


def test_batch_model_one_row_per_year(yearly):
    results, errors = _run_batch("clusteratlas:atlaschain", _model_rows(yearly, "model_"))
    assert errors == [] and len(results) == len(YEARS)
    pages = set()
    for year, run, imported in zip(YEARS, results, yearly["results"]):
        res, child = run["results"], run["results"]["CHILD_RESULTS"]
        out = yearly["base"] / f"model_{year}"
        assert res["EXPORT:PAGE"] == str(out / "page.pdf")
        pages.add(res["EXPORT:PAGE"])
        members = _frame(out / "members.gpkg")
        assert set(members["year"]) == {year}
        # the model's import equals batch 1's import of the same year
        for key in ("ROWS_READ", "MEMBERSHIPS", "REJECTED_COUNT", "EMPLOYMENT_IN", "EMPLOYMENT_OUT"):
            assert child["IMPORT"][key] == imported["results"][key], (year, key)
        assert _pages(out / "page.pdf") == members["cluster"].nunique() == child["EXPORT"]["PAGES"]
        agg = child["AGGREGATE"]
        assert agg["EMPLOYMENT_MATCHED"] + agg["EMPLOYMENT_UNMATCHED"] == pytest.approx(agg["EMPLOYMENT_TOTAL"])
        assert child["HAS_NETWORK"] == {"network given": 1, "no network": 0} and len(_default_styles(out / "circles.gpkg")) == 1
    assert len(pages) == len(YEARS)


def test_batch_model_with_only_the_page_named(yearly):
    """In the batch table a technician names the page and leaves the optional layers empty
    (they arrive as empty QgsProcessingOutputLayerDefinition: provider.is_empty_output).
    The parameters are those the batch panel builds for its Run button (parametersForRow),
    run by the executor the batch dialog uses (processing.gui.AlgorithmExecutor.execute):
    QGIS 3.22's dialog, after a failed row, leaves a progress task that hangs QGIS' exit."""
    from processing.gui.AlgorithmExecutor import execute
    from processing.gui.BatchAlgorithmDialog import BatchAlgorithmDialog
    from qgis.core import QgsApplication

    alg = QgsApplication.processingRegistry().createAlgorithmById("clusteratlas:atlaschain")
    dialog = BatchAlgorithmDialog(alg.create())  # the dialog owns (and deletes) its algorithm
    try:
        panel = _fill(dialog, _model_rows(yearly, "page_only_", all_outputs=False))
        parameters = [_parameters_for_row(panel, dialog, row) for row in range(panel.batchRowCount())]
    finally:
        _dispose(dialog)
    del panel, dialog
    outcomes = [_execute_row(execute, alg, p) for p in parameters]
    assert outcomes == [(True, 4), (True, 4)]


def _parameters_for_row(panel, dialog, row):
    """BatchPanel.parametersForRow as the Run button calls it: 3.22 takes the row alone, 3.40+
    also the dialog's processing context."""
    import inspect

    if "context" in inspect.signature(panel.parametersForRow).parameters:
        return panel.parametersForRow(row=row, context=dialog.processingContext())[0]
    return panel.parametersForRow(row)[0]


def _execute_row(execute, alg, parameters):
    """One row as the 3.22 dialog runs it: a new context, the executor. A failed model run
    keeps this frame alive in a stored traceback: the context's layers (OGR) are removed
    here, else they outlive QGIS' exit and crash the interpreter (docs/ARCHITECTURE.md)."""
    from processing.tools import dataobjects
    from qgis.core import QgsProcessingFeedback

    context = dataobjects.createContext(QgsProcessingFeedback())
    ok, results = execute(alg, parameters, context, QgsProcessingFeedback())
    context.temporaryLayerStore().removeAllMapLayers()
    return ok, (_pages(results["EXPORT:PAGE"]) if ok else None)
