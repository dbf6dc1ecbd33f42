"""*Bestand → Catalogus bijwerken…* and *Vorige catalogus terugzetten*.

The update file is checked and compared with the catalogue in use as a background job
(``ui/jobs.py``; a busy progress dialog meanwhile); the dialog then shows the counts, a searchable list of the
differences and the affected interventions of the open project. Only *Bijwerken* installs it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gala_desktop.catalogue.store import CatalogueStore, StoreError, diff_files
from gala_desktop.catalogue.update_file import SUFFIX, UpdateError, VerifiedUpdate
from gala_desktop.catalogue.textnorm import fold
from gala_desktop.domain.catalogue_diff import CatalogueDiff, DiffKind
from gala_desktop.domain.formatting import format_count, format_date_long
from gala_desktop.domain.project import Project
from gala_desktop.domain.themes import theme_name
from gala_desktop.ui import file_dialogs
from gala_desktop.ui.detail_pane import escape
from gala_desktop.ui.dialog_buttons import CANCEL_NAME
from gala_desktop.ui.jobs import Job, JobRunner

log = logging.getLogger(__name__)

TITLE = "Catalogus bijwerken"
UNCHANGED = "De catalogus in gebruik is niet gewijzigd."
AFFECTED_SHOWN = 6  # more would push the list of differences off a 768-pixel screen


def check_work(store: CatalogueStore, path: Path, result: dict):
    """The job's work: verify ``path`` and compare it with the catalogue in use (no Qt).
    On success ``result`` holds the ``update`` and its ``diff``."""

    def work(_progress, _is_cancelled) -> tuple[bool, str]:
        try:
            update = store.verify(path)
        except UpdateError as err:
            return False, str(err)
        try:
            result["diff"] = diff_files(store.active().path, update.database)
        except BaseException:
            update.discard()
            raise
        result["update"] = update
        return True, ""

    return work


class UpdateDialog(QDialog):
    """What an update changes; ``accept()`` means *Bijwerken*."""

    def __init__(self, update: VerifiedUpdate, diff: CatalogueDiff, in_use_checked_on, project: Project,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("catalogueUpdateDialog")
        self.setWindowTitle(TITLE)
        self.diff = diff
        manifest = update.manifest
        layout = QVBoxLayout(self)

        heading = QLabel(
            f"<b>{update.source.name}</b><br>Nieuwe catalogus: peildatum "
            f"{format_date_long(manifest.checked_on)}, {format_count(diff.new_count)} interventies. In gebruik: "
            f"peildatum {format_date_long(in_use_checked_on)}, {format_count(diff.old_count)} interventies."
        )
        heading.setWordWrap(True)
        heading.setObjectName("updateHeading")
        layout.addWidget(heading)

        counts = diff.counts()
        summary = " · ".join(f"{kind.label}: {counts[kind]}" for kind in DiffKind)
        self.counts_label = QLabel(summary if diff.items else "Geen inhoudelijke verschillen.")
        self.counts_label.setObjectName("updateCounts")
        self.counts_label.setWordWrap(True)
        self.counts_label.setAccessibleName("Aantallen wijzigingen")
        layout.addWidget(self.counts_label)

        filters = QHBoxLayout()
        search_label = QLabel("&Zoeken:")
        self.search = QLineEdit()
        self.search.setObjectName("updateSearch")
        self.search.setPlaceholderText("Zoek in de wijzigingen…")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Zoek in de wijzigingen")
        search_label.setBuddy(self.search)
        self.kind = QComboBox()
        self.kind.setObjectName("updateKind")
        self.kind.setAccessibleName("Soort wijziging")
        self.kind.addItem("Alle wijzigingen", None)
        for kind in DiffKind:
            self.kind.addItem(f"{kind.label} ({counts[kind]})", kind)
        filters.addWidget(search_label)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.kind)
        layout.addLayout(filters)

        self.table = QTableWidget(len(diff.items), 3)
        self.table.setObjectName("updateDifferences")
        self.table.setAccessibleName("Wijzigingen in de catalogus")
        self.table.setHorizontalHeaderLabels(["Interventie", "Wijziging", "Toelichting"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self._haystacks: list[str] = []
        for row, item in enumerate(diff.items):
            kinds = ", ".join(kind.label.lower() for kind in item.kinds)
            detail = item.describe()
            for column, text in enumerate((item.name, kinds[:1].upper() + kinds[1:], detail)):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.table.setItem(row, column, cell)
            self._haystacks.append(fold(f"{item.name} {item.key} {kinds} {detail}"))
        layout.addWidget(self.table, 1)
        self.shown_label = QLabel()
        self.shown_label.setAccessibleName("Aantal getoonde wijzigingen")
        layout.addWidget(self.shown_label)

        affected = diff.affected_entries(project)
        if affected:
            lines = [
                f"• {entry.snapshot.name} ({theme_name(entry.theme_key)}): {change.describe()}"
                for entry, change in affected[:AFFECTED_SHOWN]
            ]
            if len(affected) > AFFECTED_SHOWN:
                lines.append(f"… en nog {len(affected) - AFFECTED_SHOWN} (zie de lijst hierboven)")
            text = (f"<b>In uw project verandert bij {len(affected)} interventie(s) iets</b> (na het "
                    "bijwerken gemarkeerd op de shortlist):<br>" + "<br>".join(escape(line) for line in lines))
        else:
            text = "De interventies in uw open project veranderen niet."
        self.affected_label = QLabel(text)
        self.affected_label.setObjectName("updateAffected")
        self.affected_label.setWordWrap(True)
        self.affected_label.setAccessibleName("Gevolgen voor het open project")
        layout.addWidget(self.affected_label)

        note = QLabel("Pas bij <b>Bijwerken</b> wordt de nieuwe catalogus gebruikt. De huidige blijft "
                      "bewaard: met <i>Bestand → Vorige catalogus terugzetten</i> gaat u terug.")
        note.setWordWrap(True)
        layout.addWidget(note)

        buttons = QDialogButtonBox()
        self.update_button = buttons.addButton("&Bijwerken", QDialogButtonBox.ButtonRole.AcceptRole)
        self.update_button.setObjectName("updateButton")
        self.update_button.setAccessibleName("Catalogus bijwerken met dit bestand")
        cancel = buttons.addButton("Annuleren", QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAccessibleName(CANCEL_NAME)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # Enter (also in the search field) must never install: Annuleren is the default, set
        # once the box is in the dialog (before that Qt makes the first accept button default)
        self.update_button.setAutoDefault(False)
        cancel.setDefault(True)

        self.search.textChanged.connect(self._filter)
        self.kind.currentIndexChanged.connect(self._filter)
        self._filter()
        self.resize(980, 620)

    def visible_keys(self) -> list[str]:
        return [item.key for row, item in enumerate(self.diff.items) if not self.table.isRowHidden(row)]

    def _filter(self, *_args) -> None:
        words = fold(self.search.text()).split()
        kind = self.kind.currentData()
        shown = 0
        for row, item in enumerate(self.diff.items):
            visible = all(w in self._haystacks[row] for w in words) and (kind is None or kind in item.kinds)
            self.table.setRowHidden(row, not visible)
            shown += visible
        self.shown_label.setText(f"{shown} van {len(self.diff.items)} wijzigingen getoond")




class CatalogueUpdater(QObject):
    """The two menu actions; ``dialog`` is the open update dialog (for tests and screenshots)."""

    statusMessage = Signal(str)
    finished = Signal(bool)  # True when a new catalogue is in use

    def __init__(self, window: QWidget, session, dialogs: Callable[[], object],
                 store: CatalogueStore | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self._dialogs = dialogs  # the window's current message dialogs (tests script them)
        self.store = store
        self.dialog: UpdateDialog | None = None
        self.job: Job | None = None
        self._progress: QProgressDialog | None = None

    def _store(self) -> CatalogueStore:
        return self.store or CatalogueStore()

    def choose_and_check(self) -> None:
        path, _ = file_dialogs.open_file_name(
            self.window, TITLE, str(Path.home()), f"Catalogusbijwerking (*{SUFFIX});;Alle bestanden (*)"
        )
        if path:
            self.check(Path(path))

    def check(self, path: Path) -> None:
        self._progress = QProgressDialog("Het bestand wordt gecontroleerd en vergeleken…", "", 0, 0, self.window)
        self._progress.setWindowTitle(TITLE)
        self._progress.setCancelButton(None)
        self._progress.setMinimumDuration(300)
        self._progress.setWindowModality(Qt.WindowModality.WindowModal)
        result: dict = {}
        self.job = JobRunner.of(self.window).start(check_work(self._store(), path, result))
        self.job.done.connect(lambda _ok, error: self._on_checked(result.get("update"), result.get("diff"), error))

    def _on_checked(self, update, diff, error: str) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress = None
        if update is None:
            self._dialogs().error(self.window, TITLE, f"{error}\n\n{UNCHANGED}")
            self.finished.emit(False)
            return
        in_use = self._store().active().facts.checked_on
        self.dialog = UpdateDialog(update, diff, in_use, self.session.project, self.window)
        self.dialog.finished.connect(lambda result: self._on_decided(update, result))
        self.dialog.open()

    def _on_decided(self, update: VerifiedUpdate, result: int) -> None:
        self.dialog = None
        try:
            if result != QDialog.DialogCode.Accepted:
                self.statusMessage.emit("Catalogus niet bijgewerkt.")
                self.finished.emit(False)
                return
            try:
                self._store().install(update)
            except StoreError as err:
                self._dialogs().error(self.window, TITLE, str(err))
                self.finished.emit(False)
                return
        finally:
            update.discard()
        self.finished.emit(self._use_active(f"Catalogus bijgewerkt: peildatum "
                                            f"{format_date_long(update.manifest.checked_on)}."))

    def roll_back(self) -> bool:
        store = self._store()
        if not store.can_roll_back():
            self._dialogs().inform(self.window, "Vorige catalogus terugzetten",
                                "Er is geen vorige catalogus: u gebruikt de catalogus die bij het programma hoort.")
            return False
        try:
            active = store.roll_back()
        except StoreError as err:
            self._dialogs().error(self.window, "Vorige catalogus terugzetten", str(err))
            return False
        return self._use_active(f"Vorige catalogus teruggezet: peildatum {format_date_long(active.facts.checked_on)}.")

    def _use_active(self, message: str) -> bool:
        from gala_desktop.catalogue.repository import Catalogue, CatalogueError

        try:
            catalogue = Catalogue.open()
        except CatalogueError as err:
            self._dialogs().error(self.window, TITLE, str(err))
            return False
        self.session.replace_catalogue(catalogue)
        if catalogue.set_aside_notice:  # e.g. rolled back to an update of an older version
            self._dialogs().inform(self.window, TITLE, catalogue.set_aside_notice)
            message = "De meegeleverde catalogus wordt gebruikt."
        self.statusMessage.emit(message)
        return True
