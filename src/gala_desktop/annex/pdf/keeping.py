"""Flowables that decide where a table or a heading's content breaks between pages.

- ``OrphanSafeTable``: a table that never leaves a single short row alone on either page.
- ``HeadingWithStart``: a heading kept with the start of what follows it, not with all of it.
- ``ShortTable``: a short table kept whole, unless that would leave much of a page empty.

``render._bind_headings`` puts headings, captions and notes into these; ``flowables`` makes
the tables.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether
from reportlab.platypus import Table as RLTable
from reportlab.platypus.flowables import _listWrapOn

# Of the frame height: a short table that would leave more than this empty by moving on whole
# starts on this page instead (``ShortTable``).
SHORT_TABLE_GAP = 0.25
# Points: a table row at least this tall (five lines or more) may stand alone under its repeated
# header on the next page: it reads as a block of its own, where a short row looks stray.
LONE_ROW = 66.0


class OrphanSafeTable(RLTable):
    """A table that never leaves a single row alone on either page: when a split would carry
    only one data row over, one more row goes with it; when it would keep only one data row at
    the foot of a page, the table starts on the next page instead (unless that row is tall,
    ``LONE_ROW``, or the page is fresh: then there is no better place)."""

    _starts_next_page = False

    def split(self, availWidth, availHeight):  # noqa: N803 - reportlab API
        if self._starts_next_page:
            self._starts_next_page = False  # once: on the next page it may split as any table
            return []
        parts = super().split(availWidth, availHeight)
        if len(parts) != 2:
            return parts
        first, rest = parts
        repeat = self.repeatRows or 0
        kept = len(first._cellvalues)
        if kept - repeat == 1 and len(rest._cellvalues) - repeat >= 1 and not self._at_top():
            heights = getattr(self, "_rowHeights", None) or []
            if len(heights) > repeat and heights[repeat] < LONE_ROW:
                return []  # one short row at the foot of a page: the table starts on the next
        if len(rest._cellvalues) - repeat > 1 or kept - repeat < 3:
            return parts
        heights = getattr(self, "_rowHeights", None)
        if not heights or kept > len(heights):
            return parts
        parts = super().split(availWidth, sum(heights[: kept - 1]) + 0.5)
        if len(parts) == 2:
            # The rows carried over belong on the next page: without this, the room freed
            # above would take them in a second split, header and all, on this same page.
            parts[1]._starts_next_page = True
        return parts

    def _at_top(self) -> bool:
        """At the top of a fresh frame (reportlab sets ``_frame`` while it asks for a split)."""
        return bool(getattr(getattr(self, "_frame", None), "_atTop", False))


class HeadingWithStart(KeepTogether):
    """A heading (with its rule and the lines kept with it) and the long table or text under
    it, kept together only as far as the heading and the start of what follows.

    With ``keepWithNext`` reportlab keeps a heading with the *whole* next flowable: a table or
    text that fits on a page but not in the room left took its heading to the next page and
    left the rest of this one empty (the *Bronnen* chapter, half a page). Here what follows
    starts under its heading when the heading and its start fit — ``FIRST_ROWS`` rows of a
    table, or two lines of a text (a paragraph never leaves one line behind) — and goes on on
    the next page; otherwise all of it moves on, as before.
    """

    FIRST_ROWS = 2

    def split(self, aW, aH):  # noqa: N803 - reportlab API
        *lead, body = self._content
        _width, lead_height = _listWrapOn(lead, aW, self.canv)
        gap = max(lead[-1].getSpaceAfter() if lead else 0, body.getSpaceBefore())
        room = aH - lead_height - gap - 1
        if room > 0:
            parts = body.splitOn(self.canv, aW, room)
            if len(parts) == 2 and self._enough(body, *parts):
                return [*lead, *parts]
        return super().split(aW, aH)

    def _enough(self, body, first, rest) -> bool:
        """``FIRST_ROWS`` rows under the heading, and no single row alone on the next page;
        a tall row (``LONE_ROW``) may stand alone on either side."""
        if isinstance(body, RLTable):
            repeat = body.repeatRows or 0
            heights = getattr(body, "_rowHeights", None) or [0.0] * len(body._cellvalues)
            kept = len(first._cellvalues) - repeat
            if kept < self.FIRST_ROWS and not (kept == 1 and heights[repeat] >= LONE_ROW):
                return False
            return len(rest._cellvalues) - repeat >= 2 or heights[-1] >= LONE_ROW
        return True  # a paragraph split keeps at least two lines (allowOrphans=0)


class ShortTable(HeadingWithStart):
    """A short table (at most ``SHORT_TABLE_ROWS`` rows), with its caption and a heading bound to
    it, kept on one page: a few rows are not worth splitting. Unless its rows are tall (a long
    note in a cell) and moving it on whole would leave more than ``max_gap`` points of this page
    empty: then it starts here like a long table, with at least two rows under its heading.
    """

    def __init__(self, flowables, max_gap: float) -> None:
        super().__init__(flowables)
        self.max_gap = max_gap

    def with_lead(self, lead: list[Flowable]) -> ShortTable:
        """The same table with ``lead`` (a heading run) kept above it."""
        return ShortTable([*lead, *self._content], self.max_gap)

    def split(self, aW, aH):  # noqa: N803 - reportlab API
        if aH <= self.max_gap:
            return KeepTogether.split(self, aW, aH)  # the room left is small: all of it moves on
        return super().split(aW, aH)
