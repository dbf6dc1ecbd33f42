"""The export's second dialog: the PDF is ready (open it), and the PDF/A verdict when it comes.

The annex job writes the PDF as soon as it is laid out and only then checks its PDF/A version
(``annex/pdf/archive.py``). This dialog appears at that moment: the file can be opened at once,
and a busy line says the check runs. When the verdict comes it replaces that line: *PDF/A-2b
gecontroleerd*, or an honest warning that the file is a plain PDF and why. The dialog is not
modal: the officer keeps working, and closing it does not stop the check.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from gala_desktop.annex.formats import EXPORT_AGAIN
from gala_desktop.ui.detail_pane import escape

CHECKING = ("De PDF/A-controle loopt nog. U kunt de PDF al openen en gewoon verder werken; "
            "het bestand wordt de archiefversie (PDF/A-2b) zodra de controle slaagt.")
PASSED = "PDF/A-2b gecontroleerd: het bestand is nu de archiefversie voor de raad en het archief."
RETRY = ("De gecontroleerde PDF/A-versie is bewaard: sluit de PDF in het andere programma en kies "
         "Opnieuw proberen, dan wordt het bestand alsnog de archiefversie.")  # instead of EXPORT_AGAIN


class ExportStatusDialog(QDialog):
    """Shows ``path`` as ready with *Openen* and *Map openen*; ``show_verdict`` ends the wait."""

    def __init__(self, path: Path, parent: QWidget | None = None, title: str = "",
                 offer_to_open: bool = True) -> None:
        super().__init__(parent)
        self.path = path
        self.setWindowTitle(title)
        self.setObjectName("exportStatus")
        self.setWindowModality(Qt.WindowModality.NonModal)
        ready = QLabel(f"<b>De bijlage staat klaar.</b><br>{escape(str(path))}")
        ready.setObjectName("exportReady")
        ready.setWordWrap(True)
        ready.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        ready.setAccessibleName(f"De bijlage staat klaar: {path}")
        self.ready_label = ready
        self.open_button = QPushButton("PDF &openen")
        self.open_button.setAccessibleName("De PDF openen")
        self.open_button.clicked.connect(lambda: self._open(self.path))
        self.folder_button = QPushButton("&Map openen")
        self.folder_button.setAccessibleName("De map met de PDF openen")
        self.folder_button.clicked.connect(lambda: self._open(self.path.parent))
        for button in (self.open_button, self.folder_button):
            button.setAutoDefault(False)
            button.setVisible(offer_to_open)
        open_row = QHBoxLayout()
        open_row.addWidget(self.open_button)
        open_row.addWidget(self.folder_button)
        open_row.addStretch(1)
        self.verdict_icon = QLabel()
        self.verdict = QLabel(CHECKING)
        self.verdict.setObjectName("exportVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.verdict.setAccessibleName(f"PDF/A-controle: {CHECKING}")
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # busy: the check reports no steps
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName("PDF/A-controle loopt")
        self.busy.setMaximumHeight(8)
        verdict_row = QHBoxLayout()
        verdict_row.addWidget(self.verdict_icon, 0, Qt.AlignmentFlag.AlignTop)
        verdict_row.addWidget(self.verdict, 1)
        buttons = QDialogButtonBox()
        self.retry_button = buttons.addButton("Opnieuw &proberen",
                                              QDialogButtonBox.ButtonRole.ActionRole)
        self.retry_button.setAccessibleName("Opnieuw proberen het bestand te vervangen door de "
                                            "gecontroleerde PDF/A-versie")
        self.retry_button.hide()
        self.retry_button.clicked.connect(self._retry)
        self._retry_with = None
        self.close_button = buttons.addButton("&Sluiten", QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.setAccessibleName("Sluiten (de controle gaat door)")
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(ready)
        layout.addLayout(open_row)
        layout.addLayout(verdict_row)
        layout.addWidget(self.busy)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.passed: bool | None = None

    def show_verdict(self, passed: bool, message: str, retry=None) -> None:
        """``passed``: the file is now the checked PDF/A; otherwise ``message`` says why not
        (the verdict alone: the path is shown above).
        ``retry() -> (passed, message, retry)`` tries the replacement again (offered as a button)."""
        self.passed = passed
        self._retry_with = retry
        self.retry_button.setVisible(retry is not None)
        if retry is not None:
            message = f"{message.removesuffix(EXPORT_AGAIN).rstrip()} {RETRY}"
        self.busy.hide()
        pixmap = (QStyle.StandardPixmap.SP_DialogApplyButton if passed
                  else QStyle.StandardPixmap.SP_MessageBoxWarning)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self.verdict_icon.setPixmap(QApplication.style().standardIcon(pixmap).pixmap(size, size))
        text = PASSED if passed else message
        self.verdict.setText(text)
        self.verdict.setAccessibleName(f"PDF/A-controle: {text}")
        self.setWindowTitle(f"{self.windowTitle().split(' — ')[0]} — "
                            f"{'PDF/A gecontroleerd' if passed else 'geen PDF/A'}")

    def closeEvent(self, event) -> None:  # noqa: N802
        super().closeEvent(event)
        if self.passed is not None:  # the verdict is in: nothing more to show here
            self.deleteLater()

    def _retry(self) -> None:
        if self._retry_with is not None:
            self.show_verdict(*self._retry_with())

    @staticmethod
    def _open(path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
