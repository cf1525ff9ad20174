"""The checks panel: findings of the saved revision, grouped by paragraph, and their fixes.

Checks run when a revision is saved (and on the first view of a revision this process has
not seen); the page reads them from a small cache, so rendering stays fast.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from threading import Lock

from flask_babel import get_locale
from flask_babel import gettext as _

from drafts.editing import labels
from drafts.model import Draft

_CACHE: OrderedDict[tuple, list] = OrderedDict()
_LOCK = Lock()
CACHE_SIZE = 64
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass
class FindingGroup:
    """The findings about one part or paragraph of the draft."""

    anchor: str  # the element id of the paragraph or field on the page
    label: str
    findings: list = field(default_factory=list)

    @property
    def worst(self) -> str:
        """Return the most serious severity in the group."""
        return min((f.severity for f in self.findings), key=SEVERITY_ORDER.get)


def finding_key(finding) -> str:
    """Return a key naming a finding on the page (the fix button posts it back)."""
    start = finding.span[0] if getattr(finding, "span", None) else ""
    index = "" if finding.index is None else finding.index
    item = "" if finding.item is None else finding.item
    return f"{finding.code}.{finding.part}.{index}.{item}.{start}"


def run(draft: Draft) -> list:
    """Run every check on *draft*, in the page's language."""
    try:
        from checks import run_checks
    except ModuleNotFoundError:  # TEMPORARY: until the checks branch is merged
        return []
    return run_checks(draft, language=str(get_locale() or "fr"))


def findings_for(draft_id: int, revision: int, draft: Draft) -> list:
    """Return the findings of revision *revision*, computing them once per process."""
    key = (draft_id, revision, str(get_locale() or "fr"))
    with _LOCK:
        if key in _CACHE:
            _CACHE.move_to_end(key)
            return _CACHE[key]
    findings = run(draft)
    with _LOCK:
        _CACHE[key] = findings
        while len(_CACHE) > CACHE_SIZE:
            _CACHE.popitem(last=False)
    return findings


def group(draft: Draft, findings: list) -> list[FindingGroup]:
    """Return findings grouped by paragraph, in the reading order of the draft."""
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
        groups[key].findings.append(finding)
    for found in groups.values():
        found.findings.sort(key=lambda f: SEVERITY_ORDER.get(f.severity, 3))
    return [groups[key] for key in sorted(groups)]


def _new_group(draft: Draft, finding, names: dict, paragraph_labels: dict) -> FindingGroup:
    part, index = finding.part, finding.index
    if part in paragraph_labels and index is not None and index < len(paragraph_labels[part]):
        paragraph = draft.paragraphs(part)[index]
        return FindingGroup(f"p-{paragraph.id}", paragraph_labels[part][index])
    return FindingGroup(f"field-{part}", names.get(part, part))


def apply_finding(draft: Draft, key: str) -> str | None:
    """Apply the fix of the finding named *key* to *draft* in place; return its anchor.

    The checks run again on the draft as posted, so a fix never lands on text that has
    changed since the page was drawn: a finding that is gone returns None.
    """
    from checks import apply_fix

    for finding in run(draft):
        if finding_key(finding) == key and finding.suggestion is not None:
            anchor = group(draft, [finding])[0].anchor
            fixed = apply_fix(draft, finding)
            for name in vars(fixed):
                setattr(draft, name, getattr(fixed, name))
            return anchor
    return None
