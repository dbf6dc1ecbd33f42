"""The main window: composition, names, menus, shortcuts, title, closing, settings, start-up."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox, QSplitter, QTreeView, QWidget

from gala_desktop import paths
from gala_desktop.domain.project import Project, ShortlistEntry, ThemeChoice
from gala_desktop.project.document import load_project, save_project
from gala_desktop.project.recovery import RecoveryStore
from gala_desktop.ui import app as app_module
from gala_desktop.ui.commands import SetMetadata, SetThemeChosen
from gala_desktop.ui.file_questions import CANCEL, DISCARD, SAVE
from gala_desktop.ui.main_window import TAB_PLAN, MainWindow
from tests.ui.conftest import ScriptedDialogs


@pytest.fixture()
def window(catalogue, qtbot):
    win = MainWindow(catalogue, autosave_interval_ms=60_000)
    win.files.dialogs = ScriptedDialogs()
    qtbot.addWidget(win, before_close_func=lambda w: w.session.undo_stack.setClean())
    win.show()
    qtbot.waitExposed(win)
    return win


def _sample_project(catalogue) -> Project:
    entries = [
        ShortlistEntry.for_intervention(catalogue.get("de-luisterlijn"), "eenzaamheid"),
        ShortlistEntry.for_intervention(catalogue.get("creatief-leven"), "eenzaamheid"),
    ]
    return Project(gemeente="Lindeveen", title="Samen sterk",
                   themes=[ThemeChoice("eenzaamheid", "Veel ouderen zijn alleen")], shortlist=entries)


def test_contract_object_names_exist(window):
    for index in range(window.tabs.count()):  # the pages behind the other tabs are built when shown
        window.tabs.setCurrentIndex(index)
    for name in ("themeTree", "searchField", "resultTable", "detailPane", "shortlistView",
                 "planEditor", "overviewPanel", "mainTabs"):
        assert window.findChild(QWidget, name) is not None, name
    for name in ("actionNew", "actionOpen", "actionSave", "actionSaveAs", "actionUndo",
                 "actionRedo", "actionExportPdf"):
        assert window.findChild(QAction, name) is not None, name
    assert window.findChild(QTreeView, "shortlistView") is not None


def test_three_columns_in_one_splitter(window):
    splitter = window.splitter  # below the read-only banner (hidden unless read-only)
    assert splitter.parent() is window.centralWidget() and not window.read_only_banner.isVisible()
    assert isinstance(splitter, QSplitter) and splitter.count() == 3
    assert splitter.widget(0).findChild(QWidget, "themeTree") is not None
    assert splitter.widget(1).objectName() == "mainTabs"
    assert splitter.widget(2).findChild(QWidget, "shortlistView") is not None
    tabs = window.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["&Catalogus", "&Uitvoering", "&Overzicht", "&Project"]


def test_menus_have_dutch_mnemonics_and_standard_shortcuts(window):
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&Bestand", "Be&werken", "Beel&d", "&Help"]
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions() if not a.isSeparator()]
    assert texts == ["&Nieuw", "&Openen…", "&Recente bestanden", "Op&slaan", "Opslaan &als…",
                     "&Exporteren…", "Catalogus &bijwerken…", "&Vorige catalogus terugzetten",
                     "A&fsluiten"]
    assert window.action_new.shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    assert window.action_save.shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    assert QKeySequence("Ctrl+E") in window.action_export.shortcuts()
    assert QKeySequence(QKeySequence.StandardKey.Undo) in window.action_undo.shortcuts()
    redo = window.action_redo.shortcuts()
    assert QKeySequence("Ctrl+Y") in redo and QKeySequence("Ctrl+Shift+Z") in redo
    # every shortcut is used once only
    seen: dict[str, str] = {}
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            key = sequence.toString()
            assert key not in seen or seen[key] == action.objectName(), (key, action.text(), seen.get(key))
            seen[key] = action.objectName()


def test_title_and_modified_marker(window, qtbot, tmp_path):
    assert window.windowTitle() == "Naamloos[*] – GALA Desktop"
    assert not window.isWindowModified()
    window.session.push(SetMetadata(window.session, "gemeente", "Lindeveen"))
    assert window.isWindowModified()
    window.files.dialogs.paths = [tmp_path / "lindeveen"]
    window.action_save.trigger()
    assert window.windowTitle() == "lindeveen.gala[*] – GALA Desktop"
    assert not window.isWindowModified()
    window.session.push(SetMetadata(window.session, "title", "x"))
    assert window.isWindowModified()
    window.action_undo.trigger()
    assert not window.isWindowModified()


def test_undo_and_redo_actions_follow_the_stack(window):
    session = window.session
    assert not window.action_undo.isEnabled()
    session.push(SetThemeChosen(session, "mantelzorg", True))
    assert window.action_undo.isEnabled()
    assert window.action_undo.text() == "&Ongedaan maken Thema kiezen: Mantelzorg (inclusief respijtzorg)"
    window.action_undo.trigger()
    assert session.project.themes == []
    assert window.action_redo.isEnabled()
    window.action_redo.trigger()
    assert session.project.chosen_theme_keys() == ["mantelzorg"]


def test_ctrl_z_in_a_text_field_undoes_through_the_project_history(window, qtbot):
    window.show_tab(3)
    field = window.project_form.gemeente
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "Lindeveen")
    assert window.session.project.gemeente == "Lindeveen"
    assert window.session.undo_stack.count() == 1
    qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.session.project.gemeente == ""
    assert field.text() == ""
    qtbot.keyClick(field, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert window.session.project.gemeente == "Lindeveen"
    assert field.text() == "Lindeveen"


def test_project_form_edits_go_through_commands(window):
    form = window.project_form
    form.title.setText("Samen sterk")
    form.title.textEdited.emit("Samen sterk")
    form.authors.setPlainText("A. de Vries\n\nB. Jansen\n")
    form.date.setText("01-03-2027")
    form.date.textEdited.emit("01-03-2027")
    form.version_status.setCurrentText("Definitief")
    project = window.session.project
    assert project.title == "Samen sterk"
    assert project.authors == ["A. de Vries", "B. Jansen"]
    assert str(project.date) == "2027-03-01"
    assert project.version_status == "Definitief"
    form.date.setText("31-02-2027")
    form.date.textEdited.emit("31-02-2027")
    form.date.editingFinished.emit()
    assert str(project.date) == "2027-03-01"
    assert "bestaat niet" in form.date_error.text() and not form.date_error.isHidden()
    while window.session.undo_stack.canUndo():
        window.session.undo_stack.undo()
    assert window.session.project == Project()
    assert form.title.text() == "" and form.authors.toPlainText() == "" and form.date.text() == ""


def test_plan_section_of_the_project_tab(window, qtbot):
    """The plan as a whole: each part a typed text, one undo step per typing burst, shown again
    after undo and when another project is opened."""
    from gala_desktop.domain.project import PLAN_PARTS

    form = window.project_form
    assert [form.plan_edits[p.attribute].accessibleName() for p in PLAN_PARTS] == [
        "Samenwerking", "Coördinatie", "Bereik van inwoners met gezondheidsachterstanden",
        "Samenhang tussen de onderdelen", "Monitoring en evaluatie"]
    edit = form.plan_edits["cooperation"]
    window.show_tab(window.tabs.indexOf(form))
    edit.setFocus()
    qtbot.keyClicks(edit, "Kernteam met GGD")
    project = window.session.project
    assert project.cooperation == "Kernteam met GGD"
    window.session.undo_stack.undo()
    assert project.cooperation == "" and edit.toPlainText() == ""
    window.session.replace(Project(evaluation="Jaarlijks aan de raad."), None)
    assert form.plan_edits["evaluation"].toPlainText() == "Jaarlijks aan de raad."


def test_selecting_an_entry_shows_it_in_the_plan_editor_and_enter_switches_tab(window, catalogue, qtbot):
    project = _sample_project(catalogue)
    window.session.replace(project, None)
    seen: list = []
    original = window.plan_editor.set_entry
    window.plan_editor.set_entry = lambda entry_id: (seen.append(entry_id), original(entry_id))
    window.shortlist_panel.select_entry(project.shortlist[1].id)
    assert seen[-1] == project.shortlist[1].id
    view = window.findChild(QTreeView, "shortlistView")
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.tabs.currentIndex() == TAB_PLAN


def test_adding_from_the_catalogue_selects_the_new_entry(window, catalogue):
    window.session.push(SetThemeChosen(window.session, "eenzaamheid", True))
    window.browser.select_key("de-luisterlijn")
    entry_id = window.browser.add_current_to_theme("eenzaamheid")
    assert entry_id and window.shortlist_panel.current_entry_id() == entry_id


def test_close_with_unsaved_changes_cancel_keeps_the_window(window, qtbot):
    window.session.push(SetMetadata(window.session, "gemeente", "Lindeveen"))
    window.files.dialogs.answers = [CANCEL]
    assert not window.close()
    assert window.isVisible()
    assert window.files.dialogs.asked == ["save:Naamloos"]


def test_close_discarding_removes_the_recovery_file_and_saves_geometry(catalogue, qtbot):
    win = MainWindow(catalogue)
    qtbot.addWidget(win)
    win.files.dialogs = ScriptedDialogs(answers=[DISCARD])
    win.show()
    qtbot.waitExposed(win)
    win.resize(760, 520)  # inside the offscreen screen, so restoring does not clamp it
    win.splitter.setSizes([200, 300, 250])
    sizes = win.splitter.sizes()
    win.session.push(SetMetadata(win.session, "gemeente", "Lindeveen"))
    assert win.files.autosave()
    store = RecoveryStore()
    assert store.path_for(win.files.session_id).exists()
    assert win.close()
    assert not store.path_for(win.files.session_id).exists()
    assert paths.settings_file().is_file()

    again = MainWindow(catalogue)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.size() == win.size()
    assert again.splitter.sizes() == sizes


def test_close_with_save_writes_the_file(catalogue, qtbot, tmp_path):
    win = MainWindow(catalogue)
    qtbot.addWidget(win)
    win.files.dialogs = ScriptedDialogs(answers=[SAVE], paths=[tmp_path / "afsluiten.gala"])
    win.show()
    win.session.push(SetMetadata(win.session, "title", "Bewaard bij afsluiten"))
    assert win.close()
    assert load_project(tmp_path / "afsluiten.gala").title == "Bewaard bij afsluiten"


def test_about_box(window, catalogue):
    window.action_about.trigger()
    title, text = window.files.dialogs.infos[-1]
    assert title == "Over GALA Desktop"
    assert f"{catalogue.count()} interventies" in text
    assert "gecontroleerd op 1 december 2026" in text  # data/catalogue/catalogue.toml
    assert "EUPL-1.2" in text
    assert "u mag het programma gebruiken" in text and "Word-document" in text  # as everywhere: u


def test_export_action_hands_over_to_the_export_flow(window, monkeypatch):
    from gala_desktop.ui import export_flow

    calls = []
    monkeypatch.setattr(export_flow, "export_pdf_interactive", lambda w, s: calls.append((w, s)))
    window.action_export.trigger()
    assert calls == [(window, window.session)]


# -- start-up ---------------------------------------------------------------------------------


def test_dutch_qt_translations_are_loaded(qapp):
    assert app_module.install_translations(qapp)
    assert QApplication.translate("QPlatformTheme", "Save") == "Opslaan"
    assert QApplication.translate("QPlatformTheme", "Cancel") == "Annuleren"


def _close_soon(action):
    def attempt():
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                action(widget)
                return
        QTimer.singleShot(50, attempt)

    QTimer.singleShot(50, attempt)


def test_run_opens_the_file_and_returns_when_closed(qapp, tmp_path, catalogue):
    target = tmp_path / "start.gala"
    save_project(_sample_project(catalogue), target)
    seen = {}

    def inspect_and_close(win):
        seen["title"] = win.windowTitle()
        seen["entries"] = len(win.session.project.shortlist)
        win.close()

    _close_soon(inspect_and_close)
    assert app_module.run(["gala-desktop"], str(target)) == 0
    assert seen == {"title": "start.gala[*] – GALA Desktop", "entries": 2}


def test_run_without_catalogue_shows_a_dutch_error(qapp, monkeypatch, tmp_path):
    monkeypatch.setattr(paths, "shipped_catalogue", lambda: tmp_path / "weg.sqlite")
    seen = []

    def close_box():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append((box.windowTitle(), box.text()))
            box.accept()
        else:
            QTimer.singleShot(20, close_box)

    QTimer.singleShot(20, close_box)
    assert app_module.run(["gala-desktop"]) == 1
    assert seen and seen[0][0] == "Catalogus niet beschikbaar"
    assert "niet gevonden" in seen[0][1]


def test_run_with_a_corrupt_catalogue_shows_a_dutch_error(qapp, monkeypatch, tmp_path):
    broken = tmp_path / "kapot.sqlite"
    broken.write_bytes(b"dit is geen database" * 100)
    monkeypatch.setattr(paths, "shipped_catalogue", lambda: broken)
    seen = []

    def close_box():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.accept()
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if windows:  # the program still starts: projects open and export from their snapshots
            seen.append(windows[0].catalogue_info.text())
            windows[0].close()
        else:
            QTimer.singleShot(20, close_box)

    QTimer.singleShot(20, close_box)
    assert app_module.run(["gala-desktop"]) == 0
    assert len(seen) == 2 and "beschadigd" in seen[0]
    assert seen[1] == "Catalogus beschadigd: zoeken niet mogelijk"


def test_application_has_the_shipped_icon(qapp):
    from gala_desktop.ui.app import application_icon, create_application

    icon = application_icon()
    assert not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} >= {16, 32, 48}
    assert not create_application([]).windowIcon().isNull()


def test_pages_behind_other_tabs_are_built_when_first_shown(window, catalogue, qtbot):
    window.session.replace(_sample_project(catalogue), None)
    assert not any(window.pages.is_built(name) for name in ("plan", "overview", "project"))
    assert window.findChild(QWidget, "planEditor") is None
    entry = window.session.project.shortlist[0]
    window.shortlist_panel.select_entry(entry.id)  # chosen before the editor exists
    assert not window.pages.is_built("plan")
    window.show_tab(TAB_PLAN)
    editor = window.findChild(QWidget, "planEditor")
    assert editor is not None and window.tabs.currentWidget() is editor is window.plan_editor
    assert editor.entry_id == entry.id and editor.isVisible()
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "&Catalogus", "&Uitvoering", "&Overzicht", "&Project"]
    assert not window.pages.is_built("overview")
    window.show_tab(2)
    assert window.tabs.currentWidget() is window.overview and window.overview.isVisible()


def test_the_undo_keys_filter_only_the_focused_text_field(window, qtbot):
    """No application-wide event filter: Python would run for every event of every widget.
    The filter follows the focus to the text field that gets it, and leaves it again."""
    from PySide6.QtWidgets import QTreeWidget

    keys = window._undo_keys
    window.show_tab(3)
    field = window.project_form.gemeente
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    assert keys.watched is field
    tree = window.theme_panel.tree
    assert isinstance(tree, QTreeWidget)
    tree.setFocus()
    qtbot.waitUntil(tree.hasFocus)
    assert keys.watched is None  # not a text field
    search = window.browser.search_field
    search.setFocus()
    qtbot.waitUntil(search.hasFocus)
    assert keys.watched is None  # the search holds no project data: Ctrl+Z undoes its typing
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    assert keys.watched is field
    keys.stop()
    keys.stop()  # the window may be closed twice
    assert keys.watched is None
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    assert keys.watched is None


def test_ctrl_z_in_the_search_field_undoes_the_search_text_not_the_project(window, qtbot):
    from PySide6.QtWidgets import QApplication

    window.session.push(SetThemeChosen(window.session, "eenzaamheid", True))
    window.show_tab(0)
    window.activateWindow()
    search = window.browser.search_field
    search.setFocus()
    qtbot.waitUntil(search.hasFocus)
    qtbot.keyClicks(search, "sport")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert search.text() != "sport"  # the typing is undone
    assert window.session.project.theme_choice("eenzaamheid") is not None  # the project is not
    assert window.session.undo_stack.canUndo()


def test_values_refused_when_another_entry_is_shown_are_named_in_a_notice(window, catalogue, qtbot):
    """The status line that named them was cut off at 1366 pixels and went after 8 seconds."""
    window.session.replace(_sample_project(catalogue), None)
    first, second = window.session.project.shortlist[:2]
    window.shortlist_panel.select_entry(first.id)
    window.show_tab(TAB_PLAN)
    window.plan_editor.start.edit.setText("31-02-2026")  # no such date
    window.shortlist_panel.select_entry(second.id)
    qtbot.waitUntil(lambda: bool(window.files.dialogs.infos))
    [(title, text)] = window.files.dialogs.infos
    assert title == f"Niet bewaard bij ‘{first.snapshot.name}’" and "• Start ‘31-02-2026’" in text
    assert window.plan_editor.entry_id == second.id
