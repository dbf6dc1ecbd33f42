"""Atomic file replacement: a file is either the old version or the new one, never half.

The new content goes to a temporary file in the same folder (same file system, so the final
``os.replace`` is atomic), is flushed and fsynced, and only then replaces the target. Before the
replace, the previous file can be copied to ``<name>.bak``. On any failure the target is left
as it was and the temporary file is removed.
"""

from __future__ import annotations

import logging
import os
import stat
import uuid
from pathlib import Path

from gala_desktop.file_errors import write_failure_reason
from gala_desktop.project.errors import ProjectSaveError
from gala_desktop.temp_files import remove_orphans

log = logging.getLogger(__name__)

BACKUP_SUFFIX = ".bak"
TEMP_SUFFIX = ".tmp"

_OPEN_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def backup_path(path: Path) -> Path:
    """``plan.gala`` → ``plan.gala.bak``."""
    return path.with_name(path.name + BACKUP_SUFFIX)


def _temp_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.{uuid.uuid4().hex[:12]}{TEMP_SUFFIX}")


def _write_synced(path: Path, data: bytes, mode: int) -> None:
    """Create ``path`` (which must not exist), write ``data``, flush and fsync."""
    fd = os.open(path, _OPEN_FLAGS, mode)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:  # pragma: no cover - nothing more we can do
        log.warning("Tijdelijk bestand %s kon niet worden verwijderd", path)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it (POSIX)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_backup(target: Path, mode: int) -> None:
    """Copy the current ``target`` to ``target.bak`` (atomically). Failures only log."""
    backup = backup_path(target)
    temp = _temp_path(backup)
    try:
        _write_synced(temp, target.read_bytes(), mode)
        os.replace(temp, backup)
    except OSError as exc:
        # A backup is a courtesy: a locked or read-only .bak must not block saving itself.
        log.warning("Reservekopie %s kon niet worden gemaakt: %s", backup, exc)
        _remove_quietly(temp)
    except BaseException:
        _remove_quietly(temp)
        raise


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
    mode = 0o666  # reduced by the umask, like any new file
    if existed:
        try:
            mode = stat.S_IMODE(target.stat().st_mode)
        except OSError:
            pass
    if existed and target.is_file() and not os.access(target, os.W_OK):
        raise ProjectSaveError(
            "Het bestand is alleen-lezen. Sla het project op onder een andere naam of in een "
            "andere map.",
            Path(path),
            existed=True,
        )
    remove_orphans(target.parent)  # what killed saves left here before
    temp = _temp_path(target)
    try:
        _write_synced(temp, data, mode)
        if existed:
            try:
                os.chmod(temp, mode)  # keep the permissions of the file being replaced
            except OSError:
                pass
        if keep_backup and existed and target.is_file():
            _write_backup(target, mode)
        os.replace(temp, target)
    except OSError as exc:
        _remove_quietly(temp)
        raise ProjectSaveError(write_failure_reason(exc), Path(path), existed=existed) from exc
    except BaseException:
        _remove_quietly(temp)
        raise
    _fsync_folder(target.parent)
