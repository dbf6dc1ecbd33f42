"""Shared fixtures. Qt runs offscreen, so the tests need no display."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from gala_desktop import paths  # noqa: E402


@pytest.fixture(scope="session")
def shipped_catalogue_path():
    path = paths.shipped_catalogue()
    assert path.exists(), f"shipped catalogue missing at {path}; run 'gala-desktop catalogue build'"
    return path


@pytest.fixture()
def catalogue(shipped_catalogue_path):
    from gala_desktop.catalogue.repository import Catalogue

    cat = Catalogue.open(shipped_catalogue_path)
    yield cat
    cat.close()


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Settings, recent files and recovery files go to a fresh folder in every test."""
    home = tmp_path_factory.mktemp("user")
    monkeypatch.setattr(paths, "config_dir", lambda: home / "config")
    monkeypatch.setattr(paths, "data_dir", lambda: home / "data")
    monkeypatch.setattr(paths, "recovery_dir", lambda: home / "data" / "herstel")
    monkeypatch.setattr(paths, "settings_file", lambda: home / "config" / "settings.ini")
    # never read the real machine-wide folder for catalogue updates
    monkeypatch.setattr(paths, "machine_catalogue_dir", lambda: home / "machine" / "catalogus")
    yield home


class SqlCounter:
    """Counts the SQL statements a catalogue runs (every statement SQLite executes)."""

    def __init__(self) -> None:
        self.statements: list[str] = []

    def __call__(self, statement: str) -> None:
        self.statements.append(statement)

    @property
    def count(self) -> int:
        return len(self.statements)

    def reset(self) -> None:
        self.statements.clear()


@pytest.fixture()
def counted_catalogue(shipped_catalogue_path, monkeypatch):
    """The shipped catalogue, opened so that every SQL statement it runs is counted:
    ``catalogue, sql = counted_catalogue``; ``sql.count``, ``sql.reset()``."""
    import sqlite3

    from gala_desktop.catalogue.repository import Catalogue

    counter = SqlCounter()
    real_connect = sqlite3.connect

    def connect(*args, **kwargs):
        connection = real_connect(*args, **kwargs)
        connection.set_trace_callback(counter)
        return connection

    monkeypatch.setattr(sqlite3, "connect", connect)
    cat = Catalogue.open(shipped_catalogue_path)
    counter.reset()
    yield cat, counter
    cat.close()
