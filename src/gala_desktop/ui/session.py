"""One open project: the domain object, its file path, its undo stack and the catalogue.

Views read ``session.project`` and listen to the signals; they change the project only through
the use cases of ``gala_desktop.operations``, which hand their edits to :meth:`apply`. Each edit
runs as an undo command (``ui/commands``) and reports what it changed; :meth:`notify` turns that
into the precise signals below, so a view refreshes only what it shows. The window-modified
marker follows the undo stack's clean state.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from gala_desktop.catalogue.combined import WorkingCatalogue
from gala_desktop.domain.catalogue import CatalogueReader
from gala_desktop.domain.project import Project
from gala_desktop.operations import edits
from gala_desktop.operations.edits import Change, Edit
from gala_desktop.ui.commands.edit_command import EditCommand
from gala_desktop.ui.live_catalogue import LiveCatalogue


class ProjectSession(QObject):
    projectReplaced = Signal()  # a new or opened project replaced the old one
    metadataChanged = Signal()  # gemeente, title, authors, period, ...
    themesChanged = Signal()  # the set of chosen themes changed
    rationaleChanged = Signal(str)  # one theme's rationale changed (theme key)
    shortlistChanged = Signal()  # entries added, removed or moved
    entryChanged = Signal(str)  # something of one entry changed (entry id)
    entryFieldChanged = Signal(str, str)  # (entry id, field): status, priority, snapshot,
    #                                       plan.<field>, access or checklist
    pathChanged = Signal()
    readOnlyChanged = Signal(str)  # the reason, or "" when the project may be edited again
    editRefused = Signal(str)  # a change was refused because the project is read-only (reason)
    catalogueReplaced = Signal()  # a catalogue update, a rollback or an own intervention changed what it holds

    def __init__(self, catalogue: CatalogueReader, parent: QObject | None = None, own_library=None) -> None:
        super().__init__(parent)
        self.own_library = own_library
        self.catalogue = LiveCatalogue.wrap(self._working(catalogue)) if catalogue is not None else None
        self.project = Project()
        self.path: Path | None = None
        self.undo_stack = QUndoStack(self)
        self.read_only = ""  # why the project may not be changed ("" = it may)

    def replace_catalogue(self, catalogue) -> None:
        """Use another catalogue from now on; views re-read and show what changed."""
        self.catalogue.swap(self._working(catalogue))
        self.catalogueReplaced.emit()

    def _working(self, catalogue) -> WorkingCatalogue:
        """The catalogue plus the own interventions (library, then the project's own copies)."""
        return WorkingCatalogue(catalogue, self.own_library, lambda: self.project)

    def push(self, command: QUndoCommand) -> bool:
        """Apply a change — unless the project is open read-only, which no view can bypass:
        then ``editRefused`` says why and this returns False."""
        if self.read_only:
            self.editRefused.emit(self.read_only)
            return False
        self.undo_stack.push(command)
        return True

    def set_read_only(self, reason: str) -> None:
        """Open for reading only (``reason`` says why, in Dutch), or editable again with ``""``."""
        if reason != self.read_only:
            self.read_only = reason
            self.readOnlyChanged.emit(reason)

    def apply(self, edit: Edit) -> bool:
        """Run an edit of the operations layer as one undo step; False when it was refused
        (read-only, like every change)."""
        return self.push(EditCommand(self, edit))

    def notify(self, changes: list[Change]) -> None:
        """Emit one signal per distinct change, in order."""
        for change in dict.fromkeys(changes):
            if change.kind == edits.METADATA:
                self.metadataChanged.emit()
            elif change.kind == edits.THEMES:
                self.themesChanged.emit()
            elif change.kind == edits.RATIONALE:
                self.rationaleChanged.emit(change.key)
            elif change.kind == edits.SHORTLIST:
                self.shortlistChanged.emit()
            elif change.kind == edits.ENTRY:
                self.entryFieldChanged.emit(change.key, change.field)
        for entry_id in dict.fromkeys(c.key for c in changes if c.kind == edits.ENTRY):
            self.entryChanged.emit(entry_id)

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
