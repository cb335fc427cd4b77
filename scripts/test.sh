#!/usr/bin/env bash
# The test suite, set-up included, on every supported QGIS (what CI runs: .ci/run):
#   bash scripts/test.sh                      QGIS 3.22 (this Debian's), then 3.40 and 3.44 (chroots)
#   bash scripts/test.sh --qgis 3.40 [args]   one version (3.22, 3.40 or 3.44)
#   bash scripts/test.sh [args]               pytest arguments, on every version
#                                             (e.g. -m "not slow", or a test file)
# The chroots (Debian trixie: QGIS 3.40, sid: QGIS 3.44) are built by scripts/qgis_chroot.sh on first
# use and cached outside the checkout (needs root). Exit status: non-zero when any version fails.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VERSIONS="3.22 3.40 3.44"
if [ "${1:-}" = "--qgis" ]; then
  [ $# -ge 2 ] || { echo "usage: $0 [--qgis 3.22|3.40|3.44] [pytest args]" >&2; exit 2; }
  VERSIONS="$2"; shift 2
  case "$VERSIONS" in 3.22|3.40|3.44) ;; *) echo "[test] unknown QGIS version '$VERSIONS' (3.22, 3.40 or 3.44)" >&2; exit 2 ;; esac
fi
LOGS="$ROOT/.build/test-logs"
mkdir -p "$LOGS"

host_suite() {  # QGIS 3.22, this machine's own
  bash "$ROOT/scripts/setup.sh" || return 1
  cd "$ROOT" || return 1
  export QT_QPA_PLATFORM=offscreen
  export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-/tmp/runtime-$(id -u)}"
  mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
  "${CLUSTER_ATLAS_VENV:-$ROOT/.venv}/bin/python" -m pytest "$@"
}

# Inside a chroot (or with CLUSTER_ATLAS_VENV set by it) this script is the plain host suite.
if [ -n "${CLUSTER_ATLAS_IN_CHROOT:-}" ]; then
  host_suite "$@"
  exit $?
fi

# Build the chroots in the background while the 3.22 suite runs (mostly download and unpacking),
# once the host's own set-up (apt, debootstrap included) is done: apt must not run twice at once.
if [ "$VERSIONS" != "3.22" ]; then
  bash "$ROOT/scripts/setup.sh" || { echo "[test] host set-up failed" >&2; exit 1; }
fi
declare -A BUILD_PID
for v in $VERSIONS; do
  [ "$v" = "3.22" ] && continue
  bash "$ROOT/scripts/qgis_chroot.sh" setup "$v" >"$LOGS/setup-$v.log" 2>&1 &
  BUILD_PID[$v]=$!
done

declare -A STATUS SUMMARY
total_passed=0; total_failed=0
for v in $VERSIONS; do
  echo "[test] ===== QGIS $v ====="
  start=$SECONDS
  if [ "$v" = "3.22" ]; then
    host_suite "$@" 2>&1 | tee "$LOGS/suite-$v.log"
    rc=${PIPESTATUS[0]}
  else
    if ! wait "${BUILD_PID[$v]}"; then
      cat "$LOGS/setup-$v.log" >&2
      echo "[test] QGIS $v: the chroot could not be built (log above)" >&2
      STATUS[$v]=1; SUMMARY[$v]="set-up failed"; total_failed=$((total_failed + 1)); continue
    fi
    cat "$LOGS/setup-$v.log"
    bash "$ROOT/scripts/qgis_chroot.sh" test "$v" "$@" 2>&1 | tee "$LOGS/suite-$v.log"
    rc=${PIPESTATUS[0]}
  fi
  # pytest's closing line, e.g. "3 failed, 380 passed, 1 skipped in 180.37s (0:03:00)"
  line="$(grep -aE '^(=+ )?([0-9]+ (passed|failed|errors?|skipped|deselected|xfailed|xpassed|warnings?)(, )?)+ in |no tests ran' \
          "$LOGS/suite-$v.log" | tail -1 | sed 's/=//g; s/^ *//; s/ *$//')"
  passed="$(grep -oE '[0-9]+ passed' <<<"$line" | awk '{s += $1} END {print s + 0}')"
  failed="$(grep -oE '[0-9]+ (failed|errors?)' <<<"$line" | awk '{s += $1} END {print s + 0}')"
  [ "$rc" -ne 0 ] && [ "${failed:-0}" -eq 0 ] && failed=1  # a crash or set-up error counts
  total_passed=$((total_passed + ${passed:-0})); total_failed=$((total_failed + ${failed:-0}))
  STATUS[$v]=$rc; SUMMARY[$v]="${line:-no summary (exit $rc)} [$((SECONDS - start)) s]"
done

echo "[test] ===== summary ====="
worst=0
for v in $VERSIONS; do
  echo "[test] QGIS $v: ${SUMMARY[$v]}"
  [ "${STATUS[$v]}" -ne 0 ] && worst=1
done
echo "matrix: $total_passed passed, $total_failed failed"
exit $worst
