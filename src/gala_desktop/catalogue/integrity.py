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
from gala_desktop.catalogue.uri import catalogue_uri
from gala_desktop.domain.formatting import is_partial_date
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


def unknown_values(conn: sqlite3.Connection) -> str:
    """``listing.level: super`` for the first enumerated column holding values this program
    does not know; ``""`` when all are known."""
    for table, column, allowed in _ENUM_COLUMNS:
        values = {row[0] for row in conn.execute(f"SELECT DISTINCT {column} FROM {table}")}
        unknown = sorted(str(v) for v in values - allowed)
        if unknown:
            return f"{table}.{column}: {', '.join(unknown[:5])}"
    return ""


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
    return sqlite3.connect(catalogue_uri(Path(path).resolve()), uri=True)


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
        if unknown := unknown_values(conn):
            raise IntegrityError(
                f"De catalogus in het bestand bevat waarden die dit programma niet kent ({unknown})."
            )
        if facts.counts["intervention"] == 0:
            raise IntegrityError("De catalogus in het bestand bevat geen interventies.")
        if conn.execute(queries.WITHOUT_SEARCH_TEXT).fetchone() is not None:
            raise IntegrityError(
                "De catalogus in het bestand is onvolledig: van interventies ontbreekt de "
                "zoektekst, zodat zoeken met filters ze niet zou vinden."
            )
        return facts
    except sqlite3.DatabaseError as err:
        raise IntegrityError("De catalogus in het bestand is beschadigd.") from err
    finally:
        conn.close()


# -- the check when the program opens its catalogue ---------------------------------------------

# Columns the run-time reader relies on (``queries.py``), per table.
_READ_COLUMNS = {
    "catalogue_meta": ("key", "value"),
    "intervention": queries.INTERVENTION_COLUMNS,
    "target_group": ("key", "name", "position"),
    "search_text": ("id", "text", "themes"),
    **queries.CHILD_COLUMNS,
}
# (table, column) holding ISO dates (``NULL`` allowed); recognition dates may be partial.
_DATE_COLUMNS = (("intervention", "checked_on"), ("listing", "seen_on"))
_PARTIAL_DATE_COLUMNS = (("listing", "recognised_on"),)


def _schema_version(conn: sqlite3.Connection) -> str | None:
    """The catalogue's schema version as stored, ``""`` when absent, ``None`` when its meta
    table cannot be read (the column checks then say what is wrong)."""
    try:
        row = conn.execute("SELECT value FROM catalogue_meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else ""


def check_open(conn: sqlite3.Connection) -> None:
    """The quick check when a catalogue is opened: schema version and peildatum, expected
    tables and columns, enumerated values and dates. No full scan of the file's pages (that is
    what ``check_database`` adds for update files); measured in ``benchmarks/startup.py``.

    Raises :class:`IntegrityError` with a short Dutch reason.
    """
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        # The version first: a catalogue of another version lacks tables by design (schema 5
        # had no search_text), which is not damage.
        version = _schema_version(conn) if "catalogue_meta" in tables else None
        if version is not None and version != str(queries.SCHEMA_VERSION):
            raise IntegrityError(
                f"de catalogus heeft indeling {version or '(onbekend)'}; dit programma leest "
                f"indeling {queries.SCHEMA_VERSION}"
            )
        missing = sorted(EXPECTED_TABLES - tables)
        if missing:
            raise IntegrityError(f"de tabel(len) {', '.join(missing)} ontbreken")
        for table, columns in _READ_COLUMNS.items():
            present = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
            absent = [c for c in columns if c not in present]
            if absent:
                raise IntegrityError(f"in de tabel {table} ontbreken de kolommen {', '.join(absent)}")
        meta = dict(conn.execute("SELECT key, value FROM catalogue_meta"))  # version checked above
        try:
            dt.date.fromisoformat(meta["checked_on"])
        except (KeyError, TypeError, ValueError):
            raise IntegrityError("de peildatum van de catalogus ontbreekt of is ongeldig") from None
        if unknown := unknown_values(conn):
            raise IntegrityError(f"onbekende waarde(n) in {unknown}")
        for table, column in _DATE_COLUMNS:
            bad = conn.execute(
                f"SELECT {column} FROM {table} WHERE {column} IS NOT NULL AND "
                f"(typeof({column}) != 'text' OR date({column}) IS NOT {column}) LIMIT 1"
            ).fetchone()
            if bad is not None:
                raise IntegrityError(f"ongeldige datum in {table}.{column}: {bad[0]!r}")
        for table, column in _PARTIAL_DATE_COLUMNS:
            for (value,) in conn.execute(f"SELECT DISTINCT {column} FROM {table}"):
                if not (value == "" or isinstance(value, str) and is_partial_date(value)):
                    raise IntegrityError(f"ongeldige datum in {table}.{column}: {value!r}")
    except sqlite3.DatabaseError as err:
        raise IntegrityError("het bestand is geen leesbare catalogus") from err
