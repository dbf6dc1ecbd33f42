"""Crash harness: kill the program in the middle of saving, many times; then feed it bad files.

Not part of the normal test run (it takes minutes). Run from a checkout::

    python -m benchmarks.crash_harness                # 1,000 kills + the bad-input battery
    python -m benchmarks.crash_harness --kills 50     # quicker

**Kills.** A child process saves the sample project over ``plan.gala`` in a loop, each time
with a new version number in the title, and prints each number *before* it starts saving it.
The parent kills it (SIGKILL, or TerminateProcess on Windows) at a random moment. Afterwards the file must open
(else *corrupt*) and hold the version being saved at the kill, or the one before (else *lost*).
Temporary files left behind are counted; after all kills they are aged by two days (as if the
officer came back the next day) and one more save in the folder must leave none (*orphans
left*).

**Bad input.** Hand-made project files of every kind found so far (deep nesting, duplicate
keys, negative amounts, truncations, flipped bytes, wrong types, FIFOs, devices, sockets, huge
files) are opened with ``load_project``: each must be refused with a ``ProjectFileError`` whose
text is Dutch and names no Python type, and must be left byte-identical.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

from gala_desktop.project.document import (
    ProjectFileError,
    document_bytes,
    load_project,
    save_project,
)
from gala_desktop.temp_files import is_orphan_name

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "voorbeeld-gemeente-lindeveen.gala"

_CHILD = r"""
import sys
from pathlib import Path
from gala_desktop.project.document import load_project, save_project
project = load_project(sys.argv[2])
target = Path(sys.argv[1])
version = int(sys.argv[3])
while True:
    version += 1
    project.title = f"versie {version}"
    print(version, flush=True)
    save_project(project, target)
"""


def _kill(child: subprocess.Popen) -> None:
    if os.name == "nt":
        child.kill()
    else:
        os.kill(child.pid, signal.SIGKILL)
    child.wait()


def _version(path: Path) -> int | None:
    title = load_project(path).title
    return int(title.split()[-1]) if title.startswith("versie ") else None


def run_kills(kills: int, folder: Path, seed: int = 14) -> dict:
    rng = random.Random(seed)
    target = folder / "plan.gala"
    project = load_project(SAMPLE)
    project.title = "versie 0"
    save_project(project, target)
    counts = Counter(kills=0, corrupt=0, lost=0, kills_leaving_a_temp_file=0)
    version = 0
    started = time.perf_counter()
    for _ in range(kills):
        before = {p.name for p in folder.iterdir() if is_orphan_name(p.name)}
        child = subprocess.Popen([sys.executable, "-c", _CHILD, str(target), str(SAMPLE), str(version)],
                                 stdout=subprocess.PIPE, text=True)
        announced = [int(child.stdout.readline())]  # the first save has begun
        time.sleep(rng.uniform(0.0, 0.08))
        _kill(child)
        announced += [int(line) for line in child.stdout.read().split()]
        child.stdout.close()
        saving = announced[-1]  # the save in progress (or just finished) at the kill
        temps = {p.name for p in folder.iterdir() if is_orphan_name(p.name)} - before
        counts["kills"] += 1
        counts["kills_leaving_a_temp_file"] += bool(temps)  # killed in the middle of a save
        try:
            found = _version(target)
        except ProjectFileError:
            counts["corrupt"] += 1
            found = None
        if found is None or found not in (saving, saving - 1, version):
            counts["lost"] += 1
        version = max(found or 0, version)
        counts["saves_completed"] += max(len(announced) - 1, 0)
    counts["temp_files_after_kills"] = sum(is_orphan_name(p.name) for p in folder.iterdir())
    old = time.time() - 2 * 86400
    for path in folder.iterdir():
        if is_orphan_name(path.name):
            os.utime(path, (old, old))
    save_project(load_project(target), target)  # "the next save", a day later
    counts["orphans_left_after_next_save"] = sum(is_orphan_name(p.name) for p in folder.iterdir())
    counts["seconds"] = round(time.perf_counter() - started)
    return dict(counts)


# ---------------------------------------------------------------------------------------------
# Bad input


def _deep(levels: int) -> str:
    return "[" * levels + "]" * levels


def _envelope(project_json: str, version: int = 1) -> str:
    return ('{"format": "gala-desktop-project", "format_version": %d, "saved_with": "0.1.0", '
            '"project": %s}' % (version, project_json))


def bad_inputs(folder: Path, rng: random.Random) -> list[tuple[str, Path]]:
    """(category, file) for every case."""
    sample = SAMPLE.read_bytes()
    cases: list[tuple[str, Path]] = []

    def add(category: str, data: bytes, name: str | None = None) -> None:
        path = folder / (name or f"geval-{len(cases):05d}.gala")
        path.write_bytes(data)
        cases.append((category, path))

    for levels in (40, 100, 500, 1000, 5000, 50_000):
        for version in (0, 1):
            add("diep genest", _envelope('{"title": "x", "extra": %s}' % _deep(levels), version).encode())
            add("diep genest", _envelope('{"title": %s}' % ('{"a":' * levels + "1" + "}" * levels),
                                         version).encode())
    for key in ("title", "gemeente", "shortlist", "format"):
        text = sample.decode()
        add("dubbele sleutel", text.replace(f'"{key}":', f'"{key}": null, "{key}":', 1).encode())
    for field in ("budget_cents", "reach"):
        for value in (-1, -100_000_000):
            bad = json.loads(sample)
            bad["project"]["shortlist"][0]["plan"][field] = value
            add("negatief bedrag of bereik", document_bytes(bad))
    for wrong in ("12", 1.5, True, [], {}, "", None):
        for path_keys in (("title",), ("themes",), ("shortlist",), ("shortlist", 0, "snapshot"),
                          ("shortlist", 0, "status"), ("shortlist", 0, "plan", "start")):
            bad = json.loads(sample)
            holder = bad["project"]
            for key in path_keys[:-1]:
                holder = holder[key]
            original = holder[path_keys[-1]]
            if (wrong is None and path_keys[-1] == "start") or (
                    type(wrong) is type(original) and path_keys[-1] in ("title", "themes", "shortlist")):
                continue  # "no date", any text as title, an empty list: valid, not bad input
            holder[path_keys[-1]] = wrong
            add("verkeerd type", document_bytes(bad))
    for cut in sorted(rng.sample(range(1, len(sample) - 2), 300)):
        add("afgebroken", sample[:cut])
    flips = 0
    while flips < 400:
        data = bytearray(sample)
        position = rng.randrange(len(data))
        data[position] = rng.choice(b'{}[]",:0\xff\x00')
        if bytes(data) == sample:
            continue
        try:
            json.loads(bytes(data))
            continue  # a flip that keeps the JSON valid may well be a valid project
        except ValueError:
            pass
        add("omgezette byte", bytes(data))
        flips += 1
    add("te groot", b'{"format": "gala-desktop-project", "x": "' + b"x" * (70 * 1024 * 1024) + b'"}')
    add("leeg", b"")
    add("geen tekst", bytes(range(256)) * 40)
    add("nieuwere versie", _envelope("{}", 99).encode())
    add("ander soort JSON", b'{"type": "FeatureCollection", "features": []}')
    add("NaN", _envelope('{"shortlist": [{"plan": {"budget_cents": NaN}}]}').encode())
    if hasattr(os, "mkfifo"):
        fifo = folder / "pijp.gala"
        os.mkfifo(fifo)
        cases.append(("pijp (FIFO)", fifo))
    if os.path.exists("/dev/zero"):
        cases.append(("apparaat", Path("/dev/zero")))
        cases.append(("apparaat", Path("/dev/null")))
    if hasattr(socket, "AF_UNIX"):
        sock_path = folder / "socket.gala"
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(sock_path))
        cases.append(("socket", sock_path))
    map_path = folder / "map.gala"
    map_path.mkdir()
    cases.append(("map", map_path))
    cases.append(("bestaat niet", folder / "weg.gala"))
    return cases


def _refused_cleanly(path: Path) -> bool:
    before = path.read_bytes() if path.is_file() else None
    outcome: dict = {}

    def attempt() -> None:
        try:
            load_project(path)
            outcome["result"] = "opened"
        except ProjectFileError as exc:
            outcome["result"] = str(exc)
        except BaseException as exc:  # noqa: BLE001 - what the harness is looking for
            outcome["result"] = f"CRASH {type(exc).__name__}"

    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(20)
    message = outcome.get("result", "HANG")
    if message in ("opened", "HANG") or message.startswith("CRASH"):
        return False
    dutch = "kan niet worden geopend" in message or "is geen GALA Desktop-project" in message or (
        "nieuwere versie" in message)
    unchanged = before is None or path.read_bytes() == before
    return dutch and unchanged and "Error" not in message


def run_bad_input(folder: Path, seed: int = 14) -> dict[str, tuple[int, int]]:
    rng = random.Random(seed)
    table: dict[str, list[int]] = {}
    for category, path in bad_inputs(folder, rng):
        row = table.setdefault(category, [0, 0])
        row[0] += 1
        row[1] += _refused_cleanly(path)
    return {k: (v[0], v[1]) for k, v in table.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.crash_harness")
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument("--json", type=Path, default=None, help="write the results here too")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="gala-crash-"))
    (work / "kills").mkdir()
    (work / "bad").mkdir()
    try:
        kills = run_kills(args.kills, work / "kills")
        bad = run_bad_input(work / "bad")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("## Kill during save")
    for key, value in kills.items():
        print(f"- {key}: {value}")
    print("\n## Bad input\n\n| soort | geprobeerd | netjes geweigerd |\n|---|---:|---:|")
    for category, (tried, refused) in bad.items():
        print(f"| {category} | {tried} | {refused} |")
    total = sum(t for t, _ in bad.values()), sum(r for _, r in bad.values())
    print(f"| **totaal** | **{total[0]}** | **{total[1]}** |")
    if args.json:
        args.json.write_text(json.dumps({"kills": kills, "bad_input": bad}, indent=2), encoding="utf-8")
    failed = kills.get("corrupt", 0) + kills.get("lost", 0) + kills.get("orphans_left_after_next_save", 0)
    return 1 if failed or total[0] != total[1] else 0


if __name__ == "__main__":
    sys.exit(main())
