"""The font family the annex ships (``resources/fonts``): DejaVu Sans in four faces.

The PDF embeds them under the names below; the Word renderer and the column fitting measure text
with the bold face. Kept apart from ``pdf/`` so that measuring does not load the PDF renderer.
"""

from __future__ import annotations

from pathlib import Path

from gala_desktop import paths

FONT = "GalaSans"
FONT_BOLD = "GalaSans-Bold"
FONT_ITALIC = "GalaSans-Oblique"
FONT_BOLD_ITALIC = "GalaSans-BoldOblique"

FILES = {
    FONT: "DejaVuSans.ttf",
    FONT_BOLD: "DejaVuSans-Bold.ttf",
    FONT_ITALIC: "DejaVuSans-Oblique.ttf",
    FONT_BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}

HYPHENATION_LANGUAGE = "nl_NL"  # pyphen's Dutch dictionary


def font_file(name: str) -> Path:
    """The shipped file of the face ``name`` (``FONT``, ``FONT_BOLD``, …)."""
    path = paths.resource("fonts", FILES[name])
    if not path.is_file():
        raise FileNotFoundError(f"Lettertype ontbreekt: {path}")
    return path
