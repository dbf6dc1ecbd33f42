"""The main window's actions, and its menu bar and toolbar laid out from them.

Kept apart from ``main_window`` so that the window composes panels and wires signals, while
this module decides where each action appears. The window's attributes (``recent_menu``,
``toolbar_undo``, ``toolbar_redo``) are set here because tests and other modules reach them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QStyle, QToolBar, QWidget

from gala_desktop.ui.keyboard import unique_sequences

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


def _action(win: MainWindow, name: str, text: str, slot, shortcuts=(),
            icon: QStyle.StandardPixmap | None = None, tip: str = "") -> QAction:
    action = QAction(text, win)
    action.setObjectName(name)
    if shortcuts:
        action.setShortcuts(unique_sequences([QKeySequence(s) for s in shortcuts]))
    if icon is not None:
        action.setIcon(win.style().standardIcon(icon))
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(slot)
    win.addAction(action)
    return action


def create_actions(win: MainWindow) -> None:
    """The window's actions (``win.action_*``, ``win.tab_actions``), each added to the window so
    that its shortcut works wherever the focus is; the menus and the toolbar place them."""
    sp = QStyle.StandardPixmap
    key = QKeySequence
    std = QKeySequence.StandardKey
    win.action_new = _action(win, "actionNew", "&Nieuw", win.files.new_project, [std.New],
                             sp.SP_FileIcon, "Een nieuw, leeg project beginnen")
    win.action_open = _action(win, "actionOpen", "&Openen…", lambda: win.files.open_project(), [std.Open],
                              sp.SP_DialogOpenButton, "Een opgeslagen project openen")
    win.action_save = _action(win, "actionSave", "Op&slaan", win.files.save, [std.Save],
                              sp.SP_DialogSaveButton, "Het project opslaan")
    win.action_save_as = _action(win, "actionSaveAs", "Opslaan &als…", win.files.save_as,
                                 [std.SaveAs, key("Ctrl+Shift+S"), key("F12")], None,
                                 "Het project onder een andere naam opslaan")
    win.action_export = _action(win, "actionExportPdf", "&Exporteren…", win.export_pdf, [key("Ctrl+E")],
                                sp.SP_FileDialogDetailedView,
                                "De bijlage maken: PDF/A voor het archief of een Word-document")
    win.action_own_add = _action(win, "actionOwnAdd", "Eigen &interventie toevoegen…", win.own.add, (), None,
                                 "Een lokale interventie vastleggen die niet in een databank staat")
    win.action_own_export = _action(win, "actionOwnExport", "Eigen interventies e&xporteren…",
                                    win.own.export_interactive, (), None,
                                    "Uw eigen interventies als bestand delen met collega's")
    win.action_own_import = _action(win, "actionOwnImport", "Eigen interventies i&mporteren…",
                                    win.own.import_interactive, (), None,
                                    "Eigen interventies van een collega overnemen")
    win.action_update_catalogue = _action(
        win, "actionUpdateCatalogue", "Catalogus &bijwerken…", lambda: win.updater.choose_and_check(), (),
        None, "Een ondertekende catalogusbijwerking (.galacat) controleren en installeren")
    win.action_rollback_catalogue = _action(
        win, "actionRollbackCatalogue", "&Vorige catalogus terugzetten", lambda: win.updater.roll_back(), (),
        None, "Teruggaan naar de catalogus van vóór de laatste bijwerking")
    win.action_quit = _action(win, "actionQuit", "A&fsluiten", win.close, [std.Quit, key("Ctrl+Q")], None,
                              "GALA Desktop afsluiten")
    win.action_quit.setMenuRole(QAction.MenuRole.QuitRole)

    stack = win.session.undo_stack
    win.action_undo = stack.createUndoAction(win, "&Ongedaan maken")
    win.action_undo.setObjectName("actionUndo")
    win.action_undo.setShortcuts(unique_sequences([key(std.Undo)]))
    win.action_undo.setIcon(win.style().standardIcon(sp.SP_ArrowBack))
    win.action_redo = stack.createRedoAction(win, "Opnie&uw")
    win.action_redo.setObjectName("actionRedo")
    win.action_redo.setShortcuts(unique_sequences([key(std.Redo), key("Ctrl+Y"), key("Ctrl+Shift+Z")]))
    win.action_redo.setIcon(win.style().standardIcon(sp.SP_ArrowForward))
    for action in (win.action_undo, win.action_redo):
        win.addAction(action)

    win.tab_actions = [
        _action(win, f"actionTab{index}", text, lambda _=False, i=index: win.show_tab(i), [key(f"Ctrl+{index + 1}")])
        for index, text in enumerate(("&Catalogus", "&Uitvoering", "&Overzicht", "&Project"))
    ]
    win.action_find = _action(win, "actionFind", "&Zoeken in de catalogus", win.focus_search, [std.Find])
    win.action_themes = _action(win, "actionFocusThemes", "Naar de &thema's", win.theme_panel.tree.setFocus,
                                [key("Ctrl+T")])
    win.action_shortlist = _action(win, "actionFocusShortlist", "Naar de &shortlist", win.focus_shortlist,
                                   [key("Ctrl+L")])
    win.action_help = _action(win, "actionHelp", "&Handleiding", win.show_help, [std.HelpContents, key("F1")],
                              None, "De handleiding van GALA Desktop openen")
    win.action_zoom_in = _action(win, "actionZoomIn", "Tekst &groter", lambda: win.zoom_text(+1),
                                 [std.ZoomIn, key("Ctrl++"), key("Ctrl+=")], None,
                                 "Grotere tekst in de gegevens en de uitvoeringsnotities")
    win.action_zoom_out = _action(win, "actionZoomOut", "Tekst &kleiner", lambda: win.zoom_text(-1),
                                  [std.ZoomOut, key("Ctrl+-")], None,
                                  "Kleinere tekst in de gegevens en de uitvoeringsnotities")
    win.action_zoom_reset = _action(win, "actionZoomReset", "&Normale tekstgrootte", lambda: win.zoom_text(None),
                                    [key("Ctrl+0")])
    win.action_about = _action(win, "actionAbout", "&Over GALA Desktop", win.show_about)
    win.action_about.setMenuRole(QAction.MenuRole.AboutRole)


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
