"""Secrets of this workstation (the enrollment token, later the database key) in the OS keyring only.

A copied data folder must not carry them, so there is no fallback: when no real keyring works the caller
gets :class:`KeyringUnavailable` with a message an official can pass on, and nothing is written anywhere.
Backends that store in clear (``keyrings.alt``'s files) or drop secrets (``fail``, ``null``) are refused
even if configured, e.g. through ``PYTHON_KEYRING_BACKEND``.
"""

from __future__ import annotations

import keyring
from keyring.backend import KeyringBackend
from keyring.backends.chainer import ChainerBackend
from keyring.errors import KeyringError, PasswordDeleteError

from app.errors import UserError, ValidationError
from app.i18n import tr

SERVICE = "motcua"
ENROLLMENT_TOKEN = "enrollment-token"
DATABASE_KEY = "database-key"
# Windows Credential Manager refuses blobs above ~2.5 KB (stored as UTF-16): stay well below.
MAX_SECRET_CHARS = 1000

_REFUSED_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")
_override: KeyringBackend | None = None


class KeyringUnavailable(UserError):  # noqa: N818 - named by the situation, like the other UserErrors
    """No usable OS keyring: the secret was not stored (or cannot be read)."""


def _unavailable(detail: str) -> KeyringUnavailable:
    return KeyringUnavailable(
        tr("Không dùng được kho mật khẩu của hệ điều hành (Windows Credential Manager hoặc Secret Service). "
           "Khoá bí mật của máy trạm chưa được lưu và sẽ không được ghi ra tệp. "
           "Hãy báo quản trị viên kiểm tra kho mật khẩu rồi thử lại."),
        detail=detail,
    )


class _NotViable:
    """A ``priority`` that raises on class access: keyring then treats the backend as not viable."""

    def __get__(self, instance: object, owner: type) -> float:
        raise RuntimeError("installed explicitly by tests, never chosen automatically")


class MemoryKeyring(KeyringBackend):
    """Secrets in a dict, for the tests only.

    Its priority raises, which makes keyring consider it not viable: importing this module can never make
    a real installation pick a keyring that forgets every secret at exit.
    """

    priority = _NotViable()

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.secrets[(service, username)]
        except KeyError:
            raise PasswordDeleteError(username) from None


def use_backend(backend: KeyringBackend | None) -> None:
    """Use ``backend`` instead of the OS keyring (tests); ``None`` goes back to the OS keyring."""
    global _override
    _override = backend


def _acceptable(backend: KeyringBackend) -> bool:
    module = type(backend).__module__
    return not any(module == refused or module.startswith(refused + ".") for refused in _REFUSED_MODULES)


def backend() -> KeyringBackend:
    """The keyring that secrets go to; raises :class:`KeyringUnavailable` rather than accept a bad one."""
    if _override is not None:
        return _override
    try:
        chosen = keyring.get_keyring()
    except Exception as exc:  # noqa: BLE001 - any failure to initialise a backend means "no keyring"
        raise _unavailable(repr(exc)) from exc
    candidates = list(chosen.backends) if isinstance(chosen, ChainerBackend) else [chosen]
    for candidate in candidates:
        if _acceptable(candidate):
            return candidate
    raise _unavailable(f"no acceptable keyring backend: {[type(c).__module__ for c in candidates]}")


def available() -> bool:
    try:
        backend()
    except KeyringUnavailable:
        return False
    return True


def store_secret(name: str, value: str, *, service: str = SERVICE) -> None:
    if not value:
        raise ValueError("refusing to store an empty secret")
    if len(value) > MAX_SECRET_CHARS:
        raise ValidationError(tr("Khoá bí mật quá dài để lưu vào kho mật khẩu của hệ điều hành."))
    target = backend()
    try:
        target.set_password(service, name, value)
    except (KeyringError, OSError, RuntimeError) as exc:
        # e.g. a locked Secret Service collection or a D-Bus error: reported, never retried elsewhere.
        raise _unavailable(repr(exc)) from exc


def load_secret(name: str, *, service: str = SERVICE) -> str | None:
    """The secret, or ``None`` when it was never stored (an unenrolled workstation)."""
    target = backend()
    try:
        return target.get_password(service, name)
    except (KeyringError, OSError, RuntimeError) as exc:
        raise _unavailable(repr(exc)) from exc


def delete_secret(name: str, *, service: str = SERVICE) -> bool:
    """Remove the secret; ``False`` when there was none."""
    target = backend()
    try:
        target.delete_password(service, name)
    except PasswordDeleteError:
        return False
    except (KeyringError, OSError, RuntimeError) as exc:
        raise _unavailable(repr(exc)) from exc
    return True
