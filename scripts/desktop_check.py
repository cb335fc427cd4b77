"""Run the real QGIS desktop under xvfb-run with the packaged plugin, use it as
a technician does, and save screenshots.

    .venv/bin/python scripts/desktop_check.py [--out DIR] [--zip dist/cluster_atlas-x.y.z.zip]
                                              [--locale fr] [--timeout 150]

Builds the zip (unless given), unpacks it into a throw-away profile exactly as
"Install from ZIP" does, enables the plugin and starts ``qgis`` under
``xvfb-run``. A start-up script (``--code``) imports this file inside the
desktop and runs :class:`DesktopSession`, which, driven by Qt timers (the
desktop stays live between steps):

1. checks that the ``clusteratlas`` provider and its algorithms are
   registered and shows them in the Processing toolbox (``desktop.png``);
2. opens the dialog of every algorithm of the provider, the bundled model
   included, the way the toolbox does (``processing.createAlgorithmDialog``),
   lets it paint and saves ``dialog_<algorithm>.png``; records its title, the
   parameters that got a widget, its labels, help text and whether anything is
   cut (horizontal scroll bar, truncated labels, labels and other widgets wider
   than the parameter panel, which push the inputs off its right edge);
3. runs, through each dialog's own Run path (so the outputs are loaded into
   the project and the plugin's style post-processors run):
   ``postcodezones`` (postal zones from the sample points),
   ``applyatlasstyle`` (the sample network, style "network") and the model
   ``atlaschain`` on the sample data (zones as reference, network, Wallonia);
   the model dialog with its log is saved as ``dialog_atlaschain_run.png``;
4. zooms the map canvas to the circles, waits for rendering and saves
   ``canvas.png`` and ``main_window.png``.

Everything measured goes to ``result.json`` (machine-readable, read by
``tests/test_desktop_check.py``): algorithms and dialogs, runs and their
results, loaded layers with renderer type, symbols and colours, the canvas
extent and the pixel position of every circle, messages of the QGIS message
log (warnings and errors), errors of the session. Exit code 0 only when every
step worked. A watchdog ends the session (``--timeout``) instead of hanging on
a modal box; message boxes that pop up are recorded and closed.
"""
import argparse
import gc
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "sample_data"
if str(ROOT / "scripts") not in sys.path:
    sys.path.insert(0, str(ROOT / "scripts"))

PROVIDER = "clusteratlas"
# Style key -> index of the STYLE enum of applyatlasstyle (output_styles.STYLE_KEYS order).
NETWORK_STYLE_INDEX = 3

STARTUP = r'''
import sys
sys.path.insert(0, {scripts!r})
import desktop_check
desktop_check.start_session({config!r})
'''


# ---------------------------------------------------------------- outside QGIS

def evaluate(result):
    """What went wrong in a session, as a list of short sentences (empty: OK)."""
    problems = list(result.get("errors", []))
    if not result.get("plugin_loaded"):
        problems.append("plugin not loaded")
    if result.get("provider") != "Cluster Atlas":
        problems.append("provider clusteratlas missing")
    if not result.get("toolbox_entries"):
        problems.append("Cluster Atlas not in the Processing toolbox")
    dialogs = result.get("dialogs", {})
    for alg in result.get("algorithms", []):
        dialog = dialogs.get(alg)
        if not dialog or not dialog.get("opened"):
            problems.append(f"dialog of {alg} did not open")
        elif dialog.get("missing_widgets"):
            problems.append(f"dialog of {alg}: no widget for {dialog['missing_widgets']}")
    for name, run in result.get("runs", {}).items():
        if not run.get("successful"):
            problems.append(f"run {name} failed")
    if not result.get("runs", {}).get("atlaschain", {}).get("successful"):
        problems.append("the model atlaschain did not run")
    if not result.get("canvas", {}).get("circles"):
        problems.append("no circles on the canvas")
    for box in result.get("message_boxes", []):
        problems.append(f"message box popped up: {box}")
    for message in result.get("log_messages", []):
        if message["level"] >= 2 and message["tag"] in ("Processing", "Python error", "Cluster Atlas"):
            problems.append(f"critical log message [{message['tag']}]: {message['message'][:200]}")
    return problems


def _write_profile(profiles, zip_path, locale):
    plugin_dir = profiles / "profiles" / "default" / "python" / "plugins"
    plugin_dir.mkdir(parents=True)
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(plugin_dir)
    ini = profiles / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True)
    ini.write_text("[PythonPlugins]\ncluster_atlas=true\nprocessing=true\n"
                   "[qgis]\nshowTips=false\ncheckVersion=false\n[UI]\nhidebrowser=true\n"
                   f"[locale]\noverrideFlag=true\nuserLocale={locale}\nglobalLocale={locale}\n")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / ".build" / "desktop_check")
    parser.add_argument("--zip", type=Path, default=None)
    parser.add_argument("--timeout", type=int, default=150, help="seconds before the watchdog ends the session")
    parser.add_argument("--locale", default="en", help="QGIS user locale of the profile (e.g. fr)")
    parser.add_argument("--watchdog", type=int, default=None,
                        help="seconds before the session gives up inside QGIS (default: timeout - 15)")
    args = parser.parse_args(argv)
    out = args.out.resolve()
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    if args.zip is None:
        import package

        args.zip = package.build(out / "dist")
    profiles = Path(tempfile.mkdtemp(prefix="clusteratlas-profile-"))
    _write_profile(profiles, args.zip, args.locale)
    config = {"out": str(out), "sample": str(SAMPLE), "locale": args.locale,
              "watchdog": args.watchdog or max(args.timeout - 15, 20)}
    startup = out / "startup.py"
    startup.write_text(STARTUP.format(scripts=str(ROOT / "scripts"), config=config))
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)  # a real X server (Xvfb) this time
    env.setdefault("XDG_RUNTIME_DIR", f"/tmp/runtime-{os.getuid()}")
    cmd = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "qgis", "--profiles-path", str(profiles),
           "--nologo", "--noversioncheck", "--code", str(startup)]
    started = time.monotonic()
    try:
        proc = subprocess.run(cmd, env=env, timeout=args.timeout, capture_output=True, text=True)
        log = f"exit code {proc.returncode}\n{proc.stdout}{proc.stderr}"
    except subprocess.TimeoutExpired as exc:
        log = f"timeout after {args.timeout}s\n{exc.stdout or ''}{exc.stderr or ''}"
    (out / "qgis.log").write_text(log if isinstance(log, str) else str(log))
    shutil.rmtree(profiles, ignore_errors=True)
    result_file = out / "result.json"
    if not result_file.exists():
        print(f"desktop check: no result (see {out / 'qgis.log'})")
        return 1
    result = json.loads(result_file.read_text())
    problems = evaluate(result)
    print(json.dumps({k: result.get(k) for k in ("provider", "algorithms", "toolbox_entries")}, indent=2))
    for problem in problems:
        print("PROBLEM:", problem)
    print(f"desktop check ({args.locale}, {time.monotonic() - started:.0f} s): {'OK' if not problems else 'FAILED'}; "
          f"screenshots and result.json in {out}")
    return 0 if not problems else 1


# ----------------------------------------------------------------- inside QGIS

_SESSION = None


def start_session(config):
    """Entry point of the start-up script (runs inside the QGIS desktop)."""
    global _SESSION
    _SESSION = DesktopSession(config)
    _SESSION.start()


def _until(predicate, timeout_s, what):
    """Generator step: wait (keeping the event loop running) until ``predicate()``."""
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout_s} s waiting for {what}")
        yield 100


def _colour(qcolor):
    return "#{:02x}{:02x}{:02x}".format(qcolor.red(), qcolor.green(), qcolor.blue()) + (
        "" if qcolor.alpha() == 255 else "{:02x}".format(qcolor.alpha()))


def _symbol_info(symbol):
    if symbol is None:
        return None
    info = {"kind": type(symbol).__name__, "colour": _colour(symbol.color()),
            "layers": [layer.layerType() for layer in symbol.symbolLayers()]}
    size = getattr(symbol, "dataDefinedSize", None)
    if size is not None:
        prop = size()
        info["data_defined_size"] = prop.asExpression() if prop.isActive() else None
    colours = []
    for layer in symbol.symbolLayers():
        props = layer.properties()
        colours.append({k: props[k] for k in ("color", "outline_color", "line_color") if k in props})
    info["layer_colours"] = colours
    return info


def _wrapped(wrapper):
    """The input widget of a parameter wrapper (old Python or C++ wrapper API)."""
    widget = getattr(wrapper, "wrappedWidget", None)
    return widget() if callable(widget) else getattr(wrapper, "widget", None)


def _renderer_info(renderer):
    if renderer is None:
        return None
    info = {"type": renderer.type()}
    if renderer.type() == "singleSymbol":
        info["symbol"] = _symbol_info(renderer.symbol())
    elif renderer.type() == "categorizedSymbol":
        info["attribute"] = renderer.classAttribute()
        info["categories"] = [{"value": str(c.value()), "label": c.label(), "symbol": _symbol_info(c.symbol())}
                              for c in renderer.categories()]
    elif renderer.type() == "graduatedSymbol":
        info["attribute"] = renderer.classAttribute()
        info["ranges"] = [{"lower": r.lowerValue(), "upper": r.upperValue(), "symbol": _symbol_info(r.symbol())}
                          for r in renderer.ranges()]
    size_legend = renderer.dataDefinedSizeLegend() if hasattr(renderer, "dataDefinedSizeLegend") else None
    if size_legend is not None:
        info["size_legend"] = {"title": size_legend.title(), "classes": [c.label for c in size_legend.classes()]}
    return info


class DesktopSession:
    """The steps run inside the desktop, as one generator driven by Qt timers."""

    def __init__(self, config):
        self.config = config
        self.out = Path(config["out"])
        self.sample = Path(config["sample"])
        self.run_dir = self.out / "run"
        self.run_dir.mkdir(parents=True, exist_ok=True)
        self.result = {"locale": config.get("locale"), "errors": [], "log_messages": [], "message_boxes": [],
                       "dialogs": {}, "runs": {}, "layers": [], "screenshots": [], "stage": "start"}
        self.started = time.monotonic()
        self.finished = False
        self._keep = []  # timers Qt must not lose
        self._dialogs = []  # open dialogs (closed and deleted at the end whatever happens)

    # -- driver
    def start(self):
        from qgis.core import QgsApplication
        from qgis.PyQt.QtCore import QTimer

        QgsApplication.messageLog().messageReceived.connect(self._on_log)
        watchdog = QTimer()
        watchdog.setSingleShot(True)
        watchdog.timeout.connect(self._watchdog)
        watchdog.start(int(self.config["watchdog"] * 1000))
        boxes = QTimer()
        boxes.timeout.connect(self._close_message_boxes)
        boxes.start(500)
        self._keep += [watchdog, boxes]
        # Last resort if the main thread itself blocks: hard exit (the result file is written first).
        import threading

        hard = threading.Timer(self.config["watchdog"] + 10, self._hard_exit)
        hard.daemon = True
        hard.start()
        self._gen = self.steps()
        QTimer.singleShot(0, self._drive)

    def _drive(self):
        from qgis.PyQt.QtCore import QTimer

        if self.finished:
            return
        try:
            delay = next(self._gen)
        except StopIteration:
            self.finish()
            return
        except Exception:
            self.result["errors"].append(f"stage {self.result['stage']}: {traceback.format_exc()}")
            self.finish()
            return
        QTimer.singleShot(int(delay), self._drive)

    def _on_log(self, message, tag, level):
        level = int(level)
        if level >= 1:  # Qgis.Warning, Critical
            self.result["log_messages"].append({"tag": tag, "level": level, "message": message})

    def _close_message_boxes(self):
        from qgis.PyQt.QtWidgets import QApplication, QMessageBox

        widget = QApplication.activeModalWidget()
        if isinstance(widget, QMessageBox):
            self.result["message_boxes"].append(f"{widget.windowTitle()}: {widget.text()}")
            widget.reject()

    def _watchdog(self):
        if not self.finished:
            self.result["errors"].append(
                f"watchdog: session still at stage {self.result['stage']!r} after {self.config['watchdog']} s")
            self.finish()

    def _hard_exit(self):
        if not self.finished:
            self.result["errors"].append("hard watchdog: the main thread blocked")
            self._write()
        os._exit(3)

    def _write(self):
        self.result["seconds"] = round(time.monotonic() - self.started, 1)
        with open(self.out / "result.json", "w", encoding="utf-8") as fh:
            json.dump(self.result, fh, indent=2, ensure_ascii=False, default=str)

    def finish(self):
        from qgis.core import QgsApplication, QgsProject
        from qgis.PyQt.QtCore import QTimer
        from qgis.PyQt.QtWidgets import QApplication

        if self.finished:
            return
        self.finished = True
        try:
            for widget in QApplication.topLevelWidgets():
                if widget.isVisible() and widget.isModal():
                    widget.close()
            # Dialogs left open by a failed step go now: their parameter wrappers hold
            # layers that must not outlive QGIS (crash at exit otherwise).
            for dialog in self._dialogs:
                dialog.close()
                dialog.deleteLater()
            self._dialogs.clear()
            self._gen = None
            gc.collect()
            # Layers leave while the desktop is whole (QGIS 3.22 crashes removing them in exitQgis).
            QgsProject.instance().removeAllMapLayers()
            QgsProject.instance().setDirty(False)  # no "save the project?" question on exit
        except Exception:
            self.result["errors"].append(traceback.format_exc())
        self._write()
        QTimer.singleShot(300, lambda: QgsApplication.exit(0))

    def shot(self, widget, name):
        path = self.out / name
        if not widget.grab().save(str(path)):
            raise RuntimeError(f"could not save {path}")
        self.result["screenshots"].append(name)

    # -- the steps
    def steps(self):
        from qgis.PyQt.QtCore import QSize

        from qgis.utils import iface

        self.result["stage"] = "provider"
        yield from _until(self._provider_ready, 60, "the clusteratlas provider")
        iface.mainWindow().resize(QSize(1600, 1000))
        yield from self.toolbox()
        self.result["stage"] = "control dialog"
        self.result["control_dialog"] = self.control_dialog()
        for alg_id in list(self.result["algorithms"]):
            self.result["stage"] = f"dialog {alg_id}"
            try:
                yield from self.open_dialog(alg_id)
            except Exception:
                self.result["errors"].append(f"dialog {alg_id}: {traceback.format_exc()}")
        yield from self.runs()
        self.result["stage"] = "canvas"
        yield from self.canvas()
        self.result["stage"] = "batch"
        try:
            yield from self.batch()
        except Exception:
            self.result["errors"].append(f"batch: {traceback.format_exc()}")
        self.result["stage"] = "done"

    def _provider_ready(self):
        from qgis.core import QgsApplication

        import qgis.utils

        provider = QgsApplication.processingRegistry().providerById(PROVIDER)
        return (provider is not None and qgis.utils.iface is not None and "processing" in qgis.utils.plugins
                and len(provider.algorithms()) > 0)

    def toolbox(self):
        from qgis.core import QgsApplication
        from qgis.PyQt.QtWidgets import QDockWidget, QTreeView

        import qgis.utils
        from qgis.utils import iface

        result = self.result
        result["stage"] = "toolbox"
        result["plugin_loaded"] = "cluster_atlas" in qgis.utils.plugins
        provider = QgsApplication.processingRegistry().providerById(PROVIDER)
        result["provider"] = provider.name() if provider else None
        result["algorithms"] = sorted(a.id() for a in provider.algorithms()) if provider else []
        dock = iface.mainWindow().findChild(QDockWidget, "ProcessingToolbox")
        result["toolbox_found"] = dock is not None
        if dock is not None:
            dock.show()
            dock.raise_()
            # Collapse every provider but ours, which is expanded and scrolled to.
            for tree in dock.findChildren(QTreeView):
                model = tree.model()
                for row in range(model.rowCount()):
                    index = model.index(row, 0)
                    if model.data(index) == "Cluster Atlas":
                        tree.expandRecursively(index)
                        tree.scrollTo(index, QTreeView.ScrollHint.PositionAtTop)  # scoped: Qt5 and Qt6
                        result["toolbox_entries"] = [model.data(model.index(r, 0, index))
                                                     for r in range(model.rowCount(index))]
                    else:
                        tree.collapse(index)
        yield 500
        self.shot(iface.mainWindow(), "desktop.png")

    def _dialog_info(self, dialog, alg):
        """Title, widgets per parameter, labels, help and signs of cut content of an open dialog."""
        from cluster_atlas import compat
        from qgis.PyQt.QtWidgets import QAbstractSpinBox, QDialogButtonBox, QLabel, QScrollArea, QTextBrowser, QWidget

        panel = dialog.mainWidget()
        wrappers = getattr(panel, "wrappers", {})
        visible = [p.name() for p in alg.parameterDefinitions()
                   if not p.flags() & compat.FLAG_HIDDEN]
        labels = [label for label in panel.findChildren(QLabel) if label.isVisible() and label.text().strip()]
        truncated = [label.text() for label in labels
                     if not label.wordWrap() and label.sizeHint().width() > label.width() + 1]
        areas = panel.findChildren(QScrollArea)
        scroll_bars = [area.horizontalScrollBar().isVisible() for area in areas]
        viewport = max((area.viewport().width() for area in areas), default=panel.width())
        # Labels wider than the visible panel push the inputs off its right edge.
        too_wide = [label.text() for label in labels if label.sizeHint().width() > viewport]
        # Any other widget whose minimum width exceeds the panel (what else forces a scroll bar).
        wide_widgets = []
        for area in areas:
            inner = area.widget()
            for widget in (inner.findChildren(QWidget) if inner is not None else []):
                if widget.isVisible() and not any(isinstance(c, QWidget) and c.isVisible() for c in widget.children()):
                    needed = max(widget.minimumSizeHint().width(), widget.minimumWidth())
                    if needed > viewport:
                        text = widget.text() if hasattr(widget, "text") and callable(widget.text) else ""
                        wide_widgets.append([type(widget).__name__, str(text), needed])
        # Each parameter's whole input (a layer input is a combo box plus QGIS' own buttons: from 3.40
        # "iterate" and "advanced settings" besides "..."), when its minimum width exceeds the panel.
        wide_inputs = []
        for name, wrapper in wrappers.items():
            widget = _wrapped(wrapper)
            if isinstance(widget, QWidget) and widget.isVisible():
                needed = max(widget.minimumSizeHint().width(), widget.minimumWidth())
                if needed > viewport:
                    wide_inputs.append([name, type(widget).__name__, needed])
        # What sets the panel's width: its content's minimum width and the widest visible widgets in it.
        content_width, widest = 0, []
        for area in areas:
            inner = area.widget()
            if inner is None:
                continue
            content_width = max(content_width, inner.minimumSizeHint().width())
            for widget in inner.findChildren(QWidget):
                if widget.isVisible():
                    text = widget.text() if hasattr(widget, "text") and callable(widget.text) else ""
                    widest.append([type(widget).__name__, str(text), max(widget.minimumSizeHint().width(),
                                                                          widget.minimumWidth())])
        widest = sorted(widest, key=lambda w: -w[2])[:4]
        helps = [b.toPlainText() for b in dialog.findChildren(QTextBrowser) if b.toPlainText().strip()]
        # What number inputs show (a Double without set decimals shows "3000.000000").
        number_texts = {}
        for name, wrapper in wrappers.items():
            widget = _wrapped(wrapper)
            if isinstance(widget, QWidget):
                spins = ([widget] if isinstance(widget, QAbstractSpinBox) else []) + widget.findChildren(QAbstractSpinBox)
                if spins:
                    number_texts[name] = spins[0].text()
        screen = dialog.screen().availableGeometry() if hasattr(dialog, "screen") else None
        geometry = dialog.frameGeometry()
        help_button = dialog.buttonBox().button(QDialogButtonBox.StandardButton.Help)
        return {
            "opened": True,
            "title": dialog.windowTitle(),
            "display_name": alg.displayName(),
            "parameters": visible,
            "widgets": sorted(wrappers),
            "widget_count": len(wrappers),
            "missing_widgets": [name for name in visible if name not in wrappers or _wrapped(wrappers[name]) is None],
            "advanced": [p.name() for p in alg.parameterDefinitions()
                         if p.flags() & compat.FLAG_ADVANCED],
            "labels": [label.text() for label in labels],
            "truncated_labels": truncated,
            "horizontal_scroll_bar": any(scroll_bars),
            "labels_wider_than_panel": too_wide,
            "widgets_wider_than_panel": wide_widgets,
            "inputs_wider_than_panel": wide_inputs,
            "content_min_width": content_width,
            "widest_widgets": widest,
            "panel_width": viewport,
            "number_texts": number_texts,
            "help": helps[0][:2000] if helps else "",
            "help_button": bool(help_button is not None and help_button.isVisible()),
            "size": [dialog.width(), dialog.height()],
            "fits_screen": bool(screen is None or screen.contains(geometry)),
        }

    def control_dialog(self, alg_id="native:buffer"):
        """How this QGIS titles an algorithm dialog, read off one of its own: the oracle for ours
        (3.22: the name; 3.40+: "<group> - <name>")."""
        from qgis import processing
        from qgis.core import QgsApplication

        alg = QgsApplication.processingRegistry().algorithmById(alg_id)
        dialog = processing.createAlgorithmDialog(alg_id)
        try:
            return {"id": alg_id, "title": dialog.windowTitle(), "name": alg.displayName(), "group": alg.group()}
        finally:
            dialog.close()
            dialog.deleteLater()

    def open_dialog(self, alg_id):
        from qgis import processing
        from qgis.core import QgsApplication

        alg = QgsApplication.processingRegistry().algorithmById(alg_id)
        dialog = processing.createAlgorithmDialog(alg_id)
        if dialog is None:
            raise RuntimeError(f"no dialog for {alg_id}")
        self._dialogs.append(dialog)
        dialog.show()
        dialog.raise_()
        yield 700  # painted, help loaded
        info = self._dialog_info(dialog, alg)
        name = alg_id.split(":")[1]
        self.shot(dialog, f"dialog_{name}.png")
        info["screenshot"] = f"dialog_{name}.png"
        self.result["dialogs"][alg_id] = info
        dialog.close()
        dialog.deleteLater()
        self._dialogs.remove(dialog)
        yield 100

    def run_dialog(self, key, alg_id, params, timeout_s=60, screenshot=None):
        """Fill the dialog of ``alg_id`` with ``params`` and press its Run (``runAlgorithm``):
        outputs load into the project through Processing's own post-processing."""
        from qgis import processing
        from qgis.core import QgsProcessingOutputLayerDefinition
        from qgis.PyQt.QtWidgets import QTextEdit

        from processing.core.ProcessingConfig import ProcessingConfig

        self.result["stage"] = f"run {key}"
        # Keep the dialog open after the run, to see and save its log.
        ProcessingConfig.setSettingValue(ProcessingConfig.KEEP_DIALOG_OPEN, True)
        run = {"algorithm": alg_id, "successful": False}
        self.result["runs"][key] = run
        dialog = processing.createAlgorithmDialog(alg_id, params)
        self._dialogs.append(dialog)
        dialog.show()
        yield 300
        built = dialog.createProcessingParameters()
        as_built = {}
        for name, value in built.items():
            if isinstance(value, QgsProcessingOutputLayerDefinition):
                as_built[name] = {"sink": value.sink.staticValue(),
                                  "load_into_project": value.destinationProject is not None}
            else:
                as_built[name] = value
        run["parameters"] = as_built
        done = {}
        dialog.algorithmFinished.connect(lambda ok, results: done.update(ok=ok, results=results))
        dialog.runAlgorithm()
        yield from _until(lambda: "ok" in done, timeout_s, f"{alg_id} to finish")
        yield 300
        run["successful"] = bool(done["ok"])
        run["results"] = {k: v for k, v in done["results"].items() if k not in ("CHILD_RESULTS", "CHILD_INPUTS")}
        logs = [w.toPlainText() for w in dialog.findChildren(QTextEdit) if w.objectName() == "txtLog"]
        log = logs[0] if logs else ""
        (self.out / f"log_{key}.txt").write_text(log, encoding="utf-8")
        run["log_file"] = f"log_{key}.txt"
        if screenshot:
            dialog.showLog()
            yield 300
            self.shot(dialog, screenshot)
        dialog.close()
        dialog.deleteLater()
        self._dialogs.remove(dialog)
        yield 100

    def runs(self):
        s, r = self.sample, self.run_dir
        points = f"{s / 'postcode_points.gpkg'}|layername=postcode_points"
        network = f"{s / 'network_illustrative.gpkg'}|layername=network"
        yield from self.run_dialog("postcodezones", "clusteratlas:postcodezones", {
            "POINTS": points, "POSTCODE_FIELD": "postcode",
            "BOUNDARY": f"{s / 'boundaries.gpkg'}|layername=belgium",
            "OUTPUT": str(r / "zones.gpkg"), "REPORT": str(r / "zones_report.gpkg")})
        yield from self.run_dialog("applyatlasstyle", "clusteratlas:applyatlasstyle", {
            "INPUT": network, "STYLE": NETWORK_STYLE_INDEX, "OUTPUT": str(r / "network_styled.gpkg")})
        yield from self.run_dialog("atlaschain", "clusteratlas:atlaschain", {
            "MEMBERS": str(s / "members.csv"), "EMPLOYMENT_CEILING": 3000,
            "POSTCODES": str(r / "zones.gpkg"), "POSTCODE_FIELD": "postcode",
            "NETWORK": network, "CLASS_FIELD": "class",
            "BOUNDARY": f"{s / 'boundaries.gpkg'}|layername=wallonia",
            "TITLE": "Desktop check", "PER_CLUSTER": False,
            "IMPORT:MEMBERS": str(r / "members.gpkg"), "IMPORT:REJECTED": str(r / "rejected.gpkg"),
            "AGGREGATE:ZONES": str(r / "aggregate_zones.gpkg"), "AGGREGATE:CIRCLES": str(r / "circles.gpkg"),
            "AGGREGATE:UNMATCHED": str(r / "unmatched.gpkg"),
            "OVERLAY:ZONES": str(r / "network_zones.gpkg"), "OVERLAY:SUMMARY": str(r / "network_summary.gpkg"),
            "OVERLAY:REPORT": str(r / "network_report.html"), "EXPORT:PAGE": str(r / "page.pdf")},
            timeout_s=90, screenshot="dialog_atlaschain_run.png")

    def batch(self):
        """Two rows of aggregatepostcodes (one cluster each) through QGIS' own batch dialog, outputs
        loaded into the project, as a technician runs it: every row succeeds, no Python error is raised
        (the desktop reports them through sys.excepthook, recorded here) and the circles arrive styled."""
        import sys

        from processing.gui.BatchAlgorithmDialog import BatchAlgorithmDialog
        from processing.tools import dataobjects
        from qgis.core import QgsApplication, QgsProject, QgsRenderContext
        from qgis.PyQt.QtWidgets import QDialogButtonBox

        run, out = self.run_dir, self.run_dir / "batch"
        out.mkdir(exist_ok=True)
        record = {"finished": False, "errors": []}
        self.result["batch"] = record
        done = {}

        class RecordingBatchDialog(BatchAlgorithmDialog):
            def createSummaryTable(self, algorithm_results, errors):  # noqa: N802 (QGIS API)
                done["results"], done["errors"] = list(algorithm_results), list(errors)
                return super().createSummaryTable(algorithm_results, errors)

        def hook(kind, value, tb):
            record["errors"].append("".join(traceback.format_exception(kind, value, tb))[-2000:])

        previous_hook, sys.excepthook = sys.excepthook, hook
        before = set(QgsProject.instance().mapLayers())
        alg = QgsApplication.processingRegistry().createAlgorithmById("clusteratlas:aggregatepostcodes")
        dialog = RecordingBatchDialog(alg)
        self._dialogs.append(dialog)
        try:
            rows = [{"MEMBERS": str(run / "members.gpkg"), "POSTCODES": str(run / "zones.gpkg"),
                     "POSTCODE_FIELD": "postcode", "CLUSTERS": cluster, "OUTPUT": str(out / f"zones_{i}.gpkg"),
                     "CIRCLES": str(out / f"circles_{i}.gpkg"), "UNMATCHED": str(out / f"unmatched_{i}.gpkg")}
                    for i, cluster in enumerate(("TWIST", "Infopôle cluster TIC"))]
            panel = dialog.mainWidget()
            panel.addRow(len(rows) - 1)
            context = dataobjects.createContext()
            for row, values in enumerate(rows):  # as BatchPanel.load() fills a saved batch
                for name, value in values.items():
                    column = panel.parameter_to_column[name]
                    if alg.parameterDefinition(name).isDestination():
                        panel.tblParameters.cellWidget(row + 1, column).setValue(value)  # row 0: "fill down"
                    else:
                        panel.wrappers[row][column].setParameterValue(value, context)
            panel.checkLoadLayersOnCompletion.setChecked(True)
            dialog.show()
            yield 300
            dialog.buttonBox().button(QDialogButtonBox.StandardButton.Ok).click()
            yield from _until(lambda: "results" in done, 120, "the batch to finish")
            yield 500
            record.update(finished=True, rows=len(done["results"]), failed_rows=len(done["errors"]))
            added = [QgsProject.instance().mapLayer(i) for i in set(QgsProject.instance().mapLayers()) - before]
            record["layers"] = []
            for layer in added:
                info = self._layer_info(layer)
                symbols = layer.renderer().symbols(QgsRenderContext()) if layer.renderer() else []
                sizes = [s.dataDefinedSize().asExpression() for s in symbols
                         if hasattr(s, "dataDefinedSize") and s.dataDefinedSize().isActive()]  # markers only
                info["size_expression"] = sizes[0] if sizes else ""
                record["layers"].append(info)
            self.shot(dialog, "batch_dialog.png")
        finally:
            sys.excepthook = previous_hook
            dialog.close()
            dialog.deleteLater()
            self._dialogs.remove(dialog)
        yield 100

    def _layer_info(self, layer):
        from qgis.core import QgsVectorLayer, QgsWkbTypes

        info = {"name": layer.name(), "id": layer.id(), "source": layer.source(), "provider": layer.providerType(),
                "valid": layer.isValid()}
        if isinstance(layer, QgsVectorLayer):
            info.update(geometry=QgsWkbTypes.geometryDisplayString(layer.geometryType()),
                        features=layer.featureCount(), renderer=_renderer_info(layer.renderer()))
        return info

    def canvas(self):
        from cluster_atlas import compat
        from qgis.core import QgsCoordinateTransform, QgsProject, QgsRectangle

        from qgis.utils import iface

        project = QgsProject.instance()
        root = project.layerTreeRoot()
        self.result["layers"] = [self._layer_info(node.layer()) for node in root.findLayers() if node.layer()]
        circles_path = str(self.run_dir / "circles.gpkg")
        circles = next((layer for layer in project.mapLayers().values()
                        if layer.source().split("|")[0] == circles_path), None)
        if circles is None:
            raise RuntimeError("the model's circles layer is not in the project")
        # Circles on top of the zones and the network, as on the atlas page.
        node = root.findLayer(circles.id())
        clone = node.clone()
        root.insertChildNode(0, clone)
        node.parent().removeChildNode(node)
        canvas = iface.mapCanvas()
        extent = QgsCoordinateTransform(circles.crs(), canvas.mapSettings().destinationCrs(),
                                        project).transformBoundingBox(circles.extent())
        extent.scale(1.15)
        refreshed = []
        canvas.mapCanvasRefreshed.connect(lambda: refreshed.append(time.monotonic()))
        canvas.setExtent(extent)
        canvas.refreshAllLayers()
        yield from _until(lambda: refreshed and not canvas.isDrawing(), 40, "the map canvas to render")
        yield 500
        if canvas.isDrawing():
            yield from _until(lambda: not canvas.isDrawing(), 20, "the map canvas to render")
        self.shot(canvas, "canvas.png")
        self.shot(iface.mainWindow(), "main_window.png")
        settings = canvas.mapSettings()
        to_pixel = canvas.getCoordinateTransform()
        to_canvas = QgsCoordinateTransform(circles.crs(), settings.destinationCrs(), project)
        points = []
        fields = circles.fields().names()
        for feature in circles.getFeatures():
            geometry = feature.geometry()
            if geometry.isNull() or geometry.type() != compat.GEOM_POINT:
                continue
            pixel = to_pixel.transform(to_canvas.transform(geometry.asPoint()))
            points.append({"pc_key": feature["pc_key"] if "pc_key" in fields else None,
                           "employment": feature["employment"] if "employment" in fields else None,
                           "px": [round(pixel.x(), 1), round(pixel.y(), 1)]})
        visible = QgsRectangle(settings.visibleExtent())
        self.result["canvas"] = {
            "size": [canvas.width(), canvas.height()],
            "dpi": settings.outputDpi(),
            "background": _colour(settings.backgroundColor()),
            "crs": settings.destinationCrs().authid(),
            "extent": [visible.xMinimum(), visible.yMinimum(), visible.xMaximum(), visible.yMaximum()],
            "map_units_per_pixel": settings.mapUnitsPerPixel(),
            "circles_layer": circles.name(),
            "circles": points,
            "layer_order": [layer.name() for layer in canvas.layers()],
            "rendered_after_s": round(refreshed[0] - self.started, 1) if refreshed else None,
        }


if __name__ == "__main__":
    sys.exit(main())
