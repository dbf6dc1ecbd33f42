"""What one edit costs: SQL statements counted per edit on the sample project."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from gala_desktop.domain.project import EntryStatus, Priority
from gala_desktop.project.document import load_project
from gala_desktop.ui.main_window import MainWindow
from gala_desktop.ui.shortlist_model import COL_PRIORITY, COL_STATUS

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "voorbeeld-gemeente-lindeveen.gala"


@pytest.fixture()
def opened(counted_catalogue, qtbot):
    catalogue, sql = counted_catalogue
    window = MainWindow(catalogue, autosave_interval_ms=60_000)
    qtbot.addWidget(window, before_close_func=lambda w: w.session.undo_stack.setClean())
    window.show()
    qtbot.waitExposed(window)
    sql.reset()
    window.session.replace(load_project(SAMPLE), SAMPLE)
    opening = sql.count
    entry = window.session.project.shortlist[0]
    window.shortlist_panel.select_entry(entry.id)
    sql.reset()
    return window, sql, entry, opening


def test_opening_the_sample_looks_up_its_interventions_in_one_batch(opened):
    window, sql, entry, opening = opened
    assert len(window.session.project.shortlist) >= 10
    assert opening <= 8


def test_status_and_priority_changes_run_no_sql(opened):
    window, sql, entry, _ = opened
    model = window.shortlist_panel.model
    model.setData(model.index_of_entry(entry.id, COL_PRIORITY), Priority.LOW, Qt.ItemDataRole.EditRole)
    assert entry.priority is Priority.LOW
    assert sql.count == 0, sql.statements
    new_status = EntryStatus.DROPPED if entry.status is not EntryStatus.DROPPED else EntryStatus.CHOSEN
    model.setData(model.index_of_entry(entry.id, COL_STATUS), new_status, Qt.ItemDataRole.EditRole)
    assert entry.status is new_status
    assert sql.count == 0, sql.statements


def test_keystrokes_in_notes_and_rationale_run_no_sql(opened, qtbot):
    window, sql, entry, _ = opened
    window.tabs.setCurrentWidget(window.plan_editor)
    qtbot.keyClicks(window.plan_editor.notes, "xy")
    assert "xy" in entry.plan.notes
    theme_key = window.session.project.themes[0].theme_key
    window.theme_panel.select_theme(theme_key)
    qtbot.keyClicks(window.theme_panel.rationale, "ab")
    assert "ab" in window.session.project.theme_choice(theme_key).rationale
    assert sql.count == 0, sql.statements
