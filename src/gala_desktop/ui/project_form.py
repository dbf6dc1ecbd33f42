"""The Project tab: the metadata on the title page of the annex (gemeente, title, authors, ...).

Every edit calls ``operations.plan.set_project_field`` (typing merges into one undo step); on ``metadataChanged``/``projectReplaced`` the
form re-reads the project and only touches a field whose value really differs, so typing is
never disturbed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from gala_desktop.domain.formatting import format_date, parse_date
from gala_desktop.domain.project import PLAN_PARTS
from gala_desktop.operations.plan import set_project_field
from gala_desktop.ui.plan_fields import add_calendar, keep_room_when_hidden, sync_line

VERSION_STATUSES = ("Concept", "Ter bespreking", "Definitief", "Vastgesteld door de raad")


def _authors(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class ProjectForm(QScrollArea):
    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectForm")
        self.session = session
        self._updating = False
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        inner = QWidget()
        self.setWidget(inner)
        intro = QLabel(
            "Deze gegevens komen op het titelblad en in de inleiding van de bijlage bij uw "
            "beleidsvisie."
        )
        intro.setWordWrap(True)

        self.gemeente = self._line("Gemeente", "bijvoorbeeld Lindeveen")
        self.title = self._line("Titel", "bijvoorbeeld Samen sterk in de wijk")
        self.subtitle = self._line("Ondertitel", "")
        self.authors = QPlainTextEdit()
        self.authors.setAccessibleName("Auteurs, één per regel")
        self.authors.setPlaceholderText("Eén naam per regel")
        self.authors.setTabChangesFocus(True)
        self.authors.setFixedHeight(self.authors.fontMetrics().lineSpacing() * 4 + 12)
        self.period = self._line("Periode", "bijvoorbeeld 2027–2030")
        self.version_status = QComboBox()
        self.version_status.setEditable(True)
        self.version_status.addItems(VERSION_STATUSES)
        self.version_status.setAccessibleName("Versie en status")
        self.version_status.lineEdit().setAccessibleName("Versie en status")
        self.date = self._line("Datum", "dd-mm-jjjj")
        add_calendar(self.date)
        self.date_error = QLabel()
        self.date_error.setWordWrap(True)
        keep_room_when_hidden(self.date_error)
        self.date_error.hide()
        self.format_reference = self._line(
            "Verwijzing naar het format", "bijvoorbeeld: vraag 3B van het format van de VNG"
        )
        self.introduction = QPlainTextEdit()
        self.introduction.setAccessibleName("Inleiding")
        self.introduction.setPlaceholderText(
            "Een korte inleiding op de bijlage: waarom deze keuzes, hoe de bijlage is opgebouwd."
        )
        self.introduction.setTabChangesFocus(True)
        self.introduction.setMinimumHeight(160)
        self.introduction.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows = [
            ("&Gemeente:", self.gemeente),
            ("Tit&el:", self.title),
            ("O&ndertitel:", self.subtitle),
            ("&Auteurs:", self.authors),
            ("Per&iode:", self.period),
            ("Ve&rsie en status:", self.version_status),
            ("Datu&m:", self.date),
            ("", self.date_error),
            ("&Format-verwijzing:", self.format_reference),
            ("&Korte inleiding:", self.introduction),
        ]
        for text, widget in rows:
            if text:
                label = QLabel(text)
                label.setBuddy(widget)
                form.addRow(label, widget)
            else:
                form.addRow(widget)

        layout = QVBoxLayout(inner)
        layout.addWidget(intro)
        layout.addLayout(form, 1)
        layout.addLayout(self._build_plan_section())
        inner.setMaximumWidth(900)

        for field, widget in (
            ("gemeente", self.gemeente),
            ("title", self.title),
            ("subtitle", self.subtitle),
            ("period", self.period),
            ("format_reference", self.format_reference),
        ):
            widget.textEdited.connect(lambda text, f=field: self._push(f, text))
        self.authors.textChanged.connect(lambda: self._push("authors", _authors(self.authors.toPlainText())))
        for part in PLAN_PARTS:
            edit = self.plan_edits[part.attribute]
            edit.textChanged.connect(lambda f=part.attribute, e=edit: self._push(f, e.toPlainText()))
        self.introduction.textChanged.connect(lambda: self._push("introduction", self.introduction.toPlainText()))
        self.version_status.currentTextChanged.connect(lambda text: self._push("version_status", text))
        self.date.textEdited.connect(self._on_date_edited)
        self.date.editingFinished.connect(self._on_date_finished)

        session.metadataChanged.connect(self.refresh)
        session.projectReplaced.connect(self.refresh)
        self.refresh()

    def _build_plan_section(self) -> QVBoxLayout:
        """The plan as a whole, the parts the VNG format asks for; each optional, each its own
        section in the annex when filled."""
        section = QVBoxLayout()
        heading = QLabel("Plan")
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() + 2)
        heading.setFont(font)
        note = QLabel(
            "Onderdelen van het plan als geheel, zoals het format plan van aanpak ze vraagt. "
            "Alles is optioneel; wat u invult, komt als eigen paragraaf in de bijlage."
        )
        note.setWordWrap(True)
        section.addSpacing(12)
        section.addWidget(heading)
        section.addWidget(note)
        plan_form = QFormLayout()
        plan_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.plan_edits: dict[str, QPlainTextEdit] = {}
        # Alt+1 … Alt+5: every letter of these labels is taken on this tab already
        for number, part in enumerate(PLAN_PARTS, start=1):
            edit = QPlainTextEdit()
            edit.setObjectName(f"plan_{part.attribute}")
            edit.setAccessibleName(part.title)
            edit.setAccessibleDescription(part.question)
            edit.setPlaceholderText(part.question)
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 4 + 12)
            label = QLabel(f"&{number}. {part.title}:")
            label.setWordWrap(True)
            label.setBuddy(edit)
            plan_form.addRow(label, edit)
            self.plan_edits[part.attribute] = edit
        section.addLayout(plan_form)
        return section

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    # -- edits --------------------------------------------------------------------------------

    def _push(self, field: str, value) -> None:
        if not self._updating:
            set_project_field(self.session, field, value)

    def _on_date_edited(self, text: str) -> None:
        try:
            value = parse_date(text)
        except ValueError:
            return  # wait until the user has finished typing
        self._show_date_error("")
        self._push("date", value)

    def commit_pending(self) -> list[str]:
        """Before a save: a typed date that is not a date is refused and reported (its text and
        message stay), like the plan's budget and dates. Returns the refused field names."""
        try:
            value = parse_date(self.date.text())
        except ValueError as exc:
            self._show_date_error(str(exc))
            return [self.date.accessibleName()]
        self._show_date_error("")
        self._push("date", value)
        return []

    def _on_date_finished(self) -> None:
        try:
            parse_date(self.date.text())
        except ValueError as exc:
            self._show_date_error(str(exc))
        else:
            self._show_date_error("")

    def _show_date_error(self, message: str) -> None:
        self.date_error.setText(f"⚠ {message}" if message else "")
        self.date_error.setVisible(bool(message))
        self.date.setAccessibleDescription(message)

    # -- reading the project ------------------------------------------------------------------

    def refresh(self) -> None:
        p = self.session.project
        self._updating = True
        try:
            for widget, value in (
                (self.gemeente, p.gemeente),
                (self.title, p.title),
                (self.subtitle, p.subtitle),
                (self.period, p.period),
                (self.format_reference, p.format_reference),
            ):
                sync_line(widget, value)  # a long text shows its beginning, not its end
            if _authors(self.authors.toPlainText()) != p.authors:
                self.authors.setPlainText("\n".join(p.authors))
            if self.introduction.toPlainText() != p.introduction:
                self.introduction.setPlainText(p.introduction)
            for part in PLAN_PARTS:
                edit = self.plan_edits[part.attribute]
                if edit.toPlainText() != getattr(p, part.attribute):
                    edit.setPlainText(getattr(p, part.attribute))
            if self.version_status.currentText() != p.version_status:
                self.version_status.setCurrentText(p.version_status)
            try:
                typed = parse_date(self.date.text())
            except ValueError:
                typed = ...  # an unfinished date: only replace it when the project changed it
            if typed != p.date and not (typed is ... and self.date.hasFocus()):
                self.date.setText(format_date(p.date))
                self._show_date_error("")
        finally:
            self._updating = False
