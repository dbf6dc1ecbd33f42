"""Stands in for a catalogue that could not be opened because it is damaged (a ``CatalogueReader``).

The program still starts: projects open (their entries keep a snapshot of the catalogue facts)
and export from those snapshots; searching finds nothing and the reason is shown once. No entry
is reported as "no longer in the catalogue" (``available`` is false, so nothing is compared).
"""

from __future__ import annotations

from pathlib import Path

from gala_desktop.domain.catalogue import SearchResult


class UnavailableCatalogue:
    available = False
    title = ""
    checked_on = None

    def __init__(self, path: Path | None, reason: str) -> None:
        self.path = path
        self.reason = reason  # the Dutch message shown to the officer

    def search(self, query) -> SearchResult:
        return SearchResult(items=[], total=0)

    def count(self) -> int:
        return 0

    def keys(self) -> list[str]:
        return []

    def get(self, key: str):
        return None

    def get_many(self, keys) -> dict:
        return {}

    def all(self) -> list:
        return []

    def target_groups(self) -> list:
        return []

    def databanks_in_use(self) -> list:
        return []

    def close(self) -> None:
        pass

    def __enter__(self) -> "UnavailableCatalogue":
        return self

    def __exit__(self, *exc) -> None:
        pass


def is_available(catalogue) -> bool:
    """Whether ``catalogue`` holds real facts to compare snapshots with."""
    return getattr(catalogue, "available", True)
