"""A reinstalled workstation continues its dossier codes after the province's, instead of reusing them."""
# ruff: noqa: F811 - fixtures imported from conftest_client are redefined as test parameters by design

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
import requests
from conftest_client import client_db, client_dir, receive, server, server_rows, settings  # noqa: F401,I001
from sqlalchemy import select

from app import paths
from app.models import CodeCounter
from sync.backoff import Backoff
from sync.engine import NEEDS_ATTENTION, UP_TO_DATE, SyncEngine
from sync.protocol import CODE_COUNTERS_PATH
from sync.server.db import ServerDatabase, local_now
from sync.server.models import ServerDossier
from sync.transport import Transport


def make_engine(db, url, token):
    return SyncEngine(db, url, token, backoff=Backoff(base_s=0, cap_s=0), timeouts=(2.0, 3.0))


def reinstalled_database(tmp_path):
    """An empty workstation database in a new data directory: the same PC after a reinstall."""
    from app.catalogue import ensure_seeded
    from app.db import open_database

    paths.set_data_dir(tmp_path / "reinstalled")
    database = open_database()
    with database.session() as session:
        ensure_seeded(session)
    return database


def reinstall_alert_only(report) -> bool:
    """The reinstalled database's audit chain starts again, which the province rightly flags; nothing else
    may be wrong."""
    return all(e.startswith("Nhật ký kiểm tra trên máy này") for e in report.errors)


def local_counter(db, unit_id: str, day: str, slot: int) -> int | None:
    with db.session() as session:
        return session.scalar(select(CodeCounter.last).where(
            CodeCounter.unit_id == unit_id, CodeCounter.day == day, CodeCounter.slot == slot))


def seed_server_codes(server, codes: list[str], unit_id: str) -> None:
    """Dossier rows as the server stores them; only the codes matter here."""
    db = ServerDatabase(server.db_url)
    try:
        with db.session() as session:
            for code in codes:
                session.add(ServerDossier(id=f"seeded-{code}", code=code, unit_id=unit_id, revision=1, payload={},
                                          status=2, updated_at=local_now(), received_from="seed"))
    finally:
        db.close()


@pytest.fixture
def token(server, settings):
    """A workstation of the unit the client's codes name (the fixture's default workstation is another unit)."""
    return server.enroll("workstation-reinstalled", settings.unit_id)


def test_reinstalled_workstation_continues_after_its_own_codes_on_the_server(client_db, settings, server, token,
                                                                              tmp_path):
    made = [receive(client_db, settings, name=f"Nguyễn Văn {n}") for n in "ABC"]
    report = make_engine(client_db, server.url, token).run_once()
    assert report.state == UP_TO_DATE and report.acknowledged == 3, report.errors
    last_code = made[-1].code
    day, number = last_code.split("-")[-2], int(last_code.split("-")[-1])
    assert number == settings.workstation_slot * 1000 + 2

    fresh = reinstalled_database(tmp_path)
    try:
        assert local_counter(fresh, settings.unit_id, day, settings.workstation_slot) is None
        report = make_engine(fresh, server.url, token).run_once()
        assert reinstall_alert_only(report), report.errors
        assert local_counter(fresh, settings.unit_id, day, settings.workstation_slot) == number
        dossier = receive(fresh, settings, name="Trần Thị Hoa")
        assert dossier.code == f"{settings.unit_id}-{day}-{number + 1:04d}"
        report = make_engine(fresh, server.url, token).run_once()
        assert report.acknowledged == 1 and report.queued == 0 and reinstall_alert_only(report), report.errors
    finally:
        fresh.close()
    assert sorted(r[1] for r in server_rows(server.db_path)) == sorted([d.code for d in made] + [dossier.code])


def test_a_conflict_before_the_first_sync_waits_and_tells_the_official_what_to_do(client_db, settings, server,
                                                                                  token, tmp_path):
    for n in "ABC":
        receive(client_db, settings, name=f"Phạm Thị {n}")
    assert make_engine(client_db, server.url, token).run_once().state == UP_TO_DATE
    fresh = reinstalled_database(tmp_path)
    try:
        early = receive(fresh, settings, name="Lê Văn Bình")  # issued offline, before any sync
        report = make_engine(fresh, server.url, token).run_once()
        assert report.state == NEEDS_ATTENTION and report.queued == 1
        assert any(early.code in e and "cấp lại mã" in e for e in report.errors), report.errors
        # The run still caught the counter up: the next dossier does not collide again.
        later = receive(fresh, settings, name="Lê Văn Cường")
        assert later.code.split("-")[-1] == f"{settings.workstation_slot * 1000 + 3:04d}"
    finally:
        fresh.close()


def test_the_counter_is_never_lowered(client_db, settings, server, token):
    receive(client_db, settings)
    today = f"{datetime.now():%y%m%d}"
    slot = settings.workstation_slot
    with client_db.session() as session:
        session.get(CodeCounter, (settings.unit_id, today, slot)).last = slot * 1000 + 40
    report = make_engine(client_db, server.url, token).run_once()
    assert report.state == UP_TO_DATE, report.errors
    assert local_counter(client_db, settings.unit_id, today, slot) == slot * 1000 + 40
    assert receive(client_db, settings).code.endswith(f"-{slot * 1000 + 41:04d}")


def test_an_older_server_without_the_endpoint_is_skipped(client_db, settings, server, token, monkeypatch):
    import sync.server.app as server_app

    real = server_app.create_app

    def without_code_counters(*args, **kwargs):
        app = real(*args, **kwargs)
        app.router.routes[:] = [r for r in app.router.routes if getattr(r, "path", "") != CODE_COUNTERS_PATH]
        return app

    server.stop()
    monkeypatch.setattr(server_app, "create_app", without_code_counters)
    server.start()
    assert Transport(server.url, token).request("GET", CODE_COUNTERS_PATH).status == 404
    receive(client_db, settings)
    report = make_engine(client_db, server.url, token).run_once()
    assert report.state == UP_TO_DATE and report.acknowledged == 1 and not report.errors


def test_the_endpoint_reports_the_top_of_each_block_of_the_callers_unit_only(server, settings, token):
    unit, other = settings.unit_id, "000.00.07.H56"
    seed_server_codes(server, [
        f"{unit}-270204-0003", f"{unit}-270204-1000", f"{unit}-270204-1017", f"{unit}-270204-2005",
        f"{unit}-270204-1999x",  # not a code this system issues: ignored
        f"{unit}-270203-1500", f"{unit}-270201-1900",  # a day not asked for
        f"{other}-270204-1800",  # another unit
    ], unit)
    url = server.url + CODE_COUNTERS_PATH
    reply = requests.get(url, params={"days": "270204,270203"}, headers=server.auth(token), timeout=5)
    assert reply.status_code == 200
    body = reply.json()
    assert body["unit_id"] == unit
    assert sorted((c["day"], c["slot"], c["last"]) for c in body["counters"]) == [
        ("270203", 1, 1500), ("270204", 0, 3), ("270204", 1, 1017), ("270204", 2, 2005)]
    # Without days: the server's today and yesterday.
    seed_server_codes(server, [f"{unit}-{local_now() - timedelta(days=1):%y%m%d}-1004"], unit)
    body = requests.get(url, headers=server.auth(token), timeout=5).json()
    assert [(c["slot"], c["last"]) for c in body["counters"]] == [(1, 1004)]
    for bad in ("2702", "270230", ",".join(f"2702{d:02d}" for d in range(1, 9))):
        refused = requests.get(url, params={"days": bad}, headers=server.auth(token), timeout=5)
        assert refused.status_code == 400 and refused.json()["code"] in ("invalid_day", "too_many_days")
    assert requests.get(url, timeout=5).status_code == 401
