"""The client sync engine: one ``run_once()`` pushes queued dossiers, reports the audit chain head, then pulls
status and catalogue changes (a catalogue release applies only with a valid signature by a trusted key).

A plain object: the UI's sync lane calls ``run_once()`` and shows the :class:`SyncReport`; the CLI may loop with
:func:`run_forever`. Each step commits locally before the next, so a crash or a cut at any point leaves the
database consistent: an outbox row is removed only in the transaction that records the server's
acknowledgement, and a page of changes commits together with its cursor. Everything sent is idempotent
(``Idempotency-Key`` per revision), so "sent but the reply was lost" is resolved by simply sending again.

Scans follow their dossier's metadata: an attachment row waits until the server has its dossier, and after
each file the queue is read again so a dossier received meanwhile is not stuck behind a long upload. Files
go through tus (:mod:`sync.tus`) under the attachment id, so an upload cut anywhere resumes where the server
stands; the upload's completion and ``DossierAttachment.uploaded_at`` commit with the outbox acknowledgement.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from app import clock as app_clock
from app import outbox
from app.attachments import AttachmentStore
from app.catalogue import CatalogueError
from app.db import Database
from app.dossier_codes import raise_counters
from app.errors import StorageError, UserError
from app.i18n import tr
from app.models import Dossier, DossierAttachment, OutboxItem
from app.security import audit
from app.security.signing import SignatureError
from app.services import retention
from app.services.dossiers import get_dossier
from sync import apply, state
from sync.backoff import Backoff
from sync.crash import AFTER_PULL_BEFORE_COMMIT, AFTER_PUT_BEFORE_ACK, AFTER_UPLOAD_BEFORE_ACK, crash_point
from sync.protocol import (
    AUDIT_ANCHOR_REQUIRED,
    AUDIT_HEAD_PATH,
    AUDIT_TAMPER_CODES,
    CODE_COUNTERS_PATH,
    IDEMPOTENCY_HEADER,
    dossier_to_wire,
)
from sync.transport import Kind, Result, Transport, common_version, message_for
from sync.tus import ChunkSizer, upload_file

OFFLINE = "offline"
SYNCING = "syncing"
UP_TO_DATE = "up_to_date"
NEEDS_ATTENTION = "needs_attention"
NEEDS_LOGIN = "needs_login"
# Worst first: the report shows the most urgent state seen during the run.
_SEVERITY = {UP_TO_DATE: 0, SYNCING: 1, OFFLINE: 2, NEEDS_ATTENTION: 3, NEEDS_LOGIN: 4}

SKEW_WARNING_S = 300.0  # beyond five minutes, receipts and deadlines printed here disagree with the province
PAGE_LIMIT = 200
MAX_PAGES_PER_RUN = 50  # a long backlog is pulled over several runs rather than blocking the sync lane
PUSH_BATCH = 50
MAX_SERVER_ERRORS_PER_RUN = 3

LINK_MEASUREMENT_MAX_AGE_S = 600.0  # an older throughput figure no longer says anything about the line
# Errors of these kinds are the line's, not the item's: the status bar says "offline" once, not per row.
_LINK_KINDS = (Kind.OFFLINE, Kind.INTERRUPTED)

# attachment id -> (file path or plain bytes, sha256 hex, tus metadata); None when the file cannot be sent yet.
AttachmentResolver = Callable[[Any, str], tuple[Path | bytes, str, dict[str, str]] | None]


@dataclass(frozen=True)
class ScanPolicy:
    """When scans may use the line; dossier metadata always goes first and is never held back.

    ``only_when_kbps_above``: upload only while the measured line is faster (a slow 2G line stays free for
    the metadata of the counter's next dossiers). ``night_window``: (start, end) local times, may wrap
    midnight, e.g. ``(time(22), time(6))``. With both set, either is enough: at night a slow line has no one
    else to serve. A line not measured recently counts as good, so an upload can measure it again.
    """

    only_when_kbps_above: float | None = None
    night_window: tuple[dtime, dtime] | None = None

    def in_night(self, now: datetime) -> bool:
        if self.night_window is None:
            return False
        start, end = self.night_window
        moment = now.time()
        return start <= moment < end if start <= end else (moment >= start or moment < end)

    def allows(self, now: datetime, link_kbps: float | None) -> bool:
        fast_enough = None if self.only_when_kbps_above is None else (
            link_kbps is None or link_kbps > self.only_when_kbps_above)
        night = None if self.night_window is None else self.in_night(now)
        conditions = [c for c in (fast_enough, night) if c is not None]
        return not conditions or any(conditions)


@dataclass
class SyncReport:
    state: str = UP_TO_DATE
    pushed: int = 0  # PUT/upload requests answered by the server
    acknowledged: int = 0  # outbox rows removed
    pulled: int = 0  # status changes applied locally
    catalogue_updates: int = 0
    errors: list[str] = field(default_factory=list)  # plain Vietnamese, one per problem
    uploaded_files: int = 0  # attachments the server now holds complete, acknowledged locally
    uploaded_bytes: int = 0  # file bytes the server accepted during this run
    requeued_files: int = 0  # attachments the server reported missing and that were queued again
    deferred_files: int = 0  # attachments held back by the scan policy
    queued: int = 0
    oldest_unsent: datetime | None = None
    last_success: datetime | None = None
    clock_skew_s: float | None = None
    # From the server's hello (empty when it did not answer); the UI turns them into an update notice.
    min_client_version: str = ""
    latest_client_version: str = ""

    def worsen(self, new_state: str) -> None:
        if _SEVERITY[new_state] > _SEVERITY[self.state]:
            self.state = new_state

    def add_error(self, message: str) -> None:
        if message and message not in self.errors:
            self.errors.append(message)


@dataclass(frozen=True)
class ItemError:
    """A queued item whose last attempt failed for a reason of its own (not merely a dead line)."""

    kind: str  # "dossier" | "attachment"
    key: str
    code: str | None  # the printed dossier code the official recognises
    message: str  # plain Vietnamese
    attempts: int
    next_attempt_at: datetime | None


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar shows, read from the database only (no network)."""

    state: str
    queued: int  # every outbox row
    oldest_unsent: datetime | None
    last_success: datetime | None
    last_attempt: datetime | None
    clock_skew_s: float | None
    message: str
    queued_dossiers: int = 0
    queued_attachments: int = 0
    queued_attachment_bytes: int = 0
    oldest_unsent_dossier: str | None = None  # printed code
    oldest_unsent_dossier_since: datetime | None = None
    item_errors: tuple[ItemError, ...] = ()
    min_client_version: str = ""  # from the last hello that reached the server
    latest_client_version: str = ""

    @property
    def skew_warning(self) -> bool:
        return self.clock_skew_s is not None and abs(self.clock_skew_s) > SKEW_WARNING_S

    @property
    def skew_message(self) -> str:
        if not self.skew_warning:
            return ""
        assert self.clock_skew_s is not None
        return _skew_message(self.clock_skew_s)


def _skew_message(skew_s: float) -> str:
    return tr("Đồng hồ máy tính lệch {minutes} phút so với hệ thống của tỉnh. "
              "Hãy chỉnh lại giờ máy tính để ngày giờ trên giấy tờ được đúng.", minutes=round(abs(skew_s) / 60))


def _queue_facts(session: Any) -> tuple[int, datetime | None]:
    count, oldest = session.execute(select(func.count(OutboxItem.id), func.min(OutboxItem.created_at))).one()
    return int(count or 0), oldest


def _error_record(message: str, kind: Kind | str, detail: str) -> str:
    """``OutboxItem.last_error``: the official's sentence on the first line (it survives truncation), the
    technical kind and detail after it for "copy details"."""
    return f"{message}\n{kind}: {detail}"


def _parse_error_record(text: str) -> tuple[str, str]:
    """(plain Vietnamese message, kind) from a ``last_error``; older one-line records map by their kind."""
    first, _, rest = text.partition("\n")
    if rest:
        return first, rest.partition(":")[0]
    kind = first.partition(":")[0]
    try:
        return message_for(Kind(kind)), kind
    except ValueError:
        return first, ""


def status(db: Database) -> SyncStatus:
    with db.session() as session:
        queued, oldest = _queue_facts(session)
        last_state = state.get(session, state.LAST_STATE)
        if last_state not in _SEVERITY:
            last_state = SYNCING if queued else UP_TO_DATE
        if last_state == UP_TO_DATE and queued:
            last_state = SYNCING  # changed since the last run: waiting to be sent
        queued_dossiers = outbox.pending_count(session, outbox.DOSSIER)
        files, file_bytes = session.execute(
            select(func.count(OutboxItem.id), func.coalesce(func.sum(DossierAttachment.size), 0))
            .join(DossierAttachment, DossierAttachment.id == OutboxItem.key)
            .where(OutboxItem.kind == outbox.ATTACHMENT)).one()
        oldest_dossier = session.execute(
            select(Dossier.code, OutboxItem.created_at).join(Dossier, Dossier.id == OutboxItem.key)
            .where(OutboxItem.kind == outbox.DOSSIER)
            .order_by(OutboxItem.created_at, OutboxItem.id).limit(1)).first()
        return SyncStatus(
            state=last_state, queued=queued, oldest_unsent=oldest,
            last_success=state.get_time(session, state.LAST_SUCCESS),
            last_attempt=state.get_time(session, state.LAST_ATTEMPT),
            clock_skew_s=state.get_float(session, state.CLOCK_SKEW_S),
            message=state.get(session, state.LAST_MESSAGE) or "",
            queued_dossiers=queued_dossiers, queued_attachments=int(files or 0),
            queued_attachment_bytes=int(file_bytes or 0),
            oldest_unsent_dossier=oldest_dossier[0] if oldest_dossier else None,
            oldest_unsent_dossier_since=oldest_dossier[1] if oldest_dossier else None,
            item_errors=tuple(_item_errors(session)),
            min_client_version=state.get(session, state.SERVER_MIN_CLIENT) or "",
            latest_client_version=state.get(session, state.SERVER_LATEST_CLIENT) or "",
        )


def _item_errors(session: Any) -> list[ItemError]:
    rows = session.execute(select(OutboxItem).where(OutboxItem.last_error != "")
                           .order_by(OutboxItem.priority, OutboxItem.created_at)).scalars()
    errors = []
    for row in rows:
        message, kind = _parse_error_record(row.last_error)
        if kind in _LINK_KINDS or not message:
            continue
        code = None
        if row.kind == outbox.DOSSIER:
            code = session.scalar(select(Dossier.code).where(Dossier.id == row.key))
        elif row.kind == outbox.ATTACHMENT:
            code = session.scalar(select(Dossier.code).join(DossierAttachment,
                                                            DossierAttachment.dossier_id == Dossier.id)
                                  .where(DossierAttachment.id == row.key))
        errors.append(ItemError(kind=row.kind, key=row.key, code=code, message=message, attempts=row.attempts,
                                next_attempt_at=row.next_attempt_at))
    return errors


class _StopRun(Exception):  # noqa: N818 - control flow inside run_once, never escapes
    pass


class SyncEngine:
    def __init__(self, db: Database, server_url: str, token: str | None, *,
                 clock: Callable[[], datetime] | None = None, backoff: Backoff | None = None,
                 transport: Transport | None = None, attachment_resolver: AttachmentResolver | None = None,
                 attachment_store: AttachmentStore | None = None, scan_policy: ScanPolicy | None = None,
                 sizer: ChunkSizer | None = None, stall_timeout_s: float = 30.0,
                 timeouts: tuple[float, float] = (5.0, 30.0), ca_file: str = "", pins: Sequence[str] = (),
                 catalogue_keys: Sequence[str] = ()) -> None:
        """``ca_file`` and ``pins``: transport trust (see :mod:`sync.transport`); ``catalogue_keys``: the
        Ed25519 public keys a catalogue release must be signed with (none = releases are refused)."""
        self.db = db
        self.server_url = server_url
        self.clock = clock or app_clock.now
        self.backoff = backoff or Backoff()
        self.transport = transport or Transport(server_url, token, timeouts=timeouts, ca_file=ca_file, pins=pins)
        self.catalogue_keys = tuple(catalogue_keys)
        # The store decrypts through its cipher; a resolver (tests, other storage) replaces it entirely.
        self.attachment_resolver = attachment_resolver
        self.store = attachment_store or AttachmentStore()
        self.scan_policy = scan_policy or ScanPolicy()
        self.sizer = sizer or ChunkSizer()  # carried across files and runs: the line does not change between scans
        if sizer is None:
            self._seed_sizer()
        self.stall_timeout_s = stall_timeout_s
        self._counters_day: date | None = None  # the day whose code counters were caught up by this engine

    def close(self) -> None:
        self.transport.close()

    # -- the run -------------------------------------------------------------------------------------------
    def run_once(self) -> SyncReport:
        report = SyncReport()
        with self.db.session() as session:
            state.put_time(session, state.LAST_ATTEMPT, self.clock())
        try:
            self._hello(report)
            self._push(report)
            self._catch_up_code_counters()
            self._send_audit_head(report)
            self._pull_changes(report)
            self._pull_catalogue(report)
        except _StopRun:
            pass
        try:
            self._finish(report)
        except StorageError as exc:
            # The full disk that stopped a step refuses this bookkeeping too; the report still says why.
            report.add_error(exc.message)
            report.worsen(NEEDS_ATTENTION)
        return report

    def _finish(self, report: SyncReport) -> None:
        with self.db.session() as session:
            report.queued, report.oldest_unsent = _queue_facts(session)
            if report.state == UP_TO_DATE and report.queued:
                # Rows left for later (backoff, a batch limit, attachments waiting for their file).
                report.state = SYNCING
            if report.state in (UP_TO_DATE, SYNCING) and not report.errors:
                state.put_time(session, state.LAST_SUCCESS, self.clock())
            if report.state != OFFLINE:
                state.put(session, state.OFFLINE_STREAK, "0")
            state.put(session, state.LAST_STATE, report.state)
            state.put(session, state.LAST_MESSAGE, report.errors[0] if report.errors else "")
            report.last_success = state.get_time(session, state.LAST_SUCCESS)
            report.clock_skew_s = state.get_float(session, state.CLOCK_SKEW_S)

    def _stop(self, report: SyncReport, result: Result) -> None:
        """A failure that makes the rest of the run pointless (no link, no login, wrong network)."""
        report.add_error(result.message)
        if result.kind is Kind.AUTH:
            report.worsen(NEEDS_LOGIN)
        elif result.kind is Kind.THROTTLED:
            report.worsen(SYNCING)  # the server asked us to slow down: normal, nothing for the official to do
        elif result.kind in (Kind.OFFLINE, Kind.INTERRUPTED):
            report.worsen(OFFLINE)
            with self.db.session() as session:
                streak = state.get_int(session, state.OFFLINE_STREAK) + 1
                state.put(session, state.OFFLINE_STREAK, str(streak))
        else:
            report.worsen(NEEDS_ATTENTION)
        raise _StopRun

    def _record_clock(self, result: Result) -> None:
        if result.server_date is None:
            return
        local_utc = datetime.now(UTC)
        skew = (local_utc - result.server_date).total_seconds()
        # The Date header has one-second resolution; anything below is noise, not drift.
        skew = 0.0 if abs(skew) < 2 else round(skew)
        with self.db.session() as session:
            state.put(session, state.CLOCK_SKEW_S, str(skew))

    # -- (a) hello -----------------------------------------------------------------------------------------
    def _hello(self, report: SyncReport) -> None:
        result = self.transport.probe()
        if not result.ok:
            self._stop(report, result)
        self._record_clock(result)
        self._record_versions(result.data, report)
        version = common_version(result.data)
        if version is None:
            report.add_error(tr("Phiên bản ứng dụng không còn tương thích với hệ thống của tỉnh. "
                                "Hãy cập nhật ứng dụng; dữ liệu vẫn được giữ trên máy."))
            report.worsen(NEEDS_ATTENTION)
            raise _StopRun
        with self.db.session() as session:
            state.put(session, state.SERVER_PROTOCOL, str(version))
            skew = state.get_float(session, state.CLOCK_SKEW_S)
        if skew is not None and abs(skew) > SKEW_WARNING_S:
            report.add_error(_skew_message(skew))

    def _record_versions(self, hello: dict[str, Any], report: SyncReport) -> None:
        """Keep the client versions the province announces, also for the status shown between runs."""
        values = {}
        for key, name in ((state.SERVER_MIN_CLIENT, "min_client_version"),
                          (state.SERVER_LATEST_CLIENT, "latest_client_version")):
            value = hello.get(name)
            values[key] = value.strip()[:32] if isinstance(value, str) else ""
        report.min_client_version = values[state.SERVER_MIN_CLIENT]
        report.latest_client_version = values[state.SERVER_LATEST_CLIENT]
        with self.db.session() as session:
            for key, value in values.items():
                state.put(session, key, value or None)

    # -- (a') code counters ---------------------------------------------------------------------------------
    def _catch_up_code_counters(self) -> None:
        """Continue the daily code counters after the numbers the province already holds for this unit.

        After a reinstall (empty database, same slot) the local counter would start again and print codes the
        province has. Cheap (one small GET) and best effort: an older server without the endpoint (404), or
        any other failure, leaves the counters as they are and the run goes on; once caught up, not asked again
        that day. It comes after the push, which already stops the run on a dead line; after a reinstall the
        queue is short, so that costs no time.
        """
        today = self.clock().date()
        if self._counters_day == today:
            return  # once a day is enough: afterwards only this workstation issues codes in its block
        days = [f"{today:%y%m%d}", f"{today - timedelta(days=1):%y%m%d}"]
        result = self.transport.request("GET", CODE_COUNTERS_PATH, params={"days": ",".join(days)})
        data = result.data if result.ok else None
        if not isinstance(data, dict) or not isinstance(data.get("counters"), list):
            return
        unit_id = data.get("unit_id")
        if not isinstance(unit_id, str) or not unit_id or len(unit_id) > 32:
            return
        used = [(c["day"], c["slot"], c["last"]) for c in data["counters"]
                if isinstance(c, dict) and c.get("day") in days
                and all(type(c.get(k)) is int for k in ("slot", "last"))]
        with self.db.session() as session:
            raise_counters(session, unit_id, used)
        self._counters_day = today

    # -- (b) push ------------------------------------------------------------------------------------------
    def _push(self, report: SyncReport) -> None:
        server_errors = 0
        # Keyed by revision, not row id: SQLite reuses the id of a deleted row, and a row queued again during
        # the run (a file the server lost) must still go in this run, while a row tried once must not loop.
        seen: set[tuple[str, str, int]] = set()
        while True:
            with self.db.session() as session:
                items = [i for i in outbox.due_items(session, now=self.clock(), limit=PUSH_BATCH + len(seen))
                         if (i.kind, i.key, i.revision) not in seen][:PUSH_BATCH]
            if not items:
                return
            for item in items:
                seen.add((item.kind, item.key, item.revision))
                if item.kind == outbox.DOSSIER:
                    result = self._push_dossier(item, report)
                elif item.kind == outbox.ATTACHMENT:
                    result = self._push_attachment(item, report)
                else:
                    continue  # a kind this version does not know stays queued for a newer one
                if result is not None and not result.ok:
                    if result.kind in (Kind.OFFLINE, Kind.INTERRUPTED, Kind.THROTTLED, Kind.AUTH,
                                       Kind.CAPTIVE_PORTAL, Kind.REDIRECT_ELSEWHERE, Kind.TLS,
                                       Kind.PIN_MISMATCH):
                        self._stop(report, result)
                    if result.kind is Kind.SERVER_ERROR:
                        server_errors += 1
                        if server_errors >= MAX_SERVER_ERRORS_PER_RUN:
                            self._stop(report, result)
                if item.kind == outbox.ATTACHMENT and result is not None:
                    # A file can take minutes: read the queue again so metadata captured meanwhile goes next.
                    break

    def _fail_item(self, item: OutboxItem, result: Result, report: SyncReport, message: str | None = None) -> None:
        now = self.clock()
        with self.db.session() as session:
            row = session.get(OutboxItem, item.id)
            if row is None:
                return
            # A dead link is not this row's fault: the run-level backoff paces retries, and the row goes first
            # once the link is back. Anything else backs off per row, so one bad row cannot hog the lane.
            retry_at = (None if result.kind in (Kind.OFFLINE, Kind.INTERRUPTED, Kind.AUTH)
                        else self.backoff.next_time(now, row.attempts + 1, result.retry_after))
            outbox.record_failure(session, row, _error_record(message or result.message, result.kind,
                                                              result.detail), retry_at)
        if result.kind not in (Kind.OFFLINE, Kind.INTERRUPTED, Kind.AUTH):
            report.add_error(message or result.message)
        if result.kind in (Kind.SERVER_ERROR, Kind.BAD_PAYLOAD, Kind.CLIENT_ERROR):
            report.worsen(NEEDS_ATTENTION)
        elif result.kind is Kind.THROTTLED:
            report.worsen(SYNCING)

    def _push_dossier(self, item: OutboxItem, report: SyncReport) -> Result | None:
        with self.db.session() as session:
            try:
                dossier = get_dossier(session, item.key)
            except UserError:
                # Dossiers are never deleted; a row without one cannot ever be sent, so it must not block.
                outbox.acknowledge(session, item.kind, item.key, item.revision)
                return None
            if retention.is_purged(session, item.key):
                # The local copy was emptied after the province confirmed the full record; sending the blanked
                # copy would overwrite that record. Whatever re-queued it is dropped here.
                outbox.acknowledge(session, item.kind, item.key, item.revision)
                return None
            body = dossier_to_wire(dossier, item.revision)
            code = dossier.code
        key = outbox.idempotency_key(item)
        result = self.transport.request("PUT", f"/v1/dossiers/{item.key}", json_body=body,
                                        headers={IDEMPOTENCY_HEADER: key}, compress=True)
        if result.ok and not (isinstance(result.data, dict) and result.data.get("id") == item.key):
            result = Result(Kind.BAD_PAYLOAD, status=result.status, headers=result.headers,
                            message=message_for(Kind.BAD_PAYLOAD), detail=f"unexpected reply {result.data!r:.200}")
        if result.ok:
            report.pushed += 1
            crash_point(AFTER_PUT_BEFORE_ACK)
            missing = result.data.get("missing_attachments")
            with self.db.session() as session:
                if outbox.acknowledge(session, item.kind, item.key, item.revision):
                    report.acknowledged += 1
                # Either outcome of a status conflict is final for this revision: acknowledged, never re-sent.
                apply.record_push_reply(session, item.key, result.data)
                if isinstance(missing, list):
                    report.requeued_files += _requeue_missing(session, item.key, missing)
            return result
        server_code = result.data.get("code") if isinstance(result.data, dict) else None
        if result.kind is Kind.CLIENT_ERROR and result.status == 409 and server_code == "code_conflict":
            # Two dossiers with one printed code (e.g. a reinstalled workstation restarting its counter):
            # a person must decide; the row waits with backoff and the report says so.
            self._fail_item(item, result, report, tr(
                "Mã hồ sơ {code} đã được dùng cho một hồ sơ khác trên hệ thống của tỉnh (thường do máy trạm được "
                "cài lại và tiếp nhận trước lần đồng bộ đầu tiên). Hồ sơ vẫn được giữ trên máy nhưng chưa gửi "
                "được: hãy báo bộ phận kỹ thuật hoặc tỉnh để cấp lại mã cho hồ sơ, sau đó báo mã mới cho người "
                "nộp.", code=code))
            return result
        if result.kind is Kind.CLIENT_ERROR and result.status == 409:
            # The same key is still being processed (our earlier attempt): just come back shortly.
            self._fail_item(item, Result(Kind.THROTTLED, retry_after=2.0, message=""), report)
            return None
        if result.kind is Kind.CLIENT_ERROR and result.status == 422:
            # Same key, another body: the local dossier changed without a new revision. A new revision gives
            # the current state a key of its own; the server keeps the highest revision.
            with self.db.session() as session:
                outbox.enqueue(session, item.kind, item.key)
            report.add_error(tr("Hồ sơ {code}: dữ liệu gửi lại khác lần trước, sẽ gửi bản mới nhất.", code=code))
            return None
        message = None
        if result.kind is Kind.CLIENT_ERROR:
            message = tr("Hồ sơ {code} bị hệ thống của tỉnh từ chối (mã {status}). Hãy báo cho bộ phận kỹ thuật.",
                         code=code, status=result.status)
        self._fail_item(item, result, report, message)
        return result

    def _push_attachment(self, item: OutboxItem, report: SyncReport) -> Result | None:
        with self.db.session() as session:
            row = session.get(DossierAttachment, item.key)
            if row is None and self.attachment_resolver is None:
                # Attachments are never deleted; a row without one cannot ever be sent, so it must not block.
                outbox.acknowledge(session, item.kind, item.key, item.revision)
                return None
            if row is not None and _dossier_unknown_to_server(session, row.dossier_id):
                return None  # metadata first: the file follows once the server has its dossier
            if self.attachment_resolver is not None:
                found = self.attachment_resolver(session, item.key)
                if found is None:
                    return None
                source, sha256, metadata = found
                code = None
            else:
                assert row is not None
                source, sha256 = Path(), row.sha256
                metadata = {"dossier_id": row.dossier_id, "filename": row.original_name or f"{row.id}.{row.kind}"}
                code = session.scalar(select(Dossier.code).where(Dossier.id == row.dossier_id))
        if not self.scan_policy.allows(self.clock(), self._link_kbps()):
            report.deferred_files += 1
            return None
        if self.attachment_resolver is None:
            try:
                # Plain bytes through the store's cipher, verified against the hash: a damaged local file is
                # reported here instead of being sent and refused by the server at the last byte.
                source = self.store.read(sha256)
            except UserError as exc:
                self._fail_item(item, Result(Kind.CLIENT_ERROR, detail=exc.detail or ""), report, tr(
                    "Hồ sơ {code}: không đọc được tệp scan trên máy nên chưa gửi được. {error}",
                    code=code or "—", error=exc.message))
                return None
        upload = upload_file(self.transport, self.server_url, item.key, source, sha256, metadata,
                             sizer=self.sizer, stall_timeout_s=self.stall_timeout_s)
        self._record_link()
        report.pushed += upload.chunks
        report.uploaded_bytes += upload.bytes_sent
        if upload.complete:
            crash_point(AFTER_UPLOAD_BEFORE_ACK)
            with self.db.session() as session:
                attachment = session.get(DossierAttachment, item.key)
                if attachment is not None:
                    attachment.uploaded_at = self.clock()
                # The same transaction: "uploaded" and "nothing left to send" can never disagree.
                if outbox.acknowledge(session, item.kind, item.key, item.revision):
                    report.acknowledged += 1
                report.uploaded_files += 1
            return Result(Kind.OK)
        result = Result(upload.kind, message=upload.message or message_for(upload.kind), detail=upload.detail)
        message = None
        if upload.kind is Kind.CLIENT_ERROR:
            message = tr("Hồ sơ {code}: tệp scan bị hệ thống của tỉnh từ chối ({detail}). "
                         "Hãy báo cho bộ phận kỹ thuật; tệp vẫn được giữ trên máy.",
                         code=code or "—", detail=upload.message)
        self._fail_item(item, result, report, message)
        return result

    def _seed_sizer(self) -> None:
        """A new engine (the CLI's run-once, a restart) starts from the line measured last, not from scratch."""
        kbps = self._link_kbps()
        if kbps:
            wanted = int(kbps * 125 * self.sizer.target_s)
            self.sizer.size = max(self.sizer.min_size, min(self.sizer.max_size, wanted))

    def _record_link(self) -> None:
        """Keep the measured upload throughput (for the scan policy and the status bar)."""
        bps = self.sizer.throughput_bps
        if bps is None:
            return
        with self.db.session() as session:
            state.put(session, state.LINK_KBPS, f"{bps * 8 / 1000:.1f}")
            state.put_time(session, state.LINK_MEASURED_AT, self.clock())

    def _link_kbps(self) -> float | None:
        with self.db.session() as session:
            kbps = state.get_float(session, state.LINK_KBPS)
            at = state.get_time(session, state.LINK_MEASURED_AT)
        if kbps is None or at is None or abs((self.clock() - at).total_seconds()) > LINK_MEASUREMENT_MAX_AGE_S:
            return None
        return kbps

    # -- (b') audit chain head -------------------------------------------------------------------------------
    def _send_audit_head(self, report: SyncReport) -> None:
        """Tell the province where this workstation's audit chain stands (positions and hashes only).

        Never stops the run: a dead line is noticed by the next step, and a refusal (the log was cut back or
        rewritten) is the province's business to investigate while dossiers keep flowing.
        """
        with self.db.session() as session:
            check = audit.verify(session)
            head = check.head or audit.ChainHead(0, audit.GENESIS)
            anchor = audit.acknowledged_head(session)
            anchor_seq = anchor.seq if anchor is not None and anchor.seq > 0 else None
            body: dict[str, Any] = {"seq": head.seq, "hash": head.hash, "intact": check.ok,
                                    "problems": sorted(check.kinds())}
            body["anchor"] = self._anchor(session, anchor_seq)
        result = self.transport.request("PUT", AUDIT_HEAD_PATH, json_body=body)
        code = result.data.get("code") if isinstance(result.data, dict) else None
        if result.status == 409 and code == AUDIT_ANCHOR_REQUIRED:
            # Our local anchor is not the seq the province holds (an acknowledgement lost on the way back):
            # answer with the hash at the seq it names.
            wanted = result.data.get("acknowledged_seq")
            if isinstance(wanted, int) and not isinstance(wanted, bool) and wanted > 0:
                with self.db.session() as session:
                    body["anchor"] = self._anchor(session, wanted)
                result = self.transport.request("PUT", AUDIT_HEAD_PATH, json_body=body)
                code = result.data.get("code") if isinstance(result.data, dict) else None
        if result.ok:
            if head.seq > 0:
                with self.db.session() as session:
                    audit.acknowledge_head(session, head)
            return
        if result.status == 409 and code in AUDIT_TAMPER_CODES:
            report.add_error(tr(
                "Nhật ký kiểm tra trên máy này không khớp với bản hệ thống của tỉnh đã ghi nhận (có thể đã bị sửa "
                "hoặc xoá). Tỉnh đã nhận cảnh báo; hãy liên hệ bộ phận kỹ thuật. Hồ sơ vẫn được đồng bộ bình "
                "thường."))
            report.worsen(NEEDS_ATTENTION)

    @staticmethod
    def _anchor(session: Any, seq: int | None) -> dict[str, Any] | None:
        if seq is None:
            return None
        return {"seq": seq, "hash": audit.hash_at(session, seq) or ""}

    # -- (c) status changes --------------------------------------------------------------------------------
    def _pull_changes(self, report: SyncReport) -> None:
        for _ in range(MAX_PAGES_PER_RUN):
            with self.db.session() as session:
                cursor = state.get(session, state.CHANGES_CURSOR) or ""
            result = self.transport.request("GET", "/v1/changes", params={"since": cursor, "limit": PAGE_LIMIT})
            if result.kind is Kind.CLIENT_ERROR and result.status == 410:
                # The server forgot our cursor: start over; replaying is harmless (changes carry their seq).
                with self.db.session() as session:
                    state.put(session, state.CHANGES_CURSOR, None)
                continue
            page = self._page(result, report, ("changes", "cursor"))
            try:
                with self.db.session() as session:
                    applied = apply.apply_changes(session, page["changes"], now=self.clock())
                    state.put(session, state.CHANGES_CURSOR, str(page["cursor"]))
                    session.flush()  # the page is written to the journal, uncommitted: the worst moment to die
                    crash_point(AFTER_PULL_BEFORE_COMMIT)
            except StorageError as exc:
                # Rolled back with its cursor (a full disk, a read-only folder): the next run pulls it again.
                report.add_error(tr("Chưa lưu được các cập nhật trạng thái từ hệ thống tỉnh: {error} "
                                    "Lần đồng bộ sau sẽ nhận lại đầy đủ.", error=exc.message))
                report.worsen(NEEDS_ATTENTION)
                raise _StopRun from exc
            report.pulled += applied.applied
            if not page.get("more"):
                return

    def _page(self, result: Result, report: SyncReport, keys: tuple[str, ...]) -> dict[str, Any]:
        if not result.ok:
            self._stop(report, result)
        data = result.data
        if not isinstance(data, dict) or any(k not in data for k in keys) or data.get("cursor") is None:
            self._stop(report, Result(Kind.BAD_PAYLOAD, message=message_for(Kind.BAD_PAYLOAD)))
        return data

    # -- (d) catalogue -------------------------------------------------------------------------------------
    def _pull_catalogue(self, report: SyncReport) -> None:
        for _ in range(MAX_PAGES_PER_RUN):
            with self.db.session() as session:
                cursor = state.get(session, state.CATALOGUE_CURSOR) or ""
            result = self.transport.request("GET", "/v1/catalogue/changes", params={"since": cursor})
            if result.kind is Kind.CLIENT_ERROR and result.status == 410:
                with self.db.session() as session:
                    state.put(session, state.CATALOGUE_CURSOR, None)
                continue
            page = self._page(result, report, ("cursor",))
            try:
                release = apply.open_release(page, self.catalogue_keys,
                                             current_cursor=int(cursor) if cursor.isdigit() else None)
            except SignatureError as exc:
                self._refuse_catalogue(report, page, exc)
                return
            try:
                with self.db.session() as session:
                    applied = apply.apply_catalogue(session, release) if release else apply.ApplyResult()
                    state.put(session, state.CATALOGUE_CURSOR, str(page["cursor"]))
            except (CatalogueError, UserError) as exc:
                # Keep the old catalogue and cursor: a broken release must not stop intake at the counter.
                report.add_error(tr("Danh mục thủ tục mới từ hệ thống tỉnh không hợp lệ, tạm giữ danh mục cũ: "
                                    "{error}", error=exc.message if isinstance(exc, UserError) else exc))
                report.worsen(NEEDS_ATTENTION)
                return
            report.catalogue_updates += applied.applied
            if not page.get("more"):
                return

    def _refuse_catalogue(self, report: SyncReport, page: dict[str, Any], exc: SignatureError) -> None:
        """Keep the old catalogue and cursor (the release is tried again once the key is right), tell the
        official, and audit each refused release once rather than on every run."""
        report.add_error(tr("Bản cập nhật danh mục thủ tục từ hệ thống tỉnh không được áp dụng vì không kiểm tra "
                            "được chữ ký số; vẫn dùng danh mục cũ. {error}", error=exc.message))
        report.worsen(NEEDS_ATTENTION)
        release = str(page.get("cursor"))
        with self.db.session() as session:
            if state.get(session, state.CATALOGUE_REFUSED) != release:
                state.put(session, state.CATALOGUE_REFUSED, release)
                audit.record(session, audit.SYSTEM, audit.SIGNATURE_REJECTED, "catalogue:province",
                             {"source": "sync", "release": release, "reason": (exc.detail or "")[:200]})

    # -- scheduling ----------------------------------------------------------------------------------------
    def next_run_delay(self, report: SyncReport) -> float:
        """Seconds until the next automatic run: soon while there is work, backing off while offline."""
        if report.state == NEEDS_LOGIN:
            return 3600.0
        if report.state == OFFLINE:
            with self.db.session() as session:
                streak = state.get_int(session, state.OFFLINE_STREAK, 1)
            return max(1.0, self.backoff.delay(streak))
        with self.db.session() as session:
            next_due = session.execute(select(func.min(OutboxItem.next_attempt_at))).scalar()
            queued, _ = _queue_facts(session)
        if queued and next_due is None:
            return 1.0
        if next_due is not None:
            return float(min(60.0, max(1.0, (next_due - self.clock()).total_seconds())))
        return 60.0


def run_forever(engine: SyncEngine, stop_event: threading.Event,
                on_report: Callable[[SyncReport], None] | None = None) -> None:
    """CLI helper: run, wait as :meth:`SyncEngine.next_run_delay` says, until ``stop_event`` is set."""
    while not stop_event.is_set():
        report = engine.run_once()
        if on_report is not None:
            on_report(report)
        if report.state == NEEDS_LOGIN:
            return
        stop_event.wait(timeout=engine.next_run_delay(report))


def _dossier_unknown_to_server(session: Any, dossier_id: str) -> bool:
    """True while the dossier's metadata has never been acknowledged (its files must wait for it)."""
    pending = session.scalar(select(OutboxItem.id).where(OutboxItem.kind == outbox.DOSSIER,
                                                         OutboxItem.key == dossier_id))
    return pending is not None and outbox.last_acknowledged(session, outbox.DOSSIER, dossier_id) == 0


def _requeue_missing(session: Any, dossier_id: str, missing: list[Any]) -> int:
    """Queue again the files the server says it lacks (lost storage, a restore) unless already queued."""
    count = 0
    for attachment_id in missing:
        if not isinstance(attachment_id, str):
            continue
        row = session.get(DossierAttachment, attachment_id)
        if row is None or row.dossier_id != dossier_id:
            continue
        queued = session.scalar(select(OutboxItem.id).where(OutboxItem.kind == outbox.ATTACHMENT,
                                                            OutboxItem.key == attachment_id))
        if queued is not None:
            continue  # still on its way: the reply of a dossier PUT always lists files not yet uploaded
        row.uploaded_at = None
        outbox.enqueue(session, outbox.ATTACHMENT, attachment_id)
        count += 1
    return count


def skew_timedelta(report: SyncReport) -> timedelta | None:
    return None if report.clock_skew_s is None else timedelta(seconds=report.clock_skew_s)
