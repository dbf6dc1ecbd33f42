"""What the program needs from an intervention catalogue, whatever stores it.

:class:`CatalogueReader` is the interface the UI, the operations and the annex are typed
against. ``catalogue.repository.Catalogue`` (the shipped SQLite file) satisfies it; a second
catalogue (own interventions) or another backend only has to provide the same methods. Every
method returns domain objects; none may hand out rows or lazy-loading objects.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from gala_desktop.domain.intervention import Intervention, InterventionSummary, TargetGroup
from gala_desktop.domain.recognition import Databank
from gala_desktop.domain.search import SearchQuery


@dataclass(frozen=True, slots=True)
class SearchResult:
    """One page of hits. ``total`` is exact when ``exact``; otherwise there are more matches
    than the catalogue counts and ranks, and the page is in catalogue order instead of ranked."""

    items: list[InterventionSummary]
    total: int
    exact: bool = True


@runtime_checkable
class CatalogueReader(Protocol):
    """Read-only access to a set of interventions.

    ``title`` names the catalogue; ``checked_on`` is its peildatum (the date its facts were
    last checked against the databanks).
    """

    @property
    def title(self) -> str: ...

    @property
    def checked_on(self) -> dt.date: ...

    def search(self, query: SearchQuery) -> SearchResult:
        """One page of hits for the text and facet filters of ``query``."""
        ...

    def get(self, key: str) -> Intervention | None: ...

    def get_many(self, keys: Iterable[str]) -> Mapping[str, Intervention]:
        """The interventions with these keys, in one round trip however many keys there are;
        unknown keys are simply absent. Repeated look-ups may be answered from a cache."""
        ...

    def count(self) -> int:
        """How many interventions there are."""
        ...

    def target_groups(self) -> list[TargetGroup]:
        """The target-group facet, in display order."""
        ...

    def databanks_in_use(self) -> list[Databank]:
        """The databank facet: the databanks at least one intervention is listed in."""
        ...

    def close(self) -> None: ...

