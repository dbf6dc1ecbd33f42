"""The theme tree's look: short labels for the required themes, breakable compounds, the
required-theme badge and the delegate that wraps names (and shows read-only check boxes)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QIcon,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeWidget

from gala_desktop.domain.themes import Theme
from gala_desktop.ui.read_only import is_read_only
from gala_desktop.ui.viewports import viewport_width

REQUIRED_SUFFIX = " (verplicht)"

# Shorter labels for the required themes, so each fits on one or two lines of a narrow column;
# the tooltip and the accessible description carry the full name.
SHORT_NAMES = {
    "sociale-samenhang": "Sociale samenhang",
    "mantelzorg": "Mantelzorg",
    "eenzaamheid": "Eenzaamheid",
    "vrijwilligers-professionals": "Vrijwilligers en professionals",
    "gebiedsgericht": "Gebiedsgerichte uitvoering",
}


# Where the long compounds of theme names may break (a soft hyphen), so a narrow column or a
# large font wraps them at the compound's seam instead of cutting the word.
SOFT_HYPHEN = "\u00ad"
WRAP_MARGIN = 6  # the row height is computed for a text this much narrower than its rectangle
COMPOUND_BREAKS = {
    "gezondheidsachterstanden": "gezondheids\u00adachterstanden",
    "samenlevingsopbouw": "samenlevings\u00adopbouw",
    "Domeinoverstijgende": "Domein\u00adoverstijgende",
    "leefstijlinterventie": "leefstijl\u00adinterventie",
    "Vrijwilligerswerk": "Vrijwilligers\u00adwerk",
    "Gebiedsgerichte": "Gebieds\u00adgerichte",
}


def theme_label(theme: Theme) -> str:
    """The text of a theme in the tree (without its count), long compounds breakable."""
    name = SHORT_NAMES.get(theme.key, theme.name) + REQUIRED_SUFFIX if theme.required else theme.name
    return " ".join(COMPOUND_BREAKS.get(word, word) for word in name.split(" "))


def unbreakable_parts(text: str) -> list[str]:
    """The pieces of ``text`` a line cannot break inside (a piece keeps its hyphen)."""
    parts = []
    for word in text.split():
        for piece in word.replace("-", "-\n").replace(SOFT_HYPHEN, "-\n").split("\n"):
            if piece:
                parts.append(piece)
    return parts


def required_icon(covered: bool = False, size: int = 16, ratio: float | None = None) -> QIcon:
    """A small badge on the required themes, next to the text ‘(verplicht)’: an exclamation
    mark while no intervention is *gekozen* for the theme, a check mark once one is.

    Drawn at the screen's device-pixel ratio (sharp at 200 %), in saturated colours with a light ring,
    so the badge stays visible on a black or a white (high-contrast) background.
    """
    if ratio is None:
        app = QGuiApplication.instance()
        ratio = app.devicePixelRatio() if app is not None else 1.0
    ratio = max(ratio, 1.0)
    pixmap = QPixmap(QSize(round(size * ratio), round(size * ratio)))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    path = QPainterPath()
    path.addEllipse(1, 1, size - 2, size - 2)
    painter.fillPath(path, QColor("#2e7d32" if covered else "#b35900"))
    painter.setPen(QPen(QColor("white"), 1))
    painter.drawPath(path)  # a light ring: visible on a black high-contrast background too
    painter.setPen(QColor("white"))
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(size * 0.75))
    painter.setFont(font)
    painter.drawText(QRect(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, "✓" if covered else "!")
    painter.end()
    return QIcon(pixmap)


class WrappingDelegate(QStyledItemDelegate):
    """Row heights that fit the wrapped theme name in the current column width.

    Item views do not wrap by themselves: the default size hint is computed without a width.
    """

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def _depth(self, index: QModelIndex) -> int:
        depth = 0
        parent = index.parent()
        while parent.isValid():
            depth += 1
            parent = parent.parent()
        return depth

    def _text_rect(self, index: QModelIndex, width: int) -> tuple[QStyleOptionViewItem, QRect]:
        style = self.tree.style()
        opt = QStyleOptionViewItem()
        opt.initFrom(self.tree)
        # as the view paints it: the badge takes the view's icon size (the style's small icon
        # size when none is set); without it the text was thought 22 px wider than painted, and a
        # name that just wrapped got one line and lost its last word
        size = self.tree.iconSize()
        if not size.isValid():
            side = style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, self.tree)
            size = QSize(side, side)
        opt.decorationSize = size
        self.initStyleOption(opt, index)
        opt.rect = QRect(0, 0, width, 10_000)
        return opt, style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, self.tree)

    def decoration_width(self, index: QModelIndex) -> int:
        """The part of the viewport's width that is not the item's text: indentation, check box,
        badge and margins."""
        width = 1000
        _opt, text_rect = self._text_rect(index, width)
        return self.tree.indentation() * (self._depth(index) + 1) + width - text_rect.width()

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        super().paint(painter, option, index)
        if is_read_only(self.tree) and index.data(Qt.ItemDataRole.CheckStateRole) is not None:
            self._paint_switched_off_check(painter, option, index)

    def _paint_switched_off_check(self, painter: QPainter, option: QStyleOptionViewItem,
                                  index: QModelIndex) -> None:
        """Read-only: the check box drawn as a switched-off control over the live one, so it
        does not look clickable; the text stays in its normal, readable colour."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = self.tree.style()
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, opt, self.tree)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.fillRect(rect, opt.palette.brush(
            QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base))
        check = QStyleOptionViewItem(opt)
        check.rect = rect
        check.state &= ~QStyle.StateFlag.State_Enabled
        check.state &= ~(QStyle.StateFlag.State_On | QStyle.StateFlag.State_Off)
        check.state |= (QStyle.StateFlag.State_On if opt.checkState == Qt.CheckState.Checked
                        else QStyle.StateFlag.State_Off)
        check.palette.setCurrentColorGroup(QPalette.ColorGroup.Disabled)
        style.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck, check, painter, self.tree)

    def editorEvent(self, event, model, option, index) -> bool:
        if is_read_only(self.tree):
            return False  # no toggling: the project is open read-only
        return super().editorEvent(event, model, option, index)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        width = viewport_width(self.tree) - self.tree.indentation() * (self._depth(index) + 1)
        opt, text_rect = self._text_rect(index, max(width, 80))
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap)
        bounds = opt.fontMetrics.boundingRect(
            QRect(0, 0, max(text_rect.width() - WRAP_MARGIN, 40), 10_000), flags, opt.text)
        base = super().sizeHint(option, index)
        return QSize(base.width(), max(base.height(), bounds.height() + 6))


class ThemeTree(QTreeWidget):
    """Re-lays out the rows when the width changes, so wrapped names always fit."""

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            QTimer.singleShot(0, self.scheduleDelayedItemsLayout)
