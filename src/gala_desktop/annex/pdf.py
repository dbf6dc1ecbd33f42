"""Render an annex document model as an A4 PDF/A-2b file.

``render_pdf`` lays the document out with reportlab platypus (``multiBuild`` for the table of
contents and the "pagina X van Y" footer), post-processes it into PDF/A-2b and only then moves it
into place: a failure or a cancel never leaves a partial file behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, NextPageTemplate, PageTemplate

from gala_desktop.annex import model
from gala_desktop.annex.errors import AnnexExportError, ExportCancelled, write_error
from gala_desktop.annex.pdf_flowables import FlowableBuilder, HeadingParagraph
from gala_desktop.annex.pdf_styles import (
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
from gala_desktop.annex.pdf_text import clean_line, markup
from gala_desktop.annex.pdfa import CREATOR, make_pdfa

__all__ = ["PROGRESS_TOTAL", "AnnexExportError", "ExportCancelled", "ProgressCallback", "render_pdf"]

ProgressCallback = Callable[[int, int], None]
"""Called as ``progress(done, total)`` (``total`` is always ``PROGRESS_TOTAL``); ``done`` only
grows and ends at ``total``. Fits ``QProgressDialog.setMaximum``/``setValue`` directly."""
PROGRESS_TOTAL = 100

_EXPECTED_PASSES = 3
_UMASK = os.umask(0o022)
os.umask(_UMASK)  # read once, at import, while no other thread writes files


class PageTotal(Flowable):
    """An invisible indexing flowable: keeps ``multiBuild`` going until the page total used in
    the footers equals the number of pages the pass produced."""

    def __init__(self) -> None:
        super().__init__()
        self.width = self.height = 0
        self.used: int | None = None
        self.seen: int | None = None

    def isIndexing(self) -> int:  # noqa: N802 - reportlab API
        return 1

    def isSatisfied(self) -> bool:  # noqa: N802
        return self.used == self.seen

    def beforeBuild(self) -> None:  # noqa: N802
        self.used = self.seen

    def afterBuild(self) -> None:  # noqa: N802
        pass

    def notify(self, kind: str, stuff) -> None:
        pass  # indexing flowables receive every notification; this one needs none

    def wrap(self, *_args) -> tuple[int, int]:
        return 0, 0

    def draw(self) -> None:
        pass


def _fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` shortened with an ellipsis so that it fits ``width``."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[: max(len(text) - max(len(text) // 8, 1), 0)]
    return text.rstrip() + "…"


class AnnexDocTemplate(BaseDocTemplate):
    def __init__(self, filename: str, document: model.Document, total: PageTotal,
                 step: Callable[[], None], start_pass: Callable[[], None]) -> None:
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
        self._total = total
        self._step = step
        self._start_pass = start_pass
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates(
            [
                PageTemplate("title", [frame], onPage=self._draw_title_page),
                PageTemplate("body", [frame], onPage=self._draw_running_parts),
            ]
        )

    def beforeDocument(self) -> None:  # noqa: N802
        self._start_pass()

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802
        if isinstance(flowable, HeadingParagraph) and flowable.heading_level <= 2:
            level = flowable.heading_level - 1
            self.canv.bookmarkPage(flowable.anchor)
            self.canv.addOutlineEntry(flowable.plain_title, flowable.anchor, level, closed=level > 0)
            if flowable.in_contents:
                entry = markup((model.Run(flowable.plain_title),))
                self.notify("TOCEntry", (level, entry, self.page, flowable.anchor))
        elif isinstance(flowable, HeadingParagraph):
            self.canv.bookmarkPage(flowable.anchor)
        self._step()

    # -- page decoration -----------------------------------------------------------------

    def _draw_title_page(self, canvas, doc) -> None:
        width, height = A4
        canvas.saveState()
        canvas.setFillColor(ACCENT)
        canvas.rect(0, height - 9 * mm, width, 9 * mm, stroke=0, fill=1)
        canvas.rect(PAGE_MARGIN_X, PAGE_MARGIN_BOTTOM + 8 * mm, 28 * mm, 1.6, stroke=0, fill=1)
        canvas.setFont(FONT, 8)
        canvas.setFillColor(MUTED)
        line = clean_line(self._meta.subject)
        canvas.drawString(PAGE_MARGIN_X, PAGE_MARGIN_BOTTOM,
                          _fit(line, FONT, 8, width - 2 * PAGE_MARGIN_X))
        canvas.restoreState()
        self._total.seen = doc.page

    def _draw_running_parts(self, canvas, doc) -> None:
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
        canvas.drawString(left, head_y, _fit(head, FONT_BOLD, 7.8, right - left))
        foot_y = PAGE_MARGIN_BOTTOM - 11 * mm
        canvas.line(left, foot_y + 4 * mm, right, foot_y + 4 * mm)
        canvas.setFont(FONT, 7.8)
        canvas.setFillColor(MUTED)
        total = self._total.used
        number = f"pagina {doc.page} van {total}" if total else f"pagina {doc.page}"
        canvas.drawRightString(right, foot_y, number)
        subject = clean_line(self._meta.subject)
        canvas.drawString(left, foot_y, _fit(subject, FONT, 7.8, (right - left) * 0.7))
        canvas.restoreState()
        self._total.seen = doc.page


def _story(document: model.Document, builder: FlowableBuilder, total: PageTotal) -> list[Flowable]:
    story: list[Flowable] = [NextPageTemplate("body"), total]
    for block in document.blocks:
        story += builder.build(block)
    return story


def _layout(document: model.Document, path: Path, progress: ProgressCallback | None,
            is_cancelled: Callable[[], bool] | None) -> None:
    total = PageTotal()
    state = {"pass": 0, "done": 0, "count": 1, "shown": 0}

    def check() -> None:
        if is_cancelled is not None and is_cancelled():
            raise ExportCancelled()

    def start_pass() -> None:
        check()
        state["pass"] += 1
        state["done"] = 0

    def step() -> None:
        state["done"] += 1
        if state["done"] % 25 == 0:
            check()
            if progress is not None:
                # split flowables report more than once, so the share of a pass is capped, and a
                # progress bar never moves backwards
                share = min(state["done"] / state["count"], 1.0)
                done = int(85 * min(1.0, (state["pass"] - 1 + share) / _EXPECTED_PASSES))
                if done > state["shown"]:
                    state["shown"] = done
                    progress(done, PROGRESS_TOTAL)

    doc = AnnexDocTemplate(str(path), document, total, step, start_pass)
    builder = FlowableBuilder(styles(), doc.width, doc.height)
    story = _story(document, builder, total)
    state["count"] = max(len(story), 1)
    doc.multiBuild(story, maxPasses=10)


def render_pdf(
    document: model.Document,
    output_path: Path | str,
    *,
    progress: ProgressCallback | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> None:
    """Write ``document`` as a PDF/A-2b file at ``output_path``.

    Raises ``ExportCancelled`` when ``is_cancelled()`` turns true, ``AnnexExportError`` when the
    target cannot be written. In both cases no file (and no temporary file) is left behind.
    """
    target = Path(output_path)
    if target.is_dir():
        raise write_error(IsADirectoryError(str(target)), target)
    if progress is not None:
        progress(0, PROGRESS_TOTAL)
    temps: list[Path] = []
    try:
        for suffix in (".opmaak.tmp", ".pdfa.tmp"):
            handle, name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=suffix,
                                            dir=target.parent)
            os.close(handle)
            temps.append(Path(name))
        raw, final = temps
        _layout(document, raw, progress, is_cancelled)
        if is_cancelled is not None and is_cancelled():
            raise ExportCancelled()
        if progress is not None:
            progress(90, PROGRESS_TOTAL)  # PDF/A post-processing and validation
        make_pdfa(raw, final, document.metadata)
        os.chmod(final, 0o666 & ~_UMASK)  # temporary files are private; the annex is not
        if is_cancelled is not None and is_cancelled():
            raise ExportCancelled()
        os.replace(final, target)
        temps.remove(final)
    except OSError as err:
        raise write_error(err, target) from err
    finally:
        for path in temps:
            with contextlib.suppress(OSError):
                path.unlink()
    if progress is not None:
        progress(PROGRESS_TOTAL, PROGRESS_TOTAL)
