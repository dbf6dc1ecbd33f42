"""A damaged catalogue is found when it is opened: one Dutch message, no traceback, and the
program still opens projects and exports them from their snapshots."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys

import pytest

from gala_desktop import cli, paths
from gala_desktop.catalogue.integrity import check_open
from gala_desktop.catalogue.repository import Catalogue, DamagedCatalogueError
from gala_desktop.catalogue.unavailable import UnavailableCatalogue
from gala_desktop.domain.project import EntryStatus, Project, ShortlistEntry
from gala_desktop.project.document import save_project

DAMAGE = {
    "level": ("UPDATE listing SET level = 'super_effectief' WHERE rowid = (SELECT min(rowid) FROM listing)",
              "onbekende waarde(n) in listing.level: super_effectief"),
    "databank": ("UPDATE listing SET databank = 'elders' WHERE rowid = (SELECT min(rowid) FROM listing)",
                 "listing.databank: elders"),
    "date": ("UPDATE intervention SET checked_on = '2024-13-45' WHERE rowid = 1",
             "ongeldige datum in intervention.checked_on: '2024-13-45'"),
    "partial date": ("UPDATE listing SET recognised_on = 'gisteren' WHERE rowid = 1",
                     "ongeldige datum in listing.recognised_on"),
    "peildatum": ("UPDATE catalogue_meta SET value = 'ooit' WHERE key = 'checked_on'",
                  "peildatum van de catalogus ontbreekt of is ongeldig"),
    "dropped table": ("DROP TABLE condition", "de tabel(len) condition ontbreken"),
    "dropped column": ("ALTER TABLE listing DROP COLUMN note", "in de tabel listing ontbreken de kolommen note"),
    "schema version": ("UPDATE catalogue_meta SET value = '99' WHERE key = 'schema_version'",
                       "de catalogus heeft indeling 99"),
}


def _damaged(tmp_path, shipped_catalogue_path, statement: str):
    path = tmp_path / "catalogue.sqlite"
    shutil.copyfile(shipped_catalogue_path, path)
    conn = sqlite3.connect(path)
    conn.execute(statement)
    conn.commit()
    conn.close()
    return path


def test_the_shipped_catalogue_passes(catalogue):
    check_open(catalogue._conn())


@pytest.mark.parametrize("kind", sorted(DAMAGE))
def test_damage_is_one_clear_dutch_message(tmp_path, shipped_catalogue_path, kind):
    statement, reason = DAMAGE[kind]
    path = _damaged(tmp_path, shipped_catalogue_path, statement)
    with pytest.raises(DamagedCatalogueError) as caught:
        Catalogue.open(path)
    message = str(caught.value)
    assert message.startswith("De interventiecatalogus (catalogue.sqlite) is beschadigd: ")
    assert reason in message
    assert "projecten openen en exporteren kan wel" in message


def test_a_catalogue_of_the_previous_schema_is_named_by_its_version_not_its_missing_table(
    tmp_path, shipped_catalogue_path
):
    """Schema 5 had no search_text table: opened directly (``--catalogue``), its version is
    the reason given, not a table it never had."""
    path = _damaged(tmp_path, shipped_catalogue_path, "DROP TABLE search_text")
    conn = sqlite3.connect(path)
    conn.execute("UPDATE catalogue_meta SET value = '5' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(DamagedCatalogueError) as caught:
        Catalogue.open(path)
    assert "de catalogus heeft indeling 5; dit programma leest indeling 6" in str(caught.value)
    assert "search_text" not in str(caught.value)


def test_not_a_database_at_all(tmp_path):
    path = tmp_path / "catalogue.sqlite"
    path.write_bytes(b"dit is geen database" * 100)
    with pytest.raises(DamagedCatalogueError, match="is beschadigd: het bestand is geen leesbare catalogus"):
        Catalogue.open(path)


@pytest.mark.parametrize("command", [["catalogue", "search", "eenzaam"], ["catalogue", "export"]])
def test_cli_gives_the_message_without_a_traceback(tmp_path, shipped_catalogue_path, command):
    path = _damaged(tmp_path, shipped_catalogue_path, DAMAGE["level"][0])
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    done = subprocess.run([sys.executable, "-m", "gala_desktop", *command, "--catalogue", str(path)],
                          capture_output=True, text=True, timeout=120, env=env, encoding="utf-8")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().count("\n") == 0 and "is beschadigd" in done.stderr


def test_cli_export_works_from_snapshots_with_a_damaged_catalogue(
        tmp_path, shipped_catalogue_path, monkeypatch, capsys, catalogue):
    from pypdf import PdfReader

    damaged = _damaged(tmp_path, shipped_catalogue_path, DAMAGE["dropped table"][0])
    monkeypatch.setattr(paths, "shipped_catalogue", lambda: damaged)
    from gala_desktop.catalogue import store

    monkeypatch.setattr(store, "active_catalogue", lambda: (damaged, ""))
    entry = ShortlistEntry.for_intervention(catalogue.get("de-luisterlijn"), "eenzaamheid")
    entry.status = EntryStatus.CHOSEN
    project_path = tmp_path / "plan.gala"
    save_project(Project(gemeente="Lindeveen", title="Samen sterk", shortlist=[entry]), project_path)
    assert cli.main(["export", str(project_path), "-o", str(tmp_path / "bijlage.pdf")]) == 0
    err = capsys.readouterr().err
    assert "is beschadigd" in err
    text = "".join(page.extract_text() for page in PdfReader(tmp_path / "bijlage.pdf").pages)
    assert "De Luisterlijn" in text and "Samen sterk" in text


def test_unavailable_catalogue_finds_nothing_and_reports_no_removals():
    stand_in = UnavailableCatalogue(None, "kapot")
    assert stand_in.search(None).items == [] and stand_in.count() == 0
    assert stand_in.get_many(["x"]) == {} and not stand_in.available
