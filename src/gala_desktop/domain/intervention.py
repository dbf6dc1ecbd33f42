"""Interventions as read from the catalogue."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

from gala_desktop.domain.formatting import format_date_long, format_partial_date
from gala_desktop.domain.recognition import Databank, RecognitionLevel


# Keys of the officer's own interventions start with this (see domain/own.py); a catalogue key
# is a slug and never contains a colon.
OWN_PREFIX = "eigen:"

class ConditionKind(enum.Enum):
    """Kinds of randvoorwaarden, in the order they are shown."""

    TRAINING = "training"
    STAFF = "personeel"
    VOLUNTEERS = "vrijwilligers"
    ACCOMMODATION = "accommodatie"
    DURATION = "duur"
    GROUP_SIZE = "groepsgrootte"
    COSTS = "kosten"
    PARTNERS = "partners"

    @property
    def label(self) -> str:
        return _CONDITION_LABELS[self]


_CONDITION_LABELS = {
    ConditionKind.TRAINING: "Training en licentie",
    ConditionKind.STAFF: "Personeel en deskundigheid",
    ConditionKind.VOLUNTEERS: "Vrijwilligers",
    ConditionKind.ACCOMMODATION: "Accommodatie en materialen",
    ConditionKind.DURATION: "Duur en frequentie",
    ConditionKind.GROUP_SIZE: "Groepsgrootte",
    ConditionKind.COSTS: "Kosten en financiering",
    ConditionKind.PARTNERS: "Samenwerkingspartners",
}


@dataclass(frozen=True, slots=True)
class TargetGroup:
    key: str
    name: str


@dataclass(frozen=True, slots=True)
class Condition:
    kind: ConditionKind
    text: str


@dataclass(frozen=True, slots=True)
class Listing:
    """An intervention's entry in one databank.

    ``recognised_on`` is a partial ISO date (``2019``, ``2019-04`` or ``2019-04-15``) because the
    sources often give only a year or a month; empty when unknown. ``seen_on`` is the day the
    level (or, for *onbekend*, the search that found none) was read on the page at ``url``.
    """

    databank: Databank
    level: RecognitionLevel
    url: str
    recognised_on: str = ""
    committee: str = ""
    under_review: bool = False
    note: str = ""
    seen_on: dt.date | None = None

    @property
    def provenance(self) -> str:
        """``erkend op 15 april 2019, gezien op 30 november 2026`` (``erkend in 2019`` when only
        a year or month is known), saying so where a date is unknown."""
        if not self.recognised_on:
            recognised = "erkenningsdatum onbekend"
        else:
            word = "op" if len(self.recognised_on) == 10 else "in"
            recognised = f"erkend {word} {format_partial_date(self.recognised_on)}"
        seen = f"gezien op {format_date_long(self.seen_on)}" if self.seen_on else "niet vermeld wanneer gezien"
        return f"{recognised}, {seen}"


@dataclass(frozen=True, slots=True)
class Intervention:
    key: str
    name: str
    summary: str
    aim: str
    approach: str
    target_group_text: str
    owner: str
    checked_on: dt.date
    website: str = ""
    costs_note: str = ""
    active_elements: tuple[str, ...] = ()
    theme_keys: tuple[str, ...] = ()
    target_groups: tuple[TargetGroup, ...] = ()
    listings: tuple[Listing, ...] = ()
    conditions: tuple[Condition, ...] = ()
    sources: tuple[str, ...] = field(default=())

    @property
    def is_own(self) -> bool:
        """An *eigen interventie* of the officer: not recognised, not from a databank."""
        return self.key.startswith(OWN_PREFIX)

    @property
    def best_level(self) -> RecognitionLevel:
        """The highest level over all listings; UNKNOWN beats NOT_ASSESSED when none is real."""
        if not self.listings:
            return RecognitionLevel.UNKNOWN
        return max(self.listings, key=lambda li: li.level.sort_key).level

    @property
    def databanks(self) -> tuple[Databank, ...]:
        seen: list[Databank] = []
        for listing in self.listings:
            if listing.databank not in seen:
                seen.append(listing.databank)
        return tuple(seen)


@dataclass(frozen=True, slots=True)
class InterventionSummary:
    """A search hit: just what a result row shows."""

    key: str
    name: str
    owner: str
    best_level: RecognitionLevel
    theme_keys: tuple[str, ...]
    databanks: tuple[Databank, ...]
    level_may_have_lapsed: bool = False

    @property
    def is_own(self) -> bool:
        """A hit from the officer's own interventions (see ``domain/own.py``)."""
        return self.key.startswith(OWN_PREFIX)
