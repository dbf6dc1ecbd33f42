"""Two things the program does around its start, to reach the first paint sooner.

``prepare()`` runs first, before Qt is loaded:

- The cyclic garbage collector pauses. Start-up creates a few hundred thousand objects that live
  as long as the program (modules, classes, enums, widgets) and next to no garbage; the collector
  would walk them some eighty times before the window is painted.
- The Qt-free layers (domain, project, catalogue, operations) are imported. Once PySide6 is
  loaded, it reads the whole source file of every module imported after it, to see whether the
  module uses PySide6's ``__feature__`` switches; modules loaded before it are not read.

``settle()`` runs once the main window has been painted: the objects made so far are moved out
of the collector's sight for good (``gc.freeze``) and collection resumes. They are the program's
modules, classes and its one window, which live as long as it does; the price is that one of them
that later ends up in an unreachable reference cycle is never collected. Never call this in a
process that goes on to unfreeze (a test session): garbage frozen with it would all be collected
late, at once.

Nothing here is needed for correctness; the start-up benchmark measures what it saves.
"""

from __future__ import annotations

import gc
import importlib

# The Qt-free modules the main window needs, with everything they import. A test checks that
# every such module loaded at the first paint was loaded before PySide6.
QT_FREE_AT_START = (
    "gala_desktop.project",
    "gala_desktop.operations.plan",
    "gala_desktop.operations.shortlist",
    "gala_desktop.operations.themes",
    "gala_desktop.catalogue.combined",
    "gala_desktop.catalogue.integrity",
    "gala_desktop.catalogue.own_library",
    "gala_desktop.catalogue.repository",
    "gala_desktop.catalogue.store",
    "gala_desktop.catalogue.unavailable",
    "gala_desktop.domain.overview",
    "gala_desktop.domain.validity",
    "gala_desktop.temp_files",
)

_paused = False


def prepare() -> None:
    """Pause the collector and load the Qt-free layers (call before anything imports Qt)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True
    for name in QT_FREE_AT_START:
        importlib.import_module(name)


def settle() -> None:
    """After the first paint: keep the start-up objects out of every later collection and let
    the collector run again (only when ``prepare`` paused it)."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
