"""Planters for defects across the draft: numbering, duplicates, names, references, words."""

from __future__ import annotations

import copy
import random
import re

from bench.planting import (
    ACRONYMS,
    BLOCKS,
    ENGLISH,
    FRENCH,
    Plant,
    _before_end,
    _misspell,
    _pick,
    _places,
    _set_text,
    planter,
)
from checks.dictionary import is_known
from checks.model import Unit
from checks.reading import WORD
from checks.rules.names import name_occurrences
from drafts.model import Draft, Item, Paragraph


@planter("numbering")
def plant_numbering(draft: Draft, rng: random.Random) -> Plant | None:
    place = _pick(rng, _places(draft, blocks=("operative",)))
    if place is None:
        return None
    if rng.random() < 0.4:  # sub-items a), b), d)
        damaged = copy.deepcopy(draft)
        paragraph = damaged.operative[place[1]]
        paragraph.items = [Item(f"{label}) {text}") for label, text in zip(
            "abd", ("la prévention ;", "la protection des victimes ;", "les poursuites."),
            strict=True)]
        return Plant(damaged, "operative", place[1], 2, "items a) b) d)")
    text = draft.operative[place[1]].text
    wrong = place[1] + 1 + rng.choice((1, 2, -1 if place[1] else 3))
    return _set_text(draft, *place, f"{wrong}. {text}", f"typed number {wrong}")


@planter("duplicate")
def plant_duplicate(draft: Draft, rng: random.Random) -> Plant | None:
    place = _pick(rng, _places(draft, test=lambda p, i, part: len(WORD.findall(p.text)) >= 10))
    if place is None:
        return None
    part, index = place
    text = draft.paragraphs(part)[index].text
    words = list(WORD.finditer(text))
    near = text
    for _ in range(rng.choice((1, 1, 2, 3)) if len(words) >= 20 else 1):
        victim = rng.choice(list(WORD.finditer(near))[1:])
        near = near[:victim.start()] + near[victim.end():].lstrip(" ")  # a word less
    damaged = copy.deepcopy(draft)
    block = damaged.paragraphs(part)
    position = rng.randrange(len(block) + 1)
    block.insert(position, Paragraph(near))
    original = index + 1 if position <= index else index
    return Plant(damaged, part, max(position, original), None, f"copy of {part} {index}")


@planter("acronym")
def plant_acronym(draft: Draft, rng: random.Random) -> Plant | None:
    place = _pick(rng, _places(draft))
    texts = " ".join(p.text for part in BLOCKS for p in draft.paragraphs(part))
    unused = [a for a in ACRONYMS.get(draft.language, ACRONYMS["en"]) if a not in texts]
    if place is None or not unused:
        return None
    late = _defined_later(draft)
    if late and rng.random() < 0.4:  # used before the paragraph that spells it out
        acronym, before = rng.choice(late)
        part, index = rng.choice(before)
        insert = f", avec l’appui du {acronym}" if draft.language == "fr" else \
            f", with the support of {acronym}"
        text = draft.paragraphs(part)[index].text
        return _set_text(draft, part, index, _before_end(text, insert), f"{acronym} used early")
    acronym = rng.choice(unused)
    insert = f", avec l’appui du {acronym}" if draft.language == "fr" else \
        f", with the support of {acronym}"
    text = draft.paragraphs(place[0])[place[1]].text
    return _set_text(draft, *place, _before_end(text, insert), acronym)


def _defined_later(draft: Draft) -> list[tuple[str, list]]:
    """Return the acronyms spelt out in a paragraph that has paragraphs before it."""
    places = _places(draft)
    found = []
    for n, (part, index) in enumerate(places):
        for match in re.finditer(r"\(([A-Z]{2,8})\)", draft.paragraphs(part)[index].text):
            if n > 0:
                found.append((match.group(1), places[:n]))
    return found


@planter("name-variant")
def plant_name_variant(draft: Draft, rng: random.Random) -> Plant | None:
    seen = {}
    for part in BLOCKS:
        for index, paragraph in enumerate(draft.paragraphs(part)):
            for found in name_occurrences(Unit(part, index, None, paragraph.text, "")):
                if found.key.startswith("case:") and not found.key.endswith("+"):
                    seen.setdefault(found.key, []).append((part, index, found))
    names = [v for v in seen.values() if _toggle(v[0][2].form)]
    if not names:
        return None
    occurrences = rng.choice(names)
    places = [o[:2] for o in occurrences]
    target = [p for p in _places(draft) if p not in places]
    if not target:
        return None
    part, index = rng.choice(target)
    variant = _toggle(occurrences[0][2].form)
    text = draft.paragraphs(part)[index].text
    insert = f", en liaison avec la {variant}" if draft.language == "fr" else \
        f", with the {variant}"
    plant = _set_text(draft, part, index, _before_end(text, insert), variant)
    plant.also = [(p, i, None) for p, i in places]
    return plant


STOPWORDS = frozenset(("de", "des", "du", "la", "le", "les", "et", "en", "au", "aux", "of",
                       "the", "and", "to", "in", "on", "for", "with"))


def _toggle(form: str) -> str | None:
    """Return a name (« Nations Unies ») with its second word's capital turned over."""
    words = form.split(" ")
    if len(words) != 2 or not words[0][:1].isupper() or len(words[1]) < 4 \
            or not words[1].isalpha() or words[1].lower() in STOPWORDS:
        return None
    second = words[1]
    second = second[0].lower() + second[1:] if second[0].isupper() else second.capitalize()
    return f"{words[0]} {second}"


@planter("cross-reference")
def plant_cross_reference(draft: Draft, rng: random.Random) -> Plant | None:
    count = len(draft.operative)
    if count < 3:
        return None
    index = rng.randrange(0, count - 1)
    number = rng.choice((count + rng.randint(1, 5), rng.randint(index + 2, count)))
    direction = ("ci-dessus", "above")
    if index >= 1 and rng.random() < 0.4:
        number, direction = rng.randint(1, index), ("ci-dessous", "below")
    insert = f" (voir le paragraphe {number} {direction[0]})" if draft.language == "fr" else \
        f" (see paragraph {number} {direction[1]})"
    text = draft.operative[index].text
    return _set_text(draft, "operative", index, _before_end(text, insert), str(number))


_OPENER = {")": "(", "»": "«", "]": "["}


@planter("brackets")
def plant_brackets(draft: Draft, rng: random.Random) -> Plant | None:
    place = _pick(rng, _places(draft, test=lambda p, i, part: len(WORD.findall(p.text)) > 6))
    if place is None:
        return None
    text = draft.paragraphs(place[0])[place[1]].text
    # Only a closer that has its opener: the « ) » of « l'alinéa a) » closes nothing.
    closers = [m.start() for m in re.finditer(r"[)»\]]", text)
               if text.rfind(_OPENER[m.group()], 0, m.start())
               > text.rfind(m.group(), 0, m.start())]
    if closers and rng.random() < 0.5:
        at = rng.choice(closers)
        return _set_text(draft, *place, text[:at] + text[at + 1:], "closing mark removed")
    words = list(WORD.finditer(text))
    at = words[rng.randrange(1, len(words))].start()
    mark = rng.choice(("(", "« ", "["))
    return _set_text(draft, *place, text[:at] + mark + text[at:], f"{mark.strip()} left open")


@planter("spelling")
def plant_spelling(draft: Draft, rng: random.Random) -> Plant | None:
    candidates = []
    for part, index in _places(draft):
        text = draft.paragraphs(part)[index].text
        for match in list(WORD.finditer(text))[1:]:
            word = match.group()
            if len(word) >= 7 and word.islower() and "'" not in word and "’" not in word:
                candidates.append((part, index, match))
    if not candidates:
        return None
    part, index, match = rng.choice(candidates)
    wrong = _misspell(match.group(), rng, draft.language)
    if wrong is None:
        return None
    text = draft.paragraphs(part)[index].text
    return _set_text(draft, part, index, text[:match.start()] + wrong + text[match.end():],
                     f"{match.group()} → {wrong}")


@planter("language")
def plant_language(draft: Draft, rng: random.Random) -> Plant | None:
    place = _pick(rng, _places(draft))
    if place is None:
        return None
    foreign = rng.choice(ENGLISH if draft.language == "fr" else FRENCH)
    text = draft.paragraphs(place[0])[place[1]].text
    if rng.random() < 0.5:
        return _set_text(draft, *place, f"{foreign} ;" if draft.language == "fr" else
                         f"{foreign};", "paragraph replaced")
    return _set_text(draft, *place, _before_end(text, f" ; {foreign}"), "sentence added")


@planter("empty")
def plant_empty(draft: Draft, rng: random.Random) -> Plant | None:
    place = _pick(rng, _places(draft))
    if place is None:
        return None
    return _set_text(draft, *place, rng.choice(("", " ", f"{place[1] + 1}.", "**")), "emptied")


@planter("length")
def plant_length(draft: Draft, rng: random.Random) -> Plant | None:
    place = _pick(rng, _places(draft))
    texts = [p.text for part in BLOCKS for p in draft.paragraphs(part)]
    if place is None or sum(len(WORD.findall(t)) for t in texts) < 260:
        return None
    text = draft.paragraphs(place[0])[place[1]].text
    others = [t for t in texts if t != text]
    rng.shuffle(others)
    while len(WORD.findall(text)) < 260 and others:
        text = text.rstrip(" ;,.\u00a0") + " ; " + others.pop()
    return _set_text(draft, *place, text, "paragraphs run together")


def plant_drift(draft: Draft, rng: random.Random, precedents: list[str]) -> Plant | None:
    """Insert a bank clause with one word changed (the bank's context must hold it)."""
    usable = [t for t in precedents if len(WORD.findall(t)) >= 14]
    if not usable:
        return None
    text = rng.choice(usable)
    words = [m for m in WORD.finditer(text) if len(m.group()) > 4 and is_known(m.group())][1:]
    if not words:
        return None
    victim = rng.choice(words)
    edited = text[:victim.start()] + "notamment " + text[victim.start():]
    part = rng.choice(BLOCKS)
    damaged = copy.deepcopy(draft)
    position = rng.randrange(len(damaged.paragraphs(part)) + 1)
    damaged.paragraphs(part).insert(position, Paragraph(edited))
    return Plant(damaged, part, position, None, "precedent edited")
