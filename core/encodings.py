"""Bytes of a delimited text file -> UTF-8 bytes, and what was decided on the way.

QGIS-free. Users send CSV/TXT written by Excel (Windows-1252, UTF-8 with or
without BOM, "Unicode text" = UTF-16 LE with BOM and tabs), by LibreOffice, or
hand-edited in a text editor that mixed two encodings. :func:`decode` returns
the text as UTF-8 bytes with ``\\n`` line ends (what the pandas C reader and
the line arithmetic of core/readers.py need), and a :class:`Decoded` that says
which encoding was used and which lines were repaired, so that nothing changes
every name of a file without a log line.

Order of the decision (an explicit ENCODING wins over all of it):
1. a BOM: UTF-32 LE/BE, UTF-8, UTF-16 LE/BE (UTF-32 LE's BOM starts like UTF-16 LE's);
2. many NUL bytes and no BOM: UTF-16 or UTF-32, byte order from where the NULs are;
3. valid UTF-8: UTF-8;
4. partly UTF-8 (at least one valid multi-byte character, and invalid bytes): UTF-8, and
   each invalid byte read as Windows-1252 (a stray "é" typed in another editor); the lines
   are reported and their rows flagged ``encoding_repaired`` (kept, not rejected: the
   postcode and employment are ASCII, only a letter of a name was in doubt);
5. otherwise (no byte sequence reads as UTF-8) Windows-1252 (Belgian Excel), said in the log; its 5 undefined bytes
   (0x81 0x8D 0x8F 0x90 0x9D) are kept as the control characters Windows maps them to,
   and their lines reported.
"""
import codecs
import re
from collections import namedtuple

from .messages import N_, Note

Decoded = namedtuple("Decoded", ["data", "encoding", "how", "repaired_lines", "undefined_lines"])
Decoded.__doc__ = """``data``: UTF-8 bytes, ``\\n`` line ends, no BOM. ``encoding``: Python codec
name used. ``how``: 'explicit', 'bom', 'nul', 'utf-8', 'mostly-utf-8', 'cp1252' or 'hint'.
``repaired_lines`` / ``undefined_lines``: 1-based lines of the file with bytes decoded
as Windows-1252 inside a UTF-8 file / bytes undefined in Windows-1252."""

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ESCAPED = re.compile("[\udc80-\udcff]")  # bytes kept by errors="surrogateescape"
_NUL_SAMPLE = 4096


class EncodingError(ValueError):
    """An encoding that cannot be used; the message names the file or the parameter."""


def check_encoding(name):
    """Python codec name of a user-given encoding, or EncodingError naming ENCODING."""
    try:
        info = codecs.lookup(name.strip())
    except (LookupError, ValueError):
        raise EncodingError(
            Note(N_("ENCODING '{}' is not a known encoding: leave it empty to detect it, or use e.g. utf-8, cp1252, "
                    "utf-16."), name)
        ) from None
    if not getattr(info, "_is_text_encoding", True):  # base64, rot13...: bytes-to-bytes codecs
        raise EncodingError(Note(N_("ENCODING '{}' is not a text encoding: use e.g. utf-8, cp1252, utf-16."), name))
    return info.name


def _lf(data):
    """``\\r\\n`` and lone ``\\r`` (old Mac files) as ``\\n``: lines are counted on ``\\n``."""
    if b"\r" not in data:
        return data
    return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")


def _nul_encoding(sample):
    """UTF-16/32 without BOM from the place of the NUL bytes of mostly-ASCII text."""
    if sample.count(0) < len(sample) // 4 or len(sample) < 4:
        return None
    quads = len(sample) // 4 * 4
    by_offset = [sample[i:quads:4].count(0) for i in range(4)]
    if by_offset[1] + by_offset[2] + by_offset[3] > 0.9 * 3 * quads / 4 and by_offset[0] < quads / 8:
        return "utf-32-le"
    if by_offset[0] + by_offset[1] + by_offset[2] > 0.9 * 3 * quads / 4 and by_offset[3] < quads / 8:
        return "utf-32-be"
    odd, even = by_offset[1] + by_offset[3], by_offset[0] + by_offset[2]
    return "utf-16-le" if odd > 2 * even else "utf-16-be" if even > 2 * odd else None


def _strict(data, encoding, path, parameter=None):
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data[: error.start].decode(encoding, errors="replace").count("\n") + 1
        byte = data[error.start : error.start + 1].hex().upper()
        if parameter:
            raise EncodingError(
                Note(N_("{} '{}' cannot decode line {} of '{}' (byte 0x{}): leave it empty to detect the encoding, "
                        "or give the right one."), parameter, encoding, line, path, byte)
            ) from None
        raise EncodingError(
            Note(N_("'{}' looks like {} but line {} cannot be decoded (byte 0x{}): give the encoding with the ENCODING "
                    "parameter, or save the file again as UTF-8."), path, encoding, line, byte)
        ) from None


def _lines_of(text, positions):
    """1-based line of each character position (ascending), in one pass over the text."""
    lines, line, start = [], 1, 0
    for position in positions:
        line += text.count("\n", start, position)
        start = position
        if not lines or lines[-1] != line:
            lines.append(line)
    return lines


def _windows_1252(match):
    byte = bytes([ord(match.group()) - 0xDC00])
    try:
        return byte.decode("cp1252")
    except UnicodeDecodeError:  # undefined in cp1252: Windows maps it to the C1 control of the same number
        return byte.decode("latin-1")


def _undefined_in_cp1252(data):
    if not any(byte in data for byte in (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d")):
        return []
    return [m.start() for m in re.finditer(b"[\x81\x8d\x8f\x90\x9d]", data)]


def decode(data, path, encoding=None, hint=None):
    """Decode the bytes of ``path``; see the module doc. ``encoding``: the user's
    ENCODING (wins; errors name the parameter); ``hint``: the encoding a project
    layer was opened with (used when it decodes the file without error)."""
    if encoding:
        codec = check_encoding(encoding)
        text = _strict(data, codec, path, parameter="ENCODING").lstrip("\ufeff")
        return Decoded(_lf(text.encode("utf-8")), codec, "explicit", [], [])
    for bom, codec in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            if codec == "utf-8":
                return _from_ascii_compatible(_lf(body), path, "bom")
            return Decoded(_lf(_strict(body, codec, path).encode("utf-8")), codec, "bom", [], [])
    codec = _nul_encoding(data[:_NUL_SAMPLE])
    if codec:
        return Decoded(_lf(_strict(data, codec, path).lstrip("\ufeff").encode("utf-8")), codec, "nul", [], [])
    if hint:
        try:
            codec = codecs.lookup(hint).name
            text = data.decode(codec)
        except (LookupError, UnicodeDecodeError, ValueError):
            pass  # a wrong layer option: detect instead
        else:
            if codec not in ("utf-8", "ascii"):
                return Decoded(_lf(text.lstrip("\ufeff").encode("utf-8")), codec, "hint", [], [])
    return _from_ascii_compatible(_lf(data), path, "utf-8")


def _from_ascii_compatible(data, path, how):
    """UTF-8, mostly UTF-8 with repaired bytes, or Windows-1252 (``data`` has ``\\n`` line ends)."""
    try:
        data.decode("utf-8")
        return Decoded(data, "utf-8", how, [], [])
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="surrogateescape")
    # Lone surrogates (the escaped bytes) cannot be encoded: "ignore" drops exactly them.
    invalid = len(text) - len(text.encode("utf-32-le", errors="ignore")) // 4
    valid_multibyte = len(text) - len(text.encode("ascii", errors="ignore")) - invalid
    # Any valid multi-byte character means UTF-8 was written: those stay UTF-8 (reading the whole
    # file as cp1252 would turn each of them into mojibake) and only the invalid bytes are read as
    # cp1252, their lines flagged. No valid one: a Windows-1252 file, where nothing reads as UTF-8.
    if valid_multibyte > 0:
        lines = _lines_of(text, [m.start() for m in _ESCAPED.finditer(text)])
        text = _ESCAPED.sub(_windows_1252, text)
        return Decoded(text.encode("utf-8"), "utf-8", "mostly-utf-8", lines, [])
    del text
    undefined = _undefined_in_cp1252(data)
    if undefined:
        lines = _lines_of(data.decode("latin-1"), undefined)
        text = data.decode("cp1252", errors="surrogateescape")
        text = _ESCAPED.sub(_windows_1252, text)
    else:
        lines, text = [], data.decode("cp1252")
    return Decoded(text.encode("utf-8"), "cp1252", "cp1252", [], lines)
