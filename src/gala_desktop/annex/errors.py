"""Errors of the annex export. ``str`` of ``AnnexExportError`` is a Dutch message for the user."""

from __future__ import annotations

import errno
from pathlib import Path

from gala_desktop.file_errors import is_read_only_medium, write_failure_reason


class AnnexExportError(Exception):
    """The annex could not be written; the message says why in plain Dutch."""


class ExportCancelled(Exception):
    """The user cancelled the export; nothing was written."""


def write_error(err: OSError, target: Path) -> AnnexExportError:
    """A Dutch explanation of why ``target`` could not be written."""
    name = target.name or str(target.resolve())  # "." or "..": name the folder itself
    if err.errno in (errno.ENOSPC, errno.EDQUOT):
        detail = "De schijf is vol. Maak ruimte vrij of kies een andere map."
    elif isinstance(err, FileNotFoundError):
        detail = f"De map {target.parent} bestaat niet (meer). Kies een andere map."
    elif isinstance(err, IsADirectoryError):
        detail = f"{name} is een map. Kies een bestandsnaam."
    elif is_read_only_medium(err):
        detail = write_failure_reason(err)
    elif isinstance(err, PermissionError) or err.errno in (errno.EACCES, errno.EPERM):
        detail = (
            "U hebt geen toestemming om hier te schrijven, of het bestand is geopend in een ander "
            "programma. Sluit het bestand of kies een andere map."
        )
    else:
        detail = write_failure_reason(err)
    return AnnexExportError(f"De bijlage kon niet worden opgeslagen als {name}. {detail}")


PROJECT_FILE_ENDINGS = (".gala", ".gala.bak", ".gala-herstel")


def refuse_project_file_target(target: Path) -> None:
    """An annex must never replace a project file (or its backup or recovery file)."""
    if target.name.lower().endswith(PROJECT_FILE_ENDINGS):
        raise AnnexExportError(
            f"De bijlage kon niet worden opgeslagen als {target.name}. Die naam is voor een "
            "GALA Desktop-projectbestand; het project zou dan verloren gaan. Kies een naam die "
            "eindigt op .pdf of .docx."
        )
