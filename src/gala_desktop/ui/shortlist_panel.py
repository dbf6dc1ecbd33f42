"""The shortlist panel: the tree of shortlisted interventions per theme, with its buttons.

Every mouse action has a keyboard alternative: Alt+Omhoog/Alt+Omlaag move an entry within its
theme, Delete removes it, F2 edits the status, the context menu (menu key) offers all
of it. Drops of catalogue interventions add entries; internal drags reorder within a theme.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from gala_desktop.domain.project import EntryStatus, Priority
from gala_desktop.domain.recognition import RecognitionLevel
from gala_desktop.operations import shortlist
from gala_desktop.ui.enum_delegate import VALUE_ROLE, EnumComboDelegate
from gala_desktop.ui.flow_layout import FlowLayout
from gala_desktop.ui.palette_icons import arrow_icon
from gala_desktop.ui.result_model import readable_name_width
from gala_desktop.ui.shortlist_model import (
    COL_LEVEL,
    COL_NAME,
    COL_PRIORITY,
    COL_STATUS,
    HEADERS,
    ShortlistModel,
)
from gala_desktop.ui.viewports import viewport_width


CHOOSE_KEY = QKeySequence("Ctrl+K")

# Short texts for the narrow Niveau column; the tooltip and the screen reader get the full label.
COMPACT_LEVELS = {
    RecognitionLevel.UNKNOWN: "Onbekend",
    RecognitionLevel.NOT_ASSESSED: "Niet beoord.",
    RecognitionLevel.WELL_DESCRIBED: "Beschreven",
    RecognitionLevel.WELL_FOUNDED: "Onderbouwd",
    RecognitionLevel.EFFECTIVE: "Effectief (?)",
    RecognitionLevel.EFFECTIVE_FIRST: "Eff. eerste",
    RecognitionLevel.EFFECTIVE_GOOD: "Eff. goede",
    RecognitionLevel.EFFECTIVE_STRONG: "Eff. sterke",
}


class CompactLevelDelegate(QStyledItemDelegate):
    """Paints a recognition level with its compact text (the model keeps the full short label)."""

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        level = index.data(VALUE_ROLE)
        if isinstance(level, RecognitionLevel):
            option.text = COMPACT_LEVELS[level]


class ShortlistView(QTreeView):
    """The shortlist's tree; tells when its viewport has a new size (the view's resize, or a
    scroll bar that comes or goes), without asking for the viewport (``viewports``)."""

    viewportResized = Signal()

    def viewportEvent(self, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize:
            self.viewportResized.emit()
        return super().viewportEvent(event)


class ShortlistPanel(QWidget):
    entrySelected = Signal(str)  # "" when no entry is selected
    entryActivated = Signal(str)  # Enter or double-click on an entry
    statusMessage = Signal(str)
    ownAddRequested = Signal()

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setObjectName("shortlistPanel")
        self._selected = ""
        self._restoring = False

        self.model = ShortlistModel(session, self)
        self.view = ShortlistView(self)
        self.view.setObjectName("shortlistView")
        self.view.setAccessibleName("Shortlist")
        self.view.setAccessibleDescription(
            "Gekozen interventies per thema. Alt+pijl omhoog of omlaag verplaatst, "
            "Delete verwijdert, F2 wijzigt de status, de menutoets ook de prioriteit."
        )
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setAllColumnsShowFocus(True)
        self.view.setUniformRowHeights(True)
        self.view.setIndentation(max(12, self.view.fontMetrics().averageCharWidth() * 2))  # room for names
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        # The name takes the room that is left and is elided in the middle (both ends of a name
        # tell most); the other columns are as narrow as their short texts.
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(32)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        # Fitted to the widest text each column can hold, once: fitting to the rows' contents
        # would read every row again after each status or priority change.
        for column, texts in (
            (COL_STATUS, [s.label for s in EntryStatus]),
            (COL_PRIORITY, [p.label for p in Priority]),
            (COL_LEVEL, list(COMPACT_LEVELS.values())),
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, self._column_width(column, texts))
        self._level_width = header.sectionSize(COL_LEVEL)  # a hidden section's size reads 0
        self._level_delegate = CompactLevelDelegate(self.view)
        self.view.setItemDelegateForColumn(COL_LEVEL, self._level_delegate)
        self._status_delegate = EnumComboDelegate(EntryStatus, "Status", self.view)
        self._priority_delegate = EnumComboDelegate(Priority, "Prioriteit", self.view)
        self.view.setItemDelegateForColumn(COL_STATUS, self._status_delegate)
        self.view.setItemDelegateForColumn(COL_PRIORITY, self._priority_delegate)

        heading = QLabel("&Shortlist", self)
        heading.setBuddy(self.view)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)

        self.action_up = self._view_action("Omhoog", QKeySequence("Alt+Up"), self.move_up)
        self.action_down = self._view_action("Omlaag", QKeySequence("Alt+Down"), self.move_down)
        self.action_remove = self._view_action(
            "Verwijderen", QKeySequence(QKeySequence.StandardKey.Delete), self.remove_selected
        )
        # Kiezen: new entries are ‘Overwegen’; only ‘Gekozen’ ones go into the annex
        self.action_choose = QAction("&Kiezen", self)
        self.action_choose.setObjectName("actionChooseEntry")
        self.action_choose.setShortcut(CHOOSE_KEY)
        self.action_choose.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action_choose.setToolTip("De geselecteerde interventie op ‘Gekozen’ zetten (Ctrl+K)")
        self.action_choose.triggered.connect(self.choose_selected)
        self.addAction(self.action_choose)

        # no Alt+letter on the move buttons: Om&hoog clashed with &Help, and Alt+pijl in the
        # list is the faster keyboard route (the tooltip says so)
        self.button_up = self._button("Omhoog", "Omhoog", "Geselecteerde interventie omhoog (Alt+pijl omhoog)", self.move_up)
        self.button_down = self._button("Omlaag", "Omlaag", "Geselecteerde interventie omlaag (Alt+pijl omlaag)", self.move_down)
        self._draw_arrows()
        for button in (self.button_up, self.button_down):  # arrows only: the row fits a large font
            button.setText("")
        self.button_remove = self._button("&Verwijderen", "Verwijderen", "Geselecteerde interventie uit de shortlist verwijderen (Delete)", self.remove_selected)

        self.button_choose = self._button("Kiezen", "Kiezen", self.action_choose.toolTip(), self.choose_selected)
        self.button_choose.setObjectName("shortlistChooseButton")
        self.button_choose.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton))

        self.button_own = self._button(
            "Eigen interventie…", "Eigen interventie toevoegen",
            "Een lokale interventie vastleggen die niet in een databank staat; daarna vindt u haar "
            "in de catalogus en zet u haar op de shortlist", self.ownAddRequested.emit)
        self.button_own.setObjectName("shortlistOwnAddButton")
        # a flow, not a row: with a large font the buttons take two rows instead of widening
        # the shortlist column at the cost of the themes
        button_bar = QWidget(self)
        buttons = FlowLayout(button_bar)
        for button in (self.button_choose, self.button_up, self.button_down):
            buttons.addWidget(button)
        buttons.add_right(self.button_own)
        buttons.addWidget(self.button_remove)

        self.hint = QLabel(
            "Sleep interventies uit de catalogus naar een thema, of gebruik "
            "‘Toevoegen aan thema’ bij de zoekresultaten.",
            self,
        )
        self.hint.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.hint)
        layout.addWidget(button_bar)
        QWidget.setTabOrder(self.view, self.button_choose)
        QWidget.setTabOrder(self.button_choose, self.button_up)
        QWidget.setTabOrder(self.button_up, self.button_down)
        QWidget.setTabOrder(self.button_down, self.button_remove)

        self.view.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.view.activated.connect(self._on_activated)
        self.view.customContextMenuRequested.connect(self._show_context_menu)
        self.model.modelAboutToBeReset.connect(self._before_reset)
        self.model.modelReset.connect(self._after_reset)
        self.model.dataChanged.connect(lambda *_: self._update_actions())
        # after the window has switched its editing widgets (``read_only.EditingSwitch``)
        session.readOnlyChanged.connect(self._on_read_only_changed)
        self.model.statusMessage.connect(self.statusMessage)
        self.model.entriesAppeared.connect(self._on_entries_appeared)
        # the viewport's resize, not the view's: when the view hears of its new size, its
        # viewport still has the old one, and a shrinking column kept the Niveau column
        self.view.viewportResized.connect(self.fit_columns)
        self.view.installEventFilter(self)  # F2 on a row edits its status
        self._after_reset()

    # ----------------------------------------------------------------- construction helpers
    def _view_action(self, text: str, shortcut: QKeySequence, slot) -> QAction:
        action = QAction(text, self.view)
        action.setShortcut(shortcut)
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        self.view.addAction(action)
        return action

    def _button(self, text: str, name: str, tip: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(name)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    # ----------------------------------------------------------------- selection
    def _column_width(self, column: int, texts: list[str]) -> int:
        metrics = self.view.fontMetrics()
        style = self.view.style()
        icon = style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize) if column == COL_STATUS else 0
        margin = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
        widest = max(metrics.horizontalAdvance(t) for t in texts)
        content = widest + margin + (icon + margin if icon else 0)
        header = self.view.header()
        heading = header.fontMetrics().horizontalAdvance(HEADERS[column]) + 2 * margin
        return max(content, heading)

    def current_entry_id(self) -> str:
        entry = self.model.entry_at(self.view.currentIndex())
        return entry.id if entry is not None else ""

    def select_entry(self, entry_id: str | None) -> None:
        index = self.model.index_of_entry(entry_id) if entry_id else QModelIndex()
        if not index.isValid():
            self.view.setCurrentIndex(QModelIndex())
            self.view.clearSelection()
            return
        self.view.expand(index.parent())
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def _on_current_changed(self, current, _previous) -> None:
        self._update_actions()
        if self._restoring:
            return
        self._announce(self.current_entry_id())

    def _announce(self, entry_id: str) -> None:
        if entry_id != self._selected:
            self._selected = entry_id
            self.entrySelected.emit(entry_id)

    def _before_reset(self) -> None:
        self._restoring = True

    def _after_reset(self) -> None:
        for row in range(self.model.rowCount()):  # theme titles use the full width
            self.view.setFirstColumnSpanned(row, QModelIndex(), True)
        self.view.expandAll()
        keep = self._selected if self.session.project.entry(self._selected or "") else ""
        self.select_entry(keep)
        self._restoring = False
        self._announce(self.current_entry_id())
        self._update_actions()

    def _on_entries_appeared(self, ids: list) -> None:
        if len(ids) == 1:
            self.select_entry(ids[0])

    def _on_activated(self, index) -> None:
        entry = self.model.entry_at(index)
        if entry is not None:
            self.entryActivated.emit(entry.id)

    def _on_read_only_changed(self, _reason: str) -> None:
        QTimer.singleShot(0, self, self._update_actions)

    def _update_actions(self) -> None:
        entry = self.model.entry_at(self.view.currentIndex())
        if self.session.read_only:  # the keys and the context menu too, not only the buttons
            entry = None
        if entry is None:
            can_up = can_down = False
        else:
            position, count = self.model.index_in_theme(entry)
            can_up, can_down = position > 0, position < count - 1
        for widget in (self.action_up, self.button_up):
            widget.setEnabled(can_up)
        for widget in (self.action_down, self.button_down):
            widget.setEnabled(can_down)
        for widget in (self.action_remove, self.button_remove):
            widget.setEnabled(entry is not None)
        can_choose = entry is not None and entry.status is not EntryStatus.CHOSEN
        for widget in (self.action_choose, self.button_choose):
            widget.setEnabled(can_choose)
        self.hint.setVisible(not self.session.project.shortlist)

    # ----------------------------------------------------------------- commands
    def _move(self, step: int) -> None:
        entry = self.model.entry_at(self.view.currentIndex())
        if entry is None:
            return
        position, count = self.model.index_in_theme(entry)
        target = position + step
        if 0 <= target < count and shortlist.move_entry(self.session, entry.id, target).ok:
            self.select_entry(entry.id)
            self.view.setFocus()

    def move_up(self) -> None:
        self._move(-1)

    def move_down(self) -> None:
        self._move(+1)

    def choose_selected(self) -> None:
        entry = self.model.entry_at(self.view.currentIndex())
        if entry is None or entry.status is EntryStatus.CHOSEN:
            return
        if not shortlist.set_status(self.session, entry.id, EntryStatus.CHOSEN).ok:
            return  # refused (read-only): the session said why
        self.select_entry(entry.id)
        self._update_actions()
        self.statusMessage.emit(f"‘{entry.snapshot.name}’ is gekozen en komt in de bijlage.")

    def _draw_arrows(self) -> None:
        self.button_up.setIcon(arrow_icon(self, up=True))
        self.button_down.setIcon(arrow_icon(self, up=False))

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # e.g. a high-contrast theme switched on
            self._draw_arrows()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.view and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_F2 and not event.modifiers():
                return self._edit_choice()
            if event.modifiers() == Qt.KeyboardModifier.AltModifier and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                return self._at_an_end(up=event.key() == Qt.Key.Key_Up)
        return super().eventFilter(watched, event)

    def _at_an_end(self, up: bool) -> bool:
        """Alt+↑ on the first entry of a theme (its action is off there) went on to the view as
        ↑ and put the selection on the theme's heading; the key is taken and the officer told."""
        action = self.action_up if up else self.action_down
        if action.isEnabled():
            return False  # the shortcut moves the entry
        entry = self.model.entry_at(self.view.currentIndex())
        if entry is not None and not self.session.read_only:
            self.statusMessage.emit(
                f"‘{entry.snapshot.name}’ staat al {'bovenaan' if up else 'onderaan'} bij dit thema.")
        return True

    def _edit_choice(self) -> bool:
        """F2 on an entry: its status in the editor. The row is selected whole, so the current
        cell is often the name, which is not edited."""
        index = self.view.currentIndex()
        if self.model.entry_at(index) is None or self.session.read_only:
            return False
        if not self.model.flags(index) & Qt.ItemFlag.ItemIsEditable:
            index = index.siblingAtColumn(COL_STATUS)
            self.view.setCurrentIndex(index)
        self.view.edit(index)
        return True

    def fit_columns(self) -> None:
        """Keep the name readable: hide the Niveau column (also in the tooltip and the plan
        editor) when the name column would show fewer than about 20 characters
        (``readable_name_width``, the measure the preferred width uses)."""
        header = self.view.header()
        others = sum(header.sectionSize(c) for c in (COL_STATUS, COL_PRIORITY))
        need = readable_name_width(self.view.fontMetrics()) + 2 * self.view.indentation()
        room = viewport_width(self.view) - others
        hide_level = room - self._level_width < need
        if header.isSectionHidden(COL_LEVEL) != hide_level:
            header.setSectionHidden(COL_LEVEL, hide_level)

    def preferred_width(self) -> int:
        """The width that shows about 20 characters of a name beside the status
        and priority columns (the level column comes and goes with the width)."""
        header = self.view.header()
        style = self.view.style()
        name = readable_name_width(self.view.fontMetrics()) + 2 * self.view.indentation()
        columns = sum(header.sectionSize(c) for c in (COL_STATUS, COL_PRIORITY))
        chrome = style.pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent) + 2 * self.view.frameWidth() + 4
        return name + columns + chrome

    def remove_selected(self) -> None:
        index = self.view.currentIndex()
        entry = self.model.entry_at(index)
        if entry is None:
            return
        # keep the keyboard user in place: select the neighbour in the same group
        siblings = self.model.rowCount(index.parent())
        neighbour_row = index.row() + 1 if index.row() + 1 < siblings else index.row() - 1
        neighbour = self.model.entry_at(self.model.index(neighbour_row, 0, index.parent()))
        outcome = shortlist.remove_entry(self.session, entry.id)
        if not outcome.ok:
            return  # refused (read-only): the session said why
        self.select_entry(neighbour.id if neighbour is not None else None)
        self.statusMessage.emit(f"{outcome.message[:-1]} (ongedaan maken met Ctrl+Z).")

    # ----------------------------------------------------------------- context menu
    def _show_context_menu(self, pos) -> None:
        index = self.view.indexAt(pos)
        if index.isValid():
            self.view.setCurrentIndex(index)
        menu = self.build_context_menu()
        if menu is not None:
            menu.exec(self.view.viewport().mapToGlobal(pos))

    def build_context_menu(self) -> QMenu | None:
        entry = self.model.entry_at(self.view.currentIndex())
        if entry is None:
            return None
        menu = QMenu(self)
        _add_choice_menu(menu, "&Status", EntryStatus, entry.status,
                         lambda status, i=entry.id: shortlist.set_status(self.session, i, status))
        _add_choice_menu(menu, "&Prioriteit", Priority, entry.priority,
                         lambda prio, i=entry.id: shortlist.set_priority(self.session, i, prio))
        menu.addAction(self.action_choose)
        menu.addSeparator()
        menu.addAction(self.action_up)
        menu.addAction(self.action_down)
        menu.addAction(self.action_remove)
        return menu


__all__ = ["ShortlistPanel"]


def _add_choice_menu(menu: QMenu, title: str, values, current, choose) -> None:
    """A submenu with one checkable action per enum value; ``choose(value)`` on a click."""
    submenu = menu.addMenu(title)
    group = QActionGroup(submenu)
    for value in values:
        action = submenu.addAction(value.label)
        action.setCheckable(True)
        action.setChecked(value is current)
        group.addAction(action)
        action.triggered.connect(lambda _checked=False, v=value: choose(v))
