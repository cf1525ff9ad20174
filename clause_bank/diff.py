"""Word-level differences between two texts (agreed language against a paragraph)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

_TOKEN = re.compile(r"\w+|[^\w\s]+|\s+")


@dataclass(frozen=True)
class Change:
    """A run of words kept, inserted or deleted; ``text`` keeps its spacing."""

    op: str  # equal | insert | delete
    text: str


def tokens(text: str) -> list[str]:
    """Split *text* into words, punctuation runs and whitespace runs (joined, they give it back)."""
    return _TOKEN.findall(text)


def word_diff(old: str, new: str) -> list[Change]:
    """Return the changes that turn *old* into *new*, word by word.

    Joining the ``equal`` and ``delete`` texts gives *old*; ``equal`` and ``insert`` give *new*.
    A lone space between two changed words is folded into the change, as a reader expects.
    """
    a, b = tokens(old), tokens(new)
    runs: list[list[str]] = []  # [deleted, inserted] or [kept]
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        kept = "".join(a[i1:i2])
        if op == "equal" and not (kept.isspace() and runs and len(runs[-1]) == 2 and j2 < len(b)):
            runs.append([kept])
            continue
        deleted = kept if op == "equal" else "".join(a[i1:i2]) if op != "insert" else ""
        inserted = kept if op == "equal" else "".join(b[j1:j2]) if op != "delete" else ""
        if runs and len(runs[-1]) == 2:
            runs[-1][0] += deleted
            runs[-1][1] += inserted
        else:
            runs.append([deleted, inserted])
    return _changes(runs)


def _changes(runs: list[list[str]]) -> list[Change]:
    changes = []
    for run in runs:
        pairs = [("equal", run[0])] if len(run) == 1 else [("delete", run[0]), ("insert", run[1])]
        changes.extend(Change(op, text) for op, text in pairs if text)
    return changes
