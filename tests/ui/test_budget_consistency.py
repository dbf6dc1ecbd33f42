"""One domain function (``budget_grid``) feeds the year × funding-source tables of the overview,
the PDF annex and the Word annex: all three show the same numbers."""

from __future__ import annotations

import re
from pathlib import Path

import docx
from docx.oxml.ns import qn
from annex_support import body_text, squash

from gala_desktop.annex.export import ExportFormat, export_project, renderer_for
from gala_desktop.domain.budget import budget_grid
from gala_desktop.domain.formatting import format_euro_table
from gala_desktop.domain.project import BudgetLine, EntryStatus, FundingSource
from gala_desktop.project.document import load_project
from gala_desktop.ui.overview_panel import OverviewPanel, grid_rows
from gala_desktop.ui.session import ProjectSession

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "voorbeeld-gemeente-lindeveen.gala"


def _docx_table(path: Path, caption: str) -> list[list[str]]:
    document = docx.Document(str(path))
    for table in document.tables:
        element = table._tbl.tblPr.find(qn("w:tblCaption"))
        if element is not None and element.get(qn("w:val")) == caption:
            # what a reader sees: no-break spaces as spaces, soft hyphens (in words too wide
            # for their column) not at all
            return [[cell.text.replace("\u00a0", " ").replace("\u00ad", "") for cell in row.cells]
                    for row in table.rows]
    raise AssertionError(f"no table {caption!r}")


def test_overview_pdf_and_word_show_the_same_year_by_source_totals(catalogue, qtbot, tmp_path):
    project = load_project(EXAMPLE)
    project.period = "2025–2027"
    chosen = [e for e in project.shortlist if e.status is EntryStatus.CHOSEN]
    chosen[0].plan.budget = [BudgetLine(6_200_000, year, FundingSource.SPUK) for year in (2025, 2026, 2027)]
    chosen[1].plan.budget = [BudgetLine(1_000_000, 2026, FundingSource.IZA),
                             BudgetLine(500_050, 2026, FundingSource.OWN), BudgetLine(300_000)]
    chosen[2].plan.budget = []  # no budget: no row, and named in the notice
    session = ProjectSession(catalogue)
    session.replace(project, None)
    panel = OverviewPanel(session)
    qtbot.addWidget(panel)

    for by, first, caption in (("source", "Financieringsbron", "Begroot budget per jaar en financieringsbron"),
                               ("theme", "Thema", "Begroot budget per thema en jaar")):
        headers, rows = grid_rows(budget_grid(project, by), first)
        assert headers[1:4] == ["2025", "2026", "2027"] and headers[-2:] == ["Hele periode", "Totaal"]
        model = panel.funding_model if by == "source" else panel.theme_budget_model
        shown = [[model.data(model.index(r, c)) or "" for c in range(model.columnCount())]
                 for r in range(model.rowCount())]
        assert shown == rows
        word = tmp_path / "bijlage.docx"
        export_project(project, word, catalogue=catalogue, renderer=renderer_for(ExportFormat.DOCX))
        assert _docx_table(word, caption) == [headers, *rows]
        pdf = tmp_path / "bijlage.pdf"
        if by == "source":
            export_project(project, pdf, catalogue=catalogue)
            text = squash(body_text(pdf).replace("\u00a0", " "))
            for row in rows:
                assert squash(" ".join(row)) in text, row
    source_rows = grid_rows(budget_grid(project, "source"), "")[1]
    spuk_2025 = sum(line.cents for e in chosen for line in e.plan.budget
                    if line.year == 2025 and (line.source or e.plan.funding_source) is FundingSource.SPUK)
    assert source_rows[0][:2] == ["Brede SPUK-onderdeel", format_euro_table(spuk_2025)]
    total = sum(e.plan.budget_cents or 0 for e in project.shortlist if e.status is EntryStatus.CHOSEN)
    assert source_rows[-1][-1] == format_euro_table(total)
    assert not any(re.fullmatch(r".*€ 0,00", " ".join(r)) for r in source_rows)

