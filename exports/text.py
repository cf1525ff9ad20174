"""Plain-text and Markdown export of a draft, numbered as the Word export numbers it."""

from __future__ import annotations

import re

from clause_bank.numbering import roman_numeral
from drafts.model import Draft
from exports.blocks import Block, layout
from exports.errors import ExportError
from exports.house_styles import HOUSE_STYLES, Level, numbering_levels
from exports.wording import infer_house_style

FORMATS = ("txt", "md")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_MD_LINE_START = re.compile(r"^(\s*)([#+\-]|\d+[.)])(?=\s|$)", re.M)


def export_text(draft: Draft, *, fmt: str = "txt", labels: bool = False,
                house_style: str | None = None) -> str:
    """Return *draft* as plain text (fmt="txt") or Markdown (fmt="md")."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown text format {fmt!r}; choose txt or md")
    key = house_style or infer_house_style(draft)
    if key not in HOUSE_STYLES:
        raise ExportError(f"unknown house style {key!r}; choose one of {', '.join(HOUSE_STYLES)}")
    style = HOUSE_STYLES[key]
    language = "en" if draft.language == "en" else "fr"
    name = "operative_labelled" if labels else "operative"
    levels = numbering_levels(style, name, language)
    pp_levels = numbering_levels(style, "preambular_labelled", language)
    counters = [0, 0, 0, 0]
    pp_counter = 0
    lines: list[str] = []
    for block in layout(draft, style, labels=labels):
        if block.role == "end":
            continue
        if block.numbering == "preambular":
            pp_counter += 1
            marker = _marker(pp_levels[0], pp_counter)
        elif block.numbering == "operative":
            counters[block.level] += 1
            counters[block.level + 1:] = [0] * (3 - block.level)
            marker = _marker(levels[block.level], counters[block.level])
        else:
            marker = ""
        lines.append(_line(block, marker, fmt=fmt, caps="caps" in style.opener,
                           emphasis="**" if "b" in style.opener else "*", labels=labels))
    return "\n\n".join(lines) + "\n"


def _marker(level: Level, number: int) -> str:
    if level.fmt == "bullet":
        return level.text
    formats = {"decimal": str, "lowerLetter": _letter, "lowerRoman": roman_numeral}
    value = formats[level.fmt](number)
    return re.sub(r"%\d", value, level.text)


def _letter(number: int) -> str:
    # Word's letters: a … z, then aa … zz.
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


def _line(block: Block, marker: str, *, fmt: str, caps: bool, emphasis: str,
          labels: bool) -> str:
    text = block.text
    if fmt == "md":
        text = _markdown(block, emphasis=emphasis, caps=caps)
        if block.role == "title":
            return "# " + text.replace("\n", " ")
        if block.role == "note":
            return f"*{text}*"
        if block.role in ("heading", "closing"):
            return f"**{text}**"
    if block.bracketed:
        text = f"\\[{text}\\]" if fmt == "md" else f"[{text}]"
    if block.label:
        text = f"{block.label} {text}"
    indent = "    " * (block.level or 0) if block.role.startswith("item") else ""
    if fmt == "md" and indent:
        # Nested under « 1. » (a Markdown list) or at the margin under « OP1. » (not a list).
        indent = indent[4:] + "- " if labels else indent + "- "
    return f"{indent}{marker}  {text}" if marker else f"{indent}{text}"


def _markdown(block: Block, *, emphasis: str, caps: bool) -> str:
    opener, rest = block.text[:block.opener], block.text[block.opener:]
    opener, rest = _escape(opener), _escape(rest)
    if opener and block.role in ("chapeau", "preambular", "operative"):
        opener = opener.upper() if caps else f"{emphasis}{opener}{emphasis}"
    return opener + rest


def _escape(text: str) -> str:
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)

