"""The PDF/A verdict is reported honestly, in Dutch, on the command line and in the dialog.

A validation failure is forced with real input: the layout step hands the PDF/A step a PDF with
a font that is not embedded, which PDF/A forbids, and the real validator rejects it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pikepdf
import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from gala_desktop import cli
from gala_desktop.annex.pdf import render as pdf_renderer

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "voorbeeld-gemeente-lindeveen.gala"


@pytest.fixture()
def not_pdfa(monkeypatch, tmp_path):
    pytest.importorskip("pikepdf.pdfa")
    from reportlab.pdfgen.canvas import Canvas

    source = tmp_path / "helvetica.pdf"
    canvas = Canvas(str(source))
    canvas.setFont("Helvetica", 12)  # a base-14 font, not embedded
    canvas.drawString(72, 720, "Niet ingebed lettertype")
    canvas.save()
    raw = source.read_bytes()
    source.unlink()
    monkeypatch.setattr(pdf_renderer, "_layout", lambda *args: raw)


def test_command_line_says_in_dutch_that_the_file_is_not_pdfa(not_pdfa, tmp_path, capsys):
    project = tmp_path / "plan.gala"
    shutil.copy(EXAMPLE, project)
    code = cli.main(["export", str(project), "-o", str(tmp_path / "bijlage.pdf")])
    out, err = capsys.readouterr()
    assert code == 3
    assert "Bijlage geschreven" not in out
    assert "géén geldige PDF/A" in err and "niet in als archiefversie" in err
    assert "not" not in err.split()  # no English validator log on the console
    with pikepdf.open(tmp_path / "bijlage.pdf") as written:
        assert "pdfaid:part" not in written.open_metadata()


def test_command_line_confirms_a_validated_pdfa(tmp_path, capsys):
    project = tmp_path / "plan.gala"
    shutil.copy(EXAMPLE, project)
    assert cli.main(["export", str(project)]) == 0
    assert "(PDF/A-2b, gecontroleerd)" in capsys.readouterr().out


def test_dialog_warns_instead_of_offering_the_archive_file(not_pdfa, catalogue, tmp_path, qtbot,
                                                           monkeypatch):
    from gala_desktop.project.document import load_project
    from gala_desktop.ui import export_flow
    from gala_desktop.ui.session import ProjectSession

    session = ProjectSession(catalogue)
    session.replace(load_project(EXAMPLE), tmp_path / "visie.gala")
    parent = QWidget()
    qtbot.addWidget(parent)
    shown: list[str] = []
    asked: list[Path] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kw: shown.append(args[2]))
    monkeypatch.setattr(export_flow, "_ask_open", lambda window, output: asked.append(output))
    job = export_flow.start_export(parent, session, tmp_path / "b.pdf",
                                   export_flow.AnnexOptions())
    with qtbot.waitSignal(job.done, timeout=120_000):
        pass
    assert job.outcome().ok and job.outcome().warning
    assert len(shown) == 1 and "géén geldige PDF/A" in shown[0]
    assert asked == []
