"""The one undo command: it applies an edit of the operations layer and tells the session what
changed. Edits that merge (typing in one field) become one undo step; a merge that brings the
value back to where it started makes the step disappear."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from gala_desktop.operations.edits import Edit

_MERGE_ID = 1001  # one id for every merging edit; ``mergeWith`` compares their merge keys


class EditCommand(QUndoCommand):
    def __init__(self, session, edit: Edit, parent: QUndoCommand | None = None) -> None:
        super().__init__(edit.text, parent)
        self.session = session
        self.edit = edit

    def redo(self) -> None:
        self.session.notify(self.edit.apply(self.session.project))

    def undo(self) -> None:
        self.session.notify(self.edit.revert(self.session.project))

    def id(self) -> int:
        return _MERGE_ID if self.edit.merge_key() is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        key = self.edit.merge_key()
        if not isinstance(other, EditCommand) or key is None or other.edit.merge_key() != key:
            return False
        self.edit.merge(other.edit)
        self.setObsolete(self.edit.is_void())
        return True
