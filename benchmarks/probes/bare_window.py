"""Floor probe: a bare PySide6 QMainWindow with a 1,000-row QTableView, up to its first paint."""

import time

STARTED = time.perf_counter()

import sys  # noqa: E402

from PySide6.QtGui import QStandardItem, QStandardItemModel  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView  # noqa: E402

from paint_probe import show_and_report  # noqa: E402

ROWS = 1000
COLUMNS = ("Naam", "Erkenningsniveau", "Thema's", "Eigenaar")


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    model = QStandardItemModel(0, len(COLUMNS), window)
    model.setHorizontalHeaderLabels(list(COLUMNS))
    for row in range(ROWS):
        model.appendRow([QStandardItem(f"{name} {row}") for name in COLUMNS])
    table = QTableView()
    table.setModel(model)
    window.setCentralWidget(table)
    return show_and_report(app, window, STARTED)


if __name__ == "__main__":
    sys.exit(main())
