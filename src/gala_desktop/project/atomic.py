"""Saving a project file atomically, with Dutch messages (the writer is ``gala_desktop.atomic``)."""

from __future__ import annotations

import os
from pathlib import Path

from gala_desktop import atomic
from gala_desktop.atomic import backup_path
from gala_desktop.file_errors import write_failure_reason
from gala_desktop.project.errors import ProjectSaveError

__all__ = ["atomic_write_bytes", "backup_path"]


def atomic_write_bytes(path: Path | str, data: bytes, *, keep_backup: bool = False) -> None:
    """Replace ``path`` with ``data`` atomically, optionally keeping the old file as ``.bak``.

    Raises :class:`ProjectSaveError` (Dutch message) on any ``OSError``; the existing file is
    then untouched and no temporary file is left behind.
    """
    target = Path(path)
    if target.is_symlink():  # write where the link points, so the link stays a link
        try:
            target = target.resolve()
        except (OSError, RuntimeError):  # a link that (indirectly) points at itself
            raise ProjectSaveError(
                "Dit is een snelkoppeling die naar zichzelf verwijst. Sla het project op onder "
                "een andere naam.",
                Path(path),
                existed=True,
            ) from None
    existed = target.exists()
    if existed and target.is_file() and not os.access(target, os.W_OK):
        raise ProjectSaveError(
            "Het bestand is alleen-lezen. Sla het project op onder een andere naam of in een "
            "andere map.",
            Path(path),
            existed=True,
        )
    try:
        atomic.write_bytes(target, data, keep_backup=keep_backup)
    except OSError as exc:
        raise ProjectSaveError(write_failure_reason(exc), Path(path), existed=existed) from exc
