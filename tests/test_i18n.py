"""French: every user-facing string of the plugin has a translation, and the
compiled .qm really translates at run time."""
import ast
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "algorithms").glob("*.py")) + [ROOT / "provider.py", ROOT / "provider_meta.py"]
CLASS_ATTRS = {"DISPLAY_NAME", "HELP", "TAGS"}


def french_messages():
    spec = importlib.util.spec_from_file_location("build_translations", ROOT / "scripts" / "build_translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.load_messages("fr")


def _literal(node):
    """String value of a literal (also implicit concatenation / parenthesised)."""
    try:
        value = ast.literal_eval(node)
    except (ValueError, SyntaxError):
        return None
    return value if isinstance(value, str) else None


def user_strings():
    found = {}
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and node.args:
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
                if name in ("tr", "translate"):
                    arg = node.args[1] if name == "translate" and len(node.args) > 1 else node.args[0]
                    text = _literal(arg)
                    if text:
                        found[text] = f"{path.name}:{node.lineno}"
            elif isinstance(node, ast.Assign) and len(node.targets) == 1:
                target = node.targets[0]
                if isinstance(target, ast.Name) and target.id in CLASS_ATTRS:
                    text = _literal(node.value)
                    if text:
                        found[text] = f"{path.name}:{node.lineno}"
                if isinstance(target, ast.Name) and target.id == "GROUP_NAMES":
                    for value in node.value.values:
                        found[_literal(value)] = f"{path.name}:{node.lineno}"
    return found


def test_every_user_string_has_french():
    messages = french_messages()
    strings = user_strings()
    assert len(strings) > 5
    missing = {text[:70]: where for text, where in strings.items() if text not in messages}
    assert not missing, f"{len(missing)} string(s) without French (add them to i18n/fr/*.py): {missing}"


def test_french_is_not_a_copy_of_english():
    same = [k for k, v in french_messages().items() if k == v and len(k) > 25]
    assert not same, same[:5]


def test_compiled_translation_is_used(qgis_app):
    if subprocess.run(["which", "lrelease"], capture_output=True).returncode:
        pytest.skip("lrelease not installed")
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_translations.py")], check=True)
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    translator = QTranslator()
    assert translator.load(str(ROOT / "i18n" / "cluster_atlas_fr.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        from cluster_atlas.algorithms.base import tr

        assert tr("Cartography") == "Cartographie"
        assert tr("Aggregate") == "Agrégation"
    finally:
        QCoreApplication.removeTranslator(translator)
    assert tr("Cartography") == "Cartography"
