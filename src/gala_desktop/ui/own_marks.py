"""How an own intervention is shown everywhere: a text and an icon (never colour alone)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QIcon, QPainter, QPen, QPixmap, QPolygonF

from gala_desktop.domain.own import NOT_RECOGNISED, OWN_LABEL

OWN_SHORT = "Eigen, niet erkend"  # narrow table columns; the accessible text is OWN_LABEL
OWN_TOOLTIP = f"{OWN_LABEL[:1].upper()}{OWN_LABEL[1:]}. {NOT_RECOGNISED}"

_ICON: QIcon | None = None


def _house(size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 16
    painter.setPen(QPen(Qt.GlobalColor.black, max(1.0, 1.4 * s)))
    painter.setBrush(Qt.GlobalColor.white)
    painter.drawPolygon(QPolygonF([QPointF(1.5 * s, 8 * s), QPointF(8 * s, 1.5 * s), QPointF(14.5 * s, 8 * s)]))
    painter.drawRect(QRectF(3.5 * s, 8 * s, 9 * s, 6.5 * s))
    painter.setBrush(Qt.GlobalColor.black)
    painter.drawRect(QRectF(7 * s, 10.5 * s, 2 * s, 4 * s))
    painter.end()
    return pixmap


def own_icon() -> QIcon:
    """A small house: made locally, not by a databank."""
    global _ICON
    if _ICON is None:
        _ICON = QIcon()
        for size in (16, 24, 32):
            _ICON.addPixmap(_house(size))
    return _ICON
