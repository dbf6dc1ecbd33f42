"""Autosave and crash recovery, without Qt.

While a project has unsaved changes the UI calls :meth:`RecoveryStore.write` every minute; the
file ``<session_id>.gala-herstel`` in the recovery folder is a normal project document plus::

    "recovery": {"original_path": "/pad/naar/plan.gala" | null, "saved_at": "2026-11-23T14:05:09+01:00"}

After a clean save or close the UI calls :meth:`discard_session`. At start-up :meth:`pending`
lists what a crashed session left behind, newest first, so the UI can offer to restore it.

Recovery files belong to their owner. The instance writing one holds a lock on it
(``project/lock.py``); :meth:`pending` leaves out files whose lock is live, so a running
instance's work is never offered to — and deleted or restored by — another one. Before offering
a dead instance's file, the UI claims it (:meth:`claim`): only one instance gets it, and only once.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gala_desktop import paths
from gala_desktop.domain.project import Project
from gala_desktop.project.atomic import atomic_write_bytes
from gala_desktop.project.document import (
    document_bytes,
    project_from_dict,
    project_to_dict,
    read_document,
    read_file_bytes,
)
from gala_desktop.project.errors import ProjectFileError
from gala_desktop.project.lock import LockOwner, ProjectLock, acquire, read_lock, take_over
from gala_desktop.project.stamp import FileStamp

log = logging.getLogger(__name__)

RECOVERY_SUFFIX = ".gala-herstel"
_SESSION_ID = re.compile(r"^[A-Za-z0-9_-]{1,100}$")


@dataclass(frozen=True, slots=True)
class RecoveryItem:
    """One recovery file that is waiting to be restored or discarded."""

    path: Path
    original_path: Path | None
    saved_at: dt.datetime
    title: str
    gemeente: str
    # The original file as the work started from it (its last open or save in that session);
    # None when the recovery file does not say (written before this was kept)
    base: FileStamp | None = None


def _check_session_id(session_id: str) -> str:
    if not _SESSION_ID.match(session_id):
        raise ValueError(f"invalid recovery session id: {session_id!r}")
    return session_id


def _now() -> dt.datetime:
    return dt.datetime.now().astimezone().replace(microsecond=0)


def _base_stamp(raw: object) -> FileStamp | None:
    if not isinstance(raw, dict):
        return None
    size, mtime, digest = raw.get("size"), raw.get("mtime_ns"), raw.get("sha256")
    if not (isinstance(size, int) and isinstance(mtime, int) and isinstance(digest, str)):
        return None
    return FileStamp(size, mtime, digest)


def _recovery_info(data: dict[str, Any], file: Path) -> tuple[Path | None, dt.datetime, FileStamp | None]:
    info = data.get("recovery")
    original: Path | None = None
    saved_at: dt.datetime | None = None
    base: FileStamp | None = None
    if isinstance(info, dict):
        base = _base_stamp(info.get("base"))
        if isinstance(info.get("original_path"), str) and info["original_path"]:
            original = Path(info["original_path"])
        if isinstance(info.get("saved_at"), str):
            try:
                saved_at = dt.datetime.fromisoformat(info["saved_at"])
                if saved_at.tzinfo is None:
                    saved_at = saved_at.astimezone()
                saved_at.astimezone()  # must be showable in local time (not year 1 or 9999)
            except (ValueError, OverflowError):
                saved_at = None
    if saved_at is None:  # fall back on the file's own time
        saved_at = dt.datetime.fromtimestamp(file.stat().st_mtime).astimezone()
    return original, saved_at, base


class RecoveryStore:
    """The recovery folder. The default folder is looked up when the store is made."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = Path(directory) if directory is not None else paths.recovery_dir()
        self._locks: dict[Path, ProjectLock] = {}  # our own files and the ones we claimed

    def _lock(self, file: Path, session_id: str) -> bool:
        """Hold the lock on ``file`` (ours already, free, or stale); ``False`` when it is live."""
        if file in self._locks:
            return True
        owner = LockOwner.me(session_id)
        try:
            held = acquire(file, owner)
            if not isinstance(held, ProjectLock) and held.is_stale():
                held = take_over(file, held, owner)
        except OSError as exc:
            log.warning("recovery lock for %s not written: %s", file, exc)
            return True  # a folder without locks still recovers, as before
        if isinstance(held, ProjectLock):
            self._locks[file] = held
            return True
        return False

    def _unlock(self, file: Path) -> None:
        held = self._locks.pop(file, None)
        if held is not None:
            held.release()

    def path_for(self, session_id: str) -> Path:
        return self.directory / f"{_check_session_id(session_id)}{RECOVERY_SUFFIX}"

    def write(self, project: Project, original_path: Path | None, session_id: str,
              base: FileStamp | None = None) -> Path:
        """Atomically (over)write this session's recovery file and return its path. ``base``:
        the original file as this work started from it, so a restore can tell whether the file
        was saved again since (by a colleague, or by the officer after the crash).

        Raises :class:`~gala_desktop.project.errors.ProjectSaveError` when the folder cannot be
        written; the UI may show that once and keep working.
        """
        target = self.path_for(session_id)
        document = project_to_dict(project)
        document["recovery"] = {
            "original_path": str(original_path) if original_path is not None else None,
            "saved_at": _now().isoformat(),
        }
        if base is not None:
            document["recovery"]["base"] = {"size": base.size, "mtime_ns": base.mtime_ns,
                                            "sha256": base.sha256}
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError:
            pass  # the write below reports the problem in Dutch
        self._lock(target, session_id)
        atomic_write_bytes(target, document_bytes(document))
        return target

    def refresh_locks(self) -> None:
        """Show that the files of this instance still have a living owner."""
        for held in self._locks.values():
            held.refresh()

    def claim(self, item: RecoveryItem, session_id: str) -> bool:
        """Take ``item`` for this instance before offering it. ``False`` when another live
        instance owns or has claimed it (then do not offer it)."""
        return self._lock(item.path, session_id)

    def release(self, item: RecoveryItem) -> None:
        """Give a claimed item back, untouched (the officer chose *Later*)."""
        self._unlock(item.path)

    def _read(self, file: Path) -> tuple[dict[str, Any], Project]:
        data = read_document(read_file_bytes(file))
        project = project_from_dict(data)
        return data, project

    def pending(self, *, exclude_session: str | None = None) -> list[RecoveryItem]:
        """Recovery files left behind, newest first. Unreadable ones are skipped (and kept)."""
        if not self.directory.is_dir():
            return []
        skip = self.path_for(exclude_session) if exclude_session else None
        items: list[RecoveryItem] = []
        for file in self.directory.glob(f"*{RECOVERY_SUFFIX}"):
            if file == skip or not file.is_file():
                continue
            lock = read_lock(file) if file not in self._locks else None
            if lock is not None and not lock.is_stale():
                continue  # the work of another instance that is still running
            try:
                data, project = self._read(file)
                original, saved_at, base = _recovery_info(data, file)
            except (ProjectFileError, OSError) as exc:
                log.warning("Herstelbestand %s overgeslagen: %s", file, exc)
                continue
            items.append(RecoveryItem(file, original, saved_at, project.title, project.gemeente, base))
        items.sort(key=lambda item: (item.saved_at, item.path.name), reverse=True)
        return items

    def load(self, item: RecoveryItem) -> Project:
        """The project in a recovery file. Raises a ``ProjectFileError`` naming the file."""
        try:
            return self._read(item.path)[1]
        except ProjectFileError as exc:
            raise exc.for_file(item.path) from exc

    def discard(self, item: RecoveryItem) -> None:
        """Delete one recovery file (missing is fine) and its lock."""
        self._remove(item.path)
        self._unlock(item.path)

    def discard_session(self, session_id: str) -> None:
        """Delete this session's recovery file, after a clean save or close."""
        self._remove(self.path_for(session_id))
        self._unlock(self.path_for(session_id))

    @staticmethod
    def _remove(file: Path) -> None:
        try:
            file.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("Herstelbestand %s kon niet worden verwijderd: %s", file, exc)
