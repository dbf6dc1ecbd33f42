"""Fixes from the usability pass: catalogue updates of the checklist, field display, layout."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt

from gala_desktop.domain.intervention import Condition
from gala_desktop.domain.project import ChecklistItem, ChecklistState
from gala_desktop.domain.checklist import REMOVED_REMARK, checklist_changes, merge_checklist
from gala_desktop.ui.plan_editor import PlanEditor
from gala_desktop.ui.shortlist_model import COL_LEVEL, COL_NAME
from gala_desktop.ui.shortlist_panel import ShortlistPanel
from tests.ui.conftest import zutphen_session


@pytest.fixture()
def session(qtbot, catalogue):
    return zutphen_session(catalogue)


def test_merge_keeps_work_adds_new_and_handles_removed():
    a, b, c = (Condition(kind, text) for kind, text in [
        (list_kind(0), "Een coach"), (list_kind(1), "Twee vrijwilligers"), (list_kind(2), "Een zaal")])
    items = [
        ChecklistItem(a.kind, "Een  coach", ChecklistState.ARRANGED, "geregeld via Welzijn"),
        ChecklistItem(b.kind, b.text),  # untouched, gone from the catalogue
        ChecklistItem(b.kind, "Oude eis", ChecklistState.NOT_APPLICABLE, ""),  # touched, gone
    ]
    merged = merge_checklist(items, [a, c])
    assert [(i.text, i.state, i.note) for i in merged] == [
        ("Een coach", ChecklistState.ARRANGED, "geregeld via Welzijn"),
        ("Een zaal", ChecklistState.OPEN, ""),
        ("Oude eis", ChecklistState.NOT_APPLICABLE, REMOVED_REMARK),
    ]
    assert checklist_changes(items, [a, c]) == (1, 2)
    assert checklist_changes(merged, [a, c]) == (0, 0)
    assert merge_checklist(merged, [a, c]) == merged  # idempotent


def list_kind(i):
    from gala_desktop.domain.intervention import ConditionKind
    return list(ConditionKind)[i]


def test_accepting_catalogue_facts_updates_the_checklist_in_one_undo_step(qtbot, session, catalogue):
    entry = session.project.shortlist[0]
    current = catalogue.get(entry.intervention_key)
    assert len(current.conditions) >= 2
    # as if chosen from an older catalogue: one condition missing, one extra that was worked on
    entry.plan.checklist = [
        ChecklistItem(c.kind, c.text) for c in current.conditions[1:]
    ] + [ChecklistItem(current.conditions[0].kind, "Vervallen eis", ChecklistState.ARRANGED, "ok")]
    entry.plan.checklist[0].state = ChecklistState.ARRANGED
    entry.plan.checklist[0].note = "Mijn notitie"
    before = dataclasses.replace(entry.plan, checklist=[dataclasses.replace(i) for i in entry.plan.checklist])
    editor = PlanEditor(session)
    qtbot.addWidget(editor)
    editor.show()
    editor.set_entry(entry.id)
    assert editor.notice.isVisible() and editor.accept_button.isVisible()
    assert "Randvoorwaarden gewijzigd: 1 nieuw, 1 vervallen" in editor.notice_text.text()
    qtbot.mouseClick(editor.accept_button, Qt.MouseButton.LeftButton)
    texts = [i.text for i in entry.plan.checklist]
    assert texts == [c.text for c in current.conditions] + ["Vervallen eis"]
    assert entry.plan.checklist[0].state is ChecklistState.OPEN  # the new one
    assert (entry.plan.checklist[1].state, entry.plan.checklist[1].note) == (ChecklistState.ARRANGED, "Mijn notitie")
    assert entry.plan.checklist[-1].note == f"{REMOVED_REMARK} ok"
    assert editor.checklist.model().rowCount() == len(texts)
    assert editor.notice.isHidden()
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert entry.plan.checklist == before.checklist
    assert editor.checklist.model().rowCount() == len(before.checklist)
    assert editor.notice.isVisible()
    session.undo_stack.redo()
    assert [i.text for i in entry.plan.checklist] == texts


def test_a_long_text_field_shows_its_beginning(qtbot, session):
    entry = session.project.shortlist[0]
    entry.plan.partners = "Woonstichting De Linde (buurtkamer), Sociaal wijkteam, " * 4
    editor = PlanEditor(session)
    qtbot.addWidget(editor)
    editor.resize(500, 700)
    editor.show()
    editor.set_entry(entry.id)
    assert editor.line_edits["partners"].cursorPosition() == 0


def test_shortlist_columns_fit_a_1366_wide_screen(qtbot, session):
    panel = ShortlistPanel(session)
    qtbot.addWidget(panel)
    panel.resize(400, 500)  # the panel's share of a 1366 px window
    panel.show()
    qtbot.waitExposed(panel)
    header = panel.view.header()
    widths = [header.sectionSize(c) for c in range(4)]
    assert sum(widths) <= panel.view.viewport().width()  # nothing cut off, no sideways scrolling
    assert widths[COL_NAME] >= 150
    assert panel.view.textElideMode() == Qt.TextElideMode.ElideMiddle
    index = panel.model.index_of_entry(session.project.shortlist[0].id, COL_LEVEL)
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == session.project.shortlist[0].snapshot.level.label
