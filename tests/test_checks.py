"""ClusterAtlasAlgorithm.checkParameterValues: a wrong parameter value is refused
before the run with one line naming the parameter, the value and what to give
(QGIS 3.22 alone says "Incorrect parameter value for X", and does not check that
a field parameter names a field of its layer). Oracle: the sample layers' real
field names, read here with OGR."""
import gc
import traceback
from pathlib import Path

import pytest

S = Path(__file__).resolve().parents[1] / "sample_data"
POINTS = f"{S / 'postcode_points.gpkg'}|layername=postcode_points"


def _fields(uri):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(uri, "check", "ogr")
    assert layer.isValid(), uri
    return [f.name() for f in layer.fields()]


def _refused(name, params):
    """The check's (ok, message) for ``clusteratlas:<name>``."""
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProject

    alg = QgsApplication.processingRegistry().createAlgorithmById(f"clusteratlas:{name}")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    return alg.checkParameterValues(params, context)


def _aggregate(tmp_path, **extra):
    params = {"MEMBERS": str(tmp_path / "members.gpkg"), "POSTCODES": POINTS, "POSTCODE_FIELD": "postcode",
              "OUTPUT": str(tmp_path / "a.gpkg"), "CIRCLES": str(tmp_path / "c.gpkg"),
              "UNMATCHED": str(tmp_path / "u.gpkg")}
    params.update(extra)
    return params


def test_field_not_in_its_layer_is_named_with_the_layers_fields(provider, tmp_path):
    ok, message = _refused("aggregatepostcodes", _aggregate(tmp_path, MEMBERS=POINTS, POSTCODE_FIELD="code"))
    assert not ok
    assert message == "POSTCODE_FIELD: field 'code' is not in POSTCODES; its fields are: {}.".format(
        ", ".join(_fields(POINTS)))
    # QGIS reads field names case-insensitively: so does the check.
    ok, message = _refused("aggregatepostcodes", _aggregate(tmp_path, MEMBERS=POINTS, POSTCODE_FIELD="POSTCODE"))
    assert ok, message


def test_enum_by_name_or_out_of_range_lists_the_choices(provider, tmp_path):
    for value in ("wide", 42):
        ok, message = _refused("aggregatepostcodes", _aggregate(tmp_path, MEMBERS=POINTS, LAYOUT=value))
        assert not ok
        assert message.startswith(f"LAYOUT: '{value}' is not one of the choices; give the number of one of: 0 = ")


def test_missing_layer_file_is_named(provider, tmp_path):
    missing = tmp_path / "none.gpkg"
    ok, message = _refused("exportatlasmap", {"CIRCLES": str(missing), "OUTPUT": str(tmp_path / "page.pdf")})
    assert not ok
    assert message.startswith(f"CIRCLES: file {missing} not found; give an existing file")


def test_processing_run_refuses_before_writing(provider, run_alg, tmp_path):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as error:
        run_alg("aggregatepostcodes", _aggregate(tmp_path, MEMBERS=POINTS, POSTCODE_FIELD="code"))
    message = str(error.value)
    # The context of the run (layers opened by the check) must not outlive QGIS: segfault at exit.
    traceback.clear_frames(error.tb)
    del error
    gc.collect()
    assert "POSTCODE_FIELD: field 'code' is not in POSTCODES" in message
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("text,shown", [
    ("The layer x has no category field 'class'; choose the field by parameter.",
     "ValueError: The layer x has no category field 'class'; choose the field by parameter. Please report it"),
    ("ends with an ellipsis...", "ValueError: ends with an ellipsis. Please report it"),
    ("no period", "ValueError: no period. Please report it"),
    ("", "ValueError. Please report it"),
])
def test_unexpected_error_message_has_one_period(provider, run_alg, tmp_path, monkeypatch, text, shown):
    """An exception text ending in '.' is not followed by a second one ('parameter..')."""
    from qgis.core import QgsProcessingException

    from cluster_atlas.algorithms.import_members import ImportMembersAlgorithm

    def broken(self, parameters, context, feedback):
        raise ValueError(text)

    monkeypatch.setattr(ImportMembersAlgorithm, "compute", broken)
    with pytest.raises(QgsProcessingException) as error:
        run_alg("importmembers", {"INPUT": str(S / "members.csv"), "OUTPUT": str(tmp_path / "m.gpkg"),
                                  "REJECTED": str(tmp_path / "r.gpkg")})
    message = str(error.value)
    traceback.clear_frames(error.tb)
    del error
    gc.collect()
    assert message.startswith("Import cluster members stopped on an unexpected error: ")
    assert shown in message and ".." not in message, message
