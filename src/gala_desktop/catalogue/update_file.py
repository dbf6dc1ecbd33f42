"""Signed catalogue update files (``.galacat``): make one, and check one before it is used.

A ``.galacat`` is a ZIP archive with exactly three members:

``manifest.json``
    what the update is: format, schema version, title, peildatum, counts, and the size and
    SHA-256 of the database;
``catalogue.sqlite``
    the built catalogue, byte for byte as ``gala-desktop catalogue build`` writes it;
``signature.ed25519``
    the 64-byte Ed25519 signature over ``SIGNED_PREFIX + manifest.json`` (the manifest holds
    the database's SHA-256, so the signature covers the whole content).

:func:`open_update` checks, in this order and before anything is installed: that the file is
an update file at all, that it is whole, that it is signed by a trusted key, the manifest, the
schema version, the database hash, and the database itself (:mod:`.integrity`). Every refusal
is an :class:`UpdateError` with a Dutch reason.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from gala_desktop import __version__
from gala_desktop.catalogue import queries
from gala_desktop.catalogue.integrity import CatalogueFacts, IntegrityError, check_database
from gala_desktop.domain.formatting import format_date

if TYPE_CHECKING:  # PyNaCl is imported only when an update file is packed or checked
    from gala_desktop.catalogue import signing

SUFFIX = ".galacat"
FORMAT = "gala-desktop-catalogue-update"
FORMAT_VERSION = 1
SIGNED_PREFIX = b"gala-desktop-catalogue-update\x00"
MANIFEST = "manifest.json"
DATABASE = "catalogue.sqlite"
SIGNATURE = "signature.ed25519"
MAX_DATABASE_BYTES = 512 * 1024 * 1024  # far above any real catalogue; refuses zip bombs


class UpdateError(Exception):
    """An update file is refused; ``str`` is a complete Dutch message."""


@dataclass(frozen=True)
class Manifest:
    schema_version: int
    title: str
    checked_on: dt.date
    counts: dict[str, int]
    sha256: str
    size: int
    key_id: str
    made_with: str

    def to_json(self) -> dict:
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "schema_version": self.schema_version,
            "title": self.title,
            "checked_on": self.checked_on.isoformat(),
            "counts": dict(self.counts),
            "database": {"name": DATABASE, "size": self.size, "sha256": self.sha256},
            "key_id": self.key_id,
            "made_with": self.made_with,
        }


@dataclass(frozen=True)
class VerifiedUpdate:
    """An update that passed every check; ``database`` is an extracted copy in a temp folder."""

    source: Path
    manifest: Manifest
    database: Path

    def discard(self) -> None:
        shutil.rmtree(self.database.parent, ignore_errors=True)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# -- making an update file ------------------------------------------------------------------


def pack_update(database: Path, private_key_path: Path, output: Path) -> Manifest:
    """Sign ``database`` (a built catalogue) into ``output``; checks the database first."""
    from gala_desktop.catalogue import signing  # PyNaCl: only when packing or checking

    private = signing.load_private_key(private_key_path)
    try:
        facts = check_database(database)
    except IntegrityError as err:
        raise UpdateError(f"{database} kan niet worden verpakt: {err}") from err
    manifest = Manifest(
        schema_version=facts.schema_version,
        title=facts.title,
        checked_on=facts.checked_on,
        counts=facts.counts,
        sha256=sha256_of(database),
        size=database.stat().st_size,
        key_id=signing.key_id(private.public_key()),
        made_with=__version__,
    )
    manifest_bytes = (json.dumps(manifest.to_json(), ensure_ascii=False, indent=2) + "\n").encode()
    signature = signing.sign(private, SIGNED_PREFIX + manifest_bytes)
    output = Path(output)
    fd, tmp_name = tempfile.mkstemp(prefix=".", suffix=SUFFIX, dir=output.parent)
    os.close(fd)
    try:
        with zipfile.ZipFile(tmp_name, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST, manifest_bytes)
            archive.write(database, DATABASE)
            archive.writestr(SIGNATURE, signature)
        os.replace(tmp_name, output)
    finally:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
    return manifest


# -- checking an update file ----------------------------------------------------------------

_NOT_AN_UPDATE = "{name} is geen catalogusbijwerking voor GALA Desktop."


def open_update(
    path: Path,
    trusted: list[signing.TrustedKey] | None = None,
    in_use: CatalogueFacts | None = None,
    in_use_sha256: str | None = None,
) -> VerifiedUpdate:
    """Check ``path`` completely and extract its database to a temp folder.

    ``in_use`` (the catalogue now in use) makes an older update a refusal. Nothing outside the
    temp folder is touched; on any failure the temp folder is removed again.
    """
    from gala_desktop.catalogue import signing  # PyNaCl: only when packing or checking

    path = Path(path)
    name = path.name
    trusted = signing.trusted_keys() if trusted is None else trusted
    try:
        with open(path, "rb") as handle:
            head = handle.read(4)
    except OSError as err:
        from gala_desktop.file_errors import read_failure_reason

        raise UpdateError(f"{name} kan niet worden gelezen. {read_failure_reason(err)}") from err
    if head[:2] != b"PK":
        raise UpdateError(_NOT_AN_UPDATE.format(name=name))
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as err:
        raise UpdateError(
            f"{name} is beschadigd of onvolledig (bijvoorbeeld een afgebroken download). "
            "Vraag het bestand opnieuw op."
        ) from err
    with archive:
        members = set(archive.namelist())
        if MANIFEST not in members or DATABASE not in members:
            raise UpdateError(_NOT_AN_UPDATE.format(name=name))
        if SIGNATURE not in members:
            raise UpdateError(
                f"{name} is niet ondertekend. Alleen ondertekende catalogusbijwerkingen worden "
                "geïnstalleerd."
            )
        manifest_bytes, signature = _read_small(archive, name)
        raw = _parse_manifest_json(manifest_bytes, name)
        verdict = signing.verify(trusted, str(raw.get("key_id", "")), signature, SIGNED_PREFIX + manifest_bytes)
        if verdict is None:
            raise UpdateError(
                f"{name} is ondertekend met een sleutel die dit programma niet kent. Gebruik "
                "alleen catalogusbijwerkingen van de uitgever van GALA Desktop."
            )
        if verdict is False:
            raise UpdateError(
                f"De handtekening van {name} klopt niet: het bestand is na het ondertekenen "
                "gewijzigd. Het wordt niet gebruikt."
            )
        manifest = _manifest(raw, name)
        _check_versions(manifest, name)
        info = archive.getinfo(DATABASE)
        if info.file_size != manifest.size or info.file_size > MAX_DATABASE_BYTES:
            raise UpdateError(f"{name} is beschadigd: de catalogus heeft niet de aangegeven grootte.")
        folder = Path(tempfile.mkdtemp(prefix="gala-catalogus-"))
        try:
            database = folder / DATABASE
            try:
                with archive.open(info) as src, open(database, "wb") as dst:
                    shutil.copyfileobj(src, dst, 1 << 20)
            except (zipfile.BadZipFile, EOFError, OSError, zlib.error) as err:
                raise UpdateError(f"{name} is beschadigd of onvolledig. Vraag het bestand opnieuw op.") from err
            if sha256_of(database) != manifest.sha256:
                raise UpdateError(f"{name} is beschadigd: de catalogus past niet bij de handtekening.")
            try:
                facts = check_database(database)
            except IntegrityError as err:
                raise UpdateError(f"{name} wordt niet gebruikt. {err}") from err
            if facts.checked_on != manifest.checked_on or facts.counts != manifest.counts:
                raise UpdateError(f"{name} is beschadigd: de catalogus past niet bij zijn beschrijving.")
            _check_not_older(manifest, name, in_use, in_use_sha256)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
    return VerifiedUpdate(path, manifest, database)


def _read_small(archive: zipfile.ZipFile, name: str) -> tuple[bytes, bytes]:
    try:
        if archive.getinfo(MANIFEST).file_size > 64 * 1024 or archive.getinfo(SIGNATURE).file_size > 1024:
            raise UpdateError(_NOT_AN_UPDATE.format(name=name))
        return archive.read(MANIFEST), archive.read(SIGNATURE)
    except (zipfile.BadZipFile, EOFError, OSError, zlib.error) as err:
        raise UpdateError(f"{name} is beschadigd of onvolledig. Vraag het bestand opnieuw op.") from err


def _parse_manifest_json(data: bytes, name: str) -> dict:
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as err:
        raise UpdateError(_NOT_AN_UPDATE.format(name=name)) from err
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise UpdateError(_NOT_AN_UPDATE.format(name=name))
    return raw


def _manifest(raw: dict, name: str) -> Manifest:
    try:
        database = raw["database"]
        counts = {str(k): int(v) for k, v in raw["counts"].items()}
        return Manifest(
            schema_version=int(raw["schema_version"]),
            title=str(raw.get("title", "")),
            checked_on=dt.date.fromisoformat(raw["checked_on"]),
            counts=counts,
            sha256=str(database["sha256"]),
            size=int(database["size"]),
            key_id=str(raw["key_id"]),
            made_with=str(raw.get("made_with", "")),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as err:
        raise UpdateError(f"De beschrijving in {name} is onvolledig; het bestand wordt niet gebruikt.") from err


def _check_versions(manifest: Manifest, name: str) -> None:
    if manifest.schema_version > queries.SCHEMA_VERSION:
        raise UpdateError(
            f"{name} is gemaakt voor een nieuwere versie van GALA Desktop (catalogusindeling "
            f"{manifest.schema_version}; dit programma kent indeling {queries.SCHEMA_VERSION}). "
            "Vraag uw IT-afdeling om GALA Desktop bij te werken."
        )
    if manifest.schema_version < queries.SCHEMA_VERSION:
        raise UpdateError(
            f"{name} heeft een oude catalogusindeling ({manifest.schema_version}) die dit "
            f"programma niet meer leest (indeling {queries.SCHEMA_VERSION}). Vraag een nieuwere "
            "catalogusbijwerking op."
        )


def _check_not_older(manifest: Manifest, name: str, in_use: CatalogueFacts | None, in_use_sha: str | None) -> None:
    if in_use is None:
        return
    if in_use_sha is not None and in_use_sha == manifest.sha256:
        raise UpdateError(f"De catalogus in {name} is al in gebruik.")
    if manifest.checked_on < in_use.checked_on:
        raise UpdateError(
            f"{name} bevat een oudere catalogus (peildatum {format_date(manifest.checked_on)}) dan "
            f"de catalogus in gebruik (peildatum {format_date(in_use.checked_on)}). Hij wordt niet "
            "geïnstalleerd."
        )
