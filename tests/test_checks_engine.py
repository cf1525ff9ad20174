"""The check engine: registry, findings, messages, fixes."""

import pytest

from checks import (
    REGISTRY,
    SEVERITIES,
    StaleFinding,
    apply_all,
    apply_fix,
    build_context,
    fix_draft,
    is_safe,
    run_checks,
)
from drafts.model import PARTS, Item, Paragraph
from tests.check_helpers import make, where

CODES = {"opener-unknown", "opener-form", "opener-agreement", "punctuation", "typography",
         "numbering", "duplicate", "acronym", "name-variant", "cross-reference", "brackets",
         "spelling", "language", "empty", "length", "precedent-drift"}
DEFECTIVE = make(
    ["Réaffirmant notre attachement à la Charte des Nations unies ;",
     "Conscientes de la gravité de la situation ;"],
    ["Souignons l'importance de la coopération avec l'ONUDC ;",
     "Réaffirment leur engagement  si néssaire;",
     ("Décidons de créer un fonds :", [
         "a) pour la prévention ;", "b) pour la protection ;",
         Item("d) pour les poursuites :", items=[Item("i) en justice ;"),
                                                 Item("ii) ailleurs.")])]),
     "Invitons [le Secrétaire général] à faire rapport,"])


def test_the_codes_of_the_issue_are_all_registered():
    assert set(REGISTRY) == CODES


@pytest.mark.parametrize("code", sorted(CODES))
def test_each_check_is_data_with_both_languages(code):
    check = REGISTRY[code]
    assert check.severity in SEVERITIES
    for templates in check.messages.values():
        assert set(templates) == {"fr", "en"}
        assert all("{where}" in t or t[0].isupper() for t in templates.values())


def test_findings_say_where_and_how_to_fix():
    findings = run_checks(DEFECTIVE)
    assert {f.part for f in findings} <= set(PARTS)
    codes = {f.code for f in findings}
    assert {"opener-unknown", "opener-form", "opener-agreement", "spelling", "typography",
            "numbering", "brackets", "punctuation", "acronym"} <= codes
    numbering = [f for f in findings if f.code == "numbering"]
    assert [where(f) for f in numbering] == [("operative", 2, 2)]  # « d) » is the third item
    spelling = next(f for f in findings if f.code == "spelling")
    assert (spelling.suggestion, spelling.original) == ("nécessaire", "néssaire")
    text = DEFECTIVE.operative[1].text
    assert text[spelling.span[0]:spelling.span[1]] == "néssaire"
    data = spelling.to_dict()
    assert list(data)[:7] == ["code", "severity", "part", "index", "item", "message",
                              "suggestion"]


def test_sub_items_are_counted_depth_first():
    found = run_checks(DEFECTIVE, codes=["typography"])
    items = {f.item for f in found if f.part == "operative" and f.index == 2}
    assert items <= {None, 0, 1, 2, 3, 4}


def test_messages_follow_the_requested_language():
    french = run_checks(DEFECTIVE, codes=["opener-unknown"])
    english = run_checks(DEFECTIVE, codes=["opener-unknown"], language="en")
    assert "n'est pas une formule d'ouverture connue" in french[0].message
    assert "is not a known opener" in english[0].message
    assert french[0].suggestion == english[0].suggestion == "Soulignons"


def test_without_a_bank_the_bank_checks_stay_quiet():
    draft = make(["Réaffirmant les buts et principes énoncés dans la Charte des Nations Unies,"],
                 ["Décide de rester saisie de la question."], chapeau="L’Assemblée générale,")
    assert run_checks(draft, codes=["precedent-drift"]) == []
    bank = build_context(["Réaffirmant les buts et principes consacrés par la Charte des "
                          "Nations Unies,"])
    assert [f.code for f in run_checks(draft, context=bank, codes=["precedent-drift"])] == \
        ["precedent-drift"]


def test_unknown_code_is_refused():
    with pytest.raises(ValueError, match="no-such-check"):
        run_checks(DEFECTIVE, codes=["no-such-check"])


def test_apply_fix_returns_a_fixed_copy():
    finding = next(f for f in run_checks(DEFECTIVE) if f.code == "opener-unknown")
    fixed = apply_fix(DEFECTIVE, finding)
    assert fixed.operative[0].text.startswith("Soulignons l'importance")
    assert DEFECTIVE.operative[0].text.startswith("Souignons")


def test_a_fix_for_text_that_changed_is_refused():
    finding = next(f for f in run_checks(DEFECTIVE) if f.code == "spelling")
    changed = apply_fix(DEFECTIVE, finding)
    with pytest.raises(StaleFinding):
        apply_fix(changed, finding)


def test_apply_all_applies_every_fix_of_one_paragraph():
    findings = [f for f in run_checks(DEFECTIVE) if where(f) == ("operative", 1, None)
                and f.span is not None]
    fixed = apply_all(DEFECTIVE, findings)
    assert fixed.operative[1].text == "Réaffirmons leur engagement si nécessaire\u00a0;"


def test_safe_fixes_leave_guesses_to_the_drafter():
    findings = run_checks(DEFECTIVE)
    spelling = [f for f in findings if f.code == "spelling"]
    assert spelling and not any(is_safe(f) for f in spelling)
    fixed = apply_all(DEFECTIVE, findings, safe_only=True)
    assert "néssaire" in fixed.operative[1].text


def test_renaming_an_instrument_is_left_to_the_drafter():
    draft = make(["Rappelant le Protocole de Palerme et la Charte des Nations Unies ;"],
                 ["Appelons les États à appliquer le Protocole de la Convention de Palerme ;",
                  "Appelons l'Organisation des Nations unies et les Nations Unies à agir."])
    found = run_checks(draft, codes=["name-variant"])
    assert sorted((f.original, is_safe(f)) for f in found) == [
        ("Nations unies", True), ("Protocole de la Convention de Palerme", False)]


def test_fix_draft_removes_every_safe_finding():
    fixed, applied = fix_draft(DEFECTIVE)
    assert applied
    assert not [f for f in run_checks(fixed) if is_safe(f)]
    assert fixed.operative[0].text.startswith("Soulignons")
    assert fixed.operative[-1].text.endswith("rapport.")


def test_bank_vocabulary_needs_more_than_one_use():
    context = build_context(["la conscientisation des victimes", "si néssaire", "la "
                             "conscientisation du public"])
    assert "conscientisation" in context.vocabulary
    assert "néssaire" not in context.vocabulary


def test_a_paragraph_without_text_is_found_not_crashed_on():
    draft = make(["Réaffirmant la Charte ;"], [Paragraph(""), Paragraph("   ")])
    found = run_checks(draft)
    assert {("operative", 0, None), ("operative", 1, None)} <= {where(f) for f in found
                                                               if f.code == "empty"}
