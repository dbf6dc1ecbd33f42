"""Atomic saving: the old file survives every failure, one .bak is kept, no temp files remain."""

from __future__ import annotations

import datetime as dt
import errno
import os
import stat

import pytest

from gala_desktop.domain.project import Project, ThemeChoice
from gala_desktop.project import atomic
from gala_desktop.project.document import (
    ProjectSaveError,
    load_project,
    save_project,
)


def _project(title: str) -> Project:
    return Project(
        gemeente="Lindeveen",
        title=title,
        date=dt.date(2026, 11, 23),
        themes=[ThemeChoice("mantelzorg", "Waarom " * 50)],
    )


def _names(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_first_save_makes_no_backup(tmp_path):
    path = tmp_path / "plan.gala"
    save_project(_project("een"), path)
    assert _names(tmp_path) == ["plan.gala"]
    assert load_project(path).title == "een"


def test_backup_holds_the_previous_version(tmp_path):
    path = tmp_path / "plan.gala"
    save_project(_project("een"), path)
    first = path.read_bytes()
    save_project(_project("twee"), path)
    assert (tmp_path / "plan.gala.bak").read_bytes() == first
    save_project(_project("drie"), path)
    assert _names(tmp_path) == ["plan.gala", "plan.gala.bak"]  # one backup only
    bak = tmp_path / "plan.gala.bak"
    copy = tmp_path / "terug.gala"
    copy.write_bytes(bak.read_bytes())
    assert load_project(copy).title == "twee"
    assert load_project(path).title == "drie"


@pytest.mark.parametrize("failing", ["fsync", "replace", "write"])
def test_failure_mid_save_leaves_original_and_no_temp(tmp_path, monkeypatch, failing):
    path = tmp_path / "plan.gala"
    save_project(_project("een"), path)
    save_project(_project("twee"), path)
    original = path.read_bytes()
    backup = (tmp_path / "plan.gala.bak").read_bytes()

    def boom(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    if failing == "fsync":
        monkeypatch.setattr(atomic.os, "fsync", boom)
    elif failing == "replace":
        monkeypatch.setattr(atomic.os, "replace", boom)
    else:
        real_fdopen = os.fdopen

        class Half:
            def __init__(self, fh):
                self.fh = fh

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.fh.close()

            def write(self, data):
                self.fh.write(data[: len(data) // 2])
                raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(atomic.os, "fdopen", lambda fd, mode: Half(real_fdopen(fd, mode)))

    with pytest.raises(ProjectSaveError) as info:
        save_project(_project("drie"), path)
    message = str(info.value)
    assert "‘plan.gala’" in message and "vol" in message and "niet gewijzigd" in message
    assert path.read_bytes() == original
    assert (tmp_path / "plan.gala.bak").read_bytes() == backup
    assert _names(tmp_path) == ["plan.gala", "plan.gala.bak"]


def test_locked_file_on_replace(tmp_path, monkeypatch):
    path = tmp_path / "plan.gala"
    save_project(_project("een"), path)
    original = path.read_bytes()

    def locked(*args, **kwargs):
        raise PermissionError(errno.EACCES, "The process cannot access the file")

    monkeypatch.setattr(atomic.os, "replace", locked)
    with pytest.raises(ProjectSaveError) as info:
        save_project(_project("twee"), path)
    assert "ander programma" in str(info.value)
    assert path.read_bytes() == original
    assert not [n for n in _names(tmp_path) if n.endswith(".tmp")]


def test_failure_for_a_new_file_leaves_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(atomic.os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(errno.EIO, "I/O")))
    with pytest.raises(ProjectSaveError) as info:
        save_project(_project("een"), tmp_path / "nieuw.gala")
    assert "niet opgeslagen" in str(info.value)
    assert _names(tmp_path) == []


def test_interrupt_during_save_leaves_no_temp(tmp_path, monkeypatch):
    path = tmp_path / "plan.gala"
    save_project(_project("een"), path)
    original = path.read_bytes()
    monkeypatch.setattr(atomic.os, "replace", lambda *a: (_ for _ in ()).throw(KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        save_project(_project("twee"), path)
    assert path.read_bytes() == original
    assert not [n for n in _names(tmp_path) if n.endswith(".tmp")]


def test_missing_folder(tmp_path):
    with pytest.raises(ProjectSaveError) as info:
        save_project(_project("een"), tmp_path / "weg" / "plan.gala")
    assert "map bestaat niet" in str(info.value)


def test_backup_failure_does_not_block_saving(tmp_path, monkeypatch):
    path = tmp_path / "plan.gala"
    save_project(_project("een"), path)
    (tmp_path / "plan.gala.bak").mkdir()  # a folder where the backup should go
    save_project(_project("twee"), path)
    assert load_project(path).title == "twee"
    assert not [n for n in _names(tmp_path) if n.endswith(".tmp")]


def _permissions_enforced(folder) -> bool:
    return not os.access(folder, os.W_OK)


def test_read_only_folder(tmp_path):
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    path = folder / "plan.gala"
    save_project(_project("een"), path)
    original = path.read_bytes()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        if not _permissions_enforced(folder):
            pytest.skip("running as a user who can write anywhere (root)")
        with pytest.raises(ProjectSaveError) as info:
            save_project(_project("twee"), path)
        assert "toestemming" in str(info.value)
        assert path.read_bytes() == original
        assert _names(folder) == ["plan.gala"]
    finally:
        folder.chmod(stat.S_IRWXU)


def test_read_only_file_is_not_replaced(tmp_path):
    path = tmp_path / "plan.gala"
    save_project(_project("een"), path)
    original = path.read_bytes()
    path.chmod(stat.S_IRUSR)
    try:
        if os.access(path, os.W_OK):
            pytest.skip("running as a user who can write anywhere (root)")
        with pytest.raises(ProjectSaveError) as info:
            save_project(_project("twee"), path)
        assert "alleen-lezen" in str(info.value)
        assert path.read_bytes() == original
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_permissions_of_the_replaced_file_are_kept(tmp_path):
    path = tmp_path / "plan.gala"
    save_project(_project("een"), path)
    path.chmod(0o640)
    save_project(_project("twee"), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
def test_symlink_stays_a_symlink(tmp_path):
    real_dir = tmp_path / "echt"
    real_dir.mkdir()
    real = real_dir / "plan.gala"
    save_project(_project("een"), real)
    link = tmp_path / "snelkoppeling.gala"
    link.symlink_to(real)
    save_project(_project("twee"), link)
    assert link.is_symlink()
    assert load_project(real).title == "twee"
    assert (real_dir / "plan.gala.bak").exists()


def test_symlink_loop_is_a_save_error(tmp_path):
    link = tmp_path / "lus.gala"
    link.symlink_to(link.name)  # points at itself
    with pytest.raises(ProjectSaveError) as info:
        save_project(_project("een"), link)
    assert "lus.gala" in str(info.value)
    assert link.is_symlink()
    assert _names(tmp_path) == ["lus.gala"]


def test_dangling_symlink_writes_where_it_points(tmp_path):
    (tmp_path / "echt").mkdir()
    link = tmp_path / "snelkoppeling.gala"
    link.symlink_to(tmp_path / "echt" / "nieuw plan.gala")
    save_project(_project("een"), link)
    assert link.is_symlink()
    assert load_project(tmp_path / "echt" / "nieuw plan.gala").title == "een"


def test_backup_that_is_a_folder_does_not_block_saving(tmp_path):
    path = tmp_path / "plan.gala"
    save_project(_project("een"), path)
    (tmp_path / "plan.gala.bak").mkdir()
    save_project(_project("twee"), path)
    assert load_project(path).title == "twee"
    assert sorted(_names(tmp_path)) == ["plan.gala", "plan.gala.bak"]
