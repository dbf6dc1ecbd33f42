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


class ReadOnlyBanner(QFrame):
    """The bar above the three columns while the project is open read-only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readOnlyBanner")
        self.setStyleSheet("#readOnlyBanner { background: #fff4ce; border: 1px solid #c8a400; }")
        self.label = QLabel()
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
                widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
                widget.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
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
            if shiboken6.isValid(widget):
                getattr(widget, setters[what])(value)
        self._saved.clear()
