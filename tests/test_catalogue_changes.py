"""Differences between shortlist snapshots and the current catalogue."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from gala_desktop.domain.intervention import Intervention, Listing
from gala_desktop.domain.project import InterventionSnapshot, Project, ShortlistEntry
from gala_desktop.domain.recognition import Databank, RecognitionLevel
from gala_desktop.domain.changes import catalogue_changes, refresh_snapshot, shortlist_keys


def _intervention(key: str, name: str, level: RecognitionLevel, owner: str) -> Intervention:
    return Intervention(
        key=key,
        name=name,
        summary="",
        aim="",
        approach="",
        target_group_text="",
        owner=owner,
        checked_on=dt.date(2026, 11, 23),
        listings=(Listing(Databank.MOVISIE, level, "https://example.org"),),
    )


RESTO = _intervention("resto-vanharte", "Resto VanHarte", RecognitionLevel.WELL_FOUNDED, "Stichting Resto VanHarte")


def _entry(intervention: Intervention, theme: str, entry_id: str) -> ShortlistEntry:
    entry = ShortlistEntry.for_intervention(intervention, theme)
    entry.id = entry_id
    return entry


def test_no_changes():
    project = Project(shortlist=[_entry(RESTO, "eenzaamheid", "e1")])
    assert catalogue_changes(project.shortlist, {RESTO.key: RESTO}) == []


def test_level_change_message():
    old = dataclasses.replace(RESTO, listings=(Listing(Databank.MOVISIE, RecognitionLevel.WELL_DESCRIBED, "u"),))
    project = Project(shortlist=[_entry(old, "eenzaamheid", "e1")])
    [change] = catalogue_changes(project.shortlist, {RESTO.key: RESTO})
    assert change.kind == "level" and change.entry_id == "e1"
    assert change.intervention_key == "resto-vanharte"
    assert (change.old, change.new) == ("goed beschreven", "goed onderbouwd")
    assert change.message == (
        "Erkenningsniveau van ‘Resto VanHarte’ gewijzigd: goed beschreven → goed onderbouwd"
    )


def test_name_and_owner_changes_in_order():
    old = dataclasses.replace(RESTO, name="Resto Van Harte", owner="Stichting Oud")
    project = Project(shortlist=[_entry(old, "eenzaamheid", "e1")])
    changes = catalogue_changes(project.shortlist, {RESTO.key: RESTO})
    assert [c.kind for c in changes] == ["name", "owner"]
    assert changes[0].message == "Naam gewijzigd: ‘Resto Van Harte’ heet nu ‘Resto VanHarte’"
    assert (changes[1].old, changes[1].new) == ("Stichting Oud", "Stichting Resto VanHarte")
    assert "Stichting Oud → Stichting Resto VanHarte" in changes[1].message


def test_removed_intervention_and_one_lookup_per_key():
    gone = _intervention("weg", "Verdwenen Aanpak", RecognitionLevel.NOT_ASSESSED, "")
    project = Project(
        shortlist=[
            _entry(gone, "mantelzorg", "e1"),
            _entry(RESTO, "eenzaamheid", "e2"),
            _entry(gone, "eenzaamheid", "e3"),
        ]
    )
    keys = shortlist_keys(project)
    assert keys == ["weg", "resto-vanharte"]  # each key once: one get_many
    changes = catalogue_changes(project.shortlist, {RESTO.key: RESTO})
    assert [(c.entry_id, c.kind) for c in changes] == [("e1", "removed"), ("e3", "removed")]
    assert changes[0].old == "Verdwenen Aanpak" and changes[0].new == ""
    assert "‘Verdwenen Aanpak’ staat niet meer in de catalogus" in changes[0].message


def test_checked_on_alone_is_not_a_change():
    entry = _entry(RESTO, "eenzaamheid", "e1")
    entry.snapshot = dataclasses.replace(entry.snapshot, checked_on=dt.date(2020, 1, 1))
    assert catalogue_changes([entry], {RESTO.key: RESTO}) == []


def test_refresh_snapshot():
    entry = _entry(RESTO, "eenzaamheid", "e1")
    entry.snapshot = InterventionSnapshot("Oud", RecognitionLevel.UNKNOWN, "")
    fresh = refresh_snapshot(entry, RESTO)
    assert fresh == InterventionSnapshot(
        "Resto VanHarte", RecognitionLevel.WELL_FOUNDED, "Stichting Resto VanHarte", dt.date(2026, 11, 23)
    )
    entry.snapshot = fresh
    assert catalogue_changes([entry], {RESTO.key: RESTO}) == []
    with pytest.raises(ValueError):
        refresh_snapshot(entry, _intervention("ander", "A", RecognitionLevel.UNKNOWN, ""))
