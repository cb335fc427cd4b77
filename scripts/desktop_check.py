"""Start the real QGIS desktop under xvfb-run with the packaged plugin.

    .venv/bin/python scripts/desktop_check.py [--out DIR] [--zip dist/cluster_atlas-x.y.z.zip]

Builds the zip (unless given), unpacks it into a throw-away profile exactly as
"Install from ZIP" does, enables the plugin, starts ``qgis`` under
``xvfb-run``; a start-up script (``--code``) checks that the ``clusteratlas``
provider and its algorithms are registered, opens the Processing toolbox
filtered on "Cluster Atlas", saves a screenshot and quits. Writes
``result.json`` and ``desktop.png`` in the output folder; exits non-zero when
the provider is missing.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

STARTUP = r'''
import json, traceback
from qgis.core import QgsApplication
from qgis.utils import iface
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QDockWidget, QTreeView

OUT = {out!r}

def finish():
    result = {{}}
    try:
        import qgis.utils
        result["plugin_loaded"] = "cluster_atlas" in qgis.utils.plugins
        provider = QgsApplication.processingRegistry().providerById("clusteratlas")
        result["provider"] = provider.name() if provider else None
        result["algorithms"] = sorted(a.id() for a in provider.algorithms()) if provider else []
        dock = iface.mainWindow().findChild(QDockWidget, "ProcessingToolbox")
        if dock is not None:
            dock.show(); dock.raise_()
            # Collapse every provider but ours, which is expanded and scrolled to.
            for tree in dock.findChildren(QTreeView):
                model = tree.model()
                for row in range(model.rowCount()):
                    index = model.index(row, 0)
                    if model.data(index) == "Cluster Atlas":
                        tree.expandRecursively(index)
                        tree.scrollTo(index, QTreeView.PositionAtTop)
                        result["toolbox_entries"] = [model.data(model.index(r, 0, index)) for r in range(model.rowCount(index))]
                    else:
                        tree.collapse(index)
        result["toolbox_found"] = dock is not None
        QApplication.processEvents()
        iface.mainWindow().grab().save(OUT + "/desktop.png")
    except Exception:
        result["error"] = traceback.format_exc()
    with open(OUT + "/result.json", "w") as fh:
        json.dump(result, fh, indent=2)
    QgsApplication.exit(0)

QTimer.singleShot(8000, finish)
'''


def main(argv=None):
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=ROOT / ".build" / "desktop_check")
    parser.add_argument("--zip", type=Path, default=None)
    parser.add_argument("--timeout", type=int, default=110)
    parser.add_argument("--locale", default="en", help="QGIS user locale of the profile (e.g. fr)")
    args = parser.parse_args(argv)
    out = args.out.resolve()
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    if args.zip is None:
        import package

        args.zip = package.build(out / "dist")
    profiles = Path(tempfile.mkdtemp(prefix="clusteratlas-profile-"))
    plugin_dir = profiles / "profiles" / "default" / "python" / "plugins"
    plugin_dir.mkdir(parents=True)
    with zipfile.ZipFile(args.zip) as archive:
        archive.extractall(plugin_dir)
    ini = profiles / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True)
    ini.write_text("[PythonPlugins]\ncluster_atlas=true\nprocessing=true\n"
                   "[qgis]\nshowTips=false\ncheckVersion=false\n[UI]\nhidebrowser=true\n"
                   f"[locale]\noverrideFlag=true\nuserLocale={args.locale}\nglobalLocale={args.locale}\n")
    startup = out / "startup.py"
    startup.write_text(STARTUP.format(out=str(out)))
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)  # a real X server (Xvfb) this time
    env.setdefault("XDG_RUNTIME_DIR", f"/tmp/runtime-{os.getuid()}")
    cmd = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "qgis", "--profiles-path", str(profiles),
           "--nologo", "--noversioncheck", "--code", str(startup)]
    try:
        proc = subprocess.run(cmd, env=env, timeout=args.timeout, capture_output=True, text=True)
        log = proc.stdout + proc.stderr
    except subprocess.TimeoutExpired as exc:
        log = f"timeout after {args.timeout}s\n{exc.stdout or ''}{exc.stderr or ''}"
    (out / "qgis.log").write_text(log if isinstance(log, str) else str(log))
    shutil.rmtree(profiles, ignore_errors=True)
    result_file = out / "result.json"
    if not result_file.exists():
        print(f"desktop check: no result (see {out / 'qgis.log'})")
        return 1
    result = json.loads(result_file.read_text())
    print(json.dumps(result, indent=2))
    ok = bool(result.get("provider") == "Cluster Atlas" and result.get("plugin_loaded") and result.get("toolbox_entries"))
    print(f"desktop check: {'OK' if ok else 'FAILED'}; screenshot {out / 'desktop.png'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
