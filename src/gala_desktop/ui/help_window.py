"""F1: the user guide (``docs/werkbank.md``, shipped with the program) in a window, offline."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from gala_desktop import paths

HELP_TITLE = "Handleiding – GALA Desktop"


class HelpWindow(QDialog):
    """A non-modal window with the rendered guide; links to other sites open in the browser."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpWindow")
        self.setWindowTitle(HELP_TITLE)
        self.setModal(False)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("helpBrowser")
        self.browser.setAccessibleName("Handleiding")
        self.browser.setOpenExternalLinks(True)
        guide = paths.user_guide()
        if guide.exists():
            # the .md suffix makes QTextBrowser render Markdown; images resolve beside the file
            self.browser.setSource(QUrl.fromLocalFile(str(guide)))
        else:
            self.browser.setPlainText(f"De handleiding is niet gevonden ({guide}).")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("&Sluiten")
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Handleiding sluiten")
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        screen = self.screen().availableGeometry() if self.screen() else None
        width = self.fontMetrics().averageCharWidth() * 100
        height = int(screen.height() * 0.8) if screen else 700
        self.resize(min(width, screen.width() if screen else width), height)

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.HelpContents):
            self.raise_()
            return
        super().keyPressEvent(event)


def show_help(parent: QWidget) -> HelpWindow:
    """Show the one help window of ``parent`` (created on first use)."""
    window = getattr(parent, "_help_window", None)
    if window is None:
        window = HelpWindow(parent)
        parent._help_window = window
    window.show()
    window.raise_()
    window.activateWindow()
    return window
