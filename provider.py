"""The ``clusteratlas`` Processing provider."""
from qgis.core import (
    QgsApplication,
    QgsProcessing,
    QgsProcessingModelAlgorithm,
    QgsProcessingProvider,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from . import compat
from .algorithms import all_algorithms
from .provider_meta import GROUP_NAMES, ICON_PATH as ICON, RESOURCES_DIR

MODEL_FILE = RESOURCES_DIR / "models" / "atlas_chain.model3"


class AtlasChainModel(QgsProcessingModelAlgorithm):
    """The bundled model (scripts/make_models.py) as ``clusteratlas:atlaschain``.

    A model's name is also its display name; this keeps a stable id apart from
    a readable, translated name. Every instance reloads the file, so its child
    algorithms resolve once the provider is registered."""

    # The one output the user must name; the layers default to temporary outputs.
    REQUIRED_OUTPUTS = ("EXPORT:PAGE",)

    def __init__(self):
        super().__init__()
        self.load()

    def load(self):
        self.fromFile(str(MODEL_FILE))
        # A model output is a mandatory parameter on 3.22 (qgis_process and scripts
        # must then name every layer): make the intermediate ones optional and
        # give a temporary output to any left empty when running.
        for definition in self.destinationParameterDefinitions():
            if definition.name() not in self.REQUIRED_OUTPUTS:
                definition.setFlags(definition.flags() | compat.FLAG_OPTIONAL)

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        filled = dict(parameters)
        for definition in self.destinationParameterDefinitions():
            if filled.get(definition.name()) in (None, ""):
                filled[definition.name()] = QgsProcessing.TEMPORARY_OUTPUT
        return super().processAlgorithm(filled, context, feedback)

    def name(self):
        return "atlaschain"

    def displayName(self):  # noqa: N802
        return QCoreApplication.translate("ClusterAtlas", "Atlas chain (import to atlas page)")

    def group(self):
        return QCoreApplication.translate("ClusterAtlas", GROUP_NAMES["cartography"])

    def groupId(self):  # noqa: N802
        return "cartography"

    def icon(self):
        return QIcon(ICON)

    def svgIconPath(self):  # noqa: N802
        return ICON

    def createInstance(self):  # noqa: N802
        return AtlasChainModel()


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
        if MODEL_FILE.is_file():
            self._model = AtlasChainModel()
            self.addAlgorithm(self._model)
            # The registry adds a provider only after loading it: the model's child
            # algorithms (ours) and so its output parameters resolve once it is added.
            registry = QgsApplication.processingRegistry()
            if registry.providerById(self.id()) is None:
                registry.providerAdded.connect(self._model_children_available)

    def _model_children_available(self, provider_id):
        if provider_id == self.id():
            QgsApplication.processingRegistry().providerAdded.disconnect(self._model_children_available)
            self._model.load()
