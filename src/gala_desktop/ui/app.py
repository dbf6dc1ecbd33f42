"""Start the desktop program: application object, Dutch translations, catalogue, main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, Qt, QTimer, QTranslator
from PySide6.QtGui import QIcon, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox, QProxyStyle, QStyle, QWidget

from gala_desktop import paths, startup

log = logging.getLogger(__name__)

CATALOGUE_ERROR_TITLE = "Catalogus niet beschikbaar"


def create_application(argv: list[str]) -> QApplication:
    """The one QApplication (reused when it already exists, as in tests)."""
    app = QApplication.instance() or QApplication(argv)
    app.setApplicationName(paths.APP_NAME)
    app.setOrganizationName(paths.APP_AUTHOR)
    from gala_desktop import __version__

    app.setApplicationVersion(__version__)
    QLocale.setDefault(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    app.setWindowIcon(application_icon())
    follow_contrast(app)
    return app


def follow_contrast(app: QApplication) -> bool:
    """Install ``ContrastStyle`` once the application palette is dark (a high-contrast theme);
    returns whether it is installed. On a light palette the platform style draws everything
    visibly, and leaving it in place spares every paint the calls into Python."""
    if isinstance(app.style(), ContrastStyle):
        return True
    if not ContrastStyle.is_dark(app.palette()):
        return False
    app.setStyle(ContrastStyle())
    return True


class ContrastStyle(QProxyStyle):
    """The platform style, with controls that stay visible on a dark (high-contrast) palette:
    Fusion draws an unchecked check box or radio button and a scroll bar's handle in a shade of
    the background, invisible on black; here they get an outline (and a radio button its dot)
    in the palette's text colour whenever the background is dark."""

    CHECKS = (QStyle.PrimitiveElement.PE_IndicatorCheckBox, QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck)
    DARK_BELOW = 100  # the lightness of a dark base colour

    @classmethod
    def is_dark(cls, palette: QPalette) -> bool:
        return palette.color(QPalette.ColorRole.Base).lightness() < cls.DARK_BELOW

    @classmethod
    def _dark(cls, option) -> bool:
        return cls.is_dark(option.palette)

    def drawPrimitive(self, element, option, painter, widget=None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        radio = element == QStyle.PrimitiveElement.PE_IndicatorRadioButton
        if (element in self.CHECKS or radio) and self._dark(option):
            painter.save()
            colour = option.palette.color(QPalette.ColorRole.Text)
            painter.setPen(colour)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            rect = option.rect.adjusted(0, 0, -1, -1)
            if radio:
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                painter.drawEllipse(rect)
                if option.state & QStyle.StateFlag.State_On:
                    painter.setBrush(colour)
                    inset = max(rect.width() // 4, 2)
                    painter.drawEllipse(rect.adjusted(inset, inset, -inset, -inset))
            else:
                painter.drawRect(rect)
            painter.restore()

    def drawComplexControl(self, control, option, painter, widget=None) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control == QStyle.ComplexControl.CC_ScrollBar and self._dark(option):
            handle = self.subControlRect(control, option, QStyle.SubControl.SC_ScrollBarSlider, widget)
            if handle.isValid() and not handle.isEmpty():
                painter.save()
                painter.setPen(option.palette.color(QPalette.ColorRole.Text))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRect(handle.adjusted(1, 1, -2, -2))
                painter.restore()


class AfterFirstPaint(QObject):
    """Calls ``then`` once, right after ``window`` is painted for the first time."""

    def __init__(self, window: QWidget, then) -> None:
        super().__init__(window)
        self._then = then
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)
        return False


def application_icon() -> QIcon:
    """The app icon in every size that ships (taskbar, title bar, Alt+Tab)."""
    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 512):  # the sizes in resources/icons
        file = paths.resource("icons", f"gala-desktop-{size}.png")
        if file.exists():
            icon.addFile(str(file))
    return icon


class MissingDutchTexts(QTranslator):
    """Texts Qt's own Dutch file (qtbase_nl.qm) lacks: Qt 6 gave the file dialog's labels a
    mnemonic, and the translations were made for the texts without one."""

    TEXTS = {
        ("QFileDialog", "&Look in:"): "&Zoeken in:",
        ("QFileDialog", "Files of &type:"): "Bestands&type:",
        ("QFileDialog", "File name:"): "Bestandsnaam:",
        # the type column of Qt's own file dialog (Qt 6 moved these to a context without Dutch)
        ("QAbstractFileIconProvider", "Folder"): "Map",
        ("QAbstractFileIconProvider", "Drive"): "Station",
        ("QAbstractFileIconProvider", "File"): "Bestand",
        ("QAbstractFileIconProvider", "%1 File"): "%1-bestand",
    }

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ARG002
        return self.TEXTS.get((context, source))  # None: not ours, ask the next translator

    def isEmpty(self) -> bool:
        return False


def install_translations(app: QApplication) -> bool:
    """Load Qt's own Dutch texts (standard buttons, file dialogs) and fill their gaps;
    ``False`` when Qt's file is not found."""
    if getattr(app, "_gala_translator", None) is not None:
        return True
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    found = translator.load(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands), "qtbase", "_", folder)
    if found:
        app.installTranslator(translator)
    else:
        log.warning("Qt's Dutch translations (qtbase_nl.qm) were not found in %s", folder)
    gaps = MissingDutchTexts(app)
    app.installTranslator(gaps)  # installed last, asked first
    app._gala_translator = (translator, gaps)  # keep them alive as long as the application
    return found


def adopt_machine_updates() -> None:
    """Install a newer catalogue update IT placed in the machine-wide folder (never fatal)."""
    from gala_desktop.catalogue.store import CatalogueStore

    try:
        for line in CatalogueStore().adopt_machine_updates():
            log.info("%s", line)
    except Exception:  # noqa: BLE001 - the program keeps working with the catalogue it has
        log.exception("checking the machine-wide catalogue folder failed")


def open_catalogue():
    """The catalogue in use, read-only; shows a Dutch error and returns ``None`` on failure.

    When an installed update cannot be opened, the shipped catalogue is used instead.
    """
    from gala_desktop import paths
    from gala_desktop.catalogue.repository import Catalogue, CatalogueError

    try:
        return Catalogue.open()
    except CatalogueError:
        log.warning("the catalogue in use cannot be opened; trying the shipped one", exc_info=True)
    from gala_desktop.catalogue.repository import DamagedCatalogueError
    from gala_desktop.catalogue.unavailable import UnavailableCatalogue

    try:
        return Catalogue.open(paths.shipped_catalogue())
    except DamagedCatalogueError as exc:  # one message; projects still open and export
        log.error("catalogue damaged: %s", exc)
        damaged_catalogue_box(str(exc)).exec()
        return UnavailableCatalogue(paths.shipped_catalogue(), str(exc))
    except CatalogueError as exc:
        message = str(exc)
    except Exception as exc:  # noqa: BLE001 - anything else is also "cannot open"
        log.exception("opening the catalogue failed")
        message = f"De interventiecatalogus kan niet worden geopend ({type(exc).__name__})."
    show_catalogue_error(message)
    return None


def catalogue_error_box(message: str) -> QMessageBox:
    from gala_desktop.ui.file_questions import message_box, name_message_labels

    box = message_box(None, QMessageBox.Icon.Critical, CATALOGUE_ERROR_TITLE, message)
    box.setInformativeText(
        "GALA Desktop kan zonder de catalogus niet starten. Installeer het programma opnieuw of "
        "neem contact op met uw IT-afdeling."
    )
    return name_message_labels(box)


def damaged_catalogue_box(message: str) -> QMessageBox:
    from gala_desktop.ui.file_questions import message_box

    return message_box(None, QMessageBox.Icon.Warning, "Catalogus beschadigd", message)


def show_catalogue_error(message: str) -> None:
    catalogue_error_box(message).exec()


def run(argv: list[str] | None = None, file: str | None = None) -> int:
    """Run the program; opens ``file`` when given. Returns the exit code."""
    app = create_application(list(argv) if argv is not None else sys.argv)
    install_translations(app)
    adopt_machine_updates()
    catalogue = open_catalogue()
    if catalogue is None:
        return 1
    from gala_desktop.ui.main_window import MainWindow

    window = MainWindow(catalogue)
    window.settings.hold_writes()  # the recent-files list is written after the first paint
    # before the window shows: a file on a slow share is read with a progress dialog, and the
    # window cannot be closed half-way through
    window.files.offer_recovery()
    if file:
        window.files.open_project(Path(file))

    def after_first_paint() -> None:
        startup.settle()  # the collector runs again, without the start-up objects
        window.settings.release_writes()  # the recent-files list the opened project added

    AfterFirstPaint(window, after_first_paint)
    window.show()
    code = app.exec()
    catalogue.close()
    return code
