"""How the annex is laid out: one pass, the contents and the page numbers filled in afterwards
agree with the pages, and the cached pieces (hyphenation, character cleaning, line breaking) give the same result as the uncached."""

from __future__ import annotations

import re

import pikepdf
import pyphen
import pytest
from pypdf import PdfReader
from annex_support import realistic_project

from gala_desktop.annex.pdf import render as pdf_module
from gala_desktop.annex.context import AnnexOptions
from gala_desktop.annex.export import export_project
from gala_desktop.annex.pdf.flowables import CachedParagraph
from gala_desktop.annex.pdf.styles import hyphenate, styles
from gala_desktop.annex.pdf.text import REPLACEMENT, clean

_LEADER_NUMBER = re.compile(r"(?:\.\s+)+(\d+)\s*$", re.MULTILINE)


@pytest.fixture(scope="module")
def laid_out(tmp_path_factory):
    """The realistic annex, exported once, counting the layout passes."""
    from gala_desktop.catalogue.repository import Catalogue

    passes = []
    original = pdf_module.AnnexDocTemplate.beforeDocument

    def counting(self):
        original(self)
        passes.append(self.page)

    pdf_module.AnnexDocTemplate.beforeDocument = counting
    cat = Catalogue.open()
    try:
        project, _ = realistic_project(cat)
        path = tmp_path_factory.mktemp("layout") / "bijlage.pdf"
        export_project(project, path, catalogue=cat, options=AnnexOptions(include_considering=True))
    finally:
        pdf_module.AnnexDocTemplate.beforeDocument = original
        cat.close()
    return path, passes


def _outline_pages(reader: PdfReader) -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                found.append((item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline)
    return found


def test_layout_takes_one_pass(laid_out):
    _, passes = laid_out
    assert len(passes) == 1


def test_contents_page_numbers_are_the_pages_of_the_headings(laid_out):
    path, _ = laid_out
    reader = PdfReader(str(path))
    contents_numbers = []
    for page in reader.pages:
        text = page.extract_text()
        if "Inhoud" in text or contents_numbers and " .  . " in text:
            contents_numbers += [int(n) for n in _LEADER_NUMBER.findall(text)]
        elif contents_numbers:
            break
    outline = _outline_pages(reader)
    assert len(contents_numbers) == len(outline) > 10
    assert contents_numbers == [page for _, page in outline]


def test_every_page_is_drawn_with_its_running_parts(laid_out):
    # the page total is filled in after the pass: every footer must show it
    path, _ = laid_out
    reader = PdfReader(str(path))
    total = len(reader.pages)
    for number in range(2, total + 1):
        assert f"pagina {number} van {total}" in reader.pages[number - 1].extract_text()
    with pikepdf.open(path) as pdf:
        assert all(len(page.Contents.read_bytes()) > 200 for page in pdf.pages)


@pytest.mark.parametrize(
    "word", ["gemeenteraad", "mantelzorgondersteuning", "buurtsportcoaches", "eenzaamheid", "ab"]
)
def test_cached_hyphenation_is_pyphens_dutch(word):
    expected = tuple(pyphen.Pyphen(lang="nl_NL").iterate(word))
    assert hyphenate(word) == expected
    assert hyphenate(word) == expected  # second time from the cache
    if len(word) > 8:
        assert expected


def test_clean_decides_per_character_as_documented():
    text = "a\tb\r\nc\u2028d\x07e\u202ef\u00adg\ud800h\ufdd0i\U0001F600j\u0301k\u3000l"
    cleaned = clean(text)
    assert cleaned.startswith("a    b\nc\nde")  # tab, CRLF, line separator, control
    assert "\u202e" not in cleaned  # bidi override dropped
    assert "f\u00adg" in cleaned  # soft hyphen kept
    assert f"g{REPLACEMENT}h{REPLACEMENT}i" in cleaned  # surrogate, non-character
    assert clean("plain text, nothing to do") == "plain text, nothing to do"


def test_line_breaking_is_reused_only_for_the_same_width():
    style = styles().body
    text = "Ondersteuning van mantelzorgers in alle kernen van de gemeente. " * 12
    para = CachedParagraph(text, style)
    wide = para.wrap(450, 1000)
    lines_wide = len(para.blPara.lines)
    assert para.wrap(450, 1000) == wide
    narrow = para.wrap(200, 1000)
    assert narrow[1] > wide[1] and len(para.blPara.lines) > lines_wide
    fresh = CachedParagraph(text, style)
    assert fresh.wrap(200, 1000) == narrow
    assert para.wrap(450, 1000) == wide


def test_a_table_never_leaves_one_row_alone_on_the_next_page():
    from reportlab.platypus import Table

    from gala_desktop.annex.pdf.keeping import OrphanSafeTable

    data = [["Kop", "Waarde"]] + [[f"Rij {n}", "x"] for n in range(10)]
    made = {}
    for cls in (Table, OrphanSafeTable):
        table = cls(data, colWidths=[100, 100], repeatRows=1)
        table.wrap(200, 1000)
        room = sum(table._rowHeights[:10]) + 1  # the header and nine of the ten rows fit
        made[cls] = [len(part._cellvalues) for part in table.split(200, room)]
    assert made[Table] == [10, 2]  # reportlab alone: the last row alone under a header
    assert made[OrphanSafeTable] == [9, 3]


def test_proper_names_are_never_hyphenated():
    """A partner or owner in a narrow table cell breaks between words only ("Lindeveen",
    never "Lin-deveen"); the same words as ordinary text are hyphenated."""
    from gala_desktop.annex.model import Run
    from gala_desktop.annex.pdf.flowables import style_for
    from gala_desktop.annex.pdf.text import markup

    text = "Mantelzorgsteunpunt Lindeveen, Vrijwilligerscentrale Lindeveen en Woonstichting De Linde"
    counted = {}
    for is_name in (False, True):
        runs = (Run(text, name=is_name),)
        para = CachedParagraph(markup(runs), style_for(runs, styles().cell))
        para.wrap(125, 1000)
        counted[is_name] = para._hyphenations
    assert counted[False] > 0 and counted[True] == 0


def test_rows_carried_over_do_not_split_again_on_the_same_page(tmp_path):
    """When the split keeps one more row for the next page, the room it frees must stay empty:
    the carried rows start the next page (one header per page), they are not laid out again,
    with a second header, below the first part."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Spacer

    from gala_desktop.annex.pdf.keeping import OrphanSafeTable
    from gala_desktop.annex.pdf.styles import FONT

    styles()  # registers the shipped fonts
    # the last row is tall: the page has room for all rows but that one, and the room the
    # split frees (the ninth row plus most of the tenth's height) holds the header and a row
    data = [["Kop", "Waarde"]] + [[f"Rij {n}", "x"] for n in range(9)] + [["Rij 9", "x\n" * 5 + "x"]]
    probe = OrphanSafeTable(data, colWidths=[100, 100], repeatRows=1)
    probe.wrap(200, 1000)
    doc = SimpleDocTemplate(str(tmp_path / "t.pdf"), pagesize=A4)
    filler = doc.height - (sum(probe._rowHeights[:10]) + probe._rowHeights[10] - 2)
    table = OrphanSafeTable(data, colWidths=[100, 100], repeatRows=1,
                            style=[("FONTNAME", (0, 0), (-1, -1), FONT)])
    doc.build([Spacer(1, filler), table])
    pages = [page.extract_text() for page in PdfReader(tmp_path / "t.pdf").pages]
    assert [text.count("Kop") for text in pages] == [1, 1]
    assert "Rij 8" in pages[1] and "Rij 9" in pages[1] and "Rij 7" in pages[0]


def _heading_over_table(tmp_path, room_rows: float):
    """A page whose free room below a filler holds the heading and ``room_rows`` rows of a
    30-row table that would fit on a page of its own; the text of each page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Spacer

    from gala_desktop.annex.pdf.flowables import HeadingParagraph
    from gala_desktop.annex.pdf.keeping import OrphanSafeTable
    from gala_desktop.annex.pdf.render import _bind_headings
    from gala_desktop.annex.pdf.styles import FONT

    s = styles()
    data = [["Kop", "Waarde"]] + [[f"Rij {n}", "x"] for n in range(30)]
    table = OrphanSafeTable(data, colWidths=[100, 100], repeatRows=1,
                            style=[("FONTNAME", (0, 0), (-1, -1), FONT)])
    heading = HeadingParagraph("Databankpagina's", s.h3, level=3, anchor="h", in_contents=False,
                               plain_title="Databankpagina's")
    doc = SimpleDocTemplate(str(tmp_path / "t.pdf"), pagesize=A4)
    _w, heading_height = heading.wrap(doc.width, doc.height)
    table.wrap(doc.width, doc.height)
    rows = table._rowHeights
    needed = (heading_height + max(heading.getSpaceAfter(), 0) + rows[0]
              + sum(rows[1:1 + int(room_rows)]) + rows[1] * (room_rows % 1) + 2)
    story = _bind_headings([Spacer(1, doc.height - needed), heading, table])
    doc.build(story)
    return [page.extract_text() for page in PdfReader(tmp_path / "t.pdf").pages]


def test_a_long_table_starts_under_its_heading_instead_of_taking_it_to_the_next_page(tmp_path):
    """reportlab's keepWithNext kept a heading with its whole table: a table that fits on a
    page but not in the room left took its heading along and left that room empty."""
    pages = _heading_over_table(tmp_path, room_rows=5.5)
    assert len(pages) == 2
    first = [n for n in range(30) if f"Rij {n}\n" in pages[0]]
    rest = [n for n in range(30) if f"Rij {n}\n" in pages[1]]
    assert "Databankpagina's" in pages[0] and len(first) >= 3
    assert first + rest == list(range(30))  # every row once, in order
    assert pages[1].count("Kop") == 1  # the header repeated


def test_a_heading_with_room_for_fewer_than_two_rows_moves_on_with_its_table(tmp_path):
    pages = _heading_over_table(tmp_path, room_rows=1.5)
    assert "Databankpagina's" not in pages[0] and "Rij 0" not in pages[0]
    assert "Databankpagina's" in pages[1] and "Rij 0" in pages[1]


@pytest.mark.parametrize("cents", [23_734_560, 250_875_708])  # € 237.345,60 and € 2.508.757,08
@pytest.mark.parametrize("years", [1, 4, 5, 8, 12])
def test_an_amount_is_never_broken_over_two_lines_in_a_budget_table(years, cents):
    """Budgets of a few hundred thousand euros with cents, per year, with a whole-period column
    and a total: each amount stays on one line ("€ 237.345," / "60" was printed before; twelve
    years printed one digit per line). Up to four years and the whole period share one table,
    at a smaller size where needed; a longer period is shown in several tables."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm

    from gala_desktop.annex.budget_tables import budget_tables
    from gala_desktop.annex.pdf.flowables import FlowableBuilder
    from gala_desktop.annex.pdf.keeping import OrphanSafeTable
    from gala_desktop.annex.pdf.render import _walk
    from gala_desktop.annex.pdf.styles import PAGE_MARGIN_X
    from gala_desktop.domain.budget import WHOLE_PERIOD, BudgetGrid, BudgetRow

    columns = (*range(2026, 2026 + years), WHOLE_PERIOD)
    cells = (cents,) * years + (cents + 1_000_000,)
    rows = tuple(BudgetRow(name, name, cells, sum(cells)) for name in
                 ("Brede SPUK-onderdeel", "IZA", "Eigen middelen"))
    grid = BudgetGrid(columns, rows, tuple(3 * c for c in cells), 3 * sum(cells))
    blocks = budget_tables(grid, "Financieringsbron", "Begroot budget")
    # four years and the whole period share one table, unless amounts in millions need more room
    assert len(blocks) == {1: 1, 4: 1 if cents < 100_000_000 else 2, 5: 2, 8: 3, 12: 4}[years]
    builder = FlowableBuilder(styles(), A4[0] - 2 * PAGE_MARGIN_X, A4[1] - 60 * mm)
    amounts = 0
    for block in blocks:
        table = next(f for f in _walk(builder.table(block)) if isinstance(f, OrphanSafeTable))
        widths = table._argW
        for row in table._cellvalues[1:]:
            for column, cell in enumerate(row):
                if column and getattr(cell, "text", ""):
                    cell.wrap(widths[column] - 8, 1000)
                    assert len(cell.blPara.lines) == 1, (cell.text, widths[column])
                    amounts += 1
    assert amounts == 4 * (years + 2)  # every amount once: 3 rows and the total row


def test_a_long_period_is_shown_in_tables_of_a_run_of_years_each():
    from gala_desktop.annex.budget_tables import budget_table, budget_tables
    from gala_desktop.annex.model import rich_plain_text
    from gala_desktop.domain.budget import WHOLE_PERIOD, BudgetGrid, BudgetRow

    columns = (*range(2025, 2037), WHOLE_PERIOD)
    spuk = tuple(100_00 * (n + 1) for n in range(13))
    iza = (None,) * 6 + (5_000_00,) * 6 + (None,)  # nothing in the first years, nor for the whole period
    rows = (BudgetRow("spuk", "Brede SPUK-onderdeel", spuk, sum(spuk)),
            BudgetRow("iza", "IZA", iza, sum(c or 0 for c in iza)))
    totals = tuple(a + (b or 0) for a, b in zip(spuk, iza))
    grid = BudgetGrid(columns, rows, totals, sum(totals))
    tables = budget_tables(grid, "Financieringsbron", "Begroot budget per jaar en financieringsbron")
    assert [t.header for t in tables] == [
        ("Financieringsbron", "2025", "2026", "2027", "2028"),
        ("Financieringsbron", "2029", "2030", "2031"),
        ("Financieringsbron", "2032", "2033", "2034"),
        ("Financieringsbron", "2035", "2036", "Hele periode", "Totaal alle delen"),
    ]
    caption = "Begroot budget per jaar en financieringsbron"
    assert [t.caption for t in tables] == [
        f"{caption}: 2025–2028 (deel 1 van 4)", f"{caption}: 2029–2031 (deel 2 van 4)",
        f"{caption}: 2032–2034 (deel 3 van 4)", f"{caption}: 2035–2036 en hele periode (deel 4 van 4)",
    ]
    whole = budget_table(grid, "Financieringsbron", "")
    # the same cells as the one wide table, column by column; the row totals only in the last
    for row in range(len(whole.rows)):
        cells = [rich_plain_text(c) for t in tables for c in t.rows[row][1:]]
        assert cells == [rich_plain_text(c) for c in whole.rows[row][1:]]
        assert [rich_plain_text(t.rows[row][0]) for t in tables] == [rich_plain_text(whole.rows[row][0])] * 4
    assert rich_plain_text(tables[0].rows[1][1]) == ""  # IZA had nothing in 2025: an empty cell
    assert all(t.total_row for t in tables)
    assert [t.numeric_columns for t in tables] == [(1, 2, 3, 4), (1, 2, 3), (1, 2, 3), (1, 2, 3, 4)]
    five = BudgetGrid(columns[:5], rows[:1], totals[:5], sum(totals[:5]))
    assert budget_tables(five, "Financieringsbron", "c") == [budget_table(five, "Financieringsbron", "c")]


def test_the_parts_of_a_long_period_have_one_width_for_their_column_of_labels():
    """Parts of three and of four years each set their own label column, so the parts did not
    line up one under the other; now every part's labels are as wide as in the part with the
    most room for amounts, in the PDF and in Word alike."""
    import io

    import docx
    from docx.oxml.ns import qn
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm

    from gala_desktop.annex import model
    from gala_desktop.annex.budget_tables import budget_tables
    from gala_desktop.annex.docx.render import build_docx
    from gala_desktop.annex.pdf.flowables import FlowableBuilder
    from gala_desktop.annex.pdf.keeping import OrphanSafeTable
    from gala_desktop.annex.pdf.render import _walk
    from gala_desktop.annex.pdf.styles import PAGE_MARGIN_X
    from gala_desktop.domain.budget import WHOLE_PERIOD, BudgetGrid, BudgetRow

    columns = (*range(2025, 2037), WHOLE_PERIOD)
    cells = tuple(12_345_00 * (n + 1) for n in range(13))
    rows = (BudgetRow("spuk", "Brede SPUK-onderdeel", cells, sum(cells)),
            BudgetRow("iza", "Integraal Zorgakkoord (IZA)", cells, sum(cells)))
    grid = BudgetGrid(columns, rows, tuple(2 * c for c in cells), 2 * sum(cells))
    tables = budget_tables(grid, "Financieringsbron", "Begroot budget")
    assert [len(t.header) - 1 for t in tables] == [4, 3, 3, 4]  # parts of unequal widths
    builder = FlowableBuilder(styles(), A4[0] - 2 * PAGE_MARGIN_X, A4[1] - 60 * mm)
    pdf = [next(f for f in _walk(builder.table(t)) if isinstance(f, OrphanSafeTable))._argW[0]
           for t in tables]
    assert max(pdf) - min(pdf) < 0.01, pdf
    assert pdf[0] > 0.2 * (A4[0] - 2 * PAGE_MARGIN_X)  # the labels keep their room
    document = model.Document(
        metadata=model.Metadata(title="t", author="a", subject="s", keywords=(), language="nl-NL",
                                running_head="r"),
        blocks=list(tables))
    word = docx.Document(io.BytesIO(build_docx(document)))
    first = [int(t._tbl.tblGrid.findall(qn("w:gridCol"))[0].get(qn("w:w"))) for t in word.tables]
    assert len(first) == 4 and max(first) - min(first) <= 1, first  # twentieths of a point


def test_the_parts_of_a_long_period_name_their_years_and_leave_out_years_without_amounts():
    """Amounts in 2028 and 2031 and for the whole period of a seven-year period: the parts
    showed blank years, one part all blank, and a caption "2028–2031" over 2028 and 2031."""
    from gala_desktop.annex.budget_tables import budget_tables
    from gala_desktop.domain.budget import WHOLE_PERIOD, BudgetGrid, BudgetRow

    columns = (*range(2025, 2032), WHOLE_PERIOD)
    cells = (None, None, None, 1_000_00, None, None, 2_000_00, 5_000_00)
    row = BudgetRow("spuk", "Brede SPUK-onderdeel", cells, 8_000_00)
    grid = BudgetGrid(columns, (row,), tuple(c or 0 for c in cells), 8_000_00)
    [table] = budget_tables(grid, "Financieringsbron", "Begroot budget")
    assert table.header == ("Financieringsbron", "2028", "2031", "Hele periode", "Totaal")
    assert table.caption == "Begroot budget: 2028, 2031 en hele periode"
    many = (*range(2025, 2037), WHOLE_PERIOD)  # twelve years, amounts in seven of them
    cells = tuple(1_000_00 if year in (2025, 2026, 2027, 2029, 2030, 2033, 2036) else None for year in many)
    grid = BudgetGrid(many, (BudgetRow("spuk", "Brede SPUK-onderdeel", cells, 7_000_00),),
                      tuple(c or 0 for c in cells), 7_000_00)
    tables = budget_tables(grid, "Financieringsbron", "Begroot budget")
    assert [t.caption for t in tables] == ["Begroot budget: 2025–2027 en 2029 (deel 1 van 2)",
                                           "Begroot budget: 2030, 2033 en 2036 (deel 2 van 2)"]
    assert all(any(c for c in t.rows[0][1:]) for t in tables)


def test_a_chapter_heading_is_never_left_alone_above_a_sub_heading_and_a_long_text(tmp_path):
    """The sub-heading's own page-break check (it asks for 130 pt) sat between the chapter
    heading and it: with less room than that, the chapter heading stayed alone at the foot of
    the page. Now the headings stay together, with the first lines of the text under them."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import CondPageBreak, SimpleDocTemplate, Spacer

    from gala_desktop.annex.pdf.flowables import HeadingParagraph, paragraphs
    from gala_desktop.annex.pdf.render import _bind_headings
    from gala_desktop.annex import model

    s = styles()
    chapter = HeadingParagraph("Vitaal ouder worden", s.h1, level=1, anchor="c", in_contents=False,
                               plain_title="Vitaal ouder worden")
    sub = HeadingParagraph("Waarom dit thema", s.h3, level=3, anchor="w", in_contents=False,
                           plain_title="Waarom dit thema")
    text = paragraphs(model.plain(" ".join(["Ontmoeting in de wijk."] * 300)), s.body)
    doc = SimpleDocTemplate(str(tmp_path / "t.pdf"), pagesize=A4)
    room = 125  # less than the sub-heading's 130 pt, enough for both headings and some lines
    doc.build(_bind_headings([Spacer(1, doc.height - room), chapter, CondPageBreak(130), sub, *text]))
    pages = [page.extract_text() for page in PdfReader(tmp_path / "t.pdf").pages]
    assert "Vitaal ouder worden" in pages[0] and "Waarom dit thema" in pages[0]
    assert pages[0].count("Ontmoeting") >= 2  # the text starts under its headings


def _heading_over_short_table(tmp_path, room: float, tall: bool, rows: int = 3, lines: int = 0):
    """A heading and a short table (``rows`` rows of long notes when ``tall``, of about ``lines``
    lines when given) built as the annex builds it, below a filler that leaves ``room`` of the
    frame height free (a fraction, or points when above 1); the page texts."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Spacer

    from gala_desktop.annex import model
    from gala_desktop.annex.pdf.flowables import FlowableBuilder, HeadingParagraph
    from gala_desktop.annex.pdf.render import _bind_headings

    s = styles()
    doc = SimpleDocTemplate(str(tmp_path / "t.pdf"), pagesize=A4)
    note = " ".join(["Een lange toelichting van de databank over de erkenning."]
                    * (lines or (9 if tall else 2)))
    block = model.Table(header=("Databank", "Toelichting"),
                        rows=tuple((model.plain(f"Bank {n}"), model.plain(note)) for n in range(rows)))
    builder = FlowableBuilder(s, doc.width, doc.height)
    table = builder.table(block)
    heading = HeadingParagraph("Erkenning", s.h3, level=3, anchor="e", in_contents=False,
                               plain_title="Erkenning")
    free = room if room > 1 else doc.height * room
    doc.build(_bind_headings([Spacer(1, doc.height - free), heading, *table]))
    return [page.extract_text() for page in PdfReader(tmp_path / "t.pdf").pages]


def test_a_short_table_of_tall_rows_starts_under_its_heading_instead_of_leaving_half_a_page(tmp_path):
    """Three rows of long notes: moved on whole, the table left half a page empty above it."""
    pages = _heading_over_short_table(tmp_path, room=0.5, tall=True)
    assert len(pages) == 2
    assert "Erkenning" in pages[0] and "Bank 0" in pages[0] and "Bank 1" in pages[0]
    assert "Bank 2" in pages[1] and "Bank 2" not in pages[0]
    assert pages[1].count("Databank") == 1  # the header repeated over the rest


def test_a_short_table_of_two_tall_rows_starts_with_one_under_its_heading(tmp_path):
    """Two databanks with long notes: "at least two rows under the heading" meant the whole
    table, which moved on and left half a page empty."""
    pages = _heading_over_short_table(tmp_path, room=0.35, tall=True, rows=2, lines=10)
    assert "Erkenning" in pages[0] and "Bank 0" in pages[0] and "Bank 1" not in pages[0]
    assert "Bank 1" in pages[1] and pages[1].count("Databank") == 1


def test_a_short_table_never_leaves_one_row_of_a_few_lines_alone_on_the_next_page(tmp_path):
    """Room for the heading and two of three rows of about four lines each, more than a quarter
    of the page: split, the third row would stand alone under a repeated header; the table
    moves on whole. A tall row may stand alone (the test above)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    from gala_desktop.annex import model
    from gala_desktop.annex.pdf.flowables import FlowableBuilder
    from gala_desktop.annex.pdf.keeping import LONE_ROW, SHORT_TABLE_GAP, OrphanSafeTable
    from gala_desktop.annex.pdf.render import _walk

    doc = SimpleDocTemplate(str(tmp_path / "m.pdf"), pagesize=A4)
    note = " ".join(["Een lange toelichting van de databank over de erkenning."] * 4)
    block = model.Table(header=("Databank", "Toelichting"),
                        rows=tuple((model.plain(f"Bank {n}"), model.plain(note)) for n in range(3)))
    table = next(f for f in _walk(FlowableBuilder(styles(), doc.width, doc.height).table(block))
                 if isinstance(f, OrphanSafeTable))
    table.wrap(doc.width, doc.height)
    heights = table._rowHeights
    assert max(heights[1:]) < LONE_ROW
    room = 40 + sum(heights[:3]) + heights[3] / 2  # the heading, the header and two rows
    assert room > doc.height * SHORT_TABLE_GAP
    pages = _heading_over_short_table(tmp_path, room=room, tall=False, lines=4)
    assert "Bank 0" not in pages[0] and all(f"Bank {n}" in pages[1] for n in range(3))


def test_a_short_table_that_misses_a_little_room_moves_on_whole_with_its_heading(tmp_path):
    """Less than a quarter of the frame left, though the heading and two of the four rows would
    fit there: a few rows are not worth splitting."""
    pages = _heading_over_short_table(tmp_path, room=0.23, tall=False, rows=4)
    assert "Erkenning" not in pages[0] and "Bank 0" not in pages[0]
    assert all(f"Bank {n}" in pages[1] for n in range(4)) and "Erkenning" in pages[1]
    # what the room did hold: the same table splits there when the rule is the long tables' one
    from gala_desktop.annex.pdf.keeping import HeadingWithStart, ShortTable

    split = ShortTable.split
    ShortTable.split = HeadingWithStart.split
    try:
        pages = _heading_over_short_table(tmp_path, room=0.23, tall=False, rows=4)
    finally:
        ShortTable.split = split
    assert "Bank 1" in pages[0]


def test_a_short_table_that_fits_stays_whole_under_its_heading(tmp_path):
    pages = _heading_over_short_table(tmp_path, room=0.5, tall=False)
    assert len(pages) == 1 and all(f"Bank {n}" in pages[0] for n in range(3))


def test_a_captioned_table_starts_under_its_caption_instead_of_taking_it_to_the_next_page(tmp_path):
    """A caption is kept with the next flowable; with reportlab's keepWithNext that meant the
    whole table, so a long budget table and its caption left a third of a page empty."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Spacer

    from gala_desktop.annex import model
    from gala_desktop.annex.pdf.flowables import FlowableBuilder
    from gala_desktop.annex.pdf.render import _bind_headings

    doc = SimpleDocTemplate(str(tmp_path / "t.pdf"), pagesize=A4)
    block = model.Table(header=("Thema", "2025"), caption="Begroot budget per thema en jaar",
                        rows=tuple((model.plain(f"Thema {n}"), model.plain("€ 1.000")) for n in range(20)))
    table = FlowableBuilder(styles(), doc.width, doc.height).table(block)
    doc.build(_bind_headings([Spacer(1, doc.height * 0.7), *table]))
    pages = [page.extract_text() for page in PdfReader(tmp_path / "t.pdf").pages]
    assert len(pages) == 2
    assert "Begroot budget per thema en jaar" in pages[0] and "Thema 0" in pages[0]
    assert "Thema 19" in pages[1] and pages[1].count("2025") == 1  # the header, repeated once


@pytest.mark.parametrize("width", [60, 70, 80, 90, 100, 110])
def test_a_long_word_in_a_table_cell_breaks_at_a_syllable_at_any_column_width(width):
    """reportlab hyphenates only where the line has room for the first syllable: in an 80 or
    90 pt column "gezondheidsachterstanden" was cut anywhere ("gezondheidsachte" / "rstanden",
    "g" / "ezondheidsachtersta" / "nden")."""
    from reportlab.platypus import Table

    from gala_desktop.annex import model
    from gala_desktop.annex.pdf.flowables import FlowableBuilder

    builder = FlowableBuilder(styles(), 470, 700)
    cell = builder._cell(model.plain("Terugdringen van gezondheidsachterstanden"), styles().cell,
                         width, [], "Thema")
    Table([[cell]], colWidths=[width]).wrap(width, 1000)
    lines = [" ".join(w if isinstance(w, str) else w.text for w in (l[1] if isinstance(l, tuple) else l.words))
             .replace("\u00ad", "").strip() for l in cell.blPara.lines]
    text = "Terugdringen van gezondheidsachterstanden"
    joined = ""
    for line in lines[:-1]:  # a line ends between words, or at a syllable with a hyphen
        if line.endswith("-"):
            joined += line[:-1]
            assert joined.split()[-1] + "-" in [h + "-" for h, _ in hyphenate(joined.split()[-1] + text[len(joined):].split()[0])], (width, lines)
        else:
            joined += line + " "
            assert text.startswith(joined), (width, lines)
    assert (joined + lines[-1]).replace("  ", " ") == text, (width, lines)


def test_a_table_never_starts_with_a_single_short_row_at_the_foot_of_a_page(tmp_path):
    """After a note paragraph (no heading to keep it with), the 'Gekozen interventies' table
    could leave its first row alone at the foot of a page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Spacer

    from gala_desktop.annex.pdf.keeping import OrphanSafeTable
    from gala_desktop.annex.pdf.styles import FONT

    styles()
    data = [["Kop", "Waarde"]] + [[f"Rij {n}", "x"] for n in range(10)]
    probe = OrphanSafeTable(data, colWidths=[100, 100], repeatRows=1)
    probe.wrap(200, 1000)
    doc = SimpleDocTemplate(str(tmp_path / "t.pdf"), pagesize=A4)
    room = probe._rowHeights[0] + probe._rowHeights[1] * 1.5
    table = OrphanSafeTable(data, colWidths=[100, 100], repeatRows=1,
                            style=[("FONTNAME", (0, 0), (-1, -1), FONT)])
    doc.build([Spacer(1, doc.height - 12 - room), table])  # the frame's padding: 6 pt above and below
    pages = [page.extract_text() for page in PdfReader(tmp_path / "t.pdf").pages]
    assert "Rij 0" not in pages[0] and all(f"Rij {n}" in pages[1] for n in range(10))
    # with room for two rows it starts on the first page
    table = OrphanSafeTable(data, colWidths=[100, 100], repeatRows=1,
                            style=[("FONTNAME", (0, 0), (-1, -1), FONT)])
    doc.build([Spacer(1, doc.height - 12 - room - probe._rowHeights[1]), table])
    pages = [page.extract_text() for page in PdfReader(tmp_path / "t.pdf").pages]
    assert "Rij 0" in pages[0] and "Rij 1" in pages[0] and "Rij 9" in pages[1]


def test_a_heading_and_the_note_on_its_table_stay_with_the_table_s_first_rows(tmp_path):
    """'Gekozen interventies', its note ("Klik op de naam…") and the table: the heading and
    note stood at the foot of a page with one row, or none, of the table under them."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Spacer

    from gala_desktop.annex import model
    from gala_desktop.annex.pdf.flowables import FlowableBuilder
    from gala_desktop.annex.pdf.render import _bind_headings

    doc = SimpleDocTemplate(str(tmp_path / "t.pdf"), pagesize=A4)
    builder = FlowableBuilder(styles(), doc.width, doc.height)
    blocks = [model.Heading(2, "Gekozen interventies", "gekozen"),
              model.Paragraph.of("Klik op de naam van een interventie.", model.ParagraphStyle.NOTE),
              model.Table(header=("Thema", "Interventie"),
                          rows=tuple((model.plain(f"Thema {n}"),
                                      model.plain("Uitvoerder " * (60 if n == 1 else 1))) for n in range(20)))]
    story = [f for block in blocks for f in builder.build(block)]
    # room for the heading's own check (200 pt), the note and the first row, not the tall second
    doc.build(_bind_headings([Spacer(1, doc.height - 12 - 230), *story]))
    pages = [page.extract_text() for page in PdfReader(tmp_path / "t.pdf").pages]
    assert "Gekozen interventies" not in pages[0] and "Klik op de naam" not in pages[0]
    assert "Gekozen interventies" in pages[1] and "Thema 0" in pages[1] and "Thema 1" in pages[1]
