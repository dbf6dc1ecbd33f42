"""Measure 5: save and open a project of 500 shortlist entries.

App: ``save_project`` (JSON mapping, atomic write with fsync and ``.bak``) and ``load_project``
(read, parse, validate, map to domain objects). Floors: writing the same bytes to a temp file
with fsync and ``os.replace``; reading them and ``json.loads``.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from pathlib import Path

from benchmarks.projects import pick, synthetic_project
from benchmarks.report import Row, Section, Target
from benchmarks.stats import Summary

ENTRIES = 500
TARGET_S = 0.200


def _timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def _raw_save(data: bytes, path: Path) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def _raw_open(path: Path) -> None:
    json.loads(path.read_bytes())


def measure(catalogue_path: Path, repeats: int, log=print) -> Section:
    from gala_desktop.catalogue.repository import Catalogue
    from gala_desktop.project.document import document_bytes, load_project, project_to_dict, save_project

    section = Section(f"Project save and open ({ENTRIES} entries)")
    log(f"project files: {ENTRIES} entries, {repeats} runs")
    with Catalogue.open(catalogue_path) as catalogue:
        project = synthetic_project(pick(catalogue, ENTRIES))
    data = document_bytes(project_to_dict(project))
    with tempfile.TemporaryDirectory(prefix="gala-bench-project-") as folder:
        target = Path(folder) / "groot.gala"
        floor_target = Path(folder) / "floor.json"
        save_project(project, target)
        _raw_save(data, floor_target)
        saves, opens, floor_saves, floor_opens = [], [], [], []
        for _ in range(repeats):
            saves.append(_timed(lambda: save_project(project, target)))
            floor_saves.append(_timed(lambda: _raw_save(data, floor_target)))
            opens.append(_timed(lambda: load_project(target)))
            floor_opens.append(_timed(lambda: _raw_open(floor_target)))
        if load_project(target) != project:
            section.notes.append("The opened project differs from the saved one.")
        size = target.stat().st_size
    save_row = Row("project", "save_project", Summary.of(saves), Summary.of(floor_saves), "ms",
                   f"{size / 1024:.0f} KiB file")
    open_row = Row("project", "load_project", Summary.of(opens), Summary.of(floor_opens), "ms")
    section.rows += [save_row, open_row]
    worst = max(save_row.value.median, open_row.value.median)
    section.targets.append(
        Target(f"Save and open of {ENTRIES} entries ≤ {TARGET_S * 1000:.0f} ms each (median)",
               f"save {save_row.value.median * 1000:.0f} ms, open {open_row.value.median * 1000:.0f} ms",
               worst <= TARGET_S)
    )
    section.notes.append(
        "Floors: the same bytes written to a temp file with fsync and os.replace; read back and json.loads."
    )
    return section
