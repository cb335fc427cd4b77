"""Shared parameter helpers (algorithms/params.py)."""


def test_split_names_semicolons_first_then_commas():
    from cluster_atlas.algorithms.params import split_names

    assert split_names("TIC, TWIST") == ["TIC", "TWIST"]
    assert split_names("Logistique, transport; TIC") == ["Logistique, transport", "TIC"]
    assert split_names("  ") == [] and split_names(None) == []
