"""Build i18n/cluster_atlas_<lang>.ts and .qm from the message tables in i18n/<lang>/*.py.

Each module holds ``MESSAGES = {"English source as passed to tr()": "translation"}``.
We write a Qt Linguist .ts (context ``ClusterAtlas``, messages sorted, so the
same tables always give the same file) and compile it with ``lrelease``
(Debian package qttools5-dev-tools). Both files are committed: a git checkout
or the plugin ZIP is translated without running this script. Run it after
changing i18n/<lang>/*.py and commit the two files it rewrites
(tests/test_i18n.py fails while they are stale).

    python scripts/build_translations.py            # rewrite i18n/*.ts, *.qm
    python scripts/build_translations.py --out DIR  # build into DIR (the staleness test)

A .qm is rewritten only when it no longer translates the tables: another
lrelease version may write other bytes for the same messages, and rebuilding
(scripts/setup.sh does) must not dirty the checkout for nothing.
"""
import argparse
import importlib.util
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "i18n"
CONTEXT = "ClusterAtlas"


def languages():
    return sorted(p.name for p in I18N.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))


def load_messages(lang):
    messages = {}
    for path in sorted((I18N / lang).glob("*.py")):
        if path.name == "__init__.py":
            continue
        spec = importlib.util.spec_from_file_location(f"i18n_{lang}_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for source, text in module.MESSAGES.items():
            if source in messages and messages[source] != text:
                raise SystemExit(f"{path}: conflicting translation for {source!r}")
            messages[source] = text
    return messages


def ts_text(lang, messages):
    """The .ts file (Qt Linguist 2.1 format) of one language, as text."""
    out = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>", f'<TS version="2.1" language="{lang}">',
           "<context>", f"    <name>{CONTEXT}</name>"]
    for source, text in sorted(messages.items()):
        out += ["    <message>", f"        <source>{escape(source)}</source>",
                f"        <translation>{escape(text)}</translation>", "    </message>"]
    out += ["</context>", "</TS>", ""]
    return "\n".join(out)


def lrelease():
    for candidate in ("lrelease", "/usr/lib/qt5/bin/lrelease", "lrelease-qt5", "lrelease6",
                      "/usr/lib/qt6/bin/lrelease"):
        found = shutil.which(candidate) or (candidate if Path(candidate).exists() else None)
        if found:
            return found
    return None


def untranslated(qm_path, messages):
    """Sources the compiled catalogue ``qm_path`` does not translate as ``messages`` say
    (all of them when it cannot be loaded)."""
    from qgis.PyQt.QtCore import QTranslator

    translator = QTranslator()
    if not Path(qm_path).is_file() or not translator.load(str(qm_path)):
        return sorted(messages)
    return sorted(s for s, t in messages.items() if translate(translator, s) != t)


def translate(translator, source):
    """``translator.translate`` of one source (PyQt5 takes the char* source as ASCII
    str only: other text goes as UTF-8 bytes, the encoding of the catalogue)."""
    try:
        return translator.translate(CONTEXT, source)
    except UnicodeEncodeError:
        return translator.translate(CONTEXT.encode(), source.encode("utf-8"))


def build(out_dir=None, tool=None):
    """Write <out_dir>/cluster_atlas_<lang>.ts and .qm for every language; returns the
    paths written. ``out_dir`` defaults to i18n/, where the plugin loads them from."""
    out_dir = Path(out_dir or I18N)
    tool = tool or lrelease()
    written = []
    for lang in languages():
        messages = load_messages(lang)
        ts = out_dir / f"cluster_atlas_{lang}.ts"
        text = ts_text(lang, messages)
        if not ts.is_file() or ts.read_text(encoding="utf-8") != text:
            ts.write_text(text, encoding="utf-8")
            written.append(ts)
        if tool is None:
            print("build_translations: lrelease not found (apt install qttools5-dev-tools); "
                  f"{ts.name} written, the .qm left as it is")
            continue
        qm = out_dir / f"cluster_atlas_{lang}.qm"
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / qm.name
            subprocess.run([tool, "-silent", str(ts), "-qm", str(fresh)], check=True)
            if not qm.is_file() or (fresh.read_bytes() != qm.read_bytes() and untranslated(qm, messages)):
                shutil.copyfile(fresh, qm)
                written.append(qm)
        print(f"build_translations: {qm.name} ({len(messages)} messages)")
    return written


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", help="directory to write into (default: i18n/ of the plugin)")
    args = parser.parse_args(argv)
    if args.out:
        Path(args.out).mkdir(parents=True, exist_ok=True)
    for path in build(args.out):
        print(f"build_translations: wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
