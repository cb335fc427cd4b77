"""French: every user-facing string of the plugin has a translation, and the
compiled .qm really translates at run time."""
import ast
import importlib.util
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "algorithms").glob("*.py")) + [ROOT / "provider.py", ROOT / "provider_meta.py"]
CORE_SOURCES = sorted((ROOT / "core").glob("*.py"))
CLASS_ATTRS = {"DISPLAY_NAME", "HELP", "TAGS"}
TS = ROOT / "i18n" / "cluster_atlas_fr.ts"
QM = ROOT / "i18n" / "cluster_atlas_fr.qm"


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
    # The committed .qm (what a checkout and the ZIP ship), not a fresh build.
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    translator = QTranslator()
    assert translator.load(str(QM))
    QCoreApplication.installTranslator(translator)
    try:
        from cluster_atlas.algorithms.base import tr

        assert tr("Cartography") == "Cartographie"
        assert tr("Aggregate") == "Agrégation"
    finally:
        QCoreApplication.removeTranslator(translator)
    assert tr("Cartography") == "Cartography"


def _build_module():
    spec = importlib.util.spec_from_file_location("build_translations", ROOT / "scripts" / "build_translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_translation_files_are_current(qgis_app, tmp_path):
    """i18n/cluster_atlas_fr.ts and .qm are committed (a checkout and the ZIP are
    translated without a build): they must be what scripts/build_translations.py
    makes of i18n/fr/*.py now."""
    build = _build_module()
    assert build.main(["--out", str(tmp_path)]) == 0
    stale = "stale: run python scripts/build_translations.py and commit i18n/cluster_atlas_fr.ts/.qm"
    assert (tmp_path / TS.name).read_text(encoding="utf-8") == TS.read_text(encoding="utf-8"), f"{TS.name} {stale}"
    messages = build.load_messages("fr")
    assert len(messages) > 300
    assert build.untranslated(QM, messages) == [], f"{QM.name} {stale}"
    fresh = tmp_path / QM.name
    if not fresh.exists():
        pytest.skip("lrelease not installed: .ts checked, .qm checked message by message only")
    # lrelease is deterministic: same tables, same bytes (another lrelease version may
    # differ in bytes only; then every message was checked above).
    if fresh.read_bytes() != QM.read_bytes():
        assert build.untranslated(fresh, messages) == []
        version = subprocess.run([build.lrelease(), "-version"], capture_output=True, text=True).stdout.strip()
        pytest.skip(f"{version} compiles other bytes than the committed .qm; messages identical")


def test_ts_is_a_qt_linguist_file():
    """The .ts parses as XML in Linguist's format: one context, one message per source."""
    from xml.etree import ElementTree

    root = ElementTree.parse(str(TS)).getroot()
    assert root.tag == "TS" and root.get("language") == "fr"
    (context,) = root.findall("context")
    assert context.findtext("name") == "ClusterAtlas"
    pairs = {m.findtext("source"): m.findtext("translation") for m in context.findall("message")}
    assert pairs == french_messages()


def test_build_rewrites_nothing_when_current(qgis_app, tmp_path):
    """scripts/setup.sh runs the build: on a current checkout it rewrites nothing
    (checked on copies of the committed files, so the test never edits the checkout)."""
    import shutil

    for path in (TS, QM):
        shutil.copyfile(path, tmp_path / path.name)
    assert _build_module().build(tmp_path) == []
    assert (tmp_path / QM.name).read_bytes() == QM.read_bytes()


def test_model_texts_have_french(provider):
    """Every text of the bundled model (its file is English): labels of inputs,
    outputs and steps, its help and each input's help."""
    from qgis.core import QgsProcessingModelAlgorithm

    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(str(ROOT / "resources" / "models" / "atlas_chain.model3"))
    texts = {d.description() for d in model.parameterDefinitions()}
    texts |= {c.description() for c in model.childAlgorithms().values()}
    texts |= {o.description() for c in model.childAlgorithms().values() for o in c.modelOutputs().values()}
    texts |= {v for k, v in model.helpContent().items() if k not in ("ALG_CREATOR", "ALG_HELP_CREATOR", "ALG_VERSION")}
    assert len(texts) > 30
    messages = french_messages()
    missing = sorted(t[:60] for t in texts if t not in messages)
    assert not missing, f"model texts without French (add them to i18n/fr/model.py): {missing}"


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
    """The plugin's committed French catalogue installed for one test."""
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    translator = QTranslator()
    assert translator.load(str(QM))
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


# --- the interface follows QGIS' locale ------------------------------------
LOCALE_KEYS = ("locale/overrideFlag", "locale/userLocale")


@pytest.fixture()
def qgis_locale_settings(plugin):
    """Set QGIS' locale as Settings > Options > General does, and reload the plugin's
    translator as QGIS does at start; the user's settings and English come back after."""
    from qgis.core import QgsSettings

    settings = QgsSettings()
    saved = {key: settings.value(key) for key in LOCALE_KEYS}

    def switch(locale_name):
        settings.setValue("locale/overrideFlag", True)
        settings.setValue("locale/userLocale", locale_name)
        return plugin.reload_translator()

    yield switch
    for key, value in saved.items():
        if value is None:
            settings.remove(key)
        else:
            settings.setValue(key, value)
    plugin.reload_translator("en")


def test_locale_names_map_to_the_catalogue():
    from cluster_atlas.plugin import catalogue_for

    for name in ("fr", "fr_BE", "fr_FR", "fr-BE", "fr_BE.UTF-8", "fr_CH@euro", "FR"):
        assert catalogue_for(name) == QM, name
    for name in ("nl", "nl_BE", "de_DE", "en", "en_US", "en_GB", "C", "", None):
        assert catalogue_for(name) is None, name


def test_qgis_locale_follows_the_override_setting(qgis_app):
    from cluster_atlas.plugin import qgis_locale
    from qgis.core import QgsSettings
    from qgis.PyQt.QtCore import QLocale

    settings = QgsSettings()
    saved = {key: settings.value(key) for key in LOCALE_KEYS}
    try:
        settings.setValue("locale/overrideFlag", True)
        settings.setValue("locale/userLocale", "fr_BE")
        assert qgis_locale() == "fr_BE"
        # Without the override QGIS uses the system locale, whatever userLocale holds.
        settings.setValue("locale/overrideFlag", False)
        assert qgis_locale() == QLocale.system().name()
    finally:
        for key, value in saved.items():
            settings.remove(key) if value is None else settings.setValue(key, value)


def _english_and_french_texts():
    """English of every algorithm as the registry lists it (no translator), and the
    expected French: the tables of i18n/fr."""
    from qgis.core import QgsApplication

    algorithms = [a for a in QgsApplication.processingRegistry().algorithms() if a.provider().id() == "clusteratlas"]
    english = {}
    for alg in algorithms:
        english[alg.id()] = {
            "name": alg.displayName(), "group": alg.group(), "help": alg.shortHelpString(),
            "params": {d.name(): d.description() for d in alg.parameterDefinitions()},
            "outputs": {o.name(): o.description() for o in alg.outputDefinitions()},
            "help_source": getattr(alg, "HELP", None) or alg.helpContent().get("ALG_DESC"),
        }
    return english


def _interface(alg_id, fresh=False):
    from qgis.core import QgsApplication

    registry = QgsApplication.processingRegistry()
    alg = registry.createAlgorithmById(alg_id) if fresh else registry.algorithmById(alg_id)
    return {"name": alg.displayName(), "group": alg.group(), "help": alg.shortHelpString(),
            "params": {d.name(): d.description() for d in alg.parameterDefinitions()},
            "outputs": {o.name(): o.description() for o in alg.outputDefinitions()}}


def test_french_locale_translates_every_algorithm(plugin, qgis_locale_settings):
    """QGIS set to French (fr_BE, as a Walloon user has it): every algorithm of the
    toolbox, the model included, shows French names, groups, help and parameter
    labels, equal to i18n/fr; back in English afterwards."""
    plugin.reload_translator("en")
    english = _english_and_french_texts()
    assert len(english) == 7 and "clusteratlas:atlaschain" in english
    messages = french_messages()

    assert qgis_locale_settings("fr_BE") == QM
    for alg_id, en in english.items():
        for fresh in (False, True):  # the toolbox's instance and the dialog's new one
            fr = _interface(alg_id, fresh)
            where = f"{alg_id} ({'new instance' if fresh else 'registry'})"
            assert fr["name"] == messages[en["name"]] != en["name"], where
            assert fr["group"] == messages[en["group"]] != en["group"], where
            assert messages[en["help_source"]] in fr["help"] and en["help_source"] not in fr["help"], where
            for kind in ("params", "outputs"):
                assert fr[kind].keys() == en[kind].keys()
                for name, label in en[kind].items():
                    assert fr[kind][name] == messages.get(label, "<no French>"), f"{where} {kind} {name}: {label}"
                    if len(label) > 12:  # short labels may be the same word (Clusters, Zones)
                        assert fr[kind][name] != label, f"{where} {kind} {name}"

    for other in ("fr_FR", "fr"):
        assert qgis_locale_settings(other) == QM
        assert _interface("clusteratlas:importmembers")["name"] == "Importer les membres des clusters"
    for other in ("nl_BE", "de_DE", "en_US"):
        assert qgis_locale_settings(other) is None
        for alg_id, en in english.items():
            assert _interface(alg_id)["name"] == en["name"], (other, alg_id)
            assert _interface(alg_id, fresh=True)["params"] == en["params"], (other, alg_id)


@pytest.mark.qgis_process
@pytest.mark.parametrize("how", ["LANG", "profile"])
def test_qgis_process_speaks_french(tmp_path, how):
    """qgis_process (no GUI, no QGIS translation) follows the system locale, or the
    profile's "override system locale" setting, as the desktop does."""
    import os

    env = dict(os.environ, CLUSTER_ATLAS_PROFILE=str(tmp_path / "profile"))
    if how == "LANG":
        env.update(LANG="fr_BE.UTF-8", LC_ALL="", LC_MESSAGES="")
    else:
        env.update(LANG="C.UTF-8", LC_ALL="", LC_MESSAGES="")
        ini = tmp_path / "profile" / "profiles" / "default" / "QGIS" / "QGIS3.ini"
        ini.parent.mkdir(parents=True)
        ini.write_text("[PythonPlugins]\ncluster_atlas=true\nprocessing=true\n\n"
                       "[locale]\noverrideFlag=true\nuserLocale=fr_BE\n", encoding="utf-8")
    tool = str(ROOT / "scripts" / "qgis_process")
    listing = subprocess.run([tool, "list"], capture_output=True, text=True, timeout=180, env=env)
    assert listing.returncode == 0, listing.stderr
    assert "clusteratlas:importmembers\tImporter les membres des clusters" in listing.stdout
    assert "clusteratlas:atlaschain\tChaîne de l'atlas (de l'import à la page d'atlas)" in listing.stdout
    shown = subprocess.run([tool, "help", "clusteratlas:atlaschain"], capture_output=True, text=True, timeout=180,
                           env=env)
    assert shown.returncode == 0, shown.stderr
    assert "<h3>Méthode</h3>" in shown.stdout and "<h3>Exemple</h3>" in shown.stdout
    assert "MEMBERS: Table des membres" in shown.stdout
    assert "<h3>Method</h3>" not in shown.stdout
