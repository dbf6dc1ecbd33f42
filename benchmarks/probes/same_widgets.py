"""Second floor probe: a window with the main window's widgets but none of the program, up to its
first paint.

The same kinds and numbers of widgets as GALA Desktop's main window at its first paint (a census
of ``findChildren``: 141 widgets, 99 actions on 1 December 2026; every start-up report prints
both windows' counts at their first paint) in the same layout: menus and a toolbar, a theme
tree with check boxes and a text field under it, four tabs of which the first holds a search
field, filter buttons, a result table and a text pane, and a shortlist tree with buttons. Plain
Qt classes with static texts; no domain, no catalogue, no project file. It shows what PySide6 and
Qt cost for this window, apart from the program: informative, not a target.

``--qt-free-layers`` first does what ``gala-desktop`` does before it loads Qt
(``startup.prepare``: the collector paused, the program's Qt-free layers imported: domain,
project, catalogue, operations) and nothing else of the program; the same window then shows what
those layers add.
"""

import time

STARTED = time.perf_counter()

import sys  # noqa: E402

if "--qt-free-layers" in sys.argv[1:]:
    from gala_desktop import startup

    startup.prepare()

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QAction, QStandardItem, QStandardItemModel  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication, QCheckBox, QComboBox, QFrame, QHBoxLayout, QLabel, QLineEdit, QMainWindow, QMenu,
    QPlainTextEdit, QPushButton, QSplitter, QStyle, QTableView, QTabWidget, QTextBrowser, QTreeView,
    QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from paint_probe import show_and_report  # noqa: E402

MENUS = {"&Bestand": 14, "Be&werken": 9, "Beel&d": 12, "&Help": 4}
TOOLBAR = 7
WIDGETS, ACTIONS = 141, 99  # the main window's census; the report holds what was built
THEMES = 30  # rows of the theme tree (goals, sub-themes, chain approaches)
RESULTS = (153, ("Naam", "Niveau", "Thema's", "Eigenaar"))
SHORTLIST = (18, ("Interventie", "Status", "Prioriteit", "Niveau"))
FILTERS = ("Thema's", "Doelgroepen", "Databanken", "Herkomst")


def _column(*widgets, stretch=None) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    for widget in widgets:
        layout.addWidget(widget, 1 if widget is stretch else 0)
    return box


def _table(view, rows: int, columns: tuple[str, ...]):
    model = QStandardItemModel(0, len(columns), view)
    model.setHorizontalHeaderLabels(list(columns))
    for row in range(rows):
        model.appendRow([QStandardItem(f"{name} {row}") for name in columns])
    view.setModel(model)
    return view


def build() -> QMainWindow:
    window = QMainWindow()
    for title, count in MENUS.items():
        menu = window.menuBar().addMenu(title)
        for number in range(count):
            menu.addAction(QAction(f"{title.replace('&', '')} {number}", window))
    toolbar = window.addToolBar("Werkbalk")
    for number in range(TOOLBAR):
        toolbar.addAction(QAction(f"Knop {number}", window))
    window.statusBar().showMessage("Klaar")

    tree = QTreeWidget()
    tree.setHeaderHidden(True)
    for number in range(THEMES):
        item = QTreeWidgetItem([f"Thema {number} met een naam die kan afbreken"])
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(0, Qt.CheckState.Unchecked)
        tree.addTopLevelItem(item)
    themes = _column(QLabel("Thema's van de beleidsvisie"), tree, QLabel("Toelichting"),
                     QPlainTextEdit(), QLabel("Selecteer een gekozen thema."), stretch=tree)

    filters = QWidget()
    row = QHBoxLayout(filters)
    for name in FILTERS:
        button = QPushButton(name)
        button.setMenu(QMenu(button))
        row.addWidget(button)
    row.addWidget(QComboBox())
    row.addWidget(QCheckBox("Ook verlopen erkenningen"))
    results = QSplitter(Qt.Orientation.Vertical)
    results.addWidget(_table(QTableView(), *RESULTS))
    results.addWidget(QTextBrowser())
    under = QWidget()
    row = QHBoxLayout(under)
    for text in ("153 interventies gevonden", "Toevoegen aan thema…", "Eigen interventie toevoegen…"):
        if text.endswith("…"):
            button = QPushButton(text)
            button.setMenu(QMenu(button))
            row.addWidget(button)
        else:
            row.addWidget(QLabel(text))
    row.addWidget(QPushButton("Filters wissen"))
    own_row = QWidget()  # the app's wrapping row of own-intervention buttons: a widget of its own
    QHBoxLayout(own_row).addWidget(QWidget())
    catalogue = _column(QLabel("Zoeken:"), QLineEdit(), filters, QLabel("Minimaal niveau:"), results,
                        under, own_row, stretch=results)
    tabs = QTabWidget()
    tabs.addTab(catalogue, "&Catalogus")
    for title in ("&Uitvoering", "&Overzicht", "&Project"):
        tabs.addTab(QWidget(), title)

    buttons = QWidget()
    row = QHBoxLayout(buttons)
    for number in range(7):
        row.addWidget(QPushButton(f"Knop {number}"))
    shortlist = _column(QLabel("Shortlist"), QLabel("8 gekozen, 4 overwogen"), _table(QTreeView(), *SHORTLIST),
                        QLabel("Dekking van de verplichte thema's"), buttons)
    for text in ("‘voorbeeld-gemeente-lindeveen.gala’ geopend.", "Catalogus: 153 interventies"):
        window.statusBar().addWidget(QLabel(text))

    splitter = QSplitter(Qt.Orientation.Horizontal)
    for part in (themes, tabs, shortlist):
        splitter.addWidget(part)
    banner = QFrame()
    banner.hide()
    window.setCentralWidget(_column(banner, splitter, stretch=splitter))
    window.setWindowTitle("GALA Desktop")
    # the rest of the window's actions: shortcuts and context-menu actions that no menu shows
    window.addActions([QAction(f"verborgen {n}", window)
                       for n in range(ACTIONS - len(window.findChildren(QAction)))])
    window.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)  # the app sizes columns from it
    return window


def main() -> int:
    app = QApplication(sys.argv[:1])
    return show_and_report(app, build(), STARTED)


if __name__ == "__main__":
    sys.exit(main())
