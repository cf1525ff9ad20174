"""Near-duplicate paragraphs, and paragraphs that drifted from agreed language."""

from __future__ import annotations

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from checks.context import WordCodes, normalise, words_of
from checks.model import Hit, Unit
from checks.reading import WORD, Reading
from checks.registry import register
from clause_bank.diff import Change, tokens

DUPLICATE = {
    "default": {
        "fr": "{where} reprend presque mot pour mot {other} (similarité {similarity}).",
        "en": "{where} nearly repeats {other} (similarity {similarity}).",
    },
    "identical": {"fr": "{where} répète {other} à l'identique.",
                  "en": "{where} repeats {other} word for word."},
}
DUPLICATE_CUTOFF = 90  # fuzz.ratio of the paragraphs' sorted words
MIN_WORDS = 4


@register("duplicate", "warning", DUPLICATE)
def check_duplicate(reading: Reading, context) -> list[Hit]:
    """Find near-duplicate paragraphs (alternatives of one another left aside)."""
    units = [u for u in reading.units if u.part in ("preambular", "operative")
             and u.item is None and len(WORD.findall(u.text)) >= MIN_WORDS]
    if len(units) < 2:
        return []
    codes = WordCodes()
    keys = [codes.encode(sorted(words_of(u.text))) for u in units]
    # Passing the same list twice lets rapidfuzz score each pair once.
    matrix = process.cdist(keys, keys, scorer=fuzz.ratio, score_cutoff=DUPLICATE_CUTOFF,
                           dtype="uint8")
    hits = []
    for i, j in zip(*matrix.nonzero(), strict=True):
        if j <= i or _alternatives(reading, units[i], units[j]):
            continue
        first, second = units[i], units[j]
        similarity = int(matrix[i, j])
        variant = "identical" if normalise(first.text) == normalise(second.text) else "default"
        hits.append(Hit(second, variant, {"other": first.label, "similarity": similarity},
                        detail={"other": {"part": first.part, "index": first.index},
                                "similarity": similarity}))
    return hits


def sorted_words(text: str) -> str:
    """Return the words of *text*, lowercased and sorted (word order does not hide a copy)."""
    return " ".join(sorted(w.lower() for w in WORD.findall(text.replace("’", "'"))))


def _alternatives(reading: Reading, first: Unit, second: Unit) -> bool:
    a, b = reading.paragraph(first), reading.paragraph(second)
    if a is None or b is None:
        return False
    return (b.alternative is not None and b.alternative_of in (None, a.id)
            or a.alternative is not None and a.alternative_of in (None, b.id))


DRIFT = {
    "default": {
        "fr": "{where} s'écarte d'un précédent (similarité {similarity}) : {changes}.",
        "en": "{where} departs from a precedent (similarity {similarity}): {changes}.",
    }
}
DRIFT_CUTOFF = 85
_CHANGE_WORDS = {"fr": ("supprimé", "ajouté", "remplacé par"),
                 "en": ("removed", "added", "replaced by")}


@register("precedent-drift", "info", DRIFT, needs_bank=True)
def check_precedent_drift(reading: Reading, context) -> list[Hit]:
    """Find paragraphs close to agreed language (≥ 85) but not identical, with the diff."""
    units = [u for u in reading.units if u.part in ("preambular", "operative")
             and u.item is None and u.text.strip()]
    precedents = _precedents(reading, context, units)
    hits = []
    for unit, found in zip(units, precedents, strict=True):
        if found is None:
            continue
        text, similarity, clause_id = found
        adapted = _adapted(reading, unit, text)
        if normalise(adapted) == normalise(unit.text) or similarity < DRIFT_CUTOFF:
            continue
        changes = quick_diff(adapted, unit.text)
        hits.append(Hit(unit, params={"similarity": int(similarity),
                                      "changes": _summary(changes, reading.language)},
                        suggestion=adapted,
                        detail={"precedent": text, "clause_id": clause_id,
                                "similarity": int(similarity),
                                "diff": [[c.op, c.text] for c in changes]}))
    return hits


def _precedents(reading: Reading, context, units: list[Unit]) -> list[tuple | None]:
    """Return the precedent each paragraph comes from (its provenance) or is closest to."""
    found: list[tuple | None] = []
    for unit in units:
        provenance = reading.paragraph(unit).provenance
        if provenance is not None and provenance.precedent_text:
            score = fuzz.ratio(normalise(provenance.precedent_text), normalise(unit.text))
            found.append((provenance.precedent_text, score, provenance.clause_id))
        else:
            found.append(None)
    missing = [n for n, f in enumerate(found) if f is None]
    if context is None or not missing:
        return found
    texts = [units[n].text for n in missing]
    if context.nearest_many is not None:
        results = context.nearest_many(texts)
    elif context.nearest is not None:
        results = [context.nearest(text) for text in texts]
    else:
        return found
    for n, result in zip(missing, results, strict=True):
        found[n] = result[0] if result else None
    return found


def quick_diff(old: str, new: str) -> list[Change]:
    """Return the word changes from *old* to *new* (as clause_bank.diff.word_diff, faster).

    A lone space between two changed words is folded into the change, as a reader expects.
    """
    a, b = tokens(old), tokens(new)
    runs: list[list[str]] = []  # [kept] or [deleted, inserted]
    for op in Indel.opcodes(a, b):
        removed = "".join(a[op.src_start:op.src_end])
        added = "".join(b[op.dest_start:op.dest_end])
        if op.tag == "equal" and not (removed.isspace() and runs and len(runs[-1]) == 2
                                      and op.dest_end < len(b)):
            runs.append([removed])
            continue
        if op.tag == "equal":
            removed = added = removed
        if runs and len(runs[-1]) == 2:
            runs[-1][0] += removed if op.tag != "insert" else ""
            runs[-1][1] += added if op.tag != "delete" else ""
        else:
            runs.append([removed if op.tag != "insert" else "",
                         added if op.tag != "delete" else ""])
    changes = []
    for run in runs:
        pairs = [("equal", run[0])] if len(run) == 1 else [("delete", run[0]),
                                                           ("insert", run[1])]
        changes.extend(Change(op, text) for op, text in pairs if text)
    return changes


def _adapted(reading: Reading, unit: Unit, text: str) -> str:
    """Return the precedent with its opener put in this draft's form (expected, not drift)."""
    try:
        from drafts.voice import adapt_opener

        return adapt_opener(text, kind=unit.part, voice=reading.voice,
                            chapeau=reading.draft.chapeau, language=reading.text_language,
                            operative_intro=reading.draft.operative_intro)
    except ImportError:  # the opener lexicon is not there: compare as is
        return text


def _summary(changes, language: str, limit: int = 3) -> str:
    removed_word, added_word, replaced_word = _CHANGE_WORDS[language]
    parts, pending = [], None
    for change in changes:
        text = " ".join(change.text.split())
        if change.op == "delete":
            pending = text
        elif change.op == "insert":
            parts.append(f"« {pending} » {replaced_word} « {text} »" if pending
                         else f"{added_word} « {text} »")
            pending = None
        else:
            if pending:
                parts.append(f"{removed_word} « {pending} »")
            pending = None
    if pending:
        parts.append(f"{removed_word} « {pending} »")
    shown = "; ".join(parts[:limit])
    return shown + (" …" if len(parts) > limit else "")

