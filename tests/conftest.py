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
