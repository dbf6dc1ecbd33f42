"""F1: the user guide's screenshots fit the help window."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget

from gala_desktop.ui.help_window import HelpWindow, _image_fragments


def _image_widths(document) -> list[tuple[str, float]]:
    return [(f.charFormat().toImageFormat().name(), f.charFormat().toImageFormat().width())
            for f in _image_fragments(document)]


def test_the_screenshots_are_never_wider_than_the_window(qtbot):
    """At their own size (1366 pixels) they needed sideways scrolling in a 700-pixel window and
    looked like the program itself."""
    parent = QWidget()
    qtbot.addWidget(parent)
    window = HelpWindow(parent)
    qtbot.addWidget(window)
    for width in (700, 1000):
        window.resize(width, 700)
        window.show()
        QApplication.processEvents()
        room = window.browser.viewport().width()
        widths = _image_widths(window.browser.document())
        assert len(widths) >= 5
        assert all(0 < w <= room for _name, w in widths), (room, widths)
    assert any(w > 700 for _name, w in widths)  # wider again in a wider window
