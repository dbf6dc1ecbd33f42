"""The plan editor: the local uitvoeringsnotities of the selected shortlist entry.

A scrollable form. Every change goes through ``operations.plan``; typing in one text field
merges into one undo step, and an undo shows up in the field without creating a new step. Amounts, dates and counts are checked when editing finishes; invalid
input is refused with a message at the field and the project is left unchanged.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedLayout,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from gala_desktop.domain.own import OWN_LABEL_TITLE
from gala_desktop.domain.formatting import (
    format_count,
    format_date,
    format_euro,
    parse_count,
    parse_date,
    parse_euro,
)
from gala_desktop.domain.budget import period_years
from gala_desktop.domain.project import AccessAspect, EntryStatus, FundingSource
from gala_desktop.domain.themes import theme_name
from gala_desktop.catalogue.unavailable import is_available
from gala_desktop.domain.changes import catalogue_changes
from gala_desktop.ui.budget_editor import BudgetYearsTable, whole_period_cents, with_whole_period
from gala_desktop.ui.checklist_model import ChecklistModel, ChecklistTable
from gala_desktop.domain.checklist import checklist_changes
from gala_desktop.operations import plan as plan_use_cases
from gala_desktop.operations import shortlist as shortlist_use_cases
from gala_desktop.ui.plan_fields import (
    add_calendar,
    RouteUndoToStack,
    ValidatedField,
    plain_edit,
    route_undo,
    sync_line,
    sync_plain,
)

PLACEHOLDER = (
    "Kies in de shortlist een interventie om de uitvoering te beschrijven: "
    "wie voert uit, budget en financiering, planning en wat er geregeld moet worden."
)
NO_FUNDING = "— kies —"
HEADER_FIELDS = frozenset({"status", "snapshot", "plan.checklist"})  # shown above the form
# Alt+letter per field; letters chosen so that they clash with no menu, tab or panel heading
FIELD_MNEMONICS = {
    "Uitvoerende partner(s)": "Uitvoerende p&artner(s)",
    "Budget per jaar (€)": "Budget per &jaar (€)",
    "Budget hele periode (€)": "Bud&get hele periode (€)",
    "Financieringsbron": "&Financieringsbron",
    "Toelichting financiering": "Toel&ichting financiering",
    "Start": "Sta&rt",
    "Einde": "&Einde",
    "Wijken / kernen": "Wij&ken / kernen",
    "Beoogd bereik (deelnemers)": "Beoogd bereik (deel&nemers)",
    "Verantwoordelijke ambtenaar": "Verantwoordelijke a&mbtenaar",
}
LINE_FIELDS = {  # plan field → (label, placeholder)
    "partners": ("Uitvoerende partner(s)", "Bijvoorbeeld: Welzijn Oost, bibliotheek"),
    "funding_note": ("Toelichting financiering", ""),
    "neighbourhoods": ("Wijken / kernen", "Bijvoorbeeld: Rivierenwijk, Keizerslanden"),
    "responsible": ("Verantwoordelijke ambtenaar", ""),
}


def _heading(text: str, parent: QWidget, size_step: int = 2) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() + size_step)
    label.setFont(font)
    label.setWordWrap(True)
    return label


class PlanEditor(QWidget):
    statusMessage = Signal(str)
    notKept = Signal(str, str)  # title, text: typed values refused when another entry was shown

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planEditor")
        self.session = session
        self.entry_id: str | None = None
        self._loading = False
        self._router = RouteUndoToStack(self)

        self.placeholder = QLabel(PLACEHOLDER, self)
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setMargin(24)

        self.scroll = QScrollArea(self)
        self.scroll.setAccessibleName("Uitvoering van de geselecteerde interventie")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.form = QWidget()
        self.scroll.setWidget(self.form)
        self._build_form(self.form)

        self.stack = QStackedLayout(self)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.scroll)

        session.projectReplaced.connect(self.clear)
        session.catalogueReplaced.connect(lambda: self.set_entry(self.entry_id))
        session.shortlistChanged.connect(self._on_shortlist_changed)
        session.themesChanged.connect(self._on_shortlist_changed)  # "(thema niet gekozen)"
        session.entryChanged.connect(self._on_entry_changed)
        session.entryFieldChanged.connect(self._on_entry_field_changed)
        # after the window has switched its editing widgets (``read_only.EditingSwitch``)
        session.readOnlyChanged.connect(self._on_read_only_changed)
        self.set_entry(None)

    # ----------------------------------------------------------------- building
    def _build_form(self, form: QWidget) -> None:
        layout = QVBoxLayout(form)
        self.title = _heading("", form, 4)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta = QLabel(form)
        self.meta.setWordWrap(True)
        layout.addWidget(self.title)
        self.choose_button = QPushButton("Kiezen", form)
        self.choose_button.setObjectName("planChooseButton")
        self.choose_button.setAccessibleName("Kiezen")
        self.choose_button.setToolTip("Deze interventie op ‘Gekozen’ zetten: zij komt dan in de bijlage (Ctrl+K)")
        self.choose_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton))
        self.choose_button.clicked.connect(self.choose)
        meta_row = QHBoxLayout()
        meta_row.addWidget(self.meta, 1)
        meta_row.addWidget(self.choose_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(meta_row)
        layout.addWidget(self._build_notice(form))

        layout.addSpacing(12)
        layout.addWidget(_heading("Uitvoering", form))
        fields = QFormLayout()
        fields.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # a field that does not fit beside its label (the budget table when the column is
        # narrow or the font large) goes under it instead of being squeezed
        fields.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.line_edits: dict[str, QLineEdit] = {}
        self.budget = ValidatedField("Budget hele periode (€)", parse_euro, format_euro,
                                     "Als alleen het totaal bekend is, bijvoorbeeld 12.500", form)
        self.years = BudgetYearsTable(form)
        self.funding = QComboBox(form)
        self.funding.setAccessibleName("Financieringsbron")
        self.funding.addItem(NO_FUNDING, None)
        for source in FundingSource:
            self.funding.addItem(source.label, source)
        self.start = ValidatedField("Start", parse_date, format_date, "dd-mm-jjjj", form)
        self.end = ValidatedField("Einde", parse_date, format_date, "dd-mm-jjjj", form)
        for field in (self.start, self.end):
            add_calendar(field.edit)
        self.reach = ValidatedField(
            "Beoogd bereik (deelnemers)", parse_count, format_count, "Aantal deelnemers", form
        )
        self.monitoring = plain_edit(
            "Monitoring en indicatoren", "Hoe en waaraan ziet u of de interventie werkt?", 4, form
        )
        rows = [
            ("partners", None), ("Financieringsbron", self.funding),
            ("Budget per jaar (€)", self.years), ("Budget hele periode (€)", self.budget),
            ("funding_note", None), ("Start", self.start), ("Einde", self.end),
            ("neighbourhoods", None), ("Beoogd bereik (deelnemers)", self.reach),
            ("responsible", None), ("Monitoring en indicatoren", self.monitoring),
        ]
        for label_or_field, widget in rows:
            if widget is None:
                label_text, placeholder = LINE_FIELDS[label_or_field]
                widget = QLineEdit(form)
                widget.setAccessibleName(label_text)
                widget.setPlaceholderText(placeholder)
                widget.textEdited.connect(
                    lambda text, f=label_or_field: self._push_field(f, text)
                )
                self.line_edits[label_or_field] = widget
                label_or_field = label_text
            label = QLabel(FIELD_MNEMONICS.get(label_or_field, label_or_field) + ":", form)
            label.setBuddy(widget.focusProxy() or widget)
            fields.addRow(label, widget)
        layout.addLayout(fields)
        self.budget.committed.connect(self._push_whole_period)
        self.years.committed.connect(self._push_years)
        self.session.metadataChanged.connect(self._on_period_maybe_changed)
        self.start.committed.connect(lambda v: self._push_field("start", v))
        self.end.committed.connect(lambda v: self._push_field("end", v))
        self.reach.committed.connect(lambda v: self._push_field("reach", v))
        self.start.check = self._check_start
        self.end.check = self._check_end
        self.funding.activated.connect(
            lambda i: self._push_field("funding_source", self.funding.itemData(i))
        )
        self.monitoring.textChanged.connect(
            lambda: self._push_field("monitoring", self.monitoring.toPlainText())
        )

        layout.addSpacing(12)
        layout.addWidget(_heading("Randvoorwaarden", form))
        self.checklist_model = ChecklistModel(self.session, self)
        self.checklist = ChecklistTable(self.checklist_model, form)
        self.checklist_empty = QLabel(
            "In de catalogus zijn bij deze interventie geen randvoorwaarden beschreven.", form
        )
        self.checklist_empty.setWordWrap(True)
        layout.addWidget(self.checklist)
        layout.addWidget(self.checklist_empty)

        layout.addSpacing(12)
        layout.addWidget(_heading("Toegankelijkheid", form))
        self.access_edits: dict[AccessAspect, object] = {}
        for aspect in AccessAspect:
            label = QLabel(f"<b>{aspect.label}</b><br>{aspect.question}", form)
            label.setWordWrap(True)
            edit = plain_edit(aspect.label, aspect.question, 3, form)
            label.setBuddy(edit)
            edit.textChanged.connect(lambda a=aspect, e=edit: self._push_access(a, e.toPlainText()))
            self.access_edits[aspect] = edit
            layout.addWidget(label)
            layout.addWidget(edit)

        layout.addSpacing(12)
        layout.addWidget(_heading("Vrije notities", form))
        self.notes = plain_edit("Vrije notities", "", 5, form)
        self.notes.textChanged.connect(lambda: self._push_field("notes", self.notes.toPlainText()))
        layout.addWidget(self.notes)
        layout.addStretch(1)

        for widget in self._text_widgets():
            route_undo(widget, self._router)
        chain = self.focus_chain()
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def _build_notice(self, form: QWidget) -> QFrame:
        self.notice = QFrame(form)
        self.notice.setFrameShape(QFrame.Shape.StyledPanel)
        icon = QLabel(self.notice)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_LargeIconSize)
        warning = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        icon.setPixmap(warning.pixmap(size, size))
        self.notice_text = QLabel(self.notice)
        self.notice_text.setWordWrap(True)
        self.accept_button = QPushButton("Catalogusgegevens overnemen", self.notice)
        self.accept_button.setAccessibleName("Catalogusgegevens overnemen")
        self.accept_button.setToolTip(
            "Neem de huidige naam, het erkenningsniveau en de eigenaar uit de catalogus over."
        )
        self.accept_button.clicked.connect(self.accept_catalogue_facts)
        text_column = QVBoxLayout()
        text_column.addWidget(self.notice_text)
        text_column.addWidget(self.accept_button, 0, Qt.AlignmentFlag.AlignLeft)
        row = QHBoxLayout(self.notice)
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(text_column, 1)
        return self.notice

    def _text_widgets(self) -> list[QWidget]:
        return [*self.line_edits.values(), self.budget.edit, self.start.edit, self.end.edit,
                self.reach.edit, self.monitoring, *self.access_edits.values(), self.notes]

    def focus_chain(self) -> list[QWidget]:
        """The form's widgets in tab order: as they stand, top to bottom (the year table only
        while the period has years: hidden, it takes no focus)."""
        lines = self.line_edits
        return [
            self.accept_button, lines["partners"], self.funding, self.years.table, self.budget.edit,
            lines["funding_note"], self.start.edit, self.end.edit, lines["neighbourhoods"],
            self.reach.edit, lines["responsible"], self.monitoring, self.checklist,
            *self.access_edits.values(), self.notes,
        ]

    # ----------------------------------------------------------------- loading
    def current_entry(self):
        return self.session.project.entry(self.entry_id) if self.entry_id else None

    def set_entry(self, entry_id: str | None) -> None:
        if entry_id != self.entry_id:
            self._leave_entry()
        entry = self.session.project.entry(entry_id) if entry_id else None
        self.entry_id = entry.id if entry is not None else None
        self.checklist_model.set_entry(self.entry_id)
        if entry is None:
            self.stack.setCurrentWidget(self.placeholder)
            return
        self._load(force=True)
        self.stack.setCurrentWidget(self.scroll)
        self.scroll.verticalScrollBar().setValue(0)

    def _on_read_only_changed(self, _reason: str) -> None:
        QTimer.singleShot(0, self, self._reload_header)

    def _reload_header(self) -> None:
        if self.current_entry() is not None:
            self._load_header()

    def clear(self) -> None:
        """Another project: nothing typed for the old one may reach it."""
        self.entry_id = None
        self.set_entry(None)

    def _leave_entry(self) -> None:
        """Another entry is shown next: what was typed here is committed; typed text that is
        refused cannot stay in a field that shows another entry, so the officer is told
        what was not kept."""
        entry = self.current_entry()
        if entry is None or self.session.read_only:
            return
        lost = [f"• {label} {why}" for label, why in self._commit_typed()]
        if lost:  # a notice that stays until read: a status line was cut off and went away
            self.notKept.emit(f"Niet bewaard bij ‘{entry.snapshot.name}’",
                              "Deze ingetypte waarden kloppen niet en zijn daarom niet bewaard:\n\n"
                              + "\n".join(lost) + f"\n\nVul ze opnieuw in bij ‘{entry.snapshot.name}’.")

    def _on_shortlist_changed(self) -> None:
        if self.entry_id and self.current_entry() is None:
            self.set_entry(None)
        elif self.entry_id:
            self._load_header()

    def _on_entry_changed(self, entry_id: str) -> None:
        if entry_id == self.entry_id and self.current_entry() is not None:
            self._load(force=False)

    def _on_entry_field_changed(self, entry_id: str, field: str) -> None:
        if entry_id == self.entry_id and field in HEADER_FIELDS and self.current_entry():
            self._load_header()

    def _load(self, force: bool) -> None:
        entry = self.current_entry()
        plan = entry.plan
        self._loading = True
        try:
            if force:  # plan edits leave the header alone; shortlistChanged refreshes it
                self._load_header()
            for field, edit in self.line_edits.items():
                sync_line(edit, getattr(plan, field))
            self.budget.show_value(whole_period_cents(plan), force=force)
            period = self.session.project.period
            self.years.show_plan(plan, period_years(period), period, force=force)
            self.start.show_value(plan.start, force=force)
            self.end.show_value(plan.end, force=force)
            self.reach.show_value(plan.reach, force=force)
            self.funding.setCurrentIndex(max(self.funding.findData(plan.funding_source), 0))
            sync_plain(self.monitoring, plan.monitoring)
            for aspect, edit in self.access_edits.items():
                sync_plain(edit, plan.access.get(aspect, ""))
            sync_plain(self.notes, plan.notes)
            has_checklist = bool(plan.checklist)
            self.checklist.setVisible(has_checklist)
            self.checklist_empty.setVisible(not has_checklist)
        finally:
            self._loading = False

    def choose(self) -> None:
        """Kiezen: the entry gets status ‘Gekozen’ (one undo step)."""
        entry = self.current_entry()
        if entry is not None and entry.status is not EntryStatus.CHOSEN:
            shortlist_use_cases.set_status(self.session, entry.id, EntryStatus.CHOSEN)

    def _load_header(self) -> None:
        entry = self.current_entry()
        snapshot = entry.snapshot
        self.choose_button.setEnabled(entry.status is not EntryStatus.CHOSEN and not self.session.read_only)
        self.title.setText(snapshot.name)
        self.title.setAccessibleName(f"Interventie: {snapshot.name}")  # selectable, so focusable
        chosen = entry.theme_key in self.session.project.chosen_theme_keys()
        theme = theme_name(entry.theme_key) + ("" if chosen else " (thema niet gekozen)")
        # the status on a line of its own: a longer status word made the owner's line wrap, and
        # the whole form below moved and was repainted on every status change
        self.meta.setText(
            f"Thema: {theme}\nErkenningsniveau: "
            f"{OWN_LABEL_TITLE if snapshot.own is not None else snapshot.level.label}\n"
            f"Eigenaar: {snapshot.owner or 'onbekend'}\nStatus: {entry.status.label}"
        )
        messages: list[str] = []
        removed = False
        if self.session.catalogue is not None and is_available(self.session.catalogue):
            known = self.session.catalogue.get_many([entry.intervention_key])
            changes = catalogue_changes([entry], known)
            removed = any(c.kind == "removed" for c in changes)
            messages = [c.message for c in changes]
            current = known.get(entry.intervention_key)
            if current is not None:
                added, dropped = checklist_changes(entry.plan.checklist, current.conditions)
                if added or dropped:
                    messages.append(
                        f"Randvoorwaarden gewijzigd: {added} nieuw, {dropped} vervallen. Bij "
                        "overnemen komen nieuwe erbij als ‘nog regelen’; uw notities blijven."
                    )
        if messages:
            intro = "De catalogus is gewijzigd sinds u deze interventie koos."
            self.notice_text.setText("\n".join([intro, *(f"• {m}" for m in messages)]))
        self.notice.setVisible(bool(messages))
        self.accept_button.setVisible(bool(messages) and not removed)

    # ----------------------------------------------------------------- committing
    def _push_field(self, field: str, value) -> None:
        entry = self.current_entry()
        if not self._loading and entry is not None:
            plan_use_cases.set_plan_field(self.session, entry.id, field, value)

    def _push_whole_period(self, cents) -> None:
        entry = self.current_entry()
        if entry is not None:
            self._push_field("budget", with_whole_period(entry.plan, cents))

    def _push_years(self, lines) -> None:
        entry = self.current_entry()
        if entry is not None:
            whole = [line for line in entry.plan.budget if line.year is None]
            self._push_field("budget", list(lines) + whole)

    def _on_period_maybe_changed(self) -> None:
        """Any project field changed: the year rows are laid out again only when the period's
        years did (not on every keystroke in the title or the gemeente)."""
        entry = self.current_entry()
        period = self.session.project.period
        years = period_years(period)
        # without years the hint quotes the period as typed
        if entry is not None and (years != self.years.period_years
                                  or not years and period.strip() != self.years.period):
            self.years.show_plan(entry.plan, years, period, force=False)

    def commit_pending(self) -> list[str]:
        """Commit values still being typed (budget, dates, reach), as before a save. Returns
        the labels of fields whose typed text is refused; their text and message stay."""
        if self.current_entry() is None:
            return []
        return [label for label, _why in self._commit_typed()]

    def _commit_typed(self) -> list[tuple[str, str]]:
        """Commit the typed values; (label, what was refused and why) per refused field."""
        refused = []
        for field in (self.budget, self.start, self.end, self.reach):
            if not field.commit_pending():
                refused.append((field.edit.accessibleName(),
                                f"‘{field.edit.text()}’ ({field.error_text.rstrip('.')})"))
        if cell := self.years.commit_pending():  # the table's other cells are saved
            refused.append(("Budget per jaar", f"({cell.rstrip('.')})"))
        return refused

    def _push_access(self, aspect: AccessAspect, text: str) -> None:
        entry = self.current_entry()
        if not self._loading and entry is not None:
            plan_use_cases.set_access_answer(self.session, entry.id, aspect, text)

    def _check_start(self, value) -> str | None:
        end = self.current_entry().plan.end if self.current_entry() else None
        if value is not None and end is not None and value > end:
            return "De startdatum ligt na de einddatum. Pas een van beide aan."
        return None

    def _check_end(self, value) -> str | None:
        start = self.current_entry().plan.start if self.current_entry() else None
        if value is not None and start is not None and value < start:
            return "De einddatum ligt vóór de startdatum. Pas een van beide aan."
        return None

    def accept_catalogue_facts(self) -> None:
        entry = self.current_entry()
        if entry is not None:
            plan_use_cases.accept_catalogue_facts(self.session, [entry.id])
