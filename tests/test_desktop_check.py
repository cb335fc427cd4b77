"""The real QGIS desktop, driven by scripts/desktop_check.py under xvfb-run, in
English and in French: every algorithm's dialog opens with a widget for each
parameter, the toolbox lists the provider, the bundled model runs on the sample
data through its dialog's Run, its outputs arrive styled in the project, and the
map canvas shows the atlas symbology.

Oracles independent of the code under test: the canvas screenshot's pixels
(colours read from the bundled QML files and core/colours.py, circle centres
placed by QGIS' map-to-pixel transform, circle areas from the employment values
and the documented 12 mm maximum diameter), French names written out here,
and the English run compared with the French one."""
import json
import math
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from .conftest import size_scale_function

pytestmark = pytest.mark.desktop

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "desktop_check.py"
STYLES = ROOT / "styles"
ALGORITHMS = {"importmembers", "aggregatepostcodes", "postcodezones", "networkoverlay", "applyatlasstyle",
              "exportatlasmap", "atlaschain"}
TITLES = {
    "en": {"importmembers": "Import cluster members", "aggregatepostcodes": "Employment per postal code",
           "postcodezones": "Postal zones from postcode points",
           "networkoverlay": "Network overlay (employment versus copper/fibre network)",
           "applyatlasstyle": "Apply atlas style", "exportatlasmap": "Export atlas map (PDF/PNG/SVG)",
           "atlaschain": "Atlas chain (import to atlas page)"},
    "fr": {"importmembers": "Importer les membres des clusters", "aggregatepostcodes": "Emploi par code postal",
           "postcodezones": "Zones postales à partir des points des codes postaux",
           "networkoverlay": "Superposition au réseau (emploi et réseau cuivre/fibre)",
           "applyatlasstyle": "Appliquer un style d'atlas", "exportatlasmap": "Exporter la carte d'atlas (PDF/PNG/SVG)",
           "atlaschain": "Chaîne de l'atlas (de l'import à la page d'atlas)"},
}
GROUP_OF = {"importmembers": 2, "aggregatepostcodes": 0, "postcodezones": 0, "networkoverlay": 3,
            "applyatlasstyle": 1, "exportatlasmap": 1, "atlaschain": 1}  # index in TOOLBOX
TOOLBOX = {"en": ["Aggregate", "Cartography", "Import", "Network"],
           "fr": ["Agrégation", "Cartographie", "Importation", "Réseau"]}
MODEL_OUTPUTS = {"IMPORT:MEMBERS", "IMPORT:REJECTED", "AGGREGATE:ZONES", "AGGREGATE:CIRCLES", "AGGREGATE:UNMATCHED",
                 "OVERLAY:ZONES", "OVERLAY:SUMMARY", "OVERLAY:REPORT", "EXPORT:PAGE"}
MAX_DIAMETER_MM = 12.0  # documented diameter of the largest circle (applyatlasstyle MAX_SIZE default)


def _expected_title(result, locale, name):
    """Our dialog's title as QGIS titles its own (native:buffer in the same session)."""
    control = result["control_dialog"]
    title = TITLES[locale][name]
    if control["title"].lower() == control["name"].lower():
        return title
    assert control["title"].lower() == "{} - {}".format(control["group"], control["name"]).lower(), control
    return "{} - {}".format(TOOLBOX[locale][GROUP_OF[name]], title)


def _session(out, locale):
    if subprocess.run(["which", "xvfb-run"], capture_output=True).returncode:
        pytest.skip("xvfb-run not installed")
    if subprocess.run(["which", "qgis"], capture_output=True).returncode:
        pytest.skip("qgis desktop not installed")
    proc = subprocess.run([sys.executable, str(SCRIPT), "--out", str(out), "--locale", locale],
                          capture_output=True, text=True, timeout=240)
    result_file = out / "result.json"
    result = json.loads(result_file.read_text(encoding="utf-8")) if result_file.exists() else None
    return {"locale": locale, "out": out, "returncode": proc.returncode, "stdout": proc.stdout + proc.stderr,
            "result": result}


@pytest.fixture(scope="module")
def sessions(tmp_path_factory):
    """One desktop session per language (about 20 s each)."""
    return {locale: _session(tmp_path_factory.mktemp(f"desktop_{locale}"), locale) for locale in ("en", "fr")}


@pytest.fixture(params=["en", "fr"])
def session(request, sessions):
    run = sessions[request.param]
    assert run["result"] is not None, run["stdout"]
    return run


def _image(path):
    from qgis.PyQt.QtGui import QImage

    image = QImage(str(path))
    assert not image.isNull(), path
    return image


def _rgb(image, x, y):
    pixel = image.pixel(int(x), int(y))
    return (pixel >> 16) & 255, (pixel >> 8) & 255, pixel & 255


def _near(colour, target, tolerance):
    return all(abs(a - b) <= tolerance for a, b in zip(colour, target))


def _hex(value):
    value = value.lstrip("#")
    return tuple(int(value[i:i + 2], 16) for i in (0, 2, 4))


def _qml_symbol(style, symbol_name="0"):
    """(fill or line colour, outline colour, symbol opacity) of a symbol of a bundled QML, read from the file."""
    root = ElementTree.parse(str(STYLES / f"{style}.qml")).getroot()
    symbol = next(s for s in root.iter("symbol") if s.get("name") == symbol_name)
    props = {}
    for layer in symbol.iter("layer"):
        props.update({o.get("name"): o.get("value") for o in layer.iter("Option") if o.get("name")})
        break

    def colour(key):
        value = props.get(key)
        return tuple(int(v) for v in value.split(",")[:3]) if value else None

    return colour("color") or colour("line_color"), colour("outline_color"), float(symbol.get("alpha", "1"))


def _blend(colour, alpha, background=(255, 255, 255)):
    return tuple(round(alpha * c + (1 - alpha) * b) for c, b in zip(colour, background))


def _png_size(path):
    image = _image(path)
    return image.width(), image.height()


def _distinct_colours(image, step=4):
    return {image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)}


def _layer(result, file_name):
    return next((layer for layer in result["layers"] if Path(layer["source"].split("|")[0]).name == file_name), None)


def test_session_succeeds_without_errors(session):
    result = session["result"]
    assert session["returncode"] == 0, session["stdout"]
    assert result["stage"] == "done"
    assert result["errors"] == []
    assert result["message_boxes"] == []
    critical = [m for m in result["log_messages"] if m["level"] >= 2]
    assert critical == []


def test_toolbox_lists_the_provider_in_the_language(session):
    result, locale = session["result"], session["locale"]
    assert result["plugin_loaded"] and result["provider"] == "Cluster Atlas"
    assert {a.split(":")[1] for a in result["algorithms"]} == ALGORITHMS
    assert result["toolbox_entries"] == TOOLBOX[locale]
    assert _png_size(session["out"] / "desktop.png") == (1600, 1000)


def test_every_dialog_opens_with_a_widget_per_parameter(session):
    result, locale, out = session["result"], session["locale"], session["out"]
    assert set(result["dialogs"]) == set(result["algorithms"])
    for alg_id, dialog in result["dialogs"].items():
        name = alg_id.split(":")[1]
        assert dialog["opened"], alg_id
        # QGIS title-cases English titles; from 3.40 it puts the group first, as on its own dialogs.
        assert dialog["title"].lower() == _expected_title(result, locale, name).lower(), alg_id
        assert len(dialog["parameters"]) >= 5, alg_id
        assert dialog["missing_widgets"] == [], alg_id
        assert sorted(dialog["widgets"]) == sorted(dialog["parameters"]), alg_id
        basic = [p for p in dialog["parameters"] if p not in dialog["advanced"]]
        assert len(dialog["labels"]) >= len(basic) * 0.6, alg_id  # check boxes carry their own text
        assert dialog["fits_screen"], alg_id
        assert len(dialog["help"]) > 300, alg_id
        assert dialog["help_button"], f"{alg_id}: no Help button (helpUrl)"
        png = out / dialog["screenshot"]
        assert _png_size(png) == tuple(dialog["size"]), alg_id
        assert len(_distinct_colours(_image(png))) > 20, f"{png} looks blank"


def test_french_dialogs_are_french(sessions):
    en, fr = sessions["en"]["result"], sessions["fr"]["result"]
    assert en is not None and fr is not None
    for alg_id, dialog in fr["dialogs"].items():
        english = en["dialogs"][alg_id]
        assert dialog["parameters"] == english["parameters"], alg_id
        translated = [a != b for a, b in zip(dialog["labels"], english["labels"])]
        assert sum(translated) >= 0.8 * len(translated), (alg_id, dialog["labels"])
        assert "[optionnel]" in " ".join(dialog["labels"]) or "[optional]" not in " ".join(english["labels"])
    importmembers = fr["dialogs"]["clusteratlas:importmembers"]
    assert "Table des membres en entrée" in importmembers["labels"]


# QGIS' own French (qgis_fr.qm) for the check box under each output, "Open output file after
# running algorithm": wider than the default dialog's panel, it is the one thing allowed past it.
QGIS_OWN_WIDE_TEXTS = {"Ouvrir le fichier en sortie après l'exécution de l'algorithme"}


def test_no_label_or_input_is_pushed_off_the_dialog(session):
    """At QGIS' default dialog width every label fits the parameter panel, so no
    combo box or "..." button is cut and no horizontal scroll bar is needed,
    except for QGIS' own French text above (not the plugin's)."""
    result = session["result"]
    for alg_id, dialog in result["dialogs"].items():
        assert "labels_wider_than_panel" in dialog, alg_id
        assert dialog["labels_wider_than_panel"] == [], (alg_id, dialog["panel_width"])
        assert dialog["truncated_labels"] == [], alg_id
        ours = [w for w in dialog.get("widgets_wider_than_panel", []) if w[1] not in QGIS_OWN_WIDE_TEXTS]
        assert ours == [], (alg_id, dialog["panel_width"], ours)
        if dialog["horizontal_scroll_bar"]:
            # Only QGIS' own French check box may force it: the widest widget that is not a mere
            # container ("QWidget") is that text (3.22: 405 px; 3.40: 375 px + the layout's margins).
            leaves = [w for w in dialog.get("widest_widgets", []) if w[0] != "QWidget"]
            assert leaves and leaves[0][1] in QGIS_OWN_WIDE_TEXTS, (alg_id, dialog.get("widest_widgets"))
            assert dialog["content_min_width"] - dialog["panel_width"] < 40, (alg_id, dialog["content_min_width"])
        # No label says "optional" twice: QGIS adds the bracketed tag itself.
        for label in dialog["labels"]:
            assert not ("(optional)" in label or "(facultatif)" in label), (alg_id, label)
    if session["locale"] == "en":  # QGIS' English texts all fit: no scroll bar at all
        assert [a for a, d in result["dialogs"].items() if d["horizontal_scroll_bar"]] == []


def test_number_inputs_show_meaningful_decimals(session):
    """Employment ceilings are persons (integers); sizes and shares keep only the
    decimals that mean something: nothing shows QGIS' default "3000.000000"."""
    dialogs = session["result"]["dialogs"]
    for alg in ("importmembers", "atlaschain"):
        assert dialogs[f"clusteratlas:{alg}"]["number_texts"]["EMPLOYMENT_CEILING"] == "0", alg
    decimal = "," if session["locale"] == "fr" else "."
    assert dialogs["clusteratlas:applyatlasstyle"]["number_texts"]["MAX_SIZE"] == f"12{decimal}0"
    assert dialogs["clusteratlas:postcodezones"]["number_texts"]["MAX_OUTSIDE_DISTANCE"] == "1000"
    for alg_id, dialog in dialogs.items():
        for name, text in dialog["number_texts"].items():
            assert not text.replace(",", ".").endswith(".000000"), (alg_id, name, text)


FRENCH_WORDS = {"le", "la", "les", "des", "du", "une", "et", "est", "dans", "par", "pour", "sur"}
ENGLISH_WORDS = {"the", "and", "of", "is", "in", "to", "by", "for", "on", "with", "each"}


def _language(text):
    words = [w.strip(".,;:()").lower() for w in text.split()]
    french = sum(w in FRENCH_WORDS for w in words)
    english = sum(w in ENGLISH_WORDS for w in words)
    return "fr" if french > 2 * english else "en" if english > 2 * french else "?"


@pytest.mark.parametrize("alg", sorted(ALGORITHMS))
def test_help_in_the_language(sessions, alg):
    alg_id = f"clusteratlas:{alg}"
    for locale in ("en", "fr"):
        assert _language(sessions[locale]["result"]["dialogs"][alg_id]["help"]) == locale, (locale, alg_id)


def test_model_runs_from_its_dialog_and_loads_its_outputs(session):
    result = session["result"]
    runs = result["runs"]
    assert [runs[k]["successful"] for k in ("postcodezones", "applyatlasstyle", "atlaschain")] == [True] * 3
    model = runs["atlaschain"]
    assert set(model["results"]) == MODEL_OUTPUTS
    # The dialog built the parameters: outputs to the files given, loaded into the project.
    for name in MODEL_OUTPUTS - {"OVERLAY:REPORT", "EXPORT:PAGE"}:
        assert model["parameters"][name]["load_into_project"], name
    page = Path(model["results"]["EXPORT:PAGE"])
    assert page.read_bytes()[:5] == b"%PDF-"
    log = (session["out"] / model["log_file"]).read_text(encoding="utf-8")
    assert "circles.gpkg" in log
    loaded = {Path(layer["source"].split("|")[0]).name for layer in result["layers"]}
    assert {"circles.gpkg", "aggregate_zones.gpkg", "network_zones.gpkg", "members.gpkg", "rejected.gpkg",
            "unmatched.gpkg", "network_summary.gpkg", "zones.gpkg", "network_styled.gpkg"} <= loaded


def test_loaded_layers_carry_the_atlas_styles(session):
    from cluster_atlas.core.colours import NETWORK_COLOURS

    result = session["result"]
    fill, outline, alpha = _qml_symbol("circles")
    circles = _layer(result, "circles.gpkg")
    renderer = circles["renderer"]
    # Not QGIS' default marker: the atlas colour and an area-proportional data-defined size.
    assert renderer["type"] == "singleSymbol"
    symbol = renderer["symbol"]
    assert symbol["kind"] == "QgsMarkerSymbol" and _hex(symbol["colour"]) == fill
    assert "employment" in symbol["data_defined_size"] and f'{size_scale_function()}(' in symbol["data_defined_size"]
    zone_fill, zone_outline, _ = _qml_symbol("zones")
    for name in ("zones.gpkg", "aggregate_zones.gpkg", "network_zones.gpkg"):
        zones = _layer(result, name)["renderer"]
        assert zones["type"] == "singleSymbol" and zones["symbol"]["kind"] == "QgsFillSymbol", name
        colours = zones["symbol"]["layer_colours"][0]
        assert tuple(int(v) for v in colours["outline_color"].split(",")[:3]) == zone_outline, name
        assert colours["color"].split(",")[3] == "0", f"{name}: zones must not hide the map (transparent fill)"
    network = _layer(result, "network_styled.gpkg")["renderer"]
    assert network["type"] == "categorizedSymbol" and network["attribute"] == "class"
    categories = {c["value"]: c["symbol"]["colour"] for c in network["categories"] if c["value"]}
    assert categories == NETWORK_COLOURS


# The legend's words in the interface language (the atlas' own French: "Cuivre", "Fibre optique").
LEGEND = {"en": {"network": {"copper": "Copper", "fibre": "Fibre optic"}, "size_title": "Employment"},
          "fr": {"network": {"copper": "Cuivre", "fibre": "Fibre optique"}, "size_title": "Emploi"}}


def test_layer_legends_follow_the_interface_language(session):
    result, locale = session["result"], session["locale"]
    network = _layer(result, "network_styled.gpkg")["renderer"]
    labels = {c["value"]: c["label"] for c in network["categories"] if c["value"]}
    assert labels == LEGEND[locale]["network"]
    circles = _layer(result, "circles.gpkg")["renderer"]
    assert circles["size_legend"]["title"] == LEGEND[locale]["size_title"]


def test_canvas_shows_circles_zones_and_network_in_atlas_colours(session):
    from cluster_atlas.core.colours import NETWORK_COLOURS

    result, out = session["result"], session["out"]
    canvas = result["canvas"]
    image = _image(out / "canvas.png")
    assert (image.width(), image.height()) == tuple(canvas["size"])
    assert canvas["layer_order"][0] == canvas["circles_layer"], "circles drawn on top"
    background = _hex(canvas["background"])
    fill, _outline, alpha = _qml_symbol("circles")
    circle_colour = _blend(fill, alpha, background)  # 75 % opaque circles over the white map
    px_per_mm = canvas["dpi"] / 25.4
    employment = [c["employment"] or 0 for c in canvas["circles"]]
    top = max(employment)
    assert top > 0
    checked = hits = 0
    expected_area = 0.0
    for circle, value in zip(canvas["circles"], employment):
        x, y = circle["px"]
        diameter = MAX_DIAMETER_MM * math.sqrt(value / top) * px_per_mm
        expected_area += math.pi * (diameter / 2) ** 2
        if diameter >= 5 and 0 <= x < image.width() and 0 <= y < image.height():
            checked += 1
            hits += _near(_rgb(image, x, y), circle_colour, 12)
    assert checked >= 15
    assert hits >= 0.9 * checked, f"{hits}/{checked} circle centres show the circle colour {circle_colour}"
    counts = {"circle": 0, "copper": 0, "fibre": 0, "zone": 0, "background": 0}
    targets = {"circle": circle_colour, "copper": _hex(NETWORK_COLOURS["copper"]),
               "fibre": _hex(NETWORK_COLOURS["fibre"]), "zone": _qml_symbol("zones")[1], "background": background}
    for x in range(image.width()):
        for y in range(image.height()):
            colour = _rgb(image, x, y)
            for key, target in targets.items():
                if _near(colour, target, 10):
                    counts[key] += 1
                    break
    total = image.width() * image.height()
    assert counts["background"] < 0.99 * total, "blank canvas"
    # Areas proportional to employment, the largest 12 mm across (overlaps and crossing lines cost a little).
    assert 0.6 * expected_area <= counts["circle"] <= 1.3 * expected_area, (counts, expected_area)
    assert counts["copper"] > 100 and counts["fibre"] > 50, counts
    assert counts["zone"] > 1000, counts


def test_batch_dialog_runs_and_loads_styled_outputs(session):
    """Two rows of aggregatepostcodes through QGIS' own batch dialog in the real desktop, outputs
    loaded: both rows succeed, no Python error is raised (the issue seen with a test harness on
    3.40, a deleted feedback handed to the layer post-processor, does not occur in the desktop), and
    both circle layers arrive styled with the area-proportional size (the post-processor ran)."""
    batch = session["result"].get("batch")
    assert batch is not None, session["result"].get("errors")
    assert batch["finished"] and batch["rows"] == 2 and batch["failed_rows"] == 0, batch
    assert batch["errors"] == [], batch["errors"]
    circles = [layer for layer in batch["layers"] if "circles_" in layer["source"]]
    assert len(circles) == 2, [layer["source"] for layer in batch["layers"]]
    for layer in circles:
        assert layer["valid"] and layer["features"] > 0, layer
        assert '{}("employment", 0, '.format(size_scale_function()) in layer["size_expression"], layer
