"""Import of an offline transfer file (see :mod:`sync.transfer`) into the server, idempotent with the network.

Order of checks: the workstation's signature against the trusted keys, then decryption with the province's
key, then the manifest. Nothing is decrypted before the signature holds, and nothing is stored before the
whole file has been read and checked, so a damaged stick leaves the database untouched.

Each dossier then goes through :func:`sync.server.store.validate_dossier_body` and
:func:`sync.server.store.put_dossier` — the very functions behind ``PUT /v1/dossiers/{id}`` — under the key
the outbox gave it. A dossier already delivered by network (or by an earlier import of the same file) is a
replay of the same key and body, and an older revision never overwrites a newer one. Each attachment becomes
a completed upload row keyed by its client-made id, exactly what a finished tus upload leaves behind.
"""

from __future__ import annotations

import base64
import hashlib
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from app.i18n import tr
from app.security import signing
from sync.server.db import ServerDatabase, local_now
from sync.server.errors import ApiError
from sync.server.models import Upload
from sync.server.store import SAFE_ID, SHA256_HEX, Principal, put_dossier, validate_dossier_body
from sync.server.tus import TusStore, _fsync_dir
from sync.transfer import TransferError, load_province_private_key, open_sealed, unpack

MAX_LABEL = 128


@dataclass
class ImportReport:
    transfer_id: str
    unit_id: str
    signer: str
    stored: int = 0  # dossier states written (new dossier or newer revision)
    replayed: int = 0  # same key already applied (by network or an earlier import)
    superseded: int = 0  # accepted key, but the server already held a newer revision
    files_stored: int = 0
    files_present: int = 0  # already complete on the server
    refused: list[str] = field(default_factory=list)  # Vietnamese, one line per refused item


def _bad(message: str) -> TransferError:
    return TransferError(tr("Tệp chuyển hồ sơ không hợp lệ: {reason}", reason=message))


def _manifest_parts(manifest: dict[str, Any], blob_size: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Check the manifest's shape before anything is stored (the signature vouches for the signer, not for
    the absence of bugs in the exporting version)."""
    dossiers = manifest.get("dossiers")
    attachments = manifest.get("attachments")
    if not isinstance(dossiers, list) or not isinstance(attachments, list):
        raise _bad(tr("thiếu danh sách hồ sơ hoặc tệp đính kèm"))
    unit_id = manifest.get("unit_id")
    if not isinstance(unit_id, str) or not unit_id.strip():
        raise _bad(tr("thiếu mã đơn vị"))
    for entry in dossiers:
        body = entry.get("body") if isinstance(entry, dict) else None
        if not isinstance(body, dict) or not isinstance(entry.get("key"), str):
            raise _bad(tr("một hồ sơ thiếu nội dung hoặc khoá"))
        # The key must be the one the network path would use, or the two paths would not de-duplicate.
        if entry["key"] != f"dossier:{body.get('id')}:{body.get('revision')}":
            raise _bad(tr("khoá của hồ sơ {id} không khớp nội dung", id=str(body.get("id"))[:64]))
    for item in attachments:
        ok = (isinstance(item, dict) and isinstance(item.get("id"), str) and SAFE_ID.match(item["id"])
              and isinstance(item.get("dossier_id"), str) and SAFE_ID.match(item["dossier_id"])
              and isinstance(item.get("sha256"), str) and SHA256_HEX.match(item["sha256"])
              and isinstance(item.get("size"), int) and isinstance(item.get("offset"), int)
              and item["offset"] >= 0 and item["size"] >= 0 and item["offset"] + item["size"] <= blob_size)
        if not ok:
            raise _bad(tr("mục tệp đính kèm không hợp lệ"))
    return dossiers, attachments


def _tus_metadata(metadata: dict[str, str]) -> str:
    """The ``Upload-Metadata`` header a tus client would have sent, so a later HEAD answers the same."""
    return ",".join(f"{k} {base64.b64encode(v.encode('utf-8')).decode('ascii')}" for k, v in metadata.items())


def _store_file(uploads: TusStore, principal: Principal, item: dict[str, Any], data: bytes) -> bool:
    """Make the attachment a completed upload; ``False`` when the server already held it complete."""
    metadata = {"attachment_id": item["id"], "dossier_id": item["dossier_id"], "sha256": item["sha256"],
                "filename": str(item.get("filename") or item["id"])}
    # create() is the tus creation path: same id with other content or another unit is a 409, same id and
    # content names the existing row.
    info = uploads.create(principal, len(data), metadata, _tus_metadata(metadata))
    if info.completed:
        return False
    fd, tmp = tempfile.mkstemp(prefix=f".{item['id']}.", suffix=".import", dir=uploads.dir)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        with uploads.db.session() as session:
            row = session.get(Upload, item["id"], with_for_update=True)
            if row is None or row.completed_at is not None:
                return False  # deleted or finished by a network upload meanwhile
            # The whole file replaces any partial network upload. A PATCH still writing to the old file loses
            # its offset race (commit_offset needs the old offset) and is told to ask again.
            os.replace(tmp, uploads.dir.parent / row.file_path)
            row.offset = row.length
            row.completed_at = local_now()
        _fsync_dir(uploads.dir)
        return True
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _looks_like_envelope(path: Path) -> bool:
    """A transfer file is always one signed envelope: a damaged frame gets a clear refusal here instead of
    the verifier's search for a detached ``.sig`` file (meant for catalogues)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
            handle.seek(max(0, path.stat().st_size - 16))
            tail = handle.read()
    except OSError:
        return True  # let the verifier report the missing or unreadable file in its own words
    marker = b'"format": "' + signing.ENVELOPE_FORMAT.encode("ascii") + b'"'
    return head.startswith(b"{") and marker in head and tail.rstrip().endswith(b"}")


def _signer_label(manifest: dict[str, Any]) -> str:
    station = str(manifest.get("workstation") or "").strip()
    label = f"transfer:{str(manifest.get('signer', ''))[:16]}"
    return (f"{label}:{station}" if station else label)[:MAX_LABEL]


def import_transfer(uploads: TusStore | ServerDatabase, path: str | Path,
                    province_private_key: X25519PrivateKey | str | bytes,
                    trusted_workstation_keys: Iterable[signing.PublicKeyLike], *,
                    storage_dir: str | Path | None = None) -> ImportReport:
    """Verify, decrypt and apply a transfer file; safe to run twice or after the network delivered.

    ``uploads`` is the server's :class:`TusStore` (database and attachment folder); a bare
    :class:`ServerDatabase` needs ``storage_dir``. Raises :class:`sync.transfer.TransferError` or
    :class:`app.security.signing.SignatureError` (Vietnamese messages) when the file as a whole is refused;
    a single dossier the server refuses (e.g. a code already used by another dossier) is listed in
    ``ImportReport.refused`` and the others are still stored, as the network path would do.
    """
    if isinstance(uploads, ServerDatabase):
        if storage_dir is None:
            raise ValueError("storage_dir is required with a bare ServerDatabase")
        from sync.server.app import DEFAULT_MAX_UPLOAD

        uploads = TusStore(uploads, Path(storage_dir), DEFAULT_MAX_UPLOAD)
    private_key = load_province_private_key(province_private_key)
    path = Path(path)
    if not _looks_like_envelope(path):
        raise signing.SignatureError(tr(
            "Tệp {path} không phải tệp chuyển hồ sơ có chữ ký số hợp lệ hoặc đã bị sửa. Không nhập tệp này.",
            path=path.name))
    sealed = signing.verify_transfer_file(path, list(trusted_workstation_keys))  # before any decryption
    manifest, blob = unpack(open_sealed(sealed, private_key))
    dossiers, attachments = _manifest_parts(manifest, len(blob))
    files: list[tuple[dict[str, Any], bytes]] = []
    for item in attachments:
        data = bytes(blob[item["offset"]:item["offset"] + item["size"]])
        if hashlib.sha256(data).hexdigest() != item["sha256"]:
            raise _bad(tr("tệp đính kèm {id} không khớp mã SHA-256", id=item["id"]))
        files.append((item, data))

    principal = Principal(id=0, name=_signer_label(manifest), unit_id=manifest["unit_id"].strip())
    report = ImportReport(transfer_id=str(manifest.get("transfer_id", "")), unit_id=principal.unit_id,
                          signer=str(manifest.get("signer", "")))
    # Files first: the dossier replies stored for replay then list no missing attachments, so a workstation
    # whose network PUT is answered from that record does not upload them again.
    for item, data in files:
        try:
            if _store_file(uploads, principal, item, data):
                report.files_stored += 1
            else:
                report.files_present += 1
        except ApiError as exc:
            report.refused.append(tr("Tệp {id}: {message}", id=item["id"], message=exc.message))
    for entry in dossiers:
        body = entry["body"]
        label = str(body.get("code") or body.get("id"))[:64]
        try:
            checked = validate_dossier_body(str(body.get("id")), body)
            result = put_dossier(uploads.db, principal, checked["id"], entry["key"], checked)
        except ApiError as exc:
            report.refused.append(tr("Hồ sơ {code}: {message}", code=label, message=exc.message))
            continue
        if result.replayed:
            report.replayed += 1
        elif result.reply["stored_revision"] > result.reply["revision"]:
            report.superseded += 1
        else:
            report.stored += 1
    return report
