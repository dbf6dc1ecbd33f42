"""The main window's menu bar and toolbar, laid out from the actions the window created.

Kept apart from ``main_window`` so that the window composes panels and wires signals, while
this module decides where each action appears. The window's attributes (``recent_menu``,
``toolbar_undo``, ``toolbar_redo``) are set here because tests and other modules reach them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar, QWidget

if TYPE_CHECKING:
    from gala_desktop.ui.main_window import MainWindow


class StepAction(QAction):
    """A toolbar action with a fixed text; the step it would undo or redo is in its tooltip."""

    def __init__(self, name: str, text: str, source: QAction, parent: QWidget) -> None:
        super().__init__(source.icon(), text, parent)
        self.setObjectName(name)
        self._keys = source.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.show_step("")

    def show_step(self, step: str) -> None:
        base = self.text()
        self.setToolTip(f"{base}: {step} ({self._keys})" if step else f"{base} ({self._keys})")


def build_menus(win: MainWindow) -> None:
    bar = win.menuBar()
    file_menu = bar.addMenu("&Bestand")
    file_menu.addActions([win.action_new, win.action_open])
    win.recent_menu = QMenu("&Recente bestanden", win)
    win.recent_menu.setObjectName("menuRecent")
    # filled each time it opens (not at start-up: reading the list checks every file on disk)
    win.recent_menu.aboutToShow.connect(lambda: win.files.fill_recent_menu(win.recent_menu))
    file_menu.addMenu(win.recent_menu)
    file_menu.addSeparator()
    file_menu.addActions([win.action_save, win.action_save_as])
    file_menu.addSeparator()
    file_menu.addAction(win.action_export)
    file_menu.addSeparator()
    file_menu.addActions([win.action_update_catalogue, win.action_rollback_catalogue])
    file_menu.addSeparator()
    file_menu.addAction(win.action_quit)

    edit_menu = bar.addMenu("Be&werken")
    edit_menu.addActions([win.action_undo, win.action_redo])
    edit_menu.addSeparator()
    edit_menu.addActions([win.action_own_add, win.action_own_export, win.action_own_import])

    view_menu = bar.addMenu("Beel&d")
    view_menu.addActions(win.tab_actions)
    view_menu.addSeparator()
    view_menu.addActions([win.action_find, win.action_themes, win.action_shortlist])
    view_menu.addSeparator()
    view_menu.addActions([win.action_zoom_in, win.action_zoom_out, win.action_zoom_reset])

    help_menu = bar.addMenu("&Help")
    help_menu.addAction(win.action_help)
    help_menu.addSeparator()
    help_menu.addAction(win.action_about)


def build_toolbar(win: MainWindow) -> None:
    toolbar = QToolBar("Werkbalk", win)
    toolbar.setObjectName("mainToolBar")
    toolbar.setAccessibleName("Werkbalk")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.addActions([win.action_new, win.action_open, win.action_save])
    toolbar.addSeparator()
    win.toolbar_undo, win.toolbar_redo = _fixed_step_actions(win)
    toolbar.addActions([win.toolbar_undo, win.toolbar_redo])
    toolbar.addSeparator()
    toolbar.addAction(win.action_export)
    win.addToolBar(toolbar)


def _fixed_step_actions(win: MainWindow) -> tuple[StepAction, StepAction]:
    """Toolbar twins of Ongedaan maken / Opnieuw with a fixed short text, so the toolbar does
    not grow with the step's description; that goes to the tooltip (the Edit menu shows it
    in full)."""
    stack = win.session.undo_stack
    undo = StepAction("toolbarUndo", "Ongedaan maken", win.action_undo, win)
    redo = StepAction("toolbarRedo", "Opnieuw", win.action_redo, win)
    for action, act, can_changed, text_changed, can in (
        (undo, stack.undo, stack.canUndoChanged, stack.undoTextChanged, stack.canUndo),
        (redo, stack.redo, stack.canRedoChanged, stack.redoTextChanged, stack.canRedo),
    ):
        action.triggered.connect(act)
        can_changed.connect(action.setEnabled)
        text_changed.connect(action.show_step)
        action.setEnabled(can())
    return undo, redo
