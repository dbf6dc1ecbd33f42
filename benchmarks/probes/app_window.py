"""Probe: start GALA Desktop the way ``gala-desktop [FILE]`` does, up to its main window's first paint.

Options: ``--catalogue PATH`` opens another catalogue instead of the shipped one (for the memory
measure), ``--project FILE`` opens a project as on the command line, ``--type WORD`` types WORD
into the search field one character at a time after the paint (each prefix searched at once),
so the peak memory includes searching. ``--modules`` adds the names of the modules loaded at the
first paint to the report, in the order they were loaded, and the QtWidgets classes PySide6 had
loaded by then. The report's ``phases`` are the seconds spent importing the app,
opening the catalogue (of which: its integrity check), building the main window, opening the
project, and from then to the paint.
"""

import time

STARTED = time.perf_counter()

import argparse  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

FAILSAFE_MS = 5000
NO_PAINT_MS = 60_000  # a message box before the window (a stale project lock, a missing file)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--catalogue")
    parser.add_argument("--project")
    parser.add_argument("--type", default="")
    parser.add_argument("--modules", action="store_true")
    args = parser.parse_args()
    marks = {"top": STARTED}

    from gala_desktop import paths, startup

    startup.prepare()  # as ``gala-desktop`` does before it loads Qt
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMainWindow

    from paint_probe import FirstPaint

    if args.catalogue:
        catalogue = Path(args.catalogue)
        paths.shipped_catalogue = lambda: catalogue
    from gala_desktop.ui import app as gui
    from gala_desktop.ui import file_actions, main_window as window_module

    from gala_desktop.catalogue import integrity

    marks["imported"] = time.perf_counter()
    _time_phase(gui, "open_catalogue", "catalogue", marks)
    _time_phase(integrity, "check_open", "integrity", marks)  # inside "catalogue"
    _time_phase(window_module.MainWindow, "__init__", "window", marks)
    _time_phase(file_actions.FileActions, "open_project", "project", marks)

    qapp = gui.create_application(sys.argv[:1])

    def main_window():
        return next(w for w in qapp.topLevelWidgets() if isinstance(w, QMainWindow))

    def after_paint() -> dict:
        # A modal dialog (recovery offer, a message) would keep run() from returning.
        QTimer.singleShot(FAILSAFE_MS, lambda: os._exit(3))
        window = main_window()
        report = {"window_title": window.windowTitle(), "phases": _phases(marks, probe.report)}
        if args.modules:
            report["modules"] = list(sys.modules)  # in the order they were loaded
            # PySide6 adds a class to its module's namespace when it first loads it
            widgets = sys.modules["PySide6.QtWidgets"]
            report["widget_classes"] = sorted(name for name, value in vars(widgets).items()
                                              if isinstance(value, type))
        browser = getattr(window, "browser", None)
        if args.type and browser is not None:
            for end in range(1, len(args.type) + 1):
                browser.search_field.setText(args.type[:end])
                browser.flush_search()
            report["results_shown"] = browser.model.rowCount()
        return report

    probe = FirstPaint(qapp, STARTED, after_paint)
    built = window_module.MainWindow.__init__

    def watched_init(window, *init_args, **init_kwargs):  # the filter goes on the window once made
        built(window, *init_args, **init_kwargs)
        probe.watch(window)

    window_module.MainWindow.__init__ = watched_init
    QTimer.singleShot(NO_PAINT_MS, lambda: probe.report or _stuck(qapp))
    return gui.run(sys.argv[:1], file=args.project)


def _stuck(qapp) -> None:
    """No first paint in time: name what is showing instead, and stop (instead of waiting for
    the parent's time-out)."""
    shown = [f"{type(w).__name__} '{w.windowTitle()}': {getattr(w, 'text', str)()}"
             for w in qapp.topLevelWidgets() if w.isVisible()]
    print(f"no first paint after {NO_PAINT_MS // 1000} s; showing: {shown}", file=sys.stderr, flush=True)
    os._exit(4)


def _time_phase(owner, name: str, phase: str, marks: dict) -> None:
    """Wrap ``owner.name`` so that its start and end are marked as ``phase``."""
    original = getattr(owner, name)

    def timed(*args, **kwargs):
        marks.setdefault(phase + " start", time.perf_counter())
        try:
            return original(*args, **kwargs)
        finally:
            marks.setdefault(phase + " end", time.perf_counter())

    setattr(owner, name, timed)


def _phases(marks: dict, report: dict) -> dict:
    """Seconds per phase; "paint" runs from the last phase that ended to the first paint."""
    phases = {"import": marks["imported"] - marks["top"]}
    for phase in ("catalogue", "integrity", "window", "project"):
        if phase + " end" in marks:
            phases[phase] = marks[phase + " end"] - marks[phase + " start"]
    ends = [value for key, value in marks.items() if key.endswith(" end")] or [marks["imported"]]
    phases["paint"] = marks["top"] + report["paint_since_top"] - max(ends)
    return phases


if __name__ == "__main__":
    sys.exit(main())
