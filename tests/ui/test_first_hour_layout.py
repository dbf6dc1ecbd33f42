"""The first hour at every screen set-up: nothing cut, high contrast, read-only that looks it,
and Qt's own file dialog sized from its text."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QHeaderView,
    QScrollArea,
    QStyle,
    QStyleOptionViewItem,
    QTreeView,
)

from gala_desktop.ui.screenshots import SETUPS
from gala_desktop.ui.theme_tree import SOFT_HYPHEN, unbreakable_parts
from tests.ui.conftest import open_setup

UI_SOURCE = Path(__file__).resolve().parents[2] / "src" / "gala_desktop" / "ui"
LAYOUT_SETUPS = ["1366", "1366-14pt", "960x540-200", "1920-200"]



def _item_rect(tree, item, element: QStyle.SubElement) -> QRect:
    """Where the view paints a part of the item (its text, its check box), as laid out now."""
    option = QStyleOptionViewItem()
    option.initFrom(tree)
    tree.itemDelegate().initStyleOption(option, tree.indexFromItem(item))
    option.rect = tree.visualItemRect(item)
    return tree.style().subElementRect(element, option, tree)


def _text_rect(tree, item) -> QRect:
    return _item_rect(tree, item, QStyle.SubElement.SE_ItemViewItemText)


def _check_rect(tree, item) -> QRect:
    return _item_rect(tree, item, QStyle.SubElement.SE_ItemViewItemCheckIndicator)


@pytest.mark.parametrize("setup", LAYOUT_SETUPS)
def test_no_theme_word_check_box_button_or_heading_is_cut(qtbot, catalogue, app_look, setup):
    window = open_setup(qtbot, catalogue, setup)
    panel = window.theme_panel
    tree = panel.tree
    assert window.splitter.sizes()[0] >= panel.preferred_width() - 2
    metrics = tree.fontMetrics()
    for key, item in panel._items.items():
        tree.scrollToItem(item)
        text = _text_rect(tree, item)
        widest = max(metrics.horizontalAdvance(part) for part in unbreakable_parts(item.text(0)))
        assert widest <= text.width(), (key, widest, text.width())
        check = _check_rect(tree, item)
        assert check.left() >= 0 and check.right() < tree.viewport().width(), key
    # buttons and filters: each inside its column and as wide as its text asks
    for row in (window.browser.filters, window.shortlist_panel):
        for button in row.findChildren(QAbstractButton):
            if not button.isVisible() or button.parent() is tree:
                continue
            assert button.width() >= button.sizeHint().width(), button.text()
            right = button.mapTo(row, button.rect().topRight()).x()
            assert right < row.width(), (button.text(), right, row.width())
    # every column heading of the results and the shortlist is shown whole
    for header in (window.browser.table.horizontalHeader(), window.shortlist_panel.view.header()):
        for column in range(header.count()):
            if not header.isSectionHidden(column):
                assert header.sectionSize(column) >= header.sectionSizeFromContents(column).width() - 1, column


@pytest.mark.parametrize("setup", LAYOUT_SETUPS)
def test_the_plan_and_project_pages_fit_their_column(qtbot, catalogue, app_look, setup):
    """No sideways scrolling of the Uitvoering and Project pages; the budget table shows
    whole headings and amounts (under its label when the column is narrow)."""
    window = open_setup(qtbot, catalogue, setup)
    for tab in (1, 3):
        window.show_tab(tab)
        QApplication.processEvents()
        page = window.tabs.currentWidget()
        scroll = page if isinstance(page, QScrollArea) else page.findChild(QScrollArea)
        assert not scroll.horizontalScrollBar().isVisible(), (setup, tab)
    window.show_tab(1)
    QApplication.processEvents()
    editor = window.plan_editor
    button = editor.choose_button
    assert button.visibleRegion().boundingRect().width() == button.width()
    table = editor.years.table
    header = table.horizontalHeader()
    metrics, heading = table.fontMetrics(), header.fontMetrics()
    amounts = [table.item(r, c).text() for r in range(table.rowCount()) for c in range(table.columnCount())]
    assert any(amounts)
    for column in range(table.columnCount()):
        lines = header.model().headerData(column, Qt.Orientation.Horizontal).split("\n")
        texts = [metrics.horizontalAdvance(a) for a in amounts] + [heading.horizontalAdvance(line) for line in lines]
        assert header.sectionSize(column) >= max(texts) + 4, column
    window.show_tab(3)
    assert window.project_form.subtitle.cursorPosition() == 0  # a long subtitle shows its start


def test_the_niveau_column_goes_and_comes_back_with_the_width(qtbot, catalogue, app_look):
    """Narrower, wider and narrower again: the shortlist's Niveau column follows each time (a
    hidden column's size reads 0, which once brought it back at once and cut the names)."""
    from gala_desktop.ui.screenshots import MIN_VISIBLE_CHARS, name_visibility
    from gala_desktop.ui.shortlist_model import COL_LEVEL

    window = open_setup(qtbot, catalogue, "960x540-200")
    header = window.shortlist_panel.view.header()
    sizes = window.splitter.sizes()
    assert header.isSectionHidden(COL_LEVEL)
    window.splitter.setSizes([sizes[0] - 100, sizes[1], sizes[2] + 100])
    QApplication.processEvents()
    assert not header.isSectionHidden(COL_LEVEL)
    window.splitter.setSizes(sizes)
    QApplication.processEvents()
    assert header.isSectionHidden(COL_LEVEL)
    shown = name_visibility(window)["shortlist"]
    assert [(name, n) for name, n in shown if n < min(len(name), MIN_VISIBLE_CHARS)] == []


def test_the_filter_and_button_rows_wrap_instead_of_widening_their_column(qtbot, catalogue, app_look):
    window = open_setup(qtbot, catalogue, "1366-14pt")
    filters = window.browser.filters
    assert filters.minimumSizeHint().width() < filters.flow.sizeHint().width() * 0.7
    assert len(filters.flow.rows(filters.width())) >= 2  # a 14 pt font: two rows in the column
    assert len(filters.flow.rows(filters.flow.sizeHint().width())) == 1
    assert window.shortlist_panel.minimumSizeHint().width() < 400
    assert window.splitter.sizes()[0] >= 240  # the themes got room (it was 168 px)


def test_the_level_heading_is_short_with_the_full_name_in_its_tooltip(qtbot, catalogue, app_look):
    from gala_desktop.ui.result_model import LEVEL

    window = open_setup(qtbot, catalogue, "1366")
    model = window.browser.table.model()
    assert model.headerData(LEVEL, Qt.Orientation.Horizontal) == "Niveau"
    assert model.headerData(LEVEL, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == "Hoogste erkenningsniveau"


def test_long_theme_compounds_break_at_their_seam_and_read_without_it(qtbot, catalogue, app_look):
    window = open_setup(qtbot, catalogue, "1366-14pt")
    item = window.theme_panel._items["gezondheidsachterstanden"]
    assert SOFT_HYPHEN in item.text(0)
    assert item.data(0, Qt.ItemDataRole.AccessibleTextRole) == "Terugdringen van gezondheidsachterstanden"


@pytest.mark.parametrize("setup,size", [("960x540-200", (1920, 1080)), ("1920-200", (3840, 2160))])
def test_screenshots_at_200_percent(tmp_path, setup, size):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR="2")
    run = subprocess.run(
        [sys.executable, "-m", "gala_desktop.ui.screenshots", str(tmp_path), "--setup", f"main-window-{setup}"],
        env=env, capture_output=True, text=True, timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "cut to" not in run.stderr
    image = QImage(str(tmp_path / f"main-window-{setup}.png"))
    assert (image.width(), image.height()) == size


def test_the_screenshot_command_writes_every_set_up_to_the_docs():
    root = UI_SOURCE.parents[2]
    script = (root / "scripts" / "screenshots.sh").read_text(encoding="utf-8")
    for setup in SETUPS:
        line = next(line for line in script.splitlines() if f"--setup {setup.name} " in line + " ")
        assert ("QT_SCALE_FACTOR=2" in line) == (setup.scale == 2.0), setup.name
        assert (root / "docs" / "images" / f"{setup.name}.png").is_file(), setup.name


# -- high contrast ---------------------------------------------------------------------------

def _lightness_spread(image: QImage) -> int:
    values = [QColor(image.pixel(x, y)).lightness() for x in range(0, image.width(), 2)
              for y in range(0, image.height(), 2)]
    return max(values) - min(values)


@pytest.mark.parametrize("kind", ["black", "white"])
def test_high_contrast_read_only_banner_and_arrows_stay_visible(qtbot, catalogue, app_look, kind):
    window = open_setup(qtbot, catalogue, f"1366-contrast-{kind}")
    window.session.set_read_only("‘plan.gala’ is alleen-lezen geopend: in gebruik door j.jansen.")
    QApplication.processEvents()
    banner = window.read_only_banner
    assert banner.isVisible()
    # the banner's text against its own background: a fixed light yellow behind the white text
    # of a black theme made it unreadable
    area = banner.label.geometry()  # grabbed from the banner: the label has no background of its own
    image = banner.grab(QRect(area.x(), area.y(), min(area.width(), 400), area.height())).toImage()
    assert _lightness_spread(image) >= 200
    panel = window.shortlist_panel
    for button in (panel.button_up, panel.button_down):
        icon = button.grab(QRect(button.width() // 2 - 6, button.height() // 2 - 6, 12, 12)).toImage()
        assert _lightness_spread(icon) >= 150, button.accessibleName()


def test_radio_buttons_and_scroll_handles_are_outlined_on_black(qtbot, app_look):
    """Fusion draws an unchecked radio button and a scroll bar handle in a shade of a black
    background; ``ContrastStyle`` outlines them in the text colour."""
    from PySide6.QtWidgets import QRadioButton, QScrollBar, QStyleOptionButton, QStyleOptionSlider

    from gala_desktop.ui.app import ContrastStyle
    from gala_desktop.ui.screenshots import contrast_palette

    style = ContrastStyle()
    QApplication.instance().setPalette(contrast_palette("black"))
    radio = QRadioButton("Word-document om verder te bewerken")
    bar = QScrollBar(Qt.Orientation.Vertical)
    bar.setRange(0, 100)
    bar.setPageStep(20)
    for widget in (radio, bar):
        widget.setStyle(style)
        qtbot.addWidget(widget)
        widget.show()
        qtbot.waitExposed(widget)
    button = QStyleOptionButton()
    button.initFrom(radio)
    indicator = style.subElementRect(QStyle.SubElement.SE_RadioButtonIndicator, button, radio)
    assert _lightness_spread(radio.grab(indicator).toImage()) >= 200
    slider = QStyleOptionSlider()
    bar.initStyleOption(slider)
    handle = style.subControlRect(QStyle.ComplexControl.CC_ScrollBar, slider,
                                  QStyle.SubControl.SC_ScrollBarSlider, bar)
    assert _lightness_spread(bar.grab(handle).toImage()) >= 150


def test_the_contrast_style_is_installed_once_the_palette_turns_dark(qtbot, catalogue, app_look):
    """On a light palette the platform style paints alone (no call into Python per control);
    when a high-contrast theme darkens the palette, the open window installs ``ContrastStyle``."""
    from gala_desktop.ui.app import ContrastStyle, follow_contrast
    from gala_desktop.ui.screenshots import contrast_palette

    app = QApplication.instance()
    was_contrast = isinstance(app.style(), ContrastStyle)
    app.setStyle("Fusion")
    try:
        app.setPalette(contrast_palette("white"))
        assert follow_contrast(app) is False and not isinstance(app.style(), ContrastStyle)
        open_setup(qtbot, catalogue, "1366")
        assert not isinstance(app.style(), ContrastStyle)
        app.setPalette(contrast_palette("black"))  # the theme changes while the window is open
        qtbot.waitUntil(lambda: isinstance(app.style(), ContrastStyle))  # the change is posted
    finally:
        app.setStyle(ContrastStyle() if was_contrast else "Fusion")


def test_a_window_made_on_a_dark_palette_installs_the_contrast_style(qtbot, catalogue, app_look):
    """The palette may turn dark after the application starts and before the window exists
    (while the recovery question is open): the window checks when it is made."""
    from gala_desktop.ui.app import ContrastStyle
    from gala_desktop.ui.screenshots import contrast_palette

    app = QApplication.instance()
    was_contrast = isinstance(app.style(), ContrastStyle)
    app.setStyle("Fusion")
    try:
        app.setPalette(contrast_palette("black"))
        assert not isinstance(app.style(), ContrastStyle)
        open_setup(qtbot, catalogue, "1366")
        assert isinstance(app.style(), ContrastStyle)
    finally:
        app.setStyle(ContrastStyle() if was_contrast else "Fusion")


@pytest.mark.parametrize("kind", ["black", "white"])
def test_every_name_readable_in_high_contrast(qtbot, catalogue, app_look, kind):
    from gala_desktop.ui.screenshots import MIN_VISIBLE_CHARS, name_visibility

    window = open_setup(qtbot, catalogue, f"1366-contrast-{kind}")
    assert window.palette().color(window.palette().ColorRole.Window) == QColor(kind)
    cut = [(name, n) for rows in name_visibility(window).values() for name, n in rows
           if n < min(len(name), MIN_VISIBLE_CHARS)]
    assert cut == []


def test_no_hard_coded_colours_where_the_palette_has_a_role():
    """Colours in the UI come from the palette; only the two self-contained marks (the
    required-theme badge with its light ring, the own-intervention mark) paint their own."""
    allowed = {"theme_tree.py": ("required_icon",), "own_marks.py": ("own_icon", "_house"),
               "palette_icons.py": (), "screenshots.py": ()}  # (): the whole file
    pattern = re.compile(r"#[0-9a-fA-F]{6}\b|QColor\(\"|GlobalColor\.(?!transparent)|setStyleSheet\([^)]*(colou?r|background)")
    found = []
    for path in sorted(UI_SOURCE.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        functions = allowed.get(path.name)
        if functions == ():
            continue
        exempt = {n for name in functions or () for n in _lines_of_function(source, name)}
        for number, line in enumerate(source.splitlines(), 1):
            if pattern.search(line) and number not in exempt:
                found.append(f"{path.name}:{number}: {line.strip()}")
    assert found == []


def _lines_of_function(source: str, name: str) -> set[int]:
    """The line numbers of the module-level function ``name`` in ``source`` (it must exist)."""
    node = next(n for n in ast.parse(source).body if isinstance(n, ast.FunctionDef) and n.name == name)
    return set(range(node.lineno, node.end_lineno + 1))


# -- read-only ---------------------------------------------------------------------------------

def test_read_only_theme_boxes_look_and_act_switched_off_but_read_by_keyboard(qtbot, catalogue, app_look):
    window = open_setup(qtbot, catalogue, "1366")
    tree = window.theme_panel.tree
    item = window.theme_panel._items["gezonde-leefstijl"]
    tree.scrollToItem(item)
    QApplication.processEvents()

    def check_pixels():
        return tree.viewport().grab(_check_rect(tree, item)).toImage()

    editable = check_pixels()
    window.session.set_read_only("‘plan.gala’ is alleen-lezen geopend.")
    QApplication.processEvents()
    read_only = check_pixels()
    assert editable != read_only  # drawn as a switched-off box
    before = item.checkState(0)
    # neither a click nor Space toggles it
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=_check_rect(tree, item).center())
    tree.setFocus()
    tree.setCurrentItem(item)
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    assert item.checkState(0) == before
    assert not window.session.project.theme_choice("gezonde-leefstijl")
    # reading by keyboard still works: the arrows move through the themes
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert tree.currentItem() is not item
    assert tree.focusPolicy() != Qt.FocusPolicy.NoFocus
    # and back to normal after Save as
    window.session.set_read_only("")
    QApplication.processEvents()
    assert check_pixels() == editable
    tree.setCurrentItem(item)
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    assert item.checkState(0) != before


# -- Qt's own file dialog ------------------------------------------------------------------------

def test_qt_file_dialog_columns_are_sized_from_their_text(qtbot, tmp_path):
    from gala_desktop.ui.app import install_translations
    from gala_desktop.ui.file_dialogs import fit_to_text

    install_translations(QApplication.instance())
    (tmp_path / "map").mkdir()
    (tmp_path / "Bijlage - Lindeveen - Samen sterk.pdf").write_bytes(b"%PDF" + b"0" * 30000)
    dialog = QFileDialog(None, "Bijlage opslaan als", str(tmp_path), "Alle bestanden (*)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    qtbot.addWidget(dialog)
    fit_to_text(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    tree = dialog.findChild(QTreeView, "treeView")
    model = tree.model()
    root = tree.rootIndex()
    qtbot.waitUntil(lambda: model.rowCount(root) == 2, timeout=5000)
    header = tree.header()
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Stretch
    metrics = tree.fontMetrics()
    for row in range(model.rowCount(root)):
        for column in (1, 2, 3):
            text = str(model.index(row, column, root).data() or "")
            assert metrics.horizontalAdvance(text) + 8 <= header.sectionSize(column), (column, text)
    for column in range(header.count()):
        assert header.sectionSize(column) >= header.sectionSizeFromContents(column).width() - 1
    assert header.sectionSize(0) >= metrics.horizontalAdvance("Bijlage - Lindeveen - Samen")
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)][0] == "Naam"
    folder = next(model.index(r, 2, root).data() for r in range(2) if model.index(r, 0, root).data() == "map")
    assert folder == "Map"
    screen = dialog.screen().availableGeometry()
    assert dialog.width() <= screen.width() and dialog.height() <= screen.height()


def test_the_program_asks_through_the_fitted_dialogs():
    """Every open/save question of the program goes through ``ui.file_dialogs``."""
    direct = [f"{path.name}:{number}" for path in sorted(UI_SOURCE.rglob("*.py")) if path.name != "file_dialogs.py"
              for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
              if re.search(r"QFileDialog\.get(Open|Save)", line)]
    assert direct == []
