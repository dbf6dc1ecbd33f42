"""New, Open, Save, Save as, recent files, the unsaved-changes prompt, autosave and recovery.

Every question to the user goes through ``file_questions.Dialogs``, a thin layer over
``QFileDialog`` and ``QMessageBox``; tests replace it with a scripted one, so the flows can be
driven without modal dialogs. The real dialogs are covered separately.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMenu, QWidget

from gala_desktop.domain.project import Project
from gala_desktop.project.document import FILE_SUFFIX, ProjectFileError, save_project
from gala_desktop.project.lock import LockInfo, ProjectLock
from gala_desktop.project.recovery import RecoveryItem, RecoveryStore
from gala_desktop.project.stamp import UNKNOWN as UNKNOWN_BASE
from gala_desktop.ui import shared_file_dialogs as shared
from gala_desktop.ui.background_load import load_in_background
from gala_desktop.ui.file_guard import FileGuard
from gala_desktop.ui.file_questions import (
    DISCARD,
    RESTORE,
    SAVE,
    UNTITLED,
    Dialogs,
    same_file,
    with_suffix,
)
from gala_desktop.ui.session import ProjectSession
from gala_desktop.ui.settings import AppSettings

log = logging.getLogger(__name__)

AUTOSAVE_INTERVAL_MS = 60_000

def _safe_file_name(text: str) -> str:
    cleaned = "".join(c for c in text if c not in '<>:"/\\|?*').strip(" .")
    return cleaned[:80]


class FileActions(QObject):
    """The file flows of one main window and its session."""

    statusMessage = Signal(str)

    def __init__(
        self,
        window: QWidget,
        session: ProjectSession,
        settings: AppSettings,
        *,
        autosave_interval_ms: int = AUTOSAVE_INTERVAL_MS,
        recovery_store: RecoveryStore | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.settings = settings
        self.dialogs = Dialogs()
        self.recovery = recovery_store or RecoveryStore()
        self.session_id = os.urandom(16).hex()  # as random as uuid4, without importing uuid
        self.guard = FileGuard(self.session_id)
        self.loading = False  # a file is being read (the window waits in a local event loop)
        self._autosave_error_shown = False
        # callables that commit values still being typed; each returns refused field names
        self.pending_edits: list[Callable[[], list[str]]] = []
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(autosave_interval_ms)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()

    # -- names --------------------------------------------------------------------------------

    def display_name(self) -> str:
        return self.session.path.name if self.session.path else UNTITLED

    def _suggested_path(self) -> str:
        if self.session.path:
            return str(self.session.path)
        project = self.session.project
        stem = _safe_file_name(" – ".join(p for p in (project.title, project.gemeente) if p))
        directory = self.settings.last_directory or str(Path.home())
        return str(Path(directory) / f"{stem or 'Beleidsvisie'}{FILE_SUFFIX}")

    # -- the unsaved-changes prompt -----------------------------------------------------------

    def commit_pending_edits(self) -> list[str]:
        """Commit what is still being typed in the fields; the names of refused fields."""
        refused: list[str] = []
        for commit in self.pending_edits:
            refused += commit()
        return refused

    def maybe_save_changes(self) -> bool:
        """``True`` when it is fine to drop the current project (saved, discarded or clean)."""
        refused = self.commit_pending_edits()
        if refused:  # dropping the project now would lose the typed text without a word
            names = ", ".join(f"‘{name}’" for name in refused)
            self.dialogs.error(
                self.window,
                "Waarde klopt niet",
                f"In het veld {names} staat een waarde die niet klopt. Verbeter of wis die "
                "eerst; anders gaat wat u typte verloren.",
            )
            return False
        if not self.session.is_modified:
            return True
        answer = self.dialogs.ask_save_changes(self.window, self.display_name())
        if answer == SAVE:
            return self.save()
        return answer == DISCARD

    # -- New / Open ---------------------------------------------------------------------------

    def new_project(self) -> bool:
        if not self.maybe_save_changes():
            return False
        self.recovery.discard_session(self.session_id)
        self.guard.release()
        self.session.replace(Project(), None)
        self.statusMessage.emit("Nieuw project gestart.")
        return True

    def open_project(self, path: Path | None = None) -> bool:
        """Open ``path`` (or ask for one). A file that cannot be read changes nothing."""
        if not self.maybe_save_changes():
            return False
        if path is None:
            path = self.dialogs.open_path(self.window, self.settings.last_directory)
            if path is None:
                return False
        return self.load(path)

    def load(self, path: Path) -> bool:
        """Replace the session's project by the file at ``path`` without asking about changes.

        A file in use elsewhere (its lock is live, or stale) is opened only as the officer
        chooses: read-only, as a copy, or — when stale — anyway.
        """
        path = Path(path)
        lock = self.guard.try_lock(path.resolve()) if path.is_file() else None
        read_only = ""
        as_copy = False
        if isinstance(lock, LockInfo):
            answer = self.dialogs.ask_locked(self.window, path.name, lock)
            if answer == shared.OPEN_ANYWAY and lock.is_stale():
                lock = self.guard.take_over(path.resolve(), lock)
                if isinstance(lock, LockInfo):  # someone else was quicker
                    self.dialogs.error(self.window, "Project openen",
                                       f"‘{path.name}’ is zojuist geopend door {lock.describe()}.")
                    return False
            elif answer == shared.READ_ONLY:
                read_only = shared.read_only_reason(path.name, lock)
                lock = None
            elif answer == shared.OPEN_COPY:
                as_copy, lock = True, None
            else:
                return False
        self.loading = True
        try:
            loaded = load_in_background(self.window, path)
        except ProjectFileError as exc:
            self._drop(lock)
            self.dialogs.error(self.window, "Project openen", str(exc))
            if path.parent.is_dir() and not path.exists():  # gone, not only out of reach
                self.settings.remove_recent_file(path)
            return False
        finally:
            self.loading = False
        if loaded is None:  # cancelled while reading
            self._drop(lock)
            return False
        self.recovery.discard_session(self.session_id)
        if as_copy:
            self.guard.release()
            self.session.replace(loaded.project, None)
            self.statusMessage.emit(f"Kopie van ‘{path.name}’ geopend. Sla die op onder een eigen naam.")
            return True
        self.guard.hold(lock if isinstance(lock, ProjectLock) else None, loaded.stamp)
        self.session.replace(loaded.project, path.resolve(), read_only=read_only)
        self.settings.add_recent_file(path)
        self.statusMessage.emit(
            f"‘{path.name}’ alleen-lezen geopend." if read_only else f"‘{path.name}’ geopend."
        )
        return True

    def _drop(self, lock) -> None:
        if isinstance(lock, ProjectLock) and lock is not self.guard.lock:
            lock.release()

    # -- Save / Save as -----------------------------------------------------------------------

    def save(self) -> bool:
        if self.session.path is None or self.session.read_only:
            return self.save_as()  # read-only: the officer's own copy, under another name
        return self._save_to(self.session.path)

    def save_as(self) -> bool:
        path = self.dialogs.save_path(self.window, self._suggested_path())
        if path is None:
            return False
        return self._save_to(with_suffix(path))

    def _save_to(self, path: Path) -> bool:
        refused = self.commit_pending_edits()
        lock = self._lock_for_saving(path)
        if lock is False:
            return False
        if self.session.path is not None and same_file(path, self.session.path):
            who = self.guard.changed_by(self.session.path)
            if who is not None:
                answer = self.dialogs.ask_conflict(self.window, path.name, who)
                if answer != shared.OVERWRITE:
                    self._drop(lock)
                    return self.save_as() if answer == shared.SAVE_COPY else False
        try:
            stamp = save_project(self.session.project, path)
        except ProjectFileError as exc:
            self._drop(lock)
            self.dialogs.error(self.window, "Opslaan mislukt", str(exc))
            return False
        except OSError as exc:  # defensive: the project layer normally wraps these
            self._drop(lock)
            log.warning("saving %s failed: %s", path, exc)
            self.dialogs.error(
                self.window,
                "Opslaan mislukt",
                f"Het project kon niet worden opgeslagen als ‘{path.name}’. "
                "Controleer of de map bestaat en of u daar mag schrijven. "
                "Uw wijzigingen zijn nog niet opgeslagen.",
            )
            return False
        path = path.resolve()
        self.guard.hold(lock, stamp)
        if path != self.session.path:
            self.session.set_path(path)
        self.session.set_read_only("")  # the officer's own file now
        self.session.mark_saved()
        self.settings.add_recent_file(path)
        self.recovery.discard_session(self.session_id)
        message = f"Opgeslagen als ‘{path.name}’."
        if refused:
            names = ", ".join(f"‘{name}’" for name in refused)
            message += f" Let op: {names} is niet opgeslagen, want de waarde klopt niet."
        self.statusMessage.emit(message)
        return True

    def _lock_for_saving(self, path: Path) -> ProjectLock | None | bool:
        """The lock to hold on ``path`` after saving; ``False`` when another live program has
        that file open (saving over it would pull it away from under them)."""
        target = path.resolve()
        if self.guard.lock is not None and (self.guard.lock.target == target
                                            or same_file(path, self.guard.lock.target)):
            return self.guard.lock  # the open file, by whatever path: our own lock
        lock = self.guard.try_lock(target)
        if isinstance(lock, LockInfo) and lock.is_stale():
            lock = self.guard.take_over(target, lock)
        if isinstance(lock, LockInfo):
            self.dialogs.error(
                self.window, "Opslaan niet mogelijk",
                f"Het project kan niet worden opgeslagen als ‘{path.name}’. "
                f"{shared.in_use_text(lock)}. Kies een andere naam. Uw wijzigingen zijn nog niet "
                "opgeslagen.",
            )
            return False
        return lock

    # -- recent files -------------------------------------------------------------------------

    def fill_recent_menu(self, menu: QMenu) -> None:
        menu.clear()
        files = self.settings.recent_files()
        if not files:
            empty = menu.addAction("(geen recente bestanden)")
            empty.setEnabled(False)
            return
        for number, path in enumerate(files, start=1):
            prefix = f"&{number} " if number < 10 else "1&0 "
            action = menu.addAction(f"{prefix}{path.name.replace('&', '&&')}")
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open_project(p))
        menu.addSeparator()
        menu.addAction("Lijst &wissen", self.settings.clear_recent_files)

    # -- autosave and recovery ----------------------------------------------------------------

    def autosave(self) -> bool:
        """Write a recovery file when there are unsaved changes. Never interrupts the user.

        Also shows the other openers of the file and of the recovery files that this program
        still runs (their locks are refreshed)."""
        self.guard.refresh()
        self.recovery.refresh_locks()
        if not self.session.is_modified:
            return False
        try:
            self.recovery.write(self.session.project, self.session.path, self.session_id,
                                self.guard.stamp)
        except (ProjectFileError, OSError) as exc:
            log.warning("autosave failed: %s", exc)
            if not self._autosave_error_shown:
                self._autosave_error_shown = True
                self.statusMessage.emit(
                    "Automatisch bewaren is niet gelukt. Sla uw werk regelmatig zelf op."
                )
            return False
        return True

    def discard_recovery(self) -> None:
        """After a clean close: this session leaves nothing to recover, and no lock."""
        self.recovery.discard_session(self.session_id)
        self.guard.release()

    def offer_recovery(self) -> bool:
        """Offer what earlier, crashed sessions left behind. ``True`` when one was restored."""
        for item in self.recovery.pending(exclude_session=self.session_id):
            if not self.recovery.claim(item, self.session_id):
                continue  # another instance is offering it right now
            answer = self.dialogs.ask_recovery(self.window, item)
            if answer == DISCARD:
                self.recovery.discard(item)
            elif answer == RESTORE and self.restore(item):
                return True
            else:
                self.recovery.release(item)
        return False

    def restore(self, item: RecoveryItem) -> bool:
        try:
            project = self.recovery.load(item)
        except ProjectFileError as exc:
            self.dialogs.error(self.window, "Herstellen mislukt", str(exc))
            return False
        original = item.original_path if item.original_path and item.original_path.is_file() else None
        lock = self.guard.try_lock(original.resolve()) if original else None
        if isinstance(lock, LockInfo) and lock.is_stale():
            lock = self.guard.take_over(original.resolve(), lock)
        if isinstance(lock, LockInfo):  # open elsewhere now: keep the work as an unsaved copy
            original, lock = None, None
        # Guarded against the file as the work started from it: saved again since (by a
        # colleague, or after the crash), Opslaan asks first instead of overwriting that.
        base = (item.base or UNKNOWN_BASE) if original else None
        self.guard.hold(lock, base)
        self.session.replace(project, original)
        self.session.undo_stack.resetClean()  # restored work is unsaved until the user saves
        self.autosave()  # now under this session's id, before the old file goes
        self.recovery.discard(item)
        self.statusMessage.emit("Het niet-opgeslagen werk is hersteld. Vergeet niet op te slaan.")
        return True
