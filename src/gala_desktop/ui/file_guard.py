"""Guarding the open project file on a share: its lock, and what it looked like on disk.

:class:`FileGuard` holds this window's lock on the open file and the stamp of what was loaded
or last saved. The file flows (``file_actions.py``) ask it before opening (is the file in use?)
and before saving (did it change on disk?). The rules themselves are Qt-free in
``project/lock.py`` and ``project/stamp.py``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from gala_desktop.project.document import changed_since
from gala_desktop.project.lock import LockInfo, LockOwner, ProjectLock, acquire, read_lock, take_over
from gala_desktop.project.stamp import FileStamp

log = logging.getLogger(__name__)


class FileGuard:
    def __init__(self, session_id: str) -> None:
        self.session_id = session_id
        self.lock: ProjectLock | None = None
        self.stamp: FileStamp | None = None

    def owner(self) -> LockOwner:
        return LockOwner.me(self.session_id)

    def try_lock(self, path: Path) -> ProjectLock | LockInfo | None:
        """Lock ``path`` for this window: the lock, the holder's :class:`LockInfo`, or ``None``
        when no lock can be written there (a read-only folder: nobody can save there anyway)."""
        if self.lock is not None and self.lock.target == path:
            return self.lock
        try:
            return acquire(path, self.owner())
        except OSError as exc:
            log.warning("no lock file beside %s: %s", path, exc)
            return None

    def take_over(self, path: Path, stale: LockInfo) -> ProjectLock | LockInfo | None:
        try:
            return take_over(path, stale, self.owner())
        except OSError as exc:
            log.warning("stale lock beside %s not taken over: %s", path, exc)
            return None

    def hold(self, lock: ProjectLock | None, stamp: FileStamp | None) -> None:
        """From now on guard this file (releasing the lock of the previous one)."""
        if self.lock is not None and self.lock is not lock:
            self.lock.release()
        self.lock = lock
        self.stamp = stamp

    def release(self) -> None:
        self.hold(None, None)

    def refresh(self) -> None:
        if self.lock is not None:
            self.lock.refresh()

    def changed_by(self, path: Path) -> str | None:
        """``None`` when ``path`` is as this window last saw it; otherwise who changed it —
        named when a lock beside it says so, else ``""``."""
        if not changed_since(path, self.stamp):
            return None
        info = read_lock(path)
        if info is None or info.owner is None or info.owner.is_mine(self.session_id):
            return ""
        return f"{info.owner.user} op {info.owner.computer}"
