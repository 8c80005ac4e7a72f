"""The background runner and the error dialogs."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QApplication, QMessageBox

from app.errors import Cancelled, StateError
from ui.errors import UnexpectedErrorDialog, error_dialog
from ui.tasks import TaskRunner


def test_inline_mode_runs_at_once_in_the_calling_thread(qapp):
    runner = TaskRunner(inline=True)
    seen = []
    runner.run("db", lambda: threading.get_ident(), seen.append)
    assert seen == [threading.get_ident()]
    errors = []
    runner.run("db", lambda: 1 / 0, seen.append, lambda exc, details: errors.append((exc, details)))
    assert isinstance(errors[0][0], ZeroDivisionError) and "ZeroDivisionError" in errors[0][1]


def test_threaded_mode_works_off_the_gui_thread_and_answers_in_it(qtbot):
    runner = TaskRunner()
    gui = threading.get_ident()
    worker_threads, delivered = [], []

    def work(n: int) -> int:
        worker_threads.append(threading.get_ident())
        return n * 2

    for n in range(5):
        runner.run("db", lambda n=n: work(n), lambda value: delivered.append((value, threading.get_ident())))
    failures = []
    runner.run("sync", lambda: 1 / 0, None, lambda exc, _d: failures.append((exc, threading.get_ident())))
    qtbot.waitUntil(lambda: len(delivered) == 5 and bool(failures))
    assert [v for v, _t in delivered] == [0, 2, 4, 6, 8]  # one worker per lane: in order
    assert all(t == gui for _v, t in delivered)
    assert gui not in worker_threads and len(set(worker_threads)) == 1
    assert isinstance(failures[0][0], ZeroDivisionError) and failures[0][1] == gui
    assert runner.wait(5000)


def test_user_errors_are_shown_as_they_are_and_bugs_with_copyable_details(qapp):
    box = error_dialog(None, StateError("Hồ sơ đã được yêu cầu bổ sung một lần."))
    assert isinstance(box, QMessageBox) and box.text() == "Hồ sơ đã được yêu cầu bổ sung một lần."
    assert error_dialog(None, Cancelled()) is None
    try:
        raise KeyError("boom")
    except KeyError as exc:
        dialog = error_dialog(None, exc)
    assert isinstance(dialog, UnexpectedErrorDialog)
    assert dialog.copy_button.text() == "Sao chép chi tiết"
    dialog.copy_details()
    assert "KeyError" in QApplication.clipboard().text()
