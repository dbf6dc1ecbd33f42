"""The PDF annex of a realistic project, written and read back."""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path

import pikepdf
import pyphen
import pytest
from pypdf import PdfReader
from annex_support import (
    all_text,
    body_text,
    outline_titles,
    pdfa_problems,
    realistic_project,
    squash,
    unembedded_font_pdf,
)

from gala_desktop.annex.context import AnnexOptions
from gala_desktop.annex.errors import AnnexExportError, ExportCancelled, write_error
from gala_desktop.annex.export import export_project
from gala_desktop.operations.export import export_project_file
from gala_desktop.catalogue.repository import Catalogue
from gala_desktop.domain.project import EntryStatus
from gala_desktop.domain.themes import theme_name
from gala_desktop.project.document import save_project


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """The realistic annex (with the entries still being considered), exported once."""
    cat = Catalogue.open()
    try:
        project, ivs = realistic_project(cat)
        path = tmp_path_factory.mktemp("annex") / "bijlage.pdf"
        steps = []
        export_project(project, path, catalogue=cat, options=AnnexOptions(include_considering=True),
                       progress=lambda done, total: steps.append((done, total)))
    finally:
        cat.close()
    return project, ivs, path, steps


def test_every_chosen_intervention_and_note_is_in_the_text(exported):
    project, ivs, path, _ = exported
    text = squash(body_text(path))
    for entry in project.shortlist:
        assert squash(ivs[entry.intervention_key].name) in text
        if entry.plan.notes:
            assert squash(entry.plan.notes) in text
    assert squash(project.introduction) in text
    assert squash("Nog niet gedekt: Gebiedsgerichte uitvoering") in text


def test_contents_page_and_bookmarks(exported):
    project, ivs, path, _ = exported
    reader = PdfReader(str(path))
    contents = reader.pages[2].extract_text()
    assert "Inhoud" in contents
    for key in project.chosen_theme_keys():
        assert squash(theme_name(key)) in squash(contents)
    titles = outline_titles(path)
    for title in ("Verantwoording", "Samenvatting", "Bronnen", *map(theme_name, project.chosen_theme_keys())):
        assert title in titles
    for entry in project.shortlist:
        name = ivs[entry.intervention_key].name
        expected = name if entry.status is EntryStatus.CHOSEN else f"{name} (overwegen)"
        assert expected in titles


def test_internal_and_external_links(exported):
    project, _, path, _ = exported
    internal = external = 0
    with pikepdf.open(path) as pdf:
        for page in pdf.pages:
            for annot in page.obj.get("/Annots", []):
                if "/Dest" in annot:
                    internal += 1
                elif "/A" in annot and annot.A.get("/S") == "/URI":
                    assert str(annot.A.URI).startswith(("https://", "http://"))  # sources are cited as stored
                    external += 1
    # the contents page links every heading; the summary table links every chosen entry
    assert internal >= len(project.shortlist) + len(project.themes)
    assert external >= len(project.shortlist)


def test_page_count_and_running_parts(exported):
    _, _, path, _ = exported
    reader = PdfReader(str(path))
    total = len(reader.pages)
    assert 15 <= total <= 80
    assert "pagina" not in reader.pages[0].extract_text()
    for number in (2, total):
        text = reader.pages[number - 1].extract_text()
        assert f"pagina {number} van {total}" in text
        assert "Lindeveen · Samen sterk in de sociale basis" in text


def test_pdfa_structure_fonts_and_metadata(exported):
    _, _, path, _ = exported
    assert pdfa_problems(path) == []
    with pikepdf.open(path) as pdf:
        assert str(pdf.docinfo.Title) == "Samen sterk in de sociale basis – Lindeveen"
        assert str(pdf.docinfo.Author) == "M. de Vries, A. El Amrani"
        assert "sociale basis" in str(pdf.docinfo.Keywords)
        assert str(pdf.Root.Lang) == "nl-NL"
        fonts = {
            str(f.BaseFont).split("+")[-1]
            for page in pdf.pages
            for f in page.obj.Resources.get("/Font", {}).values()
        }
    assert fonts <= {"DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique"}


def test_pikepdf_validator_approves_pdfa_2b(exported):
    pdfa = pytest.importorskip("pikepdf.pdfa")
    report = pdfa.validate_written(exported[2], "2b")
    assert report.passed, report.summary()


def test_progress_is_reported_and_ends_complete(exported):
    steps = exported[3]
    done = [d for d, _ in steps]
    assert {total for _, total in steps} == {100}
    assert done[0] == 0 and done[-1] == 100
    assert done == sorted(done) and len(set(done)) == len(done) > 5


def test_hyphenation_is_dutch(exported):
    # long Dutch words in narrow table cells are broken at Dutch syllable boundaries
    dictionary = pyphen.Pyphen(lang="nl_NL")
    pairs = re.findall(r"(\w+)-\n(\w+)", all_text(exported[2]))
    syllable_breaks = [(a, b) for a, b in pairs if len(a) in dictionary.positions(a + b)]
    assert len(syllable_breaks) >= 3, pairs


def test_export_from_a_project_file(tmp_path, catalogue):
    project, ivs = realistic_project(catalogue)
    source = tmp_path / "lindeveen.gala"
    save_project(project, source)
    target = tmp_path / "bijlage.pdf"
    export_project_file(source, target, AnnexOptions())
    text = squash(body_text(target))
    chosen = [e for e in project.shortlist if e.status is EntryStatus.CHOSEN]
    for entry in chosen:
        assert squash(ivs[entry.intervention_key].name) in text
    assert set(os.listdir(tmp_path)) == {"lindeveen.gala", "bijlage.pdf"}


def test_shipped_example_exports_as_valid_pdfa(tmp_path):
    example = Path(__file__).resolve().parents[1] / "examples" / "voorbeeld-gemeente-lindeveen.gala"
    target = tmp_path / "voorbeeld.pdf"
    export_project_file(example, target)
    assert pdfa_problems(target) == []
    pages = PdfReader(str(target)).pages
    assert len(pages) >= 10
    # no page ends with a sub-heading whose content starts on the next page
    headings = {"Over de interventie", "Erkenning", "Werkzame elementen", "Randvoorwaarden",
                "Lokale uitvoering", "Randvoorwaarden en stand van zaken", "Toegankelijkheid",
                "Notities"}
    orphans = []
    for number, page in enumerate(pages, start=1):
        lines = [line.strip() for line in page.extract_text().splitlines() if line.strip()]
        body = [line for line in lines if not line.startswith("pagina")
                and not line.startswith("Bijlage bij de beleidsvisie")]
        if body and body[-1] in headings:
            orphans.append((number, body[-1]))
    assert orphans == []


def test_cancel_leaves_no_file(tmp_path, catalogue):
    project, _ = realistic_project(catalogue)
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 3

    target = tmp_path / "bijlage.pdf"
    with pytest.raises(ExportCancelled):
        export_project(project, target, catalogue=catalogue, is_cancelled=cancelled)
    assert list(tmp_path.iterdir()) == []


def test_cancel_keeps_an_existing_annex_untouched(tmp_path, catalogue):
    project, _ = realistic_project(catalogue)
    target = tmp_path / "bijlage.pdf"
    target.write_bytes(b"vorige versie")
    with pytest.raises(ExportCancelled):
        export_project(project, target, catalogue=catalogue, is_cancelled=lambda: True)
    assert target.read_bytes() == b"vorige versie"
    assert [p.name for p in tmp_path.iterdir()] == ["bijlage.pdf"]


def _read_only_folder(tmp_path):
    """A folder this process cannot write in: a chmod-ed folder, or for root (who ignores
    permissions) the kernel's read-only /sys."""
    if not (hasattr(os, "geteuid") and os.geteuid() == 0):
        folder = tmp_path / "alleen-lezen"
        folder.mkdir()
        folder.chmod(0o500)
        return folder
    if Path("/sys/kernel").is_dir():
        return Path("/sys/kernel")
    pytest.skip("no read-only folder available for root")


def test_read_only_folder_gives_a_dutch_error(tmp_path, catalogue):
    project, _ = realistic_project(catalogue)
    folder = _read_only_folder(tmp_path)
    before = set(os.listdir(folder))
    try:
        with pytest.raises(AnnexExportError) as info:
            export_project(project, folder / "bijlage.pdf", catalogue=catalogue)
        assert "geen toestemming" in str(info.value)
        assert set(os.listdir(folder)) == before
    finally:
        if folder.is_relative_to(tmp_path):
            folder.chmod(0o700)


@pytest.mark.parametrize(
    ("err", "expected"),
    [
        (OSError(errno.ENOSPC, "No space left on device"), "De schijf is vol"),
        (PermissionError(errno.EACCES, "Permission denied"), "geopend in een ander programma"),
        (OSError(errno.EROFS, "Read-only file system"), "alleen-lezen"),
    ],
)
def test_write_errors_are_explained_in_dutch(err, expected):
    message = str(write_error(err, Path("/ergens/bijlage.pdf")))
    assert message.startswith("De bijlage kon niet worden opgeslagen als bijlage.pdf.")
    assert expected in message


@pytest.mark.parametrize("where", ["missing-folder", "is-a-folder", "parent-is-a-file"])
def test_unwritable_targets_give_a_dutch_error(tmp_path, catalogue, where):
    project, _ = realistic_project(catalogue)
    if where == "missing-folder":
        target = tmp_path / "bestaat-niet" / "bijlage.pdf"
    elif where == "is-a-folder":
        target = tmp_path / "bijlage.pdf"
        target.mkdir()
    else:
        (tmp_path / "gewoon-bestand").write_text("x")
        target = tmp_path / "gewoon-bestand" / "bijlage.pdf"
    with pytest.raises(AnnexExportError) as info:
        export_project(project, target, catalogue=catalogue)
    assert "De bijlage kon niet worden opgeslagen als bijlage.pdf" in str(info.value)
    assert not [p for p in tmp_path.rglob("*") if p.suffix == ".tmp"]


def test_a_pdf_that_cannot_be_pdfa_is_written_without_the_claim(tmp_path):
    pytest.importorskip("pikepdf.pdfa")
    from gala_desktop.annex.model import Metadata
    from gala_desktop.annex.pdf.pdfa import write_pdfa, write_plain

    source = unembedded_font_pdf(tmp_path)
    meta = Metadata("Titel", "Auteur", "Onderwerp")
    target = tmp_path / "uit.pdf"
    verdict = write_pdfa(source, target, meta)
    assert verdict.valid is False
    assert "not embedded" in verdict.detail and "pass" not in verdict.detail.splitlines()[0]
    assert not target.exists()  # a failed check writes nothing
    write_plain(source, target, meta)
    with pikepdf.open(target) as pdf:
        assert "pdfaid:part" not in pdf.open_metadata()
        assert "/OutputIntents" not in pdf.Root
        assert str(pdf.docinfo.Title) == "Titel"
        assert str(pdf.Root.Lang) == "nl-NL"
