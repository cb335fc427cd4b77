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
CORE_SOURCES = sorted((ROOT / "core").glob("*.py"))
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


def core_strings():
    """Templates marked ``N_("...")`` in core/ (messages that reach the log or an output)."""
    found = {}
    for path in CORE_SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "N_" and node.args:
                text = _literal(node.args[0])
                assert text, f"core/{path.name}:{node.lineno}: N_() needs a string literal"
                found[text] = f"core/{path.name}:{node.lineno}"
    return found


def test_every_user_string_has_french():
    messages = french_messages()
    strings = user_strings()
    assert len(strings) > 5
    core = core_strings()
    assert len(core) > 30, "N_() templates of core/ not found"
    strings.update(core)
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


def _fields(template):
    """Replacement fields of a format template, as (name, conversion, spec) in order
    of appearance (automatic numbering kept positional)."""
    import string

    return [(name, conv or "", spec) for _, name, spec, conv in string.Formatter().parse(template) if name is not None]


def test_french_templates_have_the_english_fields():
    # A French template with a field the English does not pass (or a lost one)
    # would raise at run time, or drop a number from the message.
    messages = french_messages()
    templates = set(core_strings())
    templates |= {text for text in user_strings() if "{" in text and not text.lstrip().startswith("<")}
    wrong = {}
    for english in templates:
        french = messages.get(english)
        if french is None:
            continue
        try:
            same = sorted(_fields(english)) == sorted(_fields(french))
        except ValueError as error:  # unbalanced braces
            same = error
        if same is not True:
            wrong[english[:60]] = french[:60]
    assert not wrong, wrong


def test_note_is_the_english_text_and_retranslates():
    from cluster_atlas.core.messages import Joined, Note, N_, translate_values
    import numpy as np

    inner = Note(N_("row {} has {} fields"), 2, 5)
    outer = Note(N_("Cannot open '{}': {}"), "a.csv", Joined([inner, Note(N_("row {} has {} fields"), 3, 1)]))
    assert outer == "Cannot open 'a.csv': row 2 has 5 fields, row 3 has 1 fields"
    assert isinstance(outer, str) and outer.startswith("Cannot open")
    table = {"Cannot open '{}': {}": "Ouverture de '{}' impossible : {}", "row {} has {} fields": "ligne {} : {} champs"}
    translate = lambda text: table.get(text, text)  # noqa: E731
    assert outer.translated(translate) == "Ouverture de 'a.csv' impossible : ligne 2 : 5 champs, ligne 3 : 1 champs"
    assert Note(N_("unreadable postcode '{raw}'"), raw="x{y}").translated(translate) == "unreadable postcode 'x{y}'"
    import pickle

    assert pickle.loads(pickle.dumps(outer)).translated(translate) == outer.translated(translate)
    values = np.array([None, inner, inner, "plain"], dtype=object)
    assert translate_values(values, translate).tolist() == [None, "ligne 2 : 5 champs", "ligne 2 : 5 champs", "plain"]
    assert translate_values(values, None) is values


@pytest.fixture()
def french(qgis_app):
    """The plugin's compiled French catalogue installed for one test."""
    if subprocess.run(["which", "lrelease"], capture_output=True).returncode:
        pytest.skip("lrelease not installed")
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_translations.py")], check=True,
                   capture_output=True)
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    translator = QTranslator()
    assert translator.load(str(ROOT / "i18n" / "cluster_atlas_fr.qm"))
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


# Rows 2-4 are rejected: duplicate, postcode, employment (checked in this order).
MEMBERS_CSV = "Nom;Cluster;CP;Effectif\nAlpha;Bio;1348;10\nAlpha;Bio;1348;10\nBeta;Bio;99999;5\nGamma;Bio;1000;-2\n"
REASONS = {
    "en": ["duplicate of row 1", "invalid Belgian postcode '99999' (expected 4 digits 1000-9999)",
           "negative employment '-2'"],
    "fr": ["doublon de la ligne 1", "code postal belge invalide '99999' (attendu : 4 chiffres 1000-9999)",
           "emploi négatif '-2'"],
}
FILTER_LOG = {"en": "Filter: cluster filter: no member in nope",
              "fr": "Filtre : filtre des clusters : aucun membre dans nope"}
WIDTH_ERROR = {"en": "the header has 4 fields but row 2 has 5 fields",
               "fr": "l'en-tête a 4 champs mais la ligne 2 a 5 champs"}


def _core_messages_of_a_run(run_alg, tmp_path):
    """(reasons, rules) of importmembers' REJECTED, the aggregation's log, and a read error."""
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProcessingFeedback, QgsVectorLayer

    csv_path = tmp_path / "members.csv"
    csv_path.write_text(MEMBERS_CSV, encoding="utf-8")
    members, rejected = str(tmp_path / "members.gpkg"), str(tmp_path / "rejected.gpkg")
    run_alg("importmembers", {"INPUT": str(csv_path), "OUTPUT": members, "REJECTED": rejected})
    reasons, rules = _reasons_and_rules(rejected)

    zones = QgsVectorLayer("Point?crs=EPSG:31370&field=postcode:string", "zones", "memory")
    for code, x in (("1348", 160000), ("1000", 150000)):
        feature = QgsFeature(zones.fields())
        feature.setAttributes([code])
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, 150000)))
        zones.dataProvider().addFeature(feature)
    feedback = QgsProcessingFeedback()
    run_alg("aggregatepostcodes", {
        "MEMBERS": members, "POSTCODES": zones, "POSTCODE_FIELD": "postcode", "CLUSTERS": "Bio, nope",
        "OUTPUT": "memory:", "CIRCLES": "memory:", "UNMATCHED": "memory:",
    }, feedback=feedback)

    return reasons, rules, feedback.textLog(), _read_error(run_alg, tmp_path)


def _reasons_and_rules(path):
    """Read in a frame of its own: the failing run below keeps its callers' frames
    alive in a stored traceback, and an OGR layer left in one of them is destroyed
    after QGIS' exit, which crashed the interpreter after every test had passed."""
    from qgis.core import QgsVectorLayer

    rows = sorted(QgsVectorLayer(path, "rejected", "ogr").getFeatures(), key=lambda f: f["source_row"])
    return [f["reason"] for f in rows], [f["rule"] for f in rows]


def _read_error(run_alg, tmp_path):
    """Message of a malformed-CSV error."""
    from qgis.core import QgsProcessingException

    bad = tmp_path / "bad.csv"
    bad.write_text("Nom;CP;Effectif;Cluster\nA;1300;3;TIC\nB;1300;4;TIC; TWIST\n", encoding="utf-8")
    try:
        run_alg("importmembers", {"INPUT": str(bad), "OUTPUT": "memory:", "REJECTED": "memory:"})
    except QgsProcessingException as error:  # the name is unbound after the block: no cycle
        return str(error)
    pytest.fail("a malformed CSV must raise QgsProcessingException")


def test_core_messages_follow_the_installed_translator(run_alg, tmp_path, french):
    reasons, rules, log, error = _core_messages_of_a_run(run_alg, tmp_path)
    assert reasons == REASONS["fr"]
    assert rules == ["duplicate", "invalid_postcode", "invalid_employment"]  # the machine code never changes
    assert FILTER_LOG["fr"] in log and FILTER_LOG["en"] not in log
    assert WIDTH_ERROR["fr"] in error and "Impossible de lire" in error


def test_core_messages_are_english_without_translator(run_alg, tmp_path):
    reasons, rules, log, error = _core_messages_of_a_run(run_alg, tmp_path)
    assert reasons == REASONS["en"]
    assert rules == ["duplicate", "invalid_postcode", "invalid_employment"]
    assert FILTER_LOG["en"] in log
    assert WIDTH_ERROR["en"] in error and error.startswith("Cannot read")
