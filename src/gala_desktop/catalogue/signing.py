"""Ed25519 keys and signatures for catalogue update files (via the ``cryptography`` library).

A maintainer keeps the private key (PKCS#8 PEM, never shipped); the program trusts the public
keys (SubjectPublicKeyInfo PEM, ``*.pub``) in ``resources/catalogue-keys/``. A key is named by
its *key id*: the first 16 hex digits of the SHA-256 of the raw 32-byte public key.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from gala_desktop import paths

PUBLIC_SUFFIX = ".pub"
PRIVATE_SUFFIX = ".key"


class SigningKeyError(Exception):
    """A key file cannot be used; ``str`` is a Dutch message."""


@dataclass(frozen=True)
class TrustedKey:
    key_id: str
    key: Ed25519PublicKey
    path: Path | None = None


def key_id(public: Ed25519PublicKey) -> str:
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def generate_key_pair(prefix: Path) -> tuple[Path, Path]:
    """Write ``PREFIX.key`` (private, owner-only) and ``PREFIX.pub``; refuses to overwrite."""
    private_path = prefix.with_name(prefix.name + PRIVATE_SUFFIX)
    public_path = prefix.with_name(prefix.name + PUBLIC_SUFFIX)
    for existing in (private_path, public_path):
        if existing.exists():
            raise SigningKeyError(f"{existing} bestaat al; een bestaande sleutel wordt nooit overschreven.")
    private = Ed25519PrivateKey.generate()
    private_pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    public_pem = private.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    fd = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(private_pem)
    public_path.write_bytes(public_pem)
    return private_path, public_path


def load_private_key(path: Path) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(Path(path).read_bytes(), password=None)
    except OSError as err:
        raise SigningKeyError(f"De sleutel {path} kan niet worden gelezen ({err.strerror}).") from err
    except (ValueError, TypeError) as err:
        raise SigningKeyError(f"{path} is geen bruikbare privésleutel (PEM, zonder wachtwoord).") from err
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningKeyError(f"{path} is geen Ed25519-sleutel.")
    return key


def load_public_key(path: Path) -> TrustedKey:
    try:
        key = serialization.load_pem_public_key(Path(path).read_bytes())
    except (OSError, ValueError, TypeError) as err:
        raise SigningKeyError(f"{path} is geen bruikbare openbare sleutel.") from err
    if not isinstance(key, Ed25519PublicKey):
        raise SigningKeyError(f"{path} is geen Ed25519-sleutel.")
    return TrustedKey(key_id(key), key, Path(path))


def trusted_keys(folder: Path | None = None) -> list[TrustedKey]:
    """The public keys the program trusts (default: the ones shipped with it)."""
    folder = Path(folder) if folder else paths.trusted_keys_dir()
    if not folder.is_dir():
        return []
    return [load_public_key(p) for p in sorted(folder.glob("*" + PUBLIC_SUFFIX))]


def sign(private: Ed25519PrivateKey, message: bytes) -> bytes:
    return private.sign(message)


def verify(keys: list[TrustedKey], wanted_id: str, signature: bytes, message: bytes) -> bool | None:
    """``True`` when a trusted key with ``wanted_id`` signed ``message``; ``None`` when no
    trusted key has that id; ``False`` when the signature does not match."""
    matching = [k for k in keys if k.key_id == wanted_id]
    if not matching:
        return None
    for trusted in matching:
        try:
            trusted.key.verify(signature, message)
            return True
        except InvalidSignature:
            continue
    return False
