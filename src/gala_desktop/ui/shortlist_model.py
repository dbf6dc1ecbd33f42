"""The shortlist as a two-level tree: chosen themes, each with its shortlisted interventions.

Themes appear in the project's order; entries whose theme is no longer chosen are kept under a
last group "Niet gekozen thema's". The model reads ``session.project`` and changes it only
through the use cases of ``operations.shortlist``. Status and priority are always shown as text with an icon, never by
colour alone; entries whose catalogue facts changed get a warning icon and a tooltip.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QStyle

from gala_desktop.domain.project import EntryStatus, Priority, ShortlistEntry
from gala_desktop.domain.themes import theme_name
from gala_desktop.catalogue.unavailable import is_available
from gala_desktop.domain.changes import catalogue_changes, shortlist_keys
from gala_desktop.operations import shortlist
from gala_desktop.ui.enum_delegate import VALUE_ROLE, coerce_enum, enum_cell, standard_icons
from gala_desktop.domain.own import OWN_LABEL
from gala_desktop.ui.own_marks import OWN_TOOLTIP, own_icon

INTERVENTION_MIME = "application/x-gala-intervention"
ENTRY_MIME = "application/x-gala-shortlist-entry"

ENTRY_ID_ROLE = Qt.ItemDataRole.UserRole
THEME_KEY_ROLE = Qt.ItemDataRole.UserRole + 2  # theme key of a group row ("" for the orphans)

COL_NAME, COL_STATUS, COL_PRIORITY, COL_LEVEL = range(4)
HEADERS = ("Interventie", "Status", "Prio.", "Niveau")
HEADER_TIPS = ("Naam van de interventie", "Status: overwegen, gekozen of afgevallen",
               "Prioriteit: hoog, middel of laag", "Hoogste erkenningsniveau")
ORPHAN_TITLE = "Niet gekozen thema's"
SHOWN_FIELDS = frozenset({"status", "priority", "snapshot"})  # entry fields a row shows

_NO_PARENT = 0  # internalId of group rows; entry rows carry their group's row + 1

AnyIndex = QModelIndex | QPersistentModelIndex
_ENUM_COLUMNS = {  # editable column → (its enum, the use case that changes it)
    COL_STATUS: (EntryStatus, shortlist.set_status),
    COL_PRIORITY: (Priority, shortlist.set_priority),
}


@dataclass(slots=True)
class _Group:
    theme_key: str | None  # None for the "Niet gekozen thema's" group
    title: str
    entry_ids: list[str] = field(default_factory=list)


_status_icon = standard_icons({
    EntryStatus.CHOSEN: QStyle.StandardPixmap.SP_DialogApplyButton,
    EntryStatus.CONSIDERING: QStyle.StandardPixmap.SP_MessageBoxQuestion,
    EntryStatus.DROPPED: QStyle.StandardPixmap.SP_DialogCancelButton,
})


class ShortlistModel(QAbstractItemModel):
    statusMessage = Signal(str)  # a refusal or notice for the status bar
    entriesAppeared = Signal(list)  # ids that are new after a shortlist change (add, undo)

    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self._groups: list[_Group] = []
        self._changes: dict[str, list[str]] = {}
        self._entries: dict[str, ShortlistEntry] = {}  # by id, rebuilt with the groups
        self._chosen: frozenset[str] = frozenset()
        self._rebuild(reset=True)
        # bound methods (not lambdas), so the connections end with this model
        session.projectReplaced.connect(self._on_replaced)
        session.catalogueReplaced.connect(self._on_replaced)
        session.shortlistChanged.connect(self._on_changed)
        session.themesChanged.connect(self._on_themes_changed)
        session.entryFieldChanged.connect(self._on_entry_field_changed)

    # ----------------------------------------------------------------- structure
    def _compute_groups(self) -> list[_Group]:
        project = self.session.project
        chosen = project.chosen_theme_keys()
        groups = [
            _Group(key, theme_name(key), [e.id for e in project.entries_for(key)])
            for key in chosen
        ]
        orphans = [e.id for e in project.shortlist if e.theme_key not in chosen]
        if orphans:
            groups.append(_Group(None, ORPHAN_TITLE, orphans))
        return groups

    def _compute_changes(self) -> dict[str, list[str]]:
        result: dict[str, list[str]] = {}
        catalogue = self.session.catalogue
        if catalogue is None or not is_available(catalogue):
            return result  # nothing to compare the snapshots with
        project = self.session.project
        current = catalogue.get_many(shortlist_keys(project))  # one query, then from memory
        for change in catalogue_changes(project.shortlist, current):
            result.setdefault(change.entry_id, []).append(change.message)
        return result

    def _rebuild(self, reset: bool, recheck: bool = True) -> None:
        old_ids = {i for g in self._groups for i in g.entry_ids}
        groups = self._compute_groups()
        changes = self._compute_changes() if recheck else self._changes
        same = [(g.theme_key, g.entry_ids) for g in groups] == [
            (g.theme_key, g.entry_ids) for g in self._groups
        ]
        entries = {e.id: e for e in self.session.project.shortlist}
        chosen = frozenset(self.session.project.chosen_theme_keys())
        if reset or not same:
            self.beginResetModel()
            self._groups, self._changes, self._entries, self._chosen = groups, changes, entries, chosen
            self.endResetModel()
        else:
            self._groups, self._changes, self._entries, self._chosen = groups, changes, entries, chosen
            last = self.columnCount() - 1
            for row, group in enumerate(self._groups):
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))
                if group.entry_ids:
                    parent = self.index(row, 0)
                    self.dataChanged.emit(
                        self.index(0, 0, parent),
                        self.index(len(group.entry_ids) - 1, last, parent),
                    )
        if not reset:
            new_ids = [i for g in self._groups for i in g.entry_ids if i not in old_ids]
            if new_ids:
                self.entriesAppeared.emit(new_ids)

    def _on_replaced(self) -> None:
        self._rebuild(reset=True)

    def _on_changed(self) -> None:
        self._rebuild(reset=False)

    def _on_themes_changed(self) -> None:
        # a theme (un)chosen regroups entries; their catalogue facts stay the same
        self._rebuild(reset=False, recheck=False)

    def _on_entry_field_changed(self, entry_id: str, field: str) -> None:
        """Only the row of that entry, and only for what the shortlist shows."""
        if field not in SHOWN_FIELDS:
            return
        if field == "snapshot":
            self._changes = self._compute_changes()
        first = self.index_of_entry(entry_id)
        if first.isValid():
            self.dataChanged.emit(first, first.siblingAtColumn(self.columnCount() - 1))

    # ----------------------------------------------------------------- lookups
    def entry_at(self, index: AnyIndex) -> ShortlistEntry | None:
        if not index.isValid() or index.internalId() == _NO_PARENT:
            return None
        group = self._groups[index.internalId() - 1]
        return self._entries.get(group.entry_ids[index.row()])

    def index_of_entry(self, entry_id: str, column: int = 0) -> QModelIndex:
        for g_row, group in enumerate(self._groups):
            if entry_id in group.entry_ids:
                return self.index(group.entry_ids.index(entry_id), column, self.index(g_row, 0))
        return QModelIndex()

    def group_theme_key(self, index: AnyIndex) -> str | None:
        """The theme key of a group row; None for entries and the orphan group."""
        if not index.isValid() or index.internalId() != _NO_PARENT:
            return None
        return self._groups[index.row()].theme_key

    def index_in_theme(self, entry: ShortlistEntry) -> tuple[int, int]:
        """(position, count) of ``entry`` among the entries of its theme."""
        same = self.session.project.entries_for(entry.theme_key)
        return same.index(entry), len(same)

    def change_messages(self, entry_id: str) -> list[str]:
        return list(self._changes.get(entry_id, ()))

    # ----------------------------------------------------------------- model API
    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:
        if column < 0 or column >= len(HEADERS) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            if row >= len(self._groups):
                return QModelIndex()
            return self.createIndex(row, column, _NO_PARENT)
        if parent.internalId() != _NO_PARENT or parent.column() != 0:
            return QModelIndex()
        if row >= len(self._groups[parent.row()].entry_ids):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == _NO_PARENT:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _NO_PARENT)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == _NO_PARENT and parent.column() == 0:
            return len(self._groups[parent.row()].entry_ids)
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        if orientation == Qt.Orientation.Horizontal and role in (
            Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole
        ):
            return HEADER_TIPS[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if index.internalId() == _NO_PARENT:
            return self._group_data(self._groups[index.row()], index.column(), role)
        entry = self.entry_at(index)
        if entry is None:
            return None
        return self._entry_data(entry, index.column(), role)

    def _group_data(self, group: _Group, column: int, role: int):
        if role == THEME_KEY_ROLE:
            return group.theme_key or ""
        if column != COL_NAME:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            count = len(group.entry_ids)
            return f"{group.title} ({count})"
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and group.theme_key is None:
            return "Interventies bij thema's die u niet (meer) gekozen hebt. Ze blijven bewaard."
        return None

    def _entry_data(self, entry: ShortlistEntry, column: int, role: int):
        if role == ENTRY_ID_ROLE:
            return entry.id
        display = role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)
        orphan = entry.theme_key not in self._chosen
        changes = self._changes.get(entry.id)
        if column == COL_NAME:
            if display:
                text = entry.snapshot.name
                if orphan:
                    text += f" · {theme_name(entry.theme_key)}"
                if changes and role == Qt.ItemDataRole.AccessibleTextRole:
                    text += " (let op: catalogusgegevens gewijzigd)"
                return text
            if role == Qt.ItemDataRole.DecorationRole and changes:
                return QApplication.style().standardIcon(
                    QStyle.StandardPixmap.SP_MessageBoxWarning
                )
            if role == Qt.ItemDataRole.ToolTipRole:
                lines = [entry.snapshot.name, f"Thema: {theme_name(entry.theme_key)}"]
                if changes:
                    lines += ["", "Let op, de catalogus is gewijzigd:"] + changes
                return "\n".join(lines)
        elif column == COL_STATUS:
            return enum_cell(entry.status, role, icon=_status_icon, tip="Status")
        elif column == COL_PRIORITY:
            return enum_cell(entry.priority, role, tip="Prioriteit")
        elif column == COL_LEVEL and entry.snapshot.own is not None:
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return OWN_LABEL
            if display:
                return "Eigen"  # no level: the compact level delegate leaves this text alone
            if role == Qt.ItemDataRole.ToolTipRole:
                return OWN_TOOLTIP
            if role == Qt.ItemDataRole.DecorationRole:
                return own_icon()
        elif column == COL_LEVEL:
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return entry.snapshot.level.label
            if display:
                return entry.snapshot.level.short_label
            if role == VALUE_ROLE:
                return entry.snapshot.level
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"Erkenningsniveau: {entry.snapshot.level.label}"
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalId() == _NO_PARENT:
            return base | Qt.ItemFlag.ItemIsDropEnabled
        base |= Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        if index.column() in (COL_STATUS, COL_PRIORITY):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: AnyIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        entry = self.entry_at(index)
        if entry is None or role not in (Qt.ItemDataRole.EditRole, VALUE_ROLE):
            return False
        column = _ENUM_COLUMNS.get(index.column())
        if column is None:
            return False
        enum_type, change = column
        value = coerce_enum(enum_type, value)
        if value is None:
            return False
        change(self.session, entry.id, value)
        return True

    # ----------------------------------------------------------------- drag and drop
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [INTERVENTION_MIME, ENTRY_MIME]

    def mimeData(self, indexes) -> QMimeData | None:
        ids = list(dict.fromkeys(e.id for e in map(self.entry_at, indexes) if e is not None))
        if len(ids) != 1:
            return None
        data = QMimeData()
        data.setData(ENTRY_MIME, ids[0].encode("utf-8"))
        return data

    def _drop_target(self, row: int, parent: AnyIndex) -> tuple[_Group | None, ShortlistEntry | None]:
        """The group dropped into and, for a drop onto an entry, that entry."""
        if not parent.isValid():
            return None, None
        if parent.internalId() == _NO_PARENT:
            return self._groups[parent.row()], None
        return self._groups[parent.internalId() - 1], self.entry_at(parent)

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        group, on_entry = self._drop_target(row, parent)
        if group is None:
            return False
        if data.hasFormat(INTERVENTION_MIME):  # onto a theme; the use case checks the rest
            return on_entry is not None or group.theme_key is not None
        if data.hasFormat(ENTRY_MIME):
            moving = self.session.project.entry(bytes(data.data(ENTRY_MIME)).decode("utf-8"))
            if moving is None or moving.id not in group.entry_ids:
                return False
            return on_entry is None or on_entry.theme_key == moving.theme_key
        return False

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        group, on_entry = self._drop_target(row, parent)
        if data.hasFormat(INTERVENTION_MIME):
            key = bytes(data.data(INTERVENTION_MIME)).decode("utf-8").strip()
            theme_key = on_entry.theme_key if on_entry is not None else group.theme_key
            return self.add_intervention(key, theme_key)
        entry_id = bytes(data.data(ENTRY_MIME)).decode("utf-8")
        return self._move_by_drop(entry_id, group, on_entry, row)

    def add_intervention(self, key: str, theme_key: str | None) -> bool:
        """Shortlist catalogue intervention ``key`` under ``theme_key``; the same rule and
        wording as everywhere (``operations.shortlist.add_to_shortlist``)."""
        outcome = shortlist.add_to_shortlist(self.session, key, theme_key)
        if outcome.message:  # a refused edit (read-only) has said why already
            self.statusMessage.emit(outcome.message)
        return outcome.ok

    def _move_by_drop(self, entry_id: str, group: _Group, on_entry, row: int) -> bool:
        """Onto an entry: take its place; between rows: go there; onto the theme: go first."""
        project = self.session.project
        entry = project.entry(entry_id)
        same_theme = project.entries_for(entry.theme_key)
        if on_entry is not None:
            if on_entry.theme_key != entry.theme_key:
                return False
            new_index = same_theme.index(on_entry)
        elif row < 0:
            new_index = 0
        else:
            new_index = sum(
                1
                for other_id in group.entry_ids[:row]
                if other_id != entry.id and project.entry(other_id).theme_key == entry.theme_key
            )
        shortlist.move_entry(self.session, entry.id, new_index)
        return True
