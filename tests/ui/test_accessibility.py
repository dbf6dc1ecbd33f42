"""Every focusable widget has an accessible name (EN 301 549): the window and its dialogs.

The walk covers the main window with a project that has shortlist entries and a selected entry
(so the plan editor and overview are filled), on every tab, plus every dialog and menu the window
creates. A widget counts when its focus policy is not NoFocus and it is not explicitly hidden.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from gala_desktop.domain.project import Project, ShortlistEntry, ThemeChoice
from gala_desktop.project.recovery import RecoveryItem
from gala_desktop.ui import app as app_module
from gala_desktop.ui.file_questions import Dialogs, message_box
from gala_desktop.ui.main_window import MainWindow
from gala_desktop.ui.theme_panel import KEY_ROLE


def nameless_focusable(root: QWidget) -> list[str]:
    offenders = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            continue
        if widget is not root and not widget.isVisibleTo(root):
            continue
        if widget.accessibleName().strip():
            continue
        text = getattr(widget, "text", None)
        hint = f" text={text()[:40]!r}" if callable(text) and isinstance(text(), str) else ""
        offenders.append(
            f"{type(widget).__name__} objectName={widget.objectName()!r} "
            f"parent={type(widget.parent()).__name__}:{widget.parent().objectName()!r}{hint}"
        )
    return offenders


def _project(catalogue) -> Project:
    keys = ["de-luisterlijn", "creatief-leven", "resto-vanharte"]
    entries = [ShortlistEntry.for_intervention(catalogue.get(k), "eenzaamheid") for k in keys]
    entries.append(ShortlistEntry.for_intervention(catalogue.get("de-luisterlijn"), "mantelzorg"))
    return Project(gemeente="Lindeveen", title="Samen sterk", date=dt.date(2026, 11, 23),
                   themes=[ThemeChoice("eenzaamheid", "Waarom"), ThemeChoice("mantelzorg", "")],
                   shortlist=entries)


@pytest.fixture()
def window(catalogue, qtbot):
    win = MainWindow(catalogue)
    qtbot.addWidget(win, before_close_func=lambda w: w.session.undo_stack.setClean())
    win.session.replace(_project(catalogue), None)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_every_focusable_widget_of_the_main_window_has_a_name(window, qtbot):
    project = window.session.project
    window.shortlist_panel.select_entry(project.shortlist[0].id)
    window.theme_panel.select_theme("eenzaamheid")
    window.browser.select_key("de-luisterlijn")
    offenders: set[str] = set()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(10)
        offenders.update(nameless_focusable(window))
    assert not offenders, "focusable widgets without an accessible name:\n" + "\n".join(sorted(offenders))


def test_the_walk_does_find_a_nameless_widget(window):
    """Guard against a walk that can never fail."""
    from PySide6.QtWidgets import QLineEdit

    stray = QLineEdit(window.browser)
    stray.setObjectName("strayField")
    stray.show()
    try:
        found = nameless_focusable(window)
        assert any("strayField" in line for line in found)
    finally:
        stray.deleteLater()


def _check_box(box: QMessageBox, qtbot) -> list[str]:
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    offenders = nameless_focusable(box)
    box.close()
    return offenders


def test_every_dialog_has_named_controls(window, qtbot, tmp_path):
    dialogs = Dialogs()
    item = RecoveryItem(tmp_path / "x.gala-herstel", Path("/tmp/plan.gala"),
                        dt.datetime(2026, 11, 23, 14, 5).astimezone(), "Plan", "Lindeveen")
    boxes = {
        "save_changes": dialogs.save_changes_box(window, "plan.gala")[0],
        "recovery": dialogs.recovery_box(window, item)[0],
        "error": message_box(window, QMessageBox.Icon.Warning, "Fout", "Er ging iets mis."),
        "about": message_box(window, QMessageBox.Icon.Information, "Over", "GALA Desktop"),
        "catalogue_error": app_module.catalogue_error_box("De catalogus ontbreekt."),
    }
    problems = {name: _check_box(box, qtbot) for name, box in boxes.items()}
    assert not any(problems.values()), problems


def test_menus_and_their_popups_are_named(window, qtbot):
    menus = [a.menu() for a in window.menuBar().actions()]
    menus += [window.recent_menu, window.browser.add_menu,
              window.browser.filters.themes.menu(), window.browser.filters.target_groups.menu(),
              window.browser.filters.databanks.menu()]
    for menu in menus:
        assert isinstance(menu, QMenu)
        visible = [a for a in menu.actions() if not a.isSeparator() and a.isVisible()]
        assert all(a.text().replace("&", "").strip() for a in visible), menu.title()
    for button in (window.browser.filters.themes, window.browser.filters.target_groups,
                   window.browser.filters.databanks):
        assert button.menu().accessibleName()


def test_required_themes_are_not_marked_by_colour_alone(window):
    for key in ("sociale-samenhang", "mantelzorg", "eenzaamheid"):
        item = window.theme_panel._items[key]
        assert item.data(0, KEY_ROLE) == key
        assert "(verplicht)" in item.text(0)


def test_every_action_is_reachable_by_keyboard(window):
    """Each menu entry has a mnemonic, so the whole menu bar works without a mouse."""
    for top in window.menuBar().actions():
        assert "&" in top.text(), top.text()
        for action in top.menu().actions():
            if action.isSeparator():
                continue
            assert "&" in action.text(), action.text()
    letters = [a.text()[a.text().index("&") + 1].lower() for a in window.menuBar().actions()]
    assert len(letters) == len(set(letters))


def test_the_programs_own_dialogs_have_named_controls(window, qtbot):
    """The own-intervention form and import, and the help window: their buttons say what they do."""
    from gala_desktop.ui.help_window import HelpWindow
    from gala_desktop.ui.own_form import OwnInterventionDialog
    from gala_desktop.ui.own_import import ImportDialog

    dialogs = {
        "own_form": OwnInterventionDialog(window.session.catalogue.target_groups(), None, window),
        "own_import": ImportDialog([], window.session.own_library, window),
        "help": HelpWindow(window),
    }
    problems = {name: _check_box(dialog, qtbot) for name, dialog in dialogs.items()}
    assert not any(problems.values()), problems
