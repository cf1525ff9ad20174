"""The registry of checks (rules as data) and the engine that runs them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from checks.context import CheckContext
from checks.model import SEVERITIES, Finding, Hit
from checks.reading import Reading
from drafts.model import Draft

CheckFunction = Callable[[Reading, CheckContext | None], Iterable[Hit]]


@dataclass(frozen=True)
class Check:
    """One consistency check: a stable code, a severity, message templates and a function.

    ``messages`` maps a variant name to its French and English templates, formatted with
    the hit's ``params`` and ``where`` (the unit's label). ``safe_fix``: its suggestions
    may be applied in bulk (``--fix``) without a human reading them.
    """

    code: str
    severity: str
    messages: dict[str, dict[str, str]]
    function: CheckFunction
    safe_fix: bool = False
    needs_bank: bool = False


REGISTRY: dict[str, Check] = {}


def register(
    code: str,
    severity: str,
    messages: dict[str, dict[str, str]],
    *,
    safe_fix: bool = False,
    needs_bank: bool = False,
) -> Callable[[CheckFunction], CheckFunction]:
    """Return a decorator adding a check function to the registry under *code*."""
    if severity not in SEVERITIES:
        raise ValueError(f"unknown severity {severity!r}")

    def decorate(function: CheckFunction) -> CheckFunction:
        REGISTRY[code] = Check(code, severity, messages, function, safe_fix, needs_bank)
        return function

    return decorate


def run_checks(
    draft: Draft,
    *,
    context: CheckContext | None = None,
    language: str | None = None,
    codes: Iterable[str] | None = None,
) -> list[Finding]:
    """Return the findings of every check (or of *codes*) on *draft*, in document order.

    *language* is the language of the messages (``fr`` or ``en``); by default the draft's.
    """
    _load_rules()
    language = language if language in ("fr", "en") else ("en" if draft.language == "en"
                                                             else "fr")
    reading = Reading(draft, language)
    order = {(u.part, u.index, u.item): n for n, u in enumerate(reading.units)}
    findings: list[Finding] = []
    for check in _selected(codes):
        findings.extend(_finding(check, hit, language) for hit in check.function(reading, context))
    findings.sort(key=lambda f: (order.get((f.part, f.index, f.item), 0),
                                 f.span[0] if f.span else -1))
    return findings


def _selected(codes: Iterable[str] | None) -> list[Check]:
    if codes is None:
        return list(REGISTRY.values())
    unknown = [code for code in codes if code not in REGISTRY]
    if unknown:
        raise ValueError(f"unknown check code: {', '.join(unknown)}")
    return [REGISTRY[code] for code in codes]


def _finding(check: Check, hit: Hit, language: str) -> Finding:
    templates = check.messages[hit.variant]
    message = templates[language].format(where=hit.unit.label, **hit.params)
    original = None  # what the finding points at, for the fix to verify and the editor to mark
    if hit.span is not None:
        original = hit.unit.text[hit.span[0]:hit.span[1]]
    elif hit.suggestion is not None:
        original = hit.unit.text
    return Finding(
        code=check.code,
        severity=hit.severity or check.severity,
        part=hit.unit.part,
        index=hit.unit.index,
        item=hit.unit.item,
        message=message,
        suggestion=hit.suggestion,
        span=hit.span,
        original=original,
        detail=hit.detail,
    )


def is_safe(finding: Finding) -> bool:
    """Return True when *finding* carries a fix that may be applied without reading it.

    A check's own safety may be withdrawn for one finding (``detail["safe"] = False``).
    """
    check = REGISTRY.get(finding.code)
    return finding.suggestion is not None and check is not None and check.safe_fix \
        and finding.detail.get("safe", True)


def _load_rules() -> None:
    # The rule modules register themselves on import; importing here avoids a cycle.
    from checks import rules  # noqa: F401
