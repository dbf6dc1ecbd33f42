"""The list of abbreviations of the annex: the known ones that its text actually uses."""

from __future__ import annotations

import re

from gala_desktop.annex.model import (
    Block,
    BulletList,
    Heading,
    KeyValueTable,
    Paragraph,
    Table,
    TitlePage,
    plain,
    rich_plain_text,
)

ABBREVIATIONS_ANCHOR = "afkortingen"

KNOWN: dict[str, str] = {
    "CJG": "Centrum voor Jeugd en Gezin",
    "GALA": "Gezond en Actief Leven Akkoord",
    "GGD": "Gemeentelijke Gezondheidsdienst",
    "GGZ": "Geestelijke gezondheidszorg",
    "GLI": "Gecombineerde leefstijlinterventie",
    "IZA": "Integraal Zorgakkoord",
    "JGZ": "Jeugdgezondheidszorg",
    "KCSB": "Kenniscentrum Sport & Bewegen",
    "NJi": "Nederlands Jeugdinstituut",
    "POH": "Praktijkondersteuner huisarts",
    "RIVM": "Rijksinstituut voor Volksgezondheid en Milieu",
    "SISA": "Single information, single audit (verantwoording van specifieke uitkeringen)",
    "SPUK": "Specifieke uitkering",
    "VNG": "Vereniging van Nederlandse Gemeenten",
    "Wmo": "Wet maatschappelijke ondersteuning",
}


def _texts(block: Block) -> list[str]:
    if isinstance(block, Heading):
        return [block.text]
    if isinstance(block, Paragraph):
        return [rich_plain_text(block.runs)]
    if isinstance(block, BulletList):
        return [rich_plain_text(item) for item in block.items]
    if isinstance(block, Table):
        return [*block.header, block.caption, *(rich_plain_text(c) for row in block.rows for c in row)]
    if isinstance(block, KeyValueTable):
        return [text for label, value in block.rows for text in (label, rich_plain_text(value))]
    if isinstance(block, TitlePage):
        return [block.kicker, block.title, block.subtitle, *(v for fact in block.facts for v in fact)]
    return []


def used_abbreviations(blocks: list[Block]) -> list[tuple[str, str]]:
    """The known abbreviations that occur as a word (or part of a compound such as
    ``GALA-thema``) anywhere in the blocks, in alphabetical order."""
    text = "\n".join(t for block in blocks for t in _texts(block))
    return [(short, long) for short, long in sorted(KNOWN.items(), key=lambda kv: kv[0].lower())
            if re.search(rf"(?<![\w]){re.escape(short)}(?![a-z])", text)]


def abbreviation_blocks(blocks: list[Block]) -> list[Block]:
    used = used_abbreviations(blocks)
    if not used:
        return []
    return [
        Heading(1, "Afkortingen", ABBREVIATIONS_ANCHOR),
        Table(("Afkorting", "Betekenis"), tuple((plain(s), plain(l)) for s, l in used), (1.2, 6),
              caption="Afkortingen in deze bijlage"),
    ]
