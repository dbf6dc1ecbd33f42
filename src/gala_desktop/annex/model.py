"""A neutral document model for the annex.

The builder turns domain objects into these blocks; each renderer (PDF now, others later) turns
the blocks into its own format. Everything here is plain text: no markup, no escaping, no
layout units. Line breaks inside a text are ``\\n``; renderers decide how to show them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of text with one look. ``url`` links outward, ``anchor`` to a heading inside.
    ``name`` marks a proper name (a person, an organisation, an intervention): renderers never
    hyphenate it."""

    text: str
    bold: bool = False
    italic: bool = False
    url: str = ""
    anchor: str = ""
    name: bool = False


Rich = tuple[Run, ...]


def plain(text: str) -> Rich:
    return (Run(text),)


def proper_name(text: str, anchor: str = "") -> Rich:
    """A name that is never hyphenated (``Lindeveen``, not ``Lin-deveen``)."""
    return (Run(text, anchor=anchor, name=True),)


def rich_plain_text(value: Rich) -> str:
    return "".join(run.text for run in value)


@dataclass(frozen=True, slots=True)
class TitlePage:
    """The cover: a small line above the title, the title, a subtitle and a list of facts."""

    kicker: str
    title: str
    subtitle: str
    facts: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Heading:
    """``level`` 1 is a chapter, 2 a section, 3 a sub-heading (not in the contents).

    ``anchor`` is a stable, ASCII-only name that links can point to.
    """

    level: int
    text: str
    anchor: str = ""
    in_contents: bool = True


class ParagraphStyle:
    BODY = "body"
    LEAD = "lead"  # a slightly larger introduction
    NOTE = "note"  # small print, explanations
    META = "meta"  # small line right under a heading, kept with what follows
    NOTICE = "notice"  # something the reader must not miss (e.g. removed from the catalogue)
    EMPTY = "empty"  # a placeholder such as "nog niet ingevuld"


@dataclass(frozen=True, slots=True)
class Paragraph:
    runs: Rich
    style: str = ParagraphStyle.BODY

    @classmethod
    def of(cls, text: str, style: str = ParagraphStyle.BODY) -> "Paragraph":
        return cls(plain(text), style)


@dataclass(frozen=True, slots=True)
class KeyValueTable:
    """Two columns: a label and its value. An empty value is shown as ``empty_text``."""

    rows: tuple[tuple[str, Rich], ...]
    empty_text: str = "nog niet ingevuld"


@dataclass(frozen=True, slots=True)
class Table:
    """A grid with one header row that repeats on every page the table spans.

    ``col_weights`` are relative widths. ``total_row`` marks the last row as a total.
    """

    header: tuple[str, ...]
    rows: tuple[tuple[Rich, ...], ...]
    col_weights: tuple[float, ...] = ()
    total_row: bool = False
    numeric_columns: tuple[int, ...] = ()  # right-aligned columns
    caption: str = ""


@dataclass(frozen=True, slots=True)
class BulletList:
    items: tuple[Rich, ...]


@dataclass(frozen=True, slots=True)
class PageBreak:
    pass


@dataclass(frozen=True, slots=True)
class TocPlaceholder:
    """Where the table of contents goes; renderers fill it from the headings."""

    title: str = "Inhoud"


Block = Union[TitlePage, Heading, Paragraph, KeyValueTable, Table, BulletList, PageBreak, TocPlaceholder]


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str
    author: str
    subject: str
    keywords: tuple[str, ...] = ()
    language: str = "nl-NL"
    running_head: str = ""  # shown on every page but the first


@dataclass(slots=True)
class Document:
    metadata: Metadata
    blocks: list[Block] = field(default_factory=list)

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)

    def headings(self) -> list[Heading]:
        return [b for b in self.blocks if isinstance(b, Heading)]
