#!/usr/bin/env bash
# Demo, set-up included: lists the Cluster Atlas algorithms through qgis_process.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/setup.sh"
"$ROOT/scripts/qgis_process" list 2>/dev/null | sed -n '/^Cluster Atlas/,/^$/p'
