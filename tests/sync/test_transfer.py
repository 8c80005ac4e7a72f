"""Offline transfer by USB stick: export the queue to one sealed, signed file; import it into the server
through the same code as the network PUT, so every dossier and file is stored once whichever way it came."""
# ruff: noqa: F811 - fixtures imported from conftest_client are redefined as test parameters by design

from __future__ import annotations

import base64
import json

import pytest
from conftest import UNIT_ID
from conftest_client import (  # noqa: F401
    attach,
    client_db,
    client_dir,
    receive,
    scan_bytes,
    server,
    server_rows,
    server_uploads,
    settings,
)
from sqlalchemy import select

from app.attachments import AttachmentStore
from app.models import OutboxItem
from app.security import keys, signing
from app.security.signing import SignatureError
from app.services import dossiers as svc
from app.text import fold
from sync import transfer
from sync.backoff import Backoff
from sync.engine import UP_TO_DATE, SyncEngine
from sync.server import cli as server_cli
from sync.server import transfer_import
from sync.server.app import DEFAULT_MAX_UPLOAD
from sync.server.db import ServerDatabase
from sync.server.tus import TusStore
from sync.transfer import TransferError
from sync.transport import Transport

NAME = "Nguyễn Văn Đạt"


@pytest.fixture
def province():
    return transfer.generate_province_key()


@pytest.fixture
def station():
    return signing.generate_private_key()


@pytest.fixture
def uploads(server):
    db = ServerDatabase(server.db_url)
    yield TusStore(db, server.storage_dir, DEFAULT_MAX_UPLOAD)
    db.close()


def export(db, path, province, station, **kwargs):
    return transfer.export_queue(db, AttachmentStore(), path, transfer.province_public_key_text(province), station,
                                 unit_id=UNIT_ID, workstation="Quầy 1", **kwargs)


def do_import(uploads, path, province, station):
    return transfer_import.import_transfer(uploads, path, transfer.province_private_key_text(province),
                                           [signing.public_key_text(station)])


def run_network(db, server):
    transport = Transport(server.url, server.token, timeouts=(2.0, 5.0))
    engine = SyncEngine(db, server.url, server.token, backoff=Backoff(base_s=0, cap_s=0), transport=transport)
    try:
        report = engine.run_once()
    finally:
        engine.close()
    assert report.state == UP_TO_DATE, report.errors
    return report


def queued(db) -> list[tuple[str, int]]:
    with db.session() as s:
        return sorted((r.kind, r.revision) for r in s.scalars(select(OutboxItem)))


def test_round_trip_stores_dossiers_and_files_and_leaves_the_queue(client_db, settings, server, uploads,
                                                                   province, station, tmp_path):
    first = receive(client_db, settings)
    second = receive(client_db, settings, name="Lê Thị Hoa")
    data = scan_bytes(40 * 1024, seed=7)
    attachment_id = attach(client_db, settings, first.id, data)
    before = queued(client_db)
    out = tmp_path / "usb" / "chuyen.mct"
    report = export(client_db, out, province, station)
    assert (report.dossiers, report.attachments, report.skipped_attachments) == (2, 1, [])
    assert queued(client_db) == before, "exporting must not empty the outbox"
    assert [p.name for p in out.parent.iterdir()] == ["chuyen.mct"], "no temporary file is left behind"

    result = do_import(uploads, out, province, station)
    assert (result.stored, result.replayed, result.files_stored, result.refused) == (2, 0, 1, [])
    rows = server_rows(server.db_path)
    assert sorted(r[0] for r in rows) == sorted([first.id, second.id])
    with client_db.session() as s:
        revisions = {r.key: r.revision for r in s.scalars(select(OutboxItem).where(OutboxItem.kind == "dossier"))}
    assert {r[0]: r[2] for r in rows} == revisions  # the revision the network would have sent
    assert server_uploads(server.db_path)[attachment_id] == (first.id, len(data), len(data), True)
    assert server.upload_path(attachment_id).read_bytes() == data


def test_importing_twice_stores_everything_once(client_db, settings, server, uploads, province, station, tmp_path):
    dossier = receive(client_db, settings)
    attachment_id = attach(client_db, settings, dossier.id, scan_bytes(9000, seed=8))
    out = tmp_path / "t.mct"
    export(client_db, out, province, station)
    do_import(uploads, out, province, station)
    again = do_import(uploads, out, province, station)
    assert (again.stored, again.replayed, again.files_stored, again.files_present) == (0, 1, 0, 1)
    assert [r[0] for r in server_rows(server.db_path)] == [dossier.id]
    assert list(server_uploads(server.db_path)) == [attachment_id]


def test_network_first_then_the_stick_adds_nothing(client_db, settings, server, uploads, province, station,
                                                   tmp_path):
    dossier = receive(client_db, settings)
    data = scan_bytes(20 * 1024, seed=9)
    attachment_id = attach(client_db, settings, dossier.id, data)
    out = tmp_path / "t.mct"
    export(client_db, out, province, station)  # written while offline ...
    run_network(client_db, server)  # ... then the link came back before the stick reached the province
    assert queued(client_db) == []
    result = do_import(uploads, out, province, station)
    assert (result.stored, result.replayed, result.files_stored, result.files_present) == (0, 1, 0, 1)
    assert result.refused == []
    assert [(r[0], r[2]) for r in server_rows(server.db_path)] == [(dossier.id, 2)]  # intake, then the scan
    assert server_uploads(server.db_path) == {attachment_id: (dossier.id, len(data), len(data), True)}


def test_stick_first_then_the_network_is_a_replay(client_db, settings, server, uploads, province, station,
                                                  tmp_path):
    dossier = receive(client_db, settings)
    data = scan_bytes(20 * 1024, seed=10)
    attachment_id = attach(client_db, settings, dossier.id, data)
    out = tmp_path / "t.mct"
    export(client_db, out, province, station)
    assert do_import(uploads, out, province, station).stored == 1
    report = run_network(client_db, server)
    assert queued(client_db) == [], "the network path acknowledges what the stick delivered"
    assert report.uploaded_files == 1  # acknowledged without sending the bytes again
    assert [(r[0], r[2]) for r in server_rows(server.db_path)] == [(dossier.id, 2)]  # intake, then the scan
    assert server_uploads(server.db_path) == {attachment_id: (dossier.id, len(data), len(data), True)}
    assert server.upload_path(attachment_id).read_bytes() == data


def test_an_old_stick_never_overwrites_a_newer_network_state(client_db, settings, server, uploads, province,
                                                            station, tmp_path):
    dossier = receive(client_db, settings)
    out = tmp_path / "old.mct"
    export(client_db, out, province, station)  # revision 1
    with client_db.session() as s:
        svc.start_processing(s, settings, dossier.id)  # revision 2
    run_network(client_db, server)
    result = do_import(uploads, out, province, station)
    assert (result.stored, result.superseded) == (0, 1)
    assert [r[2] for r in server_rows(server.db_path)] == [2]


def test_mark_sent_acknowledges_the_exported_rows(client_db, settings, province, station, tmp_path):
    dossier = receive(client_db, settings)
    attach(client_db, settings, dossier.id, scan_bytes(5000, seed=11))
    report = export(client_db, tmp_path / "t.mct", province, station, mark_sent=True)
    assert report.marked_sent == 2
    assert queued(client_db) == []


@pytest.mark.parametrize("where", ["start", "header", "middle", "end"])
def test_one_flipped_byte_is_refused_before_anything_is_decrypted(client_db, settings, server, uploads, province,
                                                                  station, tmp_path, monkeypatch, where):
    receive(client_db, settings)
    out = tmp_path / "t.mct"
    export(client_db, out, province, station)
    raw = bytearray(out.read_bytes())
    position = {"start": 0, "header": 5, "middle": len(raw) // 2, "end": len(raw) - 1}[where]
    raw[position] ^= 0x01
    out.write_bytes(bytes(raw))

    def never(*_args, **_kwargs):
        raise AssertionError("decrypted before the signature was checked")

    monkeypatch.setattr(transfer_import, "open_sealed", never)
    with pytest.raises(SignatureError) as info:
        do_import(uploads, out, province, station)
    assert "đã bị sửa" in info.value.message and "t.mct" in info.value.message
    assert server_rows(server.db_path) == []


def test_a_file_signed_by_an_unknown_workstation_is_refused(client_db, settings, server, uploads, province,
                                                            station, tmp_path):
    receive(client_db, settings)
    out = tmp_path / "t.mct"
    export(client_db, out, province, signing.generate_private_key())
    with pytest.raises(SignatureError) as info:
        do_import(uploads, out, province, station)
    assert "không nằm trong danh sách tin cậy" in info.value.message
    assert server_rows(server.db_path) == []


def test_the_wrong_province_key_cannot_decrypt(client_db, settings, server, uploads, province, station, tmp_path):
    receive(client_db, settings)
    out = tmp_path / "t.mct"
    export(client_db, out, province, station)
    with pytest.raises(TransferError) as info:
        do_import(uploads, out, transfer.generate_province_key(), station)
    assert "khoá khác" in info.value.message
    assert server_rows(server.db_path) == []
    # Relabelling the box for another key (and signing it again) does not help: the key itself is wrong.
    other = transfer.generate_province_key()
    sealed = signing.verify_transfer_file(out, [signing.public_key_text(station)])
    start = len(transfer.MAGIC)
    relabelled = sealed[:start] + transfer.recipient_id(other.public_key()) + sealed[start + 8:]
    signing.write_envelope(out, relabelled, station, signing.TRANSFER)
    with pytest.raises(TransferError) as info:
        do_import(uploads, out, other, station)
    assert "sai khoá" in info.value.message


def test_no_name_or_content_is_readable_in_the_file(client_db, settings, province, station, tmp_path):
    dossier = receive(client_db, settings, name=NAME)
    attach(client_db, settings, dossier.id, b"\xff\xd8\xff\xe0" + "Bản sao của Nguyễn Văn Đạt".encode() * 20)
    out = tmp_path / "t.mct"
    export(client_db, out, province, station)
    raw = out.read_bytes()
    payload = base64.b64decode(json.loads(raw)["payload"])
    secrets = [NAME, fold(NAME), "Nguyen Van Dat", "001099012345", "0912345678", dossier.code, dossier.id,
               "to-khai.jpg", "Phước Hưng"]
    for text in secrets:
        for blob in (raw, payload):
            assert text.encode("utf-8") not in blob, text
            assert text.upper().encode("utf-8") not in blob, text
    assert set(json.loads(raw)) == {"format", "alg", "purpose", "key_id", "signature", "payload"}


def test_command_lines_export_and_import(client_db, settings, server, province, station, tmp_path, capsys):
    from sync import transfer_cli

    backend = keys.MemoryKeyring()
    keys.use_backend(backend)
    try:
        private_file, public_file = tmp_path / "tinh.key", tmp_path / "tinh.pub"
        assert transfer_cli.main(["province-keygen", "--private", str(private_file),
                                  "--public", str(public_file)]) == 0
        assert transfer_cli.main(["province-keygen", "--private", str(private_file),
                                  "--public", str(public_file)]) == 1, "a private key is never overwritten"
        station_file = tmp_path / "may1.pub"
        assert transfer_cli.main(["public-key", "-o", str(station_file)]) == 0
        dossier = receive(client_db, settings)
        out = tmp_path / "usb.mct"
        assert transfer_cli.main(["export", "-o", str(out), "--recipient", str(public_file),
                                  "--unit", UNIT_ID]) == 0
        assert "1 hồ sơ" in capsys.readouterr().out
    finally:
        keys.use_backend(None)
    args = ["import-transfer", str(out), "--key", str(private_file), "--trust", str(station_file),
            "--storage", str(server.storage_dir), "--db", server.db_url]
    assert server_cli.main(args) == 0
    assert "1 hồ sơ mới" in capsys.readouterr().out
    assert server_cli.main(args) == 0
    assert "1 đã có" in capsys.readouterr().out
    assert [r[0] for r in server_rows(server.db_path)] == [dossier.id]
    # A file the server cannot trust is refused with the reason, in Vietnamese.
    other = tmp_path / "other.pub"
    other.write_text(signing.public_key_text(signing.generate_private_key()))
    bad = [*args[:5], str(other), *args[6:]]
    assert server_cli.main(bad) == 1
    assert "không nằm trong danh sách tin cậy" in capsys.readouterr().err


def test_the_sealed_box_alone_round_trips_and_detects_changes(province):
    sealed = transfer.seal(b"noi dung", province.public_key())
    assert transfer.open_sealed(sealed, province) == b"noi dung"
    broken = bytearray(sealed)
    broken[-1] ^= 0x80
    with pytest.raises(TransferError):
        transfer.open_sealed(bytes(broken), province)
