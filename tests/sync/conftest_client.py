"""Client-side helpers for the sync engine tests: a temporary workstation database, intake, server rows."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest

from app import paths
from app.settings import Settings

PROCEDURE = "1.004873"


def server_rows(db_path: Path) -> list[tuple[str, str, int, int]]:
    """(id, code, revision, status) of every dossier the server holds."""
    con = sqlite3.connect(db_path)
    try:
        return list(con.execute("SELECT id, code, revision, status FROM dossiers ORDER BY code"))
    finally:
        con.close()


@pytest.fixture
def server(sync_server):
    """The shared reference server (tests/sync/conftest.py), under a shorter name."""
    return sync_server


@pytest.fixture
def client_dir(tmp_path, monkeypatch):
    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)
    paths.set_data_dir(tmp_path / "client")
    yield tmp_path / "client"
    paths.set_data_dir(None)


@pytest.fixture
def client_db(client_dir):
    from app.catalogue import ensure_seeded
    from app.db import open_database

    database = open_database()
    with database.session() as session:
        ensure_seeded(session)
    yield database
    database.close()


@pytest.fixture
def settings():
    return Settings(operator_name="Trần Thị Lan")


def receive(db, settings, name: str = "Nguyễn Văn Đạt"):
    from app.services import dossiers as svc
    from app.services.intake import DocumentInput, IntakeRequest, Party

    request = IntakeRequest(
        procedure_code=PROCEDURE,
        applicant=Party(name=name, id_number="001099012345", birth_date=date(1999, 8, 15), sex="Nam",
                        address="Thôn Phước Hưng, xã Tân Lập", phone="0912345678"),
        documents=[DocumentInput(name="Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", originals=1)],
        received_at=datetime.now().replace(second=0, microsecond=0),
    )
    with db.session() as session:
        return svc.receive_dossier(session, settings, request).dossier


def free_port_unused() -> int:
    """A loopback port nobody listens on (bound then released)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def scan_bytes(size: int, seed: int = 0) -> bytes:
    """Incompressible bytes that the attachment store takes for a JPEG (magic number first)."""
    import random

    rng = random.Random(seed)
    return b"\xff\xd8\xff\xe0" + rng.randbytes(max(0, size - 4))


def attach(db, settings, dossier_id: str, data: bytes, store=None):
    """Attach ``data`` to the dossier's first checklist item; returns the DossierAttachment id."""
    from app.attachments import AttachmentStore
    from app.services.digitisation import attach_file

    with db.session() as session:
        attached = attach_file(session, settings, store or AttachmentStore(), dossier_id, data,
                               document_position=0, pages=1, original_name="to-khai.jpg")
        return attached.attachment.id


def server_uploads(db_path: Path) -> dict[str, tuple[str, int, int, bool]]:
    """attachment id -> (dossier id, offset, length, completed) as the server records it."""
    con = sqlite3.connect(db_path)
    try:
        return {r[0]: (r[1], r[2], r[3], r[4] is not None) for r in con.execute(
            "SELECT attachment_id, dossier_id, offset, length, completed_at FROM uploads")}
    finally:
        con.close()
