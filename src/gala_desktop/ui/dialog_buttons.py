"""The confirm-and-cancel row of the program's own dialogs: Dutch texts, accessible names that
say what a button does, and accept/reject wired to the dialog; and the busy dialog of long work."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QProgressDialog, QWidget

CANCEL_NAME = "Annuleren, niets wijzigen"


def confirm_buttons(dialog: QDialog, text: str, name: str) -> QDialogButtonBox:
    """A button box with ``text`` (its accessible ``name``) that accepts ``dialog`` and
    *Annuleren* that rejects it."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(text)
    ok.setAccessibleName(name)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    cancel.setText("Annuleren")
    cancel.setAccessibleName(CANCEL_NAME)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def busy_dialog(parent: QWidget | None, text: str, title: str, name: str, *,
                modal: bool) -> QProgressDialog:
    """A progress dialog with a busy bar (no known end) and *Annuleren*; it stays open until the
    caller closes it. The caller sets when it appears (``setMinimumDuration``) and what the
    cancel does."""
    progress = QProgressDialog(text, "&Annuleren", 0, 0, parent)
    progress.setObjectName(name)
    progress.setWindowTitle(title)
    progress.setWindowModality(Qt.WindowModality.WindowModal if modal else Qt.WindowModality.NonModal)
    progress.setAutoReset(False)
    progress.setAutoClose(False)
    return progress
