"""The one background runner of the UI.

Work runs in named lanes, each a single worker thread, so the database sees one writer at a time and a slow
sync or device call never blocks a save. Results come back to the GUI thread through a queued signal, so
callbacks may touch widgets. Tests build the runner with ``inline=True``: tasks then run at once in the
calling thread, which makes UI tests deterministic.
"""

from __future__ import annotations

import itertools
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

LANES = ("db", "sync", "devices")

DoneCallback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException, str], None]


@dataclass
class _Pending:
    on_done: DoneCallback | None
    on_error: ErrorCallback | None


class _Job(QRunnable):
    def __init__(self, runner: TaskRunner, task_id: int, fn: Callable[[], Any]) -> None:
        super().__init__()
        self._runner = runner
        self._task_id = task_id
        self._fn = fn
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            value = self._fn()
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the GUI thread
            self._runner._finished.emit(self._task_id, False, (exc, traceback.format_exc()))
        else:
            self._runner._finished.emit(self._task_id, True, value)


class TaskRunner(QObject):
    """``run(lane, fn, on_done, on_error)``: ``fn`` runs in the lane's thread, callbacks in the GUI thread."""

    # Emitted from a worker thread; the runner lives in the GUI thread, so delivery is queued there.
    _finished = Signal(int, bool, object)

    def __init__(self, parent: QObject | None = None, *, inline: bool = False,
                 default_error: ErrorCallback | None = None) -> None:
        super().__init__(parent)
        self.inline = inline
        self.default_error = default_error
        self._ids = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self._pools: dict[str, QThreadPool] = {}
        for lane in LANES:
            pool = QThreadPool(self)
            pool.setMaxThreadCount(1)  # one worker per lane: tasks of a lane run in order
            pool.setExpiryTimeout(-1)
            self._pools[lane] = pool
        self._finished.connect(self._deliver)

    def run(self, lane: str, fn: Callable[[], Any], on_done: DoneCallback | None = None,
            on_error: ErrorCallback | None = None) -> None:
        if lane not in self._pools:
            raise ValueError(f"unknown lane {lane!r}")
        task_id = next(self._ids)
        self._pending[task_id] = _Pending(on_done, on_error)
        if self.inline:
            try:
                value = fn()
            except BaseException as exc:  # noqa: BLE001 - same contract as the threaded mode
                self._deliver(task_id, False, (exc, traceback.format_exc()))
            else:
                self._deliver(task_id, True, value)
            return
        self._pools[lane].start(_Job(self, task_id, fn))

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def wait(self, msecs: int = -1) -> bool:
        """Block until every lane is idle (used on close so a last draft save reaches the disk)."""
        return all(pool.waitForDone(msecs) for pool in self._pools.values())

    @Slot(int, bool, object)
    def _deliver(self, task_id: int, ok: bool, value: object) -> None:
        pending = self._pending.pop(task_id, None)
        if pending is None:
            return
        if ok:
            if pending.on_done is not None:
                pending.on_done(value)
            return
        exc, details = value  # type: ignore[misc]
        handler = pending.on_error or self.default_error
        if handler is not None:
            handler(exc, details)
        else:
            raise exc
