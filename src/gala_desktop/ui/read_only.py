"""Read-only mode of the window: a banner that says why, and editing widgets switched off.

The session refuses every change while it is read-only (``ProjectSession.push``); this module
makes the screen honest about it. Text stays selectable and copyable (fields become read-only,
not disabled); buttons, check boxes and lists that would change the project are switched off.
Reading, searching the catalogue and exporting keep working.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)


# Set on an item view while the project is read-only: its check boxes (the theme tree's) are
# drawn switched off and do not toggle; the items stay selectable, so reading by keyboard works.
READ_ONLY_PROPERTY = "galaReadOnly"


def is_read_only(view: QWidget) -> bool:
    return bool(view.property(READ_ONLY_PROPERTY))


class ReadOnlyBanner(QFrame):
    """The bar above the three columns while the project is open read-only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readOnlyBanner")
        # the palette's roles for a notice (a tooltip's colours) and a frame in its text colour:
        # readable in a high-contrast theme, where a fixed light yellow would not be
        self.setFrameShape(QFrame.Shape.Box)
        self.setFrameShadow(QFrame.Shadow.Plain)
        self.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.setAutoFillBackground(True)
        self.label = QLabel()
        self.label.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label)
        self.hide()

    def show_reason(self, reason: str) -> None:
        self.label.setText(f"<b>Alleen-lezen.</b> {reason}" if reason else "")
        self.setAccessibleName(f"Alleen-lezen. {reason}" if reason else "")
        self.setVisible(bool(reason))


class EditingSwitch:
    """Switches the editing widgets under some roots off and back on, restoring their state."""

    def __init__(self, roots: Callable[[], list[QWidget]]) -> None:
        self.roots = roots  # asked each time: pages behind tabs are built when first shown
        self._saved: dict[tuple[QWidget, str], object] = {}

    def _targets(self):
        for root in self.roots():
            yield root
            yield from root.findChildren(QWidget)

    def set_read_only(self, reason: str) -> None:
        """Switch editing off (again: panels re-enable buttons on selection) or back on."""
        if not reason:
            self.restore()
            return
        tip = f"Alleen-lezen: {reason}"
        for widget in self._targets():
            if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox)):
                self._save(widget, "readOnly", widget.isReadOnly())
                widget.setReadOnly(True)
            elif isinstance(widget, (QAbstractButton, QComboBox)):
                self._save(widget, "enabled", widget.isEnabled())
                widget.setEnabled(False)
            elif isinstance(widget, QAbstractItemView):
                self._save(widget, "editTriggers", widget.editTriggers())
                self._save(widget, "dragDropMode", widget.dragDropMode())
                self._save(widget, READ_ONLY_PROPERTY, bool(widget.property(READ_ONLY_PROPERTY)))
                widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
                widget.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
                widget.setProperty(READ_ONLY_PROPERTY, True)  # check boxes drawn and kept off
                widget.viewport().update()
            else:
                continue
            self._save(widget, "toolTip", widget.toolTip())
            widget.setToolTip(tip)

    def _save(self, widget: QWidget, what: str, value: object) -> None:
        self._saved.setdefault((widget, what), value)  # the state from before read-only

    def restore(self) -> None:
        setters = {
            "readOnly": "setReadOnly",
            "enabled": "setEnabled",
            "editTriggers": "setEditTriggers",
            "dragDropMode": "setDragDropMode",
            "toolTip": "setToolTip",
        }
        for (widget, what), value in self._saved.items():
            if not shiboken6.isValid(widget):
                continue
            if what == READ_ONLY_PROPERTY:
                widget.setProperty(READ_ONLY_PROPERTY, value)
                widget.viewport().update()
            else:
                getattr(widget, setters[what])(value)
        self._saved.clear()
