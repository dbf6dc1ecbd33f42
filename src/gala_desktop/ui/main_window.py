"""The main window: composes the panels, the menus and the toolbar around one project session.

The window itself implements nothing: files live in ``file_actions``, settings in ``settings``,
themes in ``theme_panel``, the catalogue in ``catalogue_browser``, the shortlist, plans and
overview in their own modules.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QMainWindow,
    QSplitter,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gala_desktop import __version__
from gala_desktop.catalogue.unavailable import is_available
from gala_desktop.domain.catalogue import CatalogueReader
from gala_desktop.domain.formatting import format_count, format_date_long
from gala_desktop.ui.app import follow_contrast
from gala_desktop.ui.catalogue_browser import CatalogueBrowser
from gala_desktop.ui.file_actions import AUTOSAVE_INTERVAL_MS, FileActions
from gala_desktop.ui.jobs import JobRunner
from gala_desktop.ui.keyboard import ProjectUndoKeys, next_in_ring, tab_focusable
from gala_desktop.ui.lazy_tabs import LazyTabs
from gala_desktop.ui.own_actions import OwnActions, open_own_library
from gala_desktop.ui.read_only import EditingSwitch, ReadOnlyBanner
from gala_desktop.ui.session import ProjectSession
from gala_desktop.ui.settings import AppSettings
from gala_desktop.ui.shortlist_panel import ShortlistPanel
from gala_desktop.ui.theme_panel import ThemePanel
from gala_desktop.ui.window_bars import build_menus, build_toolbar, create_actions

if TYPE_CHECKING:  # the pages behind other tabs and the update machinery load on first use
    from gala_desktop.ui.catalogue_update import CatalogueUpdater
    from gala_desktop.ui.overview_panel import OverviewPanel
    from gala_desktop.ui.plan_editor import PlanEditor
    from gala_desktop.ui.project_form import ProjectForm

log = logging.getLogger(__name__)

APP_TITLE = "GALA Desktop"
TAB_CATALOGUE, TAB_PLAN, TAB_OVERVIEW, TAB_PROJECT = range(4)
STATUS_TIMEOUT_MS = 8000
SPLIT_THEMES, SPLIT_SHORTLIST = 0.19, 0.32  # default shares of the window's width


def _first_field(page: QWidget) -> QWidget | None:
    """The first widget of ``page``'s tab chain one types or picks in (not a button: Enter on
    it would act), else its first widget that takes the focus at all."""
    first = None
    widget = page.nextInFocusChain()
    while widget is not page and page.isAncestorOf(widget):
        if (widget.isVisible() and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            if not isinstance(widget, QAbstractButton):
                return widget
            first = first or widget
        widget = widget.nextInFocusChain()
    return first


class MainWindow(QMainWindow):
    def __init__(
        self,
        catalogue: CatalogueReader,
        *,
        settings: AppSettings | None = None,
        autosave_interval_ms: int = AUTOSAVE_INTERVAL_MS,
        own_library=None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setAccessibleName(APP_TITLE)
        if own_library is None:
            own_library = open_own_library(catalogue)
        self.session = ProjectSession(catalogue, self, own_library=own_library)
        self.jobs = JobRunner(self)  # the export runs here; closing waits for it
        self.settings = settings or AppSettings()
        self.files = FileActions(self, self.session, self.settings, autosave_interval_ms=autosave_interval_ms)

        self.theme_panel = ThemePanel(self.session)
        self.browser = CatalogueBrowser(self.session)
        self.shortlist_panel = ShortlistPanel(self.session)
        self._selected_entry: str | None = None  # for the plan editor, once it is built

        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.setAccessibleName("Onderdelen van het project")
        self.tabs.tabBar().setAccessibleName("Tabbladen")

        self.tabs.addTab(self.browser, "&Catalogus")
        self.pages = LazyTabs(self.tabs)
        self.pages.add("plan", "&Uitvoering", self._build_plan_editor)
        self.pages.add("overview", "&Overzicht", self._build_overview)
        self.pages.add("project", "&Project", self._build_project_form)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.setChildrenCollapsible(False)
        for widget in (self.theme_panel, self.tabs, self.shortlist_panel):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.read_only_banner = ReadOnlyBanner()  # above the three columns, while read-only
        central = QWidget()
        central.setObjectName("centralColumn")
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        column.addWidget(self.read_only_banner)
        column.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.centralWidget().setContentsMargins(6, 6, 6, 0)
        self.editing = EditingSwitch(self._editing_widgets)

        self.own = OwnActions(self, self.session, lambda: self.files.dialogs)
        self._updater: CatalogueUpdater | None = None
        create_actions(self)
        self._undo_keys = ProjectUndoKeys(
            self, [*self.action_undo.shortcuts(), *self.action_redo.shortcuts()]
        )
        build_menus(self)
        build_toolbar(self)
        self._create_status_bar()
        self._connect()
        self._set_tab_order()

        self.browser.detail.setFont(self._zoomed_font(self.browser.detail))
        self._fit_to_screen()
        self._layout_restored = self.settings.restore_window(self, self.splitters())
        self.read_only_banner.show_reason(self.session.read_only)  # not as last time's layout
        self._update_title()
        follow_contrast(QApplication.instance())  # the palette may have turned dark meanwhile

    # -- composition --------------------------------------------------------------------------

    @property
    def plan_editor(self) -> "PlanEditor":
        return self.pages.page("plan")

    @property
    def overview(self) -> "OverviewPanel":
        return self.pages.page("overview")

    @property
    def project_form(self) -> "ProjectForm":
        return self.pages.page("project")

    @property
    def updater(self) -> "CatalogueUpdater":
        """The catalogue-update actions, made (and their modules imported) on first use."""
        if self._updater is None:
            from gala_desktop.ui.catalogue_update import CatalogueUpdater

            self._updater = CatalogueUpdater(self, self.session, lambda: self.files.dialogs)
            self._updater.statusMessage.connect(self.show_status)
        return self._updater

    def _editing_widgets(self) -> list[QWidget]:
        """Where the project is changed: the side panels and the pages built so far."""
        built = [self.pages.page(name) for name in ("plan", "project") if self.pages.is_built(name)]
        return [self.theme_panel, self.shortlist_panel, self.browser.add_button,
                self.browser.own_add_button, self.browser.own_edit_button,
                self.browser.own_delete_button, *built]

    def _build_plan_editor(self) -> "PlanEditor":
        from gala_desktop.ui.plan_editor import PlanEditor

        editor = PlanEditor(self.session)
        editor.statusMessage.connect(self.show_status)
        # after the switch that refused them has finished, not inside the selection change
        editor.notKept.connect(lambda title, text: QTimer.singleShot(
            0, self, lambda: self.files.dialogs.inform(self, title, text)))
        editor.set_entry(self._selected_entry)
        editor.setFont(self._zoomed_font(editor))
        return editor

    def _build_overview(self) -> "OverviewPanel":
        from gala_desktop.ui.overview_panel import OverviewPanel

        return OverviewPanel(self.session)

    def _build_project_form(self) -> "ProjectForm":
        from gala_desktop.ui.project_form import ProjectForm

        return ProjectForm(self.session)

    def _on_entry_selected(self, entry_id: str) -> None:
        self._selected_entry = entry_id or None
        entry = self.session.project.entry(entry_id) if entry_id else None
        if entry is not None:  # the Toelichting pane follows the theme of the entry worked on
            self.theme_panel.select_theme(entry.theme_key)
        if self.pages.is_built("plan"):
            self.plan_editor.set_entry(self._selected_entry)

    def commit_pending_edits(self) -> list[str]:
        """Values still being typed in the plan editor and the project form become part of the
        project; returns the fields whose typed text is refused (a page never built has none)."""
        refused: list[str] = []
        for name, page in (("plan", "plan_editor"), ("project", "project_form")):
            if self.pages.is_built(name):
                refused += getattr(self, page).commit_pending()
        return refused

    def splitters(self) -> dict[str, QSplitter]:
        return {"main": self.splitter, "catalogue": self.browser.splitter}

    def _create_status_bar(self) -> None:
        self.catalogue_info = QLabel()
        self.catalogue_info.setAccessibleName("Gegevens van de catalogus")
        self._show_catalogue_info()
        self.statusBar().addPermanentWidget(self.catalogue_info)

    def _show_catalogue_info(self) -> None:
        catalogue = self.session.catalogue
        if not is_available(catalogue):
            self.catalogue_info.setText("Catalogus beschadigd: zoeken niet mogelijk")
            self.catalogue_info.setToolTip(getattr(catalogue, "reason", ""))
            return
        text = (f"Catalogus: {format_count(catalogue.count())} interventies · peildatum "
                f"{format_date_long(catalogue.checked_on)}")
        notice = getattr(catalogue, "set_aside_notice", "")
        if notice:  # the officer's installed update cannot be used by this version
            text += " · uw update wordt niet gebruikt"
        self.catalogue_info.setText(text)
        self.catalogue_info.setToolTip(notice)
        self.catalogue_info.setAccessibleDescription(notice)

    def _connect(self) -> None:
        s = self.session
        s.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.files.pending_edits.append(self.commit_pending_edits)
        s.pathChanged.connect(self._update_title)
        s.projectReplaced.connect(self._update_title)
        s.catalogueReplaced.connect(self._show_catalogue_info)
        self.own.statusMessage.connect(self.show_status)
        self.browser.ownAddRequested.connect(self.own.add)
        self.browser.ownEditRequested.connect(self.own.edit)
        self.browser.ownDeleteRequested.connect(self.own.delete)
        self.shortlist_panel.ownAddRequested.connect(self.own.add)
        for source in (self.files, self.theme_panel, self.browser, self.shortlist_panel):
            source.statusMessage.connect(self.show_status)
        self.shortlist_panel.entrySelected.connect(self._on_entry_selected)
        self.shortlist_panel.entryActivated.connect(lambda entry_id: entry_id and self.show_tab(TAB_PLAN))
        self.browser.entryAdded.connect(self.shortlist_panel.select_entry)
        s.readOnlyChanged.connect(self._on_read_only_changed)
        s.editRefused.connect(self._on_edit_refused)
        self.shortlist_panel.entrySelected.connect(lambda _id: self.editing.set_read_only(s.read_only))
        # the browser enables its add button for each selected result: switch it off again
        self.browser.table.selectionModel().currentRowChanged.connect(
            lambda *_: self.editing.set_read_only(s.read_only))
        self.pages.built.connect(lambda _name: self.editing.set_read_only(s.read_only))

    def _set_tab_order(self) -> None:
        """Qt's own chain for the catalogue page (used inside the page's widgets too)."""
        chain = [
            self.browser.search_field,
            self.browser.filters.themes,
            self.browser.filters.target_groups,
            self.browser.filters.databanks,
            self.browser.filters.origin,
            self.browser.filters.min_level,
            self.browser.filters.include_lapsed,
            self.browser.filters.clear_button,
            self.browser.table,
            self.browser.add_button,
            self.browser.detail,
        ]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def focus_ring(self) -> list[QWidget]:
        """Where Tab goes, in order: themes → tab bar → the open page → shortlist → themes.

        Qt's focus chain alone got this wrong (the tab widget and compound fields are created
        after their children, so Tab looped between the tab bar and the shortlist and never
        came back to the themes); the window walks this ring itself instead.
        """
        page = self.tabs.currentWidget()
        ring = [self.theme_panel.tree, self.theme_panel.rationale, self.tabs.tabBar()]
        ring += tab_focusable(page) if page is not None else []
        ring += tab_focusable(self.shortlist_panel)
        return [
            w for w in dict.fromkeys(ring)
            if w.isVisible() and w.isEnabled() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
        ]

    def focusNextPrevChild(self, next_: bool) -> bool:
        target = next_in_ring(self.focus_ring(), QApplication.focusWidget(), next_)
        if target is None:
            return super().focusNextPrevChild(next_)
        reason = Qt.FocusReason.TabFocusReason if next_ else Qt.FocusReason.BacktabFocusReason
        target.setFocus(reason)
        return True

    # -- behaviour ----------------------------------------------------------------------------

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.files.display_name()}[*] – {APP_TITLE}")
        self.setWindowModified(self.session.is_modified)

    def _fit_to_screen(self) -> None:
        screen = self.screen() or QApplication.primaryScreen()
        if screen is None:
            self.resize(1280, 760)
            return
        available = screen.availableGeometry()
        self.resize(min(1600, int(available.width() * 0.92)), min(1000, int(available.height() * 0.9)))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._layout_restored:  # first start: fit the columns to the window once
            self._layout_restored = True
            QTimer.singleShot(0, self.apply_default_layout)

    def apply_default_layout(self) -> None:
        """Fractions of the window: themes, catalogue and shortlist (which needs room for a name
        and three short columns); results above, details below. With a large font the side
        columns get the width their text needs (no word of a theme cut, names readable) as long
        as the catalogue keeps its minimum."""
        width = max(self.splitter.width(), self.width() - 12)
        left = max(int(width * SPLIT_THEMES), self.theme_panel.preferred_width())
        right = max(int(width * SPLIT_SHORTLIST), self.shortlist_panel.preferred_width())
        middle = max(self.tabs.minimumSizeHint().width(), self.browser.preferred_width() + self._tab_frame_width())
        if left + right + middle > width:  # the side columns share what the catalogue leaves
            factor = max(width - middle, 0) / (left + right)
            left = max(int(left * factor), self.theme_panel.minimumSizeHint().width())
            right = max(int(right * factor), self.shortlist_panel.minimumSizeHint().width())
        self.splitter.setSizes([left, width - left - right, right])
        self.browser.splitter.setSizes([1, 1])

    def _tab_frame_width(self) -> int:
        """What the tab widget adds around a page: its frame and the page's margins (from the
        style, not from a geometry that may not be laid out yet)."""
        frame = self.tabs.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, self.tabs)
        return 2 * frame + 4

    def _on_read_only_changed(self, reason: str) -> None:
        self.read_only_banner.show_reason(reason)
        self.editing.set_read_only(reason)
        self.action_save.setStatusTip(
            "Een eigen kopie opslaan (dit project is alleen-lezen)" if reason else "Het project opslaan"
        )

    def _on_edit_refused(self, reason: str) -> None:
        self.theme_panel.refresh()  # a check box may show a change that was not made
        self.show_status(f"Niet gewijzigd. {reason}")

    def _on_clean_changed(self, clean: bool) -> None:
        if shiboken6.isValid(self):  # the stack also reports while the window is destroyed
            self.setWindowModified(not clean)

    def show_status(self, message: str) -> None:
        if message:
            self.statusBar().showMessage(message, STATUS_TIMEOUT_MS)

    def show_tab(self, index: int) -> None:
        """Show a page with the focus in its first field (the page itself showed no focus and a
        screen reader had nothing to say)."""
        self.tabs.setCurrentIndex(index)
        widget = self.tabs.currentWidget()
        if widget is not None:
            (_first_field(widget) or widget).setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(TAB_CATALOGUE)
        self.browser.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.browser.search_field.selectAll()

    def focus_shortlist(self) -> None:
        view = self.shortlist_panel.findChild(QWidget, "shortlistView")
        (view or self.shortlist_panel).setFocus(Qt.FocusReason.ShortcutFocusReason)

    def export_pdf(self) -> None:
        from gala_desktop.ui.export_flow import export_pdf_interactive  # reportlab loads lazily

        self.commit_pending_edits()  # the annex shows what the officer sees
        self.export_job = export_pdf_interactive(self, self.session)

    def show_help(self) -> None:
        from gala_desktop.ui.help_window import show_help

        show_help(self)

    # -- text zoom of the detail pane and the plan editor, remembered in the settings -----------

    def _zoomed_font(self, widget: QWidget) -> QFont:
        font = QFont(QApplication.font(widget))
        font.setPointSizeF(max(font.pointSizeF() + self.settings.text_zoom, 6))
        return font

    def zoom_text(self, step: int | None) -> None:
        """``step`` points larger or smaller (between -4 and +12); ``None`` back to normal."""
        zoom = 0 if step is None else max(-4, min(12, self.settings.text_zoom + step))
        self.settings.text_zoom = zoom
        pages = [self.browser.detail] + ([self.plan_editor] if self.pages.is_built("plan") else [])
        for page in pages:
            page.setFont(self._zoomed_font(page))
        self.show_status("Tekstgrootte: normaal" if zoom == 0 else f"Tekstgrootte: {zoom:+d} punt")

    def show_about(self) -> None:
        catalogue = self.session.catalogue
        self.files.dialogs.inform(
            self,
            "Over GALA Desktop",
            f"GALA Desktop {__version__}\n\n"
            "Offline werkbank voor de beleidsvisie sociale basis en het plan van aanpak van het "
            "Gezond en Actief Leven Akkoord: kies thema's, zoek erkende interventies, noteer de "
            "lokale randvoorwaarden en maak een bijlage als PDF of als Word-document.\n\n"
            f"Interventiecatalogus: {format_count(catalogue.count())} interventies, gegevens gecontroleerd op "
            f"{format_date_long(catalogue.checked_on)}. Controleer erkenningen altijd bij de bron.\n\n"
            "GALA Desktop is vrije software onder de Europese openbare licentie EUPL-1.2 "
            "(European Union Public Licence): u mag het programma gebruiken, bestuderen, delen "
            "en aanpassen onder de voorwaarden van die licentie (het bestand LICENSE in de map "
            "van het programma).",
        )

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.PaletteChange:  # e.g. a high-contrast theme switched on
            follow_contrast(QApplication.instance())
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.files.loading:  # half-way through reading a file: close once it is read
            event.ignore()
            QTimer.singleShot(100, self.close)
            return
        try:
            if not self.files.maybe_save_changes():
                event.ignore()
                return
            clean_exit = True
        except Exception:  # noqa: BLE001 - an error here must not take the work down with it
            log.exception("closing the window failed; keeping the recovery file")
            clean_exit = not self.files.autosave() and not self.session.is_modified
        # a running export is cancelled and waited for: its thread must not outlive the window,
        # and it reads the catalogue, which closes after the window
        self.jobs.shutdown()
        self.files.autosave_timer.stop()
        try:
            self.settings.save_window(self, self.splitters())
        except Exception:  # noqa: BLE001
            log.exception("saving the window settings failed")
        if clean_exit:
            self.files.discard_recovery()
        self._undo_keys.stop()
        if self.session.own_library is not None:
            self.session.own_library.close()
        event.accept()
