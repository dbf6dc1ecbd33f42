"""The questions and messages of the file flows, as real Qt dialogs in Dutch, and the names
of the files they ask about.

``FileActions`` (``file_actions.py``) asks everything through :class:`Dialogs`; tests replace it
with a scripted one, so the flows can be driven without modal dialogs.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from gala_desktop.domain.formatting import format_date_long
from gala_desktop.project.document import FILE_SUFFIX
from gala_desktop.project.lock import LockInfo
from gala_desktop.project.recovery import RecoveryItem
from gala_desktop.ui import shared_file_dialogs as shared

FILE_FILTER = f"GALA-projecten (*{FILE_SUFFIX})"
UNTITLED = "Naamloos"

# Answers of the dialogs.
SAVE, DISCARD, CANCEL = "save", "discard", "cancel"
RESTORE, LATER = "restore", "later"


def name_message_labels(box: QMessageBox) -> QMessageBox:
    """The texts of a message box can be selected (so they take focus): give them their text as
    accessible name. Call after the last ``setText``/``setInformativeText``."""
    for label in box.findChildren(QLabel):
        if label.focusPolicy() != Qt.FocusPolicy.NoFocus:
            label.setAccessibleName(label.text() or box.windowTitle())
    return box


def message_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    """A message box with one OK button that has an accessible name."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.button(QMessageBox.StandardButton.Ok).setAccessibleName("OK")
    return name_message_labels(box)


# icon, title, informative text and (label, answer) for yes, the destructive one and the one
# that changes nothing
SAVE_QUESTION = (
    QMessageBox.Icon.Warning, "Wijzigingen opslaan?",
    "Als u niet opslaat, gaan uw wijzigingen verloren.",
    (("&Opslaan", SAVE), ("&Niet opslaan", DISCARD), ("&Annuleren", CANCEL)),
)
RECOVERY_QUESTION = (
    QMessageBox.Icon.Question, "Niet-opgeslagen werk herstellen?",
    "GALA Desktop is de vorige keer niet netjes afgesloten. Wilt u dit werk herstellen?",
    (("&Herstellen", RESTORE), ("&Verwijderen", DISCARD), ("&Later", LATER)),
)


def _answer(box_and_answers: tuple[QMessageBox, dict], otherwise: str) -> str:
    box, answers = box_and_answers
    box.exec()
    return answers.get(id(box.clickedButton()), otherwise)


def _three_button_box(parent: QWidget | None, text: str, icon: QMessageBox.Icon, title: str,
                      informative: str, buttons) -> tuple[QMessageBox, dict]:
    """A question with three answers: (label, answer) for yes, the destructive one and the
    one that changes nothing; the first is the default, the last is Escape. Returns the box and
    the answer per button id."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    box.setInformativeText(informative)
    roles = (QMessageBox.ButtonRole.AcceptRole, QMessageBox.ButtonRole.DestructiveRole,
             QMessageBox.ButtonRole.RejectRole)
    made = [(shared.named_button(box, role, label), answer) for role, (label, answer) in zip(roles, buttons)]
    box.setDefaultButton(made[0][0])
    box.setEscapeButton(made[-1][0])
    name_message_labels(box)
    return box, {id(button): answer for button, answer in made}


class Dialogs:
    """The questions and messages of the file flows, as real Qt dialogs in Dutch.

    The ``*_box`` methods build the dialogs (tests inspect them); the others show them.
    """

    def save_changes_box(self, parent: QWidget | None, name: str) -> tuple[QMessageBox, dict]:
        return _three_button_box(parent, f"Wilt u de wijzigingen in ‘{name}’ opslaan?", *SAVE_QUESTION)

    def ask_save_changes(self, parent: QWidget, name: str) -> str:
        return _answer(self.save_changes_box(parent, name), CANCEL)

    def recovery_box(self, parent: QWidget | None, item: RecoveryItem) -> tuple[QMessageBox, dict]:
        return _three_button_box(parent, recovery_description(item), *RECOVERY_QUESTION)

    def ask_recovery(self, parent: QWidget, item: RecoveryItem) -> str:
        return _answer(self.recovery_box(parent, item), LATER)

    def ask_locked(self, parent: QWidget, name: str, info: LockInfo) -> str:
        box, answers = shared.lock_box(parent, name, info)
        name_message_labels(box)
        box.exec()
        return answers.get(id(box.clickedButton()), shared.CANCEL)

    def ask_conflict(self, parent: QWidget, name: str, who: str) -> str:
        box, answers = shared.conflict_box(parent, name, who)
        name_message_labels(box)
        box.exec()
        return answers.get(id(box.clickedButton()), shared.CANCEL)

    def error(self, parent: QWidget, title: str, text: str) -> None:
        message_box(parent, QMessageBox.Icon.Warning, title, text).exec()

    def inform(self, parent: QWidget, title: str, text: str) -> None:
        message_box(parent, QMessageBox.Icon.Information, title, text).exec()

    def open_path(self, parent: QWidget, directory: str) -> Path | None:
        from gala_desktop.ui import file_dialogs  # loaded on first use, not at start-up

        name, _ = file_dialogs.open_file_name(parent, "Project openen", directory, FILE_FILTER)
        return Path(name) if name else None

    def save_path(self, parent: QWidget, suggestion: str) -> Path | None:
        from gala_desktop.ui import file_dialogs

        while True:
            name, _ = file_dialogs.save_file_name(parent, "Project opslaan als", suggestion,
                                                  FILE_FILTER, FILE_SUFFIX.lstrip("."))
            if not name:
                return None
            path = Path(name)
            target = with_suffix(path)
            # the dialog asked about the name as typed; ".gala" added to a name with a dot in it
            # ("visie v1.2") makes another file, which the dialog did not ask about
            if target == path or not target.exists() or ask_replace(
                    parent, "Project opslaan als", f"‘{target.name}’ bestaat al. Wilt u het vervangen?"):
                return path
            suggestion = str(target)


def ask_replace(parent: QWidget | None, title: str, text: str) -> bool:
    """A file is there already: replace it? *Andere naam* is the default (Enter, Escape)."""
    box = message_box(parent, QMessageBox.Icon.Warning, title, text)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setEscapeButton(QMessageBox.StandardButton.No)
    box.button(QMessageBox.StandardButton.Yes).setText("&Vervangen")
    box.button(QMessageBox.StandardButton.No).setText("&Andere naam")
    return box.exec() == QMessageBox.StandardButton.Yes


def recovery_description(item: RecoveryItem) -> str:
    what = item.title or item.gemeente or UNTITLED
    if item.title and item.gemeente:
        what = f"{item.title} ({item.gemeente})"
    when = f"{format_date_long(item.saved_at.date())} om {item.saved_at:%H:%M}"
    where = f" Bestand: {item.original_path.name}." if item.original_path else " Het project was nog niet opgeslagen."
    return f"Er is niet-opgeslagen werk gevonden: ‘{what}’, automatisch bewaard op {when}.{where}"


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file: also through another drive letter for the same share,
    another case of the name, or a linked folder."""
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (yet)
        return Path(a).resolve() == Path(b).resolve()


def with_suffix(path: Path) -> Path:
    """Add ``.gala`` when the user typed a name without it."""
    return path if path.suffix.lower() == FILE_SUFFIX else path.with_name(path.name + FILE_SUFFIX)
