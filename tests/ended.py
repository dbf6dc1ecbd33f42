"""Make locks look as if their program ended abnormally (a crash cannot happen in-process)."""

from __future__ import annotations

import functools
import json
import subprocess
import sys
from pathlib import Path


@functools.cache
def dead_pid() -> int:
    """The id of a process that has ended."""
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    return int(done.stdout)


def end_abnormally(folder: Path) -> int:
    """Give every lock file in ``folder`` the id of an ended process; how many were changed."""
    changed = 0
    for lock in Path(folder).glob(".~lock.*#"):
        data = json.loads(lock.read_text(encoding="utf-8"))
        data["pid"] = dead_pid()
        lock.write_text(json.dumps(data), encoding="utf-8")
        changed += 1
    return changed
