"""Post-processing of the reportlab output into PDF/A-2b.

reportlab writes a plain PDF; here pikepdf adds what PDF/A-2b needs and removes what it
forbids: document language, Info and XMP metadata that agree, a PDF/A identification, an sRGB
output intent, and no page transitions. ``pikepdf.pdfa.save`` then writes the file and
validates the bytes it wrote against the veraPDF rules for PDF/A-2b (it raises if they fail).
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
    """``valid``: True (passed), False (failed, written without the PDF/A claim) or None (the
    validator is not installed). ``detail`` is the validator's report."""

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


def _add_output_intent(pdf: pikepdf.Pdf) -> None:
    """The sRGB output intent, for when the pikepdf PDF/A extra is not installed."""
    icc_path = Path(pikepdf.__file__).parent / "pdfa" / "data" / "sRGB.icc"
    if icc_path.is_file():
        icc = icc_path.read_bytes()
    else:  # pragma: no cover - depends on the installed pikepdf
        from PIL import ImageCms

        icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    stream = pdf.make_stream(icc)
    stream.N = 3
    intent = pikepdf.Dictionary(
        Type=pikepdf.Name.OutputIntent,
        S=pikepdf.Name.GTS_PDFA1,
        OutputConditionIdentifier=pikepdf.String("sRGB"),
        Info=pikepdf.String("sRGB IEC61966-2.1"),
        DestOutputProfile=stream,
    )
    pdf.Root.OutputIntents = pikepdf.Array([pdf.make_indirect(intent)])
    for page in pdf.pages:
        for annot in page.obj.get("/Annots", []):
            annot.F = 4  # Print flag, required for PDF/A annotations


def _open(source: Path | bytes) -> pikepdf.Pdf:
    return pikepdf.open(io.BytesIO(source) if isinstance(source, bytes) else source)


def make_pdfa(source: Path | bytes, target: Path, meta: Metadata) -> PdfaVerdict:
    """Write ``source`` (a file or the PDF's bytes) as PDF/A-2b to ``target``; returns the
    validator's verdict.

    Should validation ever fail, the annex is still written, as an ordinary PDF without the
    PDF/A claim (a file that claims PDF/A wrongly is worse than one that makes no claim): the
    user's document matters more than the archive label. The verdict says so; the command line
    and the export dialog tell the officer in Dutch.
    """
    with _open(source) as pdf:
        _set_metadata(pdf, meta)
        _fix_to_unicode_maps(pdf)
        try:
            from pikepdf import pdfa
        except ImportError:  # the 'pdfa' extra of pikepdf is missing: structure without check
            _add_output_intent(pdf)
            with pdf.open_metadata(set_pikepdf_as_editor=False) as xmp:
                xmp["pdfaid:part"] = "2"
                xmp["pdfaid:conformance"] = "B"
            pdf.save(target)
            return PdfaVerdict(None, "PDF/A-2b opgebouwd; niet gevalideerd (pikepdf zonder PDF/A-onderdeel)")
        try:
            report = pdfa.save(pdf, target, PDFA_FLAVOUR, output_intent="sRGB")
            return PdfaVerdict(True, report.summary())
        except pdfa.PdfaError as err:
            verdict = err.report.summary()
    # Not a warning on the console: the caller reports the verdict to the officer in Dutch.
    log.info("annex is not valid PDF/A-2b, written as plain PDF:\n%s", verdict)
    with _open(source) as pdf:
        _set_metadata(pdf, meta)
        _fix_to_unicode_maps(pdf)
        pdf.save(target)
    return PdfaVerdict(False, verdict)
