"""Papers of a dossier filled from the database: each form carries the dossier's own facts."""

from __future__ import annotations

import subprocess
from datetime import date, datetime

import pytest

from app.errors import ValidationError
from app.services import dossiers as svc
from app.services.intake import DocumentInput
from app.services.papers import render_dossier_paper, render_register_pdf
from tests.unit.test_dossiers import receive


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_each_form_prints_its_own_facts(db, settings, frozen_now, tmp_path):
    dossier = receive(db, settings)
    with db.session() as session:
        render_dossier_paper(session, settings, dossier.code, "01", tmp_path / "01.pdf")
        with pytest.raises(ValidationError):
            render_dossier_paper(session, settings, dossier.code, "02", tmp_path / "02.pdf")
        svc.request_supplement(session, settings, dossier.code,
                               [DocumentInput(name="Bản sao Giấy khai sinh", certified_copies=1)],
                               "Thiếu giấy tờ chứng minh nhân thân", at=datetime(2027, 3, 5, 10, 0))
        render_dossier_paper(session, settings, dossier.code, "02", tmp_path / "02.pdf")
        svc.resume_after_supplement(session, settings, dossier.code, at=datetime(2027, 3, 8, 10, 0))
        svc.issue_apology(session, settings, dossier.code, "Cần xác minh thêm tại xã khác",
                          datetime(2027, 3, 12, 15, 0))
        render_dossier_paper(session, settings, dossier.code, "04", tmp_path / "04.pdf")
        render_dossier_paper(session, settings, dossier.code, "05", tmp_path / "05.pdf")
    assert not (tmp_path / "03.pdf").exists()

    receipt = pdf_text(tmp_path / "01.pdf")
    assert dossier.code in receipt and "Nguyễn Văn Đạt" in receipt
    assert "09/03/2027" in receipt  # the appointment
    assert "3 ngày làm việc" in receipt
    supplement = pdf_text(tmp_path / "02.pdf")
    assert "Bản sao Giấy khai sinh" in supplement and "Thiếu giấy tờ chứng minh nhân thân" in supplement
    apology = pdf_text(tmp_path / "04.pdf")
    assert "Cần xác minh thêm tại xã khác" in apology and "12/03/2027" in apology
    control = pdf_text(tmp_path / "05.pdf")
    assert "Trần Thị Lan" in control


def test_refusal_paper_and_register(db, settings, frozen_now, tmp_path):
    first = receive(db, settings)
    second = receive(db, settings)
    with db.session() as session:
        svc.refuse(session, settings, second.code, "Hồ sơ không thuộc thẩm quyền của xã")
        render_dossier_paper(session, settings, second.code, "03", tmp_path / "03.pdf")
        count = render_register_pdf(session, settings, date(2027, 3, 1), date(2027, 3, 31), tmp_path / "06.pdf")
        with pytest.raises(ValidationError):
            render_register_pdf(session, settings, date(2027, 3, 31), date(2027, 3, 1), tmp_path / "x.pdf")
    assert count == 2
    assert "Hồ sơ không thuộc thẩm quyền của xã" in pdf_text(tmp_path / "03.pdf")
    register = pdf_text(tmp_path / "06.pdf")
    assert first.code in register and second.code in register


def test_status_changes_and_prints_are_audited_without_personal_data(db, settings, frozen_now, tmp_path):
    from app.security import audit

    dossier = receive(db, settings)
    with db.session() as session:
        svc.start_processing(session, settings, dossier.code)
        render_dossier_paper(session, settings, dossier.code, "01", tmp_path / "01.pdf")
    with db.session() as session:
        entries = audit.list_entries(session)
        report = audit.verify(session)
    actions = [(e.action, e.object_ref) for e in entries]
    assert (audit.STATUS_CHANGE, f"dossier:{dossier.code}") in actions
    assert (audit.PRINT, f"dossier:{dossier.code}") in actions
    assert report.ok
    text = " ".join(f"{e.object_ref} {e.details}" for e in entries)
    assert "Nguyễn" not in text and "001099012345" not in text
