"""References in a clause: named instruments, organisations and acronyms, SDG targets, dates."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

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


@lru_cache(maxsize=2)
def _registry(kind: str) -> list[tuple[re.Pattern, str]]:
    """Return (pattern, canonical key) for every written variant, longest first."""
    entries = []
    for canonical, variants in _data()[kind].items():
        for variant in variants:
            is_acronym = variant.isupper() and " " not in variant
            flags = 0 if is_acronym else re.IGNORECASE
            body = re.escape(variant).replace("'", "['’]").replace(r"\ ", r"\s+")
            entries.append((len(variant), re.compile(rf"(?<!\w){body}(?!\w)", flags), canonical))
    return [(pattern, canonical) for _, pattern, canonical in sorted(entries, key=lambda e: -e[0])]


def find_references(text: str, language: str = "fr") -> list[Reference]:
    """Return the references found in *text*, in order of appearance, without duplicates."""
    found: list[tuple[int, Reference]] = []
    taken: list[tuple[int, int]] = []
    found += _registered(text, "instruments", taken)
    found += _named_instruments(text, language, taken)
    found += _symbols(text, taken)
    found += _registered(text, "organisations", taken)
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


def _registered(text: str, kind: str, taken) -> list[tuple[int, Reference]]:
    label = "instrument" if kind == "instruments" else "organisation"
    out = []
    for pattern, canonical in _registry(kind):
        for match in pattern.finditer(text):
            if _free(taken, match.span()):
                taken.append(match.span())
                out.append((match.start(), Reference(label, match.group(), canonical)))
    return out


def _is_organisation(text: str, start: int) -> bool:
    return any(pattern.match(text, start) for pattern, _ in _registry("organisations"))


def _free(taken: list[tuple[int, int]], span: tuple[int, int]) -> bool:
    return all(span[1] <= start or span[0] >= end for start, end in taken)


def _named_instruments(text: str, language: str, taken) -> list[tuple[int, Reference]]:
    """Find « Déclaration de Bamako », « Convention de … »: a head word and its name."""
    heads = sorted(_data()["instrument_heads"][language], key=len, reverse=True)
    head = "|".join(re.escape(h) for h in heads)
    out = []
    for match in re.finditer(rf"(?<!\w)(?:{head})(?!\w)", text):
        end = _name_end(text, match.end())
        span = (match.start(), end)
        name = text[span[0] : span[1]]
        tail = _WORD.findall(text[match.end() : end])
        names = [w.replace("’", "'").split("'")[-1] for w in tail]  # « d'Erevan » is named
        named = any(w[:1].isupper() or w[:1].isdigit() for w in names)
        if named and _free(taken, span) and not _is_organisation(text, span[0]):
            taken.append(span)
            out.append((span[0], Reference("instrument", name, None)))
    return out


def _name_end(text: str, start: int) -> int:
    """Return where the name after an instrument's head word stops."""
    stop = set(_data()["stop_words"].split())
    determiners = set(_data()["determiners"].split())
    words = list(_WORD.finditer(text, start))[:16]
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
    if sum(ch.isupper() for ch in text) > 0.5 * max(sum(ch.isalpha() for ch in text), 1):
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
    before = re.search(r"([^\W\d_]+)\W*$", text[: span[0]])
    after = re.match(r"\W*([^\W\d_]+)", text[span[1] :])
    words = [m.group(1) for m in (before, after) if m is not None]
    return any(word.isupper() and len(word) > 1 for word in words)


def _sdg_targets(text: str) -> list[tuple[int, Reference]]:
    out = []
    for match in _SDG.finditer(text):
        for target in re.finditer(r"\d{1,2}\.[\da-c]{1,2}", match.group(1)):
            value = target.group()
            out.append((match.start(1) + target.start(), Reference("sdg_target", value, value)))
    return out


def _dates_and_years(text: str, language: str, taken) -> list[tuple[int, Reference]]:
    out = []
    months = MONTHS["fr"].split() + MONTHS["en"].split()
    month_re = "|".join(months)
    day_first = re.compile(
        rf"\b(\d{{1,2}})(?:er|st|nd|rd|th)?(?:\s+(?:et|and|au|-|–)\s+(\d{{1,2}})(?:er)?)?\s+({month_re})\s+(\d{{4}})\b",
        re.IGNORECASE,
    )
    month_first = re.compile(rf"\b({month_re})\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.IGNORECASE)
    spans = []
    for match in day_first.finditer(text):
        month = months.index(match.group(3).lower()) % 12 + 1
        for day in filter(None, (match.group(1), match.group(2))):
            key = f"{match.group(4)}-{month:02d}-{int(day):02d}"
            out.append((match.start(), Reference("date", match.group(), key)))
        spans.append(match.span())
    for match in month_first.finditer(text):
        month = months.index(match.group(1).lower()) % 12 + 1
        key = f"{match.group(3)}-{month:02d}-{int(match.group(2)):02d}"
        out.append((match.start(), Reference("date", match.group(), key)))
        spans.append(match.span())
    for match in _YEAR.finditer(text):
        if _free(spans, match.span()):
            out.append((match.start(), Reference("year", match.group(), match.group())))
    return out
