"""The catalogue interface: the shipped catalogue satisfies it, and many look-ups are one batch."""

from __future__ import annotations

from pathlib import Path

from gala_desktop.catalogue.repository import Catalogue
from gala_desktop.domain.catalogue import CatalogueReader, SearchResult
from gala_desktop.domain.changes import catalogue_changes, shortlist_keys
from gala_desktop.domain.search import SearchQuery
from gala_desktop.project.document import load_project

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "voorbeeld-gemeente-lindeveen.gala"


def test_the_shipped_catalogue_satisfies_the_interface(catalogue):
    assert isinstance(catalogue, CatalogueReader)
    result = catalogue.search(SearchQuery(text="eenzaam", limit=5))
    assert isinstance(result, SearchResult) and result.items
    assert catalogue.count() >= len(result.items)
    assert catalogue.checked_on.year >= 2025 and catalogue.title
    assert catalogue.target_groups() and catalogue.databanks_in_use()


def test_get_many_reads_any_number_of_keys_in_one_batch_then_from_memory(counted_catalogue):
    catalogue, sql = counted_catalogue
    keys = Catalogue.keys(catalogue)[:40]
    sql.reset()
    found = catalogue.get_many(keys + ["bestaat-niet"])
    assert sorted(found) == sorted(keys)
    batch = sql.count
    assert 0 < batch <= 8, sql.statements  # one query plus one per related table, not per key
    sql.reset()
    again = catalogue.get_many(keys + ["bestaat-niet"])
    assert again == found and catalogue.get(keys[0]) == found[keys[0]]
    assert catalogue.get("bestaat-niet") is None
    assert sql.count == 0, sql.statements


def test_change_markers_of_the_sample_project_cost_one_batch(counted_catalogue):
    catalogue, sql = counted_catalogue
    project = load_project(SAMPLE)
    assert len(project.shortlist) >= 10
    sql.reset()
    assert catalogue_changes(project.shortlist, catalogue.get_many(shortlist_keys(project))) == []
    assert sql.count <= 8, sql.statements
