"""A combo-box delegate for cells that hold one value of a labelled enum (status, priority).

Models expose the enum member under ``VALUE_ROLE`` and accept it back through ``setData``;
the cell itself shows the member's Dutch label as text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QComboBox, QStyledItemDelegate

VALUE_ROLE = Qt.ItemDataRole.UserRole + 1


class EnumComboDelegate(QStyledItemDelegate):
    """A combo box editor listing the labels of ``enum_type``; choosing one commits at once."""

    def __init__(self, enum_type, accessible_name: str, parent=None) -> None:
        super().__init__(parent)
        self.enum_type = enum_type
        self.accessible_name = accessible_name

    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        combo.setAccessibleName(self.accessible_name)
        for member in self.enum_type:
            combo.addItem(member.label, member)
        combo.activated.connect(lambda _i, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(self, editor, index):
        position = editor.findData(index.data(VALUE_ROLE))
        if position >= 0:
            editor.setCurrentIndex(position)

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


def coerce_enum(enum_type, value):
    """``value`` as a member of ``enum_type`` (member, value, label or name), else None."""
    if isinstance(value, enum_type):
        return value
    for member in enum_type:
        if value in (member.value, member.label, member.name):
            return member
    return None


_TEXT_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
               Qt.ItemDataRole.EditRole)


def enum_cell(member, role: int, *, icon=None, tip: str | None = None):
    """What a cell holding ``member`` gives for ``role``: its label as text (never colour
    alone), the member itself under ``VALUE_ROLE``, ``icon(member)`` and ``"{tip}: label"``."""
    if role in _TEXT_ROLES:
        return member.label
    if role == VALUE_ROLE:
        return member
    if role == Qt.ItemDataRole.DecorationRole and icon is not None:
        return icon(member)
    if role == Qt.ItemDataRole.ToolTipRole and tip is not None:
        return f"{tip}: {member.label}"
    return None


def standard_icons(pixmaps: dict):
    """``icon(member)``: the style's standard icon ``pixmaps[member]``, made once per member."""
    made: dict = {}

    def icon(member) -> QIcon:
        if member not in made:
            made[member] = QApplication.style().standardIcon(pixmaps[member])
        return made[member]

    return icon
