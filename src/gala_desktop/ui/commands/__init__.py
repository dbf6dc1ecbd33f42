"""Undo commands. Every change to the open project is an edit of the operations layer
(``gala_desktop.operations.edits``) wrapped in the one :class:`EditCommand`.

The names below build the command for one kind of change; views do not use them (they call the
use cases in ``gala_desktop.operations``), they remain for scripts and tests that push a
specific change.
"""

from __future__ import annotations

from gala_desktop.domain.project import (
    AccessAspect,
    ChecklistItem,
    ChecklistState,
    EntryStatus,
    InterventionSnapshot,
    Priority,
    ShortlistEntry,
    ValueRef,
)
from gala_desktop.operations import edits
from gala_desktop.operations.plan import (
    METADATA_LABELS,
    PLAN_FIELD_LABELS,
    TEXT_METADATA_FIELDS,
    TEXT_PLAN_FIELDS,
    access_edit,
    checklist_edit,
    metadata_edit,
    plan_field_edit,
)
from gala_desktop.operations.shortlist import choice_edit
from gala_desktop.operations.themes import rationale_edit, theme_choice_edit
from gala_desktop.ui.commands.edit_command import EditCommand


def SetMetadata(session, field: str, value) -> EditCommand:  # noqa: N802 - reads as a command
    return EditCommand(session, metadata_edit(session.project, field, value))


def SetThemeChosen(session, theme_key: str, chosen: bool) -> EditCommand:  # noqa: N802
    return EditCommand(session, theme_choice_edit(theme_key, chosen))


def SetThemeRationale(session, theme_key: str, text: str) -> EditCommand:  # noqa: N802
    return EditCommand(session, rationale_edit(session.project, theme_key, text))


def AddEntry(session, entry: ShortlistEntry) -> EditCommand:  # noqa: N802
    return EditCommand(session, edits.AddEntry(f"Toevoegen aan shortlist: {entry.snapshot.name}", entry))


def RemoveEntry(session, entry_id: str) -> EditCommand:  # noqa: N802
    name = session.project.require_entry(entry_id).snapshot.name
    return EditCommand(session, edits.RemoveEntry(f"Verwijderen uit shortlist: {name}", entry_id))


def MoveEntry(session, entry_id: str, new_index: int) -> EditCommand:  # noqa: N802
    name = session.project.require_entry(entry_id).snapshot.name
    return EditCommand(session, edits.MoveEntry(f"Verplaatsen: {name}", entry_id, new_index))


def SetEntryStatus(session, entry_id: str, status: EntryStatus) -> EditCommand:  # noqa: N802
    return EditCommand(session, choice_edit(session.project, entry_id, "status", status))


def SetEntryPriority(session, entry_id: str, priority: Priority) -> EditCommand:  # noqa: N802
    return EditCommand(session, choice_edit(session.project, entry_id, "priority", priority))


def SetPlanField(session, entry_id: str, field: str, value) -> EditCommand:  # noqa: N802
    return EditCommand(session, plan_field_edit(session.project, entry_id, field, value))


def SetChecklistItem(session, entry_id: str, index: int, state: ChecklistState | None = None,  # noqa: N802
                     note: str | None = None) -> EditCommand:
    return EditCommand(session, checklist_edit(session.project, entry_id, index, state, note))


def SetAccessAnswer(session, entry_id: str, aspect: AccessAspect, text: str) -> EditCommand:  # noqa: N802
    return EditCommand(session, access_edit(session.project, entry_id, aspect, text))


def ReplaceSnapshots(session, snapshots: dict[str, InterventionSnapshot],  # noqa: N802
                     checklists: dict[str, list[ChecklistItem]] | None = None) -> EditCommand:
    project = session.project
    parts: list[edits.Edit] = [
        edits.SetValue(project, ValueRef("plan", k, "checklist"), v, "")
        for k, v in (checklists or {}).items()
    ]
    parts += [edits.SetValue(project, ValueRef("entry", k, "snapshot"), v, "")
              for k, v in snapshots.items()]
    return EditCommand(session, edits.Batch("Catalogusgegevens overnemen", parts))


__all__ = [
    "METADATA_LABELS", "PLAN_FIELD_LABELS", "TEXT_METADATA_FIELDS", "TEXT_PLAN_FIELDS",
    "AddEntry", "EditCommand", "MoveEntry", "RemoveEntry", "ReplaceSnapshots", "SetAccessAnswer",
    "SetChecklistItem", "SetEntryPriority", "SetEntryStatus", "SetMetadata", "SetPlanField",
    "SetThemeChosen", "SetThemeRationale",
]
