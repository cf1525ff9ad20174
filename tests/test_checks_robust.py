"""Whatever the text, the checks answer, and their fixes apply to the text they were found in."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks import apply_all, fix_draft, run_checks
from drafts.model import Draft, Item, Paragraph

PIECES = ["Réaffirmant ", "Souignons ", "De rejeter ", "Nous ", "L’", "l'", "ONUDC", "(", ")",
          "[", "]", "«", "»", " ;", ";", ",", ".", "..", "  ", "\u00a0", "**", "a) ", "3. ",
          "paragraphe 9 ci-dessus", "néssaire", "Nations unies", "Nations Unies", "criminal ",
          "\ufffd", "é", "\n", "x" * 30, "Conscientes ", "de la ", "traite "]
texts = st.lists(st.sampled_from(PIECES) | st.text(max_size=8), max_size=14).map("".join)


@st.composite
def drafts(draw):
    paragraphs = st.builds(Paragraph, texts, st.lists(st.builds(Item, texts), max_size=3))
    return Draft(title=draw(texts), chapeau=draw(texts),
                 preambular=draw(st.lists(paragraphs, max_size=4)),
                 operative=draw(st.lists(paragraphs, max_size=5)),
                 operative_intro=draw(st.none() | texts), closing=draw(st.none() | texts),
                 language=draw(st.sampled_from(["fr", "en"])))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drafts())
def test_checks_never_fail_and_their_fixes_apply(draft):
    findings = run_checks(draft)
    for finding in findings:
        if finding.span is not None:
            text = _text(draft, finding)
            assert text[finding.span[0]:finding.span[1]] == finding.original
    apply_all(draft, findings)
    fixed, _ = fix_draft(draft)
    run_checks(fixed)


def _text(draft, finding):
    if finding.part in ("preambular", "operative"):
        paragraph = draft.paragraphs(finding.part)[finding.index]
        if finding.item is None:
            return paragraph.text
        flat = []

        def walk(items):
            for item in items:
                flat.append(item)
                walk(item.items)
        walk(paragraph.items)
        return flat[finding.item].text
    return getattr(draft, finding.part) or ""
