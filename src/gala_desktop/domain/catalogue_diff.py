"""The difference between two catalogues, as the officer sees it before an update.

Pure functions over domain objects: :func:`diff_catalogues` compares the interventions of the
catalogue in use with those of an update, by key. One intervention can have several kinds of
change at once (renamed *and* a higher level).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace

from gala_desktop.domain.intervention import Intervention, Listing
from gala_desktop.domain.project import Project, ShortlistEntry
from gala_desktop.domain.validity import LAPSE_NOTICE, best_level_may_have_lapsed


class DiffKind(enum.Enum):
    ADDED = "added"
    REMOVED = "removed"
    RENAMED = "renamed"
    LEVEL_UP = "level_up"
    LEVEL_DOWN = "level_down"
    LAPSED = "lapsed"
    OTHER = "other"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    DiffKind.ADDED: "Nieuw",
    DiffKind.REMOVED: "Verwijderd",
    DiffKind.RENAMED: "Andere naam",
    DiffKind.LEVEL_UP: "Hoger erkenningsniveau",
    DiffKind.LEVEL_DOWN: "Lager erkenningsniveau",
    DiffKind.LAPSED: "Erkenning vervallen",
    DiffKind.OTHER: "Andere gegevens gewijzigd",
}

# Dutch names of the facts compared for "other facts changed", in field order.
_FACT_LABELS = {
    "summary": "samenvatting",
    "aim": "doel",
    "approach": "aanpak",
    "target_group_text": "doelgroep",
    "owner": "eigenaar",
    "website": "website",
    "costs_note": "kosten",
    "active_elements": "werkzame elementen",
    "theme_keys": "thema's",
    "target_groups": "doelgroepen",
    "listings": "databankvermeldingen",
    "conditions": "randvoorwaarden",
    "sources": "bronnen",
}
# Not facts of their own: the identity, the name (RENAMED) and the dates the facts were checked
# on (a new peildatum alone is no change, as in domain/changes.py).
_NOT_COMPARED = frozenset({"key", "name", "checked_on", "seen_on"})


_LEVEL_KINDS = frozenset({DiffKind.LEVEL_UP, DiffKind.LEVEL_DOWN, DiffKind.LAPSED})


@dataclass(frozen=True, slots=True)
class InterventionDiff:
    """What changed for one intervention; ``old``/``new`` is ``None`` when added/removed."""

    key: str
    kinds: tuple[DiffKind, ...]
    old: Intervention | None
    new: Intervention | None
    changed_facts: tuple[str, ...] = ()  # Dutch names, for OTHER

    @property
    def name(self) -> str:
        return (self.new or self.old).name  # type: ignore[union-attr]

    def describe(self) -> str:
        """One Dutch line, e.g. ‘Naam: A → B; niveau: goed beschreven → goed onderbouwd’."""
        parts: list[str] = []
        old, new = self.old, self.new
        if DiffKind.ADDED in self.kinds:
            parts.append(f"nieuw, {new.best_level.short_label}")  # type: ignore[union-attr]
        if DiffKind.REMOVED in self.kinds:
            parts.append("niet meer in de catalogus")
        if DiffKind.RENAMED in self.kinds:
            parts.append(f"naam: ‘{old.name}’ → ‘{new.name}’")  # type: ignore[union-attr]
        if _LEVEL_KINDS & set(self.kinds):
            if old.best_level is new.best_level:  # type: ignore[union-attr]
                parts.append(f"niveau: {new.best_level.short_label}, {LAPSE_NOTICE}")  # type: ignore[union-attr]
            else:
                parts.append(
                    f"niveau: {old.best_level.short_label} → {new.best_level.short_label}"  # type: ignore[union-attr]
                )
        if DiffKind.OTHER in self.kinds:
            parts.append("gewijzigd: " + ", ".join(self.changed_facts))
        return "; ".join(parts)


@dataclass(frozen=True, slots=True)
class CatalogueDiff:
    items: tuple[InterventionDiff, ...]  # ordered by key
    old_count: int
    new_count: int

    def count(self, kind: DiffKind) -> int:
        return sum(1 for item in self.items if kind in item.kinds)

    def counts(self) -> dict[DiffKind, int]:
        return {kind: self.count(kind) for kind in DiffKind}

    def by_key(self) -> dict[str, InterventionDiff]:
        return {item.key: item for item in self.items}

    def affected_entries(self, project: Project) -> list[tuple[ShortlistEntry, InterventionDiff]]:
        """The shortlist entries of ``project`` whose intervention changes, in shortlist order."""
        changed = self.by_key()
        return [(e, changed[e.intervention_key]) for e in project.shortlist if e.intervention_key in changed]


def _compare(old: Intervention, new: Intervention) -> InterventionDiff | None:
    kinds: list[DiffKind] = []
    if old.name != new.name:
        kinds.append(DiffKind.RENAMED)
    before, after = old.best_level, new.best_level
    # Lapsed: the recognition is gone, or the new catalogue's peildatum is past the databank's
    # validity period (domain/validity.py) where the catalogue in use was not.
    newly_lapsed = best_level_may_have_lapsed(new) and not best_level_may_have_lapsed(old)
    if (before.is_recognised and not after.is_recognised) or newly_lapsed:
        kinds.append(DiffKind.LAPSED)
    elif after.rank > before.rank:
        kinds.append(DiffKind.LEVEL_UP)
    elif after.rank < before.rank:
        kinds.append(DiffKind.LEVEL_DOWN)
    facts = tuple(
        _FACT_LABELS.get(f.name, f.name.replace("_", " "))
        for f in fields(Intervention)
        if f.name not in _NOT_COMPARED and _fact_differs(f.name, old, new, level_changed=bool(_LEVEL_KINDS & set(kinds)))
    )
    if facts:
        kinds.append(DiffKind.OTHER)
    if not kinds:
        return None
    return InterventionDiff(new.key, tuple(kinds), old, new, facts)


def _fact_differs(name: str, old: Intervention, new: Intervention, *, level_changed: bool) -> bool:
    if name != "listings":
        return getattr(old, name) != getattr(new, name)
    # The day a listing was last seen is no change of its own (like the peildatum). A changed
    # best level is reported as such; the listings count as changed only for anything beyond
    # that (another databank, URL, date, note, or a level below the best).
    before = tuple(_unseen(li) for li in old.listings)
    after = tuple(_unseen(li) for li in new.listings)
    if before == after:
        return False
    if len(before) != len(after) or not level_changed:
        return True
    return any(replace(a, level=b.level) != b for a, b in zip(before, after, strict=True))


def _unseen(listing: Listing) -> Listing:
    return replace(listing, seen_on=None)


def diff_catalogues(old: Iterable[Intervention], new: Iterable[Intervention]) -> CatalogueDiff:
    before = {item.key: item for item in old}
    after = {item.key: item for item in new}
    items: list[InterventionDiff] = []
    for key in sorted(before.keys() | after.keys()):
        if key not in after:
            items.append(InterventionDiff(key, (DiffKind.REMOVED,), before[key], None))
        elif key not in before:
            items.append(InterventionDiff(key, (DiffKind.ADDED,), None, after[key]))
        else:
            change = _compare(before[key], after[key])
            if change is not None:
                items.append(change)
    return CatalogueDiff(tuple(items), len(before), len(after))
