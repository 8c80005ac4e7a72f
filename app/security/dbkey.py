"""The database key: random, kept in the OS keyring, wrapped for recovery by an administrator.

On the first run :func:`obtain_database_key` makes a random 32-byte key, stores it (hex) in the OS keyring
and writes a *wrap file* next to the database: the key encrypted with AES-256-GCM under a key derived
(scrypt) from a recovery code. The code is returned once, to be printed or written down by the
administrator and kept away from the PC. The wrap file is ciphertext, so it travels with the data folder
(and its backups) without revealing anything; on a new PC :func:`recover_database_key` turns the code and
the wrap file back into the key and stores it in that PC's keyring.

The keyring entry is named after a fingerprint of the key (``database-key:<key id>``, the id being also in
the wrap file), so several data folders on one PC (training, a restored copy) never share or overwrite each
other's key, and a data folder copied in from elsewhere is recognised as needing its recovery code.

When no usable keyring exists the caller gets :class:`~app.security.keys.KeyringUnavailable` before
anything is created: no key, no wrap file, no database.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from sqlalchemy.orm import Session

from app import paths
from app.db import KEY_BYTES, is_plaintext_database
from app.errors import StorageError, UserError, ValidationError
from app.fsutil import atomic_write_bytes, storage_error
from app.i18n import tr
from app.security import audit, keys
from app.security.filecrypt import AesGcmCipher

WRAP_FORMAT = "motcua-dbkey-wrap-v1"
WRAP_SUFFIX = ".keywrap"
DB_FILENAME = "motcua.sqlite3"  # the name paths.database_path() gives inside a data folder
RECOVERY_REISSUE = "recovery_code_reissue"  # audit action
# scrypt cost: ~32 MiB and a fraction of a second per try, paid only at set-up and recovery; the code
# itself carries 160 random bits, so this is defence in depth rather than the only protection.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
CODE_BYTES = 20  # 160 bits -> 32 base32 characters
CHECK_CHARS = 4  # catches a mistyped group before the slow key derivation
_GROUP = 4
_B32 = re.compile(r"^[A-Z2-7]+$")
# Letters and digits people confuse when copying by hand; base32 has no 0, 1 or 8.
_TYPO = str.maketrans({"0": "O", "1": "I", "8": "B"})


class DatabaseKeyMissing(UserError):  # noqa: N818 - named by the situation, like the other UserErrors
    """The data folder is encrypted but this PC's keyring has no key for it (a new or reinstalled PC)."""


@dataclass(frozen=True)
class DatabaseKey:
    key: bytes = field(repr=False)
    key_id: str
    # Set only when the key was created by this call: show it to the administrator once, to print.
    recovery_code: str | None = field(default=None, repr=False)

    @property
    def attachment_key(self) -> bytes:
        """Master key for attachment files, separate from the database key (HKDF, its own label)."""
        return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                    info=b"motcua attachment master key v1").derive(self.key)

    def attachment_cipher(self) -> AesGcmCipher:
        return AesGcmCipher(self.attachment_key)


def key_id(key: bytes) -> str:
    """A non-secret fingerprint of the key (HMAC, so it reveals nothing about the key itself)."""
    return hmac.new(key, b"motcua database key id", hashlib.sha256).hexdigest()[:16]


def keyring_entry(kid: str) -> str:
    return f"{keys.DATABASE_KEY}:{kid}"


def wrap_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + WRAP_SUFFIX)


# --- recovery codes -------------------------------------------------------------------------------------

def _checksum(raw: bytes) -> str:
    return base64.b32encode(hashlib.sha256(b"motcua recovery code" + raw).digest()[:5]).decode()[:CHECK_CHARS]


def new_recovery_code() -> str:
    """A fresh code such as ``ABCD-EFGH-…`` (9 groups of 4): 160 random bits and a 20-bit checksum."""
    raw = secrets.token_bytes(CODE_BYTES)
    text = base64.b32encode(raw).decode() + _checksum(raw)
    return "-".join(text[i:i + _GROUP] for i in range(0, len(text), _GROUP))


def parse_recovery_code(code: str) -> bytes:
    """The code's random bytes; :class:`ValidationError` when it is mistyped (wrong length or checksum)."""
    text = re.sub(r"[\s\-_.]", "", code or "").upper().translate(_TYPO)
    body, check = text[:-CHECK_CHARS], text[-CHECK_CHARS:]
    raw = base64.b32decode(body) if len(body) == 32 and _B32.match(text) else b""
    if not raw or _checksum(raw) != check:
        raise ValidationError(tr("Mã khôi phục chưa đúng: hãy kiểm tra lại từng nhóm ký tự "
                                 "(9 nhóm, mỗi nhóm 4 ký tự)."))
    return raw


def _kek(raw_code: bytes, kdf: dict[str, Any]) -> bytes:
    if kdf.get("name") != "scrypt":
        raise StorageError(tr("Tệp khoá khôi phục có định dạng không được hỗ trợ."), detail=repr(kdf))
    salt = base64.b64decode(kdf["salt"])
    return Scrypt(salt=salt, length=32, n=int(kdf["n"]), r=int(kdf["r"]), p=int(kdf["p"])).derive(raw_code)


def _aad(record: dict[str, Any]) -> bytes:
    # Binds the format, key id and KDF parameters to the ciphertext: weakening them breaks the tag.
    return json.dumps({k: record[k] for k in ("format", "key_id", "kdf")}, sort_keys=True).encode()


def _wrap(key: bytes, code: str) -> dict[str, Any]:
    kdf = {"name": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P,
           "salt": base64.b64encode(os.urandom(16)).decode()}
    record: dict[str, Any] = {"format": WRAP_FORMAT, "key_id": key_id(key), "kdf": kdf}
    nonce = os.urandom(12)
    wrapped = AESGCM(_kek(parse_recovery_code(code), kdf)).encrypt(nonce, key, _aad(record))
    record["nonce"] = base64.b64encode(nonce).decode()
    record["wrapped"] = base64.b64encode(wrapped).decode()
    return record


def _bad_wrap_file(path: Path, detail: str) -> StorageError:
    return StorageError(tr("Tệp khoá khôi phục {path} bị hỏng. Hãy chép lại tệp này từ bản sao lưu.", path=path),
                        detail=detail)


def _read_wrap(path: Path) -> dict[str, Any]:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise storage_error(exc, path) from exc
    except ValueError as exc:
        raise _bad_wrap_file(path, repr(exc)) from exc
    if not isinstance(record, dict) or record.get("format") != WRAP_FORMAT or not re.fullmatch(
            r"[0-9a-f]{16}", str(record.get("key_id", ""))):
        raise _bad_wrap_file(path, f"unexpected content: format={record.get('format') if isinstance(record, dict) else None!r}")
    return record


def _write_wrap(path: Path, record: dict[str, Any]) -> None:
    atomic_write_bytes(path, json.dumps(record, indent=2, sort_keys=True).encode("utf-8"))


def _unwrap(record: dict[str, Any], raw_code: bytes, path: Path) -> bytes:
    try:
        kek = _kek(raw_code, record["kdf"])
        key = AESGCM(kek).decrypt(base64.b64decode(record["nonce"]), base64.b64decode(record["wrapped"]),
                                  _aad(record))
    except InvalidTag as exc:
        raise ValidationError(tr("Mã khôi phục không đúng với dữ liệu này. Hãy dùng mã khôi phục đã in "
                                 "khi cài đặt máy có dữ liệu này.")) from exc
    except (KeyError, TypeError, ValueError) as exc:
        raise _bad_wrap_file(path, repr(exc)) from exc
    if len(key) != KEY_BYTES or key_id(key) != record["key_id"]:
        raise _bad_wrap_file(path, "unwrapped key does not match the key id")
    return key


# --- the workstation's key ------------------------------------------------------------------------------

def _missing(db_path: Path, detail: str) -> DatabaseKeyMissing:
    return DatabaseKeyMissing(
        tr("Dữ liệu tại {path} đã được mã hoá nhưng máy này chưa có khoá mở. Nếu đây là máy mới hoặc vừa cài "
           "lại, hãy nhập mã khôi phục của quản trị viên.", path=db_path.parent),
        detail=detail,
    )


def _load_key(record: dict[str, Any], db_path: Path) -> bytes | None:
    secret = keys.load_secret(keyring_entry(record["key_id"]))
    if secret is None:
        return None
    try:
        key = bytes.fromhex(secret)
    except ValueError:
        key = b""
    if len(key) != KEY_BYTES or key_id(key) != record["key_id"]:
        raise _missing(db_path, "keyring entry does not match the key id")
    return key


def obtain_database_key(db_path: Path | None = None) -> DatabaseKey:
    """The key of the database at ``db_path`` (default: the data folder's), creating it on the first run.

    Raises :class:`~app.security.keys.KeyringUnavailable` without writing anything when no keyring works,
    and :class:`DatabaseKeyMissing` when the data is encrypted but this PC does not hold the key.
    """
    db_path = Path(db_path or paths.database_path())
    wrap = wrap_path(db_path)
    if wrap.exists():
        record = _read_wrap(wrap)
        key = _load_key(record, db_path)
        if key is None:
            raise _missing(db_path, f"no keyring entry {keyring_entry(record['key_id'])}")
        return DatabaseKey(key, record["key_id"])
    if db_path.exists() and db_path.stat().st_size > 0 and not is_plaintext_database(db_path):
        # Random-looking bytes: an encrypted database whose wrap file was lost, or a damaged file.
        raise StorageError(
            tr("Tệp cơ sở dữ liệu {path} bị hỏng, hoặc đã được mã hoá nhưng thiếu tệp khoá khôi phục {wrap} "
               "bên cạnh. Dữ liệu không bị thay đổi; hãy chép lại tệp khoá từ bản sao lưu.",
               path=db_path, wrap=wrap.name),
            detail="not a plaintext SQLite file and no wrap file",
        )
    keys.backend()  # no usable keyring: fail now, before a key or a file exists
    key = secrets.token_bytes(KEY_BYTES)
    code = new_recovery_code()
    record = _wrap(key, code)
    # Keyring first: if the wrap file cannot be written the key is unused and a later run starts over.
    keys.store_secret(keyring_entry(record["key_id"]), key.hex())
    _write_wrap(wrap, record)
    return DatabaseKey(key, record["key_id"], recovery_code=code)


def recover_database_key(data_dir: Path | str | None, recovery_code: str, *,
                         db_path: Path | None = None) -> DatabaseKey:
    """On a new PC: open the wrap file with the administrator's recovery code and keep the key here."""
    db_path = Path(db_path) if db_path else Path(data_dir or paths.data_dir()) / DB_FILENAME
    wrap = wrap_path(db_path)
    if not wrap.exists():
        raise StorageError(tr("Không tìm thấy tệp khoá khôi phục {path}. Hãy chép cả thư mục dữ liệu, "
                              "kể cả tệp này, sang máy mới.", path=wrap), detail="wrap file missing")
    raw = parse_recovery_code(recovery_code)
    record = _read_wrap(wrap)
    key = _unwrap(record, raw, wrap)
    keys.store_secret(keyring_entry(record["key_id"]), key.hex())
    return DatabaseKey(key, record["key_id"])


def reissue_recovery_code(session: Session, actor: Any, key: DatabaseKey,
                          db_path: Path | None = None) -> str:
    """Replace the recovery code (the old one was lost or seen by someone); administrators only.

    The database key is unchanged; only its wrap is rewritten, so the old code stops working at once.
    """
    from app.security.operators import CHANGE_SETTINGS, require  # operators imports the ORM models

    require(actor, CHANGE_SETTINGS)
    db_path = Path(db_path or paths.database_path())
    code = new_recovery_code()
    _write_wrap(wrap_path(db_path), _wrap(key.key, code))
    audit.record(session, actor, RECOVERY_REISSUE, f"database:{key.key_id}")
    return code
