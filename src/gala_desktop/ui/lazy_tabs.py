"""Tab pages built on first use.

The main window shows the catalogue first; the plan editor, the overview and the project form
are behind other tabs. Each of those starts as an empty placeholder and is built (its module
imported, its widgets created) when its tab is first shown or the page is first asked for, so
the start-up does not pay for pages the officer may not open.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget


class LazyTabs(QObject):
    built = Signal(str)  # a page was built (its name)

    def __init__(self, tabs: QTabWidget) -> None:
        super().__init__(tabs)
        self._tabs = tabs
        self._pending: dict[str, tuple[QWidget, Callable[[], QWidget]]] = {}
        self._pages: dict[str, QWidget] = {}
        tabs.currentChanged.connect(self._on_current_changed)

    def add(self, name: str, text: str, factory: Callable[[], QWidget]) -> int:
        """A tab titled ``text`` whose page ``factory`` builds on first use; its index."""
        placeholder = QWidget()
        placeholder.setObjectName(f"{name}Placeholder")
        self._pending[name] = (placeholder, factory)
        return self._tabs.addTab(placeholder, text)

    def is_built(self, name: str) -> bool:
        return name in self._pages

    def page(self, name: str) -> QWidget:
        """The page, built now if it was not yet; it takes its placeholder's place."""
        if name in self._pages:
            return self._pages[name]
        placeholder, factory = self._pending.pop(name)
        page = factory()
        tabs = self._tabs
        focused = QApplication.focusWidget() is placeholder  # switched to with the keyboard
        index = tabs.indexOf(placeholder)
        current = tabs.currentIndex()
        text, tip = tabs.tabText(index), tabs.tabToolTip(index)
        blocked = tabs.blockSignals(True)  # the same tab stays current: nothing changed for others
        try:
            tabs.removeTab(index)
            tabs.insertTab(index, page, text)
            tabs.setTabToolTip(index, tip)
            tabs.setCurrentIndex(current)
        finally:
            tabs.blockSignals(blocked)
        if focused:
            page.setFocus(Qt.FocusReason.TabFocusReason)
        placeholder.deleteLater()
        self._pages[name] = page
        self.built.emit(name)
        return page

    def _on_current_changed(self, index: int) -> None:
        widget = self._tabs.widget(index)
        for name, (placeholder, _factory) in list(self._pending.items()):
            if placeholder is widget:
                self.page(name)
