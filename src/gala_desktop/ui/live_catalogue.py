"""The catalogue in use, replaceable while the program runs (after *Catalogus bijwerken…*).

Views keep a reference to the session's catalogue; this wrapper lets that reference stay valid
when an update is installed: every attribute is read from the catalogue it wraps now. Replaced
catalogues are closed only when the program ends, because a background job (an export) may
still be reading one.
"""

from __future__ import annotations


class LiveCatalogue:
    def __init__(self, catalogue) -> None:
        self._current = catalogue
        self._retired: list = []

    @classmethod
    def wrap(cls, catalogue):
        if catalogue is None or isinstance(catalogue, LiveCatalogue):
            return catalogue
        return cls(catalogue)

    @property
    def current(self):
        return self._current

    def swap(self, catalogue) -> None:
        self._retired.append(self._current)
        self._current = catalogue

    def __getattr__(self, name: str):
        return getattr(self._current, name)

    def close(self) -> None:
        for catalogue in (*self._retired, self._current):
            catalogue.close()
        self._retired.clear()

    def __enter__(self) -> "LiveCatalogue":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
