"""What a check reports: findings, and the units of text they point at."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

SEVERITIES = ("error", "warning", "info")


@dataclass
class Finding:
    """One problem found in a draft, where it is, and the safe fix when one exists.

    ``index`` is the 0-based position within ``part`` (None for title, chapeau,
    operative_intro, closing); ``item`` the 0-based sub-item, counted depth-first
    through nested sub-items (None for the paragraph itself). ``suggestion`` replaces
    ``original`` found at ``span`` (character offsets in that unit's text); without a
    span it replaces the whole text.
    """

    code: str
    severity: str
    part: str
    index: int | None
    item: int | None
    message: str
    suggestion: str | None = None
    span: tuple[int, int] | None = None
    original: str | None = None
    detail: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return the finding as a JSON-ready dict."""
        data = asdict(self)
        data["span"] = list(self.span) if self.span is not None else None
        return data


@dataclass
class Unit:
    """A piece of a draft that holds text: title, chapeau, a paragraph, a sub-item."""

    part: str
    index: int | None
    item: int | None
    text: str
    label: str  # as a drafter says it: « PP3 », « OP7 b) », « titre »
    last: bool = False  # the last paragraph of its block (alternatives of it included)
    has_items: bool = False


@dataclass
class Hit:
    """What a check function yields; the registry turns it into a Finding."""

    unit: Unit
    variant: str = "default"  # which message template of the check
    params: dict[str, Any] = field(default_factory=dict)
    suggestion: str | None = None
    span: tuple[int, int] | None = None
    severity: str | None = None  # overrides the check's own when set
    detail: dict[str, Any] = field(default_factory=dict)
