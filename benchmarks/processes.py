"""Run a probe script in a fresh Python process and read its one-line JSON report."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

PROBES = Path(__file__).resolve().parent / "probes"
REPORT_PREFIX = "BENCH "
TIMEOUT_S = 180


class ProbeError(RuntimeError):
    pass


@dataclass(frozen=True, slots=True)
class ProbeRun:
    spawn_to_paint: float  # seconds from just before the spawn to the first paint
    top_to_paint: float  # seconds from the top of the probe script to the first paint
    wall: float  # seconds from the spawn to the exit of the process
    peak_rss: int  # bytes
    report: dict


def probe_env(home: Path) -> dict[str, str]:
    """Offscreen Qt, empty settings/recovery folders (so no dialog can appear), bytecode cached."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        env[name] = str(home / name.lower())
    env["HOME"] = str(home)
    env.pop("PYTHONDEVMODE", None)
    # An installed program runs from bytecode (pip and the bundle compile it); without its
    # cache every probe would compile the app's own modules from source again. The discarded
    # warm-up run of a measure writes the cache.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run_probe(script: str, *args: str) -> ProbeRun:
    with tempfile.TemporaryDirectory(prefix="gala-probe-") as home:
        env = probe_env(Path(home))
        started = time.monotonic()
        proc = subprocess.run(
            [sys.executable, str(PROBES / script), *args],
            env=env, cwd=home, capture_output=True, text=True, timeout=TIMEOUT_S,
        )
        wall = time.monotonic() - started
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith(REPORT_PREFIX)), None)
    if proc.returncode != 0 or line is None:
        raise ProbeError(
            f"{script} {' '.join(args)} exited with {proc.returncode}:\n"
            f"{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}"
        )
    report = json.loads(line[len(REPORT_PREFIX):])
    return ProbeRun(
        spawn_to_paint=report["paint_monotonic"] - started,
        top_to_paint=report["paint_since_top"],
        wall=wall,
        peak_rss=int(report["peak_rss_kib"]) * 1024,
        report=report,
    )
