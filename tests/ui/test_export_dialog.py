"""The export dialog: PDF/A or Word, the remembered house-style template, how many
interventions the annex will hold, and the warning when none is *gekozen*."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from gala_desktop.annex.formats import ExportFormat
from gala_desktop.domain.project import EntryStatus
from gala_desktop.project.document import load_project
from gala_desktop.ui import export_flow
from gala_desktop.ui.export_flow import ExportDialog
from gala_desktop.ui.session import ProjectSession
from gala_desktop.ui.settings import AppSettings

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "voorbeeld-gemeente-lindeveen.gala"


@pytest.fixture()
def session(catalogue, tmp_path):
    s = ProjectSession(catalogue)
    s.replace(load_project(EXAMPLE), tmp_path / "visie.gala")
    return s


@pytest.fixture()
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_choosing_word_changes_the_suffix_and_enables_the_template(session, parent, tmp_path):
    dialog = ExportDialog(session, parent)
    assert dialog.pdf_choice.isChecked() and dialog.export_format() is ExportFormat.PDF
    assert dialog.pdf_choice.text().replace("&", "") == "PDF/A voor het archief"
    assert dialog.docx_choice.text().replace("&", "") == "Word-document om verder te bewerken"
    assert not dialog.template_button.isEnabled()
    dialog.docx_choice.setChecked(True)
    assert dialog.path_edit.text().endswith(".docx") and dialog.template_button.isEnabled()
    dialog.path_edit.setText(str(tmp_path / "bijlage"))
    assert dialog.output_path() == tmp_path / "bijlage.docx"
    dialog.pdf_choice.setChecked(True)
    dialog.path_edit.setText(str(tmp_path / "bijlage.docx"))
    dialog.docx_choice.setChecked(False)
    assert dialog.output_path().suffix == ".pdf"


def test_the_template_and_the_format_are_remembered(session, parent, tmp_path, monkeypatch, qtbot):
    template = tmp_path / "huisstijl.docx"
    docx.Document().save(str(template))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(template), ""))
    dialog = ExportDialog(session, parent)
    dialog.docx_choice.setChecked(True)
    dialog.template_button.click()
    assert dialog.template() == template and "huisstijl.docx" in dialog.template_label.text()
    dialog.path_edit.setText(str(tmp_path / "bijlage.docx"))
    dialog._accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    again = ExportDialog(session, parent)
    assert again.export_format() is ExportFormat.DOCX and again.template() == template
    assert AppSettings().docx_template == str(template)
    again.no_template_button.click()
    assert again.template() is None and AppSettings().docx_template == ""


def test_the_dialog_says_how_many_interventions_the_annex_will_hold(session, parent):
    project = session.project
    chosen = sum(1 for e in project.shortlist if e.status is EntryStatus.CHOSEN)
    considering = sum(1 for e in project.shortlist if e.status is EntryStatus.CONSIDERING)
    dialog = ExportDialog(session, parent)
    assert dialog.count_label.text() == f"De bijlage bevat {chosen} interventies, alle met status ‘Gekozen’."
    assert dialog.warning.isHidden()
    dialog.considering.setChecked(True)
    if considering:
        assert dialog.count_label.text() == (
            f"De bijlage bevat {chosen + considering} interventies, waarvan {chosen} met status ‘Gekozen’.")


def test_nothing_chosen_is_warned_about_before_exporting(session, parent, monkeypatch, tmp_path):
    for entry in session.project.shortlist:
        entry.status = EntryStatus.CONSIDERING
    dialog = ExportDialog(session, parent)
    assert not dialog.warning.isHidden() and "nog geen interventie met status ‘Gekozen’" in dialog.warning.text()
    assert dialog.count_label.text() == "De bijlage bevat geen interventies."
    asked: list[str] = []
    answer = QMessageBox.StandardButton.No
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or answer)
    dialog.path_edit.setText(str(tmp_path / "bijlage.pdf"))
    dialog._accept()
    assert asked and "Toch exporteren?" in asked[0]
    assert dialog.result() != QDialog.DialogCode.Accepted
    answer = QMessageBox.StandardButton.Yes
    dialog._accept()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_word_export_from_the_dialog_runs_in_the_background(session, parent, tmp_path, qtbot,
                                                            monkeypatch):
    target = tmp_path / "bijlage.docx"

    def accept(self):
        self.docx_choice.setChecked(True)
        self.path_edit.setText(str(target))
        return QDialog.DialogCode.Accepted

    asked: list[Path] = []
    monkeypatch.setattr(ExportDialog, "exec", accept)
    monkeypatch.setattr(export_flow, "_ask_open", lambda window, output: asked.append(output) and False)
    job = export_flow.export_pdf_interactive(parent, session)
    with qtbot.waitSignal(job.done, timeout=120_000):
        pass
    assert asked == [target]
    assert job.result.format is ExportFormat.DOCX
    assert docx.Document(str(target)).core_properties.title.startswith("Samen sterk in Lindeveen")
