"""CSV outputs without formula cells (CSV injection, OWASP's rule).

Excel and LibreOffice Calc run a CSV cell that starts with ``=``, ``+``, ``-`` or ``@`` as a
formula (``=HYPERLINK(...)``, ``+cmd|' /C calc'!A0``), and a leading tab or carriage return
can hide one. A member list is data from outside: every text cell of a CSV the plugin writes
that starts so is prefixed with ``'``, which both programs show as text. Numbers stay numbers:
numeric fields are written unquoted by OGR, and a text cell that is a plain number (``-3``, a
raw employment in REJECTED) is left as it is (no formula can hide in it). XLSX, GeoPackage and
HTML outputs store text as text: they are left untouched.
"""
import os
import re

from qgis.core import QgsFeature, QgsProviderRegistry

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?")
CSV_EXTENSIONS = (".csv", ".tsv", ".txt")


def neutralise(value):
    """``value`` safe to open in a spreadsheet: a text that would run as a formula gets a leading ``'``."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def is_csv_destination(dest_id):
    """True when ``dest_id`` (a sink's destination) is a delimited text file."""
    if not isinstance(dest_id, str) or not dest_id:
        return False
    path = QgsProviderRegistry.instance().decodeUri("ogr", dest_id).get("path") or dest_id.split("|")[0]
    return os.path.splitext(path)[1].lower() in CSV_EXTENSIONS


class FormulaSafeSink:
    """A feature sink writing into a CSV: text attributes neutralised, everything else passed on."""

    def __init__(self, sink):
        self._sink = sink

    def _safe(self, feature):
        attributes = feature.attributes()
        safe = [neutralise(value) for value in attributes]
        if safe == attributes:
            return feature
        copy = QgsFeature(feature)
        copy.setAttributes(safe)
        return copy

    def addFeature(self, feature, *flags):  # noqa: N802 - QgsFeatureSink's name
        return self._sink.addFeature(self._safe(feature), *flags)

    def addFeatures(self, features, *flags):  # noqa: N802
        return self._sink.addFeatures([self._safe(feature) for feature in features], *flags)

    def __getattr__(self, name):
        return getattr(self._sink, name)


def safe_sink(sink, dest_id):
    """``sink`` as it is, or wrapped when it writes a CSV file."""
    return FormulaSafeSink(sink) if sink is not None and is_csv_destination(dest_id) else sink
