"""Translatable messages from the QGIS-free core, without Qt.

A message that reaches the user (log note, reject reason, error) is built as
``Note(N_("template {}"), arg)``. A :class:`Note` *is* its English text (a
``str``: callers, tests and outputs that read it as text are unchanged) and
also keeps the template and arguments, so the algorithm layer can translate
the template with ``tr()`` and format it again (``Note.translated(tr)``).
``N_`` is gettext's no-op marker: tests/test_i18n.py collects every
``N_("...")`` literal of core/ and requires its French.
"""


def N_(text):  # noqa: N802 - gettext's conventional name
    """Mark ``text`` as a translatable template; returns it unchanged."""
    return text


class Note(str):
    """English text of ``template.format(*args, **kwargs)`` that can be re-rendered
    in another language; arguments that are Notes are translated too."""

    def __new__(cls, template, *args, **kwargs):
        self = super().__new__(cls, template.format(*args, **kwargs))
        self.template, self.args, self.kwargs = template, args, kwargs
        return self

    def __reduce__(self):  # pickling/copying keeps the template
        return _rebuild, (self.template, self.args, self.kwargs)

    def translated(self, translate):
        args = [translated(a, translate) for a in self.args]
        kwargs = {k: translated(v, translate) for k, v in self.kwargs.items()}
        return translate(self.template).format(*args, **kwargs)


class Joined(Note):
    """Messages joined by ``sep`` (``", "``), each translated on its own."""

    def __new__(cls, items, sep=", "):
        items = list(items)
        self = Note.__new__(cls, sep.replace("{", "{{").replace("}", "}}").join(["{}"] * len(items)), *items)
        self.sep = sep
        return self

    def __reduce__(self):
        return Joined, (list(self.args), self.sep)

    def translated(self, translate):
        return self.sep.join(str(translated(a, translate)) for a in self.args)


def _rebuild(template, args, kwargs):
    return Note(template, *args, **kwargs)


def translated(message, translate):
    """``message`` in the language of ``translate`` (a callable English -> text,
    e.g. the algorithms' ``tr``): a Note is re-rendered, anything else is
    returned as it is. An exception gives its (first) message."""
    if isinstance(message, BaseException):
        message = message.args[0] if len(message.args) == 1 else str(message)
    if isinstance(message, Note):
        return message.translated(translate)
    return message


def translate_values(values, translate):
    """Object array of messages (None where there is none) with each Note
    translated; each distinct text is translated once (a million rows, a few
    distinct reasons). ``translate=None`` returns ``values`` unchanged."""
    if translate is None:
        return values
    import numpy as np
    import pandas as pd

    out = np.array(values, dtype=object, copy=True)
    cache = {}
    for i in np.flatnonzero(pd.notna(out)):
        value = out[i]
        if value not in cache:
            cache[value] = translated(value, translate)
        out[i] = cache[value]
    return out
