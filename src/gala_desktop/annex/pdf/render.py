"""Render an annex document model as an A4 PDF, then as PDF/A-2b once that is checked.

``render_pdf`` lays the document out with reportlab platypus and moves the plain PDF (no PDF/A
claim) into place: the file is ready. It then makes the PDF/A-2b version, validates it and only
when it passes replaces the plain file with it (``archive.py``). A failure or a cancel during the
layout never leaves a partial file behind; after that, the plain file stays whatever happens.

Layout takes one pass. The contents are filled in beforehand with every heading (the page
numbers do not change how much room an entry takes), so every heading lands on its final page at
once. The numbers themselves — the contents' page numbers and the footer's "pagina X van Y" —
are references to small forms that are defined when the pass has ended and the numbers are known
(``numbers.py``); the pages look exactly as they did when a measuring pass came first.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import io
from collections.abc import Callable
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageTemplate,
)
from reportlab.platypus import Paragraph as RLParagraph

from gala_desktop.annex import model
from gala_desktop.annex.errors import AnnexExportError, ExportCancelled
from gala_desktop.annex.output import annex_file
from gala_desktop.annex.pdf.flowables import (
    CachedParagraph,
    CaptionParagraph,
    FlowableBuilder,
    HeadingParagraph,
    style_for,
)
from gala_desktop.annex.pdf.keeping import HeadingWithStart, OrphanSafeTable, ShortTable
from gala_desktop.annex.pdf.numbers import DeferredContents, DeferredNumbers
from gala_desktop.annex.renderer import PROGRESS_TOTAL, ProgressCallback, ReadyCallback
from gala_desktop.annex.pdf.styles import (
    ACCENT,
    BODY_SIZE,
    FONT,
    FONT_BOLD,
    MUTED,
    PAGE_MARGIN_BOTTOM,
    PAGE_MARGIN_TOP,
    PAGE_MARGIN_X,
    RULE,
    styles,
)
from gala_desktop.annex.pdf.text import clean_line, has_rtl, markup
from gala_desktop.annex.formats import ExportResult
from gala_desktop.annex.pdf.archive import identity, install_pdfa
from gala_desktop.annex.pdf.pdfa import CREATOR, write_plain

__all__ = ["PROGRESS_TOTAL", "AnnexExportError", "ExportCancelled", "ProgressCallback", "render_pdf"]


class LayoutFrame(Frame):
    """A frame that is cheap to copy."""

    def __deepcopy__(self, memo) -> "LayoutFrame":
        # reportlab copies the current frame every time it measures the content of a
        # KeepTogether; the frame holds only numbers and a few lists, so a copy of those lists
        # isolates it just as well as a deep copy, at a fraction of the cost.
        clone = copy.copy(self)
        for name, value in vars(self).items():
            if isinstance(value, list):
                setattr(clone, name, list(value))
        return clone


def _draw_line(canvas, text: str, font: str, size: float, x: float, y: float, width: float,
               *, right: bool = False) -> None:
    """One line of page furniture (running head, footer), cut to ``width``.

    A line with right-to-left letters goes through a paragraph, which puts the words in visual
    order and shapes them (joined Arabic) like the body text; ``drawString`` would draw it
    mirrored and unjoined.
    """
    line = _fit(text, font, size, width * 0.97)
    if not has_rtl(line):
        if right:
            canvas.drawRightString(x + width, y, line)
        else:
            canvas.drawString(x, y, line)
        return
    style = _line_style(font, size, right)
    para = CachedParagraph(markup((model.Run(line),)), style_for((model.Run(line),), style))
    _w, height = para.wrap(width, size * 4)
    para.drawOn(canvas, x, y - height + size)


@functools.cache
def _line_style(font: str, size: float, right: bool) -> ParagraphStyle:
    return ParagraphStyle(f"line-{font}-{size}-{right}", fontName=font, fontSize=size,
                          leading=size * 1.2, textColor=ACCENT if font == FONT_BOLD else MUTED,
                          alignment=TA_RIGHT if right else TA_LEFT, hyphenationLang="",
                          splitLongWords=1)


def _fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` shortened with an ellipsis so that it fits ``width``."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[: max(len(text) - max(len(text) // 8, 1), 0)]
    return text.rstrip() + "…"


class AnnexDocTemplate(BaseDocTemplate):
    def __init__(self, filename: str, document: model.Document, numbers: DeferredNumbers,
                 step: Callable[[], None]) -> None:
        meta = document.metadata
        super().__init__(
            filename,
            pagesize=A4,
            leftMargin=PAGE_MARGIN_X,
            rightMargin=PAGE_MARGIN_X,
            topMargin=PAGE_MARGIN_TOP,
            bottomMargin=PAGE_MARGIN_BOTTOM,
            title=clean_line(meta.title),
            author=clean_line(meta.author),
            subject=clean_line(meta.subject),
            keywords=[clean_line(k) for k in meta.keywords],
            creator=CREATOR,
            lang=meta.language,
            initialFontName=FONT,
            initialFontSize=BODY_SIZE,
        )
        self._meta = meta
        self._numbers = numbers
        self._step = step
        frame = LayoutFrame(self.leftMargin, self.bottomMargin, self.width, self.height,
                            id="body", leftPadding=0, rightPadding=0, topPadding=0,
                            bottomPadding=0)
        self._layout_frame = frame
        self.addPageTemplates(
            [
                PageTemplate("title", [frame], onPage=self._draw_title_page),
                PageTemplate("body", [frame], onPage=self._draw_running_parts),
            ]
        )

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802
        if isinstance(flowable, HeadingParagraph) and flowable.heading_level <= 2:
            level = flowable.heading_level - 1
            self.canv.bookmarkPage(flowable.anchor)
            self.canv.addOutlineEntry(flowable.plain_title, flowable.anchor, level, closed=level > 0)
            if flowable.in_contents:
                entry = contents_entry(flowable)
                self.notify("TOCEntry", (level, entry, self.page, flowable.anchor))
        elif isinstance(flowable, HeadingParagraph):
            self.canv.bookmarkPage(flowable.anchor)
        self._step()

    # -- page decoration -----------------------------------------------------------------

    def _draw_title_page(self, canvas, doc) -> None:
        self._numbers.pages = doc.page
        width, height = A4
        canvas.saveState()
        canvas.setFillColor(ACCENT)
        canvas.rect(0, height - 9 * mm, width, 9 * mm, stroke=0, fill=1)
        canvas.rect(PAGE_MARGIN_X, PAGE_MARGIN_BOTTOM + 8 * mm, 28 * mm, 1.6, stroke=0, fill=1)
        canvas.setFont(FONT, 8)
        canvas.setFillColor(MUTED)
        line = clean_line(self._meta.subject)
        _draw_line(canvas, line, FONT, 8, PAGE_MARGIN_X, PAGE_MARGIN_BOTTOM,
                   width - 2 * PAGE_MARGIN_X)
        canvas.restoreState()

    def _draw_running_parts(self, canvas, doc) -> None:
        self._numbers.pages = doc.page
        width, height = A4
        left, right = PAGE_MARGIN_X, width - PAGE_MARGIN_X
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        head_y = height - PAGE_MARGIN_TOP + 9 * mm
        canvas.line(left, head_y - 2.5 * mm, right, head_y - 2.5 * mm)
        canvas.setFont(FONT_BOLD, 7.8)
        canvas.setFillColor(ACCENT)
        head = clean_line(self._meta.running_head, FONT_BOLD)
        _draw_line(canvas, head, FONT_BOLD, 7.8, left, head_y, right - left)
        foot_y = PAGE_MARGIN_BOTTOM - 11 * mm
        canvas.line(left, foot_y + 4 * mm, right, foot_y + 4 * mm)
        canvas.setFont(FONT, 7.8)
        canvas.setFillColor(MUTED)
        self._numbers.footer(canvas, doc.page, right, foot_y, FONT, 7.8, MUTED)
        subject = clean_line(self._meta.subject)
        _draw_line(canvas, subject, FONT, 7.8, left, foot_y, (right - left) * 0.7)
        canvas.restoreState()


def _story(document: model.Document, builder: FlowableBuilder) -> list[Flowable]:
    story: list[Flowable] = [NextPageTemplate("body")]
    for block in document.blocks:
        story += builder.build(block)
    return _bind_headings(story)


def _bind_headings(story: list[Flowable]) -> list[Flowable]:
    """A heading with what follows it: a table that must stay whole goes to the next page with
    it; a long table or text starts under it (``HeadingWithStart``), and so does a short table
    whose move would leave much of the page empty (``ShortTable``).

    reportlab's keepWithNext does not reach into a following KeepTogether, so the heading
    would otherwise stay alone at the bottom of a page while its table moves on; and it keeps a
    heading with the whole of a long table or text, leaving the room above it empty.
    """
    bound: list[Flowable] = []
    for flowable in story:
        previous = bound[-1] if bound else None
        if isinstance(flowable, CondPageBreak) and previous is not None and previous.getKeepWithNext():
            # A sub-heading's own room check right under a heading: the heading above already
            # asked for more room, and a break here would leave it alone at the foot of a page.
            continue
        follows = isinstance(flowable, KeepTogether | OrphanSafeTable) or (
            isinstance(flowable, RLParagraph) and not flowable.getKeepWithNext())
        if _introduces_table(previous, flowable):
            # a heading and the note that explains the table below it ("Klik op de naam…"):
            # kept with the table's first rows, not left at the foot of a page without it
            lead = bound.pop()._content
            bound.append(flowable.with_lead(lead) if isinstance(flowable, ShortTable)
                         else HeadingWithStart([*lead, flowable]))
            continue
        lead = _heading_run(bound) if follows and previous is not None and previous.getKeepWithNext() else []
        if not lead:
            bound.append(flowable)
        elif isinstance(flowable, ShortTable):
            bound.append(flowable.with_lead(lead))
        elif isinstance(flowable, KeepTogether):
            bound.append(KeepTogether([*lead, *flowable._content]))
        else:
            bound.append(HeadingWithStart([*lead, flowable]))
    return bound


def _introduces_table(previous, flowable) -> bool:
    """``previous`` is a heading bound to a note (the muted paragraph that explains what
    follows) and ``flowable`` is a table."""
    if not isinstance(previous, HeadingWithStart) or isinstance(previous, ShortTable):
        return False
    note = previous._content[-1]
    return (isinstance(flowable, ShortTable | OrphanSafeTable) and isinstance(note, RLParagraph)
            and _based_on(note.style, styles().note))


def _based_on(style, base) -> bool:
    """``style`` is ``base`` or made from it (a note with a name in it has a style of its own
    whose parent is the note style)."""
    while style is not None:
        if style is base:
            return True
        style = getattr(style, "parent", None)
    return False


def _heading_run(bound: list[Flowable]) -> list[Flowable]:
    """The flowables kept with the next one at the end of ``bound`` — a heading, its rule, a
    line under it, a table's caption — taken off ``bound``; nothing when the run holds neither
    a heading nor a caption."""
    start = len(bound)
    while start and bound[start - 1].getKeepWithNext() and not isinstance(bound[start - 1], KeepTogether):
        start -= 1
    run = bound[start:]
    if not any(isinstance(f, HeadingParagraph | CaptionParagraph) for f in run):
        return []
    del bound[start:]
    return run


def contents_entry(heading: HeadingParagraph) -> str:
    """The contents text of a heading (the same in the pre-filled and in the final contents)."""
    return markup((model.Run(heading.plain_title),))


def _prefill_contents(story: list[Flowable], numbers: DeferredNumbers) -> list[DeferredContents]:
    """Give every table of contents its entries before the pass, so that the contents take
    their final room at once; their page numbers are filled in by ``numbers``."""
    tocs = [f for f in story if isinstance(f, DeferredContents)]
    entries = [
        (f.heading_level - 1, contents_entry(f), 0, f.anchor)
        for f in _walk(story)
        if isinstance(f, HeadingParagraph) and f.in_contents and f.heading_level <= 2
    ]
    for toc in tocs:
        toc.addEntries(entries)
        toc.beforeBuild()  # what is shown: these entries; what the pass finds: the pages
        toc.numbers = numbers
    return tocs


def _walk(flowables):
    """Flowables in story order, looking inside containers (KeepTogether, lists)."""
    for f in flowables:
        yield f
        inner = getattr(f, "_content", None)
        if isinstance(inner, list | tuple):
            yield from _walk(inner)


@contextlib.contextmanager
def _plain_flate_streams():
    """reportlab wraps every page stream in ASCII85 on top of Flate (a pure Python encoder when
    its C accelerator is missing); pikepdf undoes that when it writes the final file, so the
    layout skips it. The setting is reportlab's global one and is put back afterwards."""
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


def _layout(document: model.Document, progress: ProgressCallback | None,
            is_cancelled: Callable[[], bool] | None) -> bytes:
    """Lay ``document`` out and return the plain PDF (kept in memory: it is read only once)."""
    numbers = DeferredNumbers()
    state = {"done": 0, "count": 1, "shown": 0}

    def step() -> None:
        state["done"] += 1
        if state["done"] % 25 == 0:
            if is_cancelled is not None and is_cancelled():
                raise ExportCancelled()
            if progress is not None:
                # split flowables report more than once, so the share is capped, and a progress
                # bar never moves backwards
                done = int(85 * min(state["done"] / state["count"], 1.0))
                if done > state["shown"]:
                    state["shown"] = done
                    progress(done, PROGRESS_TOTAL)

    out = io.BytesIO()
    doc = AnnexDocTemplate(out, document, numbers, step)
    builder = FlowableBuilder(styles(), doc.width, doc.height)
    story = _story(document, builder)
    state["count"] = max(len(story), 1)
    tocs = _prefill_contents(story, numbers)
    if is_cancelled is not None and is_cancelled():
        raise ExportCancelled()
    doc._indexingFlowables = list(tocs)  # they hear where each heading landed
    doc._doSave = 0  # the numbers are filled in before the canvas is saved
    with _plain_flate_streams():
        doc.build(story)
        pages_by_key: dict[str, int] = {}
        for toc in tocs:
            pages_by_key.update(toc.pages_by_key())
        numbers.fill_in(doc.canv, pages_by_key)
        doc.canv.save()
    return out.getvalue()


def render_pdf(
    document: model.Document,
    output_path: Path | str,
    *,
    progress: ProgressCallback | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    on_ready: ReadyCallback | None = None,
) -> ExportResult:
    """Write ``document`` as a PDF at ``output_path``, then as PDF/A-2b once that passed its check.

    The plain PDF (no PDF/A claim) is moved into place as soon as it is laid out and
    ``on_ready(path)`` is called: the officer can open it. Then the PDF/A version is made and
    validated, and replaces it only when it passes. The result's ``status`` says how that ended
    (``pdfa`` is True only when the file at ``output_path`` is the checked PDF/A).

    Raises ``ExportCancelled`` when ``is_cancelled()`` turns true during the layout and
    ``AnnexExportError`` when the target cannot be written; in both cases no file (and no
    temporary file) is left behind. A cancel during the check leaves the plain file.
    """
    target = Path(output_path)
    with annex_file(target) as temp:  # the target is checked before any work
        if progress is not None:
            progress(0, PROGRESS_TOTAL)
        raw = _layout(document, progress, is_cancelled)
        if is_cancelled is not None and is_cancelled():
            raise ExportCancelled()
        write_plain(raw, temp, document.metadata)
    written = identity(target)
    if on_ready is not None:
        on_ready(target)
    if progress is not None:
        progress(READY_PROGRESS, PROGRESS_TOTAL)  # the PDF/A version and its check
    result = install_pdfa(raw, target, document.metadata, written, is_cancelled)
    if progress is not None:
        progress(PROGRESS_TOTAL, PROGRESS_TOTAL)
    return result


READY_PROGRESS = 90
