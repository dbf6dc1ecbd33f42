"""Open and save dialogs, sized from their text.

Where the platform has no file dialog of its own, Qt shows its own; at its default size its
columns cut the size, type and date ("24....KiB", "Mar...ent"). The dialogs here are the same
``QFileDialog`` (native where the platform has one, with the Dutch labels of
``app.install_translations``), but Qt's own is given a size and column widths from the current
font: the name column stretches, the others fit a typical value and their heading.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDateTime, QLocale, QSize
from PySide6.QtWidgets import QFileDialog, QHeaderView, QListView, QSplitter, QStyle, QTreeView, QWidget

# A typical value of each column after the name, for its width in the current font.
COLUMN_SAMPLES = {1: "999,99 KiB", 2: "Word 2007-document", 3: ""}  # 3: a date, see _date_sample
NAME_CHARS = 40  # the name column's room in average characters
SIDEBAR_CHARS = 16
ROWS = 18


def _date_sample() -> str:
    return QLocale().toString(QDateTime.fromString("2026-12-31T23:59:00", "yyyy-MM-ddTHH:mm:ss"),
                              QLocale.FormatType.ShortFormat)


def fit_to_text(dialog: QFileDialog) -> None:
    """Column widths and a window size for Qt's own file dialog from the current font (harmless
    when the platform's dialog is shown instead: the widgets stay hidden)."""
    metrics = dialog.fontMetrics()
    chars = metrics.averageCharWidth()
    tree = dialog.findChild(QTreeView, "treeView")
    columns = 0
    if tree is not None:
        header = tree.header()
        header.setStretchLastSection(False)
        margin = 2 * (dialog.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header) + 4)
        icon = tree.iconSize().width() if tree.iconSize().isValid() else 16
        for column, sample in COLUMN_SAMPLES.items():
            sample = sample or _date_sample()
            width = max(metrics.horizontalAdvance(sample) + margin, header.sectionSizeFromContents(column).width())
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
            columns += width
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(max(header.minimumSectionSize(), chars * 6))
        columns += chars * NAME_CHARS + icon + margin
    places = dialog.findChild(QListView, "sidebar")
    place_icon = places.iconSize().width() if places is not None and places.iconSize().isValid() else 32
    sidebar = chars * SIDEBAR_CHARS + place_icon
    wanted = QSize(sidebar + columns + 60, metrics.lineSpacing() * ROWS + 140)
    wanted = wanted.expandedTo(dialog.sizeHint())
    screen = dialog.screen()
    if screen is not None:
        wanted = wanted.boundedTo(screen.availableGeometry().size() * 0.9)
    dialog.resize(wanted)
    splitter = dialog.findChild(QSplitter, "splitter")  # sidebar | files
    if splitter is not None:
        splitter.setSizes([sidebar, max(wanted.width() - sidebar, 1)])


def _run(dialog: QFileDialog) -> tuple[str, str]:
    fit_to_text(dialog)
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return "", ""
    return dialog.selectedFiles()[0], dialog.selectedNameFilter()


def open_file_name(parent: QWidget | None, caption: str, directory: str, filters: str) -> tuple[str, str]:
    """Like ``QFileDialog.getOpenFileName``: ``(path, chosen filter)``, ``("", "")`` if cancelled."""
    dialog = QFileDialog(parent, caption, directory, filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return _run(dialog)


def save_file_name(parent: QWidget | None, caption: str, suggestion: str, filters: str,
                   default_suffix: str = "") -> tuple[str, str]:
    """Like ``QFileDialog.getSaveFileName``; the platform dialog asks before overwriting.
    ``default_suffix`` (without the dot) is added to a name typed without one before the
    dialog asks, so it asks about the file that will be written."""
    dialog = QFileDialog(parent, caption, "", filters)
    if default_suffix:
        dialog.setDefaultSuffix(default_suffix)
    path = Path(suggestion)
    if suggestion and not path.is_dir():  # a folder and a name, as the static function splits it
        dialog.setDirectory(str(path.parent))
        dialog.selectFile(path.name)
    elif suggestion:
        dialog.setDirectory(suggestion)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    return _run(dialog)
