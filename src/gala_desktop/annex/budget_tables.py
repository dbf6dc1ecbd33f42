"""Budget tables of the annex, made from the domain's one budget computation
(:func:`gala_desktop.domain.budget.budget_grid`), so the overview, the PDF and the Word document
show the same numbers."""

from __future__ import annotations

from gala_desktop.annex.context import money
from gala_desktop.domain.formatting import format_euro_table
from gala_desktop.annex.model import Table, plain
from gala_desktop.domain.budget import (
    WHOLE_PERIOD,
    BudgetGrid,
    column_label,
    line_source,
)
from gala_desktop.domain.project import FundingSource, ImplementationPlan


def budget_table(grid: BudgetGrid, row_header: str, caption: str) -> Table:
    """Rows × years (then the whole period) with a total column and a total row. A cell where
    nothing was budgeted stays empty: no "€ 0,00" for what nobody entered. Whole euros are shown
    without ",00", as in the overview."""
    columns = len(grid.columns)

    def amount(cents: int) -> tuple:
        return plain(format_euro_table(cents).replace(" ", "\u00a0"))

    rows = [
        (plain(row.label), *(amount(c) if c is not None else () for c in row.cells), amount(row.total))
        for row in grid.rows
    ]
    used = [any(row.cells[i] is not None for row in grid.rows) for i in range(columns)]
    rows.append((plain("Totaal"),
                 *(amount(c) if used[i] else () for i, c in enumerate(grid.column_totals)),
                 amount(grid.total)))
    return Table(
        header=(row_header, *grid.column_labels, "Totaal"),
        rows=tuple(rows),
        col_weights=(2.6, *([1.45] * columns), 1.6),
        total_row=True,
        numeric_columns=tuple(range(1, columns + 2)),
        caption=caption,
    )


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
