"""Build the annex of a project and hand it to a renderer (PDF/A unless told otherwise)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from gala_desktop.annex.builder import build_annex
from gala_desktop.annex.context import AnnexOptions
from gala_desktop.annex.errors import AnnexExportError, ExportCancelled
from gala_desktop.annex.pdf import render_pdf
from gala_desktop.annex.renderer import ProgressCallback, Renderer
from gala_desktop.domain.catalogue import CatalogueReader
from gala_desktop.domain.project import Project

__all__ = ["AnnexExportError", "AnnexOptions", "ExportCancelled", "export_project"]


def export_project(
    project: Project,
    output_path: Path | str,
    *,
    catalogue: CatalogueReader,
    options: AnnexOptions | None = None,
    renderer: Renderer = render_pdf,
    progress: ProgressCallback | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> None:
    """Build the annex of ``project`` with the current catalogue facts and write it with
    ``renderer``.

    Safe to run off the UI thread: it only reads the catalogue and the project.
    """
    keys = [e.intervention_key for e in project.shortlist]
    # the project's own copy of an own intervention is what it chose
    known = {**catalogue.get_many(keys), **project.own_interventions()}
    document = build_annex(project, known.get, options or AnnexOptions(), catalogue.checked_on)
    renderer(document, output_path, progress=progress, is_cancelled=is_cancelled)
