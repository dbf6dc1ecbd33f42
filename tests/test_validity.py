"""Validity of recognitions: each databank's rule, the lapse by the peildatum, and the filter."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from catalogue_factory import lapsing_source

from gala_desktop.catalogue.builder import build_catalogue
from gala_desktop.catalogue.repository import Catalogue
from gala_desktop.domain.intervention import Intervention, Listing
from gala_desktop.domain.project import EntryStatus, Project, ShortlistEntry
from gala_desktop.domain.recognition import Databank, RecognitionLevel
from gala_desktop.domain.search import SearchQuery
from gala_desktop.domain.validity import (
    LAPSE_NOTICE,
    VALIDITY_RULES,
    best_level_may_have_lapsed,
    chosen_with_lapsed_level,
    current_level,
    lapse_suffix,
    lapses_on,
    may_have_lapsed,
)

GOOD = RecognitionLevel.EFFECTIVE_GOOD


def _listing(databank: Databank, recognised_on: str, level=GOOD) -> Listing:
    return Listing(databank, level, "https://example.org/x", recognised_on)


def test_every_databank_has_an_entry_and_every_rule_its_source():
    assert set(VALIDITY_RULES) == set(Databank)
    for rule in filter(None, VALIDITY_RULES.values()):
        assert rule.source.startswith("https://") and rule.years > 0 and rule.rule


def test_nji_recognition_lapses_five_years_after_its_date():
    listing = _listing(Databank.NJI, "2019-04-15")
    assert lapses_on(listing) == dt.date(2024, 4, 15)
    assert not may_have_lapsed(listing, dt.date(2024, 4, 14))
    assert may_have_lapsed(listing, dt.date(2024, 4, 15))


def test_a_partial_date_counts_from_its_earliest_day():
    # "2019" may mean 1 January 2019: by 1 January 2024 the recognition may have lapsed.
    assert lapses_on(_listing(Databank.NJI, "2019")) == dt.date(2024, 1, 1)
    assert lapses_on(_listing(Databank.NJI, "2019-04")) == dt.date(2024, 4, 1)
    assert lapses_on(_listing(Databank.NJI, "2020-02-29")) == dt.date(2025, 2, 28)


@pytest.mark.parametrize("databank", [d for d in Databank if VALIDITY_RULES[d] is None])
def test_a_databank_without_a_known_rule_is_never_marked(databank):
    listing = _listing(databank, "1990")
    assert lapses_on(listing) is None
    assert not may_have_lapsed(listing, dt.date(2026, 11, 30))


@pytest.mark.parametrize("level", [RecognitionLevel.UNKNOWN, RecognitionLevel.NOT_ASSESSED])
def test_a_non_level_or_an_unknown_date_never_lapses(level):
    assert not may_have_lapsed(_listing(Databank.NJI, "2001", level), dt.date(2026, 11, 30))
    assert not may_have_lapsed(_listing(Databank.NJI, ""), dt.date(2026, 11, 30))


def test_current_level_leaves_out_lapsed_listings():
    iv = Intervention(
        key="x", name="X", summary="", aim="", approach="", target_group_text="", owner="",
        checked_on=dt.date(2026, 11, 30),
        listings=(_listing(Databank.NJI, "2012"),
                  _listing(Databank.MOVISIE, "2012", RecognitionLevel.WELL_DESCRIBED)),
    )
    assert iv.best_level is GOOD
    assert current_level(iv) is RecognitionLevel.WELL_DESCRIBED
    assert best_level_may_have_lapsed(iv)
    fresh = replace(iv, listings=(_listing(Databank.NJI, "2024"),))
    assert current_level(fresh) is GOOD and not best_level_may_have_lapsed(fresh)
    only_lapsed = replace(iv, listings=iv.listings[:1])
    assert current_level(only_lapsed) is RecognitionLevel.UNKNOWN
    assert lapse_suffix(True).endswith(LAPSE_NOTICE) and lapse_suffix(False) == ""


@pytest.fixture(scope="module")
def lapsing(tmp_path_factory):
    root = tmp_path_factory.mktemp("lapsing")
    build_catalogue(lapsing_source(root), root / "c.sqlite")
    with Catalogue.open(root / "c.sqlite") as cat:
        yield cat


def _search(cat, **kwargs) -> dict[str, bool]:
    return {s.key: s.level_may_have_lapsed for s in cat.search(SearchQuery(**kwargs)).items}


def test_search_marks_lapsed_levels(lapsing):
    assert _search(lapsing) == {"oud-nji": True, "vers-nji": False, "oud-rivm": False, "gemengd": True}


def test_a_lapsed_level_counts_in_the_filter_only_when_asked(lapsing):
    founded = RecognitionLevel.WELL_FOUNDED
    assert set(_search(lapsing, min_level=founded)) == {"vers-nji", "oud-rivm"}
    assert set(_search(lapsing, min_level=founded, include_lapsed=True)) == {
        "oud-nji", "vers-nji", "oud-rivm", "gemengd"}
    # gemengd still has a valid goed-beschreven listing
    assert "gemengd" in _search(lapsing, min_level=RecognitionLevel.WELL_DESCRIBED)


def test_chosen_entries_with_a_lapsed_level_are_named(lapsing):
    project = Project()
    for key in ("vers-nji", "oud-nji", "gemengd"):
        entry = ShortlistEntry.for_intervention(lapsing.get(key), "eenzaamheid")
        entry.status = EntryStatus.CHOSEN if key != "gemengd" else EntryStatus.CONSIDERING
        project.shortlist.append(entry)
    assert chosen_with_lapsed_level(project, lapsing.get) == ["Oude jeugdinterventie"]
    assert chosen_with_lapsed_level(project, lambda key: None) == []
