"""Small icons drawn in the palette's own colours, so they stay visible in a high-contrast
theme (the style's stock arrows are dark images that vanish on black) and look switched off
when their button is."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QIcon, QPainter, QPalette, QPixmap, QPolygonF
from PySide6.QtWidgets import QWidget


def arrow_icon(widget: QWidget, up: bool, size: int = 16) -> QIcon:
    """A filled triangle pointing up or down, in the button text colour of ``widget``'s palette
    (and its disabled colour for a disabled button), at the screen's device-pixel ratio."""
    ratio = max(widget.devicePixelRatioF(), 1.0)
    palette = widget.palette()
    icon = QIcon()
    for mode, group in ((QIcon.Mode.Normal, QPalette.ColorGroup.Active),
                        (QIcon.Mode.Disabled, QPalette.ColorGroup.Disabled)):
        pixmap = QPixmap(round(size * ratio), round(size * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(group, QPalette.ColorRole.ButtonText))
        top, bottom = size * 0.28, size * 0.72
        tip, base = (top, bottom) if up else (bottom, top)
        painter.drawPolygon(QPolygonF([QPointF(size * 0.5, tip), QPointF(size * 0.12, base),
                                       QPointF(size * 0.88, base)]))
        painter.end()
        icon.addPixmap(pixmap, mode)
    return icon
