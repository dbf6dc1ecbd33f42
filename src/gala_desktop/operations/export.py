"""Export use cases that combine layers: a ``.gala`` file and the shipped catalogue → annex."""

from __future__ import annotations

from pathlib import Path

from gala_desktop.annex.context import AnnexOptions
from gala_desktop.annex.errors import AnnexExportError
from gala_desktop.annex.export import export_project
from gala_desktop.annex.pdf import render_pdf
from gala_desktop.annex.renderer import Renderer


def export_project_file(
    project_path: Path | str,
    output_path: Path | str,
    options: AnnexOptions | None = None,
    *,
    renderer: Renderer = render_pdf,
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
    with Catalogue.open() as catalogue:
        export_project(project, target, catalogue=catalogue, options=options, renderer=renderer)
