"""Reading a TOML file of the catalogue source and reporting its problems in Dutch, with the
file, the line (also inside the n-th ``[[table]]``) and the field. Shared by ``source.py`` and
``synonyms.py``."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gala_desktop.catalogue.toml_limits import limit_problem
from gala_desktop.file_errors import read_failure_reason

URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: veld '{self.field}': {self.message}" if self.field else f"{where}: {self.message}"


class Locator:
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


class Checker:
    def __init__(self, file: str, text: str) -> None:
        self.file = file
        self.locator = Locator(text)
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


def read_toml(path: Path, display: str) -> tuple[dict | None, str, list[Problem]]:
    if path.exists() and not path.is_file() and not path.is_dir():  # a FIFO would hang
        return None, "", [Problem(display, None, "", "dit is geen gewoon bestand (maar bijvoorbeeld "
                                  "een apparaat, een pijp of een socket)")]
    try:
        raw = path.read_bytes()
    except OSError as err:
        return None, "", [Problem(display, None, "", f"kan het bestand niet lezen: {read_failure_reason(err)}")]
    if problem := limit_problem(len(raw)):
        return None, "", [Problem(display, None, "", problem)]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None, "", [Problem(display, None, "", "het bestand is geen UTF-8-tekst")]
    if problem := limit_problem(len(raw), text):
        return None, text, [Problem(display, None, "", problem)]
    try:
        return tomllib.loads(text), text, []
    except RecursionError:  # not expected after the nesting limit; never a traceback
        return None, text, [Problem(display, None, "", "geen geldige TOML: te diep genest")]
    except tomllib.TOMLDecodeError as err:
        line = getattr(err, "lineno", None)
        match = re.search(r"line (\d+)", str(err))
        if line is None and match:
            line = int(match.group(1))
        return None, text, [Problem(display, line, "", f"geen geldige TOML: {err}")]


def table_list(check: Checker, value: Any, name: str, required: bool) -> list[dict]:
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


