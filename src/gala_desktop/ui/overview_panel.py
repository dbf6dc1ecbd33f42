"""The overview tab: coverage of the required sociale-basis themes, counts and budgets.

All figures come from ``domain/overview.py``, the same rules the annex uses. The warning about
missing required themes is text with an icon, never colour alone. The tables are read-only but
focusable, so a screen-reader user can walk through them.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gala_desktop.domain.changes import shortlist_keys
from gala_desktop.domain.formatting import format_euro, format_euro_table
from gala_desktop.domain.budget import BudgetGrid, budget_grid
from gala_desktop.domain.overview import required_theme_gaps, theme_counts, total_budget
from gala_desktop.domain.recognition import RecognitionLevel
from gala_desktop.domain.themes import REQUIRED_THEME_KEYS, theme_name
from gala_desktop.domain.validity import LAPSE_NOTICE, chosen_with_lapsed_level
from gala_desktop.operations.plan import TEXT_PLAN_FIELDS
from gala_desktop.ui.shortlist_panel import COMPACT_LEVELS

LEVEL_COLUMNS = [
    *reversed(RecognitionLevel.ordered()),
    RecognitionLevel.NOT_ASSESSED,
    RecognitionLevel.UNKNOWN,
]
# entry fields the overview does not count: changing them leaves it as it is
UNCOUNTED_FIELDS = TEXT_PLAN_FIELDS | {"access", "checklist", "priority"}


def level_header(level: RecognitionLevel) -> str:
    """A narrow column header in the shortlist's words: ``Eff.\nsterke``, ``Beschreven``
    (the tooltip names the level in full). With the longer ``Goed\nbeschreven`` the table did
    not fit a 1366-pixel screen and hid its last column, often the most filled: Onbekend."""
    return COMPACT_LEVELS[level].replace(" ", "\n", 1)

TOTAL = "Totaal"


def grid_rows(grid: BudgetGrid, first: str) -> tuple[list[str], list[list[str]]]:
    """Headers and rows of a budget grid (the same one the annex shows), totals last; an
    empty cell where nothing was budgeted."""
    headers = [first, *grid.column_labels, TOTAL]
    rows = [[row.label, *(format_euro_table(c) for c in row.cells), format_euro_table(row.total)]
            for row in grid.rows]
    used = [any(row.cells[i] is not None for row in grid.rows) for i in range(len(grid.columns))]
    rows.append([TOTAL, *(format_euro_table(c) if used[i] else "" for i, c in enumerate(grid.column_totals)),
                 format_euro_table(grid.total)])
    return headers, rows

AnyIndex = QModelIndex | QPersistentModelIndex


class SummaryTableModel(QAbstractTableModel):
    """Read-only rows of text; columns after the first are right-aligned figures."""

    def __init__(self, headers: list[str], tooltips: list[str] | None = None, parent=None):
        super().__init__(parent)
        self.headers = headers
        self.tooltips = tooltips or [""] * len(headers)
        self.rows: list[list[str]] = []
        self.bold_last_row = False

    def set_rows(self, rows: list[list[str]], bold_last_row: bool = False,
                 headers: list[str] | None = None, tooltips: list[str] | None = None) -> None:
        self.beginResetModel()
        if headers is not None:
            self.headers = headers
            self.tooltips = tooltips or [""] * len(headers)
        self.rows = rows
        self.bold_last_row = bold_last_row
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and self.tooltips[section]:
            return self.tooltips[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        value = self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return value
        if role == Qt.ItemDataRole.AccessibleTextRole:  # the full name, not the short heading
            name = self.tooltips[index.column()] or self.headers[index.column()].replace("\n", " ")
            return f"{name}: {value}" if index.column() else value
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and self.bold_last_row and (
            index.row() == len(self.rows) - 1
        ):
            font = QApplication.font()
            font.setBold(True)
            return font
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


FIRST_COLUMN_MIN = 150  # below this a theme name breaks into one-word lines


class _SummaryView(QTableView):
    """A summary table whose first column (theme, source) stretches but never gets unreadable:
    when the panel is too narrow the table scrolls sideways instead."""

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_first_column()
        if self.model() is not None:
            _fit_height(self)  # room for a sideways scroll bar only while one is needed

    def fit_first_column(self) -> None:
        header = self.horizontalHeader()
        if header.count() == 0:
            return
        others = sum(header.sectionSize(c) for c in range(1, header.count()))
        wide_enough = self.viewport().width() - others >= FIRST_COLUMN_MIN
        mode = QHeaderView.ResizeMode.Stretch if wide_enough else QHeaderView.ResizeMode.Interactive
        if header.sectionResizeMode(0) != mode:
            header.setSectionResizeMode(0, mode)
        if not wide_enough and header.sectionSize(0) != FIRST_COLUMN_MIN:
            header.resizeSection(0, FIRST_COLUMN_MIN)


def _table(model: SummaryTableModel, name: str, description: str, parent: QWidget) -> QTableView:
    view = _SummaryView(parent)
    view.setModel(model)
    view.setAccessibleName(name)
    view.setAccessibleDescription(description)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setTabKeyNavigation(False)
    view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    view.verticalHeader().setVisible(False)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    model.modelReset.connect(view.fit_first_column)
    model.modelReset.connect(lambda: _fit_height(view))
    header.sectionResized.connect(lambda *_: _fit_height(view))
    return view


def _fit_height(view: QTableView) -> None:
    """Show every row: the panel scrolls, not the table (a wide table may scroll sideways)."""
    view.resizeRowsToContents()
    height = sum(view.rowHeight(r) for r in range(view.model().rowCount()))
    height += view.horizontalHeader().sizeHint().height() + 2 * view.frameWidth() + 2
    if view.horizontalHeader().length() > view.viewport().width():
        height += view.horizontalScrollBar().sizeHint().height()
    view.setFixedHeight(height)


def _notice_box(parent: QWidget) -> tuple[QFrame, QLabel, QLabel]:
    """A framed notice: an icon beside plain, wrapped text."""
    box = QFrame(parent)
    box.setFrameShape(QFrame.Shape.StyledPanel)
    icon = QLabel(box)
    text = QLabel(box)
    text.setWordWrap(True)
    text.setTextFormat(Qt.TextFormat.PlainText)
    row = QHBoxLayout(box)
    row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
    row.addWidget(text, 1)
    return box, icon, text


def _heading(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() + 2)
    label.setFont(font)
    return label


class OverviewPanel(QWidget):
    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overviewPanel")
        self.session = session

        scroll = QScrollArea(self)
        scroll.setAccessibleName("Overzicht van het project")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        layout = QVBoxLayout(body)
        layout.addWidget(_heading("Verplichte thema's van de sociale basis", body))
        layout.addWidget(self._build_gap_box(body))

        layout.addSpacing(12)
        layout.addWidget(_heading("Interventies per thema", body))
        counts_note = QLabel(
            "De kolommen per erkenningsniveau tellen alleen de gekozen interventies.", body
        )
        counts_note.setWordWrap(True)
        layout.addWidget(counts_note)
        self.lapse_box, self.lapse_icon, self.lapse_text = _notice_box(body)
        layout.addWidget(self.lapse_box)
        self.counts_model = SummaryTableModel(["Thema"], parent=self)
        self.counts_table = _table(
            self.counts_model,
            "Aantallen per thema",
            "Per thema het aantal interventies, het aantal gekozen interventies en de gekozen "
            "interventies per erkenningsniveau.",
            body,
        )
        layout.addWidget(self.counts_table)

        layout.addSpacing(12)
        copy_row = QHBoxLayout()
        copy_note = QLabel(
            "De tabel met gekozen interventies uit de samenvatting van de bijlage, om in een "
            "bestaand Word-document of een mail te plakken.", body)
        copy_note.setWordWrap(True)
        self.copy_button = QPushButton("Kopiëren als tabel", body)
        self.copy_button.setObjectName("copySummaryTable")
        self.copy_button.setAccessibleName("Gekozen interventies kopiëren als tabel")
        self.copy_button.clicked.connect(self.copy_summary_table)
        copy_row.addWidget(copy_note, 1)
        copy_row.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(copy_row)

        layout.addSpacing(12)
        layout.addWidget(_heading("Budget van de gekozen interventies", body))
        self.theme_budget_model = SummaryTableModel(["Thema", TOTAL], parent=self)
        self.theme_budget_table = _table(
            self.theme_budget_model, "Budget per thema en jaar",
            "Begroot bedrag van de gekozen interventies per thema en per jaar, met totalen.", body,
        )
        layout.addWidget(self.theme_budget_table)
        self.funding_model = SummaryTableModel(["Financieringsbron", TOTAL], parent=self)
        self.funding_table = _table(
            self.funding_model, "Budget per jaar en financieringsbron",
            "Begroot bedrag van de gekozen interventies per financieringsbron en per jaar, met "
            "totalen.", body,
        )
        layout.addWidget(self.funding_table)
        self.total_label = QLabel(body)
        font = self.total_label.font()
        font.setBold(True)
        self.total_label.setFont(font)
        layout.addWidget(self.total_label)
        note = QLabel(
            "Alleen interventies met status ‘Gekozen’ tellen mee in de budgetten.", body
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addStretch(1)

        self._stale = False
        # metadata: the period gives the budget tables their year columns
        for signal in (session.projectReplaced, session.themesChanged, session.shortlistChanged,
                       session.catalogueReplaced, session.metadataChanged):
            signal.connect(self._on_project_changed)
        session.entryFieldChanged.connect(self._on_entry_field_changed)
        self.refresh()

    def _build_gap_box(self, parent: QWidget) -> QFrame:
        self.gap_box, self.gap_icon, self.gap_text = _notice_box(parent)
        return self.gap_box

    def copy_summary_table(self) -> None:
        """*Kopiëren als tabel*: HTML (pastes into Word as a real table) and plain text."""
        from gala_desktop.annex.clipboard import summary_table, table_html, table_text

        catalogue = self.session.catalogue
        lookup = catalogue.get if catalogue is not None else (lambda key: None)
        table = summary_table(self.session.project, lookup)
        window = self.window()
        status = getattr(window, "statusBar", None)
        if table is None:
            message = "Er is nog geen interventie gekozen; er is niets gekopieerd."
        else:
            mime = QMimeData()
            mime.setHtml(table_html(table))
            mime.setText(table_text(table))
            QApplication.clipboard().setMimeData(mime)
            count = len(table.rows)
            message = (f"Tabel met {count} gekozen {'interventie' if count == 1 else 'interventies'} "
                       "gekopieerd; plak hem in Word of een mail.")
        self.copy_button.setToolTip(message)
        if status:
            status().showMessage(message, 8000)

    def _on_entry_field_changed(self, _entry_id: str, field: str) -> None:
        if field.removeprefix("plan.") not in UNCOUNTED_FIELDS:
            self._on_project_changed()

    def _on_project_changed(self) -> None:
        """Refresh now when shown; a hidden overview refreshes when it is shown again."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def _refresh_lapses(self, size: int) -> None:
        """Chosen interventions whose recognition may have lapsed: icon and text, never colour."""
        project = self.session.project
        found = self.session.catalogue.get_many(shortlist_keys(project))  # one round trip
        names = chosen_with_lapsed_level(project, found.get)
        self.lapse_box.setVisible(bool(names))
        if not names:
            return
        icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.lapse_icon.setPixmap(icon.pixmap(size, size))
        self.lapse_icon.setAccessibleName("Waarschuwing")
        first = f"Bij {len(names)} gekozen interventie(s): {LAPSE_NOTICE}."
        self.lapse_text.setText("\n".join([first, *(f"• {name}" for name in names)]))
        self.lapse_box.setAccessibleName(first)

    def _on_entry_changed(self, _entry_id: str) -> None:
        self.refresh()

    def refresh(self) -> None:
        self._stale = False
        project = self.session.project
        gaps = required_theme_gaps(project)
        style = QApplication.style()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_LargeIconSize)
        if gaps:
            icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            lines = [
                f"Let op: {len(gaps)} van de {len(REQUIRED_THEME_KEYS)} verplichte thema's "
                "hebben nog geen gekozen interventie:",
                *(f"• {theme_name(key)}" for key in gaps),
                "Een beleidsvisie sociale basis moet al deze thema's behandelen.",
            ]
            self.gap_icon.setAccessibleName("Waarschuwing")
        else:
            icon = style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)
            lines = [
                f"In orde: alle {len(REQUIRED_THEME_KEYS)} verplichte thema's van de sociale "
                "basis hebben minstens één gekozen interventie."
            ]
            self.gap_icon.setAccessibleName("In orde")
        self.gap_icon.setPixmap(icon.pixmap(size, size))
        self.gap_text.setText("\n".join(lines))
        self.gap_box.setAccessibleName(lines[0])

        self._refresh_lapses(size)
        chosen_keys = project.chosen_theme_keys()
        counts = theme_counts(project)
        # one column per recognition level that occurs among the chosen entries, best first
        levels = [lvl for lvl in LEVEL_COLUMNS if any(c.by_level.get(lvl) for c in counts)]
        own = any(c.own for c in counts)
        headers = ["Thema", "Op de\nshortlist", "Gekozen", *(level_header(lvl) for lvl in levels),
                   *(["Eigen\n(niet erkend)"] if own else [])]
        tooltips = [
            "", "Alle interventies op de shortlist", "Interventies met status Gekozen",
            *(f"Gekozen interventies met erkenningsniveau ‘{lvl.label}’" for lvl in levels),
            *(["Gekozen eigen interventies: niet erkend, niet uit een databank"] if own else []),
        ]
        count_rows = []
        for count in counts:
            name = theme_name(count.theme_key)
            if count.theme_key not in chosen_keys:
                name += " (niet gekozen)"
            count_rows.append(
                [name, str(count.total), str(count.chosen),
                 *(str(count.by_level.get(level, 0)) for level in levels),
                 *([str(count.own)] if own else [])]
            )
        if count_rows:
            count_rows.append(
                [TOTAL, str(sum(c.total for c in counts)), str(sum(c.chosen for c in counts)),
                 *(str(sum(c.by_level.get(lvl, 0) for c in counts)) for lvl in levels),
                 *([str(sum(c.own for c in counts))] if own else [])]
            )
        self.counts_model.set_rows(count_rows, True, headers, tooltips)

        total = format_euro(total_budget(project))
        for model, by, first in ((self.theme_budget_model, "theme", "Thema"),
                                 (self.funding_model, "source", "Financieringsbron")):
            headers, rows = grid_rows(budget_grid(project, by), first)
            model.set_rows(rows, True, headers)
        self.total_label.setText(f"Totaal begroot voor gekozen interventies: {total}")
