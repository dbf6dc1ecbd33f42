"""Budgets per year of the project period and per funding source.

The Brede SPUK is granted and accounted (SISA) per year and per part, so every entry's budget is
a list of lines: an amount for one year, or for the whole period when the officer only knows the
total, each from a funding source. :func:`budget_grid` is the one place that adds them up: the
overview panel, the PDF annex and the Word annex all show its tables, so they always agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gala_desktop.domain.project import (
    BudgetLine,
    EntryStatus,
    FundingSource,
    ImplementationPlan,
    Project,
)
from gala_desktop.domain.themes import theme_name

WHOLE_PERIOD = None  # the column of amounts given for the whole period, not per year
WHOLE_PERIOD_LABEL = "Hele periode"
NO_SOURCE_LABEL = "Nog geen financieringsbron gekozen"
MAX_PERIOD_YEARS = 12

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
# "2025-28", "2025–'28", "2025 t/m 28": a two-digit end year after a full one
_SHORT_END = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*(?:-|–|—|t/m|tot en met|tot)\s*'?(\d\d)(?!\d)")


def period_years(period: str) -> list[int]:
    """The calendar years of a period written as text: ``"2025–2028"`` and ``"2025-'28"`` →
    2025 … 2028, ``"2026"`` → 2026; no year in the text, or an implausibly long span → no
    years. A two-digit end year counts only after the one full year of the text, and only when
    it comes after it (so the day and month of a date such as ``2025-01-01`` never do)."""
    years = {int(y) for y in _YEAR.findall(period)}
    if len(years) == 1:
        for start, end in _SHORT_END.findall(period):
            if int(end) > int(start) % 100:
                years.add(int(start) // 100 * 100 + int(end))
    years = sorted(years)
    if not years or years[-1] - years[0] >= MAX_PERIOD_YEARS:
        return years[:1] if len(years) == 1 else []
    return list(range(years[0], years[-1] + 1))


def line_source(line: BudgetLine, plan: ImplementationPlan) -> FundingSource | None:
    """The source of a line: its own, else the entry's main funding source."""
    return line.source if line.source is not None else plan.funding_source


def column_label(column: int | None) -> str:
    return WHOLE_PERIOD_LABEL if column is WHOLE_PERIOD else str(column)


@dataclass(frozen=True, slots=True)
class BudgetRow:
    key: object  # a FundingSource, None (no source) or a theme key
    label: str
    cells: tuple[int | None, ...]  # per column; None where nothing was budgeted
    total: int


@dataclass(frozen=True, slots=True)
class BudgetGrid:
    """A table of budgets: rows (funding sources or themes) × columns (years, then the whole
    period), with the totals of every row and column. Rows without any budget are left out."""

    columns: tuple[int | None, ...]
    rows: tuple[BudgetRow, ...]
    column_totals: tuple[int, ...]
    total: int

    @property
    def column_labels(self) -> tuple[str, ...]:
        return tuple(column_label(c) for c in self.columns)

    @property
    def is_empty(self) -> bool:
        return not self.rows


def budget_grid(project: Project, by: str = "source", *, chosen_only: bool = True) -> BudgetGrid:
    """Budgets of the (chosen) entries per year × funding source (``by="source"``) or per year ×
    theme (``by="theme"``). The years are those of the project period plus any other year an
    amount was given for; the whole-period column is there only when it holds an amount."""
    if by not in ("source", "theme"):
        raise ValueError(by)
    sums: dict[object, dict[int | None, int]] = {}
    years = set(period_years(project.period))
    whole_period = False
    for entry in project.shortlist:
        if chosen_only and entry.status is not EntryStatus.CHOSEN:
            continue
        for line in entry.plan.budget:
            key = line_source(line, entry.plan) if by == "source" else entry.theme_key
            row = sums.setdefault(key, {})
            row[line.year] = row.get(line.year, 0) + line.cents
            if line.year is WHOLE_PERIOD:
                whole_period = True
            else:
                years.add(line.year)
    columns: tuple[int | None, ...] = tuple(sorted(years)) + ((WHOLE_PERIOD,) if whole_period else ())
    rows = tuple(
        BudgetRow(key, _row_label(key, by), tuple(sums[key].get(c) for c in columns),
                  sum(sums[key].values()))
        for key in _row_order(project, sums, by)
    )
    column_totals = tuple(sum(r.cells[i] or 0 for r in rows) for i in range(len(columns)))
    return BudgetGrid(columns, rows, column_totals, sum(r.total for r in rows))


def _row_order(project: Project, sums: dict, by: str) -> list:
    if by == "source":
        return [s for s in [*FundingSource, None] if s in sums]
    keys = [k for k in project.chosen_theme_keys() if k in sums]
    return keys + [k for k in sums if k not in keys]


def _row_label(key: object, by: str) -> str:
    if by == "theme":
        return theme_name(str(key))
    return key.label if isinstance(key, FundingSource) else NO_SOURCE_LABEL
