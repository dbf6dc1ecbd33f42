"""F1: the user guide (``docs/werkbank.md``, shipped with the program) in a window, offline."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImageReader, QKeySequence, QTextCursor, QTextFormat
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from gala_desktop import paths

HELP_TITLE = "Handleiding – GALA Desktop"


class GuideBrowser(QTextBrowser):
    """The rendered guide, its screenshots never wider than the window: at their own size
    (1366 pixels) they needed sideways scrolling and looked like the program itself."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._natural_widths: dict[str, int] = {}  # per image: its width in pixels, read once

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.fit_images()

    def fit_images(self) -> None:
        room = self.viewport().width() - 2 * int(self.document().documentMargin()) - 4
        if room <= 0:
            return
        cursor = QTextCursor(self.document())
        for fragment in _image_fragments(self.document()):
            image = fragment.charFormat().toImageFormat()
            natural = self._natural_width(image.name())
            width = min(natural, room) if natural else room
            if round(image.width()) != width:
                image.setWidth(width)
                image.clearProperty(QTextFormat.Property.ImageHeight)  # the height follows the width
                cursor.setPosition(fragment.position())
                cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                cursor.setCharFormat(image)

    def _natural_width(self, name: str) -> int:
        if name not in self._natural_widths:
            url = self.source().resolved(QUrl(name))
            size = QImageReader(url.toLocalFile()).size() if url.isLocalFile() else None
            self._natural_widths[name] = size.width() if size is not None and size.isValid() else 0
        return self._natural_widths[name]


def _image_fragments(document):
    """The fragments of ``document`` that are images, in order."""
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().isImageFormat():
                yield fragment
            it += 1
        block = block.next()


class HelpWindow(QDialog):
    """A non-modal window with the rendered guide; links to other sites open in the browser."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpWindow")
        self.setWindowTitle(HELP_TITLE)
        self.setModal(False)
        self.browser = GuideBrowser(self)
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
