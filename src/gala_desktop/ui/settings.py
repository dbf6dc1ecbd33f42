"""The user's settings, typed, over an INI-format ``QSettings`` file at ``paths.settings_file()``.

Each setting is declared once with its key, type and default (``_Setting``); reading a value of
the wrong type (an edited or damaged INI file) falls back to the default instead of failing.
The recent-files list keeps at most ``MAX_RECENT`` entries and drops files that no longer exist.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

from gala_desktop import paths

MAX_RECENT = 10

T = TypeVar("T")


class _Setting(Generic[T]):
    """A descriptor for one typed value in the settings file."""

    def __init__(self, key: str, kind: type, default: T) -> None:
        self.key = key
        self.kind = kind
        self.default = default

    def __get__(self, owner: "AppSettings | None", objtype=None) -> T:
        if owner is None:
            return self  # type: ignore[return-value]
        return owner._read(self.key, self.kind, self.default)

    def __set__(self, owner: "AppSettings", value: T) -> None:
        owner._qsettings.setValue(self.key, value)


class _HeldWrites(QObject):
    """Swallows the request QSettings posts to itself to write its changes to disk."""

    def eventFilter(self, _obj, event) -> bool:  # noqa: N802 - Qt's name
        return event.type() == QEvent.Type.UpdateRequest


class AppSettings:
    """Typed access to the settings file. One instance per main window is fine: QSettings
    objects pointing at the same file share their state within the process."""

    geometry = _Setting("window/geometry", QByteArray, QByteArray())
    window_state = _Setting("window/state", QByteArray, QByteArray())
    last_directory = _Setting("files/last_directory", str, "")
    text_zoom = _Setting("view/text_zoom", int, 0)  # points added to the detail and plan text
    export_format = _Setting("export/format", str, "pdf")  # "pdf" or "docx": the last choice
    docx_template = _Setting("export/docx_template", str, "")  # house-style .dotx/.docx, or ""

    def __init__(self, file: Path | None = None) -> None:
        path = Path(file) if file is not None else paths.settings_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        self.file = path
        self._qsettings = QSettings(str(path), QSettings.Format.IniFormat)
        self._held: _HeldWrites | None = None

    # -- writing to disk later ----------------------------------------------------------------

    def hold_writes(self) -> None:
        """Keep changes in memory only until :meth:`release_writes`: at start-up, so that opening
        a project (the recent-files list) does not write and flush the file before the window
        is first painted. Reading sees the changes at once."""
        if self._held is None:
            self._held = _HeldWrites()
            self._qsettings.installEventFilter(self._held)

    def release_writes(self) -> None:
        """Write what was held (and from now on as usual)."""
        if self._held is not None:
            self._qsettings.removeEventFilter(self._held)
            self._held = None
            self._qsettings.sync()

    # -- generic typed reading ----------------------------------------------------------------

    def _read(self, key: str, kind: type, default: Any) -> Any:
        value = self._qsettings.value(key, default)
        if kind is QByteArray:
            if isinstance(value, QByteArray):
                return value
            if isinstance(value, (bytes, bytearray)):
                return QByteArray(bytes(value))
            return default
        if kind is int:
            try:
                return int(value)
            except (TypeError, ValueError):
                return default
        if kind is bool:
            if isinstance(value, str):
                return value.lower() in ("true", "1", "yes")
            return bool(value)
        return value if isinstance(value, kind) else default

    def _read_list(self, key: str) -> list[str]:
        # INI QSettings gives a lone string for a one-element list and None for an empty one.
        value = self._qsettings.value(key, [])
        if value is None:
            return []
        if isinstance(value, str):
            return [value] if value else []
        if isinstance(value, (list, tuple)):
            return [str(v) for v in value if v]
        return []

    def sync(self) -> None:
        self._qsettings.sync()

    # -- recent files -------------------------------------------------------------------------

    def recent_files(self) -> list[Path]:
        """Recently used project files, newest first. Not checked on disk: a file on a share
        that is away now (at home without VPN) stays in the list, and a share that does not
        answer cannot hold up the menu; opening a file that is gone takes it off the list."""
        return [Path(p) for p in self._read_list("files/recent")][:MAX_RECENT]

    def add_recent_file(self, path: Path) -> None:
        path = Path(path).resolve()
        # entries are stored resolved: compared as they are, never looked up (a share that is
        # away could hold up every open and save)
        current = [p for p in self.recent_files() if p != path]
        self._write_recent([path, *current][:MAX_RECENT])
        self.last_directory = str(path.parent)

    def remove_recent_file(self, path: Path) -> None:
        path = Path(path).resolve()
        self._write_recent([p for p in self.recent_files() if p != path])

    def clear_recent_files(self) -> None:
        self._write_recent([])

    def _write_recent(self, files: list[Path]) -> None:
        self._qsettings.setValue("files/recent", [str(p) for p in files])

    # -- window and splitter geometry ---------------------------------------------------------

    def save_window(self, window: QMainWindow, splitters: dict[str, QSplitter]) -> None:
        self.geometry = window.saveGeometry()
        self.window_state = window.saveState()
        for name, splitter in splitters.items():
            self._qsettings.setValue(f"splitters/{name}", splitter.saveState())
        self.sync()

    def restore_window(self, window: QMainWindow, splitters: dict[str, QSplitter]) -> bool:
        """Restore what :meth:`save_window` stored; ``False`` when nothing was stored yet."""
        geometry = self.geometry
        restored = bool(geometry.size()) and window.restoreGeometry(geometry)
        state = self.window_state
        if state.size():
            window.restoreState(state)
        for name, splitter in splitters.items():
            value = self._read(f"splitters/{name}", QByteArray, QByteArray())
            restored = bool(value.size()) and splitter.restoreState(value) and restored
        return restored
