"""The GALA theme taxonomy: the 7 goals, the 5 required sociale-basis sub-themes and the 5
ketenaanpakken. This is fixed by the akkoord, not catalogue data, so it lives in the domain."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class ThemeKind(enum.Enum):
    GOAL = "doel"
    SUB_THEME = "subthema"
    CHAIN_APPROACH = "ketenaanpak"


@dataclass(frozen=True, slots=True)
class Theme:
    key: str
    name: str
    kind: ThemeKind
    order: int
    parent_key: str | None = None
    required: bool = False  # required in a beleidsvisie sociale basis
    description: str = ""


SOCIAL_BASIS = "sociale-basis"

THEMES: tuple[Theme, ...] = (
    Theme("gezondheidsachterstanden", "Terugdringen van gezondheidsachterstanden", ThemeKind.GOAL, 1),
    Theme(
        "fysieke-leefomgeving",
        "Gezonde fysieke leefomgeving die uitnodigt tot bewegen en ontmoeten",
        ThemeKind.GOAL,
        2,
    ),
    Theme(
        SOCIAL_BASIS,
        "Versterken van (de verbinding met) de sociale basis",
        ThemeKind.GOAL,
        3,
        description="Vrij toegankelijke activiteiten en voorzieningen om te ontmoeten, ondersteunen, "
        "ontplooien en ontspannen.",
    ),
    Theme(
        "sociale-samenhang",
        "Sociale samenhang en samenlevingsopbouw",
        ThemeKind.SUB_THEME,
        31,
        SOCIAL_BASIS,
        True,
    ),
    Theme("mantelzorg", "Mantelzorg (inclusief respijtzorg)", ThemeKind.SUB_THEME, 32, SOCIAL_BASIS, True),
    Theme("eenzaamheid", "Tegengaan van eenzaamheid", ThemeKind.SUB_THEME, 33, SOCIAL_BASIS, True),
    Theme(
        "vrijwilligers-professionals",
        "Vrijwilligerswerk en professionals in het sociaal domein",
        ThemeKind.SUB_THEME,
        34,
        SOCIAL_BASIS,
        True,
    ),
    Theme("gebiedsgericht", "Gebiedsgerichte uitvoering", ThemeKind.SUB_THEME, 35, SOCIAL_BASIS, True),
    Theme("gezonde-leefstijl", "Gezonde leefstijl", ThemeKind.GOAL, 4),
    Theme("mentale-weerbaarheid", "Mentale weerbaarheid en mentale gezondheid", ThemeKind.GOAL, 5),
    Theme("vitaal-ouder-worden", "Vitaal ouder worden", ThemeKind.GOAL, 6),
    Theme(
        "preventie-infrastructuur",
        "Domeinoverstijgende inzet vanuit een regionale preventie-infrastructuur",
        ThemeKind.GOAL,
        7,
    ),
    Theme("keten-gli", "Gecombineerde leefstijlinterventie (GLI)", ThemeKind.CHAIN_APPROACH, 81),
    Theme(
        "keten-overgewicht-kinderen",
        "Overgewicht en obesitas bij kinderen",
        ThemeKind.CHAIN_APPROACH,
        82,
    ),
    Theme("keten-valpreventie", "Valpreventie bij ouderen", ThemeKind.CHAIN_APPROACH, 83),
    Theme("keten-welzijn-op-recept", "Welzijn op recept", ThemeKind.CHAIN_APPROACH, 84),
    Theme("keten-kansrijke-start", "Kansrijke start", ThemeKind.CHAIN_APPROACH, 85),
)

THEMES_BY_KEY: dict[str, Theme] = {t.key: t for t in THEMES}

REQUIRED_THEME_KEYS: tuple[str, ...] = tuple(t.key for t in THEMES if t.required)

CHAIN_APPROACHES_LABEL = "Ketenaanpakken"


def theme_name(key: str) -> str:
    """Dutch name of a theme; an unknown key (from an old file) is shown as itself."""
    theme = THEMES_BY_KEY.get(key)
    return theme.name if theme else key


def children(parent_key: str) -> list[Theme]:
    return [t for t in THEMES if t.parent_key == parent_key]
