"""A whole working session through the widgets, then reopened in a fresh window.

New project → two themes with rationale → search "eenzaam" → three interventions shortlisted
under two themes → reorder by keyboard → a plan with budget and a ticked randvoorwaarde →
undo/redo → save → reopen: every value is back.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QMenu, QTreeView

from gala_desktop.project.lock import lock_path
from gala_desktop.domain.project import ChecklistState
from gala_desktop.project.document import load_project
from gala_desktop.ui.checklist_model import COL_STATE
from tests.ui.conftest import ScriptedDialogs, focus, open_window


def _choose_theme(win, qtbot, key: str, rationale: str) -> None:
    panel = win.theme_panel
    focus(qtbot, panel.tree)
    panel.tree.setCurrentItem(panel._items[key])
    qtbot.keyClick(panel.tree, Qt.Key.Key_Space)
    assert panel.rationale.isEnabled()
    focus(qtbot, panel.rationale)
    qtbot.keyClicks(panel.rationale, rationale)


def _add_row_to_theme(win, qtbot, row: int, menu_key: Qt.Key) -> str:
    table = win.browser.table
    focus(qtbot, table)
    table.selectRow(row)
    key = win.browser.current_key()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=3000)
    before = len(win.session.project.shortlist)
    qtbot.keyClick(QApplication.activePopupWidget(), menu_key)
    qtbot.waitUntil(lambda: len(win.session.project.shortlist) == before + 1, timeout=3000)
    return key


def test_full_session_round_trip(catalogue, qtbot, tmp_path):
    target = tmp_path / "lindeveen.gala"
    win = open_window(catalogue, qtbot, ScriptedDialogs(paths=[tmp_path / "lindeveen"]))
    session = win.session
    win.action_new.trigger()

    # 1. two themes with a rationale (taxonomy order: mantelzorg before eenzaamheid)
    _choose_theme(win, qtbot, "eenzaamheid", "Veel ouderen in Veldzicht wonen alleen.")
    _choose_theme(win, qtbot, "mantelzorg", "Mantelzorgers raken overbelast.")
    assert session.project.chosen_theme_keys() == ["mantelzorg", "eenzaamheid"]

    # 2. search as you type
    win.focus_search()
    qtbot.keyClicks(win.browser.search_field, "eenzaam")
    win.browser.flush_search()
    assert win.browser.model.rowCount() >= 3

    # 3. three interventions under two themes (menu: 1 = mantelzorg, 2 = eenzaamheid)
    first = _add_row_to_theme(win, qtbot, 0, Qt.Key.Key_2)
    second = _add_row_to_theme(win, qtbot, 1, Qt.Key.Key_2)
    third = _add_row_to_theme(win, qtbot, 2, Qt.Key.Key_1)
    shortlist = session.project.shortlist
    assert [(e.intervention_key, e.theme_key) for e in shortlist] == [
        (first, "eenzaamheid"), (second, "eenzaamheid"), (third, "mantelzorg")]

    # 4. reorder by keyboard: Alt+Down on the first entry of eenzaamheid
    view = win.findChild(QTreeView, "shortlistView")
    first_entry = session.project.entries_for("eenzaamheid")[0]
    win.shortlist_panel.select_entry(first_entry.id)
    focus(qtbot, view)
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [e.intervention_key for e in session.project.entries_for("eenzaamheid")] == [second, first]

    # 5. a plan: select the entry, Enter opens the Uitvoering tab, fill budget, partners, checklist
    win.shortlist_panel.select_entry(first_entry.id)
    focus(qtbot, view)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert win.tabs.currentWidget() is win.plan_editor
    editor = win.plan_editor
    budget = editor.budget.edit
    focus(qtbot, budget)
    qtbot.keyClicks(budget, "12.500")
    qtbot.keyClick(budget, Qt.Key.Key_Tab)
    assert first_entry.plan.budget_cents == 1_250_000
    partners = editor.line_edits["partners"]
    focus(qtbot, partners)
    qtbot.keyClicks(partners, "Welzijn Lindeveen")
    assert first_entry.plan.partners == "Welzijn Lindeveen"
    assert first_entry.plan.checklist, "the catalogue gives this intervention randvoorwaarden"
    table = editor.checklist
    index = table.model().index(0, COL_STATE)
    focus(qtbot, table)
    table.setCurrentIndex(index)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    combo = table.viewport().findChild(QComboBox)
    assert combo is not None
    assert combo.currentData() is ChecklistState.OPEN
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # Nog regelen → Geregeld
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    assert first_entry.plan.checklist[0].state is ChecklistState.ARRANGED

    # 6. undo/redo through the window's actions
    win.action_undo.trigger()
    assert first_entry.plan.checklist[0].state is ChecklistState.OPEN
    win.action_undo.trigger()
    assert first_entry.plan.partners == ""
    win.action_undo.trigger()
    assert first_entry.plan.budget_cents is None
    assert editor.budget.edit.text() == ""
    for _ in range(3):
        win.action_redo.trigger()
    assert first_entry.plan.budget_cents == 1_250_000
    assert first_entry.plan.partners == "Welzijn Lindeveen"
    assert first_entry.plan.checklist[0].state is ChecklistState.ARRANGED
    assert editor.budget.edit.text() == "€ 12.500,00"

    # 7. save (the name gets its .gala suffix)
    assert win.isWindowModified()
    win.action_save.trigger()
    assert target.is_file() and not win.isWindowModified()
    assert win.windowTitle() == "lindeveen.gala[*] – GALA Desktop"
    saved = session.project
    assert load_project(target) == saved

    # 8. close, and reopen in a fresh window: every value is back
    win.close()
    assert not lock_path(target).exists()  # closing gave the file free
    fresh = open_window(catalogue, qtbot, ScriptedDialogs())
    fresh.files.dialogs.paths = [target]
    fresh.action_open.trigger()
    project = fresh.session.project
    assert project == saved and not fresh.session.read_only
    assert [(t.theme_key, t.rationale) for t in project.themes] == [
        ("mantelzorg", "Mantelzorgers raken overbelast."),
        ("eenzaamheid", "Veel ouderen in Veldzicht wonen alleen."),
    ]
    assert [e.intervention_key for e in project.entries_for("eenzaamheid")] == [second, first]
    reopened = project.entries_for("eenzaamheid")[1]
    assert reopened.plan.budget_cents == 1_250_000
    assert reopened.plan.partners == "Welzijn Lindeveen"
    assert reopened.plan.checklist[0].state is ChecklistState.ARRANGED
    # and the widgets of the fresh window show it
    fresh.theme_panel.select_theme("mantelzorg")
    assert fresh.theme_panel.rationale.toPlainText() == "Mantelzorgers raken overbelast."
    fresh.shortlist_panel.select_entry(reopened.id)
    assert fresh.plan_editor.budget.edit.text() == "€ 12.500,00"
    assert fresh.plan_editor.line_edits["partners"].text() == "Welzijn Lindeveen"
    assert not fresh.isWindowModified()
    assert not fresh.files.dialogs.errors and not win.files.dialogs.errors
