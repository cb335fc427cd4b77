#!/usr/bin/env bash
# Idempotent set-up on Debian (bookworm: QGIS 3.22; also run inside the trixie/sid chroots of
# scripts/qgis_chroot.sh: QGIS 3.40/3.44), as root or with sudo available: apt packages for QGIS +
# pandas, a venv made from the system Python (so it sees PyQGIS), pinned test packages.
# A second run returns in ~1 s. CLUSTER_ATLAS_VENV=DIR puts the venv elsewhere (default .venv).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

APT_PACKAGES="qgis python3-qgis qgis-providers python3-pandas python3-openpyxl python3-odf python3-venv python3-scipy xvfb xauth gdal-bin poppler-utils qttools5-dev-tools"
# debootstrap builds the QGIS 3.40/3.44 chroots of the version matrix (scripts/qgis_chroot.sh); not in a chroot.
[ -n "${CLUSTER_ATLAS_IN_CHROOT:-}" ] || APT_PACKAGES="$APT_PACKAGES debootstrap"

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  # A minimal Debian has no sudo: say what to run instead of "sudo: command not found".
  command -v sudo >/dev/null || SUDO="missing-sudo"
  [ "$SUDO" = "missing-sudo" ] || SUDO="sudo"
fi

# PostGIS for tests/test_postgres.py: the system's own major version (15 in bookworm, 17 in trixie,
# 18 in sid): an installed one is kept, else the newest the archive offers.
POSTGIS="$(dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' 'postgresql-*-postgis-3' 2>/dev/null \
  | awk '$1 == "ii" {print $2}' | sort -V | tail -1)"
if [ -z "$POSTGIS" ]; then
  find_postgis() { apt-cache search --names-only '^postgresql-[0-9]+-postgis-3$' 2>/dev/null | cut -d' ' -f1 | sort -V | tail -1; }
  POSTGIS="$(find_postgis)"
  if [ -z "$POSTGIS" ] && [ "$SUDO" != "missing-sudo" ]; then $SUDO apt-get update -qq; POSTGIS="$(find_postgis)"; fi
fi
[ -n "$POSTGIS" ] && APT_PACKAGES="$APT_PACKAGES $POSTGIS"

missing=""
for p in $APT_PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "[setup] installing apt packages:$missing"
  if [ "$SUDO" = "missing-sudo" ]; then
    echo "[setup] error: not root and no sudo; as root run: apt-get install --no-install-recommends$missing" >&2; exit 1
  fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

VENV="${CLUSTER_ATLAS_VENV:-$ROOT/.venv}"
STAMP="$VENV/.requirements.sha"
want="$(sha1sum requirements-dev.txt | cut -d' ' -f1)"
if [ ! -x "$VENV/bin/python" ] || [ "$(cat "$STAMP" 2>/dev/null)" != "$want" ]; then
  echo "[setup] creating venv $VENV"
  /usr/bin/python3 -m venv --system-site-packages "$VENV"
  # The venv's pip trusts its own certifi bundle, not the system store: behind a TLS-inspecting
  # proxy give it the proxy's CA (PIP_CERT or "cert =" in /etc/pip.conf).
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -r requirements-dev.txt \
    || { echo "[setup] error: pip could not install requirements-dev.txt (network? proxy CA: set PIP_CERT)" >&2; exit 1; }
  echo "$want" > "$STAMP"
fi

# The plugin must load as a folder named cluster_atlas: a symlink to this checkout, relative so that
# it also holds where the checkout is mounted elsewhere (the QGIS chroots see it as /src/main).
mkdir -p "$ROOT/.build/plugins"
ln -sfn ../.. "$ROOT/.build/plugins/cluster_atlas"
"$VENV/bin/python" scripts/build_translations.py >/dev/null || echo "[setup] warning: translations not built"
echo "[setup] ok: $("$VENV/bin/python" -c 'from qgis.core import Qgis; print("QGIS", Qgis.QGIS_VERSION)' 2>/dev/null)"
