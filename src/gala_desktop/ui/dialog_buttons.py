"""The confirm-and-cancel row of the program's own dialogs: Dutch texts, accessible names that
say what a button does, and accept/reject wired to the dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox

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
