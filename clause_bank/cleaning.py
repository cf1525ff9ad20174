"""Clean lines of a source text: markup and conversion residue out, markers and hints recorded.

Inputs are Markdown from web pages, text pasted from PDF or Word, or our .docx reader's output:
emphasis (``**Réaffirmant**``), list residue (``- 1.**``), ``<sup>e</sup>``, lost footnote markers
(``�``), ``(*sic*)``, Markdown headings and footnotes.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from clause_bank.numbering import Marker, parse_marker

RULES = Path(__file__).resolve().parent / "data" / "structure.json"

_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
_SUP = re.compile(r"<sup>\s*([^<]{0,6}?)\s*</sup>", re.IGNORECASE)
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]{0,300})?/?>")
_LINK = re.compile(r"(!?)\[([^\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*\)")
_FOOTNOTE_REF = re.compile(r"\[\^[\w-]+\](?!:)")
_SIC = re.compile(r"[(\[]\s*[*_]*\s*sic\s*[*_]*\s*[)\]]\s*[*_]*", re.IGNORECASE)
_EMPHASIS = re.compile(r"\*{1,3}|(?<![\w])_{1,3}(?=\S)|(?<=\S)_{1,3}(?![\w])")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])")
_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s*")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_MD_BULLET = re.compile(r"^[-*+]\s+")
_LOST = "\ufffd"
# A footnote marker left in the text as superscript digits: « de la traite¹, ».
_SUPERSCRIPTS = frozenset("¹²³⁴⁵⁶⁷⁸⁹⁰")
_SPACE_BEFORE = re.compile(r"\s+([,;.])(?=\s|$)")
# The same marker typed as a plain digit at a clause end: « nous voulons »1, », « face2, ».
_GLUED_REF = re.compile(r"(?<=[a-zà-ÿ»)])\d{1,2}(?=[,;.:](?:\s|$))")
# After a number only at a clause end, where it cannot be a power: « du 19 décembre 2016¹, ».
_SUPERSCRIPT_REF = re.compile(
    r"(?<=[^\W\d_]|[.,;:)»])[¹²³⁴⁵⁶⁷⁸⁹⁰]+|(?<=\d)[¹²³⁴⁵⁶⁷⁸⁹⁰]+(?=[,;:.]?(?:\s|$))")


@dataclass
class Line:
    """One cleaned source line."""

    text: str  # markup removed, marker removed, whitespace normalised
    raw: str  # the line as it came, for the record of what was dropped
    marker: Marker | None = None
    indent: int = 0
    heading: bool = False  # a Markdown heading (# …)
    gap: bool = False  # a blank line before it
    note: bool = False  # in the footnotes at the foot of a page (after a « ______ » rule)
    dropped: tuple[str, ...] = ()  # editorial residue taken out, e.g. "(sic)"


@lru_cache(maxsize=1)
def rules() -> dict:
    """Return the segmenter's rules (``data/structure.json``)."""
    return json.loads(RULES.read_text(encoding="utf-8"))


@lru_cache(maxsize=32)
def pattern(name: str) -> re.Pattern:
    """Return the rule *name* of ``structure.json`` compiled (a list becomes alternatives)."""
    value = rules()[name]
    source = value if isinstance(value, str) else "|".join(f"(?:{p})" for p in value)
    return re.compile(source, re.IGNORECASE)


def is_closing(text: str) -> bool:
    """Tell whether a whole line closes the text (« FIN », « Fait à Paris, le … »)."""
    return pattern("closings").fullmatch(text.strip()) is not None


def is_scrap(text: str) -> bool:
    """Tell whether a whole line is page furniture (« top of page », « FR », page numbers)."""
    return len(text) <= 90 and pattern("scraps").fullmatch(text.strip(" .:")) is not None


def chapeau_pattern() -> re.Pattern:
    """Return the pattern of a chapeau's first words (« Nous, », « L'Assemblée générale »)."""
    return pattern("chapeau_authors")


def normalise(text: str, *, keep_tabs: bool = False) -> str:
    """Return *text* with Unicode composed, line ends unified and odd spaces made plain."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    text = _BREAK.sub("\n", text)
    if keep_tabs:
        return _SPACES.sub(lambda m: m.group() if m.group() == "\t" else " ", text)
    return _SPACES.sub(" ", text)


def clean_lines(text: str) -> list[Line]:
    """Return the non-empty lines of *text*, cleaned, each knowing if a blank line preceded it."""
    lines = []
    gap = False
    notes = False
    for raw in _cells(normalise(text, keep_tabs=True).split("\n")):
        if _RULE.match(raw.strip()):
            notes = True  # footnotes follow, down to the page's furniture
        line = clean_line(raw)
        if line is None:
            gap = True
            continue
        if notes:
            notes = _footnote(line, raw)
        line.gap = gap or not lines
        gap = False
        lines.append(line)
    return lines


_RULE = re.compile(r"^[_\-–—=]{5,}$")
_FOOTNOTE_NUMBER = re.compile(r"^(\d{1,3})\s+(?=\S)")


def _footnote(line: Line, raw: str) -> bool:
    """Mark a line of a page's footnotes (« 1 Résolution 66/288, annexe. »); tell if more follow."""
    if is_scrap(line.text) and not _RULE.match(raw.strip()):
        return False
    found = _FOOTNOTE_NUMBER.match(line.text)
    if line.marker is None and found:
        line.marker = Marker(found.group(1), "footnote")
        line.text = line.text[found.end() :]
    line.note = True
    return True


_COLUMNS = re.compile(r"\t+| {4,}")


def _cells(raws: list[str]):
    """Yield lines, a header laid out in columns (« Nations Unies⇥A/RES/72/1 ») cell by cell."""
    for raw in raws:
        cells = _COLUMNS.split(raw.strip())
        numbered = parse_marker(cells[0])[1] == ""  # « 1.⇥Décide … » is one paragraph
        if not numbered and len(cells) > 1 and len(raw) < 240 and all(len(c) <= 100 for c in cells):
            yield from cells
        else:
            yield raw.replace("\t", " ")


def clean_line(raw: str) -> Line | None:
    """Return the cleaned *raw* line, or None when nothing is left of it."""
    indent = len(raw) - len(raw.lstrip(" "))
    text = _QUOTE.sub("", raw.strip())
    heading = bool(_HEADING.match(text))
    text = _HEADING.sub("", text)
    bullet = _MD_BULLET.match(text)
    if bullet:
        text = text[bullet.end() :]
    text, dropped = _strip_markup(text)
    marker, text = parse_marker(text)
    if bullet and marker is None and text:
        marker = Marker("•", "bullet")
    text = " ".join(text.split())
    if not text and marker is None:
        return None if not raw.strip() or not dropped else Line("", raw.strip(), dropped=dropped)
    return Line(text, raw.strip(), marker, indent, heading, dropped=dropped)


def _strip_markup(text: str) -> tuple[str, tuple[str, ...]]:
    dropped = ()
    if "sic" in text.lower():
        dropped = tuple("(sic)" for _ in _SIC.finditer(text))
        text = _SIC.sub("", text)
    if "<" in text:
        text = _TAG.sub("", _SUP.sub(_superscript, text))
    if "](" in text:
        text = _LINK.sub(lambda m: "" if m.group(1) else m.group(2), text)
    if "&" in text:
        text = html.unescape(text)
    if "[^" in text:
        text = _FOOTNOTE_REF.sub("", text)
    if not _SUPERSCRIPTS.isdisjoint(text):
        text = _SUPERSCRIPT_REF.sub("", text)
    text = _GLUED_REF.sub("", text)
    if not text.lstrip().startswith(_LOST):
        text = text.replace(_LOST, "")  # a footnote marker lost in conversion
    if "*" in text or "_" in text:
        text = _EMPHASIS.sub("", text)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    if " ," in text or " ." in text or " ;" in text:
        text = _SPACE_BEFORE.sub(lambda m: _space_before(m.group(1)), text)
    return text.strip(), dropped


def _space_before(mark: str) -> str:
    # Removing a marker can leave « migratoires , » ; French keeps the space before « ; » only.
    return " ;" if mark == ";" else mark


def _superscript(match: re.Match) -> str:
    inner = match.group(1)
    return "" if inner.isdigit() or inner in ("*", "†") else inner


def caps_ratio(text: str) -> float:
    """Return the share of capitals among the letters of *text* (its first 300 characters)."""
    return _caps_ratio(text[:300])


@lru_cache(maxsize=8192)
def _caps_ratio(head: str) -> float:
    letters = [ch for ch in head if ch.isalpha()]
    return sum(ch.isupper() for ch in letters) / len(letters) if letters else 0.0
