"""What the export needs to know about wording: openers, house style, paragraph endings."""

from __future__ import annotations

import re

from drafts.model import Draft

_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
# An opener that starts with one of these words runs on to the next word
# (« Nous fondant », « Prenant note », « De réaffirmer », « Deeply concerned »).
LEADING = frozenset({
    "nous", "se", "de", "ayant", "profondément", "vivement", "gravement", "sérieusement",
    "fermement", "tenant", "prenant", "prend", "prennent", "prenons", "having", "bearing",
    "taking", "takes", "take", "deeply", "gravely", "strongly", "also", "further",
})
# Words and phrases that continue an opener after its head word.
TRAILING = (
    ("en", "outre"), ("de", "nouveau"), ("à", "nouveau"), ("in", "mind"), ("note",),
    ("acte",), ("compte",), ("également",), ("aussi",), ("further",), ("also",),
    ("with", "appreciation"), ("with", "concern"), ("avec", "préoccupation"),
    ("avec", "satisfaction"), ("avec", "inquiétude"), ("avec", "vive", "préoccupation"),
    ("avec", "une", "profonde", "préoccupation"), ("favorablement",), ("vivement",),
    ("with", "deep", "concern"), ("with", "satisfaction"),
)
_TRAILING_FIRST = frozenset(phrase[0] for phrase in TRAILING)
_CHAPEAU_SUBJECT_MAX = 300
_SEMICOLON_END = re.compile(r"[ \u00a0\u202f]*;\s*$")
_COMMA_END = re.compile(r"\s*,\s*$")


def opener_length(text: str) -> int:
    """Return how many leading characters of *text* form its opener (0: none)."""
    words = list(_WORD.finditer(text[:120]))
    if not words or words[0].start() != 0 or not text[0].isupper():
        return 0
    if len(words[0].group()) > 1 and words[0].group().isupper():
        return _caps_opener(words)
    end, index = words[0].end(), 1
    if words[0].group().lower() in LEADING and len(words) > 1 and _adjacent(text, end, words[1]):
        end, index = words[1].end(), 2
    while index < len(words) and words[index].group().lower() in _TRAILING_FIRST:
        phrase = next((p for p in TRAILING if _matches(words, index, p, text)), None)
        if phrase is None:
            break
        index += len(phrase)
        end = words[index - 1].end()
    return end


def _caps_opener(words: list[re.Match]) -> int:
    end = words[0].end()
    for previous, word in zip(words, words[1:], strict=False):
        if not word.group().isupper() or word.start() - previous.end() > 1:
            break
        end = word.end()
    return end


def _adjacent(text: str, end: int, word: re.Match) -> bool:
    return text[end:word.start()] in (" ", "\u00a0")


def _matches(words: list[re.Match], index: int, phrase: tuple[str, ...], text: str) -> bool:
    if index + len(phrase) > len(words):
        return False
    chosen = words[index:index + len(phrase)]
    previous_end = words[index - 1].end()
    for word, expected in zip(chosen, phrase, strict=True):
        if word.group().lower() != expected or not _adjacent(text, previous_end, word):
            return False
        previous_end = word.end()
    return True


def chapeau_subject_length(text: str) -> int:
    """Return the length of the chapeau's subject (« Nous, Ministres … » up to its comma)."""
    first = text.find(",")
    if first <= 0:
        return 0
    end = first
    if " " not in text[:first].strip():  # « Nous, Ministres …, réunis » : go on to the next comma
        following = text.find(",", first + 1)
        end = following if following > 0 else first
    return end if end <= _CHAPEAU_SUBJECT_MAX else 0


def infer_house_style(draft: Draft) -> str:
    """Return the draft's house style, guessed from its chapeau and preamble when unset."""
    if draft.house_style:
        return draft.house_style
    chapeau = draft.chapeau.strip().lower()
    if chapeau.startswith(("l'assemblée", "l’assemblée", "the general assembly", "le conseil")):
        return "un"
    texts = [p.text.strip() for p in draft.preambular if p.text.strip()]
    if texts and sum(_caps_start(t) for t in texts) * 2 > len(texts):
        return "oas"
    if texts and sum(t.endswith(";") for t in texts) * 2 > len(texts):
        return "oif"
    return "un"


def _caps_start(text: str) -> bool:
    word = _WORD.match(text)
    return bool(word) and len(word.group()) > 1 and word.group().isupper()


def restyle_ending(text: str, end: str, *, language: str) -> str:
    """Return *text* ending with *end* (« , » or « ; ») instead of the other of the two."""
    if end == ",":
        match = _SEMICOLON_END.search(text)
        return text[:match.start()] + "," if match else text
    match = _COMMA_END.search(text)
    if match is None:
        return text
    return text[:match.start()] + ("\u00a0;" if language == "fr" else ";")
