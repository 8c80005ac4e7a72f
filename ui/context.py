"""What every view needs, passed explicitly: the database, the settings, the task runner and the events."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from app.attachments import AttachmentStore
from app.changes import Changes
from app.db import Database
from app.settings import Settings
from ui.events import Events
from ui.tasks import ErrorCallback, TaskRunner

T = TypeVar("T")


@dataclass
class AppContext:
    db: Database
    settings: Settings
    tasks: TaskRunner
    events: Events
    # Scans go through the store of the open database, so they are encrypted with its key.
    store: AttachmentStore = field(default_factory=AttachmentStore)

    def run_db(self, fn: Callable[[Session], T], on_done: Callable[[T], None] | None = None,
               on_error: ErrorCallback | None = None) -> None:
        """Run ``fn(session)`` in one transaction on the database lane."""

        def job() -> Any:
            with self.db.session() as session:
                return fn(session)

        self.tasks.run("db", job, on_done, on_error)

    def mutate(self, fn: Callable[[Session], Any], on_done: Callable[[Any], None] | None = None,
               on_error: ErrorCallback | None = None) -> None:
        """Like :meth:`run_db` for a service returning an Outcome or Changes: publishes what changed."""

        def done(result: Any) -> None:
            changes = getattr(result, "changes", result)
            if isinstance(changes, Changes):
                self.events.publish(changes)
            if on_done is not None:
                on_done(result)

        self.run_db(fn, done, on_error)
