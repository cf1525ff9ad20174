"""Paragraph and item markers: « 1. », « 1 – », « OP 3 », « 7 bis », « a) », « (i) », « • »."""

from __future__ import annotations

import re
from dataclasses import dataclass

# kind: number (a paragraph), subnumber (3.1: an item), letter, roman, ambiguous (i, v, x:
# letter or roman), bullet, section (I., A.: a heading), footnote.
KINDS = ("number", "subnumber", "letter", "roman", "ambiguous", "bullet", "section", "footnote")


@dataclass(frozen=True)
class Marker:
    """A marker as printed (without its punctuation) and its kind."""

    value: str
    kind: str

    @property
    def number(self) -> int | None:
        """Return the arabic number of a numbered paragraph (« 7 bis » → 7)."""
        found = re.match(r"(?:PP|OP|PO)?\s?(\d+)", self.value)
        return int(found.group(1)) if found and self.kind == "number" else None


_ALT = r"(?:\s?(?:bis|ter|quater|quinquies|alt\.?\s?\d*))?"
_PATTERNS = [
    ("footnote", re.compile(r"^(\ufffd+|\[\^[\w-]+\]:|[¹²³⁴⁵⁶⁷⁸⁹⁰]+(?=\s))\s*[.)]?\s*")),
    ("subnumber", re.compile(r"^(\d{1,3}(?:\.\d{1,3})+)\.?\s+(?=[^\W\d_])")),
    ("label", re.compile(r"^((?:PP|OP|PO)\s?\d{1,3}" + _ALT + r")\s*[.:)–—-]?\s+")),
    ("number", re.compile(r"^(\d{1,3}" + _ALT + r")\s*(?:[.)°]|\s?[–—-](?!\d))\s*(?=\S|$)")),
    ("number", re.compile(r"^\((\d{1,3})\)\s*(?=\S|$)")),
    ("number", re.compile(r"^(\d{1,3})$")),
    ("paren", re.compile(r"^\(([a-zA-Z]{1,2}|[ivxlcIVXLC]{1,7})\)\s*")),
    ("paren", re.compile(r"^([a-z]{1,2}|[ivxlc]{1,7})\)\s*")),
    ("paren", re.compile(r"^([a-z])\.\s+(?=\S)")),
    ("section", re.compile(r"^([IVXLC]{1,7}|[A-H])\.\s+(?=\S)")),
    ("bullet", re.compile(r"^([•●○◦▪■□►▸✓➢➤·–—‣⁃]|o(?=\s)|-)\s*(?=\S)")),
]
ROMAN = re.compile(r"^[ivxlc]+$")


def parse_marker(text: str) -> tuple[Marker | None, str]:
    """Return (marker, rest of the text) for a line that starts with one."""
    for kind, pattern in _PATTERNS:
        found = pattern.match(text)
        if not found:
            continue
        value = found.group(1).strip()
        rest = text[found.end() :]
        if kind == "label":
            kind = "number"
        elif kind == "paren":
            kind = _letter_kind(value)
        elif kind == "number" and not rest and not re.fullmatch(r"\d{1,3}", value):
            continue
        return Marker(value, kind), rest
    return None, text


def _letter_kind(value: str) -> str:
    lowered = value.lower()
    if lowered in ("i", "v", "x", "c", "l"):
        return "ambiguous"
    if ROMAN.match(lowered) and len(lowered) > 1:
        return "roman"
    return "letter"


def letter_index(value: str) -> int:
    """Return the rank of a letter marker: a → 1, b → 2, aa → 27."""
    rank = 0
    for ch in value.lower():
        rank = rank * 26 + (ord(ch) - 96)
    return rank


_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def roman_numeral(number: int) -> str:
    """Return *number* as a lower-case roman numeral: 4 → iv (the inverse of roman_index)."""
    out = ""
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        out += letters * count
    return out


def roman_index(value: str) -> int:
    """Return the value of a roman numeral marker: iv → 4."""
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    total = 0
    lowered = value.lower()
    for position, ch in enumerate(lowered):
        current = values[ch]
        following = values[lowered[position + 1]] if position + 1 < len(lowered) else 0
        total += -current if current < following else current
    return total
