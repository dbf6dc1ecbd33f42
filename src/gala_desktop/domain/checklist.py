"""Bring an entry's checklist up to date with the catalogue's current randvoorwaarden.

Used by "Catalogusgegevens overnemen": a condition that is still in the catalogue keeps the
officer's state and note; a new one is added as an open item; one that left the catalogue is
dropped when the officer never touched it, and otherwise kept with a remark in its note.
A domain rule: plain data in, plain data out.
"""

from __future__ import annotations

from collections.abc import Iterable

from gala_desktop.domain.intervention import Condition
from gala_desktop.domain.project import ChecklistItem, ChecklistState

REMOVED_REMARK = "Staat niet meer in de catalogus."


def _key(kind, text: str) -> tuple:
    return kind, " ".join(text.split()).casefold()


def _touched(item: ChecklistItem) -> bool:
    return item.state is not ChecklistState.OPEN or bool(item.note.strip())


def merge_checklist(items: list[ChecklistItem], conditions: Iterable[Condition]) -> list[ChecklistItem]:
    """A new checklist in catalogue order, then the removed items the officer worked on."""
    kept = {_key(item.kind, item.text): item for item in items}
    result: list[ChecklistItem] = []
    current: set[tuple] = set()
    for condition in conditions:
        key = _key(condition.kind, condition.text)
        current.add(key)
        old = kept.get(key)
        if old is None:
            result.append(ChecklistItem(kind=condition.kind, text=condition.text))
        else:
            note = old.note
            if note.startswith(REMOVED_REMARK):  # it came back
                note = note[len(REMOVED_REMARK):].lstrip()
            result.append(ChecklistItem(kind=condition.kind, text=condition.text,
                                        state=old.state, note=note))
    for item in items:
        if _key(item.kind, item.text) in current or not _touched(item):
            continue
        note = item.note if item.note.startswith(REMOVED_REMARK) else (
            f"{REMOVED_REMARK} {item.note}".strip()
        )
        result.append(ChecklistItem(kind=item.kind, text=item.text, state=item.state, note=note))
    return result


def checklist_changes(items: list[ChecklistItem], conditions: Iterable[Condition]) -> tuple[int, int]:
    """(new, removed): how many catalogue conditions the checklist lacks, and how many of its
    items the catalogue no longer has (items already marked as removed are not counted)."""
    mine = {_key(i.kind, i.text) for i in items if not i.note.startswith(REMOVED_REMARK)}
    theirs = {_key(c.kind, c.text) for c in conditions}
    return len(theirs - mine), len(mine - theirs)


__all__ = ["REMOVED_REMARK", "checklist_changes", "merge_checklist"]
