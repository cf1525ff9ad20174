"""The voice a chapeau sets, and openers adapted to it.

The chapeau fixes the grammatical person of every operative paragraph (« Nous, … » →
« Réaffirmons »; « Les chefs d'État … » → « Réaffirment »; « L'Assemblée générale, » →
« Réaffirme »; after « AFFIRMONS L'IMPORTANCE : » → « De réaffirmer »), and the gender and
number its subject imposes on adjective openers (« Conscients » / « Consciente »).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Headings that only link the preamble to the operative block: they leave the voice alone.
_CONNECTORS = (
    "en consequence",
    "par consequent",
    "a cet egard",
    "a cette fin",
    "a cet effet",
    "des lors",
    "ainsi",
    "accordingly",
    "therefore",
)
# Nouns that govern « de » + infinitive, so the items read « De réaffirmer … ».
_GOVERNS_DE = ("importance", "necessite", "besoin", "urgence", "engagement", "volonte",
               "determination", "decision", "resolution", "intention")
_FEMININE_HEADS = frozenset((
    "assemblee", "conference", "commission", "communaute", "organisation", "union",
    "reunion", "delegation", "delegations", "femmes", "participantes", "organisations",
    "institutions", "nations", "parties", "cheffes",
))
_PLURAL_EN = re.compile(r"^(we|the\s+(heads|ministers|leaders|participants|states|members|"
                        r"representatives|parties|governments)\b)")
_MARKUP = re.compile(r"[*_#]+|<[^>]+>")

VOICE_FORM = {  # the opener form an operative paragraph takes in each voice
    "first_plural": "first_plural",
    "third_plural": "third_plural",
    "third_singular": "third_singular",
    "infinitive": "infinitive",
}


def fold(text: str) -> str:
    """Return *text* lowercased, without accents, apostrophes made straight."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("’", "'"))
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


@lru_cache(maxsize=1024)
def _lead(text: str | None) -> str:
    return fold(_MARKUP.sub("", text or "")).strip(" \t\n,;:.«»\"")


def infer_voice(chapeau: str | None, operative_intro: str | None = None) -> str | None:
    """Return the voice (one of drafts.model.VOICES) set by *chapeau* and *operative_intro*."""
    intro = _lead(operative_intro)
    if intro and (operative_intro or "").rstrip().endswith(":") and not _is_connector(intro):
        return "infinitive"
    return _chapeau_voice(_lead(chapeau))


def _is_connector(intro: str) -> bool:
    return any(intro.startswith(connector) for connector in _CONNECTORS)


def _chapeau_voice(lead: str) -> str | None:
    if not lead:
        return None
    if re.match(r"^nous\b", lead) or re.search(r"(^|,\s*)nous\s*,", lead):
        return "first_plural"
    if _PLURAL_EN.match(lead):
        return "first_plural" if lead.startswith("we") else "third_plural"
    if re.match(r"^les\s", lead):
        return "third_plural"
    if re.match(r"^(le\s|la\s|l'|the\s)", lead):
        return "third_singular"
    return None


def infinitive_prefix(operative_intro: str | None) -> bool:
    """Return True when items after *operative_intro* read « De + infinitive »."""
    intro = _lead(operative_intro)
    if not intro:
        return True  # « AFFIRMONS L'IMPORTANCE : » is the usual shape
    last_words = intro.split()[-3:]
    return any(word.split("'")[-1] in _GOVERNS_DE for word in last_words)


def infer_agreement(chapeau: str | None, voice: str | None = None) -> tuple[str, str]:
    """Return (gender, number) an adjective opener takes for the subject of *chapeau*."""
    lead = _lead(chapeau)
    # The subject is the chapeau's even when « DÉCIDE : » turns the items into infinitives.
    if voice in (None, "infinitive"):
        voice = _chapeau_voice(lead) or voice
    number = "s" if voice == "third_singular" else "p"
    if lead.startswith("nous"):
        words = [w for w in re.findall(r"[a-z'-]+", lead)[1:3] if w not in ("les", "des")]
        return ("f" if words and words[0] in _FEMININE_HEADS else "m"), number
    match = re.match(r"^(?:les\s|le\s|la\s|l')\s*([a-z-]+)", lead)
    head = match.group(1) if match else ""
    gender = "f" if head in _FEMININE_HEADS or lead.startswith("la ") else "m"
    return gender, number


_HEAD = re.compile(r"^\s*(?:\S+\s+){0,8}\S*")


def opener_at(text: str, *, language: str = "fr"):
    """Return clause_bank.openers.find_opener(text), reading only the first nine words.

    No opener is longer (« Par ailleurs, nous nous engageons également »), and paragraphs
    are checked again and again as a draft is edited, so the answer is cached per head.
    """
    return _opener_of_head(_HEAD.match(text).group(), language)


@lru_cache(maxsize=8192)
def _opener_of_head(head: str, language: str):
    from clause_bank.openers import find_opener

    return find_opener(head, language=language)


def adapt_opener(
    text: str,
    *,
    kind: str,
    voice: str | None,
    chapeau: str | None = None,
    language: str = "fr",
    operative_intro: str | None = None,
) -> str:
    """Return *text* with its opener in the form its block and the draft's voice call for."""
    stripped = text.lstrip()
    lead_space = text[: len(text) - len(stripped)]
    prefix, body = split_infinitive_prefix(stripped)
    opener = opener_at(body, language=language)
    if opener is None or not opener.known or not opener.lemma:
        return text
    target = target_form(opener.form, kind=kind, voice=voice)
    if target is None:
        return text
    gender, number = infer_agreement(chapeau, voice) if language == "fr" else ("m", "p")
    new = inflect_opener(opener.lemma, target, language=language, gender=gender,
                         number=number, voice=voice, operative_intro=operative_intro)
    if new is None:
        return text
    start = body.find(opener.text)
    if start != 0:
        return text
    core = opener.text[: len(opener.text) - len(opener.tail)]
    written = (prefix + core) if prefix else core
    if new.casefold() == written.casefold():
        new = written  # nothing to change: keep the drafter's own casing
    # The modifiers after the verb (« également », « avec satisfaction ») stay as written.
    return lead_space + match_case(new, written) + body[len(core):]


def split_infinitive_prefix(text: str) -> tuple[str, str]:
    """Split « De réaffirmer … » into (« De », « réaffirmer … »); prefix "" when absent."""
    match = re.match(r"^(de\s+|d['’]|to\s+)(?=\w)", text, flags=re.IGNORECASE)
    if not match:
        return "", text
    return match.group(0), text[match.end():]


def target_form(form: str | None, *, kind: str, voice: str | None) -> str | None:
    """Return the opener form a paragraph of *kind* takes in *voice*, None to leave it."""
    if kind == "preambular":
        return "past_participle" if form == "past_participle" else "present_participle"
    if kind != "operative" or voice not in VOICE_FORM or form == "past_participle":
        return None
    return VOICE_FORM[voice]


def inflect_opener(
    lemma: str,
    form: str,
    *,
    language: str,
    gender: str,
    number: str,
    voice: str | None,
    operative_intro: str | None = None,
) -> str | None:
    """Return *lemma* in *form*, with the reflexive pronoun and « de » the voice calls for."""
    from clause_bank.openers import inflect

    if language == "en" and form == "first_plural":
        form = "third_plural"  # « We, the Heads of State …, Reaffirm »: the bare verb
    new = inflect(lemma, form, language=language, gender=gender, number=number)
    if new is not None and language == "en" and form == "infinitive":
        return "to " + new
    if new is None or language != "fr":
        return new
    if voice == "first_plural" and form in ("present_participle", "infinitive"):
        new = re.sub(r"^(?:s['’]|se\s+)", "nous ", new)
    if form == "infinitive" and infinitive_prefix(operative_intro):
        new = ("d'" if re.match(r"^[aeiouyhéèêàâîôû]", new, re.I) else "de ") + new
    return new


def match_case(new: str, written: str) -> str:
    """Give *new* the casing style of *written*: ALL CAPS, Capitalised or lower."""
    letters = [c for c in written if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return new.upper()
    if written[:1].isupper():
        return new[:1].upper() + new[1:]
    return new
