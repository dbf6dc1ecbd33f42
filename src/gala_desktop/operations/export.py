"""Export use cases: a project (or a ``.gala`` file with the shipped catalogue) → an annex file."""

from __future__ import annotations

import logging
from pathlib import Path

from gala_desktop.annex.context import AnnexOptions
from gala_desktop.annex.errors import AnnexExportError, ExportCancelled
from gala_desktop.annex.export import export_project
from gala_desktop.annex.formats import ExportResult
from gala_desktop.annex.renderer import ReadyCallback, Renderer
from gala_desktop.domain.project import Project
from gala_desktop.operations.workspace import Outcome

log = logging.getLogger(__name__)


def export_project_file(
    project_path: Path | str,
    output_path: Path | str,
    options: AnnexOptions | None = None,
    *,
    renderer: Renderer | None = None,
    on_ready: ReadyCallback | None = None,
) -> tuple[ExportResult, list[str]]:
    """Load a ``.gala`` file and export its annex with the catalogue in use (PDF/A when
    ``renderer`` is None). Returns what was written (with the PDF/A verdict) and notices for the
    user (a damaged catalogue: the annex then shows the facts saved in the project).
    ``on_ready(path)``: the file can be opened (a PDF: before its PDF/A check).

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
    with catalogue:
        result = export_project(project, target, catalogue=catalogue, options=options,
                                renderer=renderer, on_ready=on_ready)
    return result, notices


def export_annex(project: Project, output_path: Path | str, **export_args) -> Outcome:
    """``annex.export.export_project`` (same arguments) as a use case: give a copy of the
    project when the officer keeps working meanwhile. Never raises: a cancel is
    ``Outcome(False, "")``, a failure carries a Dutch message."""
    try:
        result = export_project(project, output_path, **export_args)
    except ExportCancelled:
        return Outcome(False)
    except AnnexExportError as err:
        return Outcome(False, str(err))
    except Exception as err:  # noqa: BLE001 - a bug must not take the officer's work down
        log.exception("export failed")
        return Outcome(
            False,
            "De bijlage kon door een onverwachte fout niet worden gemaakt. Uw project is niet "
            f"gewijzigd. Technische melding: {type(err).__name__}: {err}",
        )
    # a PDF that is not the checked PDF/A is written, but said so honestly (in Dutch)
    return Outcome(True, result.message(), warning=not result.fully_succeeded)
