"""Model-based test: intake, sync, lost replies, resets and restarts in any order lose and duplicate nothing.

Small by default so the normal run stays fast; ``MOTCUA_MODEL_EXAMPLES=200`` explores much more.
"""
# ruff: noqa: F811 - fixtures imported from conftest_client are redefined as test parameters by design

from __future__ import annotations

import itertools
import os

from conftest_client import receive, server, server_rows  # noqa: F401,I001
from hypothesis import HealthCheck, settings
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from app import paths
from app.db import open_database
from app.services import dossiers as svc
from app.settings import Settings
from app.status import Status
from sync.backoff import Backoff
from sync.engine import UP_TO_DATE, SyncEngine
from sync.faults import FaultProxy
from sync.transport import Transport

EXAMPLES = int(os.environ.get("MOTCUA_MODEL_EXAMPLES", "4"))
STEPS = int(os.environ.get("MOTCUA_MODEL_STEPS", "8"))


def test_nothing_lost_nothing_duplicated(server, tmp_path):
    host, port = server.url.removeprefix("http://").split(":")
    counter = itertools.count()
    with FaultProxy((host, int(port)), seed=11) as proxy:
        assert Transport(proxy.url).probe().ok
        hello_bytes = proxy.bytes_down

        class Counter(RuleBasedStateMachine):
            def __init__(self) -> None:
                super().__init__()
                proxy.heal()
                n = next(counter)
                paths.set_data_dir(tmp_path / f"client-{n}")
                # Each example is a new workstation database against the same server: a unit of its own
                # keeps printed dossier codes from colliding across examples.
                self.officer = Settings(operator_name="Trần Thị Lan", unit_id=f"000.{n // 100:02d}.{n % 100:02d}.H56")
                self.db = open_database()
                from app.catalogue import ensure_seeded

                with self.db.session() as s:
                    ensure_seeded(s)
                self.engine = self._engine()
                self.expected: dict[str, int] = {}  # dossier id -> local status

            def _engine(self) -> SyncEngine:
                return SyncEngine(self.db, proxy.url, server.token, backoff=Backoff(base_s=0, cap_s=0),
                                  timeouts=(2.0, 3.0))

            @rule()
            def intake(self) -> None:
                dossier = receive(self.db, self.officer, name=f"Công dân {len(self.expected)}")
                self.expected[dossier.id] = dossier.status

            @rule()
            def local_change(self) -> None:
                for dossier_id, status in self.expected.items():
                    if status == Status.RECEIVED:
                        with self.db.session() as s:
                            svc.start_processing(s, self.officer, dossier_id)
                        self.expected[dossier_id] = int(Status.PROCESSING)
                        return

            @rule()
            def sync_clean(self) -> None:
                proxy.heal()
                self.engine.run_once()

            @rule()
            def sync_with_lost_replies(self) -> None:
                proxy.configure(cut_after_bytes=hello_bytes, cut_direction="down")
                self.engine.run_once()
                proxy.heal()

            @rule()
            def sync_with_resets(self) -> None:
                proxy.configure(reset_prob=0.5, reset_window_bytes=4000)
                self.engine.run_once()
                proxy.heal()

            @rule()
            def restart(self) -> None:
                self.engine.close()
                self.db.close()
                self.db = open_database()
                self.engine = self._engine()

            @invariant()
            def local_queue_covers_unsent(self) -> None:
                from app import outbox

                with self.db.session() as s:
                    assert outbox.pending_count(s) <= len(self.expected)

            def teardown(self) -> None:
                try:
                    proxy.heal()
                    for _ in range(3):
                        if self.engine.run_once().state == UP_TO_DATE:
                            break
                    rows = {r[0]: r for r in server_rows(server.db_path)}
                    for dossier_id, status in self.expected.items():
                        assert dossier_id in rows, "a dossier never reached the server"
                        assert rows[dossier_id][3] == status, "the server holds an older state"
                    from app import outbox

                    with self.db.session() as s:
                        assert outbox.pending_count(s) == 0
                finally:
                    self.engine.close()
                    self.db.close()
                    paths.set_data_dir(None)

        run_state_machine_as_test(Counter, settings=settings(
            max_examples=EXAMPLES, stateful_step_count=STEPS, deadline=None,
            suppress_health_check=list(HealthCheck)))
