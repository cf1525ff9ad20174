"""Load what the first requests would otherwise load: lexicons, checks, templates, search.

Called in gunicorn's master before it forks (gunicorn.conf.py), so that every worker, the
recycled ones included, starts warm and shares these pages of memory.
"""

from __future__ import annotations

from flask import Flask
from sqlalchemy import select

from storage.models import Clause


def warm_up(app: Flask) -> None:
    """Run one check, one export and one search on the bundled corpus, and forget them."""
    from checks import build_context, run_checks
    from clause_bank.search import search
    from drafts.model import Draft, Paragraph
    from exports import export_docx

    with app.app_context(), app.extensions["sessionmaker"]() as session:
        texts = list(session.scalars(select(Clause.text).order_by(Clause.id).limit(20)))
        draft = Draft(title="Préchauffage", chapeau="Nous, Ministres,",
                      preambular=[Paragraph(t) for t in texts[:5]],
                      operative=[Paragraph(t) for t in texts[5:10]])
        for language in app.config["LANGUAGES"]:
            run_checks(draft, context=build_context([(t, i) for i, t in enumerate(texts)]),
                       language=language)
        export_docx(draft)
        search(session, "traite des personnes", limit=5)
