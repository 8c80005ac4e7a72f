"""Secrets go to the OS keyring or nowhere: no plaintext fallback, a clear message when there is none."""

from __future__ import annotations

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null
from keyring.backends.chainer import ChainerBackend

from app.errors import ValidationError
from app.security import keys, signing
from app.security.keys import KeyringUnavailable, MemoryKeyring

TOKEN = "enr-7f3c9a1e5b2d4c6a8e0f1a2b3c4d5e6f"


@pytest.fixture(autouse=True)
def restore_keyring():
    original = keyring.get_keyring()
    yield
    keys.use_backend(None)
    keyring.set_keyring(original)


class PlaintextLike(KeyringBackend):
    """Stands for keyrings.alt's file backends, which write secrets in clear."""

    priority = MemoryKeyring.__dict__["priority"]  # not viable: never auto-selected later in this process

    def __init__(self, folder) -> None:
        super().__init__()
        self.folder = folder

    def get_password(self, service, username):
        path = self.folder / f"{service}-{username}.txt"
        return path.read_text() if path.exists() else None

    def set_password(self, service, username, password):
        (self.folder / f"{service}-{username}.txt").write_text(password)

    def delete_password(self, service, username):
        (self.folder / f"{service}-{username}.txt").unlink()


PlaintextLike.__module__ = "keyrings.alt.file"


class Chain(ChainerBackend):
    """keyring's own chainer, with a fixed list instead of every viable backend of this machine."""

    viable = False  # only ever installed by hand

    def __init__(self, backends) -> None:
        KeyringBackend.__init__(self)
        self._fixed = backends

    @property
    def backends(self):
        return self._fixed


def snapshot(folder) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_memory_keyring_round_trip():
    keys.use_backend(MemoryKeyring())
    assert keys.load_secret(keys.ENROLLMENT_TOKEN) is None
    keys.store_secret(keys.ENROLLMENT_TOKEN, TOKEN)
    assert keys.load_secret(keys.ENROLLMENT_TOKEN) == TOKEN
    keys.store_secret(keys.ENROLLMENT_TOKEN, TOKEN + "-2")  # re-enrollment replaces
    assert keys.load_secret(keys.ENROLLMENT_TOKEN) == TOKEN + "-2"
    assert keys.delete_secret(keys.ENROLLMENT_TOKEN) is True
    assert keys.delete_secret(keys.ENROLLMENT_TOKEN) is False
    assert keys.load_secret(keys.ENROLLMENT_TOKEN) is None


def test_memory_keyring_through_keyring_api_and_never_chosen_automatically():
    keyring.set_keyring(MemoryKeyring())
    keys.store_secret(keys.DATABASE_KEY, "k" * 64)
    assert keyring.get_password(keys.SERVICE, keys.DATABASE_KEY) == "k" * 64
    # A real installation must never end up with a keyring that forgets secrets at exit.
    assert MemoryKeyring not in set(KeyringBackend.get_viable_backends())


@pytest.mark.parametrize("make", [
    lambda folder: fail.Keyring(),
    lambda folder: null.Keyring(),
    lambda folder: PlaintextLike(folder),
    lambda folder: Chain([fail.Keyring(), PlaintextLike(folder)]),
])
def test_unavailable_keyring_is_a_clear_error_and_nothing_is_written(data_dir, db, make):
    keyring.set_keyring(make(data_dir))
    before = snapshot(data_dir)
    assert not keys.available()
    with pytest.raises(KeyringUnavailable) as info:
        keys.store_secret(keys.ENROLLMENT_TOKEN, TOKEN)
    assert "kho mật khẩu của hệ điều hành" in info.value.message
    assert "không được ghi ra tệp" in info.value.message
    with pytest.raises(KeyringUnavailable):
        keys.load_secret(keys.ENROLLMENT_TOKEN)
    with pytest.raises(KeyringUnavailable):
        signing.workstation_signing_key()
    after = snapshot(data_dir)
    assert set(after) == set(before)  # the WAL may have grown, but no file appeared...
    assert not any(TOKEN.encode() in content for content in after.values())  # ...and the token is nowhere


def test_backend_that_breaks_at_use_is_reported():
    class Broken(MemoryKeyring):
        def set_password(self, service, username, password):
            raise keyring.errors.KeyringLocked("collection is locked")

    keys.use_backend(Broken())
    with pytest.raises(KeyringUnavailable) as info:
        keys.store_secret(keys.ENROLLMENT_TOKEN, TOKEN)
    assert "KeyringLocked" in info.value.detail


def test_usable_backend_inside_a_chain_is_used():
    memory = MemoryKeyring()
    keyring.set_keyring(Chain([fail.Keyring(), memory]))
    keys.store_secret(keys.ENROLLMENT_TOKEN, TOKEN)
    assert memory.secrets[(keys.SERVICE, keys.ENROLLMENT_TOKEN)] == TOKEN


def test_secret_size_is_bounded_for_windows_credential_manager():
    keys.use_backend(MemoryKeyring())
    with pytest.raises(ValidationError):
        keys.store_secret(keys.ENROLLMENT_TOKEN, "x" * (keys.MAX_SECRET_CHARS + 1))
    with pytest.raises(ValueError):
        keys.store_secret(keys.ENROLLMENT_TOKEN, "")


def test_workstation_signing_key_lives_in_the_keyring():
    memory = MemoryKeyring()
    keys.use_backend(memory)
    assert signing.workstation_signing_key(create=False) is None
    key = signing.workstation_signing_key()
    again = signing.workstation_signing_key()
    assert signing.public_key_text(key) == signing.public_key_text(again)
    assert (keys.SERVICE, signing.SIGNING_KEY_SECRET) in memory.secrets
