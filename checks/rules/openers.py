"""Openers: known words, in the form their block and the draft's voice call for, agreeing."""

from __future__ import annotations

from collections import Counter

from checks.model import Hit, Unit
from checks.reading import WORD, Reading
from checks.registry import register
from drafts.voice import (
    VOICE_FORM,
    adapt_opener,
    fold,
    infer_voice,
    match_case,
    opener_at,
    split_infinitive_prefix,
)

FORM_NAMES = {
    "fr": {"present_participle": "participe présent", "past_participle": "participe passé ou "
           "adjectif", "first_plural": "1re personne du pluriel", "third_plural": "3e personne "
           "du pluriel", "third_singular": "3e personne du singulier", "infinitive": "infinitif"},
    "en": {"present_participle": "present participle", "past_participle": "past participle or "
           "adjective", "first_plural": "first person plural", "third_plural": "third person "
           "plural", "third_singular": "third person singular", "infinitive": "infinitive"},
}
BLOCK_NAMES = {"fr": {"preambular": "le préambule", "operative": "le dispositif"},
               "en": {"preambular": "the preamble", "operative": "the operative part"}}
PREAMBULAR = ("present_participle", "past_participle")


def openers_module():
    """Return clause_bank.openers, or None when the lexicon is not installed."""
    try:
        from clause_bank import openers
    except ImportError:  # the opener checks then stay quiet
        return None
    return openers

FORM = {
    "default": {
        "fr": "{where} : « {opener} » ({found}) ne convient pas dans {block} ; attendu : {wanted}.",
        "en": "{where}: « {opener} » ({found}) does not fit {block}; expected: {wanted}.",
    },
    "subject": {
        "fr": "{where} : « {opener} » n'a pas de sujet : le chapeau est une phrase achevée et "
              "les autres paragraphes disent « {pronoun} … ».",
        "en": "{where}: « {opener} » has no subject: the chapeau is a sentence of its own and "
              "the other paragraphs say « {pronoun} … ».",
    },
}
_SUBJECTS = ("nous", "we")
_FINITE = ("first_plural", "third_plural", "third_singular")


@register("opener-form", "error", FORM, safe_fix=True)
def check_opener_form(reading: Reading, context) -> list[Hit]:
    """Find openers whose form does not fit their block and the draft's voice."""
    openers = openers_module()
    if openers is None:
        return []
    hits = []
    for part in ("preambular", "operative"):
        found = _known_openers(reading, part, openers)
        allowed = allowed_forms(reading, part, [opener.form for _, opener in found])
        if not allowed:
            continue
        told = _told_in_sentences(part, [opener.form for _, opener in found])
        for n, (unit, opener) in enumerate(found):
            if opener.form in allowed or (told and _narrative(opener, reading.voice)):
                continue
            if part == "operative" and _after_the_list(reading, found[n:], opener.form):
                continue
            hits.append(_form_hit(reading, unit, opener, part, allowed))
    return hits + _without_subject(reading)


def _without_subject(reading: Reading) -> list[Hit]:
    """Find a bare « Commit to … » among « We commit … » sentences after a chapeau that is a
    sentence of its own (« We, the Leaders of the G20, met in New Delhi. »): no subject."""
    if not reading.draft.chapeau.rstrip().endswith("."):
        return []
    # A lower-case paragraph goes on from a lead-in (« We have decided to: establish … »).
    found = [(u, o) for u, o in _known_openers(reading, "operative", None)
             if o.form in _FINITE and u.text.lstrip()[:1].isupper()]
    said = [o for _, o in found if fold(o.text).split()[0] in _SUBJECTS]
    if len(said) < 3 or len(said) * 3 < len(found) * 2:
        return []
    pronoun = fold(said[0].text).split()[0].capitalize()
    hits = []
    for unit, opener in found:
        if opener not in said:
            head = unit.text.lstrip()
            hits.append(Hit(unit, "subject", {"opener": opener.text, "pronoun": pronoun},
                            suggestion=f"{pronoun} {head[:1].lower()}{head[1:]}"
                            if not head[1:2].isupper() else None))
    return hits


def _after_the_list(reading: Reading, rest: list, form: str) -> bool:
    """Return True when the chapeau's own voice comes back once a list of infinitives ends.

    « Nous engageons à : Garantir … ; Associer … . Appelons … . »
    """
    if reading.voice != "infinitive" or reading.draft.voice is not None:
        return False
    own = operative_forms(infer_voice(reading.draft.chapeau), reading.text_language)
    return form in own and all(opener.form != "infinitive" for _, opener in rest)


def _told_in_sentences(part: str, forms: list[str]) -> bool:
    """Return False for a preamble of participles, where « Nous fondons » is a pasted OP."""
    if part != "preambular":
        return True
    participles = sum(1 for form in forms if form in PREAMBULAR)
    return not (participles >= 2 and participles * 3 >= len(forms) * 2)


def _narrative(opener, voice: str | None) -> bool:
    """Return True for « Nous reconnaissons … », « We recognise … » in a text that says we.

    A « Nous » declaration may be told in such sentences, in the preamble as in the rest;
    in a « Les chefs d'État … » text they are still a pasted voice.
    """
    return voice in (None, "first_plural", "infinitive") and opener.form == "first_plural" \
        and opener.text.lower().startswith(("nous ", "we "))


def _known_openers(reading: Reading, part: str, openers) -> list[tuple[Unit, object]]:
    found = []
    for unit in reading.paragraphs(part):
        opener = opener_at(unit.text, language=reading.text_language)
        if opener is not None and opener.known and opener.form != "none":
            found.append((unit, opener))
    return found


def allowed_forms(reading: Reading, part: str, forms: list[str]) -> set[str]:
    """Return the forms that fit *part*: its rule, or the block's own settled habit."""
    counts = Counter(forms)
    majority, votes = counts.most_common(1)[0] if counts else (None, 0)
    settled = votes >= 3 and votes * 10 >= len(forms) * 6
    if part == "preambular":
        allowed = set(PREAMBULAR)
        if settled and majority == VOICE_FORM.get(reading.voice or ""):
            allowed.add(majority)  # a « Nous » text whose preamble already declares
        return allowed
    voice = reading.voice
    if settled and reading.draft.voice is None and majority != voice \
            and majority not in PREAMBULAR:
        voice = majority  # the operative block speaks for itself: trust it over the guess
    return operative_forms(voice, reading.text_language)


def operative_forms(voice: str | None, language: str) -> set[str]:
    """Return the opener forms an operative paragraph takes in *voice*."""
    if voice not in VOICE_FORM:
        return set()
    if language == "en" and voice in ("first_plural", "third_plural"):
        return {"first_plural", "third_plural"}  # « (We) Reaffirm », « (They) Reaffirm »
    return {VOICE_FORM[voice]}


def _form_hit(reading: Reading, unit: Unit, opener, part: str, allowed: set[str]) -> Hit:
    names = FORM_NAMES[reading.language]
    voice = sorted(allowed)[0] if part == "operative" else reading.voice
    suggestion = span = None
    if "," not in opener.text:
        adapted = adapt_opener(unit.text, kind=part, voice=voice, chapeau=reading.draft.chapeau,
                               language=reading.text_language,
                               operative_intro=reading.draft.operative_intro)
        if adapted != unit.text:
            suggestion, span = _changed_head(unit.text, adapted)
    wanted = " / ".join(names[f] for f in sorted(allowed, key=list(names).index))
    return Hit(unit, params={"opener": opener.text, "found": names.get(opener.form, opener.form),
                             "block": BLOCK_NAMES[reading.language][part], "wanted": wanted},
               suggestion=suggestion, span=span)


def _changed_head(old: str, new: str) -> tuple[str, tuple[int, int]]:
    """Return the replacement and span that turn *old* into *new* (they share an ending)."""
    shared = 0
    while shared < min(len(old), len(new)) and old[-1 - shared] == new[-1 - shared]:
        shared += 1
    cut = len(old) - shared
    while cut < len(old) and cut > 0 and old[cut - 1].isalnum() and old[cut].isalnum():
        cut += 1  # whole words: « Réaffirment » → « Réaffirmant », not « …me » → « …ma »
    shared = len(old) - cut
    return new[: len(new) - shared], (0, cut)


AGREEMENT = {
    "default": {
        "fr": "{where} : « {written} » ne s'accorde pas avec le sujet du chapeau ; « {wanted} ».",
        "en": "{where}: « {written} » does not agree with the subject of the chapeau; "
              "« {wanted} ».",
    },
}


@register("opener-agreement", "error", AGREEMENT, safe_fix=True)
def check_opener_agreement(reading: Reading, context) -> list[Hit]:
    """Find adjective and past-participle openers that do not agree with the subject."""
    openers = openers_module()
    if openers is None or reading.text_language != "fr":
        return []
    found = []
    for unit in reading.paragraphs("preambular") + reading.paragraphs("operative"):
        opener = opener_at(unit.text, language="fr")
        if opener is not None and opener.known and opener.form == "past_participle":
            word = _adjective(unit.text, opener, openers)
            if word is not None:
                found.append((unit, opener, word))
    gender, number = _subject(reading, found, openers)
    hits = []
    for unit, opener, (start, end, written) in found:
        wanted = openers.inflect(opener.lemma, "past_participle", gender=gender, number=number)
        if wanted and fold(wanted) != fold(written):
            fixed = match_case(wanted, written)
            hits.append(Hit(unit, params={"written": written, "wanted": fixed},
                            suggestion=fixed, span=(start, end)))
    return hits


def _adjective(text: str, opener, openers) -> tuple[int, int, str] | None:
    """Return (start, end, word) of the word of *opener* that carries the agreement."""
    forms = {fold(f) for g in "mf" for n in "sp"
             if (f := openers.inflect(opener.lemma, "past_participle", gender=g, number=n))}
    _, body = split_infinitive_prefix(text)
    offset = len(text) - len(body)
    for match in WORD.finditer(body[: len(opener.text) + 1]):
        if fold(match.group()) in forms:
            return offset + match.start(), offset + match.end(), match.group()
    return None


def _subject(reading: Reading, found: list, openers) -> tuple[str, str]:
    """Return the subject's (gender, number): the chapeau's, or the draft's settled habit."""
    gender, number = reading.agreement
    if reading.voice != "first_plural" or len(found) < 2:
        return gender, number
    votes = Counter()
    for _, opener, (_, _, written) in found:
        for g in "mf":
            if fold(openers.inflect(opener.lemma, "past_participle", gender=g, number=number)
                    or "") == fold(written):
                votes[g] += 1
    # « Nous, Ministres » says nothing of gender: the draft's own agreement decides.
    if votes and votes.most_common(1)[0][1] * 2 > len(found):
        return votes.most_common(1)[0][0], number
    return gender, number
