"""The declaration-draft/1 interchange: exact round trip, unknown keys kept, clear refusals."""

import copy
import json

import pytest

from drafts import jsonio
from drafts.model import Draft
from tests.draft_samples import sample_draft


def test_round_trip_gives_an_equal_draft():
    draft = sample_draft()
    assert jsonio.loads(jsonio.dumps(draft)) == draft


def test_round_trip_is_byte_exact():
    text = jsonio.dumps(sample_draft())
    assert jsonio.dumps(jsonio.loads(text)) == text


def test_paragraph_texts_and_marks_survive():
    draft = jsonio.loads(jsonio.dumps(sample_draft()))
    bis = draft.operative[2]
    assert (bis.alternative, bis.alternative_of) == ("bis", draft.operative[1].id)
    assert draft.operative[1].bracketed
    assert draft.operative[3].items[1].items[0].text == "i) en particulier les enfants ;"
    assert draft.preambular[0].provenance.position == "PP1"


def test_minimal_file_from_the_issue():
    draft = jsonio.loads(json.dumps({
        "format": "declaration-draft/1", "language": "fr", "title": "T", "chapeau": "Nous,",
        "preambular": [{"text": "Rappelant …,"}],
        "operative": [{"text": "Décidons :", "items": [{"text": "de agir ;"}]}],
    }))
    assert draft.operative[0].items[0].text == "de agir ;"
    assert draft.house_style is None and draft.voice is None  # both inferred later


UNKNOWN = {"x-tracking": {"by": "delegation A", "n": [1, 2.5, None, True]}}


@pytest.mark.parametrize("where", [
    lambda d: d,
    lambda d: d["preambular"][0],
    lambda d: d["operative"][3]["items"][1],
    lambda d: d["operative"][3]["items"][1]["items"][0],
    lambda d: d["metadata"],
    lambda d: d["preambular"][0]["provenance"],
], ids=["draft", "paragraph", "item", "sub-item", "metadata", "provenance"])
def test_unknown_keys_are_kept(where):
    data = jsonio.to_dict(sample_draft())
    where(data).update(copy.deepcopy(UNKNOWN))
    again = jsonio.to_dict(jsonio.from_dict(json.loads(json.dumps(data))))
    assert where(again)["x-tracking"] == UNKNOWN["x-tracking"]
    assert again == data


def _with(path: str, value):
    """Return the sample as a dict with the value at *path* (dotted, [i] for lists) replaced."""
    data = jsonio.to_dict(sample_draft())
    keys = [int(k) if k.isdigit() else k for k in path.replace("[", ".").replace("]", "")
            .split(".")]
    target = data
    for key in keys[:-1]:
        target = target[key]
    target[keys[-1]] = value
    return json.dumps(data)


def _nested(depth: int):
    value = "deep"
    for _ in range(depth):
        value = [value]
    return value


def _duplicate_id():
    data = jsonio.to_dict(sample_draft())
    data["operative"][2]["id"] = data["operative"][1]["id"]
    return json.dumps(data)


@pytest.mark.parametrize(("text", "field"), [
    ("{not json", "(file)"),
    ("[1, 2]", "(file)"),
    ('{"title": NaN}', "(file)"),
    (_with("format", "declaration-draft/9"), "format"),
    (_with("title", 12), "title"),
    (_with("language", "le français"), "language"),
    (_with("house_style", "eu"), "house_style"),
    (_with("voice", "second_plural"), "voice"),
    (_with("metadata", ["Paris"]), "metadata"),
    (_with("metadata.place", 75), "metadata.place"),
    (_with("preambular", {"text": "x"}), "preambular"),
    (_with("preambular[1]", "Rappelant …"), "preambular[1]"),
    (_with("preambular[1].text", None), "preambular[1].text"),
    (_with("operative[0].bracketed", "yes"), "operative[0].bracketed"),
    (_with("operative[0].alternative", "quater"), "operative[0].alternative"),
    (_with("operative[3].items", "a) b)"), "operative[3].items"),
    (_with("operative[3].items[0]", 7), "operative[3].items[0]"),
    (_with("operative[3].items[1].items[0].text", ["i)"]), "operative[3].items[1].items[0].text"),
    (_with("operative[3].items[1].items[0].items",
           [{"text": "-", "items": [{"text": "too deep"}]}]),
     "operative[3].items[1].items[0].items[0].items"),
    (_with("preambular[0].provenance.source", None), "preambular[0].provenance.source"),
    (_with("preambular[0].provenance.clause_id", "17"), "preambular[0].provenance.clause_id"),
    (_with("preambular[0].provenance", "seed 000"), "preambular[0].provenance"),
    (_duplicate_id(), "operative[2].id"),
    (_with("chapeau", "Nous,\x00"), "chapeau"),
    (_with("closing", "FIN\ud800"), "closing"),
    (_with("x-notes", _nested(jsonio.MAX_NESTING + 1)), "x-notes"),
])
def test_invalid_files_are_refused_naming_the_field(text, field):
    with pytest.raises(jsonio.DraftFormatError) as caught:
        jsonio.loads(text)
    assert caught.value.field.startswith(field)
    assert str(caught.value).startswith(caught.value.field + ": ")
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("value", [float("nan"), float("inf")])
def test_non_finite_numbers_from_python_are_refused(value):
    data = jsonio.to_dict(Draft(title="T"))
    data["x-score"] = value
    with pytest.raises(jsonio.DraftFormatError, match="x-score"):
        jsonio.from_dict(data)


def test_bare_string_items_are_accepted():
    data = jsonio.to_dict(Draft())
    data["operative"] = [{"text": "Décidons :", "items": ["a) de agir ;", "b) de suivre ;"]}]
    draft = jsonio.from_dict(data)
    assert [item.text for item in draft.operative[0].items] == ["a) de agir ;", "b) de suivre ;"]


def test_null_title_and_lists_read_as_empty():
    draft = jsonio.from_dict({"title": None, "preambular": None, "language": None})
    assert (draft.title, draft.preambular, draft.language) == ("", [], "fr")


def test_the_documented_example_reads_and_round_trips():
    from tests.conftest import ROOT

    page = (ROOT / "docs" / "draft-format.md").read_text(encoding="utf-8")
    example = page.split("```json\n", 1)[1].split("```", 1)[0]
    draft = jsonio.loads(example)
    assert (draft.operative[1].alternative_of, draft.operative[2].items[1].items[0].text) == (
        "a1", "i) en particulier les enfants.")
    assert jsonio.loads(jsonio.dumps(draft)) == draft
