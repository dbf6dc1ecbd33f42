"""Signed catalogue update files: pack, verify, install, roll back — and every refusal."""

from __future__ import annotations

import shutil
import sqlite3
import zipfile

import pytest

from gala_desktop import cli, paths
from gala_desktop.catalogue import schema, signing
from gala_desktop.catalogue.integrity import catalogue_facts
from gala_desktop.catalogue.repository import Catalogue
from gala_desktop.catalogue.store import CatalogueStore, StoreError
from gala_desktop.catalogue.update_file import UpdateError, open_update, pack_update
from update_support import build_small, intervention_toml, make_key, read_update, with_database, write_signed

SMALL = {k: intervention_toml(k, k.capitalize()) for k in ("alfa", "beta", "gamma")}


@pytest.fixture(scope="module")
def keys(tmp_path_factory):
    folder = tmp_path_factory.mktemp("keys")
    private, trusted = make_key(folder, "test")
    stranger, _ = make_key(folder, "stranger")
    return private, trusted, stranger


@pytest.fixture()
def shipped_small(tmp_path, monkeypatch, keys):
    """A small 'shipped' catalogue (peildatum 2026-11-01) and the test key as the trusted one."""
    shipped = build_small(tmp_path / "shipped", SMALL, "2026-11-01")
    monkeypatch.setattr(paths, "shipped_catalogue", lambda: shipped)
    key_dir = tmp_path / "trusted"
    key_dir.mkdir()
    shutil.copy(keys[1].path, key_dir / "test.pub")
    monkeypatch.setattr(paths, "trusted_keys_dir", lambda: key_dir)
    return shipped


def newer_update(tmp_path, keys, checked_on="2026-11-20", extra=None) -> tuple:
    interventions = dict(SMALL)
    interventions["delta"] = intervention_toml("delta", "Delta", level="goed_onderbouwd")
    interventions.update(extra or {})
    database = build_small(tmp_path / f"new-{checked_on}", interventions, checked_on)
    output = tmp_path / f"catalogus-{checked_on}.galacat"
    return pack_update(database, keys[0], output), output


def test_shipped_public_key_loads_and_is_not_the_test_key(keys):
    shipped = signing.trusted_keys()
    assert shipped, "resources/catalogue-keys/ must hold at least one public key"
    assert keys[1].key_id not in {k.key_id for k in shipped}


def test_pack_writes_signed_manifest_with_facts(tmp_path, keys, shipped_small):
    manifest, output = newer_update(tmp_path, keys)
    raw, database = read_update(output)
    assert raw["format"] == "gala-desktop-catalogue-update"
    assert raw["schema_version"] == schema.SCHEMA_VERSION
    assert raw["checked_on"] == "2026-11-20"
    assert raw["counts"]["intervention"] == 4
    assert raw["key_id"] == keys[1].key_id
    assert len(database) == raw["database"]["size"]
    verified = open_update(output, [keys[1]])
    try:
        assert verified.manifest == manifest
        assert catalogue_facts(verified.database).counts["intervention"] == 4
    finally:
        verified.discard()


def test_build_sign_install_and_roll_back_through_the_cli(tmp_path, keys, shipped_small, capsys):
    source_db = build_small(tmp_path / "src", {**SMALL, "delta": intervention_toml("delta", "Delta")},
                            "2026-11-20")
    update = tmp_path / "catalogus-2026-11.galacat"
    assert cli.main(["catalogue", "pack", "--key", str(keys[0]), "--catalogue", str(source_db),
                     "--output", str(update)]) == 0
    with Catalogue.open() as before:
        assert before.path == shipped_small and before.count() == 3

    assert cli.main(["catalogue", "install", str(update)]) == 0
    assert "nieuw: 1" in capsys.readouterr().out
    store = CatalogueStore()
    assert store.current().checked_on.isoformat() == "2026-11-20"
    assert store.current().file.startswith("catalogus-2026-11-20-")
    assert store.root == paths.data_dir() / "catalogus"
    with Catalogue.open() as after:
        assert after.path.parent == store.root
        assert after.count() == 4 and after.get("delta").name == "Delta"

    # installing the same file again is refused, nothing changes
    assert cli.main(["catalogue", "install", str(update)]) == 1
    assert "al in gebruik" in capsys.readouterr().err

    assert cli.main(["catalogue", "rollback"]) == 0
    with Catalogue.open() as back:
        assert back.path == shipped_small and back.count() == 3
    assert cli.main(["catalogue", "rollback"]) == 1
    assert "geen vorige catalogus" in capsys.readouterr().err


def test_second_update_keeps_the_first_as_previous(tmp_path, keys, shipped_small):
    store = CatalogueStore()
    for checked_on in ("2026-11-10", "2026-11-20"):
        _, file = newer_update(tmp_path, keys, checked_on)
        verified = store.verify(file, [keys[1]])
        store.install(verified)
        verified.discard()
    assert store.active().facts.checked_on.isoformat() == "2026-11-20"
    assert store.previous().checked_on.isoformat() == "2026-11-10"
    assert store.roll_back().facts.checked_on.isoformat() == "2026-11-10"
    assert store.roll_back().installed is None  # back to the shipped catalogue
    assert len(list(store.root.glob("catalogus-*.sqlite"))) == 0


def test_a_newer_shipped_catalogue_wins_over_an_older_install(tmp_path, keys, shipped_small, monkeypatch):
    store = CatalogueStore()
    _, file = newer_update(tmp_path, keys, "2026-11-10")
    store.install(store.verify(file, [keys[1]]))
    newer_shipped = build_small(tmp_path / "release", SMALL, "2026-11-25")
    monkeypatch.setattr(paths, "shipped_catalogue", lambda: newer_shipped)
    assert CatalogueStore().active().path == newer_shipped


def test_machine_wide_folder_is_adopted_once_and_not_after_rollback(tmp_path, keys, shipped_small):
    machine = paths.machine_catalogue_dir()
    machine.mkdir(parents=True)
    _, file = newer_update(tmp_path, keys, "2026-11-15")
    shutil.copy(file, machine / file.name)
    (machine / "kapot.galacat").write_bytes(b"PK\x03\x04 kapot")
    store = CatalogueStore()
    assert store.adopt_machine_updates() == [f"Catalogus bijgewerkt uit {file.name}"]
    assert store.active().facts.checked_on.isoformat() == "2026-11-15"
    store.roll_back()
    assert store.adopt_machine_updates() == []
    assert store.active().installed is None


def test_a_damaged_install_falls_back_to_the_shipped_catalogue(tmp_path, keys, shipped_small):
    store = CatalogueStore()
    _, file = newer_update(tmp_path, keys)
    entry = store.install(store.verify(file, [keys[1]]))
    (store.root / entry.file).write_bytes(b"niets")
    with Catalogue.open() as cat:
        assert cat.path == shipped_small
        assert "beschadigd of onleesbaar" in cat.set_aside_notice


def test_an_update_of_another_schema_version_is_set_aside_and_said_so(tmp_path, keys, shipped_small):
    """After a program upgrade that changed the database's layout, the update installed under
    the old version cannot be read: the shipped catalogue is used, and the officer is told."""
    import sqlite3

    from gala_desktop.catalogue.queries import SCHEMA_VERSION

    store = CatalogueStore()
    _, file = newer_update(tmp_path, keys)
    entry = store.install(store.verify(file, [keys[1]]))
    with Catalogue.open() as cat:
        assert cat.path == store.root / entry.file and cat.set_aside_notice == ""
    with sqlite3.connect(store.root / entry.file) as conn:  # as the previous version wrote it
        conn.execute("UPDATE catalogue_meta SET value = ? WHERE key = 'schema_version'",
                     (str(SCHEMA_VERSION - 1),))
    conn.close()
    active = store.active()
    assert active.path == shipped_small and active.installed is None and active.set_aside == entry
    with Catalogue.open() as cat:
        assert cat.path == shipped_small and cat.count() == 3
        notice = cat.set_aside_notice
    assert notice.startswith("De geïnstalleerde catalogusupdate (peildatum 20 november 2026) wordt niet gebruikt")
    assert "andere versie van GALA Desktop" in notice and f"indeling {SCHEMA_VERSION - 1}" in notice
    assert "meegeleverde catalogus (peildatum 1 november 2026)" in notice
    with Catalogue.open(shipped_small) as cat:  # a catalogue opened by its path tells nothing
        assert cat.set_aside_notice == ""


# -- every bad file is refused, and the catalogue in use is unchanged ----------------------------


def refused(store: CatalogueStore, file, trusted, *phrases: str) -> None:
    before = (store.active().path, store.current(), sorted(p.name for p in store.root.glob("*")) if store.root.exists() else [])
    with pytest.raises(UpdateError) as caught:
        store.verify(file, trusted)
    message = str(caught.value)
    for phrase in phrases:
        assert phrase in message, message
    after = (store.active().path, store.current(), sorted(p.name for p in store.root.glob("*")) if store.root.exists() else [])
    assert after == before
    with Catalogue.open() as cat:
        assert cat.count() == 3  # still the shipped test catalogue, and it still works


@pytest.fixture()
def good(tmp_path, keys, shipped_small):
    _, file = newer_update(tmp_path, keys)
    return file


def test_unsigned_file_is_refused(tmp_path, keys, good):
    manifest, database = read_update(good)
    bad = write_signed(tmp_path / "unsigned.galacat", manifest, database, None)
    refused(CatalogueStore(), bad, [keys[1]], "niet ondertekend")


def test_file_signed_with_an_unknown_key_is_refused(tmp_path, keys, good):
    manifest, database = read_update(good)
    manifest["key_id"] = signing.load_public_key(keys[2].with_suffix(".pub")).key_id
    bad = write_signed(tmp_path / "stranger.galacat", manifest, database, keys[2])
    refused(CatalogueStore(), bad, [keys[1]], "sleutel die dit programma niet kent")


def test_file_changed_after_signing_is_refused(tmp_path, keys, good):
    manifest, database = read_update(good)
    bad = tmp_path / "changed.galacat"
    with zipfile.ZipFile(good) as src:
        signature = src.read("signature.ed25519")
    manifest["checked_on"] = "2026-11-29"
    write_signed(bad, manifest, database, None, signature=signature)
    refused(CatalogueStore(), bad, [keys[1]], "handtekening", "klopt niet")


def test_database_swapped_under_a_valid_signature_is_refused(tmp_path, keys, good):
    with zipfile.ZipFile(good) as src:
        manifest_bytes, signature = src.read("manifest.json"), src.read("signature.ed25519")
        database = bytearray(src.read("catalogue.sqlite"))
    database[5000:5010] = b"0123456789"  # same size, other content
    bad = write_signed(tmp_path / "swapped.galacat", manifest_bytes, bytes(database), None, signature=signature)
    refused(CatalogueStore(), bad, [keys[1]], "beschadigd")


def test_truncated_file_is_refused(tmp_path, keys, good):
    data = good.read_bytes()
    bad = tmp_path / "afgebroken.galacat"
    bad.write_bytes(data[: len(data) // 2])
    refused(CatalogueStore(), bad, [keys[1]], "beschadigd of onvolledig")


def test_signed_but_corrupt_database_is_refused(tmp_path, keys, good):
    manifest, database = read_update(good)
    corrupt = tmp_path / "corrupt.sqlite"
    data = bytearray(database)
    for offset in range(4096 * 2, len(data) - 4096, 4096):  # scribble over every page but the first
        data[offset + 100: offset + 400] = b"\xa5" * 300
    corrupt.write_bytes(bytes(data))
    bad = write_signed(tmp_path / "corrupt.galacat", with_database(manifest, corrupt), bytes(data), keys[0])
    refused(CatalogueStore(), bad, [keys[1]], "wordt niet gebruikt", "beschadigd")


def _signed_with_changed_database(tmp_path, keys, good, statement: str):
    """``good`` with one SQL statement run on its database, signed again with the trusted key."""
    manifest, database = read_update(good)
    changed = tmp_path / "changed.sqlite"
    changed.write_bytes(database)
    with sqlite3.connect(changed) as conn:
        conn.execute(statement)
    conn.close()
    return write_signed(tmp_path / "changed.galacat", with_database(manifest, changed),
                        changed.read_bytes(), keys[0])


def test_signed_database_with_an_unknown_level_is_refused(tmp_path, keys, good):
    bad = _signed_with_changed_database(tmp_path, keys, good,
                                        "UPDATE listing SET level = 'fantastisch' WHERE id = 1")
    refused(CatalogueStore(), bad, [keys[1]], "waarden die dit programma niet kent", "fantastisch")


def test_signed_database_missing_search_text_is_refused(tmp_path, keys, good):
    """A filtered search checks the candidates' text in ``search_text``: an intervention without
    it would silently never be found, so such a file is not installed."""
    bad = _signed_with_changed_database(tmp_path, keys, good, "DELETE FROM search_text WHERE id = 1")
    refused(CatalogueStore(), bad, [keys[1]], "onvolledig", "zoektekst")


def test_older_catalogue_is_refused(tmp_path, keys, shipped_small):
    _, newer = newer_update(tmp_path, keys, "2026-11-20")
    store = CatalogueStore()
    store.install(store.verify(newer, [keys[1]]))
    _, older = newer_update(tmp_path, keys, "2026-11-10")
    refused_store = CatalogueStore()
    with pytest.raises(UpdateError, match="oudere catalogus"):
        refused_store.verify(older, [keys[1]])
    assert refused_store.active().facts.checked_on.isoformat() == "2026-11-20"


def test_newer_schema_is_refused(tmp_path, keys, good):
    manifest, database = read_update(good)
    manifest["schema_version"] = schema.SCHEMA_VERSION + 1
    bad = write_signed(tmp_path / "nieuw.galacat", manifest, database, keys[0])
    refused(CatalogueStore(), bad, [keys[1]], "nieuwere versie van GALA Desktop")


def test_older_schema_is_refused(tmp_path, keys, good):
    manifest, database = read_update(good)
    manifest["schema_version"] = schema.SCHEMA_VERSION - 1
    bad = write_signed(tmp_path / "oud.galacat", manifest, database, keys[0])
    refused(CatalogueStore(), bad, [keys[1]], "oude catalogusindeling")


def test_files_that_are_not_a_catalogue_update_are_refused(tmp_path, keys, good, shipped_catalogue_path):
    pdf = tmp_path / "bijlage.galacat"
    pdf.write_bytes(b"%PDF-1.7\n" + b"x" * 200)
    refused(CatalogueStore(), pdf, [keys[1]], "geen catalogusbijwerking")
    plain_zip = tmp_path / "foto's.galacat"
    with zipfile.ZipFile(plain_zip, "w") as archive:
        archive.writestr("foto.jpg", b"\xff\xd8")
    refused(CatalogueStore(), plain_zip, [keys[1]], "geen catalogusbijwerking")
    # a signed file whose database is some other SQLite database
    manifest, _ = read_update(good)
    other = tmp_path / "ander.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE klant (naam TEXT)")
    conn.close()
    bad = write_signed(tmp_path / "ander.galacat", with_database(manifest, other), other.read_bytes(), keys[0])
    refused(CatalogueStore(), bad, [keys[1]], "geen volledige catalogus")


def test_cli_install_refusal_says_the_catalogue_is_unchanged(tmp_path, shipped_small, capsys):
    bad = tmp_path / "leeg.galacat"
    bad.write_bytes(b"")
    assert cli.main(["catalogue", "install", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "geen catalogusbijwerking" in err and "niet gewijzigd" in err
    assert not CatalogueStore().root.exists() or CatalogueStore().current() is None


def test_installing_never_happens_when_the_store_cannot_be_written(tmp_path, keys, shipped_small, monkeypatch):
    _, file = newer_update(tmp_path, keys)
    blocked = tmp_path / "blokkade"
    blocked.write_text("geen map")
    store = CatalogueStore(root=blocked / "catalogus")
    verified = store.verify(file, [keys[1]])
    with pytest.raises(StoreError, match="niet gewijzigd"):
        store.install(verified)
    assert store.active().path == shipped_small


def test_keygen_refuses_to_overwrite(tmp_path, capsys):
    assert cli.main(["catalogue", "keygen", "--output", str(tmp_path / "k")]) == 0
    assert (tmp_path / "k.key").stat().st_mode & 0o077 == 0
    assert cli.main(["catalogue", "keygen", "--output", str(tmp_path / "k")]) == 1
    assert "nooit overschreven" in capsys.readouterr().err
