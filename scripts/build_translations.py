"""Build i18n/cluster_atlas_<lang>.qm from the message tables in i18n/<lang>/*.py.

Each module holds ``MESSAGES = {"English source as passed to tr()": "translation"}``.
We write a Qt Linguist .ts (context ``ClusterAtlas``) and compile it with
``lrelease`` (Debian package qttools5-dev-tools). Run by scripts/setup.sh and
scripts/package.py; the .ts/.qm files are build products.
"""
import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "i18n"


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


def write_ts(lang, messages, path):
    out = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>", f'<TS version="2.1" language="{lang}">',
           "<context>", "    <name>ClusterAtlas</name>"]
    for source, text in sorted(messages.items()):
        out += ["    <message>", f"        <source>{escape(source)}</source>",
                f"        <translation>{escape(text)}</translation>", "    </message>"]
    out += ["</context>", "</TS>", ""]
    path.write_text("\n".join(out), encoding="utf-8")


def lrelease():
    for candidate in ("lrelease", "/usr/lib/qt5/bin/lrelease", "lrelease-qt5", "lrelease6"):
        found = shutil.which(candidate) or (candidate if Path(candidate).exists() else None)
        if found:
            return found
    return None


def main():
    tool = lrelease()
    if tool is None:
        print("build_translations: lrelease not found (apt install qttools5-dev-tools); plugin stays English")
        return 0
    for lang_dir in sorted(p for p in I18N.iterdir() if p.is_dir() and not p.name.startswith("_")):
        lang = lang_dir.name
        messages = load_messages(lang)
        ts = I18N / f"cluster_atlas_{lang}.ts"
        write_ts(lang, messages, ts)
        qm = I18N / f"cluster_atlas_{lang}.qm"
        subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)
        print(f"build_translations: {qm.name} ({len(messages)} messages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
