"""The PDF/A verdict is reported honestly, in Dutch, on the command line and in the dialog.

A validation failure is forced with real input: the layout step hands the PDF/A step a PDF with
a font that is not embedded, which PDF/A forbids, and the real validator rejects it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pikepdf
import pytest
from annex_support import layout_rejected_as_pdfa
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from gala_desktop import cli
from gala_desktop.ui.export_status import ExportStatusDialog

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "voorbeeld-gemeente-lindeveen.gala"


@pytest.fixture()
def not_pdfa(monkeypatch, tmp_path):
    """A layout whose output the real validator rejects: a font that is not embedded."""
    layout_rejected_as_pdfa(monkeypatch, tmp_path)


def test_command_line_says_in_dutch_that_the_file_is_not_pdfa(not_pdfa, tmp_path, capsys):
    project = tmp_path / "plan.gala"
    shutil.copy(EXAMPLE, project)
    code = cli.main(["export", str(project), "-o", str(tmp_path / "bijlage.pdf")])
    out, err = capsys.readouterr()
    assert code == 3
    assert "Bijlage geschreven" not in out
    assert out.startswith(f"Bijlage klaar: {tmp_path / 'bijlage.pdf'}")  # ready before the verdict
    assert "géén geldige PDF/A" in err and "niet in als archiefversie" in err
    assert "not" not in err.split()  # no English validator log on the console
    with pikepdf.open(tmp_path / "bijlage.pdf") as written:
        assert "pdfaid:part" not in written.open_metadata()


def test_command_line_confirms_a_validated_pdfa(tmp_path, capsys):
    project = tmp_path / "plan.gala"
    shutil.copy(EXAMPLE, project)
    assert cli.main(["export", str(project)]) == 0
    ready, verdict = capsys.readouterr().out.splitlines()
    assert ready.startswith(f"Bijlage klaar: {tmp_path / 'plan.pdf'}") and "loopt nog" in ready
    assert "(PDF/A-2b, gecontroleerd)" in verdict


@pytest.fixture()
def ready_export(catalogue, tmp_path, qtbot, monkeypatch):
    """Start the export from a window; returns (job, parent, message boxes shown)."""
    from gala_desktop.project.document import load_project
    from gala_desktop.ui import export_flow
    from gala_desktop.ui.session import ProjectSession

    session = ProjectSession(catalogue)
    session.replace(load_project(EXAMPLE), tmp_path / "visie.gala")
    parent = QWidget()
    qtbot.addWidget(parent)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kw: shown.append(args[2]))
    monkeypatch.setattr(export_flow, "_ask_open", lambda window, output: pytest.fail("asked"))

    def start(meanwhile=None):
        job = export_flow.start_export(parent, session, tmp_path / "b.pdf",
                                       export_flow.AnnexOptions())
        if meanwhile is not None:
            job.noticed.connect(meanwhile)
        with qtbot.waitSignal(job.done, timeout=120_000):
            pass
        return job, parent.findChild(ExportStatusDialog)

    return start, shown


def test_dialog_shows_the_ready_pdf_and_then_says_it_is_not_pdfa(not_pdfa, ready_export, tmp_path):
    start, shown = ready_export
    job, dialog = start()
    assert job.outcome().ok and job.outcome().warning
    assert dialog.isVisible() and dialog.passed is False
    assert "géén geldige PDF/A" in dialog.verdict.text()
    assert "niet in als archiefversie" in dialog.verdict.text()
    assert not dialog.busy.isVisibleTo(dialog)
    assert shown == []  # the open dialog says it; no second pop-up
    with pikepdf.open(tmp_path / "b.pdf") as written:
        assert "pdfaid:part" not in written.open_metadata()


def test_a_closed_dialog_still_gets_the_warning(not_pdfa, ready_export):
    start, shown = ready_export

    closed = []
    start(lambda _path: closed.append(_status_dialog().close()))  # before the verdict
    assert closed == [True]
    assert len(shown) == 1 and "géén geldige PDF/A" in shown[0]


def _status_dialog():
    return next(w for w in QApplication.topLevelWidgets()
                if isinstance(w, ExportStatusDialog) and w.isVisible())
