"""The Catalogus tab: search as you type, facet filters, the result table and the detail pane.

Every search goes to the catalogue in SQL (``Catalogue.search``); typing is debounced briefly.
Adding a hit to the shortlist works by drag and drop (onto the shortlist), by Enter, by the
"Toevoegen aan thema…" button and by the context menu; the last three show a menu of the
project's chosen themes.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gala_desktop.catalogue.unavailable import is_available
from gala_desktop.domain.own import is_own_key
from gala_desktop.domain.formatting import format_count
from gala_desktop.domain.search import SearchQuery
from gala_desktop.domain.themes import theme_name
from gala_desktop.operations import shortlist
from gala_desktop.operations.shortlist import NO_THEME_HINT
from gala_desktop.ui.detail_pane import DetailPane
from gala_desktop.ui.flow_layout import FlowLayout
from gala_desktop.ui.facet_filters import FacetFilters
from gala_desktop.ui.result_model import (
    KEY_ROLE,
    LEVEL,
    NAME,
    OWNER,
    THEMES,
    ResultTableModel,
    readable_name_width,
)
from gala_desktop.ui.viewports import viewport_width

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 120


def count_text(shown: int, total: int, exact: bool = True) -> str:
    if total == 0:
        return "Geen interventies gevonden"
    if not exact:
        return (
            f"Meer dan {format_count(total)} interventies gevonden (de eerste {format_count(shown)} worden "
            "getoond; typ verder om te verfijnen)"
        )
    noun = "interventie" if total == 1 else "interventies"
    text = f"{format_count(total)} {noun} gevonden"
    if shown < total:
        text += f" (de eerste {format_count(shown)} worden getoond)"
    return text


class ResultTable(QTableView):
    """The result table; Enter asks for a theme to add the current hit to.

    The name column takes the room that is left; level, themes and owner are sized from their
    text (in characters of the current font) and never take more than a share of the width, so
    a name stays readable with a large system font too.
    """

    addRequested = Signal(QPoint)
    # column: (characters of text it is sized for, at most this share of the width)
    COLUMN_FIT = {LEVEL: (20, 0.22), THEMES: (16, 0.18), OWNER: (16, 0.18)}

    def fit_columns(self) -> None:
        """Each column sized for its text but never narrower than its heading; when the width is
        short, they give way (down to the heading) so the name keeps ~20 characters, and when
        even that is too wide the owner column is left out (the details below show the owner)."""
        chars = self.fontMetrics().averageCharWidth()
        width = viewport_width(self)
        header = self.horizontalHeader()
        floors = {column: self._heading_width(column) for column in self.COLUMN_FIT}
        name = readable_name_width(self.fontMetrics())
        hide_owner = name + sum(floors.values()) > width
        if header.isSectionHidden(OWNER) != hide_owner:
            header.setSectionHidden(OWNER, hide_owner)
        shown = [column for column in self.COLUMN_FIT if not header.isSectionHidden(column)]
        sizes = {column: max(floors[column], min(chars * self.COLUMN_FIT[column][0],
                                                 int(width * self.COLUMN_FIT[column][1])))
                 for column in shown}
        over = sum(sizes.values()) + name - width
        give = {column: sizes[column] - floors[column] for column in sizes}
        if over > 0 and sum(give.values()):
            total = sum(give.values())
            for column in sizes:
                sizes[column] -= min(give[column], -(-over * give[column] // total))
        for column, size in sizes.items():
            header.resizeSection(column, size)

    def _heading_width(self, column: int) -> int:
        return max(60, self.horizontalHeader().sectionSizeFromContents(column).width())

    def preferred_width(self) -> int:
        """The narrowest width at which the name shows ~20 characters and the level and theme
        columns their headings (the owner column may be left out)."""
        columns = self._heading_width(LEVEL) + self._heading_width(THEMES)
        chrome = self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()
        return readable_name_width(self.fontMetrics()) + columns + chrome

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.fit_columns()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            rect = self.visualRect(self.currentIndex().siblingAtColumn(NAME))
            self.addRequested.emit(self.viewport().mapToGlobal(rect.bottomLeft()))
            event.accept()
            return
        super().keyPressEvent(event)


class SearchField(QLineEdit):
    """The search field; ↓ (like Enter) goes on to the results."""

    toResults = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.toResults.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class CatalogueBrowser(QWidget):
    statusMessage = Signal(str)
    entryAdded = Signal(str)  # id of the new shortlist entry
    ownAddRequested = Signal()
    ownEditRequested = Signal(str)  # key of an own intervention
    ownDeleteRequested = Signal(str)

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.catalogue = session.catalogue

        search_label = QLabel("&Zoeken:")
        self.search_field = SearchField()
        self.search_field.setObjectName("searchField")
        self.search_field.setProperty("galaOwnUndo", True)  # not project data: its own Ctrl+Z
        self.search_field.setPlaceholderText("Zoek interventies…")
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setAccessibleName("Zoek interventies")
        self.search_field.setAccessibleDescription(
            "Zoekt tijdens het typen in naam, samenvatting, doel, aanpak en eigenaar."
        )
        search_label.setBuddy(self.search_field)

        self.filters = FacetFilters(self.catalogue)

        self.model = ResultTableModel(self)
        self.table = ResultTable()
        self.table.setObjectName("resultTable")
        self.table.setAccessibleName("Gevonden interventies")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setDragEnabled(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.table.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.table.horizontalHeader()
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(60)
        self.table.fit_columns()

        self.count_label = QLabel()
        self.count_label.setWordWrap(True)  # a long count takes two lines, not the column's width
        self.count_label.setAccessibleName("Aantal gevonden interventies")
        self.add_button = QPushButton("Toevoegen &aan thema…")
        self.add_button.setAccessibleName("Toevoegen aan thema")
        self.add_button.setToolTip("Voeg de geselecteerde interventie toe aan de shortlist van een thema")
        self.add_menu = QMenu(self)
        self.add_menu.setAccessibleName("Kies een thema")
        self.add_button.setMenu(self.add_menu)
        self.add_menu.aboutToShow.connect(lambda: self._fill_theme_menu(self.add_menu))

        self.detail = DetailPane()

        results = QWidget()
        results_layout = QVBoxLayout(results)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addWidget(self.table)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.add_button)
        results_layout.addLayout(bottom)
        own_bar = QWidget()
        own_row = FlowLayout(own_bar)
        self.own_add_button = QPushButton("Eigen &interventie toevoegen…")
        self.own_add_button.setObjectName("ownAddButton")
        self.own_add_button.setToolTip("Een lokale interventie vastleggen die niet in een databank staat")
        self.own_edit_button = QPushButton("Eigen interventie bewerken…")
        self.own_edit_button.setObjectName("ownEditButton")
        self.own_delete_button = QPushButton("Eigen interventie verwijderen")
        self.own_delete_button.setObjectName("ownDeleteButton")
        for button, name in ((self.own_add_button, "Eigen interventie toevoegen"),
                             (self.own_edit_button, "Eigen interventie bewerken"),
                             (self.own_delete_button, "Eigen interventie verwijderen")):
            button.setAccessibleName(name)
        own_row.addWidget(self.own_add_button)
        own_row.add_right(self.own_edit_button)
        own_row.addWidget(self.own_delete_button)
        results_layout.addWidget(own_bar)
        self.own_add_button.clicked.connect(self.ownAddRequested)
        self.own_edit_button.clicked.connect(lambda: self.current_key() and self.ownEditRequested.emit(self.current_key()))
        self.own_delete_button.clicked.connect(
            lambda: self.current_key() and self.ownDeleteRequested.emit(self.current_key()))

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("catalogueSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(results)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)

        search_row = QHBoxLayout()
        search_row.addWidget(search_label)
        search_row.addWidget(self.search_field, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(search_row)
        layout.addWidget(self.filters)
        layout.addWidget(self.splitter, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search_field.textChanged.connect(lambda _t: self._timer.start())
        self.search_field.toResults.connect(self.focus_results)
        self.search_field.returnPressed.connect(self.focus_results)
        self.filters.changed.connect(self.run_search)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.table.addRequested.connect(self.show_add_menu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.detail.statusMessage.connect(self.statusMessage)
        session.catalogueReplaced.connect(self._on_catalogue_replaced)
        self.run_search()

    # -- searching ----------------------------------------------------------------------------

    def query(self) -> SearchQuery:
        return SearchQuery(text=self.search_field.text().strip(), **self.filters.query_fields())

    def preferred_width(self) -> int:
        """The width at which the results show ~20 characters of a name and the level and
        theme headings, with this page's own margins."""
        margins = self.layout().contentsMargins()
        return self.table.preferred_width() + margins.left() + margins.right()

    def focus_results(self) -> None:
        """From the search field to the results (↓ or Enter), on the first one unless one is
        current already: eight Tab presses went past the filters before."""
        self.flush_search()
        if self.model.rowCount() == 0:
            return
        if not self.table.currentIndex().isValid():
            self._select_row(0)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def flush_search(self) -> None:
        """Run a pending search now (the debounce timer otherwise does it shortly)."""
        if self._timer.isActive():
            self._timer.stop()
        self.run_search()

    def _on_catalogue_replaced(self) -> None:
        self.detail.show_intervention(None)
        self.filters.reload(self.catalogue)  # an update may add or drop target groups, databanks
        self.run_search()

    def run_search(self) -> None:
        self._timer.stop()
        try:
            result = self.catalogue.search(self.query())
        except Exception:  # noqa: BLE001 - never let a search error take the window down
            log.exception("catalogue search failed")
            self.statusMessage.emit("Zoeken is niet gelukt. Probeer een andere zoekterm.")
            return
        current = self.current_key()
        self.model.set_results(result.items)
        self.count_label.setText(
            count_text(len(result.items), result.total, result.exact) if is_available(self.catalogue)
            else "De catalogus is beschadigd; zoeken is niet mogelijk."
        )
        row = self.model.row_of(current) if current else -1
        if row >= 0:
            self._select_row(row)
        self._show_current()

    # -- selection and detail -----------------------------------------------------------------

    def current_key(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(KEY_ROLE) if index.isValid() else None

    def select_key(self, key: str) -> bool:
        row = self.model.row_of(key)
        if row < 0:
            return False
        self._select_row(row)
        return True

    def _select_row(self, row: int) -> None:
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )

    def _show_current(self) -> None:
        key = self.current_key()
        self.add_button.setEnabled(key is not None)
        own = bool(key and is_own_key(key))
        self.own_edit_button.setVisible(own)
        self.own_delete_button.setVisible(own)
        shown = self.detail.intervention
        if (shown.key if shown else None) != key:
            self.detail.show_intervention(self.catalogue.get(key) if key else None)

    # -- adding to the shortlist --------------------------------------------------------------

    def _fill_theme_menu(self, menu: QMenu) -> None:
        menu.clear()
        key = self.current_key()
        chosen = self.session.project.chosen_theme_keys()
        if not chosen:
            hint = menu.addAction(NO_THEME_HINT)
            hint.setEnabled(False)
            self.statusMessage.emit(NO_THEME_HINT)
            return
        for number, theme_key in enumerate(chosen, start=1):
            label = theme_name(theme_key).replace("&", "&&")
            if number < 10:
                label = f"&{number} {label}"
            action = menu.addAction(label)
            if key and self.session.project.has_entry(key, theme_key):
                action.setText(action.text() + " (staat er al in)")
                action.setEnabled(False)
            action.triggered.connect(lambda _=False, t=theme_key: self.add_current_to_theme(t))

    def show_add_menu(self, position: QPoint | None = None) -> None:
        if self.current_key() is None:
            return
        menu = QMenu(self)
        menu.setAccessibleName("Kies een thema")
        self._fill_theme_menu(menu)
        if position is None:
            position = self.add_button.mapToGlobal(self.add_button.rect().bottomLeft())
        menu.popup(position)
        self._open_menu = menu  # keep it alive and reachable while it is shown

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        self.table.setCurrentIndex(index)
        self.show_add_menu(self.table.viewport().mapToGlobal(pos))

    def add_current_to_theme(self, theme_key: str) -> str | None:
        key = self.current_key()
        return self.add_to_theme(key, theme_key) if key else None

    def add_to_theme(self, intervention_key: str, theme_key: str) -> str | None:
        """Shortlist an intervention; returns the new entry's id, ``None`` when refused."""
        outcome = shortlist.add_to_shortlist(self.session, intervention_key, theme_key)
        if outcome.message:  # a refused edit (read-only) has said why already
            self.statusMessage.emit(outcome.message)
        if outcome.entry_id:
            self.entryAdded.emit(outcome.entry_id)
        return outcome.entry_id
