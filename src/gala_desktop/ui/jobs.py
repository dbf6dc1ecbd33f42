"""Background jobs: long work (the export today; catalogue update and import later) on its own
thread, with progress, cancel, and a clean shutdown that the main window's close waits for.

A job's work is a plain Python callable ``work(progress, is_cancelled) -> (success, message)``
that touches no Qt: ``progress(done, total)`` reports, ``is_cancelled()`` says when to stop.
Started with ``notices=True`` it is called as ``work(progress, is_cancelled, notice)``;
``notice(value)`` reports a milestone before the end (an export: the file is ready). The
runner's signals reach the UI thread (queued through an object living there); a slot connected
to the worker's own signal would run on the worker thread and touch widgets there.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

Work = Callable[[Callable[[int, int], None], Callable[[], bool]], tuple[bool, str]]
UNEXPECTED = ("Dit is door een onverwachte fout niet gelukt. Uw project is niet gewijzigd. "
              "Technische melding: {error}")
SHUTDOWN_WAIT_MS = 60_000  # a PDF layout checks for cancel every few dozen paragraphs


class _Worker(QObject):
    progressed = Signal(int, int)
    noticed = Signal(object)
    finished = Signal(bool, str)

    def __init__(self, work: Work, notices: bool = False) -> None:
        super().__init__()
        self._work = work
        self._notices = notices
        self.cancel_requested = False
        self.result: tuple[bool, str] | None = None  # set on the worker thread before finished

    def run(self) -> None:
        try:
            args = (self.progressed.emit, lambda: self.cancel_requested)
            if self._notices:
                args += (self.noticed.emit,)
            success, message = self._work(*args)
        except Exception as err:  # a bug must not take the officer's work down with it
            log.exception("background job failed")
            success, message = False, UNEXPECTED.format(error=f"{type(err).__name__}: {err}")
        self.result = (success, message)
        self.finished.emit(success, message)


class Job(QObject):
    """One piece of work on its own thread. ``progressed``, ``noticed`` and ``done`` fire on the
    UI thread; ``done(success, message)`` fires exactly once (cancelled: ``False`` and an empty
    message). A ``noticed`` still queued when ``finish_now`` reports ``done`` arrives after it;
    a receiver ignores it then."""

    progressed = Signal(int, int)
    noticed = Signal(object)
    done = Signal(bool, str)

    def __init__(self, work: Work, parent: QObject | None = None, notices: bool = False) -> None:
        super().__init__(parent)
        self._finished = False
        self._thread = QThread()
        self._worker = _Worker(work, notices)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self.progressed, Qt.ConnectionType.QueuedConnection)
        self._worker.noticed.connect(self.noticed, Qt.ConnectionType.QueuedConnection)
        self._worker.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self._worker.cancel_requested = True

    @property
    def is_cancelled(self) -> bool:
        return self._worker.cancel_requested

    @property
    def is_finished(self) -> bool:
        return self._finished

    def finish_now(self, timeout_ms: int = SHUTDOWN_WAIT_MS) -> bool:
        """Block until the work has returned and report it (``done``) now, not from the event
        loop. ``False`` when the work did not return within the timeout."""
        self._thread.quit()
        if not self._thread.wait(timeout_ms):
            return False
        self._on_finished(*(self._worker.result or (False, "")))
        return True

    def _on_finished(self, success: bool, message: str) -> None:
        if self._finished:
            return
        self._finished = True
        self._thread.quit()
        self._thread.wait()
        self.done.emit(success, message)


class JobRunner(QObject):
    """Starts jobs and, at the end, cancels and waits for every one still running."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: list[Job] = []

    @classmethod
    def of(cls, widget: QWidget) -> "JobRunner":
        """The runner of ``widget``'s window (one is made when there is none yet)."""
        window = widget.window()
        runner = window.findChild(JobRunner, options=Qt.FindChildOption.FindDirectChildrenOnly)
        return runner if runner is not None else cls(window)

    def start(self, work: Work, *, notices: bool = False) -> Job:
        job = Job(work, self, notices)
        self._jobs.append(job)
        job.done.connect(lambda *_: self._forget(job))
        job.start()
        return job

    def running(self) -> list[Job]:
        return [job for job in self._jobs if not job.is_finished]

    def shutdown(self, timeout_ms: int = SHUTDOWN_WAIT_MS) -> bool:
        """Cancel every running job and wait for it; their ``done`` fires (cancelled) before
        this returns. ``False`` when a job did not stop in time."""
        stopped = True
        for job in self.running():
            job.cancel()
        for job in self.running():
            if not job.finish_now(timeout_ms):
                stopped = False
                log.error("a background job did not stop within %d ms", timeout_ms)
        return stopped

    def _forget(self, job: Job) -> None:
        if job in self._jobs:
            self._jobs.remove(job)
