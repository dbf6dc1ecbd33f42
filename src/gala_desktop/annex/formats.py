"""The annex formats the officer can choose, and what an export reports back.

The PDF/A annex is the archival copy for the council; the Word document is for an officer who
wants to edit or restyle it. Both come from the same document model.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
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


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What was written. ``pdfa`` is True only when the file passed PDF/A-2b validation,
    False when validation failed (the file is then a plain PDF without the PDF/A claim), and
    None for a Word document or when no validator was available."""

    path: Path
    format: ExportFormat
    pdfa: bool | None = None
    detail: str = ""  # the validator's own report, for the curious and for support

    @property
    def fully_succeeded(self) -> bool:
        return self.pdfa is not False

    def message(self) -> str:
        """One honest Dutch sentence or two about the result."""
        if self.format is ExportFormat.DOCX:
            return f"Word-document geschreven naar {self.path}."
        if self.pdfa is True:
            return f"Bijlage geschreven naar {self.path} (PDF/A-2b, gecontroleerd)."
        if self.pdfa is None:
            return (f"Bijlage geschreven naar {self.path}. Het bestand is als PDF/A-2b opgebouwd, "
                    "maar kon niet worden gecontroleerd.")
        return (
            f"Let op: de bijlage is geschreven naar {self.path}, maar het is géén geldige PDF/A. "
            "De controle op PDF/A-2b is mislukt; het bestand is daarom opgeslagen als gewone PDF, "
            "zonder PDF/A-kenmerk. U kunt het lezen en afdrukken, maar lever het niet in als "
            "archiefversie. Probeer het opnieuw of neem contact op met de leverancier."
        )
