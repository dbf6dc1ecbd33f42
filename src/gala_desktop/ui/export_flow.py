"""Exporteren naar PDF: the dialog, the export off the UI thread, progress, cancel, open.

The export works on a deep copy of the project, so the officer can keep working while it runs
and nothing they change mid-export ends up half in the annex. The annex renderer writes to a
temporary file and moves it into place at the end, so a cancelled or failed export leaves no
partial file and never touches an existing PDF.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, QThread, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gala_desktop.annex.context import AnnexOptions
from gala_desktop.domain.project import Project
from gala_desktop.ui.session import ProjectSession

_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')


def suggested_file_name(project: Project) -> str:
    """``Bijlage - Lindeveen - Samen sterk.pdf``; characters Windows refuses are left out."""
    parts = ["Bijlage"] + [p for p in (project.gemeente.strip(), project.title.strip()) if p]
    name = " - ".join(_UNSAFE.sub(" ", p).strip() for p in parts)
    name = re.sub(r"\s+", " ", name)[:120].strip(" .")
    return f"{name or 'Bijlage'}.pdf"


def suggested_path(session: ProjectSession) -> Path:
    folder = session.path.parent if session.path else Path(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        or Path.home()
    )
    return folder / suggested_file_name(session.project)


class ExportDialog(QDialog):
    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Exporteren naar PDF")
        self.setObjectName("exportDialog")
        self.path_edit = QLineEdit(str(suggested_path(session)))
        self.path_edit.setAccessibleName("Bestandsnaam van de bijlage")
        self.path_edit.setMinimumWidth(420)
        browse = QPushButton("&Bladeren…")
        browse.setAccessibleName("Bladeren naar een map en bestandsnaam")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.considering = QCheckBox("Ook interventies met status ‘&overwegen’ opnemen")
        self.considering.setAccessibleName(self.considering.text().replace("&", ""))
        self.dropped = QCheckBox("Ook &afgevallen interventies opnemen")
        self.dropped.setAccessibleName(self.dropped.text().replace("&", ""))
        form = QFormLayout()
        label = QLabel("&Bestand:")
        label.setBuddy(self.path_edit)
        form.addRow(label, row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.addButton("&Exporteren", QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setDefault(True)
        ok.setAccessibleName("Exporteren")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Annuleren")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "De bijlage bevat de gekozen thema's en de <b>gekozen</b> interventies met hun "
            "uitvoeringsnotities. Het bestand is PDF/A, geschikt voor archivering."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.considering)
        layout.addWidget(self.dropped)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Bijlage opslaan als", self.path_edit.text(), "PDF-bestanden (*.pdf)"
        )
        if path:
            self.path_edit.setText(path)

    def _accept(self) -> None:
        text = self.path_edit.text().strip()
        if not text:
            QMessageBox.warning(self, "Exporteren naar PDF", "Vul een bestandsnaam in.")
            return
        self.accept()

    def output_path(self) -> Path:
        path = Path(self.path_edit.text().strip())
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")

    def options(self) -> AnnexOptions:
        return AnnexOptions(
            include_considering=self.considering.isChecked(),
            include_dropped=self.dropped.isChecked(),
        )


class _Worker(QObject):
    progressed = Signal(int, int)
    finished = Signal(bool, str)  # success, Dutch message (error text, or "" on success)

    def __init__(self, project: Project, output: Path, catalogue, options: AnnexOptions) -> None:
        super().__init__()
        self._project = project
        self._output = output
        self._catalogue = catalogue
        self._options = options
        self.cancel_requested = False

    def run(self) -> None:
        from gala_desktop.annex.export import AnnexExportError, ExportCancelled, export_project

        try:
            export_project(
                self._project,
                self._output,
                catalogue=self._catalogue,
                options=self._options,
                progress=lambda done, total: self.progressed.emit(done, total),
                is_cancelled=lambda: self.cancel_requested,
            )
        except ExportCancelled:
            self.finished.emit(False, "")
        except AnnexExportError as err:
            self.finished.emit(False, str(err))
        except Exception as err:  # a bug must not take the officer's work down with it
            self.finished.emit(
                False,
                "De bijlage kon door een onverwachte fout niet worden gemaakt. Uw project is niet "
                f"gewijzigd. Technische melding: {type(err).__name__}: {err}",
            )
        else:
            self.finished.emit(True, "")


class ExportJob(QObject):
    """One export running on its own thread. ``progressed`` and ``done`` fire on the UI thread."""

    progressed = Signal(int, int)
    done = Signal(bool, str)

    def __init__(self, session: ProjectSession, output: Path, options: AnnexOptions, parent=None):
        super().__init__(parent)
        self.output = output
        self._thread = QThread()
        self._worker = _Worker(copy.deepcopy(session.project), output, session.catalogue, options)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        # Relayed through this object, which lives in the UI thread: a plain Python callable
        # connected to the worker's signal would run in the worker thread and touch widgets there.
        self._worker.progressed.connect(self.progressed, Qt.ConnectionType.QueuedConnection)
        self._worker.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self._worker.cancel_requested = True

    def _on_finished(self, success: bool, message: str) -> None:
        self._thread.quit()
        self._thread.wait()
        self.done.emit(success, message)


def export_pdf_interactive(window: QWidget, session: ProjectSession) -> ExportJob | None:
    """The whole user flow behind *Exporteren naar PDF…*; returns the running job, if any."""
    dialog = ExportDialog(session, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return start_export(window, session, dialog.output_path(), dialog.options())


def start_export(
    window: QWidget, session: ProjectSession, output: Path, options: AnnexOptions,
    *, offer_to_open: bool = True,
) -> ExportJob:
    job = ExportJob(session, output, options, window)
    progress = QProgressDialog("De bijlage wordt gemaakt…", "Annuleren", 0, 0, window)
    progress.setWindowTitle("Exporteren naar PDF")
    progress.setObjectName("exportProgress")
    # Not modal: a modal QProgressDialog runs a nested event loop inside setValue(), where the
    # job's "done" could close and delete the dialog under its own feet. The officer may keep
    # working meanwhile; the export has its own copy of the project.
    progress.setWindowModality(Qt.WindowModality.NonModal)
    progress.setMinimumDuration(300)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    progress.canceled.connect(job.cancel)

    finished = False

    def on_progress(done: int, total: int) -> None:
        if finished:
            return
        progress.setMaximum(max(total, 1))
        progress.setValue(min(done, total))

    def on_done(success: bool, message: str) -> None:
        nonlocal finished
        finished = True
        progress.canceled.disconnect(job.cancel)
        progress.close()
        progress.deleteLater()
        status = getattr(window, "statusBar", None)
        if success:
            if status:
                status().showMessage(f"Bijlage opgeslagen: {output}", 8000)
            if offer_to_open and _ask_open(window, output):
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(output)))
        elif message:
            QMessageBox.warning(window, "Exporteren naar PDF", message)
        elif status:
            status().showMessage("Export geannuleerd; er is geen bestand gemaakt.", 8000)

    job.progressed.connect(on_progress)
    job.done.connect(on_done)
    job.start()
    return job


def _ask_open(window: QWidget, output: Path) -> bool:
    answer = QMessageBox.question(
        window,
        "Exporteren naar PDF",
        f"De bijlage is opgeslagen als\n{output}\n\nWilt u de PDF nu openen?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes
