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
    readOnlyChanged = Signal(str)  # the reason, or "" when the project may be edited again
    editRefused = Signal(str)  # a change was refused because the project is read-only (reason)
    catalogueReplaced = Signal()  # an installed update or a rollback replaced the catalogue

    def __init__(self, catalogue: Catalogue, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.catalogue = LiveCatalogue.wrap(catalogue)
        self.project = Project()
        self.path: Path | None = None
        self.undo_stack = QUndoStack(self)
        self.read_only = ""  # why the project may not be changed ("" = it may)

    def replace_catalogue(self, catalogue) -> None:
        """Use another catalogue from now on; views re-read and show what changed."""
        self.catalogue.swap(catalogue)
        self.catalogueReplaced.emit()

    def push(self, command: QUndoCommand) -> None:
        """Apply a change — unless the project is open read-only, which no view can bypass."""
        if self.read_only:
            self.editRefused.emit(self.read_only)
            return
        self.undo_stack.push(command)

    def set_read_only(self, reason: str) -> None:
        """Open for reading only (``reason`` says why, in Dutch), or editable again with ``""``."""
        if reason != self.read_only:
            self.read_only = reason
            self.readOnlyChanged.emit(reason)

    def replace(self, project: Project, path: Path | None, *, read_only: str = "") -> None:
        """Swap in another project (New/Open/recover); history starts afresh."""
        self.undo_stack.clear()
        self.project = project
        self.path = path
        self.read_only = read_only
        self.undo_stack.setClean()
        self.projectReplaced.emit()
        self.pathChanged.emit()
        self.readOnlyChanged.emit(read_only)

    def set_path(self, path: Path) -> None:
        self.path = path
        self.pathChanged.emit()

    def mark_saved(self) -> None:
        self.undo_stack.setClean()

    @property
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()
