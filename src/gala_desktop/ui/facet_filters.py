"""The facet filters above the search results: thema, doelgroep, minimum level, databank.

Multi-select facets are tool buttons with a menu of checkable options that stays open while
options are ticked (mouse, Space or Enter), so several can be chosen in one go.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QWidget,
)

from gala_desktop.domain.catalogue import CatalogueReader
from gala_desktop.domain.recognition import Databank, RecognitionLevel
from gala_desktop.domain.search import ORIGIN_DATABANK, ORIGIN_OWN
from gala_desktop.domain.themes import THEMES, ThemeKind
from gala_desktop.ui.flow_layout import FlowLayout, group


class _StickyMenu(QMenu):
    """A menu that does not close when a checkable option is toggled."""

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        action = self.actionAt(event.position().toPoint())
        if action is not None and action.isCheckable() and action.isEnabled():
            action.trigger()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        action = self.activeAction()
        if (
            event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and action is not None
            and action.isCheckable()
        ):
            action.trigger()
            return
        super().keyPressEvent(event)


class MultiSelectButton(QToolButton):
    """A button showing ``Label: alle`` / ``Label: 2 gekozen`` with a menu of checkable options."""

    selectionChanged = Signal()

    def __init__(self, label: str, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = label
        self._accessible_base = accessible_name
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._menu = _StickyMenu(self)
        self._menu.setAccessibleName(accessible_name)
        self.setMenu(self._menu)
        self._actions: dict[object, QAction] = {}
        self._update_text()

    def set_options(self, options: list[tuple[object, str]], *, sections: dict[int, str] | None = None) -> None:
        """``options`` as ``(value, label)``; ``sections`` puts a heading before an option index."""
        self._menu.clear()
        self._actions.clear()
        for index, (value, text) in enumerate(options):
            if sections and index in sections:
                self._menu.addSection(sections[index])
            action = self._menu.addAction(text.replace("&", "&&"))
            action.setData(text)
            action.setCheckable(True)
            action.toggled.connect(self._on_toggled)
            self._actions[value] = action
        self._update_text()

    def selected(self) -> frozenset:
        return frozenset(v for v, a in self._actions.items() if a.isChecked())

    def set_selected(self, values) -> None:
        values = set(values)
        changed = False
        for value, action in self._actions.items():
            if action.isChecked() != (value in values):
                action.blockSignals(True)
                action.setChecked(value in values)
                action.blockSignals(False)
                changed = True
        self._update_text()
        if changed:
            self.selectionChanged.emit()

    def option_action(self, value) -> QAction:
        return self._actions[value]

    def values(self) -> list:
        """The values on offer, in their order."""
        return list(self._actions)

    def _on_toggled(self, _checked: bool) -> None:
        self._update_text()
        self.selectionChanged.emit()

    def _update_text(self) -> None:
        chosen = [a.data().strip() for a in self._actions.values() if a.isChecked()]
        plain = self.label.replace("&", "")
        if not chosen:
            summary = "alle"
        elif len(chosen) == 1:
            summary = chosen[0] if len(chosen[0]) <= 28 else chosen[0][:26] + "…"
            summary = summary.replace("&", "&&")
        else:
            summary = f"{len(chosen)} gekozen"
        self.setText(f"{self.label}: {summary}")
        self.setToolTip("\n".join(chosen) if chosen else f"{plain}: geen filter")
        self.setAccessibleName(f"{self._accessible_base}: {', '.join(chosen) if chosen else 'alle'}")


class FacetFilters(QWidget):
    """The row of facet filters. ``changed`` fires on every change of any facet."""


    changed = Signal()

    def __init__(self, catalogue: CatalogueReader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.themes = MultiSelectButton("Th&ema", "Filter op thema")
        goals = [t for t in THEMES if t.kind is not ThemeKind.CHAIN_APPROACH]
        chains = [t for t in THEMES if t.kind is ThemeKind.CHAIN_APPROACH]
        options = [(t.key, ("    " if t.parent_key else "") + t.name) for t in goals]
        options += [(t.key, t.name) for t in chains]
        self.themes.set_options(options, sections={0: "GALA-doelen", len(goals): "Ketenaanpakken"})

        self.target_groups = MultiSelectButton("Doel&groep", "Filter op doelgroep")
        self.databanks = MultiSelectButton("Databan&k", "Filter op databank")
        self.reload(catalogue)

        # no mnemonic left: every letter of "Herkomst" is taken on this tab (reached with Tab)
        self.origin = MultiSelectButton("Herkomst", "Filter op herkomst: databank of eigen interventie")
        self.origin.set_options([(ORIGIN_DATABANK, "Databank (catalogus)"), (ORIGIN_OWN, "Eigen interventies")])

        self.level_label = QLabel("&Minimaal niveau:")
        self.min_level = QComboBox()
        self.min_level.setAccessibleName("Minimaal erkenningsniveau")
        self.min_level.addItem("Alle niveaus", None)
        for level in RecognitionLevel.thresholds():
            self.min_level.addItem(level.label, level)
        self.min_level.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.min_level.setMinimumContentsLength(12)
        self.level_label.setBuddy(self.min_level)
        self.include_lapsed = QCheckBox("Ook mogelijk ve&rlopen")
        self.include_lapsed.setAccessibleName("Mogelijk verlopen erkenningen meetellen")
        self.include_lapsed.setToolTip(
            "Laat een erkenning die op de peildatum mogelijk verlopen is meetellen voor het "
            "minimale niveau. Controleer zo'n erkenning in de databank."
        )

        self.clear_button = QPushButton("&Filters wissen")
        self.clear_button.setAccessibleName("Filters wissen")
        self.clear_button.setEnabled(False)

        # One row when there is room, more when the column is narrow or the font large: the
        # filters never force a width on the catalogue column.
        self.flow = FlowLayout(self)
        for widget in (self.themes, self.target_groups, self.databanks, self.origin,
                       group(self.level_label, self.min_level), self.include_lapsed):
            self.flow.addWidget(widget)
        self.flow.add_right(self.clear_button)

        for button in (self.themes, self.target_groups, self.databanks, self.origin):
            button.selectionChanged.connect(self._on_changed)
        self.min_level.currentIndexChanged.connect(self._on_changed)
        self.include_lapsed.toggled.connect(self._on_changed)
        self.clear_button.clicked.connect(self.clear)

    def reload(self, catalogue: CatalogueReader) -> None:
        """Offer the target groups and databanks ``catalogue`` holds (again, after an update
        or a rollback). What is still on offer stays chosen (``changed`` fires when a choice is
        put back); a choice no longer on offer is dropped."""
        for button, options in (
            (self.target_groups, [(g.key, g.name) for g in catalogue.target_groups()]),
            (self.databanks, [(d, d.short_label) for d in Databank if d in catalogue.databanks_in_use()]),
        ):
            chosen = button.selected()
            button.set_options(options)
            button.set_selected(chosen & {value for value, _ in options})
        for databank in self.databanks.values():
            self.databanks.option_action(databank).setToolTip(databank.label)

    def is_active(self) -> bool:
        return bool(
            self.themes.selected()
            or self.target_groups.selected()
            or self.databanks.selected()
            or self.origin.selected()
            or self.min_level.currentData() is not None
            or self.include_lapsed.isChecked()
        )

    def query_fields(self) -> dict:
        """The filter part of a ``SearchQuery``."""
        return {
            "theme_keys": self.themes.selected(),
            "target_group_keys": self.target_groups.selected(),
            "min_level": self.min_level.currentData(),
            "databanks": self.databanks.selected(),
            "include_lapsed": self.include_lapsed.isChecked(),
            "origin": next(iter(self.origin.selected())) if len(self.origin.selected()) == 1 else None,
        }

    def clear(self) -> None:
        blockers = [self.themes, self.target_groups, self.databanks, self.origin, self.min_level,
                    self.include_lapsed]
        for widget in blockers:
            widget.blockSignals(True)
        try:
            self.themes.set_selected(())
            self.target_groups.set_selected(())
            self.databanks.set_selected(())
            self.origin.set_selected(())
            self.min_level.setCurrentIndex(0)
            self.include_lapsed.setChecked(False)
        finally:
            for widget in blockers:
                widget.blockSignals(False)
        self._on_changed()

    def _on_changed(self, *_args) -> None:
        self.clear_button.setEnabled(self.is_active())
        self.changed.emit()
