"""The randvoorwaarden checklist of one shortlist entry, as an editable table: the model, and
the view that shows all its rows (the plan form scrolls, not the table).

Columns: Randvoorwaarde (kind and text, read-only), Status (Geregeld / Nog regelen / N.v.t.,
shown as text with an icon) and Notitie. Every edit is an undo command; the table re-reads the
entry when the session says it changed.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView, QWidget

from gala_desktop.domain.project import ChecklistItem, ChecklistState
from gala_desktop.operations.plan import set_checklist_item
from gala_desktop.ui.enum_delegate import EnumComboDelegate, coerce_enum, enum_cell, standard_icons

COL_CONDITION, COL_STATE, COL_NOTE = range(3)
HEADERS = ("Randvoorwaarde", "Status", "Notitie")

AnyIndex = QModelIndex | QPersistentModelIndex


state_icon = standard_icons({
    ChecklistState.ARRANGED: QStyle.StandardPixmap.SP_DialogApplyButton,
    ChecklistState.OPEN: QStyle.StandardPixmap.SP_MessageBoxWarning,
    ChecklistState.NOT_APPLICABLE: QStyle.StandardPixmap.SP_DialogNoButton,
})


class ChecklistModel(QAbstractTableModel):
    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.entry_id: str | None = None
        self._rows = 0  # rows shown; the checklist may be replaced (catalogue update, undo)
        session.projectReplaced.connect(self.clear)
        session.shortlistChanged.connect(self._on_shortlist_changed)
        session.entryFieldChanged.connect(self._on_entry_field_changed)

    def set_entry(self, entry_id: str | None) -> None:
        self.beginResetModel()
        self.entry_id = entry_id
        self._rows = len(self._items())
        self.endResetModel()

    def clear(self) -> None:
        self.set_entry(None)

    def _items(self) -> list[ChecklistItem]:
        entry = self.session.project.entry(self.entry_id) if self.entry_id else None
        return entry.plan.checklist if entry is not None else []

    def _on_shortlist_changed(self) -> None:
        if self.entry_id and self.session.project.entry(self.entry_id) is None:
            self.set_entry(None)

    def _on_entry_field_changed(self, entry_id: str, field: str) -> None:
        if entry_id != self.entry_id or field not in ("checklist", "plan.checklist"):
            return
        if len(self._items()) != self._rows:  # items were added or dropped
            self.set_entry(entry_id)
        elif self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return HEADERS[section]
        return str(section + 1)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        items = self._items()
        if not index.isValid() or index.row() >= len(items):
            return None
        item = items[index.row()]
        display = role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)
        column = index.column()
        if column == COL_CONDITION:
            if display:
                return f"{item.kind.label}: {item.text}"
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{item.kind.label}\n{item.text}"
        elif column == COL_STATE:
            return enum_cell(item.state, role, icon=state_icon)
        elif column == COL_NOTE:
            if display or role == Qt.ItemDataRole.EditRole:
                return item.note
            if role == Qt.ItemDataRole.ToolTipRole and item.note:
                return item.note
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (COL_STATE, COL_NOTE):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        items = self._items()
        if not index.isValid() or index.row() >= len(items) or role != Qt.ItemDataRole.EditRole:
            return False
        if index.column() == COL_STATE:
            state = coerce_enum(ChecklistState, value)
            if state is None:
                return False
            set_checklist_item(self.session, self.entry_id, index.row(), state=state)
            return True
        if index.column() == COL_NOTE:
            note = "" if value is None else str(value)
            set_checklist_item(self.session, self.entry_id, index.row(), note=note)
            return True
        return False


class ChecklistTable(QTableView):
    """The checklist with every row shown, its height following the rows; the status edited
    with a combo box, the note by typing."""

    def __init__(self, model: ChecklistModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checklistTable")
        self.setAccessibleName("Randvoorwaarden")
        self.setAccessibleDescription(
            "Per randvoorwaarde de status (Geregeld, Nog regelen, N.v.t.) en een notitie. "
            "F2 of typen wijzigt de geselecteerde cel."
        )
        self.setModel(model)
        self.setTabKeyNavigation(False)
        self.setWordWrap(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(COL_CONDITION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_STATE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Stretch)
        self._state_delegate = EnumComboDelegate(ChecklistState, "Status randvoorwaarde", self)
        self.setItemDelegateForColumn(COL_STATE, self._state_delegate)
        header.sectionResized.connect(self.fit_rows)
        model.modelReset.connect(self.fit_rows)
        model.dataChanged.connect(self.fit_rows)

    def fit_rows(self, *_args) -> None:
        """Show all rows: the form scrolls, not the table."""
        self.resizeRowsToContents()
        rows = sum(self.rowHeight(r) for r in range(self.model().rowCount()))
        self.setFixedHeight(rows + self.horizontalHeader().height() + 2 * self.frameWidth() + 2)
