"""Soft hyphens in words too wide for their table column, for the PDF and the Word annex.

Neither renderer hyphenates such a word well on its own. reportlab hyphenates only at the end of
a line that has room for the word's first syllable; a word that does not fit even a line of its
own ("gezondheidsachterstanden" in an 80-point column) was cut anywhere without a hyphen
("gezondheidsachte" / "rstanden"). Word cuts it the same way unless it hyphenates the whole
document, names included. Soft hyphens at the word's Dutch hyphenation points let both break it
at a syllable, with a hyphen, and show nothing where they do not break.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from gala_desktop.annex import model
from gala_desktop.annex.fonts import HYPHENATION_LANGUAGE
from gala_desktop.annex.number_columns import text_width

SOFT_HYPHEN = "\u00ad"
_WORD = re.compile(r"[^\W\d_]{6,}")  # letters only: the part of a token that can be hyphenated


@functools.lru_cache(maxsize=1)
def dutch_dictionary():
    """pyphen's Dutch hyphenation dictionary (read once; the PDF's line breaking uses it too)."""
    import pyphen

    return pyphen.Pyphen(lang=HYPHENATION_LANGUAGE)


def breakable(text: str, room: float, size: float) -> str:
    """``text`` with soft hyphens at the Dutch hyphenation points of every word wider than
    ``room`` points at ``size`` (measured in the shipped bold face, the widest case); other
    words are left as they are. A word of at most ``room / (1.1 × size)`` characters is not
    measured: no letter of a Latin text is wider than 1.1 em."""
    sure = room / (1.1 * size)
    if len(text) <= sure or max(map(len, text.split()), default=0) <= sure:
        return text
    out = []
    for token in re.split(r"(\s+)", text):
        if len(token) > sure and text_width(token, size) > room:
            token = _WORD.sub(lambda m: dutch_dictionary().inserted(m.group(), hyphen=SOFT_HYPHEN), token)
        out.append(token)
    return "".join(out)


def breakable_runs(runs: model.Rich, room: float, size: float) -> model.Rich:
    """``breakable`` for every run that is not a name or a link: a name is never hyphenated,
    and a link's text is its address."""
    return tuple(run if run.name or run.anchor or run.url or not run.text
                 else replace(run, text=breakable(run.text, room, size)) for run in runs)
