"""Static check of every Python file: undefined names, unused imports and
variables, syntax errors (ruff's pyflakes rules), so dead or broken code
paths that no test reaches still fail the suite."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_no_undefined_names_or_unused_imports():
    proc = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--select", "F,E9",
                           "--exclude", ".venv,.build", str(ROOT)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
