"""Helper for the command-line tests: run ``python -m gala_desktop`` in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys


def run(*args, **kwargs):
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(
        [sys.executable, "-m", "gala_desktop", *args], capture_output=True, text=True,
        encoding="utf-8", env=env, timeout=300, **kwargs,
    )
