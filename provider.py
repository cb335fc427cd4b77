"""The ``clusteratlas`` Processing provider."""
from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from .algorithms import all_algorithms
from .provider_meta import ICON_PATH as ICON


class ClusterAtlasProvider(QgsProcessingProvider):
    def id(self):
        return "clusteratlas"

    def name(self):
        return "Cluster Atlas"

    def longName(self):  # noqa: N802
        return QCoreApplication.translate("ClusterAtlas", "Cluster Atlas: technology clusters per postal code")

    def icon(self):
        return QIcon(ICON)

    def svgIconPath(self):  # noqa: N802
        return ICON

    def loadAlgorithms(self):  # noqa: N802
        for algorithm in all_algorithms():
            self.addAlgorithm(algorithm)
