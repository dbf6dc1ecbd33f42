"""Read access to a built catalogue at run time: the standard library's ``sqlite3``, read-only.

The database is opened with a ``file:…?mode=ro&immutable=1`` URI, so it works from a read-only
install folder and is never changed. Every statement comes from ``queries.py``; nothing here
imports SQLAlchemy, which keeps it out of the program's start-up (the builder and the typed
schema still use it). Each thread gets its own connection.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from collections.abc import Iterable
from pathlib import Path

from gala_desktop.catalogue import queries
from gala_desktop.catalogue.search import SearchResult, search, synonyms_from_meta
from gala_desktop.catalogue.uri import catalogue_uri
from gala_desktop.domain.intervention import Condition, ConditionKind, Intervention, Listing, TargetGroup
from gala_desktop.domain.recognition import Databank, RecognitionLevel
from gala_desktop.domain.search import SearchQuery

# Keys per statement: far below SQLite's limit on bound values, and a project has far fewer.
BATCH = 5000


class CatalogueError(Exception):
    """The catalogue cannot be opened; ``str`` is a Dutch message for the user."""


class DamagedCatalogueError(CatalogueError):
    """The catalogue file is there but damaged; the program can still work from snapshots."""


def damaged_message(path: Path, reason: str) -> str:
    """The one Dutch message for a catalogue that is damaged or of another kind."""
    return (
        f"De interventiecatalogus ({path.name}) is beschadigd: {reason}. Zoeken in de catalogus "
        "is niet mogelijk; projecten openen en exporteren kan wel, met de gegevens die erin "
        "zijn bewaard. Installeer het programma opnieuw of zet de vorige catalogus terug."
    )


def read_meta(meta: dict[str, str], path: Path) -> tuple[str, dt.date]:
    """Title and peildatum from the ``catalogue_meta`` rows; refuses another schema version."""
    version = int(meta.get("schema_version", "0"))
    if version != queries.SCHEMA_VERSION:
        raise CatalogueError(
            f"De catalogus {path.name} heeft een andere indeling (versie {version}) dan dit "
            f"programma verwacht (versie {queries.SCHEMA_VERSION})."
        )
    return meta.get("title", ""), dt.date.fromisoformat(meta["checked_on"])


class Catalogue:
    """The shipped SQLite catalogue; satisfies ``domain.catalogue.CatalogueReader``."""

    def __init__(self, uri: str, path: Path) -> None:
        self._uri = uri
        self.path = path
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._target_groups: dict[str, TargetGroup] | None = None
        self._cache: dict[str, Intervention | None] = {}  # key → intervention, None: not there
        self._last: tuple[SearchQuery, bool] | None = None  # the previous search, and if exact
        # Why this is not the catalogue the officer installed (an update set aside, see
        # ``store.ActiveCatalogue``), in Dutch; "" when it is the catalogue in use as chosen.
        self.set_aside_notice = ""
        try:
            self._read_meta()
        except BaseException:
            self.close()
            raise

    def _read_meta(self) -> None:
        from gala_desktop.catalogue.integrity import IntegrityError, check_open

        try:
            check_open(self._conn())
        except IntegrityError as err:
            raise DamagedCatalogueError(damaged_message(self.path, str(err))) from err
        meta = dict(self._conn().execute(queries.META).fetchall())
        self.title, self.checked_on = read_meta(meta, self.path)
        self.synonyms = synonyms_from_meta(meta)
        self._size: int = self._conn().execute(queries.COUNT).fetchone()[0]

    @classmethod
    def open(cls, path: Path | str | None = None) -> "Catalogue":
        """Open a catalogue database read-only (default: the one in use, see ``store``)."""
        notice = ""
        if path:
            path = Path(path)
        else:
            from gala_desktop.catalogue.store import active_catalogue

            path, notice = active_catalogue()
        if not path.is_file():
            raise CatalogueError(f"De interventiecatalogus is niet gevonden ({path}).")
        uri = catalogue_uri(path.resolve())  # also from a network (UNC) path
        try:
            catalogue = cls(uri, path)
        except CatalogueError:
            raise
        except Exception as err:  # corrupt file, not a database, missing tables
            raise DamagedCatalogueError(damaged_message(path, "het bestand is onleesbaar")) from err
        catalogue.set_aside_notice = notice
        return catalogue

    def _conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self._uri, uri=True, check_same_thread=False)
            self._local.conn = conn
            with self._lock:
                self._connections.append(conn)
        return conn

    def close(self) -> None:
        with self._lock:
            connections, self._connections = self._connections, []
        for conn in connections:
            conn.close()
        self._local = threading.local()

    def __enter__(self) -> "Catalogue":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- queries ---------------------------------------------------------------------------

    def search(self, query: SearchQuery) -> SearchResult:
        result = search(self._conn(), query, size=self._size, synonyms=self.synonyms,
                        narrow=self._narrows(query))
        self._last = (query, result.exact)
        return result

    def _narrows(self, query: SearchQuery) -> bool | None:
        """Whether the previous search had few enough matches to rank, when ``query`` narrows it
        (see ``narrows``); ``None`` when it does not. Only a guess about whether to probe
        first; the answer is the same either way."""
        if self._last is None:
            return None
        last, exact = self._last
        return exact if narrows(query, last) else None

    def count(self) -> int:
        return self._size

    def keys(self) -> list[str]:
        return [row[0] for row in self._conn().execute(queries.KEYS)]

    def get(self, key: str) -> Intervention | None:
        return self.get_many([key]).get(key)

    def get_many(self, keys: Iterable[str]) -> dict[str, Intervention]:
        """The interventions for ``keys`` that exist, in one statement per ``BATCH`` keys not
        read before. The file is immutable, so what was read (or found missing) once is
        answered from memory afterwards."""
        keys = list(dict.fromkeys(keys))
        missing = [k for k in keys if k not in self._cache]
        if missing:
            found: dict[str, Intervention] = {}
            groups = self._groups()
            conn = self._conn()
            for start in range(0, len(missing), BATCH):
                chunk = missing[start : start + BATCH]
                for row in conn.execute(queries.interventions_by_key(len(chunk)), chunk):
                    found[row[0]] = _to_domain(row, groups)
            with self._lock:
                for key in missing:
                    self._cache[key] = found.get(key)
        cache = self._cache
        return {k: cache[k] for k in keys if cache.get(k) is not None}

    def all(self) -> list[Intervention]:
        """Every intervention, ordered by key (for export and checks)."""
        groups = self._groups()
        return [_to_domain(row, groups) for row in self._conn().execute(queries.ALL_INTERVENTIONS)]

    def target_groups(self) -> list[TargetGroup]:
        return list(self._groups().values())

    def databanks_in_use(self) -> list[Databank]:
        used = {row[0] for row in self._conn().execute(queries.DATABANKS_IN_USE)}
        return [d for d in Databank if d.value in used]

    def _groups(self) -> dict[str, TargetGroup]:
        if self._target_groups is None:
            rows = self._conn().execute(queries.TARGET_GROUPS).fetchall()
            self._target_groups = {key: TargetGroup(key, name) for key, name in rows}
        return self._target_groups


def narrows(query: SearchQuery, last: SearchQuery) -> bool:
    """Whether ``query`` finds (mostly) a subset of what ``last`` found: words typed on (a
    longer prefix matches mostly a subset), a facet chosen where there was none or fewer of its
    values, a higher minimum level, lapsed levels no longer counted. The page does not matter:
    whether there were few enough matches to rank depends on the matches alone (and own
    interventions shorten the catalogue's page as they come and go)."""
    def facet(name: str) -> bool:
        new, old = getattr(query, name), getattr(last, name)
        return not old or bool(new) and new <= old

    def rank(q: SearchQuery) -> int:
        return q.min_level.rank if q.min_level is not None else 0

    return (
        bool(last.text) and query.text.startswith(last.text)
        and all(facet(name) for name in ("theme_keys", "target_group_keys", "databanks"))
        and rank(query) >= rank(last) and query.include_lapsed <= last.include_lapsed
        and query.origin == last.origin
    )


def _children(data: str) -> list[list]:
    """A child column: JSON ``[[position, value, ...], ...]``, in position order."""
    return sorted(json.loads(data), key=lambda item: item[0])


def _to_domain(row: tuple, groups: dict[str, TargetGroup]) -> Intervention:
    (key, name, summary, aim, approach, target_group_text, owner, checked_on, website, costs_note,
     active_elements, themes, target_groups, listings, conditions, sources) = row
    return Intervention(
        key=key,
        name=name,
        summary=summary,
        aim=aim,
        approach=approach,
        target_group_text=target_group_text,
        owner=owner,
        checked_on=dt.date.fromisoformat(checked_on),
        website=website,
        costs_note=costs_note,
        active_elements=tuple(text for _, text in _children(active_elements)),
        theme_keys=tuple(theme for _, theme in _children(themes)),
        target_groups=tuple(groups[group] for _, group in _children(target_groups)),
        listings=tuple(
            Listing(
                databank=Databank(databank),
                level=RecognitionLevel(level),
                url=url,
                recognised_on=recognised_on,
                committee=committee,
                under_review=bool(under_review),
                note=note,
                seen_on=dt.date.fromisoformat(seen_on) if seen_on else None,
            )
            for _, databank, level, url, recognised_on, committee, under_review, note, seen_on
            in _children(listings)
        ),
        conditions=tuple(Condition(ConditionKind(kind), text) for _, kind, text in _children(conditions)),
        sources=tuple(url for _, url in _children(sources)),
    )
