"""References in a clause: named instruments, organisations and acronyms, SDG targets, dates."""

from __future__ import annotations

import itertools
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from clause_bank.cleaning import caps_ratio
from clause_bank.model import Reference

DATA = Path(__file__).resolve().parent / "data" / "references.json"
MONTHS = {
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "en": "january february march april may june july august september october november december",
}
_SDG = re.compile(
    r"\b(?:cibles?|objectifs?|ODD|targets?|SDGs?|goals?)\s+(?:n[°o]\s*)?"
    r"(\d{1,2}\.[\da-c]{1,2}(?:\s*(?:,|et|and|&)\s*\d{1,2}\.[\da-c]{1,2})*)",
    re.IGNORECASE,
)
_SYMBOL = re.compile(
    r"\b[A-Z]{1,3}/RES\.?/?\s?\d+(?:/\d+)?(?:\s*\(\d{4}\))?|\b(?:résolutions?|resolutions?)\s+"
    r"(?:n[°o]\s*)?\d{1,3}/\d{1,4}(?:\s?[A-Z]\b)?"
)
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{1,7}(?:-[A-Z0-9]+)?\b")
_ROMAN = re.compile(r"^[IVXLC]+$")
_YEAR = re.compile(r"(?<![\d/.,])(1[89]\d\d|20\d\d)(?![\d/])")
# Words that cannot end an instrument's name: « Convention de » is cut back to « Convention ».
_LINKS = frozenset(
    ["de", "d'", "du", "à", "au", "aux", "of", "to", "et", "and", "pour", "for", "sur", "on"]
)
_WORD = re.compile(r"[^\W_][\w'’-]*|\d+|[^\w\s]")


@lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class _Registry:
    # first word (folded) -> (all words folded, canonical key), longest first
    names: dict[str, list[tuple[tuple[str, ...], str]]]
    acronyms: dict[str, str]  # acronym as written -> canonical key


_TOKEN = re.compile(r"\w+|[^\w\s]")
_Words = tuple[list[re.Match], list[str]]  # the tokens of a text and their folded forms


def _words(text: str) -> _Words:
    tokens = list(_TOKEN.finditer(text))
    return tokens, [_fold(t.group()) for t in tokens]


def _fold(word: str) -> str:
    return word.lower().replace("’", "'")


@lru_cache(maxsize=2)
def _registry(kind: str) -> _Registry:
    """Index the names and acronyms of *kind* by their first word (a dictionary, not a regex)."""
    names: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    acronyms: dict[str, str] = {}
    for key, variants in _data()[kind].items():
        for variant in variants:
            if variant.isupper() and " " not in variant:
                acronyms[variant] = key
                continue
            words = tuple(_fold(w) for w in _TOKEN.findall(variant))
            names.setdefault(words[0], []).append((words, key))
    for entries in names.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    return _Registry(names, acronyms)


def _registry_matches(words: _Words, kind: str):
    """Yield (start, end, key) of the registered names and acronyms of *kind* in *words*."""
    registry = _registry(kind)
    tokens, folded = words
    resume = 0  # matches do not overlap
    for i in _first_words(words, kind):
        if i < resume:
            continue
        length, key = _match_at(registry, tokens, folded, i)
        if length:
            yield tokens[i].start(), tokens[i + length - 1].end(), key
            resume = i + length


def _first_words(words: _Words, kind: str) -> list[int]:
    """Return the indexes of the tokens that can start a registered name or acronym."""
    registry = _registry(kind)
    tokens, folded = words
    return [i for i, word in enumerate(folded)
            if word in registry.names or tokens[i].group() in registry.acronyms]


def _match_at(registry: _Registry, tokens, folded, i: int) -> tuple[int, str | None]:
    for words, key in registry.names.get(folded[i], ()):
        if tuple(folded[i : i + len(words)]) == words:
            return len(words), key
    key = registry.acronyms.get(tokens[i].group())
    return (1, key) if key else (0, None)


def find_references(text: str, language: str = "fr") -> list[Reference]:
    """Return the references found in *text*, in order of appearance, without duplicates."""
    found: list[tuple[int, Reference]] = []
    taken: list[tuple[int, int]] = []
    words = _words(text)
    organisations = list(_registry_matches(words, "organisations"))
    found += _registered(text, _registry_matches(words, "instruments"), "instrument", taken)
    found += _named_instruments(text, language, taken, {start for start, _, _ in organisations})
    found += _symbols(text, taken)
    found += _registered(text, organisations, "organisation", taken)
    found += _acronyms(text, taken)
    found += _sdg_targets(text)
    found += _dates_and_years(text, language, taken)
    seen = set()
    out = []
    for _, reference in sorted(found, key=lambda item: item[0]):
        if (reference.kind, reference.text, reference.key) not in seen:
            seen.add((reference.kind, reference.text, reference.key))
            out.append(reference)
    return out


def _registered(text: str, matches, label: str, taken) -> list[tuple[int, Reference]]:
    out = []
    for start, end, key in matches:
        if _free(taken, (start, end)):
            taken.append((start, end))
            out.append((start, Reference(label, text[start:end], key)))
    return out


def _free(taken: list[tuple[int, int]], span: tuple[int, int]) -> bool:
    return all(span[1] <= start or span[0] >= end for start, end in taken)


def _named_instruments(text: str, language: str, taken, organisations: set[int]):
    """Find « Déclaration de Bamako », « Convention de … »: a head word and its name."""
    out = []
    for match in _heads(language).finditer(text):
        end = _name_end(text, match.end())
        span = (match.start(), end)
        name = text[span[0] : span[1]]
        tail = _WORD.findall(text[match.end() : end])
        names = [w.replace("’", "'").split("'")[-1] for w in tail]  # « d'Erevan » is named
        named = any(w[:1].isupper() or w[:1].isdigit() for w in names)
        if named and _free(taken, span) and span[0] not in organisations:
            taken.append(span)
            out.append((span[0], Reference("instrument", name, None)))
    return out


@lru_cache(maxsize=2)
def _heads(language: str) -> re.Pattern:
    heads = sorted(_data()["instrument_heads"][language], key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(h) for h in heads)})(?!\w)")


def _name_end(text: str, start: int) -> int:
    """Return where the name after an instrument's head word stops."""
    stop = set(_data()["stop_words"].split())
    determiners = set(_data()["determiners"].split())
    words = list(itertools.islice(_WORD.finditer(text, start), 16))
    end = start
    last_content = start
    for index, word in enumerate(words):
        value = word.group()
        if not (value[0].isalnum()) or value.lower() in stop:
            break
        following = words[index + 1].group().lower() if index + 1 < len(words) else ""
        if value.lower() in ("et", "and") and following in determiners:
            break
        end = word.end()
        if value.lower() not in determiners and value.lower() not in _LINKS:
            last_content = end
    return min(end, last_content) if last_content > start else start


def _symbols(text: str, taken) -> list[tuple[int, Reference]]:
    out = []
    for match in _SYMBOL.finditer(text):
        if _free(taken, match.span()):
            taken.append(match.span())
            out.append((match.start(), Reference("instrument", match.group(), None)))
    return out


def _acronyms(text: str, taken) -> list[tuple[int, Reference]]:
    """Return acronyms not read as an organisation (« ODD »); in a line of capitals, none."""
    if caps_ratio(text) > 0.5:
        return []
    out = []
    for match in _ACRONYM.finditer(text):
        value = match.group()
        if _ROMAN.match(value) or not _free(taken, match.span()) or len(value) > 8:
            continue
        if match.start() == 0 or _in_capitals(text, match.span()):
            continue  # « NOTANT AVEC SATISFACTION »: an opener in capitals, not acronyms
        out.append((match.start(), Reference("acronym", value, None)))
    return out


def _in_capitals(text: str, span: tuple[int, int]) -> bool:
    before = re.search(r"([^\W\d_]+)\W*$", text[max(0, span[0] - 40) : span[0]])
    after = re.match(r"\W*([^\W\d_]+)", text[span[1] : span[1] + 40])
    words = [m.group(1) for m in (before, after) if m is not None]
    return any(word.isupper() and len(word) > 1 for word in words)


def _sdg_targets(text: str) -> list[tuple[int, Reference]]:
    out = []
    for match in _SDG.finditer(text):
        for target in re.finditer(r"\d{1,2}\.[\da-c]{1,2}", match.group(1)):
            value = target.group()
            out.append((match.start(1) + target.start(), Reference("sdg_target", value, value)))
    return out


_MONTH_LIST = MONTHS["fr"].split() + MONTHS["en"].split()


@lru_cache(maxsize=1)
def _date_patterns() -> tuple[re.Pattern, re.Pattern]:
    month = "|".join(_MONTH_LIST)
    day_first = re.compile(
        rf"\b(\d{{1,2}})(?:er|st|nd|rd|th)?(?:\s+(?:et|and|au|-|–)\s+(\d{{1,2}})(?:er)?)?"
        rf"\s+({month})\s+(\d{{4}})\b",
        re.IGNORECASE,
    )
    month_first = re.compile(rf"\b({month})\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.IGNORECASE)
    return day_first, month_first


def _dates_and_years(text: str, language: str, taken) -> list[tuple[int, Reference]]:
    out = []
    months = _MONTH_LIST
    day_first, month_first = _date_patterns()
    spans = []
    lowered = text.lower()
    if not any(month in lowered for month in months):
        day_first = month_first = None
    for match in day_first.finditer(text) if day_first else ():
        month = months.index(match.group(3).lower()) % 12 + 1
        for day in filter(None, (match.group(1), match.group(2))):
            key = f"{match.group(4)}-{month:02d}-{int(day):02d}"
            out.append((match.start(), Reference("date", match.group(), key)))
        spans.append(match.span())
    for match in month_first.finditer(text) if month_first else ():
        month = months.index(match.group(1).lower()) % 12 + 1
        key = f"{match.group(3)}-{month:02d}-{int(match.group(2)):02d}"
        out.append((match.start(), Reference("date", match.group(), key)))
        spans.append(match.span())
    for match in _YEAR.finditer(text):
        if _free(spans, match.span()):
            out.append((match.start(), Reference("year", match.group(), match.group())))
    return out
