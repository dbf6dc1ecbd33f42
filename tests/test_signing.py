"""Ed25519 key files and signatures: compatible with what earlier versions and OpenSSL wrote."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from gala_desktop.catalogue import signing
from gala_desktop.catalogue.update_file import MANIFEST, SIGNATURE, SIGNED_PREFIX

DATA = Path(__file__).resolve().parent / "data" / "signing"
MESSAGE = b"gala-desktop test message"
# Ed25519 signatures are deterministic: these are what cryptography and OpenSSL produced for
# MESSAGE with the key files in DATA.
LEGACY_SIGNATURE = bytes.fromhex(
    "72c18b4e1a3a401eab34882a078e2ec15cc2faba8e4d5d4b51613214c3e59a57"
    "0845aae2994f7395dc914f36f0e73fb984a5a1b332a74dc3e60a790a78ad6300"
)
OPENSSL_SIGNATURE = bytes.fromhex(
    "980d3ab4e79bb8d92ff2de2121cb81d9971606c1af4cd55cb32725077a6fe508"
    "4460efbae50802e73ce86db8758b913ece39bb7005d78283920fb45406ec8c0a"
)


def signed_parts(path: Path) -> tuple[dict, bytes, bytes]:
    with zipfile.ZipFile(path) as archive:
        manifest = archive.read(MANIFEST)
        return json.loads(manifest), SIGNED_PREFIX + manifest, archive.read(SIGNATURE)


@pytest.mark.parametrize(("name", "expected"), [("legacy-test", LEGACY_SIGNATURE), ("openssl", OPENSSL_SIGNATURE)])
def test_existing_key_files_load_and_sign_byte_for_byte_as_before(name, expected):
    private = signing.load_private_key(DATA / f"{name}.key")
    public = signing.load_public_key(DATA / f"{name}.pub")
    assert signing.key_id(private.public_key()) == public.key_id
    assert signing.sign(private, MESSAGE) == expected
    assert signing.verify([public], public.key_id, expected, MESSAGE) is True


def test_update_file_signed_by_the_earlier_library_still_verifies():
    manifest, message, signature = signed_parts(DATA / "legacy-test.galacat")
    trusted = [signing.load_public_key(DATA / "legacy-test.pub")]
    assert manifest["key_id"] == trusted[0].key_id == "28c66bae7348e119"
    assert signing.verify(trusted, manifest["key_id"], signature, message) is True
    assert signing.verify(trusted, manifest["key_id"], signature, message.replace(b"2026-11-20", b"2026-11-21")) is False
    assert signing.verify(trusted, manifest["key_id"], signature[:-1] + bytes([signature[-1] ^ 1]), message) is False
    assert signing.verify(trusted, manifest["key_id"], signature[:63], message) is False  # too short: no exception
    assert signing.verify(trusted, manifest["key_id"], b"", message) is False
    assert signing.verify(trusted, "0000000000000000", signature, message) is None


def test_the_shipped_public_key_keeps_its_key_id():
    assert [k.key_id for k in signing.trusted_keys()] == ["978a35580dd5cd3e"]


def test_new_key_files_have_the_earlier_format(tmp_path):
    private_path, public_path = signing.generate_key_pair(tmp_path / "nieuw")
    assert private_path.stat().st_mode & 0o077 == 0
    for path, label, legacy in ((private_path, "PRIVATE KEY", "legacy-test.key"),
                                (public_path, "PUBLIC KEY", "legacy-test.pub")):
        lines = path.read_text(encoding="ascii").splitlines()
        legacy_lines = (DATA / legacy).read_text(encoding="ascii").splitlines()
        assert (lines[0], lines[-1]) == (f"-----BEGIN {label}-----", f"-----END {label}-----")
        assert [len(line) for line in lines] == [len(line) for line in legacy_lines]
        assert lines[1][:16] == legacy_lines[1][:16]  # the same DER prefix (algorithm, lengths)
    private = signing.load_private_key(private_path)
    public = signing.load_public_key(public_path)
    assert signing.key_id(private.public_key()) == public.key_id
    signature = signing.sign(private, MESSAGE)
    assert len(signature) == 64
    assert signing.verify([public], public.key_id, signature, MESSAGE) is True
    with pytest.raises(signing.SigningKeyError, match="bestaat al"):
        signing.generate_key_pair(tmp_path / "nieuw")


def test_pkcs8_with_the_public_key_appended_loads(tmp_path):
    legacy = signing.load_private_key(DATA / "legacy-test.key")
    seed = bytes(legacy.signing_key)
    public = bytes(legacy.public_key())
    v2 = bytes.fromhex("3051020101300506032b657004220420") + seed + bytes.fromhex("812100") + public
    (tmp_path / "v2.key").write_bytes(signing._pem("PRIVATE KEY", v2))
    assert signing.sign(signing.load_private_key(tmp_path / "v2.key"), MESSAGE) == LEGACY_SIGNATURE
    wrong = v2[:-1] + bytes([v2[-1] ^ 1])  # a public key that does not belong to the seed
    (tmp_path / "wrong.key").write_bytes(signing._pem("PRIVATE KEY", wrong))
    with pytest.raises(signing.SigningKeyError, match="geen bruikbare privésleutel"):
        signing.load_private_key(tmp_path / "wrong.key")


@pytest.mark.parametrize(("name", "loader", "message"), [
    ("ec-p256.key", signing.load_private_key, "geen Ed25519-sleutel"),
    ("ec-p256.pub", signing.load_public_key, "geen Ed25519-sleutel"),
    ("encrypted.key", signing.load_private_key, "geen bruikbare privésleutel"),
    ("legacy-test.pub", signing.load_private_key, "geen bruikbare privésleutel"),
    ("legacy-test.key", signing.load_public_key, "geen bruikbare openbare sleutel"),
    ("legacy-test.galacat", signing.load_public_key, "geen bruikbare openbare sleutel"),
    ("does-not-exist.key", signing.load_private_key, "kan niet worden gelezen"),
    ("does-not-exist.pub", signing.load_public_key, "geen bruikbare openbare sleutel"),
])
def test_unusable_key_files_are_refused_in_dutch(name, loader, message):
    with pytest.raises(signing.SigningKeyError, match=message):
        loader(DATA / name)


def test_damaged_pem_is_refused(tmp_path):
    text = (DATA / "legacy-test.pub").read_text(encoding="ascii")
    (tmp_path / "kapot.pub").write_text(text.replace("MCow", "MC*w"), encoding="ascii")
    (tmp_path / "kort.pub").write_text(text.replace("MCow", "MCox"), encoding="ascii")
    for name in ("kapot.pub", "kort.pub"):
        with pytest.raises(signing.SigningKeyError, match="geen bruikbare openbare sleutel"):
            signing.load_public_key(tmp_path / name)
