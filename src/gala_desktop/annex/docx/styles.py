"""Paragraph styles of the Word annex.

Headings, title, lists, captions and the contents use Word's built-in styles (*Kop 1–3*,
*Titel*, *Bijschrift*, *Inhopg 1–2* in a Dutch Word), so the navigation pane, Word's own
contents and a municipal template all work. The few kinds of paragraph Word has no style for
(an introduction, a notice, a placeholder) get styles of their own, named ``GALA …``: a house
template can define them and the export then uses its look.

Without a template the defaults match the PDF: A4, the PDF's margins, one sober blue, a
sans-serif font.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Mm, Pt, RGBColor

from gala_desktop.annex.docx import ooxml
from gala_desktop.annex.model import ParagraphStyle

ACCENT = RGBColor(0x1F, 0x4E, 0x79)
MUTED = RGBColor(0x4D, 0x57, 0x61)
HEADER_FILL = "E6EDF5"
# The PDF embeds DejaVu Sans; Word uses the fonts of the computer, and every Windows, macOS and
# Office installation has Arial (LibreOffice on Linux shows the metric-equal Liberation Sans).
FONT = "Arial"
TOC_INDENT = 4  # mm: a section's entry in the contents, under its chapter

HEADING = {1: "Heading 1", 2: "Heading 2", 3: "Heading 3"}
TITLE = "Title"
SUBTITLE = "Subtitle"
CAPTION = "Caption"
TOC_HEADING = "TOC Heading"
TOC_LEVELS = {1: "toc 1", 2: "toc 2"}
LIST = "List Paragraph"
TABLE = "Table Grid"
HEADER = "Header"
FOOTER = "Footer"

# model paragraph style → Word paragraph style name
PARAGRAPH = {
    ParagraphStyle.BODY: "Normal",
    ParagraphStyle.LEAD: "GALA Inleiding",
    ParagraphStyle.NOTE: "GALA Toelichting",
    ParagraphStyle.META: "GALA Kenmerk",
    ParagraphStyle.NOTICE: "GALA Let op",
    ParagraphStyle.EMPTY: "GALA Niet ingevuld",
}
TABLE_TEXT = "GALA Tabeltekst"
TABLE_TEXT_SIZE = 8.5
NUMBER_SIZES = (8.0, 7.4, 6.8)  # tried in turn for the amounts of a wide table (as in the PDF)
CELL_PADDING = 10.8  # points: Word's default cell margins, 0.19 cm left and right
# A heading kept out of the contents that would otherwise have to be lowered to a section
# heading (it follows a chapter heading directly): looks like a sub-heading, is no outline level
SUBHEADING = "GALA Tussenkop"


def _ensure(document: DocxDocument, name: str, kind=WD_STYLE_TYPE.PARAGRAPH, base: str = "Normal"):
    """The style ``name``, added (based on ``base``) when the document has none of that name."""
    styles = document.styles
    try:
        return styles[name], False
    except KeyError:
        style = styles.add_style(name, kind)
        if kind == WD_STYLE_TYPE.PARAGRAPH:
            try:
                style.base_style = styles[base]
            except KeyError:
                pass
        return style, True


def prepare_styles(document: DocxDocument, *, house_style: bool) -> None:
    """Make sure every style the renderer names exists. With a house template its own styles
    are left as they are; only missing ones are added. Without one the default look is set."""
    if not house_style:
        _default_look(document)
    for level, name in HEADING.items():
        style, new = _ensure(document, name)
        if new:
            style.font.bold = True
            style.font.size = Pt({1: 16, 2: 13, 3: 11}[level])
            style.paragraph_format.keep_with_next = True
    for name in (TITLE, SUBTITLE, CAPTION, TOC_HEADING, LIST, HEADER, FOOTER, *TOC_LEVELS.values()):
        _ensure(document, name)
    if not house_style:
        document.styles[TOC_LEVELS[2]].paragraph_format.left_indent = Mm(TOC_INDENT)
    _ensure(document, TABLE, WD_STYLE_TYPE.TABLE, base="Normal Table")
    own = {
        PARAGRAPH[ParagraphStyle.LEAD]: dict(size=11),
        PARAGRAPH[ParagraphStyle.NOTE]: dict(size=8.5, colour=MUTED),
        PARAGRAPH[ParagraphStyle.META]: dict(size=8.5, colour=MUTED, keep=True),
        PARAGRAPH[ParagraphStyle.NOTICE]: dict(bold=True),
        PARAGRAPH[ParagraphStyle.EMPTY]: dict(italic=True, colour=MUTED),
        TABLE_TEXT: dict(size=TABLE_TEXT_SIZE, after=0),
        SUBHEADING: dict(size=10.5, bold=True, colour=ACCENT, keep=True),
    }
    for name, look in own.items():
        style, new = _ensure(document, name)
        if not new:
            continue  # the house template defines it
        font = style.font
        if "size" in look:
            font.size = Pt(look["size"])
        font.bold = look.get("bold")
        font.italic = look.get("italic")
        if "colour" in look:
            font.color.rgb = look["colour"]
        if look.get("keep"):
            style.paragraph_format.keep_with_next = True
        if "after" in look:
            style.paragraph_format.space_after = Pt(look["after"])
            style.paragraph_format.space_before = Pt(0)


def table_text_size(document: DocxDocument) -> float:
    """The size (points) of table text: the table style's own, or that of the style it is
    based on (a house template may set either), else the default."""
    style = document.styles[TABLE_TEXT]
    while style is not None:
        if style.font.size is not None:
            return style.font.size.pt
        style = style.base_style
    return TABLE_TEXT_SIZE


def _default_look(document: DocxDocument) -> None:
    """A4 with the PDF's margins, its font and its accent colour."""
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(22)
        section.top_margin, section.bottom_margin = Mm(24), Mm(22)
        section.header_distance, section.footer_distance = Mm(12), Mm(10)
    ooxml.set_compatibility_mode(document)
    ooxml.use_font_everywhere(document, FONT)
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(9.8)
    normal.paragraph_format.space_after = Pt(5)
    normal.paragraph_format.line_spacing = 1.15
    for level, size in ((1, 17), (2, 13), (3, 10.5)):
        style = styles[HEADING[level]]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = ACCENT
        style.paragraph_format.space_before = Pt({1: 20, 2: 14, 3: 9}[level])
        style.paragraph_format.space_after = Pt({1: 10, 2: 5, 3: 3}[level])
    for name, size in ((TITLE, 26), (SUBTITLE, 13)):
        style = styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.color.rgb = ACCENT if name == TITLE else MUTED
        style.font.italic = False
