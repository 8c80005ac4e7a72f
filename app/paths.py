"""Where the application keeps its data and finds its shipped resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_data_dir

DATA_DIR_ENV = "MOTCUA_DATA_DIR"
_override: Path | None = None


def set_data_dir(path: str | os.PathLike[str] | None) -> None:
    """Override the data directory (CLI ``--data-dir``); ``None`` restores the default."""
    global _override
    _override = Path(path).expanduser().resolve() if path else None


def data_dir() -> Path:
    """Data directory: CLI override, then ``MOTCUA_DATA_DIR``, then the platform's user data folder."""
    if _override is not None:
        base = _override
    elif os.environ.get(DATA_DIR_ENV):
        base = Path(os.environ[DATA_DIR_ENV]).expanduser().resolve()
    else:
        base = Path(user_data_dir("motcua", appauthor=False))
    base.mkdir(parents=True, exist_ok=True)
    return base


def database_path() -> Path:
    return data_dir() / "motcua.sqlite3"


def backups_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def settings_path() -> Path:
    return data_dir() / "settings.json"


def resources_dir() -> Path:
    # A PyInstaller bundle unpacks resources next to the executable (sys._MEIPASS).
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
