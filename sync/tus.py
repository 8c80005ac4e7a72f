"""Client side of tus 1.0 (core, creation, checksum): resumable upload of one scanned file.

The upload id is the client-made attachment id, so a lost creation reply cannot produce a second upload:
the next attempt asks ``HEAD`` first and resumes from the server's offset. Each ``PATCH`` carries the chunk's
SHA-256 (``Upload-Checksum``) and the chunk size follows the measured throughput so one chunk takes about
15 s on the wire, within 64 KiB–2 MiB: large enough to be efficient on a good line, small enough that a
cut line loses little. Independent of the attachment store: it takes a path (or the plain bytes, when the
stored file is encrypted) and the file's SHA-256. Bytes go on the wire as they are: scans are already
compressed (JPEG, CCITT G4 in PDF), so compressing again would only cost CPU.
"""

from __future__ import annotations

import base64
import hashlib
import io
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sync.crash import MID_UPLOAD, crash_point
from sync.protocol import TUS_VERSION
from sync.transport import Kind, Result, Transport, message_for, tls_failure

if TYPE_CHECKING:
    import requests

MIN_CHUNK = 64 * 1024
MAX_CHUNK = 2 * 1024 * 1024
# Start small: an unmeasured line may be GPRS, where 256 KiB is 100 s of airtime a drop would waste; on a
# fast line the size doubles per chunk and reaches 2 MiB after five chunks.
START_CHUNK = MIN_CHUNK
TARGET_AIRTIME_S = 15.0
UPLOADS_PATH = "/v1/uploads"


@dataclass
class ChunkSizer:
    """Adaptive chunk size: halve on failure, move towards ``target_s`` of airtime after successes."""

    size: int = START_CHUNK
    min_size: int = MIN_CHUNK
    max_size: int = MAX_CHUNK
    target_s: float = TARGET_AIRTIME_S
    throughput_bps: float | None = None  # bytes/s of the last successful chunk

    def success(self, sent: int, seconds: float) -> None:
        if sent <= 0:
            return
        throughput = sent / max(seconds, 1e-3)
        self.throughput_bps = throughput
        wanted = int(throughput * self.target_s)
        # Grow at most twice per success: one fast chunk on a bursty line is not a promise.
        self.size = max(self.min_size, min(self.max_size, wanted, self.size * 2))

    def failure(self) -> None:
        self.size = max(self.min_size, self.size // 2)


@dataclass
class UploadResult:
    kind: Kind  # Kind.OK when the server holds the whole file
    offset: int  # bytes the server has
    length: int
    chunks: int = 0  # PATCH requests that succeeded in this call
    bytes_sent: int = 0  # payload bytes the server accepted in this call
    chunk_size: int = START_CHUNK  # where the adaptive size ended (to carry over to the next file)
    message: str = ""
    detail: str = ""

    @property
    def complete(self) -> bool:
        return self.kind is Kind.OK and self.offset == self.length


def encode_metadata(metadata: dict[str, str]) -> str:
    """``Upload-Metadata``: comma-separated ``key base64(value)`` pairs (tus 1.0 creation)."""
    return ",".join(f"{k} {base64.b64encode(v.encode('utf-8')).decode('ascii')}" for k, v in metadata.items())


def _tus_headers(extra: dict[str, str] | None = None) -> dict[str, str]:
    headers = {"Tus-Resumable": TUS_VERSION}
    headers.update(extra or {})
    return headers


def _int_header(result: Result, name: str) -> int | None:
    raw = result.header(name)
    try:
        return int(raw) if raw is not None else None
    except ValueError:
        return None


def upload_file(session: requests.Session | Transport, base_url: str, attachment_id: str,
                path: str | Path | bytes, sha256: str, metadata: dict[str, str] | None = None, *, sizer: ChunkSizer | None = None,
                stall_timeout_s: float = 30.0, max_failures: int = 4,
                monotonic: Callable[[], float] = time.monotonic) -> UploadResult:
    """Upload (or resume) ``path`` as attachment ``attachment_id``; returns what the server holds.

    ``session`` carries the authorisation header (a :class:`Transport` or a plain session). The stall timeout
    is the read timeout of each request: a chunk that moves nothing for that long is abandoned and retried
    smaller. Gives up after ``max_failures`` consecutive failures and reports the last outcome; the caller
    schedules the next attempt with backoff.
    """
    transport = session if isinstance(session, Transport) else Transport(base_url, session=session)
    timeouts = (transport.timeouts[0], stall_timeout_s)
    sizer = sizer or ChunkSizer()
    if isinstance(path, bytes):
        length, name = len(path), attachment_id
    else:
        path = Path(path)
        length, name = path.stat().st_size, path.name
    upload_path = f"{UPLOADS_PATH}/{attachment_id}"
    meta = {"attachment_id": attachment_id, "sha256": sha256, "filename": name}
    meta.update(metadata or {})
    result = UploadResult(Kind.OK, offset=0, length=length, chunk_size=sizer.size)
    failures = 0
    creations = 0

    def fail(outcome: Result) -> bool:
        nonlocal failures
        failures += 1
        sizer.failure()
        result.kind, result.message, result.detail = outcome.kind, outcome.message, outcome.detail
        # Login problems and portals do not heal by retrying within this call.
        return failures >= max_failures or outcome.kind in (Kind.AUTH, Kind.CAPTIVE_PORTAL,
                                                             Kind.REDIRECT_ELSEWHERE, Kind.CLIENT_ERROR,
                                                             Kind.TLS, Kind.PIN_MISMATCH)

    offset: int | None = None
    # Creation first: the server answers a repeated POST for the same attachment with the current offset, so
    # one round trip replaces HEAD (404), POST and HEAD; on a 2G line each costs about a second.
    create_first = True
    with (io.BytesIO(path) if isinstance(path, bytes) else path.open("rb")) as handle:
        while True:
            if offset is None and create_first:
                create_first = False
                creations += 1
                created = transport.request(
                    "POST", UPLOADS_PATH, expect_json=False, timeouts=timeouts,
                    headers=_tus_headers({"Upload-Length": str(length), "Upload-Metadata": encode_metadata(meta)}))
                if created.ok:
                    reported = _int_header(created, "Upload-Offset")
                    # An offset at the end is confirmed by HEAD, which also finishes a completion the server
                    # was interrupted in; anything odd is asked again the same way.
                    if reported is not None and reported < length:
                        offset = result.offset = reported
                    continue
                if fail(created):
                    break
                continue
            if offset is None:
                head = transport.request("HEAD", upload_path, headers=_tus_headers(), expect_json=False,
                                         timeouts=timeouts)
                if head.ok:
                    offset = _int_header(head, "Upload-Offset")
                    if offset is not None and offset <= length:
                        result.offset = offset
                    else:
                        head.kind = Kind.BAD_PAYLOAD
                        if fail(head):
                            break
                        offset = None
                        continue
                elif head.kind is Kind.CLIENT_ERROR and head.status in (404, 410):
                    creations += 1
                    if creations > max_failures:  # the server keeps forgetting it: stop, do not loop
                        fail(head)
                        break
                    created = transport.request(
                        "POST", UPLOADS_PATH, expect_json=False, timeouts=timeouts,
                        headers=_tus_headers({"Upload-Length": str(length),
                                              "Upload-Metadata": encode_metadata(meta)}))
                    already = created.kind is Kind.CLIENT_ERROR and created.status == 409
                    if not created.ok and not already and fail(created):
                        break
                    # Whatever the creation reply said, HEAD tells where to resume.
                    continue
                else:
                    if fail(head):
                        break
                    continue
            if offset >= length:
                result.kind, result.offset = Kind.OK, offset
                result.message = result.detail = ""
                break
            handle.seek(offset)
            chunk = handle.read(sizer.size)
            digest = base64.b64encode(hashlib.sha256(chunk).digest()).decode("ascii")
            started = monotonic()
            patched = _patch(transport, upload_path, offset, chunk, digest, timeouts)
            if patched.ok:
                new_offset = _int_header(patched, "Upload-Offset")
                if new_offset is None or new_offset > length:
                    offset = None  # trust nothing but a fresh HEAD
                    continue
                sizer.success(new_offset - offset, monotonic() - started)
                result.chunks += 1
                result.bytes_sent += max(0, new_offset - offset)
                offset = result.offset = new_offset
                failures = 0
                if offset < length:
                    crash_point(MID_UPLOAD)
                continue
            offset = None  # conflict, checksum mismatch, cut: ask the server where it stands
            if patched.kind is Kind.CLIENT_ERROR and patched.status in (409, 460):
                failures += 1
                if failures >= max_failures:
                    result.kind, result.message, result.detail = patched.kind, patched.message, patched.detail
                    break
                continue
            if fail(patched):
                break
    result.chunk_size = sizer.size
    return result


def _patch(transport: Transport, upload_path: str, offset: int, chunk: bytes, digest: str,
           timeouts: tuple[float, float]) -> Result:
    import requests

    headers = _tus_headers({"Upload-Offset": str(offset), "Content-Type": "application/offset+octet-stream",
                            "Upload-Checksum": f"sha256 {digest}"})
    try:
        response = transport.session.patch(transport.url(upload_path), data=chunk, headers=headers,
                                           timeout=timeouts, allow_redirects=False)
    except requests.exceptions.SSLError as exc:
        return tls_failure(exc)
    except requests.exceptions.RequestException as exc:
        return Result(Kind.INTERRUPTED, message=message_for(Kind.INTERRUPTED), detail=repr(exc))
    return transport.classify(response, expect_json=False)


def terminate(transport: Transport, attachment_id: str) -> Result:
    """tus termination: drop a partial upload (e.g. the scan was replaced before it finished)."""
    return transport.request("DELETE", f"{UPLOADS_PATH}/{attachment_id}", headers=_tus_headers(),
                             expect_json=False)
