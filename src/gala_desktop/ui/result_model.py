"""A table model over the current list of search hits (``InterventionSummary``).

The catalogue is searched in SQL; this model only shows the hits it is given and sorts that
list in place when a header is clicked. Column -1 means "the order of the search" (relevance).
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QAbstractTableModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from gala_desktop.domain.intervention import InterventionSummary
from gala_desktop.domain.own import OWN_LABEL
from gala_desktop.domain.recognition import RecognitionLevel
from gala_desktop.domain.themes import THEMES_BY_KEY, theme_name
from gala_desktop.domain.validity import LAPSE_NOTICE
from gala_desktop.ui.own_marks import OWN_SHORT, OWN_TOOLTIP, own_icon

MIME_TYPE = "application/x-gala-intervention"
KEY_ROLE = Qt.ItemDataRole.UserRole
LEVEL_RANK_ROLE = Qt.ItemDataRole.UserRole + 1

NAME, LEVEL, THEMES, OWNER = range(4)
HEADERS = ("Naam", "Niveau", "Thema's", "Eigenaar")
HEADER_TIPS = ("Naam van de interventie", "Hoogste erkenningsniveau", "Thema's van de interventie",
               "Eigenaar van de interventie")
# A name of the sample, long enough for the ~20 characters a name column must show (with its
# ellipsis): columns are sized with it in the current font, so a larger font gets more room.
NAME_SAMPLE = "Ontmoetingscentra voor…"


def readable_name_width(metrics) -> int:
    """Pixels a name column needs to show about 20 characters of a name in this font."""
    return metrics.horizontalAdvance(NAME_SAMPLE)


def level_text(level: RecognitionLevel) -> str:
    """Short, so the column stays narrow; the full name is in the tooltip and the detail pane."""
    text = level.short_label
    return text[:1].upper() + text[1:]


@functools.cache
def _lapse_icon() -> QIcon:
    """The warning icon of a level that may have lapsed, made once (not on every paint)."""
    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


def _own_level_data(role: int):
    if role == Qt.ItemDataRole.DisplayRole:
        return OWN_SHORT
    if role == Qt.ItemDataRole.AccessibleTextRole:
        return OWN_LABEL
    if role == Qt.ItemDataRole.ToolTipRole:
        return OWN_TOOLTIP
    if role == Qt.ItemDataRole.DecorationRole:
        return own_icon()
    return None


def summary_level_text(item: InterventionSummary) -> str:
    """The level column: the level, and when it may have lapsed, that said in words."""
    text = level_text(item.best_level)
    return f"{text} — mogelijk verlopen" if item.level_may_have_lapsed else text


def themes_text(keys: tuple[str, ...]) -> str:
    ordered = sorted(keys, key=lambda k: THEMES_BY_KEY[k].order if k in THEMES_BY_KEY else 999)
    return ", ".join(theme_name(k) for k in ordered)


def _sort_key(column: int):
    if column == NAME:
        return lambda s: (s.name.casefold(),)
    if column == LEVEL:
        # Real levels by rank; "unknown" above "not assessed" (both rank 0), then by name.
        return lambda s: (*s.best_level.sort_key, s.name.casefold())
    if column == THEMES:
        return lambda s: (themes_text(s.theme_keys).casefold(), s.name.casefold())
    return lambda s: (s.owner.casefold(), s.name.casefold())


class ResultTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._search_order: list[InterventionSummary] = []
        self._rows: list[InterventionSummary] = []
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder

    # -- content ------------------------------------------------------------------------------

    def set_results(self, items: list[InterventionSummary]) -> None:
        self.beginResetModel()
        self._search_order = list(items)
        self._rows = self._sorted(self._search_order)
        self.endResetModel()

    def summary(self, row: int) -> InterventionSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, key: str) -> int:
        return next((i for i, s in enumerate(self._rows) if s.key == key), -1)

    def keys(self) -> list[str]:
        return [s.key for s in self._rows]

    # -- Qt model interface -------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        item = self._rows[index.row()]
        column = index.column()
        if column == LEVEL and item.is_own:
            own = _own_level_data(role)
            if own is not None:
                return own
        if role == Qt.ItemDataRole.AccessibleTextRole and column == LEVEL:
            return item.best_level.label + (f"; {LAPSE_NOTICE}" if item.level_may_have_lapsed else "")
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == NAME:
                return item.name
            if column == LEVEL:
                return summary_level_text(item)
            if column == THEMES:
                return themes_text(item.theme_keys)
            if column == OWNER:
                return item.owner
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == LEVEL:
                banks = ", ".join(d.short_label for d in item.databanks) or "geen databank"
                lapse = f"\n{LAPSE_NOTICE}" if item.level_may_have_lapsed else ""
                return f"{item.best_level.label} ({banks}){lapse}"
            if column == THEMES:
                return themes_text(item.theme_keys)
            if column == NAME:
                return item.name
        if role == Qt.ItemDataRole.DecorationRole and column == LEVEL and item.level_may_have_lapsed:
            return _lapse_icon()
        if role == KEY_ROLE:
            return item.key
        if role == LEVEL_RANK_ROLE:
            return item.best_level.rank
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                return HEADERS[section]
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                return HEADER_TIPS[section]
        return super().headerData(section, orientation, role)

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes) -> QMimeData | None:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if not rows:
            return None
        mime = QMimeData()
        key = self._rows[rows[0]].key
        mime.setData(MIME_TYPE, key.encode("utf-8"))
        mime.setText(self._rows[rows[0]].name)
        return mime

    def supportedDragActions(self):
        return Qt.DropAction.CopyAction

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column = column
        self._sort_order = order
        self.layoutAboutToBeChanged.emit()
        old_rows = self._rows
        old_persistent = self.persistentIndexList()
        self._rows = self._sorted(self._search_order)
        position = {id(s): i for i, s in enumerate(self._rows)}
        self.changePersistentIndexList(
            old_persistent,
            [self.index(position[id(old_rows[i.row()])], i.column()) for i in old_persistent],
        )
        self.layoutChanged.emit()

    def _sorted(self, items: list[InterventionSummary]) -> list[InterventionSummary]:
        if self._sort_column < 0 or self._sort_column >= len(HEADERS):
            return list(items)
        return sorted(
            items,
            key=_sort_key(self._sort_column),
            reverse=self._sort_order == Qt.SortOrder.DescendingOrder,
        )
