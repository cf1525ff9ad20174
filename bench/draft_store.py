"""Save, load, list and compare a 40-preambular / 300-operative draft, on SQLite and PostgreSQL.

Run: ``.venv/bin/python bench/draft_store.py [--postgres]``. Every figure is the median of several
runs, also given as a ratio to the baseline measured in the same process: turning the draft into
declaration-draft/1 JSON and back (the work no store can avoid). ``--postgres`` starts a
throw-away cluster the way the tests do.
"""

from __future__ import annotations

import copy
import json
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafts import jsonio, store  # noqa: E402
from drafts.model import Draft, Item, Paragraph  # noqa: E402
from storage import make_engine, make_sessionmaker, upgrade_schema  # noqa: E402
from storage.models import User  # noqa: E402

RUNS = 15
LISTED = 200  # drafts in the list of drafts


def sentences() -> list[str]:
    """Return clause-length sentences from the bundled corpus."""
    text = " ".join(p.read_text(encoding="utf-8")
                    for p in sorted((ROOT / "clause_bank" / "corpus").glob("*.txt")))
    found = [" ".join(s.split()) for s in re.split(r"(?<=[;.])\s", re.sub(r"[*#<>]", " ", text))]
    return [s for s in found if 80 <= len(s) <= 600]


def big_draft() -> Draft:
    """Return a 40 PP / 300 OP draft; every tenth OP has two sub-items."""
    pool = sentences()

    def paragraph(n: int, with_items: bool) -> Paragraph:
        items = [Item(pool[(n + k) % len(pool)]) for k in (1, 2)] if with_items else []
        return Paragraph(pool[n % len(pool)], items=items)

    return Draft(title="Déclaration de référence", chapeau="Nous, Ministres,",
                 preambular=[paragraph(n, False) for n in range(40)],
                 operative=[paragraph(40 + n, n % 10 == 0) for n in range(300)])


def edited(draft: Draft) -> Draft:
    """Return *draft* with one paragraph in ten edited and two moved, as between revisions."""
    new = copy.deepcopy(draft)
    for paragraph in new.operative[::10]:
        paragraph.text = paragraph.text.replace(" ", " très ", 1)
    new.operative.insert(5, new.operative.pop(100))
    new.preambular.append(new.preambular.pop(0))
    return new


def median_ms(action, runs: int = RUNS) -> float:
    """Return the median wall time of *action* in milliseconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(url: str) -> dict[str, float]:
    """Return the median times of the store operations on the database at *url*."""
    engine = make_engine(url)
    upgrade_schema(engine)
    sessions = make_sessionmaker(engine)
    draft = big_draft()
    with sessions() as session:
        user = User(username="bench", password_hash="-", session_token="-")
        session.add(user)
        session.commit()
        draft_id = store.create_draft(session, draft, owner_id=user.id)
        for _ in range(LISTED - 1):
            store.create_draft(session, Draft(title="Autre projet"), owner_id=user.id)
        revision = [1]

        def save() -> None:
            revision[0] = store.save_draft(session, draft_id, draft, base_revision=revision[0],
                                           author_id=user.id)

        figures = {
            "save (one revision)": median_ms(save),
            "load": median_ms(lambda: store.load_draft(session, draft_id)),
            f"list of {LISTED} drafts": median_ms(lambda: store.drafts_for_user(session, user.id)),
            "history": median_ms(lambda: store.list_revisions(session, draft_id)),
        }
    engine.dispose()
    return figures


def main() -> None:
    draft = big_draft()
    baseline = median_ms(lambda: jsonio.from_dict(json.loads(json.dumps(jsonio.to_dict(draft)))))
    new = edited(draft)
    reimported = copy.deepcopy(new)
    for paragraph in reimported.preambular + reimported.operative:
        paragraph.id += "-x"
    figures = {
        "compare two revisions": median_ms(lambda: store.compare(draft, new)),
        "compare, no shared ids": median_ms(lambda: store.compare(draft, reimported), runs=5),
    }
    with tempfile.TemporaryDirectory() as tmp:
        for name, value in measure(f"sqlite:///{tmp}/bench.sqlite").items():
            figures[f"SQLite: {name}"] = value
    if "--postgres" in sys.argv:
        from tests.pgcluster import PostgresCluster

        cluster = PostgresCluster()
        try:
            cluster.start()
            for name, value in measure(cluster.url(cluster.create_database())).items():
                figures[f"PostgreSQL: {name}"] = value
        finally:
            cluster.stop()
    print(f"baseline (JSON out and back, 340 paragraphs): {baseline:.2f} ms")
    for name, value in figures.items():
        print(f"{name:<40} {value:8.2f} ms  {value / baseline:6.1f} × baseline")


if __name__ == "__main__":
    main()
