"""The PDF annex is ready before its PDF/A check, and claims PDF/A only after the check passed.

The file at the target is first the plain PDF (no PDF/A identification, no output intent);
the PDF/A version replaces it only after the real validator approved its written bytes. Every
way that can go wrong leaves the plain file as it was and no temporary file.
"""

from __future__ import annotations

import errno
import shutil
import sys
from pathlib import Path

import pikepdf
import pytest
from annex_support import layout_rejected_as_pdfa, pdfa_problems
from pypdf import PdfReader

from gala_desktop import atomic
from gala_desktop.annex.export import export_project
from gala_desktop.annex.formats import PdfaStatus
from gala_desktop.annex.pdf import archive
from gala_desktop.project.document import load_project

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "voorbeeld-gemeente-lindeveen.gala"


def claims_pdfa(path: Path) -> bool:
    with pikepdf.open(path) as pdf:
        meta = pdf.open_metadata()
        return "pdfaid:part" in meta or "pdfaid:conformance" in meta or "/OutputIntents" in pdf.Root


def ready_file_facts(path: Path) -> dict:
    """What the officer would find on opening the file at the moment it is reported ready."""
    reader = PdfReader(str(path))
    return {"pages": len(reader.pages), "claims_pdfa": claims_pdfa(path),
            "text": reader.pages[0].extract_text(), "bytes": path.read_bytes()}


@pytest.fixture()
def project():
    return load_project(EXAMPLE)


def export(project, target, catalogue, **kwargs):
    seen: list[dict] = []
    result = export_project(project, target, catalogue=catalogue,
                            on_ready=lambda path: seen.append(ready_file_facts(path)), **kwargs)
    assert len(seen) == 1
    return result, seen[0]


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_the_ready_file_claims_nothing_and_the_checked_file_claims_pdfa(project, catalogue, tmp_path):
    target = tmp_path / "bijlage.pdf"
    result, ready = export(project, target, catalogue)
    assert ready["pages"] >= 10 and "Lindeveen" in ready["text"]
    assert ready["claims_pdfa"] is False
    assert result.status is PdfaStatus.PASSED and result.pdfa is True and result.fully_succeeded
    assert claims_pdfa(target)
    assert pdfa_problems(target) == []
    assert pikepdf.pdfa.validate_written(target, "2b").passed
    assert len(PdfReader(str(target)).pages) == ready["pages"]
    assert "PDF/A-2b, gecontroleerd" in result.message()
    assert leftovers(tmp_path) == []


@pytest.fixture()
def failing_check(monkeypatch, tmp_path):
    """A layout whose output the real validator rejects: a font that is not embedded."""
    layout_rejected_as_pdfa(monkeypatch, tmp_path)


def test_a_failed_check_leaves_the_plain_file(failing_check, project, catalogue, tmp_path):
    target = tmp_path / "bijlage.pdf"
    result, ready = export(project, target, catalogue)
    assert result.status is PdfaStatus.FAILED and result.pdfa is False
    assert not result.fully_succeeded
    assert target.read_bytes() == ready["bytes"] and not claims_pdfa(target)
    assert "not embedded" in result.detail
    assert "géén geldige PDF/A" in result.message() and "niet in als archiefversie" in result.message()
    assert leftovers(tmp_path) == []


def test_a_cancel_during_the_check_leaves_the_plain_file(project, catalogue, tmp_path, monkeypatch):
    """The cancel comes while the validator runs: its PDF/A file is thrown away."""
    cancelled = []
    real = archive.write_pdfa

    def validate_then_cancel(*args):
        verdict = real(*args)
        cancelled.append(True)  # the window is closed while the check ran
        return verdict

    monkeypatch.setattr(archive, "write_pdfa", validate_then_cancel)
    target = tmp_path / "bijlage.pdf"
    result, ready = export(project, target, catalogue, is_cancelled=lambda: bool(cancelled))
    assert cancelled and result.status is PdfaStatus.CANCELLED and result.pdfa is False
    assert target.read_bytes() == ready["bytes"]
    assert "afgebroken" in result.message()
    assert leftovers(tmp_path) == []


def test_a_file_held_open_by_a_viewer_is_left_as_it_is(project, catalogue, tmp_path, monkeypatch):
    """On Windows a viewer that has the PDF open makes the replacement fail with 'access denied'."""
    target = tmp_path / "bijlage.pdf"
    real_replace = atomic.os.replace
    opened: list[bytes] = []  # the officer opened the ready file

    def replace(source, destination):
        if opened and Path(destination) == target:
            raise PermissionError(errno.EACCES, "Access is denied", str(destination))
        real_replace(source, destination)

    monkeypatch.setattr(atomic.os, "replace", replace)
    result, _ = export_and(project, catalogue, target, lambda path: opened.append(path.read_bytes()))
    assert result.status is PdfaStatus.NOT_REPLACED and result.pdfa is False
    assert target.read_bytes() == opened[0] and not claims_pdfa(target)
    assert "geopend in een ander programma" in result.message()
    assert "géén PDF/A" in result.message()
    assert leftovers(tmp_path) == []
    assert result.retry is not None  # the checked bytes are kept for a second try
    assert result.retry().status is PdfaStatus.NOT_REPLACED  # still held open
    opened.clear()  # the officer closes the viewer
    again = result.retry()
    assert again.status is PdfaStatus.PASSED and again.pdfa is True
    assert claims_pdfa(target) and pikepdf.pdfa.validate_written(target, "2b").passed
    assert pdfa_problems(target) == []
    assert leftovers(tmp_path) == []


def test_a_folder_that_is_gone_or_a_file_changed_meanwhile_is_not_touched(project, catalogue,
                                                                          tmp_path):
    folder = tmp_path / "usb"
    folder.mkdir()
    result, _ready = export_and(project, catalogue, folder / "bijlage.pdf",
                                lambda path: shutil.move(path.parent, tmp_path / "weg"))
    assert result.status is PdfaStatus.NOT_REPLACED
    assert "De map bestaat niet (meer)" in result.message()
    moved = tmp_path / "weg" / "bijlage.pdf"
    assert not claims_pdfa(moved) and leftovers(tmp_path / "weg") == []

    target = tmp_path / "bijlage.pdf"
    result, _ready = export_and(project, catalogue, target,
                                lambda path: path.write_bytes(b"%PDF-1.4 door de gebruiker"))
    assert result.status is PdfaStatus.NOT_REPLACED and "intussen gewijzigd" in result.message()
    assert result.retry is None  # never over a file the officer changed
    assert target.read_bytes() == b"%PDF-1.4 door de gebruiker"
    assert leftovers(tmp_path) == []


def test_without_a_validator_nothing_is_claimed(project, catalogue, tmp_path, monkeypatch):
    """pikepdf without its PDF/A part: nothing can say no, so the plain file stays."""
    monkeypatch.delattr(pikepdf, "pdfa")
    monkeypatch.setitem(sys.modules, "pikepdf.pdfa", None)  # the import fails
    target = tmp_path / "bijlage.pdf"
    result, ready = export(project, target, catalogue)
    monkeypatch.undo()
    assert result.status is PdfaStatus.UNCHECKED and result.pdfa is False
    assert not result.fully_succeeded
    assert target.read_bytes() == ready["bytes"] and not claims_pdfa(target)
    assert "niet beschikbaar" in result.message() and "géén gecontroleerde PDF/A" in result.message()
    assert leftovers(tmp_path) == []


def export_and(project, catalogue, target, meanwhile):
    """Export, doing ``meanwhile(path)`` as soon as the file is ready."""
    return export_project(project, target, catalogue=catalogue, on_ready=meanwhile), None
