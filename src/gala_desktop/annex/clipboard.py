"""*Kopiëren als tabel*: the annex's summary of chosen interventions as HTML and as plain text,
so that it pastes into an existing Word document as a real table (and into a mail or a
spreadsheet as tab-separated text)."""

from __future__ import annotations

import datetime as dt
from html import escape

from gala_desktop.annex.context import AnnexContext, AnnexOptions, Lookup
from gala_desktop.annex.model import Table, rich_plain_text
from gala_desktop.annex.summary import chosen_table
from gala_desktop.domain.project import Project


def summary_table(project: Project, lookup: Lookup, checked_on: dt.date | None = None) -> Table | None:
    """The table of chosen interventions exactly as the annex summary has it; None when
    nothing is chosen yet."""
    ctx = AnnexContext.resolve(project, lookup, AnnexOptions(), checked_on)
    return next((b for b in chosen_table(ctx) if isinstance(b, Table)), None)


def _cell(text: str) -> str:
    return escape(text).replace("\n", "<br>")


def table_html(table: Table) -> str:
    """A plain HTML table with a marked header row; Word keeps it as a table with a header."""
    right = set(table.numeric_columns)

    def align(i: int) -> str:
        return ' align="right"' if i in right else ""

    head = "".join(f"<th{align(i)}>{_cell(h)}</th>" for i, h in enumerate(table.header))
    body = "".join(
        "<tr>" + "".join(f"<td{align(i)}>{_cell(rich_plain_text(c))}</td>" for i, c in enumerate(row))
        + "</tr>"
        for row in table.rows
    )
    caption = f"<caption>{_cell(table.caption)}</caption>" if table.caption else ""
    return (f'<table border="1" cellspacing="0" cellpadding="4">{caption}'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def table_text(table: Table) -> str:
    """Tab-separated lines, header first; line breaks inside a cell become " – "."""
    def clean(text: str) -> str:
        return " – ".join(part.strip() for part in text.replace("\t", " ").splitlines() if part.strip())

    lines = ["\t".join(clean(h) for h in table.header)]
    lines += ["\t".join(clean(rich_plain_text(c)) for c in row) for row in table.rows]
    return "\n".join(lines) + "\n"
