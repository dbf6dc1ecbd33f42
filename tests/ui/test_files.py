"""New / Open / Save / Save as, recent files, the unsaved-changes prompt, autosave and recovery.

The flows run against real files in ``tmp_path`` and the real project and recovery layers. The
user's answers come from a scripted ``Dialogs``; the real Dutch dialogs are clicked in
``test_real_dialogs_*``.
"""

from __future__ import annotations

import json
import os

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QPushButton

from gala_desktop import paths
from gala_desktop.domain.project import Project, ShortlistEntry, ThemeChoice
from gala_desktop.project.document import FORMAT_VERSION, load_project, project_to_dict, save_project
from gala_desktop.project.recovery import RecoveryStore
from gala_desktop.ui.commands import AddEntry, SetMetadata, SetThemeChosen
from gala_desktop.ui.file_actions import FileActions
from gala_desktop.ui.file_questions import (
    CANCEL,
    DISCARD,
    LATER,
    RESTORE,
    SAVE,
    Dialogs,
    recovery_description,
    with_suffix,
)
from gala_desktop.ui.session import ProjectSession
from gala_desktop.ui.settings import MAX_RECENT, AppSettings
from ended import end_abnormally
from tests.ui.conftest import ScriptedDialogs


@pytest.fixture()
def host(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    return window


@pytest.fixture()
def files(host, catalogue):
    session = ProjectSession(catalogue, host)
    actions = FileActions(host, session, AppSettings(), autosave_interval_ms=50)
    actions.dialogs = ScriptedDialogs()
    yield actions
    actions.autosave_timer.stop()


def _edit(files, **values):
    for field, value in values.items():
        files.session.push(SetMetadata(files.session, field, value))


def _project_with_entry(catalogue) -> Project:
    intervention = catalogue.get("de-luisterlijn")
    return Project(
        gemeente="Lindeveen", title="Samen sterk",
        themes=[ThemeChoice("eenzaamheid", "Veel alleenstaande ouderen")],
        shortlist=[ShortlistEntry.for_intervention(intervention, "eenzaamheid")],
    )


def test_with_suffix():
    from pathlib import Path

    assert with_suffix(Path("/a/plan")) == Path("/a/plan.gala")
    assert with_suffix(Path("/a/plan.GALA")) == Path("/a/plan.GALA")
    assert with_suffix(Path("/a/plan.v2")) == Path("/a/plan.v2.gala")


def test_save_as_adds_suffix_and_reopen_gives_an_equal_project(files, tmp_path, catalogue):
    files.session.replace(_project_with_entry(catalogue), None)
    _edit(files, period="2027–2030")
    files.dialogs.paths = [tmp_path / "lindeveen"]
    assert files.save()
    target = tmp_path / "lindeveen.gala"
    assert target.is_file()
    assert files.session.path == target.resolve()
    assert not files.session.is_modified
    assert "path:" in files.dialogs.asked[0] and "Samen sterk – Lindeveen.gala" in files.dialogs.asked[0]
    assert load_project(target) == files.session.project
    assert files.settings.recent_files() == [target.resolve()]

    saved = files.session.project
    assert files.new_project()
    assert files.session.project == Project()
    assert files.open_project(target)
    assert files.session.project == saved
    assert files.session.project is not saved


def test_second_save_writes_to_the_same_file_without_asking(files, tmp_path):
    target = tmp_path / "plan.gala"
    files.dialogs.paths = [target]
    _edit(files, gemeente="Lindeveen")
    assert files.save()
    _edit(files, title="Tweede versie")
    assert files.session.is_modified
    assert files.save()
    assert load_project(target).title == "Tweede versie"
    assert sum(a.startswith("path:") for a in files.dialogs.asked) == 1


def test_cancelled_save_dialog_keeps_the_project_modified(files):
    _edit(files, gemeente="Lindeveen")
    files.dialogs.paths = [None]
    assert not files.save()
    assert files.session.is_modified


@pytest.mark.parametrize(
    "answer, expected_result, expected_title",
    [(DISCARD, True, ""), (CANCEL, False, "Onbewaard"), (SAVE, True, "")],
)
def test_new_with_unsaved_changes_asks(files, tmp_path, answer, expected_result, expected_title):
    _edit(files, title="Onbewaard")
    files.dialogs.answers = [answer]
    files.dialogs.paths = [tmp_path / "bewaard.gala"]
    assert files.new_project() is expected_result
    assert files.dialogs.asked[0] == "save:Naamloos"
    assert files.session.project.title == expected_title
    if answer == SAVE:
        assert load_project(tmp_path / "bewaard.gala").title == "Onbewaard"


def test_open_with_unsaved_changes_and_cancel_keeps_everything(files, tmp_path):
    other = tmp_path / "ander.gala"
    save_project(Project(title="Ander"), other)
    _edit(files, title="Mijn werk")
    files.dialogs.answers = [CANCEL]
    assert not files.open_project(other)
    assert files.session.project.title == "Mijn werk"
    assert files.session.is_modified


def test_save_in_the_prompt_that_fails_cancels_the_close(files, tmp_path):
    _edit(files, title="Mijn werk")
    files.dialogs.answers = [SAVE]
    files.dialogs.paths = [tmp_path / "bestaat-niet" / "plan.gala"]
    assert not files.maybe_save_changes()
    assert files.dialogs.errors and "niet worden opgeslagen" in files.dialogs.errors[0]
    assert files.session.is_modified


@pytest.mark.parametrize("kind", ["corrupt", "newer", "not-json"])
def test_bad_files_are_refused_unchanged(files, tmp_path, kind):
    good = tmp_path / "goed.gala"
    save_project(Project(title="Huidig"), good)
    assert files.open_project(good)
    bad = tmp_path / f"{kind}.gala"
    if kind == "newer":
        doc = project_to_dict(Project(title="Toekomst"))
        doc["format_version"] = FORMAT_VERSION + 1
        bad.write_text(json.dumps(doc), encoding="utf-8")
    elif kind == "corrupt":
        bad.write_bytes(b'{"format": "gala-desktop-project", "format_version": 1, "project": {"tit')
    else:
        bad.write_bytes(b"\x00\x01 geen project")
    before = bad.read_bytes()
    mtime = os.stat(bad).st_mtime_ns
    assert not files.open_project(bad)
    assert len(files.dialogs.errors) == 1
    message = files.dialogs.errors[0]
    assert bad.name in message and "niet gewijzigd" in message
    if kind == "newer":
        assert "nieuwere versie" in message
    assert files.session.project.title == "Huidig"
    assert files.session.path == good.resolve()
    assert bad.read_bytes() == before and os.stat(bad).st_mtime_ns == mtime
    assert bad.resolve() not in files.settings.recent_files()


def test_save_error_shows_message_and_keeps_modified(files, tmp_path):
    import shutil

    share = tmp_path / "netwerkschijf"
    share.mkdir()
    target = share / "plan.gala"
    save_project(Project(title="Oud"), target)
    assert files.open_project(target)
    _edit(files, title="Nieuw")
    shutil.rmtree(share)  # the network share went away
    assert not files.save()
    assert len(files.dialogs.errors) == 1
    assert "niet worden opgeslagen" in files.dialogs.errors[0]
    assert files.session.is_modified
    assert files.session.project.title == "Nieuw"
    assert not share.exists()  # nothing half-written appeared


def test_saving_onto_a_folder_name_fails_cleanly(files, tmp_path):
    (tmp_path / "map.gala").mkdir()
    _edit(files, title="Nieuw")
    files.dialogs.paths = [tmp_path / "map"]
    assert not files.save()
    assert files.dialogs.errors
    assert files.session.path is None and files.session.is_modified


def test_recent_files_newest_first_max_ten_kept_while_out_of_reach(files, tmp_path):
    created = []
    for i in range(MAX_RECENT + 2):
        path = tmp_path / f"p{i}.gala"
        save_project(Project(title=str(i)), path)
        files.settings.add_recent_file(path)
        created.append(path.resolve())
    recent = files.settings.recent_files()
    assert recent == list(reversed(created))[:MAX_RECENT]
    created[-1].unlink()  # or its share is away: the list is not checked on disk
    assert files.settings.recent_files() == list(reversed(created))[:MAX_RECENT]
    # survives a fresh settings object (the INI file)
    assert AppSettings().recent_files() == list(reversed(created))[:MAX_RECENT]
    assert paths.settings_file().is_file()


def test_recent_menu_opens_a_file(files, tmp_path):
    from PySide6.QtWidgets import QMenu

    target = tmp_path / "recent.gala"
    save_project(Project(title="Recent"), target)
    files.settings.add_recent_file(target)
    menu = QMenu()
    files.fill_recent_menu(menu)
    first = menu.actions()[0]
    assert first.text() == "&1 recent.gala"
    first.trigger()
    assert files.session.project.title == "Recent"
    files.settings.clear_recent_files()
    files.fill_recent_menu(menu)
    assert not menu.actions()[0].isEnabled()


def test_opening_a_recent_file_that_is_gone_takes_it_off_one_out_of_reach_stays(files, tmp_path):
    gone, away = tmp_path / "weg.gala", tmp_path / "share" / "onbereikbaar.gala"
    for path in (away, gone):
        path.parent.mkdir(exist_ok=True)
        save_project(Project(title=path.stem), path)
        files.settings.add_recent_file(path)
    gone.unlink()
    away.unlink()
    away.parent.rmdir()  # the share is not there at all (no network)
    assert not files.open_project(gone) and not files.open_project(away)
    assert len(files.dialogs.errors) == 2
    assert files.settings.recent_files() == [away.resolve()]


def test_single_recent_file_survives_ini_round_trip(files, tmp_path):
    target = tmp_path / "enkel.gala"
    save_project(Project(), target)
    files.settings.add_recent_file(target)
    files.settings.sync()
    assert AppSettings().recent_files() == [target.resolve()]


def test_settings_held_at_start_up_reach_the_file_only_when_released(files, tmp_path, qtbot):
    settings = files.settings
    target = tmp_path / "gehouden.gala"
    save_project(Project(), target)
    settings.hold_writes()
    settings.add_recent_file(target)
    qtbot.wait(100)  # QSettings writes from the event loop by itself, but not while held
    assert settings.recent_files() == [target.resolve()]  # read back at once
    assert "gehouden" not in (settings.file.read_text(encoding="utf-8") if settings.file.exists() else "")
    settings.release_writes()
    assert "gehouden.gala" in settings.file.read_text(encoding="utf-8")


def test_autosave_writes_recovery_only_while_modified(files, qtbot, tmp_path):
    store = RecoveryStore()
    assert not files.autosave()
    _edit(files, gemeente="Lindeveen")
    qtbot.waitUntil(lambda: store.path_for(files.session_id).exists(), timeout=3000)
    target = tmp_path / "plan.gala"
    files.dialogs.paths = [target]
    assert files.save()
    assert not store.path_for(files.session_id).exists()  # a clean save discards it
    assert not files.autosave()


def test_recovery_after_a_simulated_crash(catalogue, qtbot, tmp_path):
    # the "crashed" session: edits, autosaves, never closes
    crashed_host = QMainWindow()
    qtbot.addWidget(crashed_host)
    crashed = FileActions(crashed_host, ProjectSession(catalogue, crashed_host), AppSettings())
    crashed.autosave_timer.stop()
    original = tmp_path / "origineel.gala"
    save_project(Project(title="Origineel"), original)
    crashed.dialogs = ScriptedDialogs()
    assert crashed.open_project(original)
    crashed.session.push(SetMetadata(crashed.session, "title", "Na de crash"))
    crashed.session.push(SetThemeChosen(crashed.session, "mantelzorg", True))
    entry = ShortlistEntry.for_intervention(catalogue.get("de-luisterlijn"), "mantelzorg")
    crashed.session.push(AddEntry(crashed.session, entry))
    assert crashed.autosave()
    lost_work = crashed.session.project
    # its process is gone: so are the owners of its recovery file and of its lock on the file
    assert end_abnormally(RecoveryStore().directory) == 1
    assert end_abnormally(tmp_path) == 1

    # a new start: the work is offered and restored
    host = QMainWindow()
    qtbot.addWidget(host)
    fresh = FileActions(host, ProjectSession(catalogue, host), AppSettings())
    fresh.autosave_timer.stop()
    fresh.dialogs = ScriptedDialogs()
    fresh.dialogs.answers = [RESTORE]
    assert fresh.offer_recovery()
    assert fresh.dialogs.asked == ["recover:Na de crash"]
    assert fresh.session.project == lost_work
    assert fresh.session.path == original.resolve()
    assert fresh.session.is_modified  # restored work still has to be saved
    assert load_project(original).title == "Origineel"
    store = RecoveryStore()
    assert store.path_for(fresh.session_id).is_file()
    assert store.pending() == []  # now the live work of the fresh session: offered to nobody

    # saving it clears the recovery file; nothing is offered next time
    assert fresh.save()
    assert load_project(original) == lost_work
    assert RecoveryStore().pending() == []


def test_recovery_later_keeps_and_discard_removes(catalogue, qtbot, tmp_path):
    store = RecoveryStore()
    store.write(Project(title="Bewaard"), None, "oudesessie")
    end_abnormally(store.directory)
    host = QMainWindow()
    qtbot.addWidget(host)
    actions = FileActions(host, ProjectSession(catalogue, host), AppSettings())
    actions.autosave_timer.stop()
    actions.dialogs = ScriptedDialogs()
    actions.dialogs.answers = [LATER]
    assert not actions.offer_recovery()
    assert actions.session.project == Project()
    assert len(store.pending()) == 1
    actions.dialogs.answers = [DISCARD]
    assert not actions.offer_recovery()
    assert store.pending() == []


def test_recovery_description_is_dutch(catalogue):
    store = RecoveryStore()
    store.write(Project(title="Plan", gemeente="Lindeveen"), None, "abc")
    item = store.pending()[0]
    text = recovery_description(item)
    assert text.startswith("Er is niet-opgeslagen werk gevonden: ‘Plan (Lindeveen)’")
    assert "nog niet opgeslagen" in text


def _click_when_shown(button_text: str, seen: list[str]) -> None:
    def click():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        seen.extend(b.text() for b in box.findChildren(QPushButton))
        for button in box.buttons():
            if button.text().replace("&", "") == button_text:
                button.click()
                return

    QTimer.singleShot(20, click)


def test_real_save_changes_dialog_is_dutch(host):
    seen: list[str] = []
    _click_when_shown("Niet opslaan", seen)
    assert Dialogs().ask_save_changes(host, "plan.gala") == DISCARD
    assert seen[0] == "Wilt u de wijzigingen in ‘plan.gala’ opslaan?"
    assert {"&Opslaan", "&Niet opslaan", "&Annuleren"} <= set(seen)
    _click_when_shown("Annuleren", [])
    assert Dialogs().ask_save_changes(host, "plan.gala") == CANCEL


def test_real_recovery_dialog(host):
    store = RecoveryStore()
    store.write(Project(title="Plan"), None, "xyz")
    item = store.pending()[0]
    seen: list[str] = []
    _click_when_shown("Later", seen)
    assert Dialogs().ask_recovery(host, item) == LATER
    assert {"&Herstellen", "&Verwijderen", "&Later"} <= set(seen)
    _click_when_shown("Herstellen", [])
    assert Dialogs().ask_recovery(host, item) == RESTORE


def test_save_as_with_a_name_typed_without_gala_asks_before_overwriting_that_project(qtbot, tmp_path):
    """The dialog adds .gala itself, so its own question is about the file that will be written."""
    from pathlib import Path

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QFileDialog, QLineEdit, QMessageBox

    from gala_desktop.ui import file_dialogs
    from gala_desktop.ui.file_questions import FILE_FILTER

    (tmp_path / "plan.gala").write_text("{}", encoding="utf-8")  # a colleague's project
    questions: list[str] = []

    def answer_question() -> None:
        box = _visible(QMessageBox)
        if box is None:
            QTimer.singleShot(50, answer_question)
            return
        questions.append(box.text())
        box.button(QMessageBox.StandardButton.Yes).click()

    def type_name() -> None:
        dialog = _visible(QFileDialog)
        if dialog is None:
            QTimer.singleShot(50, type_name)
            return
        dialog.findChild(QLineEdit, "fileNameEdit").setText("plan")
        QTimer.singleShot(0, answer_question)
        dialog.accept()

    QTimer.singleShot(0, type_name)
    name, _ = file_dialogs.save_file_name(None, "Project opslaan als", str(tmp_path / "nieuw.gala"),
                                          FILE_FILTER, "gala")
    assert Path(name) == tmp_path / "plan.gala"
    assert len(questions) == 1 and "plan.gala" in questions[0]


@pytest.mark.parametrize("answer", ["Vervangen", "Andere naam"])
def test_save_as_with_a_dot_in_the_name_asks_about_the_gala_file_it_writes(qtbot, tmp_path, answer):
    """Typed "visie v1.2": the dialog sees a suffix (".2") and adds none, so it asked about
    "visie v1.2"; the project is written as "visie v1.2.gala", which is asked about here."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QFileDialog, QLineEdit, QMessageBox

    from gala_desktop.ui.file_questions import Dialogs

    (tmp_path / "visie v1.2.gala").write_text("{}", encoding="utf-8")  # a colleague's project
    seen: list[str] = []

    def drive() -> None:
        box = _visible(QMessageBox)
        if box is not None:
            seen.append(box.text())
            next(b for b in box.buttons() if b.text().replace("&", "") == answer).click()
            if answer == "Andere naam":  # the file dialog comes back
                QTimer.singleShot(50, drive)
            return
        dialog = _visible(QFileDialog)
        if dialog is None:
            QTimer.singleShot(50, drive)
            return
        if seen:  # asked again for another name: the officer gives up
            dialog.reject()
            return
        dialog.findChild(QLineEdit, "fileNameEdit").setText("visie v1.2")
        QTimer.singleShot(50, drive)
        dialog.accept()

    QTimer.singleShot(0, drive)
    chosen = Dialogs().save_path(None, str(tmp_path / "nieuw.gala"))
    assert seen == ["‘visie v1.2.gala’ bestaat al. Wilt u het vervangen?"]
    assert chosen == (tmp_path / "visie v1.2" if answer == "Vervangen" else None)


def _visible(kind):
    """The shown top-level window of ``kind`` (a dialog the code under test opened), if any."""
    from PySide6.QtWidgets import QApplication

    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None)
