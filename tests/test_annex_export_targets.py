"""Where the annex goes: `gala-desktop export` run as a user would, on good and bad paths."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gala_desktop.annex.errors import AnnexExportError
from gala_desktop.operations.export import export_project_file

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "voorbeeld-gemeente-lindeveen.gala"


def export(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(
        [sys.executable, "-m", "gala_desktop", "export", *args], capture_output=True,
        text=True, encoding="utf-8", env=env, timeout=300, cwd=cwd,
    )


def _one_dutch_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, result.stderr
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    assert len(lines) == 1, lines
    assert "Traceback" not in lines[0]
    return lines[0]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "Beleid sociale basis é"
    folder.mkdir()
    path = folder / "visie Lindeveen.gala"
    shutil.copyfile(EXAMPLE, path)
    return path


def test_export_to_a_folder_with_spaces_and_accents(project, tmp_path):
    target = project.parent / "bijlage bij de visie – concept.pdf"
    result = export(str(project), "-o", str(target), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert target.read_bytes().startswith(b"%PDF-")
    assert sorted(p.name for p in project.parent.iterdir()) == [target.name, project.name]


@pytest.mark.parametrize("case, fragment", [
    ("missing", "bestaat niet"),
    ("folder", "is een map"),
    ("corrupt", "beschadigd"),
    ("missing_output_folder", "bestaat niet"),
])
def test_bad_input_gives_one_dutch_line(project, tmp_path, case, fragment):
    args = {
        "missing": (str(tmp_path / "weg.gala"), "-o", str(tmp_path / "uit.pdf")),
        "folder": (str(project.parent), "-o", str(tmp_path / "uit.pdf")),
        "corrupt": (str(tmp_path / "kapot.gala"), "-o", str(tmp_path / "uit.pdf")),
        "missing_output_folder": (str(project), "-o", str(tmp_path / "nergens" / "uit.pdf")),
    }[case]
    (tmp_path / "kapot.gala").write_text('{"format": "gala-desk', encoding="utf-8")
    line = _one_dutch_line(export(*args, cwd=tmp_path))
    assert fragment in line
    assert not (tmp_path / "uit.pdf").exists()


def test_export_onto_the_project_file_keeps_the_project(project, tmp_path):
    before = project.read_bytes()
    line = _one_dutch_line(export(str(project), "-o", str(project), cwd=tmp_path))
    assert "projectbestand" in line and ".pdf" in line
    assert project.read_bytes() == before


def test_export_onto_another_project_file_is_refused(project, tmp_path):
    other = project.parent / "ander plan.gala"
    shutil.copyfile(project, other)
    with pytest.raises(AnnexExportError) as info:
        export_project_file(project, other)
    assert "ander plan.gala" in str(info.value)
    assert other.read_bytes() == project.read_bytes()
    assert [p for p in project.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_export_to_the_current_folder_names_it(project):
    line = _one_dutch_line(export(str(project), "-o", ".", cwd=project.parent))
    assert "als . " not in line and "  " not in line
    assert str(project.parent) in line or project.parent.name in line
