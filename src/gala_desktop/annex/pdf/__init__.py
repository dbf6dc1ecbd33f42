"""The PDF/A renderer of the annex (reportlab layout, PDF/A-2b post-processing)."""

from gala_desktop.annex.pdf.render import render_pdf

__all__ = ["render_pdf"]
