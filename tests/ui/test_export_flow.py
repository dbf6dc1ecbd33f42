"""Exporteren from the window: dialog, background export, progress, cancel, errors."""

from __future__ import annotations

import time
from pathlib import Path

import docx
import pikepdf
import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton, QWidget

from gala_desktop.annex.formats import ExportFormat
from gala_desktop.domain.project import EntryStatus
from gala_desktop.project.document import load_project
from gala_desktop.ui import export_flow, file_dialogs
from gala_desktop.ui.export_flow import ExportDialog, start_export, suggested_file_name
from gala_desktop.ui.export_status import CHECKING, PASSED, ExportStatusDialog
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


@pytest.fixture()
def warnings(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kw: shown.append(args[2]))
    return shown


def test_suggested_name_comes_from_gemeente_and_title_and_is_safe(session):
    assert suggested_file_name(session.project) == "Bijlage - Lindeveen - Samen sterk in Lindeveen.pdf"
    session.project.gemeente = 'Sú<d>wést/Fryslân'
    session.project.title = 'Visie: "2026"?'
    name = suggested_file_name(session.project)
    assert not set('<>:"/\\|?*') & set(name)
    assert name.startswith("Bijlage - Sú d wést Fryslân - Visie") and name.endswith(".pdf")
    session.project.gemeente = session.project.title = ""
    assert suggested_file_name(session.project) == "Bijlage.pdf"


def test_dialog_suggests_a_path_beside_the_project_and_adds_pdf(session, parent, tmp_path):
    dialog = ExportDialog(session, parent)
    assert Path(dialog.path_edit.text()).parent == tmp_path
    dialog.path_edit.setText(str(tmp_path / "bijlage"))
    assert dialog.output_path() == tmp_path / "bijlage.pdf"
    dialog.considering.setChecked(True)
    options = dialog.options()
    assert options.include_considering and not options.include_dropped
    for widget in dialog.findChildren(QWidget):
        if widget.focusPolicy() != widget.focusPolicy().NoFocus and widget.isVisibleTo(dialog):
            assert widget.accessibleName(), widget


def test_enter_anywhere_in_the_dialog_exports(session, parent, tmp_path, qtbot):
    """The default button was the disabled "Sjabloon kiezen…": Enter on a choice did nothing."""
    dialog = ExportDialog(session, parent)
    dialog.path_edit.setText(str(tmp_path / "bijlage.pdf"))
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.export_button.isDefault()
    assert not any(b.isDefault() for b in dialog.findChildren(QPushButton) if b is not dialog.export_button)
    dialog.pdf_choice.setFocus()
    qtbot.keyClick(dialog.pdf_choice, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_export_runs_in_the_background_and_writes_a_pdf(session, parent, tmp_path, qtbot, warnings):
    target = tmp_path / "bijlage.pdf"
    options = ExportDialog(session, parent).options()
    job = start_export(parent, session, target, options, offer_to_open=False)
    progress_seen: list[tuple[int, int]] = []
    job.progressed.connect(lambda done, total: progress_seen.append((done, total)))
    with qtbot.waitSignal(job.done, timeout=120_000) as blocker:
        pass
    assert blocker.args == [True, ""]
    assert not warnings
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Samen sterk in Lindeveen" in text and "Buurtcirkel" in text
    assert progress_seen and progress_seen[-1][0] == progress_seen[-1][1]


def test_edits_during_the_export_do_not_reach_the_annex(session, parent, tmp_path, qtbot):
    target = tmp_path / "bijlage.pdf"
    job = start_export(parent, session, target, ExportDialog(session, parent).options(), offer_to_open=False)
    session.project.title = "Gewijzigd tijdens de export"
    with qtbot.waitSignal(job.done, timeout=120_000):
        pass
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Gewijzigd tijdens de export" not in text


def test_cancel_leaves_no_file_and_keeps_an_existing_one(session, parent, tmp_path, qtbot, warnings):
    target = tmp_path / "bijlage.pdf"
    target.write_bytes(b"%PDF-1.4 de vorige versie")
    job = start_export(parent, session, target, ExportDialog(session, parent).options(), offer_to_open=False)
    job.cancel()
    with qtbot.waitSignal(job.done, timeout=120_000) as blocker:
        pass
    assert blocker.args == [False, ""]
    assert not warnings
    assert target.read_bytes() == b"%PDF-1.4 de vorige versie"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bijlage.pdf"]


def test_unwritable_target_gives_a_dutch_message(session, parent, tmp_path, qtbot, warnings):
    blocker_file = tmp_path / "geen-map"
    blocker_file.write_text("ik ben een bestand", encoding="utf-8")
    target = blocker_file / "bijlage.pdf"
    job = start_export(parent, session, target, ExportDialog(session, parent).options(), offer_to_open=False)
    with qtbot.waitSignal(job.done, timeout=120_000) as blocker:
        pass
    assert blocker.args[0] is False
    assert warnings and warnings[0] == blocker.args[1]
    assert "kon niet worden opgeslagen" in warnings[0] and "bijlage.pdf" in warnings[0]
    assert blocker_file.read_text(encoding="utf-8") == "ik ben een bestand"
    assert session.project.title == "Samen sterk in Lindeveen"


def test_interactive_flow_cancelled_in_the_dialog_does_nothing(session, parent, monkeypatch):
    monkeypatch.setattr(ExportDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert export_flow.export_pdf_interactive(parent, session) is None


def test_the_pdf_is_offered_when_ready_and_the_verdict_follows(session, parent, tmp_path, qtbot,
                                                               monkeypatch, warnings):
    target = tmp_path / "uit" / "bijlage.pdf"
    target.parent.mkdir()

    def accept(self):
        self.path_edit.setText(str(target))
        return QDialog.DialogCode.Accepted

    import threading

    from gala_desktop.annex.pdf import archive

    opened: list[str] = []
    asked: list[Path] = []
    checked = threading.Event()  # the PDF/A check waits until the ready state is looked at
    real_check = archive.write_pdfa

    def held_check(*args):
        checked.wait(60)
        return real_check(*args)

    monkeypatch.setattr(archive, "write_pdfa", held_check)
    monkeypatch.setattr(ExportDialog, "exec", accept)
    monkeypatch.setattr(export_flow, "_ask_open", lambda window, output: asked.append(output) or True)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    job = export_flow.export_pdf_interactive(parent, session)
    try:
        with qtbot.waitSignal(job.noticed, timeout=120_000) as ready:
            pass
        assert ready.args == [target]
        dialog = parent.findChild(ExportStatusDialog)
        assert dialog is not None and dialog.isVisible() and not dialog.isModal()
        assert str(target) in dialog.ready_label.text()
        assert not job.is_finished  # the check is still running
        assert dialog.verdict.text() == CHECKING and dialog.busy.isVisibleTo(dialog)
        assert PdfReader(target).pages  # it can be opened now
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
        assert opened == [str(target), str(target.parent)]
    finally:
        checked.set()
    qtbot.waitUntil(lambda: job.is_finished, timeout=120_000)
    assert dialog.passed is True and dialog.verdict.text() == PASSED
    assert not dialog.busy.isVisibleTo(dialog)
    assert "PDF/A-2b gecontroleerd" in dialog.verdict.accessibleName()
    assert asked == [] and not warnings
    with pikepdf.open(target) as pdf:
        assert pdf.open_metadata()["pdfaid:part"] == "2"
    for widget in dialog.findChildren(QWidget):
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus and widget.isVisibleTo(dialog):
            assert widget.accessibleName(), widget
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: parent.findChild(ExportStatusDialog) is None)  # and not kept


def test_cancelling_during_the_check_keeps_the_ready_pdf(session, parent, tmp_path, qtbot,
                                                         warnings, monkeypatch):
    from gala_desktop.annex.pdf import archive

    target = tmp_path / "bijlage.pdf"
    jobs = []
    real_check = archive.write_pdfa

    def check_still_running(*args):  # the cancel must come during the check, however busy
        deadline = time.monotonic() + 60
        while not (jobs and jobs[0].is_cancelled) and time.monotonic() < deadline:
            time.sleep(0.01)
        return real_check(*args)

    monkeypatch.setattr(archive, "write_pdfa", check_still_running)
    job = start_export(parent, session, target, ExportDialog(session, parent).options())
    jobs.append(job)
    job.noticed.connect(lambda path: job.cancel())  # e.g. the window closes during the check
    with qtbot.waitSignal(job.done, timeout=120_000) as blocker:
        pass
    assert blocker.args == [True, ""]
    dialog = parent.findChild(ExportStatusDialog)
    assert dialog.passed is False and "afgebroken" in dialog.verdict.text()
    # the verdict alone: the dialog shows the path above it
    assert dialog.verdict.text().startswith("De PDF/A-controle is afgebroken")
    assert not warnings  # cancelled on purpose: no pop-up
    assert PdfReader(target).pages
    with pikepdf.open(target) as pdf:
        assert "pdfaid:part" not in pdf.open_metadata()
    assert [p.name for p in tmp_path.iterdir()] == ["bijlage.pdf"]


def test_a_file_held_open_can_be_replaced_after_all(session, parent, tmp_path, qtbot, warnings,
                                                   monkeypatch):
    from gala_desktop import atomic

    target = tmp_path / "bijlage.pdf"
    real_replace = atomic.os.replace
    held = [False]  # the officer opens the ready PDF in a viewer that locks it (Windows)

    def replace(source, destination):
        if Path(destination) == target:
            if held[-1]:
                raise PermissionError(13, "Access is denied", str(destination))
            held.append(True)  # the ready file is in place: from now on it is held open
        real_replace(source, destination)

    monkeypatch.setattr(atomic.os, "replace", replace)
    job = start_export(parent, session, target, ExportDialog(session, parent).options())
    with qtbot.waitSignal(job.done, timeout=120_000):
        pass
    dialog = parent.findChild(ExportStatusDialog)
    assert dialog.passed is False and dialog.retry_button.isVisibleTo(dialog)
    assert "geopend in een ander programma" in dialog.verdict.text()
    assert "Opnieuw proberen" in dialog.verdict.text()
    assert dialog.verdict.text().startswith("Let op: de PDF/A-versie kon niet")
    qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)  # still held open
    assert dialog.passed is False and dialog.verdict.text().startswith("Let op: de PDF/A-versie")
    with pikepdf.open(target) as pdf:
        assert "pdfaid:part" not in pdf.open_metadata()
    held.append(False)  # the viewer is closed
    qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)
    assert dialog.passed is True and dialog.verdict.text() == PASSED
    assert not dialog.retry_button.isVisibleTo(dialog)
    with pikepdf.open(target) as pdf:
        assert pdf.open_metadata()["pdfaid:part"] == "2"
    assert pikepdf.pdfa.validate_written(target, "2b").passed
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bijlage.pdf"]
    assert not warnings


def test_progress_reaches_the_ui_on_the_ui_thread(session, parent, tmp_path, qtbot):
    from PySide6.QtCore import QThread

    threads: list[bool] = []
    job = start_export(parent, session, tmp_path / "b.pdf", ExportDialog(session, parent).options(),
                       offer_to_open=False)
    job.progressed.connect(lambda done, total: threads.append(QThread.currentThread() is parent.thread()))
    with qtbot.waitSignal(job.done, timeout=120_000):
        pass
    assert threads and all(threads)


# -- the dialog: PDF/A or Word, the remembered template, the count and the warning ----------

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
    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *a, **k: (str(template), ""))
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
    assert job.outcome().message.startswith("Word-document geschreven naar")
    assert docx.Document(str(target)).core_properties.title.startswith("Samen sterk in Lindeveen")


@pytest.mark.parametrize("replace", [False, True])
def test_an_existing_annex_is_replaced_only_when_the_officer_says_so(session, parent, monkeypatch, replace):
    from gala_desktop.ui import export_flow

    dialog = ExportDialog(session, parent)
    target = dialog.output_path()
    target.write_bytes(b"de bijlage die al naar de raad ging")
    asked = []
    monkeypatch.setattr(export_flow, "_replace", lambda parent, output: asked.append(output) or replace)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog._accept()
    assert asked == [target]
    assert (dialog.result() == QDialog.DialogCode.Accepted) is replace


def test_the_annex_goes_where_the_field_says(session, parent, tmp_path, monkeypatch):
    """A folder gets the suggested name inside it; a bare name goes beside the project, not into
    the program's working folder; ~ is the home folder; the field then shows the full path."""
    from gala_desktop.ui.export_flow import suggested_path

    elsewhere = tmp_path / "ergens"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # the program's working folder
    dialog = ExportDialog(session, parent)
    suggested = suggested_path(session)
    folder = tmp_path / "Raad"
    folder.mkdir()
    for typed, expected in (
        (str(folder), folder / suggested.name),
        (str(folder) + "/", folder / suggested.name),
        ("bijlage", suggested.parent / "bijlage.pdf"),
        ("~/bijlage.pdf", Path.home() / "bijlage.pdf"),
    ):
        dialog.path_edit.setText(typed)
        assert dialog.output_path() == expected, typed
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.path_edit.setText("bijlage")
    dialog._accept()
    assert dialog.path_edit.text() == str(suggested.parent / "bijlage.pdf")
