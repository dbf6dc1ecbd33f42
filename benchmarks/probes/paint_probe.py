"""Shared by the probe scripts: notice the first paint of a window and report as one JSON line.

The report line starts with ``BENCH`` and holds monotonic timestamps (system-wide on Linux, so
the parent can subtract its own spawn time), the time since the top of the probe script, and the
peak resident set size of the probe process.
"""

from __future__ import annotations

import json
import resource
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer

REPORT_PREFIX = "BENCH "


def peak_rss_kib() -> int:
    """Peak resident set size of this process in KiB.

    ``VmHWM`` belongs to the process's own address space. ``ru_maxrss`` is not used where
    ``VmHWM`` exists: Linux carries the parent's peak over into a child spawned with vfork/exec,
    so a large benchmark parent would show up in every probe.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


class FirstPaint(QObject):
    """Event filter: the first Paint event of a watched window.

    The filter sits on the window only (``watch``), not on the application: an application-wide
    filter runs Python for every event of every widget, which costs a window with many widgets
    far more than the floor's single table and so would bias the comparison.

    ``after_paint`` runs on the next turn of the event loop, when the whole first paint pass
    (the window and its children) is done; it returns extra fields for the report.
    """

    def __init__(self, app, started: float, after_paint=None) -> None:
        super().__init__()
        self.app = app
        self.started = started
        self.after_paint = after_paint
        self.report: dict = {}
        self.watched: list = []

    def watch(self, window) -> None:
        """Notice ``window``'s first paint (call before it is shown)."""
        window.installEventFilter(self)
        self.watched.append(window)

    def eventFilter(self, obj, event) -> bool:
        if not self.report and event.type() == QEvent.Type.Paint:  # only watched windows come here
            self.report = {
                "paint_monotonic": time.monotonic(),
                "paint_since_top": time.perf_counter() - self.started,
            }
            QTimer.singleShot(0, self._finish)
        return False

    def _finish(self) -> None:
        self.report["pass_done_since_top"] = time.perf_counter() - self.started
        from PySide6.QtGui import QAction
        from PySide6.QtWidgets import QWidget

        window = self.watched[0]  # what was painted: its widgets and actions, counted
        self.report["census"] = [len(window.findChildren(QWidget)), len(window.findChildren(QAction))]
        if self.after_paint is not None:
            self.report.update(self.after_paint() or {})
        self.report["peak_rss_kib"] = peak_rss_kib()
        sys.stdout.write(REPORT_PREFIX + json.dumps(self.report) + "\n")
        sys.stdout.flush()
        for window in self.watched:
            window.removeEventFilter(self)
        self.app.quit()


def show_and_report(app, window, started: float) -> int:
    """A floor probe's end: show ``window`` at the benchmark's size and run the event loop until
    its first paint is reported."""
    window.resize(1280, 760)
    probe = FirstPaint(app, started)
    probe.watch(window)
    window.show()
    return app.exec()
