"""Plant one defect of a given kind at a known place of a clean draft (rules as data).

Each planter takes a draft and a random generator and returns a Plant (the damaged copy and
where the defect is), or None when the draft offers no place for that kind of defect.
"""

from __future__ import annotations

import copy
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from checks.dictionary import is_known
from checks.reading import WORD, ending
from clause_bank.openers import find_opener, inflect
from drafts.model import Draft, Paragraph
from drafts.voice import adapt_opener, infer_voice

BLOCKS = ("preambular", "operative")
ENGLISH = ["Calls upon Member States to strengthen international cooperation",
           "Reinforce criminal justice cooperation",
           "in accordance with national legislation",
           "as appropriate and upon request",
           "Encourages Governments to share best practices with one another",
           "Requests the Secretary-General to report on the implementation"]
FRENCH = ["Renforcer la coopération en matière de justice pénale",
          "Invite les gouvernements à échanger leurs bonnes pratiques"]
ACRONYMS = {"fr": ["PNUD", "CEDEAO", "UNFPA", "OCHA", "CICR"],
            "en": ["UNDP", "ECOWAS", "UNFPA", "OCHA", "ICRC"]}
ADJECTIVES = [("préoccupé", "par la persistance de la traite des personnes dans la région"),
              ("conscient", "de la nécessité d'une action concertée"),
              ("convaincu", "que la coopération internationale est indispensable")]


@dataclass
class Plant:
    """A damaged draft and the place of its one defect."""

    draft: Draft
    part: str
    index: int | None
    item: int | None = None
    note: str = ""
    also: list[tuple] = field(default_factory=list)  # other places naming the same defect


Planter = Callable[[Draft, random.Random], "Plant | None"]
PLANTERS: dict[str, Planter] = {}


def planter(code: str):
    """Register a planter for check *code*."""
    def decorate(function: Planter) -> Planter:
        PLANTERS[code] = function
        return function
    return decorate


def _places(draft: Draft, *, blocks=BLOCKS, test=lambda p, i, part: True):
    return [(part, i) for part in blocks for i, p in enumerate(draft.paragraphs(part))
            if test(p, i, part)]


def _pick(rng: random.Random, places):
    return rng.choice(places) if places else None


def _set_text(draft: Draft, part: str, index: int, text: str, note: str) -> Plant:
    damaged = copy.deepcopy(draft)
    damaged.paragraphs(part)[index].text = text
    return Plant(damaged, part, index, None, note)


def _before_end(text: str, insert: str) -> str:
    """Insert *insert* just before the final punctuation of *text*."""
    match = re.search(r"[\s\u00a0]*[,;:.]?[\s\u00a0]*(?:\bet\b)?[\s\u00a0]*$", text)
    return text[: match.start()] + insert + text[match.start():]


def _misspell(word: str, rng: random.Random, language: str) -> str | None:
    for _ in range(12):
        n = rng.randrange(2, len(word) - 2)
        how = rng.choice(("drop", "double", "swap", "accent", "substitute"))
        if how == "substitute":
            wrong = word[:n] + rng.choice("aeioustrnlcm") + word[n + 1:]
        elif how == "drop":
            wrong = word[:n] + word[n + 1:]
        elif how == "double":
            wrong = word[:n] + word[n] + word[n:]
        elif how == "swap":
            wrong = word[:n] + word[n + 1] + word[n] + word[n + 2:]
        else:
            wrong = word.replace("é", "e", 1) if "é" in word else word[:n] + word[n + 1:]
        if wrong != word and not is_known(wrong, language):
            return wrong
    return None


@planter("opener-unknown")
def plant_opener_unknown(draft: Draft, rng: random.Random) -> Plant | None:
    def fits(p, i, part):
        opener = find_opener(p.text, language=draft.language)
        first = WORD.match(p.text.lstrip())
        return opener is not None and opener.known and first is not None \
            and len(first.group()) >= 5
    place = _pick(rng, _places(draft, test=fits))
    if place is None:
        return None
    text = draft.paragraphs(place[0])[place[1]].text.lstrip()
    word = WORD.match(text).group()
    wrong = _misspell(word, rng, draft.language)
    return _set_text(draft, *place, wrong + text[len(word):], f"{word} → {wrong}") if wrong \
        else None


@planter("opener-form")
def plant_opener_form(draft: Draft, rng: random.Random) -> Plant | None:
    voice = draft.voice or infer_voice(draft.chapeau, draft.operative_intro)
    other = {"first_plural": "third_plural", "third_plural": "first_plural",
             "third_singular": "third_plural", "infinitive": "first_plural"}.get(voice)
    if other is None:
        return None
    if rng.random() < 0.3 and draft.preambular:  # a finite verb pasted into the preamble
        places = _places(draft, blocks=("preambular",), test=lambda p, i, part: _has_form(
            p.text, draft.language, {"present_participle"}))
        kind, voice_now = "operative", voice
    else:
        places = _places(draft, blocks=("operative",), test=lambda p, i, part: _has_form(
            p.text, draft.language, {voice}))
        kind, voice_now = "operative", other
    place = _pick(rng, places)
    if place is None:
        return None
    text = draft.paragraphs(place[0])[place[1]].text
    changed = adapt_opener(text, kind=kind, voice=voice_now, chapeau=draft.chapeau,
                           language=draft.language)
    return _set_text(draft, *place, changed, f"{place[0]} in {voice_now}") \
        if changed != text else None


def _has_form(text: str, language: str, forms: set) -> bool:
    opener = find_opener(text, language=language)
    return opener is not None and opener.known and opener.form in forms and "," not in opener.text


@planter("opener-agreement")
def plant_opener_agreement(draft: Draft, rng: random.Random) -> Plant | None:
    if draft.language != "fr" or not draft.preambular:
        return None
    existing = _places(draft, blocks=("preambular",), test=lambda p, i, part: _has_form(
        p.text, "fr", {"past_participle"}))
    if existing and rng.random() < 0.5:
        part, index = rng.choice(existing)
        text = draft.preambular[index].text
        word = WORD.search(text)
        flipped = _flip_agreement(word.group())
        if flipped:
            return _set_text(draft, part, index, text[:word.start()] + flipped +
                             text[word.end():], f"{word.group()} → {flipped}")
    lemma, rest = rng.choice(ADJECTIVES)
    singular = (infer_voice(draft.chapeau) == "third_singular")
    wrong = inflect(lemma, "past_participle", gender="m", number="p" if singular else "s")
    mark = ending(draft.preambular[0].text) or ","
    position = rng.randrange(len(draft.preambular))
    damaged = copy.deepcopy(draft)
    spaced = f" {mark}" if mark in ";:" else mark
    damaged.preambular.insert(position, Paragraph(f"{wrong.capitalize()} {rest}{spaced}"))
    return Plant(damaged, "preambular", position, None, wrong)


def _flip_agreement(word: str) -> str | None:
    """Turn « Conscients » into « Consciente », « Préoccupée » into « Préoccupés »."""
    if word.endswith("es"):
        return word[:-1]
    if word.endswith("s"):
        return word[:-1] + "e"
    if word.endswith("e") and len(word) > 4:
        return word + "s"
    return None


@planter("punctuation")
def plant_punctuation(draft: Draft, rng: random.Random) -> Plant | None:
    def fits(p, i, part):
        return not p.items and i < len(draft.paragraphs(part)) - 1 and ending(p.text) \
            and not re.search(r"\b(?:et|and)\s*$", p.text)
    last = len(draft.operative) - 1
    if rng.random() < 0.2 and last >= 0 and ending(draft.operative[last].text) == ".":
        text = draft.operative[last].text.rstrip()[:-1].rstrip()
        return _set_text(draft, "operative", last, text + (" ;" if draft.language == "fr"
                                                           else ";"), "last one with ;")
    place = _pick(rng, _places(draft, test=fits))
    if place is None:
        return None
    text = draft.paragraphs(place[0])[place[1]].text.rstrip()
    mark = ending(text)
    how = rng.choice(("swap", "double", "drop"))
    cut = text.rstrip(" ,;.:\u00a0")
    if how == "double":
        return _set_text(draft, *place, text + mark, "doubled")
    if how == "drop":
        return _set_text(draft, *place, cut, "dropped")
    wrong = rng.choice([m for m in (",", ".", ";") if m != mark])
    return _set_text(draft, *place, cut + (" ;" if wrong == ";" else wrong), f"{mark} → {wrong}")


@planter("typography")
def plant_typography(draft: Draft, rng: random.Random) -> Plant | None:
    place = _pick(rng, _places(draft, test=lambda p, i, part: len(WORD.findall(p.text)) > 6))
    if place is None:
        return None
    text = draft.paragraphs(place[0])[place[1]].text
    words = list(WORD.finditer(text))
    how = rng.choice(("double", "markup", "apostrophe", "space", "quotes", "comma"))
    if how == "quotes" and draft.language == "fr":
        at = words[len(words) // 3].start(), words[len(words) // 3 + 2].end()
        return _set_text(draft, *place, text[:at[0]] + "«" + text[at[0]:at[1]] + "»" +
                         text[at[1]:], "« » without spaces")
    if how == "comma":
        end = next((w.end() for w in words[len(words) // 2:] if text[w.end():w.end() + 1] == " "),
                   words[len(words) // 2].end())
        return _set_text(draft, *place, text[:end] + " ," + text[end:], "space before comma")
    if how == "space" and draft.language == "fr" and re.search(r"[ \u00a0][;:]", text):
        fixed = re.sub(r"[ \u00a0]([;:])", r"\1", text, count=1)
        return _set_text(draft, *place, fixed, "no space before ; or :")
    if how == "apostrophe" and ("’" in text or "'" in text):
        kind = "’" if "’" in text else "'"
        fixed = text.replace(kind, "'" if kind == "’" else "’", 1)
        if _uses_only(draft, kind):
            return _set_text(draft, *place, fixed, "mixed apostrophes")
    if how == "markup":
        first = words[0]
        return _set_text(draft, *place, text[:first.start()] + "**" + first.group() + "**" +
                         text[first.end():], "markup")
    cut = next((w.start() for w in words[len(words) // 2:] if text[w.start() - 1] == " "),
               words[len(words) // 2].start())
    return _set_text(draft, *place, text[:cut] + " " + text[cut:], "double space")


def _uses_only(draft: Draft, kind: str) -> bool:
    other = "'" if kind == "’" else "’"
    texts = [draft.title, draft.chapeau] + [p.text for part in BLOCKS
                                            for p in draft.paragraphs(part)]
    return not any(re.search(rf"\w{other}\w", t or "") for t in texts)
