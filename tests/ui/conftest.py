"""Qt fixtures: one offscreen QApplication (pytest-qt), a temp data directory, an inline task runner.

Qt is imported only here and in the UI tests, so the app/ and sync/ tests never load it.
"""

from __future__ import annotations

import os
from datetime import datetime

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from app import clock  # noqa: E402
from app.settings import Settings  # noqa: E402
from tests.ui.helpers import ModalHandler  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def ui_font(qapp):
    from ui.main import install_ui_font

    return install_ui_font(qapp, Settings().ui_font_size)


@pytest.fixture
def frozen_now():
    """Thursday 04/02/2027 09:15, so appointments and dossier codes are exact."""

    class Frozen:
        value = datetime(2027, 2, 4, 9, 15)

    clock.set_clock(lambda: Frozen.value)
    yield Frozen
    clock.set_clock(None)


@pytest.fixture
def ctx(db):
    from ui.main import build_context

    context = build_context(db, Settings(operator_name="Trần Thị Lan"), inline_tasks=True)
    errors: list[tuple[BaseException, str]] = []
    # An unexpected failure in a background task must fail the test, not open a dialog.
    context.tasks.default_error = lambda exc, details: errors.append((exc, details))
    yield context
    assert not errors, errors[0][1]


@pytest.fixture
def modal():
    handler = ModalHandler()
    yield handler
    for timer in handler.timers:
        timer.stop()
