#!/usr/bin/env bash
# The test suite, set-up included: bash scripts/test.sh [pytest args]
# (e.g. -m "not slow" for a quick run, or a test file).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/setup.sh"
cd "$ROOT"
export QT_QPA_PLATFORM=offscreen
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-/tmp/runtime-$(id -u)}"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
exec "${CLUSTER_ATLAS_VENV:-$ROOT/.venv}/bin/python" -m pytest "$@"
