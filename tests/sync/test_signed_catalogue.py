"""Catalogue releases pulled from the reference server apply only with a valid signature by a trusted key."""
# ruff: noqa: F811 - fixtures imported from conftest_client are redefined as test parameters by design

from __future__ import annotations

import base64
import json

import pytest
from conftest_client import client_db, client_dir, server, settings  # noqa: F401,I001
from sqlalchemy import select, update

from app.catalogue import catalogue_version, seed_catalogue_path
from app.models import AuditEntry
from app.security import audit
from app.security.signing import (
    CATALOGUE,
    TRANSFER,
    generate_private_key,
    make_envelope_doc,
    public_key_text,
)
from sync import state
from sync.backoff import Backoff
from sync.engine import NEEDS_ATTENTION, UP_TO_DATE, SyncEngine
from sync.server.db import ServerDatabase
from sync.server.models import CatalogueEnvelope
from sync.server.signing_key import load_or_create


def _publish(server, tmp_path, version: str) -> int:
    data = json.loads(seed_catalogue_path().read_text(encoding="utf-8"))
    data["version"] = version
    data["procedures"][0]["name"] = f"Thủ tục đổi tên ({version})"
    source = tmp_path / f"{version}.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return server.publish_catalogue(source)


def _envelope(server, seq: int) -> dict:
    db = ServerDatabase(server.db_url)
    try:
        with db.session() as session:
            return dict(session.get(CatalogueEnvelope, seq).envelope)
    finally:
        db.close()


def _replace_envelope(server, seq: int, envelope: dict) -> None:
    db = ServerDatabase(server.db_url)
    try:
        with db.session() as session:
            session.execute(update(CatalogueEnvelope).where(CatalogueEnvelope.seq == seq)
                            .values(envelope=envelope))
    finally:
        db.close()


def _engine(client_db, server, keys) -> SyncEngine:
    return SyncEngine(client_db, server.url, server.token, backoff=Backoff(base_s=0, cap_s=0), catalogue_keys=keys)


def _version_and_cursor(client_db) -> tuple[str | None, str | None]:
    with client_db.session() as session:
        return catalogue_version(session), state.get(session, state.CATALOGUE_CURSOR)


def _rejections(client_db) -> int:
    with client_db.session() as session:
        return len(session.execute(select(AuditEntry.seq).where(
            AuditEntry.action == audit.SIGNATURE_REJECTED)).all())


def test_a_valid_release_is_applied(client_db, server, tmp_path):
    seq = _publish(server, tmp_path, "2027.1")
    engine = _engine(client_db, server, [server.catalogue_public_key])
    report = engine.run_once()
    engine.close()
    assert report.state == UP_TO_DATE, report.errors
    assert report.catalogue_updates > 0
    assert _version_and_cursor(client_db) == ("2027.1", str(seq))


def _forged(server, payload: bytes) -> dict:
    """Signed by an attacker's key, but claiming the trusted key's id."""
    doc = make_envelope_doc(payload, generate_private_key(), CATALOGUE)
    doc["key_id"] = _envelope(server, 1)["key_id"]
    return doc


def _tampered(envelope: dict) -> dict:
    payload = bytearray(base64.b64decode(envelope["payload"]))
    position = payload.index(b"2027.1")
    payload[position + 5] = ord("9")  # "2027.9": one byte changed, signature kept
    return {**envelope, "payload": base64.b64encode(bytes(payload)).decode()}


CASES = {
    "unsigned": lambda server, env, payload: {"procedures": json.loads(payload)["procedures"]},
    "forged": lambda server, env, payload: _forged(server, payload),
    "wrong_purpose": lambda server, env, payload: make_envelope_doc(
        payload, load_or_create(server.signing_key_path), TRANSFER),
    "wrong_key": lambda server, env, payload: make_envelope_doc(payload, generate_private_key(), CATALOGUE),
    "tampered_byte": lambda server, env, payload: _tampered(env),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_bad_signature_keeps_the_old_catalogue(client_db, server, tmp_path, case):
    with client_db.session() as session:
        before = catalogue_version(session)
    seq = _publish(server, tmp_path, "2027.1")
    genuine = _envelope(server, seq)
    _replace_envelope(server, seq, CASES[case](server, genuine, base64.b64decode(genuine["payload"])))
    engine = _engine(client_db, server, [server.catalogue_public_key])
    report = engine.run_once()
    assert report.state == NEEDS_ATTENTION
    assert report.catalogue_updates == 0
    assert any("danh mục thủ tục" in e and "chữ ký số" in e for e in report.errors), report.errors
    assert _version_and_cursor(client_db) == (before, None)  # old catalogue, cursor not moved: tried again
    engine.run_once()
    assert _rejections(client_db) == 1  # audited once per refused release, not on every run
    # Once the genuine release is served again, it applies.
    _replace_envelope(server, seq, genuine)
    report = engine.run_once()
    engine.close()
    assert report.state == UP_TO_DATE, report.errors
    assert _version_and_cursor(client_db) == ("2027.1", str(seq))


def test_without_a_configured_key_releases_are_refused_with_advice(client_db, server, tmp_path):
    engine = _engine(client_db, server, [])
    assert engine.run_once().state == UP_TO_DATE  # nothing published: nothing to complain about
    _publish(server, tmp_path, "2027.1")
    report = engine.run_once()
    engine.close()
    assert report.state == NEEDS_ATTENTION
    assert any("catalogue_public_keys" in e for e in report.errors)
    assert _version_and_cursor(client_db)[1] == "0"  # the cursor stays before the release


def test_an_older_genuine_release_replayed_is_refused(client_db, server, tmp_path):
    first = _publish(server, tmp_path, "2027.1")
    engine = _engine(client_db, server, [server.catalogue_public_key])
    assert engine.run_once().state == UP_TO_DATE
    second = _publish(server, tmp_path, "2027.2")
    _replace_envelope(server, second, _envelope(server, first))
    report = engine.run_once()
    engine.close()
    assert report.state == NEEDS_ATTENTION
    assert any("cũ hơn" in e for e in report.errors)
    assert _version_and_cursor(client_db) == ("2027.1", str(first))


def test_a_key_among_several_trusted_is_enough(client_db, server, tmp_path):
    _publish(server, tmp_path, "2027.1")
    other = public_key_text(generate_private_key())
    engine = _engine(client_db, server, [other, server.catalogue_public_key])
    report = engine.run_once()
    engine.close()
    assert report.state == UP_TO_DATE, report.errors
