"""The catalogue database schema (SQLAlchemy 2 typed ORM) and its full-text index tables."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# The version and the full-text tables are shared with the run-time reader, which must not
# import SQLAlchemy; ``tests/test_catalogue_queries.py`` checks the two sides agree.
from gala_desktop.catalogue.queries import FTS_COLUMNS, FTS_DDL, FTS_WEIGHTS, SCHEMA_VERSION

__all__ = ["FTS_COLUMNS", "FTS_DDL", "FTS_WEIGHTS", "SCHEMA_VERSION", "Base"]


class Base(DeclarativeBase):
    pass


class MetaRow(Base):
    __tablename__ = "catalogue_meta"

    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ThemeRow(Base):
    __tablename__ = "theme"

    key: Mapped[str] = mapped_column(String, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String)
    parent_key: Mapped[str | None] = mapped_column(ForeignKey("theme.key"))
    position: Mapped[int] = mapped_column(Integer)
    required: Mapped[bool] = mapped_column(Boolean)


class TargetGroupRow(Base):
    __tablename__ = "target_group"

    key: Mapped[str] = mapped_column(String, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer)


class InterventionThemeRow(Base):
    __tablename__ = "intervention_theme"
    # The facet's ids read from the index alone (a search driven by its filters).
    __table_args__ = (Index("ix_intervention_theme_theme_key", "theme_key", "intervention_id"),)

    intervention_id: Mapped[int] = mapped_column(ForeignKey("intervention.id"), primary_key=True)
    theme_key: Mapped[str] = mapped_column(ForeignKey("theme.key"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)


class InterventionTargetGroupRow(Base):
    __tablename__ = "intervention_target_group"
    __table_args__ = (
        Index("ix_intervention_target_group_target_group_key", "target_group_key", "intervention_id"),
    )

    intervention_id: Mapped[int] = mapped_column(ForeignKey("intervention.id"), primary_key=True)
    target_group_key: Mapped[str] = mapped_column(ForeignKey("target_group.key"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)


class InterventionRow(Base):
    __tablename__ = "intervention"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String, unique=True)
    name: Mapped[str] = mapped_column(Text)
    sort_name: Mapped[str] = mapped_column(Text, index=True)
    summary: Mapped[str] = mapped_column(Text)
    aim: Mapped[str] = mapped_column(Text)
    approach: Mapped[str] = mapped_column(Text)
    target_group_text: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(Text)
    website: Mapped[str] = mapped_column(Text, default="")
    costs_note: Mapped[str] = mapped_column(Text, default="")
    checked_on: Mapped[dt.date] = mapped_column(Date)
    best_level: Mapped[str] = mapped_column(String)
    best_level_rank: Mapped[int] = mapped_column(Integer, index=True)
    # The best level over the listings that have not lapsed by the peildatum (domain/validity.py).
    current_level_rank: Mapped[int] = mapped_column(Integer, index=True)
    level_may_have_lapsed: Mapped[bool] = mapped_column(Boolean)
    # Denormalised for result rows, so a search page is one query: space-separated keys in order.
    theme_keys: Mapped[str] = mapped_column(Text)
    databank_keys: Mapped[str] = mapped_column(Text)

    themes: Mapped[list[InterventionThemeRow]] = relationship(
        order_by=InterventionThemeRow.position, cascade="all, delete-orphan"
    )
    target_groups: Mapped[list[InterventionTargetGroupRow]] = relationship(
        order_by=InterventionTargetGroupRow.position, cascade="all, delete-orphan"
    )
    listings: Mapped[list["ListingRow"]] = relationship(
        order_by="ListingRow.position", cascade="all, delete-orphan"
    )
    conditions: Mapped[list["ConditionRow"]] = relationship(
        order_by="ConditionRow.position", cascade="all, delete-orphan"
    )
    active_elements: Mapped[list["ActiveElementRow"]] = relationship(
        order_by="ActiveElementRow.position", cascade="all, delete-orphan"
    )
    sources: Mapped[list["SourceRow"]] = relationship(
        order_by="SourceRow.position", cascade="all, delete-orphan"
    )


class ListingRow(Base):
    __tablename__ = "listing"
    __table_args__ = (Index("ix_listing_databank", "databank", "intervention_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    intervention_id: Mapped[int] = mapped_column(ForeignKey("intervention.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    databank: Mapped[str] = mapped_column(String)
    level: Mapped[str] = mapped_column(String)
    level_rank: Mapped[int] = mapped_column(Integer)
    url: Mapped[str] = mapped_column(Text)
    recognised_on: Mapped[str] = mapped_column(String, default="")
    committee: Mapped[str] = mapped_column(Text, default="")
    under_review: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    seen_on: Mapped[dt.date | None] = mapped_column(Date)


class ConditionRow(Base):
    __tablename__ = "condition"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    intervention_id: Mapped[int] = mapped_column(ForeignKey("intervention.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String)
    text: Mapped[str] = mapped_column(Text)


class ActiveElementRow(Base):
    __tablename__ = "active_element"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    intervention_id: Mapped[int] = mapped_column(ForeignKey("intervention.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class SourceRow(Base):
    __tablename__ = "source"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    intervention_id: Mapped[int] = mapped_column(ForeignKey("intervention.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    url: Mapped[str] = mapped_column(Text)


class SearchTextRow(Base):
    """The text of the trigram index as plain rows (the index itself keeps no text): a search
    narrowed by facet filters checks its few candidates here instead of reading the index's
    lists for every word (``catalogue/search.py``)."""

    __tablename__ = "search_text"

    id: Mapped[int] = mapped_column(ForeignKey("intervention.id"), primary_key=True)
    # The text columns of the index (``FTS_COLUMNS`` without the themes), one per line.
    text: Mapped[str] = mapped_column(Text)
    themes: Mapped[str] = mapped_column(Text)
