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
    document = build_annex(project, known.get, options or AnnexOptions(), catalogue.checked_on)
    render_pdf(document, output_path, progress=progress, is_cancelled=is_cancelled)


def export_project_file(
    project_path: Path | str,
    output_path: Path | str,
    options: AnnexOptions | None = None,
) -> list[str]:
    """Load a ``.gala`` file and export its annex with the catalogue in use; notices for the
    user (a damaged catalogue: the annex then shows the facts saved in the project).

    Raises ``ProjectFileError`` (project unreadable), ``CatalogueError`` (catalogue missing) or
    ``AnnexExportError`` (target not writable); all carry a Dutch message.
    """
    from gala_desktop.catalogue.repository import Catalogue, DamagedCatalogueError
    from gala_desktop.catalogue.unavailable import UnavailableCatalogue
    from gala_desktop.project.document import load_project

    project = load_project(project_path)
    target = Path(output_path)
    if not target.parent.exists():
        raise AnnexExportError(
            f"De bijlage kon niet worden opgeslagen als {target.name}. De map {target.parent} "
            "bestaat niet. Kies een andere map."
        )
    notices: list[str] = []
    try:
        catalogue = Catalogue.open()
    except DamagedCatalogueError as err:
        catalogue = UnavailableCatalogue(None, str(err))
        notices.append(str(err))
    try:
        export_project(project, target, catalogue=catalogue, options=options)
    finally:
        catalogue.close()
    return notices
