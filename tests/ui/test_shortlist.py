"""The shortlist model and panel, on a real session with the shipped catalogue."""

from __future__ import annotations

import copy
import dataclasses

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QComboBox

from gala_desktop.domain.project import (
    AccessAspect,
    ChecklistState,
    EntryStatus,
    Priority,
    Project,
    ShortlistEntry,
    ThemeChoice,
)
from gala_desktop.ui import commands as cmd
from gala_desktop.ui.session import ProjectSession
from gala_desktop.ui.shortlist_model import (
    COL_LEVEL,
    COL_NAME,
    COL_PRIORITY,
    COL_STATUS,
    ENTRY_ID_ROLE,
    ENTRY_MIME,
    INTERVENTION_MIME,
    ORPHAN_TITLE,
    ShortlistModel,
)
from gala_desktop.ui.shortlist_panel import ShortlistPanel

THEMES = ("sociale-samenhang", "mantelzorg", "eenzaamheid")
ENTRIES = (
    ("buurtcirkel", "sociale-samenhang"),
    ("studio-bruis", "sociale-samenhang"),
    ("thuis-op-straat", "sociale-samenhang"),
    ("mantelscan", "mantelzorg"),
    ("zin-in-vriendschap", "eenzaamheid"),
)


def make_project(catalogue) -> Project:
    project = Project(gemeente="Deventer", title="Sociale basis")
    project.themes = [ThemeChoice(key, f"Waarom {key}") for key in THEMES]
    for key, theme in ENTRIES:
        intervention = catalogue.get(key)
        assert intervention is not None, key
        project.shortlist.append(ShortlistEntry.for_intervention(intervention, theme))
    return project


@pytest.fixture()
def session(qtbot, catalogue):
    s = ProjectSession(catalogue)
    s.replace(make_project(catalogue), None)
    return s


@pytest.fixture()
def panel(qtbot, session):
    widget = ShortlistPanel(session)
    qtbot.addWidget(widget)
    widget.resize(460, 420)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _keys(session, theme):
    return [e.intervention_key for e in session.project.entries_for(theme)]


def _mime(mime_type: str, text: str) -> QMimeData:
    data = QMimeData()
    data.setData(mime_type, text.encode("utf-8"))
    return data


def _group_index(model, title_start: str) -> QModelIndex:
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if index.data().startswith(title_start):
            return index
    raise AssertionError(f"no group {title_start!r}")


def test_model_passes_qtmodeltester(qtmodeltester, session):
    session.push(cmd.SetThemeChosen(session, "mantelzorg", False))  # adds the orphan group
    model = ShortlistModel(session)
    qtmodeltester.check(model)


def test_tree_groups_entries_per_theme_with_orphans_last(session, catalogue):
    model = ShortlistModel(session)
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [
        "Sociale samenhang en samenlevingsopbouw (3)",
        "Mantelzorg (inclusief respijtzorg) (1)",
        "Tegengaan van eenzaamheid (1)",
    ]
    first = model.index(0, 0, model.index(0, 0))
    entry = session.project.shortlist[0]
    assert first.data() == catalogue.get("buurtcirkel").name
    assert first.data(ENTRY_ID_ROLE) == entry.id
    assert first.siblingAtColumn(COL_STATUS).data() == "Overwegen"
    assert first.siblingAtColumn(COL_STATUS).data(Qt.ItemDataRole.DecorationRole) is not None
    assert first.siblingAtColumn(COL_PRIORITY).data() == "Middel"
    assert first.siblingAtColumn(COL_LEVEL).data() == entry.snapshot.level.short_label

    session.push(cmd.SetThemeChosen(session, "mantelzorg", False))
    titles = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert titles[-1] == f"{ORPHAN_TITLE} (1)"
    orphan = model.index(0, 0, model.index(2, 0))
    assert "Mantelzorg" in orphan.data()
    session.undo_stack.undo()
    assert model.rowCount() == 3


def test_drop_intervention_on_theme_adds_entry_and_selects_it(panel, session, catalogue):
    model = panel.model
    group = _group_index(model, "Tegengaan van eenzaamheid")
    selected = []
    panel.entrySelected.connect(selected.append)
    assert model.canDropMimeData(_mime(INTERVENTION_MIME, "de-luisterlijn"),
                                 Qt.DropAction.CopyAction, -1, -1, group)
    assert model.dropMimeData(_mime(INTERVENTION_MIME, "de-luisterlijn"),
                              Qt.DropAction.CopyAction, -1, -1, group)
    assert _keys(session, "eenzaamheid") == ["zin-in-vriendschap", "de-luisterlijn"]
    new = session.project.entries_for("eenzaamheid")[-1]
    assert [c.text for c in new.plan.checklist] == [
        c.text for c in catalogue.get("de-luisterlijn").conditions
    ]
    assert panel.current_entry_id() == new.id
    assert selected[-1] == new.id
    session.undo_stack.undo()
    assert _keys(session, "eenzaamheid") == ["zin-in-vriendschap"]
    assert panel.current_entry_id() == ""


def test_drop_on_entry_uses_that_entrys_theme(panel, session):
    model = panel.model
    mantelscan = model.index_of_entry(session.project.entries_for("mantelzorg")[0].id)
    assert model.dropMimeData(_mime(INTERVENTION_MIME, "partner-in-balans"),
                              Qt.DropAction.CopyAction, -1, -1, mantelscan)
    assert _keys(session, "mantelzorg") == ["mantelscan", "partner-in-balans"]


def test_duplicate_drop_is_refused_with_message(panel, session, qtbot):
    model = panel.model
    group = _group_index(model, "Sociale samenhang")
    before = copy.deepcopy(session.project)
    with qtbot.waitSignal(panel.statusMessage) as blocker:
        ok = model.dropMimeData(_mime(INTERVENTION_MIME, "buurtcirkel"),
                                Qt.DropAction.CopyAction, -1, -1, group)
    assert not ok
    assert "staat al op de shortlist" in blocker.args[0]  # the wording of every other way to add
    assert session.project == before
    assert session.undo_stack.count() == 0
    # the same intervention under another theme is fine
    assert model.dropMimeData(_mime(INTERVENTION_MIME, "buurtcirkel"),
                              Qt.DropAction.CopyAction, -1, -1,
                              _group_index(model, "Tegengaan"))


def test_drop_unknown_key_or_on_orphan_group_is_refused(panel, session):
    model = panel.model
    group = _group_index(model, "Mantelzorg")
    assert not model.dropMimeData(_mime(INTERVENTION_MIME, "bestaat-niet"),
                                  Qt.DropAction.CopyAction, -1, -1, group)
    session.push(cmd.SetThemeChosen(session, "mantelzorg", False))
    orphan_group = _group_index(model, ORPHAN_TITLE)
    assert not model.canDropMimeData(_mime(INTERVENTION_MIME, "dementalent"),
                                     Qt.DropAction.CopyAction, -1, -1, orphan_group)
    assert not model.canDropMimeData(_mime(INTERVENTION_MIME, "dementalent"),
                                     Qt.DropAction.CopyAction, -1, -1, QModelIndex())


def test_drop_onto_an_entry_of_an_unchosen_theme_is_refused_like_the_browser(panel, session, qtbot):
    from gala_desktop.ui.catalogue_browser import NO_THEME_HINT, CatalogueBrowser

    model = panel.model
    session.push(cmd.SetThemeChosen(session, "mantelzorg", False))
    orphan = model.index_of_entry(session.project.entries_for("mantelzorg")[0].id)
    before = copy.deepcopy(session.project)
    with qtbot.waitSignal(panel.statusMessage) as blocker:
        ok = model.dropMimeData(_mime(INTERVENTION_MIME, "partner-in-balans"),
                                Qt.DropAction.CopyAction, -1, -1, orphan)
    assert not ok
    assert session.project == before
    browser = CatalogueBrowser(session)
    qtbot.addWidget(browser)
    with qtbot.waitSignal(browser.statusMessage) as browser_blocker:
        assert browser.add_to_theme("partner-in-balans", "mantelzorg") is None
    assert blocker.args[0] == browser_blocker.args[0] == NO_THEME_HINT
    assert session.project == before


def test_internal_drag_reorders_within_theme(panel, session):
    model = panel.model
    last = session.project.entries_for("sociale-samenhang")[-1]
    group = _group_index(model, "Sociale samenhang")
    drag = model.mimeData([model.index_of_entry(last.id)])
    assert bytes(drag.data(ENTRY_MIME)).decode() == last.id
    assert model.dropMimeData(drag, Qt.DropAction.MoveAction, 0, 0, group)
    assert _keys(session, "sociale-samenhang") == ["thuis-op-straat", "buurtcirkel", "studio-bruis"]
    # onto another entry: take its place
    target = model.index_of_entry(session.project.entries_for("sociale-samenhang")[2].id)
    assert model.dropMimeData(drag, Qt.DropAction.MoveAction, -1, -1, target)
    assert _keys(session, "sociale-samenhang") == ["buurtcirkel", "studio-bruis", "thuis-op-straat"]
    # never into another theme
    other = _group_index(model, "Mantelzorg")
    assert not model.canDropMimeData(drag, Qt.DropAction.MoveAction, 0, 0, other)


def test_alt_up_down_moves_keeps_selection_and_undoes(panel, session, qtbot):
    entry = session.project.entries_for("sociale-samenhang")[2]
    panel.select_entry(entry.id)
    panel.view.setFocus()
    panel.activateWindow()
    qtbot.waitUntil(lambda: panel.view.hasFocus())
    assert not panel.button_down.isEnabled()
    qtbot.keyClick(panel.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert _keys(session, "sociale-samenhang") == ["buurtcirkel", "thuis-op-straat", "studio-bruis"]
    qtbot.keyClick(panel.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert _keys(session, "sociale-samenhang") == ["thuis-op-straat", "buurtcirkel", "studio-bruis"]
    assert panel.current_entry_id() == entry.id
    assert not panel.button_up.isEnabled()
    said = []
    panel.statusMessage.connect(said.append)
    qtbot.keyClick(panel.view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # already at the top
    assert _keys(session, "sociale-samenhang") == ["thuis-op-straat", "buurtcirkel", "studio-bruis"]
    assert panel.current_entry_id() == entry.id  # not the theme's heading above it
    assert said and said[-1].endswith("staat al bovenaan bij dit thema.")
    qtbot.keyClick(panel.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert _keys(session, "sociale-samenhang") == ["buurtcirkel", "thuis-op-straat", "studio-bruis"]
    assert session.undo_stack.count() == 3
    session.undo_stack.undo()
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert _keys(session, "sociale-samenhang") == ["buurtcirkel", "studio-bruis", "thuis-op-straat"]
    assert panel.current_entry_id() == entry.id


def test_buttons_move_and_have_accessible_names(panel, session, qtbot):
    assert [b.accessibleName() for b in (panel.button_up, panel.button_down, panel.button_remove)] \
        == ["Omhoog", "Omlaag", "Verwijderen"]
    assert panel.view.objectName() == "shortlistView"
    assert panel.view.accessibleName()
    first = session.project.entries_for("sociale-samenhang")[0]
    panel.select_entry(first.id)
    qtbot.mouseClick(panel.button_down, Qt.MouseButton.LeftButton)
    assert _keys(session, "sociale-samenhang")[1] == "buurtcirkel"
    assert panel.current_entry_id() == first.id


def test_status_change_through_delegate_and_undo(panel, session, qtbot):
    entry = session.project.entries_for("mantelzorg")[0]
    index = panel.model.index_of_entry(entry.id, COL_STATUS)
    panel.view.setCurrentIndex(index)
    panel.view.edit(index)
    combo = panel.view.viewport().findChild(QComboBox)
    assert combo is not None and combo.accessibleName() == "Status"
    assert combo.currentText() == "Overwegen"
    position = combo.findText("Gekozen")
    combo.setCurrentIndex(position)
    combo.activated.emit(position)
    assert entry.status is EntryStatus.CHOSEN
    assert panel.model.index_of_entry(entry.id, COL_STATUS).data() == "Gekozen"
    assert session.undo_stack.undoText() == "Status wijzigen in ‘Gekozen’"
    session.undo_stack.undo()
    assert entry.status is EntryStatus.CONSIDERING
    assert panel.model.index_of_entry(entry.id, COL_STATUS).data() == "Overwegen"


def test_f2_on_a_selected_row_opens_its_status(panel, session, qtbot):
    """As the list's description promises: F2 changes the status, wherever the row was
    selected (a click or the arrow keys leave the current cell on the name)."""
    entry = session.project.entries_for("mantelzorg")[0]
    panel.select_entry(entry.id)
    panel.view.setFocus()
    assert panel.view.currentIndex().column() != COL_STATUS
    qtbot.keyClick(panel.view, Qt.Key.Key_F2)
    combo = panel.view.viewport().findChild(QComboBox)
    assert combo is not None and combo.isVisible() and combo.accessibleName() == "Status"
    assert panel.view.currentIndex().column() == COL_STATUS
    assert "F2 wijzigt de status" in panel.view.accessibleDescription()


def test_context_menu_sets_status_and_priority(panel, session):
    entry = session.project.entries_for("eenzaamheid")[0]
    panel.select_entry(entry.id)
    menu = panel.build_context_menu()
    actions = {a.text(): a for m in menu.findChildren(type(menu)) for a in m.actions()}
    actions["Afgevallen"].trigger()
    actions["Hoog"].trigger()
    assert (entry.status, entry.priority) == (EntryStatus.DROPPED, Priority.HIGH)
    assert panel.model.index_of_entry(entry.id, COL_PRIORITY).data() == "Hoog"


def test_model_set_data_refuses_nonsense(session):
    model = ShortlistModel(session)
    entry = session.project.shortlist[0]
    index = model.index_of_entry(entry.id, COL_STATUS)
    assert not model.setData(index, "misschien")
    assert model.setData(index, "gekozen")
    assert entry.status is EntryStatus.CHOSEN
    assert not model.setData(model.index_of_entry(entry.id, COL_NAME), "Andere naam")


def test_delete_key_removes_and_undo_restores_plan(panel, session, qtbot):
    entry = session.project.entries_for("sociale-samenhang")[1]
    entry.plan.budget_cents = 1250000
    entry.plan.partners = "Wijkteam"
    entry.plan.checklist[0].state = ChecklistState.ARRANGED
    entry.plan.access[AccessAspect.AFFORDABLE] = "Gratis"
    before = copy.deepcopy(session.project)
    panel.select_entry(entry.id)
    panel.view.setFocus()
    panel.activateWindow()
    qtbot.waitUntil(lambda: panel.view.hasFocus())
    qtbot.keyClick(panel.view, Qt.Key.Key_Delete)
    assert session.project.entry(entry.id) is None
    # the neighbour in the same theme is selected now
    assert panel.current_entry_id() == session.project.entries_for("sociale-samenhang")[1].id
    session.undo_stack.undo()
    assert session.project == before
    assert panel.current_entry_id() == entry.id


def test_changed_catalogue_facts_are_marked(session, catalogue):
    entry = session.project.shortlist[0]
    entry.snapshot = dataclasses.replace(entry.snapshot, name="Buurtkring (oude naam)")
    gone = ShortlistEntry.for_intervention(catalogue.get("mantelscan"), "eenzaamheid")
    gone.intervention_key = "verdwenen-interventie"
    session.project.shortlist.append(gone)
    session.replace(session.project, None)
    model = ShortlistModel(session)
    index = model.index_of_entry(entry.id)
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None
    assert "Naam gewijzigd" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert "catalogusgegevens gewijzigd" in index.data(Qt.ItemDataRole.AccessibleTextRole)
    assert "niet meer in de catalogus" in model.index_of_entry(gone.id).data(
        Qt.ItemDataRole.ToolTipRole)
    unchanged = model.index_of_entry(session.project.shortlist[1].id)
    assert unchanged.data(Qt.ItemDataRole.DecorationRole) is None
    # accepting the catalogue facts removes the marker
    session.push(cmd.ReplaceSnapshots(session, {entry.id: dataclasses.replace(
        entry.snapshot, name=catalogue.get("buurtcirkel").name)}))
    assert model.index_of_entry(entry.id).data(Qt.ItemDataRole.DecorationRole) is None


def test_project_replaced_clears_selection(panel, session, qtbot):
    panel.select_entry(session.project.shortlist[0].id)
    with qtbot.waitSignal(panel.entrySelected) as blocker:
        session.replace(Project(), None)
    assert blocker.args == [""]
    assert panel.model.rowCount() == 0
    assert panel.hint.isVisible()


def test_render_panel(panel, session):
    session.push(cmd.SetEntryStatus(session, session.project.shortlist[0].id, EntryStatus.CHOSEN))
    session.push(cmd.SetEntryStatus(session, session.project.shortlist[3].id, EntryStatus.DROPPED))
    panel.select_entry(session.project.shortlist[1].id)
    assert panel.grab().save("/tmp/shortlist_panel.png")


def _drop_on_view(view, mime: QMimeData, pos: QPoint, action=Qt.DropAction.CopyAction) -> bool:
    viewport = view.viewport()
    pos_f = QPointF(pos)
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    # Drag enter/move events take a QPoint (a QPointF only from Qt 6.12 on).
    enter = QDragEnterEvent(pos, action, mime, buttons, mods)
    QApplication.sendEvent(viewport, enter)
    move = QDragMoveEvent(pos, action, mime, buttons, mods)
    QApplication.sendEvent(viewport, move)
    drop = QDropEvent(pos_f, action, mime, buttons, mods)
    QApplication.sendEvent(viewport, drop)
    return drop.isAccepted()


def test_drop_event_on_the_view_adds_to_the_theme_under_the_cursor(panel, session):
    view = panel.view
    group = _group_index(panel.model, "Mantelzorg")
    rect = view.visualRect(group)
    assert _drop_on_view(view, _mime(INTERVENTION_MIME, "partner-in-balans"), rect.center())
    assert _keys(session, "mantelzorg") == ["mantelscan", "partner-in-balans"]
    assert panel.current_entry_id() == session.project.entries_for("mantelzorg")[-1].id


def test_widgets_may_be_destroyed_before_the_session(qtbot, session):
    from PySide6.QtCore import QEvent

    from gala_desktop.ui.overview_panel import OverviewPanel
    from gala_desktop.ui.plan_editor import PlanEditor

    entry = session.project.shortlist[0]
    for cls in (ShortlistPanel, PlanEditor, OverviewPanel):
        widget = cls(session)
        if isinstance(widget, PlanEditor):
            widget.set_entry(entry.id)
        widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    session.push(cmd.SetEntryStatus(session, entry.id, EntryStatus.CHOSEN))
    session.push(cmd.SetPlanField(session, entry.id, "notes", "nog steeds goed"))
    session.push(cmd.SetThemeChosen(session, "mantelzorg", False))
    session.replace(Project(), None)
    assert session.project.shortlist == []
