"""Undoable edits of a project, without Qt: each calls one mutator of ``Project`` and says what
changed.

An :class:`Edit` has a Dutch ``text`` (shown as "Ongedaan maken: …"), ``apply``/``revert`` that
return the :class:`Change` they made, and optionally merges with the next edit (typing in one
field is one step). The GUI wraps an edit in one ``QUndoCommand`` (``ui/commands``); the command
line could apply edits directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gala_desktop.domain.project import MISSING, Project, ShortlistEntry, ThemeChoice, ValueRef

# What changed, so that a view refreshes only what it shows.
METADATA = "metadata"  # a project field (key: the field name)
THEMES = "themes"  # the set of chosen themes
RATIONALE = "rationale"  # one theme's rationale (key: theme key)
SHORTLIST = "shortlist"  # entries added, removed or moved
ENTRY = "entry"  # one entry's value (key: entry id, field: status, priority, snapshot,
#                  plan.<field>, access or checklist)


@dataclass(frozen=True, slots=True)
class Change:
    kind: str
    key: str = ""
    field: str = ""


class Edit:
    """One undoable change. Subclasses implement ``apply`` and ``revert``."""

    text: str = ""

    def apply(self, project: Project) -> list[Change]:
        raise NotImplementedError

    def revert(self, project: Project) -> list[Change]:
        raise NotImplementedError

    def merge_key(self) -> object | None:
        """Edits with the same non-None key, pushed one after the other, merge."""
        return None

    def merge(self, other: "Edit") -> None:
        raise NotImplementedError

    def is_void(self) -> bool:
        """True when applying it would change nothing (a merge back to the start value)."""
        return False


def _change_of(ref: ValueRef) -> Change:
    if ref.scope == "project":
        return Change(METADATA, str(ref.name))
    if ref.scope == "rationale":
        return Change(RATIONALE, ref.owner)
    if ref.scope in ("entry",):
        return Change(ENTRY, ref.owner, str(ref.name))
    if ref.scope == "plan":
        return Change(ENTRY, ref.owner, f"plan.{ref.name}")
    return Change(ENTRY, ref.owner, ref.scope)


def _comparable(value: Any) -> Any:
    return "" if value is MISSING else value


class SetValue(Edit):
    """Set one value of the project (any :class:`ValueRef`). With ``merging`` true, following
    edits of the same value merge into this one; merging back to the old value voids it."""

    def __init__(self, project: Project, ref: ValueRef, value: Any, text: str,
                 merging: bool = False) -> None:
        self.ref = ref
        self.text = text
        self.old = project.value(ref)
        self.new = value
        self.merging = merging

    def apply(self, project: Project) -> list[Change]:
        project.set_value(self.ref, self.new)
        return [_change_of(self.ref)]

    def revert(self, project: Project) -> list[Change]:
        project.set_value(self.ref, self.old)
        return [_change_of(self.ref)]

    def merge_key(self) -> object | None:
        return ("set", self.ref) if self.merging else None

    def merge(self, other: Edit) -> None:
        assert isinstance(other, SetValue)
        self.new = other.new

    def is_void(self) -> bool:
        return _comparable(self.new) == _comparable(self.old)


class Batch(Edit):
    """Several edits as one undo step (applied in order, reverted in reverse order)."""

    def __init__(self, text: str, edits: list[Edit]) -> None:
        self.text = text
        self.edits = edits

    def apply(self, project: Project) -> list[Change]:
        return [c for edit in self.edits for c in edit.apply(project)]

    def revert(self, project: Project) -> list[Change]:
        return [c for edit in reversed(self.edits) for c in edit.revert(project)]


class ChooseTheme(Edit):
    """Choose or unchoose a theme; unchoosing keeps its entries, undo restores place and
    rationale."""

    def __init__(self, text: str, theme_key: str, chosen: bool, rationale: str = "") -> None:
        """``rationale``: for choosing, the theme's rationale from before it was unchosen."""
        self.text = text
        self.theme_key = theme_key
        self.chosen = chosen
        self.rationale = rationale
        self._index: int | None = None
        self._choice: ThemeChoice | None = None

    def apply(self, project: Project) -> list[Change]:
        self._index = None
        if self.chosen:
            choice = ThemeChoice(self.theme_key, self.rationale) if self.rationale else None
            self._index = project.choose_theme(self.theme_key, choice)
        else:
            removed = project.unchoose_theme(self.theme_key)
            if removed is not None:
                self._index, self._choice = removed
        return [Change(THEMES)]

    def revert(self, project: Project) -> list[Change]:
        if self._index is not None:
            if self.chosen:
                project.unchoose_theme(self.theme_key)
            else:
                project.restore_theme(self._index, self._choice)
        return [Change(THEMES)]


class AddEntry(Edit):
    def __init__(self, text: str, entry: ShortlistEntry) -> None:
        self.text = text
        self.entry = entry

    def apply(self, project: Project) -> list[Change]:
        project.add_entry(self.entry)
        return [Change(SHORTLIST)]

    def revert(self, project: Project) -> list[Change]:
        project.remove_entry(self.entry.id)
        return [Change(SHORTLIST)]


class RemoveEntry(Edit):
    """Remove an entry; undo puts it back at the same place with all its plan data."""

    def __init__(self, text: str, entry_id: str) -> None:
        self.text = text
        self.entry_id = entry_id
        self._removed: tuple[int, ShortlistEntry] | None = None

    def apply(self, project: Project) -> list[Change]:
        self._removed = project.remove_entry(self.entry_id)
        return [Change(SHORTLIST)]

    def revert(self, project: Project) -> list[Change]:
        index, entry = self._removed
        project.add_entry(entry, index)
        return [Change(SHORTLIST)]


class MoveEntry(Edit):
    """Move an entry to ``new_index`` among the entries of its own theme."""

    def __init__(self, text: str, entry_id: str, new_index: int) -> None:
        self.text = text
        self.entry_id = entry_id
        self.new_index = new_index
        self._old_flat_index = -1

    def apply(self, project: Project) -> list[Change]:
        self._old_flat_index = project.move_entry(self.entry_id, self.new_index)
        return [Change(SHORTLIST)]

    def revert(self, project: Project) -> list[Change]:
        project.place_entry(self.entry_id, self._old_flat_index)
        return [Change(SHORTLIST)]


__all__ = [
    "ENTRY", "METADATA", "RATIONALE", "SHORTLIST", "THEMES",
    "AddEntry", "Batch", "Change", "ChooseTheme", "Edit", "MoveEntry", "RemoveEntry", "SetValue",
]
