"""The command line, run as a user would: a real subprocess, no display."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from catalogue_factory import intervention_toml, write_source
from cli_support import run

from gala_desktop import __version__


def test_version_needs_no_display():
    result = run("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_catalogue_export_json_lists_everything():
    result = run("catalogue", "export", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    items = data["interventions"]
    assert len(items) >= 48
    for item in items:
        assert item["themes"] and item["target_groups"] and item["listings"] and item["checked_on"]
        assert all(li["url"].startswith("http") for li in item["listings"])
        assert {"summary", "aim", "approach", "owner", "conditions", "active_elements"} <= set(item)


def test_catalogue_export_to_file(tmp_path):
    out = tmp_path / "catalogus.json"
    assert run("catalogue", "export", "--output", str(out)).returncode == 0
    assert json.loads(out.read_text(encoding="utf-8"))["interventions"]


def test_validate_reports_in_dutch_and_fails(tmp_path):
    source = write_source(tmp_path, {"x": intervention_toml("x", "X", level="super")})
    result = run("catalogue", "validate", str(source / "interventions" / "x.toml"))
    assert result.returncode == 1
    assert "onbekend erkenningsniveau 'super'" in result.stderr
    assert "x.toml:" in result.stderr


def test_build_refuses_bad_source_and_keeps_old_file(tmp_path):
    good = write_source(tmp_path / "g", {"x": intervention_toml("x", "X")})
    out = tmp_path / "c.sqlite"
    assert run("catalogue", "build", "--source", str(good), "--output", str(out)).returncode == 0
    before = out.read_bytes()
    bad = write_source(tmp_path / "b", {"x": intervention_toml("x", "X", themes='["onzin"]')})
    result = run("catalogue", "build", "--source", str(bad), "--output", str(out))
    assert result.returncode == 1
    assert "niet gewijzigd" in result.stderr
    assert out.read_bytes() == before


def test_catalogue_search_prints_ranked_hits():
    result = run("catalogue", "search", "mantelzorg", "--limit", "5")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert 0 < len(lines) <= 5
    assert any(line.startswith("mantelscan\t") for line in lines)
    assert "gevonden" in result.stderr


def test_build_without_a_source_checkout_asks_for_source_and_output(monkeypatch, tmp_path, capsys):
    from gala_desktop import cli, paths

    monkeypatch.setattr(paths, "catalogue_source_dir", lambda: tmp_path / "bestaat-niet")
    assert cli.main(["catalogue", "build"]) == 2
    assert "--source MAP --output" in capsys.readouterr().err


def test_export_adds_the_pdf_suffix(tmp_path):
    example = Path(__file__).resolve().parents[1] / "examples" / "voorbeeld-gemeente-lindeveen.gala"
    result = run("export", str(example), "--output", str(tmp_path / "bijlage"))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bijlage.pdf"]
    assert (tmp_path / "bijlage.pdf").read_bytes().startswith(b"%PDF")


def test_export_refuses_another_kind_of_file_and_keeps_a_dot_in_the_name(tmp_path, capsys):
    from gala_desktop import cli

    example = Path(__file__).resolve().parents[1] / "examples" / "voorbeeld-gemeente-lindeveen.gala"
    for name in ("bijlage.doc", "out.txt", "bijlage.ODT"):
        assert cli.main(["export", str(example), "-o", str(tmp_path / name)]) == 2
        assert "gebruik .pdf of .docx" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
    assert cli.main(["export", str(example), "-o", str(tmp_path / "Bijlage versie 2.0"),
                     "--format", "docx"]) == 0
    assert cli.main(["export", str(example), "-o", str(tmp_path / "Bijlage St.Jansdal"),
                     "--format", "docx"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Bijlage St.Jansdal.docx",
                                                           "Bijlage versie 2.0.docx"]


def test_build_and_pack_without_sqlalchemy_say_they_need_a_source_install(monkeypatch, tmp_path, capsys):
    """The frozen program leaves SQLAlchemy out: it reads catalogues, it does not build them."""
    from gala_desktop import cli

    monkeypatch.setitem(sys.modules, "sqlalchemy", None)  # import sqlalchemy raises ImportError
    output = tmp_path / "c.sqlite"
    assert cli.main(["catalogue", "build", "--source", str(tmp_path), "--output", str(output)]) == 2
    assert "broninstallatie" in capsys.readouterr().err
    assert cli.main(["catalogue", "pack", "--key", str(tmp_path / "k"), "--output",
                     str(tmp_path / "u.galacat")]) == 2
    assert "broninstallatie" in capsys.readouterr().err
    assert not output.exists()
    # reading still works without it
    assert cli.main(["catalogue", "search", "mantelzorg"]) == 0


def test_pack_of_a_built_catalogue_needs_no_sqlalchemy(monkeypatch, tmp_path, capsys):
    """`pack --catalogue` works in the frozen program, which has no SQLAlchemy and no builder."""
    import shutil

    from gala_desktop import cli, paths
    from gala_desktop.catalogue import signing

    private, _ = signing.generate_key_pair(tmp_path / "sleutel")
    database = tmp_path / "catalogue.sqlite"
    shutil.copy(paths.shipped_catalogue(), database)
    monkeypatch.setitem(sys.modules, "sqlalchemy", None)  # import sqlalchemy raises ImportError
    monkeypatch.setitem(sys.modules, "gala_desktop.catalogue.builder", None)
    assert cli.main(["catalogue", "pack", "--key", str(private), "--catalogue", str(database),
                     "--output", str(tmp_path / "u.galacat")]) == 0
    assert "Catalogusbijwerking gemaakt" in capsys.readouterr().out


def test_key_and_update_file_errors_are_in_dutch(tmp_path, capsys):
    from gala_desktop import cli

    errors = []
    assert cli.main(["catalogue", "keygen", "--output", str(tmp_path / "bestaat-niet" / "k")]) == 1
    errors.append(capsys.readouterr().err)
    assert "De sleutels kunnen niet worden geschreven" in errors[-1] and "De map bestaat niet" in errors[-1]
    assert cli.main(["catalogue", "install", str(tmp_path / "weg.galacat")]) == 1
    errors.append(capsys.readouterr().err)
    assert "Het bestand bestaat niet (meer)." in errors[-1]
    assert cli.main(["catalogue", "install", str(tmp_path)]) == 1
    errors.append(capsys.readouterr().err)
    assert "Dit is een map, geen bestand." in errors[-1]
    for text in errors:
        assert "No such file" not in text and "Is a directory" not in text and "Errno" not in text


def test_a_folder_opened_as_a_file_is_named_a_folder_also_as_windows_reports_it(tmp_path):
    from gala_desktop.file_errors import read_failure_reason

    denied = PermissionError(13, "Permission denied", str(tmp_path))  # Windows: a folder
    assert read_failure_reason(denied) == "Dit is een map, geen bestand."
    locked = PermissionError(13, "Permission denied", str(tmp_path / "plan.galacat"))
    assert "geen toestemming" in read_failure_reason(locked)
