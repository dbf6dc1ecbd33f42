"""Adding, editing, deleting, exporting and importing own interventions (*eigen interventies*).

Changes go through undo commands on the project's stack (Ctrl+Z undoes an edit). An edit also
renews the copy kept by the open project's entries of that intervention, in the same step.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from gala_desktop import atomic
from gala_desktop.domain.intervention import Intervention
from gala_desktop.domain.own import EXPORT_FORMAT, EXPORT_VERSION, OwnInterventionError, own_to_dict
from gala_desktop.domain.project import InterventionSnapshot
from gala_desktop.file_errors import database_write_reason, read_failure_reason, write_failure_reason

if TYPE_CHECKING:  # the form and the file dialogs are loaded when first opened
    from gala_desktop.ui.own_form import OwnInterventionDialog

EXPORT_SUFFIX = ".json"
log = logging.getLogger(__name__)


def open_own_library(catalogue):
    """The officer's own interventions; ``None`` (and a log line) when they cannot be opened."""
    from gala_desktop.catalogue.own_library import OwnLibrary, OwnLibraryError

    try:
        return OwnLibrary.open(target_groups=catalogue.target_groups() if catalogue else ())
    except (OwnLibraryError, OSError):
        log.exception("the own interventions cannot be opened")
        return None


class _LibraryCommand(QUndoCommand):
    """Put each ``new`` in place of its ``old`` (either may be ``None``: add / delete), all in one
    change of the library: an import of many interventions is one step and one index rebuild."""

    def __init__(self, session, changes: list[tuple[Intervention | None, Intervention | None]],
                 text: str, on_failure: Callable[[str, str], None] | None = None) -> None:
        super().__init__(text)
        self.session = session
        self.changes = changes
        # an undo or a later redo that fails: (the step, the reason); the first redo is answered
        # by whoever pushed the command (``failure``)
        self.on_failure = on_failure
        self._pushed = False
        news = {(new or old).key: new for old, new in changes}  # type: ignore[union-attr]
        self._entries = [e for e in session.project.shortlist if e.intervention_key in news]
        self._old_snapshots = [e.snapshot for e in self._entries]
        self._new_snapshots = [InterventionSnapshot.of(news[e.intervention_key]) if news[e.intervention_key]
                               else e.snapshot for e in self._entries]
        self.failure = ""  # a Dutch reason when the library could not be written

    def _apply(self, pairs, snapshots, step: str) -> None:
        """``pairs``: (what goes, what comes) per intervention. A library that cannot be written
        (disk full, share gone) changes nothing: the command makes itself obsolete, so the undo
        stack drops it, and ``failure`` says why (to ``on_failure`` too, after the first redo)."""
        try:
            self.session.own_library.change(
                [item for _gone, item in pairs if item is not None],
                [gone.key for gone, item in pairs if item is None and gone is not None],
            )
        except Exception as err:  # noqa: BLE001 - sorted out below: only write failures are expected
            reason = database_write_reason(err) or (write_failure_reason(err) if isinstance(err, OSError) else None)
            if reason is None:
                raise
            log.exception("the own interventions could not be written")
            self.failure = reason
            self.setObsolete(True)
            if self._pushed and self.on_failure is not None:
                self.on_failure(f"{step} van ‘{self.text()}’", reason)
            return
        for entry, snapshot in zip(self._entries, snapshots, strict=True):
            entry.snapshot = snapshot
        self.session.catalogueReplaced.emit()
        if self._entries:
            self.session.shortlistChanged.emit()

    def redo(self) -> None:
        self._apply(self.changes, self._new_snapshots, "Opnieuw uitvoeren")
        self._pushed = True

    def undo(self) -> None:
        self._apply([(new, old) for old, new in self.changes], self._old_snapshots, "Ongedaan maken")


class OwnActions(QObject):
    statusMessage = Signal(str)

    def __init__(self, window: QWidget, session, dialogs) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self._dialogs = dialogs
        self.form: OwnInterventionDialog | None = None
        self.import_dialog = None

    @property
    def available(self) -> bool:
        return self.session.own_library is not None

    def _unavailable(self, *, changing: bool = True) -> bool:
        """Whether the own interventions cannot be used now (``changing``: changed); if so, the
        officer is told why. Exporting them only reads, also while the project is read-only."""
        if not self.available:
            self._dialogs().error(self.window, "Eigen interventies",
                                  "De eigen interventies kunnen op deze computer niet worden geopend.")
            return True
        if changing and self.session.read_only:  # every change goes onto the project's history
            self._dialogs().error(
                self.window, "Eigen interventies",
                "Eigen interventies toevoegen, bewerken, verwijderen of importeren kan nu niet. "
                f"{self.session.read_only}")
            return True
        return False

    def _target_groups(self):
        return self.session.catalogue.target_groups()

    # -- add / edit / delete ----------------------------------------------------------------

    def add(self) -> OwnInterventionDialog | None:
        if self._unavailable():
            return None
        return self._open_form(None)

    def edit(self, key: str) -> OwnInterventionDialog | None:
        if self._unavailable():
            return None
        current = self.session.own_library.get(key) or self.session.catalogue.get(key)
        if current is None or not current.is_own:
            return None
        return self._open_form(current)

    def _open_form(self, current: Intervention | None) -> OwnInterventionDialog:
        from gala_desktop.ui.own_form import OwnInterventionDialog

        self.form = OwnInterventionDialog(self._target_groups(), current, self.window)
        self.form.finished.connect(lambda result, form=self.form: self._on_form_done(form, current, result))
        self.form.open()
        return self.form

    def _on_form_done(self, form: OwnInterventionDialog, current: Intervention | None, result: int) -> None:
        from PySide6.QtWidgets import QDialog

        self.form = None
        if result != QDialog.DialogCode.Accepted:
            return
        item = form.intervention()
        verb = "gewijzigd" if current else "toegevoegd"
        command = self._command([(current, item)], f"Eigen interventie {verb}")
        if not self._push(command, "Eigen interventie opslaan", "De eigen interventie is niet opgeslagen.",
                          "Het formulier staat weer open met wat u had ingevuld."):
            self.form = form  # nothing typed is lost: the form opens again as it was
            form.open()
            return
        self.statusMessage.emit(f"Eigen interventie ‘{item.name}’ {verb}.")

    def _command(self, changes, text: str) -> _LibraryCommand:
        return _LibraryCommand(self.session, changes, text, self._step_failed)

    def _step_failed(self, step: str, reason: str) -> None:
        """Undo or redo of a library change could not write: say so once the stack is done (the
        step is dropped from the history; the library is as it was before the step)."""
        text = (f"{step} is niet gelukt: de eigen interventies zijn niet gewijzigd en deze stap "
                f"staat niet meer in de geschiedenis. {reason}")
        QTimer.singleShot(0, lambda: self._dialogs().error(self.window, "Eigen interventies", text))

    def _push(self, command: _LibraryCommand, title: str, failed: str, after: str = "") -> bool:
        """Push ``command``; when it was refused (read-only) or the library could not be
        written, say so and return False."""
        if not self.session.push(command):
            self._dialogs().error(self.window, title, f"{failed} {self.session.read_only} {after}".strip())
            return False
        if command.failure:
            self._dialogs().error(self.window, title, f"{failed} {command.failure} {after}".strip())
            return False
        return True

    def delete(self, key: str) -> bool:
        if self._unavailable():
            return False
        current = self.session.own_library.get(key)
        if current is None:
            return False
        command = self._command([(current, None)], "Eigen interventie verwijderd")
        if not self._push(command, "Eigen interventie verwijderen", "De eigen interventie is niet verwijderd."):
            return False
        self.statusMessage.emit(
            f"Eigen interventie ‘{current.name}’ verwijderd (Ctrl+Z zet haar terug). Projecten die haar "
            "gebruiken, houden hun eigen kopie."
        )
        return True

    # -- export / import --------------------------------------------------------------------

    def export_to(self, path: Path) -> int:
        items = self.session.own_library.all()
        document = {"format": EXPORT_FORMAT, "format_version": EXPORT_VERSION,
                    "interventions": [own_to_dict(i) for i in items]}
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
        atomic.write_bytes(Path(path), text.encode("utf-8"))  # never a half-written file over a good one
        return len(items)

    def export_interactive(self) -> None:
        if self._unavailable(changing=False):
            return
        from gala_desktop.ui import file_dialogs

        path, _ = file_dialogs.save_file_name(self.window, "Eigen interventies exporteren",
                                              str(Path.home() / "eigen-interventies.json"),
                                              "Eigen interventies (*.json)", "json")
        if not path:
            return
        try:
            count = self.export_to(Path(path))
        except OSError as err:
            self._dialogs().error(self.window, "Eigen interventies exporteren",
                                  f"Kan {path} niet schrijven. {write_failure_reason(err)}")
            return
        self.statusMessage.emit(f"{_interventions(count)} geëxporteerd naar {path}.")

    def import_interactive(self) -> None:
        if self._unavailable():
            return
        from gala_desktop.ui import file_dialogs

        path, _ = file_dialogs.open_file_name(self.window, "Eigen interventies importeren", str(Path.home()),
                                              "Eigen interventies (*.json);;Alle bestanden (*)")
        if path:
            self.start_import(Path(path))

    def start_import(self, path: Path):
        """Read ``path`` and show what is new or changed; nothing is stored until confirmed."""
        from gala_desktop.ui.own_import import ImportDialog, read_export

        try:
            incoming = read_export(path)
        except OwnInterventionError as err:
            self._dialogs().error(self.window, "Eigen interventies importeren",
                                  f"{err} Er is niets geïmporteerd.")
            return None
        self.import_dialog = ImportDialog(incoming, self.session.own_library, self.window)
        self.import_dialog.finished.connect(lambda result: self._on_import_done(result))
        self.import_dialog.open()
        return self.import_dialog

    def _on_import_done(self, result: int) -> None:
        from PySide6.QtWidgets import QDialog

        dialog, self.import_dialog = self.import_dialog, None
        if result != QDialog.DialogCode.Accepted or dialog is None:
            return
        chosen = dialog.chosen()
        if not chosen:
            return
        command = self._command(list(chosen), f"{_interventions(len(chosen))} geïmporteerd")
        if not self._push(command, "Eigen interventies importeren", "Er is niets geïmporteerd."):
            return
        self.statusMessage.emit(f"{_interventions(len(chosen))} geïmporteerd.")


def _interventions(count: int) -> str:
    return f"{count} eigen interventie" if count == 1 else f"{count} eigen interventies"


def read_json(path: Path) -> object:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as err:
        raise OwnInterventionError(f"{Path(path).name} kan niet worden gelezen. {read_failure_reason(err)}") from err
    except (UnicodeDecodeError, ValueError) as err:
        raise OwnInterventionError(f"{Path(path).name} is geen leesbaar bestand met eigen interventies.") from err
