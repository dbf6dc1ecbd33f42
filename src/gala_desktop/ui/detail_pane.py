"""The detail pane: every field of one intervention as escaped HTML in a ``QTextBrowser``.

Links are never followed inside the pane; a click hands the URL to the desktop (the system
browser), which returns at once, also without a network. All catalogue text is escaped.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTextBrowser, QWidget

from gala_desktop.domain.formatting import format_date_long
from gala_desktop.domain.own import NOT_RECOGNISED, OWN_LABEL_TITLE
from gala_desktop.domain.intervention import ConditionKind, Intervention, Listing
from gala_desktop.domain.recognition import LEVEL_EXPLANATIONS
from gala_desktop.domain.themes import THEMES_BY_KEY, theme_name
from gala_desktop.domain.validity import (
    LAPSE_MARK,
    LAPSE_NOTICE,
    VALIDITY_RULES,
    best_level_may_have_lapsed,
    lapses_on,
    may_have_lapsed,
)

PLACEHOLDER = (
    "<p style='color: palette(mid)'>Selecteer een interventie in de lijst om alle gegevens te zien."
    "</p>"
)
SAFE_SCHEMES = ("http", "https", "mailto")


def escape(value: str, quote: bool = True) -> str:
    """What ``html.escape`` returns, without loading the ``html`` package (and its entity
    tables) at start-up."""
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return value.replace('"', "&quot;").replace("'", "&#x27;") if quote else value


def _text(value: str) -> str:
    """Escaped text with line breaks kept."""
    return escape(value).replace("\n", "<br>")


def _link(url: str, text: str | None = None) -> str:
    if not url:
        return ""
    return f"<a href='{escape(url, quote=True)}'>{escape(text or url)}</a>"


def _section(title: str, body: str) -> str:
    if not body:
        return ""
    return f"<h3>{escape(title)}</h3>{body}"


def _paragraph(value: str) -> str:
    return f"<p>{_text(value)}</p>" if value.strip() else ""


def _list(items) -> str:
    items = [i for i in items if i]
    if not items:
        return ""
    return "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"


def lapse_html(listing: Listing) -> str:
    """The lapse warning of one listing, with the databank's rule and its source."""
    rule = VALIDITY_RULES[listing.databank]
    return (
        f"<b>{LAPSE_MARK} Let op: {escape(LAPSE_NOTICE)}</b><br>"
        f"{escape(rule.rule)} Herbeoordeling was nodig vanaf "
        f"{escape(format_date_long(lapses_on(listing)))} ({_link(rule.source, 'regel')})."
    )


def listing_html(listing: Listing, peildatum) -> str:
    parts = [f"<b>{escape(listing.databank.label)}</b>"]
    level = f"Erkenningsniveau: {escape(listing.level.label)}"
    parts.append(level)
    source = f" ({_link(listing.url, 'bron')})" if listing.url else ""
    details = [escape(listing.provenance) + source]
    if listing.committee:
        details.append(f"commissie: {escape(listing.committee)}")
    parts.append("; ".join(details))
    if may_have_lapsed(listing, peildatum):
        parts.append(lapse_html(listing))
    if listing.under_review:
        parts.append("<b>Let op: in herbeoordeling</b>")
    if listing.note:
        parts.append(_text(listing.note))
    return "<br>".join(parts)


def conditions_html(intervention: Intervention) -> str:
    blocks = []
    for kind in ConditionKind:
        texts = [c.text for c in intervention.conditions if c.kind is kind]
        if texts:
            blocks.append(f"<p><b>{escape(kind.label)}</b></p>" + _list(_text(t) for t in texts))
    return "".join(blocks)


def intervention_html(intervention: Intervention) -> str:
    """The whole description of one intervention, every user-visible string escaped."""
    i = intervention
    level = i.best_level
    explanation = LEVEL_EXPLANATIONS.get(level, "")
    head = [f"<h2>{escape(i.name)}</h2>"]
    if i.is_own:
        head.append(f"<p>&#8962; <b>{escape(OWN_LABEL_TITLE)}</b><br><i>{escape(NOT_RECOGNISED)}</i></p>")
    else:
        head.append(
            f"<p><b>Hoogste erkenningsniveau:</b> {escape(level.label)}"
            + (f"<br><i>{escape(explanation)}</i>" if explanation else "")
            + (f"<br><b>{LAPSE_MARK} {escape(LAPSE_NOTICE.capitalize())}</b>"
               if best_level_may_have_lapsed(i) else "")
            + "</p>"
        )
    facts = []
    if i.owner:
        facts.append(f"<b>Eigenaar:</b> {escape(i.owner)}")
    if i.website:
        facts.append(f"<b>Website:</b> {_link(i.website)}")
    themes = sorted(i.theme_keys, key=lambda k: THEMES_BY_KEY[k].order if k in THEMES_BY_KEY else 999)
    sections = [
        "".join(head),
        f"<p>{'<br>'.join(facts)}</p>" if facts else "",
        _section("Samenvatting", _paragraph(i.summary)),
        _section("Doel", _paragraph(i.aim)),
        _section("Aanpak", _paragraph(i.approach)),
        _section("Doelgroep", _paragraph(i.target_group_text)),
        _section("Werkzame elementen", _list(_text(e) for e in i.active_elements)),
        _section("Randvoorwaarden", conditions_html(i)),
        _section("Kosten", _paragraph(i.costs_note)),
        "" if i.is_own else _section(
            "Erkenning per databank",
            _list(listing_html(li, i.checked_on) for li in i.listings)
            or "<p>Deze interventie staat niet in een erkende databank.</p>",
        ),
        _section("Thema's", _list(escape(theme_name(k)) for k in themes)),
        _section("Doelgroepen", _list(escape(g.name) for g in i.target_groups)),
        _section("Bronnen", _list(_link(s) if s.startswith(("http://", "https://")) else _text(s) for s in i.sources)),
        f"<p><i>{'Vastgelegd' if i.is_own else 'Peildatum: gegevens gecontroleerd'} op "
        f"{escape(format_date_long(i.checked_on))}.</i></p>",
    ]
    return "".join(s for s in sections if s)


class DetailPane(QTextBrowser):
    """Shows one intervention. Emits ``statusMessage`` when a link could not be opened."""

    statusMessage = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.setAccessibleName("Gegevens van de geselecteerde interventie")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self.open_link)
        self.intervention: Intervention | None = None
        self.show_intervention(None)

    def show_intervention(self, intervention: Intervention | None) -> None:
        self.intervention = intervention
        self.setHtml(intervention_html(intervention) if intervention else PLACEHOLDER)

    def open_link(self, url: QUrl) -> bool:
        """Hand a web or mail link to the desktop; never blocks, never navigates in the pane."""
        if url.scheme().lower() not in SAFE_SCHEMES:
            self.statusMessage.emit("Deze link kan niet worden geopend.")
            return False
        try:
            opened = QDesktopServices.openUrl(url)
        except Exception:  # noqa: BLE001 - any platform failure becomes a status message
            opened = False
        if opened:
            self.statusMessage.emit(f"Link geopend in uw browser: {url.toString()}")
        else:
            self.statusMessage.emit(
                "De link kon niet worden geopend. Kopieer het adres en open het later in uw browser."
            )
        return opened
