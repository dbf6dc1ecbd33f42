"""The annex (bijlage): domain objects → neutral document model → renderers (PDF/A now).

Public entry points: ``build_annex`` (model), ``render_pdf`` (PDF renderer) and the use cases
``export_project`` / ``export_project_file``.
"""

from gala_desktop.annex.context import AnnexOptions
from gala_desktop.annex.errors import AnnexExportError, ExportCancelled

__all__ = ["AnnexExportError", "AnnexOptions", "ExportCancelled"]
