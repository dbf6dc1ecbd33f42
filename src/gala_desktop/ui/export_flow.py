"""Exporteren: the dialog, the export as a background job, progress, cancel, open.

The export works on a deep copy of the project, so the officer can keep working while it runs
and nothing they change mid-export ends up half in the annex. The annex renderer writes to a
temporary file and moves it into place at the end, so a cancelled or failed export leaves no
partial file and never touches an existing PDF.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl
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
from gala_desktop.ui.jobs import Job, JobRunner
from gala_desktop.ui.session import ProjectSession

EXPORT_TITLE = "Exporteren"  # format-neutral: the dialog may offer more formats
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
        self.setWindowTitle(EXPORT_TITLE)
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
            QMessageBox.warning(self, EXPORT_TITLE, "Vul een bestandsnaam in.")
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


def export_job(session: ProjectSession, output: Path, options: AnnexOptions,
               runner: JobRunner) -> Job:
    """Start the export on a deep copy of the project: the officer can keep working meanwhile
    and nothing changed mid-export ends up half in the annex."""
    project = copy.deepcopy(session.project)
    catalogue = session.catalogue

    def work(progress, is_cancelled) -> tuple[bool, str]:
        from gala_desktop.operations.export import export_annex  # reportlab loads lazily

        outcome = export_annex(project, output, catalogue=catalogue, options=options,
                               progress=progress, is_cancelled=is_cancelled)
        return outcome.ok, "" if outcome.ok else outcome.message

    return runner.start(work)


def export_pdf_interactive(window: QWidget, session: ProjectSession) -> Job | None:
    """The whole user flow behind *Exporteren…*; returns the running job, if any."""
    dialog = ExportDialog(session, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return start_export(window, session, dialog.output_path(), dialog.options())


def start_export(
    window: QWidget, session: ProjectSession, output: Path, options: AnnexOptions,
    *, offer_to_open: bool = True,
) -> Job:
    job = export_job(session, output, options, JobRunner.of(window))
    progress = QProgressDialog("De bijlage wordt gemaakt…", "Annuleren", 0, 0, window)
    progress.setWindowTitle(EXPORT_TITLE)
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
            QMessageBox.warning(window, EXPORT_TITLE, message)
        elif status:
            status().showMessage("Export geannuleerd; er is geen bestand gemaakt.", 8000)

    job.progressed.connect(on_progress)
    job.done.connect(on_done)
    return job


def _ask_open(window: QWidget, output: Path) -> bool:
    answer = QMessageBox.question(
        window,
        EXPORT_TITLE,
        f"De bijlage is opgeslagen als\n{output}\n\nWilt u de PDF nu openen?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes
