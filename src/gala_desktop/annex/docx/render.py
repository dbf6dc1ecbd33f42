"""Render an annex document model as a Word document (``.docx``) to edit further.

Real Word structure, so that Word's navigation pane, its contents, its accessibility checker and
*Opslaan als PDF* with document-structure tags all work: built-in heading styles without skipped
levels, a ``TOC`` field, tables whose first row is a marked, repeating header row, a bookmark on
every heading with internal hyperlinks to it, bullet lists as numbered paragraphs, page numbers
as ``PAGE``/``NUMPAGES`` fields, the document language and the core properties.

The file is written like the PDF, through ``annex.output.annex_file``: to a temporary file in
the target folder, moved into place at the end; a cancel or failure leaves nothing behind and
never touches an existing file.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Callable
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.shared import Emu, Pt, Twips
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph

from gala_desktop.annex import model
from gala_desktop.annex.docx import ooxml
from gala_desktop.annex.docx import styles as st
from gala_desktop.annex.errors import AnnexExportError, ExportCancelled
from gala_desktop.annex.number_columns import fit_number_columns
from gala_desktop.annex.output import annex_file
from gala_desktop.annex.renderer import PROGRESS_TOTAL, ProgressCallback
from gala_desktop.annex.word_breaks import breakable

__all__ = ["render_docx", "TemplateError"]

TOC_INSTRUCTION = 'TOC \\o "1-2" \\h \\z \\u'
TALL_ROW = 0.4  # of the page's text height: a table row taller than this may break across pages


class TemplateError(AnnexExportError):
    """The chosen house-style template could not be used."""


def _clean(text: str) -> str:
    """Text XML 1.0 can hold: control characters (except tab and newline) and surrogates go."""
    return "".join(
        ch for ch in text
        if ch in "\t\n" or (ord(ch) >= 0x20 and not 0xD800 <= ord(ch) <= 0xDFFF
                            and ch not in "\ufffe\uffff")
    )


class _Writer:
    """Walks the model blocks once and appends them to a python-docx document."""

    def __init__(self, document: DocxDocument, meta: model.Metadata, house_style: bool) -> None:
        self.doc = document
        self.meta = meta
        self.house_style = house_style
        self.bullets = ooxml.bullet_numbering(document)
        self._bookmark_id = 0
        self._last_level = 0
        self._pending_page_break = False
        self._headings: list[model.Heading] = []
        # style name → id, looked up once (python-docx searches all styles on every lookup)
        self._style_ids = {style.name: style.style_id for style in document.styles}
        section = document.sections[-1]
        self.text_width = Emu(section.page_width - section.left_margin - section.right_margin)
        self.text_height = Emu(section.page_height - section.top_margin - section.bottom_margin)
        self._table_text_size = st.table_text_size(document)

    # -- blocks ------------------------------------------------------------------------

    def write(self, blocks: list[model.Block], step: Callable[[], None]) -> None:
        self._headings = [b for b in blocks if isinstance(b, model.Heading)]
        for block in blocks:
            if isinstance(block, model.PageBreak):
                self._pending_page_break = True
            elif isinstance(block, model.TitlePage):
                self.title_page(block)
            elif isinstance(block, model.TocPlaceholder):
                self.contents(block)
            elif isinstance(block, model.Heading):
                self.heading(block)
            elif isinstance(block, model.Paragraph):
                self.paragraph(block.runs, st.PARAGRAPH.get(block.style, "Normal"))
            elif isinstance(block, model.BulletList):
                for item in block.items:
                    p = self.paragraph(item, st.LIST)
                    ooxml.set_numbering(p, self.bullets)
            elif isinstance(block, model.Table):
                self.table(block)
            elif isinstance(block, model.KeyValueTable):
                self.key_value_table(block)
            step()

    def add(self, style: str, text: str = "") -> DocxParagraph:
        p = self.doc.add_paragraph(text)
        self.set_style(p, style)
        return p

    def set_style(self, p: DocxParagraph, style: str) -> None:
        p._p.style = self._style_ids[style] if style != "Normal" else None

    def _new_paragraph(self, style: str) -> DocxParagraph:
        p = self.add(style)
        if self._pending_page_break:
            p.paragraph_format.page_break_before = True
            self._pending_page_break = False
        return p

    def paragraph(self, runs: model.Rich, style: str) -> DocxParagraph:
        p = self._new_paragraph(style)
        self.add_runs(p, runs)
        return p

    def add_runs(self, p: DocxParagraph, runs: model.Rich, *, bold: bool = False,
                 size: float | None = None, room: float | None = None) -> None:
        """``room``: the width (points) of the table cell the runs go in, if any: a word wider
        than that gets soft hyphens (``breakable``), unless it is part of a name or a link."""
        for run in runs:
            text = _clean(run.text)
            if not text:
                continue
            if room is not None and not (run.name or run.anchor or run.url):
                text = breakable(text, room, size or self._table_text_size)  # too wide: soft hyphens
            if run.anchor:
                ooxml.add_hyperlink(p, text, anchor=ooxml.bookmark_name(run.anchor),
                                    bold=run.bold or bold, italic=run.italic)
            elif run.url and run.url.strip().lower().startswith(("http://", "https://", "mailto:")):
                # a space is no part of a web address: written as %20, as in the PDF
                url = "%20".join(_clean(run.url).split())
                ooxml.add_hyperlink(p, text, url=url, bold=run.bold or bold, italic=run.italic)
            else:
                r = p.add_run(text)
                r.bold = run.bold or bold or None
                r.italic = run.italic or None
                if size is not None:
                    r.font.size = Pt(size)

    def heading(self, block: model.Heading) -> None:
        # Never skip a level (a screen reader user navigates by them): a sub-heading right
        # under a chapter heading becomes a section heading, unless it is kept out of the
        # contents: then it is a sub-heading paragraph, not a level of the outline (Word's
        # contents field and navigation pane would list it beside the sections).
        if not block.in_contents and block.level > self._last_level + 1:
            p = self.paragraph(model.plain(block.text), st.SUBHEADING)
            if block.anchor:
                self._bookmark_id += 1
                ooxml.add_bookmark(p, ooxml.bookmark_name(block.anchor), self._bookmark_id)
            return
        level = min(block.level, self._last_level + 1, 3)
        self._last_level = level
        p = self.paragraph(model.plain(block.text), st.HEADING[level])
        if block.anchor:
            self._bookmark_id += 1
            ooxml.add_bookmark(p, ooxml.bookmark_name(block.anchor), self._bookmark_id)

    def title_page(self, block: model.TitlePage) -> None:
        kicker = self._new_paragraph("Normal")
        kicker.add_run(_clean(block.kicker)).bold = True
        title = self.add(st.TITLE, _clean(block.title))
        title.paragraph_format.space_before = Pt(120)
        self.add(st.SUBTITLE, _clean(block.subtitle))
        for label, value in block.facts:
            p = self.add("Normal")
            p.add_run(f"{_clean(label)}: ").bold = True
            p.add_run(_clean(value))

    def contents(self, block: model.TocPlaceholder) -> None:
        """A ``TOC`` field; its cached result lists the chapters and sections as links, so the
        contents are there before Word refreshes the field (it asks to when the file opens)."""
        self.paragraph(model.plain(block.title), st.TOC_HEADING)
        entries = [h for h in self._headings if h.in_contents and h.level <= 2]
        if not entries:
            p = self.add("Normal")
            ooxml.add_field(p, TOC_INSTRUCTION, "Werk dit veld bij om de inhoudsopgave te zien.")
            return
        for n, heading in enumerate(entries):
            p = self.add(st.TOC_LEVELS[heading.level])
            if n == 0:
                ooxml.begin_field(p, TOC_INSTRUCTION)
            ooxml.add_hyperlink(p, _clean(heading.text), anchor=ooxml.bookmark_name(heading.anchor),
                                style=None)
        ooxml.end_field(p)

    def _widths(self, weights: tuple[float, ...], cols: int) -> list[float]:
        """Column widths in points from relative weights, filling the text width."""
        weights = weights if len(weights) == cols else (1.0,) * cols
        total = sum(weights)
        return [self.text_width.pt * w / total for w in weights]

    def _table(self, rows: int, widths: list[float]) -> DocxTable:
        if self._pending_page_break:  # the break goes on a paragraph before the table
            self._new_paragraph("Normal")
        table = self.doc.add_table(rows=rows, cols=len(widths))
        table._tbl.tblStyle_val = self._style_ids[st.TABLE]
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        widths = [Emu(int(Pt(w))) for w in widths]
        for column, width in zip(table.columns, widths):
            column.width = width
        for row in table.rows:
            for cell, width in zip(row.cells, widths):
                cell.width = width
        return table

    def _cell(self, cell, runs: model.Rich, width: float, *, bold: bool = False,
              right: bool = False, empty: str = "", size: float | None = None) -> None:
        p = cell.paragraphs[0]
        self.set_style(p, st.TABLE_TEXT)
        if right:
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if not model.rich_plain_text(runs).strip() and empty:
            runs = (model.Run(empty, italic=True),)
        self.add_runs(p, runs, bold=bold, size=size, room=width - st.CELL_PADDING)

    def table(self, block: model.Table) -> None:
        cols = len(block.header)
        if block.caption:  # above the table, as in the PDF, and kept with it
            caption = self.paragraph(model.plain(block.caption), st.CAPTION)
            ooxml.keep_with_next(caption)
        cell_size = self._table_text_size
        widths, number_size = fit_number_columns(
            block, self._widths(block.col_weights, cols), self.text_width.pt,
            sizes=tuple(s for s in (cell_size, *st.NUMBER_SIZES) if s <= cell_size),
            padding=st.CELL_PADDING)
        amounts = None if number_size == cell_size else number_size
        table = self._table(len(block.rows) + 1, widths)
        for i, (cell, text) in enumerate(zip(table.rows[0].cells, block.header)):
            self._cell(cell, model.plain(text), widths[i], bold=True, right=i in block.numeric_columns)
            if not self.house_style:
                ooxml.shade_cell(cell, st.HEADER_FILL)
        for r, row in enumerate(block.rows, start=1):
            is_total = block.total_row and r == len(block.rows)
            for i, (cell, runs) in enumerate(zip(table.rows[r].cells, row)):
                numeric = i in block.numeric_columns
                self._cell(cell, runs, widths[i], bold=is_total, right=numeric,
                           size=amounts if numeric else None)
        ooxml.mark_header_row(table)
        ooxml.keep_rows_whole(table, self._tall_rows([tuple(map(model.plain, block.header)), *block.rows],
                                                     widths))
        ooxml.set_table_look(table, first_row=True, first_column=False, last_row=block.total_row)
        ooxml.set_table_caption(table, block.caption or " · ".join(block.header))
        self._spacer()

    def key_value_table(self, block: model.KeyValueTable) -> None:
        """Label and value: a two-column table whose first column names each row."""
        widths = self._widths((0.3, 0.7), 2)
        table = self._table(len(block.rows), widths)
        for row, (label, value) in zip(table.rows, block.rows):
            self._cell(row.cells[0], model.plain(label), widths[0], bold=True)
            self._cell(row.cells[1], value, widths[1], empty=block.empty_text)
        ooxml.keep_rows_whole(table, self._tall_rows([(model.plain(label), value) for label, value in block.rows],
                                                     widths))
        ooxml.set_table_look(table, first_row=False, first_column=True, last_row=False)
        ooxml.set_table_caption(table, ", ".join(label for label, _ in block.rows[:4]))
        self._spacer()

    def _tall_rows(self, rows: list[tuple[model.Rich, ...]], widths: list[float]) -> frozenset[int]:
        """The rows whose text would take more than ``TALL_ROW`` of the page's text height: they
        may break across pages. Word cuts off a row that may not break and is taller than the
        page (a long monitoring text, a long note). The height is estimated on the safe side:
        a character as wide as an average one of the bold face (0.65 em), no room lost where a
        line breaks."""
        size = self._table_text_size
        line = size * 1.15 * 1.2  # the table text's line spacing, with the font's own leading
        limit = self.text_height.pt * TALL_ROW
        tall = set()
        for number, row in enumerate(rows):
            for runs, width in zip(row, widths):
                room = max(width - st.CELL_PADDING, 1.0)
                text = model.rich_plain_text(runs)
                lines = sum(max(1, math.ceil(len(part) * size * 0.65 / room))
                            for part in text.split("\n"))
                if lines * line > limit:
                    tall.add(number)
                    break
        return frozenset(tall)

    def _spacer(self) -> None:
        p = self.add("Normal")
        p.paragraph_format.space_after = Pt(2)

    # -- page furniture and properties ---------------------------------------------------

    def furniture(self) -> None:
        """Running head and "pagina X van Y" on every page but the cover. A house template's
        own header and footer are kept; page numbers are added only if its footer has none."""
        section = self.doc.sections[-1]
        section.different_first_page_header_footer = True
        header, footer = section.header, section.footer
        if not self.house_style or not _has_text(header.paragraphs):
            p = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
            p.text = ""
            p.style = self.doc.styles[st.HEADER]
            r = p.add_run(_clean(self.meta.running_head))
            r.bold = True
            if not self.house_style:
                r.font.size = Pt(7.8)
                r.font.color.rgb = st.ACCENT
        if not self.house_style or not _has_page_field(footer):
            p = footer.paragraphs[0] if not _has_text(footer.paragraphs) else footer.add_paragraph()
            p.style = self.doc.styles[st.FOOTER]
            if not self.house_style:
                # the subject left, the page number against the right margin (one tab stop)
                tabs = p.paragraph_format.tab_stops
                for position in (Twips(4680), Twips(9360)):  # the Footer style's own stops
                    tabs.add_tab_stop(position, WD_TAB_ALIGNMENT.CLEAR)
                tabs.add_tab_stop(self.text_width, WD_TAB_ALIGNMENT.RIGHT)
                p.add_run(_clean(self.meta.subject) + "\t")
            p.add_run("pagina ")
            ooxml.add_field(p, "PAGE", "1")
            p.add_run(" van ")
            ooxml.add_field(p, "NUMPAGES", "1")
            if not self.house_style:
                for run in p.runs:
                    run.font.size = Pt(7.8)
                    run.font.color.rgb = st.MUTED

    def properties(self) -> None:
        props = self.doc.core_properties
        # python-docx (like Word's dialog) takes at most 255 characters per property
        props.title = _fit(self.meta.title)
        props.author = _fit(self.meta.author)
        props.subject = _fit(self.meta.subject)
        props.keywords = _fit(", ".join(self.meta.keywords))
        props.comments = ""
        props.last_modified_by = _fit(self.meta.author)
        props.category = "Bijlage beleidsvisie sociale basis"
        props.revision = 1
        now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0, tzinfo=None)
        props.created = props.modified = now
        ooxml.set_language(self.doc, self.meta.language)
        ooxml.update_fields_on_open(self.doc)
        ooxml.own_package_properties(self.doc)


def _fit(text: str, limit: int = 255) -> str:
    text = " ".join(_clean(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _has_text(paragraphs) -> bool:
    return any(p.text.strip() for p in paragraphs)


def _has_page_field(part) -> bool:
    xml = part._element.xml
    return " PAGE " in xml or "PAGE \\" in xml or 'w:instr="PAGE' in xml or "w:fldSimple" in xml


def build_docx(document: model.Document, *, template: Path | None = None,
               step: Callable[[], None] = lambda: None) -> bytes:
    """The Word document for ``document``, as bytes."""
    try:
        word = ooxml.open_template(template)
    except Exception as err:  # noqa: BLE001 - any broken file (OSError, KeyError, ValueError, zip errors)
        if template is None:
            raise
        raise TemplateError(
            f"De huisstijlsjabloon {Path(template).name} kon niet worden gebruikt: het is geen "
            "leesbaar Word-document of -sjabloon (.docx of .dotx). Kies een ander sjabloon of "
            "exporteer zonder sjabloon."
        ) from err
    st.prepare_styles(word, house_style=template is not None)
    writer = _Writer(word, document.metadata, house_style=template is not None)
    writer.write(document.blocks, step)
    writer.furniture()
    writer.properties()
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def render_docx(
    document: model.Document,
    output_path: Path | str,
    *,
    template: Path | str | None = None,
    progress: ProgressCallback | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> None:
    """Write ``document`` as a Word document at ``output_path`` (see the module docstring).

    Raises ``ExportCancelled`` when ``is_cancelled()`` turns true, ``AnnexExportError`` when
    the target cannot be written or the template cannot be read.
    """
    blocks = max(len(document.blocks), 1)
    state = {"done": 0}

    def step() -> None:  # after every block: asking is cheap next to writing the block
        state["done"] += 1
        if is_cancelled is not None and is_cancelled():
            raise ExportCancelled()
        if progress is not None and state["done"] % 25 == 0:
            progress(int(90 * state["done"] / blocks), PROGRESS_TOTAL)

    with annex_file(output_path) as temp:  # the target is checked before any work
        if progress is not None:
            progress(0, PROGRESS_TOTAL)
        data = build_docx(document, template=Path(template) if template else None, step=step)
        if is_cancelled is not None and is_cancelled():
            raise ExportCancelled()
        temp.write_bytes(data)
    if progress is not None:
        progress(PROGRESS_TOTAL, PROGRESS_TOTAL)
