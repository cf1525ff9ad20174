"""The paragraphs of the editor, written out directly (the page's hot loop).

A 300-paragraph draft draws 340 paragraph blocks of some forty values each; a Jinja macro
takes about five times as long as this for the same markup (bench/render.py). Every value
goes through ``escape``; the markup mirrors what templates/drafts/editor.html expects.
"""

from __future__ import annotations

from flask import url_for
from markupsafe import Markup, escape

from drafting.editor.panels import ParagraphView

ALTERNATIVES = ("bis", "ter", "alt")


def paragraphs(views: list[ParagraphView], *, draft_id: int, can_write: bool,
               t: dict[str, str]) -> Markup:
    """Return the <li> of every paragraph of one block."""
    e = {key: str(escape(value)) for key, value in t.items()}
    # One url_for per page: the paragraph id is spliced into the template URL.
    precedent_url = str(escape(url_for("editor.precedent", draft_id=draft_id,
                                       paragraph_id="PARAGRAPH"))).replace("PARAGRAPH", "{}")
    return Markup("".join(_paragraph(view, e, precedent_url, can_write) for view in views))


def _paragraph(view: ParagraphView, e: dict, precedent_url: str, can_write: bool) -> str:
    p = view.paragraph
    pid, label, part = escape(p.id), escape(view.label), view.part
    classes = "para" + (" bracketed" if p.bracketed else "") + \
        (" alternative" if p.alternative else "")
    out = [f'<li class="{classes}" id="p-{pid}" data-id="{pid}">'
           f'<input type="hidden" name="order-{part}" value="{pid}"><div class="para-head">']
    if can_write:
        out.append(f'<span class="handle" title="{e["drag"]}" aria-hidden="true">⠿</span>')
    out.append(f'<label class="label" for="text-{pid}">{label}</label>')
    out.append(_badge(view, e, precedent_url.format(pid)))
    if can_write:
        out.append(_tools(pid, label, part, e))
    readonly = "" if can_write else " readonly"
    out.append(f'</div><textarea class="text" id="text-{pid}" name="text-{pid}" '
               f'rows="{view.rows}"{readonly}>{escape(p.text)}</textarea>')
    if part == "operative":
        count = f" ({len(p.items)})" if p.items else ""
        out.append(
            f'<details class="items"{" open" if p.items else ""}><summary>{e["sub_items"]}'
            f'{count}</summary><label class="visually-hidden" for="items-{pid}">'
            f'{e["sub_items"]} {label}</label><textarea id="items-{pid}" name="items-{pid}" '
            f'rows="{view.items_rows}" aria-describedby="items-hint"{readonly}>'
            f'{escape(view.items_text)}</textarea></details>')
    if can_write:
        out.append(_marks(p, pid, e))
    out.append("</li>")
    return "".join(out)


def _badge(view: ParagraphView, e: dict, url: str) -> str:
    p = view.paragraph
    if p.provenance is None:
        return (f'<a class="badge pending" data-precedent data-badge-for="{escape(p.id)}" '
                f'hidden href="{url}" title="{e["precedent_title"]}">{e["precedent"]}</a>')
    similarity = view.similarity
    tone = "exact" if similarity == 100 else "far" if similarity < 85 else ""
    return (f'<a class="badge {tone}" data-precedent href="{url}" '
            f'title="{e["precedent_title"]}"><span class="pos">'
            f'{escape(p.provenance.position)}</span><span class="src">'
            f'{escape(p.provenance.source)}</span><span class="score">{similarity} %</span></a>')


def _tools(pid: str, label: str, part: str, e: dict) -> str:
    def button(verb: str, text: str, name: str, extra: str = "") -> str:
        return (f'<button type="submit"{extra} name="action" value="{verb}:{pid}" '
                f'aria-label="{e[name]} {label}">{text}</button>')

    return (f'<span class="para-tools" role="group" aria-label="{e["actions"]} {label}">'
            + button("up", "↑", "up") + button("down", "↓", "down")
            + button("duplicate", e["duplicate"], "duplicate")
            + button("variant", f'+ {e["variant_short"]}', "variant")
            + f'<button type="submit" name="action" value="add:{part}:{pid}" '
              f'aria-label="{e["add_after"]} {label}">+</button>'
            + button("delete", e["delete"], "delete",
                     f' class="danger" data-confirm="{e["confirm_delete"]}"')
            + "</span>")


def _marks(p, pid: str, e: dict) -> str:
    checked = " checked" if p.bracketed else ""
    options = "".join(
        f'<option value="{name}"{" selected" if p.alternative == name else ""}>{name}</option>'
        for name in ALTERNATIVES)
    return (f'<div class="para-foot marks"><input type="hidden" name="marks-{pid}" value="1">'
            f'<label><input type="checkbox" name="bracketed-{pid}"{checked}> '
            f'{e["bracketed"]}</label><label>{e["alternative"]} '
            f'<select name="alternative-{pid}"><option value="">—</option>{options}</select>'
            f'</label></div>')
