"""The Word renderer of the annex: the neutral document model → a ``.docx`` to edit further."""

from gala_desktop.annex.docx.render import TemplateError, build_docx, render_docx

__all__ = ["TemplateError", "build_docx", "render_docx"]
