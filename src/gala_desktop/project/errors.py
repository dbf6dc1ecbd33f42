"""Errors of the project-file layer.

``str(error)`` is a complete Dutch message for the user that names the file (when one is known)
and says whether the file on disk was changed. ``detail`` holds just the reason, so that an
error raised while decoding a dict can be given a file name later with :meth:`for_file`.
"""

from __future__ import annotations

import copy
from pathlib import Path


def _quoted(path: Path | None, fallback: str) -> str:
    return f"‘{path.name}’" if path is not None else fallback


class ProjectFileError(Exception):
    """A project file could not be read or written. ``str()`` is the Dutch user message."""

    def __init__(self, detail: str, path: Path | str | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.path = Path(path) if path is not None else None

    def for_file(self, path: Path | str) -> "ProjectFileError":
        """A copy of this error that names ``path``."""
        clone = copy.copy(self)
        clone.path = Path(path)
        return clone

    def _headline(self) -> str:
        name = _quoted(self.path, "")
        subject = f"Het projectbestand {name}" if name else "Het projectbestand"
        return f"{subject} kan niet worden geopend."

    def _footer(self) -> str:
        return "Het bestand is niet gewijzigd."

    def __str__(self) -> str:
        parts = [self._headline(), self.detail, self._footer()]
        return " ".join(p for p in parts if p)


class CorruptProjectError(ProjectFileError):
    """The file is damaged, incomplete or does not follow the project format."""

    def _headline(self) -> str:
        name = _quoted(self.path, "")
        subject = f"Het projectbestand {name}" if name else "Het projectbestand"
        return f"{subject} is beschadigd of onvolledig en kan niet worden geopend."


class NewerFormatError(ProjectFileError):
    """The file was saved by a newer version of the program."""

    def __init__(
        self,
        detail: str,
        path: Path | str | None = None,
        *,
        file_version: int | None = None,
        saved_with: str = "",
    ) -> None:
        super().__init__(detail, path)
        self.file_version = file_version
        self.saved_with = saved_with

    def _headline(self) -> str:
        name = _quoted(self.path, "")
        subject = f"Het projectbestand {name}" if name else "Het projectbestand"
        made_with = f" ({self.saved_with})" if self.saved_with else ""
        return f"{subject} is gemaakt met een nieuwere versie van GALA Desktop{made_with}."

    def _footer(self) -> str:
        return "Het bestand is niet gewijzigd en wordt ook niet overschreven."


class NotAProjectError(ProjectFileError):
    """The file is readable but is not a GALA Desktop project."""

    def _headline(self) -> str:
        name = _quoted(self.path, "")
        subject = f"Het bestand {name}" if name else "Dit bestand"
        return f"{subject} is geen GALA Desktop-project."


class UnreadableProjectError(ProjectFileError):
    """The file could not be read at all (missing, no permission, a folder, ...)."""


class ProjectSaveError(ProjectFileError):
    """Saving failed; the existing file (if any) is untouched."""

    def __init__(self, detail: str, path: Path | str | None = None, *, existed: bool = False) -> None:
        super().__init__(detail, path)
        self.existed = existed

    def _headline(self) -> str:
        name = _quoted(self.path, "")
        subject = f"Het project kon niet worden opgeslagen als {name}." if name else (
            "Het project kon niet worden opgeslagen."
        )
        return subject

    def _footer(self) -> str:
        if self.existed:
            return "Het bestaande bestand is niet gewijzigd. Uw wijzigingen zijn nog niet opgeslagen."
        return "Uw wijzigingen zijn nog niet opgeslagen."
