"""The first hour of a new user: readable names at common screen set-ups, choosing, themes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from gala_desktop.domain.project import EntryStatus
from gala_desktop.domain.themes import REQUIRED_THEME_KEYS, THEMES_BY_KEY
from gala_desktop.ui.screenshots import MIN_VISIBLE_CHARS, name_visibility, setup_named, visible_chars
from gala_desktop.ui.theme_panel import required_icon
from tests.ui.conftest import open_setup


@pytest.mark.parametrize("setup", ["1366", "1366-14pt", "1920-200", "960x540-200"])
def test_no_result_or_shortlist_name_is_cut_shorter_than_20_characters(qtbot, catalogue, app_look, setup):
    window = open_setup(qtbot, catalogue, setup)
    assert window.width() == setup_named(f"main-window-{setup}").width
    shown = name_visibility(window)
    assert len(shown["results"]) >= 10 and len(shown["shortlist"]) >= 15
    cut = [(name, n) for rows in shown.values() for name, n in rows if n < min(len(name), MIN_VISIBLE_CHARS)]
    assert cut == []
    # the measurement is real: in a narrow column the long names are cut
    view = window.shortlist_panel.view
    index = view.model().index(0, 0, view.model().index(1, 0))  # the first Mantelzorg entry
    assert visible_chars(view, index, width=80) < MIN_VISIBLE_CHARS


def test_kiezen_button_and_shortcut_choose_the_selected_entry(qtbot, catalogue):
    window = open_setup(qtbot, catalogue, "1366")
    panel = window.shortlist_panel
    considering = [e for e in window.session.project.shortlist if e.status is EntryStatus.CONSIDERING]
    first, second = considering[:2]
    panel.select_entry(first.id)
    assert panel.button_choose.isVisible() and panel.button_choose.isEnabled()
    qtbot.mouseClick(panel.button_choose, Qt.MouseButton.LeftButton)
    assert window.session.project.entry(first.id).status is EntryStatus.CHOSEN
    assert not panel.button_choose.isEnabled()  # already chosen
    panel.select_entry(second.id)
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.session.project.entry(second.id).status is EntryStatus.CHOSEN
    window.session.undo_stack.undo()
    assert window.session.project.entry(second.id).status is EntryStatus.CONSIDERING


def test_required_themes_are_short_with_the_full_name_in_tooltip_and_description(qtbot, catalogue):
    window = open_setup(qtbot, catalogue, "1366")
    tree = window.theme_panel.tree
    for key in REQUIRED_THEME_KEYS:
        item = window.theme_panel._items[key]
        name = THEMES_BY_KEY[key].name
        assert "(verplicht)" in item.text(0)
        assert name in item.toolTip(0)
        assert name in item.data(0, Qt.ItemDataRole.AccessibleDescriptionRole)
        lines = tree.visualItemRect(item).height() / tree.fontMetrics().lineSpacing()
        assert lines < 3.0, (key, lines)  # at most two lines at 1366×768


@pytest.mark.parametrize("ratio", [1.0, 2.0])
def test_required_badge_is_drawn_at_the_device_pixel_ratio(qtbot, ratio):
    icon = required_icon(False, 16, ratio=ratio)
    pixmap = icon.pixmap(16, 16)
    assert icon.availableSizes()[0].width() == 16 * ratio
    assert pixmap.devicePixelRatio() in (1.0, ratio)
    # asked for at the screen's ratio, the badge comes at that ratio, not scaled up from 1×
    assert icon.pixmap(QSize(16, 16), ratio).devicePixelRatio() == ratio


def test_toolbar_width_does_not_change_after_an_edit(qtbot, catalogue):
    from PySide6.QtWidgets import QToolBar

    window = open_setup(qtbot, catalogue, "1366")
    toolbar = window.findChild(QToolBar, "mainToolBar")
    export_button = toolbar.widgetForAction(window.action_export)
    before = (toolbar.sizeHint().width(), export_button.x())
    assert not window.toolbar_undo.isEnabled()
    entry = next(e for e in window.session.project.shortlist if e.status is EntryStatus.CONSIDERING)
    window.shortlist_panel.select_entry(entry.id)
    window.shortlist_panel.choose_selected()
    QApplication.processEvents()
    assert window.toolbar_undo.isEnabled()
    assert window.toolbar_undo.text() == "Ongedaan maken"
    assert "Ongedaan maken" in window.action_undo.text() and len(window.action_undo.text()) > 20
    assert window.session.undo_stack.undoText() in window.toolbar_undo.toolTip()
    assert (toolbar.sizeHint().width(), export_button.x()) == before
    window.toolbar_undo.trigger()
    assert window.session.project.entry(entry.id).status is EntryStatus.CONSIDERING
    assert window.toolbar_redo.isEnabled()


def test_one_dutch_number_format_for_counts():
    from gala_desktop.ui.catalogue_browser import count_text

    assert count_text(200, 1500) == "1.500 interventies gevonden (de eerste 200 worden getoond)"
    assert count_text(1000, 2500, exact=False).startswith("Meer dan 2.500 interventies gevonden (de eerste 1.000")


def _palette(background: str, text: str):
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.Button):
        palette.setColor(role, QColor(background))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(role, QColor(text))
    return palette


def _contrast(image, background) -> int:
    from PySide6.QtGui import QColor

    return max(abs(QColor(image.pixel(x, y)).lightness() - background.lightness())
               for x in range(image.width()) for y in range(image.height()))


@pytest.mark.parametrize("background,text", [("black", "white"), ("white", "black")])
def test_unchecked_theme_boxes_and_badges_are_visible_in_high_contrast(qtbot, catalogue, background, text):
    from PySide6.QtGui import QColor

    from gala_desktop.ui.app import ContrastStyle
    from gala_desktop.ui.session import ProjectSession
    from gala_desktop.ui.theme_panel import ThemePanel

    panel = ThemePanel(ProjectSession(catalogue))
    qtbot.addWidget(panel)
    style = ContrastStyle()
    panel.tree.setStyle(style)
    panel.tree.setPalette(_palette(background, text))
    panel.resize(300, 600)
    panel.show()
    qtbot.waitExposed(panel)
    base = QColor(background)
    item = panel._items["mantelzorg"]  # unchecked, required
    assert item.checkState(0) == Qt.CheckState.Unchecked
    image = panel.tree.viewport().grab(panel.tree.visualItemRect(item)).toImage()
    # the check box: an outline in the text colour on either background
    check_area = image.copy(0, 0, 40 + panel.tree.indentation() * 2, image.height())
    assert _contrast(check_area, base) >= 200
    for covered in (False, True):  # the badge drawn on the background: clearly visible
        from PySide6.QtGui import QPainter, QPixmap

        canvas = QPixmap(16, 16)
        canvas.fill(base)
        painter = QPainter(canvas)
        painter.drawPixmap(0, 0, required_icon(covered).pixmap(16, 16))
        painter.end()
        fill = QColor(canvas.toImage().pixel(3, 8))  # left of the glyph, inside the disc
        assert abs(fill.lightness() - base.lightness()) >= 70, (background, covered, fill.name())


@pytest.mark.parametrize("setup", ["1366", "1366-14pt"])
def test_every_theme_row_is_as_high_as_its_name_wraps_when_painted(qtbot, catalogue, app_look, setup,
                                                                   monkeypatch):
    """The row height is measured where the text is painted: beside the check box and the badge
    at the view's icon size. A name that just wrapped got one line and lost its last word."""
    from PySide6.QtGui import QTextLayout, QTextOption
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    from gala_desktop.ui import theme_tree

    painted = {}
    original = theme_tree.WrappingDelegate.paint

    def recording_paint(self, painter, option, index):
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text_rect = self.tree.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, self.tree)
        painted[opt.text] = (text_rect.width(), opt.rect.height(), QFont(opt.font))
        original(self, painter, option, index)

    monkeypatch.setattr(theme_tree.WrappingDelegate, "paint", recording_paint)
    window = open_setup(qtbot, catalogue, setup)
    window.theme_panel.tree.grab()
    assert len(painted) >= 6  # the rows on screen
    margin = QApplication.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
    for text, (width, height, font) in painted.items():
        layout = QTextLayout(text, font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        layout.setTextOption(option)
        layout.beginLayout()
        needed = 0.0
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width - 2 * margin)
            needed += line.height()
        layout.endLayout()
        assert height >= needed, (text, height, needed)
