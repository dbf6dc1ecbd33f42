"""Own interventions below the UI: the JSON form, the local library, the project file, the annex."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest

from gala_desktop.annex.builder import AnnexOptions, build_annex
from gala_desktop.catalogue import own_library
from gala_desktop.catalogue.combined import WorkingCatalogue
from gala_desktop.catalogue.own_library import OwnLibrary, OwnLibraryError
from gala_desktop.domain.intervention import Condition, ConditionKind, Intervention, TargetGroup
from gala_desktop.domain.own import OwnInterventionError, new_own_key, own_from_dict, own_to_dict
from gala_desktop.domain.project import EntryStatus, Project, ShortlistEntry, ThemeChoice
from gala_desktop.domain.search import ORIGIN_DATABANK, ORIGIN_OWN, SearchQuery
from gala_desktop.project.document import load_project, project_from_dict, save_project

GROUP = TargetGroup("ouderen", "Ouderen (65+)")


def own(name="Taalcafé", key=None, **changes) -> Intervention:
    values = dict(
        key=key or new_own_key(), name=name, summary="Wekelijks oefenen met Nederlands praten.",
        aim="Taal en ontmoeting.", approach="In de bibliotheek, met vrijwilligers.",
        target_group_text="Nieuwkomers en ouderen", owner="Bibliotheek Lindeveen",
        checked_on=dt.date(2026, 11, 20), website="https://example.org/taalcafe",
        costs_note="Gratis voor deelnemers.", theme_keys=("eenzaamheid",), target_groups=(GROUP,),
        conditions=(Condition(ConditionKind.VOLUNTEERS, "Drie vrijwilligers."),),
    )
    values.update(changes)
    return Intervention(**values)


def test_json_form_round_trips_and_is_strict():
    item = own()
    assert own_from_dict(json.loads(json.dumps(own_to_dict(item)))) == item
    assert item.is_own and not item.listings
    with pytest.raises(OwnInterventionError, match="sleutel"):
        own_from_dict({**own_to_dict(item), "key": "resto-vanharte"})
    with pytest.raises(OwnInterventionError, match="thema"):
        own_from_dict({**own_to_dict(item), "themes": ["bestaat-niet"]})
    with pytest.raises(OwnInterventionError, match="name"):
        own_from_dict({**own_to_dict(item), "name": ""})


def test_library_stores_searches_and_survives_reopening(tmp_path):
    library = OwnLibrary.open(tmp_path, [GROUP])
    cafe, garden = own(), own("Buurtmoestuin", theme_keys=("sociale-samenhang",))
    library.put_many([cafe, garden])
    assert [i.key for i in library.search(SearchQuery(text="taalcafe")).items] == [cafe.key]  # folded
    assert [i.key for i in library.search(SearchQuery(theme_keys=frozenset({"sociale-samenhang"}))).items] == [garden.key]
    library.delete(garden.key)
    library.close()
    again = OwnLibrary.open(tmp_path)
    assert again.all() == [cafe]
    assert again.search(SearchQuery(text="moestuin")).total == 0
    again.close()


def test_library_index_is_rebuilt_when_missing_or_damaged(tmp_path):
    library = OwnLibrary.open(tmp_path, [GROUP])
    item = own()
    library.put(item)
    library.close()
    (tmp_path / own_library.INDEX_FILE).write_bytes(b"kapot")
    again = OwnLibrary.open(tmp_path)
    assert [i.key for i in again.search(SearchQuery(text="bibliotheek")).items] == [item.key]
    again.close()


def test_library_index_of_an_earlier_catalogue_schema_is_rebuilt(tmp_path):
    """After an upgrade the index was written by the previous version (another schema, no
    ``search_text``): it is rebuilt, and a search narrowed by a filter finds the own
    intervention through the new table."""
    library = OwnLibrary.open(tmp_path, [GROUP])
    item = own()
    library.put(item)
    library.close()
    with sqlite3.connect(tmp_path / own_library.INDEX_FILE) as db:
        db.execute("DROP TABLE search_text")
        db.execute("UPDATE catalogue_meta SET value = '5' WHERE key = 'schema_version'")
    db.close()
    again = OwnLibrary.open(tmp_path)
    found = again.search(SearchQuery(text="bibliotheek", theme_keys=frozenset({"eenzaamheid"})))
    assert [i.key for i in found.items] == [item.key]
    again.close()
    with sqlite3.connect(tmp_path / own_library.INDEX_FILE) as db:
        assert db.execute("SELECT count(*) FROM search_text").fetchone() == (1,)
    db.close()


def test_library_migrates_older_and_refuses_newer_versions(tmp_path, monkeypatch):
    library = OwnLibrary.open(tmp_path, [GROUP])
    library.put(own())
    library.close()
    calls = []
    monkeypatch.setattr(own_library, "LIBRARY_VERSION", 2)
    monkeypatch.setitem(own_library._MIGRATIONS, 1, lambda db: calls.append(db.execute("SELECT count(*) FROM own_record").fetchone()[0]))
    migrated = OwnLibrary.open(tmp_path)
    assert calls == [1] and migrated.count() == 1
    migrated.close()
    with sqlite3.connect(tmp_path / own_library.LIBRARY_FILE) as db:
        assert db.execute("SELECT value FROM own_meta WHERE key = 'library_version'").fetchone() == ("2",)
    db.close()
    monkeypatch.setattr(own_library, "LIBRARY_VERSION", 1)
    before = (tmp_path / own_library.LIBRARY_FILE).read_bytes()
    with pytest.raises(OwnLibraryError, match="nieuwere versie"):
        OwnLibrary.open(tmp_path)
    assert (tmp_path / own_library.LIBRARY_FILE).read_bytes() == before


def test_working_catalogue_searches_both_with_herkomst(tmp_path, catalogue):
    library = OwnLibrary.open(tmp_path, catalogue.target_groups())
    item = own("Mantelzorgcafé Lindeveen", theme_keys=("mantelzorg",))
    library.put(item)
    working = WorkingCatalogue(catalogue, library)
    both = working.search(SearchQuery(text="mantelzorg"))
    assert both.items[0].key == item.key and both.total == catalogue.search(SearchQuery(text="mantelzorg")).total + 1
    assert [i.key for i in working.search(SearchQuery(text="mantelzorg", origin=ORIGIN_OWN)).items] == [item.key]
    assert item.key not in {i.key for i in working.search(SearchQuery(text="mantelzorg", origin=ORIGIN_DATABANK)).items}
    assert working.get(item.key) == item and working.get("resto-vanharte").name == "Resto VanHarte"
    library.close()


def test_project_keeps_a_full_copy_and_old_files_open(tmp_path):
    item = own()
    entry = ShortlistEntry.for_intervention(item, "eenzaamheid")
    assert [c.text for c in entry.plan.checklist] == ["Drie vrijwilligers."]
    project = Project(themes=[ThemeChoice("eenzaamheid")], shortlist=[entry])
    path = tmp_path / "p.gala"
    save_project(project, path)
    assert load_project(path).shortlist[0].snapshot.own == item
    version_1 = {
        "format": "gala-desktop-project", "format_version": 1,
        "project": {"shortlist": [{"intervention_key": "resto-vanharte", "theme_key": "eenzaamheid",
                                   "snapshot": {"name": "Resto VanHarte", "level": "goed_beschreven"}}]},
    }
    old = project_from_dict(version_1)
    assert old.shortlist[0].snapshot.own is None and old.own_interventions() == {}


def test_annex_describes_own_interventions_and_counts_them_apart(catalogue):
    item = own()
    mine = ShortlistEntry.for_intervention(item, "eenzaamheid")
    known = ShortlistEntry.for_intervention(catalogue.get("resto-vanharte"), "eenzaamheid")
    for entry in (mine, known):
        entry.status = EntryStatus.CHOSEN
    project = Project(themes=[ThemeChoice("eenzaamheid")], shortlist=[mine, known])
    lookup = {**catalogue.get_many(["resto-vanharte"]), **project.own_interventions()}.get
    document = build_annex(project, lookup, AnnexOptions(), catalogue.checked_on)
    text = repr(document)
    assert "Eigen interventie — niet erkend" in text
    assert "Zij is niet erkend en staat niet in een erkende databank" in text
    assert "In de bibliotheek, met vrijwilligers." in text
    assert "1 erkende interventie en 1 eigen interventie (niet erkend)" in text
    assert text.count("Gratis voor deelnemers.") == 1  # in its description, not again under the plan



def test_own_keys_can_never_be_catalogue_keys():
    from gala_desktop.catalogue.source import KEY_RE

    key = new_own_key()
    assert key.startswith("eigen:") and not KEY_RE.match(key)
    assert not Intervention("eigen-kracht-conferentie", "Eigen Kracht-conferentie", "", "", "", "", "",
                            dt.date(2026, 1, 1)).is_own


def test_overview_counts_own_interventions_apart_from_levels():
    from gala_desktop.domain.overview import theme_counts

    entry = ShortlistEntry.for_intervention(own(), "eenzaamheid")
    entry.status = EntryStatus.CHOSEN
    (count,) = theme_counts(Project(themes=[ThemeChoice("eenzaamheid")], shortlist=[entry]))
    assert (count.chosen, count.own, count.by_level) == (1, 1, {})
