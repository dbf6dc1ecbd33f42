"""Installed catalogue updates in the user data folder, and which catalogue is in use.

The shipped catalogue sits read-only in the program folder. Verified updates are copied to
``paths.catalogue_store_dir()`` under a name derived from their SHA-256, and ``state.json``
says which one is *current* and which one came before it (*previous*; absent means the shipped
catalogue). Switching is one atomic write of ``state.json``, so a catalogue that is open (and
on Windows cannot be replaced) is never overwritten.

The catalogue in use is the newest (by peildatum) of the shipped one and the current installed
one; on a tie the installed one wins. Rolling back makes the previous one current again and
remembers the rolled-back update as *declined*, so it is not picked up again from the
machine-wide folder (``paths.machine_catalogue_dir()``), where IT may place ``.galacat`` files.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import shutil
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from gala_desktop import paths
from gala_desktop.catalogue.integrity import CatalogueFacts, IntegrityError, catalogue_facts
from gala_desktop.catalogue.queries import SCHEMA_VERSION
from gala_desktop.file_errors import write_failure_reason
from gala_desktop.domain.formatting import format_date_long

if TYPE_CHECKING:  # update files (hashlib, zipfile, PyNaCl) are read only when one is checked
    from gala_desktop.catalogue import signing
    from gala_desktop.catalogue.update_file import VerifiedUpdate

log = logging.getLogger(__name__)

STATE_FILE = "state.json"
STATE_FORMAT = "gala-desktop-catalogue-store"


class StoreError(Exception):
    """An install or rollback could not be done; ``str`` is a Dutch message."""


@dataclass(frozen=True)
class InstalledCatalogue:
    file: str
    sha256: str
    title: str
    checked_on: dt.date
    counts: dict[str, int]
    installed_on: str

    def to_json(self) -> dict:
        return {
            "file": self.file, "sha256": self.sha256, "title": self.title,
            "checked_on": self.checked_on.isoformat(), "counts": dict(self.counts),
            "installed_on": self.installed_on,
        }

    @classmethod
    def from_json(cls, raw: dict) -> "InstalledCatalogue":
        return cls(
            file=str(raw["file"]), sha256=str(raw["sha256"]), title=str(raw.get("title", "")),
            checked_on=dt.date.fromisoformat(raw["checked_on"]),
            counts={str(k): int(v) for k, v in raw.get("counts", {}).items()},
            installed_on=str(raw.get("installed_on", "")),
        )


@dataclass(frozen=True)
class ActiveCatalogue:
    """The catalogue in use: where it is, its facts, and whether it is an installed update."""

    path: Path
    facts: CatalogueFacts
    installed: InstalledCatalogue | None  # None: the shipped catalogue
    # The current installed update when this program cannot use it (another schema version
    # after a program upgrade, or a damaged file), with why in Dutch; the shipped one is used.
    set_aside: InstalledCatalogue | None = None
    set_aside_reason: str = ""
    set_aside_advice: str = ""

    def set_aside_notice(self) -> str:
        """What the officer is told when their installed update is not used ("" when it is)."""
        if self.set_aside is None:
            return ""
        return (
            f"De geïnstalleerde catalogusupdate (peildatum "
            f"{format_date_long(self.set_aside.checked_on)}) wordt niet gebruikt: "
            f"{self.set_aside_reason}. GALA Desktop gebruikt de meegeleverde catalogus (peildatum "
            f"{format_date_long(self.facts.checked_on)}); uw projecten zijn niet gewijzigd. "
            f"{self.set_aside_advice}"
        )

    @property
    def sha256(self) -> str:
        from gala_desktop.catalogue.update_file import sha256_of

        return self.installed.sha256 if self.installed else sha256_of(self.path)


@dataclass
class _State:
    current: InstalledCatalogue | None = None
    previous: InstalledCatalogue | None = None
    declined: list[str] = field(default_factory=list)
    machine_seen: dict[str, list[int]] = field(default_factory=dict)


class CatalogueStore:
    def __init__(self, root: Path | None = None, shipped: Path | None = None) -> None:
        self.root = Path(root) if root else paths.catalogue_store_dir()
        self.shipped = Path(shipped) if shipped else paths.shipped_catalogue()

    # -- reading --------------------------------------------------------------------------

    def _load(self) -> _State:
        try:
            raw = json.loads((self.root / STATE_FILE).read_text(encoding="utf-8"))
            if raw.get("format") != STATE_FORMAT:
                return _State()
            state = _State(declined=[str(d) for d in raw.get("declined", [])],
                           machine_seen={str(k): list(v) for k, v in raw.get("machine_seen", {}).items()})
            for slot in ("current", "previous"):
                if raw.get(slot):
                    entry = InstalledCatalogue.from_json(raw[slot])
                    if (self.root / entry.file).is_file():
                        setattr(state, slot, entry)
            return state
        except FileNotFoundError:
            return _State()
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            log.warning("catalogue store state unreadable; using the shipped catalogue", exc_info=True)
            return _State()

    def current(self) -> InstalledCatalogue | None:
        return self._load().current

    def previous(self) -> InstalledCatalogue | None:
        return self._load().previous

    def active(self) -> ActiveCatalogue:
        shipped = ActiveCatalogue(self.shipped, catalogue_facts(self.shipped), None)
        current = self._load().current
        if current is None or current.checked_on < shipped.facts.checked_on:
            return shipped
        path = self.root / current.file
        try:
            facts = catalogue_facts(path)
        except IntegrityError:
            log.warning("installed catalogue %s unreadable; using the shipped one", path)
            return replace(shipped, set_aside=current,
                           set_aside_reason="het bestand is beschadigd of onleesbaar",
                           set_aside_advice="Installeer de update opnieuw.")
        if facts.schema_version != SCHEMA_VERSION:
            log.warning("installed catalogue %s has schema version %s, this program reads %s; "
                        "using the shipped one", path, facts.schema_version, SCHEMA_VERSION)
            return replace(shipped, set_aside=current, set_aside_reason=(
                f"hij is gemaakt voor een andere versie van GALA Desktop (indeling "
                f"{facts.schema_version}; deze versie leest indeling {SCHEMA_VERSION})"),
                set_aside_advice="Vraag uw beheerder om een catalogusupdate voor deze versie.")
        return ActiveCatalogue(path, facts, current)

    def can_roll_back(self) -> bool:
        return self._load().current is not None

    # -- changing -------------------------------------------------------------------------

    def verify(self, update_file: Path, trusted: list[signing.TrustedKey] | None = None) -> VerifiedUpdate:
        """Check ``update_file`` against the catalogue in use (raises ``UpdateError``)."""
        from gala_desktop.catalogue.update_file import open_update

        active = self.active()
        return open_update(update_file, trusted, active.facts, active.sha256)

    def install(self, update: VerifiedUpdate) -> InstalledCatalogue:
        """Make a verified update the catalogue in use; the one in use becomes *previous*."""
        from gala_desktop.catalogue.update_file import sha256_of

        manifest = update.manifest
        state = self._load()
        active = self.active()
        entry = InstalledCatalogue(
            file=f"catalogus-{manifest.checked_on.isoformat()}-{manifest.sha256[:12]}.sqlite",
            sha256=manifest.sha256, title=manifest.title, checked_on=manifest.checked_on,
            counts=dict(manifest.counts),
            installed_on=dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        )
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            target = self.root / entry.file
            if not target.is_file() or sha256_of(target) != entry.sha256:
                _copy_atomic(update.database, target)
            state.previous = active.installed
            state.current = entry
            if entry.sha256 in state.declined:
                state.declined.remove(entry.sha256)
            self._save(state)
        except OSError as err:
            raise StoreError(
                f"De catalogus kon niet worden geïnstalleerd in {self.root}. {write_failure_reason(err)} "
                "De catalogus in gebruik is niet gewijzigd."
            ) from err
        self._clean(state)
        return entry

    def roll_back(self) -> ActiveCatalogue:
        """Go back to the catalogue used before the current update."""
        state = self._load()
        if state.current is None:
            raise StoreError("Er is geen vorige catalogus om terug te zetten.")
        state.declined.append(state.current.sha256)
        state.current, state.previous = state.previous, None
        try:
            self._save(state)
        except OSError as err:
            raise StoreError(f"De vorige catalogus kon niet worden teruggezet. {write_failure_reason(err)}") from err
        self._clean(state)
        return self.active()

    def adopt_machine_updates(
        self, folder: Path | None = None, trusted: list[signing.TrustedKey] | None = None
    ) -> list[str]:
        """Install the newest acceptable update IT placed in the machine-wide folder.

        Files seen before (same name, size and time) are skipped; a refused file is logged and
        left alone, the program keeps working. Returns a Dutch line per file installed.
        """
        folder = Path(folder) if folder else paths.machine_catalogue_dir()
        try:
            if not folder.is_dir():  # the usual case: nothing placed, nothing more to load
                return []
            from gala_desktop.catalogue.update_file import SUFFIX, UpdateError

            candidates = sorted(folder.glob("*" + SUFFIX))
        except OSError:
            return []
        state = self._load()
        installed: list[str] = []
        for candidate in candidates:
            try:
                stat = candidate.stat()
            except OSError:
                continue
            stamp = [stat.st_size, stat.st_mtime_ns]
            if state.machine_seen.get(candidate.name) == stamp:
                continue
            try:
                update = self.verify(candidate, trusted)
            except UpdateError as err:
                log.warning("machine-wide catalogue update refused: %s", err)
            else:
                try:
                    if update.manifest.sha256 not in state.declined:
                        self.install(update)
                        installed.append(f"Catalogus bijgewerkt uit {candidate.name}")
                except StoreError as err:
                    log.warning("%s", err)
                finally:
                    update.discard()
            state = self._load()
            state.machine_seen[candidate.name] = stamp
            try:
                self._save(state)
            except OSError:
                pass
        return installed

    def _save(self, state: _State) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        raw = {
            "format": STATE_FORMAT,
            "current": state.current.to_json() if state.current else None,
            "previous": state.previous.to_json() if state.previous else None,
            "declined": state.declined,
            "machine_seen": state.machine_seen,
        }
        data = (json.dumps(raw, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        fd, tmp = tempfile.mkstemp(prefix=".state-", suffix=".tmp", dir=self.root)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.root / STATE_FILE)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)

    def _clean(self, state: _State) -> None:
        """Remove installed files no longer referenced (best effort: one may still be open)."""
        keep = {e.file for e in (state.current, state.previous) if e}
        for path in self.root.glob("catalogus-*.sqlite"):
            if path.name not in keep:
                try:
                    path.unlink()
                except OSError:
                    pass


def _copy_atomic(source: Path, target: Path) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        shutil.copyfile(source, tmp)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def active_catalogue() -> tuple[Path, str]:
    """The catalogue file to open: the newest of shipped and installed (see module docstring);
    and, when the current installed update is set aside, what to tell the officer (Dutch)."""
    try:
        active = CatalogueStore().active()
    except IntegrityError:
        return paths.shipped_catalogue(), ""
    return active.path, active.set_aside_notice()


def diff_files(old: Path, new: Path):
    """The :class:`~gala_desktop.domain.catalogue_diff.CatalogueDiff` between two catalogue files."""
    from gala_desktop.catalogue.repository import Catalogue
    from gala_desktop.domain.catalogue_diff import diff_catalogues

    with Catalogue.open(old) as before, Catalogue.open(new) as after:
        return diff_catalogues(before.all(), after.all())
