"""House styles as data: how each organisation lays out a declaration.

The templates in ``exports/templates/`` are generated from this registry by
``exports/make_templates.py``; the exporter reads only the style ids and numbering
formats from here, everything visual comes from the template a user may restyle in Word.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

# Role of a paragraph or run -> (style id, style name, style type). Ids are what the
# exporter writes; names are what a drafter sees in Word and what a foreign template may use.
PARAGRAPH_STYLES = {
    "title": ("Title", "Title"),
    "note": ("Note", "Note"),
    "chapeau": ("Chapeau", "Chapeau"),
    "preambular": ("Preambular", "Preambular"),
    "heading": ("Heading", "Heading"),
    "operative": ("Operative", "Operative"),
    "item1": ("SubItem", "Sub-item"),
    "item2": ("SubItem2", "Sub-item 2"),
    "item3": ("SubItem3", "Sub-item 3"),
    "closing": ("Closing", "Closing"),
    "end": ("EndMark", "End mark"),
    "header": ("Header", "header"),
    "footer": ("Footer", "footer"),
    "comment": ("CommentText", "annotation text"),
}
CHARACTER_STYLES = {
    "opener": ("Opener", "Opener"),
    "label": ("Label", "Label"),
    "bracketed": ("Bracketed", "Bracketed"),
    "bracketed_opener": ("BracketedOpener", "Bracketed opener"),
    "paragraph_bracket": ("ParagraphBracket", "Paragraph bracket"),
    "comment_reference": ("CommentReference", "annotation reference"),
}
ITEM_ROLES = ("item1", "item2", "item3")
# Word's own styles keep their built-in names (Word translates them in its interface).
BUILT_IN = {"Title", "Header", "Footer", "CommentText", "CommentReference"}

# Names of the numbering definitions (w:abstractNum/w:name) the exporter instantiates.
NUMBERINGS = ("operative", "operative_labelled", "preambular_labelled")


@dataclass(frozen=True)
class Level:
    """One numbering level: format, text, and where number and text sit (twips)."""

    fmt: str  # decimal | lowerLetter | lowerRoman | bullet
    text: str  # "%1." ; "%2)" ; "–"
    left: int
    hanging: int = 0
    first_line: int = 0
    tab: int | None = None


@dataclass(frozen=True)
class HouseStyle:
    """An organisation's conventions for a declaration."""

    key: str
    name: str
    font: str
    size: int  # half-points
    opener: tuple[str, ...]  # run properties of the opening words: i, b, caps
    chapeau_opener: tuple[str, ...]
    preambular_end: str
    justify: bool
    preambular_indent: int  # first-line indent of preambular paragraphs and chapeau
    operative: tuple[Level, ...]  # level 0 and sub-items, French
    operative_en: tuple[Level, ...]  # the same in English: « (a) », « (i) »
    end_mark: str
    title_caps: bool = False
    labelled_tab: int = 851  # room for « OP12. » / « PP12. »
    colors: dict = field(default_factory=dict)


def _levels(top: Level, letter: str, roman: str, *, base: int) -> tuple[Level, ...]:
    return (
        top,
        Level("lowerLetter", letter, left=base + 567, hanging=567),
        Level("lowerRoman", roman, left=base + 1191, hanging=624),
        Level("bullet", "–", left=base + 1701, hanging=567),
    )


_UN_TOP = Level("decimal", "%1.", left=0, first_line=1134, tab=1701)
_HANGING_TOP = Level("decimal", "%1.", left=567, hanging=567)

HOUSE_STYLES: dict[str, HouseStyle] = {
    "un": HouseStyle(
        key="un",
        name="Nations Unies",
        font="Times New Roman",
        size=24,
        opener=("i",),
        chapeau_opener=("i",),
        preambular_end=",",
        justify=False,
        preambular_indent=1134,
        operative=_levels(_UN_TOP, "%2)", "%3)", base=1701),
        operative_en=_levels(_UN_TOP, "(%2)", "(%3)", base=1701),
        end_mark="__________",
        colors={"accent": "1F3864", "title": "000000"},
    ),
    "oif": HouseStyle(
        key="oif",
        name="Francophonie",
        font="Arial",
        size=22,
        opener=("b",),
        chapeau_opener=("b",),
        preambular_end=";",
        justify=True,
        preambular_indent=0,
        operative=_levels(_HANGING_TOP, "%2)", "%3)", base=567),
        operative_en=_levels(_HANGING_TOP, "(%2)", "(%3)", base=567),
        end_mark="* * *",
        title_caps=True,
        colors={"accent": "5B2C83", "title": "5B2C83"},
    ),
    "oas": HouseStyle(
        key="oas",
        name="Organisation des États américains",
        font="Times New Roman",
        size=24,
        opener=("caps",),
        chapeau_opener=("caps",),
        preambular_end=";",
        justify=True,
        preambular_indent=720,
        operative=_levels(_HANGING_TOP, "%2)", "%3)", base=567),
        operative_en=_levels(_HANGING_TOP, "(%2)", "(%3)", base=567),
        end_mark="- - -",
        title_caps=True,
        colors={"accent": "003366", "title": "003366"},
    ),
}
DEFAULT_HOUSE_STYLE = "un"


def numbering_levels(style: HouseStyle, name: str, language: str) -> tuple[Level, ...]:
    """Return the levels of numbering definition *name* for *language*."""
    levels = style.operative_en if language == "en" else style.operative
    if name == "operative":
        return levels
    prefix = "OP" if name == "operative_labelled" else "PP"
    top = levels[0]
    if top.hanging:
        labelled = Level("decimal", f"{prefix}%1.", left=style.labelled_tab,
                         hanging=style.labelled_tab)
        shift = style.labelled_tab - top.left
    else:
        start = top.first_line
        labelled = Level("decimal", f"{prefix}%1.", left=0, first_line=start,
                         tab=start + style.labelled_tab)
        shift = labelled.tab - (top.tab or start)
    if name == "preambular_labelled":
        return (labelled,)
    # Sub-items move right with the text of the labelled paragraph they belong to.
    return (labelled, *(replace(level, left=level.left + shift) for level in levels[1:]))


def abstract_name(name: str, language: str) -> str:
    """Return the w:abstractNum name used for numbering *name* in *language*."""
    return f"Declaration {name.replace('_', ' ')} ({'en' if language == 'en' else 'fr'})"
