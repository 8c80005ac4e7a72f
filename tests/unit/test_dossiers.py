"""The counter's services: intake, status machine, supplement pause, refusal, return, apology, search."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest

from app.errors import NotFoundError, StateError, ValidationError
from app.services import dossiers as svc
from app.services.drafts import delete_draft, list_drafts, save_draft
from app.services.intake import DocumentInput, IntakeRequest, Party
from app.services.search import search_dossiers
from app.status import Status

ID_MALE_1999 = "001099012345"  # Hà Nội, 0 = male born 1900–1999, 99 = 1999
PROCEDURE = "1.004873"  # Cấp Giấy xác nhận tình trạng hôn nhân, 3 working days


def request(**overrides) -> IntakeRequest:
    values = dict(
        procedure_code=PROCEDURE,
        applicant=Party(name="Nguyễn Văn Đạt", id_number=ID_MALE_1999, birth_date=date(1999, 8, 15), sex="Nam",
                        address="Thôn Phước Hưng, xã Tân Lập", phone="0912345678"),
        documents=[DocumentInput(name="Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", originals=1)],
        received_at=datetime(2027, 3, 4, 9, 15),
    )
    values.update(overrides)
    return IntakeRequest(**values)


def receive(db, settings, **overrides):
    with db.session() as session:
        return svc.receive_dossier(session, settings, request(**overrides)).dossier


def test_receive_assigns_code_due_date_history_and_register_entry(db, settings, frozen_now):
    frozen_now.value = datetime(2027, 3, 4, 9, 20)
    dossier = receive(db, settings)
    assert dossier.code == "000.00.06.H56-270304-1000"
    assert dossier.status == Status.RECEIVED
    # Thursday 09:15 + 24 working hours (07:00–11:30, 13:30–17:00) = Tuesday 09:15.
    assert dossier.due_at == datetime(2027, 3, 9, 9, 15)
    assert dossier.calendar_version and dossier.catalogue_version
    assert (dossier.register_book, dossier.register_entry) == ("2027-1", 1)
    with db.session() as session:
        stored = svc.get_dossier(session, dossier.code)
        assert [e.action for e in stored.events] == ["received"]
        assert stored.events[0].actor == "Trần Thị Lan"
        assert stored.documents[0].originals == 1
    second = receive(db, settings)
    assert second.code == "000.00.06.H56-270304-1001" and second.register_entry == 2


def test_all_problems_of_an_intake_are_listed_at_once(db, settings, frozen_now):
    bad = request(
        applicant=Party(name="", id_number="001099012345", birth_date=date(1985, 1, 1), sex="Nam", phone="12"),
        documents=[DocumentInput(name="Tờ khai", originals=0)],
    )
    with pytest.raises(ValidationError) as info, db.session() as session:
        svc.receive_dossier(session, settings, bad)
    message = info.value.message
    assert "Chưa nhập họ tên" in message
    assert "Thiếu giấy tờ bắt buộc: Tờ khai" in message
    assert "Số điện thoại" in message
    assert len(message.splitlines()) >= 4  # the ID/birth-year mismatch is reported too
    with db.session() as session:
        assert search_dossiers(session) == []


def test_representative_needs_the_authorization_document(db, settings, frozen_now):
    submitter = Party(name="Lê Thị Hoa", id_number="001186000001", sex="Nữ", birth_date=date(1986, 5, 2))
    with pytest.raises(ValidationError) as info, db.session() as session:
        svc.receive_dossier(session, settings, request(submitter=submitter, submitter_role="representative"))
    assert "Văn bản ủy quyền" in info.value.message
    documents = [DocumentInput(name="Tờ khai", originals=1),
                 DocumentInput(name="Văn bản ủy quyền", originals=1, is_authorization=True)]
    dossier = receive(db, settings, submitter=submitter, submitter_role="representative", documents=documents)
    assert dossier.submitter_name == "Lê Thị Hoa" and dossier.submitter_role == "representative"


def test_unknown_procedure_and_future_receipt_are_refused(db, settings, frozen_now):
    with pytest.raises(NotFoundError), db.session() as session:
        svc.receive_dossier(session, settings, request(procedure_code="9.999999"))
    frozen_now.value = datetime(2027, 3, 4, 9, 0)
    with pytest.raises(ValidationError) as info, db.session() as session:
        svc.receive_dossier(session, settings, request(received_at=datetime(2028, 1, 1, 9, 0)))
    assert "tương lai" in info.value.message


def test_supplement_pauses_the_clock_once(db, settings, frozen_now):
    frozen_now.value = datetime(2027, 3, 4, 9, 20)
    dossier = receive(db, settings)
    with db.session() as session:
        svc.request_supplement(session, settings, dossier.code,
                               [DocumentInput(name="Bản sao Giấy khai sinh", certified_copies=1)],
                               "Thiếu giấy tờ chứng minh nhân thân", at=datetime(2027, 3, 5, 10, 0))
    with pytest.raises(StateError) as info, db.session() as session:
        svc.request_supplement(session, settings, dossier.code, [DocumentInput(name="Khác")], "Lần hai",
                               at=datetime(2027, 3, 5, 11, 0))
    assert "một lần" in info.value.message
    with db.session() as session:
        outcome = svc.resume_after_supplement(session, settings, dossier.code, at=datetime(2027, 3, 8, 10, 0))
    # Paused Fri 10:00–17:00 (5 working hours) + Mon 07:00–10:00 (3 h) = 8 h: Tue 09:15 → Wed 09:15.
    assert outcome.dossier.due_at == datetime(2027, 3, 10, 9, 15)
    assert outcome.dossier.original_due_at == datetime(2027, 3, 9, 9, 15)
    assert outcome.dossier.status == Status.PROCESSING


def test_refusal_withdrawal_and_result_return(db, settings, frozen_now):
    frozen_now.value = datetime(2027, 3, 4, 9, 20)
    refused = receive(db, settings)
    with pytest.raises(ValidationError), db.session() as session:
        svc.refuse(session, settings, refused.code, "   ")
    with db.session() as session:
        assert svc.refuse(session, settings, refused.code, "Không thuộc thẩm quyền").dossier.status == 3
    with pytest.raises(StateError), db.session() as session:
        svc.start_processing(session, settings, refused.code)

    withdrawn = receive(db, settings)
    with db.session() as session:
        assert svc.withdraw(session, settings, withdrawn.code, "Công dân xin rút").dossier.status == 7

    done = receive(db, settings)
    with pytest.raises(StateError), db.session() as session:
        svc.return_result(session, settings, done.code, "Nguyễn Văn Đạt", signature_taken=True)
    with db.session() as session:
        svc.start_processing(session, settings, done.code)
        svc.mark_resolved(session, settings, done.code)
        outcome = svc.return_result(session, settings, done.code, "Nguyễn Văn Đạt", signature_taken=True,
                                    at=datetime(2027, 3, 8, 14, 0))
    assert outcome.dossier.status == Status.RETURNED
    with db.session() as session:
        history = [(e.action, e.to_status) for e in svc.get_dossier(session, done.code).events]
    assert history == [("received", 2), ("processing", 4), ("resolved", 9), ("returned", 10)]


def test_apology_moves_the_appointment_to_a_working_time(db, settings, frozen_now):
    frozen_now.value = datetime(2027, 3, 4, 9, 20)
    dossier = receive(db, settings)
    with pytest.raises(ValidationError), db.session() as session:
        svc.issue_apology(session, settings, dossier.code, "Cần xác minh", datetime(2027, 3, 8, 9, 0))
    with pytest.raises(ValidationError), db.session() as session:  # a Sunday
        svc.issue_apology(session, settings, dossier.code, "Cần xác minh", datetime(2027, 3, 14, 9, 0))
    with db.session() as session:
        outcome = svc.issue_apology(session, settings, dossier.code, "Cần xác minh thêm",
                                    datetime(2027, 3, 12, 15, 0))
    assert outcome.dossier.due_at == datetime(2027, 3, 12, 15, 0)
    assert outcome.dossier.original_due_at == datetime(2027, 3, 9, 9, 15)


@pytest.mark.parametrize("query", ["nguyen van dat", "NGUYỄN VĂN ĐẠT", "van dat", "dat", "0010990",
                                   "000.00.06.H56-270304", "tinh trang hon nhan"])
def test_search_is_accent_insensitive(db, settings, frozen_now, query):
    frozen_now.value = datetime(2027, 3, 4, 9, 20)
    receive(db, settings)
    receive(db, settings, applicant=Party(name="Đặng Thị Mai", id_number="001186000001", sex="Nữ",
                                          birth_date=date(1986, 5, 2)))
    with db.session() as session:
        names = [r.applicant_name for r in search_dossiers(session, query)]
    assert "Nguyễn Văn Đạt" in names


@pytest.mark.parametrize(
    ("query", "found"),
    [('"', 1), ("*", 1), ("dat OR zzz", 0), ("NEAR(dat", 0), ("'; DROP TABLE dossiers; --", 0), ("<b>dat</b>", 0)],
)
def test_search_treats_syntax_as_text(db, settings, frozen_now, query, found):
    """FTS operators and SQL in the box are plain words: no error, no injection (punctuation alone lists all)."""
    receive(db, settings)
    with db.session() as session:
        assert len(search_dossiers(session, query)) == found
        assert len(search_dossiers(session)) == 1


def test_drafts_survive_and_round_trip(db, settings):
    payload = request(received_at=None).to_payload()
    with db.session() as session:
        draft_id = save_draft(session, payload)
    with db.session() as session:
        drafts = list_drafts(session)
        assert [d.id for d in drafts] == [draft_id]
        restored = IntakeRequest.from_payload(drafts[0].payload)
    assert restored.applicant.name == "Nguyễn Văn Đạt"
    assert restored.applicant.birth_date == date(1999, 8, 15)
    assert restored.documents[0].originals == 1
    with db.session() as session:
        delete_draft(session, draft_id)
    with db.session() as session:
        assert list_drafts(session) == []


def test_code_format_is_official(db, settings, frozen_now):
    frozen_now.value = datetime(2027, 3, 4, 9, 20)
    assert re.fullmatch(r"000\.00\.06\.H56-\d{6}-\d{4}", receive(db, settings).code)


def test_every_change_is_queued_once_per_dossier_for_the_province(db, settings, frozen_now):
    from sqlalchemy import select

    from app import outbox
    from app.models import OutboxItem

    dossier = receive(db, settings)
    with db.session() as session:
        svc.start_processing(session, settings, dossier.code)
        svc.mark_resolved(session, settings, dossier.code)
    with db.session() as session:
        items = list(session.execute(select(OutboxItem)).scalars())
        assert [(i.kind, i.key, i.revision) for i in items] == [("dossier", dossier.id, 3)]
        # An acknowledgement of an older revision leaves the newer change queued.
        assert not outbox.acknowledge(session, "dossier", dossier.id, 2)
        assert outbox.acknowledge(session, "dossier", dossier.id, 3)
        assert outbox.pending_count(session) == 0


def test_a_refused_intake_queues_nothing(db, settings, frozen_now):
    from app import outbox

    with pytest.raises(ValidationError), db.session() as session:
        svc.receive_dossier(session, settings, request(applicant=Party(name="")))
    with db.session() as session:
        assert outbox.pending_count(session) == 0


def test_revisions_keep_growing_after_an_acknowledgement(db, settings, frozen_now):
    from app import outbox

    dossier = receive(db, settings)
    with db.session() as session:
        assert outbox.acknowledge(session, "dossier", dossier.id, 1)
        svc.start_processing(session, settings, dossier.code)
        (item,) = outbox.due_items(session)
        # A later change must not reuse the key of the body the server already holds.
        assert outbox.idempotency_key(item) == f"dossier:{dossier.id}:2"
