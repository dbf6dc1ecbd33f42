"""Use cases on the project's fields and on one entry's implementation plan, and accepting
changed catalogue facts."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from gala_desktop.domain.changes import refresh_snapshot
from gala_desktop.domain.checklist import merge_checklist
from gala_desktop.domain.project import (
    PLAN_PARTS,
    AccessAspect,
    BudgetLine,
    ChecklistState,
    Project,
    ValueRef,
)
from gala_desktop.operations.edits import Batch, Edit, SetValue
from gala_desktop.operations.workspace import Outcome, Workspace

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
    **{part.attribute: part.title.lower() for part in PLAN_PARTS},  # the plan as a whole
}
TEXT_METADATA_FIELDS = frozenset(METADATA_LABELS) - {"date"}  # typing in these merges

PLAN_FIELD_LABELS: dict[str, str] = {
    "partners": "uitvoerende partners",
    "budget_cents": "budget",
    "budget": "budget",  # the budget lines per year and source
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


def _apply_if_changed(ws: Workspace, edit: SetValue) -> Outcome:
    if edit.is_void():
        return Outcome(False)
    return Outcome(ws.apply(edit))


def metadata_edit(project: Project, field: str, value: Any) -> SetValue:
    if field not in METADATA_LABELS:
        raise ValueError(f"unknown project field {field!r}")
    return SetValue(project, ValueRef("project", "", field), value,
                    f"{METADATA_LABELS[field].capitalize()} wijzigen",
                    merging=field in TEXT_METADATA_FIELDS)


def set_project_field(ws: Workspace, field: str, value: Any) -> Outcome:
    """Gemeente, title, authors, period, date, ... of the project itself."""
    return _apply_if_changed(ws, metadata_edit(ws.project, field, value))


def plan_field_edit(project: Project, entry_id: str, field: str, value: Any) -> SetValue:
    if field not in PLAN_FIELD_LABELS:
        raise ValueError(f"unknown plan field {field!r}")
    if field == "budget_cents":  # one amount for the whole period: an edit of the budget lines,
        field = "budget"  # so that undo gives back every line, not their total as one line
        value = [] if value is None else [BudgetLine(value)]
    return SetValue(project, ValueRef("plan", entry_id, field), value,
                    f"{PLAN_FIELD_LABELS[field].capitalize()} wijzigen",
                    merging=field in TEXT_PLAN_FIELDS)


def set_plan_field(ws: Workspace, entry_id: str, field: str, value: Any) -> Outcome:
    """One field of an entry's implementation plan (not the checklist or access answers)."""
    return _apply_if_changed(ws, plan_field_edit(ws.project, entry_id, field, value))


def access_edit(project: Project, entry_id: str, aspect: AccessAspect, text: str) -> SetValue:
    return SetValue(project, ValueRef("access", entry_id, aspect), text,
                    f"Antwoord wijzigen: {aspect.label.lower()}", merging=True)


def set_access_answer(ws: Workspace, entry_id: str, aspect: AccessAspect, text: str) -> Outcome:
    """Answer one of the four accessibility questions; an empty answer removes it."""
    return _apply_if_changed(ws, access_edit(ws.project, entry_id, aspect, text))


def checklist_edit(project: Project, entry_id: str, index: int,
                   state: ChecklistState | None = None, note: str | None = None) -> SetValue:
    """Tick off a randvoorwaarde (state) and/or change its note. Note edits merge."""
    old_state, old_note = project.value(ValueRef("checklist", entry_id, index))
    if state is not None and note is None:
        text = f"Randvoorwaarde op ‘{state.label}’ zetten"
    else:
        text = "Notitie bij randvoorwaarde wijzigen"
    value = (old_state if state is None else state, old_note if note is None else note)
    note_only = state is None and note is not None
    return SetValue(project, ValueRef("checklist", entry_id, index), value, text,
                    merging=note_only)


def set_checklist_item(ws: Workspace, entry_id: str, index: int,
                       state: ChecklistState | None = None, note: str | None = None) -> Outcome:
    return _apply_if_changed(ws, checklist_edit(ws.project, entry_id, index, state, note))


def accept_catalogue_facts(ws: Workspace, entry_ids: Iterable[str]) -> Outcome:
    """"Catalogusgegevens overnemen": the entries get the catalogue's current name, level and
    owner, and their checklist follows changed randvoorwaarden (new ones open, notes kept).
    Entries whose intervention left the catalogue are left alone."""
    project = ws.project
    entries = [project.require_entry(i) for i in entry_ids]
    current = ws.catalogue.get_many(e.intervention_key for e in entries)
    edits: list[Edit] = []
    for entry in entries:
        intervention = current.get(entry.intervention_key)
        if intervention is None:
            continue
        snapshot = refresh_snapshot(entry, intervention)
        if snapshot != entry.snapshot:
            edits.append(SetValue(project, ValueRef("entry", entry.id, "snapshot"), snapshot, ""))
        checklist = merge_checklist(entry.plan.checklist, intervention.conditions)
        if checklist != entry.plan.checklist:
            edits.append(SetValue(project, ValueRef("plan", entry.id, "checklist"), checklist, ""))
    if not edits:
        return Outcome(False)
    if not ws.apply(Batch("Catalogusgegevens overnemen", edits)):
        return Outcome(False)
    return Outcome(True, "De actuele catalogusgegevens zijn overgenomen.")
