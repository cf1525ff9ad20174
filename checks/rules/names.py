"""One organisation or instrument, one way of writing it, throughout the draft."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from checks.model import Hit, Unit
from checks.reading import WORD, Reading
from checks.registry import register
from checks.rules.acronyms import learn_acronyms
from drafts.voice import fold

__all__ = ["learn_acronyms", "learn_name_forms", "name_occurrences"]

NAME_VARIANT = {
    "default": {
        "fr": "{where} écrit « {found} », ailleurs « {preferred} » ({other}).",
        "en": "{where} writes « {found} », elsewhere « {preferred} » ({other}).",
    },
    "bank": {
        "fr": "{where} écrit « {found} », ailleurs « {preferred} » ({other}) ; la banque "
              "écrit « {preferred} ».",
        "en": "{where} writes « {found} », elsewhere « {preferred} » ({other}); the bank "
              "writes « {preferred} ».",
    },
}
_HEADS = (r"Protocole|Convention|Déclaration|Charte|Pacte|Plan d['’]action|Programme d['’]action"
          r"|Accord|Traité|Statut|Résolution|Protocol|Declaration|Charter|Covenant|Agreement"
          r"|Treaty|Statute")
# Capitalised words that name institutions, not the place an instrument is named after.
_NOT_PLACES = frozenset(fold(w) for w in (
    "Nations", "Unies", "United", "Assemblée", "Assembly", "Conseil", "Council",
    "Organisation", "Organization", "Union", "États", "States", "Convention", "Protocole",
    "Protocol", "Déclaration", "Declaration", "Charte", "Charter", "Pacte", "Programme",
    "Plan", "Secrétariat", "Secretariat", "Commission", "Conférence", "Conference",
    "Sommet", "Summit", "Réunion", "Meeting", "Groupe", "Group", "Comité", "Committee",
    "Agenda", "Objectifs", "Goals", "Cour", "Court", "Droits", "Homme", "Parties", "Session",
))
_INSTRUMENT = re.compile(
    rf"\b(?P<head>{_HEADS})(?P<mid>(?:\s+[\w’'-]+){{0,6}}?)(?:\s+(?:de|du|of)\s+|\s+d['’])"
    r"(?P<place>[A-ZÀ-Ý][\w’'-]*(?:\s+(?:(?:do|da|del|di|de|la)\s+)?[A-ZÀ-Ý][\w’'-]*)*)"
)
_BREAK = re.compile(r"[.;:!?\n«»()\[\]]")


@dataclass
class Occurrence:
    key: str  # what names the same thing: "case:nations unies", "inst:protocole|palerme"
    form: str  # as written (case kept)
    unit: Unit
    span: tuple[int, int]


@register("name-variant", "warning", NAME_VARIANT, safe_fix=True)
def check_name_variant(reading: Reading, context) -> list[Hit]:
    """Find one organisation or instrument written two ways in the draft."""
    preferred_forms = context.name_forms if context is not None else {}
    groups: dict[str, list[Occurrence]] = {}
    for unit in reading.units:
        if unit.part != "title":
            for occurrence in name_occurrences(unit):
                groups.setdefault(occurrence.key, []).append(occurrence)
    hits: list[Hit] = []
    taken: set[tuple] = set()
    for key, occurrences in sorted(groups.items(), key=lambda kv: not kv[0].startswith("inst")):
        if len(occurrences) < 2:
            continue
        forms = Counter(o.form for o in occurrences)
        if len(forms) < 2:
            continue
        bank_form = preferred_forms.get(key)
        preferred = bank_form if bank_form in forms else _majority(occurrences, forms)
        model = next(o for o in occurrences if o.form == preferred)
        for occurrence in occurrences:
            if occurrence.form != preferred and not _overlaps(taken, occurrence):
                taken.add((occurrence.unit.part, occurrence.unit.index, occurrence.unit.item,
                           occurrence.span))
                hits.append(_hit(occurrence, preferred, model, bank_form == preferred))
    return hits


def _majority(occurrences: list[Occurrence], forms: Counter) -> str:
    best = max(forms.values())
    return next(o.form for o in occurrences if forms[o.form] == best)


def _overlaps(taken: set[tuple], occurrence: Occurrence) -> bool:
    unit, (start, end) = occurrence.unit, occurrence.span
    return any(t[:3] == (unit.part, unit.index, unit.item) and t[3][0] < end and start < t[3][1]
               for t in taken)


def _hit(occurrence: Occurrence, preferred: str, model: Occurrence, from_bank: bool) -> Hit:
    written = occurrence.unit.text[occurrence.span[0]:occurrence.span[1]]
    suggestion = preferred.replace("'", "’") if "’" in written else preferred
    # A capital is safe to change; the wording of an instrument's name is the drafter's call.
    detail = {} if occurrence.key.startswith("case:") else {"safe": False}
    return Hit(occurrence.unit, "bank" if from_bank else "default",
               {"found": occurrence.form, "preferred": preferred, "other": model.unit.label},
               suggestion=suggestion, span=occurrence.span, detail=detail)


def name_occurrences(unit: Unit) -> list[Occurrence]:
    """Return the instrument names and capitalised word groups of *unit*, keyed by identity."""
    found = [Occurrence(f"inst:{fold(m.group('head'))}|{fold(m.group('place'))}",
                        " ".join(m.group().split()).replace("’", "'"), unit, m.span())
             for m in _INSTRUMENT.finditer(unit.text)
             if fold(m.group("place").split()[0]) not in _NOT_PLACES
             and not _BREAK.search(m.group())]
    found.extend(_case_groups(unit))
    return found


def _case_groups(unit: Unit) -> list[Occurrence]:
    """Return word pairs holding a capital inside a sentence, keyed by their lowercase.

    Only pairs written with a capital are collected, so « des nations » (common noun) is
    never compared with « des Nations » (in « Nations Unies »).
    """
    text = unit.text
    tokens = list(WORD.finditer(text))
    capitals = [n for n, t in enumerate(tokens) if _CAPITAL.match(t.group())]
    starts = sorted({s for n in capitals for s in (n - 1, n) if 0 <= s < len(tokens) - 1})
    found = []
    for n in starts:
        pair = tokens[n:n + 2]
        if _gap(text, tokens, n, _SENTENCE) or _gap(text, tokens, n + 1, _PUNCTUATION):
            continue
        words = [t.group() for t in pair]
        if any(sum(c.isupper() for c in w) > 1 for w in words):
            continue  # acronyms and capitals: no case to compare
        form = " ".join(words).replace("’", "'")
        # « United Nations Crime Prevention … Programme » (a longer name) is no variant of
        # « United Nations crime prevention » (words about it): what follows tells them apart.
        longer = "+" if _continues_capitalised(text, tokens, n + 2) else ""
        found.append(Occurrence("case:" + form.lower() + longer, form, unit,
                                (pair[0].start(), pair[-1].end())))
    return found


def _continues_capitalised(text: str, tokens: list[re.Match], n: int) -> bool:
    return n < len(tokens) and not _gap(text, tokens, n, _PUNCTUATION) \
        and tokens[n].group()[:1].isupper()


_CAPITAL = re.compile(r"^(?:\w{1,3}['’])?[A-ZÀ-ÝŒ]")
_SENTENCE = re.compile(r"[.;:!?\n«»()\[\]\"“”–—]")
_PUNCTUATION = re.compile(r"[^\s'’-]")


def _gap(text: str, tokens: list[re.Match], n: int, pattern: re.Pattern) -> bool:
    """Return True when what precedes token *n* matches *pattern* (or nothing does)."""
    if n == 0:
        return True
    return bool(pattern.search(text[tokens[n - 1].end():tokens[n].start()]))


def learn_name_forms(texts: list[str]) -> dict[str, str]:
    """Return each name's key → the form the bank writes most often."""
    counts: dict[str, Counter] = {}
    for text in texts:
        unit = Unit("preambular", 0, None, text, "")
        for occurrence in name_occurrences(unit):
            counts.setdefault(occurrence.key, Counter())[occurrence.form] += 1
    return {key: forms.most_common(1)[0][0] for key, forms in counts.items() if forms}
