"""Plugin object: registers the Processing provider and the translations.

The provider is registered in ``initProcessing`` (not ``initGui``) so that
``qgis_process`` and headless Python scripts see the algorithms too.
"""
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

from .provider import ClusterAtlasProvider
from .provider_meta import PLUGIN_DIR


def _user_locale():
    value = QSettings().value("locale/userLocale", "") or QLocale.system().name()
    return str(value)[:2]


class ClusterAtlasPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.translator = None
        self._install_translator()

    def _install_translator(self):
        qm = PLUGIN_DIR / "i18n" / f"cluster_atlas_{_user_locale()}.qm"
        if qm.exists():
            self.translator = QTranslator()
            if self.translator.load(str(qm)):
                QCoreApplication.installTranslator(self.translator)
            else:
                self.translator = None

    def initProcessing(self):  # noqa: N802 (QGIS API name)
        if self.provider is None:
            self.provider = ClusterAtlasProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802
        self.initProcessing()

    def unload(self):
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
