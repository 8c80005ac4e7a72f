"""tus 1.0 resumable uploads (core, creation, checksum with sha256, termination) for attachments.

Durability order: bytes are appended and fsynced *before* the new offset is committed to the database, so a
committed offset never points past data on disk. Bytes written after the last committed offset (a crash in
between) are dropped by truncating the file to the committed offset when the next PATCH starts.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response

from app.i18n import tr
from sync.protocol import TUS_EXTENSIONS, TUS_VERSION
from sync.server.db import ServerDatabase, local_now
from sync.server.errors import ApiError
from sync.server.models import Upload
from sync.server.store import SAFE_ID, SHA256_HEX, Principal

UPLOADS_PATH = "/v1/uploads"
OFFSET_CONTENT_TYPE = "application/offset+octet-stream"
CHECKSUM_ALGORITHMS = "sha256"
EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()
WRITE_BATCH = 1 << 20  # bytes gathered before one write call leaves the event loop
REQUIRED_METADATA = ("attachment_id", "dossier_id", "sha256", "filename")


def tus_headers(**extra: str) -> dict[str, str]:
    return {"Tus-Resumable": TUS_VERSION, **extra}


class UploadLocks:
    """Which uploads have a request writing to them. A second writer is refused at once rather than queued:
    it would only find the offset moved and get 409 anyway."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._busy: set[str] = set()

    def try_acquire(self, upload_id: str) -> bool:
        with self._guard:
            if upload_id in self._busy:
                return False
            self._busy.add(upload_id)
            return True

    def release(self, upload_id: str) -> None:
        with self._guard:
            self._busy.discard(upload_id)


@dataclass(frozen=True)
class UploadInfo:
    attachment_id: str
    dossier_id: str
    unit_id: str
    length: int
    offset: int
    sha256: str
    raw_metadata: str
    completed: bool
    path: Path


def parse_metadata(header: str | None) -> dict[str, str]:
    """Decode ``Upload-Metadata``: comma-separated ``key base64(value)`` pairs, the value being optional."""
    result: dict[str, str] = {}
    if not header:
        return result
    for pair in header.split(","):
        pair = pair.strip()
        if not pair:
            continue
        key, _, encoded = pair.partition(" ")
        encoded = encoded.strip()
        try:
            value = base64.b64decode(encoded, validate=True).decode("utf-8") if encoded else ""
        except (binascii.Error, UnicodeDecodeError) as exc:
            raise ApiError(400, "invalid_metadata",
                           tr("Giá trị “{key}” trong Upload-Metadata không phải base64 UTF-8.", key=key),
                           headers=tus_headers()) from exc
        if not key or key in result:
            raise ApiError(400, "invalid_metadata", tr("Upload-Metadata có khóa trống hoặc lặp lại."),
                           headers=tus_headers())
        result[key] = value
    return result


def _int_header(request: Request, name: str) -> int:
    raw = request.headers.get(name)
    if raw is None or not raw.strip().isdigit():
        raise ApiError(400, "invalid_header", tr("Thiếu hoặc sai tiêu đề {name}.", name=name),
                       headers=tus_headers())
    return int(raw.strip())


def _checksum(request: Request) -> bytes | None:
    raw = request.headers.get("Upload-Checksum")
    if raw is None:
        return None
    algorithm, _, encoded = raw.strip().partition(" ")
    if algorithm.lower() != "sha256":
        raise ApiError(400, "checksum_algorithm_unsupported",
                       tr("Thuật toán kiểm tra {name} không được hỗ trợ (chỉ sha256).", name=algorithm),
                       headers=tus_headers(**{"Tus-Checksum-Algorithm": CHECKSUM_ALGORITHMS}))
    try:
        digest = base64.b64decode(encoded.strip(), validate=True)
    except binascii.Error:
        digest = b""
    if len(digest) != 32:
        raise ApiError(400, "invalid_checksum", tr("Tiêu đề Upload-Checksum không hợp lệ."), headers=tus_headers())
    return digest


def _not_found() -> ApiError:
    return ApiError(404, "upload_not_found", tr("Không tìm thấy phiên tải lên này."), headers=tus_headers())


def _fsync_dir(path: Path) -> None:
    if os.name == "posix":  # directories cannot be opened for fsync on Windows
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


class TusStore:
    def __init__(self, db: ServerDatabase, storage_dir: Path, max_size: int) -> None:
        self.db = db
        self.dir = storage_dir / "uploads"
        self.dir.mkdir(parents=True, exist_ok=True)
        self.max_size = max_size
        self.locks = UploadLocks()

    def file_path(self, attachment_id: str) -> Path:
        return self.dir / f"{attachment_id}.bin"

    # ---------------------------------------------------------------------------------- database parts

    def _info(self, row: Upload) -> UploadInfo:
        return UploadInfo(attachment_id=row.attachment_id, dossier_id=row.dossier_id, unit_id=row.unit_id,
                          length=row.length, offset=row.offset, sha256=row.sha256, raw_metadata=row.raw_metadata,
                          completed=row.completed_at is not None, path=self.dir.parent / row.file_path)

    def load(self, attachment_id: str, principal: Principal) -> UploadInfo:
        if not SAFE_ID.match(attachment_id):
            raise _not_found()
        with self.db.session() as session:
            row = session.get(Upload, attachment_id)
            # Another unit's upload is reported as absent rather than forbidden: ids are not to be probed.
            if row is None or row.unit_id != principal.unit_id:
                raise _not_found()
            return self._info(row)

    def create(self, principal: Principal, length: int, metadata: dict[str, str], raw: str) -> UploadInfo:
        attachment_id, dossier_id = metadata["attachment_id"], metadata["dossier_id"]
        sha = metadata["sha256"].lower()
        path = self.file_path(attachment_id)
        for _attempt in range(2):
            try:
                with self.db.session() as session:
                    row = session.get(Upload, attachment_id, with_for_update=True)
                    if row is not None:
                        same = (row.unit_id == principal.unit_id and row.length == length and row.sha256 == sha
                                and row.dossier_id == dossier_id)
                        if not same:
                            raise ApiError(409, "upload_conflict",
                                           tr("Tệp đính kèm {id} đã được tạo với nội dung khác.", id=attachment_id),
                                           headers=tus_headers())
                        # A repeated creation (its first reply was lost) names the same upload.
                        return self._info(row)
                    path.touch()
                    _fsync_dir(self.dir)
                    row = Upload(attachment_id=attachment_id, dossier_id=dossier_id, unit_id=principal.unit_id,
                                 length=length, offset=0, sha256=sha, upload_metadata=metadata, raw_metadata=raw,
                                 created_at=local_now(), file_path=str(path.relative_to(self.dir.parent)))
                    if length == 0 and sha == EMPTY_SHA256:
                        row.completed_at = local_now()
                    session.add(row)
                    session.flush()
                    return self._info(row)
            except IntegrityError:
                continue  # a concurrent creation won on a database without serialised writers: read it
        raise _not_found()

    def commit_offset(self, attachment_id: str, old: int, new: int) -> None:
        with self.db.session() as session:
            done = session.execute(update(Upload).where(Upload.attachment_id == attachment_id,
                                                        Upload.offset == old).values(offset=new))
            if done.rowcount != 1:
                raise ApiError(409, "offset_mismatch", tr("Vị trí tải lên đã thay đổi, hãy hỏi lại vị trí."),
                               headers=tus_headers())

    def complete(self, info: UploadInfo) -> None:
        """Check the whole file against the declared SHA-256; a mismatch resets the upload to zero."""
        actual = _file_sha256(info.path)
        with self.db.session() as session:
            row = session.get(Upload, info.attachment_id, with_for_update=True)
            if row is None:
                raise _not_found()
            if actual == row.sha256:
                row.completed_at = row.completed_at or local_now()
                return
            row.offset = 0
        with open(info.path, "r+b") as handle:
            handle.truncate(0)
            os.fsync(handle.fileno())
        raise ApiError(460, "upload_sha256_mismatch",
                       tr("Tệp nhận được không khớp mã SHA-256 đã khai báo; cần tải lên lại từ đầu."),
                       headers=tus_headers(**{"Upload-Offset": "0"}), extra={"sha256": actual})

    def delete(self, info: UploadInfo) -> None:
        with self.db.session() as session:
            row = session.get(Upload, info.attachment_id)
            if row is not None:
                session.delete(row)
        info.path.unlink(missing_ok=True)


# --------------------------------------------------------------------------------------------- handlers


def _require_tus(request: Request) -> None:
    if request.headers.get("Tus-Resumable") != TUS_VERSION:
        raise ApiError(412, "tus_version_unsupported",
                       tr("Phiên bản tus không được hỗ trợ (cần {version}).", version=TUS_VERSION),
                       headers=tus_headers(**{"Tus-Version": TUS_VERSION}))


async def options(request: Request, store: TusStore) -> Response:
    return Response(status_code=204, headers=tus_headers(**{
        "Tus-Version": TUS_VERSION, "Tus-Extension": TUS_EXTENSIONS,
        "Tus-Checksum-Algorithm": CHECKSUM_ALGORITHMS, "Tus-Max-Size": str(store.max_size)}))


async def create(request: Request, store: TusStore, principal: Principal) -> Response:
    _require_tus(request)
    if "Upload-Defer-Length" in request.headers:
        raise ApiError(400, "defer_length_unsupported", tr("Máy chủ cần biết trước kích thước tệp (Upload-Length)."),
                       headers=tus_headers())
    length = _int_header(request, "Upload-Length")
    if length > store.max_size:
        raise ApiError(413, "upload_too_large", tr("Tệp lớn hơn giới hạn {n} byte.", n=store.max_size),
                       headers=tus_headers(**{"Tus-Max-Size": str(store.max_size)}))
    raw = request.headers.get("Upload-Metadata", "")
    metadata = parse_metadata(raw)
    missing = [key for key in REQUIRED_METADATA if not metadata.get(key)]
    if missing:
        raise ApiError(400, "metadata_missing",
                       tr("Upload-Metadata thiếu: {keys}.", keys=", ".join(missing)), headers=tus_headers())
    if not SAFE_ID.match(metadata["attachment_id"]) or not SAFE_ID.match(metadata["dossier_id"]):
        raise ApiError(400, "invalid_metadata", tr("Mã định danh tệp hoặc hồ sơ không hợp lệ."),
                       headers=tus_headers())
    if not SHA256_HEX.match(metadata["sha256"].lower()):
        raise ApiError(400, "invalid_metadata", tr("Mã băm sha256 phải là 64 ký tự hệ 16."), headers=tus_headers())
    info = await run_in_threadpool(store.create, principal, length, metadata, raw)
    if length == 0 and not info.completed:
        raise ApiError(460, "upload_sha256_mismatch",
                       tr("Tệp nhận được không khớp mã SHA-256 đã khai báo; cần tải lên lại từ đầu."),
                       headers=tus_headers())
    return Response(status_code=201, headers=tus_headers(**{
        "Location": f"{UPLOADS_PATH}/{info.attachment_id}", "Upload-Offset": str(info.offset)}))


async def head(request: Request, store: TusStore, principal: Principal, attachment_id: str) -> Response:
    _require_tus(request)
    info = await run_in_threadpool(store.load, attachment_id, principal)
    if info.offset == info.length and not info.completed and store.locks.try_acquire(attachment_id):
        # The process died between committing the last offset and marking completion: finish it now, so a
        # client that sees offset == length can rely on the file being verified.
        try:
            await run_in_threadpool(store.complete, info)
        finally:
            store.locks.release(attachment_id)
    headers = tus_headers(**{"Upload-Offset": str(info.offset), "Upload-Length": str(info.length),
                             "Cache-Control": "no-store"})
    if info.raw_metadata:
        headers["Upload-Metadata"] = info.raw_metadata
    return Response(status_code=200, headers=headers)


def _open_at(path: Path, offset: int) -> Any:
    handle = open(path, "r+b") if path.exists() else open(path, "w+b")  # noqa: SIM115 - closed by the caller
    # Drop bytes a crashed request wrote after the last committed offset.
    handle.truncate(offset)
    handle.seek(offset)
    return handle


def _rollback(handle: Any, offset: int) -> None:
    handle.truncate(offset)
    handle.flush()
    os.fsync(handle.fileno())
    handle.close()


def _finish(handle: Any) -> None:
    handle.flush()
    os.fsync(handle.fileno())
    handle.close()


async def patch(request: Request, store: TusStore, principal: Principal, attachment_id: str) -> Response:
    _require_tus(request)
    content_type = request.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if content_type != OFFSET_CONTENT_TYPE:
        raise ApiError(415, "unsupported_media_type",
                       tr("PATCH cần Content-Type {type}.", type=OFFSET_CONTENT_TYPE), headers=tus_headers())
    offset = _int_header(request, "Upload-Offset")
    expected_digest = _checksum(request)
    if not store.locks.try_acquire(attachment_id):
        raise ApiError(409, "upload_busy", tr("Tệp này đang được tải lên bởi một yêu cầu khác."),
                       headers=tus_headers())
    try:
        info = await run_in_threadpool(store.load, attachment_id, principal)
        if info.completed and offset == info.length:
            return Response(status_code=204, headers=tus_headers(**{"Upload-Offset": str(info.length)}))
        if offset != info.offset or info.completed:
            raise ApiError(409, "offset_mismatch",
                           tr("Vị trí tải lên không khớp (máy chủ đang ở byte {offset}).", offset=info.offset),
                           headers=tus_headers(**{"Upload-Offset": str(info.offset)}),
                           extra={"offset": info.offset})
        new_offset = await _receive(request, store, info, expected_digest)
        if new_offset != info.offset:
            await run_in_threadpool(store.commit_offset, attachment_id, info.offset, new_offset)
        if new_offset == info.length:
            await run_in_threadpool(store.complete, info)
        return Response(status_code=204, headers=tus_headers(**{"Upload-Offset": str(new_offset)}))
    finally:
        store.locks.release(attachment_id)


async def _receive(request: Request, store: TusStore, info: UploadInfo, expected_digest: bytes | None) -> int:
    """Append the request body at ``info.offset``; returns the new offset, with everything fsynced."""
    handle = await run_in_threadpool(_open_at, info.path, info.offset)
    hasher = hashlib.sha256() if expected_digest is not None else None
    room = info.length - info.offset
    written = 0
    pending = bytearray()
    disconnected = too_long = False
    try:
        try:
            async for piece in request.stream():
                if written + len(pending) + len(piece) > room:
                    too_long = True
                    break
                pending += piece
                if hasher is not None:
                    hasher.update(piece)
                if len(pending) >= WRITE_BATCH:
                    await run_in_threadpool(handle.write, bytes(pending))
                    written += len(pending)
                    pending.clear()
        except ClientDisconnect:
            disconnected = True
        if pending:
            await run_in_threadpool(handle.write, bytes(pending))
            written += len(pending)
    except BaseException:
        await run_in_threadpool(_rollback, handle, info.offset)
        raise
    if too_long:
        await run_in_threadpool(_rollback, handle, info.offset)
        raise ApiError(413, "upload_exceeds_length",
                       tr("Dữ liệu gửi lên vượt quá kích thước đã khai báo (Upload-Length)."),
                       headers=tus_headers(**{"Upload-Offset": str(info.offset)}))
    if hasher is not None and (disconnected or hasher.digest() != expected_digest):
        # A checksummed chunk is all or nothing: part of it cannot be verified.
        await run_in_threadpool(_rollback, handle, info.offset)
        raise ApiError(460, "checksum_mismatch", tr("Mã kiểm tra của đoạn dữ liệu không khớp; hãy gửi lại đoạn này."),
                       headers=tus_headers(**{"Upload-Offset": str(info.offset)}))
    # Data reaches the disk before the offset that vouches for it is committed.
    await run_in_threadpool(_finish, handle)
    return info.offset + written


async def delete(request: Request, store: TusStore, principal: Principal, attachment_id: str) -> Response:
    _require_tus(request)
    if not store.locks.try_acquire(attachment_id):
        raise ApiError(409, "upload_busy", tr("Tệp này đang được tải lên bởi một yêu cầu khác."),
                       headers=tus_headers())
    try:
        info = await run_in_threadpool(store.load, attachment_id, principal)
        await run_in_threadpool(store.delete, info)
    finally:
        store.locks.release(attachment_id)
    return Response(status_code=204, headers=tus_headers())
