"""Exporteren: the dialog (PDF/A or Word), the export off the UI thread, progress, cancel, open.

A PDF is reported ready as soon as it is laid out (``export_status.ExportStatusDialog``: open
it at once); its PDF/A check runs on in the same job and the verdict appears in that dialog.

The export works on a deep copy of the project, so the officer can keep working while it runs
and nothing they change mid-export ends up half in the annex. The annex renderer writes to a
temporary file and moves it into place at the end, so a cancelled or failed export leaves no
partial file and never touches an existing file.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from gala_desktop.annex.context import AnnexOptions
from gala_desktop.annex.formats import ExportFormat
from gala_desktop.domain.project import EntryStatus, Project
from gala_desktop.ui import file_dialogs
from gala_desktop.ui.dialog_buttons import busy_dialog
from gala_desktop.ui.export_status import ExportStatusDialog
from gala_desktop.ui.jobs import Job, JobRunner
from gala_desktop.ui.session import ProjectSession
from gala_desktop.ui.settings import AppSettings

_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')
EXPORT_TITLE = "Bijlage exporteren"
NOTHING_CHOSEN = (
    "Er is nog geen interventie met status ‘Gekozen’. De bijlage zegt dan alleen dat er niets "
    "gekozen is. Zet in de shortlist de status van de interventies die u inzet op ‘Gekozen’."
)


def suggested_file_name(project: Project, fmt: ExportFormat = ExportFormat.PDF) -> str:
    """``Bijlage - Lindeveen - Samen sterk.pdf``; characters Windows refuses are left out."""
    parts = ["Bijlage"] + [p for p in (project.gemeente.strip(), project.title.strip()) if p]
    name = " - ".join(_UNSAFE.sub(" ", p).strip() for p in parts)
    name = re.sub(r"\s+", " ", name)[:120].strip(" .")
    return f"{name or 'Bijlage'}{fmt.suffix}"


def default_folder() -> Path:
    """The platform's documents folder when it exists (a fresh account may have none), else
    the home folder."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def suggested_path(session: ProjectSession, fmt: ExportFormat = ExportFormat.PDF) -> Path:
    """Beside the project file, else in the documents folder; named after the project."""
    folder = session.path.parent if session.path and session.path.parent.is_dir() else default_folder()
    return folder / suggested_file_name(session.project, fmt)


def included_counts(project: Project, options: AnnexOptions) -> tuple[int, int]:
    """(interventions the annex will hold, of which *gekozen*)."""
    included = [e for e in project.shortlist if options.includes(e.status)]
    return len(included), sum(1 for e in included if e.status is EntryStatus.CHOSEN)


def _count_text(total: int, chosen: int) -> str:
    if total == 0:
        return "De bijlage bevat geen interventies."
    noun = "interventie" if total == 1 else "interventies"
    if total == chosen:
        return f"De bijlage bevat {total} {noun}, alle met status ‘Gekozen’."
    return f"De bijlage bevat {total} {noun}, waarvan {chosen} met status ‘Gekozen’."


class ExportDialog(QDialog):
    def __init__(self, session: ProjectSession, parent: QWidget | None = None,
                 settings: AppSettings | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._settings = settings or AppSettings()
        self.setWindowTitle(EXPORT_TITLE)
        self.setObjectName("exportDialog")
        self.pdf_choice = QRadioButton(f"&{ExportFormat.PDF.label}")
        self.docx_choice = QRadioButton(f"&{ExportFormat.DOCX.label}")
        self.formats = QButtonGroup(self)
        for button in (self.pdf_choice, self.docx_choice):
            button.setAccessibleName(button.text().replace("&", ""))
            self.formats.addButton(button)
        self.pdf_choice.setChecked(True)
        self.path_edit = QLineEdit(str(suggested_path(session)))
        self.path_edit.setAccessibleName("Bestandsnaam van de bijlage")
        self.path_edit.setMinimumWidth(420)
        browse = QPushButton("Bl&aderen…")
        browse.setAccessibleName("Bladeren naar een map en bestandsnaam")
        browse.clicked.connect(self._browse)
        browse.setAutoDefault(False)  # Enter in the file field exports, it does not browse
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.template_label = QLabel()
        self.template_label.setWordWrap(True)
        self.template_button = QPushButton("&Sjabloon kiezen…")
        self.template_button.setAccessibleName("Huisstijlsjabloon kiezen")
        self.template_button.clicked.connect(self._choose_template)
        self.no_template_button = QPushButton("Geen sja&bloon")
        self.no_template_button.setAccessibleName("Zonder huisstijlsjabloon exporteren")
        self.no_template_button.clicked.connect(lambda: self._set_template(""))
        for button in (self.template_button, self.no_template_button):
            button.setAutoDefault(False)  # Enter exports; it does not pick a template
        template_row = QHBoxLayout()
        template_row.addWidget(self.template_label, 1)
        template_row.addWidget(self.template_button)
        template_row.addWidget(self.no_template_button)
        self.considering = QCheckBox("Ook interventies met status ‘&overwegen’ opnemen")
        self.considering.setAccessibleName(self.considering.text().replace("&", ""))
        self.dropped = QCheckBox("Ook a&fgevallen interventies opnemen")
        self.dropped.setAccessibleName(self.dropped.text().replace("&", ""))
        form = QFormLayout()
        kind = QLabel("Soort bestand:")
        kinds = QVBoxLayout()
        kinds.addWidget(self.pdf_choice)
        kinds.addWidget(self.docx_choice)
        form.addRow(kind, kinds)
        self.template_caption = QLabel("Huisstijl:")
        form.addRow(self.template_caption, template_row)
        label = QLabel("&Bestand:")
        label.setBuddy(self.path_edit)
        form.addRow(label, row)
        self.count_label = QLabel()
        self.count_label.setObjectName("exportCount")
        self.count_label.setWordWrap(True)
        self.warning_icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.warning_icon.setPixmap(icon.pixmap(size, size))
        self.warning_icon.setAccessibleName("Waarschuwing")
        self.warning = QLabel(NOTHING_CHOSEN)
        self.warning.setObjectName("exportNothingChosen")
        self.warning.setWordWrap(True)
        warning_row = QHBoxLayout()
        warning_row.addWidget(self.warning_icon, 0, Qt.AlignmentFlag.AlignTop)
        warning_row.addWidget(self.warning, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.addButton("&Exporteren", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button = ok
        ok.setAccessibleName("Exporteren")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Annuleren")
        buttons.accepted.connect(self._accept)
        # Enter in the file field exports (the button box otherwise makes Annuleren the default)
        self.path_edit.returnPressed.connect(self._accept)
        for button in buttons.buttons():
            button.setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "De bijlage bevat de gekozen thema's en de <b>gekozen</b> interventies met hun "
            "uitvoeringsnotities. Kies PDF/A voor de raad en het archief, of een Word-document "
            "om de tekst verder te bewerken of in de huisstijl van de gemeente te zetten."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.considering)
        layout.addWidget(self.dropped)
        layout.addWidget(self.count_label)
        layout.addLayout(warning_row)
        layout.addWidget(buttons)
        self.formats.buttonToggled.connect(self._format_changed)
        self.considering.toggled.connect(self._update_count)
        self.dropped.toggled.connect(self._update_count)
        self._template = self._settings.docx_template
        self._show_template()
        if self._settings.export_format == ExportFormat.DOCX.value:
            self.docx_choice.setChecked(True)
        self._format_changed()
        self._update_count()
        # Enter anywhere exports; set once the button is in the dialog, or the dialog makes its
        # first auto-default button (a disabled "Sjabloon kiezen…") the default
        ok.setDefault(True)

    # -- format and template -------------------------------------------------------------

    def export_format(self) -> ExportFormat:
        return ExportFormat.DOCX if self.docx_choice.isChecked() else ExportFormat.PDF

    def template(self) -> Path | None:
        return Path(self._template) if self._template and self.export_format() is ExportFormat.DOCX else None

    def _format_changed(self, *_args) -> None:
        fmt = self.export_format()
        is_word = fmt is ExportFormat.DOCX
        for widget in (self.template_caption, self.template_label, self.template_button,
                       self.no_template_button):
            widget.setEnabled(is_word)
        self.no_template_button.setEnabled(is_word and bool(self._template))
        path = Path(self.path_edit.text().strip())
        if path.name and ExportFormat.for_path(path) not in (None, fmt):
            self.path_edit.setText(str(path.with_suffix(fmt.suffix)))

    def _show_template(self) -> None:
        if self._template:
            self.template_label.setText(f"Sjabloon {Path(self._template).name}")
            self.template_label.setToolTip(self._template)
        else:
            self.template_label.setText("Standaardopmaak (zoals de PDF)")
            self.template_label.setToolTip("")
        self.template_label.setAccessibleName(f"Huisstijl: {self.template_label.text()}")
        self.no_template_button.setEnabled(bool(self._template) and self.docx_choice.isChecked())

    def _set_template(self, path: str) -> None:
        self._template = path
        self._settings.docx_template = path  # remembered for the next export
        self._show_template()

    def _choose_template(self) -> None:
        start = self._template or str(Path(self.path_edit.text()).parent)
        path, _ = file_dialogs.open_file_name(
            self, "Huisstijlsjabloon kiezen", start,
            "Word-sjablonen en -documenten (*.dotx *.docx)"
        )
        if path:
            self._set_template(path)

    # -- counts ------------------------------------------------------------------------

    def _update_count(self, *_args) -> None:
        total, chosen = included_counts(self._session.project, self.options())
        self.count_label.setText(_count_text(total, chosen))
        self.warning.setVisible(chosen == 0)
        self.warning_icon.setVisible(chosen == 0)

    # -- accept ------------------------------------------------------------------------

    def _browse(self) -> None:
        fmt = self.export_format()
        path, _ = file_dialogs.save_file_name(
            self, "Bijlage opslaan als", self.path_edit.text(), fmt.file_filter, fmt.suffix.lstrip(".")
        )
        if path:
            self.path_edit.setText(path)

    def _accept(self) -> None:
        if self.result() == QDialog.DialogCode.Accepted:  # Enter reaches the field and the dialog
            return
        text = self.path_edit.text().strip()
        if not text:
            QMessageBox.warning(self, EXPORT_TITLE, "Vul een bestandsnaam in.")
            return
        output = self.output_path()
        self.path_edit.setText(str(output))  # what will be written, in full
        if output.is_file() and not _replace(self, output):
            return
        _total, chosen = included_counts(self._session.project, self.options())
        if chosen == 0:
            answer = QMessageBox.question(
                self, EXPORT_TITLE, f"{NOTHING_CHOSEN}\n\nToch exporteren?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._settings.export_format = self.export_format().value
        self.accept()

    def output_path(self) -> Path:
        """The file the export writes: a folder gets the suggested name inside it, a bare name
        goes beside the project (never into the program's working folder), ``~`` is the home
        folder, and the format's extension is added when it is missing."""
        fmt = self.export_format()
        path = Path(self.path_edit.text().strip()).expanduser()
        suggested = suggested_path(self._session, fmt)
        if path.is_dir():
            path = path / suggested.name
        elif not path.is_absolute():
            path = suggested.parent / path
        return path if path.suffix.lower() == fmt.suffix else path.with_name(path.name + fmt.suffix)

    def options(self) -> AnnexOptions:
        return AnnexOptions(
            include_considering=self.considering.isChecked(),
            include_dropped=self.dropped.isChecked(),
        )

    def renderer(self):
        from gala_desktop.annex.export import renderer_for

        return renderer_for(self.export_format(), self.template())


def _replace(parent: QWidget, output: Path) -> bool:
    """An annex already at ``output`` (perhaps the one sent to the council): replace it?"""
    from gala_desktop.ui.file_questions import ask_replace

    return ask_replace(parent, EXPORT_TITLE, f"‘{output.name}’ bestaat al in {output.parent}. "
                                             "Wilt u het vervangen?")


def export_job(session: ProjectSession, output: Path, options: AnnexOptions,
               runner: JobRunner, renderer=None) -> Job:
    """Start the export on a deep copy of the project: the officer can keep working meanwhile
    and nothing changed mid-export ends up half in the annex. ``job.noticed(path)`` fires when
    a PDF is ready to open (before its PDF/A check); ``job.outcome`` holds the use case's
    ``Outcome`` once it is done (with ``warning`` set when the PDF is no checked PDF/A)."""
    project = copy.deepcopy(session.project)
    catalogue = session.catalogue
    holder: dict = {}

    def work(progress, is_cancelled, notice) -> tuple[bool, str]:
        from gala_desktop.annex.export import renderer_for  # reportlab loads lazily
        from gala_desktop.operations.export import export_annex

        render = renderer or renderer_for(ExportFormat.PDF)

        def keeping_result(*args, **kwargs):
            holder["result"] = render(*args, **kwargs)
            return holder["result"]

        outcome = export_annex(project, output, catalogue=catalogue, options=options,
                               renderer=keeping_result, progress=progress,
                               is_cancelled=is_cancelled, on_ready=notice)
        holder["outcome"] = outcome
        return outcome.ok, "" if outcome.ok else outcome.message

    job = runner.start(work, notices=True)
    job.outcome = lambda: holder.get("outcome")
    job.result = lambda: holder.get("result")  # the ExportResult, once written
    return job


def export_pdf_interactive(window: QWidget, session: ProjectSession) -> Job | None:
    """The whole user flow behind *Exporteren…*; returns the running job, if any."""
    dialog = ExportDialog(session, window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return start_export(window, session, dialog.output_path(), dialog.options(),
                        renderer=dialog.renderer())


def start_export(
    window: QWidget, session: ProjectSession, output: Path, options: AnnexOptions,
    *, offer_to_open: bool = True, renderer=None,
) -> Job:
    """Run the export of ``session``'s project to ``output`` with ``renderer`` (PDF/A when
    None), with a progress dialog, and tell the officer how it went."""
    job = export_job(session, output, options, JobRunner.of(window), renderer)
    # Not modal: a modal QProgressDialog runs a nested event loop inside setValue(), where the
    # job's "done" could close and delete the dialog under its own feet. The officer may keep
    # working meanwhile; the export has its own copy of the project.
    progress = busy_dialog(window, "De bijlage wordt gemaakt…", EXPORT_TITLE, "exportProgress", modal=False)
    progress.setMinimumDuration(300)
    progress.canceled.connect(job.cancel)

    finished = False
    status_dialog: list[ExportStatusDialog] = []  # once the PDF is ready

    progress_open = [True]

    def close_progress() -> None:  # once: when the PDF is ready, or at the end
        if progress_open.pop() if progress_open else False:
            progress.canceled.disconnect(job.cancel)
            progress.close()
            progress.deleteLater()

    def on_progress(done: int, total: int) -> None:
        if finished or status_dialog:
            return
        progress.setMaximum(max(total, 1))
        progress.setValue(min(done, total))

    def on_ready(path) -> None:
        if finished:
            return
        close_progress()
        dialog = ExportStatusDialog(Path(path), window, EXPORT_TITLE, offer_to_open)
        status_dialog.append(dialog)
        if status:
            status().showMessage(f"Bijlage klaar: {path}. De PDF/A-controle loopt nog.", 8000)
        dialog.show()

    status = getattr(window, "statusBar", None)

    def on_done(success: bool, message: str) -> None:
        nonlocal finished
        finished = True
        if status_dialog:
            _report_verdict(window, status_dialog[0], job, success, message)
            return
        close_progress()
        if success:
            outcome = job.outcome()
            if outcome is not None and outcome.warning:
                # honest: the file exists, but it is not the PDF/A the officer asked for
                if status:
                    status().showMessage(f"Bijlage opgeslagen, maar niet als PDF/A: {output}", 8000)
                QMessageBox.warning(window, EXPORT_TITLE, outcome.message)
                return
            if status:
                status().showMessage(outcome.message if outcome else f"Bijlage opgeslagen: {output}",
                                     8000)
            if offer_to_open and _ask_open(window, output):
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(output)))
        elif message:
            QMessageBox.warning(window, EXPORT_TITLE, message)
        elif status:
            status().showMessage("Export geannuleerd; er is geen bestand gemaakt.", 8000)

    job.progressed.connect(on_progress)
    job.noticed.connect(on_ready)
    job.done.connect(on_done)
    return job


def _report_verdict(window: QWidget, dialog: ExportStatusDialog, job: Job, success: bool,
                    message: str) -> None:
    """The PDF/A verdict of a ready PDF: in its dialog; when the officer closed that, a warning
    still reaches them (not while the window closes: then the check was cancelled on purpose)."""
    outcome = job.outcome()
    passed = bool(success and outcome is not None and not outcome.warning)
    result = job.result()
    text = outcome.message if outcome is not None else message
    # the dialog shows the file's path above its verdict
    verdict = result.verdict_text() if success and result is not None else text
    dialog.show_verdict(passed, verdict, _retry_of(result) if result is not None else None)
    status = getattr(window, "statusBar", None)
    if status:
        status().showMessage(f"PDF/A-2b gecontroleerd: {dialog.path}" if passed
                             else f"Bijlage klaar, maar niet als PDF/A: {dialog.path}", 8000)
    if not dialog.isVisible():  # closed before the verdict: it is not needed any more
        dialog.deleteLater()
        if not passed and not job.is_cancelled:
            QMessageBox.warning(window, EXPORT_TITLE, text)


def _retry_of(result):
    """The dialog's *Opnieuw proberen* for a checked PDF/A that could not replace the file."""
    if result.retry is None:
        return None

    def retry():
        again = result.retry()
        return again.pdfa is True, again.verdict_text(), _retry_of(again)

    return retry


def _ask_open(window: QWidget, output: Path) -> bool:
    kind = "het Word-document" if output.suffix.lower() == ".docx" else "de PDF"
    answer = QMessageBox.question(
        window,
        EXPORT_TITLE,
        f"De bijlage is opgeslagen als\n{output}\n\nWilt u {kind} nu openen?",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes
