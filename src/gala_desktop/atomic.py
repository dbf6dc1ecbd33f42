"""The one atomic file writer: a file is either its old version or the new one, never half.

Used by project save and recovery, the annex export and the catalogue build. The new content
goes to a temporary file in the same folder (same file system, so the final ``os.replace`` is
atomic), is flushed and fsynced, and only then replaces the target. Optionally the previous file
is first copied to ``<name>.bak``. On any failure — including an interruption — the target is
left as it was and the temporary file is removed. Errors are plain ``OSError``; each caller
turns them into its own Dutch message.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from gala_desktop.temp_files import remove_orphans

log = logging.getLogger(__name__)

BACKUP_SUFFIX = ".bak"
TEMP_SUFFIX = ".tmp"

_OPEN_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
_NEW_FILE_MODE = 0o666  # reduced by the umask, like any new file


def backup_path(path: Path) -> Path:
    """``plan.gala`` → ``plan.gala.bak``."""
    return path.with_name(path.name + BACKUP_SUFFIX)


def temp_path(target: Path) -> Path:
    """A fresh hidden name beside ``target``."""
    return target.with_name(f".{target.name}.{os.urandom(6).hex()}{TEMP_SUFFIX}")


def remove_quietly(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:  # pragma: no cover - nothing more we can do
        log.warning("Tijdelijk bestand %s kon niet worden verwijderd", path)


def _create(path: Path, mode: int, data: bytes = b"") -> None:
    """Create ``path`` (which must not exist), write ``data``, flush and fsync."""
    fd = os.open(path, _OPEN_FLAGS, mode)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


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
    temp = temp_path(backup)
    try:
        _create(temp, mode, target.read_bytes())
        os.replace(temp, backup)
    except OSError as exc:
        # A backup is a courtesy: a locked or read-only .bak must not block saving itself.
        log.warning("Reservekopie %s kon niet worden gemaakt: %s", backup, exc)
        remove_quietly(temp)
    except BaseException:
        remove_quietly(temp)
        raise


def _mode_of(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return _NEW_FILE_MODE & ~_UMASK


def _read_umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


_UMASK = _read_umask()  # read once: changing it later, even briefly, would race other threads


@contextmanager
def replacing(path: Path | str, *, keep_backup: bool = False) -> Iterator[Path]:
    """Yield an empty temporary file beside ``path``; fill it, and on leaving the block it
    replaces ``path`` atomically (permissions of the replaced file kept, ``.bak`` if asked).

    The temporary file is created first, so an unwritable folder fails before any work. A
    symbolic link is followed: the file it points at is replaced and the link stays a link.
    Raises ``OSError``; on any failure the temporary file is removed.
    """
    with _replacing(Path(path), keep_backup, None) as temp:
        yield temp


def write_bytes(path: Path | str, data: bytes, *, keep_backup: bool = False) -> None:
    """Replace ``path`` with ``data`` atomically. Raises ``OSError``; nothing is left behind."""
    with _replacing(Path(path), keep_backup, data):
        pass


@contextmanager
def _replacing(target: Path, keep_backup: bool, data: bytes | None) -> Iterator[Path]:
    if target.is_symlink():
        target = target.resolve()  # OSError/RuntimeError for a link pointing at itself
    existed = target.is_file()
    mode = _mode_of(target) if existed else _NEW_FILE_MODE
    remove_orphans(target.parent)  # what killed saves and exports left here a day ago or more
    temp = temp_path(target)
    try:
        _create(temp, mode, data or b"")
        yield temp
        if data is None:  # filled by the caller: make it durable too
            _fsync_file(temp)
        try:  # keep the permissions of the file being replaced; a new file follows the umask
            os.chmod(temp, mode if existed else _NEW_FILE_MODE & ~_UMASK)
        except OSError:
            pass
        if keep_backup and existed:
            _write_backup(target, mode)
        os.replace(temp, target)
    except BaseException:
        remove_quietly(temp)
        raise
    _fsync_folder(target.parent)
