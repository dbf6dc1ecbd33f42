"""Turning plain model text into safe reportlab paragraph markup.

Every string from the model passes through here: characters a PDF cannot hold are removed,
characters the font has no glyph for are replaced, and the rest is XML-escaped. Long texts are
cut into pieces so that no single paragraph outgrows a page.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from xml.sax.saxutils import escape

from gala_desktop.annex.model import Rich, Run
from gala_desktop.annex.pdf.styles import ACCENT, FONT, font_coverage, font_for

try:  # optional: puts right-to-left scripts (Arabic, Hebrew) in visual order
    from bidi import get_display
except ImportError:  # pragma: no cover - without it RTL words are drawn in logical order
    get_display = None

try:  # optional: reportlab shapes (joins) Arabic letters with HarfBuzz when it is installed
    import uharfbuzz  # noqa: F401

    SHAPING = True
except ImportError:  # pragma: no cover - without it Arabic letters stay unjoined
    SHAPING = False

REPLACEMENT = "\ufffd"
CHUNK_CHARS = 1500  # one reportlab Paragraph never holds more than this
_LINK_COLOUR = ACCENT.hexval().replace("0x", "#")
_SAFE_URL = re.compile(r"^(https?://|mailto:)", re.IGNORECASE)


def clean(text: str, font_name: str = FONT) -> str:
    """Text that can be drawn with ``font_name`` and stored in a PDF.

    Control and format characters (except newline and soft hyphen) go, tabs become spaces,
    line/paragraph separators become newlines, and every other character without a glyph
    becomes U+FFFD.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    # Decide once per distinct character (most texts use a few dozen), not once per character.
    changes = {ch: out for ch in set(text) if (out := _clean_char(ch, font_name)) != ch}
    if not changes:
        return text
    return text.translate({ord(ch): out for ch, out in changes.items()})


@functools.lru_cache(maxsize=8192)
def _clean_char(ch: str, font_name: str) -> str:
    """What ``clean`` makes of one character: itself, a replacement, or nothing."""
    cp = ord(ch)
    if ch == "\n":
        return ch
    if ch in "\u2028\u2029":
        return "\n"
    category = unicodedata.category(ch)
    if category == "Cc" or (category == "Cf" and ch != "\u00ad"):
        # Controls go; so do format characters (bidi overrides, zero-width joiners): without
        # a shaping engine they have no meaning on paper. Soft hyphens guide hyphenation.
        return ""
    if category == "Cs" or (0xFDD0 <= cp <= 0xFDEF) or (cp & 0xFFFE) == 0xFFFE:
        return REPLACEMENT
    if cp in font_coverage(font_name):
        return ch
    if category in ("Cf", "Mn", "Me", "Co", "Cn") or ch.isspace():
        # Invisible or combining characters without a glyph: leave them out rather than
        # showing a box; spaces the font lacks become an ordinary space.
        return " " if ch.isspace() else ""
    return REPLACEMENT


def clean_line(text: str, font_name: str = FONT) -> str:
    """``clean`` for one-line places (outline, header): newlines become spaces."""
    return " ".join(clean(text, font_name).split())


def shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _has_rtl(text: str) -> bool:
    if text.isascii():
        return False
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in set(text))


def has_rtl(text: str) -> bool:
    """Whether ``text`` holds right-to-left letters (Hebrew, Arabic), which need shaping."""
    return _has_rtl(text)


_WORD = re.compile(r"\S+")


def _logical_word(match: re.Match) -> str:
    word = match.group(0)
    return word[::-1] if _has_rtl(word) else word


def visual_order(text: str) -> str:
    """reportlab draws words left to right; right-to-left runs are reordered per line so that
    they read correctly (the PDF's text layer keeps them searchable).

    With shaping, HarfBuzz shapes every word on its own and lays out a right-to-left word from
    right to left itself: then only the order of the words is visual, each word's letters stay
    in logical order so that HarfBuzz can join them.
    """
    if get_display is None or not _has_rtl(text):
        return text
    lines = [get_display(line) if _has_rtl(line) else line for line in text.split("\n")]
    if SHAPING:
        lines = [_WORD.sub(_logical_word, line) for line in lines]
    return "\n".join(lines)


def _markup_run(run: Run) -> str:
    shown = visual_order(clean(run.text, font_for(run.bold, run.italic)))
    text = escape(shown).replace("\n", "<br/>")
    if run.bold:
        text = f"<b>{text}</b>"
    if run.italic:
        text = f"<i>{text}</i>"
    if run.anchor:
        text = f'<a href="#{escape(run.anchor, {chr(34): "&quot;"})}" color="{_LINK_COLOUR}" underline="1">{text}</a>'
    elif run.url and _SAFE_URL.match(run.url.strip()):
        href = escape(clean_line(run.url).replace(" ", "%20"), {'"': "&quot;"})
        text = f'<a href="{href}" color="{_LINK_COLOUR}" underline="1">{text}</a>'
    return text


def markup(runs: Rich) -> str:
    return "".join(_markup_run(r) for r in runs)


def _split_text(text: str, limit: int) -> list[str]:
    """Cut ``text`` into pieces of at most ``limit`` characters, preferring line breaks, then
    sentence ends, then spaces; a single word longer than the limit is cut hard."""
    pieces = []
    while len(text) > limit:
        window = text[:limit]
        cut = window.rfind("\n")
        if cut < limit // 3:
            cut = window.rfind(". ") + 1  # after the end of a sentence
        if cut < limit // 3:
            cut = window.rfind(" ")
        if cut < limit // 3:
            cut = limit
        pieces.append(text[:cut])
        text = text[cut:].lstrip("\n") if text[cut:cut + 1] == "\n" else text[cut:]
    pieces.append(text)
    return pieces


def chunk_runs(runs: Rich, limit: int = CHUNK_CHARS) -> list[Rich]:
    """Split rich text into groups of runs of at most ``limit`` characters each."""
    if sum(len(r.text) for r in runs) <= limit:
        return [runs]
    groups: list[list[Run]] = [[]]
    size = 0
    for run in runs:
        for piece in _split_text(run.text, limit):
            if size + len(piece) > limit and groups[-1]:
                groups.append([])
                size = 0
            groups[-1].append(Run(piece, run.bold, run.italic, run.url, run.anchor, run.name))
            size += len(piece)
    return [tuple(g) for g in groups if g]


def plain_length(runs: Rich) -> int:
    return sum(len(r.text) for r in runs)
