"""Recovery files: written atomically, listed newest first, loaded, discarded."""

from __future__ import annotations

import datetime as dt
import json
import os

import pytest

from gala_desktop import paths
from gala_desktop.domain.project import (
    EntryStatus,
    InterventionSnapshot,
    Project,
    ShortlistEntry,
    ThemeChoice,
)
from gala_desktop.domain.recognition import RecognitionLevel
from gala_desktop.project import recovery
from gala_desktop.project.document import FORMAT_VERSION, ProjectFileError, load_project
from gala_desktop.project.recovery import RECOVERY_SUFFIX, RecoveryStore


def _project(title: str, gemeente: str = "Lindeveen") -> Project:
    return Project(
        gemeente=gemeente,
        title=title,
        themes=[ThemeChoice("eenzaamheid", "Veel alleenstaande ouderen")],
        shortlist=[
            ShortlistEntry(
                "resto-vanharte",
                "eenzaamheid",
                InterventionSnapshot("Resto VanHarte", RecognitionLevel.WELL_FOUNDED, "Stichting"),
                status=EntryStatus.CHOSEN,
                id="e1",
            )
        ],
    )


def _at(monkeypatch, when: dt.datetime) -> None:
    monkeypatch.setattr(recovery, "_now", lambda: when)


TZ = dt.timezone(dt.timedelta(hours=1))


def test_default_directory_is_looked_up_at_construction(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "recovery_dir", lambda: tmp_path / "elders")
    store = RecoveryStore()
    assert store.directory == tmp_path / "elders"
    store.write(_project("Plan"), None, "s1")
    assert (tmp_path / "elders" / f"s1{RECOVERY_SUFFIX}").is_file()  # folder made on demand


def test_write_then_pending_then_load(tmp_path, monkeypatch):
    store = RecoveryStore(tmp_path / "herstel")
    original = tmp_path / "werk" / "plan.gala"
    _at(monkeypatch, dt.datetime(2026, 11, 23, 14, 5, 9, tzinfo=TZ))
    path = store.write(_project("Samen sterk"), original, "sessie-1")
    assert path == tmp_path / "herstel" / "sessie-1.gala-herstel"

    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "gala-desktop-project" and data["format_version"] == FORMAT_VERSION
    assert data["recovery"] == {"original_path": str(original), "saved_at": "2026-11-23T14:05:09+01:00"}

    [item] = store.pending()
    assert item.path == path and item.original_path == original
    assert item.saved_at == dt.datetime(2026, 11, 23, 14, 5, 9, tzinfo=TZ)
    assert (item.title, item.gemeente) == ("Samen sterk", "Lindeveen")
    assert store.load(item) == _project("Samen sterk")

    # A recovery file is an ordinary project document: it also opens as one.
    copy = tmp_path / "kopie.gala"
    copy.write_bytes(path.read_bytes())
    assert load_project(copy) == _project("Samen sterk")


def test_write_overwrites_the_session_file(tmp_path):
    store = RecoveryStore(tmp_path)
    store.write(_project("een"), None, "s")
    store.write(_project("twee"), None, "s")
    [item] = store.pending()
    assert item.original_path is None and item.title == "twee"
    # no .bak, no temp; the lock says the file belongs to this running program
    assert sorted(p.name for p in tmp_path.iterdir()) == [".~lock.s.gala-herstel#", "s.gala-herstel"]


def test_pending_is_newest_first_and_skips_unreadable(tmp_path, monkeypatch):
    store = RecoveryStore(tmp_path)
    _at(monkeypatch, dt.datetime(2026, 11, 20, 9, 0, tzinfo=TZ))
    store.write(_project("oud"), None, "a")
    _at(monkeypatch, dt.datetime(2026, 11, 23, 9, 0, tzinfo=TZ))
    store.write(_project("nieuw"), None, "b")
    _at(monkeypatch, dt.datetime(2026, 11, 21, 9, 0, tzinfo=dt.timezone.utc))
    store.write(_project("midden"), None, "c")
    (tmp_path / "kapot.gala-herstel").write_bytes(b'{"format": "gala-desktop-pro')
    (tmp_path / "leeg.gala-herstel").write_bytes(b"")
    (tmp_path / "ander-bestand.txt").write_text("geen herstel")
    assert [i.title for i in store.pending()] == ["nieuw", "midden", "oud"]
    assert (tmp_path / "kapot.gala-herstel").exists()  # skipped, not deleted
    assert [i.title for i in store.pending(exclude_session="b")] == ["midden", "oud"]


def test_missing_saved_at_falls_back_to_file_time(tmp_path):
    store = RecoveryStore(tmp_path)
    path = store.write(_project("zonder tijd"), None, "s")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["recovery"]["saved_at"] = "gisteren"
    path.write_text(json.dumps(data), encoding="utf-8")
    os.utime(path, (1_700_000_000, 1_700_000_000))
    [item] = store.pending()
    assert item.saved_at == dt.datetime.fromtimestamp(1_700_000_000).astimezone()


def test_discard_and_discard_session(tmp_path):
    store = RecoveryStore(tmp_path)
    store.write(_project("een"), None, "s1")
    store.write(_project("twee"), None, "s2")
    [newest, _] = store.pending()
    store.discard(newest)
    store.discard(newest)  # already gone: fine
    assert len(store.pending()) == 1
    store.discard_session("s1")
    store.discard_session("s2")
    store.discard_session("nooit-geschreven")
    assert store.pending() == []
    assert list(tmp_path.iterdir()) == []


def test_pending_on_missing_folder(tmp_path):
    assert RecoveryStore(tmp_path / "bestaat-niet").pending() == []


def test_load_of_a_file_that_went_bad(tmp_path):
    store = RecoveryStore(tmp_path)
    store.write(_project("een"), None, "s")
    [item] = store.pending()
    item.path.write_bytes(b"\xff\xfe rommel")
    with pytest.raises(ProjectFileError) as info:
        store.load(item)
    assert "‘s.gala-herstel’" in str(info.value)


@pytest.mark.parametrize("bad", ["", "../uit", "a/b", "a.b", "x" * 101])
def test_session_id_must_be_a_plain_name(tmp_path, bad):
    with pytest.raises(ValueError):
        RecoveryStore(tmp_path).write(_project("p"), None, bad)


@pytest.mark.parametrize("saved_at", ["0001-01-01T00:00:00", "0001-01-01T00:30:00+14:00",
                                      "9999-12-31T23:59:59-12:00"])
def test_saved_at_out_of_range_falls_back_to_file_time(tmp_path, saved_at):
    # A hand-edited or damaged time must not stop the program from starting: the list of
    # recovery files still comes up, with the file's own time.
    store = RecoveryStore(tmp_path)
    path = store.write(_project("rare tijd"), None, "s")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["recovery"]["saved_at"] = saved_at
    path.write_text(json.dumps(data), encoding="utf-8")
    os.utime(path, (1_700_000_000, 1_700_000_000))
    store.write(_project("gewoon"), None, "t")
    items = store.pending()
    assert sorted(i.title for i in items) == ["gewoon", "rare tijd"]
    [odd] = [i for i in items if i.title == "rare tijd"]
    assert odd.saved_at == dt.datetime.fromtimestamp(1_700_000_000).astimezone()
    odd.saved_at.astimezone()  # usable for display in local time
