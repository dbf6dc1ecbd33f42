"""Use cases: export a project (in memory or from a ``.gala`` file) as an annex, PDF/A or Word."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from gala_desktop.annex.builder import build_annex
from gala_desktop.annex.context import AnnexOptions
from gala_desktop.annex.errors import AnnexExportError, ExportCancelled
from gala_desktop.annex.formats import ExportFormat, ExportResult
from gala_desktop.annex.model import Document
from gala_desktop.annex.pdf import ProgressCallback
from gala_desktop.domain.project import Project

__all__ = ["AnnexExportError", "AnnexOptions", "ExportCancelled", "ExportFormat", "ExportResult",
           "Renderer", "export_project", "export_project_file", "renderer_for"]

if TYPE_CHECKING:
    from gala_desktop.catalogue.repository import Catalogue


class Renderer(Protocol):
    """Writes a document model to a file and says what it wrote."""

    def __call__(self, document: Document, output_path: Path, *,
                 progress: ProgressCallback | None,
                 is_cancelled: Callable[[], bool] | None) -> ExportResult: ...


def renderer_for(fmt: ExportFormat, template: Path | None = None) -> Renderer:
    """The renderer of ``fmt``; ``template`` is the Word house-style template (DOCX only)."""

    def pdf(document, output_path, *, progress=None, is_cancelled=None) -> ExportResult:
        from gala_desktop.annex.pdf import render_pdf

        verdict = render_pdf(document, output_path, progress=progress, is_cancelled=is_cancelled)
        return ExportResult(Path(output_path), ExportFormat.PDF, verdict.valid, verdict.detail)

    def docx(document, output_path, *, progress=None, is_cancelled=None) -> ExportResult:
        from gala_desktop.annex.docx import render_docx

        render_docx(document, output_path, template=template, progress=progress,
                    is_cancelled=is_cancelled)
        return ExportResult(Path(output_path), ExportFormat.DOCX)

    return pdf if fmt is ExportFormat.PDF else docx


def export_project(
    project: Project,
    output_path: Path | str,
    *,
    catalogue: "Catalogue",
    options: AnnexOptions | None = None,
    progress: ProgressCallback | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    renderer: Renderer | None = None,
) -> ExportResult:
    """Build the annex of ``project`` with the current catalogue facts and write it with
    ``renderer`` (PDF/A by default).

    Safe to run off the UI thread: it only reads the catalogue and the project.
    """
    keys = [e.intervention_key for e in project.shortlist]
    known = catalogue.get_many(keys)
    document = build_annex(project, known.get, options or AnnexOptions(), catalogue.checked_on)
    render = renderer or renderer_for(ExportFormat.PDF)
    return render(document, Path(output_path), progress=progress, is_cancelled=is_cancelled)


def export_project_file(
    project_path: Path | str,
    output_path: Path | str,
    options: AnnexOptions | None = None,
    renderer: Renderer | None = None,
) -> ExportResult:
    """Load a ``.gala`` file and export its annex with the shipped catalogue.

    Raises ``ProjectFileError`` (project unreadable), ``CatalogueError`` (catalogue missing) or
    ``AnnexExportError`` (target not writable); all carry a Dutch message.
    """
    from gala_desktop.catalogue.repository import Catalogue
    from gala_desktop.project.document import load_project

    project = load_project(project_path)
    target = Path(output_path)
    if not target.parent.exists():
        raise AnnexExportError(
            f"De bijlage kon niet worden opgeslagen als {target.name}. De map {target.parent} "
            "bestaat niet. Kies een andere map."
        )
    catalogue = Catalogue.open()
    try:
        return export_project(project, target, catalogue=catalogue, options=options,
                              renderer=renderer)
    finally:
        catalogue.close()
