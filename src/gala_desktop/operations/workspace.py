"""What a use case works on: an open project, the catalogue, and a place to apply edits."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from gala_desktop.domain.catalogue import CatalogueReader
from gala_desktop.domain.project import Project
from gala_desktop.operations.edits import Edit


class Workspace(Protocol):
    """``ui.session.ProjectSession`` is one (edits go onto its undo stack and notify the
    views); :class:`PlainWorkspace` applies edits directly (command line, tests).

    ``apply`` returns False when the workspace refused the edit (a project open read-only; it
    tells the officer why itself): the use case then reports nothing done."""

    project: Project
    catalogue: CatalogueReader

    def apply(self, edit: Edit) -> bool: ...


@dataclass(slots=True)
class PlainWorkspace:
    project: Project
    catalogue: CatalogueReader

    def apply(self, edit: Edit) -> bool:
        edit.apply(self.project)
        return True


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a use case did: ``ok``, a Dutch ``message`` for the status bar (also on refusal;
    empty when the workspace refused the edit and said why itself), and the id of a new
    shortlist entry, if it made one."""

    ok: bool
    message: str = ""
    entry_id: str | None = None
    warning: bool = False  # done, but the officer must be told something is not as asked
