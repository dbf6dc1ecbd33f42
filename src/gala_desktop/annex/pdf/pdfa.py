"""Post-processing of the reportlab output: the plain PDF first, then the PDF/A-2b version.

reportlab writes a plain PDF; here pikepdf gives it what every annex needs (document language,
Info and XMP metadata that agree, no page transitions, copyable emoji): ``write_plain`` writes
that, with no PDF/A identification and no output intent, so it claims nothing. ``write_pdfa``
adds the PDF/A identification and the sRGB output intent; ``pikepdf.pdfa.save`` writes the file
and validates the bytes it wrote against the veraPDF rules for PDF/A-2b (nothing is written when
they fail).
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass
from pathlib import Path

import pikepdf

from gala_desktop.annex.model import Metadata
from gala_desktop.annex.pdf.text import clean_line

log = logging.getLogger(__name__)

PDFA_FLAVOUR = "2b"
CREATOR = "GALA Desktop"


@dataclass(frozen=True, slots=True)
class PdfaVerdict:
    """``valid``: True (passed: the PDF/A version is written), False (failed: nothing written)
    or None (the validator is not installed: nothing written). ``detail`` is the validator's
    report."""

    valid: bool | None
    detail: str


def _set_metadata(pdf: pikepdf.Pdf, meta: Metadata) -> None:
    title = clean_line(meta.title)
    author = clean_line(meta.author)
    subject = clean_line(meta.subject)
    keywords = ", ".join(clean_line(k) for k in meta.keywords if k.strip())
    pdf.Root.Lang = pikepdf.String(meta.language)
    pdf.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
    pdf.Root.PageMode = pikepdf.Name.UseOutlines
    for page in pdf.pages:
        # reportlab writes an empty page transition; PDF/A validators do not accept it.
        if "/Trans" in page.obj:
            del page.obj["/Trans"]
    info = pdf.docinfo
    if "/Trapped" in info:
        del info["/Trapped"]  # has no XMP counterpart in PDF/A-2
    info.Title = pikepdf.String(title)
    info.Author = pikepdf.String(author)
    info.Subject = pikepdf.String(subject)
    info.Keywords = pikepdf.String(keywords)
    info.Creator = pikepdf.String(CREATOR)
    with pdf.open_metadata(set_pikepdf_as_editor=False) as xmp:
        xmp.load_from_docinfo(info)
        xmp["dc:title"] = title
        xmp["dc:creator"] = [author]
        xmp["dc:description"] = subject
        xmp["pdf:Keywords"] = keywords
        xmp["dc:language"] = [meta.language]
        xmp["xmp:CreatorTool"] = CREATOR


_CMAP_ASTRAL = re.compile(rb"<([0-9A-Fa-f]{5,6})>")


def _utf16_hex(match: re.Match) -> bytes:
    char = chr(int(match.group(1), 16))
    return b"<" + char.encode("utf-16-be").hex().upper().encode() + b">"


def _fix_to_unicode_maps(pdf: pikepdf.Pdf) -> None:
    """reportlab writes characters beyond U+FFFF (emoji) into /ToUnicode maps as bare code
    points such as ``<1F600>``; the format wants UTF-16, so copy-paste and search would break.
    Rewrite them as surrogate pairs (``<D83DDE00>``)."""
    seen: set[tuple[int, int]] = set()
    for page in pdf.pages:
        for font in page.obj.get("/Resources", {}).get("/Font", {}).values():
            cmap = font.get("/ToUnicode")
            if cmap is None or cmap.objgen in seen:
                continue
            seen.add(cmap.objgen)
            data = cmap.read_bytes()
            fixed = _CMAP_ASTRAL.sub(_utf16_hex, data)
            if fixed != data:
                cmap.write(fixed)


def _open(source: Path | bytes) -> pikepdf.Pdf:
    return pikepdf.open(io.BytesIO(source) if isinstance(source, bytes) else source)


def _prepared(source: Path | bytes, meta: Metadata) -> pikepdf.Pdf:
    pdf = _open(source)
    _set_metadata(pdf, meta)
    _fix_to_unicode_maps(pdf)
    return pdf


def write_plain(source: Path | bytes, target: Path, meta: Metadata) -> None:
    """Write ``source`` (a file or the PDF's bytes) to ``target`` as the plain annex: metadata,
    language and text layer as in the PDF/A version, but no PDF/A identification (no ``pdfaid``
    in XMP, no output intent), so it never claims what has not been checked."""
    with _prepared(source, meta) as pdf:
        pdf.save(target)


def write_pdfa(source: Path | bytes, target: Path, meta: Metadata) -> PdfaVerdict:
    """Write ``source`` as PDF/A-2b to ``target`` and validate the written bytes; returns the
    validator's verdict. Only a pass leaves a file at ``target``: a failed check writes nothing
    (a file that claims PDF/A wrongly is worse than one that makes no claim)."""
    try:
        from pikepdf import pdfa
    except ImportError:  # the 'pdfa' extra of pikepdf is missing: no check, so no claim
        return PdfaVerdict(None, "niet gecontroleerd: pikepdf zonder PDF/A-onderdeel")
    with _prepared(source, meta) as pdf:
        try:
            report = pdfa.save(pdf, target, PDFA_FLAVOUR, output_intent="sRGB")
            return PdfaVerdict(True, report.summary())
        except pdfa.PdfaError as err:
            verdict = err.report.summary()
    # Not a warning on the console: the caller reports the verdict to the officer in Dutch.
    log.info("annex is not valid PDF/A-2b; the plain PDF stays:\n%s", verdict)
    return PdfaVerdict(False, verdict)
