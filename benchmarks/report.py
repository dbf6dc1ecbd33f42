"""Results of a benchmark run: rows next to their floors, targets, and the machine; as text and Markdown."""

from __future__ import annotations

import datetime as dt
import os
import platform
import sqlite3
import sys
from dataclasses import asdict, dataclass, field

from benchmarks.stats import Summary

MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Row:
    """One measured case. Times are in seconds, memory in bytes; ``unit`` chooses the display."""

    measure: str
    case: str
    value: Summary
    floor: Summary | None = None
    unit: str = "ms"  # "ms", "s" or "MiB"
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.floor is None or self.floor.median <= 0:
            return None
        return self.value.median / self.floor.median


@dataclass(frozen=True, slots=True)
class Target:
    text: str
    measured: str
    met: bool | None  # None: could not be measured in this run

    @property
    def verdict(self) -> str:
        return {True: "met", False: "NOT met", None: "not measured"}[self.met]


@dataclass(slots=True)
class Section:
    title: str
    rows: list[Row] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def fmt(value: float, unit: str) -> str:
    if unit == "ms":
        ms = value * 1000
        return f"{ms:.2f}" if ms < 10 else f"{ms:.1f}" if ms < 100 else f"{ms:.0f}"
    if unit == "s":
        return f"{value:.2f}"
    if unit == "MiB":
        return f"{value / MIB:.1f}"
    return f"{value:g}"


def _cells(row: Row) -> list[str]:
    floor = row.floor
    return [
        row.case,
        f"{fmt(row.value.median, row.unit)} / {fmt(row.value.p95, row.unit)} {row.unit}",
        f"{fmt(floor.median, row.unit)} / {fmt(floor.p95, row.unit)} {row.unit}" if floor else "–",
        f"{row.ratio:.2f}×" if row.ratio is not None else "–",
        str(row.value.runs),
        row.note,
    ]


HEADERS = ["case", "median / p95", "floor median / p95", "ratio", "runs", "note"]


def machine_info() -> dict[str, str]:
    try:
        from PySide6 import QtCore
        import PySide6

        qt = f"Qt {QtCore.qVersion()} (PySide6 {PySide6.__version__})"
    except ImportError:  # pragma: no cover - the app cannot run without it anyway
        qt = "Qt not available"
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu = next((line.split(":", 1)[1].strip() for line in info if line.startswith("model name")), cpu)
    except OSError:
        pass
    return {
        "date": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "cpu": f"{cpu}, {os.cpu_count()} logical CPUs",
        "os": f"{platform.system()} {platform.release()}",
        "python": f"Python {platform.python_version()} ({sys.implementation.name})",
        "qt": qt,
        "sqlite": f"SQLite {sqlite3.sqlite_version}",
    }


def text_report(sections: list[Section]) -> str:
    lines: list[str] = []
    for section in sections:
        lines.append(f"== {section.title}")
        table = [HEADERS] + [_cells(r) for r in section.rows]
        widths = [max(len(row[i]) for row in table) for i in range(len(HEADERS))]
        for row in table:
            lines.append("  " + "  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
        for target in section.targets:
            lines.append(f"  target: {target.text}: {target.measured} -> {target.verdict}")
        for note in section.notes:
            lines.append(f"  note: {note}")
        lines.append("")
    return "\n".join(lines)


def markdown_report(sections: list[Section], machine: dict[str, str], mode: str, preamble: str,
                    findings: str) -> str:
    out = ["# Benchmarks", "", preamble.strip(), "", "## Machine and run", ""]
    out += [f"- **{key}**: {value}" for key, value in machine.items()]
    out += [f"- **mode**: {mode}", "", "## Targets", "", "| target | measured | verdict |", "|---|---|---|"]
    for section in sections:
        for target in section.targets:
            verdict = {True: "met", False: "**not met**", None: "not measured"}[target.met]
            out.append(f"| {target.text} | {target.measured} | {verdict} |")
    out.append("")
    for section in sections:
        out += [f"## {section.title}", ""]
        if section.rows:
            out.append("| " + " | ".join(HEADERS) + " |")
            out.append("|" + "---|" * len(HEADERS))
            for row in section.rows:
                out.append("| " + " | ".join(c.replace("|", "\\|") for c in _cells(row)) + " |")
            out.append("")
        out += [f"- {note}" for note in section.notes]
        if section.notes:
            out.append("")
    if findings.strip():
        out += [findings.strip(), ""]
    return "\n".join(out)


def sections_to_json(sections: list[Section], machine: dict[str, str], mode: str) -> dict:
    """Everything needed to render the report again (``--render``) without measuring again."""
    return {"machine": machine, "mode": mode, "sections": [asdict(s) for s in sections]}


def sections_from_json(data: dict) -> tuple[list[Section], dict[str, str], str]:
    def summary(value: dict | None) -> Summary | None:
        return Summary(**value) if value else None

    sections = [
        Section(
            title=s["title"],
            rows=[
                Row(**{**r, "value": summary(r["value"]), "floor": summary(r["floor"])})
                for r in s["rows"]
            ],
            targets=[Target(**t) for t in s["targets"]],
            notes=list(s["notes"]),
        )
        for s in data["sections"]
    ]
    return sections, data["machine"], data["mode"]
