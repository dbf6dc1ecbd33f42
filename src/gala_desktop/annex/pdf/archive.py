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
    checked = b""

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
            checked = temp.read_bytes()  # the validated bytes, for a second try
            _still_written(target, written)
    except _Kept as kept:
        status = PdfaStatus.UNCHECKED if kept.verdict.valid is None else PdfaStatus.FAILED
        return ExportResult.of_pdf(target, status, kept.verdict.detail)
    except ExportCancelled:
        return ExportResult.of_pdf(target, PdfaStatus.CANCELLED)
    except OSError as err:
        return _not_replaced(err, target, written, checked, verdict.detail if verdict else "")
    except Exception as err:  # noqa: BLE001 - a bug in the check must not hide the ready file
        log.exception("the PDF/A step failed")
        return ExportResult.of_pdf(target, PdfaStatus.FAILED, f"{type(err).__name__}: {err}")
    return ExportResult.of_pdf(target, PdfaStatus.PASSED, verdict.detail)


def _still_written(target: Path, written: tuple[int, int, int] | None) -> None:
    if written is None or identity(target) != written:
        raise FileNotFoundError(errno.ENOENT, CHANGED)


def _not_replaced(err: OSError, target: Path, written: tuple[int, int, int] | None,
                  checked: bytes, detail: str) -> ExportResult:
    """The plain file stays. When the PDF/A version had passed and the file is still the plain
    one (a viewer held it, the folder was away), ``retry`` tries again with the checked bytes."""
    changed = err.strerror == CHANGED
    retry = None
    if checked and not changed:
        def retry() -> ExportResult:
            return replace_checked(checked, target, written, detail)
    return ExportResult.of_pdf(target, PdfaStatus.NOT_REPLACED,
                               f"{type(err).__name__}: {err}\n{detail}".strip(),
                               CHANGED if changed else write_failure_reason(err), retry)


def replace_checked(checked: bytes, target: Path, written: tuple[int, int, int] | None,
                    detail: str) -> ExportResult:
    """Put the PDF/A bytes that passed the check over the plain file, if that is still the
    file the export wrote: the second try after the officer closed the viewer. The bytes are
    the ones the validator read, unchanged."""
    try:
        with atomic.replacing(target) as temp:
            temp.write_bytes(checked)
            _still_written(target, written)
    except OSError as err:
        return _not_replaced(err, target, written, checked, detail)
    return ExportResult.of_pdf(target, PdfaStatus.PASSED, detail)
