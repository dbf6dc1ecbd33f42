"""What a user asks of the catalogue search."""

from __future__ import annotations

from dataclasses import dataclass

from gala_desktop.domain.recognition import Databank, RecognitionLevel


ORIGIN_DATABANK = "databank"  # herkomst: the catalogue of recognised databanks
ORIGIN_OWN = "eigen"  # herkomst: the officer's own interventions
PAGE_SIZE = 200  # results listed at once


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """Free text plus facet filters. Empty filters mean "all".

    Within one facet any selected value matches (OR); different facets combine with AND.
    A level that may have lapsed by the peildatum counts for ``min_level`` only with
    ``include_lapsed``.
    """

    text: str = ""
    theme_keys: frozenset[str] = frozenset()
    target_group_keys: frozenset[str] = frozenset()
    min_level: RecognitionLevel | None = None
    databanks: frozenset[Databank] = frozenset()
    include_lapsed: bool = False
    origin: str | None = None  # herkomst: None (both), ORIGIN_DATABANK or ORIGIN_OWN
    limit: int = PAGE_SIZE
    offset: int = 0
