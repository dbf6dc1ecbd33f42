"""A project open read-only: keys, menus and buttons change nothing and say so; none of them
reports a change that was not made, and nothing the officer typed is thrown away."""

from __future__ import annotations

import copy

import pytest

from gala_desktop.domain.project import EntryStatus, Project, ShortlistEntry, ThemeChoice
from gala_desktop.ui.main_window import TAB_PLAN, MainWindow
from tests.ui.conftest import ScriptedDialogs

REASON = "In gebruik door j.jansen op PC-0412 sinds 09:12."


@pytest.fixture()
def window(catalogue, qtbot):
    win = MainWindow(catalogue, autosave_interval_ms=3_600_000)
    win.files.dialogs = ScriptedDialogs()
    qtbot.addWidget(win, before_close_func=lambda w: w.session.undo_stack.setClean())
    project = Project(gemeente="Lindeveen", themes=[ThemeChoice("eenzaamheid")])
    project.shortlist.append(ShortlistEntry.for_intervention(catalogue.get("buurtcirkel"), "eenzaamheid"))
    win.session.replace(project, None, read_only=REASON)
    win.show()
    qtbot.waitExposed(win)
    messages: list[str] = []
    win.statusBar().messageChanged.connect(lambda text: text and messages.append(text))
    yield win, messages
    win.files.autosave_timer.stop()


def _select_entry(win) -> ShortlistEntry:
    entry = win.session.project.shortlist[0]
    win.shortlist_panel.select_entry(entry.id)
    return entry


def test_removing_or_choosing_by_key_changes_nothing_and_says_so(window, qtbot):
    win, messages = window
    before = copy.deepcopy(win.session.project)
    entry = _select_entry(win)
    panel = win.shortlist_panel
    assert not panel.action_remove.isEnabled() and not panel.action_choose.isEnabled()
    panel.remove_selected()  # as the Delete key would, were the action on
    panel.choose_selected()  # Ctrl+K
    assert [e.id for e in win.session.project.shortlist] == [entry.id]
    assert win.session.project.shortlist[0].status is EntryStatus.CONSIDERING
    assert not any("verwijderd" in m or "gekozen" in m for m in messages), messages
    assert all(m.startswith("Niet gewijzigd.") for m in messages) and messages, messages
    assert not win.session.undo_stack.canUndo() and win.session.project == before


def test_adding_a_search_result_changes_nothing_keeps_the_selection_and_says_so(window):
    win, messages = window
    entry = _select_entry(win)
    assert win.browser.add_to_theme("coach2move", "eenzaamheid") is None
    assert [e.intervention_key for e in win.session.project.shortlist] == ["buurtcirkel"]
    panel = win.shortlist_panel
    assert panel.model.entry_at(panel.view.currentIndex()).id == entry.id  # Uitvoering keeps it
    assert messages == [f"Niet gewijzigd. {REASON}"]


def test_the_shortlist_actions_come_back_when_the_project_may_be_edited_again(window, qtbot):
    win, _ = window
    _select_entry(win)
    panel = win.shortlist_panel
    assert not panel.action_remove.isEnabled()
    win.session.set_read_only("")  # e.g. saved as an own copy
    qtbot.waitUntil(lambda: panel.action_remove.isEnabled() and panel.button_remove.isEnabled())
    assert panel.action_choose.isEnabled() and panel.button_choose.isEnabled()
    panel.choose_selected()
    assert win.session.project.shortlist[0].status is EntryStatus.CHOSEN


def test_own_interventions_cannot_be_changed_and_the_officer_is_told_why(window):
    win, _ = window
    assert not win.browser.own_add_button.isEnabled()
    dialogs = win.files.dialogs
    assert win.own.add() is None and win.own.form is None  # no form to fill in and lose
    assert len(dialogs.errors) == 1 and "kan nu niet" in dialogs.errors[0] and REASON in dialogs.errors[0]
    assert win.session.own_library is None or win.session.own_library.all() == []


def test_the_plan_editor_offers_no_kiezen_also_after_a_catalogue_update(window, catalogue):
    win, _ = window
    _select_entry(win)
    win.show_tab(TAB_PLAN)
    assert not win.plan_editor.choose_button.isEnabled()
    win.session.replace_catalogue(catalogue)  # the views read it again
    assert not win.plan_editor.choose_button.isEnabled()


def test_kiezen_comes_back_when_the_project_may_be_edited_again(window, qtbot):
    win, _ = window
    _select_entry(win)
    win.show_tab(TAB_PLAN)
    assert not win.plan_editor.choose_button.isEnabled()
    win.session.set_read_only("")  # saved as an own copy
    qtbot.waitUntil(win.plan_editor.choose_button.isEnabled)


def test_own_interventions_can_be_exported_while_read_only(window, monkeypatch, tmp_path):
    from gala_desktop.ui import file_dialogs

    win, _ = window
    if win.session.own_library is None:
        pytest.skip("no own-intervention library in this set-up")
    asked = []
    monkeypatch.setattr(file_dialogs, "save_file_name",
                        lambda *args, **kwargs: asked.append(args) or ("", ""))
    win.own.export_interactive()
    assert asked and win.files.dialogs.errors == []  # the save dialog, no refusal
