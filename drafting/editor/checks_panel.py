"""What the checks panel shows: findings grouped by paragraph, each with its fix previewed."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace

from flask_babel import gettext as _

from clause_bank.diff import Change
from drafting.editor.findings import anchor_of, finding_key
from drafts.editing import labels
from drafts.model import Draft

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
NBSP_MARK = "⍽"  # shows a non-breaking space, which a preview would otherwise hide
CONTEXT_WORDS = 4
SHOWN = 120  # findings drawn by default; a long list is read from the top, fixed, re-run


@dataclass
class FindingView:
    """One finding as the panel draws it."""

    finding: object
    key: str
    preview: list[Change] | None


@dataclass
class FindingGroup:
    """The findings about one part or paragraph of the draft."""

    anchor: str  # the element id of the paragraph or field on the page
    label: str
    views: list[FindingView] = field(default_factory=list)
    paragraph_id: str | None = None  # for a paragraph (a duplicate can be deleted)


@dataclass
class Panel:
    """Every group, and how many findings and fixes there are."""

    groups: list[FindingGroup]
    total: int
    fixable: int

    def shown(self, limit: int | None = SHOWN) -> list[FindingGroup]:
        """Return the groups holding the first *limit* findings (all with None)."""
        if limit is None or self.total <= limit:
            return self.groups
        kept, left = [], limit
        for group in self.groups:
            if left <= 0:
                break
            kept.append(replace(group, views=group.views[:left]))
            left -= len(group.views)
        return kept


def build_panel(draft: Draft, findings: list) -> Panel:
    """Return the panel for *findings* on *draft*, in the reading order of the draft."""
    names = {"title": _("Titre"), "chapeau": _("Chapeau"),
             "operative_intro": _("Intertitre"), "closing": _("Clôture")}
    order = ["title", "chapeau", "preambular", "operative_intro", "operative", "closing"]
    paragraph_labels = {part: labels(draft, part) for part in ("preambular", "operative")}
    groups: dict[tuple, FindingGroup] = {}
    for finding in findings:
        key = (order.index(finding.part) if finding.part in order else len(order),
               finding.index if finding.index is not None else -1)
        if key not in groups:
            groups[key] = _new_group(draft, finding, names, paragraph_labels)
        groups[key].views.append(FindingView(finding, finding_key(finding),
                                             preview(draft, finding)))
    for found in groups.values():
        found.views.sort(key=lambda v: SEVERITY_ORDER.get(v.finding.severity, 3))
    fixable = sum(f.suggestion is not None for f in findings)
    return Panel([groups[key] for key in sorted(groups)], len(findings), fixable)


def _new_group(draft: Draft, finding, names: dict, paragraph_labels: dict) -> FindingGroup:
    anchor = anchor_of(draft, finding)
    if anchor.startswith("p-"):
        label = paragraph_labels[finding.part][finding.index]
        return FindingGroup(anchor, label, paragraph_id=anchor[2:])
    return FindingGroup(anchor, names.get(finding.part, finding.part))


def preview(draft: Draft, finding) -> list[Change] | None:
    """Return the change a finding's fix makes, with a few words of context either side."""
    if finding.suggestion is None:
        return None
    text = unit_text(draft, finding.part, finding.index, finding.item)
    if text is None:
        return None
    start, end = finding.span if finding.span else (0, len(text))
    new = text[:start] + finding.suggestion + text[end:]
    # Only one region changes: trim what both versions share at each end.
    head = len(os.path.commonprefix([text, new]))
    tail = len(os.path.commonprefix([text[head:][::-1], new[head:][::-1]]))
    before, removed = text[:head], text[head:len(text) - tail]
    added, after = new[head:len(new) - tail], text[len(text) - tail:]
    changes = [Change("equal", _edge(before, last=True))]
    changes += [Change("delete", _visible(removed)), Change("insert", _visible(added))]
    changes.append(Change("equal", _edge(after, last=False)))
    return [c for c in changes if c.text]


def _edge(text: str, *, last: bool) -> str:
    words = text.split(" ")
    if len(words) <= CONTEXT_WORDS:
        return text
    return "… " + " ".join(words[-CONTEXT_WORDS:]) if last else \
        " ".join(words[:CONTEXT_WORDS]) + " …"


def _visible(text: str) -> str:
    return text.replace("\u00a0", NBSP_MARK).replace("\u202f", NBSP_MARK)


def unit_text(draft: Draft, part: str, index: int | None, item: int | None) -> str | None:
    """Return the text of a title, chapeau, paragraph or sub-item, or None if gone."""
    if part not in ("preambular", "operative"):
        return getattr(draft, part, None)
    paragraphs = draft.paragraphs(part)
    if index is None or not 0 <= index < len(paragraphs):
        return None
    paragraph = paragraphs[index]
    if item is None:
        return paragraph.text
    flat, stack = [], list(reversed(paragraph.items))
    while stack:
        current = stack.pop()
        flat.append(current)
        stack.extend(reversed(current.items))
    return flat[item].text if 0 <= item < len(flat) else None
