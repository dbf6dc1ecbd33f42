"""The Catalogus tab: search as you type in SQL, facet filters, sorting, detail pane, adding."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMenu

from gala_desktop.domain.intervention import InterventionSummary, Listing
from gala_desktop.domain.recognition import Databank, RecognitionLevel
from gala_desktop.domain.search import SearchQuery
from gala_desktop.ui.catalogue_browser import NO_THEME_HINT, CatalogueBrowser, count_text
from gala_desktop.ui.commands import SetThemeChosen
from gala_desktop.ui.detail_pane import DetailPane, intervention_html
from gala_desktop.ui.result_model import KEY_ROLE, LEVEL, MIME_TYPE, NAME, OWNER, ResultTableModel
from gala_desktop.ui.session import ProjectSession


@pytest.fixture()
def session(catalogue, qtbot):
    return ProjectSession(catalogue)


@pytest.fixture()
def browser(session, qtbot):
    widget = CatalogueBrowser(session)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    messages: list[str] = []
    widget.statusMessage.connect(messages.append)
    widget.messages = messages
    return widget


def _names(browser) -> list[str]:
    model = browser.model
    return [model.index(r, NAME).data() for r in range(model.rowCount())]


def _keys(browser) -> list[str]:
    return browser.model.keys()


def test_result_model_passes_the_model_tester(qtmodeltester, catalogue):
    model = ResultTableModel()
    model.set_results(catalogue.search(SearchQuery()).items)
    qtmodeltester.check(model)
    model.sort(LEVEL, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    model.set_results([])
    qtmodeltester.check(model)


def test_model_exposes_keys_and_drags_with_the_contract_mime_type(catalogue):
    model = ResultTableModel()
    items = catalogue.search(SearchQuery(text="luisterlijn")).items
    model.set_results(items)
    index = model.index(0, OWNER)
    assert index.data(KEY_ROLE) == items[0].key
    mime = model.mimeData([index])
    assert mime.hasFormat(MIME_TYPE)
    assert bytes(mime.data(MIME_TYPE)).decode("utf-8") == items[0].key
    assert Qt.ItemFlag.ItemIsDragEnabled in model.flags(index)


def test_starts_with_the_whole_catalogue(browser, catalogue):
    assert browser.model.rowCount() == catalogue.count()
    assert browser.count_label.text() == f"{catalogue.count()} interventies gevonden"


def test_search_as_you_type_finds_loneliness_interventions(browser, catalogue, qtbot):
    browser.search_field.setFocus()
    qtbot.keyClicks(browser.search_field, "eenz")
    browser.flush_search()
    keys = _keys(browser)
    assert 0 < len(keys) < catalogue.count()
    interventions = catalogue.get_many(keys)
    lonely = [k for k, i in interventions.items() if "eenzaamheid" in i.theme_keys]
    assert lonely, "searching 'eenz' should find interventions of the theme eenzaamheid"
    for intervention in interventions.values():
        text = " ".join([intervention.name, intervention.summary, intervention.aim,
                         intervention.approach, intervention.target_group_text]).lower()
        assert "eenz" in text or "eenzaamheid" in intervention.theme_keys
    assert browser.count_label.text() == count_text(len(keys), len(keys))


def test_typing_is_debounced_then_searched(browser, qtbot, catalogue):
    browser.search_field.setText("luisterlijn")
    assert browser.model.rowCount() == catalogue.count()  # not yet: the timer is running
    qtbot.waitUntil(lambda: browser.model.rowCount() == 1, timeout=3000)
    assert _names(browser) == ["De Luisterlijn"]


def test_search_with_syntax_characters_does_not_break(browser):
    for text in ['"', "jeugd & gezin", "e-health", "AND OR *", "<b>"]:
        browser.search_field.setText(text)
        browser.flush_search()
    assert not [m for m in browser.messages if "niet gelukt" in m]


def test_unknown_word_says_nothing_found(browser):
    browser.search_field.setText("xyzzyqwerty")
    browser.flush_search()
    assert browser.model.rowCount() == 0
    assert browser.count_label.text() == "Geen interventies gevonden"


def test_theme_filter_narrows_and_clear_restores(browser, catalogue):
    everything = browser.model.rowCount()
    browser.filters.themes.option_action("mantelzorg").trigger()
    keys = _keys(browser)
    assert 0 < len(keys) < everything
    assert all("mantelzorg" in i.theme_keys for i in catalogue.get_many(keys).values())
    assert browser.filters.themes.text().startswith("Th&ema: Mantelzorg")
    assert browser.filters.themes.accessibleName() == "Filter op thema: Mantelzorg (inclusief respijtzorg)"
    assert browser.filters.clear_button.isEnabled()
    browser.filters.clear_button.click()
    assert browser.model.rowCount() == everything
    assert not browser.filters.clear_button.isEnabled()


def test_min_level_and_databank_filters_combine(browser, catalogue):
    combo = browser.filters.min_level
    combo.setCurrentIndex(combo.findData(RecognitionLevel.EFFECTIVE_FIRST))
    effective = _keys(browser)
    assert effective
    for intervention in catalogue.get_many(effective).values():
        assert intervention.best_level.rank >= RecognitionLevel.EFFECTIVE_FIRST.rank
    browser.filters.databanks.option_action(Databank.RIVM).trigger()
    both = _keys(browser)
    assert set(both) <= set(effective)
    for intervention in catalogue.get_many(both).values():
        assert Databank.RIVM in intervention.databanks


def test_target_group_filter(browser, catalogue):
    browser.filters.target_groups.option_action("mantelzorgers").trigger()
    keys = _keys(browser)
    assert keys
    for intervention in catalogue.get_many(keys).values():
        assert "mantelzorgers" in {g.key for g in intervention.target_groups}


def test_clicking_headers_sorts_by_name_and_by_level_rank(browser):
    header = browser.table.horizontalHeader()
    header.setSortIndicator(NAME, Qt.SortOrder.AscendingOrder)
    names = _names(browser)
    assert names == sorted(names, key=str.casefold)
    header.setSortIndicator(LEVEL, Qt.SortOrder.DescendingOrder)
    ranks = [browser.model.summary(r).best_level.rank for r in range(browser.model.rowCount())]
    assert ranks == sorted(ranks, reverse=True)
    assert ranks[0] > ranks[-1]
    # a new search keeps the chosen order
    browser.search_field.setText("ouderen")
    browser.flush_search()
    ranks = [browser.model.summary(r).best_level.rank for r in range(browser.model.rowCount())]
    assert ranks == sorted(ranks, reverse=True)


def test_sort_by_level_uses_rank_not_alphabet():
    def summary(name, level):
        return InterventionSummary(name.lower(), name, "x", level, (), ())

    model = ResultTableModel()
    model.set_results([
        summary("A", RecognitionLevel.EFFECTIVE_STRONG),
        summary("B", RecognitionLevel.WELL_DESCRIBED),
        summary("C", RecognitionLevel.NOT_ASSESSED),
        summary("D", RecognitionLevel.EFFECTIVE_FIRST),
    ])
    model.sort(LEVEL, Qt.SortOrder.AscendingOrder)
    assert [model.summary(r).name for r in range(4)] == ["C", "B", "D", "A"]
    model.sort(-1)
    assert [model.summary(r).name for r in range(4)] == ["A", "B", "C", "D"]


def test_selecting_a_row_shows_every_field_in_the_detail_pane(browser, catalogue):
    assert browser.select_key("creatief-leven")
    text = browser.detail.toPlainText()
    intervention = catalogue.get("creatief-leven")
    for expected in (
        intervention.name, intervention.summary, intervention.aim, intervention.owner,
        "Onbekend (niet geverifieerd)", "Werkzame elementen", "Randvoorwaarden", "Duur en frequentie",
        "Movisie – Databank Effectieve sociale interventies", "Tegengaan van eenzaamheid",
        "Peildatum", "30 november 2026", "Doelgroepen", "Mensen die zich eenzaam voelen",
    ):
        assert expected in text, expected
    # the listing's note (the unverified claim, kept out of the level) is shown as written
    assert "AWPG Lumens" in text


def test_detail_html_escapes_catalogue_text(catalogue):
    from dataclasses import replace

    intervention = replace(catalogue.get("creatief-leven"), name="<b>Vet</b> & co", summary="a < b")
    pane = DetailPane()
    pane.show_intervention(intervention)
    assert "<b>Vet</b> & co" in pane.toPlainText()
    assert "a < b" in pane.toPlainText()
    assert "&lt;b&gt;Vet&lt;/b&gt; &amp; co" in intervention_html(intervention)


def test_unknown_level_reads_as_not_verified(catalogue):
    from dataclasses import replace

    base = catalogue.get("creatief-leven")
    listing = replace(base.listings[0], level=RecognitionLevel.UNKNOWN, recognised_on="")
    pane = DetailPane()
    pane.show_intervention(replace(base, listings=(listing,)))
    assert "Onbekend (niet geverifieerd)" in pane.toPlainText()
    assert "datum onbekend" in pane.toPlainText()


def test_each_listing_says_when_recognised_and_when_seen_with_its_source(catalogue):
    from dataclasses import replace

    base = catalogue.get("creatief-leven")
    listing = replace(base.listings[0], level=RecognitionLevel.EFFECTIVE, recognised_on="2021-03-04",
                      seen_on=dt.date(2026, 11, 30))
    pane = DetailPane()
    pane.show_intervention(replace(base, listings=(listing,)))
    text = pane.toPlainText()
    assert "Effectief (niveau niet vermeld)" in text
    assert "erkend op 4 maart 2021, gezien op 30 november 2026 (bron)" in text
    assert f"<a href='{listing.url}'>bron</a>" in intervention_html(replace(base, listings=(listing,)))


def test_a_listing_that_may_have_lapsed_says_so_with_the_rule(catalogue):
    from dataclasses import replace

    base = catalogue.get("creatief-leven")
    lapsed = Listing(Databank.NJI, RecognitionLevel.WELL_FOUNDED, "https://www.nji.nl/x", "2015-06-01")
    pane = DetailPane()
    pane.show_intervention(replace(base, listings=(lapsed,), checked_on=dt.date(2026, 11, 30)))
    text = pane.toPlainText()
    assert "⚠ Erkenning mogelijk verlopen — controleer de databank" in text  # under the best level
    assert "⚠ Let op: erkenning mogelijk verlopen — controleer de databank" in text  # the listing
    assert "Herbeoordeling was nodig vanaf 1 juni 2020 (regel)" in text
    pane.show_intervention(replace(base, listings=(replace(lapsed, recognised_on="2024"),)))
    assert "mogelijk verlopen" not in pane.toPlainText()


def test_result_table_marks_a_lapsed_level_in_words_and_with_an_icon():
    from dataclasses import replace

    model = ResultTableModel()
    lapsed = InterventionSummary("oud", "Oud", "x", RecognitionLevel.WELL_FOUNDED, (), ())
    model.set_results([replace(lapsed, level_may_have_lapsed=True), replace(lapsed, name="Vers")])
    old, new = (model.index(r, LEVEL) for r in range(2))
    assert old.data() == "Goed onderbouwd — mogelijk verlopen"
    assert "erkenning mogelijk verlopen — controleer de databank" in old.data(Qt.ItemDataRole.ToolTipRole)
    assert "controleer de databank" in old.data(Qt.ItemDataRole.AccessibleTextRole)
    assert not old.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert new.data() == "Goed onderbouwd" and new.data(Qt.ItemDataRole.DecorationRole) is None


def test_the_lapse_check_box_lets_lapsed_levels_count(qtbot, tmp_path):
    from catalogue_factory import lapsing_source

    from gala_desktop.catalogue.builder import build_catalogue
    from gala_desktop.catalogue.repository import Catalogue

    build_catalogue(lapsing_source(tmp_path), tmp_path / "c.sqlite")
    with Catalogue.open(tmp_path / "c.sqlite") as cat:
        widget = CatalogueBrowser(ProjectSession(cat))
        qtbot.addWidget(widget)
        filters = widget.filters
        filters.min_level.setCurrentIndex(filters.min_level.findData(RecognitionLevel.WELL_FOUNDED))
        qtbot.waitUntil(lambda: set(_names(widget)) == {"Verse jeugdinterventie", "Oude leefstijlinterventie"})
        filters.include_lapsed.setChecked(True)
        qtbot.waitUntil(lambda: len(_names(widget)) == 4)
        assert filters.clear_button.isEnabled()
        filters.clear_button.click()
        assert not filters.include_lapsed.isChecked()


def test_links_go_to_the_desktop_and_never_navigate(browser, monkeypatch):
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    browser.select_key("creatief-leven")
    html_before = browser.detail.toHtml()
    browser.detail.anchorClicked.emit(QUrl("https://www.movisie.nl/interventie/creatief-leven"))
    assert [u.toString() for u in opened] == ["https://www.movisie.nl/interventie/creatief-leven"]
    assert browser.detail.toHtml() == html_before
    assert not browser.detail.openLinks() and not browser.detail.openExternalLinks()


def test_a_link_that_cannot_be_opened_gives_a_dutch_message(browser, monkeypatch):
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    browser.select_key("creatief-leven")
    browser.detail.anchorClicked.emit(QUrl("https://example.invalid/"))
    assert any("kon niet worden geopend" in m for m in browser.messages)
    browser.detail.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert browser.messages[-1] == "Deze link kan niet worden geopend."


def _menu_after(qtbot, trigger) -> QMenu:
    trigger()
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=3000)
    return QApplication.activePopupWidget()


def test_enter_without_chosen_theme_hints_to_choose_one(browser, qtbot):
    browser.select_key("de-luisterlijn")
    browser.table.setFocus()
    menu = _menu_after(qtbot, lambda: qtbot.keyClick(browser.table, Qt.Key.Key_Return))
    actions = menu.actions()
    assert [a.text() for a in actions] == [NO_THEME_HINT]
    assert not actions[0].isEnabled()
    assert NO_THEME_HINT in browser.messages
    menu.close()


def test_enter_adds_to_a_chosen_theme_and_refuses_duplicates(browser, session, qtbot):
    session.push(SetThemeChosen(session, "eenzaamheid", True))
    session.push(SetThemeChosen(session, "mantelzorg", True))
    browser.select_key("de-luisterlijn")
    browser.table.setFocus()
    menu = _menu_after(qtbot, lambda: qtbot.keyClick(browser.table, Qt.Key.Key_Return))
    texts = [a.text() for a in menu.actions()]
    assert texts == ["&1 Mantelzorg (inclusief respijtzorg)", "&2 Tegengaan van eenzaamheid"]
    qtbot.keyClick(menu, Qt.Key.Key_2)
    qtbot.waitUntil(lambda: len(session.project.shortlist) == 1, timeout=3000)
    entry = session.project.shortlist[0]
    assert (entry.intervention_key, entry.theme_key) == ("de-luisterlijn", "eenzaamheid")
    assert entry.snapshot.name == "De Luisterlijn"
    assert session.undo_stack.undoText().startswith("Toevoegen aan shortlist")

    assert browser.add_to_theme("de-luisterlijn", "eenzaamheid") is None
    assert len(session.project.shortlist) == 1
    assert "staat al op de shortlist" in browser.messages[-1]
    browser.add_menu.aboutToShow.emit()
    lonely = [a for a in browser.add_menu.actions() if "eenzaamheid" in a.text()][0]
    assert not lonely.isEnabled() and "(staat er al in)" in lonely.text()


def test_context_menu_and_button_offer_the_same_themes(browser, session, qtbot):
    session.push(SetThemeChosen(session, "gezonde-leefstijl", True))
    browser.select_key("de-luisterlijn")
    rect = browser.table.visualRect(browser.table.currentIndex())
    menu = _menu_after(qtbot, lambda: browser.table.customContextMenuRequested.emit(rect.center()))
    assert [a.text() for a in menu.actions()] == ["&1 Gezonde leefstijl"]
    menu.actions()[0].trigger()
    menu.close()
    assert [e.theme_key for e in session.project.shortlist] == ["gezonde-leefstijl"]
    browser.add_menu.aboutToShow.emit()
    assert [a.text() for a in browser.add_menu.actions()] == ["&1 Gezonde leefstijl (staat er al in)"]
    session.undo_stack.undo()
    assert session.project.shortlist == []


def test_filters_follow_a_catalogue_that_replaces_the_one_in_use(catalogue, qtbot):
    """Started with a damaged catalogue, then an update installed: the Doelgroep and Databank
    filters offer what the new catalogue holds, without a restart."""
    from gala_desktop.catalogue.unavailable import UnavailableCatalogue
    from tests.ui.conftest import open_window

    win = open_window(UnavailableCatalogue(None, "beschadigd"), qtbot)
    filters = win.browser.filters
    assert filters.target_groups.values() == [] and filters.databanks.values() == []
    win.session.replace_catalogue(catalogue)
    assert filters.target_groups.values() == [g.key for g in catalogue.target_groups()]
    assert filters.databanks.values() == catalogue.databanks_in_use()
    # a choice still on offer stays chosen when the catalogue is read again
    filters.target_groups.set_selected({"ouderen"})
    win.session.replace_catalogue(catalogue)
    assert filters.target_groups.selected() == {"ouderen"}
    assert win.browser.query().target_group_keys == {"ouderen"}


def test_down_or_enter_in_the_search_field_goes_to_the_first_result(catalogue, qtbot):
    """The results were eight Tab presses away, past the filters."""
    from PySide6.QtWidgets import QApplication

    from tests.ui.conftest import focus, open_window

    window = open_window(catalogue, qtbot)
    browser = window.browser
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Return):
        browser.table.setCurrentIndex(browser.model.index(-1, -1))
        focus(qtbot, browser.search_field)
        browser.search_field.clear()
        qtbot.keyClicks(browser.search_field, "mantelzorg")
        qtbot.keyClick(browser.search_field, key)
        assert QApplication.focusWidget() is browser.table, key
        assert browser.table.currentIndex().row() == 0 and browser.current_key() is not None
        assert browser.table.selectionModel().isRowSelected(0)
