"""Plugin object: registers the Processing provider and the translations.

The provider is registered in ``initProcessing`` (not ``initGui``) so that
``qgis_process`` and headless Python scripts see the algorithms too.
"""
import re

from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

from .provider import ClusterAtlasProvider
from .provider_meta import PLUGIN_DIR

I18N_DIR = PLUGIN_DIR / "i18n"


def _is_true(value):
    return value is True or str(value).strip().lower() in ("true", "1", "yes")


def qgis_locale():
    """The locale of QGIS' interface, chosen as QGIS chooses it at start.

    1. The translation QGIS itself loaded (``QgsApplication.translation()``: set by
       the desktop from ``--lang``, the override below or the system locale).
    2. Settings > Options > General, "Override system locale": ``locale/overrideFlag``
       true and ``locale/userLocale`` (e.g. ``fr_BE``).
    3. The system locale (``LC_ALL``/``LC_MESSAGES``/``LANG``), as QGIS does without
       the override; ``qgis_process`` sets no translation, so this is its case
       unless its profile has the override.
    """
    app = QgsApplication.instance()
    translation = app.translation() if app is not None and hasattr(app, "translation") else ""
    if translation and translation != "C":
        return str(translation)
    settings = QgsSettings()
    if _is_true(settings.value("locale/overrideFlag", False)):
        user = settings.value("locale/userLocale", "")
        if user:
            return str(user)
    return QLocale.system().name()


def catalogue_for(locale_name):
    """The .qm of ``locale_name`` (``fr_BE``, ``fr-FR``, ``fr_BE.UTF-8``, ``fr``):
    the region's own catalogue when there is one, else the language's; None when
    the plugin has no translation for it (English, the source language, is kept)."""
    parts = [p for p in re.split(r"[_\-.@]", str(locale_name or "")) if p]
    if not parts:
        return None
    language = parts[0].lower()
    candidates = [f"{language}_{parts[1].upper()}"] if len(parts) > 1 else []
    for code in candidates + [language]:
        path = I18N_DIR / f"cluster_atlas_{code}.qm"
        if path.is_file():
            return path
    return None


class ClusterAtlasPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None
        self.translator = None
        self.reload_translator()

    def reload_translator(self, locale_name=None):
        """(Re)install the catalogue of ``locale_name`` (default: QGIS' locale, see
        ``qgis_locale``); returns the .qm path used, or None (English)."""
        self._remove_translator()
        qm = catalogue_for(locale_name if locale_name is not None else qgis_locale())
        if qm is None:
            return None
        translator = QTranslator()
        if not translator.load(str(qm)):
            return None
        QCoreApplication.installTranslator(translator)
        self.translator = translator
        if self.provider is not None:
            self.provider.retranslate()
        return qm

    def _remove_translator(self):
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
            if self.provider is not None:
                self.provider.retranslate()

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
        self._remove_translator()
