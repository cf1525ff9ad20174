"""Property tests on the draft JSON reader: hostile input never crashes it, round trip is exact."""

from __future__ import annotations

import contextlib
import json
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafts import jsonio
from drafts.jsonio import DraftFormatError
from drafts.model import Draft
from tests.strategies import drafts, json_values

SETTINGS = settings(max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

# Any character at all, lone surrogates and NUL included, as JSON escapes could produce them.
any_text = st.text(max_size=30)


def reader_survives(value) -> Draft | None:
    """Return the Draft read from *value*, None if refused; anything else is a failure."""
    try:
        draft = jsonio.from_dict(value)
    except DraftFormatError as error:
        assert error.field and error.message
        return None
    assert isinstance(draft, Draft)
    return draft


@SETTINGS
@given(json_values)
def test_any_json_value_is_a_draft_or_a_format_error(value):
    reader_survives(value)


def field_values():
    return json_values | st.lists(st.dictionaries(
        st.sampled_from(["text", "items", "id", "provenance", "bracketed", "alternative",
                         "alternative_of", "x-note"]), json_values, max_size=5), max_size=3)


draft_like = st.fixed_dictionaries({}, optional={
    key: field_values() for key in ("format", "language", "title", "chapeau", "preambular",
                                    "operative_intro", "operative", "closing", "house_style",
                                    "voice", "metadata", "x-extension")
})


@SETTINGS
@given(draft_like)
def test_draft_shaped_json_with_wrong_values_is_a_draft_or_a_format_error(value):
    """Right keys, wrong values: reaches the checks of every field, not only the first."""
    draft = reader_survives(value)
    if draft is not None:
        again = reader_survives(json.loads(jsonio.dumps(draft)))
        assert again == draft


@SETTINGS
@given(st.text() | st.binary())
def test_any_text_or_bytes_is_a_draft_or_a_format_error(data):
    with contextlib.suppress(DraftFormatError):
        jsonio.loads(data)


@SETTINGS
@given(st.integers(min_value=1, max_value=3000))
def test_deep_nesting_is_refused_not_a_crash(depth):
    for document in ("[" * depth + "]" * depth,
                     '{"title": ' + '{"a": ' * depth + "1" + "}" * depth + "}",
                     '{"operative": [{"text": "x", "items": ' + "[{\"text\": \"y\", \"items\": "
                     * depth + "[]" + "}]" * depth + "}]}"):
        with contextlib.suppress(DraftFormatError):
            jsonio.loads(document)


@SETTINGS
@given(any_text)
def test_strings_the_database_cannot_store_are_refused(value):
    """NUL and unpaired surrogates break PostgreSQL and Word: refused when read."""
    storable = "\x00" not in value and not any(0xD800 <= ord(c) <= 0xDFFF for c in value)
    for document in ({"title": value}, {"preambular": [{"text": value}]},
                     {"operative": [{"text": "x", "items": [{"text": value}]}]},
                     {"x-extension": {value: [value]}}):
        draft = reader_survives(document)
        assert (draft is not None) is storable


@SETTINGS
@given(st.sampled_from(["NaN", "Infinity", "-Infinity", "1e999"]))
def test_non_finite_numbers_are_refused(number):
    try:
        draft = jsonio.loads('{"title": "t", "x-extension": ' + number + "}")
    except DraftFormatError:
        return
    assert math.isfinite(draft.extra["x-extension"])


@SETTINGS
@given(drafts)
def test_round_trip_is_exact(draft):
    assert jsonio.loads(jsonio.dumps(draft)) == draft
    assert jsonio.loads(jsonio.dumps(draft, indent=None).encode()) == draft
    assert jsonio.to_dict(jsonio.from_dict(jsonio.to_dict(draft))) == jsonio.to_dict(draft)
