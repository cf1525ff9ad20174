"""Consistency checks on a draft declaration: a registry of small rules, and their fixes."""

from checks.context import CheckContext, build_context
from checks.fixes import StaleFinding, apply_all, apply_fix, fix_draft
from checks.model import SEVERITIES, Finding
from checks.registry import REGISTRY, Check, is_safe, run_checks

__all__ = [
    "REGISTRY",
    "SEVERITIES",
    "Check",
    "CheckContext",
    "Finding",
    "StaleFinding",
    "apply_all",
    "apply_fix",
    "build_context",
    "fix_draft",
    "is_safe",
    "run_checks",
]

# The rule modules register their checks on import: the registry is full once checks is.
from checks import rules  # noqa: E402, F401, I001
