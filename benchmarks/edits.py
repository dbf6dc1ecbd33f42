"""Measure 6: one edit → every view updated, in the real main window.

Cases: a status change and a priority change (through the shortlist model, as the delegate and
the context menu do), one keystroke in the plan's notes and one in a theme rationale. Each run
is timed from the edit until the event loop has nothing left to do; the SQL statements the
catalogue runs during the edit are counted. Projects: the shipped sample and a generated
200-entry project over the 1,000-intervention synthetic catalogue. No floor: the least work is
setting one attribute of a dataclass, which is below the timer's resolution.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from benchmarks.projects import pick, synthetic_project
from benchmarks.report import Row, Section, Target
from benchmarks.stats import Summary

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "voorbeeld-gemeente-lindeveen.gala"
ENTRIES = 200
TARGET_S = 0.016  # one frame at 60 Hz
CASES = ("status change", "priority change", "notes keystroke", "rationale keystroke")


class _SqlCount:
    def __init__(self) -> None:
        self.count = 0

    def __call__(self, _statement: str) -> None:
        self.count += 1


def _counting_connect(counter: _SqlCount):
    real = sqlite3.connect

    def connect(*args, **kwargs):
        connection = real(*args, **kwargs)
        connection.set_trace_callback(counter)
        return connection

    return real, connect


def _window(catalogue_path: Path, counter: _SqlCount):
    from gala_desktop.catalogue.repository import Catalogue
    from gala_desktop.ui.main_window import MainWindow

    real, connect = _counting_connect(counter)
    sqlite3.connect = connect
    try:
        catalogue = Catalogue.open(catalogue_path)
    finally:
        sqlite3.connect = real
    window = MainWindow(catalogue, autosave_interval_ms=3_600_000)
    window.resize(1366, 768)
    window.show()
    return window, catalogue


def _settle(app) -> None:
    for _ in range(3):
        app.processEvents()


def _edits(window, app):
    """The four edits as callables that each change something (alternating values)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from gala_desktop.domain.project import EntryStatus, Priority
    from gala_desktop.ui.shortlist_model import COL_PRIORITY, COL_STATUS

    project = window.session.project
    entry = project.shortlist[len(project.shortlist) // 2]
    model = window.shortlist_panel.model
    window.shortlist_panel.select_entry(entry.id)
    window.tabs.setCurrentWidget(window.plan_editor)
    theme_key = project.themes[0].theme_key
    window.theme_panel.select_theme(theme_key)
    _settle(app)
    def status():  # always to another value
        new = EntryStatus.DROPPED if entry.status is not EntryStatus.DROPPED else EntryStatus.CHOSEN
        model.setData(model.index_of_entry(entry.id, COL_STATUS), new, Qt.ItemDataRole.EditRole)

    def priority():
        new = Priority.LOW if entry.priority is not Priority.LOW else Priority.HIGH
        model.setData(model.index_of_entry(entry.id, COL_PRIORITY), new, Qt.ItemDataRole.EditRole)

    def notes():
        QTest.keyClick(window.plan_editor.notes, Qt.Key.Key_A)

    def rationale():
        QTest.keyClick(window.theme_panel.rationale, Qt.Key.Key_B)

    window.plan_editor.notes.setFocus()
    probes = (lambda: entry.status, lambda: entry.priority, lambda: entry.plan.notes,
              lambda: project.theme_choice(theme_key).rationale)
    return dict(zip(CASES, zip((status, priority, notes, rationale), probes)))


def _measure_project(label: str, catalogue_path: Path, project_path: Path, repeats: int,
                     app, log) -> list[Row]:
    from gala_desktop.project.document import load_project

    counter = _SqlCount()
    window, catalogue = _window(catalogue_path, counter)
    try:
        window.session.replace(load_project(project_path), project_path)
        _settle(app)
        edits = _edits(window, app)
        rows = []
        for case, (edit, probe) in edits.items():
            times, statements = [], []
            for _ in range(repeats):
                before = probe()
                counter.count = 0
                started = time.perf_counter()
                edit()
                _settle(app)
                times.append(time.perf_counter() - started)
                statements.append(counter.count)
                if probe() == before:
                    raise RuntimeError(f"the {case} changed nothing in the project")
            sql = sorted(statements)[len(statements) // 2]
            rows.append(Row("edit → views", f"{label}: {case}", Summary.of(times), None, "ms",
                            f"{sql} SQL statements"))
            log(f"  {label}: {case}: median {sorted(times)[len(times) // 2] * 1000:.1f} ms, {sql} SQL")
        return rows
    finally:
        window.session.undo_stack.setClean()
        window.close()
        window.deleteLater()
        _settle(app)
        catalogue.close()


def measure(catalogue_path: Path, repeats: int, log=print) -> Section:
    from PySide6.QtWidgets import QApplication

    from gala_desktop.catalogue.repository import Catalogue
    from gala_desktop.project.document import save_project

    app = QApplication.instance() or QApplication([])
    section = Section("Edit → views updated (main window)")
    log(f"edit → views: sample and {ENTRIES} entries, {repeats} runs per case")
    with tempfile.TemporaryDirectory(prefix="gala-bench-edits-") as folder:
        sample = Path(folder) / "voorbeeld.gala"
        shutil.copy(SAMPLE, sample)
        with Catalogue.open() as shipped:
            shipped_path = shipped.path
        rows = _measure_project("sample", shipped_path, sample, repeats, app, log)
        generated = Path(folder) / "groot.gala"
        with Catalogue.open(catalogue_path) as catalogue:
            save_project(synthetic_project(pick(catalogue, ENTRIES), seed="edits"), generated)
        large = _measure_project(f"{ENTRIES} entries", catalogue_path, generated, repeats, app, log)
    section.rows += rows + large
    worst = max(large, key=lambda r: r.value.median)
    section.targets.append(Target(
        f"Every edit at {ENTRIES} entries ≤ {TARGET_S * 1000:.0f} ms (median, one frame)",
        f"slowest: {worst.case.split(': ')[1]} {worst.value.median * 1000:.1f} ms",
        all(r.value.median <= TARGET_S for r in large),
    ))
    keystrokes = [r for r in rows + large if "keystroke" in r.case]
    section.targets.append(Target(
        "No SQL for a keystroke in a text field",
        ", ".join(f"{r.case}: {r.note}" for r in keystrokes),
        all(r.note.startswith("0 ") for r in keystrokes),
    ))
    section.notes.append(
        "Timed from the edit until the event loop is idle (the views have repainted what "
        "changed); SQL counted with a trace on every connection of the catalogue."
    )
    return section
