"""Build the annex of a project and hand it to a renderer (PDF/A unless told otherwise)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from gala_desktop.annex.builder import build_annex
from gala_desktop.annex.context import AnnexOptions
from gala_desktop.annex.errors import AnnexExportError, ExportCancelled
from gala_desktop.annex.formats import ExportFormat, ExportResult
from gala_desktop.annex.renderer import ProgressCallback, ReadyCallback, Renderer
from gala_desktop.domain.catalogue import CatalogueReader
from gala_desktop.domain.project import Project

__all__ = ["AnnexExportError", "AnnexOptions", "ExportCancelled", "ExportFormat", "ExportResult",
           "export_project", "renderer_for"]


def renderer_for(fmt: ExportFormat, template: Path | None = None) -> Renderer:
    """The renderer of ``fmt``; ``template`` is the Word house-style template (DOCX only)."""

    def pdf(document, output_path, *, progress=None, is_cancelled=None,
            on_ready=None) -> ExportResult:
        from gala_desktop.annex.pdf import render_pdf

        return render_pdf(document, output_path, progress=progress, is_cancelled=is_cancelled,
                          on_ready=on_ready)

    def docx(document, output_path, *, progress=None, is_cancelled=None,
             on_ready=None) -> ExportResult:  # the file is ready when it is written
        from gala_desktop.annex.docx import render_docx

        render_docx(document, output_path, template=template, progress=progress,
                    is_cancelled=is_cancelled)
        return ExportResult(Path(output_path), ExportFormat.DOCX)

    return pdf if fmt is ExportFormat.PDF else docx


def export_project(
    project: Project,
    output_path: Path | str,
    *,
    catalogue: CatalogueReader,
    options: AnnexOptions | None = None,
    renderer: Renderer | None = None,
    progress: ProgressCallback | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    on_ready: ReadyCallback | None = None,
) -> ExportResult:
    """Build the annex of ``project`` with the current catalogue facts and write it with
    ``renderer`` (PDF/A when None); returns what was written, with the PDF/A verdict.
    ``on_ready(path)`` is called as soon as the file can be opened (a PDF: before its PDF/A
    check; the check's verdict is in the result).

    Safe to run off the UI thread: it only reads the catalogue and the project.
    """
    keys = [e.intervention_key for e in project.shortlist]
    # the project's own copy of an own intervention is what it chose
    known = {**catalogue.get_many(keys), **project.own_interventions()}
    # a damaged catalogue (``UnavailableCatalogue``) holds nothing: no intervention has left it
    read = getattr(catalogue, "available", True)
    document = build_annex(project, known.get, options or AnnexOptions(), catalogue.checked_on, read)
    render = renderer or renderer_for(ExportFormat.PDF)
    extra = {"on_ready": on_ready} if on_ready is not None else {}
    return render(document, Path(output_path), progress=progress, is_cancelled=is_cancelled,
                  **extra)
