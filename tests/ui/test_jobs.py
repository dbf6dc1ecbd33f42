"""Background jobs: progress and result on the UI thread, cancel, and a shutdown that waits."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

from gala_desktop.ui.jobs import JobRunner

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "voorbeeld-gemeente-lindeveen.gala"


def test_a_job_reports_progress_and_its_result_on_the_ui_thread(qtbot):
    runner = JobRunner()
    ui_thread = threading.current_thread()
    seen = []

    def work(progress, is_cancelled):
        progress(1, 2)
        return True, "klaar"

    job = runner.start(work)
    job.progressed.connect(lambda done, total: seen.append((done, total, threading.current_thread())))
    with qtbot.waitSignal(job.done) as blocker:
        pass
    assert blocker.args == [True, "klaar"]
    assert seen == [(1, 2, ui_thread)]
    assert runner.running() == []


def test_shutdown_cancels_and_waits_for_a_running_job(qtbot):
    runner = JobRunner()
    started = threading.Event()
    stopped = []

    def work(progress, is_cancelled):
        started.set()
        while not is_cancelled():
            time.sleep(0.01)
        stopped.append(True)
        return False, ""

    job = runner.start(work)
    results = []
    job.done.connect(lambda ok, message: results.append((ok, message)))
    assert started.wait(5)
    assert runner.shutdown(timeout_ms=5000)
    assert stopped == [True]  # the work returned before shutdown did
    assert results == [(False, "")]  # and done fired once, before shutdown returned
    qtbot.wait(50)
    assert results == [(False, "")]


def test_an_unexpected_error_becomes_a_dutch_message(qtbot):
    runner = JobRunner()
    job = runner.start(lambda progress, is_cancelled: 1 / 0)
    with qtbot.waitSignal(job.done) as blocker:
        pass
    assert blocker.args[0] is False
    assert "onverwachte fout" in blocker.args[1] and "ZeroDivisionError" in blocker.args[1]


WINDOW_WITH_PROJECT = textwrap.dedent(
    """
    import shutil, sys, time
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from gala_desktop.annex.context import AnnexOptions
    from gala_desktop.catalogue.repository import Catalogue
    from gala_desktop.ui.export_flow import start_export
    from gala_desktop.ui.main_window import MainWindow

    folder = Path(sys.argv[2])
    project = folder / "plan.gala"
    shutil.copy(sys.argv[1], project)
    app = QApplication([])
    catalogue = Catalogue.open()
    window = MainWindow(catalogue)
    window.show()
    assert window.files.load(project)
    output = folder / "bijlage.pdf"
    """
)

CLOSE_DURING_EXPORT = WINDOW_WITH_PROJECT + textwrap.dedent(
    """
    job = start_export(window, window.session, output,
                       AnnexOptions(include_considering=True, include_dropped=True),
                       offer_to_open=False)
    closing = []

    def close_once(done, total):
        if not closing:
            closing.append(done)
            QTimer.singleShot(0, window.close)  # the officer closes the window mid-export

    job.progressed.connect(close_once)
    code = app.exec()
    catalogue.close()
    print("closed-during-export" if closing else "export-ended-first", job.is_finished,
          job.is_cancelled, output.exists())
    sys.exit(code)
    """
)


def run_window_script(script: str, tmp_path: Path) -> list[str]:
    """Run ``script`` in a fresh process (the sample project in ``tmp_path``); its printed words."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    proc = subprocess.run(
        [sys.executable, "-c", script, str(SAMPLE), str(tmp_path)],
        capture_output=True, text=True, timeout=300, env=env,
    )
    assert "QThread: Destroyed while thread is still running" not in proc.stderr
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    return proc.stdout.split()


def test_closing_the_window_during_an_export_cancels_waits_and_exits_0(tmp_path):
    words = run_window_script(CLOSE_DURING_EXPORT, tmp_path)
    assert words == ["closed-during-export", "True", "True", "False"], words


CLOSE_DURING_CHECK = WINDOW_WITH_PROJECT + textwrap.dedent(
    """
    import pikepdf
    from gala_desktop.annex.pdf import archive

    real_check = archive.write_pdfa
    jobs = []

    def slow_check(*args):
        # the window's close must reach the job while the check runs, however busy the machine
        deadline = time.monotonic() + 60
        while not (jobs and jobs[0].is_cancelled) and time.monotonic() < deadline:
            time.sleep(0.01)
        return real_check(*args)

    archive.write_pdfa = slow_check  # in place before the job starts
    job = start_export(window, window.session, output, AnnexOptions(), offer_to_open=False)
    jobs.append(job)
    closing = []

    def close_once(path):
        closing.append(output.exists())
        QTimer.singleShot(0, window.close)  # the officer closes the window during the check

    job.noticed.connect(close_once)
    code = app.exec()
    catalogue.close()
    with pikepdf.open(output) as pdf:
        claims = "pdfaid:part" in pdf.open_metadata()
        pages = len(pdf.pages)
    print("closed-during-check" if closing == [True] else "no-ready-file", job.is_finished,
          job.is_cancelled, pages > 5, claims, "afgebroken" in job.outcome().message)
    sys.exit(code)
    """
)


def test_closing_the_window_during_the_pdfa_check_keeps_the_ready_file(tmp_path):
    words = run_window_script(CLOSE_DURING_CHECK, tmp_path)
    assert words == ["closed-during-check", "True", "True", "True", "False", "True"], words
