"""Small form widgets for the plan editor: a validated line edit and text-sync helpers.

A :class:`ValidatedField` parses what the user typed when editing finishes. Invalid input is
refused: the Dutch message appears right under the field (and as its accessible description),
the typed text stays so it can be fixed, and nothing is committed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence, QPainter, QPalette, QPixmap, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QStyle,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from gala_desktop.domain.formatting import format_date, parse_date

Parser = Callable[[str], object]
Formatter = Callable[[object], str]
Check = Callable[[object], str | None]  # extra rule on a parsed value: a message or None


class ValidatedField(QWidget):
    """A QLineEdit with a parser, a formatter and an error line underneath."""

    committed = Signal(object)  # a valid value the user entered (may equal the old one)

    def __init__(
        self,
        accessible_name: str,
        parser: Parser,
        formatter: Formatter,
        placeholder: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.parser = parser
        self.formatter = formatter
        self.check: Check | None = None
        self.value: object = None  # the value the field last showed or committed
        self._help = placeholder

        self.edit = QLineEdit(self)
        self.edit.setAccessibleName(accessible_name)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setAccessibleDescription(placeholder)

        self.error_icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.error_icon.setPixmap(icon.pixmap(size, size))
        self.error_icon.setAccessibleName("Waarschuwing")
        self.error = QLabel(self)
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        error_row = QHBoxLayout()
        error_row.setContentsMargins(0, 0, 0, 0)
        error_row.addWidget(self.error_icon, 0, Qt.AlignmentFlag.AlignTop)
        error_row.addWidget(self.error, 1)
        keep_room_when_hidden(self.error)
        policy = self.error_icon.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.error_icon.setSizePolicy(policy)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addLayout(error_row)
        self.setFocusProxy(self.edit)
        self._set_error("")

        self.edit.editingFinished.connect(self._on_editing_finished)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # zoomed: the reserved lines follow the font
            keep_room_when_hidden(self.error)

    # ----------------------------------------------------------------- state
    @property
    def error_text(self) -> str:
        return self.error.text()

    def show_value(self, value: object, *, force: bool = False) -> None:
        """Show a value from the model; a field with typed, uncommitted input (valid or not)
        keeps it unless the model value itself changed (for example by undo) or ``force`` is
        set — an undo of another field must not wipe what is being typed here."""
        if force or value != self.value:
            self.value = value
            self.edit.setText(self.formatter(value))
            self._set_error("")

    def commit_pending(self) -> bool:
        """Commit typed text as if editing finished; ``False`` when it is refused."""
        if self.edit.text() != self.formatter(self.value) or self.error_text:
            self._on_editing_finished()
        return not self.error_text

    def _set_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
        self.error_icon.setVisible(bool(message))
        self.edit.setAccessibleDescription(message or self._help)

    def _on_editing_finished(self) -> None:
        try:
            value = self.parser(self.edit.text())
        except ValueError as exc:
            self._set_error(str(exc))
            return
        problem = self.check(value) if self.check is not None else None
        if problem:
            self._set_error(problem)
            return
        self._set_error("")
        self.value = value
        self.edit.setText(self.formatter(value))
        self.committed.emit(value)


def calendar_icon(widget: QWidget, size: int = 16) -> QIcon:
    """A small calendar drawn in the widget's text colour (visible in any contrast theme),
    at the screen's device-pixel ratio."""
    ratio = max(widget.devicePixelRatioF(), 1.0)
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    colour = widget.palette().color(QPalette.ColorRole.Text)
    painter = QPainter(pixmap)
    painter.setPen(colour)
    painter.drawRect(1, 2, size - 3, size - 4)
    painter.fillRect(1, 2, size - 2, 4, colour)
    for row in (8, 11):
        for col in (3, 6, 9, 12):
            painter.fillRect(col, row, 2, 2, colour)
    painter.end()
    return QIcon(pixmap)


def add_calendar(edit: QLineEdit) -> QAction:
    """A calendar pop-up beside typing dd-mm-jjjj: the button at the end of the field, or
    Alt+pijl omlaag. A picked date is handled as if typed (``textEdited``, ``editingFinished``)."""
    action = QAction(calendar_icon(edit), "Kalender", edit)
    action.setToolTip("Datum kiezen in een kalender (Alt+pijl omlaag)")
    action.setShortcut(QKeySequence("Alt+Down"))
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    edit.addAction(action, QLineEdit.ActionPosition.TrailingPosition)

    def pop_up() -> None:
        menu = QMenu(edit)
        calendar = QCalendarWidget(menu)
        calendar.setObjectName("datePopup")
        calendar.setAccessibleName(f"Kalender voor {edit.accessibleName()}")
        calendar.setLocale(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
        calendar.setGridVisible(True)
        try:
            current = parse_date(edit.text())
        except ValueError:
            current = None
        if current is not None:
            calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(calendar)
        menu.addAction(holder)

        def picked(date: QDate) -> None:
            text = format_date(dt.date(date.year(), date.month(), date.day()))
            menu.close()
            edit.setText(text)
            edit.textEdited.emit(text)
            edit.editingFinished.emit()

        calendar.activated.connect(picked)
        calendar.clicked.connect(picked)
        edit._calendar_menu = menu  # reachable for tests and screen readers while open
        calendar.setFocus()
        menu.popup(edit.mapToGlobal(edit.rect().bottomLeft()))

    action.triggered.connect(pop_up)
    return action


def keep_room_when_hidden(label: QLabel, lines: int = 2) -> None:
    """A message line that takes its room (two wrapped lines) also while empty: showing a
    validation message does not move the fields below it."""
    label.setFixedHeight(label.fontMetrics().lineSpacing() * lines)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    policy = label.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    label.setSizePolicy(policy)


def sync_line(edit: QLineEdit, text: str) -> None:
    """Show ``text`` without emitting ``textEdited`` and without moving an unchanged cursor."""
    if edit.text() != text:
        edit.setText(text)
        if not edit.hasFocus():  # a long text shows its beginning, not its end
            edit.setCursorPosition(0)


def sync_plain(edit: QPlainTextEdit, text: str) -> None:
    """Show ``text`` in a plain-text edit, keeping the cursor near where it was. Callers block
    the edit's signals (or guard) so that this does not count as typing."""
    if edit.toPlainText() == text:
        return
    position = edit.textCursor().position()
    edit.setPlainText(text)
    cursor = edit.textCursor()
    cursor.setPosition(min(position, len(text)), QTextCursor.MoveMode.MoveAnchor)
    edit.setTextCursor(cursor)


def plain_edit(accessible_name: str, description: str = "", lines: int = 4,
               parent: QWidget | None = None) -> QPlainTextEdit:
    """A multi-line field of about ``lines`` lines where Tab moves on to the next field."""
    edit = QPlainTextEdit(parent)
    edit.setAccessibleName(accessible_name)
    if description:
        edit.setAccessibleDescription(description)
    edit.setTabChangesFocus(True)
    line = edit.fontMetrics().lineSpacing()
    edit.setFixedHeight(line * lines + 2 * edit.frameWidth() + 12)
    return edit


class RouteUndoToStack(QObject):
    """Event filter: Ctrl+Z / Ctrl+Y in a text field go to the project's undo stack.

    Text widgets normally claim these shortcuts for their own small undo history. Every
    keystroke here is already an (merging) undo command, so the window's Undo/Redo actions
    must win; the widget's own history is switched off.
    """

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and (
            event.matches(QKeySequence.StandardKey.Undo)
            or event.matches(QKeySequence.StandardKey.Redo)
        ):
            return True  # not accepted: the shortcut goes to the window's action
        return False


def route_undo(widget: QWidget, router: RouteUndoToStack) -> None:
    if isinstance(widget, QPlainTextEdit):
        widget.setUndoRedoEnabled(False)
    widget.installEventFilter(router)
