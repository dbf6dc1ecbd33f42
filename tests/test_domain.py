"""Domain rules: Dutch notation, recognition order, coverage and budgets."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gala_desktop.domain.formatting import (
    format_date,
    format_euro,
    format_partial_date,
    is_partial_date,
    parse_count,
    parse_date,
    parse_euro,
)
from gala_desktop.domain.intervention import Intervention, Listing
from gala_desktop.domain.overview import budget_by_funding, budget_by_theme, required_theme_gaps
from gala_desktop.domain.project import (
    EntryStatus,
    FundingSource,
    InterventionSnapshot,
    Project,
    ShortlistEntry,
)
from gala_desktop.domain.recognition import Databank, RecognitionLevel
from gala_desktop.domain.themes import REQUIRED_THEME_KEYS, THEMES


@pytest.mark.parametrize(
    "text, cents",
    [("1234", 123400), ("1.234", 123400), ("1.234,5", 123450), ("1234,56", 123456),
     ("€ 12.500,-", 1250000), ("  €12.500,00 ", 1250000), ("0,05", 5), ("", None)],
)
def test_parse_euro_accepts_dutch_notation(text, cents):
    assert parse_euro(text) == cents


@pytest.mark.parametrize("text", ["1,234.56", "12.50", "1.23", "-5", "abc", "1,234", "1.2345,00", "12,345"])
def test_parse_euro_refuses_anything_else(text):
    with pytest.raises(ValueError) as err:
        parse_euro(text)
    assert err.value.args[0]  # a Dutch message for the field


def test_format_euro():
    assert format_euro(1250000) == "€ 12.500,00"
    assert format_euro(5) == "€ 0,05"
    assert format_euro(None) == ""


@given(st.integers(min_value=0, max_value=10**12))
def test_euro_round_trip(cents):
    assert parse_euro(format_euro(cents)) == cents


def test_dates():
    assert parse_date("01-03-2026") == dt.date(2026, 3, 1)
    assert parse_date("1/3/2026") == dt.date(2026, 3, 1)
    assert format_date(dt.date(2026, 3, 1)) == "01-03-2026"
    for bad in ("2026-03-01", "31-02-2026", "morgen"):
        with pytest.raises(ValueError):
            parse_date(bad)
    assert format_partial_date("2019-04") == "april 2019"
    assert format_partial_date("2020-06-18") == "18 juni 2020"
    assert format_partial_date("") == "datum onbekend"
    assert is_partial_date("2019") and not is_partial_date("2019-13") and not is_partial_date("rond 2020")
    assert parse_count("1.200") == 1200 and parse_count(" 1 200 ") == 1200 and parse_count("") is None
    for bad in ("-3", "1.5", "12.00", "1.2.3", "²", "1,5"):  # no whole number of people
        with pytest.raises(ValueError, match="heel, positief aantal"):
            parse_count(bad)


def test_the_years_of_a_period_as_officers_write_it():
    from gala_desktop.domain.budget import period_years

    full = [2025, 2026, 2027, 2028]
    for text in ("2025–2028", "2025-2028", "2025-28", "2025–'28", "2025 t/m 2028", "2025 t/m 28",
                 "Periode 2025 tot en met 2028", "1 januari 2025 tot en met 31 december 2028",
                 "1-1-2025 tot 31-12-2028", "2025-01-01 t/m 2028-12-31"):
        assert period_years(text) == full, text
    assert period_years("2026") == [2026] and period_years("2029-25") == [2029]
    assert period_years("2025-2040") == [] and period_years("") == [] and period_years("binnenkort") == []


def test_recognition_levels_are_ordered_and_unknown_is_not_a_level():
    ordered = RecognitionLevel.ordered()
    assert [lv.value for lv in ordered] == [
        "goed_beschreven", "goed_onderbouwd", "effectief", "effectief_eerste", "effectief_goede",
        "effectief_sterke",
    ]
    assert RecognitionLevel.UNKNOWN.rank == RecognitionLevel.NOT_ASSESSED.rank == 0
    assert not RecognitionLevel.UNKNOWN.is_recognised
    assert RecognitionLevel.thresholds() == [lv for lv in ordered if lv is not RecognitionLevel.EFFECTIVE]


def test_effective_without_sub_level_counts_as_at_least_first_indications():
    effective = RecognitionLevel.EFFECTIVE
    assert effective.is_recognised
    assert effective.rank == RecognitionLevel.EFFECTIVE_FIRST.rank < RecognitionLevel.EFFECTIVE_GOOD.rank
    assert effective.short_label == "effectief (niveau niet vermeld)"
    # A stated sub-level of the same rank is the more informative best level.
    assert _intervention(effective, RecognitionLevel.EFFECTIVE_FIRST).best_level is RecognitionLevel.EFFECTIVE_FIRST
    assert _intervention(RecognitionLevel.WELL_FOUNDED, effective).best_level is effective


def test_listing_provenance_says_when_recognised_and_when_seen():
    listing = Listing(Databank.NJI, RecognitionLevel.EFFECTIVE, "https://x", "2019-04-15",
                      seen_on=dt.date(2026, 11, 30))
    assert listing.provenance == "erkend op 15 april 2019, gezien op 30 november 2026"
    assert replace(listing, recognised_on="2019").provenance.startswith("erkend in 2019, ")
    assert replace(listing, recognised_on="", seen_on=None).provenance == (
        "erkenningsdatum onbekend, niet vermeld wanneer gezien")


def _intervention(*levels):
    return Intervention(
        key="x", name="X", summary="", aim="", approach="", target_group_text="", owner="",
        checked_on=dt.date(2026, 1, 1),
        listings=tuple(Listing(Databank.MOVISIE, lv, "https://x") for lv in levels),
    )


def test_best_level_over_listings():
    assert _intervention().best_level is RecognitionLevel.UNKNOWN
    assert _intervention(RecognitionLevel.UNKNOWN, RecognitionLevel.WELL_FOUNDED).best_level is RecognitionLevel.WELL_FOUNDED
    assert _intervention(RecognitionLevel.NOT_ASSESSED, RecognitionLevel.UNKNOWN).best_level is RecognitionLevel.UNKNOWN


def test_taxonomy_has_the_gala_structure():
    kinds = [t.kind.value for t in THEMES]
    assert kinds.count("doel") == 7 and kinds.count("ketenaanpak") == 5
    assert len(REQUIRED_THEME_KEYS) == 5
    assert all(t.parent_key == "sociale-basis" for t in THEMES if t.required)


def _entry(theme, status, cents=None, source=None):
    entry = ShortlistEntry("x", theme, InterventionSnapshot("X", RecognitionLevel.WELL_DESCRIBED, "o"), status)
    entry.plan.budget_cents = cents
    entry.plan.funding_source = source
    return entry


def test_coverage_gaps_and_budgets():
    project = Project()
    assert required_theme_gaps(project) == list(REQUIRED_THEME_KEYS)
    project.shortlist = [
        _entry("mantelzorg", EntryStatus.CHOSEN, 1000, FundingSource.SPUK),
        _entry("eenzaamheid", EntryStatus.CONSIDERING, 5000, FundingSource.IZA),
        _entry("mantelzorg", EntryStatus.CHOSEN, 500, FundingSource.SPUK),
        _entry("gebiedsgericht", EntryStatus.DROPPED, 700, None),
    ]
    gaps = required_theme_gaps(project)
    assert "mantelzorg" not in gaps and "eenzaamheid" in gaps and "gebiedsgericht" in gaps
    assert budget_by_theme(project) == {"mantelzorg": 1500}
    assert budget_by_funding(project) == {FundingSource.SPUK: 1500}
    assert budget_by_theme(project, chosen_only=False) == {"mantelzorg": 1500, "eenzaamheid": 5000, "gebiedsgericht": 700}
