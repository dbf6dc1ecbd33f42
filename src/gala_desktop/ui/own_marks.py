"""How an own intervention is shown everywhere: a text and an icon (never colour alone)."""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from gala_desktop.domain.own import NOT_RECOGNISED, OWN_LABEL

OWN_SHORT = "Eigen — niet erkend"  # narrow table columns; the accessible text is OWN_LABEL
OWN_TOOLTIP = f"{OWN_LABEL[:1].upper()}{OWN_LABEL[1:]}. {NOT_RECOGNISED}"


def own_icon() -> QIcon:
    """A house: made locally, not by a databank."""
    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_DirHomeIcon)
