"""What the editor's buttons do to the posted draft (rules as data: verb -> function).

Every button of the editor submits the whole form with ``action=<verb>:<args>``, so typed
text travels with each click and is saved with it; the function then changes the draft.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy.orm import Session

from drafts import editing
from drafts.model import Draft


@dataclass
class ActionContext:
    """What an action may need besides the draft: the database and who is acting."""

    session: Session
    user_id: int
    messages: list[tuple[str, str]] = field(default_factory=list)  # (category, text)


@dataclass(frozen=True)
class Outcome:
    """Where to put the drafter after the action (a paragraph id, a panel) and what to say."""

    anchor: str | None = None


Action = Callable[[Draft, list[str], ActionContext], Outcome]


def _save(draft: Draft, args: list[str], ctx: ActionContext) -> Outcome:
    return Outcome()


def _add(draft: Draft, args: list[str], ctx: ActionContext) -> Outcome:
    part, after = args[0], (args[1] if len(args) > 1 and args[1] else None)
    return Outcome(f"p-{editing.add_paragraph(draft, part, after=after).id}")


def _delete(draft: Draft, args: list[str], ctx: ActionContext) -> Outcome:
    part, index = editing.locate(draft, args[0])
    editing.delete_paragraph(draft, args[0])
    ctx.messages.append(("success", _("Alinéa supprimé.")))
    block = draft.paragraphs(part)
    return Outcome(f"p-{block[min(index, len(block) - 1)].id}" if block else f"block-{part}")


def _duplicate(draft: Draft, args: list[str], ctx: ActionContext) -> Outcome:
    return Outcome(f"p-{editing.duplicate_paragraph(draft, args[0]).id}")


def _mover(offset: int) -> Action:
    def move(draft: Draft, args: list[str], ctx: ActionContext) -> Outcome:
        return Outcome(f"p-{editing.move_paragraph(draft, args[0], offset).id}")
    return move


def _variant(draft: Draft, args: list[str], ctx: ActionContext) -> Outcome:
    return Outcome(f"p-{editing.add_alternative(draft, args[0]).id}")


def _bracket(draft: Draft, args: list[str], ctx: ActionContext) -> Outcome:
    paragraph = editing.get(draft, args[0])
    editing.set_bracketed(draft, paragraph.id, not paragraph.bracketed)
    return Outcome(f"p-{paragraph.id}")


def _insert(draft: Draft, args: list[str], ctx: ActionContext) -> Outcome:
    from drafting.editor.bank import precedent_for

    part, clause_id = args[0], args[1]
    precedent = precedent_for(ctx.session, int(clause_id), user_id=ctx.user_id) \
        if clause_id.isdigit() else None
    if precedent is None:
        raise editing.EditError(_("Ce précédent n'existe plus dans la banque."))
    paragraph = editing.insert_precedent(draft, precedent, part)
    label = editing.labels(draft, part)[-1]
    ctx.messages.append(("success", _("Précédent inséré comme %(label)s.", label=label)))
    return Outcome(f"p-{paragraph.id}")


def _fix(draft: Draft, args: list[str], ctx: ActionContext) -> Outcome:
    from drafting.editor.findings import apply_finding

    anchor = apply_finding(draft, ":".join(args), ctx.session, ctx.user_id)
    if anchor is None:
        ctx.messages.append(("warning", _("Cette correction ne s'applique plus au texte.")))
        return Outcome("checks")
    ctx.messages.append(("success", _("Correction appliquée.")))
    return Outcome(anchor)


def _fix_all(draft: Draft, args: list[str], ctx: ActionContext) -> Outcome:
    from drafting.editor.findings import apply_safe_fixes

    count = apply_safe_fixes(draft, ctx.session, ctx.user_id)
    ctx.messages.append(("success", ngettext("%(num)d correction appliquée.",
                                             "%(num)d corrections appliquées.", count)))
    return Outcome("checks")


ACTIONS: dict[str, tuple[int, Action]] = {  # verb -> (number of arguments, function)
    "save": (0, _save),
    "search": (0, _save),
    "add": (1, _add),
    "delete": (1, _delete),
    "duplicate": (1, _duplicate),
    "up": (1, _mover(-1)),
    "down": (1, _mover(1)),
    "variant": (1, _variant),
    "bracket": (1, _bracket),
    "insert": (2, _insert),
    "fix": (1, _fix),
    "fixall": (0, _fix_all),
}


def apply_action(draft: Draft, action: str, ctx: ActionContext) -> Outcome:
    """Carry out *action* (``verb:arg:…``) on *draft*; raise EditError when it cannot be."""
    verb, *args = (action or "save").split(":")
    if verb not in ACTIONS or len(args) < ACTIONS[verb][0]:
        raise editing.EditError(_("Action inconnue : %(action)s", action=action[:40]))
    return ACTIONS[verb][1](draft, args, ctx)
