"""How long a databank's recognition stays valid, and which listings may have lapsed.

Each databank's rule is encoded once, here, with the public page it comes from. Where no
stored copy of a databank's own page states a rule, the databank has no rule (``None``) and
its listings are never marked: the program does not guess a period. ``docs/catalogue-format.md``
lists the rules and the pages that were searched.

A listing *may have lapsed* when its databank has a rule, its level is a real one, its
recognition date is known, and the peildatum of the intervention (the day its facts were
checked) is on or after the end of the validity period counted from the earliest day the
(partial) recognition date can mean: ``2019`` counts from 1 January 2019.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from gala_desktop.domain.intervention import Intervention, Listing
from gala_desktop.domain.project import EntryStatus, Project
from gala_desktop.domain.recognition import Databank, RecognitionLevel

LAPSE_NOTICE = "erkenning mogelijk verlopen — controleer de databank"
LAPSE_MARK = "⚠"  # shown before the notice wherever it appears in text


@dataclass(frozen=True, slots=True)
class ValidityRule:
    """A recognition of this databank is re-assessed ``years`` after its date."""

    years: int
    rule: str  # the rule in Dutch, as shown to the officer
    source: str  # the page that states it


VALIDITY_RULES: dict[Databank, ValidityRule | None] = {
    Databank.NJI: ValidityRule(
        years=5,
        rule="Het NJi eist na vijf jaar een herbeoordeling van een erkende jeugdinterventie.",
        source="https://www.nji.nl/nieuws/dialoog-maakt-de-databank-beter",
    ),
    # No stored copy of these databanks' own pages states a validity period (see
    # docs/catalogue-format.md, "Validity of a recognition"); none is assumed.
    Databank.RIVM: None,
    Databank.KCSB: None,
    Databank.MOVISIE: None,
    Databank.VILANS: None,
    Databank.OTHER: None,
}


def _earliest_day(partial: str) -> dt.date | None:
    """The first day a partial ISO date (``2019``, ``2019-04``, ``2019-04-15``) can mean."""
    parts = partial.split("-")
    try:
        numbers = [int(p) for p in parts] + [1] * (3 - len(parts))
        return dt.date(*numbers[:3])
    except (TypeError, ValueError):
        return None


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def lapses_on(listing: Listing) -> dt.date | None:
    """The first day the recognition may no longer be valid; ``None`` when no rule applies."""
    rule = VALIDITY_RULES.get(listing.databank)
    if rule is None or not listing.level.is_recognised or not listing.recognised_on:
        return None
    start = _earliest_day(listing.recognised_on)
    return _add_years(start, rule.years) if start else None


def may_have_lapsed(listing: Listing, peildatum: dt.date) -> bool:
    end = lapses_on(listing)
    return end is not None and peildatum >= end


def current_level(intervention: Intervention) -> RecognitionLevel:
    """The best level over the listings that have not lapsed by the intervention's peildatum.

    When every real level may have lapsed this is the best remaining non-level (*onbekend* or
    *niet beoordeeld*), so a minimum-level filter lets it through only when the officer asks.
    """
    valid = [li for li in intervention.listings if not may_have_lapsed(li, intervention.checked_on)]
    if not valid:
        return RecognitionLevel.UNKNOWN
    return max(valid, key=lambda li: li.level.sort_key).level


def lapse_suffix(lapsed: bool) -> str:
    """Appended to a level wherever it is written out: the warning mark and the notice."""
    return f" — {LAPSE_MARK} {LAPSE_NOTICE}" if lapsed else ""


def best_level_may_have_lapsed(intervention: Intervention) -> bool:
    """True when the level shown for the intervention rests only on listings that may have lapsed."""
    return current_level(intervention).sort_key < intervention.best_level.sort_key


def chosen_with_lapsed_level(project: Project, lookup) -> list[str]:
    """Names of the *gekozen* entries whose level may have lapsed, in shortlist order.

    ``lookup(key)`` returns the catalogue's intervention or ``None`` (no longer in the catalogue:
    then nothing can be said about its validity).
    """
    names = []
    for entry in project.shortlist:
        if entry.status is EntryStatus.CHOSEN:
            intervention = lookup(entry.intervention_key)
            if intervention is not None and best_level_may_have_lapsed(intervention):
                names.append(intervention.name)
    return list(dict.fromkeys(names))
