"""Helpers shared by the window tests: scripted dialogs, a shown main window, reliable focus."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from gala_desktop.ui.main_window import MainWindow


class ScriptedDialogs:
    """Answers like a user would, from lists; records what was asked and shown.

    ``asked`` holds ``save:<name>``, ``recover:<title>`` and ``path:<suggestion>``. With no
    answer left, an unsaved-changes question fails the test and a recovery question is
    answered "later".
    """

    def __init__(self, paths=(), answers=()) -> None:
        self.paths = list(paths)
        self.answers = list(answers)
        self.asked: list[str] = []
        self.errors: list[str] = []
        self.infos: list[tuple[str, str]] = []

    def ask_save_changes(self, parent, name):
        self.asked.append(f"save:{name}")
        if not self.answers:
            raise AssertionError("no unsaved-changes prompt expected")
        return self.answers.pop(0)

    def ask_recovery(self, parent, item):
        self.asked.append(f"recover:{item.title}")
        return self.answers.pop(0) if self.answers else "later"

    def error(self, parent, title, text):
        self.errors.append(text)

    def inform(self, parent, title, text):
        self.infos.append((title, text))

    def open_path(self, parent, directory):
        return self.paths.pop(0)

    def save_path(self, parent, suggestion):
        self.asked.append(f"path:{suggestion}")
        return self.paths.pop(0)


def open_window(catalogue, qtbot, dialogs=None, **kwargs) -> MainWindow:
    """A shown, active main window whose dialogs are scripted; closed without prompts."""
    win = MainWindow(catalogue, **kwargs)
    win.files.dialogs = dialogs if dialogs is not None else ScriptedDialogs()
    qtbot.addWidget(win, before_close_func=lambda w: w.session.undo_stack.setClean())
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    return win


def focus(qtbot, widget) -> None:
    """Give ``widget`` the keyboard focus and wait until it has it."""
    window = widget.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=3000)


@pytest.fixture()
def app_look():
    """Font and palette of the application, put back after the test."""
    app = QApplication.instance()
    font, palette = QFont(app.font()), app.palette()
    yield
    app.setFont(font)
    app.setPalette(palette)


def open_setup(qtbot, catalogue, name: str) -> MainWindow:
    """The main window as the screenshot set-up ``main-window-<name>`` shows it; closed at the
    end of the test without an unsaved-changes question."""
    from gala_desktop.ui.screenshots import build_window, setup_named

    window = build_window(catalogue, setup_named(f"main-window-{name}"))
    qtbot.addWidget(window, before_close_func=lambda w: w.session.undo_stack.setClean())
    return window


def zutphen_session(catalogue):
    """A session with a project of two themes, each with one intervention on the shortlist:
    Buurtcirkel under *eenzaamheid*, MantelScan under *mantelzorg*."""
    from gala_desktop.domain.project import Project, ShortlistEntry, ThemeChoice
    from gala_desktop.ui.session import ProjectSession

    s = ProjectSession(catalogue)
    project = Project(gemeente="Zutphen")
    project.themes = [ThemeChoice("eenzaamheid"), ThemeChoice("mantelzorg")]
    for key, theme in (("buurtcirkel", "eenzaamheid"), ("mantelscan", "mantelzorg")):
        project.shortlist.append(ShortlistEntry.for_intervention(catalogue.get(key), theme))
    s.replace(project, None)
    return s
