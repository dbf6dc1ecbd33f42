"""Undo commands on one shortlist entry's implementation plan and catalogue snapshot.

Re-exported by ``gala_desktop.ui.commands``; the same rules apply: each command emits
``entryChanged(entry_id)`` in ``redo`` and ``undo``, and text edits merge into one undo step.
"""

from __future__ import annotations

import copy

from PySide6.QtGui import QUndoCommand

from gala_desktop.domain.project import (
    AccessAspect,
    ChecklistItem,
    ChecklistState,
    InterventionSnapshot,
    ShortlistEntry,
)

PLAN_FIELD_LABELS: dict[str, str] = {
    "partners": "uitvoerende partners",
    "budget_cents": "budget",
    "budget": "budget",
    "funding_source": "financieringsbron",
    "funding_note": "toelichting financiering",
    "start": "startdatum",
    "end": "einddatum",
    "neighbourhoods": "wijken en kernen",
    "reach": "beoogd bereik",
    "responsible": "verantwoordelijke ambtenaar",
    "monitoring": "monitoring en indicatoren",
    "notes": "vrije notities",
}

TEXT_PLAN_FIELDS = frozenset(
    {"partners", "funding_note", "neighbourhoods", "responsible", "monitoring", "notes"}
)
_ID_PLAN_TEXT = 1003
_ID_CHECKLIST_NOTE = 1004
_ID_ACCESS = 1005

_MISSING = object()


def _entry(session, entry_id: str) -> ShortlistEntry:
    entry = session.project.entry(entry_id)
    if entry is None:
        raise KeyError(f"no shortlist entry with id {entry_id!r}")
    return entry


class SetPlanField(QUndoCommand):
    """Change one field of an entry's implementation plan (not the checklist or access)."""

    def __init__(self, session, entry_id: str, field: str, value, parent=None):
        if field not in PLAN_FIELD_LABELS:
            raise ValueError(f"unknown plan field {field!r}")
        super().__init__(f"{PLAN_FIELD_LABELS[field].capitalize()} wijzigen", parent)
        self.session = session
        self.entry_id = entry_id
        self.field = field
        self.old = getattr(_entry(session, entry_id).plan, field)
        self.new = value

    def _apply(self, value) -> None:
        setattr(_entry(self.session, self.entry_id).plan, self.field, value)
        self.session.entryChanged.emit(self.entry_id)

    def redo(self) -> None:
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)

    def id(self) -> int:
        return _ID_PLAN_TEXT if self.field in TEXT_PLAN_FIELDS else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            not isinstance(other, SetPlanField)
            or other.entry_id != self.entry_id
            or other.field != self.field
        ):
            return False
        self.new = other.new
        self.setObsolete(self.new == self.old)
        return True


class SetChecklistItem(QUndoCommand):
    """Tick off a randvoorwaarde (state) and/or change its note. Note edits merge."""

    def __init__(
        self,
        session,
        entry_id: str,
        index: int,
        state: ChecklistState | None = None,
        note: str | None = None,
        parent=None,
    ):
        item = _entry(session, entry_id).plan.checklist[index]
        if state is not None and note is None:
            text = f"Randvoorwaarde op ‘{state.label}’ zetten"
        else:
            text = "Notitie bij randvoorwaarde wijzigen"
        super().__init__(text, parent)
        self.session = session
        self.entry_id = entry_id
        self.index = index
        self.old_state, self.old_note = item.state, item.note
        self.new_state = item.state if state is None else state
        self.new_note = item.note if note is None else note
        self._note_only = state is None and note is not None

    def _apply(self, state: ChecklistState, note: str) -> None:
        item = _entry(self.session, self.entry_id).plan.checklist[self.index]
        item.state, item.note = state, note
        self.session.entryChanged.emit(self.entry_id)

    def redo(self) -> None:
        self._apply(self.new_state, self.new_note)

    def undo(self) -> None:
        self._apply(self.old_state, self.old_note)

    def id(self) -> int:
        return _ID_CHECKLIST_NOTE if self._note_only else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            not isinstance(other, SetChecklistItem)
            or not other._note_only
            or other.entry_id != self.entry_id
            or other.index != self.index
        ):
            return False
        self.new_note = other.new_note
        self.setObsolete(self.new_note == self.old_note)
        return True


class SetAccessAnswer(QUndoCommand):
    """Answer one of the four accessibility questions. An empty answer removes it; undo restores
    exactly what was there before."""

    def __init__(self, session, entry_id: str, aspect: AccessAspect, text: str, parent=None):
        super().__init__(f"Antwoord wijzigen: {aspect.label.lower()}", parent)
        self.session = session
        self.entry_id = entry_id
        self.aspect = aspect
        self.old = _entry(session, entry_id).plan.access.get(aspect, _MISSING)
        self.new = text

    def _apply(self, value) -> None:
        access = _entry(self.session, self.entry_id).plan.access
        if value is _MISSING or value == "":
            access.pop(self.aspect, None)
        else:
            access[self.aspect] = value
        self.session.entryChanged.emit(self.entry_id)

    def redo(self) -> None:
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)

    def id(self) -> int:
        return _ID_ACCESS

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            not isinstance(other, SetAccessAnswer)
            or other.entry_id != self.entry_id
            or other.aspect != self.aspect
        ):
            return False
        self.new = other.new
        self.setObsolete(self.new == self.old or (self.new == "" and self.old in (_MISSING, "")))
        return True


class ReplaceSnapshots(QUndoCommand):
    """Accept the current catalogue facts for some entries ("Catalogusgegevens overnemen")."""

    def __init__(self, session, snapshots: dict[str, InterventionSnapshot],
                 checklists: dict[str, list[ChecklistItem]] | None = None, parent=None):
        """``checklists`` optionally gives entries their updated checklist in the same step."""
        super().__init__("Catalogusgegevens overnemen", parent)
        self.session = session
        self.new = dict(snapshots)
        self.old = {entry_id: _entry(session, entry_id).snapshot for entry_id in snapshots}
        self.new_checklists = {k: [copy.copy(i) for i in v] for k, v in (checklists or {}).items()}
        self.old_checklists = {
            k: [copy.copy(i) for i in _entry(session, k).plan.checklist] for k in self.new_checklists
        }

    def redo(self) -> None:
        self._apply(self.new, self.new_checklists)

    def undo(self) -> None:
        self._apply(self.old, self.old_checklists)

    def _apply(self, snapshots: dict[str, InterventionSnapshot],
               checklists: dict[str, list[ChecklistItem]]) -> None:
        for entry_id, items in checklists.items():
            _entry(self.session, entry_id).plan.checklist = [copy.copy(i) for i in items]
        for entry_id, snapshot in snapshots.items():
            _entry(self.session, entry_id).snapshot = snapshot
        self.session.shortlistChanged.emit()
        for entry_id in {*snapshots, *checklists}:
            self.session.entryChanged.emit(entry_id)
