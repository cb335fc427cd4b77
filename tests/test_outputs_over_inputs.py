"""A destination that names an input file is refused before anything is written (issue 13, item 2).

Before, ``importmembers INPUT=list.csv OUTPUT=list.csv REJECTED=<missing folder>/r.gpkg`` failed and
its clean-up deleted list.csv, and ``networkoverlay ZONES=zones.gpkg OUTPUT=zones.gpkg`` replaced the
zones. The oracle: the input's bytes and modification time before and after, and the files of the
folder (nothing new)."""
import hashlib
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MEMBERS = "Nom;Code postal;Effectif;Cluster(s)\r\nIBM;1130;100;TIC\r\nUNamur;5000;12;TIC\r\n"


def _fingerprint(path):
    return hashlib.sha256(path.read_bytes()).hexdigest(), os.stat(path).st_mtime_ns


def _refused(run_alg, name, params):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as error:
        run_alg(name, params)
    return str(error.value)


@pytest.mark.parametrize("rejected", ["missing_folder", "valid"])
def test_importmembers_output_over_its_input_is_refused(run_alg, tmp_path, rejected):
    source = tmp_path / "list.csv"
    source.write_text(MEMBERS, encoding="utf-8")
    before = _fingerprint(source)
    rej = tmp_path / "no such folder" / "r.gpkg" if rejected == "missing_folder" else tmp_path / "r.gpkg"
    message = _refused(run_alg, "importmembers", {"INPUT": str(source), "OUTPUT": str(source), "REJECTED": str(rej)})
    assert "OUTPUT would overwrite" in message and "list.csv" in message and "INPUT" in message
    assert _fingerprint(source) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["list.csv"]


def _zones_gpkg(path):
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorFileWriter, QgsVectorLayer

    layer = QgsVectorLayer("Polygon?crs=EPSG:31370&field=pc:string&field=emp:double", "zones", "memory")
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromWkt("POLYGON((0 0, 1000 0, 1000 1000, 0 1000, 0 0))"))
    feature.setAttributes(["A", 10.0])
    layer.dataProvider().addFeatures([feature])
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName = "GPKG", "zones"
    QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path), layer.transformContext(), options) if hasattr(
        QgsVectorFileWriter, "writeAsVectorFormatV3") else QgsVectorFileWriter.writeAsVectorFormatV2(
        layer, str(path), layer.transformContext(), options)


@pytest.mark.parametrize("zones_value", ["{}", "{}|layername=zones", "project layer"])
def test_networkoverlay_output_over_its_zones_is_refused(run_alg, tmp_path, zones_value):
    from qgis.core import QgsProject, QgsVectorLayer

    zones = tmp_path / "zones.gpkg"
    _zones_gpkg(zones)
    network = tmp_path / "network.gpkg"
    _zones_gpkg(network)  # any layer: the run must stop before reading it
    before = _fingerprint(zones)
    value = zones_value.format(zones) if "{}" in zones_value else None
    layer_id = None
    if value is None:
        layer = QgsVectorLayer(f"{zones}|layername=zones", "my zones", "ogr")
        QgsProject.instance().addMapLayer(layer, False)
        value = layer_id = layer.id()
        del layer
    try:
        message = _refused(run_alg, "networkoverlay", {
            "ZONES": value, "EMPLOYMENT_FIELD": "emp", "NETWORK": f"{network}|layername=zones", "OUTPUT": str(zones),
            "SUMMARY": "memory:", "REPORT": str(tmp_path / "missing" / "r.html")})
    finally:
        if layer_id:
            QgsProject.instance().removeMapLayer(layer_id)
    assert "OUTPUT would overwrite" in message and "ZONES" in message
    assert _fingerprint(zones) == before


def test_qgis_process_refuses_with_one_line_and_keeps_the_input(tmp_path):
    source = tmp_path / "my list.csv"  # a space, as on Windows desktops
    source.write_text(MEMBERS, encoding="utf-8")
    before = _fingerprint(source)
    proc = subprocess.run([str(ROOT / "scripts" / "qgis_process"), "run", "clusteratlas:importmembers", "--",
                           f"INPUT={source}", f"OUTPUT={source}", f"REJECTED={tmp_path / 'r.gpkg'}"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode != 0
    lines = [line for line in (proc.stdout + proc.stderr).splitlines() if "would overwrite" in line]
    assert lines and "my list.csv" in lines[0] and "Traceback" not in proc.stdout + proc.stderr
    assert _fingerprint(source) == before
    assert not (tmp_path / "r.gpkg").exists()


def test_different_file_in_the_same_folder_still_runs(run_alg, tmp_path):
    source = tmp_path / "list.csv"
    source.write_text(MEMBERS, encoding="utf-8")
    result = run_alg("importmembers", {"INPUT": str(source), "OUTPUT": str(tmp_path / "list_clean.csv"),
                                       "REJECTED": str(tmp_path / "r.csv")})
    assert result["MEMBERSHIPS"] == 2
