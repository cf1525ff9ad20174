"""Apply the fixes findings suggest, one by one or all at once."""

from __future__ import annotations

import copy
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from checks.model import Finding
from drafts.model import Draft, Item


class StaleFinding(ValueError):
    """The text a finding points at has changed since it was found."""


def apply_fix(draft: Draft, finding: Finding) -> Draft:
    """Return a copy of *draft* with the suggestion of *finding* applied."""
    return apply_all(draft, [finding])


def apply_all(draft: Draft, findings: Iterable[Finding], *, safe_only: bool = False) -> Draft:
    """Return a copy of *draft* with the suggestions of *findings* applied.

    Fixes that overlap one already applied in the same text are skipped; with
    *safe_only*, only fixes the registry marks safe are applied.
    """
    return _apply(draft, findings, safe_only=safe_only)[0]


def _apply(draft: Draft, findings: Iterable[Finding], *, safe_only: bool):
    """Return the fixed copy of *draft* and the findings whose fix went in."""
    from checks.registry import is_safe

    fixed = copy.deepcopy(draft)
    by_unit: dict[tuple, list[Finding]] = defaultdict(list)
    for finding in findings:
        if finding.suggestion is None or (safe_only and not is_safe(finding)):
            continue
        for one in _spread(finding):
            by_unit[(one.part, one.index, one.item)].append(one)
    applied: list[Finding] = []
    for (part, index, item), group in by_unit.items():
        text, done = _replace_all(_get(fixed, part, index, item), group)
        _set(fixed, part, index, item, text)
        applied.extend(done)
    return fixed, applied


def _spread(finding: Finding) -> list[Finding]:
    """Return *finding* and the same fix elsewhere in the draft (``detail["also"]``)."""
    others = [replace(finding, part=o["part"], index=o["index"], item=o["item"],
                      span=tuple(o["span"]) if o.get("span") else None,
                      original=o["original"], suggestion=o["suggestion"], detail={})
              for o in finding.detail.get("also", ())]
    return [finding, *others]


def _replace_all(text: str, findings: list[Finding]) -> tuple[str, list[Finding]]:
    whole = [f for f in findings if f.span is None]
    if whole:  # a whole-text replacement wins over edits inside the text
        _verify(text, whole[0])
        return whole[0].suggestion, whole[:1]
    done = []
    taken_from = len(text) + 1
    for finding in sorted(findings, key=lambda f: f.span[0], reverse=True):
        start, end = finding.span
        if end > taken_from:
            continue
        _verify(text, finding)
        text = text[:start] + finding.suggestion + text[end:]
        taken_from = start
        done.append(finding)
    return text, done


def _verify(text: str, finding: Finding) -> None:
    current = text[finding.span[0]:finding.span[1]] if finding.span else text
    if finding.original is not None and current != finding.original:
        raise StaleFinding(f"{finding.code}: the text changed since it was checked")


def _get(draft: Draft, part: str, index: int | None, item: int | None) -> str:
    if part in ("preambular", "operative"):
        paragraph = _paragraph(draft, part, index)
        return paragraph.text if item is None else _item(paragraph.items, item).text
    value = getattr(draft, part, None)
    if value is None:
        raise StaleFinding(f"{part}: no such part in the draft")
    return value


def _set(draft: Draft, part: str, index: int | None, item: int | None, text: str) -> None:
    if part not in ("preambular", "operative"):
        setattr(draft, part, text)
        return
    paragraph = _paragraph(draft, part, index)
    if item is None:
        paragraph.text = text
    else:
        _item(paragraph.items, item).text = text


def _paragraph(draft: Draft, part: str, index: int | None):
    paragraphs = draft.paragraphs(part)
    if index is None or not 0 <= index < len(paragraphs):
        raise StaleFinding(f"{part}[{index}]: no such paragraph")
    return paragraphs[index]


def _item(items: list[Item], position: int) -> Item:
    flat = list(_depth_first(items))
    if not 0 <= position < len(flat):
        raise StaleFinding(f"item {position}: no such sub-item")
    return flat[position]


def _depth_first(items: list[Item]):
    for item in items:
        yield item
        yield from _depth_first(item.items)


def fix_draft(draft: Draft, *, context=None, rounds: int = 5) -> tuple[Draft, list[Finding]]:
    """Return *draft* with every safe fix applied, and the findings that were fixed.

    Checks run again after each round, since one fix (a whole-text one) may hide another.
    """
    from checks.registry import is_safe, run_checks

    applied: list[Finding] = []
    for _ in range(rounds):
        safe = [f for f in run_checks(draft, context=context) if is_safe(f)]
        if not safe:
            break
        fixed, done = _apply(draft, safe, safe_only=True)
        if fixed == draft:
            break
        applied.extend(done)
        draft = fixed
    return draft, applied
