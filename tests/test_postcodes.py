"""core/postcodes.py and core/text.py: hand-written expectations, the real
bpost list as an oracle of valid Belgian codes, and property tests."""
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cluster_atlas.core.postcodes import normalise_postcode, normalise_postcodes
from cluster_atlas.core.text import normalise_key, normalise_keys

from .conftest import shared_file


@pytest.mark.parametrize(
    "raw, country, key, source",
    [
        ("B-1348", None, "BE-1348", "prefix"),
        ("B 1348", None, "BE-1348", "prefix"),
        ("BE-1348", None, "BE-1348", "prefix"),
        ("be1348", None, "BE-1348", "prefix"),
        ("1348 Louvain-la-Neuve", None, "BE-1348", "default"),
        ("1348, Louvain-la-Neuve", None, "BE-1348", "default"),
        ("  1348  ", None, "BE-1348", "default"),
        (1400.0, None, "BE-1400", "default"),
        ("1400.0", None, "BE-1400", "default"),
        ("1400,0", None, "BE-1400", "default"),
        (1400, None, "BE-1400", "default"),
        ("L-4365", None, "LU-4365", "prefix"),
        ("4365", "Luxembourg", "LU-4365", "column"),
        ("4365 Esch-sur-Alzette", "LU", "LU-4365", "column"),
        ("F-59000", None, "FR-59000", "prefix"),
        ("59000 Lille", "France", "FR-59000", "column"),
        ("NL-1012 AB", None, "NL-1012AB", "prefix"),
        ("1012ab", "Nederland", "NL-1012AB", "column"),
        ("6211 LH Maastricht", "Pays-Bas", "NL-6211LH", "column"),
        ("D-52062", None, "DE-52062", "prefix"),
        ("52062", "Allemagne", "DE-52062", "column"),
        ("1000", "België", "BE-1000", "column"),
        ("B-1000", "Belgique", "BE-1000", "column"),
        ("7510 3 SUISSES", None, "BE-7510", "default"),
    ],
)
def test_normalise_postcode_accepts(raw, country, key, source):
    result = normalise_postcode(raw, country)
    assert result.error is None, result.error
    assert result.pc_key == key
    assert result.country == key[:2]
    assert result.postcode == key[3:]
    assert result.country_source == source


@pytest.mark.parametrize(
    "raw, country, fragment",
    [
        (None, None, "missing postcode"),
        ("", None, "missing postcode"),
        ("0999", None, "'0999'"),
        ("999", None, "invalid Belgian postcode '999'"),
        ("13480", None, "invalid Belgian postcode '13480'"),
        ("59000", None, "invalid Belgian postcode"),  # default BE: 5 digits is not Belgian
        ("L-436", None, "invalid Luxembourg postcode 'L-436'"),
        ("F-5900", None, "invalid French postcode 'F-5900'"),
        ("1012", "NL", "invalid Dutch postcode '1012'"),
        ("D-1234", None, "invalid German postcode"),
        ("L-4365", "BE", "prefix LU but the country column says BE"),
        ("US-10001", None, "unknown country prefix 'US'"),
        ("1000", "Narnia", "unknown country 'Narnia'"),
        ("Louvain-la-Neuve", None, "unreadable postcode 'Louvain-la-Neuve'"),
        ("n.c.", None, "unreadable postcode 'n.c.'"),
    ],
)
def test_normalise_postcode_rejects_with_raw_value(raw, country, fragment):
    result = normalise_postcode(raw, country)
    assert result.pc_key is None and result.country is None and result.postcode is None
    assert fragment in result.error


def test_default_country_is_used_and_reported():
    result = normalise_postcode("4365", default_country="LU")
    assert (result.pc_key, result.country_source) == ("LU-4365", "default")
    # A prefix wins over the default; the column wins over both.
    assert normalise_postcode("B-1348", default_country="LU").pc_key == "BE-1348"
    assert normalise_postcode("59000", "FR", default_country="LU").pc_key == "FR-59000"


def test_vectorised_matches_scalar_and_keeps_index():
    raw = pd.Series(["B-1348", 1400.0, None, "L-4365", "59000", "abc", "B-1348"], index=[5, 6, 7, 8, 9, 10, 11])
    country = pd.Series([None, None, "BE", None, "FR", None, "Belgique"], index=raw.index)
    frame = normalise_postcodes(raw, country)
    assert list(frame.columns) == ["country", "postcode", "pc_key", "error", "country_source"]
    assert list(frame.index) == list(raw.index)
    assert frame["pc_key"].tolist() == ["BE-1348", "BE-1400", None, "LU-4365", "FR-59000", None, "BE-1348"]
    assert frame["country_source"].tolist() == ["prefix", "default", None, "prefix", "column", None, "column"]
    for i in raw.index:
        assert tuple(frame.loc[i]) == tuple(normalise_postcode(raw[i], country[i]))


def test_vectorised_without_country_and_empty():
    frame = normalise_postcodes(pd.Series(["1300", "L-1111"]), default_country="BE")
    assert frame["pc_key"].tolist() == ["BE-1300", "LU-1111"]
    empty = normalise_postcodes(pd.Series([], dtype=object))
    assert len(empty) == 0 and list(empty.columns) == ["country", "postcode", "pc_key", "error", "country_source"]


def test_every_real_bpost_code_is_valid_in_every_spelling():
    # Oracle: bpost's own list of Belgian postal codes (2,700+ localities).
    path = shared_file("be_bpost_postcodes_2013.csv")
    bpost = pd.read_csv(path, sep=";", dtype=str, encoding="utf-8")
    codes = bpost["Postcode"].str.strip()
    # bpost lists 612 "Sinterklaas" (letters to Santa): not a 1000-9999 code, must be rejected.
    santa = codes == "612"
    assert santa.sum() == 1
    assert "invalid Belgian postcode '612'" in normalise_postcode("612").error
    bpost, codes = bpost[~santa], codes[~santa]
    assert len(codes) > 2700
    expected = "BE-" + codes
    for spelled in (codes, "B-" + codes, "BE " + codes, codes + ".0", codes + " " + bpost["Plaatsnaam"].fillna("")):
        frame = normalise_postcodes(spelled)
        assert frame["error"].isna().all(), frame.loc[frame["error"].notna(), "error"].head().tolist()
        assert (frame["pc_key"] == expected).all()
    floats = normalise_postcodes(codes.astype(float))
    assert (floats["pc_key"] == expected).all()


_decorations = st.sampled_from(["{}", "B-{}", "B {}", "BE-{}", " {} ", "{}.0", "{} Namur", "be{}"])


@settings(max_examples=200, deadline=None)
@given(code=st.integers(1000, 9999), template=_decorations)
def test_property_every_belgian_spelling_gives_one_key(code, template):
    assert normalise_postcode(template.format(code)).pc_key == "BE-{}".format(code)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.none(), st.text(max_size=12), st.integers(-10, 200000), st.floats(allow_nan=True)), max_size=30))
def test_property_vectorised_equals_scalar_and_never_raises(values):
    raw = pd.Series(values, dtype=object)
    frame = normalise_postcodes(raw)
    for i, value in enumerate(values):
        expected = normalise_postcode(value)
        assert tuple(frame.iloc[i]) == tuple(expected)
        # Exactly one of key / error.
        assert (expected.pc_key is None) != (expected.error is None)


@pytest.mark.parametrize(
    "text, key",
    [
        ("  Éco-Construction ", "eco-construction"),
        ("ECO–CONSTRUCTION", "eco-construction"),
        ("Centre  R&D\tWallon", "centre r&d wallon"),
        ("l’Oréal", "l'oreal"),
        ("Œuvre", "oeuvre"),
        (None, ""),
        (float("nan"), ""),
        (12.0, "12"),
    ],
)
def test_normalise_key(text, key):
    assert normalise_key(text) == key


def test_normalise_keys_vectorised():
    series = pd.Series(["TIC", " tic ", None, "Tíc"], index=[3, 4, 5, 6])
    assert normalise_keys(series).tolist() == ["tic", "tic", "", "tic"]
    assert list(normalise_keys(series).index) == [3, 4, 5, 6]


# No NUL: pandas 1.5's factorize hashes object strings as C strings, so "\x00" and ""
# share a code (a pandas quirk; NUL never occurs in a spreadsheet cell).
_NO_NUL = st.characters(blacklist_characters="\x00")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.none(), st.text(_NO_NUL), st.text(st.characters(min_codepoint=1, max_codepoint=255)), st.floats(), st.sampled_from(
    ["  Éco–Construction ", "l’Oréal", "Œuvre ß", "\t a  b \n", "\u0301 a", "a \u0301", "x\u2003", "İx", "a\u00a0\u0301 b", "ÉCOLE µ ¼", "Ærø\x85x"]
))))
def test_property_batch_keys_equal_scalar_keys(values):
    from cluster_atlas.core.text import normalise_key_list

    assert normalise_key_list(values) == [normalise_key(v) for v in values]
    assert normalise_keys(pd.Series(values, dtype=object)).tolist() == [normalise_key(v) for v in values]
