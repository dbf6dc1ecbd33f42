"""Rules over a whole project: coverage of the required themes, counts and budget totals.

Shared by the overview panel and the annex summary, so both always say the same.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from gala_desktop.domain.budget import budget_grid
from gala_desktop.domain.project import EntryStatus, FundingSource, Project
from gala_desktop.domain.recognition import RecognitionLevel
from gala_desktop.domain.themes import REQUIRED_THEME_KEYS


@dataclass(frozen=True, slots=True)
class ThemeCount:
    theme_key: str
    total: int
    chosen: int
    by_level: dict[RecognitionLevel, int]  # chosen catalogue interventions per level
    own: int = 0  # chosen own interventions (eigen, niet erkend): they have no level


def required_theme_gaps(project: Project) -> list[str]:
    """Required sociale-basis themes that have no *gekozen* entry yet, in taxonomy order."""
    covered = {e.theme_key for e in project.shortlist if e.status is EntryStatus.CHOSEN}
    return [key for key in REQUIRED_THEME_KEYS if key not in covered]


def theme_counts(project: Project) -> list[ThemeCount]:
    """Per chosen theme (and any theme with entries): entries, chosen ones, chosen per level."""
    keys = list(project.chosen_theme_keys())
    keys += [e.theme_key for e in project.shortlist if e.theme_key not in keys]
    result = []
    for key in dict.fromkeys(keys):
        entries = project.entries_for(key)
        chosen = [e for e in entries if e.status is EntryStatus.CHOSEN]
        levels = Counter(e.snapshot.level for e in chosen if e.snapshot.own is None)
        own = sum(1 for e in chosen if e.snapshot.own is not None)
        result.append(ThemeCount(key, len(entries), len(chosen), dict(levels), own))
    return result


def budget_by_theme(project: Project, *, chosen_only: bool = True) -> dict[str, int]:
    """Totals per theme (themes without any budget are absent); from :func:`budget_grid`."""
    grid = budget_grid(project, "theme", chosen_only=chosen_only)
    return {str(row.key): row.total for row in grid.rows}


def budget_by_funding(
    project: Project, *, chosen_only: bool = True
) -> dict[FundingSource | None, int]:
    """Totals per funding source; ``None`` collects budgets without a source."""
    grid = budget_grid(project, "source", chosen_only=chosen_only)
    return {row.key: row.total for row in grid.rows}  # type: ignore[misc]


def total_budget(project: Project, *, chosen_only: bool = True) -> int:
    return budget_grid(project, "source", chosen_only=chosen_only).total
