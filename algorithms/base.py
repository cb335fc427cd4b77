"""Base class shared by every Cluster Atlas algorithm.

Subclasses declare ``ALG_ID``, ``GROUP_ID``, ``DISPLAY_NAME`` and
``HELP`` (HTML, English source text translated through ``tr``) and implement
``initAlgorithm``/``processAlgorithm``; everything else (ids, groups, icon,
translation, new instances, cancel checks) is written once here.
"""
from qgis.core import QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..core.messages import translated
from ..provider_meta import GROUP_NAMES, ICON_PATH


def tr(text, context="ClusterAtlas"):
    return QCoreApplication.translate(context, text)


def tr_note(message):
    """A message of core/ (a ``core.messages.Note``, or an exception carrying
    one) in the user's language; plain text is returned as it is."""
    return str(translated(message, tr))


class Cancelled(QgsProcessingException):
    """Raised when the user cancels; Processing reports it as a cancel."""


class ClusterAtlasAlgorithm(QgsProcessingAlgorithm):
    ALG_ID = ""
    GROUP_ID = ""
    DISPLAY_NAME = ""
    HELP = ""
    TAGS = ""

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
        return tr(self.HELP)

    def helpUrl(self):  # noqa: N802
        return "https://github.com/cluster-atlas/cluster_atlas#readme"

    def icon(self):
        return QIcon(ICON_PATH)

    def svgIconPath(self):  # noqa: N802
        return ICON_PATH

    def tr(self, text):
        return tr(text)

    def createInstance(self):  # noqa: N802
        return type(self)()

    # --- helpers for processAlgorithm ----------------------------------
    @staticmethod
    def check_cancel(feedback):
        if feedback is not None and feedback.isCanceled():
            raise Cancelled(tr("Cancelled by the user."))
