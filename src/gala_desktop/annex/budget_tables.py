"""Budget tables of the annex, made from the domain's one budget computation
(:func:`gala_desktop.domain.budget.budget_grid`), so the overview, the PDF and the Word document
show the same numbers."""

from __future__ import annotations

from collections.abc import Sequence

from gala_desktop.annex.context import money
from gala_desktop.domain.formatting import format_euro_table, join_dutch
from gala_desktop.annex.model import Table, plain
from gala_desktop.annex.number_columns import NUMBERS_SHARE, text_width
from gala_desktop.domain.budget import (
    WHOLE_PERIOD,
    BudgetGrid,
    column_label,
    line_source,
)
from gala_desktop.domain.project import FundingSource, ImplementationPlan


# Columns of amounts (years and the whole period) one budget table holds side by side on a
# portrait page, and how many each table of a longer period holds; fewer when the amounts are so
# large that they would not fit at ``READABLE_SIZE`` (``_columns_that_fit``).
ONE_TABLE_COLUMNS = 5
SPLIT_TABLE_COLUMNS = 4
TEXT_WIDTH = 166 * 72 / 25.4  # points: A4 less the annex's side margins, in the PDF and in Word
READABLE_SIZE = 7.4  # points: the smallest size the amounts of a budget table are planned at
CELL_PADDING = 12.0  # points: a cell's left and right padding, the wider of PDF (8) and Word (10.8)
SPLIT_TOTAL = "Totaal alle delen"  # the row totals, in the last of several parts
LABEL_WEIGHT, AMOUNT_WEIGHT, TOTAL_WEIGHT = 2.6, 1.45, 1.6  # relative column widths


def budget_tables(grid: BudgetGrid, row_header: str, caption: str) -> list[Table]:
    """``budget_table``, or for a period of more columns than fit one table, one table per run
    of years (as even as they come): each with every row and the totals of its years; the last
    also with the total of each row over all parts. Twelve years in one table printed one
    digit per line, and four years of amounts in the tens of millions broke them too. Years
    without any amount are left out of the parts (one table shows the whole period)."""
    fit = _columns_that_fit(grid) - 1  # columns of years beside the column of row totals
    if len(grid.columns) <= min(ONE_TABLE_COLUMNS, fit):
        return [budget_table(grid, row_header, caption)]
    shown = [i for i in range(len(grid.columns)) if any(row.cells[i] is not None for row in grid.rows)]
    count = len(shown)
    if count <= min(ONE_TABLE_COLUMNS, fit):
        return [_table(grid, row_header, f"{caption}: {_span([grid.columns[i] for i in shown])}",
                       shown, total="Totaal")]
    parts = -(-count // min(SPLIT_TABLE_COLUMNS, fit))
    runs = []
    start = 0
    for part in range(parts):
        size = count // parts + (1 if part < count % parts else 0)
        runs.append(shown[start:start + size])
        start += size
    # Every part's column of labels as wide as in the part with the most room for amounts, so
    # that the parts line up one under the other instead of each setting its own width.
    amounts = [len(columns) * AMOUNT_WEIGHT + (TOTAL_WEIGHT if part == parts - 1 else 0.0)
               for part, columns in enumerate(runs)]
    tables = []
    for part, columns in enumerate(runs):
        span = _span([grid.columns[i] for i in columns])
        tables.append(_table(grid, row_header, f"{caption}: {span} (deel {part + 1} van {parts})",
                             columns, total=SPLIT_TOTAL if part == parts - 1 else "",
                             label_weight=LABEL_WEIGHT * amounts[part] / max(amounts)))
    return tables


def _columns_that_fit(grid: BudgetGrid) -> int:
    """How many columns of this grid's widest amount fit side by side at ``READABLE_SIZE`` in
    the share of a table the renderers give to amounts (``number_columns``)."""
    amounts = [grid.total, *grid.column_totals, *(row.total for row in grid.rows),
               *(cell for row in grid.rows for cell in row.cells if cell is not None)]
    widest = max(text_width(_amount_text(cents), READABLE_SIZE) for cents in amounts)
    return max(2, int(TEXT_WIDTH * NUMBERS_SHARE // (widest + CELL_PADDING + 1)))


def _amount_text(cents: int) -> str:
    return format_euro_table(cents).replace(" ", "\u00a0")


def budget_table(grid: BudgetGrid, row_header: str, caption: str) -> Table:
    """Rows × years (then the whole period) with a total column and a total row. A cell where
    nothing was budgeted stays empty: no "€ 0,00" for what nobody entered. Whole euros are shown
    without ",00", as in the overview."""
    return _table(grid, row_header, caption, range(len(grid.columns)), total="Totaal")


def _table(grid: BudgetGrid, row_header: str, caption: str, columns: Sequence[int], total: str,
           label_weight: float = LABEL_WEIGHT) -> Table:
    """The rows over ``columns`` (indexes into the grid's columns), with a column of each row's
    total headed ``total`` unless that is empty, and a total row."""
    with_total = bool(total)
    def amount(cents: int) -> tuple:
        return plain(_amount_text(cents))

    rows = [
        (plain(row.label), *(amount(row.cells[i]) if row.cells[i] is not None else () for i in columns),
         *((amount(row.total),) if with_total else ()))
        for row in grid.rows
    ]
    used = {i: any(row.cells[i] is not None for row in grid.rows) for i in columns}
    rows.append((plain("Totaal"),
                 *(amount(grid.column_totals[i]) if used[i] else () for i in columns),
                 *((amount(grid.total),) if with_total else ())))
    shown = len(columns) + (1 if with_total else 0)
    return Table(
        header=(row_header, *(grid.column_labels[i] for i in columns), *((total,) if with_total else ())),
        rows=tuple(rows),
        col_weights=(label_weight, *([AMOUNT_WEIGHT] * len(columns)), *((TOTAL_WEIGHT,) if with_total else ())),
        total_row=True,
        numeric_columns=tuple(range(1, shown + 1)),
        caption=caption,
    )


def _span(columns: list[int | None]) -> str:
    """``[2025, 2026, 2027]`` → "2025–2027"; ``[2028, 2031, WHOLE_PERIOD]`` → "2028, 2031 en
    hele periode"."""
    runs: list[list[int]] = []
    for year in (column for column in columns if column is not WHOLE_PERIOD):
        if runs and year == runs[-1][1] + 1:
            runs[-1][1] = year
        else:
            runs.append([year, year])
    parts = [str(first) if first == last else f"{first}–{last}" for first, last in runs]
    if WHOLE_PERIOD in columns:
        parts.append(column_label(WHOLE_PERIOD).lower())
    return join_dutch(parts)


def sources_text(plan: ImplementationPlan) -> str:
    """The funding sources of an entry's budget lines (or its main source), in fixed order."""
    used = {line_source(line, plan) for line in plan.budget} or {plan.funding_source}
    return ", ".join(s.label for s in FundingSource if s in used)


def budget_text(plan: ImplementationPlan) -> str:
    """An entry's budget for its own section: the total, then one line per year and source."""
    if not plan.budget:
        return ""
    total = money(plan.budget_cents)
    if len(plan.budget) == 1 and plan.budget[0].year is WHOLE_PERIOD:
        return f"{total} voor de hele periode"
    lines = []
    for line in sorted(plan.budget, key=lambda l: (l.year is WHOLE_PERIOD, l.year or 0)):
        source = line_source(line, plan)
        lines.append(f"{column_label(line.year)}: {money(line.cents)}"
                     + (f" ({source.label})" if source else ""))
    return f"{total} in totaal\n" + "\n".join(lines)
