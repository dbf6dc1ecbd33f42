"""Build the catalogue database from its text source, deterministically.

The same source always gives the same bytes: rows are inserted in a fixed order (sorted by key),
no timestamps are stored, and the file is written in ``journal_mode=DELETE`` and vacuumed. The
new database is built beside the target and moved into place only when complete, so an invalid
source or a failed build leaves the existing catalogue untouched.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.orm import Session
from sqlalchemy.schema import CreateIndex, CreateTable

from gala_desktop import atomic
from gala_desktop.catalogue import schema
from gala_desktop.catalogue.schema import (
    ActiveElementRow,
    Base,
    ConditionRow,
    InterventionRow,
    InterventionTargetGroupRow,
    InterventionThemeRow,
    ListingRow,
    MetaRow,
    SearchTextRow,
    SourceRow,
    TargetGroupRow,
    ThemeRow,
)
from gala_desktop.catalogue.queries import TEXT_LINES_SEPARATOR
from gala_desktop.catalogue.search import SYNONYMS_META_KEY
from gala_desktop.catalogue.source import CatalogueSource, load_source
from gala_desktop.catalogue.textnorm import fold, index_text, theme_index_text
from gala_desktop.domain.intervention import Intervention
from gala_desktop.domain.themes import THEMES, theme_name
from gala_desktop.domain.validity import best_level_may_have_lapsed, current_level


def build_catalogue(source_dir: Path, output: Path) -> CatalogueSource:
    """Validate ``source_dir`` and write the database to ``output``. Raises ``SourceError``."""
    source = load_source(source_dir)
    write_database(source, output)
    return source


def write_database(source: CatalogueSource, output: Path) -> None:
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    with atomic.replacing(output) as tmp:  # SQLite takes the empty file as an empty database
        journal = tmp.with_name(tmp.name + "-journal")
        try:
            _write(source, tmp)
        finally:
            atomic.remove_quietly(journal)


def _write(source: CatalogueSource, path: Path) -> None:
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=DELETE")
        cursor.execute("PRAGMA page_size=4096")
        cursor.close()

    with engine.begin() as conn:
        # Tables and indexes in a fixed order (SQLAlchemy keeps indexes in a set).
        for table in Base.metadata.sorted_tables:
            conn.execute(CreateTable(table))
            for index in sorted(table.indexes, key=lambda ix: ix.name):
                conn.execute(CreateIndex(index))
        for ddl in schema.FTS_DDL:
            conn.exec_driver_sql(ddl)
    with Session(engine) as session, session.begin():
        session.add_all(
            [
                MetaRow(key="schema_version", value=str(schema.SCHEMA_VERSION)),
                MetaRow(key="title", value=source.title),
                MetaRow(key="checked_on", value=source.checked_on.isoformat()),
                MetaRow(key=SYNONYMS_META_KEY, value=json.dumps(source.synonyms, ensure_ascii=False)),
            ]
        )
        session.add_all(
            ThemeRow(
                key=t.key, name=t.name, kind=t.kind.value, parent_key=t.parent_key,
                position=t.order, required=t.required,
            )
            for t in THEMES
        )
        session.add_all(
            TargetGroupRow(key=g.key, name=g.name, position=i)
            for i, g in enumerate(source.target_groups)
        )
        session.flush()
        ordered = sorted(source.interventions, key=lambda item: item.key)
        for row_id, intervention in enumerate(ordered, start=1):
            session.add(_row(row_id, intervention))
        session.flush()
        connection = session.connection()
        for row_id, intervention in enumerate(ordered, start=1):
            values = _fts_values(intervention)
            names = [theme_name(k) for k in intervention.theme_keys]
            marked = theme_index_text(names)
            for table, themes in (("search_trigram", marked),
                                  ("search_words", index_text(" ".join(names)))):
                connection.exec_driver_sql(
                    f"INSERT INTO {table}(rowid, {', '.join(schema.FTS_COLUMNS)}) "
                    f"VALUES (?, {', '.join('?' * len(schema.FTS_COLUMNS))})",
                    (row_id, *values, themes),
                )
            session.add(SearchTextRow(
                id=row_id, text=TEXT_LINES_SEPARATOR.join(values), themes=marked))
        session.flush()
        for table in ("search_trigram", "search_words"):
            connection.exec_driver_sql(f"INSERT INTO {table}({table}) VALUES ('optimize')")
    engine.dispose()
    raw = sqlite3.connect(path)
    try:
        raw.execute("VACUUM")
    finally:
        raw.close()


def _row(row_id: int, item: Intervention) -> InterventionRow:
    best = item.best_level
    return InterventionRow(
        id=row_id,
        key=item.key,
        name=item.name,
        sort_name=fold(item.name),
        summary=item.summary,
        aim=item.aim,
        approach=item.approach,
        target_group_text=item.target_group_text,
        owner=item.owner,
        website=item.website,
        costs_note=item.costs_note,
        checked_on=item.checked_on,
        best_level=best.value,
        best_level_rank=best.rank,
        current_level_rank=current_level(item).rank,
        level_may_have_lapsed=best_level_may_have_lapsed(item),
        theme_keys=" ".join(item.theme_keys),
        databank_keys=" ".join(d.value for d in item.databanks),
        themes=[InterventionThemeRow(theme_key=k, position=i) for i, k in enumerate(item.theme_keys)],
        target_groups=[
            InterventionTargetGroupRow(target_group_key=g.key, position=i)
            for i, g in enumerate(item.target_groups)
        ],
        listings=[
            ListingRow(
                position=i, databank=li.databank.value, level=li.level.value,
                level_rank=li.level.rank, url=li.url, recognised_on=li.recognised_on,
                committee=li.committee, under_review=li.under_review, note=li.note,
                seen_on=li.seen_on,
            )
            for i, li in enumerate(item.listings)
        ],
        conditions=[
            ConditionRow(position=i, kind=c.kind.value, text=c.text)
            for i, c in enumerate(item.conditions)
        ],
        active_elements=[
            ActiveElementRow(position=i, text=t) for i, t in enumerate(item.active_elements)
        ],
        sources=[SourceRow(position=i, url=u) for i, u in enumerate(item.sources)],
    )


def _fts_values(item: Intervention) -> tuple[str, ...]:
    """The text columns of both full-text tables, in ``FTS_COLUMNS`` order (the themes follow)."""
    groups = " ".join(g.name for g in item.target_groups)
    return (
        index_text(item.name),
        index_text(item.summary),
        index_text(item.aim),
        index_text(item.approach),
        index_text(" ".join(item.active_elements)),
        index_text(f"{item.target_group_text} {groups}"),
        index_text(item.owner),
    )
