"""Measure 3: the PDF/A annex of 10 / 100 / 500 shortlisted interventions, and its growth.

App: ``gala_desktop.annex.export.export_project`` (catalogue look-up, annex document model,
reportlab layout with table of contents, the plain PDF moved into place, then the PDF/A-2b
version, its validation and the replacement). Two times per run: until the file is ready (the
exporter's ``on_ready``: the officer can open it; it does not claim PDF/A yet) and until the
verdict (the checked PDF/A in place, or the plain file kept and the reason known).

Floor: the same pages set by reportlab alone: the app's own flowables for the same annex model
(same texts, styles, tables, hyphenation and fonts), laid out by a plain ``BaseDocTemplate`` in
one pass on a plain A4 frame, without page decoration, contents page numbers or PDF/A.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from benchmarks.projects import pick, synthetic_project
from benchmarks.report import Row, Section, Target
from benchmarks.stats import Summary, growth_exponent

TARGET_SIZE = 100
TARGET_RATIO = 2.0  # export ≤ 2× the floor of the same pages; the ready time, verdict time beside it
LINEAR_LIMIT = 1.2  # "roughly linear": growth exponent at most this


def _floor_pdf(document, path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    from gala_desktop.annex.pdf.flowables import FlowableBuilder, HeadingParagraph
    from gala_desktop.annex.pdf.styles import (
        PAGE_MARGIN_BOTTOM,
        PAGE_MARGIN_TOP,
        PAGE_MARGIN_X,
        register_fonts,
        styles,
    )

    class Floor(BaseDocTemplate):
        def afterFlowable(self, flowable) -> None:  # noqa: N802 - the links need their targets
            if isinstance(flowable, HeadingParagraph):
                self.canv.bookmarkPage(flowable.anchor)

    register_fonts()
    doc = Floor(str(path), pagesize=A4, leftMargin=PAGE_MARGIN_X, rightMargin=PAGE_MARGIN_X,
                          topMargin=PAGE_MARGIN_TOP, bottomMargin=PAGE_MARGIN_BOTTOM)
    frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, leftPadding=0,
                  rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate("body", [frame])])
    builder = FlowableBuilder(styles(), doc.width, doc.height)
    doc.build([flowable for block in document.blocks for flowable in builder.build(block)])


def _pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(path)).pages)


def measure(catalogue_path: Path, sizes: list[int], repeats: dict[int, int], log=print) -> Section:
    section = Section("Annex export (PDF/A)")
    try:
        from gala_desktop.annex.export import export_project
    except ImportError as err:
        section.notes.append(f"The annex exporter is not available ({err}).")
        section.targets.append(Target(f"Export of {TARGET_SIZE} ≤ {TARGET_RATIO:g}× floor", "–", None))
        return section
    from gala_desktop.annex.builder import build_annex
    from gala_desktop.annex.context import AnnexOptions
    from gala_desktop.catalogue.repository import Catalogue

    medians: dict[int, float] = {}
    ready_ratios: dict[int, float] = {}
    verdict_ratios: dict[int, float] = {}
    ready_medians: dict[int, float] = {}
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
            readies, verdicts, checks, floors = [], [], [], []
            known = catalogue.get_many(e.intervention_key for e in project.shortlist)
            document = build_annex(project, known.get, AnnexOptions(), catalogue.checked_on)
            for _ in range(repeats[size]):
                marks: dict[str, float] = {}
                started = time.perf_counter()
                result = export_project(
                    project, output, catalogue=catalogue,
                    on_ready=lambda _path, marks=marks: marks.setdefault("ready", time.perf_counter()))
                ended = time.perf_counter()
                if result.pdfa is not True:
                    log(f"export: {size} interventions: the PDF/A check did not pass ({result.status})")
                readies.append(marks["ready"] - started)
                verdicts.append(ended - started)
                checks.append(ended - marks["ready"])
                started = time.perf_counter()
                _floor_pdf(document, floor_output)
                floors.append(time.perf_counter() - started)
            floor = Summary.of(floors)
            ready, verdict = Summary.of(readies), Summary.of(verdicts)
            medians[size] = verdict.median
            ready_medians[size] = ready.median
            ready_ratios[size] = ready.median / floor.median
            verdict_ratios[size] = verdict.median / floor.median
            pages, floor_pages = _pages(output), _pages(floor_output)
            section.rows.append(Row("export", f"{size} interventions: until the file is ready", ready,
                                    floor, "s", f"{pages} pages (floor {floor_pages}); no PDF/A claim yet"))
            section.rows.append(Row("export", f"{size} interventions: until the PDF/A verdict", verdict,
                                    floor, "s", "checked PDF/A in place"))
            section.rows.append(Row("export", f"{size} interventions: PDF/A step after ready",
                                    Summary.of(checks), None, "s"))
    text = (f"Export of {TARGET_SIZE} ≤ {TARGET_RATIO:g}× floor of the same pages (median; until "
            "the file is ready, the PDF/A verdict after it in the background)")
    if TARGET_SIZE in medians:
        section.targets.append(Target(
            text,
            f"ready {ready_ratios[TARGET_SIZE]:.2f}× ({ready_medians[TARGET_SIZE]:.2f} s); verdict "
            f"{verdict_ratios[TARGET_SIZE]:.2f}× ({medians[TARGET_SIZE]:.2f} s)",
            ready_ratios[TARGET_SIZE] <= TARGET_RATIO))
    else:
        section.targets.append(Target(text, "–", None))
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
        "Floor: the same annex model's own flowables (texts, styles, tables, hyphenation, fonts) set by "
        "a plain reportlab BaseDocTemplate in one pass: no running heads or footers, no contents page "
        "numbers, no PDF/A. Every export writes the plain PDF first (ready: the officer can open it; it "
        "claims no PDF/A), then makes the PDF/A version in the same background job, validates its "
        "written bytes and only on a pass replaces the file; the verdict time includes all of that."
    )
    return section
