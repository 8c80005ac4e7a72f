"""Hostile text in names and addresses passes through search, audit, PDFs and the CLI unchanged and harmless."""

from __future__ import annotations

import argparse
import subprocess
from datetime import date, datetime

import pytest
from sqlalchemy import inspect, text

from app.commands import audit_cmd
from app.errors import ValidationError
from app.security import audit, operators, passwords
from app.services import dossiers as svc
from app.services.intake import DocumentInput, IntakeRequest, Party
from app.services.papers import render_dossier_paper
from app.services.search import search_dossiers

HOSTILE = [
    "Nguyễn'); DROP TABLE dossiers;--",
    "<script>alert(1)</script> Lê <b>Văn</b> &amp; Tư",
    "Trần 100% _Lan_",
    'Phạm "Hùng" \\ OR 1=1',
]


@pytest.fixture(autouse=True)
def fast_hashes():
    passwords.use_fast_hasher_for_tests()
    yield
    passwords.use_fast_hasher_for_tests(False)


def receive(db, settings, name: str, address: str) -> str:
    request = IntakeRequest(
        procedure_code="1.004873",
        applicant=Party(name=name, id_number="001099012345", birth_date=date(1999, 8, 15), sex="Nam",
                        address=address, phone="0912345678"),
        documents=[DocumentInput(name="Tờ khai", originals=1)],
        received_at=datetime(2027, 3, 4, 9, 15),
    )
    with db.session() as s:
        return svc.receive_dossier(s, settings, request).dossier.code


def test_hostile_names_are_stored_searched_and_printed_verbatim(db, settings, frozen_now, tmp_path):
    codes = {name: receive(db, settings, name, f"Thôn {name}") for name in HOSTILE}
    with db.session() as s:
        assert {"dossiers", "audit_log", "operators"} <= set(inspect(s.connection()).get_table_names())
        for name, code in codes.items():
            stored = svc.get_dossier(s, code)
            assert (stored.applicant_name, stored.applicant_address) == (name, f"Thôn {name}")
            # The hostile string as a query is only words to match; the table survives, nothing crashes.
            hits = search_dossiers(s, name)
            assert code in {row.code for row in hits}
        assert len(search_dossiers(s, "%")) == len(HOSTILE)  # '%' is no wildcard: an empty query lists all
        assert search_dossiers(s, "'); DROP TABLE") is not None
        assert search_dossiers(s, 'khongco" OR "1') == []  # OR is a word to match, not FTS syntax
        assert s.execute(text("SELECT count(*) FROM dossiers")).scalar() == len(HOSTILE)
        pdf = tmp_path / "01.pdf"
        render_dossier_paper(s, settings, codes[HOSTILE[1]], "01", pdf)
    out = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    # Markup is printed as text, not interpreted as bold or a script.
    assert "<script>alert(1)</script> Lê <b>Văn</b> &amp; Tư" in " ".join(out.split())


def test_hostile_text_in_audit_is_kept_verbatim_and_the_chain_holds(db, capsys):
    with db.session() as s:
        admin = operators.create_first_admin(s, "admin", HOSTILE[0], "Quay-Mot-Cua-1")
        assert admin.full_name == HOSTILE[0]
        for value in HOSTILE:
            audit.record(s, "admin", audit.EXPORT, f"search:{value}"[:128], {"reason": value})
    with db.session() as s:
        report = audit.verify(s)
        entries = list(reversed(audit.list_entries(s, limit=len(HOSTILE))))
    assert report.ok
    assert [e.object_ref for e in entries] == [f"search:{v}" for v in HOSTILE]
    parser = argparse.ArgumentParser()
    audit_cmd.register(parser.add_subparsers())
    args = parser.parse_args(["audit", "list", "--limit", "10"])
    assert args.func(args) == 0
    out = capsys.readouterr().out
    assert "search:<script>alert(1)</script>" in out and "search:Nguyễn'); DROP TABLE dossiers;--" in out


@pytest.mark.parametrize("username", ["x'); DROP TABLE operators;--", "<script>", "a%", 'a"b', "a b", "ădmin"])
def test_hostile_login_names_are_refused_at_creation(db, username):
    with pytest.raises(ValidationError), db.session() as s:
        operators.create_first_admin(s, username, "Phạm Văn Quản", "Quay-Mot-Cua-1")


def test_hostile_login_attempts_are_just_wrong(db):
    with db.session() as s:
        operators.create_first_admin(s, "admin", "Phạm Văn Quản", "Quay-Mot-Cua-1")
    for name in HOSTILE + ["admin' --", "admin' OR '1'='1"]:
        with pytest.raises(operators.LoginFailed):
            operators.login(db, name, "' OR '1'='1")
    with db.session() as s:
        assert s.execute(text("SELECT count(*) FROM operators")).scalar() == 1
        assert audit.verify(s).ok
