"""Fonts, colours and paragraph styles of the PDF annex.

One restrained accent colour, DejaVu Sans everywhere (shipped in ``resources/fonts`` and
embedded), Dutch hyphenation through pyphen. Nothing here may fall back to Helvetica: every
style and table style names a font explicitly.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from gala_desktop.annex.fonts import (
    FILES,
    FONT,
    FONT_BOLD,
    FONT_BOLD_ITALIC,
    FONT_ITALIC,
    font_file,
)
from gala_desktop.annex.word_breaks import dutch_dictionary

ACCENT = colors.HexColor("#1F4E79")  # a sober municipal blue
ACCENT_TINT = colors.HexColor("#E6EDF5")
TEXT = colors.HexColor("#1A1A1A")
MUTED = colors.HexColor("#4D5761")  # 7:1 contrast on white
RULE = colors.HexColor("#B8C2CC")
ZEBRA = colors.HexColor("#F6F8FA")
NOTICE_BG = colors.HexColor("#FFF5DB")
NOTICE_RULE = colors.HexColor("#B7791F")

PAGE_MARGIN_X = 22 * mm
PAGE_MARGIN_TOP = 24 * mm
PAGE_MARGIN_BOTTOM = 22 * mm

BODY_SIZE = 9.8


@functools.lru_cache(maxsize=65536)
def _hyphenations(word: str) -> tuple[tuple[str, str], ...]:
    return tuple(dutch_dictionary().iterate(str(word)))


def hyphenate(word: str) -> tuple[tuple[str, str], ...]:
    """Dutch hyphenation points of ``word`` as (head, tail) pairs, longest head first.

    Given to reportlab as ``hyphenationLang``: with a language name it builds a pyphen
    dictionary and hyphenates a word anew every time a line is broken; a word is looked up
    once per process here.
    """
    return _hyphenations(word)


def _hyphenator():
    """The hyphenation callable, or no hyphenation when pyphen is not installed."""
    try:
        import pyphen  # noqa: F401
    except ImportError:  # pragma: no cover - pyphen is a dependency
        return ""
    return hyphenate


HYPHENATION = _hyphenator()


@functools.cache
def register_fonts() -> None:
    """Register the shipped font family once per process (reportlab's registry is global)."""
    for name in FILES:
        pdfmetrics.registerFont(TTFont(name, str(font_file(name))))
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC
    )


@functools.cache
def font_coverage(font_name: str) -> frozenset[int]:
    """The code points a registered font has a glyph for."""
    register_fonts()
    return frozenset(pdfmetrics.getFont(font_name).face.charToGlyph)


def font_for(bold: bool, italic: bool) -> str:
    if bold and italic:
        return FONT_BOLD_ITALIC
    if bold:
        return FONT_BOLD
    return FONT_ITALIC if italic else FONT


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    lead: ParagraphStyle
    note: ParagraphStyle
    meta: ParagraphStyle
    notice: ParagraphStyle
    empty: ParagraphStyle
    bullet: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    caption: ParagraphStyle
    cell: ParagraphStyle
    cell_right: ParagraphStyle
    cell_label: ParagraphStyle
    cell_head: ParagraphStyle
    cell_head_right: ParagraphStyle
    cell_empty: ParagraphStyle
    kicker: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    toc_title: ParagraphStyle
    toc_levels: tuple[ParagraphStyle, ...]

    def paragraph_style(self, kind: str) -> ParagraphStyle:
        return {
            "lead": self.lead,
            "note": self.note,
            "meta": self.meta,
            "notice": self.notice,
            "empty": self.empty,
        }.get(kind, self.body)


def _style(name: str, **kw) -> ParagraphStyle:
    base = dict(
        fontName=FONT,
        fontSize=BODY_SIZE,
        leading=BODY_SIZE * 1.45,
        textColor=TEXT,
        alignment=TA_LEFT,
        hyphenationLang=HYPHENATION,
        embeddedHyphenation=1,
        uriWasteReduce=0.3,
        splitLongWords=1,
        allowWidows=0,
        allowOrphans=0,
    )
    base.update(kw)
    return ParagraphStyle(name, **base)


@functools.cache
def styles() -> Styles:
    register_fonts()
    cell = dict(fontSize=8.6, leading=11.4, spaceBefore=0, spaceAfter=0)
    return Styles(
        body=_style("Body", spaceAfter=6),
        lead=_style("Lead", fontSize=10.8, leading=16, spaceAfter=8),
        note=_style("Note", fontSize=8.6, leading=12, textColor=MUTED, spaceAfter=6),
        meta=_style("Meta", fontSize=8.6, leading=12, textColor=MUTED, spaceAfter=6,
                    keepWithNext=1),
        notice=_style(
            "Notice",
            backColor=NOTICE_BG,
            borderColor=NOTICE_RULE,
            borderWidth=0.6,
            borderPadding=(5, 6, 5, 6),
            leftIndent=6,
            rightIndent=6,
            spaceBefore=6,
            spaceAfter=10,
        ),
        empty=_style("Empty", fontName=FONT_ITALIC, textColor=MUTED, spaceAfter=6),
        bullet=_style("Bullet", leftIndent=14, bulletIndent=3, spaceAfter=3),
        h1=_style(
            "H1", fontName=FONT_BOLD, fontSize=17, leading=22, textColor=ACCENT,
            spaceBefore=20, spaceAfter=10, keepWithNext=1, hyphenationLang="",
        ),
        h2=_style(
            "H2", fontName=FONT_BOLD, fontSize=12.5, leading=16, textColor=ACCENT,
            spaceBefore=6, spaceAfter=5, keepWithNext=1, hyphenationLang="",
        ),
        h3=_style(
            "H3", fontName=FONT_BOLD, fontSize=10, leading=13, textColor=TEXT,
            spaceBefore=9, spaceAfter=4, keepWithNext=1,
        ),
        caption=_style(
            "Caption", fontName=FONT_BOLD, fontSize=8.6, leading=11, textColor=MUTED,
            spaceBefore=6, spaceAfter=3, keepWithNext=1,
        ),
        cell=_style("Cell", **cell),
        cell_right=_style("CellRight", alignment=TA_RIGHT, **cell),
        cell_label=_style("CellLabel", textColor=MUTED, **cell),
        cell_head=_style("CellHead", fontName=FONT_BOLD, textColor=ACCENT, **cell),
        cell_head_right=_style(
            "CellHeadRight", fontName=FONT_BOLD, textColor=ACCENT, alignment=TA_RIGHT, **cell
        ),
        cell_empty=_style("CellEmpty", fontName=FONT_ITALIC, textColor=MUTED, **cell),
        kicker=_style("Kicker", fontName=FONT_BOLD, fontSize=12, leading=16, textColor=ACCENT,
                      spaceAfter=18, hyphenationLang=""),
        title=_style("Title", fontName=FONT_BOLD, fontSize=26, leading=32, textColor=TEXT,
                     spaceAfter=12, hyphenationLang=""),
        subtitle=_style("Subtitle", fontSize=14, leading=19, textColor=MUTED, spaceAfter=36),
        toc_title=_style("TocTitle", fontName=FONT_BOLD, fontSize=17, leading=22,
                         textColor=ACCENT, spaceAfter=14),
        toc_levels=(
            _style("Toc0", fontName=FONT_BOLD, fontSize=10, leading=14, spaceBefore=7,
                   leftIndent=0, firstLineIndent=0, hyphenationLang=""),
            _style("Toc1", fontSize=9.2, leading=12.5, leftIndent=14, firstLineIndent=0,
                   hyphenationLang=""),
        ),
    )
