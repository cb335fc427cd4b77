"""Outputs written under temporary names, moved into place together when the run succeeds.

A run killed mid-write (SIGKILL, the OOM killer, a power cut) must leave the previous outputs, or
nothing, under the final names — never a half-written table that opens as valid beside the
previous run's rejects. So every file destination is written as a sibling with a temporary name
(same folder: ``os.replace`` is then an atomic rename on the same volume, on Windows too), and all
are renamed onto their final names only once the whole algorithm has succeeded. A failed or
cancelled run removes its temporary files and never touches a final one.

Two runs writing the same destination (two batch rows with one file name) are kept apart by an
exclusive lock per final file (``fcntl.flock`` / ``msvcrt.locking``: released by the system when a
process dies, so no stale lock survives a crash): the second run stops with a clear message before
writing anything. A GeoPackage that another program holds open (SQLite's shared lock on its
``-shm`` file, or a layer of the project in edit mode) is refused as "in use" instead of being
replaced under its writer.
"""
import os
import re
import secrets

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProperty,
)

from .run_guard import _file_of, _same_file, _static_value

# Formats whose file holds named layers: the staged file gets the layer name the final file would get.
_LAYERED = (".gpkg", ".sqlite", ".xlsx", ".ods")
_PARTIAL = ".partial-"


class OutputInUse(Exception):
    """A destination another run is writing, or another program holds open."""

    def __init__(self, parameter, path, reason):
        super().__init__(parameter, path, reason)
        self.parameter, self.path, self.reason = parameter, path, reason


class OutputUnwritable(Exception):
    """A destination whose folder cannot be written (``error``: the OSError met)."""

    def __init__(self, parameter, path, error):
        super().__init__(parameter, path, error)
        self.parameter, self.path, self.error = parameter, path, error


class _Lock:
    """An exclusive, non-blocking lock on ``<folder>/.<name>.lock``, held while the run writes."""

    def __init__(self, final):
        folder, name = os.path.split(final)
        self.path = os.path.join(folder, "." + name + ".lock")
        self.handle = None

    def acquire(self):
        for _ in range(3):  # the lock file may be unlinked by its previous holder between open and lock
            handle = open(self.path, "a+b")
            if not _try_lock(handle):
                handle.close()
                return False
            try:
                same = os.path.samestat(os.fstat(handle.fileno()), os.stat(self.path))
            except FileNotFoundError:
                same = False
            if same:
                self.handle = handle
                return True
            handle.close()
        return False

    def release(self):
        if self.handle is None:
            return
        try:
            os.remove(self.path)  # while still locked: no other run holds this very file
        except OSError:
            pass  # Windows: an open file cannot be removed; the next run reuses it
        _unlock(self.handle)
        self.handle.close()
        self.handle = None


def _try_lock(handle):
    try:
        if os.name == "nt":
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def _unlock(handle):
    try:
        if os.name == "nt":
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    except OSError:
        pass


def geopackage_in_use(path):
    """True when another process has the SQLite file ``path`` open in WAL mode: every open
    connection holds a shared lock on byte 128 of ``<path>-shm`` (SQLite's "dead man switch")."""
    shm = path + "-shm"
    if os.name == "nt" or not os.path.exists(shm):
        return False
    import fcntl

    try:
        with open(shm, "rb+") as handle:
            try:
                fcntl.lockf(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB, 1, 128)
            except OSError:
                return True
            fcntl.lockf(handle.fileno(), fcntl.LOCK_UN, 1, 128)
    except OSError:
        return False
    return False


def _edited_in_project(path, context):
    """A layer of the project, in edit mode, reads ``path``."""
    project = context.project() if context is not None else None
    if project is None:
        return False
    for layer in project.mapLayers().values():
        source, _ = _file_of(layer.source())
        if source and _same_file(source, path) and getattr(layer, "isEditable", lambda: False)():
            return True
    return False


class StagedOutput:
    __slots__ = ("name", "final", "staged", "added", "lock", "load", "final_id", "post_processors")

    def __init__(self, name, final, staged):
        self.name, self.final, self.staged = name, final, staged
        self.added = ""  # the "|layername=..." given to the staged file only (not in the user's value)
        self.lock = _Lock(final)
        # Loading on completion (desktop): QGIS would key it by the temporary name, which is gone
        # once moved, and its details cannot be re-keyed safely (a copied post-processor pointer
        # dangles): the staged output is not registered by QGIS; commit() registers the final one.
        self.load = None  # (layer name, project, output name)
        self.final_id = final
        self.post_processors = []


# Staged outputs of the runs in progress (any thread), by temporary path: style_output() hands
# them the post-processor of an output that will be loaded under its final name.
_PENDING = {}


# Files one format writes beside the one named: a shapefile's parts, SQLite's journals.
_SIDECARS = {".shp": (".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".qmd")}
_JOURNALS = ("", "-journal", "-wal", "-shm")


def _leftover_pattern(final):
    """The names a killed run writing ``final`` leaves: ``.<stem>.partial-<8 hex><ext>`` and its
    sidecars, never a temporary of the same stem with another extension (another run's
    ``out.csv`` while this one writes ``out.gpkg``: that run holds its own lock)."""
    stem, ext = os.path.splitext(os.path.basename(final))
    exts = _SIDECARS.get(ext.lower(), (ext,))
    return re.compile("^" + re.escape("." + stem + _PARTIAL) + "[0-9a-f]{8}"
                      + "(?:" + "|".join(re.escape(e) for e in exts) + ")"
                      + "(?:" + "|".join(re.escape(j) for j in _JOURNALS) + ")$",
                      re.IGNORECASE if ext.lower() in _SIDECARS else 0)


def _remove_leftovers(final):
    """Temporary files of a killed run writing ``final``: ours to remove, since we hold its lock
    (a live run would hold it)."""
    folder = os.path.dirname(final)
    pattern = _leftover_pattern(final)
    for entry in os.listdir(folder or "."):
        if pattern.match(entry):
            try:
                os.remove(os.path.join(folder, entry))
            except OSError:
                pass


_STAGED_NAME = re.compile(r"^\.(.+)" + re.escape(_PARTIAL) + r"[0-9a-f]{8}$")


def _unstaged_once(path):
    """The path a temporary name stands for (one level), or None for a name that is not one."""
    folder, name = os.path.split(path)
    stem, ext = os.path.splitext(name)
    match = _STAGED_NAME.match(stem)
    return os.path.join(folder, match.group(1) + ext) if match else None


def _final_stem(path):
    """The stem QGIS names the layer after: ``members`` for ``members.gpkg``, and also for the
    temporary ``.members.partial-1a2b3c4d.gpkg`` a model passes to its step (staged twice)."""
    while True:
        parent = _unstaged_once(path)
        if parent is None:
            return os.path.splitext(os.path.basename(path))[0]
        path = parent


def _staged_path(final):
    folder, name = os.path.split(final)
    stem, ext = os.path.splitext(name)
    return os.path.join(folder, "." + stem + _PARTIAL + secrets.token_hex(4) + ext)


def stage(alg, parameters, context):
    """``(parameters, staged)``: a copy of ``parameters`` whose file destinations name temporary
    siblings, and the :class:`StagedOutput` list (locks held). Raises :class:`OutputInUse`
    before anything is written."""
    staged = []
    resolved = dict(parameters)
    try:
        for definition in alg.destinationParameterDefinitions():
            name = definition.name()
            raw = parameters.get(name)
            value = _static_value(raw)
            if value in (None, "") or isinstance(definition, QgsProcessingParameterFolderDestination):
                continue
            if str(value) == QgsProcessing.TEMPORARY_OUTPUT:
                continue
            path, shared = _file_of(value)
            if not path or (shared and os.path.exists(path)):
                continue  # memory/database outputs; a layer added to an existing file: written in place
            if not os.path.isdir(os.path.dirname(path)):
                continue  # QGIS reports the missing folder itself
            same = next((i for i in staged if _same_file(i.final, path)), None)
            if same is not None:  # two outputs of one run naming one file (the model's two page steps)
                resolved[name] = _staged_value(definition, raw, value, same, path)
                continue
            item = StagedOutput(name, path, _staged_path(path))
            try:
                acquired = item.lock.acquire()
            except OSError as error:  # a read-only folder, a full disk: nothing can be written there
                raise OutputUnwritable(name, path, error) from None
            if not acquired:
                raise OutputInUse(name, path, "run")
            staged.append(item)
            _remove_leftovers(path)
            if os.path.exists(path) and (geopackage_in_use(path) or _edited_in_project(path, context)):
                raise OutputInUse(name, path, "open")
            resolved[name] = _staged_value(definition, raw, value, item, path)
    except BaseException:
        release(staged)
        raise
    return resolved, staged


def _staged_value(definition, raw, value, item, path):
    """The parameter value that makes QGIS write ``item.staged`` as it would have written ``path``."""
    if isinstance(definition, QgsProcessingParameterFileDestination):
        if isinstance(raw, QgsProcessingOutputLayerDefinition):
            copy = QgsProcessingOutputLayerDefinition(raw)
            copy.sink = QgsProperty.fromValue(item.staged)
            return copy
        return item.staged
    # A feature sink: the layer inside the file gets the name QGIS gives the final file (its stem,
    # or the user's layername=), through the "layerName" create option (a "|layername=" suffix on a
    # new file's path is taken as part of its name by qgis_process).
    copy = QgsProcessingOutputLayerDefinition(raw) if isinstance(raw, QgsProcessingOutputLayerDefinition) \
        else QgsProcessingOutputLayerDefinition(str(value))
    copy.sink = QgsProperty.fromValue(item.staged)
    if copy.destinationProject is not None and item.load is None:
        item.load = (copy.destinationName or definition.description(), copy.destinationProject, definition.name())
        item.final_id = str(value)
        copy.destinationProject = None
        _PENDING[item.staged] = item
    text = str(value)
    given = text.partition("|")[2]
    layer = given.split("layername=", 1)[1].split("|")[0] if "layername=" in given.lower() else ""
    if layer or os.path.splitext(path)[1].lower() in _LAYERED:
        options = dict(copy.createOptions or {})
        options["layerName"] = layer or _final_stem(path)
        copy.createOptions = options
        item.added = "|layername=" + options["layerName"]
    return copy


def _final_of(text, staged):
    """``text`` (a destination id, a path, a list of files) with each staged name replaced by its
    final one: the ids a run returns are those QGIS gives for the user's own values."""
    if isinstance(text, dict):  # a model's CHILD_RESULTS
        return {key: _final_of(value, staged) for key, value in text.items()}
    if isinstance(text, (list, tuple)):
        return type(text)(_final_of(value, staged) for value in text)
    if not isinstance(text, str):
        return text
    for item in staged:
        if item.added:
            text = text.replace(item.staged + item.added, item.final)
        text = text.replace(os.path.splitext(item.staged)[0], os.path.splitext(item.final)[0])
    return text


def _files_of(item):
    """The staged file and the files written beside it with its name as prefix (``page_2.png``)."""
    folder = os.path.dirname(item.staged) or "."
    stem = os.path.basename(os.path.splitext(item.staged)[0])
    found = []
    for entry in os.listdir(folder):
        if entry.startswith(stem) and not entry.endswith(("-journal", "-wal", "-shm")):
            found.append(os.path.join(folder, entry))
    return found


def final_text(text, staged):
    """``text`` (a message, a path) naming each file by its final name."""
    return _final_of(text, staged)


def defer_post_processor(dest_id, processor):
    """Keep ``processor`` for the output ``dest_id`` if it is staged and to be loaded: registered
    with its final name by commit(). False when ``dest_id`` is not such an output."""
    if not isinstance(dest_id, str):
        return False
    path = dest_id.split("|")[0]
    while path:
        item = _PENDING.get(path)
        if item is not None:
            item.post_processors.append(processor)
            return True
        path = _unstaged_once(path)  # a model's step writes its own temporary name of the model's
    return False


def commit(staged, results, context):
    """Move every staged file onto its final name; ``results`` get the final names and the
    outputs to load on completion are registered under them. Locks are released."""
    from qgis.core import QgsProcessingContext

    from .. import compat

    try:
        for item in staged:
            for path in _files_of(item):
                os.replace(path, _final_of(path, staged))
        for item in staged:
            if item.load is None or context is None or not os.path.exists(item.final):
                continue
            name, project, output_name = item.load
            context.addLayerToLoadOnCompletion(item.final_id, QgsProcessingContext.LayerDetails(
                name, project, output_name, compat.LAYER_HINT_VECTOR))
            for processor in item.post_processors:
                context.layerToLoadOnCompletionDetails(item.final_id).setPostProcessor(processor)
        return {key: _final_of(value, staged) for key, value in results.items()}
    finally:
        release(staged)


def discard(staged):
    """Remove what a failed or cancelled run wrote under temporary names; returns the final paths
    of the outputs that had been started (their previous files, if any, are untouched)."""
    started = []
    for item in staged:
        files = _files_of(item)
        if files:
            started.append(item.final)
        for path in files:
            for side in ("", "-journal", "-wal", "-shm"):
                try:
                    os.remove(path + side)
                except OSError:
                    pass
    release(staged)
    return started


def is_staged(path, staged):
    """True when ``path`` is a temporary file of one of ``staged``."""
    name = os.path.basename(path)
    return any(name.startswith(os.path.basename(os.path.splitext(item.staged)[0])) for item in staged)


def release(staged):
    for item in staged:
        _PENDING.pop(item.staged, None)
        item.lock.release()
