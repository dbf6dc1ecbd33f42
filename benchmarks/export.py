"""Measure 3: the PDF/A annex of 10 / 100 / 500 shortlisted interventions, and its growth.

App: ``gala_desktop.annex.export.export_project`` (catalogue look-up, annex document model,
reportlab layout with table of contents, PDF/A-2b post-processing and validation). The moment
the exporter reports its PDF/A step splits layout from PDF/A.

Floor: the same catalogue and plan texts, one paragraph per field, set by reportlab in a single
pass with the same embedded font: no table of contents, no hyphenation, no PDF/A.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from benchmarks.projects import pick, synthetic_project
from benchmarks.report import Row, Section, Target
from benchmarks.stats import Summary, growth_exponent

TARGET_SIZE = 100
TARGET_S = 1.5
LINEAR_LIMIT = 1.2  # "roughly linear": growth exponent at most this


def _floor_pdf(project, interventions, path: Path) -> None:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate
    from xml.sax.saxutils import escape

    from gala_desktop.annex.pdf.styles import FONT, FONT_BOLD, register_fonts

    register_fonts()
    body = ParagraphStyle("body", fontName=FONT, fontSize=9.8, leading=13)
    heading = ParagraphStyle("heading", fontName=FONT_BOLD, fontSize=13, leading=17, spaceBefore=8)
    by_key = {i.key: i for i in interventions}
    story = []
    for entry in project.shortlist:
        iv = by_key[entry.intervention_key]
        plan = entry.plan
        story.append(Paragraph(escape(iv.name), heading))
        texts = [iv.summary, iv.aim, iv.approach, iv.target_group_text, iv.owner, plan.partners,
                 plan.neighbourhoods, plan.monitoring, plan.notes, *plan.access.values(),
                 *(f"{c.kind.label}: {c.text} ({c.state.label})" for c in plan.checklist)]
        story += [Paragraph(escape(t), body) for t in texts if t]
    doc = SimpleDocTemplate(str(path), title=project.title, author=", ".join(project.authors))
    doc.build(story)


def _pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(path)).pages)


def measure(catalogue_path: Path, sizes: list[int], repeats: dict[int, int], log=print) -> Section:
    section = Section("Annex export (PDF/A)")
    try:
        from gala_desktop.annex.export import export_project
    except ImportError as err:
        section.notes.append(f"The annex exporter is not available ({err}).")
        section.targets.append(Target(f"Export of {TARGET_SIZE} ≤ {TARGET_S} s", "–", None))
        return section
    from gala_desktop.catalogue.repository import Catalogue

    medians: dict[int, float] = {}
    with (
        Catalogue.open(catalogue_path) as catalogue,
        tempfile.TemporaryDirectory(prefix="gala-bench-annex-") as folder,
    ):
        for size in sizes:
            interventions = pick(catalogue, size)
            project = synthetic_project(interventions)
            output = Path(folder) / f"bijlage-{size}.pdf"
            floor_output = Path(folder) / f"floor-{size}.pdf"
            log(f"export: {size} interventions, {repeats[size]} runs")
            totals, layouts, pdfas, floors = [], [], [], []
            for _ in range(repeats[size]):
                marks: dict[str, float] = {}

                def progress(done: float, total: float = 1.0, marks=marks) -> None:
                    # The exporter reports 90 % when it starts the PDF/A step.
                    if total and done / total >= 0.9 and "pdfa" not in marks:
                        marks["pdfa"] = time.perf_counter()

                started = time.perf_counter()
                export_project(project, output, catalogue=catalogue, progress=progress)
                ended = time.perf_counter()
                totals.append(ended - started)
                if "pdfa" in marks:
                    layouts.append(marks["pdfa"] - started)
                    pdfas.append(ended - marks["pdfa"])
                started = time.perf_counter()
                _floor_pdf(project, interventions, floor_output)
                floors.append(time.perf_counter() - started)
            floor = Summary.of(floors)
            total = Summary.of(totals)
            medians[size] = total.median
            pages, floor_pages = _pages(output), _pages(floor_output)
            section.rows.append(Row("export", f"{size} interventions: total", total, floor, "s",
                                    f"{pages} pages (floor {floor_pages})"))
            if layouts:
                section.rows.append(Row("export", f"{size} interventions: model + layout",
                                        Summary.of(layouts), None, "s"))
                section.rows.append(Row("export", f"{size} interventions: PDF/A step", Summary.of(pdfas),
                                        None, "s"))
    if TARGET_SIZE in medians:
        section.targets.append(Target(f"Export of {TARGET_SIZE} ≤ {TARGET_S} s (median)",
                                      f"{medians[TARGET_SIZE]:.2f} s", medians[TARGET_SIZE] <= TARGET_S))
    else:
        section.targets.append(Target(f"Export of {TARGET_SIZE} ≤ {TARGET_S} s (median)", "–", None))
    # Sizes a factor of ten or more apart: at small sizes fixed costs (fonts, dictionaries)
    # dominate and the fitted exponent means nothing.
    if len(medians) >= 2 and max(medians) >= 10 * min(medians):
        exponent = growth_exponent(list(medians), list(medians.values()))
        section.targets.append(Target(f"Export growth roughly linear (exponent ≤ {LINEAR_LIMIT})",
                                      f"{exponent:.2f} over {', '.join(map(str, medians))}",
                                      exponent <= LINEAR_LIMIT))
    else:
        section.targets.append(Target(f"Export growth roughly linear (exponent ≤ {LINEAR_LIMIT})",
                                      "–", None))
    section.notes.append(
        "Floor: the same texts, one paragraph per field, set by reportlab in one pass with the same "
        "embedded font (no table of contents, hyphenation or PDF/A)."
    )
    return section
