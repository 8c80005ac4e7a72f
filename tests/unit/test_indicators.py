"""Service-quality indicators on hand-computed dossiers of March 2027 (working time 07:00–11:30, 13:30–17:00).

Every dossier of the main fixture is received Thursday 04/03/2027 09:15 for procedure 1.004873 (3 working
days), so its appointment is Tuesday 09/03 09:15 unless a pause or an apology moves it.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import update

from app.errors import ValidationError
from app.models import Dossier
from app.services import dossiers as svc
from app.services.indicators import (
    DigitisationSource,
    compute_indicators,
    late_finished,
    load_codes,
)
from app.services.intake import DocumentInput
from app.settings import Settings
from app.workdays import WorkCalendar
from tests.unit.test_dossiers import receive

MARCH = (date(2027, 3, 1), date(2027, 3, 31))
RECEIVED = datetime(2027, 3, 4, 9, 15)


def at(frozen_now, moment: datetime) -> None:
    frozen_now.value = moment


def resolve(db, settings, frozen_now, code: str, moment: datetime) -> None:
    at(frozen_now, moment)
    with db.session() as session:
        svc.start_processing(session, settings, code)
        svc.mark_resolved(session, settings, code)


def set_columns(db, code: str, **values) -> None:
    with db.session() as session:
        session.execute(update(Dossier).where(Dossier.code == code).values(**values))


@pytest.fixture
def march(db, settings, frozen_now):
    """Early, on time, late, withdrawn, refused and still open dossiers; returns their codes by role."""
    at(frozen_now, datetime(2027, 3, 4, 9, 20))
    codes = {name: receive(db, settings).code
             for name in ("early", "on_time", "late", "withdrawn", "refused", "open")}
    resolve(db, settings, frozen_now, codes["early"], datetime(2027, 3, 8, 10, 0))  # Monday: before the day
    resolve(db, settings, frozen_now, codes["on_time"], datetime(2027, 3, 9, 9, 0))  # the day, before 09:15
    resolve(db, settings, frozen_now, codes["late"], datetime(2027, 3, 9, 10, 0))  # the day, after 09:15
    at(frozen_now, datetime(2027, 3, 5, 8, 0))
    with db.session() as session:
        svc.withdraw(session, settings, codes["withdrawn"], "Công dân xin rút")
        svc.refuse(session, settings, codes["refused"], "Không thuộc thẩm quyền")
    # Returned after the appointment: the finish time is the resolution (Monday), so it stays early.
    at(frozen_now, datetime(2027, 3, 10, 14, 0))
    with db.session() as session:
        svc.return_result(session, settings, codes["early"], "Nguyễn Văn Đạt", signature_taken=True)
    return codes


def test_on_time_rate_counts_early_on_time_and_late(db, march):
    with db.session() as session:
        report = compute_indicators(session, *MARCH, with_codes=True)
    on_time = report.overall.on_time
    # Resolved = early (returned, 10), on time (9), late (9), withdrawn Friday (7): 3 of 4.
    assert on_time.parts == {"early": 2, "on_time": 1, "late": 1}
    assert (on_time.numerator, on_time.denominator, on_time.value) == (3, 4, 0.75)
    assert set(on_time.numerator_codes) == {march["early"], march["on_time"], march["withdrawn"]}
    assert set(on_time.denominator_codes) == set(on_time.numerator_codes) | {march["late"]}
    assert on_time.note == ""
    assert report.overall.received.value == 6
    assert report.overall.by_status == {2: 1, 3: 1, 7: 1, 9: 2, 10: 1}
    assert report.overall.by_channel == {1: 6}


def test_average_processing_time_in_working_hours(db, march):
    with db.session() as session:
        report = compute_indicators(session, *MARCH, with_codes=True)
    hours = report.overall.processing_hours
    # Thursday 09:15–17:00 = 5.75 h, Friday 8 h; then Monday 07:00–10:00 = 3 h (early: 16.75 h),
    # Monday 8 h + Tuesday 07:00–09:00 = 2 h (on time: 23.75 h), Tuesday until 10:00 (late: 24.75 h).
    # The withdrawn dossier has no result and is not averaged.
    assert hours.denominator == 3
    assert hours.value == pytest.approx((16.75 + 23.75 + 24.75) / 3)
    assert set(hours.denominator_codes) == {march["early"], march["on_time"], march["late"]}


def test_sql_working_time_matches_the_calendar(db, settings, frozen_now):
    """The SQL formula and WorkCalendar agree across a weekend and the Hùng Kings' holiday (16/04/2027)."""
    at(frozen_now, datetime(2027, 4, 9, 15, 40))
    code = receive(db, settings, received_at=datetime(2027, 4, 9, 15, 40)).code
    resolve(db, settings, frozen_now, code, datetime(2027, 4, 19, 8, 5))
    calendar = WorkCalendar()
    expected = calendar.working_seconds_between(datetime(2027, 4, 9, 15, 40), datetime(2027, 4, 19, 8, 5)) / 3600
    with db.session() as session:
        report = compute_indicators(session, date(2027, 4, 1), date(2027, 4, 30), calendar=calendar)
    assert calendar.holiday_name(date(2027, 4, 16)) is not None
    assert expected == pytest.approx(1 + 20 / 60 + 32 + 65 / 60)
    assert report.overall.processing_hours.value == pytest.approx(expected, abs=0.01)


def test_supplement_pause_is_respected(db, settings, frozen_now):
    at(frozen_now, datetime(2027, 3, 4, 9, 20))
    paused = receive(db, settings).code
    withdrawn_while_paused = receive(db, settings).code
    with db.session() as session:
        for code in (paused, withdrawn_while_paused):
            svc.request_supplement(session, settings, code, [DocumentInput(name="Bản sao Giấy khai sinh")],
                                   "Thiếu giấy tờ", at=datetime(2027, 3, 5, 10, 0))
    at(frozen_now, datetime(2027, 3, 8, 10, 0))
    with db.session() as session:
        svc.resume_after_supplement(session, settings, paused, at=datetime(2027, 3, 8, 10, 0))
    # Due moved from Tue 09:15 to Wed 10/03 09:15; resolving Wed 09:00 would be late without the pause.
    at(frozen_now, datetime(2027, 3, 10, 9, 0))
    with db.session() as session:
        svc.mark_resolved(session, settings, paused)
    # Withdrawn on Friday 12/03, three days after the original appointment, but its clock stopped on 05/03.
    at(frozen_now, datetime(2027, 3, 12, 9, 0))
    with db.session() as session:
        svc.withdraw(session, settings, withdrawn_while_paused, "Không bổ sung được")
    with db.session() as session:
        report = compute_indicators(session, *MARCH, with_codes=True)
        assert late_finished(session, *MARCH) == []
    assert report.overall.on_time.parts == {"early": 1, "on_time": 1, "late": 0}
    assert report.overall.on_time.value == 1.0
    assert set(report.overall.on_time.numerator_codes) == {paused, withdrawn_while_paused}


def test_empty_period_gives_none_with_a_note(db, march):
    with db.session() as session:
        report = compute_indicators(session, date(2026, 1, 1), date(2026, 1, 31), by="procedure", with_codes=True)
    overall = report.overall
    assert report.groups == ()
    assert overall.received.value == 0 and overall.received.numerator_codes == ()
    assert overall.on_time.value is None and overall.on_time.denominator == 0
    assert "Không có hồ sơ nào được giải quyết trong kỳ" in overall.on_time.note
    assert overall.processing_hours.value is None and overall.processing_hours.note
    assert overall.on_time.numerator_codes == () and overall.on_time.denominator_codes == ()


def test_no_appointment_and_clock_errors_are_excluded_and_counted(db, settings, frozen_now, march):
    at(frozen_now, datetime(2027, 3, 4, 9, 20))
    legacy = receive(db, settings).code
    wrong_clock = receive(db, settings).code
    resolve(db, settings, frozen_now, legacy, datetime(2027, 3, 15, 9, 0))
    resolve(db, settings, frozen_now, wrong_clock, datetime(2027, 3, 5, 9, 0))
    # A legacy import: no appointment, and only a return time recorded.
    set_columns(db, legacy, due_at=None, finished_at=None, status=10, returned_at=datetime(2027, 3, 15, 9, 0))
    set_columns(db, wrong_clock, finished_at=datetime(2027, 3, 3, 9, 0))  # before the receipt
    with db.session() as session:
        overall = compute_indicators(session, *MARCH, with_codes=True).overall
    assert (overall.on_time.numerator, overall.on_time.denominator) == (3, 4)  # as without the two
    assert overall.no_appointment.value == 1 and overall.no_appointment.numerator_codes == (legacy,)
    assert overall.clock_errors.value == 1 and overall.clock_errors.numerator_codes == (wrong_clock,)
    assert "không có ngày hẹn trả" in overall.on_time.note and "đồng hồ" in overall.on_time.note
    # The legacy dossier still has a processing time (Thursday 09:15 to Monday 15/03 09:00); the wrong clock not.
    assert legacy in overall.processing_hours.denominator_codes
    assert wrong_clock not in overall.processing_hours.denominator_codes
    assert overall.processing_hours.denominator == 4


def test_grouping_by_procedure_field_and_official(db, settings, frozen_now, march):
    other = Settings(operator_name="Lê Văn Hùng")
    at(frozen_now, datetime(2027, 3, 4, 9, 20))
    copy = receive(db, other, procedure_code="2.000815",
                   documents=[DocumentInput(name="Bản chính giấy tờ", originals=1)]).code
    resolve(db, other, frozen_now, copy, datetime(2027, 3, 4, 16, 0))  # same day, by 17:00: on time
    renamed = receive(db, settings).code  # the catalogue later renamed the procedure
    set_columns(db, renamed, procedure_name="Cấp Giấy xác nhận tình trạng hôn nhân (tên mới)")

    with db.session() as session:
        by_procedure = compute_indicators(session, *MARCH, by="procedure", with_codes=True)
        by_field = compute_indicators(session, *MARCH, by="field")
        by_official = compute_indicators(session, *MARCH, by="official", with_codes=True)
    groups = {g.key: g for g in by_procedure.groups}
    assert set(groups) == {"1.004873", "2.000815"}
    marriage = groups["1.004873"]
    assert marriage.received.value == 7 and marriage.on_time.value == 0.75
    assert set(marriage.names) == {"Cấp Giấy xác nhận tình trạng hôn nhân",
                                   "Cấp Giấy xác nhận tình trạng hôn nhân (tên mới)"}
    assert groups["2.000815"].on_time.parts == {"early": 0, "on_time": 1, "late": 0}
    assert groups["2.000815"].on_time.numerator_codes == (copy,)
    assert by_procedure.overall.on_time.value == pytest.approx(4 / 5)

    assert {g.key: g.received.value for g in by_field.groups} == {"Hộ tịch": 7, "Chứng thực": 1}

    officials = {g.key: g for g in by_official.groups}
    assert set(officials) == {"Trần Thị Lan", "Lê Văn Hùng"}
    assert officials["Lê Văn Hùng"].on_time.value == 1.0
    assert officials["Trần Thị Lan"].on_time.numerator == 3
    assert set(officials["Trần Thị Lan"].received.numerator_codes) == set(march.values()) | {renamed}


def test_digitisation_and_satisfaction_are_none_without_data(db, march):
    with db.session() as session:
        overall = compute_indicators(session, *MARCH).overall
    for indicator in (overall.dossier_digitisation, overall.result_digitisation):
        assert indicator.value is None and indicator.note == "Chưa có dữ liệu số hóa."
    assert overall.satisfaction.value is None and "hài lòng" in overall.satisfaction.note


def test_digitisation_from_a_pluggable_source(db, march):
    # Stands in for a future column: the early and on-time dossiers "have a scan", the others are unknown.
    known = f"'{march['early']}', '{march['on_time']}', '{march['late']}'"
    source = DigitisationSource(
        dossier_expr=f"CASE WHEN d.code IN ({known}) THEN d.code <> '{march['late']}' END",
        result_expr=f"CASE WHEN d.code IN ({known}) THEN d.code = '{march['early']}' END",
    )
    with db.session() as session:
        overall = compute_indicators(session, *MARCH, digitisation=source, with_codes=True).overall
    dossier_dig, result_dig = overall.dossier_digitisation, overall.result_digitisation
    assert (dossier_dig.numerator, dossier_dig.denominator) == (2, 3)
    assert "3 hồ sơ chưa có thông tin số hóa" in dossier_dig.note
    assert (result_dig.numerator, result_dig.denominator) == (1, 3)
    assert result_dig.numerator_codes == (march["early"],)


def test_late_list_and_lazy_codes(db, march):
    with db.session() as session:
        report = compute_indicators(session, *MARCH)
        assert report.overall.on_time.numerator_codes is None  # not loaded yet
        loaded = load_codes(session, report)
        late = late_finished(session, *MARCH)
    assert loaded.overall.on_time.denominator == 4 and len(loaded.overall.on_time.denominator_codes) == 4
    assert [(i.code, i.official, i.finished_at) for i in late] == [
        (march["late"], "Trần Thị Lan", datetime(2027, 3, 9, 10, 0))]


def test_invalid_period_and_grouping(db):
    with pytest.raises(ValidationError), db.session() as session:
        compute_indicators(session, date(2027, 3, 31), date(2027, 3, 1))
    with pytest.raises(ValidationError), db.session() as session:
        compute_indicators(session, *MARCH, by="colour")


def test_report_serialises_to_json(db, march):
    import json

    with db.session() as session:
        report = compute_indicators(session, *MARCH, by="official", with_codes=True)
    data = json.loads(json.dumps(report.to_dict(), ensure_ascii=False))
    assert data["overall"]["indicators"]["on_time"]["value"] == 0.75
    assert data["groups"][0]["key"] == "Trần Thị Lan"


def test_digitisation_from_the_attachment_store(db, march):
    from app.models import DossierAttachment

    def attach(code: str, source: str) -> None:
        with db.session() as session:
            dossier = svc.get_dossier(session, code)
            session.add(DossierAttachment(id=f"{code}-{source}", dossier_id=dossier.id, sha256="0" * 64, size=1,
                                          kind="pdf", source=source, created_at=datetime(2027, 3, 9, 9, 0)))

    attach(march["early"], "scan")
    attach(march["on_time"], "file")
    with db.session() as session:
        overall = compute_indicators(session, *MARCH, with_codes=True).overall
    # Six dossiers received, two with a digitised component; no result file anywhere yet: no data.
    assert (overall.dossier_digitisation.numerator, overall.dossier_digitisation.denominator) == (2, 6)
    assert set(overall.dossier_digitisation.numerator_codes) == {march["early"], march["on_time"]}
    assert overall.result_digitisation.value is None
    attach(march["early"], "result")
    with db.session() as session:
        overall = compute_indicators(session, *MARCH).overall
    # Results: early (10), on time (9), late (9); the withdrawn dossier has none.
    assert (overall.result_digitisation.numerator, overall.result_digitisation.denominator) == (1, 3)
