"""The versions announced in the server's hello reach the report and the stored status."""
# ruff: noqa: F811 - fixtures imported from conftest_client are redefined as test parameters by design

from __future__ import annotations

from conftest import ServerHandle
from conftest_client import client_db, client_dir  # noqa: F401,I001

from app import __version__
from app.fleet import NoticeLevel, update_notice
from app.settings import Settings
from sync.engine import SyncEngine, status


def test_serve_options_set_the_hello_versions_and_the_engine_keeps_them(client_db, tmp_path):
    server = ServerHandle(tmp_path / "server", mode="process")
    server.extra_args = ["--min-client-version", "99.0", "--latest-client-version", "99.1"]
    server.start()
    try:
        engine = SyncEngine(client_db, server.url, server.token)
        report = engine.run_once()
        engine.close()
    finally:
        server.stop()
    assert (report.min_client_version, report.latest_client_version) == ("99.0", "99.1")
    st = status(client_db)
    assert (st.min_client_version, st.latest_client_version) == ("99.0", "99.1")
    notice = update_notice(__version__, {"min_client_version": st.min_client_version,
                                         "latest_client_version": st.latest_client_version}, settings=Settings())
    assert notice is not None and notice.level is NoticeLevel.WARNING and "99.1" in notice.message
    # Offline afterwards: the last announced versions are kept (a blocked client stays blocked).
    engine = SyncEngine(client_db, server.url, server.token)
    assert engine.run_once().min_client_version == ""
    engine.close()
    assert status(client_db).min_client_version == "99.0"


def test_the_status_command_prints_the_announced_versions(client_db, tmp_path, capsys):
    from sync import cli, state

    with client_db.session() as session:
        state.put(session, state.SERVER_MIN_CLIENT, "0.3.0")
        state.put(session, state.SERVER_LATEST_CLIENT, "0.4.0")
    assert cli.main(["status"]) == 0
    assert "tối thiểu 0.3.0, mới nhất 0.4.0" in capsys.readouterr().out
