"""Password hashing (argon2id) and the password policy.

Login must work offline, so the hash is kept locally; argon2id makes a copied database expensive to attack.
The parameters are sized for the old PCs found at communes (~0.2–0.5 s per check, 64 MiB); a stored hash
made with weaker parameters is upgraded at the next successful login (see :func:`needs_rehash`).
"""

from __future__ import annotations

import unicodedata

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from app.errors import ValidationError
from app.i18n import tr

MIN_LENGTH = 8
MAX_LENGTH = 256  # argon2 accepts more, but a megabyte "password" is only a denial of service

_DEFAULT_HASHER = PasswordHasher(time_cost=3, memory_cost=64 * 1024, parallelism=2)
_hasher = _DEFAULT_HASHER

# A hash of a random password checked when the login name is unknown, so "no such user" takes as long as
# "wrong password" and the timing does not reveal which accounts exist.
_DUMMY_HASH: str | None = None


def use_fast_hasher_for_tests(enabled: bool = True) -> None:
    """Cheap parameters for the test suite only; production always uses the default."""
    global _hasher, _DUMMY_HASH
    _hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1) if enabled else _DEFAULT_HASHER
    _DUMMY_HASH = None


def _normalise(password: str) -> str:
    # Vietnamese input methods (Unikey, Telex on different OSes) may send NFC or NFD for the same letters:
    # the same typed password must give the same hash.
    return unicodedata.normalize("NFC", password)


def hash_password(password: str) -> str:
    return _hasher.hash(_normalise(password))


def verify_password(stored_hash: str, password: str) -> bool:
    """True when ``password`` matches; a malformed stored hash is a mismatch, never an exception."""
    if len(password) > MAX_LENGTH:
        return False
    try:
        return _hasher.verify(stored_hash, _normalise(password))
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def burn_time(password: str) -> None:
    """Spend the time of one verification against a hash that matches nothing (unknown login names)."""
    global _DUMMY_HASH
    if _DUMMY_HASH is None:
        _DUMMY_HASH = _hasher.hash("unused-" + "x" * 16)
    verify_password(_DUMMY_HASH, password)


def needs_rehash(stored_hash: str) -> bool:
    try:
        return _hasher.check_needs_rehash(stored_hash)
    except InvalidHashError:
        return True


def check_policy(password: str, *, username: str = "") -> None:
    """Refuse passwords that a colleague at the shared counter could guess; messages in Vietnamese."""
    password = _normalise(password)
    if len(password) < MIN_LENGTH:
        raise ValidationError(tr("Mật khẩu phải có ít nhất {n} ký tự.", n=MIN_LENGTH))
    if len(password) > MAX_LENGTH:
        raise ValidationError(tr("Mật khẩu quá dài (tối đa {n} ký tự).", n=MAX_LENGTH))
    if password.strip() != password:
        raise ValidationError(tr("Mật khẩu không được bắt đầu hoặc kết thúc bằng dấu cách."))
    if len(set(password)) < 4:
        raise ValidationError(tr("Mật khẩu quá đơn giản: hãy dùng nhiều ký tự khác nhau."))
    if username and username.casefold() in password.casefold():
        raise ValidationError(tr("Mật khẩu không được chứa tên đăng nhập."))
