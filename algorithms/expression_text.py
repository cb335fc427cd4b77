"""Text from data or parameters shown as written where QGIS evaluates ``[% ... %]``.

QGIS runs the expressions between ``[%`` and ``%]`` in layout labels and, inside print layouts,
in legend labels (a category label containing ``[%``: QgsSymbolLegendNode evaluates it; the
layers panel shows it raw). A cluster cell or a TITLE reading ``[% env('PGPASSWORD') %]`` would
print a secret. QGIS has no escape for the marker, hence two ways (tests/test_literal_text.py):
- ``literal``: for a layout label, always evaluated: each ``[%`` becomes ``[%'[%'%]``, an
  expression whose value is the two characters themselves (one word without spaces: wrapping a
  label never splits it);
- ``inert``: for a category label, evaluated in layouts but not in the layers panel: a zero-width
  word joiner between ``[`` and ``%`` — no marker left, and both places show ``[%``.
The rest of the text, ``%]`` included, needs nothing (no marker opens before it).
"""

_OPEN = "[%"
_LITERAL_OPEN = "[%'[%'%]"
_INERT_OPEN = "[\u2060%"  # U+2060 WORD JOINER: zero width, no glyph


def literal(text):
    """``text`` for a layout label: printed as written."""
    text = "" if text is None else str(text)
    return text.replace(_OPEN, _LITERAL_OPEN) if _OPEN in text else text


def inert(text):
    """``text`` for a legend (category) label: never evaluated, shown as written."""
    text = "" if text is None else str(text)
    return text.replace(_OPEN, _INERT_OPEN) if _OPEN in text else text
