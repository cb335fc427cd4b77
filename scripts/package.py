"""Build dist/cluster_atlas-<version>.zip for "Install from ZIP" / plugins.qgis.org.

The zip holds one folder, ``cluster_atlas/``, with the files git tracks that
the plugin needs at run time (no tests, benches, scripts, CI, docs sources,
caches). The compiled translations (i18n/*.qm) are committed and ship; the
build below only brings them up to date when i18n/ changed (it rewrites
nothing otherwise), and their .ts/.py sources stay out of the ZIP.
"""
import configparser
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "cluster_atlas"
# Top-level entries that never ship.
EXCLUDED_TOP = {"tests", "bench", "scripts", ".ci", "docs", "sample_data", ".gitignore", "pytest.ini",
                "requirements-dev.txt", "conftest.py"}
EXCLUDED_SUFFIXES = {".pyc", ".ts"}


def version():
    parser = configparser.ConfigParser()
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    return parser["general"]["version"]


def shipped_files():
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, check=True, capture_output=True, text=True).stdout.split()
    files = []
    for rel in tracked:
        parts = Path(rel).parts
        if parts[0] in EXCLUDED_TOP or Path(rel).suffix in EXCLUDED_SUFFIXES or "__pycache__" in parts:
            continue
        if parts[0] == "i18n" and rel.endswith(".py"):
            continue  # translation sources; the compiled .qm ships instead
        files.append(rel)
    files += [str(p.relative_to(ROOT)) for p in sorted((ROOT / "i18n").glob("*.qm"))]
    return sorted(set(files))


def build(out_dir=None):
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_translations.py")], check=True)
    out_dir = Path(out_dir or ROOT / "dist")
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{PACKAGE}-{version()}.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for rel in shipped_files():
            archive.write(ROOT / rel, f"{PACKAGE}/{rel}")
    return target


if __name__ == "__main__":
    print(build(sys.argv[1] if len(sys.argv) > 1 else None))
