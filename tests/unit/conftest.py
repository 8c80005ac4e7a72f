from __future__ import annotations

from datetime import datetime

import pytest

from app import clock, paths
from app.settings import Settings


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)
    paths.set_data_dir(tmp_path)
    yield tmp_path
    paths.set_data_dir(None)


@pytest.fixture
def db(data_dir):
    from app.catalogue import ensure_seeded
    from app.db import open_database

    database = open_database()
    with database.session() as session:
        ensure_seeded(session)
    yield database
    database.close()


@pytest.fixture
def settings():
    return Settings(operator_name="Trần Thị Lan")


@pytest.fixture
def frozen_now():
    """Pin "now" so appointment dates are exact; tests move it by assigning ``frozen_now.value``."""

    class Frozen:
        value = datetime(2027, 3, 4, 9, 20)

    clock.set_clock(lambda: Frozen.value)
    yield Frozen
    clock.set_clock(None)
