"""The officer's own interventions: a small local library in the user data folder.

Two files in ``paths.data_dir()``:

``eigen-interventies.sqlite``
    the records — one row per intervention holding its JSON form (``domain/own.py``) — and
    ``own_meta.library_version``. This is the truth; ``_MIGRATIONS`` upgrades an older file in
    place, one version at a time, and a newer file is refused (never written).
``eigen-interventies-index.sqlite``
    a search index in exactly the catalogue's schema, written by the catalogue builder after
    every change and read by the same :class:`Catalogue` reader and FTS search as the
    catalogue. It is derived: when it is missing, damaged or of another schema version it is
    simply rebuilt from the records.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path

from gala_desktop import paths
from gala_desktop.catalogue.repository import Catalogue, CatalogueError
from gala_desktop.catalogue.search import SearchResult
from gala_desktop.domain.intervention import Intervention, TargetGroup
from gala_desktop.domain.own import OwnInterventionError, own_from_dict, own_to_dict
from gala_desktop.domain.search import SearchQuery

log = logging.getLogger(__name__)

LIBRARY_FILE = "eigen-interventies.sqlite"
INDEX_FILE = "eigen-interventies-index.sqlite"
LIBRARY_VERSION = 1

# ``_MIGRATIONS[n]`` upgrades an open version-``n`` library to ``n + 1`` (inside a transaction).
_MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {}


class OwnLibraryError(Exception):
    """The library cannot be used; ``str`` is a Dutch message."""


class OwnLibrary:
    def __init__(self, folder: Path, target_groups: Iterable[TargetGroup] = ()) -> None:
        self.folder = Path(folder)
        self.path = self.folder / LIBRARY_FILE
        self.index_path = self.folder / INDEX_FILE
        self._groups = list(target_groups)
        self._index: Catalogue | None = None
        self.folder.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path, check_same_thread=False)
        try:
            self._prepare()
        except sqlite3.DatabaseError as err:
            self._db.close()
            raise OwnLibraryError(f"De eigen interventies ({self.path}) zijn onleesbaar.") from err
        except BaseException:
            self._db.close()
            raise
        self._open_index()

    @classmethod
    def open(cls, folder: Path | None = None, target_groups: Iterable[TargetGroup] = ()) -> "OwnLibrary":
        return cls(folder or paths.data_dir(), target_groups)

    # -- records --------------------------------------------------------------------------

    def _prepare(self) -> None:
        with self._db:
            self._db.execute("CREATE TABLE IF NOT EXISTS own_meta (key TEXT PRIMARY KEY, value TEXT)")
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS own_record (key TEXT PRIMARY KEY, data TEXT NOT NULL)"
            )
            row = self._db.execute("SELECT value FROM own_meta WHERE key = 'library_version'").fetchone()
            if row is None:
                self._db.execute("INSERT INTO own_meta VALUES ('library_version', ?)", (str(LIBRARY_VERSION),))
                return
            version = int(row[0])
        if version > LIBRARY_VERSION:
            raise OwnLibraryError(
                f"De eigen interventies zijn opgeslagen door een nieuwere versie van GALA Desktop "
                f"(versie {version}). Werk het programma bij; het bestand is niet gewijzigd."
            )
        while version < LIBRARY_VERSION:
            with self._db:
                _MIGRATIONS[version](self._db)
                version += 1
                self._db.execute("UPDATE own_meta SET value = ? WHERE key = 'library_version'", (str(version),))

    def all(self) -> list[Intervention]:
        items = []
        for key, data in self._db.execute("SELECT key, data FROM own_record ORDER BY key"):
            try:
                items.append(own_from_dict(json.loads(data)))
            except (ValueError, OwnInterventionError):
                log.warning("own intervention %s unreadable; skipped", key)
        return sorted(items, key=lambda i: (i.name.casefold(), i.key))

    def get(self, key: str) -> Intervention | None:
        row = self._db.execute("SELECT data FROM own_record WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        try:
            return own_from_dict(json.loads(row[0]))
        except (ValueError, OwnInterventionError):
            return None

    def get_many(self, keys: Iterable[str]) -> dict[str, Intervention]:
        found = {}
        for key in dict.fromkeys(keys):
            item = self.get(key)
            if item is not None:
                found[key] = item
        return found

    def count(self) -> int:
        return self._db.execute("SELECT count(*) FROM own_record").fetchone()[0]

    def put(self, item: Intervention) -> None:
        """Add or replace one own intervention."""
        self.put_many([item])

    def put_many(self, items: Iterable[Intervention]) -> None:
        self.change(items, [])

    def delete(self, key: str) -> None:
        self.change([], [key])

    def change(self, put: Iterable[Intervention], delete: Iterable[str]) -> None:
        """Add or replace ``put`` and remove the keys ``delete`` in one transaction, with one
        rebuild of the search index (an import of many is one step, not many)."""
        rows = []
        for item in put:
            if not item.is_own:
                raise ValueError(f"{item.key!r} is not an own intervention")
            rows.append((item.key, json.dumps(own_to_dict(item), ensure_ascii=False)))
        with self._db:
            self._db.executemany("INSERT OR REPLACE INTO own_record (key, data) VALUES (?, ?)", rows)
            self._db.executemany("DELETE FROM own_record WHERE key = ?", [(key,) for key in delete])
        self._rebuild_index()

    # -- the search index -----------------------------------------------------------------

    def search(self, query: SearchQuery) -> SearchResult:
        if self._index is None:
            return SearchResult([], 0)
        return self._index.search(query)

    def _open_index(self) -> None:
        if self.count() == 0:  # nothing to search: no index, and no SQLAlchemy at start-up
            return
        try:
            self._index = Catalogue.open(self.index_path)
            if self._index.count() == self.count():
                return
            self._index.close()
        except CatalogueError:
            pass
        self._rebuild_index()

    def _rebuild_index(self) -> None:
        from gala_desktop.catalogue.builder import write_database  # SQLAlchemy only when writing
        from gala_desktop.catalogue.source import CatalogueSource

        if self._index is not None:
            self._index.close()  # a file that is open cannot be replaced on Windows
            self._index = None
        items = self.all()
        if not items:
            self.index_path.unlink(missing_ok=True)
            return
        groups = {g.key: g for g in self._groups}
        for item in items:
            for group in item.target_groups:
                groups.setdefault(group.key, group)
        source = CatalogueSource("Eigen interventies", dt.date.today(), list(groups.values()), items)
        try:
            write_database(source, self.index_path)
            self._index = Catalogue.open(self.index_path)
        except (OSError, CatalogueError):
            log.exception("the search index of the own interventions could not be written")
            self._index = None

    def close(self) -> None:
        if self._index is not None:
            self._index.close()
            self._index = None
        self._db.close()
