"""How clusteratlas:importmembers reads files (issue 12, items 4, 5, 7 and the
reader part of 8): pasted exports with a second header, titles, blank rows,
encodings, hostile sizes.

Every file is written by the test, cell by cell; expectations are written by
hand. The oracle of "nothing lost" is the file itself: its lines (or sheet rows)
are counted independently of the reader, and every one up to the last data line
must be the source_line of an OUTPUT or REJECTED row."""
import time

import pandas as pd
import pytest

from .conftest import gpkg_table, layer_frame

# Two exports pasted into one file: the second has one more known column (Type),
# inserted before Cluster, so reading it by position would shift every cell.
PASTED = [
    ["Liste des membres - export 1"],                        # line 1: title
    ["Nom", "Code postal", "Effectif", "Cluster"],           # line 2: header
    ["Alpha", "1348", "10", "TIC"],                          # line 3: row 1
    ["Beta", "4000", "20", "TIC"],                           # line 4: row 2
    [],                                                      # line 5: row 3, blank between data rows
    ["Nom", "Code postal", "Effectif", "Type", "Cluster"],   # line 6: row 4, repeated header
    ["Gamma", "5000", "30", "Entreprise", "TWIST"],          # line 7: row 5
    ["Delta", "7000", "40", "université", "TIC"],            # line 8: row 6
    [],                                                      # trailing blank rows: not rows
    [],
]  # fmt: skip
PASTED_OUT = [  # (source_row, source_line, name, cluster, pc_key, employment)
    (1, 3, "Alpha", "TIC", "BE-1348", 10.0),
    (2, 4, "Beta", "TIC", "BE-4000", 20.0),
    (5, 7, "Gamma", "TWIST", "BE-5000", 30.0),
    (6, 8, "Delta", "TIC", "BE-7000", 40.0),
]
PASTED_REJ = [(None, 1, "above_header"), (3, 5, "empty_row"), (4, 6, "repeated_header")]


def _cell(value, sep):
    text = "" if value is None else str(value)
    return '"' + text.replace('"', '""') + '"' if (sep in text or '"' in text or "\n" in text) else text


def write_csv(path, rows, sep=";", encoding="utf-8", blank=""):
    """One line per row (a cell with a line break spans more); ``blank``: how an empty row is written."""
    lines = [sep.join(_cell(v, sep) for v in row) if row else blank for row in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def write_workbook(path, rows):
    """Rows at their sheet row (row i of ``rows`` = sheet row i + 1); empty cells not written."""
    if path.suffix == ".xlsx":
        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value not in (None, ""):
                    sheet.cell(row=r, column=c, value=value)
            if not any(row):  # a blank row as Excel leaves it: a formatted, empty cell
                sheet.cell(row=r, column=1).number_format = "@"
        book.save(path)
    else:
        pytest.importorskip("odf")
        width = max(len(r) for r in rows)
        frame = pd.DataFrame([list(r) + [None] * (width - len(r)) for r in rows])
        frame.to_excel(path, header=False, index=False, engine="odf")
    return path


def write_input(tmp_path, fmt, rows, **csv_options):
    path = tmp_path / ("members." + fmt)
    if fmt in ("csv", "txt"):
        return write_csv(path, rows, **csv_options)
    return write_workbook(path, rows)


def file_lines(path, fmt, encoding="utf-8"):
    """Oracle: the lines (sheet rows) of the written file up to its last non-blank one,
    counted without the reader (CSV: a quoted line break starts a line too)."""
    if fmt in ("csv", "txt"):
        lines = path.read_bytes().decode(encoding).lstrip("\ufeff").replace("\r\n", "\n").split("\n")
        filled = [i for i, line in enumerate(lines, start=1) if line.strip(" ;,\t|")]
    else:
        import openpyxl

        if fmt == "ods":
            frame = pd.read_excel(path, header=None, engine="odf")
            filled = [i + 1 for i in range(len(frame)) if frame.iloc[i].notna().any()]
        else:
            sheet = openpyxl.load_workbook(path).active
            filled = [r[0].row for r in sheet.iter_rows() if any(c.value not in (None, "") for c in r)]
    return set(range(1, max(filled) + 1))


@pytest.fixture()
def run_import(run_alg, tmp_path):
    from qgis.core import QgsProcessingFeedback

    def _run(input_value, **params):
        feedback = QgsProcessingFeedback()
        outputs = {"OUTPUT": str(tmp_path / "out.gpkg"), "REJECTED": str(tmp_path / "rej.gpkg")}
        results = run_alg("importmembers", dict(outputs, INPUT=input_value, **params), feedback=feedback)
        out = layer_frame(results["OUTPUT"]).sort_values(["source_row", "cluster"]).reset_index(drop=True)
        rej = layer_frame(results["REJECTED"]).sort_values("source_line").reset_index(drop=True)
        return out, rej, results, feedback.textLog()

    return _run


def check_accounted(out, rej, results, lines, header=1):
    """Every line but the header's is in OUTPUT or REJECTED; ROWS_READ = the last
    source_row = the distinct source rows; employment conserved."""
    assert set(out["source_line"]) | set(rej["source_line"]) == lines - {header}
    rows = set(out["source_row"]) | set(rej["source_row"].dropna().astype(int))
    assert results["ROWS_READ"] == max(rows) == len(rows)
    assert results["REJECTED_COUNT"] == len(rej) and results["MEMBERSHIPS"] == len(out)
    assert results["EMPLOYMENT_IN"] == pytest.approx(results["EMPLOYMENT_OUT"] + results["EMPLOYMENT_EXCLUDED"])
    assert results["EMPLOYMENT_OUT"] == pytest.approx(out["employment"].fillna(0).sum())


def _trailing_counted(fmt, log):
    """The 2 trailing blank rows are counted in the log; pandas 2's ODF reader drops
    trailing empty rows itself (nothing left to count, nothing rejected either)."""
    if fmt == "ods" and int(pd.__version__.split(".")[0]) >= 2:
        return "blank row(s) after the last data row" not in log
    return "2 blank row(s) after the last data row ignored" in log


def _got(out):
    return [(int(r.source_row), int(r.source_line), r.name, r.cluster, r.pc_key, r.employment) for r in out.itertuples()]


def _rejects(rej):
    return [(None if pd.isna(r.source_row) else int(r.source_row), int(r.source_line), r.rule) for r in rej.itertuples()]


# --- item 4: a second header pasted below, titles above --------------------------

@pytest.mark.parametrize("fmt", ["csv", "xlsx", "ods"])
def test_pasted_exports_keep_every_row_and_read_by_name(run_import, tmp_path, fmt):
    path = write_input(tmp_path, fmt, PASTED)
    out, rej, results, log = run_import(str(path))
    assert _got(out) == PASTED_OUT
    assert _rejects(rej) == PASTED_REJ
    # Read by name, not by position: Gamma's kind comes from its own Type column.
    assert out.set_index("name").loc["Gamma", "kind"] == "company"
    assert out.set_index("name").loc["Delta", "kind"] == "research"
    check_accounted(out, rej, results, file_lines(path, fmt), header=2)
    assert results["ROWS_READ"] == 6 and results["EMPLOYMENT_OUT"] == pytest.approx(100)
    assert "Line 6 (row 4) repeats the header" in log and "new column(s): Type" in log
    assert _trailing_counted(fmt, log)
    above = rej[rej["rule"] == "above_header"]
    assert "Liste des membres - export 1" in above["raw_record"].iloc[0]


def test_three_sections_and_a_second_header_in_another_language(run_import, tmp_path):
    rows = [
        ["Nom", "CP", "Effectif", "Cluster"],
        ["A", "1348", "1", "TIC"],
        ["Naam", "Postcode", "Werknemers", "Cluster"],  # a Dutch export pasted below
        ["B", "2000", "2", "TIC"],
        ["Nom", "CP", "Effectif", "Cluster"],
        ["C", "4000", "3", "TIC"],
    ]
    path = write_input(tmp_path, "csv", rows)
    out, rej, results, _ = run_import(str(path))
    assert _got(out) == [(1, 2, "A", "TIC", "BE-1348", 1.0), (3, 4, "B", "TIC", "BE-2000", 2.0),
                         (5, 6, "C", "TIC", "BE-4000", 3.0)]  # fmt: skip
    assert _rejects(rej) == [(2, 3, "repeated_header"), (4, 5, "repeated_header")]
    check_accounted(out, rej, results, file_lines(path, "csv"))


def test_title_naming_two_header_words_is_above_the_header(run_import, tmp_path):
    rows = [["Nom du cluster: TIC", "Année: 2011"], ["Nom", "CP", "Effectif", "Type", "Cluster"],
            ["A", "1348", "3", "Entreprise", "TIC"]]  # fmt: skip
    path = write_input(tmp_path, "csv", rows)
    out, rej, results, log = run_import(str(path))
    assert _got(out) == [(1, 3, "A", "TIC", "BE-1348", 3.0)]
    assert _rejects(rej) == [(None, 1, "above_header")]
    assert "Header found on line 2: the 1 line(s) above it are rejected" in log


def test_a_data_row_naming_header_words_is_not_a_header(run_import, tmp_path):
    # "Entreprise" and "Pôle TIC" are header words, but the row has a postcode: data.
    rows = [["Nom", "CP", "Effectif", "Type", "Cluster"], ["Entreprise", "1348", "3", "Type A", "Pôle TIC"]]
    path = write_input(tmp_path, "csv", rows)
    out, rej, _, _ = run_import(str(path))
    assert _got(out) == [(1, 2, "Entreprise", "Pôle TIC", "BE-1348", 3.0)] and len(rej) == 0


# --- item 5: blank rows, one rule for every format ---------------------------------

BLANKS = [
    ["Nom", "CP", "Effectif", "Cluster"],
    ["A", "1348", "3", "TIC"],
    [],                          # row 2: blank line
    ["", "", "", ""],            # row 3: a line of separators only
    ["B", "4000", "5", "TIC"],   # row 4
    [],
    ["", "", "", ""],
]


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "ods"])
def test_blank_rows_between_data_are_empty_rows_and_trailing_ones_are_ignored(run_import, tmp_path, fmt):
    path = write_input(tmp_path, fmt, BLANKS)
    out, rej, results, log = run_import(str(path))
    assert _got(out) == [(1, 2, "A", "TIC", "BE-1348", 3.0), (4, 5, "B", "TIC", "BE-4000", 5.0)]
    assert _rejects(rej) == [(2, 3, "empty_row"), (3, 4, "empty_row")]
    assert results["ROWS_READ"] == 4
    check_accounted(out, rej, results, file_lines(path, fmt))
    assert _trailing_counted(fmt, log)


def test_blank_rows_of_a_geopackage_table(run_import, tmp_path):
    schema = [("nom", "string"), ("cp", "int"), ("effectif", "double"), ("cluster", "string")]
    rows = [["A", 1348, 3.0, "TIC"], [None] * 4, ["B", 4000, 5.0, "TIC"], [None] * 4, [None, None, None, ""]]
    uri = gpkg_table(tmp_path / "members.gpkg", schema, rows)
    out, rej, results, log = run_import(uri)
    assert _got(out) == [(1, 1, "A", "TIC", "BE-1348", 3.0), (3, 3, "B", "TIC", "BE-4000", 5.0)]
    assert _rejects(rej) == [(2, 2, "empty_row")]  # a layer has no lines: source_line = source_row
    assert results["ROWS_READ"] == 3
    assert "2 blank row(s) after the last data row ignored" in log


def test_quoted_line_breaks_count_in_source_line(run_import, tmp_path):
    rows = [["Nom", "CP", "Effectif", "Type", "Cluster"], ["A\nSA", "1348", "3", "", "TIC"],
            ["B", "4000", "5", "Entreprise\n(PME)", "TIC"], ["C", "bad", "7", "", "TIC"]]  # fmt: skip
    path = write_input(tmp_path, "csv", rows)
    out, rej, results, _ = run_import(str(path))
    assert [(r, line, n) for r, line, n, *_ in _got(out)] == [(1, 2, "A\nSA"), (2, 4, "B")]
    assert _rejects(rej) == [(3, 6, "invalid_postcode")]
    assert results["ROWS_READ"] == 3


# --- item 7: encodings ---------------------------------------------------------

ACCENTED = [["Nom", "CP", "Effectif", "Cluster"], ["Infopôle Société", "1348", "3", "Aéronautique"],
            ["Über GmbH", "4000", "5", "Logistique"]]  # fmt: skip
ACCENTED_OUT = [(1, 2, "Infopôle Société", "Aéronautique", "BE-1348", 3.0), (2, 3, "Über GmbH", "Logistique", "BE-4000", 5.0)]


@pytest.mark.parametrize(
    "encoding, bom, detected",
    [
        ("utf-16-le", b"\xff\xfe", "utf-16-le"),  # Excel's "Unicode text": UTF-16 LE, BOM, tabs
        ("utf-16-be", b"\xfe\xff", "utf-16-be"),
        ("utf-32-le", b"\xff\xfe\x00\x00", "utf-32-le"),
        ("utf-32-be", b"\x00\x00\xfe\xff", "utf-32-be"),
        ("utf-16-le", b"", "utf-16-le"),  # no BOM: told by the NUL bytes
        ("utf-8", b"\xef\xbb\xbf", "utf-8"),
    ],
)
def test_unicode_files_are_detected(run_import, tmp_path, encoding, bom, detected):
    path = tmp_path / "unicode.txt"
    text = "\r\n".join("\t".join(row) for row in ACCENTED) + "\r\n"
    path.write_bytes(bom + text.encode(encoding))
    out, rej, results, log = run_import(str(path))
    assert _got(out) == ACCENTED_OUT and len(rej) == 0
    assert "encoding {}, separator 'tab'".format(detected) in log


def test_a_stray_windows_byte_repairs_only_its_row(run_import, tmp_path):
    rows = ACCENTED + [["Café Liège", "4020", "7", "Nutrition"], ["Zoë", "5000", "1", "TIC"]]
    data = write_csv(tmp_path / "m.csv", rows).read_bytes()
    # Line 4's "é" typed in a Windows editor: one cp1252 byte in a UTF-8 file.
    data = data.replace("Café".encode("utf-8"), "Café".encode("cp1252"))
    path = tmp_path / "mixed.csv"
    path.write_bytes(data)
    out, rej, results, log = run_import(str(path))
    assert [g[2] for g in _got(out)] == ["Infopôle Société", "Über GmbH", "Café Liège", "Zoë"]  # no mojibake
    flags = dict(zip(out["name"], out["flags"]))
    assert "encoding_repaired" in flags["Café Liège"].split(";")
    assert not any("encoding_repaired" in flags[n] for n in ("Infopôle Société", "Über GmbH", "Zoë"))
    assert "1 line(s) of '{}' are not valid UTF-8".format(path) in log and "row 3 (line 4)" in log
    check_accounted(out, rej, results, file_lines(tmp_path / "m.csv", "csv"))


def test_a_windows_1252_file_is_read_as_such_and_said(run_import, tmp_path):
    path = write_csv(tmp_path / "w.csv", ACCENTED, encoding="cp1252")
    out, _, _, log = run_import(str(path))
    assert _got(out) == ACCENTED_OUT
    assert "is not UTF-8: read as Windows-1252" in log


def test_a_byte_undefined_in_windows_1252_is_kept_and_named(run_import, tmp_path):
    path = tmp_path / "w.csv"
    write_csv(path, ACCENTED, encoding="cp1252")
    path.write_bytes(path.read_bytes().replace(b"GmbH", b"Gmb\x81H"))
    out, rej, _, log = run_import(str(path))
    assert out["name"].tolist() == ["Infopôle Société", "Über Gmb\x81H"] and len(rej) == 0
    assert "bytes undefined in Windows-1252" in log and "row 2 (line 3)" in log


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "UTF-16LE", "cp1252"])
def test_explicit_encoding_wins(run_import, tmp_path, encoding):
    path = tmp_path / "e.csv"
    write_csv(path, ACCENTED, encoding=encoding)
    out, _, _, _ = run_import(str(path), ENCODING=encoding)
    assert _got(out) == ACCENTED_OUT


@pytest.mark.parametrize(
    "encoding, message",
    [
        ("utf-8x", "ENCODING 'utf-8x' is not a known encoding"),
        ("rot13", "ENCODING 'rot13' is not a text encoding"),
        ("utf-8", r"ENCODING 'utf-8' cannot decode line 2 of '.*w\.csv' \(byte 0xF4\)"),
    ],
)
def test_unusable_encoding_is_one_line_naming_the_parameter(run_alg, tmp_path, encoding, message):
    from qgis.core import QgsProcessingException

    path = write_csv(tmp_path / "w.csv", ACCENTED, encoding="cp1252")
    with pytest.raises(QgsProcessingException, match=message) as caught:
        run_alg("importmembers", {"INPUT": str(path), "ENCODING": encoding, "OUTPUT": "memory:", "REJECTED": "memory:"})
    assert "\n" not in str(caught.value)
    del caught


# --- item 8, reader part: hostile sizes --------------------------------------------

def test_multi_character_separator_is_refused_by_name(run_alg, tmp_path):
    from qgis.core import QgsProcessingException

    path = write_csv(tmp_path / "s.csv", ACCENTED, sep="|")
    with pytest.raises(QgsProcessingException, match=r"SEPARATOR '\|\|' must be one character"):
        run_alg("importmembers", {"INPUT": str(path), "SEPARATOR": "||", "OUTPUT": "memory:", "REJECTED": "memory:"})


@pytest.mark.parametrize("quoted_break", [False, True])
def test_a_cell_over_the_csv_field_limit_is_read(run_import, tmp_path, quoted_break):
    long_name = "N" * 200_000 + ("\nsuite" if quoted_break else "")
    rows = [["Nom", "CP", "Effectif", "Cluster"], [long_name, "1348", "3", "TIC"], ["B", "4000", "5", "TIC"]]
    path = write_csv(tmp_path / "long.csv", rows)
    out, rej, results, _ = run_import(str(path))
    assert out["name"].tolist() == [long_name, "B"] and len(rej) == 0
    assert out["source_line"].tolist() == [2, 4 if quoted_break else 3]


def test_xlsx_with_a_cell_at_column_xfd_costs_one_row(run_import, tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Nom", "CP", "Effectif", "Cluster"])
    for i in range(2000):
        sheet.append(["Entité {}".format(i), str(1000 + i), 3, "TIC"])
    sheet["XFD1500"] = "stray"  # one cell at the last column of Excel
    path = tmp_path / "xfd.xlsx"
    book.save(path)
    started = time.perf_counter()
    out, rej, results, _ = run_import(str(path))
    assert time.perf_counter() - started < 60  # pandas took minutes and gigabytes
    assert len(out) == 2000 and results["ROWS_READ"] == 2000
    assert set(rej["rule"]) <= {"invalid_postcode"}  # codes 1000..2999 in range; none lost
    assert len(rej) == 0


def test_xlsx_over_the_cell_budget_is_one_line_error(run_alg, tmp_path, monkeypatch):
    import openpyxl
    from qgis.core import QgsProcessingException

    from cluster_atlas.core import workbooks

    monkeypatch.setattr(workbooks, "CELL_BUDGET", 100_000)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Nom", "CP", "Effectif", "Cluster"])
    for i in range(10):
        sheet.append(["E{}".format(i), "1348", 3, "TIC"])
        sheet.cell(row=i + 2, column=16384, value="x")
    path = tmp_path / "wide.xlsx"
    book.save(path)
    with pytest.raises(QgsProcessingException, match=r"Sheet 'Sheet' of '.*wide\.xlsx' pads its rows with more than 100,000 empty cells "
                                                     r"\(row \d+ reaches column XFD\)"):
        run_alg("importmembers", {"INPUT": str(path), "OUTPUT": "memory:", "REJECTED": "memory:"})


def test_ten_thousand_columns_are_read_in_bounded_time(tmp_path):
    from cluster_atlas.core.readers import read_table

    header = ["Nom", "CP", "Effectif", "Cluster"] + ["c{}".format(i) for i in range(9996)]
    rows = [header] + [["E{}".format(r), "1348", "3", "TIC"] + [str(r * i % 7) for i in range(9996)] for r in range(200)]
    path = write_csv(tmp_path / "wide.csv", rows)
    started = time.perf_counter()
    table, info = read_table(str(path))
    elapsed = time.perf_counter() - started
    assert table.shape == (200, 10000) and info["header_row"] == 1
    assert elapsed < 30, elapsed
