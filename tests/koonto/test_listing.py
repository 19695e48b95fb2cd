"""The query-string layer of the public HTML views (koonto.listing): values a view may use."""

import pytest
from django.http import QueryDict

from koonto.listing import MAX_ID, MAX_VALUE_LENGTH, IdConverter, ListingState, clean_text, clean_texts


@pytest.mark.parametrize(
    ("raw", "value", "noted"),
    [
        (" kuopio ", "kuopio", False),
        ("", "", False),
        ("297\x00", "", True),
        ("a\x1bb", "", True),
        ("a\x7fb", "", True),
        ("\ufffd", "", True),  # what Django makes of bytes that were not UTF-8
        ("x" * 10_000, "x" * MAX_VALUE_LENGTH, False),
        ("työpaja", "työpaja", False),
    ],
)
def test_clean_text_strips_cuts_and_refuses_control_characters(raw, value, noted):
    state = ListingState()
    assert clean_text({"municipality": raw}, "municipality", state) == value
    assert bool(state.messages) == noted
    if noted:
        assert "municipality" in state.messages[0]


def test_clean_texts_splits_lists_and_drops_unusable_values():
    state = ListingState()
    params = QueryDict("tag=a,b&tag=%20c%20&tag=d%00e&tag=")
    assert clean_texts(params, "tag", state) == ["a", "b", "c"]
    assert len(state.messages) == 1


@pytest.mark.parametrize(("raw", "number"), [("0", 0), ("42", 42), (str(MAX_ID), MAX_ID)])
def test_id_converter_reads_64_bit_ids(raw, number):
    assert IdConverter().to_python(raw) == number


def test_id_converter_refuses_numbers_past_64_bits():
    with pytest.raises(ValueError):
        IdConverter().to_python(str(MAX_ID + 1))
