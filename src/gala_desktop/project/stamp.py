"""What a project file looked like when it was loaded or saved, to notice outside changes.

Before saving over a file the program compares it with the stamp it remembered: a colleague
on the share, a second instance or a sync client (OneDrive, Teams) may have written it since.
Size and modification time are cheap; the content hash decides, so a file that was merely
touched (or copied back unchanged) is not a conflict.
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass
from pathlib import Path
from stat import S_ISREG


def _own_sha256():
    """CPython's own SHA-256 (``_sha256`` on 3.11, ``_sha2`` from 3.12): the same digest as
    hashlib's, without loading OpenSSL's libcrypto (about 4 MiB and 10 ms) into the start-up."""
    for name in ("_sha256", "_sha2"):
        try:
            return importlib.import_module(name).sha256
        except (ImportError, AttributeError):
            continue
    from hashlib import sha256  # another Python

    return sha256


sha256 = _own_sha256()


@dataclass(frozen=True, slots=True)
class FileStamp:
    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of(cls, data: bytes, stat: os.stat_result) -> "FileStamp":
        return cls(len(data), stat.st_mtime_ns, sha256(data).hexdigest())


# What a file was when that is not known: no file matches it, so any file there counts as changed.
UNKNOWN = FileStamp(-1, 0, "")


def changed_on_disk(path: Path | str, stamp: FileStamp | None, *, limit: int) -> bool:
    """Whether ``path`` now holds something else than ``stamp`` describes.

    A missing file is not a change (saving recreates it). A file that can no longer be read,
    or is bigger than ``limit``, counts as changed: overwriting it without asking could lose
    someone's work.
    """
    if stamp is None:
        return False
    path = Path(path)
    try:
        stat = path.stat()
    except FileNotFoundError:
        return False
    except OSError:
        return True
    if not S_ISREG(stat.st_mode) or stat.st_size != stamp.size:
        return True
    try:  # same size: the content decides (times on shares are coarse or copied along)
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)
    except OSError:
        return True
    return sha256(data).hexdigest() != stamp.sha256
