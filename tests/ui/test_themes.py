"""The theme tree and the rationale editor."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from gala_desktop.domain.project import Project, ThemeChoice
from gala_desktop.domain.themes import REQUIRED_THEME_KEYS, THEMES
from gala_desktop.ui.session import ProjectSession
from gala_desktop.ui.theme_panel import KEY_ROLE, NOT_CHOSEN_HINT, ThemePanel


@pytest.fixture()
def session(catalogue):
    return ProjectSession(catalogue)


@pytest.fixture()
def panel(session, qtbot):
    widget = ThemePanel(session)
    qtbot.addWidget(widget)
    widget.resize(320, 700)
    widget.show()
    return widget


def _all_items(tree):
    stack = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while stack:
        item = stack.pop(0)
        yield item
        stack[0:0] = [item.child(i) for i in range(item.childCount())]


def test_tree_holds_every_theme_with_sub_themes_and_chain_approaches(panel):
    tree = panel.tree
    assert tree.objectName() == "themeTree"
    keys = [item.data(0, KEY_ROLE) for item in _all_items(tree) if item.data(0, KEY_ROLE)]
    assert sorted(keys) == sorted(t.key for t in THEMES)
    social = panel._items["sociale-basis"]
    assert [social.child(i).data(0, KEY_ROLE) for i in range(social.childCount())] == list(REQUIRED_THEME_KEYS)
    groups = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    chains = [g for g in groups if g.text(0) == "Ketenaanpakken"][0]
    assert chains.childCount() == 5
    assert not chains.flags() & Qt.ItemFlag.ItemIsUserCheckable


def test_required_themes_are_marked_by_text_and_icon(panel):
    for item in _all_items(panel.tree):
        key = item.data(0, KEY_ROLE)
        required = key in REQUIRED_THEME_KEYS
        assert ("(verplicht)" in item.text(0)) == required
        assert (not item.icon(0).isNull()) == required


def test_space_toggles_a_theme_through_the_undo_stack(panel, session, qtbot):
    tree = panel.tree
    tree.setFocus()
    tree.setCurrentItem(panel._items["eenzaamheid"])
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    assert session.project.chosen_theme_keys() == ["eenzaamheid"]
    assert session.undo_stack.count() == 1
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    assert session.project.chosen_theme_keys() == []
    session.undo_stack.undo()
    assert session.project.chosen_theme_keys() == ["eenzaamheid"]
    assert panel._items["eenzaamheid"].checkState(0) == Qt.CheckState.Checked
    session.undo_stack.undo()
    assert panel._items["eenzaamheid"].checkState(0) == Qt.CheckState.Unchecked
    assert session.undo_stack.count() == 2  # refreshing the tree pushed nothing


def test_rationale_is_disabled_with_a_hint_until_the_theme_is_chosen(panel, session):
    panel.select_theme("mantelzorg")
    assert not panel.rationale.isEnabled()
    assert panel.rationale.placeholderText() == NOT_CHOSEN_HINT
    panel._items["mantelzorg"].setCheckState(0, Qt.CheckState.Checked)
    assert session.project.chosen_theme_keys() == ["mantelzorg"]
    assert panel.rationale.isEnabled()
    assert "Mantelzorg" in panel.rationale_label.text()


def test_typing_a_rationale_is_one_mergeable_undo_step(panel, session, qtbot):
    panel._items["eenzaamheid"].setCheckState(0, Qt.CheckState.Checked)
    panel.select_theme("eenzaamheid")
    panel.rationale.setFocus()
    qtbot.keyClicks(panel.rationale, "Veel ouderen voelen zich alleen")
    assert session.project.theme_choice("eenzaamheid").rationale == "Veel ouderen voelen zich alleen"
    assert session.undo_stack.count() == 2  # choose + one merged rationale command
    session.undo_stack.undo()
    assert session.project.theme_choice("eenzaamheid").rationale == ""
    assert panel.rationale.toPlainText() == ""
    session.undo_stack.redo()
    assert panel.rationale.toPlainText() == "Veel ouderen voelen zich alleen"


def test_switching_themes_shows_each_rationale(panel, session):
    project = Project(themes=[ThemeChoice("mantelzorg", "Mantelzorgers overbelast"),
                              ThemeChoice("eenzaamheid", "Eenzaamheid stijgt")])
    session.replace(project, None)
    assert panel._items["mantelzorg"].checkState(0) == Qt.CheckState.Checked
    panel.select_theme("eenzaamheid")
    assert panel.rationale.toPlainText() == "Eenzaamheid stijgt"
    panel.select_theme("mantelzorg")
    assert panel.rationale.toPlainText() == "Mantelzorgers overbelast"
    panel.select_theme("gezonde-leefstijl")
    assert panel.rationale.toPlainText() == "" and not panel.rationale.isEnabled()
    assert session.undo_stack.count() == 0


def test_unchoosing_keeps_the_rationale_for_undo(panel, session):
    session.replace(Project(themes=[ThemeChoice("mantelzorg", "Waarom")]), None)
    panel.select_theme("mantelzorg")
    panel._items["mantelzorg"].setCheckState(0, Qt.CheckState.Unchecked)
    assert session.project.themes == []
    assert not panel.rationale.isEnabled()
    session.undo_stack.undo()
    assert panel.rationale.isEnabled()
    assert panel.rationale.toPlainText() == "Waarom"


def test_ticking_a_theme_again_brings_its_rationale_back(panel, session, qtbot):
    """One click too many on a tick box must not throw a written rationale away."""
    messages = []
    panel.statusMessage.connect(messages.append)
    item = panel._items["mantelzorg"]
    item.setCheckState(0, Qt.CheckState.Checked)
    panel.rationale.setFocus()
    qtbot.keyClicks(panel.rationale, "Veel overbelaste mantelzorgers")
    item.setCheckState(0, Qt.CheckState.Unchecked)
    assert session.project.theme_choice("mantelzorg") is None
    assert messages and "Vinkt u het thema weer aan, dan komt de toelichting terug" in messages[-1]
    item.setCheckState(0, Qt.CheckState.Checked)
    assert session.project.theme_choice("mantelzorg").rationale == "Veel overbelaste mantelzorgers"
    assert panel.rationale.toPlainText() == "Veel overbelaste mantelzorgers"
    session.undo_stack.undo()  # the ticking again
    assert session.project.theme_choice("mantelzorg") is None
    session.undo_stack.redo()
    assert session.project.theme_choice("mantelzorg").rationale == "Veel overbelaste mantelzorgers"
    # another project: nothing of this one comes along
    session.replace(Project(), None)
    panel._items["mantelzorg"].setCheckState(0, Qt.CheckState.Checked)
    assert session.project.theme_choice("mantelzorg").rationale == ""


def test_unticking_a_theme_without_a_rationale_says_nothing(panel, session):
    messages = []
    panel.statusMessage.connect(messages.append)
    panel._items["eenzaamheid"].setCheckState(0, Qt.CheckState.Checked)
    panel._items["eenzaamheid"].setCheckState(0, Qt.CheckState.Unchecked)
    assert messages == []


def test_required_badge_turns_from_warning_to_check_when_covered(panel, session):
    from gala_desktop.domain.project import EntryStatus, ShortlistEntry
    from gala_desktop.ui.commands import AddEntry, SetEntryStatus, SetThemeChosen

    item = panel._items["mantelzorg"]
    role = Qt.ItemDataRole.AccessibleDescriptionRole
    assert "nog geen gekozen interventie" in item.data(0, role)
    warning = item.icon(0).pixmap(16, 16).toImage()
    session.push(SetThemeChosen(session, "mantelzorg", True))
    entry = ShortlistEntry.for_intervention(session.catalogue.get("mantelscan"), "mantelzorg")
    session.push(AddEntry(session, entry))
    assert "nog geen gekozen interventie" in item.data(0, role)  # on the list, not yet gekozen
    session.push(SetEntryStatus(session, entry.id, EntryStatus.CHOSEN))
    assert "gedekt door een gekozen interventie" in item.data(0, role)
    assert item.icon(0).pixmap(16, 16).toImage() != warning
    session.undo_stack.undo()
    assert "nog geen gekozen interventie" in item.data(0, role)
    assert item.icon(0).pixmap(16, 16).toImage() == warning
