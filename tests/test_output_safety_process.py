"""What a real ``qgis_process`` run does to the user's files when it is killed, raced or blocked
(issue 13, items 3, 4, 5).

- Killed (SIGKILL) at several points of its write: under the final names there are the previous
  outputs, byte for byte, or the complete new ones — never a half-written table, never the new
  members beside the old rejects.
- Two runs writing the same outputs at once: the second stops at once with a clear message and
  removes nothing; the first's outputs hold its rows only.
- A GeoPackage another program holds open for writing (SQLite in WAL mode): refused as "in use",
  left intact, and that program's own commit still succeeds afterwards.

The oracles are hashes of the previous files and the row counts the generated input must give."""
import hashlib
import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
QP = str(ROOT / "scripts" / "qgis_process")
pytestmark = pytest.mark.qgis_process
ROWS = 150_000  # about 3 s of writing: room to kill it at several points


def _members(path, rows, bad_every=4, cluster="TIC"):
    """A member list: every ``bad_every``-th row has an invalid postcode (rejected)."""
    lines = ["Nom;Code postal;Effectif;Cluster(s)"]
    for i in range(rows):
        postcode = "99" if i % bad_every == 0 else str(1000 + i % 8999)
        lines.append(f"Entité {i};{postcode};{1 + i % 50};{cluster}")
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    rejected = len(range(0, rows, bad_every))
    return rows - rejected, rejected


def _command(source, out, rej):
    return [QP, "run", "clusteratlas:importmembers", "--", f"INPUT={source}", f"OUTPUT={out}", f"REJECTED={rej}"]


def _rows(path):
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        table = db.execute("SELECT table_name FROM gpkg_contents").fetchone()[0]
        return db.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


@pytest.fixture(scope="module")
def big_list(tmp_path_factory):
    folder = tmp_path_factory.mktemp("big list")  # a space, as on Windows desktops
    source = folder / "members big.csv"
    expected = _members(source, ROWS)
    return source, expected


def _wait_for(predicate, timeout=120.0):
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if predicate():
            return True
        time.sleep(0.01)
    return False


def _size(path):
    """Size of a file the run may remove at any moment (a SQLite journal): 0 once gone."""
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


def _partials(folder):
    return [p for p in folder.iterdir() if ".partial-" in p.name]


@pytest.mark.parametrize("when", ["members started", "members 0.5 s", "rejects started", "rejects 0.2 s",
                                  "start + 1 s", "start + 2.5 s"])
def test_kill_mid_write_leaves_previous_or_complete_outputs(big_list, tmp_path, when):
    source, (members, rejected) = big_list
    out, rej = tmp_path / "members.gpkg", tmp_path / "rejected.gpkg"
    small = tmp_path / "small.csv"
    previous_counts = _members(small, 40, cluster="Ancien")
    done = subprocess.run(_command(small, out, rej), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    previous = (_digest(out), _digest(rej))
    assert (_rows(out), _rows(rej)) == previous_counts

    # Its own process group: the wrapper script and QGIS itself are killed together, as the OOM killer
    # or a power cut would stop them.
    proc = subprocess.Popen(_command(source, out, rej), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    started = time.monotonic()
    try:
        if when.startswith("members"):
            assert _wait_for(lambda: any(p.name.startswith(".members.") for p in _partials(tmp_path)))
            time.sleep(0.5 if "0.5" in when else 0)
        elif when.startswith("rejects"):
            assert _wait_for(lambda: any(p.name.startswith(".rejected.") and _size(p) > 0
                                         for p in _partials(tmp_path)) or proc.poll() is not None)
            time.sleep(0.2 if "0.2" in when else 0)
        else:
            time.sleep(max(0.0, float(when.split("+ ")[1].split(" ")[0]) - (time.monotonic() - started)))
        os.killpg(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=60)

    now = (_digest(out), _digest(rej))
    if now != previous:  # the run had finished and moved both files into place before the kill
        assert (_rows(out), _rows(rej)) == (members, rejected), when
        assert now[0] != previous[0] and now[1] != previous[1], "new members beside the old rejects"
    # What the killed run left under temporary names is removed by the next run writing there.
    again = subprocess.run(_command(small, out, rej), capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stdout + again.stderr
    assert _partials(tmp_path) == [] and (_rows(out), _rows(rej)) == previous_counts


def test_second_run_on_the_same_outputs_stops_and_removes_nothing(tmp_path):
    # Long enough (~10 s) that the second run, started while the first writes, meets it.
    source = tmp_path / "huge.csv"
    members, rejected = _members(source, 1_000_000)
    out, rej = tmp_path / "members.gpkg", tmp_path / "rejected.gpkg"
    small = tmp_path / "small.csv"
    _members(small, 40, cluster="Autre")
    first = subprocess.Popen(_command(source, out, rej), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert _wait_for(lambda: bool(_partials(tmp_path)))  # the first run is writing
        second = subprocess.run(_command(small, out, rej), capture_output=True, text=True, timeout=300)
    finally:
        stdout, stderr = first.communicate(timeout=600)
    assert first.returncode == 0, stdout[-2000:] + stderr[-2000:]
    assert second.returncode != 0
    lines = [line for line in (second.stdout + second.stderr).splitlines() if "being written by another run" in line]
    assert lines and "members.gpkg" in lines[0], second.stdout + second.stderr
    assert (_rows(out), _rows(rej)) == (members, rejected)  # the first run's rows only, complete
    with sqlite3.connect(out) as db:
        table = db.execute("SELECT table_name FROM gpkg_contents").fetchone()[0]
        assert db.execute(f'SELECT DISTINCT cluster FROM "{table}"').fetchall() == [("TIC",)]
    assert _partials(tmp_path) == []


def test_geopackage_open_in_another_writer_is_refused_as_in_use(tmp_path):
    out, rej = tmp_path / "members.gpkg", tmp_path / "rejected.gpkg"
    small = tmp_path / "small.csv"
    _members(small, 40)
    done = subprocess.run(_command(small, out, rej), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    writer = sqlite3.connect(out)  # another program editing the GeoPackage (WAL, as GDAL and QGIS use)
    try:
        writer.execute("PRAGMA journal_mode=WAL")
        table = writer.execute("SELECT table_name FROM gpkg_contents").fetchone()[0]
        writer.execute(f'UPDATE "{table}" SET name = name || \' (revu)\' WHERE fid = 1')
        before = _digest(out)
        proc = subprocess.run(_command(small, out, rej), capture_output=True, text=True, timeout=300)
        assert proc.returncode != 0
        lines = [line for line in (proc.stdout + proc.stderr).splitlines() if "is in use" in line]
        assert lines and "members.gpkg" in lines[0], proc.stdout + proc.stderr
        assert _digest(out) == before
        writer.commit()  # the other program's commit still works: its file was not replaced under it
        name = writer.execute(f'SELECT name FROM "{table}" WHERE fid = 1').fetchone()[0]
        assert name.endswith("(revu)")
    finally:
        writer.close()
    assert os.path.exists(out) and _partials(tmp_path) == []


# --- item 7: a write that fails names its cause ---------------------------------------------------
def _in_small_folder(folder, args, size="256k", read_only=False):
    """Run ``args`` with ``folder`` a fresh tmpfs of ``size`` (or read-only), visible to that run only
    (a private mount namespace: nothing is mounted for anyone else, nothing to clean up)."""
    import shutil

    if os.geteuid() != 0 or shutil.which("unshare") is None:
        pytest.skip("needs root and unshare (CI has both) to mount a small or read-only folder")
    options = f"size={size}" + (",ro" if read_only else "")
    script = 'mount -t tmpfs -o "$1" tmpfs "$2" && shift 2 && exec "$@"'
    # In the QGIS 3.40/3.44 chroots the run is already in a private mount namespace whose root is not
    # a mount point: unshare cannot make it private again, nor needs to.
    private = ["--propagation", "unchanged"] if os.environ.get("CLUSTER_ATLAS_IN_CHROOT") else []
    return subprocess.run(["unshare", "-m", *private, "sh", "-c", script, "sh", options, str(folder)] + args,
                          capture_output=True, text=True, timeout=600)


def _error_lines(proc):
    text = proc.stdout + proc.stderr
    assert proc.returncode != 0, text[-2000:]
    assert "unexpected error" not in text and "Traceback" not in text and "cannot rollback" not in text, text[-3000:]
    return text


def test_full_disk_while_writing_a_geopackage_says_so(tmp_path):
    source = tmp_path / "members.csv"
    _members(source, 30_000)
    small = tmp_path / "small disk"
    small.mkdir()
    proc = _in_small_folder(small, _command(source, small / "members.gpkg", small / "rejected.gpkg"))
    text = _error_lines(proc)
    assert "disk is full" in text and "members.gpkg" in text, text[-2000:]


@pytest.fixture()
def circles(run_alg, tmp_path):
    sample = ROOT / "sample_data"
    out = tmp_path / "circles"
    out.mkdir()
    run_alg("importmembers", {"INPUT": str(sample / "members.csv"), "OUTPUT": str(out / "members.gpkg"),
                              "REJECTED": str(out / "rejected.gpkg")})
    result = run_alg("aggregatepostcodes", {
        "MEMBERS": str(out / "members.gpkg"), "POSTCODES": f"{sample / 'postcode_points.gpkg'}|layername=postcode_points",
        "POSTCODE_FIELD": "postcode", "OUTPUT": str(out / "zones.gpkg"), "CIRCLES": str(out / "circles.gpkg"),
        "UNMATCHED": str(out / "unmatched.gpkg")})
    return out / "circles.gpkg", result["FIELD_MAP"]


@pytest.mark.parametrize("fmt", ["pdf", "svg", "png"])
@pytest.mark.parametrize("folder_state", ["full", "read-only"])
def test_page_export_failure_names_its_cause(circles, tmp_path, fmt, folder_state):
    """QGIS 3.22's layout exporter has no errorMessage(): before, every PDF/SVG failure ended in
    "unexpected error"."""
    layer, field_map = circles
    folder = tmp_path / "pages"
    folder.mkdir()
    args = [QP, "run", "clusteratlas:exportatlasmap", "--", f"CIRCLES={layer}", f"FIELD_MAP={field_map}",
            "DPI=150", f"OUTPUT={folder / ('page.' + fmt)}"]
    proc = _in_small_folder(folder, args, size="8k", read_only=folder_state == "read-only")
    text = _error_lines(proc)
    expected = "disk is full" if folder_state == "full" else "cannot be written"
    assert expected in text and f"page.{fmt}" in text, text[-2000:]
