"""The undo commands: redo/undo restore exact state, signals fire, text edits merge."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from gala_desktop.domain.intervention import Condition, ConditionKind, Intervention, Listing
from gala_desktop.domain.project import (
    AccessAspect,
    ChecklistState,
    EntryStatus,
    FundingSource,
    InterventionSnapshot,
    Priority,
    Project,
    ShortlistEntry,
    ThemeChoice,
)
from gala_desktop.domain.recognition import Databank, RecognitionLevel
from gala_desktop.ui import commands as cmd
from gala_desktop.ui.session import ProjectSession


def _intervention(key: str, name: str, level=RecognitionLevel.WELL_DESCRIBED) -> Intervention:
    return Intervention(
        key=key,
        name=name,
        summary="s",
        aim="a",
        approach="b",
        target_group_text="t",
        owner="Eigenaar",
        checked_on=dt.date(2026, 11, 23),
        listings=(Listing(Databank.MOVISIE, level, "https://example.org"),),
        conditions=(
            Condition(ConditionKind.STAFF, "Een coach."),
            Condition(ConditionKind.VOLUNTEERS, "Een vrijwilliger."),
        ),
    )


@pytest.fixture()
def session(qtbot, catalogue):
    s = ProjectSession(catalogue)
    project = Project(gemeente="Zwolle", title="Visie")
    project.themes = [ThemeChoice("sociale-samenhang", "Veel nieuwe wijken."),
                      ThemeChoice("mantelzorg", "Vergrijzing."),
                      ThemeChoice("eenzaamheid", "")]
    for key, name, theme in [
        ("buurtcirkel", "Buurtcirkel", "sociale-samenhang"),
        ("mijn-verhaal", "Mijn Verhaal", "mantelzorg"),
        ("citytrainers", "Citytrainers", "sociale-samenhang"),
        ("de-luisterlijn", "De Luisterlijn", "eenzaamheid"),
        ("community-support", "Community Support", "sociale-samenhang"),
    ]:
        project.shortlist.append(ShortlistEntry.for_intervention(_intervention(key, name), theme))
    s.replace(project, None)
    return s


def _state(session) -> Project:
    return copy.deepcopy(session.project)


def _ids(session, theme_key):
    return [e.intervention_key for e in session.project.entries_for(theme_key)]


def test_set_metadata_merges_typing_into_one_step(session, qtbot):
    before = _state(session)
    with qtbot.waitSignal(session.metadataChanged):
        session.push(cmd.SetMetadata(session, "gemeente", "Zwoll"))
    session.push(cmd.SetMetadata(session, "gemeente", "Zwolle-Zuid"))
    session.push(cmd.SetMetadata(session, "title", "Nieuwe titel"))
    assert session.undo_stack.count() == 2
    assert session.undo_stack.undoText() == "Titel wijzigen"
    session.undo_stack.undo()
    assert session.project.title == "Visie"
    assert session.project.gemeente == "Zwolle-Zuid"
    with qtbot.waitSignal(session.metadataChanged):
        session.undo_stack.undo()
    assert session.project == before
    session.undo_stack.redo()
    assert session.project.gemeente == "Zwolle-Zuid"


def test_set_metadata_copies_author_list(session):
    authors = ["A. de Vries"]
    session.push(cmd.SetMetadata(session, "authors", authors))
    authors.append("B. Jansen")
    assert session.project.authors == ["A. de Vries"]
    session.undo_stack.undo()
    assert session.project.authors == []


def test_merge_back_to_original_value_leaves_no_undo_step(session):
    session.push(cmd.SetMetadata(session, "gemeente", "Zwollee"))
    session.push(cmd.SetMetadata(session, "gemeente", "Zwolle"))
    assert session.undo_stack.count() == 0
    assert not session.is_modified


def test_no_merge_after_save(session):
    session.push(cmd.SetMetadata(session, "gemeente", "Kampen"))
    session.mark_saved()
    session.push(cmd.SetMetadata(session, "gemeente", "Kampen-Zuid"))
    assert session.undo_stack.count() == 2
    session.undo_stack.undo()
    assert not session.is_modified
    assert session.project.gemeente == "Kampen"


def test_unknown_metadata_field_is_refused(session):
    with pytest.raises(ValueError):
        cmd.SetMetadata(session, "shortlist", [])


def test_unchoose_theme_keeps_entries_and_undo_restores_position_and_rationale(session, qtbot):
    before = _state(session)
    with qtbot.waitSignal(session.themesChanged):
        session.push(cmd.SetThemeChosen(session, "mantelzorg", False))
    assert session.project.chosen_theme_keys() == ["sociale-samenhang", "eenzaamheid"]
    assert _ids(session, "mantelzorg") == ["mijn-verhaal"]
    with qtbot.waitSignal(session.themesChanged):
        session.undo_stack.undo()
    assert session.project == before
    assert session.project.themes[1] == ThemeChoice("mantelzorg", "Vergrijzing.")


def test_choose_theme_in_taxonomy_order_and_undo(session):
    before = _state(session)
    session.push(cmd.SetThemeChosen(session, "gezondheidsachterstanden", True))
    session.push(cmd.SetThemeChosen(session, "vrijwilligers-professionals", True))
    assert session.project.chosen_theme_keys() == [
        "gezondheidsachterstanden", "sociale-samenhang", "mantelzorg", "eenzaamheid",
        "vrijwilligers-professionals",
    ]
    assert session.undo_stack.undoText() == (
        "Thema kiezen: Vrijwilligerswerk en professionals in het sociaal domein"
    )
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert session.project == before


def test_choosing_a_chosen_theme_changes_nothing(session):
    before = _state(session)
    session.push(cmd.SetThemeChosen(session, "mantelzorg", True))
    assert session.project == before
    session.undo_stack.undo()
    assert session.project == before


def test_rationale_merges_per_theme(session):
    session.push(cmd.SetThemeRationale(session, "eenzaamheid", "V"))
    session.push(cmd.SetThemeRationale(session, "eenzaamheid", "Veel"))
    session.push(cmd.SetThemeRationale(session, "mantelzorg", "Anders"))
    assert session.undo_stack.count() == 2
    session.undo_stack.undo()
    assert session.project.theme_choice("mantelzorg").rationale == "Vergrijzing."
    assert session.project.theme_choice("eenzaamheid").rationale == "Veel"
    session.undo_stack.undo()
    assert session.project.theme_choice("eenzaamheid").rationale == ""


def test_add_entry_and_undo(session, qtbot):
    before = _state(session)
    entry = ShortlistEntry.for_intervention(_intervention("x", "X-aanpak"), "eenzaamheid")
    with qtbot.waitSignal(session.shortlistChanged):
        session.push(cmd.AddEntry(session, entry))
    assert session.project.shortlist[-1] is entry
    assert session.undo_stack.undoText() == "Toevoegen aan shortlist: X-aanpak"
    session.undo_stack.undo()
    assert session.project == before


def test_remove_entry_undo_restores_index_and_plan(session, qtbot):
    entry = session.project.shortlist[2]
    entry.plan.budget_cents = 1250000
    entry.plan.partners = "Welzijn Zwolle"
    entry.plan.checklist[0].state = ChecklistState.ARRANGED
    entry.plan.access[AccessAspect.NEARBY] = "In elke wijk."
    before = _state(session)
    with qtbot.waitSignal(session.shortlistChanged):
        session.push(cmd.RemoveEntry(session, entry.id))
    assert session.project.entry(entry.id) is None
    assert len(session.project.shortlist) == 4
    session.undo_stack.undo()
    assert session.project == before
    assert session.project.shortlist[2].id == entry.id


def test_move_entry_within_theme_and_undo(session):
    before = _state(session)
    flat_before = [e.id for e in session.project.shortlist]
    last = session.project.entries_for("sociale-samenhang")[-1]
    session.push(cmd.MoveEntry(session, last.id, 0))
    assert _ids(session, "sociale-samenhang") == ["community-support", "buurtcirkel", "citytrainers"]
    # other themes keep their order
    assert _ids(session, "mantelzorg") == ["mijn-verhaal"]
    session.push(cmd.MoveEntry(session, last.id, 5))
    assert _ids(session, "sociale-samenhang") == ["buurtcirkel", "citytrainers", "community-support"]
    session.push(cmd.MoveEntry(session, last.id, 1))
    assert _ids(session, "sociale-samenhang") == ["buurtcirkel", "community-support", "citytrainers"]
    for _ in range(3):
        session.undo_stack.undo()
    assert [e.id for e in session.project.shortlist] == flat_before
    assert session.project == before


def test_status_and_priority_and_undo(session, qtbot):
    entry = session.project.shortlist[0]
    before = _state(session)
    with qtbot.waitSignal(session.entryChanged), qtbot.waitSignal(session.entryFieldChanged) as blocker:
        session.push(cmd.SetEntryStatus(session, entry.id, EntryStatus.CHOSEN))
    assert blocker.args == [entry.id, "status"]
    assert session.undo_stack.undoText() == "Status wijzigen in ‘Gekozen’"
    session.push(cmd.SetEntryPriority(session, entry.id, Priority.HIGH))
    assert (entry.status, entry.priority) == (EntryStatus.CHOSEN, Priority.HIGH)
    session.undo_stack.undo()
    assert entry.priority is Priority.MEDIUM
    with qtbot.waitSignal(session.entryFieldChanged):
        session.undo_stack.undo()
    assert session.project == before


def test_plan_text_fields_merge_per_entry_and_field(session, qtbot):
    a, b = session.project.shortlist[:2]
    with qtbot.waitSignal(session.entryChanged) as blocker:
        session.push(cmd.SetPlanField(session, a.id, "partners", "W"))
    assert blocker.args == [a.id]
    session.push(cmd.SetPlanField(session, a.id, "partners", "Welzijn"))
    session.push(cmd.SetPlanField(session, b.id, "partners", "GGD"))
    session.push(cmd.SetPlanField(session, b.id, "notes", "Let op"))
    assert session.undo_stack.count() == 3
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert (a.plan.partners, b.plan.partners) == ("Welzijn", "")
    session.undo_stack.undo()
    assert a.plan.partners == ""


def test_plan_value_fields_do_not_merge_and_undo_exactly(session):
    entry = session.project.shortlist[0]
    before = _state(session)
    session.push(cmd.SetPlanField(session, entry.id, "budget_cents", 1250000))
    session.push(cmd.SetPlanField(session, entry.id, "budget_cents", 1300000))
    session.push(cmd.SetPlanField(session, entry.id, "funding_source", FundingSource.SPUK))
    session.push(cmd.SetPlanField(session, entry.id, "start", dt.date(2027, 1, 1)))
    session.push(cmd.SetPlanField(session, entry.id, "reach", 120))
    assert session.undo_stack.count() == 5
    assert entry.plan.budget_cents == 1300000
    session.undo_stack.undo()
    assert entry.plan.reach is None
    while session.undo_stack.canUndo():
        session.undo_stack.undo()
    assert session.project == before


def test_unknown_plan_field_is_refused(session):
    with pytest.raises(ValueError):
        cmd.SetPlanField(session, session.project.shortlist[0].id, "checklist", [])


def test_checklist_state_and_note(session, qtbot):
    entry = session.project.shortlist[0]
    before = _state(session)
    with qtbot.waitSignal(session.entryChanged):
        session.push(cmd.SetChecklistItem(session, entry.id, 1, state=ChecklistState.ARRANGED))
    assert session.undo_stack.undoText() == "Randvoorwaarde op ‘Geregeld’ zetten"
    session.push(cmd.SetChecklistItem(session, entry.id, 1, note="Via"))
    session.push(cmd.SetChecklistItem(session, entry.id, 1, note="Via vrijwilligerscentrale"))
    session.push(cmd.SetChecklistItem(session, entry.id, 0, note="Coach"))
    assert session.undo_stack.count() == 3
    item = entry.plan.checklist[1]
    assert (item.state, item.note) == (ChecklistState.ARRANGED, "Via vrijwilligerscentrale")
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert (item.state, item.note) == (ChecklistState.ARRANGED, "")
    session.undo_stack.undo()
    assert session.project == before


def test_access_answer_merges_and_empty_answer_removes(session):
    entry = session.project.shortlist[0]
    before = _state(session)
    for text in ("J", "Ja", "Ja, gratis"):
        session.push(cmd.SetAccessAnswer(session, entry.id, AccessAspect.AFFORDABLE, text))
    assert session.undo_stack.count() == 1
    assert entry.plan.access == {AccessAspect.AFFORDABLE: "Ja, gratis"}
    session.push(cmd.SetAccessAnswer(session, entry.id, AccessAspect.NEARBY, "Ja"))
    session.push(cmd.SetAccessAnswer(session, entry.id, AccessAspect.NEARBY, ""))
    # typing an answer and deleting it again leaves no step behind
    assert session.undo_stack.count() == 1
    assert AccessAspect.NEARBY not in entry.plan.access
    session.undo_stack.undo()
    assert session.project == before
    assert entry.plan.access == {}


def test_replace_snapshots_and_undo(session, qtbot):
    a, b = session.project.shortlist[:2]
    before = _state(session)
    new = InterventionSnapshot("Buurtcirkel 2.0", RecognitionLevel.WELL_FOUNDED, "Pameijer",
                               dt.date(2026, 11, 23))
    with qtbot.waitSignal(session.entryChanged), qtbot.waitSignal(session.entryFieldChanged) as blocker:
        session.push(cmd.ReplaceSnapshots(session, {a.id: new}))
    assert blocker.args == [a.id, "snapshot"]
    assert a.snapshot == new
    assert b.snapshot == before.shortlist[1].snapshot
    session.undo_stack.undo()
    assert session.project == before


def test_every_command_has_dutch_undo_text(session):
    entry = session.project.shortlist[0]
    commands = [
        cmd.SetMetadata(session, "period", "2027-2030"),
        cmd.SetThemeChosen(session, "mantelzorg", False),
        cmd.SetThemeRationale(session, "mantelzorg", "x"),
        cmd.AddEntry(session, ShortlistEntry.for_intervention(_intervention("y", "Y"), "mantelzorg")),
        cmd.RemoveEntry(session, entry.id),
        cmd.MoveEntry(session, entry.id, 1),
        cmd.SetEntryStatus(session, entry.id, EntryStatus.DROPPED),
        cmd.SetEntryPriority(session, entry.id, Priority.LOW),
        cmd.SetPlanField(session, entry.id, "monitoring", "x"),
        cmd.SetChecklistItem(session, entry.id, 0, note="x"),
        cmd.SetAccessAnswer(session, entry.id, AccessAspect.SUITABLE, "x"),
        cmd.ReplaceSnapshots(session, {entry.id: entry.snapshot}),
    ]
    texts = [c.text() for c in commands]
    assert all(texts) and len(set(texts)) == len(texts)
    assert "Periode wijzigen" in texts
