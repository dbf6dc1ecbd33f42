"""Defects found by using the workbench like an officer would, each pinned by a test."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt

from tests.ui.conftest import ScriptedDialogs, focus, open_window

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "voorbeeld-gemeente-lindeveen.gala"


def _open_example(catalogue, qtbot, tmp_path):
    path = tmp_path / "lindeveen.gala"
    shutil.copy(EXAMPLE, path)
    win = open_window(catalogue, qtbot, ScriptedDialogs())
    assert win.files.load(path)
    return win


def test_unchoosing_the_theme_of_the_open_plan_updates_its_header(catalogue, qtbot, tmp_path):
    win = _open_example(catalogue, qtbot, tmp_path)
    entry = win.session.project.shortlist[0]
    win.shortlist_panel.select_entry(entry.id)
    win.show_tab(1)
    assert "(thema niet gekozen)" not in win.plan_editor.meta.text()
    tree = win.theme_panel.tree
    tree.setCurrentItem(win.theme_panel._items[entry.theme_key])
    focus(qtbot, tree)
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    assert entry.theme_key not in win.session.project.chosen_theme_keys()
    assert "(thema niet gekozen)" in win.plan_editor.meta.text()
    win.session.undo_stack.undo()
    assert "(thema niet gekozen)" not in win.plan_editor.meta.text()
    assert not win.isWindowModified()


def test_undo_elsewhere_keeps_the_budget_being_typed(catalogue, qtbot, tmp_path):
    win = _open_example(catalogue, qtbot, tmp_path)
    entry = win.session.project.shortlist[0]
    win.shortlist_panel.select_entry(entry.id)
    win.show_tab(1)
    editor = win.plan_editor
    partners = editor.line_edits["partners"]
    focus(qtbot, partners)
    qtbot.keyClicks(partners, " en de bibliotheek")
    budget = editor.budget.edit
    focus(qtbot, budget)
    budget.selectAll()
    qtbot.keyClicks(budget, "4.321")
    qtbot.keyClick(budget, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not entry.plan.partners.endswith("bibliotheek")  # the partners typing was undone
    assert budget.text() == "4.321"  # what is being typed in the budget is not wiped
    focus(qtbot, partners)  # leaving the field commits it
    assert [line.cents for line in entry.plan.budget if line.year is None] == [432100]
