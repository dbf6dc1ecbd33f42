"""The GALA themes as a checkable tree, with the rationale editor of the selected theme below.

Checking a theme calls ``operations.themes.choose_theme``; typing a rationale calls
``set_rationale`` (one undo step per typing burst). The tree re-reads the project when the
chosen themes, the shortlist or an entry's status change; the editor when its theme's rationale
changes. Neither changes the project while it re-reads.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QStyle, QTreeWidgetItem, QVBoxLayout, QWidget

from gala_desktop.domain.overview import required_theme_gaps
from gala_desktop.domain.themes import (
    CHAIN_APPROACHES_LABEL,
    REQUIRED_THEME_KEYS,
    THEMES,
    THEMES_BY_KEY,
    Theme,
    ThemeKind,
    children,
)
from gala_desktop.operations import themes as theme_use_cases
from gala_desktop.ui.theme_tree import (
    SOFT_HYPHEN,
    WRAP_MARGIN,
    ThemeTree,
    WrappingDelegate,
    required_icon,
    theme_label,
    unbreakable_parts,
)

KEY_ROLE = Qt.ItemDataRole.UserRole
COVERED_ROLE = Qt.ItemDataRole.UserRole + 2  # whether the required-theme badge shows a check
RATIONALE_HINT = (
    "Schrijf waarom u dit thema kiest: de lokale situatie, wat u wilt bereiken en voor wie."
)
NOT_CHOSEN_HINT = "Vink het thema eerst aan; daarna kunt u hier uw toelichting schrijven."
NOTHING_SELECTED_HINT = "Selecteer een gekozen thema om de toelichting te schrijven."


class ThemePanel(QWidget):
    """The left column: which GALA themes the vision covers, and why."""

    statusMessage = Signal(str)

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._updating = False
        self._items: dict[str, QTreeWidgetItem] = {}

        heading = QLabel("&Thema's van de beleidsvisie")
        heading.setWordWrap(True)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)

        self.tree = ThemeTree()
        self.tree.setObjectName("themeTree")
        self.tree.setHeaderHidden(True)
        self.tree.setIndentation(max(12, self.tree.fontMetrics().averageCharWidth() * 2))
        self.tree.setAccessibleName("Thema's van de beleidsvisie")
        self.tree.setAccessibleDescription(
            "Vink met de spatiebalk de GALA-thema's aan die de beleidsvisie behandelt. "
            "Verplichte thema's zijn gemarkeerd met ‘(verplicht)’."
        )
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setItemDelegate(WrappingDelegate(self.tree))
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        heading.setBuddy(self.tree)
        self._build_tree()

        self.rationale_label = QLabel("Toe&lichting")
        self.rationale_label.setWordWrap(True)
        # a long theme name wraps; it must not widen the column (a 14 pt font made it 207 px)
        self.rationale_label.setMinimumWidth(self.rationale_label.fontMetrics().averageCharWidth() * 10)
        self.rationale = QPlainTextEdit()
        self.rationale.setObjectName("themeRationale")
        self.rationale.setAccessibleName("Toelichting bij het geselecteerde thema")
        self.rationale.setTabChangesFocus(True)
        self.rationale_label.setBuddy(self.rationale)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.tree, 5)
        layout.addWidget(self.rationale_label)
        layout.addWidget(self.rationale, 2)

        self.tree.itemChanged.connect(self._on_item_changed)
        self.tree.currentItemChanged.connect(lambda *_: self._refresh_rationale())
        self.rationale.textChanged.connect(self._on_rationale_edited)
        session.themesChanged.connect(self.refresh)
        session.projectReplaced.connect(self.refresh)
        # the rationale of a theme unticked while this project is open: ticking it again
        # brings the text back
        self._unchosen_rationales: dict[str, str] = {}
        session.projectReplaced.connect(self._forget_unchosen_rationales)
        session.shortlistChanged.connect(self.refresh)  # counts and coverage
        session.entryFieldChanged.connect(self._on_entry_field_changed)
        session.rationaleChanged.connect(self._on_rationale_changed)
        self.refresh()

    # -- building -----------------------------------------------------------------------------

    def _theme_item(self, theme: Theme) -> QTreeWidgetItem:
        item = QTreeWidgetItem([theme_label(theme)])
        item.setData(0, KEY_ROLE, theme.key)
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
        )
        item.setCheckState(0, Qt.CheckState.Unchecked)
        tip = theme.name + (f"\n{theme.description}" if theme.description else "")
        if theme.required:
            item.setIcon(0, required_icon())
            tip += "\nVerplicht thema in een beleidsvisie sociale basis."
        item.setToolTip(0, tip)
        self._items[theme.key] = item
        return item

    def _build_tree(self) -> None:
        goals = [t for t in THEMES if t.kind is ThemeKind.GOAL]
        for goal in sorted(goals, key=lambda t: t.order):
            item = self._theme_item(goal)
            self.tree.addTopLevelItem(item)
            for child in children(goal.key):
                item.addChild(self._theme_item(child))
        group = QTreeWidgetItem([CHAIN_APPROACHES_LABEL])
        group.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        group.setToolTip(0, "De vijf landelijke ketenaanpakken van het GALA.")
        font = group.font(0)
        font.setItalic(True)
        group.setFont(0, font)
        self.tree.addTopLevelItem(group)
        for chain in sorted((t for t in THEMES if t.kind is ThemeKind.CHAIN_APPROACH), key=lambda t: t.order):
            group.addChild(self._theme_item(chain))
        # item by item, not expandAll(): that lays out every row at once, while the tree has no
        # width yet (each row's wrapped height measured for nothing, again when shown)
        for index in range(self.tree.topLevelItemCount()):
            self.tree.topLevelItem(index).setExpanded(True)

    def preferred_width(self) -> int:
        """The width at which no word of a theme name is cut: room for the longest unbreakable
        part beside the check box, badge and indentation of every item, with the scroll bar."""
        metrics = self.tree.fontMetrics()
        delegate = self.tree.itemDelegate()
        needed = 0
        for item in self._items.values():
            index = self.tree.indexFromItem(item)
            widest = max(metrics.horizontalAdvance(part) for part in unbreakable_parts(item.text(0)))
            needed = max(needed, delegate.decoration_width(index) + widest + WRAP_MARGIN)
        chrome = self.tree.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self.tree)
        return needed + chrome + 2 * self.tree.frameWidth()

    # -- reading the project ------------------------------------------------------------------

    def current_theme_key(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, KEY_ROLE) if item is not None else None

    def select_theme(self, key: str) -> None:
        item = self._items.get(key)
        if item is not None:
            self.tree.setCurrentItem(item)

    def refresh(self) -> None:
        project = self.session.project
        chosen = set(project.chosen_theme_keys())
        covered = set(REQUIRED_THEME_KEYS) - set(required_theme_gaps(project))
        counts: dict[str, int] = {}
        for entry in project.shortlist:
            counts[entry.theme_key] = counts.get(entry.theme_key, 0) + 1
        self._updating = True
        try:
            for key, item in self._items.items():
                state = Qt.CheckState.Checked if key in chosen else Qt.CheckState.Unchecked
                if item.checkState(0) != state:
                    item.setCheckState(0, state)
                theme = THEMES_BY_KEY[key]
                text = theme_label(theme)
                if counts.get(key):
                    text += f" · {counts[key]}"
                if item.text(0) != text:
                    item.setText(0, text)
                plain = text.replace(SOFT_HYPHEN, "")  # a screen reader reads the word whole
                if item.data(0, Qt.ItemDataRole.AccessibleTextRole) != plain:
                    item.setData(0, Qt.ItemDataRole.AccessibleTextRole, plain)
                status = "gekozen" if key in chosen else "niet gekozen"
                description = f"{theme.name}: {status}, {counts.get(key, 0)} interventies op de shortlist"
                if theme.required:
                    is_covered = key in covered
                    if item.data(0, COVERED_ROLE) != is_covered:
                        item.setData(0, COVERED_ROLE, is_covered)
                        item.setIcon(0, required_icon(is_covered))
                    description += (", verplicht thema, gedekt door een gekozen interventie"
                                    if is_covered else ", verplicht thema, nog geen gekozen interventie")
                item.setData(0, Qt.ItemDataRole.AccessibleDescriptionRole, description)
        finally:
            self._updating = False
        self._refresh_rationale()

    def _refresh_rationale(self) -> None:
        key = self.current_theme_key()
        choice = self.session.project.theme_choice(key) if key else None
        self._updating = True
        try:
            if choice is None:
                self.rationale.setEnabled(False)
                if self.rationale.toPlainText():
                    self.rationale.setPlainText("")
                self.rationale.setPlaceholderText(NOT_CHOSEN_HINT if key else NOTHING_SELECTED_HINT)
                self.rationale_label.setText("Toe&lichting")
            else:
                self.rationale.setEnabled(True)
                self.rationale.setPlaceholderText(RATIONALE_HINT)
                self.rationale_label.setText(f"Toe&lichting: {THEMES_BY_KEY[key].name if key in THEMES_BY_KEY else key}")
                if self.rationale.toPlainText() != choice.rationale:
                    self.rationale.setPlainText(choice.rationale)
        finally:
            self._updating = False

    def _on_entry_field_changed(self, _entry_id: str, field: str) -> None:
        if field == "status":  # coverage of the required themes counts chosen entries
            self.refresh()

    def _forget_unchosen_rationales(self) -> None:
        self._unchosen_rationales.clear()

    def _on_rationale_changed(self, theme_key: str) -> None:
        if theme_key == self.current_theme_key():
            self._refresh_rationale()

    # -- user edits ---------------------------------------------------------------------------

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._updating or column != 0:
            return
        key = item.data(0, KEY_ROLE)
        if not key:
            return
        chosen = item.checkState(0) == Qt.CheckState.Checked
        if chosen == (self.session.project.theme_choice(key) is not None):
            return
        if not chosen:
            self._unchosen_rationales[key] = self.session.project.theme_choice(key).rationale
        outcome = theme_use_cases.choose_theme(self.session, key, chosen,
                                               self._unchosen_rationales.get(key, "") if chosen else "")
        if outcome.message:
            self.statusMessage.emit(outcome.message)
        if self.tree.currentItem() is not item:
            self.tree.setCurrentItem(item)
        self._refresh_rationale()

    def _on_rationale_edited(self) -> None:
        if self._updating:
            return
        key = self.current_theme_key()
        if not key or self.session.project.theme_choice(key) is None:
            return
        theme_use_cases.set_rationale(self.session, key, self.rationale.toPlainText())
