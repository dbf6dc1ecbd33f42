"""Temporary files this program leaves behind when it is killed half-way, and their clean-up.

The atomic writer (``gala_desktop/atomic.py``: saving, recovery files, the annex export, the
catalogue build) writes ``.<naam>.<12 hex>.tmp`` beside the target; versions before it wrote the
PDF export to ``.<naam>.<8 tekens>.pdfa.tmp``; taking over a stale lock briefly makes
``.~lock.<naam>#.<8 hex>.oud``. Normally each is renamed or removed within seconds. A kill
(power cut, crash, Task Manager) at the wrong moment leaves one behind. The next save or export
in that folder removes such files once they are older than :data:`ORPHAN_AGE` — old enough that
no running program can still be writing them.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import stat
import time
from pathlib import Path

log = logging.getLogger(__name__)

ORPHAN_AGE = dt.timedelta(days=1)

ORPHAN_PATTERNS = (
    re.compile(r"^\..+\.[0-9a-f]{12}\.tmp$"),  # gala_desktop/atomic.py
    re.compile(r"^\..+\.[a-z0-9_]{8}\.pdfa\.tmp$"),  # the export of earlier versions
    re.compile(r"^\.~lock\..+#\.[0-9a-f]{8}\.oud$"),  # project/lock.py take-over
)


def is_orphan_name(name: str) -> bool:
    return any(pattern.match(name) for pattern in ORPHAN_PATTERNS)


def remove_orphans(folder: Path | str, *, older_than: dt.timedelta = ORPHAN_AGE,
                   now: float | None = None) -> list[Path]:
    """Remove this program's temporary files in ``folder`` older than ``older_than``.

    Only regular files with exactly these names; never follows links; every failure is only
    logged (the save or export that called it goes ahead). Returns what was removed.
    """
    limit = (time.time() if now is None else now) - older_than.total_seconds()
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not is_orphan_name(entry.name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode) or info.st_mtime > limit:
                continue
            os.unlink(entry.path)
            removed.append(Path(entry.path))
        except OSError as exc:
            log.warning("left-over temporary file %s not removed: %s", entry.path, exc)
    if removed:
        log.info("removed %d left-over temporary file(s) in %s", len(removed), folder)
    return removed
