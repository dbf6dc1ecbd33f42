"""A layout that puts its widgets in a row and continues on the next row when the row is full.

Button and filter rows use it so their width follows the text (no fixed pixels) without forcing a
minimum width on the column they sit in: with a large system font or a narrow column they wrap
to two rows instead of squeezing the neighbouring columns. Its minimum width is that of its
widest item.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLayout, QLayoutItem, QSizePolicy, QStyle, QWidget


class FlowLayout(QLayout):
    """Items left to right, wrapping to a new row; ``add_right`` items end a row at the right.

    Always made on the widget it lays out (``FlowLayout(widget)``; put that widget where the row
    goes). Its items live in a Python list, and a flow layout made without its widget and added
    to another layout later left PySide6 holding its items' wrappers as children of that other
    layout: the deletion of an unrelated widget (a tab's placeholder) then deleted the items, and
    the next layout pass crashed the program.
    """

    def __init__(self, parent: QWidget, spacing: int = -1) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._right: set[int] = set()  # ids of items aligned to the right end of their row
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    # -- QLayout -------------------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def add_right(self, widget: QWidget) -> None:
        """Add ``widget`` pushed to the right of its row (like a stretch before it)."""
        self.addWidget(widget)
        self._right.add(id(self._items[-1]))

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if 0 <= index < len(self._items):
            item = self._items.pop(index)
            self._right.discard(id(item))
            return item
        return None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._do_layout(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._do_layout(rect, apply=True)

    def sizeHint(self) -> QSize:
        """All items on one row."""
        width = sum(item.sizeHint().width() for item in self._visible())
        width += self._gap() * max(len(self._visible()) - 1, 0)
        height = max((item.sizeHint().height() for item in self._visible()), default=0)
        margins = self.contentsMargins()
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    # -- layout ---------------------------------------------------------------------------------
    def _visible(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _gap(self) -> int:
        if self._spacing >= 0:
            return self._spacing
        parent = self.parentWidget()
        if parent is None:
            return 6
        return max(parent.style().pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing, None, parent), 6)

    def rows(self, width: int) -> list[list[QLayoutItem]]:
        """The items of each row at ``width`` (the layout's own width when laid out)."""
        margins = self.contentsMargins()
        available = width - margins.left() - margins.right()
        rows: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._visible():
            hint = item.sizeHint().width()
            needed = hint if not rows[-1] else used + self._gap() + hint
            if rows[-1] and needed > available:
                rows.append([])
                needed = hint
            rows[-1].append(item)
            used = needed
        return [row for row in rows if row]

    def _do_layout(self, rect: QRect, *, apply: bool) -> int:
        margins = self.contentsMargins()
        inner = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        y = inner.y()
        rows = self.rows(rect.width())
        for number, row in enumerate(rows):
            height = max(item.sizeHint().height() for item in row)
            widths = [min(item.sizeHint().width(), inner.width()) for item in row]
            x = inner.x()
            right_from = next((i for i, item in enumerate(row) if id(item) in self._right), len(row))
            if right_from < len(row):  # the right-aligned tail starts where it just fits
                tail = sum(widths[right_from:]) + self._gap() * (len(row) - right_from - 1)
            for index, (item, width) in enumerate(zip(row, widths)):
                if index == right_from:
                    x = max(x, inner.right() + 1 - tail)
                if apply:
                    top = y + (height - item.sizeHint().height()) // 2
                    item.setGeometry(QRect(QPoint(x, top), QSize(width, item.sizeHint().height())))
                x += width + self._gap()
            y += height + (self._gap() if number < len(rows) - 1 else 0)
        return y - inner.y() + margins.top() + margins.bottom()


def group(*widgets: QWidget) -> QWidget:
    """Widgets that stay together on one row of a ``FlowLayout`` (a label and its field)."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        row.addWidget(widget)
    box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    return box
