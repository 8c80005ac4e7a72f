"""Reference server: tus 1.0 uploads (creation, checksum, termination), crash safety and a stock tus client."""

from __future__ import annotations

import base64
import hashlib
import io
import os
import socket
import threading
import time
import uuid

import requests
from tusclient import client as tus_client
from tusclient.uploader import Uploader

from sync.protocol import TUS_VERSION

TIMEOUT = 10
TUS = {"Tus-Resumable": TUS_VERSION}


def metadata_header(values: dict[str, str]) -> str:
    return ",".join(f"{k} {base64.b64encode(v.encode()).decode()}" for k, v in values.items())


def create(server, data: bytes, *, attachment_id: str | None = None, sha256: str | None = None,
           token: str | None = None) -> tuple[str, requests.Response]:
    attachment_id = attachment_id or str(uuid.uuid4())
    meta = {"attachment_id": attachment_id, "dossier_id": "dossier-" + attachment_id,
            "sha256": sha256 or hashlib.sha256(data).hexdigest(), "filename": "giấy khai sinh.pdf"}
    reply = requests.post(f"{server.url}/v1/uploads", timeout=TIMEOUT, headers={
        **server.auth(token), **TUS, "Upload-Length": str(len(data)), "Upload-Metadata": metadata_header(meta)})
    return attachment_id, reply


def head(server, attachment_id: str) -> requests.Response:
    return requests.head(f"{server.url}/v1/uploads/{attachment_id}", headers={**server.auth(), **TUS},
                         timeout=TIMEOUT)


def patch(server, attachment_id: str, offset: int, chunk: bytes, *, checksum: bytes | None = None,
          session: requests.Session | None = None) -> requests.Response:
    headers = {**server.auth(), **TUS, "Upload-Offset": str(offset),
               "Content-Type": "application/offset+octet-stream"}
    if checksum is not None:
        headers["Upload-Checksum"] = "sha256 " + base64.b64encode(checksum).decode()
    return (session or requests).patch(f"{server.url}/v1/uploads/{attachment_id}", data=chunk, headers=headers,
                                       timeout=TIMEOUT)


def upload_chunks(server, attachment_id: str, data: bytes, start: int, chunk: int) -> int:
    offset = start
    while offset < len(data):
        piece = data[offset:offset + chunk]
        reply = patch(server, attachment_id, offset, piece, checksum=hashlib.sha256(piece).digest())
        assert reply.status_code == 204, reply.text
        offset = int(reply.headers["Upload-Offset"])
    return offset


def test_options_advertise_the_protocol(sync_server):
    reply = requests.options(f"{sync_server.url}/v1/uploads", headers=sync_server.auth(), timeout=TIMEOUT)
    assert reply.status_code == 204
    assert reply.headers["Tus-Version"] == "1.0.0" and reply.headers["Tus-Resumable"] == "1.0.0"
    assert reply.headers["Tus-Extension"] == "creation,checksum,termination"
    assert reply.headers["Tus-Checksum-Algorithm"] == "sha256"
    assert int(reply.headers["Tus-Max-Size"]) > 0


def test_create_head_patch_in_chunks_and_complete(sync_server):
    data = os.urandom(300_000)
    attachment_id, created = create(sync_server, data)
    assert created.status_code == 201
    assert created.headers["Location"] == f"/v1/uploads/{attachment_id}"
    again_id, again = create(sync_server, data, attachment_id=attachment_id)
    assert again.status_code == 201 and again.headers["Location"] == created.headers["Location"]
    status = head(sync_server, attachment_id)
    assert status.status_code == 200
    assert status.headers["Upload-Offset"] == "0" and status.headers["Upload-Length"] == str(len(data))
    assert status.headers["Cache-Control"] == "no-store"
    assert upload_chunks(sync_server, attachment_id, data, 0, 64 * 1024) == len(data)
    assert hashlib.sha256(sync_server.upload_path(attachment_id).read_bytes()).digest() == hashlib.sha256(data).digest()
    # Completion is idempotent: a retried last PATCH and a repeated creation both see a finished upload.
    assert patch(sync_server, attachment_id, len(data), b"").status_code == 204
    assert create(sync_server, data, attachment_id=attachment_id)[1].headers["Upload-Offset"] == str(len(data))
    conflict = create(sync_server, data + b"x", attachment_id=attachment_id)[1]
    assert conflict.status_code == 409 and conflict.json()["code"] == "upload_conflict"


def test_chunk_checksum_mismatch_is_460_and_appends_nothing(sync_server):
    data = os.urandom(10_000)
    attachment_id, _ = create(sync_server, data)
    bad = patch(sync_server, attachment_id, 0, data[:5000], checksum=hashlib.sha256(b"other").digest())
    assert bad.status_code == 460 and bad.json()["code"] == "checksum_mismatch"
    assert head(sync_server, attachment_id).headers["Upload-Offset"] == "0"
    unknown = requests.patch(f"{sync_server.url}/v1/uploads/{attachment_id}", data=data, timeout=TIMEOUT, headers={
        **sync_server.auth(), **TUS, "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream",
        "Upload-Checksum": "md5 AAAA"})
    assert unknown.status_code == 400 and unknown.json()["code"] == "checksum_algorithm_unsupported"
    assert upload_chunks(sync_server, attachment_id, data, 0, 4096) == len(data)


def test_offset_mismatch_is_409(sync_server):
    data = os.urandom(8000)
    attachment_id, _ = create(sync_server, data)
    assert patch(sync_server, attachment_id, 0, data[:4000]).status_code == 204
    stale = patch(sync_server, attachment_id, 0, data[:4000])
    assert stale.status_code == 409 and stale.headers["Upload-Offset"] == "4000"
    ahead = patch(sync_server, attachment_id, 6000, data[6000:])
    assert ahead.status_code == 409
    wrong_type = requests.patch(f"{sync_server.url}/v1/uploads/{attachment_id}", data=data[4000:], timeout=TIMEOUT,
                                headers={**sync_server.auth(), **TUS, "Upload-Offset": "4000"})
    assert wrong_type.status_code == 415
    no_tus = requests.head(f"{sync_server.url}/v1/uploads/{attachment_id}", headers=sync_server.auth(),
                           timeout=TIMEOUT)
    assert no_tus.status_code == 412 and no_tus.headers["Tus-Version"] == "1.0.0"


def test_whole_file_hash_mismatch_resets_the_upload(sync_server):
    data = os.urandom(5000)
    attachment_id, _ = create(sync_server, data, sha256=hashlib.sha256(b"declared something else").hexdigest())
    reply = patch(sync_server, attachment_id, 0, data)
    assert reply.status_code == 460 and reply.json()["code"] == "upload_sha256_mismatch"
    assert reply.json()["message"]
    assert head(sync_server, attachment_id).headers["Upload-Offset"] == "0"
    assert sync_server.upload_path(attachment_id).stat().st_size == 0


def test_termination_deletes_the_upload(sync_server):
    data = os.urandom(3000)
    attachment_id, _ = create(sync_server, data)
    assert patch(sync_server, attachment_id, 0, data[:1000]).status_code == 204
    gone = requests.delete(f"{sync_server.url}/v1/uploads/{attachment_id}", headers={**sync_server.auth(), **TUS},
                           timeout=TIMEOUT)
    assert gone.status_code == 204
    assert head(sync_server, attachment_id).status_code == 404
    assert not sync_server.upload_path(attachment_id).exists()
    # The id can be used again from scratch.
    assert create(sync_server, data, attachment_id=attachment_id)[1].status_code == 201
    assert head(sync_server, attachment_id).headers["Upload-Offset"] == "0"


def test_concurrent_patches_have_exactly_one_winner(sync_server):
    data = os.urandom(2 * 1024 * 1024)
    attachment_id, _ = create(sync_server, data)
    barrier = threading.Barrier(8)
    statuses: list[int] = []
    lock = threading.Lock()

    def send() -> None:
        barrier.wait()
        reply = patch(sync_server, attachment_id, 0, data[:1024 * 1024])
        with lock:
            statuses.append(reply.status_code)

    threads = [threading.Thread(target=send) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(statuses) == [204] + [409] * 7
    assert head(sync_server, attachment_id).headers["Upload-Offset"] == str(1024 * 1024)
    assert sync_server.upload_path(attachment_id).read_bytes() == data[:1024 * 1024]


def test_body_cut_short_keeps_what_arrived(sync_server):
    data = os.urandom(100_000)
    attachment_id, _ = create(sync_server, data)
    request = (f"PATCH /v1/uploads/{attachment_id} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
               f"Authorization: Bearer {sync_server.token}\r\nTus-Resumable: 1.0.0\r\nUpload-Offset: 0\r\n"
               f"Content-Type: application/offset+octet-stream\r\nContent-Length: {len(data)}\r\n\r\n").encode()
    with socket.create_connection(("127.0.0.1", sync_server.port), timeout=TIMEOUT) as sock:
        sock.sendall(request + data[:40_000])
        time.sleep(0.3)
    deadline = time.monotonic() + 5
    offset = "0"
    while time.monotonic() < deadline:
        offset = head(sync_server, attachment_id).headers["Upload-Offset"]
        if offset != "0":
            break
        time.sleep(0.05)
    assert offset == "40000"
    assert upload_chunks(sync_server, attachment_id, data, 40_000, 30_000) == len(data)
    assert sync_server.upload_path(attachment_id).read_bytes() == data


def test_committed_offset_survives_kill_9(sync_server_process):
    server = sync_server_process
    data = os.urandom(400_000)
    attachment_id, _ = create(server, data)
    half = upload_chunks(server, attachment_id, data[:200_000], 0, 50_000)
    assert half == 200_000
    server.kill()
    # Bytes that reached the file after the last committed offset (a crash between the write and the commit)
    # must be dropped on resume.
    with open(server.upload_path(attachment_id), "ab") as handle:
        handle.write(b"uncommitted garbage")
    server.start()
    assert head(server, attachment_id).headers["Upload-Offset"] == "200000"
    assert upload_chunks(server, attachment_id, data, half, 64 * 1024) == len(data)
    assert hashlib.sha256(server.upload_path(attachment_id).read_bytes()).hexdigest() == hashlib.sha256(data).hexdigest()


class Sha256Uploader(Uploader):
    CHECKSUM_ALGORITHM_PAIR = ("sha256", hashlib.sha256)


def test_stock_tus_client_can_upload(sync_server):
    data = os.urandom(700_000)
    attachment_id = str(uuid.uuid4())
    client = tus_client.TusClient(f"{sync_server.url}/v1/uploads", headers=sync_server.auth())
    uploader = Sha256Uploader(client=client, file_stream=io.BytesIO(data), chunk_size=128 * 1024,
                              upload_checksum=True,
                              metadata={"attachment_id": attachment_id, "dossier_id": str(uuid.uuid4()),
                                        "sha256": hashlib.sha256(data).hexdigest(), "filename": "scan.jpg"})
    uploader.upload()
    assert uploader.url == f"{sync_server.url}/v1/uploads/{attachment_id}"
    stored = sync_server.upload_path(attachment_id).read_bytes()
    assert hashlib.sha256(stored).hexdigest() == hashlib.sha256(data).hexdigest()
