"""Keyboard plumbing of the main window: project-wide undo keys and the Tab focus ring."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QPlainTextEdit, QTextEdit, QWidget


class ProjectUndoKeys(QObject):
    """Lets Ctrl+Z / Ctrl+Y in a text field undo through the project's undo stack.

    Every text field pushes mergeable commands, so the project history already holds the typing;
    a field's own undo would fork from it. The ShortcutOverride is swallowed (left unaccepted) so
    the window's Undo/Redo actions fire instead.

    The filter sits on the focused text field of the window only, moved along by the
    application's ``focusChanged``: an application-wide filter would run Python for every event
    of every widget (each paint, each mouse move), and ShortcutOverride goes to the focus widget.
    """

    TEXT_FIELDS = (QLineEdit, QPlainTextEdit, QTextEdit)
    # Set on a text field that holds no project data (the catalogue search): Ctrl+Z there undoes
    # its own typing, never a change to the project the officer is not looking at.
    OWN_UNDO = "galaOwnUndo"

    def __init__(self, window: QMainWindow, sequences: list[QKeySequence]) -> None:
        super().__init__(window)
        self.window = window
        self.sequences = sequences
        self._watched: QWidget | None = None
        self._following = True
        QApplication.instance().focusChanged.connect(self._follow_focus)
        self._follow_focus(None, QApplication.focusWidget())

    @property
    def watched(self) -> QWidget | None:
        """The text field the filter is on (``None`` when the focus is elsewhere)."""
        return self._watched

    def _follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self._watched is not None and shiboken6.isValid(self._watched):  # may be deleted
            self._watched.removeEventFilter(self)
        self._watched = None
        if (isinstance(new, self.TEXT_FIELDS) and self.window.isAncestorOf(new)
                and not new.property(self.OWN_UNDO)):
            new.installEventFilter(self)
            self._watched = new

    def stop(self) -> None:
        """The window closes: no more following the focus (a second call does nothing)."""
        if self._following:
            self._following = False
            QApplication.instance().focusChanged.disconnect(self._follow_focus)
            self._follow_focus(None, None)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            pressed = QKeySequence(event.keyCombination())
            if any(pressed.matches(s) == QKeySequence.SequenceMatch.ExactMatch for s in self.sequences):
                event.ignore()
                return True
        return False


def unique_sequences(sequences: list[QKeySequence]) -> list[QKeySequence]:
    seen: dict[str, QKeySequence] = {}
    for sequence in sequences:
        if not sequence.isEmpty():
            seen.setdefault(sequence.toString(), sequence)
    return list(seen.values())


def tab_focusable(root: QWidget) -> list[QWidget]:
    """The widgets under ``root`` that Tab can reach, in their current focus-chain order."""
    found: list[QWidget] = []
    widget = root.nextInFocusChain()
    for _ in range(10_000):
        if widget is root or widget is None:
            break
        if root.isAncestorOf(widget) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus \
                and widget.focusProxy() is None:
            found.append(widget)
        widget = widget.nextInFocusChain()
    return found




def next_in_ring(ring: list[QWidget], current: QWidget | None, forward: bool) -> QWidget | None:
    """The ring member after (or before) ``current``; ``None`` when ``current`` is outside it.

    Inside a compound widget (a scroll area holding fields) the deepest ring member around the
    focus counts as the current position.
    """
    if not ring or current is None:
        return None
    exact = [i for i, w in enumerate(ring) if w is current]
    around = [i for i, w in enumerate(ring) if w.isAncestorOf(current)]
    position = (exact or around[-1:] or [None])[0]
    if position is None:
        return None
    return ring[(position + (1 if forward else -1)) % len(ring)]
