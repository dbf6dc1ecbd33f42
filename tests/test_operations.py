"""The use cases of the operations layer, without Qt: one rule and one wording for each."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from gala_desktop.domain.project import (
    AccessAspect,
    ChecklistState,
    EntryStatus,
    InterventionSnapshot,
    Priority,
    Project,
    ShortlistEntry,
    ThemeChoice,
)
from gala_desktop.domain.recognition import RecognitionLevel
from gala_desktop.operations import plan, shortlist, themes
from gala_desktop.operations.edits import Edit
from gala_desktop.operations.shortlist import NO_THEME_HINT, NOT_IN_CATALOGUE
from gala_desktop.operations.workspace import PlainWorkspace


class Recording(PlainWorkspace):
    """Applies edits and keeps them, to revert them in reverse order."""

    def __init__(self, project, catalogue):
        super().__init__(project, catalogue)
        self.done: list[Edit] = []

    def apply(self, edit: Edit) -> bool:
        edit.apply(self.project)
        self.done.append(edit)
        return True

    def undo_all(self) -> None:
        while self.done:
            self.done.pop().revert(self.project)


@pytest.fixture()
def ws(catalogue):
    project = Project(themes=[ThemeChoice("eenzaamheid", "Veel ouderen alleen")])
    project.shortlist.append(
        ShortlistEntry.for_intervention(catalogue.get("de-luisterlijn"), "eenzaamheid"))
    return Recording(project, catalogue)


def test_add_to_shortlist_has_one_rule_and_one_wording(ws):
    before = copy.deepcopy(ws.project)
    refused = [
        shortlist.add_to_shortlist(ws, "bestaat-niet", "eenzaamheid"),
        shortlist.add_to_shortlist(ws, "buurtcirkel", "mantelzorg"),  # theme not chosen
        shortlist.add_to_shortlist(ws, "buurtcirkel", None),
        shortlist.add_to_shortlist(ws, "de-luisterlijn", "eenzaamheid"),
    ]
    assert [o.ok for o in refused] == [False] * 4
    assert [o.message for o in refused[:3]] == [NOT_IN_CATALOGUE, NO_THEME_HINT, NO_THEME_HINT]
    assert refused[3].message == (
        "‘De Luisterlijn’ staat al op de shortlist onder ‘Tegengaan van eenzaamheid’.")
    assert ws.project == before and not ws.done
    added = shortlist.add_to_shortlist(ws, "buurtcirkel", "eenzaamheid")
    assert added.ok and ws.project.shortlist[-1].id == added.entry_id
    assert ws.done[-1].text == "Toevoegen aan shortlist: Buurtcirkel"
    ws.undo_all()
    assert ws.project == before


def test_status_priority_move_remove_and_undo(ws, catalogue):
    shortlist.add_to_shortlist(ws, "buurtcirkel", "eenzaamheid")
    ws.done.clear()
    before = copy.deepcopy(ws.project)
    first, second = ws.project.shortlist
    assert shortlist.set_status(ws, first.id, EntryStatus.CHOSEN).ok
    assert not shortlist.set_status(ws, first.id, EntryStatus.CHOSEN).ok  # no empty undo step
    assert shortlist.set_priority(ws, first.id, Priority.HIGH).ok
    assert shortlist.move_entry(ws, second.id, 0).ok
    assert not shortlist.move_entry(ws, second.id, 0).ok
    assert [e.id for e in ws.project.shortlist] == [second.id, first.id]
    assert shortlist.remove_entry(ws, first.id).message == "‘De Luisterlijn’ verwijderd uit de shortlist."
    assert ws.project.entry(first.id) is None
    ws.undo_all()
    assert ws.project == before


def test_themes_choose_unchoose_and_rationale(ws):
    before = copy.deepcopy(ws.project)
    assert themes.choose_theme(ws, "mantelzorg").ok
    assert ws.project.chosen_theme_keys() == ["mantelzorg", "eenzaamheid"]  # taxonomy order
    assert not themes.choose_theme(ws, "mantelzorg").ok
    assert themes.set_rationale(ws, "eenzaamheid", "Anders").ok
    assert themes.choose_theme(ws, "eenzaamheid", chosen=False).ok
    assert ws.project.entries_for("eenzaamheid")  # entries stay
    ws.undo_all()
    assert ws.project == before


def test_plan_fields_access_checklist_and_metadata(ws):
    entry = ws.project.shortlist[0]
    before = copy.deepcopy(ws.project)
    assert plan.set_plan_field(ws, entry.id, "budget_cents", 125000).ok
    assert not plan.set_plan_field(ws, entry.id, "budget_cents", 125000).ok
    assert plan.set_access_answer(ws, entry.id, AccessAspect.NEARBY, "In elke wijk").ok
    assert not plan.set_access_answer(ws, entry.id, AccessAspect.AFFORDABLE, "").ok
    assert plan.set_checklist_item(ws, entry.id, 0, state=ChecklistState.ARRANGED).ok
    assert plan.set_project_field(ws, "date", dt.date(2027, 1, 1)).ok
    with pytest.raises(ValueError):
        plan.set_plan_field(ws, entry.id, "checklist", [])
    ws.undo_all()
    assert ws.project == before


def test_accept_catalogue_facts_updates_snapshot_and_is_one_step(ws, catalogue):
    entry = ws.project.shortlist[0]
    entry.snapshot = InterventionSnapshot("Oude naam", RecognitionLevel.UNKNOWN, "")
    entry.plan.checklist = entry.plan.checklist[1:]
    before = copy.deepcopy(ws.project)
    outcome = plan.accept_catalogue_facts(ws, [entry.id])
    assert outcome.ok and len(ws.done) == 1
    current = catalogue.get(entry.intervention_key)
    assert entry.snapshot == InterventionSnapshot.of(current)
    assert [i.text for i in entry.plan.checklist] == [c.text for c in current.conditions]
    assert not plan.accept_catalogue_facts(ws, [entry.id]).ok  # nothing left to accept
    ws.undo_all()
    assert ws.project == before


def test_a_whole_period_amount_is_undone_back_to_every_budget_line():
    from gala_desktop.domain.project import BudgetLine, FundingSource, ImplementationPlan
    from gala_desktop.operations.plan import plan_field_edit

    project = Project()
    entry = ShortlistEntry("x", "eenzaamheid", InterventionSnapshot("X", RecognitionLevel.UNKNOWN, ""))
    project.shortlist.append(entry)
    lines = [BudgetLine(10_000, 2025, FundingSource.SPUK), BudgetLine(20_000, 2026)]
    entry.plan = ImplementationPlan(budget=list(lines))
    edit = plan_field_edit(project, entry.id, "budget_cents", 50_000)
    edit.apply(project)
    assert entry.plan.budget == [BudgetLine(50_000)]
    edit.revert(project)
    assert entry.plan.budget == lines
