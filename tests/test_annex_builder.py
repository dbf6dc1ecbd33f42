"""The annex document model, built from a realistic project over the shipped catalogue."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from dataclasses import replace

from annex_support import PLAN, realistic_project

from gala_desktop.annex.builder import build_annex
from gala_desktop.annex.context import AnnexOptions
from gala_desktop.annex.model import (
    Heading,
    KeyValueTable,
    Paragraph,
    ParagraphStyle,
    Table,
    TitlePage,
    TocPlaceholder,
    rich_plain_text,
)
from gala_desktop.domain.formatting import format_euro_table
from gala_desktop.domain.intervention import Listing
from gala_desktop.domain.overview import total_budget
from gala_desktop.domain.project import EntryStatus
from gala_desktop.domain.recognition import Databank, RecognitionLevel
from gala_desktop.domain.themes import theme_name


def _texts(doc) -> list[str]:
    out = []
    for block in doc.blocks:
        if isinstance(block, Heading):
            out.append(block.text)
        elif isinstance(block, Paragraph):
            out.append(rich_plain_text(block.runs))
        elif isinstance(block, KeyValueTable):
            out += [f"{k}: {rich_plain_text(v) or block.empty_text}" for k, v in block.rows]
        elif isinstance(block, Table):
            out += [" | ".join(rich_plain_text(c) for c in row) for row in block.rows]
    return out


def test_order_of_the_parts(catalogue):
    project, _ = realistic_project(catalogue)
    doc = build_annex(project, catalogue.get, AnnexOptions(), catalogue.checked_on)
    assert isinstance(doc.blocks[0], TitlePage)
    h1 = [h.text for h in doc.headings() if h.level == 1]
    assert h1 == ["Verantwoording", "Samenvatting", *[theme_name(k) for k in PLAN], "Bronnen",
                  "Afkortingen"]
    toc_at = next(i for i, b in enumerate(doc.blocks) if isinstance(b, TocPlaceholder))
    summary_at = next(i for i, b in enumerate(doc.blocks) if getattr(b, "text", "") == "Samenvatting")
    assert toc_at < summary_at


def test_only_chosen_entries_by_default(catalogue):
    project, ivs = realistic_project(catalogue)
    doc = build_annex(project, catalogue.get, AnnexOptions(), catalogue.checked_on)
    names = {h.text for h in doc.headings() if h.level == 2}
    for entry in project.shortlist:
        name = ivs[entry.intervention_key].name
        if entry.status is EntryStatus.CHOSEN:
            assert name in names
        else:
            assert name not in names and f"{name} (overwegen)" not in names


def test_considering_and_dropped_are_labelled_when_included(catalogue):
    project, ivs = realistic_project(catalogue)
    project.shortlist[-1].status = EntryStatus.DROPPED
    options = AnnexOptions(include_considering=True, include_dropped=True)
    doc = build_annex(project, catalogue.get, options, catalogue.checked_on)
    names = [h.text for h in doc.headings() if h.level == 2]
    dropped = ivs[project.shortlist[-1].intervention_key].name
    assert f"{dropped} (afgevallen)" in names
    considering = [e for e in project.shortlist if e.status is EntryStatus.CONSIDERING]
    assert considering
    for entry in considering:
        assert f"{ivs[entry.intervention_key].name} (overwegen)" in names
    texts = _texts(doc)
    assert any("wordt nog overwogen" in t for t in texts)
    assert any("is afgevallen" in t for t in texts)


def test_summary_table_links_to_each_chosen_entry(catalogue):
    project, ivs = realistic_project(catalogue)
    doc = build_annex(project, catalogue.get, AnnexOptions(), catalogue.checked_on)
    table = next(b for b in doc.blocks if isinstance(b, Table) and b.header[1] == "Interventie en erkenningsniveau")
    anchors = {h.anchor: h.text for h in doc.headings()}
    chosen = [e for e in project.shortlist if e.status is EntryStatus.CHOSEN]
    assert len(table.rows) == len(chosen)
    for row in table.rows:
        run = row[1][0]
        assert anchors[run.anchor] == run.text


def test_budget_totals_match_the_overview(catalogue):
    project, _ = realistic_project(catalogue)
    doc = build_annex(project, catalogue.get, AnnexOptions(), catalogue.checked_on)
    totals = [b for b in doc.blocks if isinstance(b, Table) and b.total_row]
    assert len(totals) == 2
    expected = format_euro_table(total_budget(project)).replace(" ", "\u00a0")
    for table in totals:
        assert rich_plain_text(table.rows[-1][-1]) == expected  # the total column


def test_coverage_gap_is_named_in_text(catalogue):
    project, _ = realistic_project(catalogue)
    doc = build_annex(project, catalogue.get, AnnexOptions(), catalogue.checked_on)
    notices = [rich_plain_text(b.runs) for b in doc.blocks
               if isinstance(b, Paragraph) and b.style == ParagraphStyle.NOTICE]
    assert any("Nog niet gedekt: Gebiedsgerichte uitvoering" in n for n in notices)


def test_empty_plan_fields_say_not_filled_in(catalogue):
    project, _ = realistic_project(catalogue)
    doc = build_annex(project, catalogue.get, AnnexOptions(), catalogue.checked_on)
    texts = _texts(doc)
    # the second entry of every theme has an empty plan in the realistic project
    assert "Uitvoerende partner(s): nog niet ingevuld" in texts
    assert "Budget: nog niet ingevuld" in texts


def test_intervention_missing_from_catalogue_uses_snapshot(catalogue):
    project, ivs = realistic_project(catalogue)
    gone = project.shortlist[0]
    lookup = lambda key: None if key == gone.intervention_key else catalogue.get(key)  # noqa: E731
    doc = build_annex(project, lookup, AnnexOptions(), catalogue.checked_on)
    texts = _texts(doc)
    assert gone.snapshot.name in [h.text for h in doc.headings()]
    assert any("staat niet meer in de interventiecatalogus" in t for t in texts)
    assert f"Eigenaar: {gone.snapshot.owner}" in texts


def test_a_chosen_intervention_gone_from_the_catalogue_is_not_counted_as_recognised(catalogue):
    """Its level is the one recorded at the choice: the summary says so beside it, and the
    count of recognised interventions leaves it out."""
    project, _ = realistic_project(catalogue)
    gone = next(e for e in project.shortlist
                if e.status is EntryStatus.CHOSEN and e.snapshot.level.is_recognised)
    lookup = lambda key: None if key == gone.intervention_key else catalogue.get(key)  # noqa: E731
    texts = _texts(build_annex(project, lookup, AnnexOptions(), catalogue.checked_on))
    full = _texts(build_annex(project, catalogue.get, AnnexOptions(), catalogue.checked_on))
    row = next(t for t in texts if gone.snapshot.name in t and " | " in t)
    assert f"{gone.snapshot.level.label}, vastgelegd bij de keuze (niet meer in de catalogus)" in row
    counts, before = (next(t for t in x if t.startswith("Gekozen: ")) for x in (texts, full))
    recognised = lambda text: int(text.split("Gekozen: ")[1].split(" ")[0])  # noqa: E731
    assert recognised(counts) == recognised(before) - 1
    assert "1 interventie die niet meer in de catalogus staat" in counts


def test_an_unreadable_catalogue_never_says_interventions_left_it(catalogue):
    """A damaged catalogue holds nothing: the annex tells its snapshots as snapshots, and does
    not claim that every intervention was removed from the catalogue."""
    project, _ = realistic_project(catalogue)
    doc = build_annex(project, lambda key: None, AnnexOptions(), None, catalogue_read=False)
    texts = _texts(doc)
    assert not any("niet meer in de" in t.lower() for t in texts), [t for t in texts if "niet meer in de" in t.lower()]
    assert any(t.startswith("De interventiecatalogus kon bij het maken van deze bijlage niet "
                            "worden gelezen.") for t in texts)
    assert any(", vastgelegd bij de keuze (catalogus niet leesbaar)" in t for t in texts)
    assert any(t.startswith("Zonder vindplaats, omdat de catalogus bij het maken van deze bijlage "
                            "niet kon worden gelezen: ") for t in texts)
    [counts] = [t for t in texts if t.startswith("Gekozen: ")]
    assert counts == ("Gekozen: 10 interventies waarvan de erkenning niet kon worden nagegaan "
                      "(catalogus niet leesbaar).")


def test_the_verantwoording_does_not_call_every_intervention_recognised(catalogue):
    project, _ = realistic_project(catalogue)
    texts = _texts(build_annex(project, catalogue.get, AnnexOptions(), catalogue.checked_on))
    assert not any("welke erkende interventies" in t for t in texts)


def _annex_with_first_entry_changed(catalogue, change):
    """The annex of the realistic project, its first entry's intervention passed through ``change``."""
    project, _ = realistic_project(catalogue)
    key = project.shortlist[0].intervention_key
    changed = change(catalogue.get(key))
    lookup = lambda k: changed if k == key else catalogue.get(k)  # noqa: E731
    return build_annex(project, lookup, AnnexOptions(), catalogue.checked_on)


def test_each_listing_shows_when_recognised_and_when_seen(catalogue):
    listing = None

    def change(iv):
        nonlocal listing
        listing = replace(iv.listings[0], level=RecognitionLevel.EFFECTIVE, recognised_on="2022",
                          seen_on=dt.date(2026, 11, 30))
        return replace(iv, listings=(listing,))

    doc = _annex_with_first_entry_changed(catalogue, change)
    table = next(b for b in doc.blocks if isinstance(b, Table) and "Erkend en gezien" in b.header
                 and any(rich_plain_text(r[4]) == listing.url for r in b.rows))
    row = next(r for r in table.rows if rich_plain_text(r[4]) == listing.url)
    assert rich_plain_text(row[1]).startswith("Effectief (niveau niet vermeld)")
    assert rich_plain_text(row[2]) == "erkend in 2022, gezien op 30 november 2026"
    assert row[4][0].url == listing.url


def _section_tables(doc, heading: str) -> list[Table]:
    start = next(i for i, b in enumerate(doc.blocks) if isinstance(b, Heading) and b.text == heading)
    tables = []
    for block in doc.blocks[start + 1:]:
        if isinstance(block, Heading):
            break
        if isinstance(block, Table):
            tables.append(block)
    return tables


def test_sources_chapter_separates_databank_pages_from_other_sources(catalogue):
    bank = Listing(Databank.NJI, RecognitionLevel.WELL_FOUNDED, "https://www.nji.nl/interventies/x",
                   seen_on=dt.date(2026, 11, 30))
    other = Listing(Databank.OTHER, RecognitionLevel.NOT_ASSESSED, "https://blog.example.org/x")
    doc = _annex_with_first_entry_changed(catalogue, lambda iv: replace(
        iv, listings=(bank, other), sources=(bank.url, "https://eigenaar.example.org/handleiding")))
    [banks] = _section_tables(doc, "Databankpagina's")
    [others] = _section_tables(doc, "Andere bronnen")
    bank_urls = {rich_plain_text(row[2]) for row in banks.rows}
    other_urls = {rich_plain_text(row[1]) for row in others.rows}
    assert bank.url in bank_urls
    assert {"https://blog.example.org/x", "https://eigenaar.example.org/handleiding"} <= other_urls
    assert not bank_urls & other_urls
    row = next(r for r in banks.rows if rich_plain_text(r[2]) == bank.url)
    assert [rich_plain_text(c) for c in row[1:]] == ["NJi", bank.url, "30 november 2026"]
    # every databank row is a recognised databank, never "Overig"
    assert all(rich_plain_text(r[1]) != Databank.OTHER.short_label for r in banks.rows)


def test_a_recognition_that_may_have_lapsed_is_marked_with_its_rule(catalogue):
    lapsed = Listing(Databank.NJI, RecognitionLevel.EFFECTIVE_GOOD, "https://www.nji.nl/interventies/y",
                     "2012-03")
    doc = _annex_with_first_entry_changed(catalogue, lambda iv: replace(iv, listings=(lapsed,)))
    notice = "⚠ erkenning mogelijk verlopen — controleer de databank"
    texts = _texts(doc)
    rows = [t for t in texts if lapsed.url in t]
    assert rows and all(notice in t for t in rows if t.startswith("NJi |"))
    chosen = next(b for b in doc.blocks if isinstance(b, Table)
                  and b.header[1] == "Interventie en erkenningsniveau")
    assert sum(notice in rich_plain_text(row[1]) for row in chosen.rows) == 1  # under the name
    start = next(i for i, b in enumerate(doc.blocks)
                 if isinstance(b, Heading) and b.text == "Geldigheid van erkenningen")
    rules = doc.blocks[start + 1]
    assert isinstance(rules, Paragraph)
    nji = next(i for i, run in enumerate(rules.runs) if run.text.startswith(" NJi:"))
    assert rules.runs[nji + 1].url == "https://www.nji.nl/nieuws/dialoog-maakt-de-databank-beter"
    assert "Voor " in rich_plain_text(rules.runs) and "geen termijn bekend" in rich_plain_text(rules.runs)


def test_builder_does_not_import_reportlab():
    code = (
        "import sys, gala_desktop.annex.builder, gala_desktop.annex.model;"
        "bad = [m for m in sys.modules if m.startswith(('reportlab', 'pikepdf'))];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_plan_parts_only_when_filled_and_abbreviations_only_when_used(catalogue):
    from gala_desktop.annex.abbreviations import used_abbreviations
    from gala_desktop.domain.project import PLAN_PARTS

    project, _ = realistic_project(catalogue)
    for part in PLAN_PARTS:
        setattr(project, part.attribute, "")
    doc = build_annex(project, catalogue.get, AnnexOptions(), catalogue.checked_on)
    assert "Het plan als geheel" not in [h.text for h in doc.headings()]
    project.coordination = "Welzijn coördineert.\n\nDe gemeente bewaakt de afspraken (SISA)."
    doc = build_annex(project, catalogue.get, AnnexOptions(), catalogue.checked_on)
    texts = [h.text for h in doc.headings()]
    at = texts.index("Het plan als geheel")
    assert texts[at + 1] == "Coördinatie" and texts[at + 2] != "Samenwerking"
    body = [rich_plain_text(b.runs) for b in doc.blocks if isinstance(b, Paragraph)]
    assert "De gemeente bewaakt de afspraken (SISA)." in body
    assert texts[-1] == "Afkortingen"
    used = dict(used_abbreviations(doc.blocks))
    assert "SISA" in used and "CJG" not in used  # listed only when the text uses it


def test_a_reach_of_one_reads_in_the_singular(catalogue):
    project, _ = realistic_project(catalogue)
    entry = next(e for e in project.shortlist if e.plan.reach is not None and e.status is EntryStatus.CHOSEN)
    entry.plan.reach = 1
    texts = _texts(build_annex(project, catalogue.get, AnnexOptions(), catalogue.checked_on))
    assert any("1 inwoner" in t and "1 inwoners" not in t for t in texts)
    assert not any("1 inwoners" in t for t in texts)
