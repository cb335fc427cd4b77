"""What clusteratlas:importmembers says in the log about how a file was read
(core/readers.py's ``info``): encoding decisions, repaired lines, the header
line, lines above it, repeated headers, ignored blank rows. Nothing that
changes a name or drops a line goes unsaid."""
from .base import tr

_LISTED = 20  # rows named in one log line; the rest are counted


def _places(places):
    """``row 3 (line 4), line 1...`` for ``(source_row or None, line)`` pairs."""
    texts = [tr("row {} (line {})").format(row, line) if row else tr("line {}").format(line) for row, line in places[:_LISTED]]
    if len(places) > _LISTED:
        texts.append(tr("and {} more").format(len(places) - _LISTED))
    return ", ".join(texts)


def log_reading(feedback, path, table, info):
    if info["format"] == "workbook":
        feedback.pushInfo(
            tr("Read {} rows from sheet '{}' of {} (sheets: {}).").format(
                info["rows_read"], info["sheet"], path, ", ".join(info["sheets"]))
        )
    else:
        feedback.pushInfo(
            tr("Read {} rows from {} (encoding {}, separator '{}').").format(
                info["rows_read"], path, info["encoding"], "tab" if info["separator"] == "\t" else info["separator"])
        )
        _log_encoding(feedback, path, info)
    above = sum(1 for reject in info.get("reader_rejects", ()) if reject[2] == "above_header")
    if above:
        feedback.pushInfo(
            tr("Header found on line {}: the {} line(s) above it are rejected (rule above_header); source_row counts "
               "data rows below the header.").format(info["header_row"], above)
        )
    for line, row, rows, new in info.get("sections", ()):
        extra = tr("; new column(s): {}").format(", ".join(new)) if new else ""
        feedback.pushWarning(
            tr("Line {} (row {}) repeats the header: rejected (rule repeated_header); the {} row(s) below it are read "
               "with its column names{}.").format(line, row, rows, extra)
        )
    if info.get("trailing_blank"):
        feedback.pushInfo(tr("{} blank row(s) after the last data row ignored.").format(info["trailing_blank"]))
    for name, renamed in info.get("duplicates", ()):
        feedback.pushWarning(
            tr("Column name '{}' appears more than once: the repeated column is called '{}' (detection uses the first).").format(
                name, renamed
            )
        )


def _log_encoding(feedback, path, info):
    how, encoding = info.get("encoding_how"), info["encoding"]
    if how in ("bom", "nul") and encoding != "utf-8":
        found = tr("byte order mark") if how == "bom" else tr("NUL bytes, no byte order mark")
        feedback.pushInfo(tr("Encoding {} detected ({}).").format(encoding, found))
    elif how == "hint":
        feedback.pushInfo(tr("Encoding {} of the project layer used.").format(encoding))
    elif how == "cp1252":
        feedback.pushInfo(
            tr("'{}' is not UTF-8: read as Windows-1252 (cp1252), the encoding of Excel's CSV on Windows. If accented "
               "names look wrong, give the encoding with the ENCODING parameter.").format(path)
        )
    repaired = info.get("repaired") or []
    if repaired:
        feedback.pushWarning(
            tr("{} line(s) of '{}' are not valid UTF-8 (bytes of another encoding, e.g. an 'é' typed in a Windows "
               "editor): those bytes were read as Windows-1252 and the rows flagged encoding_repaired: {}.").format(
                len(repaired), path, _places(repaired))
        )
    undefined = info.get("undefined_bytes") or []
    if undefined:
        feedback.pushWarning(
            tr("{} line(s) of '{}' hold bytes undefined in Windows-1252 (0x81, 0x8D, 0x8F, 0x90 or 0x9D), kept as "
               "control characters: {}. The file may be in another encoding: give it with the ENCODING "
               "parameter.").format(len(undefined), path, _places(undefined))
        )
