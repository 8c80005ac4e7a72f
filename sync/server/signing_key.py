"""The reference server's catalogue signing key: an Ed25519 key kept in a file readable by its owner only.

The workstations trust its public key (``catalogue_public_keys`` in their settings; ``python -m sync.server
catalogue-key`` prints it). Releases are signed when published, not when served, so the key is only needed
by the operator's ``catalogue-publish`` and a copy of the web server alone cannot forge a catalogue.
"""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.errors import ValidationError
from app.fsutil import atomic_write_bytes
from app.i18n import tr
from app.security.signing import generate_private_key, private_key_from_text, private_key_text

KEY_ENV = "MOTCUA_SERVER_SIGNING_KEY"
DEFAULT_KEY_FILE = "motcua-server-signing.key"


def default_key_path() -> str:
    return os.environ.get(KEY_ENV, DEFAULT_KEY_FILE)


def load_or_create(path: str | Path) -> Ed25519PrivateKey:
    """The key stored at ``path``, generated there (mode 0600) on first use."""
    path = Path(path)
    try:
        return private_key_from_text(path.read_text(encoding="ascii"))
    except FileNotFoundError:
        pass
    except (OSError, ValueError) as exc:
        raise ValidationError(tr("Không đọc được khoá ký danh mục {path}: {error}", path=path, error=exc)) from exc
    key = generate_private_key()
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, (private_key_text(key) + "\n").encode("ascii"))
    os.chmod(path, 0o600)
    return key
