"""Use cases on the shortlist: add (one rule, one wording), remove, move, status, priority."""

from __future__ import annotations

from gala_desktop.domain.project import EntryStatus, Priority, Project, ShortlistEntry, ValueRef
from gala_desktop.domain.themes import theme_name
from gala_desktop.operations.edits import AddEntry, MoveEntry, RemoveEntry, SetValue
from gala_desktop.operations.workspace import Outcome, Workspace

NO_THEME_HINT = "Kies eerst links een thema (vinkje) om interventies aan toe te voegen."
NOT_IN_CATALOGUE = "Deze interventie staat niet (meer) in de catalogus."


def add_to_shortlist(ws: Workspace, intervention_key: str, theme_key: str | None) -> Outcome:
    """Shortlist a catalogue intervention under a chosen theme. Refused, with the reason, when
    the intervention is not in the catalogue, the theme is not chosen, or it is there already."""
    project = ws.project
    intervention = ws.catalogue.get(intervention_key)
    if intervention is None:
        return Outcome(False, NOT_IN_CATALOGUE)
    if theme_key is None or project.theme_choice(theme_key) is None:
        return Outcome(False, NO_THEME_HINT)
    name, theme = intervention.name, theme_name(theme_key)
    if project.has_entry(intervention_key, theme_key):
        return Outcome(False, f"‘{name}’ staat al op de shortlist onder ‘{theme}’.")
    entry = ShortlistEntry.for_intervention(intervention, theme_key)
    if not ws.apply(AddEntry(f"Toevoegen aan shortlist: {name}", entry)):
        return Outcome(False)
    return Outcome(True, f"‘{name}’ toegevoegd aan ‘{theme}’.", entry.id)


def add_entry(ws: Workspace, entry: ShortlistEntry) -> bool:
    """Put a ready-made entry on the shortlist (restoring, importing); False when refused."""
    return ws.apply(AddEntry(f"Toevoegen aan shortlist: {entry.snapshot.name}", entry))


def remove_entry(ws: Workspace, entry_id: str) -> Outcome:
    entry = ws.project.require_entry(entry_id)
    if not ws.apply(RemoveEntry(f"Verwijderen uit shortlist: {entry.snapshot.name}", entry_id)):
        return Outcome(False)
    return Outcome(True, f"‘{entry.snapshot.name}’ verwijderd uit de shortlist.")


def move_entry(ws: Workspace, entry_id: str, new_index: int) -> Outcome:
    """Move an entry to ``new_index`` among the entries of its own theme."""
    project = ws.project
    entry = project.require_entry(entry_id)
    same_theme = project.entries_for(entry.theme_key)
    new_index = max(0, min(new_index, len(same_theme) - 1))
    if same_theme.index(entry) == new_index:
        return Outcome(False)
    return Outcome(ws.apply(MoveEntry(f"Verplaatsen: {entry.snapshot.name}", entry_id, new_index)))


_CHOICE_TEXTS = {"status": "Status wijzigen in ‘{}’", "priority": "Prioriteit wijzigen in ‘{}’"}


def choice_edit(project: Project, entry_id: str, field: str, value: EntryStatus | Priority) -> SetValue:
    """The edit that sets an entry's status or priority."""
    return SetValue(project, ValueRef("entry", entry_id, field), value,
                    _CHOICE_TEXTS[field].format(value.label))


def _set_choice(ws: Workspace, entry_id: str, field: str, value: EntryStatus | Priority) -> Outcome:
    if getattr(ws.project.require_entry(entry_id), field) is value:
        return Outcome(False)
    return Outcome(ws.apply(choice_edit(ws.project, entry_id, field, value)))


def set_status(ws: Workspace, entry_id: str, status: EntryStatus) -> Outcome:
    return _set_choice(ws, entry_id, "status", status)


def set_priority(ws: Workspace, entry_id: str, priority: Priority) -> Outcome:
    return _set_choice(ws, entry_id, "priority", priority)
