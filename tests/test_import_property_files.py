"""Generated member-list FILES through clusteratlas:importmembers (issue 12, "done when").

Each example writes a file as users receive them: title lines, blank lines between rows and
after the table, a second export pasted under the first (a repeated header, an extra column),
postcodes written with full-width or Arabic-Indic digits, employment as words or approximations,
a name with a quoted line break; CSV in UTF-8 (with and without BOM), UTF-16 (Excel's "Unicode
text"), cp1252 and a UTF-8 file with one row in cp1252; XLSX and ODS workbooks.

The generator knows what every line of the file is, so the oracle is independent of the code:
- every line of the table (titles, headers again, blank lines between rows, data) ends in OUTPUT
  or REJECTED by its ``source_line``; trailing blank lines are not rows;
- each data line gives one membership per cluster named, with its name exactly as written
  (no mojibake), its postcode key and its employment; EMPLOYMENT_IN is the hand sum;
- ROWS_READ is the last ``source_row``; no run ends in an error.

Default: a few dozen examples per run. Nightly size (1,000 tables and more):
    CLUSTER_ATLAS_PROPERTY_EXAMPLES=1000 bash scripts/test.sh --qgis 3.22 tests/test_import_property_files.py
"""
import math
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import layer_frame

EXAMPLES = int(os.environ.get("CLUSTER_ATLAS_PROPERTY_EXAMPLES", "40"))

TITLES = ["Liste des membres 2024", "Ledenlijst cluster TIC", "Mise à jour : mars 2011"]
NAMES = ["Société Liégeoise", "Infopôle Ságé", "Ørsted Wallonie", "Müller & Fils", "Café Namurois", "IBM"]
# (text, value, memberships-independent) — every spelling has a hand value (None = unknown).
EMPLOYMENTS = [
    ("12", 12.0), ("1 250", 1250.0), ("10-19", 14.5), ("n.c.", None), ("n.b.", None), ("onbekend", None),
    ("ca. 40", 40.0), ("±40", 40.0), ("", None), ("500+", 500.0), ("7", 7.0),
]  # fmt: skip
CLUSTERS = [("TIC", ["TIC"]), ("TWIST", ["TWIST"]), ("BioWin", ["BioWin"]), ("TIC; TWIST", ["TIC", "TWIST"]),
            ("Logistics in Wallonia", ["Logistics in Wallonia"])]
DIGITS = {
    "ascii": "0123456789",
    "fullwidth": "０１２３４５６７８９",
    "arabic": "٠١٢٣٤٥٦٧٨٩",
}
BASE_COLUMNS = ["Nom", "Code postal", "Effectif", "Cluster(s)"]


def _digits(code, script):
    return "".join(DIGITS[script][int(c)] for c in str(code))


@st.composite
def member_files(draw):
    fmt = draw(st.sampled_from(["csv"] * 6 + ["xlsx", "ods"]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "mixed"])) if fmt == "csv" else None
    sep = "\t" if encoding == "utf-16" else draw(st.sampled_from([";", ",", "\t"]))
    titles = draw(st.lists(st.sampled_from(TITLES), max_size=2, unique=True))
    blank_under_titles = bool(titles) and draw(st.booleans())
    first = draw(st.permutations(BASE_COLUMNS))
    blocks = [list(first)]
    if draw(st.integers(0, 3)) == 0:  # a second export pasted under the first, with an extra column
        second = draw(st.permutations(BASE_COLUMNS + ["Type"]))
        blocks.append(list(second))
    lines = []  # (kind, cells or None, payload)
    for title in titles:
        lines.append(("title", [title], None))
    if blank_under_titles:
        lines.append(("title_blank", [], None))
    serial = 0
    for number, columns in enumerate(blocks):
        lines.append(("header" if number == 0 else "repeated_header", list(columns), None))
        for _ in range(draw(st.integers(1 if number else 0, 6))):
            if draw(st.integers(0, 5)) == 0:
                lines.append(("blank", [], None))
            serial += 1
            name = "{} {}".format(draw(st.sampled_from(NAMES)), serial)
            if fmt == "csv" and draw(st.integers(0, 9)) == 0:
                name = name.replace(" ", "\n", 1)  # a quoted line break inside the name
            code = draw(st.integers(1000, 9999))
            script = draw(st.sampled_from(["ascii", "ascii", "fullwidth", "arabic"]))
            if encoding in ("cp1252", "mixed"):
                script = "ascii"  # cp1252 has no such digits
            postcode = draw(st.sampled_from(["", "B-"])) + _digits(code, script)
            emp_text, emp_value = draw(st.sampled_from(EMPLOYMENTS))
            cluster_text, cluster_parts = draw(st.sampled_from(CLUSTERS))
            values = {"Nom": name, "Code postal": postcode, "Effectif": emp_text, "Cluster(s)": cluster_text,
                      "Type": "Entreprise"}
            payload = dict(name=name, pc_key="BE-{}".format(code), employment=emp_value, clusters=cluster_parts)
            lines.append(("data", [values[c] for c in columns], payload))
    trailing = draw(st.integers(0, 2))
    mixed_row = None
    if encoding == "mixed":
        data_lines = [i for i, line in enumerate(lines) if line[0] == "data" and "\n" not in line[2]["name"]]
        mixed_row = draw(st.sampled_from(data_lines)) if data_lines else None
    return dict(fmt=fmt, encoding=encoding, sep=sep, lines=lines, trailing=trailing, mixed_row=mixed_row)


def _non_ascii(cells):
    return any(ord(c) > 127 for cell in cells for c in str(cell))


def _cell(value, sep):
    text = str(value)
    if sep in text or '"' in text or "\n" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


def _write(spec, path):
    """Write the file; returns {line index in spec: first physical line number (1-based)}."""
    fmt, sep = spec["fmt"], spec["sep"]
    numbers, physical = {}, 1
    if fmt == "csv":
        width = max(len(cells) for _, cells, _ in spec["lines"])
        chunks = []
        for i, (kind, cells, _) in enumerate(spec["lines"]):
            numbers[i] = physical
            if kind in ("blank", "title_blank"):
                text = sep * (width - 1) if i % 2 else ""  # an empty line, or separators only
            else:
                text = sep.join(_cell(c, sep) for c in cells)
            physical += text.count("\n") + 1
            chunks.append((i, text + "\r\n"))
        chunks.extend((None, "\r\n") for _ in range(spec["trailing"]))
        encoding = spec["encoding"]
        if encoding == "mixed":  # a UTF-8 file with one row typed in Windows-1252
            data = b"".join(text.encode("cp1252" if i == spec["mixed_row"] else "utf-8") for i, text in chunks)
        else:  # encoded at once: one BOM (utf-8-sig, utf-16), at the start
            data = "".join(text for _, text in chunks).encode(encoding)
        path.write_bytes(data)
        return numbers
    import pandas as pd

    rows = []
    for i, (kind, cells, _) in enumerate(spec["lines"]):
        numbers[i] = i + 1
        rows.append(list(cells))
    rows.extend([] for _ in range(spec["trailing"]))
    width = max(len(r) for r in rows)
    frame = pd.DataFrame([r + [None] * (width - len(r)) for r in rows])
    frame.to_excel(path, header=False, index=False, engine="openpyxl" if fmt == "xlsx" else "odf")
    return numbers


@settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 40,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large])
@given(spec=member_files())
def test_property_every_line_accounted_and_employment_conserved(spec, run_alg, tmp_path_factory):
    folder = tmp_path_factory.mktemp("prop")
    path = folder / ("members." + spec["fmt"])
    numbers = _write(spec, path)
    results = run_alg("importmembers", {"INPUT": str(path), "OUTPUT": str(folder / "out.gpkg"),
                                        "REJECTED": str(folder / "rej.gpkg")})
    out, rej = layer_frame(results["OUTPUT"]), layer_frame(results["REJECTED"])

    expected_lines, expected_in, expected_members = set(), 0.0, 0
    for i, (kind, cells, payload) in enumerate(spec["lines"]):
        if kind == "header":
            continue
        expected_lines.add(numbers[i])
        if kind == "data":
            expected_members += len(payload["clusters"])
            if payload["employment"] is not None:
                expected_in += payload["employment"] * len(payload["clusters"])
    seen = set(out["source_line"]) | set(rej["source_line"])
    assert seen == expected_lines, (spec, sorted(seen ^ expected_lines))
    assert set(rej["rule"]) <= {"above_header", "repeated_header", "empty_row"} | (
        {"encoding"} if spec["mixed_row"] is not None else set()), rej[["source_line", "rule", "reason"]]
    assert results["EMPLOYMENT_IN"] == pytest.approx(expected_in)
    assert results["EMPLOYMENT_OUT"] + results["EMPLOYMENT_EXCLUDED"] == pytest.approx(expected_in)
    data_rows = rej.loc[rej["source_row"].notna(), "source_row"].tolist() + out["source_row"].tolist()
    assert results["ROWS_READ"] == (max(data_rows) if data_rows else 0)
    assert len(set(data_rows)) == results["ROWS_READ"]

    by_line = {line: frame for line, frame in out.groupby("source_line")}
    members = 0
    for i, (kind, cells, payload) in enumerate(spec["lines"]):
        if kind != "data":
            continue
        got = by_line.get(numbers[i])
        if i == spec["mixed_row"] and got is None:  # rejected with its line number: allowed
            assert numbers[i] in set(rej["source_line"])
            members += len(payload["clusters"])
            continue
        assert got is not None, (numbers[i], payload)
        members += len(got)
        assert sorted(got["cluster"]) == sorted(payload["clusters"])
        assert set(got["name"]) == {payload["name"]}, (payload["name"], spec["encoding"])
        assert set(got["pc_key"]) == {payload["pc_key"]}
        for value in got["employment"]:
            if payload["employment"] is None:
                assert value is None or math.isnan(value)
            else:
                assert value == pytest.approx(payload["employment"])
        if i == spec["mixed_row"] and _non_ascii(cells) and any(
                _non_ascii(other) for j, (_, other, _) in enumerate(spec["lines"]) if j != i):
            # UTF-8 elsewhere in the file: this row's bytes were repaired, and flagged. (Without
            # any, the file is read as Windows-1252: nothing is repaired.)
            assert all("encoding_repaired" in flags for flags in got["flags"]), got["flags"]
    assert members == expected_members
