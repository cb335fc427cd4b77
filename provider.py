"""The ``clusteratlas`` Processing provider."""
from qgis.core import (
    QgsApplication,
    QgsProcessing,
    QgsProcessingModelAlgorithm,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingProvider,
    QgsProcessingUtils,
    QgsProperty,
)
from qgis.PyQt.QtGui import QIcon

from . import compat
from .algorithms import all_algorithms
from .algorithms.base import guarded_run, readme_link, tr, warn_unknown_parameters
from .provider_meta import GROUP_NAMES, ICON_PATH as ICON, README_URL, RESOURCES_DIR

MODEL_FILE = RESOURCES_DIR / "models" / "atlas_chain.model3"
# The model's section of the README (heading "### `atlaschain`").
MODEL_README_ANCHOR = "atlaschain"
# Help entries of the model that are not text for the user.
MODEL_HELP_META = ("ALG_CREATOR", "ALG_HELP_CREATOR", "ALG_VERSION", "HELP_URL", "EXAMPLES")



class AtlasChainModel(QgsProcessingModelAlgorithm):
    """The bundled model (scripts/make_models.py) as ``clusteratlas:atlaschain``.

    A model's name is also its display name; this keeps a stable id apart from
    a readable, translated name. Every instance reloads the file, so its child
    algorithms resolve once the provider is registered. The file's texts are
    English (scripts/make_models.py writes them); the labels of its inputs,
    outputs and steps are translated when it is loaded, its help when shown
    (French in i18n/fr/model.py)."""

    # The one output the user must name; the layers default to temporary outputs.
    REQUIRED_OUTPUTS = ("EXPORT:PAGE",)
    # The page step of the branch without a network writes the same page: its output
    # is hidden and takes the value of EXPORT:PAGE (QGIS models cannot join branches).
    PAGE, PAGE_NO_NETWORK, PAGE_CHILD, PAGE_CHILD_NO_NETWORK = (
        "EXPORT:PAGE", "EXPORT_NO_NETWORK:PAGE", "EXPORT", "EXPORT_NO_NETWORK")

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
            if definition.name() == self.PAGE_NO_NETWORK:
                definition.setFlags(definition.flags() | compat.FLAG_HIDDEN)
        self._translate_labels()

    def _translate_labels(self):
        # The help too, in the model itself: qgis_process 3.40+ prints a model's help content, not
        # its shortHelpString.
        self.setHelpContent({key: (value if key in MODEL_HELP_META or not isinstance(value, str) else tr(value))
                             for key, value in self.helpContent().items()})
        for definition in self.parameterDefinitions():
            definition.setDescription(tr(definition.description()))
        for output in self.outputDefinitions():
            output.setDescription(tr(output.description()))
        for child_id in self.childAlgorithms():
            child = self.childAlgorithm(child_id)  # a reference: edited in place
            child.setDescription(tr(child.description()))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        # A misspelt input (CLUSTER_SEPARATOR) is ignored by QGIS: said in the log, as every algorithm does.
        warn_unknown_parameters(self, parameters, feedback)
        filled = dict(parameters)
        if is_empty_output(filled.get(self.PAGE_NO_NETWORK)):
            filled[self.PAGE_NO_NETWORK] = filled.get(self.PAGE)
        for definition in self.destinationParameterDefinitions():
            if is_empty_output(filled.get(definition.name())):
                filled[definition.name()] = QgsProcessing.TEMPORARY_OUTPUT
        # Like every algorithm of the provider, a failed or cancelled run leaves none of its output files.
        results = guarded_run(self, filled, context, feedback, super().processAlgorithm)
        # Every step the inputs call for has run: QGIS 3.40+ counts the branch not taken (the page
        # without a network, or with one) and leaves the bar at 5/6.
        if feedback is not None:
            feedback.setProgress(100)
        # One page output and one page step, whichever branch made the page.
        if self.PAGE_NO_NETWORK in results:
            results[self.PAGE] = results.pop(self.PAGE_NO_NETWORK)
        children = results.get("CHILD_RESULTS")
        if isinstance(children, dict) and self.PAGE_CHILD_NO_NETWORK in children:
            children[self.PAGE_CHILD] = children.pop(self.PAGE_CHILD_NO_NETWORK)
        return results

    def name(self):
        return "atlaschain"

    def displayName(self):  # noqa: N802
        return tr("Atlas chain (import to atlas page)")

    def group(self):
        return tr(GROUP_NAMES["cartography"])

    def groupId(self):  # noqa: N802
        return "cartography"

    def shortHelpString(self):  # noqa: N802
        content = dict(self.helpContent())  # translated at load
        content["ALG_DESC"] = content.get("ALG_DESC", "") + readme_link(self.helpUrl())
        return QgsProcessingUtils.formatHelpMapAsHtml(content, self)

    def shortDescription(self):  # noqa: N802
        return self.helpContent().get("SHORT_DESCRIPTION", "")

    def helpUrl(self):  # noqa: N802
        return f"{README_URL}#{MODEL_README_ANCHOR}"

    def icon(self):
        return QIcon(ICON)

    def svgIconPath(self):  # noqa: N802
        return ICON

    def createInstance(self):  # noqa: N802
        return AtlasChainModel()


def is_empty_output(value):
    """True for an output left empty: None, '', or how the batch dialog hands an
    empty cell over (a QgsProcessingOutputLayerDefinition or a QgsProperty whose
    static value is '')."""
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink
    if isinstance(value, QgsProperty):
        if value.expressionString() or value.field():  # an expression or field-based output: not empty
            return False
        value = value.staticValue()
    return value is None or (isinstance(value, str) and not value.strip())


class ClusterAtlasProvider(QgsProcessingProvider):
    def id(self):
        return "clusteratlas"

    def name(self):
        return "Cluster Atlas"

    def longName(self):  # noqa: N802
        return tr("Cluster Atlas: technology clusters per postal code")

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

    def retranslate(self):
        """Rebuild the algorithms after the plugin changed its translator: their
        parameter labels are translated when they are created."""
        self.refreshAlgorithms()

    def _model_children_available(self, provider_id):
        if provider_id == self.id():
            QgsApplication.processingRegistry().providerAdded.disconnect(self._model_children_available)
            self._model.load()
