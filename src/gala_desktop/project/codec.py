"""The ``project`` part of a project document: :class:`Project` ⇄ plain JSON-ready dicts.

Writing is a fixed, explicit field order so that files diff well. Reading is strict: a wrong
type, an unknown enum value or a missing required key raises :class:`CorruptProjectError` whose
detail says, in Dutch, what is wrong and where. Unknown extra keys are ignored (a newer minor
addition does not break an older reader) and a missing optional key gets the dataclass default.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from typing import Any, TypeVar

from gala_desktop.domain.intervention import ConditionKind
from gala_desktop.domain.own import OwnInterventionError, own_from_dict, own_to_dict
from gala_desktop.domain.project import (
    PLAN_PARTS,
    AccessAspect,
    BudgetLine,
    ChecklistItem,
    ChecklistState,
    EntryStatus,
    FundingSource,
    ImplementationPlan,
    InterventionSnapshot,
    Priority,
    Project,
    ShortlistEntry,
    ThemeChoice,
)
from gala_desktop.domain.recognition import RecognitionLevel
from gala_desktop.project.errors import CorruptProjectError

E = TypeVar("E", bound=enum.Enum)

_MISSING: Any = object()
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# ---------------------------------------------------------------------------------------------
# Writing


def _date_out(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _enum_out(value: enum.Enum | None) -> str | None:
    return value.value if value is not None else None


def snapshot_to_dict(snapshot: InterventionSnapshot) -> dict[str, Any]:
    out: dict[str, Any] = {
        "name": snapshot.name,
        "level": snapshot.level.value,
        "owner": snapshot.owner,
        "checked_on": _date_out(snapshot.checked_on),
    }
    if snapshot.own is not None:
        out["own_intervention"] = own_to_dict(snapshot.own)
    return out


def plan_to_dict(plan: ImplementationPlan) -> dict[str, Any]:
    # The access answers are written in the fixed order of the four SPUK questions.
    access = {aspect.value: plan.access[aspect] for aspect in AccessAspect if aspect in plan.access}
    return {
        "partners": plan.partners,
        "budget": [
            {"year": line.year, "source": _enum_out(line.source), "budget_cents": line.cents}
            for line in plan.budget
        ],
        "funding_source": _enum_out(plan.funding_source),
        "funding_note": plan.funding_note,
        "start": _date_out(plan.start),
        "end": _date_out(plan.end),
        "neighbourhoods": plan.neighbourhoods,
        "reach": plan.reach,
        "responsible": plan.responsible,
        "monitoring": plan.monitoring,
        "checklist": [
            {"kind": item.kind.value, "text": item.text, "state": item.state.value, "note": item.note}
            for item in plan.checklist
        ],
        "access": access,
        "notes": plan.notes,
    }


def entry_to_dict(entry: ShortlistEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "intervention_key": entry.intervention_key,
        "theme_key": entry.theme_key,
        "status": entry.status.value,
        "priority": entry.priority.value,
        "snapshot": snapshot_to_dict(entry.snapshot),
        "plan": plan_to_dict(entry.plan),
    }


def project_body_to_dict(project: Project) -> dict[str, Any]:
    """The value of the document's ``"project"`` key."""
    return {
        "gemeente": project.gemeente,
        "title": project.title,
        "subtitle": project.subtitle,
        "authors": list(project.authors),
        "period": project.period,
        "version_status": project.version_status,
        "date": _date_out(project.date),
        "format_reference": project.format_reference,
        "introduction": project.introduction,
        **{part.attribute: getattr(project, part.attribute) for part in PLAN_PARTS},
        "themes": [{"theme_key": t.theme_key, "rationale": t.rationale} for t in project.themes],
        "shortlist": [entry_to_dict(e) for e in project.shortlist],
    }


# ---------------------------------------------------------------------------------------------
# Reading


def _type_name(value: Any) -> str:
    if value is None:
        return "leeg"
    if isinstance(value, bool):
        return "ja/nee-waarde"
    if isinstance(value, int):
        return "getal"
    if isinstance(value, float):
        return "kommagetal"
    if isinstance(value, str):
        return "tekst"
    if isinstance(value, list):
        return "lijst"
    if isinstance(value, dict):
        return "groep gegevens"
    return type(value).__name__


class _Fields:
    """Typed access to one JSON object, with a Dutch description of where it sits."""

    def __init__(self, value: Any, where: str) -> None:
        if not isinstance(value, dict):
            raise CorruptProjectError(
                f"In {where} staat een {_type_name(value)} waar een groep gegevens hoort."
            )
        self.data: dict[str, Any] = value
        self.where = where

    def fail(self, key: str, problem: str) -> CorruptProjectError:
        return CorruptProjectError(f"In {self.where} {problem.format(key=f'‘{key}’')}.")

    def _get(self, key: str, default: Any) -> Any:
        if key in self.data:
            return self.data[key]
        if default is _MISSING:
            raise self.fail(key, "ontbreekt het verplichte veld {key}")
        return default

    def _wrong(self, key: str, wanted: str, value: Any) -> CorruptProjectError:
        return self.fail(key, f"moet het veld {{key}} {wanted} zijn, maar het is {_type_name(value)}")

    def text(self, key: str, default: Any = _MISSING) -> str:
        value = self._get(key, default)
        if not isinstance(value, str):
            raise self._wrong(key, "tekst", value)
        return value

    def optional_int(self, key: str) -> int | None:
        value = self._get(key, None)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise self._wrong(key, "een heel getal (of leeg)", value)
        return value

    def optional_count(self, key: str) -> int | None:
        """A whole number of zero or more (money, people), as the program itself accepts."""
        value = self.optional_int(key)
        if value is not None and value < 0:
            raise self.fail(key, f"mag het veld {{key}} niet negatief zijn, maar het is {value}")
        return value

    def optional_date(self, key: str) -> dt.date | None:
        value = self._get(key, None)
        if value is None:
            return None
        if not isinstance(value, str):
            raise self._wrong(key, "een datum (jjjj-mm-dd, of leeg)", value)
        try:
            if not _ISO_DATE.match(value):
                raise ValueError(value)
            return dt.date.fromisoformat(value)
        except ValueError:
            raise self.fail(key, f"is de datum {{key}} ongeldig: ‘{value}’") from None

    def choice(self, key: str, cls: type[E], default: Any = _MISSING) -> E:
        value = self._get(key, default)
        if isinstance(value, cls):  # the default itself
            return value
        return self._enum_value(key, cls, value)

    def optional_choice(self, key: str, cls: type[E]) -> E | None:
        value = self._get(key, None)
        return None if value is None else self._enum_value(key, cls, value)

    def _enum_value(self, key: str, cls: type[E], value: Any) -> E:
        if not isinstance(value, str):
            raise self._wrong(key, "tekst", value)
        try:
            return cls(value)
        except ValueError:
            allowed = ", ".join(f"‘{m.value}’" for m in cls)
            raise self.fail(
                key, f"heeft het veld {{key}} een onbekende waarde ‘{value}’ (toegestaan: {allowed})"
            ) from None

    def items(self, key: str, default: Any = _MISSING) -> list[Any]:
        value = self._get(key, default)
        if not isinstance(value, list):
            raise self._wrong(key, "een lijst", value)
        return value

    def mapping(self, key: str, default: Any = _MISSING) -> dict[str, Any]:
        value = self._get(key, default)
        if not isinstance(value, dict):
            raise self._wrong(key, "een groep gegevens", value)
        return value


def _snapshot_from(value: Any, where: str) -> InterventionSnapshot:
    f = _Fields(value, where)
    own = None
    if f.data.get("own_intervention") is not None:
        try:
            own = own_from_dict(f.mapping("own_intervention"), f"{where}, eigen interventie")
        except OwnInterventionError as err:
            raise CorruptProjectError(f"{err}.".replace("..", ".")) from None
    return InterventionSnapshot(
        name=f.text("name"),
        level=f.choice("level", RecognitionLevel),
        owner=f.text("owner", ""),
        checked_on=f.optional_date("checked_on"),
        own=own,
    )


def _checklist_item_from(value: Any, where: str) -> ChecklistItem:
    f = _Fields(value, where)
    return ChecklistItem(
        kind=f.choice("kind", ConditionKind),
        text=f.text("text"),
        state=f.choice("state", ChecklistState, ChecklistState.OPEN),
        note=f.text("note", ""),
    )


def _access_from(raw: dict[str, Any], where: str) -> dict[AccessAspect, str]:
    access: dict[AccessAspect, str] = {}
    holder = _Fields(raw, where)
    for key in raw:
        aspect = holder._enum_value(key, AccessAspect, key)
        access[aspect] = holder.text(key)
    return access


def _budget_line_from(value: Any, where: str) -> BudgetLine:
    f = _Fields(value, where)
    cents = f.optional_count("budget_cents")
    if cents is None:
        raise f.fail("budget_cents", "ontbreekt het bedrag {key}")
    year = f.optional_int("year")
    if year is not None and not 1900 <= year <= 2200:
        raise f.fail("year", f"is het jaar {{key}} ongeldig: {year}")
    return BudgetLine(cents, year, f.optional_choice("source", FundingSource))


def _plan_from(value: Any, where: str) -> ImplementationPlan:
    f = _Fields(value, where)
    checklist = [
        _checklist_item_from(item, f"{where}, randvoorwaarde {n}")
        for n, item in enumerate(f.items("checklist", []), start=1)
    ]
    return ImplementationPlan(
        partners=f.text("partners", ""),
        budget=[
            _budget_line_from(line, f"{where}, budgetregel {n}")
            for n, line in enumerate(f.items("budget", []), start=1)
        ],
        funding_source=f.optional_choice("funding_source", FundingSource),
        funding_note=f.text("funding_note", ""),
        start=f.optional_date("start"),
        end=f.optional_date("end"),
        neighbourhoods=f.text("neighbourhoods", ""),
        reach=f.optional_count("reach"),
        responsible=f.text("responsible", ""),
        monitoring=f.text("monitoring", ""),
        checklist=checklist,
        access=_access_from(f.mapping("access", {}), f"{where}, toegankelijkheid"),
        notes=f.text("notes", ""),
    )


def _entry_from(value: Any, number: int) -> ShortlistEntry:
    where = f"shortlist-item {number}"
    if isinstance(value, dict) and isinstance(value.get("snapshot"), dict):
        name = value["snapshot"].get("name")
        if isinstance(name, str) and name:
            where = f"shortlist-item {number} (‘{name}’)"
    f = _Fields(value, where)
    entry = ShortlistEntry(
        intervention_key=f.text("intervention_key"),
        theme_key=f.text("theme_key"),
        snapshot=_snapshot_from(f.mapping("snapshot"), f"{where}, catalogusgegevens"),
        status=f.choice("status", EntryStatus, EntryStatus.CONSIDERING),
        priority=f.choice("priority", Priority, Priority.MEDIUM),
        plan=_plan_from(f.mapping("plan", {}), f"{where}, uitvoeringsnotities"),
    )
    if "id" in f.data:  # otherwise the dataclass default gives a fresh id
        entry.id = f.text("id")
        if not entry.id:
            raise f.fail("id", "is het veld {key} leeg")
    return entry


def _theme_from(value: Any, number: int) -> ThemeChoice:
    f = _Fields(value, f"thema {number}")
    return ThemeChoice(theme_key=f.text("theme_key"), rationale=f.text("rationale", ""))


def project_body_from_dict(value: Any) -> Project:
    """Decode the value of the document's ``"project"`` key (strict, see module docstring)."""
    defaults = Project()
    f = _Fields(value, "de projectgegevens")
    authors_raw = f.items("authors", [])
    for n, author in enumerate(authors_raw, start=1):
        if not isinstance(author, str):
            raise CorruptProjectError(
                f"In de projectgegevens moet auteur {n} tekst zijn, maar het is {_type_name(author)}."
            )
    project = Project(
        gemeente=f.text("gemeente", defaults.gemeente),
        title=f.text("title", defaults.title),
        subtitle=f.text("subtitle", defaults.subtitle),
        authors=list(authors_raw),
        period=f.text("period", defaults.period),
        version_status=f.text("version_status", defaults.version_status),
        date=f.optional_date("date"),
        format_reference=f.text("format_reference", defaults.format_reference),
        introduction=f.text("introduction", defaults.introduction),
        **{part.attribute: f.text(part.attribute, "") for part in PLAN_PARTS},
        themes=[_theme_from(t, n) for n, t in enumerate(f.items("themes", []), start=1)],
        shortlist=[_entry_from(e, n) for n, e in enumerate(f.items("shortlist", []), start=1)],
    )
    _check_unique(project)
    return project


def _check_unique(project: Project) -> None:
    seen_ids: set[str] = set()
    for n, entry in enumerate(project.shortlist, start=1):
        if entry.id in seen_ids:
            raise CorruptProjectError(
                f"Shortlist-item {n} heeft hetzelfde kenmerk (‘{entry.id}’) als een eerder item."
            )
        seen_ids.add(entry.id)
    seen_themes: set[str] = set()
    for n, theme in enumerate(project.themes, start=1):
        if theme.theme_key in seen_themes:
            raise CorruptProjectError(f"Thema {n} (‘{theme.theme_key}’) staat dubbel in het project.")
        seen_themes.add(theme.theme_key)
