"""The annex (bijlage): domain objects → neutral document model → renderers (PDF/A now).

Public entry points: ``build_annex`` (model), ``export_project`` (model → a renderer) and the
renderers behind the ``annex.renderer.Renderer`` seam (``annex.pdf.render_pdf``). Every renderer
writes through ``annex.output.annex_file``.
"""

from gala_desktop.annex.context import AnnexOptions
from gala_desktop.annex.errors import AnnexExportError, ExportCancelled

__all__ = ["AnnexExportError", "AnnexOptions", "ExportCancelled"]
