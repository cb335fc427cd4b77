"""Why writing a file failed, said in one line: disk full, folder missing or not writable, file
in use. QGIS and SQLite often report something else (QGIS 3.22's layout exporter has no error
message at all; a full disk during a GeoPackage commit surfaces as "cannot rollback - no
transaction is active"); the cause is then found from the error's errno or text and the state
of the folder, which is what the user can act on."""
import errno
import os
import shutil

from .base import tr

_LOW_SPACE_BYTES = 1024 * 1024


def write_failure_cause(path, error=None):
    """A short sentence naming why ``path`` could not be written, or None when nothing is known."""
    folder = os.path.dirname(os.path.abspath(str(path))) or "."
    code = getattr(error, "errno", None)
    text = str(error or "").lower()
    if code == errno.ENOSPC or "disk is full" in text or "no space left" in text or "disk full" in text:
        return tr("the disk is full: free some space or choose another folder")
    if not os.path.isdir(folder):
        return tr("its folder {} does not exist").format(folder)
    if code in (errno.EROFS,) or not os.access(folder, os.W_OK):
        return tr("its folder {} cannot be written (read-only or no permission)").format(folder)
    if code in (errno.EACCES, errno.EPERM, errno.EBUSY, errno.ETXTBSY) or (
            os.path.exists(path) and not os.access(path, os.W_OK)):
        return tr("the file is in use or read-only: close it in the program that has it open")
    try:
        if shutil.disk_usage(folder).free < _LOW_SPACE_BYTES:
            return tr("the disk is full: free some space or choose another folder")
    except OSError:
        pass
    return None


def write_failure(path, error=None, detail=None):
    """One line: could not write ``path``, because ...; ``detail`` (the program's own words) last."""
    cause = write_failure_cause(path, error)
    own = detail if detail is not None else (getattr(error, "strerror", None) or (str(error) if error else ""))
    if cause and own:
        return tr("Could not write {}: {} ({}).").format(path, cause, own)
    if cause or own:
        return tr("Could not write {}: {}.").format(path, cause or own)
    return tr("Could not write {}.").format(path)
