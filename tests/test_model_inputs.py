"""The bundled model's inputs for real member tables (issue 12, item 10): SHEET,
CLUSTER_SEPARATORS, EXCLUDE, EXCLUSIONS of importmembers and SOURCES, AUTHORS, CREDITS of
exportatlasmap reach their step.

One model run on a workbook whose member list is its SECOND sheet (the first is a decoy
that the import cannot read), a cell "TIC#TWIST" (split only with CLUSTER_SEPARATORS=#),
one entity excluded by EXCLUDE, another by an EXCLUSIONS table, and three words on the
page. Expected figures by hand; oracle: importmembers run with the same parameters
(same member and reject tables) and the page text (pdftotext)."""
import pandas as pd
import pytest

from .conftest import SAMPLE_DATA, layer_frame, pdf_text

POINTS = f"{SAMPLE_DATA / 'postcode_points.gpkg'}|layername=postcode_points"
WALLONIA = f"{SAMPLE_DATA / 'boundaries.gpkg'}|layername=wallonia"
HEADER = ["Nom", "Code postal", "Effectif", "Cluster(s)"]
ROWS = [
    ["Alpha SA", "1348", 100, "TIC#TWIST"],
    ["Bravo SA", "1300", 50, "TIC"],
    ["Charlie SA", "5000", 20, "TWIST"],
    ["Delta SA", "4000", 70, "TIC"],  # EXCLUDE = Delta SA @ TIC
    ["Echo SA", "7000", 30, "TWIST"],  # in the EXCLUSIONS table
]
SOURCES, AUTHORS, CREDITS = "Zebrasource", "Quokkauthor", "Wombatcredits"


def _inputs(tmp_path):
    pytest.importorskip("openpyxl")
    workbook = tmp_path / "members.xlsx"
    with pd.ExcelWriter(workbook, engine="openpyxl") as writer:
        pd.DataFrame({"Remarque": ["liste 2022", "voir feuille suivante", "-"]}).to_excel(
            writer, sheet_name="Notes", index=False)
        pd.DataFrame(ROWS, columns=HEADER).to_excel(writer, sheet_name="Membres 2022", index=False)
    exclusions = tmp_path / "exclusions.csv"
    exclusions.write_text("Nom;Note\nEcho SA;effectif du groupe\n", encoding="utf-8")
    return {"SHEET": "Membres 2022", "CLUSTER_SEPARATORS": "#", "EXCLUDE": "Delta SA @ TIC",
            "EXCLUSIONS": str(exclusions)}, str(workbook)


def test_new_model_inputs_reach_their_steps(provider, run_alg, tmp_path):
    import_inputs, workbook = _inputs(tmp_path)
    out = tmp_path / "model"
    out.mkdir()
    params = dict(import_inputs, MEMBERS=workbook, POSTCODES=POINTS, POSTCODE_FIELD="postcode", BOUNDARY=WALLONIA,
                  TITLE="Model inputs", SOURCES=SOURCES, AUTHORS=AUTHORS, CREDITS=CREDITS,
                  **{"IMPORT:MEMBERS": str(out / "members.gpkg"), "IMPORT:REJECTED": str(out / "rejected.gpkg"),
                     "EXPORT:PAGE": str(out / "page.pdf")})
    result = run_alg("atlaschain", params)
    imp = result["CHILD_RESULTS"]["IMPORT"]

    # SHEET: the five rows of the second sheet (the first has no usable column).
    assert imp["ROWS_READ"] == 5
    # CLUSTER_SEPARATORS "#": Alpha SA in both clusters. EXCLUDE and EXCLUSIONS: Delta and Echo rejected.
    members = layer_frame(out / "members.gpkg")
    assert sorted(zip(members["name"], members["cluster"], members["employment"])) == [
        ("Alpha SA", "TIC", 100.0), ("Alpha SA", "TWIST", 100.0), ("Bravo SA", "TIC", 50.0),
        ("Charlie SA", "TWIST", 20.0)]
    rejected = layer_frame(out / "rejected.gpkg")
    assert sorted(zip(rejected["name"], rejected["rule"], rejected["employment"])) == [
        ("Delta SA", "excluded_list", 70.0), ("Echo SA", "excluded_list", 30.0)]
    assert "effectif du groupe" in rejected.set_index("name").loc["Echo SA", "reason"]
    assert (imp["EMPLOYMENT_OUT"], imp["EMPLOYMENT_EXCLUDED"]) == (270.0, 100.0)
    assert result["CHILD_RESULTS"]["AGGREGATE"]["EMPLOYMENT_TOTAL"] == 170.0  # each entity once

    # SOURCES, AUTHORS, CREDITS: printed on the page.
    words = pdf_text(out / "page.pdf").split()
    assert {SOURCES, AUTHORS, CREDITS} <= set(words), words

    # The oracle: importmembers with the same parameters writes the same tables.
    steps = tmp_path / "steps"
    steps.mkdir()
    oracle = run_alg("importmembers", dict(import_inputs, INPUT=workbook, OUTPUT=str(steps / "members.gpkg"),
                                           REJECTED=str(steps / "rejected.gpkg")))
    for name in ("members.gpkg", "rejected.gpkg"):
        mine, theirs = layer_frame(out / name), layer_frame(steps / name)
        assert mine.drop(columns="fid").equals(theirs.drop(columns="fid")), name
    assert {k: imp[k] for k in ("ROWS_READ", "MEMBERSHIPS", "REJECTED_COUNT")} == {
        k: oracle[k] for k in ("ROWS_READ", "MEMBERSHIPS", "REJECTED_COUNT")}
