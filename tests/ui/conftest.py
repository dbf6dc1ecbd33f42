"""Helpers shared by the window tests: scripted dialogs, a shown main window, reliable focus."""

from __future__ import annotations

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
