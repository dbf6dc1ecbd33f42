"""An item view's viewport, measured and watched without asking the view for it.

PySide6 wraps a widget Qt made the first time Python is handed one, and to find its Python class
it first loads every class QtWidgets has (some seventy, each with its enums: about 25 ms). An
item view's viewport is made by Qt, so the first ``viewport()`` in a process pays that. The
views the main window shows at its first paint read their viewport's width with
``viewport_width`` and hear of its resizes through ``viewportEvent``, so the first paint does
not wait for those classes; a later ``viewport()`` (a context menu, a drop) works as ever.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle


def viewport_width(view) -> int:
    """The width of ``view``'s viewport (a ``QAbstractScrollArea``) as Qt lays it out: the
    view's inside less its margins and a vertical scroll bar that shows beside it (not one that
    a style draws over the content)."""
    width = view.maximumViewportSize().width()  # an always-on bar is already taken off
    bar = view.verticalScrollBar()
    if (view.verticalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOn and bar.isVisibleTo(view)
            and not view.style().styleHint(QStyle.StyleHint.SH_ScrollBar_Transient, None, bar)):
        width -= bar.sizeHint().width()
    return max(width, 0)

