"""Read a project file off the UI thread, so a slow share never freezes the window.

The file is read and decoded on a worker thread while a local event loop keeps the window
painting. When it takes longer than :data:`PROGRESS_AFTER_MS` a progress dialog appears with
*Annuleren*; cancelling stops waiting (the worker finishes on its own and its result is
dropped).
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from gala_desktop.project.document import LoadedProject, load_project_file
from gala_desktop.ui.dialog_buttons import busy_dialog

PROGRESS_AFTER_MS = 400


class _Relay(QObject):
    finished = Signal()


def load_in_background(parent: QWidget | None, path: Path) -> LoadedProject | None:
    """The loaded project, ``None`` when the officer cancelled; raises ``ProjectFileError``."""
    outcome: dict[str, object] = {}
    relay = _Relay()
    loop = QEventLoop()
    relay.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)

    def work() -> None:
        try:
            outcome["result"] = load_project_file(path)
        except BaseException as exc:  # noqa: BLE001 - handed to the UI thread
            outcome["error"] = exc
        relay.finished.emit()

    shown: list[QProgressDialog] = []  # made only when the file takes a while (most never do)

    def show_progress() -> None:
        if outcome:
            return
        progress = busy_dialog(parent, f"‘{path.name}’ wordt geopend…", "Project openen", "loadProgress",
                               modal=True)
        progress.setMinimumDuration(0)
        progress.canceled.connect(loop.quit)
        progress.setValue(0)
        progress.show()
        shown.append(progress)

    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(show_progress)
    timer.start(PROGRESS_AFTER_MS)

    thread = threading.Thread(target=work, name="gala-load", daemon=True)
    thread.start()
    if not outcome:  # not done in the meantime
        loop.exec()
    timer.stop()
    cancelled = bool(shown) and shown[0].wasCanceled() and not outcome
    for progress in shown:
        progress.reset()
        progress.deleteLater()
    if cancelled:
        return None
    thread.join()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["result"]  # type: ignore[return-value]
