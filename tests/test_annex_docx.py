"""The Word annex of the sample project, written and read back with python-docx and its XML."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm, RGBColor
from pypdf import PdfReader

from gala_desktop import cli
from gala_desktop.annex.context import AnnexOptions
from gala_desktop.annex.docx import TemplateError, render_docx
from gala_desktop.annex.docx.ooxml import TEMPLATE_TYPE
from gala_desktop.annex.errors import ExportCancelled
from gala_desktop.annex.export import ExportFormat, export_project, renderer_for
from gala_desktop.domain.project import EntryStatus
from gala_desktop.domain.themes import theme_name
from gala_desktop.project.document import load_project

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "voorbeeld-gemeente-lindeveen.gala"
W_LANG = qn("w:lang")


@pytest.fixture(scope="module")
def sample():
    return load_project(EXAMPLE)


@pytest.fixture(scope="module")
def exported(sample, tmp_path_factory):
    from gala_desktop.catalogue.repository import Catalogue

    path = tmp_path_factory.mktemp("word") / "bijlage.docx"
    with Catalogue.open() as cat:
        result = export_project(sample, path, catalogue=cat, renderer=renderer_for(ExportFormat.DOCX))
    assert result.format is ExportFormat.DOCX and result.path == path
    return path, docx.Document(str(path))


def _heading_level(paragraph) -> int | None:
    name = paragraph.style.name
    return int(name.split()[-1]) if name.startswith("Heading ") else None


def test_headings_use_the_built_in_styles_without_skipping_a_level(exported, sample):
    _, document = exported
    levels = [(lvl, p.text) for p in document.paragraphs if (lvl := _heading_level(p))]
    assert {lvl for lvl, _ in levels} == {1, 2, 3}
    previous = 0
    for level, text in levels:
        assert level <= previous + 1, f"{text!r} skips from level {previous} to {level}"
        previous = level
    chapters = [text for level, text in levels if level == 1]
    assert chapters[:3] == ["Verantwoording", "Samenvatting", "Het plan als geheel"]
    assert chapters[-2:] == ["Bronnen", "Afkortingen"]
    for key in sample.chosen_theme_keys():
        assert theme_name(key) in chapters
    # the built-in styles themselves, so that Word shows them as Kop 1-3
    ids = {document.styles[f"Heading {n}"].style_id for n in (1, 2, 3)}
    assert ids == {"Heading1", "Heading2", "Heading3"}
    # "Waarom dit thema" stays out of the contents and the outline, as in the PDF: not lowered
    # to a section heading beside the interventions
    why = [p for p in document.paragraphs if p.text == "Waarom dit thema"]
    assert why and {p.style.name for p in why} == {"GALA Tussenkop"}
    assert all(text != "Waarom dit thema" for _, text in levels)


def test_contents_is_a_toc_field_listing_the_chapters(exported):
    _, document = exported
    body = document.element.body
    instructions = [t.text for t in body.iter(qn("w:instrText"))]
    assert any(i.strip().startswith("TOC \\o \"1-2\"") and "\\h" in i for i in instructions)
    toc_entries = [p.text for p in document.paragraphs if p.style.name.lower().startswith("toc ")]
    assert "Samenvatting" in toc_entries and "Bronnen" in toc_entries
    assert document.settings.element.find(qn("w:updateFields")).get(qn("w:val")) == "true"


def test_every_table_has_a_marked_repeating_header_row(exported):
    _, document = exported
    headed = [t for t in document.tables if t.rows[0]._tr.trPr is not None
              and t.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None]
    assert len(headed) >= 10
    summary = next(t for t in headed if len(t.columns) > 2 and t.rows[0].cells[2].text == "Uitvoerder")
    assert [c.text for c in summary.rows[0].cells][:2] == ["Thema", "Interventie en erkenningsniveau"]
    for table in document.tables:
        caption = table._tbl.tblPr.find(qn("w:tblCaption"))
        assert caption is not None and caption.get(qn("w:val")).strip()


def test_summary_links_to_a_bookmark_on_every_chosen_intervention(exported, sample):
    _, document = exported
    body = document.element.body
    bookmarks = {b.get(qn("w:name")) for b in body.iter(qn("w:bookmarkStart"))}
    links = {h.get(qn("w:anchor")): "".join(t.text for t in h.iter(qn("w:t")))
             for h in body.iter(qn("w:hyperlink")) if h.get(qn("w:anchor"))}
    assert links and set(links) <= bookmarks  # no link points nowhere
    chosen = [e for e in sample.shortlist if e.status is EntryStatus.CHOSEN]
    linked_names = set(links.values())
    for entry in chosen:
        assert entry.snapshot.name in linked_names or any(
            entry.snapshot.name in text for text in linked_names)
    for name in bookmarks:
        assert name[0].isalpha() and len(name) <= 40 and name.replace("_", "").isalnum()
    external = [r for r in document.part.rels.values() if r.is_external]
    assert any(r.target_ref.startswith("https://") for r in external)


def test_language_properties_lists_and_page_numbers(exported, sample):
    _, document = exported
    defaults = document.styles.element.find(qn("w:docDefaults"))
    assert defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(W_LANG).get(qn("w:val")) == "nl-NL"
    assert {lang.get(qn("w:val")) for lang in document.styles.element.iter(W_LANG)} == {"nl-NL"}
    props = document.core_properties
    assert props.language == "nl-NL"
    assert props.title == f"{sample.title} – {sample.gemeente}"
    assert props.author == ", ".join(sample.authors)
    assert props.subject == sample.subtitle
    bullets = [p for p in document.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    assert len(bullets) >= 5
    footer = document.sections[-1].footer._element.xml
    assert " PAGE " in footer and " NUMPAGES " in footer and "pagina" in footer
    assert document.sections[-1].different_first_page_header_footer  # no header on the cover
    assert abs(document.sections[-1].page_width - Mm(210)) < Mm(0.1)  # A4 (stored in twips)


def _template(tmp_path: Path, suffix: str) -> Path:
    """A municipal house style: a serif heading font, its own colour, Letter paper, a header."""
    base = docx.Document()
    heading = base.styles["Heading 1"]
    heading.font.name = "Georgia"
    heading.font.color.rgb = RGBColor(0x8B, 0x00, 0x00)
    section = base.sections[0]
    section.page_width, section.page_height = Mm(216), Mm(279)
    section.left_margin = Mm(30)
    section.header.paragraphs[0].text = "Gemeente Lindeveen · huisstijl"
    base.add_paragraph("Deze tekst uit het sjabloon hoort niet in de bijlage.")
    path = tmp_path / f"huisstijl{suffix}"
    base.save(str(path))
    if suffix == ".dotx":  # a real template: the main part has the template content type
        data = io.BytesIO()
        with zipfile.ZipFile(path) as source, zipfile.ZipFile(data, "w") as target:
            for item in source.infolist():
                content = source.read(item.filename)
                if item.filename == "[Content_Types].xml":
                    content = content.replace(
                        b"wordprocessingml.document.main+xml", b"wordprocessingml.template.main+xml")
                    assert TEMPLATE_TYPE in content
                target.writestr(item, content)
        path.write_bytes(data.getvalue())
    return path


@pytest.mark.parametrize("suffix", [".dotx", ".docx"])
def test_a_house_style_template_gives_its_styles_page_and_header(sample, tmp_path, suffix):
    from gala_desktop.catalogue.repository import Catalogue

    template = _template(tmp_path, suffix)
    before = template.read_bytes()
    out = tmp_path / "bijlage.docx"
    with Catalogue.open() as cat:
        export_project(sample, out, catalogue=cat, renderer=renderer_for(ExportFormat.DOCX, template))
    document = docx.Document(str(out))
    assert template.read_bytes() == before  # the template itself is never written
    h1 = document.styles["Heading 1"]
    assert h1.font.name == "Georgia" and h1.font.color.rgb == RGBColor(0x8B, 0x00, 0x00)
    section = document.sections[-1]
    assert abs(section.page_width - Mm(216)) < Mm(0.1) and abs(section.left_margin - Mm(30)) < Mm(0.1)
    assert section.header.paragraphs[0].text == "Gemeente Lindeveen · huisstijl"
    assert " PAGE " in section.footer._element.xml  # the template had no page numbers
    texts = [p.text for p in document.paragraphs]
    assert "Deze tekst uit het sjabloon hoort niet in de bijlage." not in texts
    assert "Samenvatting" in texts


def test_an_unreadable_template_is_refused_in_dutch_and_nothing_is_written(sample, tmp_path):
    from gala_desktop.annex.builder import build_annex

    broken = tmp_path / "kapot.dotx"
    broken.write_bytes(b"geen zip")
    out = tmp_path / "bijlage.docx"
    document = build_annex(sample, lambda key: None, AnnexOptions())
    with pytest.raises(TemplateError, match="huisstijlsjabloon kapot.dotx kon niet worden gebruikt"):
        render_docx(document, out, template=broken)
    assert list(tmp_path.iterdir()) == [broken]


def test_cancel_leaves_no_file_and_keeps_an_existing_one(sample, tmp_path):
    from gala_desktop.annex.builder import build_annex

    out = tmp_path / "bijlage.docx"
    out.write_bytes(b"oud")
    document = build_annex(sample, lambda key: None, AnnexOptions())
    with pytest.raises(ExportCancelled):
        render_docx(document, out, is_cancelled=lambda: True)
    assert out.read_bytes() == b"oud"
    assert [p.name for p in tmp_path.iterdir()] == ["bijlage.docx"]


def test_command_line_writes_a_word_document_beside_the_project(tmp_path, capsys):
    project = tmp_path / "plan.gala"
    shutil.copy(EXAMPLE, project)
    assert cli.main(["export", str(project), "--format", "docx"]) == 0
    out = tmp_path / "plan.docx"
    assert f"Word-document geschreven naar {out}" in capsys.readouterr().out
    assert docx.Document(str(out)).core_properties.language == "nl-NL"
    # a suffix that contradicts the format is refused before anything is written
    assert cli.main(["export", str(project), "--format", "docx", "-o", str(tmp_path / "x.pdf")]) == 2
    assert "past niet bij --format docx" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(str(path)).pages)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_renders_the_same_content_as_the_pdf_annex(exported, sample, tmp_path):
    """Optional: LibreOffice headless turns the Word document into a PDF whose text holds every
    chapter and every chosen intervention, like the PDF annex."""
    path, _ = exported
    result = subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        capture_output=True, timeout=240,
    )
    converted = tmp_path / "bijlage.pdf"
    assert result.returncode == 0 and converted.exists(), result.stderr
    text = _pdf_text(converted)
    for chapter in ["Verantwoording", "Inhoud", "Samenvatting", "Bronnen",
                    *(theme_name(k) for k in sample.chosen_theme_keys())]:
        assert chapter in text
    for entry in sample.shortlist:
        if entry.status is EntryStatus.CHOSEN:
            assert entry.snapshot.name in text
    assert "pagina 2 van" in text
    assert 15 <= len(PdfReader(str(converted)).pages) <= 60


def test_plan_parts_and_abbreviations_are_sections_of_their_own(exported, sample):
    """Each filled part of the plan as a whole is its own section; empty ones are left out;
    the abbreviations used get a list of their own."""
    from gala_desktop.domain.project import PLAN_PARTS

    _, document = exported
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert ("Heading 1", "Het plan als geheel") in headings
    for part in PLAN_PARTS:
        assert (("Heading 2", part.title) in headings) == bool(getattr(sample, part.attribute).strip())
    assert ("Heading 1", "Afkortingen") in headings
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Afkorting")
    meanings = {row.cells[0].text: row.cells[1].text for row in table.rows[1:]}
    assert meanings["SPUK"] == "Specifieke uitkering" and meanings["GALA"].startswith("Gezond en Actief")


def test_with_a_damaged_catalogue_the_word_annex_says_so_instead_of_removed(sample, tmp_path):
    from gala_desktop.catalogue.unavailable import UnavailableCatalogue

    out = tmp_path / "bijlage.docx"
    export_project(sample, out, catalogue=UnavailableCatalogue(None, "kapot"),
                   renderer=renderer_for(ExportFormat.DOCX))
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "niet meer in de interventiecatalogus" not in text
    assert "De interventiecatalogus kon bij het maken van deze bijlage niet worden gelezen." in text


def _cell_room(table, column: int) -> float:
    """Points of text room in ``column`` of a Word table (its grid width less the cell margins)."""
    from gala_desktop.annex.docx.styles import CELL_PADDING

    grid = [int(g.get(qn("w:w"))) for g in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    return grid[column] / 20 - CELL_PADDING


def _runs_of(cell):
    for run in cell._tc.iter(qn("w:r")):
        r_pr = run.find(qn("w:rPr"))
        size = r_pr.find(qn("w:sz")) if r_pr is not None else None
        text = "".join(t.text or "" for t in run.iter(qn("w:t")))
        yield text, (int(size.get(qn("w:val"))) / 2 if size is not None else None)


def test_an_amount_in_millions_is_never_broken_over_two_lines_in_word(sample, tmp_path):
    """Word's columns came from fixed weights: "€ 1.282.0" / "00" in an ordinary four-year plan.
    Numeric columns are now as wide as their widest amount, measured in the bold face of the
    PDF's font (wider than the Arial Word uses), at the size the run is set in."""
    from copy import deepcopy

    from gala_desktop.annex.docx.styles import TABLE_TEXT_SIZE
    from gala_desktop.annex.number_columns import text_width
    from gala_desktop.catalogue.repository import Catalogue
    from gala_desktop.domain.project import BudgetLine, FundingSource

    project = deepcopy(sample)
    for n, entry in enumerate(e for e in project.shortlist if e.status is EntryStatus.CHOSEN):
        entry.plan.budget = [BudgetLine(128_200_000 + n * 1_234_567, year, FundingSource.SPUK)
                             for year in (2025, 2026, 2027, 2028)] + [BudgetLine(95_000_000)]
    path = tmp_path / "miljoenen.docx"
    with Catalogue.open() as cat:
        export_project(project, path, catalogue=cat, renderer=renderer_for(ExportFormat.DOCX))
    document = docx.Document(str(path))
    amounts = 0
    for table in document.tables:
        for row in table.rows[1:]:
            for column, cell in enumerate(row.cells):
                for text, size in _runs_of(cell):
                    if re.fullmatch(r"€\u00a0[\d.]+(,\d\d)?", text):  # an amount of a numeric column
                        amounts += 1
                        width = text_width(text, size or TABLE_TEXT_SIZE)
                        assert width <= _cell_room(table, column), (text, width, _cell_room(table, column))
    assert amounts > 50


def test_a_word_too_wide_for_its_column_gets_soft_hyphens_but_a_name_does_not():
    from gala_desktop.annex.word_breaks import SOFT_HYPHEN, breakable
    from gala_desktop.annex.number_columns import text_width

    room = text_width("onbekend", 8.5) + 1  # "onbekend" fits, "erkenningsdatum" does not
    assert breakable("erkenningsdatum onbekend", room=room, size=8.5) == (
        f"er{SOFT_HYPHEN}ken{SOFT_HYPHEN}nings{SOFT_HYPHEN}da{SOFT_HYPHEN}tum onbekend")
    assert breakable("erkenningsdatum", room=200, size=8.5) == "erkenningsdatum"  # it fits
    assert breakable("(databankinterventies.nl,", room=room, size=8.5).startswith(f"(da{SOFT_HYPHEN}ta")
    # in a document: a narrow column's plain word is hyphenated, a name in it is not
    from gala_desktop.annex import model
    from gala_desktop.annex.docx.render import build_docx

    cell = (model.Run("erkenningsdatum "), model.Run("Erkenningscommissie", name=True))
    table = model.Table(header=("Erkend", "Toelichting"), col_weights=(1, 9),
                        rows=((cell, model.plain("tekst")),))
    document = model.Document(
        metadata=model.Metadata(title="t", author="a", subject="s", keywords=(), language="nl-NL",
                                running_head="r"),
        blocks=[table])
    word = docx.Document(io.BytesIO(build_docx(document)))
    texts = [t.text for t in word.tables[0].rows[1].cells[0]._tc.iter(qn("w:t"))]
    assert texts == [f"er{SOFT_HYPHEN}ken{SOFT_HYPHEN}nings{SOFT_HYPHEN}da{SOFT_HYPHEN}tum ", "Erkenningscommissie"]


def test_a_row_taller_than_a_page_may_break_and_other_rows_stay_whole(sample, tmp_path):
    """Word cuts off a row that may not break (``cantSplit``) and is taller than the page: a
    long monitoring text disappeared below the page's edge."""
    from copy import deepcopy

    from gala_desktop.catalogue.repository import Catalogue

    project = deepcopy(sample)
    entry = next(e for e in project.shortlist if e.status is EntryStatus.CHOSEN)
    long_text = "\n".join(["Elke maand tellen we de deelnemers en vragen we hoe het gaat."] * 120)
    entry.plan.monitoring = long_text
    path = tmp_path / "lang.docx"
    with Catalogue.open() as cat:
        export_project(project, path, catalogue=cat, renderer=renderer_for(ExportFormat.DOCX))
    document = docx.Document(str(path))
    rows = [(row, "Elke maand tellen" in row.cells[-1].text) for table in document.tables for row in table.rows]
    assert sum(tall for _, tall in rows) == 1
    for row, tall in rows:
        can_split = row._tr.trPr is None or row._tr.trPr.find(qn("w:cantSplit")) is None
        assert can_split == tall


def test_word_file_is_in_current_word_mode_with_its_own_properties_and_one_font(exported):
    path, document = exported
    with zipfile.ZipFile(path) as package:
        names = package.namelist()
        app = package.read("docProps/app.xml").decode()
        settings = package.read("word/settings.xml").decode()
    assert not [n for n in names if "thumbnail" in n]  # the default template's blank picture
    assert "<Application>GALA Desktop</Application>" in app and "Normal.dotm" not in app
    assert 'w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"' in settings
    # no theme font wins over the document's font (headings were Calibri)
    fonts = list(document.styles.element.iter(qn("w:rFonts")))
    assert not [f for f in fonts if f.get(qn("w:asciiTheme")) or f.get(qn("w:hAnsiTheme"))]
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    assert defaults.find(qn("w:rPr")).find(qn("w:rFonts")).get(qn("w:ascii")) == "Arial"
    assert {document.styles[f"Heading {n}"].font.name for n in (1, 2, 3)} == {"Arial"}
    assert document.styles["toc 2"].paragraph_format.left_indent > (
        document.styles["toc 1"].paragraph_format.left_indent or 0)  # sections under chapters


def test_a_web_address_with_a_space_is_written_as_a_valid_address(sample, tmp_path):
    from gala_desktop.annex import model
    from gala_desktop.annex.docx.render import build_docx

    document = model.Document(
        metadata=model.Metadata(title="t", author="a", subject="s", keywords=(), language="nl-NL",
                                running_head="r"),
        blocks=[model.Paragraph.of("x"), model.Paragraph((model.Run("pagina", url="https://example.nl/a b"),),
                                                         model.ParagraphStyle.BODY)])
    word = docx.Document(io.BytesIO(build_docx(document)))
    targets = [r.target_ref for r in word.part.rels.values() if r.is_external]
    assert targets == ["https://example.nl/a%20b"]


def test_a_page_break_before_a_table_comes_before_it():
    from gala_desktop.annex import model
    from gala_desktop.annex.docx.render import build_docx

    document = model.Document(
        metadata=model.Metadata(title="t", author="a", subject="s", keywords=(), language="nl-NL",
                                running_head="r"),
        blocks=[model.Paragraph.of("voor"), model.PageBreak(),
                model.Table(header=("Kop",), rows=((model.plain("cel"),),))])
    body = docx.Document(io.BytesIO(build_docx(document))).element.body
    kinds = [(child.tag.split("}")[1], "pageBreakBefore" in child.xml) for child in body
             if child.tag != qn("w:sectPr")]
    broken = kinds.index(("p", True))
    assert kinds[broken + 1][0] == "tbl"  # the break is right before the table, not after it
