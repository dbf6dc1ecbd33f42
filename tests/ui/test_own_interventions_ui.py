"""Own interventions (eigen interventies), driven with qtbot: create, find, shortlist, save,
reopen on a fresh user profile from the .gala alone, export — and edit, undo, share."""

from __future__ import annotations

import json

import pypdf
import pytest
from PySide6.QtCore import Qt

from gala_desktop import paths
from gala_desktop.annex.builder import AnnexOptions
from gala_desktop.domain.own import NOT_RECOGNISED, OWN_LABEL
from gala_desktop.domain.project import EntryStatus, Project, ThemeChoice
from gala_desktop.project.document import FORMAT_VERSION, load_project
from gala_desktop.ui.export_flow import export_job
from gala_desktop.ui.jobs import JobRunner
from gala_desktop.ui.main_window import MainWindow
from gala_desktop.ui.result_model import LEVEL
from tests.ui.conftest import ScriptedDialogs


def make_window(qtbot, catalogue, dialogs=None) -> MainWindow:
    win = MainWindow(catalogue)
    win.files.dialogs = dialogs or ScriptedDialogs()
    qtbot.addWidget(win, before_close_func=lambda w: w.session.undo_stack.setClean())
    win.show()
    qtbot.waitExposed(win)
    return win


def fill_form(form, name="Wandelgroep De Hoven") -> None:
    form.name.setText(name)
    form.summary.setPlainText("Elke dinsdag wandelen buren samen een uur door de wijk, met koffie na afloop.")
    form.aim.setPlainText("Bewegen en ontmoeten voor ouderen die alleen wonen.")
    form.approach.setPlainText("Vrijwilligers van het buurthuis lopen mee en halen deelnemers op.")
    form.target_group.setText("Ouderen in De Hoven")
    form.owner.setText("Buurthuis De Hoven")
    form.website.setText("https://example.org/wandelgroep")
    form.costs.setPlainText("Circa € 500 per jaar voor koffie en hesjes.")
    for i in range(form.themes.count()):
        if form.themes.item(i).data(Qt.ItemDataRole.UserRole) == "eenzaamheid":
            form.themes.item(i).setCheckState(Qt.CheckState.Checked)
    form.groups.item(0).setCheckState(Qt.CheckState.Checked)
    form.add_condition(text="Twee vaste vrijwilligers per groep.")


def test_create_find_shortlist_save_reopen_elsewhere_and_export(qtbot, catalogue, tmp_path, monkeypatch):
    win = make_window(qtbot, catalogue)
    win.session.replace(Project(gemeente="Lindeveen", themes=[ThemeChoice("eenzaamheid")]), None)

    # create, from the catalogue tab
    qtbot.mouseClick(win.browser.own_add_button, Qt.MouseButton.LeftButton)
    form = win.own.form
    assert form is not None and form.isVisible()
    form.accept()  # nothing filled in: refused with a reason
    assert form.isVisible() and "naam" in form.error.text()
    fill_form(form)
    form.accept()
    qtbot.waitUntil(lambda: win.own.form is None)
    assert win.session.own_library.count() == 1

    # found by search, shown as not recognised (text and icon)
    win.browser.search_field.setText("wandel")
    win.browser.run_search()
    model = win.browser.model
    assert model.rowCount() >= 1
    row = next(r for r in range(model.rowCount()) if model.summary(r).name == "Wandelgroep De Hoven")
    level = model.index(row, LEVEL)
    assert level.data() == "Eigen, niet erkend"
    assert level.data(Qt.ItemDataRole.AccessibleTextRole) == OWN_LABEL
    assert not level.data(Qt.ItemDataRole.DecorationRole).isNull()
    key = model.summary(row).key
    # the herkomst facet: only own, only databank
    win.browser.filters.origin.set_selected({"eigen"})
    win.browser.search_field.setText("")
    win.browser.run_search()
    assert [model.summary(r).key for r in range(model.rowCount())] == [key]
    win.browser.filters.origin.set_selected({"databank"})
    win.browser.run_search()
    assert key not in [model.summary(r).key for r in range(model.rowCount())]
    assert model.rowCount() == catalogue.count()
    win.browser.filters.clear()
    win.browser.search_field.setText("wandelgroep")
    win.browser.run_search()
    assert win.browser.select_key(key)
    assert NOT_RECOGNISED in win.browser.detail.toPlainText()

    # shortlisted and saved
    entry_id = win.browser.add_current_to_theme("eenzaamheid")
    assert entry_id
    win.session.project.entry(entry_id).status = EntryStatus.CHOSEN
    saved = tmp_path / "visie.gala"
    win.files.dialogs.paths.append(saved)
    assert win.files.save_as()
    raw = json.loads(saved.read_text(encoding="utf-8"))
    assert raw["format_version"] == FORMAT_VERSION >= 2  # own interventions came with version 2
    kept = raw["project"]["shortlist"][0]["snapshot"]["own_intervention"]
    assert kept["name"] == "Wandelgroep De Hoven" and kept["approach"].startswith("Vrijwilligers")

    # export the library for a colleague
    shared = tmp_path / "eigen-interventies.json"
    assert win.own.export_to(shared) == 1
    win.close()

    # a colleague: a fresh user profile, only the .gala file
    fresh = tmp_path / "collega"
    monkeypatch.setattr(paths, "data_dir", lambda: fresh / "data")
    monkeypatch.setattr(paths, "config_dir", lambda: fresh / "config")
    monkeypatch.setattr(paths, "settings_file", lambda: fresh / "config" / "settings.ini")
    other = make_window(qtbot, catalogue)
    assert other.session.own_library.count() == 0
    assert other.files.open_project(saved)
    entry = other.session.project.entry(entry_id)
    shortlist = other.shortlist_panel.model
    index = shortlist.index_of_entry(entry_id, 3)
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == OWN_LABEL
    assert shortlist.change_messages(entry_id) == []  # not "no longer in the catalogue"
    assert other.session.catalogue.get(entry.intervention_key).summary.startswith("Elke dinsdag")

    pdf = tmp_path / "bijlage.pdf"
    job = export_job(other.session, pdf, AnnexOptions(), JobRunner.of(other))
    with qtbot.waitSignal(job.done, timeout=60000) as done:
        pass  # the result arrives queued, through the event loop this waits in
    assert done.args[0] is True, done.args
    text = " ".join((page.extract_text() or "") for page in pypdf.PdfReader(pdf).pages)
    flat = " ".join(text.split())
    assert "Wandelgroep De Hoven" in flat
    assert "Eigen interventie — niet erkend" in flat
    assert "Zij is niet erkend" in flat
    assert "Elke dinsdag wandelen buren samen" in flat
    assert "1 eigen interventie (niet erkend)" in flat

    # the colleague imports the shared file: one new intervention
    dialog = other.own.start_import(shared)
    assert dialog.counts == (1, 0, 0)
    dialog.accept()
    qtbot.waitUntil(lambda: other.own.import_dialog is None)
    assert other.session.own_library.get(entry.intervention_key) is not None
    assert load_project(saved).shortlist[0].snapshot.own.name == "Wandelgroep De Hoven"


def test_edit_is_undoable_and_renews_the_projects_copy(qtbot, catalogue):
    win = make_window(qtbot, catalogue)
    win.session.replace(Project(themes=[ThemeChoice("eenzaamheid")]), None)
    form = win.own.add()
    fill_form(form, "Taalcafé")
    form.accept()
    key = win.session.own_library.all()[0].key
    entry_id = win.browser.add_to_theme(key, "eenzaamheid")

    form = win.own.edit(key)
    assert form.name.text() == "Taalcafé"
    form.name.setText("Taalcafé in de bibliotheek")
    form.accept()
    assert win.session.own_library.get(key).name == "Taalcafé in de bibliotheek"
    assert win.session.project.entry(entry_id).snapshot.name == "Taalcafé in de bibliotheek"
    win.session.undo_stack.undo()
    assert win.session.own_library.get(key).name == "Taalcafé"
    assert win.session.project.entry(entry_id).snapshot.name == "Taalcafé"

    assert win.own.delete(key)
    assert win.session.own_library.get(key) is None
    assert win.session.project.entry(entry_id).snapshot.own is not None  # the project keeps its copy
    win.session.undo_stack.undo()
    assert win.session.own_library.get(key).name == "Taalcafé"


def test_import_never_overwrites_a_changed_intervention_silently(qtbot, catalogue, tmp_path):
    win = make_window(qtbot, catalogue)
    form = win.own.add()
    fill_form(form, "Buurtmoestuin")
    form.accept()
    mine = win.session.own_library.all()[0]
    shared = tmp_path / "gedeeld.json"
    win.own.export_to(shared)
    data = json.loads(shared.read_text(encoding="utf-8"))
    data["interventions"][0]["name"] = "Buurtmoestuin (versie collega)"
    shared.write_text(json.dumps(data), encoding="utf-8")

    dialog = win.own.start_import(shared)
    assert dialog.counts == (0, 1, 0)
    dialog.accept()
    qtbot.waitUntil(lambda: win.own.import_dialog is None)
    assert win.session.own_library.get(mine.key).name == "Buurtmoestuin"  # not ticked: kept

    dialog = win.own.start_import(shared)
    dialog.set_checked(mine.key, True)
    dialog.accept()
    qtbot.waitUntil(lambda: win.own.import_dialog is None)
    assert win.session.own_library.get(mine.key).name == "Buurtmoestuin (versie collega)"


@pytest.mark.parametrize("content, reason", [
    (b"geen json", "geen leesbaar bestand"),
    (b'{"format": "iets anders"}', "geen bestand met eigen interventies"),
    (b'{"format": "gala-desktop-eigen-interventies", "format_version": 99, "interventions": []}', "nieuwere versie"),
])
def test_import_refuses_bad_files(qtbot, catalogue, tmp_path, content, reason):
    dialogs = ScriptedDialogs()
    win = make_window(qtbot, catalogue, dialogs)
    bad = tmp_path / "slecht.json"
    bad.write_bytes(content)
    assert win.own.start_import(bad) is None
    assert reason in dialogs.errors[-1] and "niets geïmporteerd" in dialogs.errors[-1]


def test_export_that_cannot_be_written_says_why_in_dutch_and_keeps_the_old_file(qtbot, catalogue, tmp_path,
                                                                                monkeypatch):
    from gala_desktop.ui import file_dialogs

    dialogs = ScriptedDialogs()
    win = make_window(qtbot, catalogue, dialogs)
    missing = tmp_path / "weg" / "eigen-interventies.json"
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *args: (str(missing), ""))
    win.own.export_interactive()
    assert "De map bestaat niet (meer)." in dialogs.errors[-1]
    assert "No such file" not in dialogs.errors[-1]
    # a good export over an existing file replaces it whole
    target = tmp_path / "eigen-interventies.json"
    target.write_text("oud", encoding="utf-8")
    assert win.own.export_to(target) == len(win.session.own_library.all())
    assert json.loads(target.read_text(encoding="utf-8"))["format"] == "gala-desktop-eigen-interventies"


def test_an_import_of_many_is_one_step_and_one_index_rebuild(qtbot, catalogue, tmp_path, monkeypatch):
    from gala_desktop.catalogue.own_library import OwnLibrary

    win = make_window(qtbot, catalogue)
    for name in ("Buurtmoestuin", "Wijkwandeling", "Taalcafé"):
        form = win.own.add()
        fill_form(form, name)
        form.accept()
    shared = tmp_path / "gedeeld.json"
    win.own.export_to(shared)
    library = win.session.own_library
    for item in library.all():
        library.delete(item.key)
    assert library.all() == []
    rebuilds = []
    real = OwnLibrary._rebuild_index
    monkeypatch.setattr(OwnLibrary, "_rebuild_index", lambda self: (rebuilds.append(1), real(self)))
    steps = win.session.undo_stack.count()
    dialog = win.own.start_import(shared)
    assert dialog.counts == (3, 0, 0)
    dialog.accept()
    qtbot.waitUntil(lambda: win.own.import_dialog is None)
    assert sorted(i.name for i in library.all()) == ["Buurtmoestuin", "Taalcafé", "Wijkwandeling"]
    assert len(rebuilds) == 1 and win.session.undo_stack.count() == steps + 1
    win.session.undo_stack.undo()
    assert library.all() == [] and len(rebuilds) == 2


def test_a_library_that_cannot_be_written_loses_nothing_typed(qtbot, catalogue, monkeypatch):
    import sqlite3

    from gala_desktop.catalogue.own_library import OwnLibrary

    dialogs = ScriptedDialogs()
    win = make_window(qtbot, catalogue, dialogs)
    real = OwnLibrary.change

    def full_disk(self, put, delete):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(OwnLibrary, "change", full_disk)
    steps = win.session.undo_stack.count()
    form = win.own.add()
    fill_form(form, "Buurtmoestuin")
    form.accept()
    assert "niet opgeslagen" in dialogs.errors[-1] and "weer open" in dialogs.errors[-1]
    assert win.session.undo_stack.count() == steps  # no step that did nothing
    assert win.own.form is form and form.isVisible()  # what was typed is still there
    assert win.session.own_library.all() == []
    monkeypatch.setattr(OwnLibrary, "change", real)
    form.accept()  # the disk has room again
    assert [i.name for i in win.session.own_library.all()] == ["Buurtmoestuin"]
    assert win.session.undo_stack.count() == steps + 1


def test_an_undo_that_cannot_write_the_library_says_so_in_dutch(qtbot, catalogue, monkeypatch):
    """Ctrl+Z of an own-intervention change on a full disk: nothing changes, the officer is told
    why, and the step leaves the history (it could not be undone)."""
    import sqlite3

    from gala_desktop.catalogue.own_library import OwnLibrary
    from gala_desktop.file_errors import database_write_reason

    dialogs = ScriptedDialogs()
    win = make_window(qtbot, catalogue, dialogs)
    form = win.own.add()
    fill_form(form, "Buurtmoestuin")
    form.accept()
    steps = win.session.undo_stack.count()
    errors = len(dialogs.errors)

    def full_disk(self, put, delete):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(OwnLibrary, "change", full_disk)
    win.session.undo_stack.undo()
    qtbot.waitUntil(lambda: len(dialogs.errors) > errors)
    message = dialogs.errors[-1]
    assert message.startswith("Ongedaan maken van ‘Eigen interventie toegevoegd’ is niet gelukt")
    assert "niet gewijzigd" in message
    assert database_write_reason(sqlite3.OperationalError("database or disk is full")) in message
    assert [i.name for i in win.session.own_library.all()] == ["Buurtmoestuin"]
    assert win.session.undo_stack.count() == steps - 1


@pytest.mark.parametrize("discard", [False, True])
def test_escape_on_a_filled_in_form_asks_before_dropping_it(qtbot, catalogue, monkeypatch, discard):
    from PySide6.QtCore import Qt

    from gala_desktop.ui import own_form
    from gala_desktop.ui.own_form import OwnInterventionDialog

    asked = []
    monkeypatch.setattr(own_form.OwnInterventionDialog, "_discard",
                        lambda self: asked.append(self.name.text()) or discard)
    form = OwnInterventionDialog(catalogue.target_groups())
    qtbot.addWidget(form)
    form.show()
    qtbot.keyClick(form, Qt.Key.Key_Escape)  # nothing typed: closes without a question
    assert asked == [] and not form.isVisible()
    form.show()
    form.name.setText("Wandelgroep De Hoven")
    form.summary.setPlainText("Elke dinsdag samen wandelen.")
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert asked == ["Wandelgroep De Hoven"]
    assert form.isVisible() is not discard
    assert form.name.text() == "Wandelgroep De Hoven"


def test_a_website_needs_http_or_https_and_an_address(qtbot, catalogue):
    from gala_desktop.ui.own_form import OwnInterventionDialog

    form = OwnInterventionDialog(catalogue.target_groups())
    qtbot.addWidget(form)
    form.name.setText("Taalcafé")
    for website, good in (("HTTPS://EXAMPLE.NL", True), ("https://example.nl/taal", True),
                          ("https://", False), ("www.example.nl", True), ("ftp://x.nl", False),
                          ("wandelgroep", False), ("www.example .nl", False)):
        form.website.setText(website)
        assert ("website" not in form.problem()) is good, website
    form.website.setText(" www.wandelgroep.nl ")  # as most people write an address
    assert form._filled()["website"] == "https://www.wandelgroep.nl"
