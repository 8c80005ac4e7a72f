"""Attachment encryption at rest: AES-256-GCM with a key derived per file.

Every stored file gets a fresh random salt and nonce. The file key is HKDF-SHA256(master key, salt), so no
two files share a key and a nonce can never repeat under one key, whatever the number of files. The header
(magic, version, salt, nonce) is authenticated as associated data: a flipped byte anywhere, header included,
makes decryption fail instead of returning altered content.

Stored layout: ``b"MCAG" | version (1 byte) | salt (16) | nonce (12) | ciphertext | tag (16)``.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.attachments import AttachmentStore
from app.errors import StorageError
from app.fsutil import atomic_write_bytes, fsync_dir, storage_error
from app.i18n import tr

MAGIC = b"MCAG"
VERSION = 1
SALT_BYTES = 16
NONCE_BYTES = 12
TAG_BYTES = 16
HEADER_BYTES = len(MAGIC) + 1 + SALT_BYTES + NONCE_BYTES
_INFO = b"motcua attachment file key v1"


def _damaged(detail: str) -> StorageError:
    return StorageError(
        tr("Tệp đính kèm bị hỏng hoặc bị sửa đổi nên không giải mã được. Hãy quét hoặc nhập lại tài liệu."),
        detail=detail,
    )


class AesGcmCipher:
    """:class:`app.attachments.Cipher` with AES-256-GCM and a per-file key derived from ``master_key``."""

    name = "aesgcm-v1"

    def __init__(self, master_key: bytes) -> None:
        if len(master_key) < 32:
            raise ValueError("the attachment master key must be at least 32 bytes")
        self._master = bytes(master_key)

    def fingerprint(self) -> str:
        """A short, non-secret identifier of the master key (lets a migration tell keys apart)."""
        return hmac.new(self._master, b"motcua attachment key id", hashlib.sha256).hexdigest()[:16]

    def _file_key(self, salt: bytes) -> AESGCM:
        key = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=_INFO).derive(self._master)
        return AESGCM(key)

    def encrypt(self, plain: bytes) -> bytes:
        salt = os.urandom(SALT_BYTES)
        nonce = os.urandom(NONCE_BYTES)
        header = MAGIC + bytes([VERSION]) + salt + nonce
        return header + self._file_key(salt).encrypt(nonce, plain, header)

    def decrypt(self, stored: bytes) -> bytes:
        if len(stored) < HEADER_BYTES + TAG_BYTES or not stored.startswith(MAGIC):
            raise _damaged("not an aesgcm-v1 file (bad magic or too short)")
        if stored[len(MAGIC)] != VERSION:
            raise _damaged(f"unknown aesgcm format version {stored[len(MAGIC)]}")
        header = stored[:HEADER_BYTES]
        salt = header[len(MAGIC) + 1:len(MAGIC) + 1 + SALT_BYTES]
        nonce = header[len(MAGIC) + 1 + SALT_BYTES:]
        try:
            return self._file_key(salt).decrypt(nonce, stored[HEADER_BYTES:], header)
        except InvalidTag as exc:
            raise _damaged("authentication tag mismatch (tampered, damaged or another key)") from exc


def _plaintext_old(path: Path) -> Path:
    return path.with_name(path.name + ".plaintext-old")


def encrypt_store_in_place(store: AttachmentStore, cipher: AesGcmCipher) -> int:
    """Encrypt the files an earlier, unencrypted store left in clear; returns how many were encrypted.

    Each file is moved aside, written encrypted at its own name (temp + fsync + rename), and only then is
    the plaintext overwritten and removed, so a crash at any point loses nothing: the next run puts a
    moved-aside file back (if its encrypted version was not written) or wipes it (if it was).
    Files already encrypted with ``cipher`` are left alone; anything else fails with :class:`StorageError`.
    """
    from app.db import wipe_file  # the same overwrite-then-unlink as the database's plaintext

    root = store.root
    if not root.is_dir():
        return 0
    for old in sorted(root.glob("??/*.plaintext-old")):
        target = old.with_name(old.name.removesuffix(".plaintext-old"))
        if target.exists():
            wipe_file(old)
        else:
            os.replace(old, target)
    count = 0
    for sha in list(store.all_hashes()):
        path = store.path_for(sha)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise storage_error(exc, path) from exc
        if data.startswith(MAGIC):
            try:
                cipher.decrypt(data)
                continue
            except StorageError:
                pass  # a plaintext file may start with the magic bytes by chance: check its hash below
        if hashlib.sha256(data).hexdigest() != sha:
            raise _damaged(f"{path}: neither encrypted with this key nor the plain content of its hash")
        old = _plaintext_old(path)
        try:
            os.replace(path, old)
            fsync_dir(path.parent)
        except OSError as exc:
            raise storage_error(exc, path) from exc
        atomic_write_bytes(path, cipher.encrypt(data))
        wipe_file(old)
        count += 1
    return count
