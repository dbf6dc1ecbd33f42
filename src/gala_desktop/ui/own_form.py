"""*Eigen interventie toevoegen…* / *bewerken…*: the same fields as a catalogue intervention,
without a recognition level (the form says so, with text and icon)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gala_desktop.domain.intervention import Condition, ConditionKind, Intervention, TargetGroup
from gala_desktop.domain.own import NOT_RECOGNISED, OWN_LABEL_TITLE, new_own_key
from gala_desktop.domain.themes import THEMES, ThemeKind
from gala_desktop.ui.dialog_buttons import confirm_buttons
from gala_desktop.ui.own_marks import own_icon


def _text_box(accessible: str, lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setAccessibleName(accessible)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 12)
    return box


def _check_list(accessible: str, options: list[tuple[str, str]], checked) -> QListWidget:
    widget = QListWidget()
    widget.setAccessibleName(accessible)
    for key, label in options:
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if key in checked else Qt.CheckState.Unchecked)
        widget.addItem(item)
    return widget


def _checked(widget: QListWidget) -> list[str]:
    return [
        widget.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(widget.count())
        if widget.item(i).checkState() == Qt.CheckState.Checked
    ]


class OwnInterventionDialog(QDialog):
    def __init__(self, target_groups: list[TargetGroup], intervention: Intervention | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ownInterventionDialog")
        self.original = intervention
        self.setWindowTitle("Eigen interventie bewerken" if intervention else "Eigen interventie toevoegen")
        self._groups = {g.key: g for g in target_groups}
        if intervention:
            self._groups.update({g.key: g for g in intervention.target_groups})
        iv = intervention

        banner = QHBoxLayout()
        icon = QLabel()
        icon.setPixmap(own_icon().pixmap(24, 24))
        icon.setAccessibleName(OWN_LABEL_TITLE)
        note = QLabel(f"<b>{OWN_LABEL_TITLE}</b> — {NOT_RECOGNISED} Zo staat zij ook in de lijst, "
                      "op de shortlist en in de bijlage.")
        note.setWordWrap(True)
        banner.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        banner.addWidget(note, 1)

        self.name = QLineEdit(iv.name if iv else "")
        self.name.setAccessibleName("Naam")
        self.summary = _text_box("Samenvatting", 3)
        self.aim = _text_box("Doel", 2)
        self.approach = _text_box("Aanpak", 3)
        self.target_group = QLineEdit(iv.target_group_text if iv else "")
        self.target_group.setAccessibleName("Doelgroep")
        self.owner = QLineEdit(iv.owner if iv else "")
        self.owner.setAccessibleName("Eigenaar of aanbieder")
        self.website = QLineEdit(iv.website if iv else "")
        self.website.setAccessibleName("Website")
        self.website.setPlaceholderText("https://…")
        self.costs = _text_box("Kosten", 2)
        if iv:
            self.summary.setPlainText(iv.summary)
            self.aim.setPlainText(iv.aim)
            self.approach.setPlainText(iv.approach)
            self.costs.setPlainText(iv.costs_note)

        form = QFormLayout()
        form.addRow("&Naam:", self.name)
        form.addRow("&Samenvatting:", self.summary)
        form.addRow("&Doel:", self.aim)
        form.addRow("&Aanpak:", self.approach)
        form.addRow("Doel&groep:", self.target_group)
        form.addRow("&Eigenaar / aanbieder:", self.owner)
        form.addRow("&Website:", self.website)
        form.addRow("&Kosten:", self.costs)

        goals = [t for t in THEMES if t.kind is not ThemeKind.CHAIN_APPROACH]
        chains = [t for t in THEMES if t.kind is ThemeKind.CHAIN_APPROACH]
        theme_options = [(t.key, ("    " if t.parent_key else "") + t.name) for t in goals + chains]
        self.themes = _check_list("Thema's", theme_options, set(iv.theme_keys) if iv else set())
        self.groups = _check_list("Doelgroepen", [(g.key, g.name) for g in self._groups.values()],
                                  {g.key for g in iv.target_groups} if iv else set())

        self.conditions = QTableWidget(0, 2)
        self.conditions.setAccessibleName("Randvoorwaarden")
        self.conditions.setHorizontalHeaderLabels(["Soort", "Randvoorwaarde"])
        self.conditions.verticalHeader().hide()
        self.conditions.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.conditions.setColumnWidth(0, 210)
        for condition in iv.conditions if iv else ():
            self.add_condition(condition.kind, condition.text)
        add = QPushButton("Randvoorwaarde &toevoegen")
        add.setAccessibleName("Randvoorwaarde toevoegen")
        add.clicked.connect(lambda: self.add_condition())
        remove = QPushButton("&Verwijderen")
        remove.setAccessibleName("Geselecteerde randvoorwaarde verwijderen")
        remove.clicked.connect(lambda: self.conditions.removeRow(self.conditions.currentRow()))
        condition_buttons = QHBoxLayout()
        condition_buttons.addWidget(add)
        condition_buttons.addWidget(remove)
        condition_buttons.addStretch(1)

        right = QVBoxLayout()
        # The theme list holds the longest texts and most rows: it gets the most room, and the
        # right column half the width, so the GALA goals fit without a horizontal scroll bar.
        for label_text, widget, stretch in (("T&hema's:", self.themes, 3),
                                            ("Doelgroe&pen:", self.groups, 2),
                                            ("&Randvoorwaarden:", self.conditions, 2)):
            label = QLabel(label_text)
            label.setBuddy(widget)
            right.addWidget(label)
            right.addWidget(widget, stretch)
        right.addLayout(condition_buttons)

        columns = QHBoxLayout()
        columns.addLayout(form, 1)
        columns.addLayout(right, 1)

        self.error = QLabel()
        self.error.setObjectName("ownFormError")
        self.error.setStyleSheet("font-weight: bold")
        buttons = confirm_buttons(self, "&Opslaan", "Eigen interventie opslaan")

        layout = QVBoxLayout(self)
        layout.addLayout(banner)
        layout.addLayout(columns, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(1000, 640)
        self._opened = self._filled()  # what Annuleren or Escape may drop without asking

    def add_condition(self, kind: ConditionKind = ConditionKind.PARTNERS, text: str = "") -> None:
        row = self.conditions.rowCount()
        self.conditions.insertRow(row)
        combo = QComboBox()
        combo.setAccessibleName("Soort randvoorwaarde")
        for option in ConditionKind:
            combo.addItem(option.label, option)
        combo.setCurrentIndex(list(ConditionKind).index(kind))
        self.conditions.setCellWidget(row, 0, combo)
        self.conditions.setItem(row, 1, QTableWidgetItem(text))

    def intervention(self) -> Intervention:
        """The intervention as filled in (a new key for a new one)."""
        values = dict(self._filled(), checked_on=dt.date.today())
        if self.original is not None:
            return dataclasses.replace(self.original, **values)
        return Intervention(key=new_own_key(), **values)

    def _filled(self) -> dict:
        """Every field as filled in now."""
        conditions = []
        for row in range(self.conditions.rowCount()):
            item = self.conditions.item(row, 1)
            text = item.text().strip() if item else ""
            if text:
                conditions.append(Condition(self.conditions.cellWidget(row, 0).currentData(), text))
        values = dict(
            name=self.name.text().strip(),
            summary=self.summary.toPlainText().strip(),
            aim=self.aim.toPlainText().strip(),
            approach=self.approach.toPlainText().strip(),
            target_group_text=self.target_group.text().strip(),
            owner=self.owner.text().strip(),
            website=self._website(),
            costs_note=self.costs.toPlainText().strip(),
            theme_keys=tuple(_checked(self.themes)),
            target_groups=tuple(self._groups[k] for k in _checked(self.groups)),
            conditions=tuple(conditions),
        )
        return values

    def _website(self) -> str:
        """The typed address; one written as most people write it (``www.gemeente.nl``) gets
        ``https://`` in front."""
        website = self.website.text().strip()
        if website and "://" not in website and "." in website and not any(c.isspace() for c in website):
            return f"https://{website}"
        return website

    def problem(self) -> str:
        if not self.name.text().strip():
            return "Geef de interventie een naam."
        website = self._website()
        scheme, _, rest = website.partition("://")
        if website and (scheme.lower() not in ("http", "https") or not rest.strip("/")):
            return "Een website begint met http:// of https://, gevolgd door het adres."
        if not _checked(self.themes):
            return "Kies minstens één thema, zodat de interventie bij het zoeken op thema gevonden wordt."
        return ""

    def reject(self) -> None:
        """Annuleren, Escape or the close button: what was typed is not dropped unasked."""
        if self._filled() != self._opened and not self._discard():
            return
        super().reject()

    def _discard(self) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.windowTitle() or "Eigen interventie",
                          "Wat u hebt ingevuld, is nog niet opgeslagen. Weggooien?",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText("&Weggooien")
        box.button(QMessageBox.StandardButton.No).setText("&Terug naar het formulier")
        return box.exec() == QMessageBox.StandardButton.Yes

    def accept(self) -> None:
        problem = self.problem()
        if problem:
            self.error.setText(problem)
            return
        super().accept()
