"""Provider-wide constants, importable without creating the provider."""
from pathlib import Path

PLUGIN_DIR = Path(__file__).resolve().parent
ICON_PATH = str(PLUGIN_DIR / "resources" / "icon.svg")
STYLES_DIR = PLUGIN_DIR / "styles"
RESOURCES_DIR = PLUGIN_DIR / "resources"

# Group ids are stable (models and scripts refer to them); names are translated.
GROUP_NAMES = {
    "import": "Import",
    "aggregate": "Aggregate",
    "network": "Network",
    "cartography": "Cartography",
}
