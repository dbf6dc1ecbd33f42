"""Ed25519 keys and signatures for catalogue update files (via PyNaCl, i.e. libsodium).

A maintainer keeps the private key (PKCS#8 PEM, never shipped); the program trusts the public
keys (SubjectPublicKeyInfo PEM, ``*.pub``) in ``resources/catalogue-keys/``. A key is named by
its *key id*: the first 16 hex digits of the SHA-256 of the raw 32-byte public key.

The PEM files are the standard RFC 8410 encodings, so keys made by OpenSSL or by earlier
versions of this program (which used the ``cryptography`` library) load unchanged; for an
Ed25519 key both are fixed byte prefixes followed by the 32 key bytes.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from nacl.exceptions import BadSignatureError
from nacl.signing import SigningKey, VerifyKey

from gala_desktop import paths

PUBLIC_SUFFIX = ".pub"
PRIVATE_SUFFIX = ".key"

_ED25519_OID = bytes.fromhex("06032b6570")  # 1.3.101.112, id-Ed25519
# SubjectPublicKeyInfo: SEQUENCE { SEQUENCE { OID }, BIT STRING (0 unused bits) <32 bytes> }
_SPKI_PREFIX = bytes.fromhex("302a300506032b6570032100")
# PKCS#8 v1 (RFC 8410): SEQUENCE { INTEGER 0, SEQUENCE { OID }, OCTET STRING { OCTET STRING <32> } }
_PKCS8_PREFIX = bytes.fromhex("302e020100300506032b657004220420")
# PKCS#8 v2 (OneAsymmetricKey) with the public key appended as [1] BIT STRING
_PKCS8_V2_PREFIX = bytes.fromhex("3051020101300506032b657004220420")
_PKCS8_V2_PUBLIC = bytes.fromhex("812100")


class SigningKeyError(Exception):
    """A key file cannot be used; ``str`` is a Dutch message."""


@dataclass(frozen=True)
class PrivateKey:
    """An Ed25519 private key (the 32-byte seed)."""

    signing_key: SigningKey

    def sign(self, message: bytes) -> bytes:
        """The 64-byte detached signature of ``message``."""
        return self.signing_key.sign(message).signature

    def public_key(self) -> VerifyKey:
        return self.signing_key.verify_key


@dataclass(frozen=True)
class TrustedKey:
    key_id: str
    key: VerifyKey
    path: Path | None = None


def key_id(public: VerifyKey) -> str:
    return hashlib.sha256(bytes(public)).hexdigest()[:16]


def _pem(label: str, der: bytes) -> bytes:
    body = base64.encodebytes(der).decode("ascii").replace("\n", "")
    lines = [body[i : i + 64] for i in range(0, len(body), 64)]
    return ("\n".join([f"-----BEGIN {label}-----", *lines, f"-----END {label}-----"]) + "\n").encode("ascii")


def _der(data: bytes, label: str) -> bytes | None:
    """The DER bytes inside a PEM block labelled ``label``; ``None`` when there is none."""
    try:
        text = data.decode("ascii")
    except UnicodeDecodeError:
        return None
    begin, end = f"-----BEGIN {label}-----", f"-----END {label}-----"
    start = text.find(begin)
    stop = text.find(end, start + len(begin))
    if start < 0 or stop < 0:
        return None
    try:
        return base64.b64decode("".join(text[start + len(begin) : stop].split()), validate=True)
    except (binascii.Error, ValueError):
        return None


def generate_key_pair(prefix: Path) -> tuple[Path, Path]:
    """Write ``PREFIX.key`` (private, owner-only) and ``PREFIX.pub``; refuses to overwrite."""
    private_path = prefix.with_name(prefix.name + PRIVATE_SUFFIX)
    public_path = prefix.with_name(prefix.name + PUBLIC_SUFFIX)
    for existing in (private_path, public_path):
        if existing.exists():
            raise SigningKeyError(f"{existing} bestaat al; een bestaande sleutel wordt nooit overschreven.")
    private = SigningKey.generate()
    private_pem = _pem("PRIVATE KEY", _PKCS8_PREFIX + bytes(private))
    public_pem = _pem("PUBLIC KEY", _SPKI_PREFIX + bytes(private.verify_key))
    fd = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(private_pem)
    public_path.write_bytes(public_pem)
    return private_path, public_path


def load_private_key(path: Path) -> PrivateKey:
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        from gala_desktop.file_errors import read_failure_reason

        raise SigningKeyError(f"De sleutel {path} kan niet worden gelezen. {read_failure_reason(err)}") from err
    der = _der(data, "PRIVATE KEY")
    unusable = SigningKeyError(f"{path} is geen bruikbare privésleutel (PEM, zonder wachtwoord).")
    if der is None:
        raise unusable
    if len(der) == len(_PKCS8_PREFIX) + 32 and der.startswith(_PKCS8_PREFIX):
        return PrivateKey(SigningKey(der[len(_PKCS8_PREFIX) :]))
    v2_length = len(_PKCS8_V2_PREFIX) + 32 + len(_PKCS8_V2_PUBLIC) + 32
    if len(der) == v2_length and der.startswith(_PKCS8_V2_PREFIX):
        seed = der[len(_PKCS8_V2_PREFIX) : len(_PKCS8_V2_PREFIX) + 32]
        key = SigningKey(seed)
        if der[-32 - len(_PKCS8_V2_PUBLIC) : -32] == _PKCS8_V2_PUBLIC and der[-32:] == bytes(key.verify_key):
            return PrivateKey(key)
        raise unusable
    if _ED25519_OID in der[:16]:
        raise unusable
    raise SigningKeyError(f"{path} is geen Ed25519-sleutel.")


def load_public_key(path: Path) -> TrustedKey:
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        raise SigningKeyError(f"{path} is geen bruikbare openbare sleutel.") from err
    der = _der(data, "PUBLIC KEY")
    if der is None:
        raise SigningKeyError(f"{path} is geen bruikbare openbare sleutel.")
    if len(der) != len(_SPKI_PREFIX) + 32 or not der.startswith(_SPKI_PREFIX):
        if _ED25519_OID in der[:16]:
            raise SigningKeyError(f"{path} is geen bruikbare openbare sleutel.")
        raise SigningKeyError(f"{path} is geen Ed25519-sleutel.")
    key = VerifyKey(der[len(_SPKI_PREFIX) :])
    return TrustedKey(key_id(key), key, Path(path))


def trusted_keys(folder: Path | None = None) -> list[TrustedKey]:
    """The public keys the program trusts (default: the ones shipped with it)."""
    folder = Path(folder) if folder else paths.trusted_keys_dir()
    if not folder.is_dir():
        return []
    return [load_public_key(p) for p in sorted(folder.glob("*" + PUBLIC_SUFFIX))]


def sign(private: PrivateKey, message: bytes) -> bytes:
    return private.sign(message)


def verify(keys: list[TrustedKey], wanted_id: str, signature: bytes, message: bytes) -> bool | None:
    """``True`` when a trusted key with ``wanted_id`` signed ``message``; ``None`` when no
    trusted key has that id; ``False`` when the signature does not match."""
    matching = [k for k in keys if k.key_id == wanted_id]
    if not matching:
        return None
    for trusted in matching:
        try:
            trusted.key.verify(message, signature)
            return True
        except (BadSignatureError, ValueError):  # ValueError: not 64 bytes
            continue
    return False
