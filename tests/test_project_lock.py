"""Lock files beside a project (project/lock.py) and the stamp of what was loaded (stamp.py)."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys

import pytest

from ended import dead_pid
from gala_desktop.domain.project import Project
from gala_desktop.project.document import changed_since, load_project_file, save_project
from gala_desktop.project.lock import (
    STALE_AFTER,
    LockInfo,
    LockOwner,
    ProjectLock,
    acquire,
    computer_name,
    lock_path,
    read_lock,
    take_over,
)


def _owner(**changes) -> LockOwner:
    values = dict(user="Marieke Smit", computer="LAPTOP-123", pid=4242,
                  since=dt.datetime(2026, 11, 30, 10, 42).astimezone(), session="s")
    values.update(changes)
    return LockOwner(**values)


def test_lock_name_and_content_are_as_documented(tmp_path):
    target = tmp_path / "plan.gala"
    lock = acquire(target, _owner())
    assert isinstance(lock, ProjectLock)
    assert lock.path == lock_path(target) == tmp_path / ".~lock.plan.gala#"
    data = json.loads(lock.path.read_text(encoding="utf-8"))
    assert data == {"format": "gala-desktop-lock", "user": "Marieke Smit", "computer": "LAPTOP-123",
                    "pid": 4242, "since": "2026-11-30T10:42:00" + data["since"][19:], "session": "s",
                    "started": ""}
    info = read_lock(target)
    assert info.owner == _owner()
    assert info.describe() in ("Marieke Smit op LAPTOP-123 sinds 30-11-2026 10:42",
                               "Marieke Smit op LAPTOP-123 sinds 10:42")


def test_second_opener_gets_the_holder(tmp_path):
    target = tmp_path / "plan.gala"
    mine = acquire(target, LockOwner.me("een"))
    other = acquire(target, LockOwner.me("twee"))
    assert isinstance(other, LockInfo) and other.owner == mine.owner
    assert not other.is_stale()  # this very process holds it
    again = acquire(target, LockOwner.me("een"))  # the same session opening again: its own
    assert isinstance(again, ProjectLock)


def test_stale_on_this_computer_when_the_process_is_gone(tmp_path):
    target = tmp_path / "plan.gala"
    acquire(target, _owner(computer=computer_name(), pid=dead_pid()))
    assert read_lock(target).is_stale()


def test_stale_elsewhere_only_after_the_limit(tmp_path):
    target = tmp_path / "plan.gala"
    acquire(target, _owner(computer="ANDERE-PC"))
    info = read_lock(target)
    assert not info.is_stale()  # just touched: the colleague's program may well run
    assert info.is_stale(now=info.touched + STALE_AFTER + dt.timedelta(minutes=1))
    old = (info.touched - STALE_AFTER - dt.timedelta(minutes=5)).timestamp()
    os.utime(lock_path(target), (old, old))
    assert read_lock(target).is_stale()
    ProjectLock(target, read_lock(target).owner).refresh()  # the holder shows it lives
    assert not read_lock(target).is_stale()


def test_take_over_a_stale_lock_and_only_once(tmp_path):
    target = tmp_path / "plan.gala"
    acquire(target, _owner(computer=computer_name(), pid=dead_pid()))
    stale = read_lock(target)
    first = take_over(target, stale, LockOwner.me("a"))
    assert isinstance(first, ProjectLock)
    second = take_over(target, stale, LockOwner.me("b"))  # too late: a has it
    assert isinstance(second, LockInfo) and second.owner.session == "a"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".~lock.plan.gala#"]


def test_unreadable_lock_counts_as_someone_and_ages(tmp_path):
    target = tmp_path / "plan.gala"
    lock_path(target).write_bytes(b"\x00garbage")
    info = read_lock(target)
    assert info.owner is None and "onbekende gebruiker" in info.describe()
    assert isinstance(acquire(target, LockOwner.me("x")), LockInfo)


def test_a_lock_file_that_cannot_be_opened_is_someone_too(tmp_path, monkeypatch):
    """Another user's lock on a share may not be readable for us (permissions): it is a lock of
    an unknown owner, not an absent one, so the project is not opened for editing unasked."""
    import builtins

    from gala_desktop.project import lock as lock_module

    target = tmp_path / "plan.gala"
    colleague = _owner()
    acquire(target, colleague)

    def denied(file, *args, **kwargs):
        if os.path.basename(file).startswith(".~lock."):
            raise PermissionError(13, "Permission denied", str(file))
        return builtins.open(file, *args, **kwargs)

    monkeypatch.setattr(lock_module, "open", denied, raising=False)
    info = read_lock(target)
    assert info is not None and info.owner is None and not info.is_stale()
    held = acquire(target, LockOwner.me("x"))
    assert isinstance(held, LockInfo) and "onbekende gebruiker" in held.describe()


def test_release_removes_only_our_own_lock(tmp_path):
    target = tmp_path / "plan.gala"
    lock = acquire(target, LockOwner.me("a"))
    lock_path(target).unlink()
    acquire(target, _owner())  # someone else's now
    lock.release()
    assert read_lock(target).owner == _owner()


def test_stamp_notices_changes_but_not_a_touch(tmp_path):
    target = tmp_path / "plan.gala"
    saved = save_project(Project(title="Een"), target)
    loaded = load_project_file(target)
    assert loaded.stamp == saved
    assert not changed_since(target, saved)
    os.utime(target, (5, 5))
    assert not changed_since(target, saved)  # same bytes
    target.write_bytes(target.read_bytes().replace(b"Een", b"Twee"))
    assert changed_since(target, saved)  # other size
    target.write_bytes(target.read_bytes().replace(b"Twee", b"Drie"))
    assert changed_since(target, saved)  # same size, other content
    target.unlink()
    assert not changed_since(target, saved)  # gone: saving recreates it


@pytest.mark.skipif(not sys.platform.startswith(("linux", "win")), reason="process start times")
def test_a_lock_whose_process_id_now_belongs_to_another_process_is_stale(tmp_path):
    """After a crash (and a restart) the id in the lock may belong to another process, even to
    this very program: the lock names its writer's start, which that process does not have."""
    import subprocess

    from gala_desktop.project.lock import process_start

    target = tmp_path / "plan.gala"
    here = LockOwner.me().computer
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        assert process_start(other.pid) and process_start(other.pid) != process_start(os.getpid())

        def lock(pid: int, started: str):
            lock_path(target).unlink(missing_ok=True)
            acquire(target, LockOwner("Mij", here, pid, dt.datetime.now().astimezone(), "oud", started))
            return read_lock(target)

        crashed = process_start(os.getpid())  # the start of the process that wrote it and died
        assert lock(other.pid, crashed).is_stale()  # its id now belongs to another process
        assert lock(os.getpid(), process_start(other.pid)).is_stale()  # ... or to this one
        assert not lock(other.pid, process_start(other.pid)).is_stale()  # the writer itself
        # a lock of an earlier version names no start: judged by its time
        assert not lock(other.pid, "").is_stale()  # written after that process started
        lock_path(target).unlink()
        acquire(target, LockOwner("Mij", here, other.pid,
                                  dt.datetime.now().astimezone() - dt.timedelta(hours=3), "oud", ""))
        assert read_lock(target).is_stale()  # written long before it started: not its writer
        assert LockOwner.me().started == process_start(os.getpid())
    finally:
        other.kill()
        other.wait()
