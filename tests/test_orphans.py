"""Temporary files of a killed save or export are removed by the next save or export there."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time

import pytest

from gala_desktop.domain.project import Project
from gala_desktop.project.document import load_project, save_project
from gala_desktop.temp_files import ORPHAN_AGE, is_orphan_name, remove_orphans

pytestmark = pytest.mark.skipif(not hasattr(os, "kill") or os.name != "posix", reason="POSIX kill")

# The child kills itself (SIGKILL, nothing can run after it) at the moment the temporary file is
# complete and about to be moved into place: the worst moment for a leftover.
_KILLED_AT_REPLACE = textwrap.dedent('''
    import os, signal, sys
    real_replace = os.replace
    def killed(src, dst, *a, **k):
        if str(src).endswith(".tmp"):
            os.kill(os.getpid(), signal.SIGKILL)
        return real_replace(src, dst, *a, **k)
    os.replace = killed
''')


def _run_killed(code: str) -> int:
    done = subprocess.run([sys.executable, "-c", _KILLED_AT_REPLACE + textwrap.dedent(code)],
                          capture_output=True, text=True, timeout=300)
    return done.returncode


def _age(paths, days=2):
    old = time.time() - days * 86400
    for path in paths:
        os.utime(path, (old, old))


def test_killed_save_and_export_leave_temp_files_that_the_next_run_removes(tmp_path):
    target = tmp_path / "plan.gala"
    save_project(Project(title="Vorige"), target)
    code = _run_killed(f'''
        from gala_desktop.domain.project import Project
        from gala_desktop.project.document import save_project
        save_project(Project(title="Half"), {str(target)!r})
    ''')
    assert code == -9
    code = _run_killed(f'''
        from gala_desktop.catalogue.repository import Catalogue
        from gala_desktop.annex.export import export_project
        from gala_desktop.domain.project import Project
        with Catalogue.open() as catalogue:
            export_project(Project(title="Bijlage"), {str(tmp_path / "bijlage.pdf")!r}, catalogue=catalogue)
    ''')
    assert code == -9
    leftovers = sorted(p for p in tmp_path.iterdir() if is_orphan_name(p.name))
    assert any(p.name.startswith(".bijlage.pdf.") for p in leftovers), leftovers
    assert any(p.name.startswith(".plan.gala.") for p in leftovers), leftovers
    assert load_project(target).title == "Vorige"  # the kill lost nothing

    # young leftovers may belong to a program still writing: kept
    save_project(Project(title="Nu"), target)
    assert all(p.exists() for p in leftovers)

    _age(leftovers)  # a day later
    save_project(Project(title="Morgen"), target)
    assert [p for p in tmp_path.iterdir() if is_orphan_name(p.name)] == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.gala", "plan.gala.bak"]


def test_an_export_cleans_up_too(tmp_path, catalogue):
    from gala_desktop.annex.export import export_project

    orphan = tmp_path / ".bijlage.abc_1234.pdfa.tmp"
    orphan.write_bytes(b"%PDF-half")
    _age([orphan])
    export_project(Project(title="Bijlage"), tmp_path / "bijlage.pdf", catalogue=catalogue)
    assert not orphan.exists() and (tmp_path / "bijlage.pdf").is_file()


def test_only_our_own_old_regular_files_are_removed(tmp_path):
    ours = tmp_path / ".plan.gala.0123456789ab.tmp"
    others = [tmp_path / n for n in ("plan.tmp", ".plan.gala.xyz.tmp", "notities.pdfa.tmp.txt",
                                     ".plan.gala.0123456789ab.tmp.keep")]
    for path in [ours, *others]:
        path.write_bytes(b"x")
    folder = tmp_path / ".map.0123456789ab.tmp"
    folder.mkdir()
    link = tmp_path / ".link.gala.ba9876543210.tmp"
    link.symlink_to(tmp_path / "plan.tmp")
    _age([ours, *others, folder])
    os.utime(link, (1, 1), follow_symlinks=False)
    assert remove_orphans(tmp_path) == [ours]
    assert all(p.exists() for p in others) and folder.is_dir() and link.is_symlink()
    assert ORPHAN_AGE.days == 1
