"""How well the catalogue covers the GALA themes, the databanks and the recognition levels.

``docs/catalogue-coverage.md`` is generated from this (``gala-desktop catalogue coverage``), so
the counts there are always those of the source.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from gala_desktop.domain.intervention import Intervention
from gala_desktop.domain.recognition import Databank, RecognitionLevel
from gala_desktop.domain.themes import THEMES, Theme
from gala_desktop.domain.validity import best_level_may_have_lapsed

# Every GALA goal, sub-theme and ketenaanpak should hold at least this many interventions.
MIN_PER_THEME = 4


@dataclass(frozen=True, slots=True)
class ThemeCoverage:
    theme: Theme
    total: int  # interventions with this theme (a goal: or one of its sub-themes)
    recognised: int  # of which the best level is a real one (goed beschreven or higher)
    note: str  # why there are few, from the source; empty when none is given

    @property
    def is_gap(self) -> bool:
        return self.total < MIN_PER_THEME


@dataclass(frozen=True, slots=True)
class Coverage:
    total: int
    themes: list[ThemeCoverage]
    databanks: dict[Databank, int]  # interventions listed in each databank
    levels: dict[RecognitionLevel, int]  # interventions per best level
    lapsed: int  # interventions whose best level may have lapsed by their peildatum

    @property
    def gaps(self) -> list[ThemeCoverage]:
        return [t for t in self.themes if t.is_gap]


def coverage(interventions: list[Intervention], notes: dict[str, str]) -> Coverage:
    themes = []
    for theme in THEMES:
        keys = {theme.key} | {t.key for t in THEMES if t.parent_key == theme.key}
        matching = [i for i in interventions if keys & set(i.theme_keys)]
        recognised = sum(i.best_level.is_recognised for i in matching)
        themes.append(ThemeCoverage(theme, len(matching), recognised, notes.get(theme.key, "")))
    databanks = Counter(d for i in interventions for d in i.databanks)
    return Coverage(
        total=len(interventions),
        themes=themes,
        databanks={d: databanks[d] for d in Databank if databanks[d]},
        levels=dict(Counter(i.best_level for i in interventions)),
        lapsed=sum(best_level_may_have_lapsed(i) for i in interventions),
    )
