"""What the program loads before its first window is painted: only what that window needs.

The program is started as ``gala-desktop FILE`` starts it, in a fresh process (the start-up
benchmark's probe), with the example project; at the first paint of the main window the probe
lists every loaded module.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.processes import run_probe

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "voorbeeld-gemeente-lindeveen.gala"
# Export, the typed catalogue schema and networking are not needed to show the window; neither
# is OpenSSL's libcrypto (hashlib: about 4 MiB), the HTML entity tables or uuid (and platform).
NOT_AT_START = ("sqlalchemy", "reportlab", "pikepdf", "asyncio", "ssl", "pyphen", "nacl",
                "hashlib", "_hashlib", "html", "uuid")
# Our own modules that only a menu action, a dialog or another tab needs, imported on first use.
OWN_NOT_AT_START = (
    "ui.plan_editor", "ui.overview_panel", "ui.project_form",  # the pages behind the other tabs
    "ui.catalogue_update", "catalogue.update_file", "domain.catalogue_diff",  # catalogue updates
    "ui.own_form", "ui.own_import",  # the own-intervention form and import
    "ui.export_flow", "ui.help_window", "ui.file_dialogs",
)


@pytest.fixture(scope="module")
def first_paint():
    return run_probe("app_window.py", "--modules", "--project", str(EXAMPLE)).report


def test_nothing_heavy_is_loaded_before_the_first_paint(first_paint):
    modules = first_paint["modules"]
    loaded = sorted({m for m in modules if m.split(".")[0] in NOT_AT_START})
    assert loaded == [], f"loaded at first paint: {loaded}"
    # The probe did reach the real window with the project open, through the sqlite3 reader.
    assert first_paint["window_title"].startswith(EXAMPLE.name)
    assert "gala_desktop.catalogue.repository" in modules and "sqlite3" in modules
    assert "gala_desktop.ui.main_window" in modules
    own = sorted(name for name in OWN_NOT_AT_START if f"gala_desktop.{name}" in modules)
    assert own == [], f"imported before they are used: {own}"


# Widget classes the main window does not show. PySide6 loads every QtWidgets class at once (with
# their enums: about 25 ms) the first time Python is handed a widget Qt made, such as an item
# view's viewport; the start-up path avoids that (``ui.viewports``).
NOT_SHOWN = ("QMdiArea", "QCalendarWidget", "QGraphicsView", "QWizard", "QLCDNumber", "QDial",
             "QColumnView", "QFontDialog")


def test_no_widget_made_by_qt_reaches_python_before_the_first_paint(first_paint):
    classes = first_paint["widget_classes"]
    assert "QMainWindow" in classes and "QTreeView" in classes  # the list is real
    loaded = sorted(name for name in NOT_SHOWN if name in classes)
    assert loaded == [], f"all widget classes were loaded before the first paint: {loaded}"


def test_the_qt_free_layers_are_loaded_before_qt(first_paint):
    """``startup.prepare`` loads them first: PySide6 reads the source of every module imported
    after it. A Qt-free module missing from ``startup.QT_FREE_AT_START`` shows up here."""
    order = first_paint["modules"]  # in the order they were loaded
    assert "gala_desktop.startup" in order
    qt = order.index("PySide6")
    late = [name for name in order[qt:]
            if name.startswith("gala_desktop.") and not name.startswith("gala_desktop.ui")]
    assert late == [], f"Qt-free modules loaded after PySide6 (add them to QT_FREE_AT_START): {late}"
    assert "socket" not in order  # the lock's computer name comes from os.uname()


# The collector is process-wide: these checks run in a fresh interpreter, so freezing it does not
# keep this test session's garbage from being collected (and collected late, all at once).
COLLECTOR_CHECK = """
import gc
from gala_desktop import startup
startup.QT_FREE_AT_START = ("gala_desktop.domain.themes",)
assert gc.isenabled()
startup.settle()  # never paused: changes nothing
assert gc.isenabled() and gc.get_freeze_count() == 0
startup.prepare()
assert not gc.isenabled() and "gala_desktop.domain.themes" in __import__("sys").modules
startup.settle()
assert gc.isenabled() and gc.get_freeze_count() > 0
startup.settle()  # once only
print("ok")
"""

# ``gala_desktop.ui.app`` is replaced by a stand-in, so that what ``cli.main`` has loaded by the
# time it runs the window is seen before anything imports Qt.
GUI_START_CHECK = """
import gc, sys, types
from gala_desktop import cli, startup
seen = {}
def fake_run(argv, file=None):
    seen.update(collecting=gc.isenabled(), file=file, qt="PySide6" in sys.modules,
                missing=[name for name in startup.QT_FREE_AT_START if name not in sys.modules])
    return 0
stand_in = types.ModuleType("gala_desktop.ui.app")
stand_in.run = fake_run
sys.modules["gala_desktop.ui.app"] = stand_in
assert cli.main([sys.argv[1]]) == 0
assert seen == {"collecting": False, "file": sys.argv[1], "qt": False, "missing": []}, seen
print("ok")
"""


def _run_check(code: str, *args: str) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          timeout=120, env=env)
    assert done.returncode == 0 and done.stdout.strip().endswith("ok"), done.stderr[-2000:]


def test_prepare_pauses_the_collector_and_settle_resumes_it():
    _run_check(COLLECTOR_CHECK)


def test_every_start_up_phase_is_measured(first_paint):
    phases = first_paint["phases"]
    assert list(phases) == ["import", "catalogue", "integrity", "window", "project", "paint"]
    assert all(seconds >= 0 for seconds in phases.values())


def test_gala_desktop_prepares_before_it_runs_the_window(tmp_path):
    """``gala-desktop FILE`` pauses the collector and loads the Qt-free layers, then runs the
    window (which settles after its first paint)."""
    _run_check(GUI_START_CHECK, str(tmp_path / "p.gala"))


QUIT_AFTER_PAINT = """
import gc, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from gala_desktop import cli, startup
from gala_desktop.ui import app as gui

class Quit(gui.AfterFirstPaint):  # the program's own hook, plus: close the window next turn
    def __init__(self, window, then):
        def settle_and_close():
            then()
            print("collecting", gc.isenabled(), "frozen", gc.get_freeze_count() > 0)
            QTimer.singleShot(0, window.close)
        super().__init__(window, settle_and_close)

gui.AfterFirstPaint = Quit
code = cli.main([sys.argv[1]])
print("exit", code)
"""


def test_the_program_settles_after_its_first_paint_and_quits_cleanly(tmp_path):
    """The real ``gala-desktop FILE`` start: the collector runs again (start-up objects frozen)
    once the window is painted, and the program still quits cleanly with them frozen."""
    import shutil
    import subprocess
    import sys

    from benchmarks.processes import probe_env

    project = tmp_path / EXAMPLE.name
    shutil.copyfile(EXAMPLE, project)
    done = subprocess.run([sys.executable, "-c", QUIT_AFTER_PAINT, str(project)], cwd=tmp_path,
                          env=probe_env(tmp_path), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["collecting", "True", "frozen", "True", "exit", "0"], done.stdout
