"""Helpers shared by the editor's tests: a stored draft, the editor form as a browser posts it."""

from __future__ import annotations

import re

import accounts
from drafts import store
from drafts.jsonio import to_dict
from drafts.model import Draft, Item, Metadata, Paragraph


def sample_draft() -> Draft:
    """Return a small « Nous » declaration with two PP and three OP."""
    return Draft(
        title="Déclaration de Paris",
        chapeau="Nous, Ministres et Chefs de délégation, réunis à Paris, le 25 novembre 2017,",
        preambular=[
            Paragraph(id="pp1", text="Rappelant la Déclaration universelle des droits de "
                                     "l'homme,"),
            Paragraph(id="pp2", text="Préoccupés par l'ampleur de la traite des personnes,"),
        ],
        operative=[
            Paragraph(id="op1", text="Condamnons la traite des personnes ;"),
            Paragraph(id="op2", text="Appelons les États à :",
                      items=[Item("ratifier le Protocole ;"), Item("coopérer.")]),
            Paragraph(id="op3", text="Décidons de rester saisis de la question."),
        ],
        voice="first_plural", house_style="oif",
        metadata=Metadata(body="OIF", place="Paris", date="25 novembre 2017"),
    )


def store_draft(session, username: str = "alice", draft: Draft | None = None) -> int:
    """Store *draft* (the sample by default) for *username*; return its id."""
    user = accounts.find_user(session, username)
    return store.create_draft(session, draft or sample_draft(), owner_id=user.id)


def load(session, draft_id: int) -> tuple[Draft, int]:
    """Return the current draft and revision, bypassing the session's identity map."""
    session.expire_all()
    return store.load_draft(session, draft_id)


def page_token(page: str) -> str:
    """Return the CSRF token in an HTML page."""
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)


def editor_form(client, draft_id: int) -> list[tuple[str, str]]:
    """Return the editor's fields as a browser would post them (no button pressed)."""
    page = client.get(f"/drafts/{draft_id}").get_data(as_text=True)
    form = page[page.index('<form id="editor"'):page.index("</form>", page.index('id="editor"'))]
    pairs: list[tuple[str, str]] = [("csrf_token", page_token(page))]
    for tag in re.finditer(r"<input [^>]*>", form):
        attrs = dict(re.findall(r'(\w[\w-]*)="([^"]*)"', tag.group(0)))
        kind = attrs.get("type", "text")
        if "name" not in attrs or attrs["name"] == "csrf_token" or kind == "submit":
            continue
        if kind == "checkbox" and " checked" not in tag.group(0):
            continue
        pairs.append((attrs["name"], _unescape(attrs.get("value", "on" if kind == "checkbox"
                                                         else ""))))
    for match in re.finditer(r'<textarea [^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', form, re.S):
        text = match.group(2)
        text = text[2:] if text.startswith("\r\n") else text[1:] if text.startswith("\n") else text
        pairs.append((match.group(1), _unescape(text)))  # a browser drops the first newline
    for match in re.finditer(r'<select [^>]*name="([^"]+)"[^>]*>(.*?)</select>', form, re.S):
        options = re.findall(r"<option [^>]*>", match.group(2))
        chosen = [o for o in options if re.search(r"\sselected[\s>=]", o)]
        value = re.search(r'value="([^"]*)"', chosen[0]).group(1) if chosen else ""
        pairs.append((match.group(1), value))
    return pairs


def replace(pairs: list[tuple[str, str]], **values) -> list[tuple[str, str]]:
    """Return *pairs* with some fields replaced (``text_op1="…"`` names ``text-op1``)."""
    names = {key.replace("_", "-", 1) if key.startswith(("text_", "items_")) else key: value
             for key, value in values.items()}
    return [(name, names.get(name, value)) for name, value in pairs]


def _unescape(text: str) -> str:
    import html

    return html.unescape(text)


def snapshot(draft: Draft) -> dict:
    """Return the JSON form of *draft*, for equality checks."""
    return to_dict(draft)
