"""The officer's document: a beleidsvisie with chosen themes and a shortlist.

These are plain, mutable dataclasses. The program changes a project only through the mutating
methods of :class:`Project` (called by the undo commands of the operations layer); each returns
what undoing it needs. The project-file layer turns them into JSON and back.
"""

from __future__ import annotations

import copy
import datetime as dt
import enum
import os
from dataclasses import dataclass, field

from gala_desktop.domain.intervention import ConditionKind, Intervention
from gala_desktop.domain.recognition import RecognitionLevel
from gala_desktop.domain.themes import THEMES_BY_KEY


class EntryStatus(enum.Enum):
    CONSIDERING = "overwegen"
    CHOSEN = "gekozen"
    DROPPED = "afgevallen"

    @property
    def label(self) -> str:
        return {"overwegen": "Overwegen", "gekozen": "Gekozen", "afgevallen": "Afgevallen"}[self.value]


class Priority(enum.Enum):
    HIGH = "hoog"
    MEDIUM = "middel"
    LOW = "laag"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class FundingSource(enum.Enum):
    SPUK = "brede_spuk"
    IZA = "iza"
    SPORTAKKOORD = "sportakkoord"
    OWN = "eigen_middelen"
    OTHER = "anders"

    @property
    def label(self) -> str:
        return _FUNDING_LABELS[self]


_FUNDING_LABELS = {
    FundingSource.SPUK: "Brede SPUK-onderdeel",
    FundingSource.IZA: "IZA",
    FundingSource.SPORTAKKOORD: "Sportakkoord",
    FundingSource.OWN: "Eigen middelen",
    FundingSource.OTHER: "Anders",
}


class ChecklistState(enum.Enum):
    OPEN = "nog_regelen"
    ARRANGED = "geregeld"
    NOT_APPLICABLE = "nvt"

    @property
    def label(self) -> str:
        return {"nog_regelen": "Nog regelen", "geregeld": "Geregeld", "nvt": "N.v.t."}[self.value]


class AccessAspect(enum.Enum):
    """The four accessibility questions of the SPUK module."""

    AFFORDABLE = "betaalbaar"
    NEARBY = "nabij"
    UNDERSTANDABLE = "begrijpelijk"
    SUITABLE = "passend"

    @property
    def label(self) -> str:
        return {
            "betaalbaar": "Betaalbare toegang",
            "nabij": "Nabije toegang",
            "begrijpelijk": "Begrijpelijke toegang",
            "passend": "Passende toegang",
        }[self.value]

    @property
    def question(self) -> str:
        return {
            "betaalbaar": "Is de interventie betaalbaar voor de inwoners voor wie zij bedoeld is?",
            "nabij": "Is de interventie dichtbij, in de eigen wijk of kern, te volgen?",
            "begrijpelijk": "Is de informatie en aanpak begrijpelijk, ook bij beperkte "
            "(digitale) geletterdheid?",
            "passend": "Past de interventie bij de leefwereld, cultuur en mogelijkheden van de doelgroep?",
        }[self.value]


@dataclass(slots=True)
class ChecklistItem:
    """One randvoorwaarde from the catalogue, ticked off locally."""

    kind: ConditionKind
    text: str
    state: ChecklistState = ChecklistState.OPEN
    note: str = ""


@dataclass(frozen=True, slots=True)
class BudgetLine:
    """An amount budgeted for one year, or for the whole period (``year`` None, for entries
    where only the total is known), from one funding source (``source`` None: the entry's main
    funding source)."""

    cents: int
    year: int | None = None
    source: FundingSource | None = None


@dataclass(slots=True)
class ImplementationPlan:
    """The uitvoeringsnotities of one shortlist entry."""

    partners: str = ""
    budget: list[BudgetLine] = field(default_factory=list)
    funding_source: FundingSource | None = None  # the main source; the default of every line
    funding_note: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    neighbourhoods: str = ""
    reach: int | None = None
    responsible: str = ""
    monitoring: str = ""
    checklist: list[ChecklistItem] = field(default_factory=list)
    access: dict[AccessAspect, str] = field(default_factory=dict)
    notes: str = ""

    @property
    def budget_cents(self) -> int | None:
        """The total over all lines; None when no budget was given at all."""
        return sum(line.cents for line in self.budget) if self.budget else None

    @budget_cents.setter
    def budget_cents(self, cents: int | None) -> None:
        """One amount for the whole period, from the main source (replaces every line)."""
        self.budget = [] if cents is None else [BudgetLine(cents)]


@dataclass(frozen=True, slots=True)
class InterventionSnapshot:
    """The catalogue facts an entry was chosen with, kept in the project file."""

    name: str
    level: RecognitionLevel
    owner: str
    checked_on: dt.date | None = None
    # An own intervention (*eigen interventie*) is kept whole, so the project opens and exports
    # on a computer that does not have it in its library.
    own: Intervention | None = None

    @classmethod
    def of(cls, intervention: Intervention) -> "InterventionSnapshot":
        return cls(
            name=intervention.name,
            level=intervention.best_level,
            owner=intervention.owner,
            checked_on=intervention.checked_on,
            own=intervention if intervention.is_own else None,
        )


@dataclass(slots=True)
class ShortlistEntry:
    intervention_key: str
    theme_key: str
    snapshot: InterventionSnapshot
    status: EntryStatus = EntryStatus.CONSIDERING
    priority: Priority = Priority.MEDIUM
    plan: ImplementationPlan = field(default_factory=ImplementationPlan)
    id: str = field(default_factory=lambda: os.urandom(16).hex())

    @classmethod
    def for_intervention(cls, intervention: Intervention, theme_key: str) -> "ShortlistEntry":
        """A new entry whose checklist is generated from the catalogue randvoorwaarden."""
        checklist = [ChecklistItem(kind=c.kind, text=c.text) for c in intervention.conditions]
        return cls(
            intervention_key=intervention.key,
            theme_key=theme_key,
            snapshot=InterventionSnapshot.of(intervention),
            plan=ImplementationPlan(checklist=checklist),
        )


@dataclass(slots=True)
class ThemeChoice:
    theme_key: str
    rationale: str = ""


@dataclass(slots=True)
class Project:
    """A beleidsvisie. ``themes`` and ``shortlist`` keep the user's order."""

    gemeente: str = ""
    title: str = ""
    subtitle: str = "Bijlage bij de beleidsvisie sociale basis"
    authors: list[str] = field(default_factory=list)
    period: str = ""
    version_status: str = "Concept"
    date: dt.date | None = None
    format_reference: str = ""
    introduction: str = ""
    # the plan as a whole, as the VNG format asks for it (each optional; see PLAN_PARTS)
    cooperation: str = ""
    coordination: str = ""
    health_equity: str = ""
    coherence: str = ""
    evaluation: str = ""
    themes: list[ThemeChoice] = field(default_factory=list)
    shortlist: list[ShortlistEntry] = field(default_factory=list)

    def theme_choice(self, theme_key: str) -> ThemeChoice | None:
        return next((t for t in self.themes if t.theme_key == theme_key), None)

    def chosen_theme_keys(self) -> list[str]:
        return [t.theme_key for t in self.themes]

    def own_interventions(self) -> dict[str, Intervention]:
        """The own interventions kept in this project's entries, by key."""
        return {e.intervention_key: e.snapshot.own for e in self.shortlist if e.snapshot.own is not None}

    def entries_for(self, theme_key: str) -> list[ShortlistEntry]:
        """Entries of one theme, in shortlist order."""
        return [e for e in self.shortlist if e.theme_key == theme_key]

    def entry(self, entry_id: str) -> ShortlistEntry | None:
        return next((e for e in self.shortlist if e.id == entry_id), None)

    def has_entry(self, intervention_key: str, theme_key: str) -> bool:
        return any(
            e.intervention_key == intervention_key and e.theme_key == theme_key
            for e in self.shortlist
        )

    def require_entry(self, entry_id: str) -> ShortlistEntry:
        entry = self.entry(entry_id)
        if entry is None:
            raise KeyError(f"no shortlist entry with id {entry_id!r}")
        return entry

    # -- mutators: each returns what undoing it needs -----------------------------------------

    def choose_theme(self, theme_key: str, choice: ThemeChoice | None = None) -> int | None:
        """Choose a theme, placed in taxonomy order among the chosen ones (or at ``choice``'s
        remembered place when undoing). Returns its index; ``None`` when it was chosen already."""
        if self.theme_choice(theme_key) is not None:
            return None
        index = self._theme_insert_index(theme_key)
        self.themes.insert(index, choice or ThemeChoice(theme_key))
        return index

    def unchoose_theme(self, theme_key: str) -> tuple[int, ThemeChoice] | None:
        """Unchoose a theme; its entries stay (shown as "not chosen"). Returns (index, choice)
        for undo, ``None`` when it was not chosen."""
        choice = self.theme_choice(theme_key)
        if choice is None:
            return None
        index = self.themes.index(choice)
        del self.themes[index]
        return index, choice

    def restore_theme(self, index: int, choice: ThemeChoice) -> None:
        """Put an unchosen theme back exactly where it was, with its rationale."""
        self.themes.insert(index, choice)

    def _theme_insert_index(self, theme_key: str) -> int:
        theme = THEMES_BY_KEY.get(theme_key)
        if theme is None:
            return len(self.themes)
        for i, choice in enumerate(self.themes):
            other = THEMES_BY_KEY.get(choice.theme_key)
            if other is not None and other.order > theme.order:
                return i
        return len(self.themes)

    def add_entry(self, entry: ShortlistEntry, index: int | None = None) -> int:
        """Insert ``entry`` (at the end, or at ``index``); returns where it went."""
        index = len(self.shortlist) if index is None else index
        self.shortlist.insert(index, entry)
        return index

    def remove_entry(self, entry_id: str) -> tuple[int, ShortlistEntry]:
        """Remove an entry with all its plan data; returns (index, entry) to put it back."""
        entry = self.require_entry(entry_id)
        index = self.shortlist.index(entry)
        del self.shortlist[index]
        return index, entry

    def move_entry(self, entry_id: str, new_index: int) -> int:
        """Move an entry to ``new_index`` among the entries of its own theme (other themes keep
        their order). Returns its old index in the whole shortlist, for :meth:`place_entry`."""
        entry = self.require_entry(entry_id)
        old_flat_index = self.shortlist.index(entry)
        others = [e for e in self.shortlist if e.theme_key == entry.theme_key and e is not entry]
        del self.shortlist[old_flat_index]
        if not others:
            target = old_flat_index
        elif new_index < len(others):
            target = self.shortlist.index(others[max(new_index, 0)])
        else:
            target = self.shortlist.index(others[-1]) + 1
        self.shortlist.insert(target, entry)
        return old_flat_index

    def place_entry(self, entry_id: str, flat_index: int) -> None:
        """Put an entry back at ``flat_index`` of the whole shortlist (undo of a move)."""
        entry = self.require_entry(entry_id)
        self.shortlist.remove(entry)
        self.shortlist.insert(flat_index, entry)

    def value(self, ref: "ValueRef"):
        """The current value ``ref`` points at (see :class:`ValueRef`)."""
        return ref.read(self)

    def set_value(self, ref: "ValueRef", value) -> None:
        """Set one value of the project: a project field, a theme's rationale, an entry's
        status, priority or snapshot, a plan field, an access answer or a checklist item."""
        ref.write(self, value)


MISSING = object()
"""An access question without an answer (an empty answer removes it)."""


@dataclass(frozen=True, slots=True)
class ValueRef:
    """Where one value of a project lives: ``scope`` is ``project``, ``rationale`` (``owner`` =
    theme key), ``entry``, ``plan``, ``access`` or ``checklist`` (``owner`` = entry id);
    ``name`` is the attribute, the access aspect or the checklist index. A checklist value is
    the pair (state, note)."""

    scope: str
    owner: str
    name: object

    def read(self, project: Project):
        if self.scope == "project":
            return _copy_list(getattr(project, self.name))
        if self.scope == "rationale":
            return self._theme(project).rationale
        entry = project.require_entry(self.owner)
        if self.scope == "entry":
            return _copy_list(getattr(entry, self.name))
        if self.scope == "plan":
            return _copy_list(getattr(entry.plan, self.name))
        if self.scope == "access":
            return entry.plan.access.get(self.name, MISSING)
        if self.scope == "checklist":
            item = entry.plan.checklist[self.name]
            return item.state, item.note
        raise ValueError(f"unknown scope {self.scope!r}")

    def write(self, project: Project, value) -> None:
        if self.scope == "project":
            setattr(project, self.name, _copy_list(value))
            return
        if self.scope == "rationale":
            self._theme(project).rationale = value
            return
        entry = project.require_entry(self.owner)
        if self.scope == "entry":
            setattr(entry, self.name, _copy_list(value))
        elif self.scope == "plan":
            setattr(entry.plan, self.name, _copy_list(value))
        elif self.scope == "access":
            if value is MISSING or value == "":
                entry.plan.access.pop(self.name, None)
            else:
                entry.plan.access[self.name] = value
        elif self.scope == "checklist":
            item = entry.plan.checklist[self.name]
            item.state, item.note = value
        else:
            raise ValueError(f"unknown scope {self.scope!r}")

    def _theme(self, project: Project) -> ThemeChoice:
        choice = project.theme_choice(self.owner)
        if choice is None:
            raise KeyError(f"theme {self.owner!r} is not chosen")
        return choice


def _copy_list(value):
    """Lists (authors, a checklist) are copied item by item, so an edit never shares them."""
    if isinstance(value, list):
        return [copy.copy(v) for v in value]
    return value


@dataclass(frozen=True, slots=True)
class PlanPart:
    """One plan-level part of the VNG *format plan van aanpak*: a free text on the project."""

    attribute: str
    title: str
    question: str


PLAN_PARTS: tuple[PlanPart, ...] = (
    PlanPart("cooperation", "Samenwerking",
             "Met wie werkt de gemeente samen: het kernteam en de partners?"),
    PlanPart("coordination", "Coördinatie",
             "Wie coördineert de uitvoering, en hoe worden afspraken bewaakt?"),
    PlanPart("health_equity", "Bereik van inwoners met gezondheidsachterstanden",
             "Hoe bereikt de aanpak de inwoners met de grootste gezondheidsachterstanden?"),
    PlanPart("coherence", "Samenhang tussen de onderdelen",
             "Hoe versterken de gekozen interventies en thema's elkaar?"),
    PlanPart("evaluation", "Monitoring en evaluatie",
             "Hoe volgt en evalueert de gemeente het plan als geheel?"),
)
