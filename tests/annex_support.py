"""Shared helpers for the annex tests: a realistic project and readers for the written PDF.

(No tests in here: a helper module, imported by the annex test files.)
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pikepdf
from pypdf import PdfReader

from gala_desktop.domain.intervention import Intervention
from gala_desktop.domain.project import (
    AccessAspect,
    ChecklistState,
    EntryStatus,
    FundingSource,
    Priority,
    Project,
    ShortlistEntry,
    ThemeChoice,
)

# theme → interventions (keys in the shipped catalogue), in shortlist order
PLAN = {
    "eenzaamheid": ["de-luisterlijn", "resto-vanharte", "mijn-leven-in-kaart", "join-us"],
    "mantelzorg": ["partner-in-balans", "ontmoetingscentra-dementie", "mantelscan"],
    "sociale-samenhang": ["buurtcirkel", "buurtbemiddeling"],
    "vrijwilligers-professionals": ["humanitas-thuisadministratie", "meer-vrijwilligers-in-kortere-tijd"],
    "vitaal-ouder-worden": ["meer-bewegen-voor-ouderen", "otago-oefenprogramma", "goldensports"],
}

RATIONALE = {
    "eenzaamheid": (
        "Uit de Gezondheidsmonitor blijkt dat 52% van de inwoners van 65 jaar en ouder in "
        "Lindeveen zich eenzaam voelt; in de wijken Oosterhof en De Brink ligt dat hoger.\n\n"
        "We kiezen voor een mix van laagdrempelige ontmoeting en persoonlijke ondersteuning."
    ),
    "mantelzorg": "Het aantal overbelaste mantelzorgers stijgt. Respijt en steun dichtbij zijn nodig.",
    "sociale-samenhang": "Buren kennen elkaar minder goed dan vroeger; we versterken het netwerk in de wijk.",
    "vrijwilligers-professionals": "",
    "vitaal-ouder-worden": "Vallen is de belangrijkste oorzaak van ziekenhuisopname bij ouderen in Lindeveen.",
}


def realistic_project(catalogue) -> tuple[Project, dict[str, Intervention]]:
    """A Lindeveen-like project over the shipped catalogue: 5 themes, 14 entries."""
    project = Project(
        gemeente="Lindeveen",
        title="Samen sterk in de sociale basis",
        authors=["M. de Vries", "A. El Amrani"],
        period="2026–2029",
        version_status="Concept voor het college",
        date=dt.date(2026, 11, 20),
        format_reference="Format Brede SPUK, onderdeel 3B",
        introduction=(
            "Lindeveen wil dat inwoners gezond en actief kunnen leven, dichtbij huis. Deze bijlage "
            "beschrijft de erkende interventies waarmee we dat de komende jaren doen.\n\n"
            "De keuzes zijn gemaakt samen met welzijnsorganisaties, de GGD en inwoners."
        ),
    )
    interventions: dict[str, Intervention] = {}
    budget = 8_500_00
    for theme, keys in PLAN.items():
        project.themes.append(ThemeChoice(theme, RATIONALE[theme]))
        for i, key in enumerate(keys):
            iv = catalogue.get(key)
            assert iv is not None, key
            interventions[key] = iv
            entry = ShortlistEntry.for_intervention(iv, theme)
            entry.status = EntryStatus.CHOSEN if i < 2 else EntryStatus.CONSIDERING
            entry.priority = Priority.HIGH if i == 0 else Priority.MEDIUM
            plan = entry.plan
            if i != 1:
                plan.partners = "Stichting Welzijn Lindeveen & Humanitas afdeling Lindeveen"
                plan.budget_cents = budget
                plan.funding_source = [FundingSource.SPUK, FundingSource.OWN, FundingSource.IZA][i % 3]
                plan.start = dt.date(2027, 1, 1)
                plan.end = dt.date(2028, 12, 31)
                plan.neighbourhoods = "Oosterhof, De Brink en de kernen Veenhuizen en Lindehoek"
                plan.reach = 120 + 10 * i
                plan.responsible = "Team Sociaal Domein, beleidsadviseur welzijn"
                plan.monitoring = "Halfjaarlijkse rapportage van deelnemersaantallen en ervaringen."
                plan.notes = f"Afspraak met de uitvoerder gepland; notitie {theme}-{key}."
                plan.access = {
                    AccessAspect.AFFORDABLE: "Deelname is gratis voor inwoners met een minimuminkomen.",
                    AccessAspect.NEARBY: "In alle vier de wijkcentra.",
                }
                for j, item in enumerate(plan.checklist):
                    item.state = [ChecklistState.ARRANGED, ChecklistState.OPEN, ChecklistState.NOT_APPLICABLE][j % 3]
                    if j == 0:
                        item.note = "Geregeld via de subsidieafspraken 2027."
            budget += 2_750_00
            project.shortlist.append(entry)
    return project, interventions


# -- reading the PDF back ------------------------------------------------------------------

def body_text(path: Path) -> str:
    """The text of all pages without the running header and footer, pages joined."""
    reader = PdfReader(str(path))
    parts = []
    for page in reader.pages:
        height = float(page.mediabox.height)
        chunks: list[str] = []

        def visit(text, cm, tm, _font, _size, chunks=chunks, height=height):
            y = tm[5] * cm[3] + cm[5] if cm else tm[5]
            if 0.05 * height < y < 0.94 * height:  # between footer and header
                chunks.append(text)

        page.extract_text(visitor_text=visit)
        parts.append("".join(chunks))
    return "\n".join(parts)


def all_text(path: Path) -> str:
    return "\n".join(p.extract_text() or "" for p in PdfReader(str(path)).pages)


def squash(text: str) -> str:
    """Compare texts regardless of line breaks, hyphenation and spacing."""
    return re.sub(r"[\s\-\u00ad\u2010]+", "", text)


def outline_titles(path: Path) -> list[str]:
    reader = PdfReader(str(path))
    titles: list[str] = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    return titles


def pdfa_problems(path: Path) -> list[str]:
    """Our own check of the PDF/A-2b requirements we can verify structurally."""
    problems: list[str] = []
    with pikepdf.open(path) as pdf:
        if pdf.is_encrypted:
            problems.append("encrypted")
        root = pdf.Root
        if str(root.get("/Lang", "")) != "nl-NL":
            problems.append("Lang not nl-NL")
        if "/Names" in root and "/JavaScript" in root.Names:
            problems.append("document JavaScript")
        if "/OpenAction" in root or "/AA" in root:
            problems.append("automatic actions")
        intents = root.get("/OutputIntents", [])
        if not any(
            oi.get("/S") == "/GTS_PDFA1" and "/DestOutputProfile" in oi for oi in intents
        ):
            problems.append("no PDF/A output intent with ICC profile")
        meta = pdf.open_metadata()
        if meta.get("pdfaid:part") != "2" or meta.get("pdfaid:conformance") != "B":
            problems.append("XMP lacks pdfaid part 2 / conformance B")
        info = pdf.docinfo
        if str(info.get("/Title", "")) != meta.get("dc:title"):
            problems.append("Title differs between Info and XMP")
        if str(info.get("/Author", "")) not in str(meta.get("dc:creator")):
            problems.append("Author differs between Info and XMP")
        for n, page in enumerate(pdf.pages, start=1):
            if "/Group" in page.obj and "/CS" not in page.obj.Group:
                problems.append(f"page {n}: transparency group without colour space")
            for annot in page.obj.get("/Annots", []):
                if annot.get("/Subtype") == "/Link" and int(annot.get("/F", 0)) & 4 == 0:
                    problems.append(f"page {n}: link annotation without Print flag")
                action = annot.get("/A")
                if action is not None and action.get("/S") in ("/JavaScript", "/Launch"):
                    problems.append(f"page {n}: forbidden action")
            fonts = page.obj.Resources.get("/Font", {})
            for name, font in fonts.items():
                problems += [f"page {n} font {name}: {p}" for p in font_problems(font)]
    return problems


_BASE14 = {
    "Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique", "Times-Roman",
    "Times-Bold", "Times-Italic", "Times-BoldItalic", "Courier", "Courier-Bold",
    "Courier-Oblique", "Courier-BoldOblique", "Symbol", "ZapfDingbats",
}


def font_problems(font) -> list[str]:
    problems = []
    base = str(font.get("/BaseFont", "")).lstrip("/")
    if base.split("+")[-1] in _BASE14:
        problems.append(f"base-14 font {base}")
    descendants = font.get("/DescendantFonts")
    target = descendants[0] if descendants else font
    descriptor = target.get("/FontDescriptor")
    if descriptor is None:
        return problems + [f"{base} has no font descriptor (not embedded)"]
    if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
        problems.append(f"{base} not embedded")
    if not descendants and "/Widths" not in font:
        problems.append(f"{base} has no widths")
    return problems


def unembedded_font_pdf(folder: Path) -> bytes:
    """A real PDF that PDF/A forbids: its text uses Helvetica, a base-14 font, not embedded."""
    from reportlab.pdfgen.canvas import Canvas

    source = folder / "helvetica.pdf"
    canvas = Canvas(str(source))
    canvas.setFont("Helvetica", 12)
    canvas.drawString(72, 720, "Niet ingebed lettertype")
    canvas.save()
    raw = source.read_bytes()
    source.unlink()
    return raw


def layout_rejected_as_pdfa(monkeypatch, folder: Path) -> None:
    """From now on the export's layout step hands the PDF/A step ``unembedded_font_pdf``, which
    the real validator rejects: a failed check forced with real input."""
    import pytest

    from gala_desktop.annex.pdf import render as pdf_renderer

    pytest.importorskip("pikepdf.pdfa")
    raw = unembedded_font_pdf(folder)
    monkeypatch.setattr(pdf_renderer, "_layout", lambda *args: raw)
