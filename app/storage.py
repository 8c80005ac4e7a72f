"""Opening the workstation's data as the app, the CLI and the sync command all must: the database with
its key from the OS keyring (SQLCipher) and the attachment store with the matching file cipher.

On a machine without a usable keyring (a root shell on a server, a test run) the data can only be opened
unencrypted when the developer opt-out ``MOTCUA_INSECURE_PLAINTEXT=1`` is set; otherwise the official gets
the keyring's Vietnamese message and nothing is written.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from app.attachments import AttachmentStore, IdentityCipher
from app.db import Database, open_database
from app.i18n import tr
from app.security.dbkey import DatabaseKey, obtain_database_key
from app.security.keys import KeyringUnavailable

INSECURE_PLAINTEXT_ENV = "MOTCUA_INSECURE_PLAINTEXT"


def insecure_plaintext_allowed() -> bool:
    return os.environ.get(INSECURE_PLAINTEXT_ENV) == "1"


@dataclass
class Storage:
    db: Database
    store: AttachmentStore
    key: DatabaseKey | None  # None: the developer's unencrypted mode

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    def close(self) -> None:
        self.db.close()


def database_key(path: Path | None = None) -> DatabaseKey | None:
    """The key for the database at ``path`` (created on first use); ``None`` in the unencrypted mode."""
    try:
        return obtain_database_key(path)
    except KeyringUnavailable:
        if insecure_plaintext_allowed():
            return None
        raise


def open_storage(key: DatabaseKey | None, path: Path | None = None) -> Storage:
    db = open_database(path, key=key.key if key else None)
    store = AttachmentStore(cipher=key.attachment_cipher() if key else IdentityCipher())
    return Storage(db=db, store=store, key=key)


def open_cli_storage(path: Path | None = None) -> Storage:
    """For commands without a window: a new key's recovery code is printed once, to standard error."""
    key = database_key(path)
    if key is not None and key.recovery_code:
        print(tr("Dữ liệu được mã hoá. Mã khôi phục (hãy ghi lại và cất giữ an toàn): {code}",
                 code=key.recovery_code), file=sys.stderr)
    return open_storage(key, path)


def open_cli_database(path: Path | None = None) -> Database:
    return open_cli_storage(path).db
