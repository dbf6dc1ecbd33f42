"""Undo commands: every change to the open project goes through one of these.

Each command acts on ``session.project`` (a plain domain object) and emits the matching session
signal in both ``redo`` and ``undo``, so views only ever re-read the project. Text edits are
mergeable (``id``/``mergeWith``): typing in one field is one undo step. A merge that brings a
field back to its original value makes the command obsolete, so it disappears from the history.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from gala_desktop.domain.project import (
    PLAN_PARTS,
    EntryStatus,
    Priority,
    ShortlistEntry,
    ThemeChoice,
)
from gala_desktop.domain.themes import THEMES_BY_KEY, theme_name

# Dutch names of the editable fields, used in the undo texts.
METADATA_LABELS: dict[str, str] = {
    "gemeente": "gemeente",
    "title": "titel",
    "subtitle": "ondertitel",
    "authors": "auteurs",
    "period": "periode",
    "version_status": "versie en status",
    "date": "datum",
    "format_reference": "verwijzing naar het format",
    "introduction": "inleiding",
    **{part.attribute: part.title.lower() for part in PLAN_PARTS},
}

TEXT_METADATA_FIELDS = frozenset(
    {"gemeente", "title", "subtitle", "period", "version_status", "format_reference",
     "introduction", "authors", *(part.attribute for part in PLAN_PARTS)}
)

# Command ids for merging (any distinct positive numbers; plan commands use 1003-1005).
_ID_METADATA = 1001
_ID_RATIONALE = 1002

def _entry(session, entry_id: str) -> ShortlistEntry:
    entry = session.project.entry(entry_id)
    if entry is None:
        raise KeyError(f"no shortlist entry with id {entry_id!r}")
    return entry


def _copy_value(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value


class SetMetadata(QUndoCommand):
    """Change one attribute of the project itself (gemeente, title, authors, ...)."""

    def __init__(self, session, field: str, value: Any, parent: QUndoCommand | None = None):
        if field not in METADATA_LABELS:
            raise ValueError(f"unknown project field {field!r}")
        super().__init__(f"{METADATA_LABELS[field].capitalize()} wijzigen", parent)
        self.session = session
        self.field = field
        self.old = _copy_value(getattr(session.project, field))
        self.new = _copy_value(value)

    def _apply(self, value: Any) -> None:
        setattr(self.session.project, self.field, _copy_value(value))
        self.session.metadataChanged.emit()

    def redo(self) -> None:
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)

    def id(self) -> int:
        return _ID_METADATA if self.field in TEXT_METADATA_FIELDS else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetMetadata) or other.field != self.field:
            return False
        self.new = _copy_value(other.new)
        self.setObsolete(self.new == self.old)
        return True


class SetThemeChosen(QUndoCommand):
    """Choose or unchoose a GALA theme.

    A newly chosen theme is placed in taxonomy order among the chosen ones. Unchoosing keeps the
    theme's shortlist entries (shown under "Niet gekozen thema's"); undo puts the choice back at
    its old position with its rationale.
    """

    def __init__(self, session, theme_key: str, chosen: bool, parent: QUndoCommand | None = None):
        name = theme_name(theme_key)
        text = f"Thema kiezen: {name}" if chosen else f"Thema niet meer kiezen: {name}"
        super().__init__(text, parent)
        self.session = session
        self.theme_key = theme_key
        self.chosen = chosen
        self._index: int | None = None  # where the choice was inserted or removed
        self._choice: ThemeChoice | None = None

    def _insert_index(self, themes: list[ThemeChoice]) -> int:
        theme = THEMES_BY_KEY.get(self.theme_key)
        if theme is None:
            return len(themes)
        for i, choice in enumerate(themes):
            other = THEMES_BY_KEY.get(choice.theme_key)
            if other is not None and other.order > theme.order:
                return i
        return len(themes)

    def redo(self) -> None:
        themes = self.session.project.themes
        current = self.session.project.theme_choice(self.theme_key)
        self._index = None
        if self.chosen and current is None:
            self._choice = self._choice or ThemeChoice(self.theme_key)
            self._index = self._insert_index(themes)
            themes.insert(self._index, self._choice)
        elif not self.chosen and current is not None:
            self._choice = current
            self._index = themes.index(current)
            del themes[self._index]
        self.session.themesChanged.emit()

    def undo(self) -> None:
        themes = self.session.project.themes
        if self._index is not None:
            if self.chosen:
                del themes[self._index]
            else:
                themes.insert(self._index, self._choice)
        self.session.themesChanged.emit()


class SetThemeRationale(QUndoCommand):
    """Change why a theme was chosen (the local situation and aims)."""

    def __init__(self, session, theme_key: str, text: str, parent: QUndoCommand | None = None):
        super().__init__(f"Toelichting wijzigen: {theme_name(theme_key)}", parent)
        self.session = session
        self.theme_key = theme_key
        choice = session.project.theme_choice(theme_key)
        if choice is None:
            raise KeyError(f"theme {theme_key!r} is not chosen")
        self.old = choice.rationale
        self.new = text

    def _apply(self, text: str) -> None:
        self.session.project.theme_choice(self.theme_key).rationale = text
        self.session.themesChanged.emit()

    def redo(self) -> None:
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)

    def id(self) -> int:
        return _ID_RATIONALE

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetThemeRationale) or other.theme_key != self.theme_key:
            return False
        self.new = other.new
        self.setObsolete(self.new == self.old)
        return True


class AddEntry(QUndoCommand):
    """Append an entry to the shortlist."""

    def __init__(self, session, entry: ShortlistEntry, parent: QUndoCommand | None = None):
        super().__init__(f"Toevoegen aan shortlist: {entry.snapshot.name}", parent)
        self.session = session
        self.entry = entry

    def redo(self) -> None:
        self.session.project.shortlist.append(self.entry)
        self.session.shortlistChanged.emit()

    def undo(self) -> None:
        shortlist = self.session.project.shortlist
        shortlist.remove(self.entry)
        self.session.shortlistChanged.emit()


class RemoveEntry(QUndoCommand):
    """Remove an entry; undo puts it back at the same place with all its plan data."""

    def __init__(self, session, entry_id: str, parent: QUndoCommand | None = None):
        entry = _entry(session, entry_id)
        super().__init__(f"Verwijderen uit shortlist: {entry.snapshot.name}", parent)
        self.session = session
        self.entry_id = entry_id
        self.entry = entry
        self.index = -1

    def redo(self) -> None:
        shortlist = self.session.project.shortlist
        self.entry = _entry(self.session, self.entry_id)
        self.index = shortlist.index(self.entry)
        del shortlist[self.index]
        self.session.shortlistChanged.emit()

    def undo(self) -> None:
        self.session.project.shortlist.insert(self.index, self.entry)
        self.session.shortlistChanged.emit()


class MoveEntry(QUndoCommand):
    """Move an entry to ``new_index`` among the entries of its own theme."""

    def __init__(self, session, entry_id: str, new_index: int, parent: QUndoCommand | None = None):
        entry = _entry(session, entry_id)
        super().__init__(f"Verplaatsen: {entry.snapshot.name}", parent)
        self.session = session
        self.entry_id = entry_id
        self.new_index = new_index
        self.old_flat_index = -1

    def redo(self) -> None:
        shortlist = self.session.project.shortlist
        entry = _entry(self.session, self.entry_id)
        self.old_flat_index = shortlist.index(entry)
        others = [e for e in shortlist if e.theme_key == entry.theme_key and e is not entry]
        del shortlist[self.old_flat_index]
        if not others:
            target = self.old_flat_index
        elif self.new_index < len(others):
            target = shortlist.index(others[max(self.new_index, 0)])
        else:
            target = shortlist.index(others[-1]) + 1
        shortlist.insert(target, entry)
        self.session.shortlistChanged.emit()

    def undo(self) -> None:
        shortlist = self.session.project.shortlist
        entry = _entry(self.session, self.entry_id)
        shortlist.remove(entry)
        shortlist.insert(self.old_flat_index, entry)
        self.session.shortlistChanged.emit()


class _SetEntryAttribute(QUndoCommand):
    attribute = ""

    def __init__(self, session, entry_id: str, value, text: str, parent=None):
        super().__init__(text, parent)
        self.session = session
        self.entry_id = entry_id
        self.old = getattr(_entry(session, entry_id), self.attribute)
        self.new = value

    def _apply(self, value) -> None:
        setattr(_entry(self.session, self.entry_id), self.attribute, value)
        self.session.shortlistChanged.emit()
        self.session.entryChanged.emit(self.entry_id)

    def redo(self) -> None:
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)


class SetEntryStatus(_SetEntryAttribute):
    attribute = "status"

    def __init__(self, session, entry_id: str, status: EntryStatus, parent=None):
        super().__init__(session, entry_id, status, f"Status wijzigen in ‘{status.label}’", parent)


class SetEntryPriority(_SetEntryAttribute):
    attribute = "priority"

    def __init__(self, session, entry_id: str, priority: Priority, parent=None):
        super().__init__(
            session, entry_id, priority, f"Prioriteit wijzigen in ‘{priority.label}’", parent
        )


# The commands on one entry's implementation plan live in their own module.
from gala_desktop.ui.plan_commands import (  # noqa: E402
    PLAN_FIELD_LABELS,
    TEXT_PLAN_FIELDS,
    ReplaceSnapshots,
    SetAccessAnswer,
    SetChecklistItem,
    SetPlanField,
)

__all__ = [
    "AddEntry",
    "MoveEntry",
    "RemoveEntry",
    "ReplaceSnapshots",
    "SetAccessAnswer",
    "SetChecklistItem",
    "SetEntryPriority",
    "SetEntryStatus",
    "SetMetadata",
    "SetPlanField",
    "SetThemeChosen",
    "SetThemeRationale",
    "PLAN_FIELD_LABELS",
    "TEXT_PLAN_FIELDS",
]
