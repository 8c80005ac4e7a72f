"""Service-quality indicators of the counter (QĐ 766/QĐ-TTg) for a period, overall or per group.

Two populations are measured over the period [start, end] (whole days, both included):

* *received*: dossiers received in the period — counts by status and channel, dossier digitisation;
* *resolved*: dossiers with status 7, 9 or 10 whose finish time (``finished_at``, else ``returned_at``) is in
  the period — on-time rate, average processing time, result digitisation.

Each dossier's outcome (early / on time / late / no appointment / clock error), finish moment and working
time are stored on it when it finishes, by :func:`app.services.deadlines.finish_outcome`; the figures are then
one plain SQL aggregate (GROUP BY group/status/channel/outcome), so a year of a large database costs one scan
of the period and no calendar arithmetic. A finished dossier without a stored outcome (written outside the
services: the province's status feed, an import, a hand fix; a trigger clears a stale one) is judged on the
fly with the same function. Every indicator can be traced to the dossier codes in its numerator and
denominator; those lists are loaded on demand by a second query (:func:`load_codes`) that reads the same
outcomes.

Rules that shape the figures:

* on time = (trước hạn + đúng hạn) / resolved with an appointment. Dossiers without an appointment (legacy
  imports) are left out of the rate and counted separately;
* a supplement pause is respected: the appointment already moved when the dossier resumed, and a dossier
  withdrawn while still paused is judged at the moment the pause began (its clock stopped there);
* a finish time before the receipt (a wrong computer clock) is flagged and left out of every figure that
  depends on it;
* processing time and result digitisation concern dossiers with a result (status 9 or 10): a withdrawn
  dossier has neither;
* a ratio with an empty denominator is ``None`` with a Vietnamese note, never 0 % and never a division error;
* groups use the procedure code / name, field and official stored on each dossier, so a period that spans a
  catalogue change needs no mapping;
* satisfaction = (all − dissatisfied − complained-about − overdue) / all over the dossiers *rated* in the
  period (``satisfaction_ratings.rated_at``; one rating per dossier). A dossier that is, say, both
  dissatisfied and overdue is subtracted once, so the rate never goes below zero; overdue means finished
  after the appointment, the same test as the on-time rate.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.i18n import tr
from app.services.deadlines import (
    CLOCK_ERROR,
    EARLY,
    LATE,
    NO_APPOINTMENT,
    ON_TIME,
    RESOLVED_STATUSES,
    FinishOutcome,
    WorkingClock,
    finish_outcome,
)
from app.workdays import WorkCalendar

GROUPINGS: dict[str, tuple[str, str]] = {
    # grouping -> (SQL key, SQL display name); the key is what the group is, the name only labels it.
    "procedure": ("d.procedure_code", "d.procedure_name"),
    "field": ("d.field_name", "d.field_name"),
    "official": ("d.received_by", "d.received_by"),
}
RESULT_STATUSES = (9, 10)

# Columns that, when present on ``dossiers``, hold the digitisation facts (1 yes, 0 no, NULL unknown).
DOSSIER_DIGITISED_COLUMN = "dossier_digitised"
RESULT_DIGITISED_COLUMN = "result_digitised"

# Processing time is measured against the working calendar of at most this many years before the period;
# an older receipt is almost surely a wrong clock and is left out of the average (and counted).
MAX_LOOKBACK_YEARS = 5


# ----- result types -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Indicator:
    """One figure with what it is made of.

    ``value`` is a ratio (0..1), a number of hours or a count depending on ``unit``; ``None`` when it cannot
    be computed, ``note`` then says why. ``numerator_codes``/``denominator_codes`` are ``None`` until loaded
    with :func:`load_codes`.
    """

    key: str
    label: str
    unit: str  # "ratio", "hours" or "count"
    value: float | None
    numerator: float | None
    denominator: int | None
    note: str = ""
    parts: dict[str, int] = field(default_factory=dict)
    numerator_codes: tuple[str, ...] | None = None
    denominator_codes: tuple[str, ...] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key, "label": self.label, "unit": self.unit, "value": self.value,
            "numerator": self.numerator, "denominator": self.denominator, "note": self.note,
            "parts": dict(self.parts),
            "numerator_codes": list(self.numerator_codes) if self.numerator_codes is not None else None,
            "denominator_codes": list(self.denominator_codes) if self.denominator_codes is not None else None,
        }


@dataclass(frozen=True)
class GroupIndicators:
    """The indicators of one group (or of the whole unit, ``key`` = "")."""

    key: str
    label: str
    names: tuple[str, ...]  # every name the group had in the period (a procedure renamed by the catalogue)
    received: Indicator
    by_status: dict[int, int]
    by_channel: dict[int, int]
    on_time: Indicator
    processing_hours: Indicator
    dossier_digitisation: Indicator
    result_digitisation: Indicator
    satisfaction: Indicator
    no_appointment: Indicator
    clock_errors: Indicator

    def indicators(self) -> list[Indicator]:
        return [self.received, self.on_time, self.processing_hours, self.dossier_digitisation,
                self.result_digitisation, self.satisfaction, self.no_appointment, self.clock_errors]

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key, "label": self.label, "names": list(self.names),
            "by_status": {str(k): v for k, v in sorted(self.by_status.items())},
            "by_channel": {str(k): v for k, v in sorted(self.by_channel.items())},
            "indicators": {i.key: i.to_dict() for i in self.indicators()},
        }


@dataclass(frozen=True)
class DigitisationSource:
    """Where digitisation facts come from: SQL boolean expressions over the dossier row ``d``.

    1 = digitised, 0 = not, NULL = unknown. ``None`` means there is no such data at all. The expressions are
    written by the application (a column, a subquery on a future attachment table), never by the user.
    """

    dossier_expr: str | None = None
    result_expr: str | None = None


@dataclass(frozen=True)
class IndicatorReport:
    start: date
    end: date
    by: str | None
    overall: GroupIndicators
    groups: tuple[GroupIndicators, ...]
    codes_loaded: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat(), "end": self.end.isoformat(), "by": self.by,
            "overall": self.overall.to_dict(), "groups": [g.to_dict() for g in self.groups],
        }


@dataclass(frozen=True)
class LateItem:
    """A dossier finished after its appointment (for the public late list)."""

    code: str
    applicant: str
    procedure: str
    due_at: datetime
    finished_at: datetime
    official: str
    status: int


# ----- helpers ------------------------------------------------------------------------------------------------


def _bounds(start: date, end: date) -> tuple[str, str]:
    """Period as text bounds [start 00:00, day after end 00:00): stored times are ISO text in SQLite."""
    if end < start:
        raise ValidationError(
            tr("Kỳ báo cáo không hợp lệ: ngày kết thúc {end:%d/%m/%Y} trước ngày bắt đầu {start:%d/%m/%Y}.",
               start=start, end=end)
        )
    after = end + timedelta(days=1)
    return f"{start:%Y-%m-%d} 00:00:00", f"{after:%Y-%m-%d} 00:00:00"


_ATTACHED = ("EXISTS (SELECT 1 FROM dossier_attachments a WHERE a.dossier_id = d.id AND a.digitised "
             "AND a.source {cond})")


def detect_digitisation(session: Session) -> DigitisationSource:
    """Digitisation facts available in this database.

    Dedicated columns win when the schema has them; otherwise the attachment store answers: a dossier is
    digitised with at least one scanned or imported component, a result with a file of source ``result``.
    A kind of file never attached anywhere yet means "no data" (``None``), not 0 %.
    """
    columns = {row[1] for row in session.execute(text("PRAGMA table_info(dossiers)"))}
    dossier_expr = f"d.{DOSSIER_DIGITISED_COLUMN}" if DOSSIER_DIGITISED_COLUMN in columns else None
    result_expr = f"d.{RESULT_DIGITISED_COLUMN}" if RESULT_DIGITISED_COLUMN in columns else None
    has_store = session.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'dossier_attachments'")).first()
    if has_store:
        def any_of(cond: str) -> bool:
            return session.execute(text(f"SELECT 1 FROM dossier_attachments WHERE source {cond} LIMIT 1")).first() \
                is not None

        components, results = "IN ('scan', 'file')", "= 'result'"
        if dossier_expr is None and any_of(components):
            dossier_expr = _ATTACHED.format(cond=components)
        if result_expr is None and any_of(results):
            result_expr = _ATTACHED.format(cond=results)
    return DigitisationSource(dossier_expr=dossier_expr, result_expr=result_expr)


def _parse(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value)[:19])


# Stored outcomes counted in the on-time rate, and those with a processing time.
_RATED = (EARLY, ON_TIME, LATE)
_VALID = (*_RATED, NO_APPOINTMENT)

_FIN = "coalesce(d.finished_at, d.returned_at)"
_RECEIVED = "(d.received_at >= :s AND d.received_at < :e)"
# Finished in the period with the outcome stored when it finished (see app.services.deadlines).
_STORED = "(d.outcome_at >= :s AND d.outcome_at < :e)"
# Finished in the period without a stored outcome: written outside the services (the partial index
# ix_dossiers_outcome_pending finds them without a scan). They are judged on the fly, with the same function.
_PENDING = f"(d.outcome IS NULL AND d.status IN {RESOLVED_STATUSES} AND {_FIN} >= :s AND {_FIN} < :e)"
# A dossier withdrawn while waiting for a supplement stopped its clock when the pause began.
_PAUSED_FROM = ("(SELECT sr.requested_at FROM supplement_requests sr "
                "WHERE sr.dossier_id = d.id AND sr.resumed_at IS NULL)")


def _group_columns(by: str | None) -> tuple[str, str]:
    key, name = GROUPINGS[by] if by else ("''", "''")
    return f"coalesce({key}, '')", f"coalesce({name}, '')"


def _window_start(start: date) -> str:
    """Receipts older than this are left out of the average processing time (almost surely a wrong clock)."""
    return (start - timedelta(days=366 * MAX_LOOKBACK_YEARS)).isoformat()


def _judge(row: Any, clock: Any) -> FinishOutcome:
    """Outcome of a dossier without a stored one, from the inputs the pending query selects."""
    return finish_outcome(row.status, _parse(row.received_at), _parse(row.due_at), _parse(row.finished_at),
                          _parse(row.returned_at), _parse(row.paused_from), clock)


# ----- aggregation --------------------------------------------------------------------------------------------

_COUNTERS = ("received", "resolved", "clock_errors", "no_appointment", "early", "on_time", "late", "with_result",
             "work_n", "work_seconds", "dig_known", "dig_yes", "rdig_known", "rdig_yes",
             "rated", "sat_dissatisfied", "sat_complaint", "sat_overdue", "sat_good")
_CLASS_COUNTER = {EARLY: "early", ON_TIME: "on_time", LATE: "late", NO_APPOINTMENT: "no_appointment",
                  CLOCK_ERROR: "clock_errors"}


@dataclass
class _Acc:
    counts: dict[str, float] = field(default_factory=lambda: dict.fromkeys(_COUNTERS, 0))
    by_status: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    by_channel: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    names: dict[str, str] = field(default_factory=dict)  # name -> latest receipt seen under it

    def add(self, row: Any) -> None:
        """Fold one SQL group (group, status, channel, stored outcome) into the totals."""
        counts = self.counts
        if row.received:
            counts["received"] += row.received
            self.by_status[row.status] += row.received
            self.by_channel[row.channel] += row.received
        if row.outcome is not None and row.finished:
            self.add_outcome(row.outcome, row.status, row.finished, row.work_n, row.work_seconds or 0, 0, 0)

    def add_digitisation(self, row: Any) -> None:
        """Fold one group of a digitisation query (see :func:`_digitisation_sql`)."""
        self.counts[f"{row.kind}_known"] += row.known or 0
        self.counts[f"{row.kind}_yes"] += row.yes or 0

    def add_outcome(self, cls: str, status: int, n: int, work_n: int, work_seconds: float, rdig_known: int,
                    rdig_yes: int) -> None:
        """Fold ``n`` dossiers of one status finished in the period with outcome ``cls``."""
        counts = self.counts
        counts["resolved"] += n
        counts[_CLASS_COUNTER[cls]] += n
        if cls in _VALID and status in RESULT_STATUSES:
            counts["with_result"] += n
            counts["work_n"] += work_n
            counts["work_seconds"] += work_seconds
            counts["rdig_known"] += rdig_known
            counts["rdig_yes"] += rdig_yes

    def see_name(self, name: str, last_seen: str | None) -> None:
        if (last_seen or "") > self.names.get(name, ""):
            self.names[name] = last_seen or ""

    def add_ratings(self, row: Any) -> None:
        """Fold one group of the satisfaction query into the totals."""
        counts = self.counts
        counts["rated"] += row.n
        counts["sat_dissatisfied"] += row.dissatisfied or 0
        counts["sat_complaint"] += row.complaint or 0
        counts["sat_overdue"] += row.overdue or 0
        counts["sat_good"] += row.good or 0


# Ratings of the period, one row per rated dossier; a rating may concern a dossier finished in an earlier
# period. A dossier is overdue when its outcome is late: the stored one, or for a dossier without one, the
# outcome judged on the fly (the same function as the on-time rate; those rows are read by _RATED_PENDING).
_RATED_PENDING = f"(d.outcome IS NULL AND d.status IN {RESOLVED_STATUSES} AND {_FIN} IS NOT NULL)"
_RATING_FLAGS = f"""coalesce(r.dissatisfied, 0) <> 0 AS dissatisfied, coalesce(r.complaint, 0) <> 0 AS complaint,
  coalesce(d.outcome = '{LATE}', 0) AS overdue"""
_RATINGS_FROM = """FROM satisfaction_ratings r JOIN dossiers d ON d.id = r.dossier_id
WHERE r.rated_at >= :s AND r.rated_at < :e"""


def _ratings_sql(by: str | None) -> str:
    key, _ = _group_columns(by)
    return f"""
SELECT g, count(*) AS n, sum(dissatisfied) AS dissatisfied, sum(complaint) AS complaint, sum(overdue) AS overdue,
  sum(NOT (dissatisfied OR complaint OR overdue)) AS good
FROM (SELECT {key} AS g, {_RATING_FLAGS} {_RATINGS_FROM} AND NOT {_RATED_PENDING}) AS x
GROUP BY g
"""


@dataclass(frozen=True)
class _Rated:
    """One rated dossier, with the same fields as a group of :func:`_ratings_sql`."""

    code: str
    g: str
    dissatisfied: int
    complaint: int
    overdue: int
    n: int = 1

    @property
    def good(self) -> int:
        return int(not (self.dissatisfied or self.complaint or self.overdue))


def _rated_rows(session: Session, params: dict[str, str], by: str | None, *, pending_only: bool) -> list[_Rated]:
    """Rated dossiers of the period one by one, those without a stored outcome judged here."""
    key, _ = _group_columns(by)
    sql = f"""
SELECT d.code AS code, {key} AS g, {_RATING_FLAGS}, {_RATED_PENDING} AS pending, d.status AS status,
  d.received_at AS received_at, d.due_at AS due_at, d.finished_at AS finished_at, d.returned_at AS returned_at,
  CASE WHEN {_RATED_PENDING} AND d.status = 7 THEN {_PAUSED_FROM} END AS paused_from
{_RATINGS_FROM}{f" AND {_RATED_PENDING}" if pending_only else ""}
"""
    out = []
    for row in session.execute(text(sql), params):
        overdue = _judge(row, None).outcome == LATE if row.pending else bool(row.overdue)
        out.append(_Rated(row.code, row.g, int(row.dissatisfied), int(row.complaint), int(overdue)))
    return out


def _has_ratings_table(session: Session) -> bool:
    return session.execute(text(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'satisfaction_ratings'")).first() is not None


# Covering indexes that give the aggregate both its rows and its GROUP BY order: one per grouping, each a few
# columns wide, so a year is read from a small index instead of the wide dossier rows, and nothing is sorted.
# (app.models.Dossier declares them; the migration 0007_outcomes creates them.)
INDICATOR_INDEXES: dict[str | None, tuple[str, tuple[str, ...]]] = {
    None: ("ix_dossiers_indicators", ()),
    "procedure": ("ix_dossiers_indicators_procedure", ("procedure_code", "procedure_name")),
    "field": ("ix_dossiers_indicators_field", ("field_name",)),
    "official": ("ix_dossiers_indicators_official", ("received_by",)),
}


def _aggregate_sql(by: str | None) -> str:
    """One pass over the period grouped by (group, status, channel, stored outcome).

    The outcome and working time were stored when each dossier finished, so every column is a plain count
    or sum read from the grouping's covering index. A dossier received more than ``MAX_LOOKBACK_YEARS``
    before the period keeps its class but its working time is left out of the average.
    """
    index, group = INDICATOR_INDEXES[by]
    key, name = _group_columns(by)
    keys = ", ".join(f"d.{c}" for c in (*group, "status", "channel", "outcome"))
    return f"""
SELECT {key} AS g, {name} AS gname, d.status AS status, d.channel AS channel, d.outcome AS outcome,
  sum({_RECEIVED}) AS received, sum({_STORED}) AS finished, max(d.received_at) AS last_seen,
  count(CASE WHEN {_STORED} AND d.received_at >= :w THEN d.working_seconds END) AS work_n,
  sum(CASE WHEN {_STORED} AND d.received_at >= :w THEN d.working_seconds END) AS work_seconds
FROM dossiers d INDEXED BY {index}
WHERE {_RECEIVED} OR {_STORED}
GROUP BY {keys}
"""


def _digitisation_sql(by: str | None, kind: str, expr: str) -> str:
    """Digitisation facts per group: of the dossiers received (``dig``) or of the results (``rdig``) with a
    stored outcome in the period; pending dossiers carry their own result fact."""
    key, _ = _group_columns(by)
    where = _RECEIVED if kind == "dig" else \
        f"{_STORED} AND d.outcome IN {_VALID} AND d.status IN {RESULT_STATUSES}"
    return f"""
SELECT g, '{kind}' AS kind, sum(v IS NOT NULL) AS known, sum(coalesce(v, 0) <> 0) AS yes
FROM (SELECT {key} AS g, ({expr}) AS v FROM dossiers d WHERE {where}) AS x
GROUP BY g
"""


def _pending_sql(by: str | None, rdig: str | None, extra: str = "") -> str:
    """Dossiers finished in the period without a stored outcome, with what :func:`finish_outcome` needs."""
    key, name = _group_columns(by)
    return f"""
SELECT d.code AS code, {key} AS g, {name} AS gname, d.status AS status, d.received_at AS received_at,
  d.due_at AS due_at, d.finished_at AS finished_at, d.returned_at AS returned_at,
  CASE WHEN d.status = 7 THEN {_PAUSED_FROM} END AS paused_from, ({rdig or "NULL"}) AS rdig{extra}
FROM dossiers d
WHERE {_PENDING}
"""


def _ratio(key: str, label: str, numerator: int, denominator: int, empty_note: str,
           parts: dict[str, int] | None = None, note: str = "") -> Indicator:
    if not denominator:
        return Indicator(key, label, "ratio", None, numerator, 0, empty_note, parts or {})
    return Indicator(key, label, "ratio", numerator / denominator, numerator, denominator, note, parts or {})


def _group(key: str, acc: _Acc, by: str | None) -> GroupIndicators:
    c = {k: int(v) if k != "work_seconds" else float(v) for k, v in acc.counts.items()}
    names = tuple(sorted(acc.names, key=lambda n: acc.names[n], reverse=True))
    if by is None:
        label = tr("Toàn đơn vị")
    elif by == "procedure":
        label = f"{key} – {names[0]}" if key and names and names[0] else (key or tr("(chưa ghi)"))
    else:
        label = key or tr("(chưa ghi)")

    received = Indicator("received", tr("Hồ sơ tiếp nhận trong kỳ"), "count", c["received"], c["received"], None,
                         "" if c["received"] else tr("Không có hồ sơ nào được tiếp nhận trong kỳ."))
    rated = c["early"] + c["on_time"] + c["late"]
    notes = []
    if c["no_appointment"]:
        notes.append(tr("{n} hồ sơ không có ngày hẹn trả (dữ liệu nhập từ hệ thống cũ) không được tính.",
                        n=c["no_appointment"]))
    if c["clock_errors"]:
        notes.append(tr("{n} hồ sơ có thời điểm giải quyết trước thời điểm tiếp nhận (đồng hồ máy tính sai) "
                        "không được tính.", n=c["clock_errors"]))
    empty = tr("Không có hồ sơ nào được giải quyết trong kỳ.") if not c["resolved"] else \
        tr("Không có hồ sơ giải quyết nào có ngày hẹn trả để so sánh.")
    on_time = _ratio("on_time", tr("Tỷ lệ giải quyết trước hạn và đúng hạn"), c["early"] + c["on_time"], rated,
                     " ".join([empty, *notes]),
                     parts={EARLY: c["early"], ON_TIME: c["on_time"], LATE: c["late"]}, note=" ".join(notes))

    if c["work_n"]:
        processing = Indicator("processing_hours", tr("Thời gian giải quyết trung bình (giờ làm việc)"), "hours",
                               round(c["work_seconds"] / c["work_n"] / 3600, 2),
                               round(c["work_seconds"] / 3600, 2), c["work_n"])
    else:
        processing = Indicator("processing_hours", tr("Thời gian giải quyết trung bình (giờ làm việc)"), "hours",
                               None, None, 0, tr("Không có hồ sơ nào có kết quả trong kỳ."))
    if c["with_result"] > c["work_n"]:
        processing = replace(processing, note=tr(
            "{n} hồ sơ tiếp nhận quá {years} năm trước kỳ báo cáo không được tính thời gian giải quyết.",
            n=c["with_result"] - c["work_n"], years=MAX_LOOKBACK_YEARS))

    no_data = tr("Chưa có dữ liệu số hóa.")
    dossier_dig = _ratio("dossier_digitisation", tr("Tỷ lệ số hóa hồ sơ"), c["dig_yes"], c["dig_known"], no_data)
    if c["dig_known"] and c["dig_known"] < c["received"]:
        dossier_dig = replace(dossier_dig, note=tr("{n} hồ sơ chưa có thông tin số hóa không được tính.",
                                                    n=c["received"] - c["dig_known"]))
    result_dig = _ratio("result_digitisation", tr("Tỷ lệ số hóa kết quả"), c["rdig_yes"], c["rdig_known"], no_data)
    if c["rdig_known"] and c["rdig_known"] < c["with_result"]:
        result_dig = replace(result_dig, note=tr("{n} kết quả chưa có thông tin số hóa không được tính.",
                                                  n=c["with_result"] - c["rdig_known"]))
    sat_parts = {"dissatisfied": c["sat_dissatisfied"], "complaint": c["sat_complaint"],
                 "overdue": c["sat_overdue"]}
    sat_note = ""
    if c["rated"]:
        sat_note = tr("Trên {n} hồ sơ được đánh giá: {d} không hài lòng, {k} có phản ánh, kiến nghị, "
                      "{o} trả kết quả quá hạn (mỗi hồ sơ chỉ trừ một lần).", n=c["rated"],
                      d=c["sat_dissatisfied"], k=c["sat_complaint"], o=c["sat_overdue"])
    satisfaction = _ratio("satisfaction", tr("Mức độ hài lòng"), c["sat_good"], c["rated"],
                          tr("Chưa có dữ liệu đánh giá mức độ hài lòng."), parts=sat_parts, note=sat_note)
    no_appointment = Indicator("no_appointment", tr("Hồ sơ giải quyết không có ngày hẹn trả"), "count",
                               c["no_appointment"], c["no_appointment"], None,
                               tr("Không tính vào tỷ lệ đúng hạn.") if c["no_appointment"] else "")
    clock_errors = Indicator("clock_errors", tr("Hồ sơ có thời điểm giải quyết trước khi tiếp nhận"), "count",
                             c["clock_errors"], c["clock_errors"], None,
                             tr("Hãy kiểm tra đồng hồ máy tính; các hồ sơ này không được tính.")
                             if c["clock_errors"] else "")
    return GroupIndicators(
        key=key, label=label, names=names, received=received,
        by_status=dict(sorted(acc.by_status.items())), by_channel=dict(sorted(acc.by_channel.items())),
        on_time=on_time, processing_hours=processing, dossier_digitisation=dossier_dig,
        result_digitisation=result_dig, satisfaction=satisfaction, no_appointment=no_appointment,
        clock_errors=clock_errors,
    )


def compute_indicators(session: Session, start: date, end: date, *, by: str | None = None,
                       calendar: WorkCalendar | None = None, digitisation: DigitisationSource | None = None,
                       with_codes: bool = False) -> IndicatorReport:
    """Indicators of the period [start, end], overall and, with ``by``, per procedure, field or official.

    Outcomes and working times are the ones stored when each dossier finished (under the calendar in force
    then); ``calendar`` only measures the few dossiers whose outcome is missing. ``with_codes`` also loads
    the traceability code lists (a second query; see :func:`load_codes`).
    """
    if by is not None and by not in GROUPINGS:
        raise ValidationError(tr("Cách nhóm “{by}” không hợp lệ (procedure, field hoặc official).", by=by))
    s, e = _bounds(start, end)
    window = _window_start(start)
    calendar = calendar or WorkCalendar()
    source = digitisation if digitisation is not None else detect_digitisation(session)
    params = {"s": s, "e": e, "w": window}

    overall = _Acc()
    groups: dict[str, _Acc] = {}
    for row in session.execute(text(_aggregate_sql(by)), params):
        overall.add(row)
        if by is not None:
            acc = groups.setdefault(row.g, _Acc())
            acc.add(row)
            acc.see_name(row.gname, row.last_seen)
    for kind, expr in (("dig", source.dossier_expr), ("rdig", source.result_expr)):
        if expr is not None:
            for row in session.execute(text(_digitisation_sql(by, kind, expr)), params):
                overall.add_digitisation(row)
                if by is not None:
                    groups.setdefault(row.g, _Acc()).add_digitisation(row)
    clock = WorkingClock(calendar)
    for row in session.execute(text(_pending_sql(by, source.result_expr)), params):
        judged = _judge(row, clock)
        worked = judged.working_seconds is not None and str(row.received_at)[:10] >= window
        parts = (judged.outcome, row.status, 1, int(worked), judged.working_seconds if worked else 0,
                 int(row.rdig is not None), int(bool(row.rdig)))
        overall.add_outcome(*parts)
        if by is not None:
            acc = groups.setdefault(row.g, _Acc())
            acc.add_outcome(*parts)
            acc.see_name(row.gname, str(row.received_at))
    if _has_ratings_table(session):
        rated = [*session.execute(text(_ratings_sql(by)), params), *_rated_rows(session, params, by, pending_only=True)]
        for row in rated:
            overall.add_ratings(row)
            if by is not None:
                groups.setdefault(row.g, _Acc()).add_ratings(row)
    report = IndicatorReport(
        start=start, end=end, by=by, overall=_group("", overall, None),
        groups=tuple(sorted((_group(k, a, by) for k, a in groups.items()), key=lambda g: g.key)),
    )
    return load_codes(session, report, digitisation=source) if with_codes else report


# ----- traceability -------------------------------------------------------------------------------------------


def _lists(rec: bool, dig: int | None, cls: str | None, status: int, worked: bool, rdig: int | None) -> list[str]:
    """The code lists a dossier belongs to, from the same facts the aggregate counted."""
    lists = []
    if rec:
        lists.append("received")
        if dig is not None:
            lists.append("dig_known")
            if dig:
                lists.append("dig_yes")
    if cls == CLOCK_ERROR:
        lists.append("clock_errors")
    elif cls == NO_APPOINTMENT:
        lists.append("no_appointment")
    elif cls in _RATED:
        lists.append("rated")
        if cls != LATE:
            lists.append("good")
    if cls in _VALID and status in RESULT_STATUSES:
        lists.append("with_result")
        if worked:
            lists.append("worked")
        if rdig is not None:
            lists.append("rdig_known")
            if rdig:
                lists.append("rdig_yes")
    return lists


def _with_codes(group: GroupIndicators, lists: dict[str, list[str]]) -> GroupIndicators:
    def both(ind: Indicator, num: str, den: str | None) -> Indicator:
        numerator = tuple(sorted(lists[num]))
        denominator = tuple(sorted(lists[den])) if den else numerator
        return replace(ind, numerator_codes=numerator, denominator_codes=denominator if den else None)

    return replace(
        group,
        received=both(group.received, "received", None),
        on_time=both(group.on_time, "good", "rated"),
        processing_hours=both(group.processing_hours, "worked", "worked"),
        dossier_digitisation=both(group.dossier_digitisation, "dig_yes", "dig_known"),
        result_digitisation=both(group.result_digitisation, "rdig_yes", "rdig_known"),
        satisfaction=both(group.satisfaction, "sat_good", "sat_rated"),
        no_appointment=both(group.no_appointment, "no_appointment", None),
        clock_errors=both(group.clock_errors, "clock_errors", None),
    )


_SEPARATOR = "\x1f"  # between the codes of one group of the trace query; never part of a dossier code


def _trace_sql(by: str | None, source: DigitisationSource) -> str:
    """Codes of the period grouped by the facts that decide their lists, one concatenated string per group.

    Grouping in SQL keeps a year of codes to a handful of rows; the same stored outcomes as the aggregate
    decide the lists, so each list matches its figure.
    """
    key, _ = _group_columns(by)
    dig = f"(({source.dossier_expr}) <> 0)" if source.dossier_expr else "NULL"
    rdig = f"(({source.result_expr}) <> 0)" if source.result_expr else "NULL"
    return f"""
SELECT g, rec, cls, status, worked, dig, rdig, group_concat(code, char(31)) AS codes
FROM (
  SELECT {key} AS g, {_RECEIVED} AS rec, CASE WHEN {_STORED} THEN d.outcome END AS cls, d.status AS status,
    ({_STORED} AND d.received_at >= :w AND d.working_seconds IS NOT NULL) AS worked,
    CASE WHEN {_RECEIVED} THEN {dig} END AS dig,
    CASE WHEN {_STORED} AND d.status IN {RESULT_STATUSES} THEN {rdig} END AS rdig, d.code AS code
  FROM dossiers d
  WHERE {_RECEIVED} OR {_STORED}
) AS x
GROUP BY 1, 2, 3, 4, 5, 6, 7
"""


def _rating_lists(session: Session, start: date, end: date, by: str | None) -> list[tuple[str, str, list[str]]]:
    """(code, group, lists) of every dossier rated in the period."""
    if not _has_ratings_table(session):
        return []
    s, e = _bounds(start, end)
    return [(row.code, row.g, ["sat_rated", "sat_good"] if row.good else ["sat_rated"])
            for row in _rated_rows(session, {"s": s, "e": e}, by, pending_only=False)]


def load_codes(session: Session, report: IndicatorReport,
               digitisation: DigitisationSource | None = None) -> IndicatorReport:
    """The report with the dossier codes of every numerator and denominator filled in."""
    source = digitisation if digitisation is not None else detect_digitisation(session)
    s, e = _bounds(report.start, report.end)
    window = _window_start(report.start)
    params = {"s": s, "e": e, "w": window}
    overall: dict[str, list[str]] = defaultdict(list)
    groups: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))

    def put(g: str, names: list[str], codes: list[str]) -> None:
        for name in names:
            overall[name].extend(codes)
            if report.by is not None:
                groups[g][name].extend(codes)

    for row in session.execute(text(_trace_sql(report.by, source)), params):
        names = _lists(bool(row.rec), row.dig, row.cls, row.status, bool(row.worked), row.rdig)
        if names:
            put(row.g, names, row.codes.split(_SEPARATOR))
    # Dossiers without a stored outcome: their receipt is in the lists above, their outcome is judged here.
    for row in session.execute(text(_pending_sql(report.by, source.result_expr)), params):
        judged = _judge(row, None)
        worked = judged.outcome in _VALID and str(row.received_at)[:10] >= window
        rdig = None if row.rdig is None else int(bool(row.rdig))
        put(row.g, _lists(False, None, judged.outcome, row.status, worked, rdig), [row.code])
    for code, g, lists in _rating_lists(session, report.start, report.end, report.by):
        put(g, lists, [code])
    return replace(
        report, codes_loaded=True, overall=_with_codes(report.overall, overall),
        groups=tuple(_with_codes(g, groups[g.key]) for g in report.groups),
    )


def late_finished(session: Session, start: date, end: date) -> list[LateItem]:
    """Dossiers finished in the period after their appointment, with the official who received them."""
    s, e = _bounds(start, end)
    details = (f", d.applicant_name AS applicant, d.procedure_name AS procedure, d.received_by AS official, "
               f"{_FIN} AS fin")
    stored = session.execute(text(
        f"SELECT d.code AS code, d.status AS status, d.due_at AS due_at{details} FROM dossiers d "
        f"WHERE {_STORED} AND d.outcome = :late"), {"s": s, "e": e, "late": LATE}).all()
    pending = [row for row in session.execute(text(_pending_sql(None, None, details)), {"s": s, "e": e})
               if _judge(row, None).outcome == LATE]
    items = [
        LateItem(code=row.code, applicant=row.applicant, procedure=row.procedure, due_at=_parse(row.due_at),
                 finished_at=_parse(row.fin), official=row.official, status=row.status)
        for row in (*stored, *pending)
    ]
    return sorted(items, key=lambda i: (i.finished_at, i.code))
