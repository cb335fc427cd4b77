#!/usr/bin/env bash
# Demo, set-up included: the whole Cluster Atlas chain on the bundled sample data
# (sample_data/, written by the project), headless through qgis_process:
#   import members -> postal zones -> aggregate per postal code -> network overlay
#   -> atlas page (PDF + PNG, all clusters; PDF with one page per cluster).
# Outputs go to demo_output/ (git-ignored; DEMO_OUTPUT=dir to change).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/setup.sh"
QP="$ROOT/scripts/qgis_process"
S="$ROOT/sample_data"
OUT="${DEMO_OUTPUT:-$ROOT/demo_output}"
mkdir -p "$OUT"
rm -f "$OUT"/*.gpkg "$OUT"/atlas_page*.png "$OUT"/atlas_*.pdf
run() { echo "[demo] $1"; "$QP" run "clusteratlas:$1" -- "${@:2}" >"$OUT/$1.log" 2>&1 || { cat "$OUT/$1.log"; exit 1; }; }

# The atlas method eliminates entities whose headcount is not relevant (a whole
# university): here with an employment ceiling of 3,000 per entity and cluster.
run importmembers INPUT="$S/members.csv" EMPLOYMENT_CEILING=3000 OUTPUT="$OUT/members.gpkg" REJECTED="$OUT/members_rejected.gpkg"
POINTS="$S/postcode_points.gpkg|layername=postcode_points"
WALLONIA="$S/boundaries.gpkg|layername=wallonia"
BELGIUM="$S/boundaries.gpkg|layername=belgium"
NETWORK="$S/network_illustrative.gpkg|layername=network"

run postcodezones POINTS="$POINTS" POSTCODE_FIELD=postcode BOUNDARY="$BELGIUM" OUTPUT="$OUT/zones.gpkg" REPORT="$OUT/zones_report.gpkg"
run aggregatepostcodes MEMBERS="$OUT/members.gpkg" POSTCODES="$OUT/zones.gpkg" POSTCODE_FIELD=postcode \
  OUTPUT="$OUT/aggregate_zones.gpkg" CIRCLES="$OUT/circles.gpkg" UNMATCHED="$OUT/unmatched.gpkg"
FIELD_MAP="$(sed -n 's/^FIELD_MAP:[[:space:]]*//p' "$OUT/aggregatepostcodes.log" | tail -1)"
run networkoverlay ZONES="$OUT/aggregate_zones.gpkg" EMPLOYMENT_FIELD=employment NETWORK="$NETWORK" CLASS_FIELD=class \
  OUTPUT="$OUT/network_zones.gpkg" SUMMARY="$OUT/network_summary.gpkg" REPORT="$OUT/network_report.html"

COMMON=(CIRCLES="$OUT/circles.gpkg" NETWORK="$NETWORK" NETWORK_SUMMARY="$OUT/network_summary.gpkg" ZONES="$OUT/aggregate_zones.gpkg" BOUNDARY="$WALLONIA"
  BACKDROP="$BELGIUM" "FIELD_MAP=$FIELD_MAP" "TITLE=Les clusters technologiques (données de démonstration)"
  "SPATIAL_LEVEL=Code postal"
  "METHOD=Pour chaque cluster, emploi de l'ensemble des entreprises, centres de recherche et centres de formation membres, agrégé par code postal (une entité comptée une fois par cluster). Surface des cercles proportionnelle à l'emploi."
  "DATA_USED=Effectif des entités membres (table de démonstration)."
  "SOURCES=Table de démonstration écrite par le projet Cluster Atlas ; points des codes postaux : mathiasleroy/belgium-geographic-data (MIT) ; limites : Statbel 2011 (CC-BY 2.0)."
  "AUTHORS=Cluster Atlas (démo)"
  "CREDITS=Fonds : (c) Statbel 2011, CC-BY 2.0. Réseau cuivre/fibre ILLUSTRATIF, pas un réseau réel.")
run exportatlasmap "${COMMON[@]}" "MAP_NUMBER=Carte 1" DPI=150 OUTPUT="$OUT/atlas_page.pdf"
run exportatlasmap "${COMMON[@]}" "MAP_NUMBER=Carte 1" DPI=150 OUTPUT="$OUT/atlas_page.png"
run exportatlasmap "${COMMON[@]}" "MAP_NUMBER=Cartes 2" PER_CLUSTER=true DPI=150 OUTPUT="$OUT/atlas_per_cluster.pdf"

result() { sed -n "s/^$2:[[:space:]]*//p" "$OUT/$1.log" | tail -1; }
echo
echo "[demo] what was measured (every row and unit of employment accounted for):"
echo "  import:    $(result importmembers ROWS_READ) rows -> $(result importmembers MEMBERSHIPS) memberships," \
     "$(result importmembers REJECTED_COUNT) rejected $(result importmembers REJECTED_BY_RULE);" \
     "employment $(result importmembers EMPLOYMENT_IN) = $(result importmembers EMPLOYMENT_OUT) kept + $(result importmembers EMPLOYMENT_EXCLUDED) rejected"
echo "  aggregate: employment $(result aggregatepostcodes EMPLOYMENT_TOTAL) (each entity once) =" \
     "$(result aggregatepostcodes EMPLOYMENT_MATCHED) in $(result aggregatepostcodes ZONES) zones + $(result aggregatepostcodes EMPLOYMENT_UNMATCHED) unmatched (see unmatched.gpkg)"
echo "  network:   Spearman rho (employment density vs network density) = $(result networkoverlay SPEARMAN_RHO), n = $(result networkoverlay SPEARMAN_N)"
grep -E "^total: within" "$OUT/networkoverlay.log" | sed 's/^/             /' || true
echo "  report:    $OUT/network_report.html"
echo "[demo] done. Files in $OUT:"
ls -1 "$OUT"/atlas_page.pdf "$OUT"/atlas_page.png "$OUT"/atlas_per_cluster.pdf "$OUT"/*.gpkg
