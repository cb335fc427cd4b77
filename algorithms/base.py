"""Base class shared by every Cluster Atlas algorithm.

Subclasses declare ``ALG_ID``, ``GROUP_ID``, ``DISPLAY_NAME`` and
``HELP`` (HTML, English source text translated through ``tr``) and implement
``initAlgorithm``/``processAlgorithm``; everything else (ids, groups, icon,
translation, new instances, cancel checks, help links, clean-up after a
failed or cancelled run) is written once here. Subclasses implement
``compute`` instead of ``processAlgorithm``.
"""
import difflib
import os
import sys
import traceback

from qgis.core import (
    QgsApplication,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from .. import compat
from ..core.messages import translated
from ..provider_meta import GROUP_NAMES, ICON_PATH, README_URL
from . import run_guard, staging


_LAYER_PARAMETERS = (QgsProcessingParameterFeatureSource, QgsProcessingParameterVectorLayer,
                     QgsProcessingParameterRasterLayer, QgsProcessingParameterMapLayer)


def tr(text, context="ClusterAtlas"):
    return QCoreApplication.translate(context, text)


def tr_note(message):
    """A message of core/ (a ``core.messages.Note``, or an exception carrying
    one) in the user's language; plain text is returned as it is."""
    return str(translated(message, tr))


class Cancelled(QgsProcessingException):
    """Raised when the user cancels; Processing reports it as a cancel."""


def readme_link(url):
    """The help's closing paragraph: where the README section of an algorithm is."""
    more = tr("More: the README section <a href=\"{url}\">{url}</a> (also README.md in the plugin folder).")
    return "<p>" + more.format(url=url) + "</p>"


def check_cancel(feedback):
    """Raise :class:`Cancelled` when the user has cancelled."""
    if feedback is not None and feedback.isCanceled():
        raise Cancelled(tr("Cancelled by the user."))


def report_progress(feedback, value):
    """``feedback.setProgress(value)`` (percent, 0..100), then stop if the user
    cancelled: every progress point is also a point where a cancel is honoured."""
    if feedback is None:
        return
    feedback.setProgress(value)
    check_cancel(feedback)


def _details_file(name, details):
    """Write ``details`` (a traceback) to a new file in the temporary folder; its path, or None."""
    import tempfile
    import time

    try:
        fd, path = tempfile.mkstemp(prefix="cluster_atlas_{}_{}_".format(name, time.strftime("%Y%m%d-%H%M%S")),
                                    suffix=".txt")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(details)
    except OSError:
        return None
    return path


def _one_sentence(exc):
    """``Type: text`` of an unexpected error, without the final period(s) and
    spaces of its text: the message goes on with ". Please report it ...", and
    "parameter.." (an exception text ending in '.') reads as a typo."""
    text = str(exc).strip().rstrip(".").rstrip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def remove_outputs(planned, feedback):
    """Remove the files of ``planned`` (``run_guard.planned_outputs``) this run wrote, saying so."""
    if feedback is None:
        return
    for path in run_guard.remove_written(planned, feedback, tr):
        feedback.pushInfo(tr("Removed the incomplete output {}.").format(path))


def refuse_outputs_over_inputs(alg, parameters, context, planned):
    """Stop before anything is written when a destination is one of the input files."""
    for output, source, path in run_guard.outputs_over_inputs(alg, parameters, context, planned):
        raise QgsProcessingException(
            tr("{output} would overwrite {path}, the file of the input {source}: choose another file for {output} "
               "(nothing was written).").format(output=output, path=path, source=source))


def report_discarded(paths, feedback):
    """Say which outputs a stopped run did not complete (their previous files are untouched)."""
    for path in paths:
        if feedback is not None:
            feedback.pushInfo(tr("Removed the incomplete output {}: the run stopped before it was complete; the "
                                 "file of that name is as it was before the run.").format(path))


def stage_outputs(alg, parameters, context):
    """``staging.stage`` with its refusals as one-line Processing errors (nothing written yet)."""
    try:
        return staging.stage(alg, parameters, context)
    except staging.OutputUnwritable as failed:
        from .write_errors import write_failure

        raise QgsProcessingException("{}: {}".format(failed.parameter, write_failure(failed.path, failed.error))) from None
    except staging.OutputInUse as busy:
        if busy.reason == "run":
            text = tr("{name}: {path} is being written by another run (a batch row or another QGIS): wait for "
                      "it to finish or choose another file.")
        else:
            text = tr("{name}: {path} is in use (open for writing in another program, or edited in this "
                      "project): close it, or stop editing, or choose another file.")
        raise QgsProcessingException(text.format(name=busy.parameter, path=busy.path)) from None


def commit_outputs(staged, results, context):
    """``staging.commit`` with a failure to move a file into place as a one-line Processing error."""
    try:
        return staging.commit(staged, results, context)
    except OSError as error:
        staging.discard(staged)
        from .write_errors import write_failure

        raise QgsProcessingException(write_failure(error.filename2 or error.filename, error)) from None


def prepare_outputs(alg, parameters, context):
    """Before anything is written: refuse a destination that is an input's file, then give every
    file destination its temporary name (staging.py). Returns ``(parameters, staged)``."""
    refuse_outputs_over_inputs(alg, parameters, context, run_guard.planned_outputs(alg, parameters, context))
    return stage_outputs(alg, parameters, context)


def discard_outputs(planned, staged, feedback):
    """After a failed or cancelled run: remove what it wrote (its temporary files, and the planned
    files written in place), saying so; a previous output under its own name stays as it was."""
    remove_outputs([p for p in planned if not staging.is_staged(p.path, staged)], feedback)
    report_discarded(staging.discard(staged), feedback)


def guarded_run(alg, parameters, context, feedback, run):
    """``run(parameters, context, feedback)`` for an algorithm that is not a
    :class:`ClusterAtlasAlgorithm` (the bundled model): when it fails or is
    cancelled, the output files it wrote are removed. For the model, the step
    running removed its own; the files of earlier steps belong to a chain that
    did not finish. A cancel is reported as such, not as the failure of a step."""
    # The model's own outputs are staged too: its steps write under temporary names, moved into
    # place when the whole chain has succeeded (a cancelled chain leaves the previous outputs).
    parameters, staged = prepare_outputs(alg, parameters, context)
    planned = run_guard.planned_outputs(alg, parameters, context)
    try:
        results = run(parameters, context, feedback)
        check_cancel(feedback)
        return commit_outputs(staged, results, context)
    except QgsProcessingException as exc:
        run_guard.release_frames(exc)
        discard_outputs(planned, staged, feedback)
        if feedback is not None and feedback.isCanceled():
            raise Cancelled(tr("Cancelled by the user.")) from None
        raise


# qgis_process settings, taken out of the parameters only when given before "--"
# (``--ellipsoid=...``); after it they reach the algorithm as parameters and are not applied.
_PROCESS_SETTINGS = ("ellipsoid", "distance_units", "area_units", "project_path")


def unknown_parameter_messages(alg, parameters):
    """One line per key of ``parameters`` that is no parameter of ``alg``, with the
    closest parameter name (case ignored): QGIS and qgis_process ignore such a key
    silently (``CLUSTER_SEPARATOR=;`` ran with the default separators, exit 0).

    QGIS adds no key of its own to the map an algorithm receives (3.22, 3.40, 3.44):
    qgis_process takes ``--ellipsoid``, ``--distance_units``, ``--area_units`` and
    ``--project_path`` out when they come before "--" (its JSON input keeps them
    beside ``inputs``), a model hands each step its own parameter names only, and the
    dialogs send their widgets' parameters (tests/test_unknown_parameters.py)."""
    names = [d.name() for d in alg.parameterDefinitions()]
    folded = {name.casefold(): name for name in names}
    messages = []
    for key in parameters:
        if not isinstance(key, str) or key in names:
            continue
        if key.casefold() in _PROCESS_SETTINGS:
            messages.append(tr("{key} is a qgis_process setting, not a parameter: not applied; give it before "
                               "'--' (--{setting}=...).").format(key=key, setting=key.casefold()))
            continue
        close = difflib.get_close_matches(key.casefold(), list(folded), n=1, cutoff=0.6)
        if close:
            messages.append(tr("Unknown parameter {key} (did you mean {name}?): ignored.").format(
                key=key, name=folded[close[0]]))
        else:
            messages.append(tr("Unknown parameter {key}: ignored; scripts/qgis_process help {alg} lists the "
                               "parameters.").format(key=key, alg=alg.id()))
    return messages


def warn_unknown_parameters(alg, parameters, feedback):
    """Warn in the log about the keys of ``parameters`` that ``alg`` does not know.
    qgis_process writes the log on stdout, and in JSON runs (``--json``, or the
    parameters read from stdin with ``-``) only inside its JSON answer, after the
    run (3.22, 3.40, 3.44): there the warning also goes to stderr, where a script
    sees it."""
    messages = unknown_parameter_messages(alg, parameters)
    if messages and _json_process_run():
        for message in messages:
            _to_stderr(message)
    for message in messages:
        if feedback is not None:
            feedback.pushWarning(message)


def _to_stderr(message):
    """One line on stderr, never an error: a Windows console (cp1252) cannot show every character."""
    if sys.stderr is None:
        return
    try:
        print(message, file=sys.stderr, flush=True)
    except UnicodeEncodeError:
        encoding = getattr(sys.stderr, "encoding", None) or "ascii"
        print(message.encode(encoding, "replace").decode(encoding), file=sys.stderr, flush=True)


def _json_process_run():
    if QgsApplication.platform() != "qgis_process":
        return False
    arguments = QgsApplication.arguments()
    return "--json" in arguments or "-" in arguments[2:]


class ClusterAtlasAlgorithm(QgsProcessingAlgorithm):
    ALG_ID = ""
    GROUP_ID = ""
    DISPLAY_NAME = ""
    HELP = ""
    TAGS = ""
    # Anchor of the algorithm's section in README.md (GitHub's slug of the
    # heading "### `<ALG_ID>`"); set it when the section is named otherwise.
    README_ANCHOR = None

    # --- identity -----------------------------------------------------
    def name(self):
        return self.ALG_ID

    def displayName(self):  # noqa: N802
        return tr(self.DISPLAY_NAME)

    def group(self):
        return tr(GROUP_NAMES[self.GROUP_ID])

    def groupId(self):  # noqa: N802
        return self.GROUP_ID

    def tags(self):
        return [t.strip() for t in tr(self.TAGS).split(",") if t.strip()]

    def shortHelpString(self):  # noqa: N802
        return tr(self.HELP) + readme_link(self.helpUrl())

    def helpUrl(self):  # noqa: N802
        return f"{README_URL}#{self.README_ANCHOR or self.ALG_ID}"

    def icon(self):
        return QIcon(ICON_PATH)

    def svgIconPath(self):  # noqa: N802
        return ICON_PATH

    def tr(self, text):
        return tr(text)

    def createInstance(self):  # noqa: N802
        return type(self)()

    # --- checking parameters --------------------------------------------
    def checkParameterValues(self, parameters, context):  # noqa: N802
        """QGIS' check, with one line that names the parameter, the value and what
        to give instead (QGIS 3.22 says "Incorrect parameter value for X"); a
        field parameter naming a field its layer does not have is refused here
        (QGIS 3.22 does not check it: compute() would fail later)."""
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return False, self._explain_invalid(parameters, context) or message
        problem = self._missing_field(parameters, context)
        return (False, problem) if problem else (True, message)

    def _explain_invalid(self, parameters, context):
        for definition in self.parameterDefinitions():
            if definition.isDestination():
                continue
            name = definition.name()
            value = parameters.get(name)
            if definition.checkValueIsAcceptable(value, context):
                continue
            if value in (None, ""):
                return tr("{name} is required: give a value (scripts/qgis_process help {alg} lists the "
                          "parameters).").format(name=name, alg=self.id())
            if isinstance(definition, QgsProcessingParameterEnum):
                options = ", ".join(f"{i} = {o}" for i, o in enumerate(definition.options()))
                return tr("{name}: '{value}' is not one of the choices; give the number of one of: {options}."
                          ).format(name=name, value=value, options=options)
            if isinstance(definition, _LAYER_PARAMETERS) and isinstance(value, str):
                path = value.split("|")[0]
                if "://" not in value and not os.path.exists(path):
                    return tr("{name}: file {path} not found; give an existing file (a GeoPackage layer as "
                              "file.gpkg|layername=name).").format(name=name, path=path)
                return tr("{name}: {value} could not be opened as a layer; check the file and the layer name "
                          "(file.gpkg|layername=name).").format(name=name, value=value)
            return tr("{name}: '{value}' is not a valid value; see scripts/qgis_process help {alg}.").format(
                name=name, value=value, alg=self.id())
        return None

    def _missing_field(self, parameters, context):
        """The message for a field parameter naming a field its layer does not have, else None."""
        for definition in self.parameterDefinitions():
            if not isinstance(definition, QgsProcessingParameterField):
                continue
            wanted = [f for f in compat.parameter_as_fields(self, parameters, definition.name(), context) if f]
            parent = definition.parentLayerParameterName()
            if not wanted or not parent or parameters.get(parent) in (None, ""):
                continue
            try:
                source = self.parameterAsSource(parameters, parent, context)
            except Exception:  # noqa: BLE001 - the parent's own check reports it
                continue
            if source is None:
                continue
            fields = source.fields()
            for field in wanted:
                if fields.lookupField(field) < 0:  # case-insensitive, as QGIS reads the value
                    return tr("{name}: field '{field}' is not in {parent}; its fields are: {names}.").format(
                        name=definition.name(), field=field, parent=parent, names=", ".join(fields.names()))
        return None

    # --- running ------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        """Runs ``compute``; on failure or cancel removes what it half-wrote and
        turns unexpected Python errors into a clean Processing error."""
        warn_unknown_parameters(self, parameters, feedback)
        # Outputs are written under temporary names and moved into place at the end (staging.py).
        parameters, self._staged = prepare_outputs(self, parameters, context)
        # A file output left temporary gets its generated name once, here, so that
        # compute() writes the very file the clean-up knows about.
        parameters = run_guard.resolve_temporary_files(self, parameters, context)
        self._planned = run_guard.planned_outputs(self, parameters, context)
        try:
            results = self.compute(parameters, context, feedback)
            check_cancel(feedback)
            return commit_outputs(self._staged, results, context)
        except QgsProcessingException as exc:
            run_guard.release_frames(exc)
            self._clean_up(feedback)
            shown = self.shown_path(str(exc))
            if shown != str(exc):  # an error naming a file by its temporary name: the user's name instead
                raise QgsProcessingException(shown) from None
            raise
        except Exception as exc:  # noqa: BLE001 - a bug: say so in one line, details in the log
            details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
            message = _one_sentence(exc)
            run_guard.release_frames(exc)
            self._clean_up(feedback)
            # qgis_process prints debug information on stdout: there the traceback
            # goes to a file named in the message, never onto the terminal.
            path = _details_file(self.name(), details) if QgsApplication.platform() == "qgis_process" else None
            if path:
                text = tr("{alg} stopped on an unexpected error: {message}. Please report it with the file {path} "
                          "(it holds the details).")
            else:
                text = tr("{alg} stopped on an unexpected error: {message}. Please report it with the log (it holds "
                          "the details).")
                if feedback is not None:
                    feedback.pushDebugInfo(details)
            raise QgsProcessingException(text.format(alg=self.displayName(), message=message, path=path)) from None

    def compute(self, parameters, context, feedback):
        raise NotImplementedError

    def shown_path(self, path):
        """The name to show the user for a file this run writes: outputs are written under a
        temporary name and moved onto their own at the end (staging.py)."""
        return staging.final_text(path, getattr(self, "_staged", []))

    def track_output(self, path):
        """Declare a file written besides the destination parameters, so a failed
        or cancelled run removes it too."""
        run_guard.track(self._planned, path)

    def _clean_up(self, feedback):
        discard_outputs(getattr(self, "_planned", []), getattr(self, "_staged", []), feedback)

    # --- helpers for compute -------------------------------------------
    @staticmethod
    def check_cancel(feedback):
        check_cancel(feedback)

    @staticmethod
    def progress(feedback, value):
        """Report progress (percent) and honour a cancel: see :func:`report_progress`."""
        report_progress(feedback, value)
