"""Where every annex renderer writes: checks on the target, then the shared atomic writer."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from gala_desktop import atomic
from gala_desktop.annex.errors import refuse_project_file_target, write_error


@contextmanager
def annex_file(output_path: Path | str) -> Iterator[Path]:
    """Yield a temporary file to write the annex into; it replaces ``output_path`` when the
    block ends without an exception. Raises ``AnnexExportError`` (Dutch) when the target cannot
    be written — before any work, where possible. A cancel (``ExportCancelled``) or failure
    leaves no file behind and an existing annex untouched.
    """
    target = Path(output_path)
    refuse_project_file_target(target)
    if target.is_dir():
        raise write_error(IsADirectoryError(str(target)), target)
    try:
        with atomic.replacing(target) as temp:
            yield temp
    except OSError as err:
        raise write_error(err, target) from err
