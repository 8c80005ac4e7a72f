"""Reference server: hello, auth, dossier push with idempotency, change feeds, operator CLI."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import threading
import uuid
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path

import requests
from conftest import ServerHandle
from sqlalchemy import func, select

from app.catalogue import seed_catalogue_path
from app.models import Dossier
from app.security.signing import CATALOGUE, private_key_from_text, public_key_text, verify_envelope
from sync.protocol import dossier_to_wire
from sync.server import cli, store
from sync.server.db import ServerDatabase, local_now
from sync.server.models import IdempotencyRecord, ServerDossier, Workstation

TIMEOUT = 10


def wire(dossier_id: str, code: str, revision: int = 1, *, status: int = 2, notes: str = "",
         attachments: list[dict] | None = None) -> dict:
    """A real ``dossier_to_wire`` body, built from a transient model object."""
    dossier = Dossier(id=dossier_id, code=code, procedure_code="1.001", procedure_name="Đăng ký khai sinh",
                      field_name="Hộ tịch", applicant_kind="citizen", applicant_name="Nguyễn Văn An",
                      channel=1, status=status, sets_count=1, fee_amount=0, notes=notes,
                      received_at=datetime(2026, 3, 2, 8, 30), workstation="workstation-1")
    body = dossier_to_wire(dossier, revision)
    if attachments is not None:
        body["attachments"] = attachments
    return body


def new_ids() -> tuple[str, str]:
    dossier_id = str(uuid.uuid4())
    return dossier_id, "000.00.01.H01-260302-" + dossier_id[:4]


def put(server, body: dict, key: str | None = None, token: str | None = None, **kwargs) -> requests.Response:
    headers = {**server.auth(token), "Idempotency-Key": key or f"dossier:{body['id']}:{body['revision']}"}
    headers.update(kwargs.pop("headers", {}))
    return requests.put(f"{server.url}/v1/dossiers/{body['id']}", json=body, headers=headers, timeout=TIMEOUT,
                        **kwargs)


def stored(server, dossier_id: str) -> ServerDossier | None:
    db = ServerDatabase(server.db_url)
    try:
        with db.session() as session:
            return session.get(ServerDossier, dossier_id)
    finally:
        db.close()


def test_hello_needs_no_auth_and_sends_date(sync_server):
    reply = requests.get(f"{sync_server.url}/v1/hello", timeout=TIMEOUT)
    assert reply.status_code == 200
    body = reply.json()
    assert body["protocol_versions"] == [1]
    assert datetime.fromisoformat(body["server_time"])
    assert reply.headers["Date"].count("GMT") == 1  # exactly one Date header
    skew = abs((parsedate_to_datetime(reply.headers["Date"]) - datetime.now().astimezone()).total_seconds())
    assert skew < 60


def test_tokens_missing_wrong_or_revoked_get_401(sync_server):
    body = wire(*new_ids())
    assert requests.get(f"{sync_server.url}/v1/changes", timeout=TIMEOUT).status_code == 401
    wrong = put(sync_server, body, token="not-a-token")
    assert wrong.status_code == 401 and wrong.json()["code"] == "unauthorized"
    assert "WWW-Authenticate" in wrong.headers
    assert put(sync_server, body).status_code == 200
    sync_server.revoke("workstation-1")
    revoked = put(sync_server, wire(body["id"], body["code"], 2))
    assert revoked.status_code == 401
    assert revoked.json()["code"] == "token_revoked"
    assert revoked.json()["message"]  # Vietnamese text for the official
    options = requests.options(f"{sync_server.url}/v1/uploads", headers=sync_server.auth(), timeout=TIMEOUT)
    assert options.status_code == 401


def test_twenty_parallel_identical_puts_make_one_row_and_identical_replies(sync_server):
    dossier_id, code = new_ids()
    body = wire(dossier_id, code, 3)
    barrier = threading.Barrier(20)
    replies: list[tuple[int, bytes]] = []
    lock = threading.Lock()

    def push() -> None:
        barrier.wait()
        reply = put(sync_server, body, key=f"dossier:{dossier_id}:3")
        with lock:
            replies.append((reply.status_code, reply.content))

    threads = [threading.Thread(target=push) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(replies) == 20
    assert {status for status, _ in replies} == {200}
    assert len({content for _, content in replies}) == 1
    assert json.loads(replies[0][1]) == {"id": dossier_id, "code": code, "revision": 3, "stored_revision": 3,
                                         "missing_attachments": []}
    db = ServerDatabase(sync_server.db_url)
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(ServerDossier)) == 1
    db.close()


def test_replay_same_key_and_422_for_another_body(sync_server):
    dossier_id, code = new_ids()
    first = put(sync_server, wire(dossier_id, code, 1), key="k-1")
    again = put(sync_server, wire(dossier_id, code, 1), key="k-1")
    assert first.status_code == again.status_code == 200
    assert again.json() == first.json()
    assert again.headers.get("Idempotent-Replayed") == "true"
    other = put(sync_server, wire(dossier_id, code, 1, notes="khác"), key="k-1")
    assert other.status_code == 422
    assert other.json()["code"] == "idempotency_key_reused"


def test_older_revision_never_overwrites_newer(sync_server):
    dossier_id, code = new_ids()
    assert put(sync_server, wire(dossier_id, code, 5, notes="mới nhất")).json()["stored_revision"] == 5
    late = put(sync_server, wire(dossier_id, code, 2, notes="cũ"))
    assert late.status_code == 200
    assert late.json()["revision"] == 2 and late.json()["stored_revision"] == 5
    row = stored(sync_server, dossier_id)
    assert row.revision == 5 and row.payload["notes"] == "mới nhất"
    newer = put(sync_server, wire(dossier_id, code, 6, status=4))
    assert newer.json()["stored_revision"] == 6
    assert stored(sync_server, dossier_id).status == 4


def test_code_is_unique_across_dossiers(sync_server):
    dossier_id, code = new_ids()
    assert put(sync_server, wire(dossier_id, code)).status_code == 200
    clash = put(sync_server, wire(str(uuid.uuid4()), code))
    assert clash.status_code == 409 and clash.json()["code"] == "code_conflict"


def test_bad_requests_get_400_with_a_clear_body(sync_server):
    dossier_id, code = new_ids()
    url = f"{sync_server.url}/v1/dossiers/{dossier_id}"
    headers = {**sync_server.auth(), "Idempotency-Key": "k", "Content-Type": "application/json"}
    garbage = requests.put(url, data=b"{not json", headers=headers, timeout=TIMEOUT)
    assert garbage.status_code == 400 and garbage.json()["code"] == "invalid_json"
    assert garbage.json()["message"]
    old = wire(dossier_id, code)
    old["protocol"] = 99
    version = put(sync_server, old)
    assert version.status_code == 400 and version.json()["code"] == "unsupported_protocol"
    assert version.json()["protocol_versions"] == [1]
    header = put(sync_server, wire(dossier_id, code), headers={"Motcua-Protocol": "7"})
    assert header.status_code == 400 and header.json()["code"] == "unsupported_protocol"
    no_key = requests.put(url, json=wire(dossier_id, code), headers=sync_server.auth(), timeout=TIMEOUT)
    assert no_key.status_code == 400 and no_key.json()["code"] == "idempotency_key_required"
    mismatch = requests.put(f"{sync_server.url}/v1/dossiers/{uuid.uuid4()}", json=wire(dossier_id, code),
                            headers=headers, timeout=TIMEOUT)
    assert mismatch.status_code == 400 and mismatch.json()["code"] == "id_mismatch"
    assert stored(sync_server, dossier_id) is None


def test_gzip_body_is_accepted(sync_server):
    body = wire(*new_ids())
    headers = {**sync_server.auth(), "Idempotency-Key": "gz", "Content-Type": "application/json",
               "Content-Encoding": "gzip"}
    reply = requests.put(f"{sync_server.url}/v1/dossiers/{body['id']}",
                         data=gzip.compress(json.dumps(body).encode()), headers=headers, timeout=TIMEOUT)
    assert reply.status_code == 200 and reply.json()["stored_revision"] == 1


def test_other_unit_cannot_overwrite_or_see_a_dossier(sync_server):
    dossier_id, code = new_ids()
    assert put(sync_server, wire(dossier_id, code)).status_code == 200
    stranger = sync_server.enroll("other-commune", "UNIT-99")
    refused = put(sync_server, wire(dossier_id, code, 9), token=stranger)
    assert refused.status_code == 403
    sync_server.set_status(code, 4)
    page = requests.get(f"{sync_server.url}/v1/changes", headers=sync_server.auth(stranger), timeout=TIMEOUT).json()
    assert page["changes"] == [] and page["cursor"] == "1"


def test_changes_after_set_status_with_paging_and_stale_cursor(sync_server):
    dossier_id, code = new_ids()
    assert put(sync_server, wire(dossier_id, code)).status_code == 200
    for status, note in ((4, "Chuyển phòng Tư pháp"), (5, "Thiếu bản sao giấy chứng sinh"), (4, "")):
        sync_server.set_status(code, status, note)
    url = f"{sync_server.url}/v1/changes"
    first = requests.get(url, params={"since": "0", "limit": "2"}, headers=sync_server.auth(), timeout=TIMEOUT)
    page = first.json()
    assert page["more"] is True and page["cursor"] == "2"
    assert [c["status"] for c in page["changes"]] == [4, 5]
    change = page["changes"][1]
    assert change == {"seq": 2, "dossier_id": dossier_id, "code": code, "status": 5, "at": change["at"],
                      "actor": "tỉnh", "note": "Thiếu bản sao giấy chứng sinh", "kind": "status"}
    assert datetime.fromisoformat(change["at"])
    rest = requests.get(url, params={"since": page["cursor"]}, headers=sync_server.auth(), timeout=TIMEOUT).json()
    assert [c["seq"] for c in rest["changes"]] == [3] and rest["more"] is False and rest["cursor"] == "3"
    empty = requests.get(url, params={"since": "3"}, headers=sync_server.auth(), timeout=TIMEOUT).json()
    assert empty == {"changes": [], "cursor": "3", "more": False}
    stale = requests.get(url, params={"since": "42"}, headers=sync_server.auth(), timeout=TIMEOUT)
    assert stale.status_code == 410 and stale.json()["code"] == "stale_cursor"
    bad = requests.get(url, params={"since": "abc"}, headers=sync_server.auth(), timeout=TIMEOUT)
    assert bad.status_code == 400 and bad.json()["code"] == "invalid_cursor"
    assert stored(sync_server, dossier_id).status == 4


def test_catalogue_changes_after_publish(sync_server, tmp_path):
    url = f"{sync_server.url}/v1/catalogue/changes"
    none = requests.get(url, params={"since": "0"}, headers=sync_server.auth(), timeout=TIMEOUT).json()
    assert none == {"catalogue_version": None, "cursor": "0", "more": False, "release": None}
    data = json.loads(seed_catalogue_path().read_text(encoding="utf-8"))
    data["calendar_days"] = [{"day": "2026-09-01", "kind": "off", "note": "Nghỉ Quốc khánh"}]
    source = tmp_path / "catalogue.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    sync_server.publish_catalogue(source)
    page = requests.get(url, params={"since": "0"}, headers=sync_server.auth(), timeout=TIMEOUT).json()
    assert page["catalogue_version"] == data["version"] and page["cursor"] == "1" and page["more"] is False
    assert "procedures" not in page  # the content travels only inside the signed envelope
    release = json.loads(verify_envelope(page["release"], [sync_server.catalogue_public_key], CATALOGUE,
                                         name="release"))
    assert release["seq"] == 1 and release["version"] == data["version"]
    assert {p["code"] for p in release["procedures"]} == {p["code"] for p in data["procedures"]}
    assert release["calendar_days"] == data["calendar_days"]
    same = requests.get(url, params={"since": "1"}, headers=sync_server.auth(), timeout=TIMEOUT).json()
    assert same["release"] is None and same["catalogue_version"] == data["version"]
    stale = requests.get(url, params={"since": "5"}, headers=sync_server.auth(), timeout=TIMEOUT)
    assert stale.status_code == 410


def test_key_in_flight_gets_409(tmp_path):
    server = ServerHandle(tmp_path / "short-wait")
    server.app_options = {"in_flight_wait": 0.2}
    server.start()
    try:
        dossier_id, code = new_ids()
        body = wire(dossier_id, code)
        # A first request with the same body that is still running.
        db = ServerDatabase(server.db_url)
        with db.session() as session:
            session.add(IdempotencyRecord(key="busy", request_hash=store.canonical_hash(
                "PUT", f"/v1/dossiers/{dossier_id}", body), state="in_flight", started_at=local_now()))
        db.close()
        reply = put(server, body, key="busy")
        assert reply.status_code == 409
        assert reply.json()["code"] == "request_in_flight" and reply.headers["Retry-After"] == "1"
        assert stored(server, dossier_id) is None
    finally:
        server.stop()


def test_cli_enroll_list_set_status_revoke(tmp_path, capsys):
    database = str(tmp_path / "cli.sqlite3")
    assert cli.main(["enroll", "--unit", "UNIT-07", "--name", "quay-1", "--db", database]) == 0
    token = capsys.readouterr().out.strip().splitlines()[-1]
    db = ServerDatabase(database)
    assert store.authenticate(db, f"Bearer {token}").unit_id == "UNIT-07"
    with db.session() as session:  # closed at once: an open read must not hold the file while the CLI writes
        row = session.scalar(select(Workstation))
        assert row.token_hash == store.hash_token(token) and token not in row.token_hash
    assert cli.main(["list", "--db", database]) == 0
    assert "quay-1" in capsys.readouterr().out
    assert cli.main(["set-status", "NO-SUCH", "4", "--db", database]) == 1
    assert "NO-SUCH" in capsys.readouterr().err
    key = str(tmp_path / "signing.key")
    assert cli.main(["catalogue-publish", str(seed_catalogue_path()), "--db", database, "--signing-key", key]) == 0
    assert cli.main(["catalogue-publish", str(Path(database).with_suffix(".missing")), "--db", database,
                     "--signing-key", key]) == 1
    capsys.readouterr()
    assert cli.main(["catalogue-key", "--signing-key", key]) == 0
    public = capsys.readouterr().out.strip()
    assert public == public_key_text(private_key_from_text(Path(key).read_text()))
    assert Path(key).stat().st_mode & 0o077 == 0  # the private key is readable by its owner only
    assert cli.main(["revoke", "quay-1", "--db", database]) == 0
    assert cli.main(["revoke", "nobody", "--db", database]) == 1
    db.close()


def test_reply_lists_declared_attachments_not_yet_uploaded(sync_server):
    dossier_id, code = new_ids()
    content = b"%PDF-1.4 scan"
    declared = [{"id": str(uuid.uuid4()), "sha256": hashlib.sha256(content).hexdigest(), "size": len(content),
                 "document_position": 1},
                {"id": str(uuid.uuid4()), "sha256": hashlib.sha256(b"x").hexdigest(), "size": 1,
                 "document_position": 2}]
    first = put(sync_server, wire(dossier_id, code, 1, attachments=declared)).json()
    assert first["missing_attachments"] == [declared[0]["id"], declared[1]["id"]]
    meta = {"attachment_id": declared[0]["id"], "dossier_id": dossier_id, "sha256": declared[0]["sha256"],
            "filename": "scan.pdf"}
    tus = {**sync_server.auth(), "Tus-Resumable": "1.0.0"}
    created = requests.post(f"{sync_server.url}/v1/uploads", timeout=TIMEOUT, headers={
        **tus, "Upload-Length": str(len(content)),
        "Upload-Metadata": ",".join(f"{k} {base64.b64encode(v.encode()).decode()}" for k, v in meta.items())})
    assert created.status_code == 201
    done = requests.patch(f"{sync_server.url}{created.headers['Location']}", data=content, timeout=TIMEOUT,
                          headers={**tus, "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream"})
    assert done.status_code == 204
    second = put(sync_server, wire(dossier_id, code, 2, attachments=declared)).json()
    assert second["missing_attachments"] == [declared[1]["id"]]
