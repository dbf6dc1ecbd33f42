"""Offline proof: the main flows run with networking disabled and never try to connect.

The ``no_network`` fixture replaces every way Python code opens a connection or resolves a
name (``socket.socket.connect``/``connect_ex``/``sendto``, ``socket.create_connection``,
``socket.getaddrinfo``) with a guard that records the attempt and raises. A flow that catches
the error and carries on still fails the test: the fixture checks the record at the end.
Links in the detail pane go to the desktop (the user's browser) through ``QDesktopServices``;
here a URL handler catches them, so no browser starts either.
"""

from __future__ import annotations

import socket
import sys
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "examples" / "voorbeeld-gemeente-lindeveen.gala"


class NetworkAttempt(AssertionError):
    """Raised inside the program when it tries to use the network."""


class SocketGuard:
    def __init__(self) -> None:
        self.attempts: list[str] = []

    def refuse(self, what: str):
        def guard(*args, **kwargs):
            self.attempts.append(f"{what}{args[1:] if what.startswith('socket.') else args}")
            raise NetworkAttempt(f"network use during an offline test: {what}")

        return guard


@pytest.fixture()
def no_network(monkeypatch):
    guard = SocketGuard()
    monkeypatch.setattr(socket.socket, "connect", guard.refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", guard.refuse("socket.connect_ex"))
    monkeypatch.setattr(socket.socket, "sendto", guard.refuse("socket.sendto"))
    monkeypatch.setattr(socket, "create_connection", guard.refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", guard.refuse("getaddrinfo"))
    yield guard
    assert not guard.attempts, f"the program tried to use the network: {guard.attempts}"


def test_the_guard_catches_connections(no_network):
    """The guard itself works: every route to the network is refused and recorded."""
    with pytest.raises(NetworkAttempt):
        socket.create_connection(("127.0.0.1", 9), timeout=1)
    with pytest.raises(NetworkAttempt):
        socket.getaddrinfo("www.movisie.nl", 443)
    with pytest.raises(NetworkAttempt):
        urllib.request.urlopen("http://127.0.0.1:9/", timeout=1)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as raw:
        with pytest.raises(NetworkAttempt):
            raw.connect(("127.0.0.1", 9))
        with pytest.raises(NetworkAttempt):
            raw.connect_ex(("127.0.0.1", 9))
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
        with pytest.raises(NetworkAttempt):
            udp.sendto(b"x", ("127.0.0.1", 9))
    assert len(no_network.attempts) == 6
    no_network.attempts.clear()  # expected here; any other test must leave the record empty


def test_catalogue_opens_and_searches_offline(no_network, shipped_catalogue_path):
    from gala_desktop.catalogue.repository import Catalogue
    from gala_desktop.domain.recognition import RecognitionLevel
    from gala_desktop.domain.search import SearchQuery

    with Catalogue.open() as catalogue:
        assert catalogue.count() >= 48
        hits = catalogue.search(SearchQuery(text="mantelzorg"))
        assert "mantelscan" in [item.key for item in hits.items]
        everything = catalogue.search(SearchQuery(text="eenzaamheid"))
        filtered = catalogue.search(SearchQuery(text="eenzaamheid", min_level=RecognitionLevel.WELL_FOUNDED))
        assert 1 <= filtered.total <= everything.total
        details = catalogue.get(hits.items[0].key)
        assert details is not None and details.listings
        assert len(catalogue.all()) == catalogue.count()


def test_project_builds_saves_and_reopens_offline(no_network, tmp_path):
    from gala_desktop.catalogue.repository import Catalogue
    from gala_desktop.domain.project import EntryStatus, Project, ShortlistEntry, ThemeChoice
    from gala_desktop.project.document import load_project, save_project

    with Catalogue.open() as catalogue:
        intervention = catalogue.get("mantelscan")
    theme = intervention.theme_keys[0]
    project = Project(gemeente="Lindeveen", title="Beleidsvisie sociale basis 2027-2030")
    project.themes.append(ThemeChoice(theme_key=theme, rationale="Veel mantelzorgers <overbelast> & alleen."))
    entry = ShortlistEntry.for_intervention(intervention, theme)
    entry.status = EntryStatus.CHOSEN
    entry.plan.partners = "Welzijn Lindeveen"
    entry.plan.budget_cents = 1_250_000
    project.shortlist.append(entry)

    target = tmp_path / "visie.gala"
    save_project(project, target)
    save_project(project, target)  # a second save keeps a .bak
    reopened = load_project(target)
    assert reopened == project
    assert any(tmp_path.glob("*.bak")), "the second save kept no backup"


def test_annex_exports_offline(no_network, tmp_path):
    pytest.importorskip("gala_desktop.annex.export", reason="the annex package is not there yet")
    from pypdf import PdfReader

    from gala_desktop.operations.export import export_project_file

    assert SAMPLE.is_file(), f"sample project missing: {SAMPLE}"
    output = tmp_path / "bijlage.pdf"
    export_project_file(SAMPLE, output)
    reader = PdfReader(output)
    assert len(reader.pages) >= 2
    assert "Lindeveen" in "".join(page.extract_text() or "" for page in reader.pages)


def test_command_line_runs_offline(no_network, tmp_path):
    """The CLI, in this process so the guard applies: catalogue export and annex export."""
    import json

    from gala_desktop import cli

    catalogue_json = tmp_path / "catalogus.json"
    assert cli.main(["catalogue", "export", "--format", "json", "--output", str(catalogue_json)]) == 0
    assert len(json.loads(catalogue_json.read_text(encoding="utf-8"))["interventions"]) >= 48
    pdf = tmp_path / "bijlage.pdf"
    assert cli.main(["export", str(SAMPLE), "--output", str(pdf)]) == 0
    assert pdf.read_bytes().startswith(b"%PDF-")


def _first_web_link(pane):
    """Scroll the first http(s) link of a QTextBrowser into view; its viewport position and address."""
    from PySide6.QtGui import QTextCursor

    block = pane.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.isAnchor() and fmt.anchorHref().startswith(("http://", "https://")):
                cursor = QTextCursor(pane.document())
                cursor.setPosition(fragment.position() + max(1, fragment.length() // 2))
                pane.setTextCursor(cursor)
                pane.ensureCursorVisible()
                return pane.cursorRect(cursor).center(), fmt.anchorHref()
            it += 1
        block = block.next()
    raise AssertionError("no web link in the detail pane")


def test_main_window_and_detail_link_stay_offline(no_network, qtbot, catalogue):
    pytest.importorskip("gala_desktop.ui.main_window", reason="the main window is not there yet")
    from PySide6.QtCore import QObject, Qt, Slot
    from PySide6.QtGui import QDesktopServices

    from gala_desktop.ui.main_window import MainWindow

    class LinkCatcher(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.urls: list[str] = []

        @Slot("QUrl")
        def open_url(self, url) -> None:
            self.urls.append(url.toString())

    catcher = LinkCatcher()
    for scheme in ("http", "https"):
        QDesktopServices.setUrlHandler(scheme, catcher, "open_url")
    try:
        window = MainWindow(catalogue, autosave_interval_ms=60_000)
        qtbot.addWidget(window)
        window.resize(1200, 800)
        window.show()
        qtbot.waitExposed(window)

        browser = window.browser
        browser.search_field.setText("mantelzorg")
        browser.flush_search()
        assert "mantelscan" in browser.model.keys()
        assert browser.select_key("mantelscan")
        pane = browser.detail
        qtbot.waitUntil(lambda: pane.intervention is not None and pane.intervention.key == "mantelscan")

        window.tabs.setCurrentWidget(browser)
        qtbot.waitUntil(pane.isVisible)
        position, href = _first_web_link(pane)
        assert pane.viewport().rect().contains(position), "the link is not in view"
        messages: list[str] = []
        pane.statusMessage.connect(messages.append)
        with qtbot.waitSignal(pane.anchorClicked, timeout=3000):
            qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=position)
        assert catcher.urls == [href]  # handed to the desktop, not fetched
        assert messages and href in messages[-1]
        assert pane.intervention.key == "mantelscan"  # the pane did not navigate away
        window.close()
    finally:
        for scheme in ("http", "https"):
            QDesktopServices.unsetUrlHandler(scheme)
    assert "PySide6.QtNetwork" not in sys.modules, "the program loaded Qt's network module"
