"""Screenshots of the workbench with the sample project, and how much of each name they show.

``python -m gala_desktop.ui.screenshots docs/images`` writes the main window at a given size,
scale and font size (``scripts/screenshots.sh`` runs the three documented set-ups). The same
code measures, from the views' geometry, how many characters of each result and shortlist name
are visible, so a test can hold the layout to "no name cut shorter than 20 characters".
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication

SAMPLE = Path(__file__).resolve().parents[3] / "examples" / "voorbeeld-gemeente-lindeveen.gala"
SAMPLE_SEARCH = "eenzaamheid"
MIN_VISIBLE_CHARS = 20


@dataclass(frozen=True)
class Setup:
    name: str
    width: int
    height: int
    scale: float = 1.0
    font_pt: float | None = None
    contrast: str | None = None  # "black" or "white": a high-contrast palette like Windows'
    read_only: bool = False  # opened while someone else has the project


SETUPS = (
    Setup("main-window-1366", 1366, 768),
    Setup("main-window-1920-200", 1920, 1080, scale=2.0),  # a 3840×2160 screen at 200 %
    Setup("main-window-960x540-200", 960, 540, scale=2.0),  # a 1920×1080 screen at 200 %
    Setup("main-window-1366-14pt", 1366, 768, font_pt=14),
    Setup("main-window-1366-contrast-black", 1366, 768, contrast="black"),
    Setup("main-window-1366-contrast-white", 1366, 768, contrast="white"),
    Setup("main-window-1366-read-only", 1366, 768, read_only=True),
)


def setup_named(name: str) -> Setup:
    """The set-up called ``name`` (``main-window-1366``, ...)."""
    return next(s for s in SETUPS if s.name == name)


READ_ONLY_REASON = ("‘voorbeeld-gemeente-lindeveen.gala’ is alleen-lezen geopend: in gebruik door "
                    "j.jansen op PC-0412 sinds 09:12. U kunt lezen en exporteren; kies Opslaan als om "
                    "een eigen kopie te bewaren.")

# Windows' "Hoog contrast zwart" and "Hoog contrast wit" themes, role by role.
CONTRAST_COLOURS = {
    "black": {"Window": "#000000", "WindowText": "#ffffff", "Base": "#000000", "AlternateBase": "#000000",
              "Text": "#ffffff", "Button": "#000000", "ButtonText": "#ffffff", "Highlight": "#1aebff",
              "HighlightedText": "#000000", "ToolTipBase": "#000000", "ToolTipText": "#ffffff",
              "Link": "#ffff00", "LinkVisited": "#ffff00", "PlaceholderText": "#3ff23f",
              "Light": "#ffffff", "Midlight": "#ffffff", "Mid": "#ffffff", "Dark": "#ffffff",
              "Shadow": "#ffffff", "BrightText": "#ffff00", "disabled": "#3ff23f"},
    "white": {"Window": "#ffffff", "WindowText": "#000000", "Base": "#ffffff", "AlternateBase": "#ffffff",
              "Text": "#000000", "Button": "#ffffff", "ButtonText": "#000000", "Highlight": "#37006e",
              "HighlightedText": "#ffffff", "ToolTipBase": "#ffffff", "ToolTipText": "#000000",
              "Link": "#00009f", "LinkVisited": "#00009f", "PlaceholderText": "#600000",
              "Light": "#000000", "Midlight": "#000000", "Mid": "#000000", "Dark": "#000000",
              "Shadow": "#000000", "BrightText": "#00009f", "disabled": "#600000"},
}


def contrast_palette(kind: str):
    """A high-contrast palette: every role set, disabled text in the theme's own colour."""
    from PySide6.QtGui import QColor, QPalette

    colours = CONTRAST_COLOURS[kind]
    palette = QPalette()
    for name, colour in colours.items():
        if name != "disabled":
            palette.setColor(getattr(QPalette.ColorRole, name), QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colours["disabled"]))
    return palette


def visible_chars(view: QAbstractItemView, index, width: int | None = None) -> int:
    """How many characters of ``index``'s text the view shows (all of it when not elided)."""
    text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
    rect = view.visualRect(index)
    if width is None:
        width = rect.width()
    metrics = view.fontMetrics()
    margin = view.style().pixelMetric(view.style().PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    available = max(width - 2 * margin, 0)
    if index.data(Qt.ItemDataRole.DecorationRole) is not None:
        available -= view.iconSize().width() if view.iconSize().isValid() else 16
        available -= 4
    if metrics.horizontalAdvance(text) <= available:
        return len(text)
    elided = metrics.elidedText(text, view.textElideMode(), max(available, 0))
    return max(len(elided) - 1, 0)  # the ellipsis is not a character of the name


def name_visibility(window) -> dict[str, list[tuple[str, int]]]:
    """``{"results": [(name, visible chars)], "shortlist": [...]}`` for the rows on screen."""
    from gala_desktop.ui.result_model import NAME
    from gala_desktop.ui.shortlist_model import COL_NAME

    out: dict[str, list[tuple[str, int]]] = {"results": [], "shortlist": []}
    table = window.browser.table
    for row in range(min(table.model().rowCount(), 30)):
        index = table.model().index(row, NAME)
        out["results"].append((str(index.data()), visible_chars(table, index)))
    view = window.shortlist_panel.view
    model = view.model()
    for theme_row in range(model.rowCount()):
        parent = model.index(theme_row, 0)
        for row in range(model.rowCount(parent)):
            index = model.index(row, COL_NAME, parent)
            out["shortlist"].append((str(index.data()), visible_chars(view, index)))
    return out


def build_window(catalogue, setup: Setup, project_path: Path = SAMPLE):
    """A main window with the sample project, a search and a selected entry, laid out."""
    from PySide6.QtGui import QFont

    from gala_desktop.ui.main_window import MainWindow
    from gala_desktop.ui.settings import AppSettings

    app = QApplication.instance()
    if setup.font_pt:
        font = QFont(app.font())
        font.setPointSizeF(setup.font_pt)
        app.setFont(font)
    if setup.contrast:
        app.setPalette(contrast_palette(setup.contrast))
    work = Path(tempfile.mkdtemp(prefix="gala-screens-"))  # never the officer's saved layout
    window = MainWindow(catalogue, settings=AppSettings(work / "settings.ini"))
    project_copy = work / project_path.name  # a copy: its lock file never lands in examples/
    shutil.copyfile(project_path, project_copy)
    window.show()
    window.resize(setup.width, setup.height)
    window.files.load(project_copy)
    if setup.read_only:
        window.session.set_read_only(READ_ONLY_REASON)
    for _ in range(3):  # the filters re-flow once the width is known; then the size holds
        app.processEvents()
        window.resize(setup.width, setup.height)
    app.processEvents()
    window.apply_default_layout()
    window.browser.search_field.setText(SAMPLE_SEARCH)
    window.browser.flush_search()
    if window.browser.model.keys():
        window.browser.select_key(window.browser.model.keys()[0])
    first = next(iter(window.session.project.shortlist), None)
    if first is not None:
        window.shortlist_panel.select_entry(first.id)
    window.shortlist_panel.view.expandAll()
    for _ in range(5):
        app.processEvents()
    return window


def capture(out_dir: Path, setup: Setup) -> Path:
    from gala_desktop.catalogue.repository import Catalogue
    from gala_desktop.ui.app import create_application, install_translations

    app = create_application(sys.argv[:1])
    install_translations(app)
    catalogue = Catalogue.open()
    window = build_window(catalogue, setup)
    target = out_dir / f"{setup.name}.png"
    window.grab().save(str(target))
    short = [(kind, name, n) for kind, rows in name_visibility(window).items()
             for name, n in rows if n < min(len(name), MIN_VISIBLE_CHARS)]
    for kind, name, n in short:
        print(f"{setup.name}: {kind} name cut to {n} characters: {name}", file=sys.stderr)
    window.session.undo_stack.setClean()
    window.close()
    catalogue.close()
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Schermafdrukken van de werkbank maken.")
    parser.add_argument("folder", type=Path, help="map voor de PNG-bestanden")
    parser.add_argument("--setup", choices=[s.name for s in SETUPS], required=True)
    args = parser.parse_args(argv)
    setup = setup_named(args.setup)
    args.folder.mkdir(parents=True, exist_ok=True)
    print(capture(args.folder, setup))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
