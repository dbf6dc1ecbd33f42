"""The typed read path: the catalogue through the SQLAlchemy ORM schema, read-only.

The program reads the catalogue with ``repository.Catalogue`` (plain ``sqlite3``, so SQLAlchemy
stays out of the start-up). This reader goes through the typed schema instead — the mapping a
server backend would use — and the tests hold the two to the same answers on every shipped
intervention and on a set of searches. Its search is written independently, with the facets as
``IN`` subqueries built from the ORM models, and returns every matching key.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import column, create_engine, func, select, table
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.pool import QueuePool

from gala_desktop import paths
from gala_desktop.catalogue.uri import catalogue_uri
from gala_desktop.catalogue import schema
from gala_desktop.catalogue.repository import CatalogueError, read_meta
from gala_desktop.catalogue.schema import (
    InterventionRow,
    InterventionTargetGroupRow,
    InterventionThemeRow,
    ListingRow,
    MetaRow,
    TargetGroupRow,
)
from gala_desktop.catalogue.search import build_match, build_name_match, synonyms_from_meta
from gala_desktop.domain.intervention import Condition, ConditionKind, Intervention, Listing, TargetGroup
from gala_desktop.domain.recognition import Databank, RecognitionLevel
from gala_desktop.domain.search import SearchQuery
from gala_desktop.domain.themes import THEMES


class OrmCatalogue:
    def __init__(self, engine: Engine, path: Path) -> None:
        self._engine = engine
        self.path = path
        self._target_groups: dict[str, TargetGroup] | None = None
        with Session(engine) as session:
            meta = {row.key: row.value for row in session.scalars(select(MetaRow))}
        self.title, self.checked_on = read_meta(meta, path)
        self.synonyms = synonyms_from_meta(meta)

    @classmethod
    def open(cls, path: Path | str | None = None) -> "OrmCatalogue":
        """Open a catalogue database read-only (default: the shipped one)."""
        path = Path(path) if path else paths.shipped_catalogue()
        if not path.is_file():
            raise CatalogueError(f"De interventiecatalogus is niet gevonden ({path}).")
        uri = catalogue_uri(path.resolve())

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

    def __enter__(self) -> "OrmCatalogue":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- queries ---------------------------------------------------------------------------

    def search_keys(self, query: SearchQuery) -> list[str]:
        """Every matching key (no cap, no paging), best first: bm25, then level, then name."""
        tri, word_expr = build_match(query.text, self.synonyms)
        statement = select(InterventionRow.key)
        order = []
        for name, expression in (("search_trigram", tri), ("search_words", word_expr)):
            if expression:
                fts = table(name, column("rowid"))
                statement = statement.where(
                    InterventionRow.id.in_(
                        select(fts.c.rowid).where(column(name).op("MATCH")(expression))
                    )
                )
        if tri or word_expr:
            fts_name = "search_trigram" if tri else "search_words"
            fts = table(fts_name, column("rowid"))
            scored = (
                select(
                    fts.c.rowid.label("id"),
                    func.bm25(column(fts_name), *schema.FTS_WEIGHTS).label("score"),
                )
                .where(column(fts_name).op("MATCH")(tri or word_expr))
                .subquery()
            )
            statement = statement.join(scored, scored.c.id == InterventionRow.id)
            order.append(scored.c.score)
        statement = _filtered(statement, query)
        statement = statement.order_by(
            *order, InterventionRow.current_level_rank.desc(), InterventionRow.best_level_rank.desc(),
            InterventionRow.sort_name,
        )
        with Session(self._engine) as session:
            return list(session.scalars(statement))

    def broad_keys(self, query: SearchQuery, cap: int) -> list[str]:
        """The listing order of a query with more than ``cap`` matches: the first ``cap`` (by id)
        whose name has every typed word (``build_name_match``), the higher level first, then by
        name; after them every other match by id."""
        names = table("search_words", column("rowid"))
        named_ids = _filtered(
            select(InterventionRow.id).where(
                InterventionRow.id.in_(
                    select(names.c.rowid).where(
                        column("search_words").op("MATCH")(build_name_match(query.text, self.synonyms))
                    )
                )
            ),
            query,
        ).order_by(InterventionRow.id).limit(cap)
        with Session(self._engine) as session:
            named = list(session.scalars(
                select(InterventionRow.key)
                .where(InterventionRow.id.in_(named_ids.scalar_subquery()))
                .order_by(InterventionRow.current_level_rank.desc(),
                          InterventionRow.best_level_rank.desc(), InterventionRow.sort_name)
            ))
            by_id = list(session.scalars(
                select(InterventionRow.key)
                .where(InterventionRow.key.in_(self.search_keys(query)))
                .order_by(InterventionRow.id)
            ))
        listed = set(named)
        return named + [key for key in by_id if key not in listed]

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


def _filtered(statement, query: SearchQuery):
    """``statement`` limited to the query's facets, each an ``IN`` subquery."""
    if query.theme_keys:
        themes = set(query.theme_keys) | {
            t.key for t in THEMES if t.parent_key in query.theme_keys
        }
        statement = statement.where(
            InterventionRow.id.in_(
                select(InterventionThemeRow.intervention_id).where(
                    InterventionThemeRow.theme_key.in_(sorted(themes))
                )
            )
        )
    if query.target_group_keys:
        statement = statement.where(
            InterventionRow.id.in_(
                select(InterventionTargetGroupRow.intervention_id).where(
                    InterventionTargetGroupRow.target_group_key.in_(
                        sorted(query.target_group_keys)
                    )
                )
            )
        )
    if query.min_level is not None and query.min_level.rank > 0:
        rank = (InterventionRow.best_level_rank if query.include_lapsed
                else InterventionRow.current_level_rank)
        statement = statement.where(rank >= query.min_level.rank)
    if query.databanks:
        statement = statement.where(
            InterventionRow.id.in_(
                select(ListingRow.intervention_id).where(
                    ListingRow.databank.in_(sorted(d.value for d in query.databanks))
                )
            )
        )
    return statement


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
