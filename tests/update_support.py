"""Test keys and hand-made update files, for the catalogue update tests."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from gala_desktop.catalogue import signing
from gala_desktop.catalogue.builder import build_catalogue
from gala_desktop.catalogue.update_file import DATABASE, MANIFEST, SIGNATURE, SIGNED_PREFIX, sha256_of
from catalogue_factory import intervention_toml, write_source


def make_key(folder: Path, name: str = "test") -> tuple[Path, signing.TrustedKey]:
    folder.mkdir(parents=True, exist_ok=True)
    private, public = signing.generate_key_pair(folder / name)
    return private, signing.load_public_key(public)


def build_small(root: Path, interventions: dict[str, str], checked_on: str) -> Path:
    """A small built catalogue with the given interventions and peildatum."""
    source = write_source(root, interventions)
    (source / "catalogue.toml").write_text(
        f'title = "Testcatalogus"\nchecked_on = {checked_on}\n', encoding="utf-8"
    )
    output = root / "catalogue.sqlite"
    build_catalogue(source, output)
    return output


def write_signed(path: Path, manifest: dict | bytes, database: bytes, private_key: Path | None,
                 signature: bytes | None = None) -> Path:
    """An update file with exactly this manifest and database, signed with ``private_key``."""
    manifest_bytes = manifest if isinstance(manifest, bytes) else json.dumps(manifest).encode()
    if signature is None and private_key is not None:
        signature = signing.load_private_key(private_key).sign(SIGNED_PREFIX + manifest_bytes)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(MANIFEST, manifest_bytes)
        archive.writestr(DATABASE, database)
        if signature is not None:
            archive.writestr(SIGNATURE, signature)
    return path


def read_update(path: Path) -> tuple[dict, bytes]:
    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read(MANIFEST)), archive.read(DATABASE)


def with_database(manifest: dict, database_path: Path) -> dict:
    changed = json.loads(json.dumps(manifest))
    changed["database"] = {"name": DATABASE, "size": database_path.stat().st_size,
                           "sha256": sha256_of(database_path)}
    return changed


__all__ = ["intervention_toml", "make_key", "build_small", "write_signed", "read_update", "with_database"]
