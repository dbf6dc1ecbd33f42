"""The plan editor, driven with qtbot on a real session with the shipped catalogue."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from gala_desktop.domain.project import (
    AccessAspect,
    ChecklistState,
    FundingSource,
    Project,
)
from gala_desktop.ui import commands as cmd
from gala_desktop.ui.checklist_model import COL_NOTE, COL_STATE, ChecklistModel
from gala_desktop.ui.plan_editor import PLACEHOLDER, PlanEditor
from tests.ui.conftest import zutphen_session


@pytest.fixture()
def session(qtbot, catalogue):
    return zutphen_session(catalogue)


@pytest.fixture()
def entry(session):
    return session.project.shortlist[0]


@pytest.fixture()
def editor(qtbot, session, entry):
    widget = PlanEditor(session)
    qtbot.addWidget(widget)
    widget.resize(640, 900)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_entry(entry.id)
    return widget


def _type_and_finish(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)  # ASCII only
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_placeholder_without_entry(qtbot, session):
    widget = PlanEditor(session)
    qtbot.addWidget(widget)
    assert widget.objectName() == "planEditor"
    assert widget.stack.currentWidget() is widget.placeholder
    assert widget.placeholder.text() == PLACEHOLDER


def test_header_shows_snapshot(editor, entry, catalogue):
    assert editor.title.text() == catalogue.get("buurtcirkel").name
    assert "Tegengaan van eenzaamheid" in editor.meta.text()
    assert entry.snapshot.level.label in editor.meta.text()
    assert editor.notice.isHidden()


def test_invalid_euro_is_refused_with_message_and_model_unchanged(editor, entry, session, qtbot):
    before = copy.deepcopy(session.project)
    _type_and_finish(qtbot, editor.budget.edit, "12,500.00")
    assert editor.budget.error.isVisible()
    assert "Nederlandse notatie" in editor.budget.error_text
    assert editor.budget.edit.accessibleDescription() == editor.budget.error_text
    assert editor.budget.edit.text() == "12,500.00"  # kept so the user can fix it
    assert session.project == before
    assert session.undo_stack.count() == 0
    # another field changing does not wipe the pending input
    session.push(cmd.SetPlanField(session, entry.id, "partners", "Welzijn"))
    assert editor.budget.edit.text() == "12,500.00"


def test_valid_euro_is_committed_and_formatted(editor, entry, session, qtbot):
    _type_and_finish(qtbot, editor.budget.edit, "12,500.00")
    _type_and_finish(qtbot, editor.budget.edit, "12500")
    assert entry.plan.budget_cents == 1250000
    assert editor.budget.edit.text() == "€ 12.500,00"
    assert editor.budget.error.isHidden()
    assert session.undo_stack.undoText() == "Budget wijzigen"
    session.undo_stack.undo()
    assert entry.plan.budget_cents is None
    assert editor.budget.edit.text() == ""


def test_dates_and_end_before_start(editor, entry, session, qtbot):
    _type_and_finish(qtbot, editor.start.edit, "1-3-2027")
    assert entry.plan.start == dt.date(2027, 3, 1)
    assert editor.start.edit.text() == "01-03-2027"
    _type_and_finish(qtbot, editor.end.edit, "31-02-2027")
    assert "bestaat niet" in editor.end.error_text
    _type_and_finish(qtbot, editor.end.edit, "01-01-2027")
    assert "vóór de startdatum" in editor.end.error_text
    assert entry.plan.end is None
    _type_and_finish(qtbot, editor.end.edit, "31-12-2028")
    assert entry.plan.end == dt.date(2028, 12, 31)
    assert editor.end.error.isHidden()


def test_reach_and_funding(editor, entry, session, qtbot):
    _type_and_finish(qtbot, editor.reach.edit, "1200")
    assert entry.plan.reach == 1200
    assert editor.reach.edit.text() == "1.200"
    _type_and_finish(qtbot, editor.reach.edit, "veel")
    assert editor.reach.error.isVisible()
    assert entry.plan.reach == 1200
    combo = editor.funding
    assert combo.itemText(0) == "— kies —"
    position = combo.findData(FundingSource.SPUK)
    combo.setCurrentIndex(position)
    combo.activated.emit(position)
    assert entry.plan.funding_source is FundingSource.SPUK
    session.undo_stack.undo()
    assert entry.plan.funding_source is None
    assert combo.currentIndex() == 0


def test_line_text_field_typing_is_one_undo_step(editor, entry, session, qtbot):
    edit = editor.line_edits["partners"]
    edit.setFocus()
    qtbot.keyClicks(edit, "Welzijn Oost")
    assert entry.plan.partners == "Welzijn Oost"
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert entry.plan.partners == ""
    assert edit.text() == ""
    assert session.undo_stack.count() == 1  # updating the widget pushed nothing new
    session.undo_stack.redo()
    assert edit.text() == "Welzijn Oost"


def test_access_answer_typing_merges_into_one_undo_step(editor, entry, session, qtbot):
    edit = editor.access_edits[AccessAspect.NEARBY]
    assert edit.accessibleName() == "Nabije toegang"
    edit.setFocus()
    qtbot.keyClicks(edit, "In elke wijk een groep")
    assert entry.plan.access == {AccessAspect.NEARBY: "In elke wijk een groep"}
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert entry.plan.access == {}
    assert edit.toPlainText() == ""
    assert session.undo_stack.count() == 1
    assert session.undo_stack.index() == 0


def test_notes_and_monitoring(editor, entry, session, qtbot):
    editor.notes.setFocus()
    qtbot.keyClicks(editor.notes, "Overleg in maart")
    editor.monitoring.setFocus()
    qtbot.keyClicks(editor.monitoring, "Aantal deelnemers")
    assert (entry.plan.notes, entry.plan.monitoring) == ("Overleg in maart", "Aantal deelnemers")
    assert session.undo_stack.count() == 2


def test_checklist_tick_and_undo(editor, entry, session, qtbot):
    table = editor.checklist
    model = table.model()
    assert model.rowCount() == len(entry.plan.checklist) > 0
    index = model.index(0, COL_STATE)
    assert index.data() == "Nog regelen"
    table.setCurrentIndex(index)
    table.edit(index)
    combo = table.viewport().findChild(QComboBox)
    assert combo is not None and combo.accessibleName() == "Status randvoorwaarde"
    position = combo.findText("Geregeld")
    combo.setCurrentIndex(position)
    combo.activated.emit(position)
    assert entry.plan.checklist[0].state is ChecklistState.ARRANGED
    assert model.index(0, COL_STATE).data() == "Geregeld"
    session.undo_stack.undo()
    assert entry.plan.checklist[0].state is ChecklistState.OPEN
    assert model.index(0, COL_STATE).data() == "Nog regelen"


def test_checklist_model(qtmodeltester, session, entry):
    model = ChecklistModel(session)
    model.set_entry(entry.id)
    qtmodeltester.check(model)
    assert model.setData(model.index(1, COL_NOTE), "Via de vrijwilligerscentrale")
    assert entry.plan.checklist[1].note == "Via de vrijwilligerscentrale"
    assert not model.setData(model.index(1, 0), "Andere tekst")
    assert not model.setData(model.index(1, COL_STATE), "misschien")
    session.push(cmd.RemoveEntry(session, entry.id))
    assert model.rowCount() == 0


def test_removed_entry_or_new_project_clears_editor(editor, entry, session):
    session.push(cmd.RemoveEntry(session, entry.id))
    assert editor.stack.currentWidget() is editor.placeholder
    session.undo_stack.undo()
    editor.set_entry(entry.id)
    assert editor.stack.currentWidget() is editor.scroll
    session.replace(Project(), None)
    assert editor.stack.currentWidget() is editor.placeholder
    assert editor.entry_id is None


def test_switching_entries_loads_their_plan(editor, session):
    first, second = session.project.shortlist
    session.push(cmd.SetPlanField(session, first.id, "budget_cents", 500000))
    session.push(cmd.SetPlanField(session, second.id, "partners", "GGD"))
    editor.set_entry(second.id)
    assert editor.line_edits["partners"].text() == "GGD"
    assert editor.budget.edit.text() == ""
    editor.set_entry(first.id)
    assert editor.budget.edit.text() == "€ 5.000,00"


def test_changed_catalogue_facts_notice_and_accept(qtbot, session, entry, catalogue):
    entry.snapshot = dataclasses.replace(entry.snapshot, name="Buurtcirkel (oud)")
    editor = PlanEditor(session)
    qtbot.addWidget(editor)
    editor.show()
    editor.set_entry(entry.id)
    assert editor.notice.isVisible()
    assert "Naam gewijzigd" in editor.notice_text.text()
    assert editor.title.text() == "Buurtcirkel (oud)"
    qtbot.mouseClick(editor.accept_button, Qt.MouseButton.LeftButton)
    assert entry.snapshot.name == catalogue.get("buurtcirkel").name
    assert editor.notice.isHidden()
    assert editor.title.text() == catalogue.get("buurtcirkel").name
    session.undo_stack.undo()
    assert editor.notice.isVisible()


def test_removed_from_catalogue_notice_has_no_accept_button(qtbot, session, entry):
    entry.intervention_key = "niet-meer-in-catalogus"
    editor = PlanEditor(session)
    qtbot.addWidget(editor)
    editor.show()
    editor.set_entry(entry.id)
    assert "niet meer in de catalogus" in editor.notice_text.text()
    assert editor.accept_button.isHidden()


def test_accessible_names_and_tab_order(editor):
    focusable = [w for w in [editor, *editor.findChildren(QWidget)]
                 if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(editor)
                 and not isinstance(w, QLabel) and w.isEnabled()]
    nameless = [w for w in focusable if not w.accessibleName()]
    assert nameless == []
    chain = [w for w in editor.focus_chain() if w.isVisibleTo(editor)]
    current = chain[0]
    for expected in chain[1:]:
        current = current.nextInFocusChain()
        while not (current.focusPolicy() & Qt.FocusPolicy.TabFocus and current.isVisibleTo(editor)):
            current = current.nextInFocusChain()
        assert current is expected


def test_the_year_table_is_in_the_tab_chain_and_has_its_alt_key(editor, session):
    session.push(cmd.SetMetadata(session, "period", "2025–2027"))
    table = editor.years.table
    assert table.isVisibleTo(editor)
    chain = [w for w in editor.focus_chain() if w.isVisibleTo(editor)]
    assert chain.index(table) == chain.index(editor.funding) + 1  # as it stands on the form
    current = editor.funding
    while True:  # Tab from Financieringsbron
        current = current.nextInFocusChain()
        if current.focusPolicy() & Qt.FocusPolicy.TabFocus and current.isVisibleTo(editor):
            break
    assert current is table
    label = next(w for w in editor.findChildren(QLabel) if w.text() == "Budget per &jaar (€):")
    assert label.buddy() is table


def test_switching_entries_keeps_what_is_valid_and_names_what_is_not(editor, entry, session, qtbot):
    notices = []
    editor.notKept.connect(lambda title, text: notices.append((title, text)))
    other = next(e for e in session.project.shortlist if e.id != entry.id)
    editor.budget.edit.setText("1.250")  # typed, not yet finished
    editor.start.edit.setText("31-02-2025")  # no such date
    editor.reach.edit.setText("-5")
    editor.set_entry(other.id)  # the officer clicks another entry
    assert entry.plan.budget and entry.plan.budget[0].cents == 125_000
    assert entry.plan.start is None
    [(title, text)] = notices
    assert title == f"Niet bewaard bij ‘{entry.snapshot.name}’"
    lines = text.splitlines()
    assert [line.split(" ‘")[0] for line in lines if line.startswith("• ")] == ["• Start", "• Beoogd bereik (deelnemers)"]
    assert "‘31-02-2025’ (" in text and "‘-5’ (" in text  # each value with why it was refused
    assert lines[-1] == f"Vul ze opnieuw in bij ‘{entry.snapshot.name}’."
    assert editor.start.edit.text() == ""  # the other entry's own (empty) start date


def test_another_project_takes_nothing_typed_for_the_old_one(editor, entry, session):
    editor.start.edit.setText("01-03-2026")
    session.replace(copy.deepcopy(session.project), None)  # e.g. the same file opened again
    assert session.project.require_entry(entry.id).plan.start is None


def test_render_plan_editor(editor, entry, session, qtbot):
    _type_and_finish(qtbot, editor.budget.edit, "12.500,-")
    _type_and_finish(qtbot, editor.end.edit, "99-99-2027")
    session.push(cmd.SetChecklistItem(session, entry.id, 0, state=ChecklistState.ARRANGED,
                                      note="Coach via Welzijn Oost"))
    assert editor.grab().save("/tmp/plan_editor.png")
    editor.scroll.verticalScrollBar().setValue(editor.scroll.verticalScrollBar().maximum())
    assert editor.grab().save("/tmp/plan_editor_bottom.png")


def test_undo_shortcut_in_text_field_undoes_project_typing(editor, entry, session, qtbot):
    undo = session.undo_stack.createUndoAction(editor, "Ongedaan maken")
    undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
    editor.addAction(undo)
    editor.activateWindow()
    editor.notes.setFocus()
    qtbot.waitUntil(editor.notes.hasFocus)
    qtbot.keyClicks(editor.notes, "Eerste versie")
    edit = editor.line_edits["responsible"]
    edit.setFocus()
    qtbot.keyClicks(edit, "J. Bakker")
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert entry.plan.responsible == ""
    assert edit.text() == ""
    editor.notes.setFocus()
    qtbot.keyClick(editor.notes, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert entry.plan.notes == ""
    assert editor.notes.toPlainText() == ""
    assert session.undo_stack.index() == 0


# -- budget per year of the period and per funding source ----------------------------------

def _edit_cell(qtbot, table, row: int, column: int, text: str) -> None:
    table.setCurrentCell(row, column)
    table.setFocus()
    table.editItem(table.item(row, column))
    editor_widget = next(w for w in table.viewport().findChildren(QLineEdit) if w.isVisible())
    editor_widget.selectAll()
    qtbot.keyClicks(editor_widget, text)
    qtbot.keyClick(editor_widget, Qt.Key.Key_Return)
    # the delegate commits and closes its editor
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)


def test_an_amount_typed_wrong_is_never_dropped_by_an_edit_elsewhere(editor, entry, session, qtbot):
    from gala_desktop.domain.project import BudgetLine
    from gala_desktop.ui.budget_editor import TABLE_DESCRIPTION

    table = editor.years.table
    session.push(cmd.SetMetadata(session, "period", "2026–2027"))
    _edit_cell(qtbot, table, 0, 0, "1000")
    saved = [BudgetLine(100_000, 2026, FundingSource.SPUK)]
    assert entry.plan.budget == saved
    _edit_cell(qtbot, table, 0, 0, "abc")  # refused: the saved € 1.000 stays
    assert entry.plan.budget == saved and editor.years.error.isVisibleTo(editor)
    _edit_cell(qtbot, table, 1, 1, "500")  # another cell is saved; the € 1.000 still counts
    assert entry.plan.budget == saved + [BudgetLine(50_000, 2027, FundingSource.IZA)]
    assert table.item(0, 0).text() == "abc" and table.item(1, 1).text() == "€ 500"
    assert editor.years.error.text().startswith("2026, ")  # the cell still to correct
    session.undo_stack.undo()  # the 500 again: the refused text stays to be corrected
    assert entry.plan.budget == saved and table.item(0, 0).text() == "abc"
    session.undo_stack.redo()
    _edit_cell(qtbot, table, 0, 0, "2000")
    assert entry.plan.budget == [BudgetLine(200_000, 2026, FundingSource.SPUK),
                                 BudgetLine(50_000, 2027, FundingSource.IZA)]
    assert not editor.years.error.isVisibleTo(editor)
    assert table.accessibleDescription() == TABLE_DESCRIPTION  # the error is not read out any more


def test_an_amount_with_cents_stays_on_one_line_and_every_row_stays_in_sight(editor, session, qtbot):
    """"€" stood on one line and "12.500,50" on the next: the columns were sized for whole euros
    and a cell's own margins were not counted. Wider columns scroll sideways, and the scroll
    bar gets its own room instead of covering the last year."""
    session.push(cmd.SetMetadata(session, "period", "2026–2029"))
    table = editor.years.table
    _edit_cell(qtbot, table, 1, 2, "12500,5")
    assert not table.wordWrap() and table.item(1, 2).text() == "€ 12.500,50"
    margin = 2 * (table.style().pixelMetric(table.style().PixelMetric.PM_FocusFrameHMargin, None, table) + 1)
    assert table.columnWidth(2) >= table.fontMetrics().horizontalAdvance("€ 12.500,50") + margin + 1
    for width in (420, 900):  # a form too narrow for five columns, and one wide enough
        editor.resize(width, 900)
        qtbot.wait(20)
        rows = sum(table.rowHeight(r) for r in range(table.rowCount()))
        assert table.viewport().height() >= rows, width
        assert table.horizontalScrollBar().isVisible() is (width == 420)


def test_the_year_rows_are_laid_out_again_only_when_the_periods_years_change(
        editor, entry, session, qtbot, monkeypatch):
    from gala_desktop.domain.project import BudgetLine

    session.push(cmd.SetMetadata(session, "period", "2026–2027"))
    # an amount for a year outside the period keeps its own row
    session.push(cmd.SetPlanField(session, entry.id, "budget", [BudgetLine(100_000, 2030, FundingSource.SPUK)]))
    assert editor.years.years == [2026, 2027, 2030]
    shown = []
    real = editor.years.show_plan
    monkeypatch.setattr(editor.years, "show_plan", lambda *a, **k: (shown.append(a[1]), real(*a, **k)))
    for title in ("V", "Vi", "Vis"):  # typing in another project field
        session.push(cmd.SetMetadata(session, "title", title))
    assert shown == []
    session.push(cmd.SetMetadata(session, "period", "2026–2028"))
    assert shown == [[2026, 2027, 2028]] and editor.years.years == [2026, 2027, 2028, 2030]


def test_budget_per_year_and_source_is_one_row_per_year_of_the_period(editor, entry, session, qtbot):
    from gala_desktop.domain.project import BudgetLine
    from gala_desktop.ui.budget_editor import SOURCES

    table = editor.years.table
    assert table.isHidden() and "periode" in editor.years.hint.text()  # no period yet
    session.push(cmd.SetMetadata(session, "period", "2026–2028"))
    assert table.isVisibleTo(editor) and table.rowCount() == 3
    assert [table.verticalHeaderItem(r).text() for r in range(3)] == ["2026", "2027", "2028"]
    assert [table.horizontalHeaderItem(c).toolTip() for c in range(len(SOURCES))][:2] == [
        "Brede SPUK-onderdeel", "IZA"]
    _edit_cell(qtbot, table, 0, 0, "62000")
    _edit_cell(qtbot, table, 1, 1, "12.500,50")
    assert entry.plan.budget == [BudgetLine(6_200_000, 2026, FundingSource.SPUK),
                                 BudgetLine(1_250_050, 2027, FundingSource.IZA)]
    assert table.item(0, 0).text() == "€ 62.000"
    assert editor.years.total.text() == "Totaal budget: € 74.500,50"
    # a total for the whole period stays possible beside the years
    _type_and_finish(qtbot, editor.budget.edit, "1000")
    assert entry.plan.budget[-1] == BudgetLine(100_000)
    assert entry.plan.budget_cents == 7_550_050
    # a wrong amount is refused at the table, nothing changes
    before = list(entry.plan.budget)
    _edit_cell(qtbot, table, 2, 0, "12,500.00")
    assert entry.plan.budget == before
    assert "Nederlandse notatie" in editor.years.error.text() and editor.years.error.isVisibleTo(editor)
    # every cell edit is one undo step
    session.undo_stack.undo()  # the whole-period amount
    session.undo_stack.undo()  # 2027, IZA
    assert entry.plan.budget == [BudgetLine(6_200_000, 2026, FundingSource.SPUK)]
    assert table.item(1, 1).text() == ""


def test_an_amount_still_being_typed_in_the_year_table_is_committed_before_a_save(editor, entry, session, qtbot):
    from gala_desktop.domain.project import BudgetLine

    session.push(cmd.SetMetadata(session, "period", "2026–2027"))
    table = editor.years.table
    table.setCurrentCell(0, 0)
    table.setFocus()
    table.editItem(table.item(0, 0))
    typing = next(w for w in table.viewport().findChildren(QLineEdit) if w.isVisible())
    typing.setText("7.777")  # no Enter, no Tab: the officer presses Ctrl+S
    assert editor.commit_pending() == []
    assert entry.plan.budget == [BudgetLine(777_700, 2026, FundingSource.SPUK)]


def test_a_refused_year_cell_is_reported_when_saving_and_when_switching(editor, entry, session, qtbot):
    from gala_desktop.domain.project import BudgetLine

    notices = []
    editor.notKept.connect(lambda title, text: notices.append(text))
    session.push(cmd.SetMetadata(session, "period", "2026–2027"))
    _edit_cell(qtbot, editor.years.table, 0, 0, "veel")
    _edit_cell(qtbot, editor.years.table, 1, 0, "5.000")
    assert editor.commit_pending() == ["Budget per jaar"]  # a save asks first
    assert entry.plan.budget == [BudgetLine(500_000, 2027, FundingSource.SPUK)]  # the good cell is kept
    other = next(e for e in session.project.shortlist if e.id != entry.id)
    editor.set_entry(other.id)
    [message] = notices
    assert "\n• Budget per jaar (2026, Brede SPUK-onderdeel: " in message
    assert "veel" not in [editor.years.table.item(r, c).text() for r in range(2) for c in range(3)]
    editor.set_entry(entry.id)
    assert editor.years.table.item(1, 0).text() == "€ 5.000" and not editor.years.error.isVisibleTo(editor)


def test_a_period_without_readable_years_is_quoted_in_the_hint(editor, session):
    hint = editor.years.hint
    assert "Vul op het tabblad Project de periode in" in hint.text()
    session.push(cmd.SetMetadata(session, "period", "2025-2040"))
    assert hint.isVisibleTo(editor) and "‘2025-2040’" in hint.text() and "hoogstens 12 jaar" in hint.text()
    session.push(cmd.SetMetadata(session, "period", "2025-28"))
    assert not hint.isVisibleTo(editor) and editor.years.years == [2025, 2026, 2027, 2028]


def test_an_amount_for_the_whole_period_beside_amounts_per_year_is_pointed_out(editor, entry, session):
    from gala_desktop.domain.project import BudgetLine

    session.push(cmd.SetMetadata(session, "period", "2026–2027"))
    session.push(cmd.SetPlanField(session, entry.id, "budget", [
        BudgetLine(1_000_000, None, FundingSource.SPUK),  # first the known total
        BudgetLine(500_000, 2026, FundingSource.SPUK), BudgetLine(500_000, 2027, FundingSource.SPUK),
    ]))
    text = editor.years.total.text()
    assert text.startswith("Totaal budget: € 20.000")
    assert "het bedrag voor de hele periode (€\u00a010.000,00) komt bovenop de bedragen per jaar" in text
    session.push(cmd.SetPlanField(session, entry.id, "budget", [BudgetLine(500_000, 2026, FundingSource.SPUK)]))
    assert "Let op" not in editor.years.total.text()
