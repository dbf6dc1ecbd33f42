"""Typed but not yet committed plan values (budget, dates, reach) when the user saves, opens
another project or closes: never saved silently wrong, never lost silently."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt

from gala_desktop.domain.formatting import format_euro
from gala_desktop.ui.budget_editor import whole_period_cents
from gala_desktop.project.document import load_project
from tests.ui.conftest import ScriptedDialogs, focus, open_window

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "voorbeeld-gemeente-lindeveen.gala"


def _open_example(catalogue, qtbot, tmp_path, dialogs=None):
    path = tmp_path / "lindeveen.gala"
    shutil.copy(EXAMPLE, path)
    win = open_window(catalogue, qtbot, dialogs or ScriptedDialogs())
    assert win.files.load(path)
    entry = win.session.project.shortlist[0]
    win.shortlist_panel.select_entry(entry.id)
    win.show_tab(1)
    assert win.plan_editor.entry_id == entry.id
    return win, path, entry


def _type_budget(win, qtbot, text: str):
    edit = win.plan_editor.budget.edit
    focus(qtbot, edit)
    edit.selectAll()
    qtbot.keyClicks(edit, text)  # no Enter, focus stays in the field
    return edit


def test_ctrl_s_saves_the_budget_still_being_typed(catalogue, qtbot, tmp_path):
    win, path, entry = _open_example(catalogue, qtbot, tmp_path)
    edit = _type_budget(win, qtbot, "4.321")
    qtbot.keyClick(edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    # the field is the amount for the whole period (the sample's yearly amounts stay)
    assert whole_period_cents(load_project(path).entry(entry.id).plan) == 432100
    assert not win.isWindowModified()
    assert edit.text() == format_euro(432100)


def test_ctrl_s_with_invalid_budget_saves_the_rest_and_keeps_the_typed_text(catalogue, qtbot, tmp_path):
    win, path, entry = _open_example(catalogue, qtbot, tmp_path)
    before = entry.plan.budget
    partners = win.plan_editor.line_edits["partners"]
    focus(qtbot, partners)
    partners.selectAll()
    qtbot.keyClicks(partners, "Welzijn Lindeveen")
    edit = _type_budget(win, qtbot, "12,500.00")
    qtbot.keyClick(edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = load_project(path).entry(entry.id).plan
    assert saved.budget == before
    assert saved.partners == "Welzijn Lindeveen"
    assert edit.text() == "12,500.00"
    assert win.plan_editor.budget.error.isVisible()
    assert "Budget" in win.statusBar().currentMessage()


def test_opening_another_project_asks_about_a_typed_budget(catalogue, qtbot, tmp_path):
    asked = []

    class Dialogs(ScriptedDialogs):
        def ask_save_changes(self, parent, name):
            asked.append(name)
            return "save"

    other = tmp_path / "other.gala"
    shutil.copy(EXAMPLE, other)
    win, path, entry = _open_example(catalogue, qtbot, tmp_path, Dialogs([other]))
    _type_budget(win, qtbot, "4.321")
    assert win.files.open_project()
    assert asked == ["lindeveen.gala"]
    assert whole_period_cents(load_project(path).entry(entry.id).plan) == 432100
    # the typed value did not travel into the other project
    assert win.session.path == other.resolve()
    assert win.session.project.entry(entry.id).plan.budget == load_project(other).entry(entry.id).plan.budget
    assert not win.session.is_modified


def test_opening_another_project_with_an_invalid_typed_budget_is_stopped(catalogue, qtbot, tmp_path):
    other = tmp_path / "other.gala"
    shutil.copy(EXAMPLE, other)
    dialogs = ScriptedDialogs([other])
    win, path, entry = _open_example(catalogue, qtbot, tmp_path, dialogs)
    edit = _type_budget(win, qtbot, "veel")
    assert not win.files.open_project()
    assert win.session.path == path.resolve()
    assert edit.text() == "veel"
    assert dialogs.errors and "Budget" in dialogs.errors[0]
    edit.setText(format_euro(whole_period_cents(entry.plan)))  # corrected: the project may go
    assert win.files.open_project()
    assert win.session.path == other.resolve()


def test_ctrl_s_with_an_invalid_project_date_says_so_and_keeps_the_typed_text(catalogue, qtbot, tmp_path):
    win, path, entry = _open_example(catalogue, qtbot, tmp_path)
    saved_date = load_project(path).date
    win.show_tab(3)
    form = win.project_form
    focus(qtbot, form.date)
    form.date.selectAll()
    qtbot.keyClicks(form.date, "31-02-2027")  # no Enter, focus stays in the field
    qtbot.keyClick(form.date, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert load_project(path).date == saved_date
    assert form.date.text() == "31-02-2027"
    assert form.date_error.isVisible()
    assert "Datum" in win.statusBar().currentMessage()


def test_ctrl_s_saves_the_project_date_still_being_typed(catalogue, qtbot, tmp_path):
    import datetime as dt

    win, path, entry = _open_example(catalogue, qtbot, tmp_path)
    win.show_tab(3)
    form = win.project_form
    focus(qtbot, form.date)
    form.date.selectAll()
    qtbot.keyClicks(form.date, "1-3-2027")
    qtbot.keyClick(form.date, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert load_project(path).date == dt.date(2027, 3, 1)
