"""Page numbers known only when the layout is done, in a single layout pass.

The footer's "pagina X van Y" and the page numbers in the table of contents are drawn as
references to form XObjects while the pages are laid out; the forms are defined once the pass
has ended and the page total and every heading's page are known. A form draws exactly what the
same drawing commands would have drawn in place, so the pages look the same as when the numbers
came from an earlier measuring pass, which is no longer needed.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus.tableofcontents import TableOfContents

# Forms are drawn in the coordinates in use where they are referenced; this box holds any of them.
_BOX = {"lowerx": -2000, "lowery": -2000, "upperx": 4000, "uppery": 4000}
CONTENTS_DOT = " . "


@dataclass(frozen=True, slots=True)
class _Footer:
    name: str
    page: int
    x: float
    y: float
    font: str
    size: float
    color: object


@dataclass(frozen=True, slots=True)
class _Entry:
    name: str
    key: str | None
    x: float
    y: float
    style: object
    width: float
    dotted: bool


class DeferredNumbers:
    """Collects the numbered places of one layout pass and fills them in at its end."""

    def __init__(self) -> None:
        self.pages = 0  # pages laid out so far; the total once the pass has ended
        self._footers: list[_Footer] = []
        self._entries: list[_Entry] = []

    def footer(self, canvas, page: int, right: float, y: float, font: str, size: float, color) -> None:
        """``pagina {page} van {total}``, right-aligned at ``right``."""
        name = f"GalaPagina{page}"
        canvas.doForm(name)
        self._footers.append(_Footer(name, page, right, y, font, size, color))

    def contents_entry(self, canvas, key: str | None, style, width: float, dotted: bool) -> None:
        """The leader dots and page number after a contents entry (reportlab's
        ``drawPageNumbers``, with the number filled in later). The link covers dots and number."""
        x, y = canvas._curr_tx_info["cur_x"], canvas._curr_tx_info["cur_y"]
        name = f"GalaInhoud{len(self._entries)}"
        canvas.doForm(name)
        if key:
            canvas.linkRect("", key, (x, y, width, y + style.leading), relative=1)
        self._entries.append(_Entry(name, key, x, y, style, width, dotted))

    def fill_in(self, canvas, pages_by_key: dict[str, int]) -> None:
        """Define every form, after the last page: call before the canvas is saved."""
        for f in self._footers:
            canvas.beginForm(f.name, **_BOX)
            canvas.setFont(f.font, f.size)
            canvas.setFillColor(f.color)
            canvas.drawRightString(f.x, f.y, f"pagina {f.page} van {self.pages}")
            canvas.endForm()
        for e in self._entries:
            canvas.beginForm(e.name, **_BOX)
            _draw_page_number(canvas, e, str(pages_by_key.get(e.key, "")))
            canvas.endForm()


def _draw_page_number(canvas, entry: _Entry, number: str) -> None:
    """What reportlab's ``drawPageNumbers`` draws for one right-aligned page number."""
    style = entry.style
    size = style.fontSize
    number_width = stringWidth(number, style.fontName, size)
    while number_width > entry.width - entry.x and size >= 1.0:
        size *= 0.9
        number_width = stringWidth(number, style.fontName, size)
    if entry.dotted:
        dot_width = stringWidth(CONTENTS_DOT, style.fontName, size)
        dots = int((entry.width - entry.x - number_width) / dot_width)
    else:
        dots, dot_width = 0, 0
    text = canvas.beginText(entry.width - dots * dot_width - number_width, entry.y)
    text.setFont(style.fontName, size)
    text.setFillColor(style.textColor)
    text.textLine(dots * (CONTENTS_DOT if entry.dotted else "") + number)
    canvas.drawText(text)


class DeferredContents(TableOfContents):
    """A table of contents whose page numbers are filled in after the layout pass.

    Its entries are given beforehand (with any page number), so it takes its final room at
    once; ``numbers`` is set by the renderer before the pass.
    """

    numbers: DeferredNumbers | None = None

    def wrap(self, availWidth, availHeight):  # noqa: N803 - reportlab API
        size = super().wrap(availWidth, availHeight)
        if self.numbers is not None:
            numbers = self.numbers

            def entry_end(canvas, _kind, label: str) -> None:
                _page, level, key = label.split(",", 2)
                dotted = self.dotsMinLevel >= 0 and int(level) >= self.dotsMinLevel
                key = None if key == "None" else ast.literal_eval(key)  # as reportlab quoted it
                numbers.contents_entry(canvas, key, self.getLevelStyle(int(level)), availWidth, dotted)

            self.canv.setNamedCB("drawTOCEntryEnd", entry_end)
        return size

    def pages_by_key(self) -> dict[str, int]:
        """The page of every entry seen in the pass, by its anchor."""
        return {key: page for _level, _text, page, key in self._entries if key}
