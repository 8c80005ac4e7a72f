"""Offline transfer: the outbox written to one file that travels on a USB stick to the province.

A commune without a link for days still has to deliver its dossiers. :func:`export_queue` writes every queued
dossier (its :func:`sync.protocol.dossier_to_wire` body under the outbox idempotency key, exactly what the
network path would PUT) plus the attachment files those dossiers declare into ONE file, which the provincial
server imports with :func:`sync.server.transfer_import.import_transfer` through the same code as the network
PUT. Because the idempotency keys are the same, a dossier arriving both by stick and by network is stored once.

File format (all layers are checked by the importer, outermost first):

1. **Signature** — a :mod:`app.security.signing` envelope with purpose ``transfer``: JSON
   ``{"format": "motcua-signed/1", "alg": "Ed25519", "purpose": "transfer", "key_id", "signature",
   "payload": base64(sealed)}`` signed by the workstation's own Ed25519 key. The importer verifies it against
   the keys it trusts *before* decrypting anything, so an altered or foreign file is refused untouched.
2. **Sealed box** (``sealed``) — hybrid encryption for the province's X25519 key, so a copied stick reveals
   no name: ``MAGIC (18 bytes) | recipient key id (8) | ephemeral X25519 public key (32) | nonce (12) |
   AES-256-GCM ciphertext+tag``. The AES key is HKDF-SHA256 of the X25519 shared secret, salted with both
   public keys; everything before the ciphertext is the GCM associated data.
3. **Container** (the plaintext) — ``CONTAINER_MAGIC (8) | manifest length (8, big-endian) | manifest JSON
   (UTF-8) | attachment bytes, back to back``. The manifest lists ``dossiers`` (``key``, ``body``) and
   ``attachments`` (``id``, ``dossier_id``, ``sha256``, ``size``, ``filename``, ``offset`` into the blob area).

Exporting leaves the outbox as it is by default: the network path still sends everything, and the server
de-duplicates whatever arrives twice. ``mark_sent=True`` acknowledges the exported revisions locally, as if
the network had delivered them; use it only when the stick is certain to reach the province, because a lost
stick then means data the workstation no longer tries to send (until the dossier changes again).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import struct
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat
from sqlalchemy import select

from app import clock, outbox
from app.attachments import AttachmentStore
from app.errors import StorageError, ValidationError
from app.i18n import tr
from app.models import Dossier, DossierAttachment, OutboxItem
from app.security import signing
from sync.protocol import dossier_to_wire

MAGIC = b"motcua-transfer/1\x00"
CONTAINER_MAGIC = b"MCTC\x00\x00\x00\x01"
MANIFEST_FORMAT = "motcua-transfer-content/1"
HKDF_INFO = b"motcua-transfer/1 x25519-hkdf-sha256-aes256gcm"
RECIPIENT_ID_BYTES = 8
NONCE_BYTES = 12
KEY_BYTES = 32
HEADER_BYTES = len(MAGIC) + RECIPIENT_ID_BYTES + KEY_BYTES + NONCE_BYTES
# The signed envelope carries the sealed box in base64 (4/3 larger) and the verifier refuses files above
# signing.MAX_FILE_BYTES; the margin covers the manifest, the GCM tag and the envelope's JSON.
MAX_CONTENT_BYTES = signing.MAX_FILE_BYTES * 3 // 4 - (1 << 20)


class TransferError(ValidationError):
    """A transfer file that cannot be written, opened or read; ``message`` is for the official."""


# ------------------------------------------------------------------------------------------------ keys


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.strip().encode("ascii"), validate=True)


def generate_province_key() -> X25519PrivateKey:
    return X25519PrivateKey.generate()


def province_private_key_text(key: X25519PrivateKey) -> str:
    return _b64(key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption()))


def province_public_key_text(key: X25519PrivateKey | X25519PublicKey) -> str:
    public = key.public_key() if isinstance(key, X25519PrivateKey) else key
    return _b64(public.public_bytes(Encoding.Raw, PublicFormat.Raw))


def _bad_key(what: str, exc: Exception) -> TransferError:
    return TransferError(tr("Khoá {what} không đúng dạng (cần 32 byte mã hoá base64).", what=what),
                         detail=repr(exc))


def load_province_public_key(value: X25519PublicKey | str | bytes) -> X25519PublicKey:
    if isinstance(value, X25519PublicKey):
        return value
    try:
        raw = value if isinstance(value, bytes) else _unb64(value)
        return X25519PublicKey.from_public_bytes(raw)
    except (ValueError, binascii.Error) as exc:
        raise _bad_key(tr("công khai của tỉnh"), exc) from exc


def load_province_private_key(value: X25519PrivateKey | str | bytes) -> X25519PrivateKey:
    if isinstance(value, X25519PrivateKey):
        return value
    try:
        raw = value if isinstance(value, bytes) else _unb64(value)
        return X25519PrivateKey.from_private_bytes(raw)
    except (ValueError, binascii.Error) as exc:
        raise _bad_key(tr("bí mật của tỉnh"), exc) from exc


def _raw_public(key: X25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def recipient_id(key: X25519PublicKey) -> bytes:
    """A short fingerprint of the recipient key, so a file meant for another key gets a clear message."""
    return hashlib.sha256(b"motcua-transfer-recipient\x00" + _raw_public(key)).digest()[:RECIPIENT_ID_BYTES]


def _derive(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=ephemeral + recipient,
                info=HKDF_INFO).derive(shared)


def seal(plain: bytes, recipient: X25519PublicKey) -> bytes:
    """Encrypt for the holder of ``recipient``'s private key only (a fresh ephemeral key per file)."""
    ephemeral = X25519PrivateKey.generate()
    ephemeral_raw = _raw_public(ephemeral.public_key())
    key = _derive(ephemeral.exchange(recipient), ephemeral_raw, _raw_public(recipient))
    nonce = os.urandom(NONCE_BYTES)
    header = MAGIC + recipient_id(recipient) + ephemeral_raw + nonce
    return header + AESGCM(key).encrypt(nonce, plain, header)


def open_sealed(sealed: bytes, private_key: X25519PrivateKey) -> bytes:
    """The plaintext of :func:`seal`; a wrong key or any altered byte is a :class:`TransferError`."""
    if len(sealed) < HEADER_BYTES + 16 or not sealed.startswith(MAGIC):
        raise TransferError(tr("Tệp chuyển hồ sơ không đúng định dạng hoặc bị hỏng."))
    header = sealed[:HEADER_BYTES]
    start = len(MAGIC)
    wanted = header[start:start + RECIPIENT_ID_BYTES]
    ephemeral_raw = header[start + RECIPIENT_ID_BYTES:start + RECIPIENT_ID_BYTES + KEY_BYTES]
    nonce = header[-NONCE_BYTES:]
    own = private_key.public_key()
    if wanted != recipient_id(own):
        raise TransferError(tr("Tệp chuyển hồ sơ này được mã hoá cho một khoá khác, không phải khoá của máy chủ "
                               "này. Không giải mã được."))
    try:
        ephemeral = X25519PublicKey.from_public_bytes(ephemeral_raw)
        key = _derive(private_key.exchange(ephemeral), ephemeral_raw, _raw_public(own))
        return AESGCM(key).decrypt(nonce, sealed[HEADER_BYTES:], header)
    except (InvalidTag, ValueError) as exc:
        raise TransferError(tr("Không giải mã được tệp chuyển hồ sơ: sai khoá hoặc tệp đã bị sửa."),
                            detail=repr(exc)) from exc


# ------------------------------------------------------------------------------------------- container


def pack(manifest: dict[str, Any], blobs: Iterable[bytes]) -> bytes:
    text = json.dumps(manifest, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return b"".join([CONTAINER_MAGIC, struct.pack(">Q", len(text)), text, *blobs])


def unpack(plain: bytes) -> tuple[dict[str, Any], memoryview]:
    """The manifest and the blob area (a view: attachments are sliced out without copies)."""
    head = len(CONTAINER_MAGIC) + 8
    if len(plain) < head or not plain.startswith(CONTAINER_MAGIC):
        raise TransferError(tr("Nội dung tệp chuyển hồ sơ không đúng định dạng."))
    (length,) = struct.unpack(">Q", plain[len(CONTAINER_MAGIC):head])
    if length > len(plain) - head:
        raise TransferError(tr("Nội dung tệp chuyển hồ sơ bị cắt cụt."))
    try:
        manifest = json.loads(plain[head:head + length].decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise TransferError(tr("Danh mục trong tệp chuyển hồ sơ không đọc được."), detail=repr(exc)) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != MANIFEST_FORMAT:
        raise TransferError(tr("Tệp chuyển hồ sơ thuộc phiên bản không được hỗ trợ."))
    return manifest, memoryview(plain)[head + length:]


# ---------------------------------------------------------------------------------------------- export


@dataclass
class ExportReport:
    path: Path
    transfer_id: str
    dossiers: int = 0
    attachments: int = 0
    bytes_written: int = 0
    marked_sent: int = 0  # outbox rows acknowledged locally (only with mark_sent=True)
    # Attachments left out: already on the server, missing from the local store, or beyond the size limit.
    # They stay queued and go by network (or in a later export).
    skipped_attachments: list[str] = field(default_factory=list)


def _queued(session: Any) -> list[OutboxItem]:
    # Every queued row, also those waiting out a retry delay: due_items() would leave out exactly the rows the
    # broken link has been failing on, which are the ones the stick is for.
    return list(session.scalars(select(OutboxItem).order_by(OutboxItem.priority, OutboxItem.created_at,
                                                            OutboxItem.id)))


def export_queue(db: Any, store: AttachmentStore, out_path: str | Path,
                 recipient_public_key: X25519PublicKey | str | bytes, signing_key: Ed25519PrivateKey, *,
                 unit_id: str, workstation: str = "", mark_sent: bool = False) -> ExportReport:
    """Write the whole outbox to ``out_path`` (atomically), encrypted for the province and signed.

    ``db`` is an :class:`app.db.Database`; ``unit_id`` is the unit the server enrolled this workstation
    under (the importer stores the dossiers for that unit, as a network PUT would). The outbox is not
    changed unless ``mark_sent`` is true (see the module docstring for what that risks).
    """
    recipient = load_province_public_key(recipient_public_key)
    out_path = Path(out_path)
    transfer_id = str(uuid.uuid4())
    report = ExportReport(path=out_path, transfer_id=transfer_id)
    dossiers: list[dict[str, Any]] = []
    entries: list[dict[str, Any]] = []
    blobs: list[bytes] = []
    offset = 0
    exported: list[tuple[str, str, int]] = []  # (kind, key, revision) to acknowledge with mark_sent
    with db.session() as session:
        items = _queued(session)
        wanted: dict[str, tuple[DossierAttachment, OutboxItem | None]] = {}
        for item in items:
            if item.kind == outbox.DOSSIER:
                dossier = session.scalar(select(Dossier).where(Dossier.id == item.key))
                if dossier is None:
                    continue  # deleted locally; the engine drops such rows on its next run
                dossiers.append({"key": outbox.idempotency_key(item), "body": dossier_to_wire(dossier, item.revision)})
                exported.append((item.kind, item.key, item.revision))
                for attachment in dossier.attachments:
                    wanted.setdefault(attachment.id, (attachment, None))
        for item in items:
            if item.kind == outbox.ATTACHMENT:
                attachment = session.get(DossierAttachment, item.key)
                if attachment is not None:
                    wanted[attachment.id] = (attachment, item)
        budget = MAX_CONTENT_BYTES - len(json.dumps(dossiers, ensure_ascii=False).encode("utf-8"))
        if budget < 0:
            raise TransferError(tr("Hàng đợi quá lớn để ghi vào một tệp chuyển hồ sơ."))
        for attachment, item in wanted.values():
            # A file the server already holds completely would only make the stick heavier.
            if attachment.uploaded_at is not None and item is None:
                continue
            if offset + attachment.size + 1024 > budget:
                report.skipped_attachments.append(attachment.id)
                continue
            try:
                data = store.read(attachment.sha256)  # verified against its hash: no torn file travels
            except StorageError:
                report.skipped_attachments.append(attachment.id)
                continue
            entries.append({"id": attachment.id, "dossier_id": attachment.dossier_id,
                            "sha256": attachment.sha256, "size": len(data), "offset": offset,
                            "filename": attachment.original_name or f"{attachment.id}.{attachment.kind}"})
            blobs.append(data)
            offset += len(data)
            if item is not None:
                exported.append((item.kind, item.key, item.revision))
    manifest = {"format": MANIFEST_FORMAT, "transfer_id": transfer_id, "created_at": clock.now().isoformat(),
                "unit_id": unit_id, "workstation": workstation,
                "signer": signing.key_id(signing_key.public_key()), "dossiers": dossiers, "attachments": entries}
    sealed = seal(pack(manifest, blobs), recipient)
    signing.write_envelope(out_path, sealed, signing_key, signing.TRANSFER)  # temp file, fsync, rename
    report.dossiers = len(dossiers)
    report.attachments = len(entries)
    report.bytes_written = out_path.stat().st_size
    if mark_sent:
        # Only after the file is safely written: a failed export must leave the queue as it was.
        with db.session() as session:
            for kind, key, revision in exported:
                if outbox.acknowledge(session, kind, key, revision):
                    report.marked_sent += 1
    return report
