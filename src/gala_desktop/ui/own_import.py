"""The import preview: which own interventions are new, which differ from the library, and
which are the same. Nothing is overwritten unless the officer ticks it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from gala_desktop.domain.intervention import Intervention
from gala_desktop.domain.own import EXPORT_FORMAT, EXPORT_VERSION, OwnInterventionError, own_from_dict
from gala_desktop.ui.dialog_buttons import confirm_buttons


def read_export(path: Path) -> list[Intervention]:
    from gala_desktop.ui.own_actions import read_json

    raw = read_json(path)
    name = Path(path).name
    if not isinstance(raw, dict) or raw.get("format") != EXPORT_FORMAT:
        raise OwnInterventionError(f"{name} is geen bestand met eigen interventies van GALA Desktop.")
    version = raw.get("format_version")
    if not isinstance(version, int) or version > EXPORT_VERSION:
        raise OwnInterventionError(
            f"{name} is gemaakt door een nieuwere versie van GALA Desktop (versie {version}). "
            "Werk het programma bij."
        )
    items = raw.get("interventions")
    if not isinstance(items, list):
        raise OwnInterventionError(f"{name} bevat geen lijst met interventies.")
    return [own_from_dict(item, f"interventie {n} van {name}") for n, item in enumerate(items, start=1)]


class ImportDialog(QDialog):
    def __init__(self, incoming: list[Intervention], library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ownImportDialog")
        self.setWindowTitle("Eigen interventies importeren")
        self._rows: list[tuple[QTreeWidgetItem, Intervention | None, Intervention]] = []
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Te importeren eigen interventies")
        self.tree.setHeaderLabels(["Interventie", "Wat er gebeurt"])
        new = changed = same = 0
        for item in incoming:
            current = library.get(item.key)
            row = QTreeWidgetItem([item.name])
            if current is None:
                row.setText(1, "Nieuw: wordt toegevoegd")
                row.setCheckState(0, Qt.CheckState.Checked)
                new += 1
            elif current == item:
                row.setText(1, "Al aanwezig, gelijk")
                same += 1
                self.tree.addTopLevelItem(row)
                continue
            else:
                row.setText(1, f"Gewijzigd t.o.v. uw versie ‘{current.name}’: aanvinken om te vervangen")
                row.setCheckState(0, Qt.CheckState.Unchecked)  # never overwrite silently
                changed += 1
            self.tree.addTopLevelItem(row)
            self._rows.append((row, current, item))
        self.tree.resizeColumnToContents(0)
        self.counts = (new, changed, same)
        summary = QLabel(f"Nieuw: {new} · Gewijzigd: {changed} · Gelijk: {same}. Gewijzigde interventies "
                         "vervangen uw versie alleen als u ze aanvinkt.")
        summary.setObjectName("importSummary")
        summary.setWordWrap(True)
        buttons = confirm_buttons(self, "&Importeren", "Aangevinkte eigen interventies importeren")
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(760, 460)

    def set_checked(self, key: str, checked: bool) -> None:
        for row, _old, new in self._rows:
            if new.key == key:
                row.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def chosen(self) -> list[tuple[Intervention | None, Intervention]]:
        return [(old, new) for row, old, new in self._rows if row.checkState(0) == Qt.CheckState.Checked]
