"""The overview panel on a real session with the shipped catalogue."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView

from gala_desktop.domain.project import (
    EntryStatus,
    FundingSource,
    Project,
    ShortlistEntry,
    ThemeChoice,
)
from gala_desktop.domain.themes import REQUIRED_THEME_KEYS
from gala_desktop.ui import commands as cmd
from gala_desktop.ui.overview_panel import OverviewPanel, SummaryTableModel, level_header
from gala_desktop.ui.session import ProjectSession

ENTRIES = (  # one per required theme, plus one outside the sociale basis
    ("buurtcirkel", "sociale-samenhang"),
    ("mantelscan", "mantelzorg"),
    ("zin-in-vriendschap", "eenzaamheid"),
    ("multifocus", "vrijwilligers-professionals"),
    ("thuis-op-straat", "gebiedsgericht"),
    ("otago-oefenprogramma", "vitaal-ouder-worden"),
)


@pytest.fixture()
def session(qtbot, catalogue):
    s = ProjectSession(catalogue)
    project = Project(gemeente="Hengelo")
    project.themes = [ThemeChoice(key) for key in (*REQUIRED_THEME_KEYS, "vitaal-ouder-worden")]
    for key, theme in ENTRIES:
        project.shortlist.append(ShortlistEntry.for_intervention(catalogue.get(key), theme))
    s.replace(project, None)
    return s


@pytest.fixture()
def panel(qtbot, session):
    widget = OverviewPanel(session)
    qtbot.addWidget(widget)
    widget.resize(760, 820)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _rows(model: SummaryTableModel) -> list[list[str]]:
    return [[model.index(r, c).data() for c in range(model.columnCount())]
            for r in range(model.rowCount())]


def _choose_all_but(session, last_theme: str) -> str:
    for entry in session.project.shortlist:
        if entry.theme_key != last_theme:
            session.push(cmd.SetEntryStatus(session, entry.id, EntryStatus.CHOSEN))
    return next(e.id for e in session.project.shortlist if e.theme_key == last_theme)


def test_gap_warning_appears_and_disappears_when_entry_becomes_chosen(panel, session):
    assert panel.objectName() == "overviewPanel"
    text = panel.gap_text.text()
    assert text.startswith("Let op: 5 van de 5 verplichte thema's")
    assert "Gebiedsgerichte uitvoering" in text
    assert panel.gap_icon.accessibleName() == "Waarschuwing"
    last = _choose_all_but(session, "gebiedsgericht")
    text = panel.gap_text.text()
    assert text.startswith("Let op: 1 van de 5")
    assert "Gebiedsgerichte uitvoering" in text and "Mantelzorg" not in text
    session.push(cmd.SetEntryStatus(session, last, EntryStatus.CHOSEN))
    assert panel.gap_text.text().startswith("In orde: alle 5 verplichte thema's")
    assert panel.gap_icon.accessibleName() == "In orde"
    assert not panel.gap_icon.pixmap().isNull()
    session.undo_stack.undo()
    assert "Gebiedsgerichte uitvoering" in panel.gap_text.text()


def test_counts_per_theme_and_level(panel, session, catalogue):
    session.push(cmd.SetEntryStatus(session, session.project.shortlist[0].id, EntryStatus.CHOSEN))
    session.push(cmd.SetThemeChosen(session, "vitaal-ouder-worden", False))
    rows = _rows(panel.counts_model)
    assert [r[0] for r in rows][:2] == [
        "Sociale samenhang en samenlevingsopbouw", "Mantelzorg (inclusief respijtzorg)"]
    assert rows[-2][0] == "Vitaal ouder worden (niet gekozen)"
    headers = [panel.counts_model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(panel.counts_model.columnCount())]
    level = catalogue.get("buurtcirkel").best_level
    column = headers.index(level_header(level))
    assert headers[:3] == ["Thema", "Op de\nshortlist", "Gekozen"]
    assert len(headers) == 4  # only levels that occur among the chosen entries
    assert rows[0][1:3] == ["1", "1"]
    assert rows[0][column] == "1"
    assert rows[1][1:3] == ["1", "0"]
    assert sum(int(v) for v in rows[1][3:]) == 0
    assert rows[-1] == ["Totaal", "6", "1", "1"]


def test_budget_totals_follow_plan_edits(panel, session):
    first, second, third = session.project.shortlist[:3]
    for entry, cents, source in ((first, 1250000, FundingSource.SPUK),
                                 (second, 250050, FundingSource.SPUK),
                                 (third, 100000, None)):
        session.push(cmd.SetEntryStatus(session, entry.id, EntryStatus.CHOSEN))
        session.push(cmd.SetPlanField(session, entry.id, "budget_cents", cents))
        if source:
            session.push(cmd.SetPlanField(session, entry.id, "funding_source", source))
    # a budget on an entry that is not chosen does not count
    session.push(cmd.SetPlanField(session, session.project.shortlist[3].id, "budget_cents", 999))
    # the sample period holds years; these amounts are for the whole period: first and last
    # column (the total) are compared
    assert [[r[0], r[-1]] for r in _rows(panel.theme_budget_model)] == [
        ["Sociale samenhang en samenlevingsopbouw", "€ 12.500"],  # whole euros: no ",00"
        ["Mantelzorg (inclusief respijtzorg)", "€ 2.500,50"],
        ["Tegengaan van eenzaamheid", "€ 1.000"],
        ["Totaal", "€ 16.000,50"],
    ]
    assert [[r[0], r[-1]] for r in _rows(panel.funding_model)] == [
        ["Brede SPUK-onderdeel", "€ 15.000,50"],
        ["Nog geen financieringsbron gekozen", "€ 1.000"],
        ["Totaal", "€ 16.000,50"],
    ]
    assert panel.total_label.text().endswith("€ 16.000,50")
    session.undo_stack.undo()  # the 999 cents
    session.undo_stack.undo()  # third budget
    assert _rows(panel.theme_budget_model)[-1][-1] == "€ 15.000,50"


def test_the_budget_tables_follow_a_change_of_the_period(panel, session):
    def year_columns():
        model = panel.theme_budget_model
        return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]

    before = year_columns()
    session.push(cmd.SetMetadata(session, "period", "2025–2029"))
    assert "2029" in year_columns() and year_columns() != before
    session.undo_stack.undo()
    assert year_columns() == before


def test_tables_are_read_only_focusable_and_named(panel, qtmodeltester, session):
    for table in (panel.counts_table, panel.theme_budget_table, panel.funding_table):
        assert table.accessibleName()
        assert table.focusPolicy() & Qt.FocusPolicy.TabFocus
        index = table.model().index(0, 0)
        assert not table.model().flags(index) & Qt.ItemFlag.ItemIsEditable
        qtmodeltester.check(table.model())


def test_new_project_resets_overview(panel, session):
    session.replace(Project(), None)
    assert panel.counts_model.rowCount() == 0
    assert _rows(panel.theme_budget_model) == [["Totaal", "€ 0"]]  # no period, no budget
    assert "5 van de 5" in panel.gap_text.text()


def test_render_overview(panel, session):
    entries = session.project.shortlist
    for entry in entries[:3]:
        session.push(cmd.SetEntryStatus(session, entry.id, EntryStatus.CHOSEN))
    session.push(cmd.SetPlanField(session, entries[0].id, "budget_cents", 1250000))
    session.push(cmd.SetPlanField(session, entries[0].id, "funding_source", FundingSource.IZA))
    QApplication.processEvents()
    assert panel.grab().save("/tmp/overview_gaps.png")
    for entry in entries:
        session.push(cmd.SetEntryStatus(session, entry.id, EntryStatus.CHOSEN))
    QApplication.processEvents()
    assert panel.grab().save("/tmp/overview_ok.png")


def test_copy_summary_as_table_puts_html_and_text_on_the_clipboard(panel, session, qtbot):
    from PySide6.QtWidgets import QApplication

    from gala_desktop.annex.clipboard import summary_table

    QApplication.clipboard().clear()
    panel.copy_button.click()  # nothing chosen yet: nothing copied
    mime = QApplication.clipboard().mimeData()
    assert mime is None or not mime.hasHtml()
    assert "niets gekopieerd" in panel.copy_button.toolTip()
    entries = session.project.shortlist[:2]
    for entry in entries:
        session.push(cmd.SetEntryStatus(session, entry.id, EntryStatus.CHOSEN))
    session.push(cmd.SetPlanField(session, entries[0].id, "budget_cents", 1250000))
    panel.copy_button.click()
    mime = QApplication.clipboard().mimeData()
    html, text = mime.html(), mime.text()
    assert "<table" in html and html.count("</th>") == 5 and html.count("<tr>") == 3
    lines = text.splitlines()
    assert lines[0].split("\t") == ["Thema", "Interventie en erkenningsniveau", "Uitvoerder",
                                    "Budget", "Financiering"]
    assert len(lines) == 3 and "€\u00a012.500,00" in lines[1]
    table = summary_table(session.project, session.catalogue.get)  # the annex's own table
    assert [r[1][0].text for r in table.rows] == [l.split("\t")[1].split(" – ")[0] for l in lines[1:]]
    QApplication.clipboard().clear()  # Qt's offscreen clipboard must not outlive the test


def test_chosen_interventions_whose_recognition_may_have_lapsed_are_named(qtbot, tmp_path):
    from catalogue_factory import lapsing_source

    from gala_desktop.catalogue.builder import build_catalogue
    from gala_desktop.catalogue.repository import Catalogue

    build_catalogue(lapsing_source(tmp_path), tmp_path / "c.sqlite")
    with Catalogue.open(tmp_path / "c.sqlite") as cat:
        s = ProjectSession(cat)
        project = Project()
        project.themes = [ThemeChoice("eenzaamheid")]
        for key in ("vers-nji", "oud-nji", "gemengd"):
            project.shortlist.append(ShortlistEntry.for_intervention(cat.get(key), "eenzaamheid"))
        s.replace(project, None)
        widget = OverviewPanel(s)
        qtbot.addWidget(widget)
        widget.show()
        assert widget.lapse_box.isHidden()  # nothing chosen yet
        for entry in project.shortlist[:2]:
            s.push(cmd.SetEntryStatus(s, entry.id, EntryStatus.CHOSEN))
        assert not widget.lapse_box.isHidden()
        assert widget.lapse_text.text().splitlines() == [
            "Bij 1 gekozen interventie(s): erkenning mogelijk verlopen — controleer de databank.",
            "• Oude jeugdinterventie",
        ]
        assert widget.lapse_icon.pixmap() is not None and not widget.lapse_icon.pixmap().isNull()


def test_the_counts_per_theme_fit_a_1366_pixel_screen(qtbot, catalogue, app_look):
    """With headings such as "Goed\\nonderbouwd" the example's table was 49 pixels too wide:
    it scrolled sideways and hid its last column, Onbekend, the one most filled."""
    from tests.ui.conftest import open_setup

    window = open_setup(qtbot, catalogue, "1366")
    window.show_tab(2)
    qtbot.waitUntil(lambda: window.overview.isVisible())
    QApplication.processEvents()
    view = next(v for v in window.overview.findChildren(QTableView) if v.model() is window.overview.counts_model)
    headers = [view.model().headerData(c, Qt.Orientation.Horizontal) for c in range(view.model().columnCount())]
    assert headers[-1] == "Onbekend" and len(headers) >= 8
    assert view.horizontalHeader().length() <= view.viewport().width()
    assert not view.horizontalScrollBar().isVisible()
    cell = view.model().index(0, len(headers) - 1)
    assert view.model().data(cell, Qt.ItemDataRole.AccessibleTextRole).startswith(
        "Gekozen interventies met erkenningsniveau ‘Onbekend")  # read out in full
