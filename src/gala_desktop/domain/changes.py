"""What changed in the catalogue since entries were shortlisted.

Each :class:`ShortlistEntry` keeps a snapshot of the facts it was chosen with (name, level,
owner). :func:`catalogue_changes` compares those with the current catalogue so the officer
can be told, and :func:`refresh_snapshot` gives the new snapshot for an "accept changes" action.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from gala_desktop.domain.intervention import Intervention
from gala_desktop.domain.project import InterventionSnapshot, Project, ShortlistEntry

ChangeKind = Literal["removed", "name", "level", "owner"]

@dataclass(frozen=True, slots=True)
class EntryChange:
    """One difference between an entry's snapshot and the catalogue.

    ``old`` and ``new`` are the values as shown to the user (for ``level`` the Dutch short
    label); for ``removed`` ``old`` is the remembered name and ``new`` is empty.
    """

    entry_id: str
    intervention_key: str
    kind: ChangeKind
    old: str
    new: str
    message: str


def _entry_changes(entry: ShortlistEntry, current: Intervention | None) -> list[EntryChange]:
    snap = entry.snapshot
    key = entry.intervention_key
    if current is None:
        return [
            EntryChange(
                entry.id,
                key,
                "removed",
                snap.name,
                "",
                f"‘{snap.name}’ staat niet meer in de catalogus. De gegevens in uw project "
                "blijven bewaard.",
            )
        ]
    changes: list[EntryChange] = []
    if current.name != snap.name:
        changes.append(
            EntryChange(
                entry.id,
                key,
                "name",
                snap.name,
                current.name,
                f"Naam gewijzigd: ‘{snap.name}’ heet nu ‘{current.name}’",
            )
        )
    level = current.best_level
    if level is not snap.level:
        old, new = snap.level.short_label, level.short_label
        changes.append(
            EntryChange(
                entry.id,
                key,
                "level",
                old,
                new,
                f"Erkenningsniveau van ‘{current.name}’ gewijzigd: {old} → {new}",
            )
        )
    if current.owner != snap.owner:
        old_owner = snap.owner or "onbekend"
        new_owner = current.owner or "onbekend"
        changes.append(
            EntryChange(
                entry.id,
                key,
                "owner",
                snap.owner,
                current.owner,
                f"Eigenaar van ‘{current.name}’ gewijzigd: {old_owner} → {new_owner}",
            )
        )
    return changes


def catalogue_changes(
    entries: Iterable[ShortlistEntry], current: Mapping[str, Intervention]
) -> list[EntryChange]:
    """All differences, in the order of ``entries``; ``current`` holds the catalogue's
    interventions by key (``catalogue.get_many(...)``), an absent key means "removed"."""
    changes: list[EntryChange] = []
    for entry in entries:
        found = current.get(entry.intervention_key)
        if found is None and entry.snapshot.own is not None:
            found = entry.snapshot.own  # an own intervention not in this computer's library
        changes.extend(_entry_changes(entry, found))
    return changes


def shortlist_keys(project: Project) -> list[str]:
    """The intervention keys on the shortlist, each once, for one ``get_many``."""
    return list(dict.fromkeys(e.intervention_key for e in project.shortlist))


def refresh_snapshot(entry: ShortlistEntry, intervention: Intervention) -> InterventionSnapshot:
    """The snapshot ``entry`` gets when the officer accepts the catalogue's current facts."""
    if intervention.key != entry.intervention_key:
        raise ValueError(
            f"intervention {intervention.key!r} does not belong to entry {entry.intervention_key!r}"
        )
    return InterventionSnapshot.of(intervention)
