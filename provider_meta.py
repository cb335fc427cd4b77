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


def _homepage():
    """The homepage of metadata.txt: one place to change it."""
    import configparser

    parser = configparser.ConfigParser(interpolation=None)
    parser.read(PLUGIN_DIR / "metadata.txt", encoding="utf-8")
    return parser.get("general", "homepage", fallback="").rstrip("/")


# Help links point at sections of the README as rendered on the homepage.
README_URL = _homepage()
