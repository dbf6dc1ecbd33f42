"""Reading and validating the catalogue's text source (``data/catalogue/``).

Every problem is collected (not just the first) and described in Dutch with its file, line and
field, so a maintainer can fix a whole file in one go. See ``docs/catalogue-format.md``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gala_desktop.catalogue.synonyms import load_synonyms
from gala_desktop.catalogue.toml_check import URL_RE, Checker, Problem, read_toml, table_list
from gala_desktop.domain.formatting import is_partial_date
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

INTERVENTION_FIELDS = {
    "key": True, "name": True, "summary": True, "aim": True, "approach": True,
    "target_group": True, "owner": True, "website": False, "costs": False, "checked_on": True,
    "themes": True, "target_groups": True, "active_elements": False, "sources": True,
    "listings": True, "conditions": False,
}
LISTING_FIELDS = {
    "databank": True, "level": True, "url": True, "recognised_on": False, "committee": False,
    "under_review": False, "note": False, "seen_on": True,
}
CONDITION_FIELDS = {"kind": True, "text": True}


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
    # folded word an officer types → folded phrases the catalogue text uses (synonyms.toml)
    synonyms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # theme key → why few interventions exist there (catalogue.toml, [coverage_notes])
    coverage_notes: dict[str, str] = field(default_factory=dict)


def parse_intervention(
    path: Path, target_groups: dict[str, TargetGroup], display: str | None = None,
    today: dt.date | None = None,
) -> tuple[Intervention | None, list[Problem]]:
    """Read one intervention file. Returns the intervention (None on any problem) and problems."""
    display = display or path.name
    data, text, problems = read_toml(path, display)
    if data is None:
        return None, problems
    check = Checker(display, text)
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


def _listings(check: Checker, value: Any, today: dt.date) -> list[Listing]:
    result = []
    for index, item in enumerate(table_list(check, value, "listings", True)):
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
        seen_on = check.date(item, "seen_on", True, path + "seen_on", today, "listings", index)
        under_review = item.get("under_review", False)
        if not isinstance(under_review, bool):
            check.add(path + "under_review", "moet true of false zijn", "under_review", "listings", index)
            under_review = False
        if databank and level:
            result.append(Listing(databank, level, url, recognised_on, committee, under_review, note, seen_on))
    return result


def _conditions(check: Checker, value: Any) -> list[Condition]:
    result = []
    for index, item in enumerate(table_list(check, value, "conditions", False)):
        path = f"conditions[{index + 1}]."
        check.unknown_fields(item, CONDITION_FIELDS, path, "conditions", index)
        kind = check.choice(item, "kind", ConditionKind, "onbekende soort randvoorwaarde", path, "conditions", index)
        text = check.text(item, "text", True, path + "text", "conditions", index)
        if kind and text:
            result.append(Condition(kind, text))
    return result


def _load_target_groups(path: Path, display: str) -> tuple[list[TargetGroup], list[Problem]]:
    data, text, problems = read_toml(path, display)
    if data is None:
        return [], problems
    check = Checker(display, text)
    groups: list[TargetGroup] = []
    items = table_list(check, data.get("target_group"), "target_group", True)
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


def _load_meta(path: Path, display: str) -> tuple[str, dt.date | None, dict[str, str], list[Problem]]:
    data, text, problems = read_toml(path, display)
    if data is None:
        return "", None, {}, problems
    check = Checker(display, text)
    check.unknown_fields(data, {"title": True, "checked_on": True, "coverage_notes": False}, "")
    title = check.text(data, "title", True, "title")
    checked_on = data.get("checked_on")
    if type(checked_on) is not dt.date:
        check.add("checked_on", "moet een datum zijn, bijvoorbeeld 2026-11-23", "checked_on")
        checked_on = None
    return title, checked_on, _coverage_notes(check, data.get("coverage_notes", {})), check.problems


def _coverage_notes(check: Checker, value: Any) -> dict[str, str]:
    """``[coverage_notes]``: per theme key, why the catalogue holds few interventions there."""
    if not isinstance(value, dict):
        check.add("coverage_notes", "moet een tabel zijn: [coverage_notes]", "coverage_notes")
        return {}
    notes: dict[str, str] = {}
    for key in value:
        if key not in THEMES_BY_KEY:
            check.add(f"coverage_notes.{key}", f"onbekend thema '{key}'", key)
        elif text := check.text(value, key, True, f"coverage_notes.{key}"):
            notes[key] = text
    return notes


def load_source(directory: Path, today: dt.date | None = None) -> CatalogueSource:
    """Load and validate the whole source folder; raises ``SourceError`` with all problems."""
    directory = Path(directory)
    problems: list[Problem] = []
    if not directory.is_dir():
        raise SourceError([Problem(str(directory), None, "", "de map met de catalogusbron bestaat niet")])
    title, checked_on, notes, meta_problems = _load_meta(directory / "catalogue.toml", "catalogue.toml")
    problems += meta_problems
    groups, group_problems = _load_target_groups(directory / "target_groups.toml", "target_groups.toml")
    problems += group_problems
    by_key = {g.key: g for g in groups}
    synonyms, synonym_problems = load_synonyms(directory / "synonyms.toml", "synonyms.toml")
    problems += synonym_problems
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
    return CatalogueSource(title, checked_on, groups, interventions, synonyms, notes)


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
