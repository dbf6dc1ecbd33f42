"""The two questions of a shared project file: it is in use, or it changed on disk.

Thin builders over ``QMessageBox``; the decisions (who holds the lock, whether it is stale,
whether the file changed) are made in ``project/lock.py`` and ``project/stamp.py``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from gala_desktop.project.lock import LockInfo

# Answers.
READ_ONLY, OPEN_COPY, OPEN_ANYWAY = "read_only", "open_copy", "open_anyway"
SAVE_COPY, OVERWRITE = "save_copy", "overwrite"
CANCEL = "cancel"


def named_button(box: QMessageBox, role: QMessageBox.ButtonRole, text: str):
    """A button on ``box`` whose accessible name is its text without the mnemonic."""
    button = box.addButton(text, role)
    button.setAccessibleName(text.replace("&", ""))
    return button


def in_use_text(info: LockInfo) -> str:
    """``In gebruik door Marieke Smit op LAPTOP-123 sinds 10:42``."""
    return f"In gebruik door {info.describe()}"


def read_only_reason(name: str, info: LockInfo) -> str:
    """Why a project is open read-only, for the banner and refused edits."""
    return (
        f"‘{name}’ is alleen-lezen geopend: in gebruik door {info.describe()}. U kunt lezen en "
        "exporteren; kies Opslaan als om een eigen kopie te bewaren."
    )


def lock_box(parent: QWidget | None, name: str, info: LockInfo) -> tuple[QMessageBox, dict]:
    """The file is open elsewhere: read only, a copy, or — only for a stale lock — anyway."""
    stale = info.is_stale()
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Project in gebruik")
    box.setText(f"‘{name}’ is al geopend.\n\n{in_use_text(info)}.")
    if stale:
        detail = (
            "Het lijkt erop dat dat programma niet meer draait (bijvoorbeeld na een storing). "
            "Als u zeker weet dat niemand anders het project open heeft, kunt u het toch openen."
        )
    else:
        detail = (
            "Zolang het daar open is, kunt u het alleen lezen, of een kopie openen die u onder een "
            "andere naam opslaat. Zo gaat niemands werk verloren."
        )
    box.setInformativeText(detail)
    answers = {}
    read_only = named_button(box, QMessageBox.ButtonRole.AcceptRole, "&Alleen-lezen openen")
    answers[id(read_only)] = READ_ONLY
    copy = named_button(box, QMessageBox.ButtonRole.ActionRole, "&Kopie openen")
    answers[id(copy)] = OPEN_COPY
    if stale:
        anyway = named_button(box, QMessageBox.ButtonRole.DestructiveRole, "&Toch openen")
        answers[id(anyway)] = OPEN_ANYWAY
    cancel = named_button(box, QMessageBox.ButtonRole.RejectRole, "&Annuleren")
    answers[id(cancel)] = CANCEL
    box.setDefaultButton(read_only)
    box.setEscapeButton(cancel)
    return box, answers


def conflict_box(parent: QWidget | None, name: str, who: str) -> tuple[QMessageBox, dict]:
    """The file changed on disk since it was opened or saved here."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Bestand is intussen gewijzigd")
    changed_by = f" door {who}" if who else ""
    box.setText(f"‘{name}’ is gewijzigd{changed_by} sinds u het opende of opsloeg.")
    box.setInformativeText(
        "Als u overschrijft, gaan die wijzigingen verloren. Sla uw versie op als kopie om beide "
        "te bewaren."
    )
    copy = named_button(box, QMessageBox.ButtonRole.AcceptRole, "Opslaan als &kopie")
    overwrite = named_button(box, QMessageBox.ButtonRole.DestructiveRole, "&Toch overschrijven")
    cancel = named_button(box, QMessageBox.ButtonRole.RejectRole, "&Annuleren")
    box.setDefaultButton(copy)
    box.setEscapeButton(cancel)
    return box, {id(copy): SAVE_COPY, id(overwrite): OVERWRITE, id(cancel): CANCEL}
