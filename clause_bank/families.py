"""Agreed-language families: clauses of different documents that share a passage.

The rule (see docs/families.md for why): two clauses of different documents are linked when,
in their matching terms (``Clause.norm``), the common runs of at least ``MIN_TILE`` terms
(found greedily, longest first, in any order) add up to at least ``MIN_SHARED`` terms, or
cover ``NEAR_DUPLICATE`` of the shorter clause. A family is a connected group of linked
clauses. Candidates come from winnowed fingerprints stored at import in a table keyed by
hash, so linking a new document costs one indexed lookup, never a scan of the bank.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session

from storage.models import Clause, ClauseFingerprint, Family

K = 4  # terms per hashed shingle
WINDOW = 4  # winnowing window: any common run of K + WINDOW - 1 terms shares a fingerprint
MIN_TILE = 3
MIN_SHARED = 10
NEAR_DUPLICATE = 0.8
MIN_NEAR = 5
CHUNK = 500
POSTINGS = 50  # per fingerprint, the newest clauses checked: one member finds a family
MAX_REGROUP = 400  # a larger family is recounted but not split again when a member leaves


def fingerprints(terms: Sequence[str]) -> set[int]:
    """Return the winnowed shingle hashes of a clause's terms (signed 32-bit)."""
    if len(terms) < K:
        return set()
    hashes = [zlib.crc32(" ".join(terms[i : i + K]).encode()) - 2**31
              for i in range(len(terms) - K + 1)]
    if len(hashes) <= WINDOW:
        return {min(hashes)}
    return set(map(min, zip(*(hashes[i:] for i in range(WINDOW)), strict=False)))


def shared_tiles(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int, int]]:
    """Return common runs (start in a, start in b, length) of at least MIN_TILE terms.

    Maximal common runs are taken longest first, skipping any that overlaps one already
    taken (greedy string tiling), so the same words are never counted twice.
    """
    starts: dict[tuple, list[int]] = defaultdict(list)
    for j in range(len(b) - MIN_TILE + 1):
        starts[tuple(b[j : j + MIN_TILE])].append(j)
    runs = []
    for i in range(len(a) - MIN_TILE + 1):
        for j in starts.get(tuple(a[i : i + MIN_TILE]), ()):
            if i and j and a[i - 1] == b[j - 1]:
                continue  # inside a run found from an earlier start
            size = MIN_TILE
            while i + size < len(a) and j + size < len(b) and a[i + size] == b[j + size]:
                size += 1
            runs.append((size, i, j))
    runs.sort(key=lambda run: (-run[0], run[1], run[2]))
    used_a, used_b, tiles = set(), set(), []
    for size, i, j in runs:
        span_a, span_b = range(i, i + size), range(j, j + size)
        if used_a.isdisjoint(span_a) and used_b.isdisjoint(span_b):
            used_a.update(span_a)
            used_b.update(span_b)
            tiles.append((i, j, size))
    return tiles


def linked(a: Sequence[str], b: Sequence[str]) -> bool:
    """Return True when two clauses share agreed language under the family rule."""
    shared = sum(size for _, _, size in shared_tiles(a, b))
    shorter = min(len(a), len(b))
    return shared >= MIN_SHARED or (shorter >= MIN_NEAR and shared >= NEAR_DUPLICATE * shorter)


def link_document(session: Session, document_id: int, clauses: list[tuple[int, str]]) -> None:
    """Store the fingerprints of a new document's clauses (id, norm) and join their families."""
    prints = {clause_id: fingerprints(norm.split()) for clause_id, norm in clauses}
    rows = [{"hash": h, "clause_id": c, "document_id": document_id}
            for c, hashes in prints.items() for h in hashes]
    if not rows:
        return
    postings = _postings(session, document_id, {row["hash"] for row in rows})
    session.execute(insert(ClauseFingerprint.__table__), rows)
    pairs = [(clause_id, other) for clause_id, hashes in prints.items()
             for other in sorted(set().union(*(postings.get(h, ()) for h in hashes)))]
    if not pairs:
        return
    norms = dict(clauses)
    known = _clauses(session, {other for _, other in pairs})
    links, joined = [], set()
    for clause_id, other in pairs:
        if other not in known:
            continue  # a fingerprint left by a cascade delete
        family = known[other][1]
        if (clause_id, family) in joined:
            continue  # already linked to that family through another member
        if linked(norms[clause_id].split(), known[other][0].split()):
            links.append((clause_id, other))
            if family is not None:
                joined.add((clause_id, family))
    if links:
        families = {c: None for c in norms} | {c: fam for c, (_, fam) in known.items()}
        _merge(session, links, families)


def _postings(session: Session, document_id: int, hashes: set[int]) -> dict[int, list[int]]:
    """Return, per fingerprint, the newest ``POSTINGS`` clauses of other documents carrying it.

    The cap is applied in the database: agreed language repeated in thousands of clauses
    would otherwise send thousands of rows per fingerprint back to Python.
    """
    found: dict[int, list[int]] = defaultdict(list)
    ordered = sorted(hashes)
    table = ClauseFingerprint.__table__
    newest = func.row_number().over(partition_by=table.c.hash, order_by=table.c.clause_id.desc())
    for start in range(0, len(ordered), CHUNK):
        ranked = (
            select(table.c.hash, table.c.clause_id, newest.label("rank"))
            .where(table.c.hash.in_(ordered[start : start + CHUNK]),
                   table.c.document_id != document_id)
            .subquery()
        )
        statement = select(ranked.c.hash, ranked.c.clause_id).where(ranked.c.rank <= POSTINGS)
        for value, clause_id in session.execute(statement):
            found[value].append(clause_id)
    return found


def forget(session: Session, clauses: Iterable[tuple[int, str]]) -> None:
    """Delete the fingerprints of clauses (id, norm) about to be deleted."""
    table = ClauseFingerprint.__table__
    rows = [{"h": h, "c": clause_id} for clause_id, norm in clauses
            for h in fingerprints(norm.split())]
    if rows:
        session.execute(delete(table).where(table.c.hash == bindparam("h"),
                                            table.c.clause_id == bindparam("c")), rows)


def _clauses(session: Session, ids: Iterable[int]) -> dict[int, tuple[str, int | None]]:
    ordered, known = sorted(ids), {}
    for start in range(0, len(ordered), CHUNK):
        statement = select(Clause.id, Clause.norm, Clause.family_id).where(
            Clause.id.in_(ordered[start : start + CHUNK])
        )
        known.update({cid: (norm, fam) for cid, norm, fam in session.execute(statement)})
    return known


def _components(links: Iterable[tuple[int, int]]) -> list[set[int]]:
    parent: dict[int, int] = {}

    def root(node: int) -> int:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for a, b in links:
        parent[root(a)] = root(b)
    groups: dict[int, set[int]] = defaultdict(set)
    for node in list(parent):
        groups[root(node)].add(node)
    return list(groups.values())


def _merge(session: Session, links, families: dict[int, int | None]) -> None:
    """Give each connected group of linked clauses one family, absorbing existing ones."""
    assign: list[tuple[int, int]] = []  # (clause, family)
    absorbed: list[tuple[int, int]] = []  # (family, family it joins)
    fresh, targets = [], set()
    for component in _components(links):
        existing = sorted({families[c] for c in component if families[c] is not None})
        if not existing:
            fresh.append(component)
            continue
        target = existing[0]
        targets.add(target)
        absorbed += [(family, target) for family in existing[1:]]
        assign += [(c, target) for c in component if families[c] != target]
    if fresh:
        rows = [{"size": 0, "document_count": 0}] * len(fresh)
        created = session.scalars(
            insert(Family).returning(Family.id, sort_by_parameter_order=True), rows
        ).all()
        for component, family in zip(fresh, created, strict=True):
            targets.add(family)
            assign += [(c, family) for c in component]
    clauses = Clause.__table__
    if absorbed:
        session.execute(update(clauses).where(clauses.c.family_id == bindparam("old"))
                        .values(family_id=bindparam("new")),
                        [{"old": old, "new": new} for old, new in absorbed])
        session.execute(delete(Family).where(Family.id.in_([old for old, _ in absorbed])))
    if assign:
        session.execute(update(clauses).where(clauses.c.id == bindparam("clause"))
                        .values(family_id=bindparam("family")),
                        [{"clause": c, "family": f} for c, f in assign])
    _recount(session, targets)


def _recount(session: Session, family_ids: Iterable[int]) -> None:
    ordered = sorted(family_ids)
    members = select(func.count(Clause.id)).where(Clause.family_id == Family.id)
    documents = select(func.count(func.distinct(Clause.document_id))).where(
        Clause.family_id == Family.id)
    for start in range(0, len(ordered), CHUNK):
        session.execute(
            update(Family).where(Family.id.in_(ordered[start : start + CHUNK]))
            .values(size=members.scalar_subquery(), document_count=documents.scalar_subquery())
        )


def regroup(session: Session, family_ids: Iterable[int]) -> None:
    """Split or dissolve families that lost members when a document was replaced."""
    ordered = sorted(set(family_ids))
    members: dict[int, list] = defaultdict(list)
    for start in range(0, len(ordered), CHUNK):
        statement = select(Clause.id, Clause.document_id, Clause.norm, Clause.family_id).where(
            Clause.family_id.in_(ordered[start : start + CHUNK]))
        for row in session.execute(statement):
            members[row.family_id].append(row)
    large = [f for f in ordered if len(members[f]) > MAX_REGROUP]
    _recount(session, large)
    small = [f for f in ordered if len(members[f]) <= MAX_REGROUP]
    links = [
        (a.id, b.id) for family in small for n, a in enumerate(members[family])
        for b in members[family][n + 1 :]
        if a.document_id != b.document_id and linked(a.norm.split(), b.norm.split())
    ]
    for start in range(0, len(small), CHUNK):
        chunk = small[start : start + CHUNK]
        session.execute(update(Clause).where(Clause.family_id.in_(chunk)).values(family_id=None))
        session.execute(delete(Family).where(Family.id.in_(chunk)))
    if links:
        _merge(session, links, {m.id: None for family in small for m in members[family]})
