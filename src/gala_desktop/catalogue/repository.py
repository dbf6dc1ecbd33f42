"""Read access to a built catalogue. Opens the database read-only and returns domain objects."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from sqlalchemy import create_engine, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.pool import QueuePool

from gala_desktop.catalogue import schema
from gala_desktop.catalogue.schema import InterventionRow, MetaRow, TargetGroupRow
from gala_desktop.catalogue.search import SearchResult, search
from gala_desktop.domain.intervention import Condition, ConditionKind, Intervention, Listing, TargetGroup
from gala_desktop.domain.recognition import Databank, RecognitionLevel
from gala_desktop.domain.search import SearchQuery


class CatalogueError(Exception):
    """The catalogue cannot be opened; ``str`` is a Dutch message for the user."""


class Catalogue:
    def __init__(self, engine: Engine, path: Path) -> None:
        self._engine = engine
        self.path = path
        self._target_groups: dict[str, TargetGroup] | None = None
        with Session(engine) as session:
            meta = {row.key: row.value for row in session.scalars(select(MetaRow))}
        version = int(meta.get("schema_version", "0"))
        if version != schema.SCHEMA_VERSION:
            raise CatalogueError(
                f"De catalogus {path.name} heeft een andere indeling (versie {version}) dan dit "
                f"programma verwacht (versie {schema.SCHEMA_VERSION})."
            )
        self.title = meta.get("title", "")
        self.checked_on = dt.date.fromisoformat(meta["checked_on"])

    @classmethod
    def open(cls, path: Path | str | None = None) -> "Catalogue":
        """Open a catalogue database read-only (default: the one in use, see ``store``)."""
        if path:
            path = Path(path)
        else:
            from gala_desktop.catalogue.store import active_catalogue_path

            path = active_catalogue_path()
        if not path.is_file():
            raise CatalogueError(f"De interventiecatalogus is niet gevonden ({path}).")
        uri = path.resolve().as_uri() + "?mode=ro&immutable=1"

        def connect() -> sqlite3.Connection:
            return sqlite3.connect(uri, uri=True, check_same_thread=False)

        engine = create_engine("sqlite://", creator=connect, poolclass=QueuePool, pool_size=2)
        try:
            return cls(engine, path)
        except CatalogueError:
            engine.dispose()
            raise
        except Exception as err:  # corrupt file, not a database, missing tables
            engine.dispose()
            raise CatalogueError(
                f"De interventiecatalogus ({path.name}) is beschadigd of onleesbaar."
            ) from err

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> "Catalogue":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- queries ---------------------------------------------------------------------------

    def search(self, query: SearchQuery) -> SearchResult:
        with self._engine.connect() as conn:
            return search(conn, query)

    def count(self) -> int:
        with self._engine.connect() as conn:
            return conn.exec_driver_sql("SELECT count(*) FROM intervention").scalar_one()

    def keys(self) -> list[str]:
        with self._engine.connect() as conn:
            return list(conn.exec_driver_sql("SELECT key FROM intervention ORDER BY key").scalars())

    def get(self, key: str) -> Intervention | None:
        return self.get_many([key]).get(key)

    def get_many(self, keys) -> dict[str, Intervention]:
        keys = list(dict.fromkeys(keys))
        if not keys:
            return {}
        groups = self._groups()
        with Session(self._engine) as session:
            rows = session.scalars(
                select(InterventionRow)
                .where(InterventionRow.key.in_(keys))
                .options(*_LOAD_ALL)
            ).all()
            return {row.key: _to_domain(row, groups) for row in rows}

    def all(self) -> list[Intervention]:
        """Every intervention, ordered by key (for export and checks)."""
        groups = self._groups()
        with Session(self._engine) as session:
            rows = session.scalars(
                select(InterventionRow).order_by(InterventionRow.key).options(*_LOAD_ALL)
            ).all()
            return [_to_domain(row, groups) for row in rows]

    def target_groups(self) -> list[TargetGroup]:
        return list(self._groups().values())

    def databanks_in_use(self) -> list[Databank]:
        with self._engine.connect() as conn:
            used = set(conn.exec_driver_sql("SELECT DISTINCT databank FROM listing").scalars())
        return [d for d in Databank if d.value in used]

    def _groups(self) -> dict[str, TargetGroup]:
        if self._target_groups is None:
            with Session(self._engine) as session:
                rows = session.scalars(select(TargetGroupRow).order_by(TargetGroupRow.position))
                self._target_groups = {r.key: TargetGroup(r.key, r.name) for r in rows}
        return self._target_groups


_LOAD_ALL = (
    selectinload(InterventionRow.themes),
    selectinload(InterventionRow.target_groups),
    selectinload(InterventionRow.listings),
    selectinload(InterventionRow.conditions),
    selectinload(InterventionRow.active_elements),
    selectinload(InterventionRow.sources),
)


def _to_domain(row: InterventionRow, groups: dict[str, TargetGroup]) -> Intervention:
    return Intervention(
        key=row.key,
        name=row.name,
        summary=row.summary,
        aim=row.aim,
        approach=row.approach,
        target_group_text=row.target_group_text,
        owner=row.owner,
        checked_on=row.checked_on,
        website=row.website,
        costs_note=row.costs_note,
        active_elements=tuple(e.text for e in row.active_elements),
        theme_keys=tuple(t.theme_key for t in row.themes),
        target_groups=tuple(groups[g.target_group_key] for g in row.target_groups),
        listings=tuple(
            Listing(
                databank=Databank(li.databank),
                level=RecognitionLevel(li.level),
                url=li.url,
                recognised_on=li.recognised_on,
                committee=li.committee,
                under_review=li.under_review,
                note=li.note,
                seen_on=li.seen_on,
            )
            for li in row.listings
        ),
        conditions=tuple(Condition(ConditionKind(c.kind), c.text) for c in row.conditions),
        sources=tuple(s.url for s in row.sources),
    )
