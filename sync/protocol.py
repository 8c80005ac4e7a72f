"""The wire contract between a workstation and the provincial system (protocol version 1).

Both the client engine and the reference server import this module, so the shapes cannot drift apart.
Times on the wire are local wall-clock ISO strings (``YYYY-MM-DDTHH:MM:SS``, the counter's time zone,
Asia/Ho_Chi_Minh), the same as the printed papers.

Endpoints (all under ``/v1``, JSON bodies, ``Authorization: Bearer <workstation token>``):

- ``GET  /v1/hello`` → :class:`Hello`; no auth needed; the client checks ``protocol_versions`` and the
  ``Date`` header for clock skew.
- ``PUT  /v1/dossiers/{dossier_id}`` (the body lists its ``attachments`` with id, sha256, size) with ``Idempotency-Key: dossier:<id>:<revision>`` and a
  :func:`dossier_to_wire` body → ``{"id", "code", "revision", "stored_revision", "missing_attachments": [...]}``.
  The server keeps the highest revision; the same key with the same body replays the stored reply, the same
  key with another body is 422, a key still in flight is 409.
  Status conflicts: the body's ``province_seq`` is the highest ``/v1/changes`` seq the workstation had applied
  to this dossier when it built the body (0 or absent: none). If the server holds a newer change for the
  dossier whose status differs, it still stores the revision, but its status only if that status lies ahead
  of the province's along ``app.status.TRANSITIONS`` (one or more legal steps); otherwise the province's
  status stays. The reply then adds ``"status_kept": {"status", "change_seq"}`` or ``"status_accepted":
  {"status", "change_seq"}``; the client acknowledges either (no re-send) and, after ``status_accepted``,
  records the pulled change in the history without stepping back, so both sides end on the server's status.
- tus 1.0 (core, creation, checksum with sha256, termination) at ``/v1/uploads``; the upload id is the
  client-made attachment id (``POST`` with ``Upload-Metadata`` containing ``attachment_id``, ``dossier_id``,
  ``sha256`` (hex of the whole file) and ``filename``).
- ``GET  /v1/changes?since=<cursor>&limit=<n>`` → ``{"changes": [...], "cursor": str, "more": bool}``; a
  change is ``{"seq", "dossier_id", "code", "status", "at", "actor", "note", "kind"}``. 410 for a stale cursor.
- ``GET  /v1/catalogue/changes?since=<cursor>`` → ``{"release": <signed envelope>|None,
  "catalogue_version": str|None, "cursor": str, "more": bool}``; the release (procedures, calendar days, its
  seq) travels only inside an Ed25519 envelope (``app.security.signing``, purpose "catalogue") that clients
  verify against their trusted keys before applying anything.

- ``PUT  /v1/workstations/me/audit-head`` with ``{"seq", "hash", "intact", "problems": [kind...],
  "anchor": {"seq", "hash"}|null}``: the workstation's audit chain head, whether its own walk of the chain
  found it intact, and the hash its chain now holds at the seq last acknowledged (no log content). → 200
  ``{"seq", "hash", "accepted": true}``, after which the client records the head as acknowledged. 409
  ``audit_anchor_required`` with ``acknowledged_seq`` asks for the anchor at that seq; 409
  ``audit_head_regressed`` / ``audit_head_rewritten`` / ``audit_chain_broken`` refuse the head and raise a
  tamper alert on the server (``python -m sync.server audit-alerts``).
- ``GET  /v1/workstations/me/code-counters?days=YYMMDD,...`` (at most :data:`CODE_COUNTER_MAX_DAYS` days;
  absent = the server's today and yesterday) → ``{"unit_id", "counters": [{"day", "slot", "last"}]}``: for
  the workstation's unit, the highest code number the server holds in each slot block (slot*1000 ..
  slot*1000+999) of each day; empty blocks are left out. A workstation raises its local counters to these
  (never lowers them) before issuing codes, so a reinstall does not reuse codes. Older servers answer 404.

Details every peer relies on:

- Errors are JSON ``{"code": <machine code>, "message": <Vietnamese>}``; 401 carries
  ``WWW-Authenticate: Bearer`` with code ``unauthorized`` or ``token_revoked``.
- ``Motcua-Protocol: 1`` may be sent; another version gets 400 ``unsupported_protocol`` listing
  ``protocol_versions``. PUT bodies may be gzip-compressed (``Content-Encoding: gzip``).
- The idempotency fingerprint is a SHA-256 of canonical JSON of method, path and body; a replay carries
  ``Idempotent-Replayed: true``; a key in flight is awaited briefly, then 409 ``request_in_flight`` with
  ``Retry-After``. Failed requests are not stored, so a corrected retry can succeed.
- Cursors are decimal integer strings (absent = "0"); a cursor beyond the newest is 410 ``stale_cursor``.
  A catalogue change is a complete snapshot (procedures and calendar days replace the previous ones).
- tus: ``Tus-Resumable: 1.0.0`` on every request but OPTIONS (412 otherwise); a repeated creation POST for the
  same attachment returns the same ``Location`` and the current offset; a checksummed chunk is all or
  nothing (460 ``checksum_mismatch``); a whole-file SHA-256 mismatch at completion is 460
  ``upload_sha256_mismatch`` and resets the offset to 0; a concurrent PATCH gets 409 ``upload_busy``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.models import Dossier
from sync.apply import province_seq

PROTOCOL_VERSION = 1
SUPPORTED_VERSIONS = (1,)
TUS_VERSION = "1.0.0"
TUS_EXTENSIONS = "creation,checksum,termination"
IDEMPOTENCY_HEADER = "Idempotency-Key"
AUDIT_HEAD_PATH = "/v1/workstations/me/audit-head"
AUDIT_ANCHOR_REQUIRED = "audit_anchor_required"  # not a refusal: send the hash at the seq the server names
AUDIT_TAMPER_CODES = ("audit_head_regressed", "audit_head_rewritten", "audit_chain_broken")
PROTOCOL_HEADER = "Motcua-Protocol"
CODE_COUNTERS_PATH = "/v1/workstations/me/code-counters"
CODE_COUNTER_MAX_DAYS = 7


@dataclass(frozen=True)
class Hello:
    protocol_versions: tuple[int, ...]
    server_time: str
    min_client_version: str
    latest_client_version: str

    def to_json(self) -> dict[str, Any]:
        return {"protocol_versions": list(self.protocol_versions), "server_time": self.server_time,
                "min_client_version": self.min_client_version,
                "latest_client_version": self.latest_client_version}


def _iso(value: Any) -> Any:
    return value.isoformat() if value is not None and hasattr(value, "isoformat") else value


def _position_of(dossier: Dossier, document_id: int | None) -> int | None:
    return next((d.position for d in dossier.documents if d.id == document_id), None)


def dossier_to_wire(dossier: Dossier, revision: int) -> dict[str, Any]:
    """The full state of a dossier as the province receives it (the latest state wins by revision)."""
    return {
        "protocol": PROTOCOL_VERSION,
        "id": dossier.id,
        "revision": revision,
        "code": dossier.code,
        "procedure": {"code": dossier.procedure_code, "name": dossier.procedure_name,
                      "field": dossier.field_name, "case_code": dossier.case_code},
        "applicant": {"kind": dossier.applicant_kind, "name": dossier.applicant_name,
                      "id_number": dossier.applicant_id_number, "birth_date": _iso(dossier.applicant_birth_date),
                      "address": dossier.applicant_address, "phone": dossier.applicant_phone,
                      "email": dossier.applicant_email},
        "submitter": None if not dossier.submitter_name else {
            "role": dossier.submitter_role, "name": dossier.submitter_name,
            "id_number": dossier.submitter_id_number, "phone": dossier.submitter_phone,
            "address": dossier.submitter_address},
        "channel": dossier.channel,
        "status": dossier.status,
        "province_seq": province_seq(dossier),
        "sets_count": dossier.sets_count,
        "fee_amount": dossier.fee_amount,
        "request_summary": dossier.request_summary,
        "notes": dossier.notes,
        "received_at": _iso(dossier.received_at),
        "due_at": _iso(dossier.due_at),
        "original_due_at": _iso(dossier.original_due_at),
        "finished_at": _iso(dossier.finished_at),
        "returned_at": _iso(dossier.returned_at),
        "returned_to": dossier.returned_to,
        "received_by": dossier.received_by,
        "workstation": dossier.workstation,
        "calendar_version": dossier.calendar_version,
        "catalogue_version": dossier.catalogue_version,
        "documents": [
            {"position": d.position, "code": d.code, "name": d.name, "required": d.required,
             "originals": d.originals, "certified_copies": d.certified_copies, "photocopies": d.photocopies}
            for d in dossier.documents
        ],
        "events": [
            {"at": _iso(e.at), "actor": e.actor, "action": e.action, "from_status": e.from_status,
             "to_status": e.to_status, "reason": e.reason}
            for e in dossier.events
        ],
        "supplement": None if dossier.supplement is None else {
            "requested_at": _iso(dossier.supplement.requested_at), "items": dossier.supplement.items,
            "reason": dossier.supplement.reason, "resumed_at": _iso(dossier.supplement.resumed_at)},
        "attachments": [
            {"id": a.id, "sha256": a.sha256, "size": a.size, "pages": a.pages, "kind": a.kind,
             "source": a.source, "document_position": _position_of(dossier, a.document_id)}
            for a in dossier.attachments
        ],
        "apologies": [
            {"issued_at": _iso(a.issued_at), "reason": a.reason, "old_due_at": _iso(a.old_due_at),
             "new_due_at": _iso(a.new_due_at)}
            for a in dossier.apologies
        ],
    }
