"""Ed25519 signatures on catalogue updates and offline transfer files, checked before anything is used.

Two forms, same signature: a detached ``<file>.sig`` next to an unchanged file (the catalogue JSON stays
readable and diffable), or an envelope that carries the payload itself (one file to copy on a USB stick).
The signed message is ``"motcua-signed/1" NUL purpose NUL data``: the purpose is bound into the signature, so
a genuine transfer file cannot be passed off as a catalogue update, or the other way round.

Verification returns the exact bytes it checked; callers parse those bytes rather than reading the file
again, so the file cannot be swapped between the check and its use.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, PublicFormat

from app.errors import ValidationError
from app.fsutil import atomic_write_bytes
from app.i18n import tr

if TYPE_CHECKING:
    from app.catalogue import Catalogue

SIGNATURE_FORMAT = "motcua-signature/1"
ENVELOPE_FORMAT = "motcua-signed/1"
ALGORITHM = "Ed25519"
CATALOGUE = "catalogue"
TRANSFER = "transfer"
MAX_FILE_BYTES = 256 * 1024 * 1024
SIGNING_KEY_SECRET = "signing-key"  # name of this workstation's own key in the OS keyring


class SignatureError(ValidationError):
    """A file is unsigned, forged, altered, or signed by a key that is not trusted."""


PublicKeyLike = Ed25519PublicKey | str | bytes


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def generate_private_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def private_key_text(key: Ed25519PrivateKey) -> str:
    """The 32-byte seed in base64: short enough for the OS keyring."""
    return _b64(key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption()))


def private_key_from_text(text: str) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(_unb64(text.strip()))


def public_key_text(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return _b64(public.public_bytes(Encoding.Raw, PublicFormat.Raw))


def load_public_key(value: PublicKeyLike) -> Ed25519PublicKey:
    if isinstance(value, Ed25519PublicKey):
        return value
    raw = value if isinstance(value, bytes) else _unb64(value.strip())
    return Ed25519PublicKey.from_public_bytes(raw)


def key_id(key: PublicKeyLike) -> str:
    """A short fingerprint to name a key in messages and files (never trusted on its own)."""
    raw = load_public_key(key).public_bytes(Encoding.Raw, PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def _message(data: bytes, purpose: str) -> bytes:
    return ENVELOPE_FORMAT.encode("ascii") + b"\x00" + purpose.encode("utf-8") + b"\x00" + data


def sign_bytes(key: Ed25519PrivateKey, data: bytes, purpose: str) -> bytes:
    return key.sign(_message(data, purpose))


def _trusted(keys: Iterable[PublicKeyLike]) -> list[Ed25519PublicKey]:
    loaded = []
    for value in keys:
        try:
            loaded.append(load_public_key(value))
        except (ValueError, binascii.Error) as exc:
            raise SignatureError(tr("Khoá công khai tin cậy trong cấu hình bị hỏng."), detail=repr(exc)) from exc
    if not loaded:
        raise SignatureError(tr("Chưa cấu hình khoá công khai tin cậy để kiểm tra chữ ký số."))
    return loaded


def _forged(path: Path, detail: str) -> SignatureError:
    return SignatureError(tr(
        "Chữ ký số của tệp {path} không hợp lệ: tệp đã bị sửa hoặc không do cơ quan có thẩm quyền ký. "
        "Không sử dụng tệp này.", path=path.name), detail=detail)


def _check(path: Path, data: bytes, doc: dict[str, Any], trusted: list[Ed25519PublicKey], purpose: str) -> None:
    if doc.get("alg") != ALGORITHM:
        raise _forged(path, f"algorithm {doc.get('alg')!r}")
    if doc.get("purpose") != purpose:
        # Checked by the signature too; a clear message helps when someone picks the wrong file.
        raise SignatureError(tr("Tệp {path} không phải loại tệp cần dùng ở đây (tệp ký cho “{kind}”).",
                                path=path.name, kind=str(doc.get("purpose"))[:40]))
    try:
        signature = _unb64(doc.get("signature"))
    except (ValueError, binascii.Error) as exc:
        raise _forged(path, "signature is not base64") from exc
    message = _message(data, purpose)
    for key in trusted:
        try:
            key.verify(signature, message)
            return
        except InvalidSignature:
            continue
    if doc.get("key_id") not in {key_id(k) for k in trusted}:
        raise SignatureError(tr(
            "Tệp {path} được ký bằng khoá không nằm trong danh sách tin cậy. Không sử dụng tệp này.",
            path=path.name), detail=f"key_id {doc.get('key_id')!r}")
    raise _forged(path, "signature does not verify")


def _signature_doc(key: Ed25519PrivateKey, data: bytes, purpose: str) -> dict[str, Any]:
    return {"alg": ALGORITHM, "purpose": purpose, "key_id": key_id(key.public_key()),
            "signature": _b64(sign_bytes(key, data, purpose))}


def signature_path(path: Path) -> Path:
    return path.with_name(path.name + ".sig")


def sign_file(path: str | Path, key: Ed25519PrivateKey, purpose: str) -> Path:
    """Write the detached signature ``<file>.sig`` of the file as it is now."""
    path = Path(path)
    doc = {"format": SIGNATURE_FORMAT, **_signature_doc(key, path.read_bytes(), purpose)}
    target = signature_path(path)
    atomic_write_bytes(target, json.dumps(doc, indent=2).encode("ascii"))
    return target


def make_envelope(data: bytes, key: Ed25519PrivateKey, purpose: str) -> bytes:
    return json.dumps(make_envelope_doc(data, key, purpose)).encode("ascii")


def write_envelope(path: str | Path, data: bytes, key: Ed25519PrivateKey, purpose: str) -> Path:
    path = Path(path)
    atomic_write_bytes(path, make_envelope(data, key, purpose))
    return path


def _read(path: Path, what: str) -> bytes:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise SignatureError(tr("Tệp {path} quá lớn.", path=path.name))
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise SignatureError(tr("Không tìm thấy {what} {path}.", what=what, path=path)) from exc
    except OSError as exc:
        raise SignatureError(tr("Không đọc được {what} {path}: {error}", what=what, path=path,
                                error=exc.strerror or exc)) from exc


def _as_envelope(raw: bytes) -> dict[str, Any] | None:
    if not raw.lstrip().startswith(b"{") or b'"' + ENVELOPE_FORMAT.encode() + b'"' not in raw[:4096]:
        return None
    try:
        doc = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return None
    return doc if isinstance(doc, dict) and doc.get("format") == ENVELOPE_FORMAT else None


def _open_envelope(path: Path, envelope: dict[str, Any], trusted: list[Ed25519PublicKey], purpose: str) -> bytes:
    try:
        payload = _unb64(envelope.get("payload"))
    except (ValueError, binascii.Error) as exc:
        raise _forged(path, "payload is not base64") from exc
    _check(path, payload, envelope, trusted, purpose)
    return payload


def verify_envelope(envelope: Any, trusted_public_keys: Iterable[PublicKeyLike], purpose: str, *,
                    name: str) -> bytes:
    """The payload of an envelope received as JSON (a catalogue release in the sync feed) once its signature
    checks out; ``name`` stands for the file name in the messages."""
    trusted = _trusted(trusted_public_keys)
    where = Path(name)
    if not isinstance(envelope, dict) or envelope.get("format") != ENVELOPE_FORMAT:
        raise SignatureError(tr("{path} chưa được ký số. Không sử dụng dữ liệu chưa được ký.", path=name),
                             detail="no envelope")
    return _open_envelope(where, envelope, trusted, purpose)


def make_envelope_doc(data: bytes, key: Ed25519PrivateKey, purpose: str) -> dict[str, Any]:
    """The envelope as a JSON object, for embedding in a larger JSON reply."""
    return {"format": ENVELOPE_FORMAT, **_signature_doc(key, data, purpose), "payload": _b64(data)}


def read_verified(path: str | Path, trusted_public_keys: Iterable[PublicKeyLike], purpose: str) -> bytes:
    """The file's content once its signature (envelope or ``<file>.sig``) checks out with a trusted key."""
    path = Path(path)
    trusted = _trusted(trusted_public_keys)
    raw = _read(path, tr("tệp"))
    envelope = _as_envelope(raw)
    if envelope is not None:
        return _open_envelope(path, envelope, trusted, purpose)
    sig_path = signature_path(path)
    if not sig_path.exists():
        raise SignatureError(tr(
            "Tệp {path} chưa được ký số (không có tệp chữ ký {sig}). Không sử dụng tệp chưa được ký.",
            path=path.name, sig=sig_path.name))
    try:
        doc = json.loads(_read(sig_path, tr("tệp chữ ký")))
    except (ValueError, UnicodeDecodeError) as exc:
        raise _forged(path, "signature file is not JSON") from exc
    if not isinstance(doc, dict) or doc.get("format") != SIGNATURE_FORMAT:
        raise _forged(path, "signature file has an unknown format")
    _check(path, raw, doc, trusted, purpose)
    return raw


def verify_catalogue_file(path: str | Path, trusted_public_keys: Iterable[PublicKeyLike]) -> bytes:
    """The verified bytes of a catalogue update; raises :class:`SignatureError` (Vietnamese) otherwise."""
    return read_verified(path, trusted_public_keys, CATALOGUE)


def load_verified_catalogue(path: str | Path, trusted_public_keys: Iterable[PublicKeyLike]) -> Catalogue:
    """Verify, then parse exactly the verified bytes into an :class:`app.catalogue.Catalogue`."""
    # Imported here: the catalogue module is large and only this path needs it.
    from app.catalogue import parse_catalogue

    raw = verify_catalogue_file(path, trusted_public_keys)
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise ValidationError(tr("Tệp danh mục {path} không đọc được dù chữ ký hợp lệ.", path=Path(path).name),
                              detail=repr(exc)) from exc
    return parse_catalogue(data, source=str(path))


def verify_transfer_file(path: str | Path, trusted_public_keys: Iterable[PublicKeyLike]) -> bytes:
    return read_verified(path, trusted_public_keys, TRANSFER)


def workstation_signing_key(*, create: bool = True) -> Ed25519PrivateKey | None:
    """This workstation's own key (for the transfer files it writes), kept in the OS keyring only."""
    from app.security import keys

    stored = keys.load_secret(SIGNING_KEY_SECRET)
    if stored:
        return private_key_from_text(stored)
    if not create:
        return None
    key = generate_private_key()
    keys.store_secret(SIGNING_KEY_SECRET, private_key_text(key))
    return key
