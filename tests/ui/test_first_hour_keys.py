"""The first hour, continued: keys, help, export defaults, language, validation, Toelichting."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QStandardPaths, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QTextDocument
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLabel

from gala_desktop import cli
from gala_desktop.annex.context import AnnexOptions
from gala_desktop.domain.project import EntryStatus, Project, ShortlistEntry, ThemeChoice
from gala_desktop.ui import export_flow, file_dialogs
from gala_desktop.ui.app import install_translations
from gala_desktop.ui.export_flow import ExportDialog, start_export, suggested_path
from gala_desktop.ui.settings import AppSettings
from tests.ui.conftest import ScriptedDialogs, open_window


@pytest.fixture()
def window(qtbot, catalogue, tmp_path):
    win = open_window(catalogue, qtbot, ScriptedDialogs(paths=[tmp_path / "kopie.gala"]),
                      settings=AppSettings(tmp_path / "settings.ini"))
    project = Project(gemeente="Lindeveen", title="Samen sterk")
    project.themes = [ThemeChoice("eenzaamheid"), ThemeChoice("mantelzorg")]
    for key, theme in (("buurtcirkel", "eenzaamheid"), ("mantelscan", "mantelzorg")):
        project.shortlist.append(ShortlistEntry.for_intervention(catalogue.get(key), theme))
    win.session.replace(project, None)
    return win


@pytest.mark.parametrize("key", ["Ctrl+Shift+S", "F12"])
def test_save_as_shortcuts(window, qtbot, tmp_path, key):
    assert QKeySequence(key) in window.action_save_as.shortcuts()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    window.shortlist_panel.view.setFocus()
    sequence = QKeySequence(key)[0]
    qtbot.keyClick(window.shortlist_panel.view, sequence.key(), sequence.keyboardModifiers())
    assert any(a.startswith("path:") for a in window.files.dialogs.asked)
    assert (tmp_path / "kopie.gala").exists()


def test_f1_opens_the_dutch_user_guide_with_its_images(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    qtbot.keyClick(window.shortlist_panel.view, Qt.Key.Key_F1)
    help_window = window._help_window
    qtbot.waitUntil(help_window.isVisible, timeout=3000)
    text = help_window.browser.toPlainText()
    assert text.startswith("De werkbank") and "shortlist" in text  # rendered, not the Markdown source
    assert "![" not in text and "**" not in text
    document = help_window.browser.document()
    image = document.resource(QTextDocument.ResourceType.ImageResource,
                              QUrl("images/main-window-1366.png"))
    assert image is not None and not image.isNull()
    assert window.action_help in window.menuBar().actions()[-1].menu().actions()


def test_enter_in_the_export_file_field_exports(qtbot, window, tmp_path, monkeypatch):
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *a, **k: pytest.fail("browse opened"))
    for entry in window.session.project.shortlist:  # nothing chosen would ask a question first
        entry.status = EntryStatus.CHOSEN
    dialog = ExportDialog(window.session, window)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "bijlage.pdf"))
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.path_edit.setFocus()
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.output_path() == tmp_path / "bijlage.pdf"


def test_enter_in_the_export_dialog_writes_the_annex(qtbot, window, tmp_path, monkeypatch):
    """The whole flow behind *Exporteren…*: Enter in the file field exports, nothing is browsed."""
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *a, **k: pytest.fail("browse opened"))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    for entry in window.session.project.shortlist:
        entry.status = EntryStatus.CHOSEN
    target = tmp_path / "bijlage.pdf"
    pressed = []

    def press_enter() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ExportDialog):  # never leave a modal dialog waiting
            if dialog is not None:
                dialog.reject()
            return
        dialog.path_edit.setText(str(target))
        dialog.path_edit.setFocus()
        qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)
        pressed.append(dialog.result())
        if dialog.result() != QDialog.DialogCode.Accepted:
            dialog.reject()  # the test fails below instead of waiting for ever

    QTimer.singleShot(0, press_enter)
    job = export_flow.export_pdf_interactive(window, window.session)
    assert pressed == [QDialog.DialogCode.Accepted] and job is not None
    qtbot.waitUntil(lambda: job.is_finished, timeout=120_000)
    assert PdfReader(target).pages


def test_first_export_on_a_profile_without_a_documents_folder(qtbot, window, tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: home))
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda *_: str(home / "Documents"))
    target = suggested_path(window.session)
    assert target == home / "Bijlage - Lindeveen - Samen sterk.pdf"
    for entry in window.session.project.shortlist:
        entry.status = EntryStatus.CHOSEN
    job = start_export(window, window.session, target, AnnexOptions(), offer_to_open=False)
    with qtbot.waitSignal(job.done, timeout=60000) as done:
        pass
    assert done.args[0] is True, done.args
    assert target.read_bytes().startswith(b"%PDF")
    (home / "Documents").mkdir()
    assert export_flow.default_folder() == home / "Documents"


def test_a_validation_message_does_not_move_the_next_field(window, qtbot):
    window.shortlist_panel.select_entry(window.session.project.shortlist[0].id)
    window.show_tab(1)
    editor = window.plan_editor
    QApplication.processEvents()
    before = editor.funding.mapTo(editor, editor.funding.rect().topLeft())
    editor.budget.edit.setFocus()
    editor.budget.edit.setText("twaalf")
    editor.budget.edit.editingFinished.emit()
    QApplication.processEvents()
    assert editor.budget.error_text
    assert editor.funding.mapTo(editor, editor.funding.rect().topLeft()) == before


def test_the_toelichting_follows_the_selected_entrys_theme(window, qtbot):
    panel = window.theme_panel
    first, second = window.session.project.shortlist
    window.shortlist_panel.select_entry(first.id)
    assert panel.current_theme_key() == "eenzaamheid"
    window.shortlist_panel.select_entry(second.id)
    assert panel.current_theme_key() == "mantelzorg"
    assert "Mantelzorg" in panel.rationale_label.text()
    assert panel.rationale.isEnabled()


def test_zoom_of_detail_and_plan_text_is_remembered(window, qtbot, catalogue, tmp_path):
    base = window.browser.detail.font().pointSizeF()
    window.zoom_text(+2)
    assert window.browser.detail.font().pointSizeF() == base + 2
    window.show_tab(1)
    assert window.plan_editor.font().pointSizeF() == base + 2
    again = open_window(catalogue, qtbot, settings=AppSettings(tmp_path / "settings.ini"))
    assert again.browser.detail.font().pointSizeF() == base + 2
    window.zoom_text(None)
    assert window.browser.detail.font().pointSizeF() == base
    assert {QKeySequence("Ctrl++"), QKeySequence("Ctrl+-")} <= set(
        window.action_zoom_in.shortcuts() + window.action_zoom_out.shortcuts())


def test_help_on_the_command_line_is_dutch():
    out = io.StringIO()
    with contextlib.redirect_stdout(out), pytest.raises(SystemExit):
        cli.main(["--help"])
    text = out.getvalue()
    assert text.startswith("gebruik: gala-desktop")
    assert "opties:" in text and "deze hulptekst tonen en stoppen" in text
    for english in ("usage", "options", "show this help", "positional arguments"):
        assert english not in text
    err = io.StringIO()
    with contextlib.redirect_stderr(err), pytest.raises(SystemExit):
        cli.main(["catalogue", "bestaat-niet"])
    assert "fout: argument action: ongeldige keuze" in err.getvalue()


def test_the_file_dialog_labels_are_dutch(qtbot):
    install_translations(QApplication.instance())
    dialog = QFileDialog(None, "Bijlage opslaan als")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"] == "&Zoeken in:"
    assert labels["fileNameLabel"] == "Bestands&naam:"
    assert labels["fileTypeLabel"] == "Bestands&type:"


def test_kiezen_in_the_plan_editor(window, qtbot):
    entry = window.session.project.shortlist[0]
    window.shortlist_panel.select_entry(entry.id)
    window.show_tab(1)
    editor = window.plan_editor
    assert editor.choose_button.isVisible() and editor.choose_button.isEnabled()
    qtbot.mouseClick(editor.choose_button, Qt.MouseButton.LeftButton)
    assert entry.status is EntryStatus.CHOSEN
    assert not editor.choose_button.isEnabled()
    assert "Gekozen" in editor.meta.text()
    window.session.undo_stack.undo()
    assert editor.choose_button.isEnabled()
    editor.notes.setFocus()  # Ctrl+K works from the plan editor too
    qtbot.keyClick(editor.notes, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert entry.status is EntryStatus.CHOSEN


def test_a_date_can_be_picked_from_a_calendar(window, qtbot):
    import datetime as dt

    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QCalendarWidget

    entry = window.session.project.shortlist[0]
    window.shortlist_panel.select_entry(entry.id)
    window.show_tab(1)
    edit = window.plan_editor.start.edit
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus, timeout=3000)
    qtbot.keyClick(edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = edit._calendar_menu.findChild(QCalendarWidget, "datePopup")
    assert calendar is not None and calendar.locale().language().name == "Dutch"
    calendar.clicked.emit(QDate(2027, 3, 1))
    assert edit.text() == "01-03-2027"
    assert entry.plan.start == dt.date(2027, 3, 1)
    window.show_tab(3)
    form = window.project_form
    assert any(a.text() == "Kalender" for a in form.date.actions())
