"""The seam between the annex document model and a file format.

A renderer is any callable with the signature of :class:`Renderer`; ``export_project`` takes
one (``export.renderer_for(ExportFormat.PDF)`` by default; ``renderer_for`` also gives the Word
renderer). It returns an ``ExportResult``: what it wrote and, for a PDF, the PDF/A verdict. A renderer writes through ``annex.output.annex_file``, so every
format gets the same target checks, atomic replacement and clean cancel.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from gala_desktop.annex import model
from gala_desktop.annex.formats import ExportResult

ProgressCallback = Callable[[int, int], None]
"""Called as ``progress(done, total)`` (``total`` is always ``PROGRESS_TOTAL``); ``done`` only
grows and ends at ``total``. Fits ``QProgressDialog.setMaximum``/``setValue`` directly."""
PROGRESS_TOTAL = 100
ReadyCallback = Callable[[Path], None]
"""Called once with the written file's path as soon as it can be opened; for a PDF that is
before its PDF/A check (the verdict comes in the ``ExportResult``)."""


class Renderer(Protocol):
    def __call__(
        self,
        document: model.Document,
        output_path: Path | str,
        *,
        progress: ProgressCallback | None = None,
        is_cancelled: Callable[[], bool] | None = None,
        on_ready: ReadyCallback | None = None,
    ) -> ExportResult:
        """Write ``document`` to ``output_path``. Raises ``ExportCancelled`` when
        ``is_cancelled()`` turns true and ``AnnexExportError`` when the target cannot be written;
        in both cases no file is left behind. ``on_ready`` may be left uncalled (export_project
        passes it only when given)."""
