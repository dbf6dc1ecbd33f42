"""Model blocks → reportlab flowables.

Tables never hold a cell taller than a fraction of the page: a very long value is moved below
the table (reportlab cannot split a row over pages without great cost), with a pointer in the
cell.
"""

from __future__ import annotations

import functools
import re

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    ListFlowable,
    ListItem,
    Spacer,
)
from reportlab.platypus import PageBreak as RLPageBreak
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import TableStyle
from reportlab.platypus.paragraph import textTransformFrags
from reportlab.platypus.paraparser import ParaParser

from gala_desktop.annex import model
from gala_desktop.annex.number_columns import fit_number_columns
from gala_desktop.annex.pdf.keeping import SHORT_TABLE_GAP, OrphanSafeTable, ShortTable
from gala_desktop.annex.pdf.numbers import DeferredContents
from gala_desktop.annex.pdf.styles import (
    ACCENT,
    ACCENT_TINT,
    FONT,
    FONT_BOLD,
    RULE,
    ZEBRA,
    Styles,
)
from gala_desktop.annex.pdf.text import (
    SHAPING,
    chunk_runs,
    has_rtl,
    clean_line,
    markup,
    plain_length,
    shorten,
)
from gala_desktop.annex.word_breaks import breakable_runs

HEADING_LIMIT = 250  # characters of a heading shown in the text, contents and bookmarks
CELL_PADDING = 4
CELL_FONT_SIZE = 8.6  # the cell styles' size (``styles.py``)
NUMBER_SIZES = (CELL_FONT_SIZE, 8.0, 7.4, 6.8)  # tried in turn for the amounts of a wide table
SHORT_TABLE_ROWS = 6
MOVED_TEXT = "Zie de volledige tekst onder de tabel."


class CachedParagraph(RLParagraph):
    """A reportlab paragraph that remembers its line breaking for the last width.

    Layout asks a paragraph for its height many times at the same width: the frame, a table
    measuring its rows, the table again when drawing its cells, and every layout pass of the
    contents. Breaking the lines (with hyphenation) is the costly part, so it is done once per
    width. The memo is only used while reportlab's own result (``blPara``) is still the one it
    made: ``split`` drops it when a paragraph moves on, and a new width breaks anew.
    """

    _memo: tuple | None = None  # (width, line-breaking result, height)

    def _setup(self, text, style, bulletText, frags, cleaner):  # noqa: N803 - reportlab API
        # The same label, placeholder or date appears in every entry; its markup is parsed once
        # and each paragraph gets its own copies of the parsed pieces (reportlab changes them
        # while breaking lines).
        if frags is None and not bulletText and isinstance(text, str):
            parsed = _parsed(text, style, cleaner, self.caseSensitive)
            if parsed is not None:
                cleaned, style, pieces = parsed
                frags = [piece.clone() for piece in pieces]
                text = cleaned
        super()._setup(text, style, bulletText, frags, cleaner)

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab API
        memo = self._memo
        if memo is not None and memo[0] == availWidth and getattr(self, "blPara", None) is memo[1]:
            self.width = availWidth
            self.height = memo[2]
            return availWidth, memo[2]
        width, height = super().wrap(availWidth, availHeight)
        blpara = getattr(self, "blPara", None)
        self._memo = (availWidth, blpara, height) if blpara is not None else None
        return width, height


@functools.lru_cache(maxsize=4096)
def _parsed(text: str, style: ParagraphStyle, cleaner, case_sensitive: int) -> tuple | None:
    """reportlab's parse of paragraph markup, as ``Paragraph._setup`` does it; None when the
    markup carries a bullet (left to reportlab). Raises ``ValueError`` on bad markup."""
    cleaned = cleaner(text)
    parser = ParaParser()
    parser.caseSensitive = case_sensitive
    style_out, frags, bullet_frags = parser.parse(cleaned, style)
    if frags is None:
        raise ValueError(f"xml parser error ({parser.errors[0]}) in paragraph beginning\n"
                         f"'{cleaned[:30]}'")
    if bullet_frags:
        return None
    textTransformFrags(frags, style_out)
    return cleaned, style_out, tuple(frags)


# Room (points) a chapter heading needs below it on the page; less starts a new page, so a
# chapter never begins in the last strip of a page, yet no page is left half empty either.
CHAPTER_ROOM = 0.4  # of the frame height


class CaptionParagraph(CachedParagraph):
    """The caption over a table, or the label over a text moved out of a table cell: kept with
    the start of what it names, like a heading (``render._bind_headings``)."""


class HeadingParagraph(CachedParagraph):
    """A heading that registers itself in the bookmarks and the table of contents."""

    def __init__(self, text: str, style: ParagraphStyle, *, level: int, anchor: str,
                 in_contents: bool, plain_title: str) -> None:
        super().__init__(text, style)
        self.heading_level = level
        self.anchor = anchor
        self.in_contents = in_contents
        self.plain_title = plain_title


# Room (points) a heading needs below it on the page, per level; less starts a new page.
HEADING_ROOM = {2: 200.0, 3: 130.0, 4: 110.0}

LONG_TOKEN = 36  # characters; longer words and addresses are cut by position, not hyphenated
_LONG_TOKEN_RE = re.compile(r"\S{%d,}" % LONG_TOKEN)


@functools.cache
def _unhyphenated(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-plain", parent=style, hyphenationLang="",
                          embeddedHyphenation=0, uriWasteReduce=0)


@functools.cache
def _shaped(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-shaped", parent=style, shaping=1)


def style_for(runs: model.Rich, style: ParagraphStyle) -> ParagraphStyle:
    """reportlab stops cutting a word once hyphenation has split it, so a very long word or a
    web address would run off the page; such paragraphs, and proper names, are wrapped without
    hyphenation.
    Paragraphs with right-to-left letters are shaped (HarfBuzz joins Arabic letters); only
    those, as shaping costs time on every word."""
    if any(r.url or r.name for r in runs) or any(_LONG_TOKEN_RE.search(r.text) for r in runs):
        style = _unhyphenated(style)  # proper names are never hyphenated either
    if SHAPING and any(has_rtl(r.text) for r in runs):
        style = _shaped(style)
    return style


def paragraph(runs: model.Rich, style: ParagraphStyle) -> RLParagraph:
    return CachedParagraph(markup(runs), style_for(runs, style))


@functools.cache
def _continued(style: ParagraphStyle) -> ParagraphStyle:
    return ParagraphStyle(f"{style.name}-continued", parent=style, spaceAfter=0)


def paragraphs(runs: model.Rich, style: ParagraphStyle) -> list[RLParagraph]:
    """One or more flowables for one model paragraph; the pieces of a long text follow each
    other without paragraph spacing, so they read as one text."""
    chunks = chunk_runs(runs)
    return [
        paragraph(chunk, style if i == len(chunks) - 1 else _continued(style))
        for i, chunk in enumerate(chunks)
    ]


class FlowableBuilder:
    """Converts a model document's blocks, in order, into flowables for one frame width."""

    def __init__(self, styles: Styles, frame_width: float, frame_height: float) -> None:
        self.s = styles
        self.width = frame_width
        self.height = frame_height
        self._heading_count = 0

    # -- blocks --------------------------------------------------------------------------

    def build(self, block: model.Block) -> list[Flowable]:
        if isinstance(block, model.Heading):
            # keepWithNext alone lets a heading stay behind when the table after it cannot start
            # on the page; below this much room a heading starts a new page instead.
            need = HEADING_ROOM.get(block.level, 0) if block.level >= 2 else self.height * CHAPTER_ROOM
            room = [CondPageBreak(need)]
            if block.level == 2:
                rule = HRFlowable(width="100%", thickness=0.6, color=RULE, spaceBefore=10,
                                  spaceAfter=0)
                rule.keepWithNext = 1
                return room + [rule, self.heading(block)]
            return room + [self.heading(block)]
        if isinstance(block, model.Paragraph):
            return paragraphs(block.runs, self.s.paragraph_style(block.style))
        if isinstance(block, model.KeyValueTable):
            return self.key_value_table(block)
        if isinstance(block, model.Table):
            return self.table(block)
        if isinstance(block, model.BulletList):
            return self.bullets(block)
        if isinstance(block, model.PageBreak):
            return [RLPageBreak()]
        if isinstance(block, model.TitlePage):
            return self.title_page(block)
        if isinstance(block, model.TocPlaceholder):
            return self.toc(block)
        raise TypeError(f"unknown block {type(block).__name__}")

    def heading(self, block: model.Heading) -> Flowable:
        self._heading_count += 1
        style = {1: self.s.h1, 2: self.s.h2}.get(block.level, self.s.h3)
        title = shorten(clean_line(block.text, FONT_BOLD), HEADING_LIMIT)
        anchor = block.anchor or f"kop-{self._heading_count}"
        return HeadingParagraph(
            markup((model.Run(title),)),
            style,
            level=block.level,
            anchor=anchor,
            in_contents=block.in_contents and block.level <= 2,
            plain_title=title,
        )

    def title_page(self, block: model.TitlePage) -> list[Flowable]:
        out: list[Flowable] = [Spacer(1, 70)]
        out += paragraphs(model.plain(block.kicker), self.s.kicker)
        out += paragraphs(model.plain(block.title), self.s.title)
        out += paragraphs(model.plain(block.subtitle), self.s.subtitle)
        # short facts (period, date, authors): names among them are never hyphenated
        rows = tuple((label, model.proper_name(value)) for label, value in block.facts)
        out += self.key_value_table(model.KeyValueTable(rows), label_weight=0.3, zebra=False)
        return out

    def toc(self, block: model.TocPlaceholder) -> list[Flowable]:
        toc = DeferredContents(dotsMinLevel=0)
        toc.levelStyles = list(self.s.toc_levels)
        toc.dotsMinLevel = 0
        toc.tableStyle = TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
        title = CachedParagraph(markup(model.plain(block.title)), self.s.toc_title)
        return [title, toc]

    def bullets(self, block: model.BulletList) -> list[Flowable]:
        items = []
        for runs in block.items:
            items.append(ListItem(paragraphs(runs, self.s.bullet), value="•"))
        return [
            ListFlowable(
                items, bulletType="bullet", start="•", bulletFontName=FONT, bulletFontSize=9,
                bulletColor=ACCENT, leftIndent=14, spaceAfter=6,
            )
        ]

    # -- tables --------------------------------------------------------------------------

    def _too_tall(self, runs: model.Rich, width: float, font_size: float = 8.6) -> bool:
        """A generous estimate of whether a cell would take more than 40 % of a page."""
        text = "".join(r.text for r in runs)
        if plain_length(runs) > 2500:
            return True
        usable = max(width - 2 * CELL_PADDING, 10)
        lines = 0.0
        for line in text.split("\n"):
            lines += 1 + stringWidth(line, FONT, font_size) * 1.25 / usable
        return lines * font_size * 1.35 > 0.4 * self.height

    def _cell(self, runs: model.Rich, style: ParagraphStyle, width: float, moved: list,
              label: str, empty_text: str = "") -> Flowable | list[Flowable]:
        if not "".join(r.text for r in runs).strip():
            return CachedParagraph(markup(model.plain(empty_text)), self.s.cell_empty) if empty_text else ""
        if self._too_tall(runs, width):
            moved.append((label, runs))
            return CachedParagraph(markup(model.plain(MOVED_TEXT)), self.s.cell_empty)
        chunks = paragraphs(breakable_runs(runs, width - 2 * CELL_PADDING, style.fontSize), style)
        return chunks[0] if len(chunks) == 1 else chunks

    def _moved_text(self, moved: list) -> list[Flowable]:
        out: list[Flowable] = []
        for label, runs in moved:
            out.append(CaptionParagraph(markup(model.plain(shorten(label, 200))), self.s.caption))
            out += paragraphs(runs, self.s.body)
        return out

    def _widths(self, weights: tuple[float, ...], columns: int) -> list[float]:
        if len(weights) != columns:
            weights = (1.0,) * columns
        total = sum(weights)
        return [self.width * w / total for w in weights]

    def _base_style(self, header: bool, zebra: bool, rows: int) -> list:
        cmds = [
            ("FONTNAME", (0, 0), (-1, -1), FONT),
            ("FONTSIZE", (0, 0), (-1, -1), 8.6),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ]
        if header:
            cmds += [
                ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD),
                ("BACKGROUND", (0, 0), (-1, 0), ACCENT_TINT),
                ("LINEABOVE", (0, 0), (-1, 0), 0.8, ACCENT),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
            ]
        if zebra and rows > 3:
            start = 1 if header else 0
            cmds.append(("ROWBACKGROUNDS", (0, start), (-1, -1), [None, ZEBRA]))
        return cmds

    def table(self, block: model.Table) -> list[Flowable]:
        columns = len(block.header)
        widths, number_size = fit_number_columns(block, self._widths(block.col_weights, columns),
                                                 self.width, sizes=NUMBER_SIZES, padding=2 * CELL_PADDING)
        number_style = self.s.cell_right if number_size == CELL_FONT_SIZE else ParagraphStyle(
            f"CellRight{number_size}", parent=self.s.cell_right, fontSize=number_size,
            leading=self.s.cell_right.leading * number_size / CELL_FONT_SIZE)
        head = []
        for i, text in enumerate(block.header):
            style = self.s.cell_head_right if i in block.numeric_columns else self.s.cell_head
            head.append(CachedParagraph(markup(model.plain(text)), style))
        data: list[list] = [head]
        moved: list = []
        for row in block.rows:
            first = "".join(r.text for r in row[0]) if row else ""
            cells = []
            for i in range(columns):
                runs = row[i] if i < len(row) else ()
                style = number_style if i in block.numeric_columns else self.s.cell
                label = f"{block.header[i]} – {first}" if i else block.header[i]
                cells.append(self._cell(runs, style, widths[i], moved, label))
            data.append(cells)
        cmds = self._base_style(True, True, len(data))
        if block.total_row and len(data) > 2:
            cmds += [
                ("LINEABOVE", (0, -1), (-1, -1), 0.8, ACCENT),
                ("BACKGROUND", (0, -1), (-1, -1), ACCENT_TINT),
            ]
            data[-1] = [self._bold(c) for c in data[-1]]
        table = OrphanSafeTable(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle(cmds))
        out: list[Flowable] = []
        if block.caption:
            out.append(CaptionParagraph(markup(model.plain(block.caption)), self.s.caption))
        out.append(table)
        if len(block.rows) <= SHORT_TABLE_ROWS and not moved:
            out = [ShortTable(out, self.height * SHORT_TABLE_GAP)]
        return out + [Spacer(1, 8)] + self._moved_text(moved)

    def _bold(self, cell):
        if isinstance(cell, RLParagraph):
            return CachedParagraph(f"<b>{cell.text}</b>", cell.style)
        return cell

    def key_value_table(self, block: model.KeyValueTable, label_weight: float = 0.27,
                        zebra: bool = True) -> list[Flowable]:
        widths = [self.width * label_weight, self.width * (1 - label_weight)]
        data = []
        moved: list = []
        for label, runs in block.rows:
            data.append(
                [
                    CachedParagraph(markup(model.plain(shorten(label, 200))), self.s.cell_label),
                    self._cell(runs, self.s.cell, widths[1], moved, label, block.empty_text),
                ]
            )
        if not data:
            return []
        table = OrphanSafeTable(data, colWidths=widths, hAlign="LEFT")
        cmds = self._base_style(False, zebra, len(data))
        cmds.append(("LINEABOVE", (0, 0), (-1, 0), 0.4, RULE))
        table.setStyle(TableStyle(cmds))
        return [table, Spacer(1, 6)] + self._moved_text(moved)
