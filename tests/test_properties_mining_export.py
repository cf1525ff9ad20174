"""Property tests on the segmenter and the Word export: random Unicode never crashes them."""

from __future__ import annotations

import contextlib
import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from clause_bank.model import KINDS, Segmentation
from clause_bank.segment import segment_text
from drafts.model import Draft
from exports import ExportError, export_docx, export_text, import_docx
from tests.conftest import SEEDS
from tests.strategies import drafts, drafts_from

SETTINGS = settings(max_examples=100, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
# A Word export takes a fraction of a second: fewer examples keep the suite quick.
EXPORT_SETTINGS = settings(SETTINGS, max_examples=25)
SEED_TEXTS = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
# Lines a declaration is made of, to splice into random text and reach the deep code paths.
SEED_LINES = sorted({line for text in SEED_TEXTS for line in text.splitlines() if line.strip()})


def check_segmentation(result) -> None:
    assert isinstance(result, Segmentation)
    for paragraph in result.paragraphs:
        assert paragraph.kind in KINDS
        assert isinstance(paragraph.text, str)


@SETTINGS
@given(st.text(max_size=400))
def test_segmenter_survives_any_text(value):
    for language in (None, "fr", "en"):
        check_segmentation(segment_text(value, language=language))


@SETTINGS
@given(st.lists(st.sampled_from(SEED_LINES) | st.text(max_size=60), max_size=40),
       st.sampled_from(["\n", "\n\n", "\r\n", " "]))
def test_segmenter_survives_shuffled_declarations(lines, separator):
    check_segmentation(segment_text(separator.join(lines)))


@SETTINGS
@given(st.sampled_from(SEED_TEXTS), st.data())
def test_segmenter_survives_damaged_seeds(seed, data):
    """Cut, duplicate or corrupt a real declaration anywhere."""
    start = data.draw(st.integers(0, len(seed)))
    end = data.draw(st.integers(start, min(len(seed), start + 500)))
    insert = data.draw(st.text(max_size=30))
    check_segmentation(segment_text(seed[:start] + insert + seed[end:]))
    check_segmentation(segment_text(seed[start:end]))


def well_formed(data: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(archive.read(name))


def export_or_refuse(draft: Draft, **options) -> bytes | None:
    """Return the .docx, or None when refused with ExportError; any other failure fails."""
    try:
        data = export_docx(draft, **options)
    except ExportError as error:
        assert str(error) and "\n" not in str(error)
        return None
    well_formed(data)
    return data


@EXPORT_SETTINGS
@given(drafts)
def test_export_writes_a_valid_package_or_refuses(draft):
    export_or_refuse(draft, labels=True, line_numbers=True)
    for fmt in ("txt", "md"):
        with contextlib.suppress(ExportError):
            assert isinstance(export_text(draft, fmt=fmt), str)


# Text Word can carry: no control characters, no lone surrogates (those are refused by name).
word_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")),
                    max_size=40).map(str.strip)


def consistent(draft: Draft) -> Draft:
    """Drop the random bis/ter links: the property here is about text (the export's own
    tests cover alternatives, which random links would make meaningless)."""
    for paragraph in draft.preambular + draft.operative:
        paragraph.alternative = paragraph.alternative_of = None
    return draft


def without_empty_optionals(draft: Draft) -> Draft:
    """Word has no way to tell an empty closing or heading from none: both read back as None."""
    for name in ("operative_intro", "closing"):
        if getattr(draft, name) == "":
            setattr(draft, name, None)
    return draft


@EXPORT_SETTINGS
@given(drafts_from(word_text), drafts_from(word_text))
def test_export_round_trip_and_tracked_changes(draft, older):
    draft = consistent(draft)
    data = export_or_refuse(draft)
    assert data is not None
    assert import_docx(data) == without_empty_optionals(draft)
    assert export_or_refuse(draft, compare_with=older) is not None


@pytest.mark.parametrize("field", ["body", "meeting", "place", "date", "symbol", "label"])
def test_control_characters_in_the_header_fields_are_refused_by_name(field):
    """Found by the property above: these went to lxml unchecked and crashed the export."""
    draft = Draft(title="Déclaration", chapeau="Nous, Ministres,")
    if field != "label":
        setattr(draft.metadata, field, "A/RES/\x08")
    with pytest.raises(ExportError, match="U\\+0008"):
        export_docx(draft, revision_label="Rev.\x08" if field == "label" else None)
