"""One open project: the domain object, its file path, its undo stack and the catalogue.

Views read ``session.project`` and listen to the signals; they change the project only by
pushing undo commands (``ui/commands.py``), which emit the matching signal in ``redo`` and
``undo``. The window-modified marker follows the undo stack's clean state.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from gala_desktop.catalogue.repository import Catalogue
from gala_desktop.domain.project import Project
from gala_desktop.ui.live_catalogue import LiveCatalogue


class ProjectSession(QObject):
    projectReplaced = Signal()  # a new or opened project replaced the old one
    metadataChanged = Signal()  # gemeente, title, authors, period, ...
    themesChanged = Signal()  # a theme chosen/unchosen or its rationale changed
    shortlistChanged = Signal()  # entries added, removed, moved, status/priority changed
    entryChanged = Signal(str)  # one entry's plan changed (entry id)
    pathChanged = Signal()
    catalogueReplaced = Signal()  # an installed update or a rollback replaced the catalogue

    def __init__(self, catalogue: Catalogue, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.catalogue = LiveCatalogue.wrap(catalogue)
        self.project = Project()
        self.path: Path | None = None
        self.undo_stack = QUndoStack(self)

    def replace_catalogue(self, catalogue) -> None:
        """Use another catalogue from now on; views re-read and show what changed."""
        self.catalogue.swap(catalogue)
        self.catalogueReplaced.emit()

    def push(self, command: QUndoCommand) -> None:
        self.undo_stack.push(command)

    def replace(self, project: Project, path: Path | None) -> None:
        """Swap in another project (New/Open/recover); history starts afresh."""
        self.undo_stack.clear()
        self.project = project
        self.path = path
        self.undo_stack.setClean()
        self.projectReplaced.emit()
        self.pathChanged.emit()

    def set_path(self, path: Path) -> None:
        self.path = path
        self.pathChanged.emit()

    def mark_saved(self) -> None:
        self.undo_stack.setClean()

    @property
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()
