"""``viewport_width`` reads an item view's viewport width from the view itself; it must give
what ``viewport()`` reports, in every state Qt lays the view out in."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView, QTreeView

from gala_desktop.ui.viewports import viewport_width


def _view(kind, rows: int):
    model = QStandardItemModel(0, 3)
    for row in range(rows):
        model.appendRow([QStandardItem(f"rij {row} kolom {column}") for column in range(3)])
    view = kind()
    view.setModel(model)
    view.model_ref = model
    return view


@pytest.mark.parametrize("kind", [QTreeView, QTableView])  # a table has a vertical header margin
@pytest.mark.parametrize("rows", [0, 3, 400])  # no rows, no scroll bar, a scroll bar
@pytest.mark.parametrize("policy", [Qt.ScrollBarPolicy.ScrollBarAsNeeded,
                                    Qt.ScrollBarPolicy.ScrollBarAlwaysOn,
                                    Qt.ScrollBarPolicy.ScrollBarAlwaysOff])
def test_viewport_width_is_what_the_viewport_has(qtbot, kind, rows, policy):
    view = _view(kind, rows)
    qtbot.addWidget(view)
    view.setVerticalScrollBarPolicy(policy)
    view.resize(420, 300)
    view.show()
    qtbot.waitExposed(view)
    for width, height in ((420, 300), (260, 120), (700, 900), (300, 40)):
        view.resize(width, height)
        QApplication.processEvents()
        assert viewport_width(view) == view.viewport().width(), (width, height)


def test_a_scroll_bar_that_comes_and_goes_is_counted(qtbot):
    view = _view(QTreeView, 3)
    qtbot.addWidget(view)
    view.resize(400, 200)
    view.show()
    qtbot.waitExposed(view)
    without = viewport_width(view)
    for row in range(200):
        view.model_ref.appendRow([QStandardItem(f"extra {row}")])
    qtbot.waitUntil(view.verticalScrollBar().isVisible)  # the view lays out on its next turn
    assert viewport_width(view) == view.viewport().width() < without
    view.model_ref.removeRows(3, 200)
    qtbot.waitUntil(lambda: not view.verticalScrollBar().isVisible())
    assert viewport_width(view) == view.viewport().width() == without
