"""Encryption at rest: SQLCipher database, keyring-held key with an administrator recovery code, AES-GCM
attachments, in-place migration of plaintext data, and refusals (wrong key, no keyring)."""

from __future__ import annotations

import os
import sqlite3
import unicodedata
from datetime import date, datetime
from pathlib import Path

import pytest
from keyring.errors import KeyringLocked

from app import paths
from app.attachments import AttachmentStore
from app.catalogue import ensure_seeded
from app.db import (
    alembic_config,
    backup_database,
    head_revision,
    is_plaintext_database,
    make_engine,
    open_database,
    stored_revision,
)
from app.errors import StorageError, ValidationError
from app.security import keys
from app.security.dbkey import (
    DatabaseKeyMissing,
    keyring_entry,
    new_recovery_code,
    obtain_database_key,
    parse_recovery_code,
    recover_database_key,
    reissue_recovery_code,
    wrap_path,
)
from app.security.filecrypt import AesGcmCipher, encrypt_store_in_place
from app.services import dossiers as svc
from app.services.digitisation import attach_file
from app.services.intake import DocumentInput, IntakeRequest, Party
from app.services.search import search_dossiers
from app.text import fold

NAME = "Nguyễn Văn Đạt"
ID_NUMBER = "001099012345"
NEEDLES = [NAME.encode("utf-8"), ID_NUMBER.encode(), fold(NAME).encode(), "Nguyễn".encode(),
           NAME.encode("utf-16-le"), unicodedata.normalize("NFD", NAME).encode()]
SCAN = b"\xff\xd8\xff\xe0" + f"giấy tờ của {NAME}, CCCD {ID_NUMBER} ".encode() * 200


class LockedKeyring(keys.MemoryKeyring):
    """A keyring that exists but refuses every access (a locked Secret Service collection)."""

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("collection is locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("collection is locked")


@pytest.fixture
def keyring():
    backend = keys.MemoryKeyring()
    keys.use_backend(backend)
    yield backend
    keys.use_backend(None)


@pytest.fixture
def settings():
    from app.settings import Settings

    return Settings(operator_name="Trần Thị Lan")


def receive(db, settings, name: str = NAME):
    request = IntakeRequest(
        procedure_code="1.004873",
        applicant=Party(name=name, id_number=ID_NUMBER, birth_date=date(1999, 8, 15), sex="Nam",
                        address="Thôn Phước Hưng, xã Tân Lập", phone="0912345678"),
        documents=[DocumentInput(name="Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", originals=1)],
        received_at=datetime(2027, 3, 4, 9, 15),
    )
    with db.session() as session:
        return svc.receive_dossier(session, settings, request).dossier


def open_seeded(key: bytes | None = None):
    db = open_database(key=key)
    with db.session() as session:
        ensure_seeded(session)
    return db


def leaks(folder: Path) -> list[str]:
    """Files under ``folder`` whose raw bytes contain the name or the ID number in any common encoding."""
    found = []
    for item in sorted(folder.rglob("*")):
        if item.is_file():
            data = item.read_bytes()
            found += [f"{item.relative_to(folder)}: {needle!r}" for needle in NEEDLES if needle in data]
    return found


def counts(db) -> dict[str, int]:
    with db.engine.connect() as con:
        names = [r[0] for r in con.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")]
        return {n: con.exec_driver_sql(f'SELECT count(*) FROM "{n}"').scalar() for n in names}


# --- the database ---------------------------------------------------------------------------------------

def test_copied_data_folder_reveals_no_name_no_id_and_no_scan(data_dir, keyring, settings, frozen_now):
    db_key = obtain_database_key()
    assert db_key.recovery_code and keyring.get_password(keys.SERVICE, keyring_entry(db_key.key_id))
    db = open_seeded(db_key.key)
    assert db.encrypted
    dossier = receive(db, settings)
    store = AttachmentStore(cipher=db_key.attachment_cipher())
    with db.session() as session:
        attached = attach_file(session, settings, store, dossier.id, SCAN, document_position=0, pages=1)
    # Looked at while the app is running: the fresh rows are still in the -wal file.
    wal = paths.database_path().with_name("motcua.sqlite3-wal")
    assert wal.exists() and wal.stat().st_size > 0
    assert leaks(data_dir) == []
    with db.session() as session:
        assert [row.code for row in search_dossiers(session, "nguyen van dat")] == [dossier.code]
        assert [row.code for row in search_dossiers(session, ID_NUMBER)] == [dossier.code]
    assert store.read(attached.attachment.sha256) == SCAN
    db.close()
    assert leaks(data_dir) == []
    assert not is_plaintext_database(paths.database_path())


def test_the_leak_check_does_find_plaintext(data_dir, settings, frozen_now):
    """Control for the test above: without a key the same data is readable in the files."""
    db = open_seeded()
    dossier = receive(db, settings)
    with db.session() as session:
        attach_file(session, settings, AttachmentStore(), dossier.id, SCAN, document_position=0, pages=1)
    db.close()
    found = leaks(data_dir)
    assert any(f.startswith("motcua.sqlite3") for f in found)
    assert any(f.startswith("attachments") for f in found)


def test_plaintext_database_is_encrypted_in_place_with_every_row(data_dir, keyring, settings, frozen_now):
    db = open_seeded()
    codes = [receive(db, settings, name).code for name in (NAME, "Trần Thị Hoa", "Lê Văn Bình")]
    store = AttachmentStore()
    with db.session() as session:
        attach_file(session, settings, store, codes[0], SCAN, document_position=0, pages=1)
    before = counts(db)
    db.close()
    old_backup = backup_database(paths.database_path(), "manual")  # a plaintext backup from before
    assert is_plaintext_database(old_backup)

    db_key = obtain_database_key()
    db = open_database(key=db_key.key)
    assert counts(db) == before
    with db.session() as session:
        assert [r.code for r in search_dossiers(session, "tran thi hoa")] == [codes[1]]
        assert receive(db, settings, "Phạm Thu Hà").code  # the FTS triggers still fire
        assert [r.applicant_name for r in search_dossiers(session, "pham thu ha")] == ["Phạm Thu Hà"]
    with db.engine.connect() as con:
        assert con.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert con.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    db.close()
    assert encrypt_store_in_place(store, db_key.attachment_cipher()) == 1
    assert encrypt_store_in_place(store, db_key.attachment_cipher()) == 0  # idempotent
    assert AttachmentStore(cipher=db_key.attachment_cipher()).read(next(store.all_hashes())) == SCAN
    assert not is_plaintext_database(old_backup)
    leftovers = [p.name for p in data_dir.rglob("*") if "plaintext" in p.name or "encrypting" in p.name]
    assert leftovers == []
    assert leaks(data_dir) == []


def test_interrupted_encryption_is_completed_or_undone(data_dir, keyring, settings, frozen_now):
    db = open_seeded()
    receive(db, settings)
    db.close()
    path = paths.database_path()
    db_key = obtain_database_key()
    # Crash between the two renames: only the moved-aside plaintext exists; it is put back and encrypted.
    aside = path.with_name(".motcua.sqlite3.plaintext-old")
    os.replace(path, aside)
    path.with_name(".motcua.sqlite3.encrypting").write_bytes(os.urandom(4096))  # a half-written export
    db = open_database(key=db_key.key)
    assert counts(db)["dossiers"] == 1
    db.close()
    assert not aside.exists() and not path.with_name(".motcua.sqlite3.encrypting").exists()
    # Crash after the swap: the encrypted file is in place and the plaintext left over is wiped.
    aside.write_bytes(b"SQLite format 3\x00" + NAME.encode() * 100)
    open_database(key=db_key.key).close()
    assert not aside.exists()
    assert leaks(data_dir) == []


def test_wrong_key_is_refused_and_nothing_is_touched(data_dir, keyring):
    db_key = obtain_database_key()
    open_seeded(db_key.key).close()
    path = paths.database_path()
    before = path.read_bytes()
    with pytest.raises(StorageError) as info:
        open_database(key=os.urandom(32))
    assert "khoá không đúng" in info.value.message
    assert path.read_bytes() == before
    assert list(paths.backups_dir().iterdir()) == []
    with pytest.raises(StorageError):  # and without any key it is not a readable SQLite file
        open_database()
    assert path.read_bytes() == before


def test_encrypted_older_schema_is_backed_up_encrypted_then_migrated(data_dir, keyring):
    from alembic import command

    db_key = obtain_database_key()
    path = paths.database_path()
    engine = make_engine(path, db_key.key)
    with engine.begin() as connection:
        cfg = alembic_config()
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "0001_initial")
        connection.exec_driver_sql("INSERT INTO meta(key, value) VALUES ('catalogue_version', 'old-version')")
    engine.dispose()
    assert not is_plaintext_database(path)
    assert stored_revision(path, db_key.key) == "0001_initial"
    db = open_database(key=db_key.key)
    assert db.backup is not None and not is_plaintext_database(db.backup)
    assert stored_revision(db.backup, db_key.key) == "0001_initial"
    assert stored_revision(path, db_key.key) == head_revision()
    db.close()


def test_newer_encrypted_database_is_refused_untouched(data_dir, keyring):
    db_key = obtain_database_key()
    open_database(key=db_key.key).close()
    path = paths.database_path()
    engine = make_engine(path, db_key.key)
    with engine.begin() as con:
        con.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    engine.dispose()
    before = path.read_bytes()
    with pytest.raises(StorageError) as info:
        open_database(key=db_key.key)
    assert "phiên bản mới hơn" in info.value.message
    assert path.read_bytes() == before


def test_database_writes_from_another_thread(data_dir, keyring, settings, frozen_now):
    """The UI's write lane is a worker thread: the encrypted engine must allow it."""
    import threading

    db = open_seeded(obtain_database_key().key)
    result = {}
    worker = threading.Thread(target=lambda: result.setdefault("code", receive(db, settings).code))
    worker.start()
    worker.join()
    with db.session() as session:
        assert svc.get_dossier(session, result["code"]).applicant_name == NAME
    db.close()


# --- the key, the keyring and the recovery code ---------------------------------------------------------

def test_recovery_code_opens_the_data_on_a_new_pc(data_dir, keyring, settings, frozen_now):
    first = obtain_database_key()
    db = open_seeded(first.key)
    code = receive(db, settings).code
    db.close()
    assert obtain_database_key().key == first.key and obtain_database_key().recovery_code is None

    keys.use_backend(keys.MemoryKeyring())  # the new PC: same data folder, empty keyring
    with pytest.raises(DatabaseKeyMissing) as info:
        obtain_database_key()
    assert "mã khôi phục" in info.value.message
    with pytest.raises(ValidationError, match="không đúng"):
        recover_database_key(data_dir, new_recovery_code())
    with pytest.raises(ValidationError, match="chưa đúng"):
        recover_database_key(data_dir, first.recovery_code[:-1] + ("A" if first.recovery_code[-1] != "A" else "B"))
    # Typed by hand: lower case, spaces instead of dashes.
    recovered = recover_database_key(data_dir, first.recovery_code.lower().replace("-", " "))
    assert recovered.key == first.key
    assert obtain_database_key().key == first.key  # now kept in this PC's keyring
    db = open_database(key=recovered.key)
    with db.session() as session:
        assert svc.get_dossier(session, code).applicant_name == NAME
    db.close()


def test_administrator_can_replace_a_lost_recovery_code(data_dir, keyring):
    from app.security import operators
    from app.security.operators import PermissionDenied

    db_key = obtain_database_key()
    db = open_seeded(db_key.key)
    with db.session() as session:
        admin = operators.create_first_admin(session, "admin", "Phạm Văn Quản", "Quay-Mot-Cua-1")
        clerk = operators.add_operator(session, admin, "lan", "Trần Thị Lan", operators.OFFICIAL, "Quay-Mot-Cua-2")
    with db.session() as session, pytest.raises(PermissionDenied):
        reissue_recovery_code(session, clerk, db_key)
    with db.session() as session:
        new_code = reissue_recovery_code(session, admin, db_key)
    db.close()
    keys.use_backend(keys.MemoryKeyring())
    with pytest.raises(ValidationError):
        recover_database_key(data_dir, db_key.recovery_code)  # the old code no longer opens it
    assert recover_database_key(data_dir, new_code).key == db_key.key


def test_unavailable_keyring_writes_nothing(data_dir):
    keys.use_backend(LockedKeyring())
    try:
        with pytest.raises(keys.KeyringUnavailable) as info:
            obtain_database_key()
    finally:
        keys.use_backend(None)
    assert "kho mật khẩu" in info.value.message
    assert list(data_dir.iterdir()) == []  # no database, no wrap file, nothing in clear


def test_wrap_file_is_ciphertext_only(data_dir, keyring):
    db_key = obtain_database_key()
    wrap = wrap_path(paths.database_path()).read_text(encoding="utf-8")
    assert db_key.key.hex() not in wrap and db_key.recovery_code not in wrap
    assert db_key.key.hex() not in repr(db_key)


def test_recovery_code_shape_and_typos():
    code = new_recovery_code()
    groups = code.split("-")
    assert len(groups) == 9 and all(len(g) == 4 for g in groups)
    assert parse_recovery_code(code) == parse_recovery_code(code.lower().replace("-", "  "))
    with pytest.raises(ValidationError):
        parse_recovery_code(code[:-5])


# --- attachments ----------------------------------------------------------------------------------------

def test_aesgcm_round_trip_with_a_key_per_file():
    cipher = AesGcmCipher(os.urandom(32))
    assert cipher.name == "aesgcm-v1"
    first, second = cipher.encrypt(SCAN), cipher.encrypt(SCAN)
    assert first != second  # fresh salt and nonce every time
    assert cipher.decrypt(first) == SCAN == cipher.decrypt(second)
    assert cipher.decrypt(cipher.encrypt(b"")) == b""
    with pytest.raises(StorageError):
        AesGcmCipher(os.urandom(32)).decrypt(first)  # another master key


@pytest.mark.parametrize("offset", [0, 5, 10, 30, 100, -1])
def test_a_flipped_byte_is_detected_on_read(data_dir, offset):
    store = AttachmentStore(cipher=AesGcmCipher(os.urandom(32)))
    stored = store.put_bytes(SCAN, pages=1)
    raw = bytearray(stored.path.read_bytes())
    raw[offset] ^= 0x01
    stored.path.write_bytes(bytes(raw))
    with pytest.raises(StorageError) as info:
        store.read(stored.sha256)
    assert "hỏng" in info.value.message


def test_an_unencrypted_sqlite_is_still_the_default(data_dir):
    """No key: plain SQLite exactly as before (the rest of the suite relies on it)."""
    db = open_database()
    assert not db.encrypted
    db.close()
    con = sqlite3.connect(paths.database_path())
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
