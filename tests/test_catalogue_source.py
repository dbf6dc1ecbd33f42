"""Validation of the catalogue source: every problem found, located and named in Dutch."""

from __future__ import annotations

from catalogue_factory import intervention_toml, write_source

from gala_desktop import paths
from gala_desktop.catalogue.source import validate_path


def test_the_shipped_source_is_valid():
    assert validate_path(paths.catalogue_source_dir()) == []


def test_each_problem_has_file_line_and_field(tmp_path):
    text = intervention_toml("fout", "Fout", themes='["eenzaamheid", "geluk"]', groups='["marsmannetjes"]')
    text = text.replace('level = "goed_beschreven"', 'level = "heel_goed"')
    text = text.replace('url = "https://example.org/databank/fout"', 'url = "ftp://x"')
    text += '\n[[conditions]]\nkind = "toverstaf"\ntext = ""\n'
    text = text.replace('aim = "Een doel."\n', "")
    text = 'naam_typo = "x"\n' + text
    source = write_source(tmp_path, {"fout": text})
    problems = validate_path(source)
    by_field = {p.field: p for p in problems}
    assert {"themes", "target_groups", "listings[1].level", "listings[1].url", "conditions[1].kind",
            "conditions[1].text", "aim", "naam_typo"} <= set(by_field)
    assert "geluk" in by_field["themes"].message
    assert "heel_goed" in by_field["listings[1].level"].message
    assert by_field["listings[1].level"].line == text.splitlines().index('level = "heel_goed"') + 1
    assert "ontbreekt" in by_field["aim"].message
    assert "onbekend veld" in by_field["naam_typo"].message
    assert all(p.file == "interventions/fout.toml" for p in problems)
    assert "interventions/fout.toml:" in str(by_field["themes"])


def test_key_must_match_file_name_and_dates_be_real(tmp_path):
    text = intervention_toml("anders", "Anders").replace("checked_on = 2026-11-01", 'checked_on = "gisteren"')
    text = text.replace('url = "https://example.org/databank/anders"',
                        'url = "https://example.org/x"\nrecognised_on = "2019-13"')
    source = write_source(tmp_path, {"verkeerd": text})
    fields = {p.field for p in validate_path(source)}
    assert {"key", "checked_on", "listings[1].recognised_on"} <= fields


def test_seen_on_is_a_required_real_date_not_in_the_future(tmp_path):
    good = intervention_toml("gezien", "Gezien").replace('level = "goed_beschreven"', 'level = "effectief"')
    assert validate_path(write_source(tmp_path / "g", {"gezien": good})) == []
    quoted = good.replace("seen_on = 2026-11-01", 'seen_on = "2026-11-01"')
    future = good.replace("seen_on = 2026-11-01", "seen_on = 2999-01-01")
    missing = good.replace("seen_on = 2026-11-01", "note = \"gezien_op ontbreekt\"")
    problems = validate_path(write_source(tmp_path / "m", {"gezien": missing}))
    assert [(p.field, p.message) for p in problems] == [("listings[1].seen_on", "ontbreekt (verplichte datum)")]
    for text, words in ((quoted, "moet een datum zijn"), (future, "in de toekomst")):
        problems = validate_path(write_source(tmp_path / words[:4], {"gezien": text}))
        assert [p.field for p in problems] == ["listings[1].seen_on"]
        assert words in problems[0].message
        assert problems[0].line == text.splitlines().index(next(
            line for line in text.splitlines() if line.startswith("seen_on"))) + 1


def test_broken_toml_is_reported_with_its_line(tmp_path):
    source = write_source(tmp_path, {"kapot": 'key = "kapot"\nname = "niet afgesloten\n'})
    problems = validate_path(source)
    assert problems[0].file == "interventions/kapot.toml"
    assert problems[0].line == 2
    assert "TOML" in problems[0].message


def test_validate_a_single_file(tmp_path):
    source = write_source(tmp_path, {"goed": intervention_toml("goed", "Goed")})
    assert validate_path(source / "interventions" / "goed.toml") == []
    (source / "interventions" / "goed.toml").write_text("key = 3\n", encoding="utf-8")
    assert validate_path(source / "interventions" / "goed.toml")
    assert validate_path(tmp_path / "bestaat-niet.toml")[0].message == "het bestand bestaat niet"


def test_duplicate_names_and_empty_folder(tmp_path):
    source = write_source(tmp_path / "a", {"a": intervention_toml("a", "Zelfde"), "b": intervention_toml("b", "zelfde")})
    assert any("dezelfde naam" in p.message for p in validate_path(source))
    empty = write_source(tmp_path / "e", {})
    assert any("geen interventiebestanden" in p.message for p in validate_path(empty))
