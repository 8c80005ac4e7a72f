"""A citizen's request for their data: every dossier as applicant or submitter, scans decrypted, audited."""

from __future__ import annotations

import io
import json
import os
import zipfile
from datetime import date, datetime

import pytest
from sqlalchemy import select

from app import cli
from app.attachments import AttachmentStore
from app.errors import NotFoundError, ValidationError
from app.models import AuditEntry
from app.security import audit, operators, passwords
from app.security.filecrypt import AesGcmCipher
from app.security.operators import PermissionDenied
from app.security.session import reset_workstation
from app.services import citizen_export
from app.services import dossiers as svc
from app.services.digitisation import attach_file
from app.services.intake import Party
from app.services.satisfaction import record_rating
from tests.unit.test_dossiers import receive

HOA = "001190000001"
TRICKY_NAME = "Nguyễn Thị <b>Hoa</b> \"Út\" '; DROP TABLE dossiers; --"
SCAN = b"%PDF-1.4\n% to khai\n" + os.urandom(4000) + b"\n%%EOF\n"
PHOTO = b"\xff\xd8\xff\xe0" + os.urandom(3000)
OTHER = b"\x89PNG\r\n\x1a\n" + os.urandom(1000)


@pytest.fixture(autouse=True)
def fast_hashes():
    passwords.use_fast_hasher_for_tests()
    reset_workstation()
    yield
    passwords.use_fast_hasher_for_tests(False)
    reset_workstation()


@pytest.fixture
def store(data_dir):
    return AttachmentStore(cipher=AesGcmCipher(os.urandom(32)))


@pytest.fixture
def staff(db, frozen_now):
    with db.session() as s:
        admin = operators.create_first_admin(s, "admin", "Phạm Văn Quản", "Quầy-một-cửa-2027")
        operators.add_operator(s, admin, "lan", "Trần Thị Lan", operators.OFFICIAL, "Quay1@Sang-07")
        operators.add_operator(s, admin, "hung", "Lê Văn Hùng", operators.LEADER, "ChuTich#2027")
        for name in ("lan", "hung"):
            operators.get_operator(s, name).must_change_password = False
    return db


@pytest.fixture
def dossiers(staff, settings, store, frozen_now):
    db = staff
    frozen_now.value = datetime(2027, 3, 4, 9, 20)
    hoa = Party(name=TRICKY_NAME, id_number=HOA, birth_date=date(1990, 1, 2), sex="Nữ",
                address="Thôn 3, xã Tân Lập", phone="0912345678")
    own = receive(db, settings, applicant=hoa).code
    # Hoà also submitted a dossier for her father.
    father = Party(name="Nguyễn Văn Tám", id_number="001055000009", birth_date=date(1955, 5, 5), sex="Nam",
                   address="Thôn 3, xã Tân Lập")
    for_father = receive(db, settings, applicant=father, submitter=hoa, submitter_role="assisted").code
    stranger = receive(db, settings, applicant=Party(name="Lê Văn Khác", id_number="001088000007",
                                                       birth_date=date(1988, 1, 1), sex="Nam")).code
    with db.session() as s:
        attach_file(s, settings, store, own, SCAN, document_position=0, pages=1, original_name="../../to-khai.pdf")
        attach_file(s, settings, store, for_father, PHOTO, document_position=0, pages=1)
        attach_file(s, settings, store, stranger, OTHER, document_position=0, pages=1)
        svc.mark_resolved(s, settings, own)
        svc.return_result(s, settings, own, TRICKY_NAME, signature_taken=True)
        record_rating(s, settings, own, 5, comment="Cán bộ nhiệt tình")
    return {"own": own, "for_father": for_father, "stranger": stranger}


def export(db, store, who: str, password: str, target, id_number: str = HOA):
    actor = operators.login(db, who, password)
    with db.session() as s:
        return citizen_export.export_citizen(s, store, actor, id_number, target, unit_name="UBND xã Tân Lập")


def test_everything_about_the_person_with_scans_decrypted(staff, store, dossiers, tmp_path):
    target = tmp_path / "yeu-cau" / "du-lieu-cong-dan.zip"
    result = export(staff, store, "hung", "ChuTich#2027", target, id_number="0011 9000 0001")
    assert result.codes == (dossiers["own"], dossiers["for_father"]) and result.files == 2
    with zipfile.ZipFile(target) as zf:
        names = zf.namelist()
        data = json.loads(zf.read(citizen_export.JSON_MEMBER))
        summary = zf.read(citizen_export.SUMMARY_MEMBER).decode("utf-8")
        files = {n: zf.read(n) for n in names if n.startswith(citizen_export.FILES_DIR + "/")}
    assert all(not n.startswith("/") and ".." not in n for n in names)
    assert sorted(files.values()) == sorted([SCAN, PHOTO])  # decrypted, byte for byte
    own, father = data["dossiers"]
    assert own["role"] == ["applicant"] and father["role"] == ["submitter"]
    assert own["dossier"]["applicant_name"] == TRICKY_NAME  # quotes and markup survive as text
    assert own["dossier"]["returned_to"] == TRICKY_NAME
    assert [e["action"] for e in own["history"]][:1] == ["received"] and own["ratings"][0]["level"] == 5
    assert own["files"][0]["original_name"] == "../../to-khai.pdf"
    assert files[own["files"][0]["archive_member"]] == SCAN
    assert father["dossier"]["submitter_name"] == TRICKY_NAME
    assert dossiers["stranger"] not in json.dumps(data) and "Lê Văn Khác" not in summary
    assert TRICKY_NAME in summary and dossiers["own"] in summary and "Nghị định 13/2023" in summary
    # Each step is named by what was done, not by the status it led to.
    steps = [line for line in summary.splitlines() if line.startswith("    - ")]
    assert any(line.endswith(" Tiếp nhận") for line in steps), steps
    assert any(" Trả kết quả" in line for line in steps), steps
    assert not any("Được tiếp nhận" in line for line in steps), steps
    assert not [p for p in target.parent.iterdir() if p.name.endswith(".tmp")]

    with staff.session() as s:
        entry = s.execute(select(AuditEntry).where(AuditEntry.action == audit.EXPORT)).scalar_one()
        assert entry.operator == "hung"
        details = json.loads(entry.details)
        assert details == {"kind": "citizen_data", "dossiers": 2, "files": 2,
                           "codes": [dossiers["own"], dossiers["for_father"]]}
        assert HOA not in entry.details + entry.object_ref and "Hoa" not in entry.details
        assert audit.verify(s).ok


def test_only_leaders_and_administrators_may_export(staff, store, dossiers, tmp_path):
    target = tmp_path / "x.zip"
    with pytest.raises(PermissionDenied):
        export(staff, store, "lan", "Quay1@Sang-07", target)
    assert not target.exists()
    with pytest.raises(PermissionDenied), staff.session() as s:
        citizen_export.export_citizen(s, store, None, HOA, target)
    export(staff, store, "admin", "Quầy-một-cửa-2027", target)
    assert target.exists()


def test_bad_or_unknown_numbers_write_nothing(staff, store, dossiers, tmp_path):
    target = tmp_path / "x.zip"
    for bad in ("12345", "0011900000011", "' OR 1=1 --", ""):
        with pytest.raises(ValidationError):
            export(staff, store, "hung", "ChuTich#2027", target, id_number=bad)
    with pytest.raises(NotFoundError):
        export(staff, store, "hung", "ChuTich#2027", target, id_number="001199999999")
    assert not target.exists()
    with staff.session() as s:
        assert s.execute(select(AuditEntry).where(AuditEntry.action == audit.EXPORT)).first() is None


def test_a_damaged_scan_fails_the_export_and_leaves_no_audit_line(staff, store, dossiers, tmp_path):
    import hashlib

    path = store.path_for(hashlib.sha256(SCAN).hexdigest())
    raw = bytearray(path.read_bytes())
    raw[-5] ^= 0xFF
    path.write_bytes(bytes(raw))
    target = tmp_path / "x.zip"
    with pytest.raises(Exception, match="hỏng"):
        export(staff, store, "hung", "ChuTich#2027", target)
    assert not target.exists() and not list(tmp_path.glob("*.tmp"))
    with staff.session() as s:
        assert s.execute(select(AuditEntry).where(AuditEntry.action == audit.EXPORT)).first() is None


def test_cli_export(staff, store, dossiers, tmp_path, capsys, monkeypatch):
    class Storage:
        db, close = staff, staticmethod(lambda: None)

    Storage.store = store
    monkeypatch.setattr("app.commands.privacy_cmd.open_cli_storage", lambda: Storage)
    monkeypatch.setattr("sys.stdin", io.StringIO("ChuTich#2027\n"))
    target = tmp_path / "out.zip"
    assert cli.main(["privacy", "export", "--id-number", HOA, "-o", str(target), "--operator", "hung",
                     "--password-stdin"]) == 0
    assert dossiers["own"] in capsys.readouterr().out
    with zipfile.ZipFile(target) as zf:
        assert len(json.loads(zf.read(citizen_export.JSON_MEMBER))["dossiers"]) == 2
    monkeypatch.setattr("sys.stdin", io.StringIO("Quay1@Sang-07\n"))
    assert cli.main(["privacy", "export", "--id-number", HOA, "-o", str(tmp_path / "no.zip"), "--operator", "lan",
                     "--password-stdin"]) == 2
    assert "không được phép" in capsys.readouterr().err
