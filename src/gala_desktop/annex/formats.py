"""The annex formats the officer can choose, and what an export reports back.

The PDF/A annex is the archival copy for the council; the Word document is for an officer who
wants to edit or restyle it. Both come from the same document model.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


class ExportFormat(enum.Enum):
    PDF = "pdf"
    DOCX = "docx"

    @property
    def suffix(self) -> str:
        return f".{self.value}"

    @property
    def label(self) -> str:
        """The choice as the export dialog names it."""
        return {"pdf": "PDF/A voor het archief",
                "docx": "Word-document om verder te bewerken"}[self.value]

    @property
    def file_filter(self) -> str:
        return {"pdf": "PDF-bestanden (*.pdf)", "docx": "Word-documenten (*.docx)"}[self.value]

    @classmethod
    def for_path(cls, path: Path | str) -> "ExportFormat | None":
        suffix = Path(path).suffix.lower()
        return next((f for f in cls if f.suffix == suffix), None)


EXPORT_AGAIN = "Exporteer daarna opnieuw voor de archiefversie."


class PdfaStatus(enum.Enum):
    """How the PDF/A check of a PDF annex ended. The annex is written first as a plain PDF that
    claims nothing; only a check that passed puts the PDF/A version in its place."""

    PASSED = "passed"  # checked, and the file is now the PDF/A-2b version
    FAILED = "failed"  # the check said no: the file stays the plain PDF
    UNCHECKED = "unchecked"  # no validator installed: the file stays the plain PDF
    CANCELLED = "cancelled"  # the check was stopped (the window closed): plain PDF
    NOT_REPLACED = "not_replaced"  # the PDF/A version could not replace the file: plain PDF


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What was written. ``pdfa`` is True only when the file at ``path`` is the PDF/A-2b version
    that passed the check, False when it is the plain PDF without the PDF/A claim (``status``
    says why), and None for a Word document."""

    path: Path
    format: ExportFormat
    pdfa: bool | None = None
    detail: str = ""  # the validator's own report, for the curious and for support
    status: PdfaStatus | None = None
    reason: str = ""  # why the PDF/A version could not replace the file (Dutch)
    # NOT_REPLACED after a passed check: put the checked PDF/A in place after all (the viewer
    # that held the file is closed); returns the new result
    retry: Callable[[], "ExportResult"] | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of_pdf(cls, path: Path, status: PdfaStatus, detail: str = "", reason: str = "",
               retry: Callable[[], "ExportResult"] | None = None) -> "ExportResult":
        return cls(path, ExportFormat.PDF, status is PdfaStatus.PASSED, detail, status, reason,
                   retry)

    @property
    def fully_succeeded(self) -> bool:
        return self.pdfa is not False

    def verdict_text(self) -> str:
        """The PDF/A verdict alone, in Dutch (empty for a Word document)."""
        if self.format is ExportFormat.DOCX:
            return ""
        plain = ("Het bestand is een gewone PDF, zonder PDF/A-kenmerk: u kunt het lezen en "
                 "afdrukken, maar lever het niet in als archiefversie.")
        return {
            PdfaStatus.PASSED: "PDF/A-2b gecontroleerd: het bestand is nu de archiefversie.",
            PdfaStatus.FAILED: ("Let op: de bijlage is géén geldige PDF/A. De controle op PDF/A-2b "
                                f"is mislukt. {plain} Probeer het opnieuw of neem contact op "
                                "met de leverancier."),
            PdfaStatus.UNCHECKED: ("Let op: de PDF/A-controle is niet beschikbaar in deze "
                                   f"installatie, dus de bijlage is géén gecontroleerde PDF/A. {plain}"),
            PdfaStatus.CANCELLED: ("De PDF/A-controle is afgebroken, dus de bijlage is géén "
                                   f"gecontroleerde PDF/A. {plain} Exporteer opnieuw voor de "
                                   "archiefversie."),
            PdfaStatus.NOT_REPLACED: ("Let op: de PDF/A-versie kon niet in de plaats van het "
                                      "bestand komen. "
                                      f"{self.reason} Daarom is de bijlage géén PDF/A. {plain} "
                                      f"{EXPORT_AGAIN}"),
        }[self.status or PdfaStatus.UNCHECKED]

    def message(self) -> str:
        """One honest Dutch sentence or two about the result."""
        if self.format is ExportFormat.DOCX:
            return f"Word-document geschreven naar {self.path}."
        if self.pdfa:
            return f"Bijlage geschreven naar {self.path} (PDF/A-2b, gecontroleerd)."
        return f"De bijlage staat in {self.path}. {self.verdict_text()}"
