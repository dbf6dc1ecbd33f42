"""Hand-made and hostile input: every case is refused with a Dutch message, never a traceback,
a hang or a changed file."""

from __future__ import annotations

import errno
import json
import os
import socket
import subprocess
import sys
import threading

import pytest

from gala_desktop.annex.errors import write_error
from gala_desktop.catalogue.source import validate_path
from gala_desktop.catalogue.toml_limits import MAX_NESTING, nesting_depth
from gala_desktop.file_errors import write_failure_reason
from gala_desktop.project.document import (
    MAX_DEPTH,
    CorruptProjectError,
    UnreadableProjectError,
    load_project,
    project_from_dict,
)

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


def _document(project: dict, version: int = 1) -> dict:
    return {"format": "gala-desktop-project", "format_version": version, "saved_with": "0.1.0",
            "project": project}


def _deep(levels: int):
    value: object = []
    for _ in range(levels):
        value = [value]
    return value


def _write(tmp_path, text: str, name="x.gala"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _refused(path, error=CorruptProjectError) -> str:
    before = path.read_bytes() if path.is_file() else None
    with pytest.raises(error) as caught:
        load_project(path)
    if before is not None:
        assert path.read_bytes() == before
    return str(caught.value)


@pytest.mark.parametrize("levels", [MAX_DEPTH + 1, 500, 5000])
def test_deep_nesting_in_an_old_version_is_refused_before_migration(tmp_path, levels):
    document = _document({"title": "x", "extra": []}, version=0)
    # written by hand: json.dumps itself would recurse too deep
    text = json.dumps(document).replace('"extra": []', '"extra": ' + "[" * levels + "]" * levels)
    path = _write(tmp_path, text)
    message = _refused(path)
    assert "kan niet worden geopend" in message and ("genest" in message or "niet geldig" in message)


def test_deep_nesting_from_a_dict_is_refused_too():
    document = _document({"title": "x", "extra": _deep(MAX_DEPTH + 5)}, version=0)
    with pytest.raises(CorruptProjectError, match="genest"):
        project_from_dict(document)


def test_too_many_values_are_refused(tmp_path, monkeypatch):
    from gala_desktop.project import document as module

    monkeypatch.setattr(module, "MAX_VALUES", 1000)
    path = _write(tmp_path, json.dumps(_document({"authors": ["a"] * 2000})))
    assert "veel te veel gegevens" in _refused(path)


def test_duplicate_keys_are_an_error_not_last_wins(tmp_path):
    text = json.dumps(_document({"title": "Eerste"})).replace(
        '"title": "Eerste"', '"title": "Eerste", "title": "Tweede"')
    message = _refused(_write(tmp_path, text))
    assert "‘title’ staat twee keer" in message


@pytest.mark.parametrize("field", ["budget_cents", "reach"])
def test_negative_budget_and_reach_are_refused(tmp_path, field):
    entry = {"intervention_key": "x", "theme_key": "eenzaamheid",
             "snapshot": {"name": "X", "level": "goed_beschreven"}, "plan": {field: -5}}
    message = _refused(_write(tmp_path, json.dumps(_document({"shortlist": [entry]}))))
    assert f"‘{field}’ niet negatief" in message and "shortlist-item 1 (‘X’)" in message


@needs_fifo
def test_a_fifo_is_refused_without_waiting(tmp_path):
    fifo = tmp_path / "x.gala"
    os.mkfifo(fifo)
    outcome = {}
    reader = threading.Thread(target=lambda: outcome.update(msg=_refused(fifo, UnreadableProjectError)),
                              daemon=True)
    reader.start()
    reader.join(10)
    assert not reader.is_alive(), "reading a FIFO hung"
    assert "geen gewoon bestand" in outcome["msg"]


def test_a_device_and_a_socket_are_refused(tmp_path):
    if os.path.exists("/dev/null"):
        with pytest.raises(UnreadableProjectError, match="geen gewoon bestand"):
            load_project("/dev/null")
    if hasattr(socket, "AF_UNIX"):
        path = tmp_path / "s.gala"
        server = socket.socket(socket.AF_UNIX)
        try:
            server.bind(str(path))
            assert "geen gewoon bestand" in _refused(path, UnreadableProjectError)
        finally:
            server.close()


@needs_fifo
def test_cli_export_refuses_a_fifo(tmp_path):
    fifo = tmp_path / "x.gala"
    os.mkfifo(fifo)
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    done = subprocess.run([sys.executable, "-m", "gala_desktop", "export", str(fifo), "-o",
                           str(tmp_path / "b.pdf")], capture_output=True, text=True, timeout=120,
                          env=env, encoding="utf-8")
    assert done.returncode == 1
    assert "geen gewoon bestand" in done.stderr and "Traceback" not in done.stderr


@needs_fifo
def test_catalogue_validate_refuses_a_fifo(tmp_path):
    fifo = tmp_path / "x.toml"
    os.mkfifo(fifo)
    assert any("geen gewoon bestand" in str(p) for p in validate_path(fifo))


@pytest.mark.parametrize("opening", ["[", "{a="])
def test_deep_toml_is_refused_before_parsing(tmp_path, opening):
    close = "]" if opening == "[" else "}"
    source = tmp_path / "diep.toml"
    source.write_text("key = 'x'\nwaarde = " + opening * 3000 + "1" + close * 3000 + "\n",
                      encoding="utf-8")
    assert any("te diep genest" in str(p) for p in validate_path(source))


def test_toml_nesting_ignores_brackets_in_text_and_comments():
    text = 'a = "[[[[[[[[[[[[[[[[[[[[[[[[" # [[[[[[[[[[[[[[[[[[[[[[[[[[\nb = [[1], [2]]\n' \
           "c = '''{{{{{{{{{{{{{{{{{{{{{{{{{'''\nd = \"a\\\"[[[[\"\n"
    assert nesting_depth(text) == 2 < MAX_NESTING


def test_huge_toml_is_refused(tmp_path):
    source = tmp_path / "groot.toml"
    source.write_bytes(b"# " + b"x" * (2 * 1024 * 1024))
    assert any("veel te groot" in str(p) for p in validate_path(source))


def test_read_only_file_system_gets_the_read_only_message(tmp_path):
    err = OSError(errno.EROFS, "Read-only file system")
    assert "alleen-lezen" in write_failure_reason(err)
    message = str(write_error(err, tmp_path / "bijlage.pdf"))
    assert "alleen-lezen" in message and "ander programma" not in message
    protected = PermissionError(errno.EACCES, "Access is denied")
    protected.winerror = 19  # ERROR_WRITE_PROTECT, as Windows reports a read-only share
    assert "alleen-lezen" in write_failure_reason(protected)
    assert "ander programma" in write_failure_reason(PermissionError(errno.EACCES, "denied"))


@pytest.mark.parametrize("args", [["-eenzaam"], ["--", "-eenzaam"], ["-eenzaam", "--limit", "3"],
                                  ["--limit", "3", "-eenzaam"]])
def test_catalogue_search_for_a_word_starting_with_a_dash(args):
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    done = subprocess.run([sys.executable, "-m", "gala_desktop", "catalogue", "search", *args],
                          capture_output=True, text=True, timeout=120, env=env, encoding="utf-8")
    assert done.returncode == 0, done.stderr
    assert "gevonden voor '-eenzaam'" in done.stderr
    assert done.stdout.strip()


@pytest.mark.skipif(not hasattr(os, "fork") or sys.platform == "darwin", reason="POSIX file size limit")
def test_catalogue_build_on_a_full_disk_says_so_in_dutch(tmp_path):
    from gala_desktop import paths

    existing = tmp_path / "catalogue.sqlite"
    existing.write_bytes(b"de vorige catalogus")
    # the child may write at most 100 kB per file: the disk "fills up" during the build
    script = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (100_000, 100_000))\n"
        "from gala_desktop import cli\n"
        "sys.exit(cli.main(sys.argv[1:]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, "catalogue", "build", "--source",
         str(paths.catalogue_source_dir()), "--output", str(existing)],
        capture_output=True, text=True, timeout=300, encoding="utf-8")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "de schijf is vol" in done.stderr and "niet gewijzigd" in done.stderr
    assert existing.read_bytes() == b"de vorige catalogus"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["catalogue.sqlite"]  # no leftovers
