"""Writes the bundled demo data of sample_data/ (see README.md there).

    python sample_data/make_sample_data.py   # needs ogr2ogr and ../shared/data
    python sample_data/make_sample_data.py --members-only   # members.csv alone

Run once by the project; the outputs are committed, the demo never fetches data.
The member table is written by the project (fictitious entities, realistic
headcounts, real Walloon and Brussels postal codes).
"""
import csv
import json
import random
import subprocess
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared" / "data"

# cluster -> list of (postcode, weight): where its members sit, following the
# spatial readings of the atlas (ICT on the Brussels-Namur axis and Liège suburbs,
# logistics along the Walloon axis and the south-east, ...).
CLUSTERS = {
    "Infopôle cluster TIC": ["1348", "1348", "1300", "1342", "1435", "1400", "1410", "1370", "1480",
                             "5000", "5030", "5100", "4000", "4031", "4102", "4460", "1000", "1050", "1200", "7000"],
    "TWIST": ["4000", "4020", "4040", "1348", "7000", "1000", "5000", "4031", "6041"],
    "Logistique en Wallonie": ["7000", "7100", "6000", "6041", "5060", "5300", "4460", "4430", "6700", "6900", "7500"],
    "Éco-construction": ["1348", "5000", "6031", "6220", "7500", "4800", "5030", "1300"],
}
KINDS = [("Entreprise", 0.78, (3, 420)), ("Centre de R&D", 0.08, (20, 260)),
         ("Centre de formation", 0.08, (5, 60)), ("Entité publique", 0.06, (10, 120))]
PREFIX = {"Entreprise": ["Soft", "Data", "Net", "Log", "Bati", "Eco", "Trans", "Digi", "Web", "Cloud"],
          "Centre de R&D": ["Centre de recherche", "Laboratoire", "Institut"],
          "Centre de formation": ["Centre de compétence", "Formation", "Ecole"],
          "Entité publique": ["Agence", "Intercommunale", "Service public"]}
SUFFIX = ["Wallonie", "Meuse", "Sambre", "Ardenne", "Brabant", "Hainaut", "Condroz", "Famenne", "Hesbaye", "Mosane"]


def members():
    rng = random.Random(2011)
    rows = []
    n_per = [30, 14, 20, 16]
    for (cluster, codes), count in zip(CLUSTERS.items(), n_per):
        for i in range(count):
            r = rng.random()
            acc = 0.0
            for kind, share, (lo, hi) in KINDS:
                acc += share
                if r <= acc:
                    break
            # Headcounts are skewed: many small firms, a few large ones.
            employment = int(round(lo + (hi - lo) * rng.random() ** 3))
            name = "{} {} {}".format(rng.choice(PREFIX[kind]), rng.choice(SUFFIX), chr(65 + i % 26) + str(i // 26 + 1))
            rows.append([name, cluster, kind, rng.choice(codes), str(employment)])
    # Entities in two clusters (ICT and TWIST share members, as the atlas says).
    for row in [r for r in rows if r[1] == "Infopôle cluster TIC"][:4]:
        rows.append([row[0], "TWIST", row[2], row[3], row[4]])
    return rows + messy_rows(rows)


def messy_rows(rows):
    """Rows as real member lists have them, so the demo shows every rule at work
    (normalised, estimated, unknown, rejected, excluded, unmatched), each once."""
    first = rows[0]
    return [
        ["Softcom Brabant", "Infopôle cluster TIC; TWIST", "Entreprise", "B-1348", "1 250"],  # 2 clusters, thousands
        ["Datanet Hesbaye", "Infopôle cluster TIC", "bedrijf", "BE 4000", "10-19"],  # Dutch kind, size class
        ["Cloudlab Meuse", "Infopôle cluster TIC", "Company", "5000.0", "n.c."],  # unknown employment (kept, NULL)
        ["Trans Lux Logistics", "Logistique en Wallonie", "Entreprise", "L-4365", "85"],  # Luxembourg partner
        ["Digi Sambre", "Éco-construction", "Entreprise", "13480", "12"],  # invalid Belgian code -> rejected
        [first[0], first[1], first[2], first[3], first[4]],  # listed twice in one cluster -> duplicate
        ["Université de Liège (ensemble)", "Infopôle cluster TIC", "Université", "4000", "5600"],  # excluded (ceiling)
        ["Centre de recherche Ardenne Z9", "Éco-construction", "onderzoekscentrum", "6700", "12,5"],  # FTE, Dutch kind
    ]


def write_members(rows):
    with open(HERE / "members.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["Nom", "Cluster(s)", "Type", "Code postal", "Effectif"])
        writer.writerows(rows)


def main():
    rows = members()
    write_members(rows)
    codes = sorted({c for cs in CLUSTERS.values() for c in cs})
    where = "postcode IN ({})".format(",".join("'{}'".format(c) for c in codes))
    subprocess.run(["ogr2ogr", "-overwrite", "-f", "GPKG", str(HERE / "postcode_points.gpkg"),
                    str(SHARED / "be_postcode_points.gpkg"), "-where", where, "-nln", "postcode_points"], check=True)
    boundary = HERE / "boundaries.gpkg"
    for layer, out in (("wallonia_region", "wallonia"), ("belgium", "belgium")):
        subprocess.run(["ogr2ogr", "-f", "GPKG", "-update", "-overwrite", str(boundary), str(SHARED / "be_admin_2011.gpkg"),
                        layer, "-nln", out, "-t_srs", "EPSG:31370", "-simplify", "0.004", "-select", ""], check=True)
    network(codes)
    print("wrote", len(rows), "member rows,", len(codes), "postal codes")


def network(codes):
    """Illustrative copper/fibre lines joining the demo postal-code points (NOT a real network)."""
    out = subprocess.run(["ogr2ogr", "-f", "CSV", "/vsistdout/", str(HERE / "postcode_points.gpkg"), "-lco", "GEOMETRY=AS_XY"],
                         check=True, capture_output=True, text=True).stdout
    xy = {r["postcode"]: (float(r["X"]), float(r["Y"])) for r in csv.DictReader(out.splitlines())}
    lines = {
        "fibre": [["1000", "1300", "5000", "4000", "4800"], ["7000", "7100", "6000", "5000"], ["4000", "6900", "6700"],
                  ["1000", "1348", "5030", "5000"]],
        "copper": [["1348", "1400", "6041", "6000"], ["5030", "1435", "1342", "1348"], ["4000", "4031", "4102"],
                   ["7000", "7500"], ["4000", "4460", "4430"], ["5000", "5100", "5300"], ["6000", "6031", "6220", "5060"]],
    }
    features = []
    for cls, paths in lines.items():
        for path in paths:
            features.append({"type": "Feature", "properties": {"class": cls, "note": "illustrative, not a real network"},
                             "geometry": {"type": "LineString", "coordinates": [xy[c] for c in path]}})
    with tempfile.NamedTemporaryFile("w", suffix=".geojson", delete=False) as handle:
        json.dump({"type": "FeatureCollection", "features": features}, handle)
    subprocess.run(["ogr2ogr", "-overwrite", "-f", "GPKG", str(HERE / "network_illustrative.gpkg"), handle.name,
                    "-nln", "network", "-a_srs", "EPSG:31370"], check=True)


if __name__ == "__main__":
    import sys

    if "--members-only" in sys.argv:  # no ../shared needed
        write_members(members())
    else:
        main()
