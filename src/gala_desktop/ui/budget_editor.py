"""The budget of one entry per year of the project period and per funding source.

One row per year of the period (and per other year that already holds an amount), one column
per funding source. An amount is checked when the cell is left and saved on its own: text that is
not an amount is refused with a message under the table and stays in its cell to be corrected,
while the amount saved for that cell before still counts and every other cell is saved. Beside it
the plan editor keeps one field for a total over the whole period, for entries where only the
total is known.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gala_desktop.domain.budget import MAX_PERIOD_YEARS, WHOLE_PERIOD, line_source
from gala_desktop.domain.formatting import format_euro, format_euro_table, parse_euro
from gala_desktop.domain.project import BudgetLine, FundingSource, ImplementationPlan
from gala_desktop.ui.plan_fields import keep_room_when_hidden

SOURCES = tuple(FundingSource)
# narrow two-line column headers; the full name is the tooltip
SHORT_LABELS = {
    FundingSource.SPUK: "Brede\nSPUK",
    FundingSource.SPORTAKKOORD: "Sport-\nakkoord",
    FundingSource.OWN: "Eigen\nmiddelen",
}
TABLE_DESCRIPTION = ("Eén rij per jaar van de periode, één kolom per financieringsbron. Typ een "
                     "bedrag, bijvoorbeeld 12.500.")
TYPICAL_AMOUNT = format_euro_table(9_999_900)  # € 99.999: room for it before any is typed
NO_YEARS = (
    "Vul op het tabblad Project de periode in (bijvoorbeeld 2025–2028) om het budget per jaar "
    "te verdelen. Tot dan kunt u hieronder, bij Budget hele periode, één bedrag invullen."
)
UNREAD_PERIOD = (
    "Uit de periode ‘{}’ op het tabblad Project zijn geen jaren te halen (schrijf bijvoorbeeld "
    "2025–2028; hoogstens {} jaar). Tot dan kunt u hieronder, bij Budget hele periode, één "
    "bedrag invullen."
)


def per_year_lines(plan: ImplementationPlan) -> list[BudgetLine]:
    return [line for line in plan.budget if line.year is not WHOLE_PERIOD]


def whole_period_cents(plan: ImplementationPlan) -> int | None:
    """The amount given for the whole period (None when there is none)."""
    amounts = [line.cents for line in plan.budget if line.year is WHOLE_PERIOD]
    return sum(amounts) if amounts else None


def with_whole_period(plan: ImplementationPlan, cents: int | None) -> list[BudgetLine]:
    """The plan's budget with its whole-period amount replaced by ``cents`` (its main source)."""
    lines = per_year_lines(plan)
    return lines + ([BudgetLine(cents)] if cents is not None else [])


class BudgetYearsTable(QWidget):
    """Years × funding sources. ``committed`` carries the complete new list of per-year lines."""

    committed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.years: list[int] = []  # the rows: the period's years and any year with an amount
        self.period_years: list[int] = []  # the period's years the rows were laid out for
        self.period = ""  # the period as typed, for the hint when it gives no years
        self._saved: dict[tuple[int, FundingSource | None], int] = {}  # the plan's amount per cell
        self._refused: dict[tuple[int, FundingSource], str] = {}  # typed text that is no amount
        self._messages: list[str] = []  # why, per refused cell; the one typed last first
        self._loading = False
        self.table = QTableWidget(0, len(SOURCES), self)
        self.table.setObjectName("budgetYears")
        self.setFocusProxy(self.table)  # the label's Alt+J and the tab chain reach the table
        self.table.setAccessibleName("Budget per jaar en financieringsbron")
        self.table.setAccessibleDescription(TABLE_DESCRIPTION)
        self.table.setHorizontalHeaderLabels([SHORT_LABELS.get(s, s.label) for s in SOURCES])
        for c, source in enumerate(SOURCES):
            self.table.horizontalHeaderItem(c).setToolTip(source.label)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self._fit_columns()
        self.table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter
                                                          | Qt.AlignmentFlag.AlignVCenter)
        self.table.setWordWrap(False)  # an amount is never split after its "€"
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, as in every other field
        triggers = QAbstractItemView.EditTrigger
        self.table.setEditTriggers(triggers.DoubleClicked | triggers.EditKeyPressed
                                   | triggers.AnyKeyPressed)
        self.table.itemChanged.connect(self._on_item_changed)
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setObjectName("budgetError")
        keep_room_when_hidden(self.error)  # a message does not move the total below it
        self.error.hide()
        self.hint = QLabel(NO_YEARS, self)
        self.hint.setWordWrap(True)
        self.total = QLabel(self)
        self.total.setObjectName("budgetTotal")
        self.total.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        layout.addWidget(self.hint)
        layout.addWidget(self.total)
        self.setFocusProxy(self.table)

    def _fit_columns(self) -> None:
        """Columns never narrower than their heading and their amounts in the current font;
        the table asks for the width of three of them, so a narrow form puts it under its
        label (``QFormLayout.WrapLongRows``) instead of cutting every amount."""
        header = self.table.horizontalHeader()
        metrics, heading = self.table.fontMetrics(), header.fontMetrics()
        margin = 2 * (self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header) + 1)
        widest_heading = max(heading.horizontalAdvance(line) for source in SOURCES
                             for line in SHORT_LABELS.get(source, source.label).split("\n"))
        amounts = [self.table.item(r, c).text() for r in range(self.table.rowCount())
                   for c in range(self.table.columnCount()) if self.table.item(r, c) is not None]
        widest_amount = max(metrics.horizontalAdvance(text) for text in [TYPICAL_AMOUNT, *amounts])
        # a cell's text keeps the focus frame's margin and a pixel on each side, then the grid
        # line, and two pixels for an advance that is not a whole pixel
        cell_margin = 2 * (self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.table) + 1) + 3
        column = max(widest_heading + margin, widest_amount + max(margin, cell_margin))
        header.setMinimumSectionSize(column)
        years = self.table.verticalHeader()
        years_width = max(years.sizeHint().width(), metrics.horizontalAdvance("2028") + margin)
        # at least three sources beside the years; a narrower table scrolls sideways itself
        self.table.setMinimumWidth(years_width + column * 3 + 2 * self.table.frameWidth() + 2)

    def _fit_height(self) -> None:
        """Every row shown, and below them the horizontal scroll bar when the columns are wider
        together than the table (amounts with cents in a narrow form): it would cover a row."""
        rows_height = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        header = self.table.horizontalHeader()
        columns = header.minimumSectionSize() * self.table.columnCount()
        room = self.table.width() - self.table.verticalHeader().width() - 2 * self.table.frameWidth()
        bar = self.table.horizontalScrollBar().sizeHint().height() if columns > room else 0
        height = rows_height + header.sizeHint().height() + 6 + bar
        if self.table.height() != height:
            self.table.setFixedHeight(height)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_columns()

    def show_plan(self, plan: ImplementationPlan, period_years: list[int], period: str = "", *,
                  force: bool = True) -> None:
        """The plan's amounts per year; ``period`` is the project's period as typed (the hint
        tells a period without readable years apart from none). Unless ``force`` (another
        entry), a cell still holding refused text keeps it, with its message."""
        lines = per_year_lines(plan)
        years = sorted(set(period_years) | {line.year for line in lines})
        cells: dict[tuple[int, FundingSource | None], int] = {}
        for line in lines:
            key = (line.year, line_source(line, plan))
            cells[key] = cells.get(key, 0) + line.cents
        self._saved = cells
        if force:
            self._refused, self._messages = {}, []
        self._loading = True
        try:
            self.years = years
            self.period_years = list(period_years)
            self.period = period.strip()
            self.table.setRowCount(len(years))
            self.table.setVerticalHeaderLabels([str(y) for y in years])
            for r, year in enumerate(years):
                for c, source in enumerate(SOURCES):
                    text = self._refused.get((year, source)) or format_euro_table(cells.get((year, source)))
                    item = self.table.item(r, c)
                    if item is None:  # items are kept: the table may be mid-edit
                        item = QTableWidgetItem()
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                              | Qt.AlignmentFlag.AlignVCenter)
                        self.table.setItem(r, c, item)
                    item.setToolTip(f"{year}, {source.label}")
                    if item.text() != text:
                        item.setText(text)
            self._fit_columns()
            self._fit_height()
            self.table.setVisible(bool(years))
            self.hint.setText(UNREAD_PERIOD.format(period.strip(), MAX_PERIOD_YEARS)
                              if period.strip() else NO_YEARS)
            self.hint.setVisible(not years)
            self._show_refused()
        finally:
            self._loading = False
        total = sum(line.cents for line in plan.budget)
        text = f"Totaal budget: {format_euro(total)}" if plan.budget else "Nog geen budget ingevuld."
        whole = sum(line.cents for line in plan.budget if line.year is WHOLE_PERIOD)
        if whole and any(line.year is not WHOLE_PERIOD for line in plan.budget):
            # entered first as one sum, later spread over the years: counted twice
            amount = format_euro(whole).replace(" ", "\u00a0")  # not broken over two lines
            text += (f". Let op: het bedrag voor de hele periode ({amount}) komt bovenop "
                     "de bedragen per jaar; is het hetzelfde geld, maak Budget hele periode dan leeg.")
        self.total.setText(text)

    def commit_pending(self) -> str:
        """Commit a cell still being edited, as before a save or when another entry is shown.
        Returns why the text of a cell is refused ("" when every cell is an amount); every
        other cell is committed."""
        editor = next((w for w in self.table.viewport().findChildren(QLineEdit) if w.isVisible()), None)
        if editor is not None and self.table.state() == QAbstractItemView.State.EditingState:
            self.table.commitData(editor)
            self.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        return self._messages[0] if self._messages else ""

    def _show_refused(self) -> None:
        if not self._messages:
            self._set_error("")
            return
        more = len(self._messages) - 1  # the other cells' amounts are saved and shown
        self._set_error(self._messages[0] + (f" (en nog {more} {'cel' if more == 1 else 'cellen'})"
                                             if more else ""))

    def _set_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
        self.table.setAccessibleDescription(message or TABLE_DESCRIPTION)

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        lines: list[BudgetLine] = []
        saved: list[BudgetLine] = []
        self._refused, self._messages = {}, []
        for r, year in enumerate(self.years):
            for c, source in enumerate(SOURCES):
                cell = self.table.item(r, c)
                text = cell.text() if cell else ""
                before = self._saved.get((year, source))
                try:
                    cents = parse_euro(text)
                except ValueError as err:  # refused: the amount saved before still counts
                    self._refused[(year, source)] = text
                    message = f"{year}, {source.label}: {err}"
                    self._messages.insert(0 if cell is item else len(self._messages), message)
                    cents = before
                if cents is not None:
                    lines.append(BudgetLine(cents, year, source))
                if before is not None:
                    saved.append(BudgetLine(before, year, source))
        self._show_refused()
        if lines != saved:  # only a refused cell changed: nothing to save, no undo step
            self.committed.emit(lines)
