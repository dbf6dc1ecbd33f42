"""Use cases: export a project (in memory or from a ``.gala`` file) as a PDF annex."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from gala_desktop.annex.builder import build_annex
from gala_desktop.annex.context import AnnexOptions
from gala_desktop.annex.errors import AnnexExportError, ExportCancelled
from gala_desktop.annex.pdf import ProgressCallback, render_pdf
from gala_desktop.domain.project import Project

__all__ = ["AnnexExportError", "AnnexOptions", "ExportCancelled", "export_project",
           "export_project_file"]

if TYPE_CHECKING:
    from gala_desktop.catalogue.repository import Catalogue


def export_project(
    project: Project,
    output_path: Path | str,
    *,
    catalogue: "Catalogue",
    options: AnnexOptions | None = None,
    progress: ProgressCallback | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> None:
    """Build the annex of ``project`` with the current catalogue facts and write it as PDF/A.

    Safe to run off the UI thread: it only reads the catalogue and the project.
    """
    keys = [e.intervention_key for e in project.shortlist]
    known = catalogue.get_many(keys)
    known.update(project.own_interventions())  # the project's own copy is what it chose
    document = build_annex(project, known.get, options or AnnexOptions(), catalogue.checked_on)
    render_pdf(document, output_path, progress=progress, is_cancelled=is_cancelled)


def export_project_file(
    project_path: Path | str,
    output_path: Path | str,
    options: AnnexOptions | None = None,
) -> None:
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
        export_project(project, target, catalogue=catalogue, options=options)
    finally:
        catalogue.close()
