"""Bestand → Catalogus bijwerken… and Vorige catalogus terugzetten, driven with qtbot."""

from __future__ import annotations

import shutil

import pytest

from gala_desktop import paths
from gala_desktop.catalogue.repository import Catalogue
from gala_desktop.catalogue.store import CatalogueStore
from gala_desktop.catalogue.update_file import pack_update
from gala_desktop.domain.project import Project, ShortlistEntry, ThemeChoice
from gala_desktop.ui.main_window import MainWindow
from tests.ui.conftest import ScriptedDialogs
from update_support import build_small, intervention_toml as t, make_key

OLD = {"alfa": t("alfa", "Alfa"), "beta": t("beta", "Beta"), "gamma": t("gamma", "Gamma")}
NEW = {"alfa": t("alfa", "Alfa", level="goed_onderbouwd"), "beta": t("beta", "Beta Plus"),
       "delta": t("delta", "Delta")}


@pytest.fixture()
def setup(tmp_path, monkeypatch, qtbot):
    shipped = build_small(tmp_path / "shipped", OLD, "2026-11-01")
    monkeypatch.setattr(paths, "shipped_catalogue", lambda: shipped)
    private, trusted = make_key(tmp_path / "keys")
    key_dir = tmp_path / "trusted"
    key_dir.mkdir()
    shutil.copy(trusted.path, key_dir / "test.pub")
    monkeypatch.setattr(paths, "trusted_keys_dir", lambda: key_dir)
    update = tmp_path / "catalogus-2026-11.galacat"
    pack_update(build_small(tmp_path / "new", NEW, "2026-11-20"), private, update)

    catalogue = Catalogue.open()
    win = MainWindow(catalogue)
    dialogs = ScriptedDialogs()
    win.files.dialogs = dialogs
    qtbot.addWidget(win, before_close_func=lambda w: w.session.undo_stack.setClean())
    project = Project(themes=[ThemeChoice("eenzaamheid")])
    for key in ("beta", "gamma", "alfa"):
        project.shortlist.append(ShortlistEntry.for_intervention(catalogue.get(key), "eenzaamheid"))
    win.session.replace(project, None)
    yield win, update, dialogs
    win.session.catalogue.close()


def open_dialog(qtbot, win, path):
    win.updater.check(path)
    qtbot.waitUntil(lambda: win.updater.dialog is not None, timeout=10000)
    return win.updater.dialog


def test_update_shows_the_differences_and_installs_only_on_bijwerken(qtbot, setup):
    win, update, _ = setup
    dialog = open_dialog(qtbot, win, update)
    assert "Nieuw: 1" in dialog.counts_label.text()
    assert "Verwijderd: 1" in dialog.counts_label.text()
    assert "Andere naam: 1" in dialog.counts_label.text()
    assert "Hoger erkenningsniveau: 1" in dialog.counts_label.text()
    assert dialog.visible_keys() == ["alfa", "beta", "delta", "gamma"]
    dialog.search.setText("plus")
    assert dialog.visible_keys() == ["beta"]
    dialog.search.clear()
    dialog.kind.setCurrentIndex(dialog.kind.findText("Verwijderd (1)"))
    assert dialog.visible_keys() == ["gamma"]
    affected = dialog.affected_label.text()
    assert "3 interventie(s)" in affected and "Beta Plus" in affected and "niet meer in de catalogus" in affected
    assert win.session.catalogue.checked_on.isoformat() == "2026-11-01"  # nothing installed yet

    dialog.update_button.click()
    qtbot.waitUntil(lambda: win.session.catalogue.checked_on.isoformat() == "2026-11-20", timeout=5000)
    assert "peildatum 20 november 2026" in win.catalogue_info.text()
    assert win.session.catalogue.get("delta") is not None
    model = win.shortlist_panel.findChild(object, "shortlistView").model()
    by_key = {e.intervention_key: e.id for e in win.session.project.shortlist}
    assert any("Naam gewijzigd" in m for m in model.change_messages(by_key["beta"]))
    assert any("niet meer in de catalogus" in m for m in model.change_messages(by_key["gamma"]))
    assert any("Erkenningsniveau" in m for m in model.change_messages(by_key["alfa"]))

    assert win.updater.roll_back()
    assert win.session.catalogue.checked_on.isoformat() == "2026-11-01"
    assert model.change_messages(by_key["beta"]) == []


def test_cancel_leaves_the_catalogue_alone(qtbot, setup):
    win, update, _ = setup
    dialog = open_dialog(qtbot, win, update)
    dialog.reject()
    qtbot.waitUntil(lambda: win.updater.dialog is None)
    assert CatalogueStore().current() is None
    assert win.session.catalogue.checked_on.isoformat() == "2026-11-01"


def test_a_bad_file_is_refused_with_its_reason_and_the_program_keeps_working(qtbot, setup, tmp_path):
    win, _, dialogs = setup
    bad = tmp_path / "kapot.galacat"
    bad.write_bytes(b"PK\x03\x04 afgebroken")
    finished = []
    win.updater.finished.connect(finished.append)
    win.updater.check(bad)
    qtbot.waitUntil(lambda: finished == [False], timeout=10000)
    assert "beschadigd of onvolledig" in dialogs.errors[-1]
    assert "niet gewijzigd" in dialogs.errors[-1]
    assert win.session.catalogue.count() == 3
    win.browser.search_field.setText("beta")
    win.browser.run_search()
    assert win.browser.model.rowCount() == 1


def test_rollback_without_a_previous_catalogue_says_so(qtbot, setup):
    win, _, _ = setup
    assert win.updater.roll_back() is False


def test_an_update_the_program_cannot_use_is_named_in_the_status_bar(qtbot, setup):
    """An update installed under an older version (another database layout) is set aside: the
    window says so beside the catalogue it uses, with the whole reason in the tooltip."""
    import sqlite3

    from gala_desktop.catalogue.queries import SCHEMA_VERSION

    win, update, _ = setup
    assert win.catalogue_info.toolTip() == "" and "niet gebruikt" not in win.catalogue_info.text()
    store = CatalogueStore()
    entry = store.install(store.verify(update))
    with sqlite3.connect(store.root / entry.file) as conn:
        conn.execute("UPDATE catalogue_meta SET value = ? WHERE key = 'schema_version'",
                     (str(SCHEMA_VERSION - 1),))
    conn.close()
    catalogue = Catalogue.open()
    later = MainWindow(catalogue)  # the next start, with the upgraded program
    qtbot.addWidget(later)
    try:
        info = later.catalogue_info
        assert info.text() == ("Catalogus: 3 interventies · peildatum 1 november 2026 · uw update "
                               "wordt niet gebruikt")
        assert "andere versie van GALA Desktop" in info.toolTip()
        assert info.accessibleDescription() == info.toolTip()
    finally:
        catalogue.close()


def test_rolling_back_to_an_update_the_program_cannot_use_says_so(qtbot, setup, tmp_path):
    import sqlite3

    from gala_desktop.catalogue.queries import SCHEMA_VERSION

    win, update, dialogs = setup
    store = CatalogueStore()
    first = store.install(store.verify(update))
    private = tmp_path / "keys" / "test.key"
    newer = tmp_path / "catalogus-2026-11-25.galacat"
    pack_update(build_small(tmp_path / "newer", NEW, "2026-11-25"), private, newer)
    store.install(store.verify(newer))
    with sqlite3.connect(store.root / first.file) as conn:  # as an older version wrote it
        conn.execute("UPDATE catalogue_meta SET value = ? WHERE key = 'schema_version'",
                     (str(SCHEMA_VERSION - 1),))
    conn.close()
    assert win.updater.roll_back() is True
    assert win.session.catalogue.checked_on.isoformat() == "2026-11-01"  # the shipped one
    assert len(dialogs.infos) == 1 and "andere versie van GALA Desktop" in dialogs.infos[0][1]
    assert win.catalogue_info.text().endswith("uw update wordt niet gebruikt")


def test_enter_in_the_update_dialog_never_installs(qtbot, setup):
    from PySide6.QtCore import Qt

    win, update, _ = setup
    dialog = open_dialog(qtbot, win, update)
    assert not dialog.update_button.isDefault()
    dialog.search.setFocus()
    qtbot.keyClicks(dialog.search, "plus")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.updater.dialog is None, timeout=5000)
    assert win.session.catalogue.checked_on.isoformat() == "2026-11-01"  # nothing installed
