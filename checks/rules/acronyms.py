"""Acronyms: spelt out at their first use, once, and one way."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from checks.dictionary import DATA, is_known
from checks.model import Hit, Unit
from checks.reading import WORD, Reading
from checks.registry import register
from drafts.voice import fold

ACRONYM = {
    "undefined": {
        "fr": "{where} : le sigle « {acronym} » n'est explicité nulle part.{hint}",
        "en": "{where}: the acronym « {acronym} » is never spelt out.{hint}",
    },
    "late": {
        "fr": "{where} : le sigle « {acronym} » est employé avant d'être explicité ({defined}).",
        "en": "{where}: the acronym « {acronym} » is used before it is spelt out ({defined}).",
    },
    "twice": {
        "fr": "{where} : le sigle « {acronym} » est explicité de deux façons : « {first} » "
              "({defined}) et « {second} ».",
        "en": "{where}: the acronym « {acronym} » is spelt out two ways: « {first} » "
              "({defined}) and « {second} ».",
    },
}
HINTS = {"fr": " La banque l'explicite « {long} ».", "en": " The bank spells it « {long} »."}
STOPWORDS = frozenset((
    "de", "des", "du", "d", "la", "le", "les", "l", "et", "pour", "sur", "contre", "en",
    "à", "aux", "au", "of", "the", "for", "and", "on", "in", "to", "against",
))
_TOKEN = re.compile(r"(?<![\w/-])[A-ZÀ-Ý][A-ZÀ-Ý0-9]{1,9}(?:-[A-ZÀ-Ý0-9]{2,6})?(?![\w/])")
_OPENS_BRACKET = re.compile(r"\(\s*[«“\"]?\s*(?:[A-ZÀ-Ý][\w’'-]*\s+){0,2}$")
_ROMAN = re.compile(r"^[IVXLC]+$")
_DASHED = re.compile(r"[–—-]\s*$")
_HEREAFTER = re.compile(r"(?:\(\s*)?(?:ci-après|hereinafter)(?:\s+\w+)?\s*[«“\"]\s*$", re.I)


@dataclass
class Mention:
    acronym: str
    unit: Unit
    order: int  # position of the unit in the draft
    span: tuple[int, int]
    long: str | None  # the spelt-out form when this mention defines the acronym


@lru_cache(maxsize=1)
def well_known() -> frozenset[str]:
    """Return the acronyms every reader knows (data/acronyms.txt)."""
    lines = (DATA / "acronyms.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and line[0] != "#")


@register("acronym", "warning", ACRONYM, safe_fix=False)
def check_acronym(reading: Reading, context) -> list[Hit]:
    """Find acronyms used before being spelt out, never spelt out, or spelt out two ways."""
    known = context.acronyms if context is not None else {}
    units = [(order, unit) for order, unit in enumerate(reading.units)
             if unit.part not in ("title", "closing")]
    # « (GEOGLAM) » is spelt out: elsewhere too it is that acronym, not « géo- » + « glam ».
    defined = frozenset(m.acronym for order, unit in units
                        for m in find_mentions(unit, order, reading.text_language) if m.long)
    mentions: dict[str, list[Mention]] = {}
    for order, unit in units:
        for mention in find_mentions(unit, order, reading.text_language, defined=defined):
            mentions.setdefault(mention.acronym, []).append(mention)
    hits = []
    for acronym, found in mentions.items():
        if not any(m.long for m in found) and _spelt_out_before(reading, found[0]):
            continue  # « la Communauté économique … de l'Afrique centrale » … then « CEMAC »
        hits.extend(_judge(acronym, found, known, reading.language))
    return hits


def _spelt_out_before(reading: Reading, first: Mention) -> bool:
    """Return True when the words the acronym stands for come before its first use."""
    texts = [u.text for u in reading.units[: first.order] if u.part not in ("title", "closing")]
    texts.append(first.unit.text[: first.span[0]])
    letters = fold(first.acronym).replace("-", "")
    for text in texts:
        found, capitals = initials(text)
        start = found.find(letters)
        while start >= 0:
            # Two or three initials meet by chance: a short one needs a Name to start.
            if len(letters) >= 4 or capitals[start] == "1":
                return True
            start = found.find(letters, start + 1)
    return False


@lru_cache(maxsize=4096)
def initials(text: str) -> tuple[str, str]:
    """Return the initials of the words of *text* that count in an acronym, in order, and
    "1" or "0" for each: does that word start with a capital?"""
    parts = [part for word in WORD.findall(text) for part in _bare(word).split("-")
             if part and fold(part) not in STOPWORDS]
    return ("".join(fold(part[0]) for part in parts),
            "".join("1" if part[0].isupper() else "0" for part in parts))


def _judge(acronym: str, found: list[Mention], known: dict, language: str) -> list[Hit]:
    definitions = [m for m in found if m.long]
    first = found[0]
    if not definitions:
        if acronym in well_known():
            return []
        long = known.get(acronym)
        hint = HINTS[language].format(long=long) if long else ""
        return [Hit(first.unit, "undefined", {"acronym": acronym, "hint": hint},
                    suggestion=f"{long} ({acronym})" if long else None, span=first.span)]
    hits = []
    # A title quoted before the definition (« Cadre « L'EDD pour 2030 » ») is no use of it.
    first = next((m for m in found if m.long or not _quoted(m)), first)
    if first.long is None:
        defined = definitions[0]
        hits.append(Hit(first.unit, "late", {"acronym": acronym, "defined": defined.unit.label},
                        suggestion=f"{defined.long} ({acronym})", span=first.span))
    for other in definitions[1:]:
        if _different(definitions[0].long, other.long):
            hits.append(Hit(other.unit, "twice", {
                "acronym": acronym, "first": definitions[0].long, "second": other.long,
                "defined": definitions[0].unit.label}, span=other.span))
    return hits


def _quoted(mention: Mention) -> bool:
    before = mention.unit.text[: mention.span[0]]
    return before.count("«") > before.count("»") or before.count("“") > before.count("”")


def _different(first: str, second: str) -> bool:
    return fuzz.token_sort_ratio(_content(first), _content(second)) < 85


def _content(text: str) -> str:
    words = [fold(w).split("'")[-1] for w in WORD.findall(text)]
    return " ".join(w for w in words if w not in STOPWORDS)


def find_mentions(unit: Unit, order: int, language: str,
                  defined: frozenset[str] = frozenset()) -> list[Mention]:
    """Return every acronym in *unit*, with its spelt-out form where it is defined."""
    text = unit.text
    mentions = []
    for match in _TOKEN.finditer(text):
        token = match.group()
        if _ROMAN.match(token) or any(c.isdigit() for c in token):
            continue  # « G5 Sahel », « COP21 » are names, not acronyms to spell out
        long = _definition(text, match.start(), match.end(), token)
        if long is None and token not in defined and is_known(token.lower(), language) \
                and (len(token) > 4 or _in_capitals(text, match)):
            continue  # « RECONNAISSANT », « PREND NOTE », « ENCOURAGE »: words in capitals
        mentions.append(Mention(token, unit, order, match.span(), long))
    return mentions


def _in_capitals(text: str, match: re.Match) -> bool:
    """Return True for a word that opens its text or stands among other capitals."""
    before = WORD.findall(text[: match.start()])
    after = WORD.findall(text[match.end():match.end() + 40])
    if not before:
        return True
    neighbours = [before[-1]] + after[:1]
    return any(w.isupper() for w in neighbours)


def _definition(text: str, start: int, end: int, acronym: str) -> str | None:
    """Return the long form when the acronym at start:end is being defined, else None."""
    before, after = text[:start], text[end:]
    # « (Africa CDC) », « (ONU Femmes) »: a short name that holds the acronym defines it too.
    if _OPENS_BRACKET.search(before) and re.match(r"\s*[»”\"]?\s*[),;]", after):
        return long_form(before[: before.rfind("(")], acronym)
    if _DASHED.search(before) and re.match(r"\s*[–—-]", after):
        return long_form(_DASHED.sub("", before), acronym)
    hereafter = _HEREAFTER.search(before)
    if hereafter:
        return long_form(before[: hereafter.start()], acronym)
    inside = re.match(r"\s*\(([^()]{4,120})\)", after)
    if inside and _initials_match(WORD.findall(inside.group(1)), acronym):
        return " ".join(inside.group(1).split())
    return None


def long_form(before: str, acronym: str) -> str | None:
    """Return the words just before a definition that spell *acronym* out."""
    fragment = re.split(r"[,;:.()«»\[\]]", before)[-1]
    words = WORD.findall(fragment)[-12:]
    for size in range(1, len(words) + 1):
        if _initials_match(words[-size:], acronym):
            return _joined(words[-size:])
    capitalised = [n for n, w in enumerate(words) if _bare(w)[:1].isupper()]
    if capitalised:
        return _joined(words[capitalised[0]:])
    return _joined(words[-2 * len(acronym):])


def _joined(words: list[str]) -> str | None:
    """Join *words*, the first without its elided article (the text keeps its own)."""
    return " ".join([_bare(words[0]), *words[1:]]) if words else None


def _initials_match(words: list[str], acronym: str) -> bool:
    if not words or _bare(words[0]).lower() in STOPWORDS:
        return False
    initials = "".join(fold(part[0]) for w in words for part in re.split(r"-", _bare(w))
                       if part and fold(part) not in STOPWORDS)
    return initials == fold(acronym)


def _bare(word: str) -> str:
    """Return *word* without an elided article (« l'Organisation » → Organisation)."""
    return re.sub(r"^\w{1,3}['’]", "", word)


def learn_acronyms(texts: list[str]) -> dict[str, str]:
    """Return acronym → spelt-out form, as the bank's texts define them (first seen wins)."""
    learned: dict[str, str] = {}
    for text in texts:
        unit = Unit("preambular", 0, None, text, "")
        for mention in find_mentions(unit, 0, "fr"):
            if mention.long and mention.acronym not in learned:
                learned[mention.acronym] = mention.long
    return learned
