"""The kinds of declaration a drafter can start from (rules as data)."""

from __future__ import annotations

from dataclasses import dataclass

from drafts.model import Draft, Metadata


@dataclass(frozen=True)
class Starter:
    """A blank declaration of one kind: chapeau, heading, voice and house style set."""

    key: str
    label: str  # French; the UI translates it
    chapeau: str
    voice: str
    house_style: str
    operative_intro: str | None = None
    closing: str | None = None
    body: str | None = None


STARTERS: dict[str, Starter] = {
    starter.key: starter
    for starter in (
        Starter(
            key="ministerial",
            label="Déclaration ministérielle (Nous, Ministres …)",
            chapeau="Nous, Ministres et Chefs de délégation des États et gouvernements membres, "
                    "réunis à …, le …,",
            voice="first_plural",
            house_style="oif",
            body="Conférence ministérielle",
        ),
        Starter(
            key="resolution",
            label="Résolution (L'Assemblée générale, …)",
            chapeau="L'Assemblée générale,",
            voice="third_singular",
            house_style="un",
            body="Assemblée générale des Nations Unies",
        ),
        Starter(
            key="communique",
            label="Communiqué (Les chefs d'État …)",
            chapeau="Les chefs d'État et de gouvernement, réunis à …, le …,",
            voice="third_plural",
            house_style="un",
        ),
        Starter(
            key="infinitive",
            label="Déclaration à infinitifs (AFFIRMONS L'IMPORTANCE :)",
            chapeau="Les Ministres et Hautes Autorités, réunis à …, le …,",
            voice="infinitive",
            house_style="oas",
            operative_intro="AFFIRMONS L'IMPORTANCE :",
            body="Organisation des États Américains",
        ),
    )
}


def new_draft(key: str, *, title: str = "", language: str = "fr") -> Draft:
    """Return an empty draft of the kind *key*; raise KeyError for an unknown kind."""
    starter = STARTERS[key]
    return Draft(
        title=title,
        chapeau=starter.chapeau,
        operative_intro=starter.operative_intro,
        closing=starter.closing,
        language=language,
        house_style=starter.house_style,
        voice=starter.voice,
        metadata=Metadata(body=starter.body),
    )
