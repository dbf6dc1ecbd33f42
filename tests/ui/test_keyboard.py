"""Keyboard use of the main window: unique mnemonics per tab, unique shortcuts, tab order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QMenu,
    QTabBar,
    QWidget,
)

from gala_desktop.ui.main_window import MainWindow

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "voorbeeld-gemeente-lindeveen.gala"
_MNEMONIC = re.compile(r"&(?!&)(.)")


def mnemonic(text: str) -> str | None:
    match = _MNEMONIC.search(text.replace("&&", ""))
    return match.group(1).lower() if match else None


def visible_mnemonics(window: QWidget) -> list[tuple[str, str]]:
    """(letter, where) for every Alt+letter the user can press right now in ``window``."""
    found: list[tuple[str, str]] = []
    for action in window.menuBar().actions():
        if action.isVisible():
            found.append((mnemonic(action.text()), f"menu {action.text()}"))
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or widget.window() is not window:
            continue
        if isinstance(widget, QMenu):
            continue
        if isinstance(widget, QLabel) and widget.buddy() is not None:
            found.append((mnemonic(widget.text()), f"label {widget.text()}"))
        elif isinstance(widget, QAbstractButton) and widget.parent() is not None and not isinstance(
            widget.parent(), QTabBar
        ):
            found.append((mnemonic(widget.text()), f"button {widget.text()}"))
        elif isinstance(widget, QGroupBox) and widget.title():
            found.append((mnemonic(widget.title()), f"group {widget.title()}"))
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                if widget.isTabVisible(i):
                    found.append((mnemonic(widget.tabText(i)), f"tab {widget.tabText(i)}"))
    return [(letter, where) for letter, where in found if letter]


def clashes(found: list[tuple[str, str]]) -> dict[str, list[str]]:
    by_letter: dict[str, list[str]] = {}
    for letter, where in found:
        by_letter.setdefault(letter, []).append(where)
    return {k: v for k, v in by_letter.items() if len(v) > 1}


@pytest.fixture()
def window(catalogue, qtbot):
    win = MainWindow(catalogue, autosave_interval_ms=60_000)
    qtbot.addWidget(win, before_close_func=lambda w: w.session.undo_stack.setClean())
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    assert win.files.load(EXAMPLE)
    return win


def test_the_clash_check_does_find_a_clash():
    assert clashes([("h", "menu &Help"), ("h", "button Om&hoog"), ("b", "menu &Bestand")]) == {
        "h": ["menu &Help", "button Om&hoog"]
    }
    assert mnemonic("A&&B &Cd") == "c" and mnemonic("Geen") is None


@pytest.mark.parametrize("tab", range(4))
def test_mnemonics_are_unique_on_every_tab(window, qtbot, tab):
    window.shortlist_panel.select_entry(window.session.project.shortlist[0].id)
    window.show_tab(tab)
    QApplication.processEvents()
    found = visible_mnemonics(window)
    assert len(found) > 10  # menus, tabs, headings, buttons and the page's own fields
    assert clashes(found) == {}


def test_every_labelled_field_of_the_project_form_has_a_mnemonic(window):
    window.show_tab(3)
    labels = [
        label for label in window.project_form.findChildren(QLabel)
        if label.buddy() is not None and label.isVisibleTo(window)
    ]
    assert len(labels) >= 9
    assert [label.text() for label in labels if mnemonic(label.text()) is None] == []


def test_no_shortcut_is_defined_twice(window):
    seen: dict[str, str] = {}
    doubles = []
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            if sequence.isEmpty():
                continue
            context = action.shortcutContext()
            owner = action.parent()
            scope = "window" if context != Qt.ShortcutContext.WidgetShortcut else f"widget {id(owner)}"
            key = f"{scope}:{sequence.toString(QKeySequence.SequenceFormat.PortableText)}"
            if key in seen:
                doubles.append((key, seen[key], action.text()))
            seen[key] = action.text()
    assert len(seen) > 15
    assert doubles == []


def _tab_walk(window, qtbot, start: QWidget, presses: int = 60) -> list[QWidget]:
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is start)
    visited = [start]
    for _ in range(presses):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        if widget is start:
            break
        visited.append(widget)
    return visited


def test_tab_walks_the_catalogue_tab_in_a_logical_order(window, qtbot):
    window.show_tab(0)
    window.browser.search_field.setText("eenzaam")
    qtbot.waitUntil(lambda: window.browser.table.model().rowCount() > 0)
    window.browser.table.selectRow(0)
    window.theme_panel.select_theme(window.session.project.themes[0].theme_key)
    assert window.theme_panel.rationale.isEnabled()
    visited = _tab_walk(window, qtbot, window.theme_panel.tree)
    assert len(visited) < 60  # Tab came back round to the theme tree: no trap
    expected = [
        window.theme_panel.tree,
        window.theme_panel.rationale,
        window.browser.search_field,
        window.browser.filters.themes,
        window.browser.table,
        window.browser.add_button,
        window.browser.detail,
        window.shortlist_panel.view,
    ]
    positions = [visited.index(w) for w in expected]
    assert positions == sorted(positions), [w.objectName() or type(w).__name__ for w in visited]
    # every filter is passed between the search field and the results
    for widget in (window.browser.filters.target_groups, window.browser.filters.databanks,
                   window.browser.filters.origin, window.browser.filters.min_level,
                   window.browser.filters.include_lapsed):
        assert positions[2] < visited.index(widget) < positions[4]
    # the shortlist's enabled buttons follow the shortlist
    if window.shortlist_panel.button_remove.isEnabled():
        assert visited.index(window.shortlist_panel.button_remove) > positions[-1]
    # nothing on another tab is in the walk
    hidden = [w for w in visited if not w.isVisible()]
    assert hidden == []


def test_every_tab_is_reachable_by_keyboard(window, qtbot):
    window.show_tab(0)
    window.browser.search_field.setFocus()
    for index in range(1, 4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentIndex() == index
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 0  # Ctrl+Tab wraps round
    for index in (3, 1, 2, 0):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + index), Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentIndex() == index
        assert window.tabs.currentWidget().isAncestorOf(QApplication.focusWidget()) or (
            QApplication.focusWidget() is window.tabs.currentWidget()
        )


@pytest.mark.parametrize("tab", [1, 2, 3])
def test_tab_reaches_the_page_and_comes_back_round(window, qtbot, tab):
    window.shortlist_panel.select_entry(window.session.project.shortlist[0].id)
    window.show_tab(tab)
    visited = _tab_walk(window, qtbot, window.theme_panel.tree)
    assert len(visited) < 70  # back at the theme tree (the plan editor has ~30 stops)
    page = window.tabs.widget(tab)
    on_page = [w for w in visited if page.isAncestorOf(w)]
    assert len(on_page) >= 3
    shortlist = visited.index(window.shortlist_panel.view)
    assert all(visited.index(w) < shortlist for w in on_page)
    assert visited.index(window.tabs.tabBar()) < visited.index(on_page[0])


def test_a_page_shown_by_its_key_has_the_focus_in_its_first_field(window, qtbot):
    """Ctrl+2 and Ctrl+4 focused the page itself: no field showed the focus, and a screen
    reader announced nothing."""
    from PySide6.QtWidgets import QAbstractButton

    window.shortlist_panel.select_entry(window.session.project.shortlist[0].id)
    window.activateWindow()
    for key, page in ((Qt.Key.Key_2, lambda: window.plan_editor), (Qt.Key.Key_4, lambda: window.project_form),
                      (Qt.Key.Key_1, lambda: window.browser)):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        focused = QApplication.focusWidget()
        assert focused is not page() and page().isAncestorOf(focused), (key, focused)
        assert not isinstance(focused, QAbstractButton) and focused.accessibleName(), (key, focused)
    assert QApplication.focusWidget() is window.browser.search_field
