"""Columns of amounts that never break an amount over two lines, in the PDF and in Word.

Both renderers size a table's columns from the model's weights, and an amount that does not fit
its column wraps in the middle of the number ("€ 1.282.0" / "00"). ``fit_number_columns``
widens every numeric column to its widest amount and takes the room from the other columns in
proportion. Amounts are measured in the shipped font's bold face (DejaVu Sans Bold, as in a
total row): the widest case, so a narrower font (a house template's, or the one Word uses)
fits too. When the amounts need more than ``NUMBERS_SHARE`` of the table at the cells' size,
the next of the given smaller sizes is tried; beyond the last they wrap (a budget table has at
most five columns of amounts: ``budget_tables``).
"""

from __future__ import annotations

import functools

from gala_desktop.annex import model

NUMBERS_SHARE = 0.88  # of a table's width, at most, for its numeric columns


def text_width(text: str, size: float) -> float:
    """Points ``text`` takes at ``size`` in the shipped bold face: the widest the annex sets it
    (amounts here, too-wide words in ``word_breaks``)."""
    return _bold_face().stringWidth(text, size)


@functools.cache
def _bold_face():
    """The PDF's bold face as reportlab reads it: the registered one when the PDF renderer has
    registered the family, else the one file read for its metrics alone. Imported here, so
    that building the document model does not load reportlab."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from gala_desktop.annex.fonts import FONT_BOLD, font_file

    if FONT_BOLD in pdfmetrics.getRegisteredFontNames():
        return pdfmetrics.getFont(FONT_BOLD)
    return TTFont(FONT_BOLD, str(font_file(FONT_BOLD)))


def fit_number_columns(block: model.Table, widths: list[float], table_width: float, *,
                       sizes: tuple[float, ...], padding: float) -> tuple[list[float], float]:
    """Column widths (points) and the font size of the amounts; ``sizes`` starts with the
    cells' own size, ``padding`` is a cell's left and right padding together."""
    numeric = [i for i in block.numeric_columns if i < len(widths)]
    others = [i for i in range(len(widths)) if i not in numeric]
    if not numeric or not others:
        return list(widths), sizes[0]
    longest = {}
    for i in numeric:
        texts = [model.rich_plain_text(row[i]) for row in block.rows if i < len(row)]
        longest[i] = max((text_width(t, 1.0) for t in texts), default=0)
    for size in sizes:
        need = {i: longest[i] * size + padding + 1 for i in numeric}
        if sum(max(widths[i], need[i]) for i in numeric) <= table_width * NUMBERS_SHARE:
            break
    else:
        return list(widths), sizes[0]
    spare = sum(widths[i] for i in others)
    extra = sum(max(0.0, need[i] - widths[i]) for i in numeric)
    fitted = list(widths)
    for i in numeric:
        fitted[i] = max(widths[i], need[i])
    for i in others:
        fitted[i] = widths[i] * (spare - extra) / spare
    return fitted, size
