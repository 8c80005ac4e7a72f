"""What the server does, independent of HTTP: enrolment, dossier push with idempotency, change feeds.

Both the web endpoints and the operator CLI call these functions, so a status set from the command line and
one set by a future provincial adapter produce the same change rows.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from app.i18n import tr
from app.security.signing import CATALOGUE, make_envelope_doc
from app.status import TRANSITIONS, Status
from sync.protocol import PROTOCOL_VERSION
from sync.server.db import ServerDatabase, local_now
from sync.server.errors import ApiError
from sync.server.models import (
    CatalogueEnvelope,
    CatalogueRelease,
    Change,
    IdempotencyRecord,
    ServerDossier,
    StatusConflict,
    Upload,
    Workstation,
)

# Client-made identifiers (UUIDs) also name files on disk, so only a safe alphabet is accepted.
SAFE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
SHA256_HEX = re.compile(r"^[0-9a-f]{64}$")
MAX_KEY_LENGTH = 200
DEFAULT_LIMIT = 100
MAX_LIMIT = 1000


@dataclass(frozen=True)
class Principal:
    """The workstation behind a request's token."""

    id: int
    name: str
    unit_id: str


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def canonical_hash(*parts: Any) -> str:
    """Hash of JSON values independent of key order and whitespace (a re-encoded body is the same request)."""
    text = json.dumps(list(parts), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# ------------------------------------------------------------------------------------------- workstations


def enroll(db: ServerDatabase, unit_id: str, name: str) -> str:
    """Register a workstation and return its token; only the token's hash is stored, so it is shown once."""
    if not unit_id.strip() or not name.strip():
        raise ApiError(400, "invalid_enrollment", tr("Cần mã đơn vị và tên máy trạm."))
    token = secrets.token_urlsafe(32)
    try:
        with db.session() as session:
            session.add(Workstation(name=name.strip(), unit_id=unit_id.strip(), token_hash=hash_token(token),
                                    revoked=False, created_at=local_now()))
    except IntegrityError as exc:
        raise ApiError(409, "name_taken", tr("Đã có máy trạm tên “{name}”.", name=name)) from exc
    return token


def revoke(db: ServerDatabase, name: str) -> bool:
    with db.session() as session:
        row = session.scalar(select(Workstation).where(Workstation.name == name))
        if row is None:
            return False
        if not row.revoked:
            row.revoked = True
            row.revoked_at = local_now()
        return True


def list_workstations(db: ServerDatabase) -> list[Workstation]:
    with db.session() as session:
        return list(session.scalars(select(Workstation).order_by(Workstation.unit_id, Workstation.name)))


def authenticate(db: ServerDatabase, authorization: str | None) -> Principal:
    challenge = {"WWW-Authenticate": 'Bearer realm="motcua"'}
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ApiError(401, "unauthorized", tr("Thiếu mã xác thực của máy trạm."), headers=challenge)
    with db.session() as session:
        row = session.scalar(select(Workstation).where(Workstation.token_hash == hash_token(token.strip())))
        if row is None:
            raise ApiError(401, "unauthorized", tr("Mã xác thực của máy trạm không hợp lệ."), headers=challenge)
        if row.revoked:
            raise ApiError(401, "token_revoked",
                           tr("Máy trạm này đã bị thu hồi quyền đồng bộ. Hãy liên hệ quản trị hệ thống."),
                           headers=challenge)
        return Principal(id=row.id, name=row.name, unit_id=row.unit_id)


# --------------------------------------------------------------------------------------------- dossiers


def _bad(code: str, message: str) -> ApiError:
    return ApiError(400, code, message)


def validate_dossier_body(dossier_id: str, body: Any) -> dict[str, Any]:
    """Check the parts of a ``dossier_to_wire`` body the server relies on; the rest is stored as sent."""
    if not SAFE_ID.match(dossier_id):
        raise _bad("invalid_id", tr("Mã định danh hồ sơ không hợp lệ."))
    if not isinstance(body, dict):
        raise _bad("invalid_body", tr("Nội dung gửi lên phải là một đối tượng JSON."))
    protocol = body.get("protocol")
    if protocol != PROTOCOL_VERSION or isinstance(protocol, bool):
        raise ApiError(400, "unsupported_protocol",
                       tr("Phiên bản giao thức {version} không được hỗ trợ. Hãy cập nhật ứng dụng.",
                          version=protocol),
                       extra={"protocol_versions": [PROTOCOL_VERSION]})
    if body.get("id") != dossier_id:
        raise _bad("id_mismatch", tr("Mã định danh trong nội dung không khớp với địa chỉ yêu cầu."))
    revision = body.get("revision")
    if not isinstance(revision, int) or isinstance(revision, bool) or revision < 1:
        raise _bad("invalid_revision", tr("Số phiên bản (revision) của hồ sơ phải là số nguyên dương."))
    code = body.get("code")
    if not isinstance(code, str) or not code.strip() or len(code) > 64:
        raise _bad("invalid_code", tr("Mã hồ sơ trống hoặc quá dài."))
    status = body.get("status")
    if not isinstance(status, int) or isinstance(status, bool):
        raise _bad("invalid_status", tr("Trạng thái hồ sơ phải là một số nguyên."))
    province_seq = body.get("province_seq", 0)
    if not isinstance(province_seq, int) or isinstance(province_seq, bool) or province_seq < 0:
        raise _bad("invalid_province_seq",
                   tr("Số thứ tự thay đổi của tỉnh (province_seq) phải là số nguyên không âm."))
    attachments = body.get("attachments", [])
    if attachments is None:
        attachments = []
    if not isinstance(attachments, list):
        raise _bad("invalid_attachments", tr("Danh sách tệp đính kèm (attachments) phải là một mảng."))
    for item in attachments:
        if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not SAFE_ID.match(item["id"]):
            raise _bad("invalid_attachments", tr("Mỗi tệp đính kèm phải có mã định danh (id) hợp lệ."))
        sha = item.get("sha256")
        if sha is not None and (not isinstance(sha, str) or not SHA256_HEX.match(sha)):
            raise _bad("invalid_attachments", tr("Mã băm SHA-256 của tệp đính kèm không hợp lệ."))
    return body


def _declared_attachments(payload: dict[str, Any]) -> list[str]:
    return [item["id"] for item in payload.get("attachments") or [] if isinstance(item, dict) and "id" in item]


def _claim(db: ServerDatabase, key: str, request_hash: str, lease: float) -> tuple[str, IdempotencyRecord | None]:
    """Take the key for this request, or say why not: ``claimed``, ``replay``, ``mismatch`` or ``in_flight``."""
    with db.session() as session:
        record = session.get(IdempotencyRecord, key, with_for_update=True)
        now = local_now()
        if record is None:
            session.add(IdempotencyRecord(key=key, request_hash=request_hash, state="in_flight", started_at=now))
            return "claimed", None
        if record.request_hash != request_hash:
            return "mismatch", record
        if record.state == "done":
            return "replay", record
        # A first request whose process died never finishes; after the lease its key can be taken over.
        if now - record.started_at > timedelta(seconds=lease):
            record.started_at = now
            return "claimed", None
        return "in_flight", record


def _release(db: ServerDatabase, key: str) -> None:
    with db.session() as session:
        record = session.get(IdempotencyRecord, key)
        if record is not None and record.state == "in_flight":
            session.delete(record)


def _code_taken(session: Any, code: str, dossier_id: str) -> bool:
    other = session.scalar(select(ServerDossier.id).where(ServerDossier.code == code, ServerDossier.id != dossier_id))
    return other is not None


def _reaches(start: int, target: int) -> bool:
    """Whether ``target`` lies ahead of ``start`` along the legal transitions, in one step or several.

    Several steps, because an offline workstation coalesces the official's steps into one revision: a result
    resolved and handed to the citizen in one visit arrives as RETURNED, two steps past PROCESSING.
    """
    try:
        frontier, seen = [Status(start)], set()
        wanted = Status(target)
    except ValueError:
        return False
    while frontier:
        for step in TRANSITIONS[frontier.pop()]:
            if step == wanted:
                return True
            if step not in seen:
                seen.add(step)
                frontier.append(step)
    return False


def _settle_status(session: Any, principal: Principal, row: ServerDossier,
                   body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    """The status to store for a newer revision, and what to add to the reply.

    A province change the workstation had not applied when it built the body (seq above its
    ``province_seq``) was decided without the official's edit, and the edit without it. The province's
    status stands unless the workstation's is further along the legal path from it; either way the rest of
    the body is stored, the outcome is recorded and the reply says which status won, so the workstation
    neither re-sends nor drifts away when it pulls that change.
    """
    change = session.scalar(select(Change).where(Change.dossier_id == row.id,
                                                 Change.seq > body.get("province_seq", 0))
                            .order_by(Change.seq.desc()).limit(1))
    if change is None or change.status == body["status"]:
        return body["status"], {}
    accepted = _reaches(change.status, body["status"])
    session.add(StatusConflict(
        dossier_id=row.id, code=body["code"], unit_id=principal.unit_id, revision=body["revision"],
        workstation=principal.name, client_status=body["status"], province_status=change.status,
        change_seq=change.seq, outcome="accepted" if accepted else "kept", at=local_now()))
    if accepted:
        return body["status"], {"status_accepted": {"status": body["status"], "change_seq": change.seq}}
    return change.status, {"status_kept": {"status": change.status, "change_seq": change.seq}}


def _apply_dossier(session: Any, principal: Principal, dossier_id: str, body: dict[str, Any]) -> dict[str, Any]:
    conflict = ApiError(409, "code_conflict",
                        tr("Mã hồ sơ {code} đã được dùng cho một hồ sơ khác.", code=body["code"]))
    row = session.get(ServerDossier, dossier_id, with_for_update=True)
    now = local_now()
    outcome: dict[str, Any] = {}
    if row is None:
        if _code_taken(session, body["code"], dossier_id):
            raise conflict
        row = ServerDossier(id=dossier_id, code=body["code"], unit_id=principal.unit_id, revision=body["revision"],
                            payload=body, status=body["status"], updated_at=now, received_from=principal.name)
        session.add(row)
    else:
        if row.unit_id != principal.unit_id:
            raise ApiError(403, "foreign_dossier", tr("Hồ sơ này thuộc đơn vị khác."))
        # Highest revision wins: a late retry of an old state must never overwrite a newer one.
        if body["revision"] > row.revision:
            if body["code"] != row.code and _code_taken(session, body["code"], dossier_id):
                raise conflict
            status, outcome = _settle_status(session, principal, row, body)
            row.code = body["code"]
            row.revision = body["revision"]
            row.payload = body if status == body["status"] else {**body, "status": status}
            row.status = status
            row.updated_at = now
            row.received_from = principal.name
    session.flush()
    declared = _declared_attachments(row.payload)
    done: set[str] = set()
    if declared:
        done = set(session.scalars(select(Upload.attachment_id).where(
            Upload.attachment_id.in_(declared), Upload.completed_at.is_not(None))))
    return {"id": row.id, "code": row.code, "revision": body["revision"], "stored_revision": row.revision,
            "missing_attachments": [a for a in declared if a not in done], **outcome}


@dataclass(frozen=True)
class PutResult:
    status: int
    reply: dict[str, Any]
    replayed: bool


def put_dossier(db: ServerDatabase, principal: Principal, dossier_id: str, key: str, body: dict[str, Any], *,
                in_flight_wait: float = 2.0, lease: float = 60.0) -> PutResult:
    """Store a dossier state under an idempotency key (see :mod:`sync.protocol`).

    A request that finds its key in flight with the same body waits up to ``in_flight_wait`` seconds for the
    first one to finish and replays its reply: a client that retried too early gets the real answer instead of
    a 409 it would have to retry again. Only a key still busy after the wait gets 409.
    """
    if not key or len(key) > MAX_KEY_LENGTH:
        raise _bad("idempotency_key_required",
                   tr("Thiếu tiêu đề Idempotency-Key (hoặc quá dài, tối đa {n} ký tự).", n=MAX_KEY_LENGTH))
    request_hash = canonical_hash("PUT", f"/v1/dossiers/{dossier_id}", body)
    deadline = time.monotonic() + in_flight_wait
    while True:
        try:
            outcome, record = _claim(db, key, request_hash, lease)
        except IntegrityError:
            continue  # another request inserted the key first (databases without BEGIN IMMEDIATE): look again
        if outcome == "claimed":
            break
        if outcome == "replay":
            assert record is not None and record.reply is not None
            return PutResult(status=record.status_code or 200, reply=record.reply, replayed=True)
        if outcome == "mismatch":
            raise ApiError(422, "idempotency_key_reused",
                           tr("Khóa Idempotency-Key này đã được dùng cho một nội dung khác."))
        if time.monotonic() >= deadline:
            raise ApiError(409, "request_in_flight",
                           tr("Yêu cầu với cùng khóa đang được xử lý, hãy thử lại sau giây lát."),
                           headers={"Retry-After": "1"})
        time.sleep(0.02)
    try:
        # The state change and the "done" mark commit together: a crash leaves either both or neither.
        with db.session() as session:
            reply = _apply_dossier(session, principal, dossier_id, body)
            record = session.get(IdempotencyRecord, key)
            assert record is not None
            record.state = "done"
            record.status_code = 200
            record.reply = reply
            record.finished_at = local_now()
    except IntegrityError as exc:
        _release(db, key)
        raise ApiError(409, "code_conflict",
                       tr("Mã hồ sơ {code} đã được dùng cho một hồ sơ khác.", code=body["code"])) from exc
    except BaseException:
        # Refusals are not stored: the same request may succeed once the conflict is resolved.
        _release(db, key)
        raise
    return PutResult(status=200, reply=reply, replayed=False)


# -------------------------------------------------------------------------------------------- change feed


def parse_cursor(raw: str | None) -> int:
    if raw is None or raw == "":
        return 0
    if not raw.isdigit() or len(raw) > 18:
        raise _bad("invalid_cursor", tr("Con trỏ đồng bộ (since) không hợp lệ."))
    return int(raw)


def parse_limit(raw: str | None) -> int:
    if raw is None or raw == "":
        return DEFAULT_LIMIT
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_LIMIT:
        raise _bad("invalid_limit", tr("Giới hạn (limit) phải từ 1 đến {n}.", n=MAX_LIMIT))
    return int(raw)


def _stale_cursor() -> ApiError:
    return ApiError(410, "stale_cursor",
                    tr("Con trỏ đồng bộ không còn hợp lệ trên máy chủ; cần đồng bộ lại toàn bộ."))


def change_to_wire(change: Change) -> dict[str, Any]:
    return {"seq": change.seq, "dossier_id": change.dossier_id, "code": change.code, "status": change.status,
            "at": change.at.isoformat(), "actor": change.actor, "note": change.note, "kind": change.kind}


def changes_since(db: ServerDatabase, principal: Principal, since: int, limit: int) -> dict[str, Any]:
    with db.session() as session:
        top = session.scalar(select(func.max(Change.seq))) or 0
        if since > top:
            raise _stale_cursor()  # a cursor from another (or a reset) server
        rows = list(session.scalars(
            select(Change).where(Change.unit_id == principal.unit_id, Change.seq > since)
            .order_by(Change.seq).limit(limit + 1)))
        more = len(rows) > limit
        rows = rows[:limit]
        # With nothing more for this unit the cursor jumps to the newest row, skipping other units' rows.
        cursor = rows[-1].seq if more else top
        return {"changes": [change_to_wire(r) for r in rows], "cursor": str(cursor), "more": more}


def set_status(db: ServerDatabase, code: str, status: int, note: str = "", actor: str = "",
               kind: str = "status") -> Change:
    """Record a status decided at the province; workstations pull it from ``/v1/changes``."""
    try:
        Status(status)
    except ValueError as exc:
        raise ApiError(400, "invalid_status", tr("Trạng thái {status} không tồn tại.", status=status)) from exc
    with db.session() as session:
        dossier = session.scalar(select(ServerDossier).where(ServerDossier.code == code))
        if dossier is None:
            raise ApiError(404, "unknown_dossier", tr("Máy chủ chưa nhận hồ sơ có mã {code}.", code=code))
        dossier.status = status
        dossier.updated_at = local_now()
        change = Change(unit_id=dossier.unit_id, dossier_id=dossier.id, code=dossier.code, status=status,
                        at=local_now(), actor=actor, note=note, kind=kind)
        session.add(change)
        session.flush()
        return change


# ------------------------------------------------------------------------------------------------ catalogue


def _parse_calendar_days(raw: Any) -> list[dict[str, Any]]:
    if not isinstance(raw, list):
        raise ApiError(400, "invalid_calendar", tr("“calendar_days” phải là một mảng."))
    days: list[dict[str, Any]] = []
    for n, item in enumerate(raw, start=1):
        try:
            day = date.fromisoformat(item["day"]).isoformat()
            kind = item["kind"]
            note = item.get("note", "")
            if kind not in ("off", "work") or not isinstance(note, str):
                raise ValueError(kind)
        except (TypeError, KeyError, ValueError) as exc:
            raise ApiError(400, "invalid_calendar",
                           tr("Ngày thứ {n} trong “calendar_days” không hợp lệ (cần day YYYY-MM-DD, "
                              "kind “off” hoặc “work”).", n=n)) from exc
        days.append({"day": day, "kind": kind, "note": note})
    return sorted(days, key=lambda d: d["day"])


def publish_catalogue(db: ServerDatabase, path: str | Path, signing_key: Ed25519PrivateKey) -> CatalogueRelease:
    """Publish a catalogue file (the app's format, plus an optional ``calendar_days`` list) as one release,
    signed with ``signing_key`` (see :func:`release_payload`).

    A release is a complete snapshot. A file without ``calendar_days`` keeps the calendar of the previous
    release, so procedures and holidays can be published separately.
    """
    from app.catalogue import load_catalogue_file

    catalogue = load_catalogue_file(path)  # raises ValidationError with messages an operator can act on
    raw = json.loads(Path(path).read_bytes().decode("utf-8-sig"))
    with db.session() as session:
        previous = session.scalar(select(CatalogueRelease).order_by(CatalogueRelease.seq.desc()).limit(1))
        if "calendar_days" in raw:
            days = _parse_calendar_days(raw["calendar_days"])
        else:
            days = list(previous.calendar_days) if previous is not None else []
        release = CatalogueRelease(version=catalogue.version, procedures=catalogue.to_dict()["procedures"],
                                   calendar_days=days, published_at=local_now())
        session.add(release)
        session.flush()
        session.add(CatalogueEnvelope(seq=release.seq, envelope=make_envelope_doc(
            release_payload(release), signing_key, CATALOGUE)))
        return release


def release_payload(release: CatalogueRelease) -> bytes:
    """The exact bytes signed for a release. Its ``seq`` is inside, so a client can refuse an older genuine
    release replayed in place of the current one."""
    from app.catalogue import FORMAT_VERSION

    body = {"format": FORMAT_VERSION, "seq": release.seq, "version": release.version,
            "published_at": release.published_at.isoformat(), "procedures": release.procedures,
            "calendar_days": release.calendar_days}
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def catalogue_since(db: ServerDatabase, since: int) -> dict[str, Any]:
    with db.session() as session:
        latest = session.scalar(select(CatalogueRelease).order_by(CatalogueRelease.seq.desc()).limit(1))
        top = latest.seq if latest is not None else 0
        if since > top:
            raise _stale_cursor()
        page: dict[str, Any] = {"catalogue_version": latest.version if latest is not None else None,
                                "cursor": str(top), "more": False, "release": None}
        if latest is None or since == top:
            return page
        # Releases are full snapshots, so only the newest one matters however far behind the client is. Its
        # content travels only inside the signed envelope: nothing unsigned for a client to be tempted by.
        signed = session.get(CatalogueEnvelope, latest.seq)
        page["release"] = signed.envelope if signed is not None else None
        return page
