"""File errors reach the user in Dutch, never as the system's (English) text."""

from __future__ import annotations

import errno

import pytest

from gala_desktop.file_errors import error_code, read_failure_reason, write_failure_reason


@pytest.mark.parametrize(
    "exc, expected",
    [
        (OSError(errno.ENOSPC, "No space left on device"), "vol"),
        (OSError(errno.EROFS, "Read-only file system"), "alleen-lezen"),
        (PermissionError(errno.EACCES, "Permission denied"), "toestemming"),
        (OSError(errno.ENAMETOOLONG, "File name too long"), "te lang"),
        (OSError(errno.EIO, "Input/output error"), "foutcode EIO"),
    ],
)
def test_write_reasons_are_dutch(exc, expected):
    reason = write_failure_reason(exc)
    assert expected in reason
    assert exc.strerror not in reason


def test_read_reasons_are_dutch(tmp_path):
    loop = tmp_path / "lus.gala"
    loop.symlink_to(loop)
    with pytest.raises(OSError) as caught:
        loop.read_bytes()
    reason = read_failure_reason(caught.value)
    assert "naar zichzelf" in reason and "symbolic" not in reason
    assert "foutcode EIO" in read_failure_reason(OSError(errno.EIO, "Input/output error"))
    assert error_code(OSError("zonder code")) == "OSError"


def test_opening_a_self_pointing_project_link_says_so_in_dutch(tmp_path):
    from gala_desktop.project.document import load_project
    from gala_desktop.project.errors import ProjectFileError

    loop = tmp_path / "lus.gala"
    loop.symlink_to(loop)
    with pytest.raises(ProjectFileError) as caught:
        load_project(loop)
    assert "naar zichzelf" in str(caught.value)
    assert "symbolic" not in str(caught.value)
