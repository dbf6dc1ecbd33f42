"""Building the catalogue: determinism, the committed file, schema round-trip, read-only use."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import stat

import pytest
from catalogue_factory import intervention_toml, write_source

from gala_desktop import paths
from gala_desktop.catalogue.builder import build_catalogue
from gala_desktop.catalogue.repository import Catalogue, CatalogueError
from gala_desktop.catalogue.source import SourceError, load_source
from gala_desktop.domain.intervention import ConditionKind
from gala_desktop.domain.recognition import RecognitionLevel
from gala_desktop.domain.themes import REQUIRED_THEME_KEYS


def test_build_is_deterministic(tmp_path):
    a, b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    build_catalogue(paths.catalogue_source_dir(), a)
    build_catalogue(paths.catalogue_source_dir(), b)
    assert a.read_bytes() == b.read_bytes()


def _dump(path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return list(conn.iterdump())


def test_committed_catalogue_equals_a_fresh_build(tmp_path, shipped_catalogue_path):
    fresh = tmp_path / "fresh.sqlite"
    build_catalogue(paths.catalogue_source_dir(), fresh)
    # Byte equality on the SQLite version the project builds with; the logical content must
    # be equal everywhere.
    assert _dump(fresh) == _dump(shipped_catalogue_path), (
        "data/catalogue.sqlite is out of date: run 'gala-desktop catalogue build'"
    )
    assert fresh.read_bytes() == shipped_catalogue_path.read_bytes()


def test_schema_round_trip_keeps_every_field(tmp_path):
    extra = '''website = "https://voorbeeld.nl"
costs = "Ongeveer € 50.000 per jaar."
active_elements = ["Samen eten", "Vaste gastvrouw"]
'''
    text = intervention_toml("rond-trip", "Rond—trip ë", extra=extra, themes='["eenzaamheid", "mantelzorg"]',
                             groups='["ouderen", "mantelzorgers"]')
    text += '''recognised_on = "2019-04"
committee = "Erkenningscommissie MO,P&V"
under_review = true
note = "Hererkend."

[[listings]]
databank = "vilans"
level = "effectief_goede"
url = "https://example.org/vilans"
seen_on = 2026-10-29

[[listings]]
databank = "nji"
level = "effectief"
url = "https://example.org/nji"
seen_on = 2026-10-31

[[conditions]]
kind = "vrijwilligers"
text = "Twintig vrijwilligers."

[[conditions]]
kind = "kosten"
text = "Eigen bijdrage."
'''
    source_dir = write_source(tmp_path, {"rond-trip": text})
    source = load_source(source_dir)
    db = tmp_path / "c.sqlite"
    build_catalogue(source_dir, db)
    with Catalogue.open(db) as cat:
        got = cat.get("rond-trip")
        assert got == source.interventions[0]
        assert got.best_level is RecognitionLevel.EFFECTIVE_GOOD
        assert got.listings[0].under_review and got.listings[0].recognised_on == "2019-04"
        assert got.listings[0].seen_on == dt.date(2026, 11, 1)
        assert got.listings[1].seen_on == dt.date(2026, 10, 29)
        assert got.listings[2].level is RecognitionLevel.EFFECTIVE
        assert [c.kind for c in got.conditions] == [ConditionKind.VOLUNTEERS, ConditionKind.COSTS]
        assert got.active_elements == ("Samen eten", "Vaste gastvrouw")
        assert cat.checked_on == dt.date(2026, 11, 1)
        assert cat.get("bestaat-niet") is None


def test_invalid_source_leaves_existing_catalogue_untouched(tmp_path):
    good = write_source(tmp_path / "g", {"a": intervention_toml("a", "A")})
    db = tmp_path / "c.sqlite"
    build_catalogue(good, db)
    before = db.read_bytes()
    bad = write_source(tmp_path / "b", {"a": intervention_toml("a", "A", level="heel_goed")})
    with pytest.raises(SourceError):
        build_catalogue(bad, db)
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["c.sqlite"]


def test_opens_read_only_from_a_read_only_folder(tmp_path, shipped_catalogue_path):
    folder = tmp_path / "programma"
    folder.mkdir()
    copy = folder / "catalogue.sqlite"
    shutil.copy(shipped_catalogue_path, copy)
    copy.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        before = copy.read_bytes()
        with Catalogue.open(copy) as cat:
            assert cat.count() >= 48
            assert cat.search(cat_query("eenzaam")).total > 0
            with pytest.raises(sqlite3.OperationalError):
                with cat._conn() as conn:
                    conn.execute("DELETE FROM intervention")
        assert copy.read_bytes() == before
        assert sorted(os.listdir(folder)) == ["catalogue.sqlite"]
    finally:
        folder.chmod(stat.S_IRWXU)


def cat_query(text):
    from gala_desktop.domain.search import SearchQuery

    return SearchQuery(text=text)


def test_missing_or_corrupt_catalogue_gives_a_dutch_error(tmp_path):
    with pytest.raises(CatalogueError, match="niet gevonden"):
        Catalogue.open(tmp_path / "nergens.sqlite")
    junk = tmp_path / "kapot.sqlite"
    junk.write_bytes(b"dit is geen database" * 100)
    with pytest.raises(CatalogueError, match="beschadigd"):
        Catalogue.open(junk)


def test_shipped_content_meets_the_bar(catalogue):
    items = catalogue.all()
    assert len(items) >= 48
    for item in items:
        assert item.theme_keys and item.target_groups and item.listings and item.sources
        assert all(li.url.startswith("http") for li in item.listings)
        assert item.checked_on
    for theme in REQUIRED_THEME_KEYS:
        assert sum(theme in i.theme_keys for i in items) >= 3, theme


SEED_INTERVENTIONS = [
    "Studiekringen", "Grijze Koppen Orkest", "Studio BRUIS", "Buurtcirkel", "Community Support",
    "Futsal Chabbab", "Citytrainers", "Mijn Verhaal", "In je Uppie", "Luisterlijn", "OldStars",
    "GoldenSports", "Denken en Doen", "Sociaal Vitaal", "Resto VanHarte", "GRIP", "Creatief Leven",
    "Join Us", "Thuis op Straat", "Samen Oplopen", "Meer Vrijwilligers", "Talenten Samen Benutten",
    "Welzijn op Recept",
]


def test_all_seed_interventions_are_present(catalogue):
    names = [i.name.casefold() for i in catalogue.all()]
    missing = [s for s in SEED_INTERVENTIONS if not any(s.casefold() in n for n in names)]
    assert not missing
