#!/usr/bin/env bash
# A newer QGIS for the version matrix: Debian trixie (QGIS 3.40) or sid (QGIS 3.44) in a chroot.
#
#   bash scripts/qgis_chroot.sh setup  3.40|3.44      build (or refresh) the chroot; idempotent
#   bash scripts/qgis_chroot.sh run    3.40|3.44 CMD  run CMD in it, from this checkout (as /src/main)
#   bash scripts/qgis_chroot.sh test   3.40|3.44 [pytest args]   the test suite there
#
# The chroots live in $CLUSTER_ATLAS_CHROOTS (default /var/cache/cluster_atlas/chroots), outside the
# checkout, so a fresh clone on the same machine reuses them. Needs root (debootstrap, mounts).
# Building one takes about 3-4 min and 2.8 GB; a second `setup` returns in a second.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="$(cd "$ROOT/.." && pwd)/shared"
CACHE="${CLUSTER_ATLAS_CHROOTS:-/var/cache/cluster_atlas/chroots}"

usage() { echo "usage: $0 setup|run|test 3.40|3.44 [...]" >&2; exit 2; }
[ $# -ge 2 ] || usage
action="$1"; version="$2"; shift 2
case "$version" in
  3.40) suite=trixie ;;
  3.44) suite=sid ;;
  *) echo "[chroot] error: unknown QGIS version '$version' (3.40 = Debian trixie, 3.44 = Debian sid)" >&2; exit 2 ;;
esac
DIR="$CACHE/$suite"
# Bump when the package list or the chroot's configuration below changes: a stale chroot is rebuilt.
RECIPE=3
# python3-scipy: an oracle of tests/test_network_stats.py (sid does not pull it in).
PACKAGES="qgis python3-qgis qgis-providers python3-pandas python3-openpyxl python3-odf python3-venv python3-pip
  xvfb xauth gdal-bin poppler-utils git qttools5-dev-tools ca-certificates locales python3-scipy"

[ "$(id -u)" -eq 0 ] || { echo "[chroot] error: needs root (debootstrap and bind mounts)" >&2; exit 1; }
# Every run in a private mount namespace: its bind mounts are seen by no other process and vanish
# with it, so runs side by side (two versions, or two test files) never unmount each other's.
if [ -z "${CLUSTER_ATLAS_MOUNT_NS:-}" ]; then
  CLUSTER_ATLAS_MOUNT_NS=1 exec unshare --mount --propagation private -- bash "$0" "$action" "$version" "$@"
fi

in_chroot() {  # in_chroot CMD...: run in the chroot with a clean environment (no host PIP_CERT etc.)
  chroot "$DIR" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    HOME=/root LANG=C.UTF-8 LC_ALL=C.UTF-8 DEBIAN_FRONTEND=noninteractive CI="${CI:-}" "$@"
}

mounted() { mountpoint -q "$1"; }
mount_all() {
  mkdir -p "$DIR/proc" "$DIR/sys" "$DIR/dev" "$DIR/src/main" "$DIR/src/shared"
  mounted "$DIR/proc" || mount -t proc proc "$DIR/proc"
  mounted "$DIR/sys" || mount --rbind /sys "$DIR/sys"
  mounted "$DIR/dev" || mount --rbind /dev "$DIR/dev"
  # The checkout and ../shared at the same relative places (real folders, not symlinks).
  mounted "$DIR/src/main" || mount --bind "$ROOT" "$DIR/src/main"
  if [ -d "$SHARED" ]; then
    mounted "$DIR/src/shared" || mount --bind "$(readlink -f "$SHARED")" "$DIR/src/shared"
  fi
}
umount_all() {  # before moving or deleting a chroot (the namespace drops them anyway at exit)
  for m in src/shared src/main dev sys proc; do
    if mounted "$DIR/$m"; then umount -R "$DIR/$m" 2>/dev/null || umount -lR "$DIR/$m" 2>/dev/null || true; fi
  done
}

setup() {
  if [ -f "$DIR/.cluster_atlas_recipe" ] && [ "$(cat "$DIR/.cluster_atlas_recipe")" = "$RECIPE" ]; then
    # A package added to PACKAGES since the chroot was built is installed into it, no rebuild.
    local missing="" p
    for p in $PACKAGES; do
      chroot "$DIR" dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
    done
    if [ -n "$missing" ]; then
      echo "[chroot] $suite: installing$missing"
      mount_all
      # shellcheck disable=SC2086
      { in_chroot apt-get update -qq && in_chroot apt-get install -y -qq --no-install-recommends $missing; } \
        >>"$CACHE/$suite.apt.log" 2>&1 || { echo "[chroot] error: apt-get install$missing failed in $suite, see $CACHE/$suite.apt.log" >&2; exit 1; }
      in_chroot apt-get clean
    fi
    echo "[chroot] $suite ok: $(cat "$DIR/.cluster_atlas_qgis" 2>/dev/null)"
    return 0
  fi
  command -v debootstrap >/dev/null || {
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null; }
  umount_all
  rm -rf "$DIR"; mkdir -p "$CACHE"
  local tmp="$DIR.partial"
  if [ -d "$tmp" ]; then (DIR="$tmp"; umount_all); rm -rf "$tmp"; fi
  echo "[chroot] debootstrap $suite (about 1 min)"
  debootstrap --variant=minbase "$suite" "$tmp" >"$CACHE/$suite.debootstrap.log" 2>&1 \
    || { echo "[chroot] error: debootstrap $suite failed, see $CACHE/$suite.debootstrap.log" >&2; tail -5 "$CACHE/$suite.debootstrap.log" >&2; exit 1; }
  # sid's index may be past its Valid-Until on the archive; services must not start in a chroot.
  echo 'Acquire::Check-Valid-Until "false";' > "$tmp/etc/apt/apt.conf.d/99-no-valid-until"
  printf '#!/bin/sh\nexit 101\n' > "$tmp/usr/sbin/policy-rc.d"; chmod +x "$tmp/usr/sbin/policy-rc.d"
  cp -L /etc/resolv.conf "$tmp/etc/resolv.conf" 2>/dev/null || true
  # pip inside the chroot trusts the host's CA bundle (a TLS-inspecting proxy's CA is in it).
  if [ -f /etc/ssl/certs/ca-certificates.crt ]; then
    mkdir -p "$tmp/etc/cluster_atlas"; cp /etc/ssl/certs/ca-certificates.crt "$tmp/etc/cluster_atlas/host-ca.crt"
    printf '[global]\ncert = /etc/cluster_atlas/host-ca.crt\n' > "$tmp/etc/pip.conf"
  fi
  mv "$tmp" "$DIR"
  mount_all
  echo "[chroot] installing QGIS in $suite (about 3 min)"
  in_chroot apt-get update -qq
  # shellcheck disable=SC2086
  in_chroot apt-get install -y -qq --no-install-recommends $PACKAGES >"$CACHE/$suite.apt.log" 2>&1 \
    || { echo "[chroot] error: apt-get install in $suite failed, see $CACHE/$suite.apt.log" >&2; tail -5 "$CACHE/$suite.apt.log" >&2; exit 1; }
  # The PostGIS of this suite (postgresql-17-postgis-3 in trixie, 18 in sid): found, not hard-coded.
  local postgis
  postgis="$(in_chroot apt-cache search --names-only '^postgresql-[0-9]+-postgis-3$' | cut -d' ' -f1 | sort -V | tail -1)"
  [ -n "$postgis" ] && in_chroot apt-get install -y -qq --no-install-recommends "$postgis" >>"$CACHE/$suite.apt.log" 2>&1
  in_chroot apt-get clean
  in_chroot python3 -c 'from qgis.core import Qgis; print("QGIS", Qgis.QGIS_VERSION)' > "$DIR/.cluster_atlas_qgis"
  echo "$RECIPE" > "$DIR/.cluster_atlas_recipe"
  echo "[chroot] $suite ready: $(cat "$DIR/.cluster_atlas_qgis")"
}

run() {
  [ -f "$DIR/.cluster_atlas_recipe" ] || setup
  mount_all
  # The chroot's own venv (its Python differs from the host's) and qgis_process profile: outside the checkout.
  in_chroot /usr/bin/env CLUSTER_ATLAS_VENV=/opt/cluster_atlas_venv CLUSTER_ATLAS_PROFILE=/opt/cluster_atlas_qgis_profile \
    CLUSTER_ATLAS_IN_CHROOT=1 bash -c 'cd /src/main && "$@"' run "$@"
}

case "$action" in
  setup) setup ;;
  run) [ $# -ge 1 ] || usage; run "$@" ;;
  test) run bash scripts/test.sh "$@" ;;
  *) usage ;;
esac
