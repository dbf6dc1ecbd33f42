"""Whatever a user types into a free-text field, the export works and the text comes back."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from annex_support import body_text, pdfa_problems, squash
from pypdf import PdfReader

from gala_desktop.annex.builder import build_annex
from gala_desktop.annex.context import AnnexOptions
from gala_desktop.annex.pdf.render import render_pdf
from gala_desktop.annex.pdf.text import clean
from gala_desktop.domain.intervention import Condition, ConditionKind, Intervention, Listing
from gala_desktop.domain.project import (
    AccessAspect,
    EntryStatus,
    FundingSource,
    Project,
    ShortlistEntry,
    ThemeChoice,
)
from gala_desktop.domain.recognition import Databank, RecognitionLevel

INTERVENTION = Intervention(
    key="buurtkamer",
    name="Buurtkamer Voorbeeld",
    summary="Een vaste plek in de wijk waar buurtbewoners elkaar ontmoeten.",
    aim="Minder eenzaamheid.",
    approach="Wekelijkse inloop met vrijwilligers.",
    target_group_text="Buurtbewoners van alle leeftijden.",
    owner="Stichting Voorbeeld",
    checked_on=dt.date(2026, 11, 1),
    active_elements=("Laagdrempelig", "Vaste gastvrouw of gastheer"),
    listings=(Listing(Databank.MOVISIE, RecognitionLevel.WELL_DESCRIBED,
                      "https://www.movisie.nl/interventie/buurtkamer", "2024-05"),),
    conditions=(Condition(ConditionKind.VOLUNTEERS, "Vier vaste vrijwilligers."),
                Condition(ConditionKind.ACCOMMODATION, "Een ruimte in de wijk.")),
)
LOOKUP = {INTERVENTION.key: INTERVENTION}.get

FIELDS = (
    "introduction", "rationale", "partners", "funding_note", "neighbourhoods", "responsible",
    "monitoring", "notes", "checklist_note", "access",
)


def _project(texts: dict[str, str], **header) -> Project:
    project = Project(gemeente="Lindeveen", title="Beleidsvisie", date=dt.date(2026, 11, 20),
                      **header)
    project.introduction = texts.get("introduction", "")
    project.themes.append(ThemeChoice("eenzaamheid", texts.get("rationale", "")))
    entry = ShortlistEntry.for_intervention(INTERVENTION, "eenzaamheid")
    entry.status = EntryStatus.CHOSEN
    plan = entry.plan
    plan.partners = texts.get("partners", "")
    plan.funding_source = FundingSource.SPUK
    plan.funding_note = texts.get("funding_note", "")
    plan.budget_cents = 12_500_00
    plan.neighbourhoods = texts.get("neighbourhoods", "")
    plan.responsible = texts.get("responsible", "")
    plan.monitoring = texts.get("monitoring", "")
    plan.notes = texts.get("notes", "")
    plan.checklist[0].note = texts.get("checklist_note", "")
    plan.access[AccessAspect.NEARBY] = texts.get("access", "")
    project.shortlist.append(entry)
    return project


def _export(project: Project, path) -> None:
    doc = build_annex(project, LOOKUP, AnnexOptions(), dt.date(2026, 11, 23))
    render_pdf(doc, path)


HOSTILE = {
    "notes": "Let op: <b>niet vet</b> &amp; a < b > c ]]> <script>alert(1)</script> <para>",
    "partners": "Stichting \x00Nul\x07bel\x1b \u202eomgekeerd\u202c & Zonen <i>",
    "monitoring": "Emoji 😀🚀👩‍👩‍👧 en tekens: € ë é ï ĳ — “quotes” ‘enkel’",
    "rationale": "Arabisch: مرحبا بالعالم\nHebreeuws: שלום עולם\nGemengd: Lindeveen يرحب",
    "neighbourhoods": "\ud800 losse surrogaat \ufffe niet-teken \u2028 regelscheiding",
    "responsible": "x" * 600,  # one enormous word
}


def test_hostile_text_exports_and_reads_back(tmp_path):
    big = " ".join(f"Alinea {i}: de gemeente overlegt met de buurt over de inzet." for i in range(3300))
    big = "BEGIN-VAN-DE-LANGE-NOTITIE " + big.replace("Alinea 1700", "\n\nAlinea 1700") + " EINDE-LANGE-NOTITIE"
    assert len(big) > 200_000
    texts = dict(HOSTILE, introduction=big)
    path = tmp_path / "vijandig.pdf"
    _export(_project(texts, subtitle="<b>Ondertitel</b> & meer"), path)
    assert pdfa_problems(path) == []
    text = squash(body_text(path))
    assert squash("Let op: <b>niet vet</b> &amp; a < b > c ]]> <script>alert(1)</script>") in text
    assert squash("Stichting Nulbel omgekeerd & Zonen <i>") in text
    assert squash("€ ë é ï ĳ — “quotes” ‘enkel’") in text
    assert squash("שלום עולם") in text
    # shaped Arabic is stored as its joined presentation forms; they normalise to the letters
    assert squash("مرحبا بالعالم") in unicodedata.normalize("NFKC", text)
    assert squash("<b>Ondertitel</b> & meer") in text
    assert "x" * 600 in text
    assert squash(big) in text


def test_hostile_text_passes_pdfa_validation(tmp_path):
    pdfa = pytest.importorskip("pikepdf.pdfa")
    path = tmp_path / "vijandig.pdf"
    _export(_project(HOSTILE), path)
    report = pdfa.validate_written(path, "2b")
    assert report.passed, report.summary()


def test_missing_glyphs_become_a_visible_replacement(tmp_path):
    # U+1F680 (rocket) is not in DejaVu Sans: it must not vanish silently or crash
    assert clean("a🚀b") == "a\ufffdb"
    path = tmp_path / "glyph.pdf"
    _export(_project({"notes": "raket 🚀 hier"}), path)
    assert squash("raket \ufffd hier") in squash(body_text(path))


# Text as a user could type or paste it: any character, line breaks, markup and control
# characters, but no surrogate halves (Python text from the UI never holds those). Right-to-left
# letters are left to the hostile test above: they are reordered for display, so their order in
# the extracted text depends on the extractor's bidi handling, not on the export. The same holds
# for the neutral signs of those scripts' blocks (the Arabic comma between ")" and "/"): the PDF
# holds them in order (pdftotext reads ")،/"), but pypdf moves them by their script (")/،").
_RTL_BLOCKS = ((0x0590, 0x08FF), (0xFB1D, 0xFDFF), (0xFE70, 0xFEFF), (0x10800, 0x10FFF),
               (0x1E800, 0x1EFFF))
_characters = st.characters(blacklist_categories=("Cs", "Co", "Cn")).filter(
    lambda ch: unicodedata.bidirectional(ch) not in ("R", "AL")
    and not any(low <= ord(ch) <= high for low, high in _RTL_BLOCKS)
)
_user_text = st.lists(
    st.one_of(
        st.text(_characters, max_size=40),
        st.sampled_from(["<b>", "</i>", "&amp;", "]]>", "<", ">", "&", "\n", "\n\n", "\t", "\r\n",
                         "\x00", "\x1b", "  ", "ĳsje", "€ 1.250,-"]),
    ),
    max_size=12,
).map("".join)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.fixed_dictionaries({field: _user_text for field in FIELDS}),
       gemeente=_user_text, title=_user_text, period=_user_text)
def test_any_text_in_any_field_exports_and_round_trips(tmp_path, texts, gemeente, title, period):
    project = _project(texts)
    project.gemeente, project.title, project.period = gemeente, title, period
    path = tmp_path / "eigenschap.pdf"
    _export(project, path)
    text = squash(body_text(path))
    for field in FIELDS:
        expected = squash(clean(texts[field]))
        assert expected in text, field


def test_a_heading_longer_than_a_page_splits_instead_of_failing(tmp_path):
    """An entry whose intervention left the catalogue is titled with the name saved in the
    project file, which can be anything: even a heading that needs several pages."""
    from gala_desktop.domain.project import InterventionSnapshot

    project = _project({})
    gone = ShortlistEntry(
        "verdwenen", "eenzaamheid",
        InterventionSnapshot("Zeer lange naam " * 400, RecognitionLevel.UNKNOWN, "Iemand"),
        EntryStatus.CHOSEN,
    )
    project.shortlist.append(gone)
    path = tmp_path / "lang.pdf"
    _export(project, path)
    assert squash("Zeer lange naam " * 3) in squash(body_text(path))
    assert not pdfa_problems(path)


def test_arabic_is_joined_and_hebrew_and_arabic_round_trip_in_body_and_running_head(tmp_path):
    """HarfBuzz shapes the Arabic letters (the text layer holds their joined presentation
    forms, which normalise back to the letters typed); both scripts read back in logical
    order, in the body and in the running head of every page."""
    pytest.importorskip("uharfbuzz")
    path = tmp_path / "schriften.pdf"
    project = _project(dict(HOSTILE), subtitle="Bijlage")
    project.title = "Plan שלום עולם مرحبا بالعالم"
    _export(project, path)
    assert pdfa_problems(path) == []
    body = body_text(path)
    assert any(0xFE70 <= ord(ch) <= 0xFEFF for ch in body)  # joined forms, not isolated letters
    normal = squash(unicodedata.normalize("NFKC", body))
    assert squash("Arabisch: مرحبا بالعالم") in normal
    assert squash("Hebreeuws: שלום עולם") in normal
    assert squash("Gemengd: Lindeveen يرحب") in normal
    heads = [unicodedata.normalize("NFKC", (page.extract_text() or "").splitlines()[0])
             for page in PdfReader(str(path)).pages[1:]]
    assert heads and all(h.strip() == "Lindeveen · Plan שלום עולם مرحبا بالعالم" for h in heads), heads[:2]


def test_neutral_signs_of_right_to_left_scripts_stay_in_logical_order(tmp_path):
    """An Arabic comma amid Latin text is not reordered by the export (read back with
    pdftotext, which follows the order in the PDF; pypdf reorders it by its script)."""
    import shutil
    import subprocess

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "komma.pdf"
    _export(_project({"notes": "ZZ)\u060c/QYY"}), path)
    text = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "ZZ)\u060c/QYY" in text
