"""One searchable collection: the catalogue in use plus the officer's own interventions.

Search asks both with the same query (the same FTS search, facets and ranking in each) and
lists own interventions first — there are few, and the officer made them. ``origin`` (*herkomst*)
limits a query to one of the two. Everything else (peildatum, counts, target groups) is the
catalogue's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from gala_desktop.catalogue.search import SearchResult
from gala_desktop.domain.intervention import Intervention
from gala_desktop.domain.own import is_own_key
from gala_desktop.domain.search import ORIGIN_DATABANK, ORIGIN_OWN, SearchQuery


class WorkingCatalogue:
    def __init__(self, catalogue, library=None, project=None) -> None:
        """``project`` (a callable) gives the open project, whose entries keep own
        interventions that may not be in this computer's library."""
        self.catalogue = catalogue
        self.library = library
        self._project = project

    def __getattr__(self, name: str):
        return getattr(self.catalogue, name)

    def search(self, query: SearchQuery) -> SearchResult:
        own = SearchResult([], 0)
        if self.library is not None and query.origin != ORIGIN_DATABANK:
            own = self.library.search(replace(query, offset=0, limit=query.offset + query.limit))
        if query.origin == ORIGIN_OWN:
            return SearchResult(own.items[query.offset:query.offset + query.limit], own.total, own.exact)
        skip_own = min(query.offset, len(own.items))
        own_page = own.items[skip_own:skip_own + query.limit]
        databank = self.catalogue.search(
            replace(query, offset=query.offset - skip_own, limit=max(0, query.limit - len(own_page)) or 1)
        )
        items = (own_page + databank.items)[: query.limit]
        return SearchResult(items, own.total + databank.total, own.exact and databank.exact)

    def get(self, key: str) -> Intervention | None:
        if is_own_key(key):
            return self.get_many([key]).get(key)
        return self.catalogue.get(key)

    def get_many(self, keys: Iterable[str]) -> dict[str, Intervention]:
        keys = list(keys)
        found = self.catalogue.get_many([k for k in keys if not is_own_key(k)])
        own = [k for k in keys if is_own_key(k)]
        if own and self._project is not None:
            kept = self._project().own_interventions()
            found.update({k: kept[k] for k in own if k in kept})
        if own and self.library is not None:
            found.update(self.library.get_many(own))
        return found

    def close(self) -> None:
        self.catalogue.close()
