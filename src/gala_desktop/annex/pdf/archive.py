"""The second half of a PDF export: check the PDF/A version and only then put it in place.

The plain PDF is already at the target (the officer may have opened it). The PDF/A-2b version
is written beside it and validated; only a pass replaces the plain file, atomically, and only
when the plain file is still the one the export wrote. Whatever goes wrong — the check says no,
the officer closes the window, a viewer holds the file open (Windows), the folder is gone — the
plain file stays as it is, no temporary file remains, and the result says so.
"""

from __future__ import annotations

import errno
import logging
from collections.abc import Callable
from pathlib import Path

from gala_desktop import atomic
from gala_desktop.annex.errors import ExportCancelled
from gala_desktop.annex.formats import ExportResult, PdfaStatus
from gala_desktop.annex.model import Metadata
from gala_desktop.annex.pdf.pdfa import PdfaVerdict, write_pdfa
from gala_desktop.file_errors import write_failure_reason

log = logging.getLogger(__name__)

CHANGED = ("Het bestand is intussen gewijzigd, verplaatst of verwijderd; GALA Desktop heeft het "
           "daarom niet aangeraakt.")


class _Kept(Exception):
    """The check did not pass: leave the plain file."""

    def __init__(self, verdict: PdfaVerdict) -> None:
        super().__init__(verdict.detail)
        self.verdict = verdict


def identity(path: Path) -> tuple[int, int, int] | None:
    """Size, modification time and inode: whether a file is still the one written."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns, info.st_ino


def install_pdfa(raw: bytes, target: Path, meta: Metadata, written: tuple[int, int, int] | None,
                 is_cancelled: Callable[[], bool] | None = None) -> ExportResult:
    """Write, validate and move the PDF/A version of ``raw`` over the plain PDF at ``target``,
    which must still be the file the export wrote (``written``, its ``identity`` then).
    Never raises for a failed check, a cancel or a file that cannot be replaced: the result's
    ``status`` says which, and the plain file is then left untouched."""
    verdict: PdfaVerdict | None = None

    def stop_if_cancelled() -> None:
        if is_cancelled is not None and is_cancelled():
            raise ExportCancelled()

    try:
        with atomic.replacing(target) as temp:
            stop_if_cancelled()
            verdict = write_pdfa(raw, temp, meta)
            if verdict.valid is not True:
                raise _Kept(verdict)
            stop_if_cancelled()
            if written is None or identity(target) != written:
                raise FileNotFoundError(errno.ENOENT, CHANGED)
    except _Kept as kept:
        status = PdfaStatus.UNCHECKED if kept.verdict.valid is None else PdfaStatus.FAILED
        return ExportResult.of_pdf(target, status, kept.verdict.detail)
    except ExportCancelled:
        return ExportResult.of_pdf(target, PdfaStatus.CANCELLED)
    except OSError as err:
        reason = CHANGED if err.strerror == CHANGED else write_failure_reason(err)
        detail = f"{type(err).__name__}: {err}" + (f"\n{verdict.detail}" if verdict else "")
        return ExportResult.of_pdf(target, PdfaStatus.NOT_REPLACED, detail, reason)
    except Exception as err:  # noqa: BLE001 - a bug in the check must not hide the ready file
        log.exception("the PDF/A step failed")
        return ExportResult.of_pdf(target, PdfaStatus.FAILED, f"{type(err).__name__}: {err}")
    return ExportResult.of_pdf(target, PdfaStatus.PASSED, verdict.detail)
