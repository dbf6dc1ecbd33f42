"""Reading and validating the catalogue's text source (``data/catalogue/``).

Every problem is collected (not just the first) and described in Dutch with its file, line and
field, so a maintainer can fix a whole file in one go. See ``docs/catalogue-format.md``.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gala_desktop.domain.formatting import is_partial_date
from gala_desktop.file_errors import read_failure_reason
from gala_desktop.domain.intervention import (
    Condition,
    ConditionKind,
    Intervention,
    Listing,
    TargetGroup,
)
from gala_desktop.domain.recognition import Databank, RecognitionLevel
from gala_desktop.domain.themes import THEMES_BY_KEY

KEY_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)

INTERVENTION_FIELDS = {
    "key": True, "name": True, "summary": True, "aim": True, "approach": True,
    "target_group": True, "owner": True, "website": False, "costs": False, "checked_on": True,
    "themes": True, "target_groups": True, "active_elements": False, "sources": True,
    "listings": True, "conditions": False,
}
LISTING_FIELDS = {
    "databank": True, "level": True, "url": True, "recognised_on": False, "committee": False,
    "under_review": False, "note": False, "seen_on": False,
}
CONDITION_FIELDS = {"kind": True, "text": True}


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: veld '{self.field}': {self.message}" if self.field else f"{where}: {self.message}"


class SourceError(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} probleem/problemen in de catalogusbron")
        self.problems = problems


@dataclass(slots=True)
class CatalogueSource:
    title: str
    checked_on: dt.date
    target_groups: list[TargetGroup]
    interventions: list[Intervention] = field(default_factory=list)


class _Locator:
    """Finds the line of a field in a TOML file, also inside the n-th ``[[table]]``."""

    _HEADER = re.compile(r"^\s*\[\[\s*([A-Za-z_]+)\s*\]\]")
    _ASSIGN = re.compile(r"^\s*([A-Za-z_]+)\s*=")

    def __init__(self, text: str) -> None:
        self.entries: list[tuple[str | None, int, str, int]] = []  # table, index, key, line
        counters: dict[str, int] = {}
        table: str | None = None
        index = -1
        for number, line in enumerate(text.splitlines(), start=1):
            if header := self._HEADER.match(line):
                table = header.group(1)
                index = counters.get(table, -1) + 1
                counters[table] = index
                self.entries.append((table, index, "", number))
            elif assign := self._ASSIGN.match(line):
                self.entries.append((table, index, assign.group(1), number))

    def line(self, key: str, table: str | None = None, index: int = -1) -> int | None:
        for t, i, k, number in self.entries:
            if t == table and (table is None or i == index) and k == key:
                return number
        if table is not None:  # the table itself, when the field is missing
            for t, i, k, number in self.entries:
                if t == table and i == index and k == "":
                    return number
        return None


class _Checker:
    def __init__(self, file: str, text: str) -> None:
        self.file = file
        self.locator = _Locator(text)
        self.problems: list[Problem] = []

    def add(self, field_path: str, message: str, key: str, table: str | None = None, index: int = -1):
        self.problems.append(Problem(self.file, self.locator.line(key, table, index), field_path, message))

    def text(self, data: dict, key: str, required: bool, path: str, table=None, index=-1) -> str:
        value = data.get(key)
        if value is None:
            if required:
                self.add(path, "ontbreekt (verplicht veld)", key, table, index)
            return ""
        if not isinstance(value, str):
            self.add(path, "moet tekst zijn", key, table, index)
            return ""
        if required and not value.strip():
            self.add(path, "is leeg", key, table, index)
        return value.strip()

    def url(self, data: dict, key: str, required: bool, path: str, table=None, index=-1) -> str:
        value = self.text(data, key, required, path, table, index)
        if value and not URL_RE.match(value):
            self.add(path, f"'{value}' is geen geldige webadres (http:// of https://)", key, table, index)
        return value

    def choice(self, data: dict, key: str, enum_type, what: str, path: str, table, index):
        """A required value that must be one of ``enum_type``'s values; ``None`` when not."""
        raw = self.text(data, key, True, path + key, table, index)
        if not raw:
            return None
        try:
            return enum_type(raw)
        except ValueError:
            allowed = ", ".join(member.value for member in enum_type)
            self.add(path + key, f"{what} '{raw}' (kies uit: {allowed})", key, table, index)
            return None

    def date(self, data: dict, key: str, required: bool, path: str, today: dt.date, table=None, index=-1):
        """A TOML date (no quotes) not in the future; ``None`` when missing or wrong."""
        value = data.get(key)
        if value is None:
            if required:
                self.add(path, "ontbreekt (verplichte datum)", key, table, index)
            return None
        if type(value) is not dt.date:
            self.add(path, "moet een datum zijn, bijvoorbeeld 2026-11-23 (zonder aanhalingstekens)", key, table, index)
            return None
        if value > today:
            self.add(path, f"datum {value.isoformat()} ligt in de toekomst", key, table, index)
        return value

    def text_list(self, data: dict, key: str, required: bool, path: str) -> list[str]:
        value = data.get(key)
        if value is None:
            if required:
                self.add(path, "ontbreekt (verplicht, minstens één waarde)", key)
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.add(path, "moet een lijst met teksten zijn", key)
            return []
        if required and not value:
            self.add(path, "is leeg (minstens één waarde nodig)", key)
        items = [v.strip() for v in value]
        if any(not v for v in items):
            self.add(path, "bevat een lege waarde", key)
        if len(set(items)) != len(items):
            self.add(path, "bevat een waarde twee keer", key)
        return [v for v in items if v]

    def unknown_fields(self, data: dict, allowed: dict, path: str, table=None, index=-1) -> None:
        for key in data:
            if key not in allowed:
                self.add(f"{path}{key}", "onbekend veld (tikfout?)", key, table, index)


def _read_toml(path: Path, display: str) -> tuple[dict | None, str, list[Problem]]:
    try:
        raw = path.read_bytes()
    except OSError as err:
        return None, "", [Problem(display, None, "", f"kan het bestand niet lezen: {read_failure_reason(err)}")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None, "", [Problem(display, None, "", "het bestand is geen UTF-8-tekst")]
    try:
        return tomllib.loads(text), text, []
    except tomllib.TOMLDecodeError as err:
        line = getattr(err, "lineno", None)
        match = re.search(r"line (\d+)", str(err))
        if line is None and match:
            line = int(match.group(1))
        return None, text, [Problem(display, line, "", f"geen geldige TOML: {err}")]


def parse_intervention(
    path: Path, target_groups: dict[str, TargetGroup], display: str | None = None,
    today: dt.date | None = None,
) -> tuple[Intervention | None, list[Problem]]:
    """Read one intervention file. Returns the intervention (None on any problem) and problems."""
    display = display or path.name
    data, text, problems = _read_toml(path, display)
    if data is None:
        return None, problems
    check = _Checker(display, text)
    check.unknown_fields(data, INTERVENTION_FIELDS, "")

    key = check.text(data, "key", True, "key")
    if key and not KEY_RE.match(key):
        check.add("key", f"'{key}' is geen geldige sleutel (kleine letters, cijfers en koppeltekens)", "key")
    elif key and key != path.stem:
        check.add("key", f"sleutel '{key}' moet gelijk zijn aan de bestandsnaam '{path.stem}'", "key")
    name = check.text(data, "name", True, "name")
    summary = check.text(data, "summary", True, "summary")
    aim = check.text(data, "aim", True, "aim")
    approach = check.text(data, "approach", True, "approach")
    target_text = check.text(data, "target_group", True, "target_group")
    owner = check.text(data, "owner", True, "owner")
    website = check.url(data, "website", False, "website")
    costs = check.text(data, "costs", False, "costs")

    today = today or dt.date.today()
    checked_on = check.date(data, "checked_on", True, "checked_on", today)

    themes = check.text_list(data, "themes", True, "themes")
    for theme in themes:
        if theme not in THEMES_BY_KEY:
            check.add("themes", f"onbekend thema '{theme}'", "themes")
    groups = check.text_list(data, "target_groups", True, "target_groups")
    for group in groups:
        if group not in target_groups:
            check.add("target_groups", f"onbekende doelgroep '{group}'", "target_groups")
    elements = check.text_list(data, "active_elements", False, "active_elements")
    sources = check.text_list(data, "sources", True, "sources")
    for url in sources:
        if not URL_RE.match(url):
            check.add("sources", f"'{url}' is geen geldig webadres (http:// of https://)", "sources")

    listings = _listings(check, data.get("listings"), today)
    conditions = _conditions(check, data.get("conditions"))

    if check.problems:
        return None, check.problems
    return (
        Intervention(
            key=key, name=name, summary=summary, aim=aim, approach=approach,
            target_group_text=target_text, owner=owner, checked_on=checked_on, website=website,
            costs_note=costs, active_elements=tuple(elements), theme_keys=tuple(themes),
            target_groups=tuple(target_groups[g] for g in groups), listings=tuple(listings),
            conditions=tuple(conditions), sources=tuple(sources),
        ),
        [],
    )


def _table_list(check: _Checker, value: Any, name: str, required: bool) -> list[dict]:
    if value is None:
        if required:
            check.add(name, "ontbreekt (minstens één [[%s]] nodig)" % name, name)
        return []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        check.add(name, "moet een lijst van tabellen zijn ([[%s]])" % name, name)
        return []
    if required and not value:
        check.add(name, "is leeg (minstens één nodig)", name)
    return value


def _listings(check: _Checker, value: Any, today: dt.date) -> list[Listing]:
    result = []
    for index, item in enumerate(_table_list(check, value, "listings", True)):
        path = f"listings[{index + 1}]."
        check.unknown_fields(item, LISTING_FIELDS, path, "listings", index)
        databank = check.choice(item, "databank", Databank, "onbekende databank", path, "listings", index)
        level = check.choice(item, "level", RecognitionLevel, "onbekend erkenningsniveau", path, "listings", index)
        url = check.url(item, "url", True, path + "url", "listings", index)
        recognised_on = check.text(item, "recognised_on", False, path + "recognised_on", "listings", index)
        if recognised_on and not is_partial_date(recognised_on):
            check.add(path + "recognised_on", f"'{recognised_on}' is geen datum als 2019, 2019-04 of 2019-04-15", "recognised_on", "listings", index)
        committee = check.text(item, "committee", False, path + "committee", "listings", index)
        note = check.text(item, "note", False, path + "note", "listings", index)
        seen_on = check.date(item, "seen_on", False, path + "seen_on", today, "listings", index)
        under_review = item.get("under_review", False)
        if not isinstance(under_review, bool):
            check.add(path + "under_review", "moet true of false zijn", "under_review", "listings", index)
            under_review = False
        if databank and level:
            result.append(Listing(databank, level, url, recognised_on, committee, under_review, note, seen_on))
    return result


def _conditions(check: _Checker, value: Any) -> list[Condition]:
    result = []
    for index, item in enumerate(_table_list(check, value, "conditions", False)):
        path = f"conditions[{index + 1}]."
        check.unknown_fields(item, CONDITION_FIELDS, path, "conditions", index)
        kind = check.choice(item, "kind", ConditionKind, "onbekende soort randvoorwaarde", path, "conditions", index)
        text = check.text(item, "text", True, path + "text", "conditions", index)
        if kind and text:
            result.append(Condition(kind, text))
    return result


def _load_target_groups(path: Path, display: str) -> tuple[list[TargetGroup], list[Problem]]:
    data, text, problems = _read_toml(path, display)
    if data is None:
        return [], problems
    check = _Checker(display, text)
    groups: list[TargetGroup] = []
    items = _table_list(check, data.get("target_group"), "target_group", True)
    for index, item in enumerate(items):
        path_ = f"target_group[{index + 1}]."
        check.unknown_fields(item, {"key": True, "name": True}, path_, "target_group", index)
        key = check.text(item, "key", True, path_ + "key", "target_group", index)
        name = check.text(item, "name", True, path_ + "name", "target_group", index)
        if key and not KEY_RE.match(key):
            check.add(path_ + "key", f"'{key}' is geen geldige sleutel", "key", "target_group", index)
        elif key in {g.key for g in groups}:
            check.add(path_ + "key", f"sleutel '{key}' komt twee keer voor", "key", "target_group", index)
        elif key and name:
            groups.append(TargetGroup(key, name))
    return groups, check.problems


def _load_meta(path: Path, display: str) -> tuple[str, dt.date | None, list[Problem]]:
    data, text, problems = _read_toml(path, display)
    if data is None:
        return "", None, problems
    check = _Checker(display, text)
    check.unknown_fields(data, {"title": True, "checked_on": True}, "")
    title = check.text(data, "title", True, "title")
    checked_on = data.get("checked_on")
    if type(checked_on) is not dt.date:
        check.add("checked_on", "moet een datum zijn, bijvoorbeeld 2026-11-23", "checked_on")
        checked_on = None
    return title, checked_on, check.problems


def load_source(directory: Path, today: dt.date | None = None) -> CatalogueSource:
    """Load and validate the whole source folder; raises ``SourceError`` with all problems."""
    directory = Path(directory)
    problems: list[Problem] = []
    if not directory.is_dir():
        raise SourceError([Problem(str(directory), None, "", "de map met de catalogusbron bestaat niet")])
    title, checked_on, meta_problems = _load_meta(directory / "catalogue.toml", "catalogue.toml")
    problems += meta_problems
    groups, group_problems = _load_target_groups(directory / "target_groups.toml", "target_groups.toml")
    problems += group_problems
    by_key = {g.key: g for g in groups}
    interventions: list[Intervention] = []
    files = sorted((directory / "interventions").glob("*.toml"))
    if not files:
        problems.append(Problem("interventions/", None, "", "geen interventiebestanden gevonden"))
    seen_names: dict[str, str] = {}
    for path in files:
        display = f"interventions/{path.name}"
        intervention, found = parse_intervention(path, by_key, display, today)
        problems += found
        if intervention:
            other = seen_names.get(intervention.name.casefold())
            if other:
                problems.append(Problem(display, None, "name", f"dezelfde naam als {other}"))
            seen_names[intervention.name.casefold()] = display
            interventions.append(intervention)
    if problems:
        raise SourceError(problems)
    return CatalogueSource(title, checked_on, groups, interventions)


def validate_path(path: Path, today: dt.date | None = None) -> list[Problem]:
    """Validate a source folder, or a single intervention file (with its folder's doelgroepen)."""
    path = Path(path)
    if path.is_dir():
        try:
            load_source(path, today)
        except SourceError as err:
            return err.problems
        return []
    if not path.exists():
        return [Problem(str(path), None, "", "het bestand bestaat niet")]
    groups_file = next(
        (p / "target_groups.toml" for p in (path.parent, path.parent.parent) if (p / "target_groups.toml").exists()),
        None,
    )
    groups: list[TargetGroup] = []
    problems: list[Problem] = []
    if groups_file is None:
        problems.append(Problem(str(path), None, "", "target_groups.toml niet gevonden naast dit bestand; doelgroepen niet gecontroleerd"))
    else:
        groups, group_problems = _load_target_groups(groups_file, groups_file.name)
        problems += group_problems
    _, found = parse_intervention(path, {g.key: g for g in groups}, str(path), today)
    return problems + found
