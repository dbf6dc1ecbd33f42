"""docs/catalogue-coverage.md: generated from the source, with counts and gaps with reasons."""

from __future__ import annotations

from catalogue_factory import intervention_toml, write_source
from cli_support import run

from gala_desktop import paths
from gala_desktop.catalogue.coverage import render_source
from gala_desktop.catalogue.source import load_source, validate_path
from gala_desktop.domain.coverage import MIN_PER_THEME, coverage

COMMITTED = paths.catalogue_source_dir().parent.parent / "docs" / "catalogue-coverage.md"


def test_the_committed_coverage_doc_equals_a_fresh_generation():
    assert COMMITTED.read_text(encoding="utf-8") == render_source(paths.catalogue_source_dir()), (
        "docs/catalogue-coverage.md is out of date: run "
        "'gala-desktop catalogue coverage --output docs/catalogue-coverage.md'"
    )


def _source(tmp_path, notes: str = ""):
    items = {
        f"iv{i}": intervention_toml(f"iv{i}", f"Interventie {i}", themes=themes, level=level)
        for i, (themes, level) in enumerate([
            ('["eenzaamheid"]', "goed_onderbouwd"), ('["mantelzorg"]', "onbekend"),
            ('["keten-gli", "gezonde-leefstijl"]', "effectief_eerste"),
        ])
    }
    source = write_source(tmp_path, items)
    if notes:
        with (source / "catalogue.toml").open("a", encoding="utf-8") as f:
            f.write(notes)
    return source


def test_counts_per_theme_databank_and_level(tmp_path):
    report = coverage(load_source(_source(tmp_path)).interventions, {})
    by_key = {t.theme.key: t for t in report.themes}
    assert by_key["sociale-basis"].total == 2  # a goal counts its sub-themes
    assert (by_key["sociale-basis"].recognised, by_key["eenzaamheid"].total) == (1, 1)
    assert by_key["keten-gli"].total == 1 and by_key["fysieke-leefomgeving"].total == 0
    assert [t.theme.key for t in report.gaps] == [t.theme.key for t in report.themes
                                                   if t.total < MIN_PER_THEME]
    assert sum(report.levels.values()) == report.total == 3
    assert sum(report.databanks.values()) == 3


def test_gaps_carry_the_reason_from_the_source(tmp_path):
    notes = ('\n[coverage_notes]\nketen-gli = "De databanken erkennen er meer; nog niet '
             'nagelopen."\n')
    text = render_source(_source(tmp_path, notes))
    gaps = text.split("## Gaps", 1)[1]
    assert "**Gecombineerde leefstijlinterventie (GLI)** (`keten-gli`, ketenaanpak): 1 — De databanken" in gaps
    assert "**Kansrijke start** (`keten-kansrijke-start`, ketenaanpak): 0 — *no reason recorded yet*" in gaps
    assert "| Tegengaan van eenzaamheid" not in text and "↳ Tegengaan van eenzaamheid" in text


def test_coverage_notes_are_validated(tmp_path):
    notes = '\n[coverage_notes]\ngeluk = "x"\nmantelzorg = ""\n'
    problems = {p.field: p for p in validate_path(_source(tmp_path, notes))}
    assert "onbekend thema" in problems["coverage_notes.geluk"].message
    assert "leeg" in problems["coverage_notes.mantelzorg"].message
    assert problems["coverage_notes.geluk"].file == "catalogue.toml" and problems["coverage_notes.geluk"].line


def test_the_command_writes_the_doc(tmp_path):
    out = tmp_path / "dekking.md"
    result = run("catalogue", "coverage", "--source", str(_source(tmp_path)), "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("# Catalogue coverage")
    bad = run("catalogue", "coverage", "--source", str(tmp_path / "bestaat-niet"))
    assert bad.returncode == 1 and "bestaat niet" in bad.stderr
