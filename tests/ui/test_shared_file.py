"""Two instances on one project file: the lock message, real read-only mode, a save after an
outside change, and recovery files that stay with their owner.

Two real ``MainWindow``s work on one ``.gala`` in ``tmp_path``; each has its own session id and
recovery store, as two running programs would. The answers to the questions come from a scripted
``Dialogs`` that records what was asked.
"""

from __future__ import annotations

import os
import socket
import time

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtWidgets import QLineEdit, QMessageBox, QProgressDialog

from ended import end_abnormally
from gala_desktop.domain.project import Project
from gala_desktop.project.document import load_project, save_project
from gala_desktop.project.lock import LockOwner, acquire, lock_path, read_lock
from gala_desktop.ui import shared_file_dialogs as shared
from gala_desktop.ui.commands import SetMetadata
from gala_desktop.ui.file_questions import DISCARD, LATER, RESTORE, SAVE
from gala_desktop.ui.main_window import MainWindow


class Answers:
    """A user who answers from a list and remembers every question and message."""

    def __init__(self, *answers, paths=()):
        self.answers = list(answers)
        self.paths = list(paths)
        self.asked: list[tuple[str, str]] = []
        self.errors: list[str] = []
        self.on_recovery = None

    def _answer(self, kind, text):
        self.asked.append((kind, text))
        return self.answers.pop(0)

    def ask_locked(self, parent, name, info):
        return self._answer("locked", f"{shared.in_use_text(info)}|stale={info.is_stale()}")

    def ask_conflict(self, parent, name, who):
        return self._answer("conflict", who)

    def ask_save_changes(self, parent, name):
        return self._answer("save-changes", name)

    def ask_recovery(self, parent, item):
        if self.on_recovery:
            self.on_recovery()
        return self._answer("recovery", item.title)

    def error(self, parent, title, text):
        self.errors.append(text)

    def inform(self, parent, title, text):
        self.errors.append(text)

    def open_path(self, parent, directory):
        return self.paths.pop(0)

    def save_path(self, parent, suggestion):
        self.asked.append(("save-as", suggestion))
        return self.paths.pop(0)


@pytest.fixture()
def windows(catalogue, qtbot):
    made = []

    def make(*answers, paths=()):
        win = MainWindow(catalogue, autosave_interval_ms=3_600_000)
        win.files.dialogs = Answers(*answers, paths=paths)
        qtbot.addWidget(win, before_close_func=lambda w: w.session.undo_stack.setClean())
        made.append(win)
        return win

    yield make
    for win in made:
        win.files.autosave_timer.stop()


@pytest.fixture()
def plan(tmp_path):
    path = tmp_path / "plan.gala"
    save_project(Project(gemeente="Lindeveen", title="Samen sterk"), path)
    return path


def _edit(win, field, value):
    win.session.push(SetMetadata(win.session, field, value))


def _crash_with_unsaved_work(windows, plan, tmp_path) -> None:
    """A window opens ``plan``, types "Werk van A" as its title, writes its recovery file and
    ends abnormally (its locks now name a process that is gone)."""
    first = windows()
    assert first.files.open_project(plan)
    _edit(first, "title", "Werk van A")
    assert first.files.autosave()
    end_abnormally(first.files.recovery.directory)
    end_abnormally(tmp_path)


def test_second_instance_gets_the_lock_message_and_a_real_read_only_project(windows, plan, qtbot):
    first = windows()
    assert first.files.open_project(plan)
    lock = read_lock(plan)
    assert lock.owner.pid == LockOwner.me().pid and lock.owner.computer == socket.gethostname()

    second = windows(shared.READ_ONLY, paths=[plan.with_name("mijn kopie.gala")])
    second.show()
    assert second.files.open_project(plan)
    [(kind, text)] = second.files.dialogs.asked
    assert kind == "locked"
    assert text.startswith(f"In gebruik door {lock.owner.user} op {socket.gethostname()} sinds ")
    assert text.endswith("stale=False")  # the first program runs: no "Toch openen"

    # read-only is real: the banner says why, fields do not take text, changes are refused
    assert second.session.read_only and second.read_only_banner.isVisible()
    assert "alleen-lezen geopend" in second.read_only_banner.label.text()
    title = second.project_form.findChild(QLineEdit, "title") or next(
        w for w in second.project_form.findChildren(QLineEdit) if w.text() == "Samen sterk")
    assert title.isReadOnly()
    title.setFocus()
    qtbot.keyClicks(title, "X")
    _edit(second, "gemeente", "Anders")
    assert second.session.project == Project(gemeente="Lindeveen", title="Samen sterk")
    assert not second.session.is_modified and not second.session.undo_stack.canUndo()

    # Save offers Save as; the locked file itself is never written by the reader
    before = plan.read_bytes()
    assert second.files.save()
    assert second.files.dialogs.asked[-1][0] == "save-as"
    assert plan.read_bytes() == before
    assert load_project(plan.with_name("mijn kopie.gala")) == second.session.project
    assert not second.session.read_only and not second.read_only_banner.isVisible()

    # closing the first program gives the file free
    first.close()
    assert not lock_path(plan).exists()


def test_selecting_a_result_keeps_adding_off_while_read_only(windows, plan):
    first = windows()
    assert first.files.open_project(plan)
    second = windows(shared.READ_ONLY)
    assert second.files.open_project(plan) and second.session.read_only
    browser = second.browser
    assert browser.model.rowCount() > 1
    for row in (0, 1):
        browser.table.selectionModel().setCurrentIndex(
            browser.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
        assert browser.current_key() is not None
        assert not browser.add_button.isEnabled()


def test_open_a_copy_leaves_the_original_to_its_owner(windows, plan):
    first = windows()
    assert first.files.open_project(plan)
    second = windows(shared.OPEN_COPY)
    assert second.files.open_project(plan)
    assert second.session.path is None and not second.session.read_only
    assert second.session.project.title == "Samen sterk"
    assert read_lock(plan).owner.session == first.files.session_id


def test_a_stale_lock_offers_open_anyway(windows, plan, tmp_path):
    crashed = windows()
    assert crashed.files.open_project(plan)
    end_abnormally(tmp_path)  # the holder's process is gone
    second = windows(shared.OPEN_ANYWAY)
    assert second.files.open_project(plan)
    assert second.files.dialogs.asked[0][1].endswith("stale=True")
    assert read_lock(plan).owner.session == second.files.session_id
    assert not second.session.read_only


def test_save_after_an_outside_change_offers_the_choice_and_loses_nothing(windows, plan, tmp_path):
    first = windows(shared.SAVE_COPY, paths=[tmp_path / "plan (mijn versie).gala"])
    assert first.files.open_project(plan)
    _edit(first, "title", "Titel van A")

    # a colleague's program writes the file (it opened it anyway and holds the lock now)
    theirs = Project(gemeente="Gemeente van B", title="Samen sterk")
    save_project(theirs, plan)
    lock_path(plan).unlink()
    colleague = LockOwner("Marieke Smit", "LAPTOP-123", 4242, LockOwner.me().since, "b")
    acquire(plan, colleague)

    assert first.files.save()
    assert first.files.dialogs.asked[0] == ("conflict", "Marieke Smit op LAPTOP-123")
    assert load_project(plan) == theirs  # their work stays
    mine = load_project(tmp_path / "plan (mijn versie).gala")
    assert mine.title == "Titel van A" and mine.gemeente == "Lindeveen"


def test_conflict_overwrite_and_cancel(windows, plan):
    first = windows(shared.CANCEL, shared.OVERWRITE)
    assert first.files.open_project(plan)
    _edit(first, "title", "Van A")
    plan.write_bytes(plan.read_bytes().replace(b"Lindeveen", b"Lindeveen-Noord"))
    assert not first.files.save()  # cancelled: nothing written
    assert load_project(plan).gemeente == "Lindeveen-Noord" and first.session.is_modified
    assert first.files.save()  # "Toch overschrijven"
    assert load_project(plan).title == "Van A"
    assert [kind for kind, _ in first.files.dialogs.asked] == ["conflict", "conflict"]
    _edit(first, "title", "Nog eens")
    assert first.files.save()  # unchanged on disk since our own save: no question
    assert len(first.files.dialogs.asked) == 2


def test_save_as_onto_the_open_file_by_another_path_asks_like_save(windows, plan, tmp_path):
    """The same file reached through another path (a mapped drive for the share, a linked
    folder) is the open file: a colleague's change since is not overwritten without asking."""
    linked = tmp_path / "schijf-H"
    linked.symlink_to(tmp_path, target_is_directory=True)
    first = windows(shared.CANCEL, paths=[linked / "plan.gala"])
    assert first.files.open_project(plan)
    _edit(first, "title", "Van A")
    plan.write_bytes(plan.read_bytes().replace(b"Lindeveen", b"Lindeveen-Noord"))  # a colleague
    assert not first.files.save_as()
    assert [kind for kind, _ in first.files.dialogs.asked] == ["save-as", "conflict"]
    assert load_project(plan).gemeente == "Lindeveen-Noord" and first.session.is_modified


def test_a_touched_but_equal_file_is_no_conflict(windows, plan):
    import os

    first = windows()
    assert first.files.open_project(plan)
    _edit(first, "title", "Nieuw")
    os.utime(plan, (1, 1))
    assert first.files.save()
    assert first.files.dialogs.asked == []


def test_live_recovery_file_is_never_offered_to_the_other_instance(windows, plan, tmp_path):
    first = windows()
    assert first.files.open_project(plan)
    _edit(first, "title", "Werk van A")
    assert first.files.autosave()
    own_file = first.files.recovery.path_for(first.files.session_id)
    assert own_file.is_file()

    second = windows()
    assert not second.files.offer_recovery()
    assert second.files.dialogs.asked == []  # A still runs: its work is not offered
    assert own_file.is_file()

    # A crashes. The next two starts: one gets the offer, once; the other sees nothing
    end_abnormally(own_file.parent)
    third = windows(LATER)
    fourth = windows()
    third.files.dialogs.on_recovery = lambda: fourth.files.offer_recovery()
    assert not third.files.offer_recovery()
    assert third.files.dialogs.asked == [("recovery", "Werk van A")]
    assert fourth.files.dialogs.asked == []  # claimed by the third while it asked
    # "Later": given back untouched, so a later start offers it again
    fifth = windows(DISCARD)
    assert not fifth.files.offer_recovery()
    assert fifth.files.dialogs.asked == [("recovery", "Werk van A")]
    assert not own_file.exists()


def test_restore_by_one_instance_leaves_nothing_for_another(windows, plan, tmp_path):
    _crash_with_unsaved_work(windows, plan, tmp_path)
    second = windows(RESTORE)
    assert second.files.offer_recovery()
    assert second.session.project.title == "Werk van A" and second.session.path == plan.resolve()
    assert read_lock(plan).owner.session == second.files.session_id
    third = windows()
    assert not third.files.offer_recovery() and third.files.dialogs.asked == []


def test_restored_work_never_silently_overwrites_a_save_made_after_the_crash(windows, plan, tmp_path):
    """A crashes with unsaved work; the file is saved again before A restores it (a colleague
    opened it anyway, or A chose Later and saved). Restoring and saving asks first."""
    _crash_with_unsaved_work(windows, plan, tmp_path)
    later = Project(gemeente="Lindeveen", title="Na de crash opgeslagen")
    save_project(later, plan)

    second = windows(RESTORE, shared.CANCEL)
    assert second.files.offer_recovery()
    assert second.session.project.title == "Werk van A" and second.session.path == plan.resolve()
    assert not second.files.save()  # cancelled at the question: nothing written
    assert [kind for kind, _ in second.files.dialogs.asked] == ["recovery", "conflict"]
    assert load_project(plan) == later and second.session.is_modified


def test_restored_work_saves_without_a_question_when_the_file_is_as_it_was(windows, plan, tmp_path):
    _crash_with_unsaved_work(windows, plan, tmp_path)
    second = windows(RESTORE)
    assert second.files.offer_recovery() and second.files.save()
    assert [kind for kind, _ in second.files.dialogs.asked] == ["recovery"]
    assert load_project(plan).title == "Werk van A"


def test_a_recovery_file_without_its_base_asks_before_overwriting(windows, plan, tmp_path):
    """Recovery files written before the base was kept: whether the file changed is unknown,
    so the first save asks."""
    import json

    first = windows()
    assert first.files.open_project(plan)
    _edit(first, "title", "Werk van A")
    own_file = first.files.recovery.path_for(first.files.session_id)
    assert first.files.autosave()
    data = json.loads(own_file.read_text(encoding="utf-8"))
    assert set(data["recovery"]["base"]) == {"size", "mtime_ns", "sha256"}
    del data["recovery"]["base"]
    own_file.write_text(json.dumps(data), encoding="utf-8")
    end_abnormally(first.files.recovery.directory)
    end_abnormally(tmp_path)
    second = windows(RESTORE, shared.OVERWRITE)
    assert second.files.offer_recovery() and second.files.save()
    assert [kind for kind, _ in second.files.dialogs.asked] == ["recovery", "conflict"]
    assert load_project(plan).title == "Werk van A"


def test_closing_cleanly_removes_the_lock_and_new_releases_it(windows, plan):
    win = windows(SAVE)
    assert win.files.open_project(plan)
    assert lock_path(plan).exists()
    assert win.files.new_project()
    assert not lock_path(plan).exists()
    assert win.files.open_project(plan)
    win.close()
    assert not lock_path(plan).exists()


def test_real_lock_and_conflict_dialogs(qtbot, plan):
    info = acquire(plan, LockOwner("Marieke Smit", "LAPTOP-123", 4242, LockOwner.me().since, "b"))
    info = read_lock(plan)
    box, answers = shared.lock_box(None, "plan.gala", info)
    qtbot.addWidget(box)
    texts = {b.text() for b in box.buttons()}
    assert texts == {"&Alleen-lezen openen", "&Kopie openen", "&Annuleren"}  # not stale: no "Toch"
    assert "In gebruik door Marieke Smit op LAPTOP-123 sinds " in box.text()
    box, answers = shared.conflict_box(None, "plan.gala", "Marieke Smit op LAPTOP-123")
    qtbot.addWidget(box)
    assert "gewijzigd door Marieke Smit op LAPTOP-123" in box.text()
    assert {b.text() for b in box.buttons()} == {"Opslaan als &kopie", "&Toch overschrijven", "&Annuleren"}
    assert box.icon() == QMessageBox.Icon.Warning
    assert Qt.WindowType.Dialog & box.windowFlags()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_gui_refuses_a_fifo_without_freezing(windows, tmp_path):
    fifo = tmp_path / "x.gala"
    os.mkfifo(fifo)
    win = windows()
    start = time.monotonic()
    assert not win.files.open_project(fifo)
    assert time.monotonic() - start < 5
    [message] = win.files.dialogs.errors
    assert "geen gewoon bestand" in message and "x.gala" in message
    assert not lock_path(fifo).exists()


def test_a_slow_share_does_not_block_the_window(windows, plan, qtbot, monkeypatch):
    from gala_desktop.project import document

    real = document.read_file_with_stat

    def slow_share(path):
        time.sleep(1.2)
        return real(path)

    monkeypatch.setattr(document, "read_file_with_stat", slow_share)
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(50)
    win = windows()
    win.show()
    progress = []
    QTimer.singleShot(900, lambda: progress.append(win.findChild(QProgressDialog, "loadProgress")))
    assert win.files.open_project(plan)
    timer.stop()
    assert len(ticks) >= 10  # the UI thread kept running while the file was read
    assert progress[0] is not None and progress[0].labelText() == "‘plan.gala’ wordt geopend…"
    assert win.session.project.title == "Samen sterk"


def test_damaged_catalogue_one_message_then_projects_open_and_export(
        qapp, qtbot, monkeypatch, tmp_path, shipped_catalogue_path, catalogue):
    import shutil
    import sqlite3

    from PySide6.QtWidgets import QApplication

    from gala_desktop import paths
    from gala_desktop.annex.export import export_project
    from gala_desktop.catalogue import store
    from gala_desktop.domain.project import EntryStatus, ShortlistEntry
    from gala_desktop.ui import app as app_module

    damaged = tmp_path / "catalogue.sqlite"
    shutil.copyfile(shipped_catalogue_path, damaged)
    with sqlite3.connect(damaged) as conn:
        conn.execute("UPDATE listing SET level = 'heel_goed' WHERE rowid = 1")
    monkeypatch.setattr(paths, "shipped_catalogue", lambda: damaged)
    monkeypatch.setattr(store, "active_catalogue", lambda: (damaged, ""))
    entry = ShortlistEntry.for_intervention(catalogue.get("de-luisterlijn"), "eenzaamheid")
    entry.status = EntryStatus.CHOSEN
    plan = tmp_path / "plan.gala"
    save_project(Project(title="Samen sterk", shortlist=[entry]), plan)

    seen = {}

    def answer():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and "boxes" not in seen:
            seen["boxes"] = (box.windowTitle(), box.text())
            box.accept()
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                seen["status"] = widget.catalogue_info.text()
                seen["changes"] = widget.shortlist_panel.model._compute_changes()
                seen["project"] = widget.session.project
                export_project(widget.session.project, tmp_path / "bijlage.pdf",
                               catalogue=widget.session.catalogue)
                widget.close()
                return
        QTimer.singleShot(20, answer)

    QTimer.singleShot(20, answer)
    assert app_module.run(["gala-desktop"], str(plan)) == 0
    title, text = seen["boxes"]
    assert title == "Catalogus beschadigd" and "listing.level: heel_goed" in text
    assert seen["status"] == "Catalogus beschadigd: zoeken niet mogelijk"
    assert seen["changes"] == {}  # nothing reported as "no longer in the catalogue"
    assert seen["project"].shortlist[0].snapshot.name == "De Luisterlijn"
    assert (tmp_path / "bijlage.pdf").stat().st_size > 1000
