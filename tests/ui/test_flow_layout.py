"""The button rows that wrap (``ui/flow_layout.FlowLayout``) keep their items whatever the window
does with its other pages."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QPushButton, QVBoxLayout, QWidget

from gala_desktop.ui.flow_layout import FlowLayout

from tests.ui.conftest import open_window


def _items(window) -> list:
    return [item for layout in window.findChildren(FlowLayout) for item in layout._items]


def test_building_the_pages_behind_the_tabs_leaves_every_button_row_whole(catalogue, qtbot):
    """Ctrl+2, then Ctrl+4 (or Ctrl+3), then Ctrl+1 crashed the program: deleting the second
    page's placeholder deleted the items of the two button rows made without a parent widget
    (under the results and under the shortlist), and the next layout of the catalogue read them."""
    window = open_window(catalogue, qtbot)  # a new project: the crash needed none
    rows = window.findChildren(FlowLayout)
    count = len(_items(window))
    assert len(rows) >= 3 and count >= 10
    for key in (Qt.Key.Key_2, Qt.Key.Key_4, Qt.Key.Key_3, Qt.Key.Key_1):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()
        assert all(shiboken6.isValid(item) for item in _items(window)), key
    assert len(_items(window)) == count
    window.resize(window.width() - 200, window.height())  # the rows are laid out again
    QApplication.processEvents()
    assert window.browser.own_add_button.isVisible() and window.shortlist_panel.button_own.isVisible()


def test_a_flow_layout_needs_the_widget_it_lays_out():
    """Made without its widget and added to another layout afterwards, its items' wrappers
    belong to that other layout and can be deleted behind its back; it is always made on its
    widget."""
    import inspect

    assert inspect.signature(FlowLayout).parameters["parent"].default is inspect.Parameter.empty
    box = QWidget()
    row = FlowLayout(box)
    for text in ("een", "twee"):
        row.addWidget(QPushButton(text))
    outer = QWidget()
    QVBoxLayout(outer).addWidget(box)
    assert [item.widget().parent() for item in row._items] == [box, box]
