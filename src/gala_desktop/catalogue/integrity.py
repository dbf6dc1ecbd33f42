"""Checks that a catalogue database file is whole and holds only values this program knows.

Used on a catalogue update before it is installed: ``PRAGMA integrity_check``, the expected
tables, the schema version, and every enumerated value (levels, databanks, condition kinds,
theme keys). Plain ``sqlite3``, opened read-only, so nothing is ever changed.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from gala_desktop.catalogue import queries
from gala_desktop.domain.intervention import ConditionKind
from gala_desktop.domain.recognition import Databank, RecognitionLevel
from gala_desktop.domain.themes import THEMES

EXPECTED_TABLES = frozenset(queries.TABLES) | frozenset(queries.FTS_TABLES)

# (table, column, allowed values)
_ENUM_COLUMNS = (
    ("listing", "level", frozenset(level.value for level in RecognitionLevel)),
    ("intervention", "best_level", frozenset(level.value for level in RecognitionLevel)),
    ("listing", "databank", frozenset(bank.value for bank in Databank)),
    ("condition", "kind", frozenset(kind.value for kind in ConditionKind)),
    ("intervention_theme", "theme_key", frozenset(theme.key for theme in THEMES)),
)


class IntegrityError(Exception):
    """The database is damaged or not a catalogue; ``str`` is a Dutch reason."""


@dataclass(frozen=True)
class CatalogueFacts:
    schema_version: int
    title: str
    checked_on: dt.date
    counts: dict[str, int]


COUNTED_TABLES = ("intervention", "listing", "condition", "target_group")


def read_facts(conn: sqlite3.Connection) -> CatalogueFacts:
    meta = dict(conn.execute("SELECT key, value FROM catalogue_meta"))
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED_TABLES}
    return CatalogueFacts(
        schema_version=int(meta.get("schema_version", "0")),
        title=meta.get("title", ""),
        checked_on=dt.date.fromisoformat(meta["checked_on"]),
        counts=counts,
    )


def connect_read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro&immutable=1", uri=True)


def catalogue_facts(path: Path) -> CatalogueFacts:
    """Peildatum, schema version and counts of a catalogue file (raises ``IntegrityError``)."""
    try:
        conn = connect_read_only(path)
        try:
            return read_facts(conn)
        finally:
            conn.close()
    except (sqlite3.Error, KeyError, ValueError) as err:
        raise IntegrityError("Het bestand is geen leesbare catalogus.") from err


def check_database(path: Path) -> CatalogueFacts:
    """Every check; returns the facts or raises ``IntegrityError`` with a Dutch reason."""
    try:
        conn = connect_read_only(path)
    except sqlite3.Error as err:
        raise IntegrityError("De catalogus in het bestand kan niet worden geopend.") from err
    try:
        try:
            result = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        except sqlite3.DatabaseError as err:
            raise IntegrityError("De catalogus in het bestand is beschadigd (geen geldige database).") from err
        if result != ["ok"]:
            raise IntegrityError("De catalogus in het bestand is beschadigd (integriteitscontrole mislukt).")
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        missing = sorted(EXPECTED_TABLES - tables)
        if missing:
            raise IntegrityError(
                "Het bestand bevat geen volledige catalogus: de tabel(len) "
                + ", ".join(missing) + " ontbreken."
            )
        try:
            facts = read_facts(conn)
        except (KeyError, ValueError) as err:
            raise IntegrityError("De catalogus in het bestand mist zijn peildatum of versie.") from err
        if facts.schema_version != queries.SCHEMA_VERSION:
            raise IntegrityError(
                f"De catalogus in het bestand heeft indeling {facts.schema_version}; dit programma "
                f"leest indeling {queries.SCHEMA_VERSION}."
            )
        for table, column, allowed in _ENUM_COLUMNS:
            values = {row[0] for row in conn.execute(f"SELECT DISTINCT {column} FROM {table}")}
            unknown = sorted(str(v) for v in values - allowed)
            if unknown:
                raise IntegrityError(
                    f"De catalogus in het bestand bevat waarden die dit programma niet kent "
                    f"({table}.{column}: {', '.join(unknown[:5])})."
                )
        if facts.counts["intervention"] == 0:
            raise IntegrityError("De catalogus in het bestand bevat geen interventies.")
        return facts
    except sqlite3.DatabaseError as err:
        raise IntegrityError("De catalogus in het bestand is beschadigd.") from err
    finally:
        conn.close()
