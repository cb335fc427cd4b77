"""Leftovers of a killed run: a run removes the temporaries of the file it writes, and only those
(another run writing the same stem in another format holds its own lock and keeps its files)."""
import os

from cluster_atlas.algorithms import staging

NAMES = [
    ".out.partial-0a1b2c3d.gpkg",          # a killed run's GeoPackage: removed
    ".out.partial-0a1b2c3d.gpkg-journal",  # its journals: removed
    ".out.partial-0a1b2c3d.gpkg-wal",
    ".out.partial-0a1b2c3d.gpkg-shm",
    ".out.partial-9f8e7d6c.csv",           # a live run writing out.csv: kept
    ".out.partial-9f8e7d6c.csv.lock",
    ".out.gpkg.lock",                      # the lock this run holds: kept
    ".out.partial-nothex00.gpkg",          # not a name the plugin makes: kept
    ".out.partial-0a1b2c3d.gpkg.bak",      # the user's: kept
    ".outer.partial-0a1b2c3d.gpkg",        # another stem: kept
    "out.gpkg",                            # the previous output: kept
]
REMOVED = set(NAMES[:4])


def _touch_all(folder, names):
    for name in names:
        with open(os.path.join(folder, name), "w") as handle:
            handle.write("x")


def test_only_the_temporaries_of_the_file_written_are_removed(tmp_path):
    folder = tmp_path / "dossier avec espaces"
    folder.mkdir()
    _touch_all(folder, NAMES)
    staging._remove_leftovers(str(folder / "out.gpkg"))
    assert sorted(os.listdir(folder)) == sorted(set(NAMES) - REMOVED)


def test_a_shapefile_leftover_goes_with_all_its_parts(tmp_path):
    parts = [".zones.partial-00ff00ff" + ext for ext in (".shp", ".shx", ".dbf", ".prj", ".cpg")]
    kept = [".zones.partial-00ff00ff.gpkg", "zones.shp", "zones.dbf"]
    _touch_all(tmp_path, parts + kept)
    staging._remove_leftovers(str(tmp_path / "zones.shp"))
    assert sorted(os.listdir(tmp_path)) == sorted(kept)


def test_the_staged_name_matches_the_leftover_pattern(tmp_path):
    final = str(tmp_path / "membres 2024.csv")
    staged = os.path.basename(staging._staged_path(final))
    assert staging._leftover_pattern(final).match(staged)
    assert not staging._leftover_pattern(str(tmp_path / "membres 2024.gpkg")).match(staged)
