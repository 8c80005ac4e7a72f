"""Cost of encryption at rest, measured against plain SQLite in the same run.

Intake: ``receive_dossier`` ×200, one transaction each, as at the counter. Search: the median of 50 queries on
20,000 dossiers (the same generated data, encrypted in place for the keyed run, which also times the
migration of an existing plaintext database). Attachments: 1 MiB scans stored and read back.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import time
from datetime import date, datetime

import pytest

from app import clock, paths
from app.attachments import AttachmentStore, IdentityCipher
from app.catalogue import ensure_seeded
from app.db import open_database
from app.security.filecrypt import AesGcmCipher
from app.services import dossiers as svc
from app.services.intake import DocumentInput, IntakeRequest, Party
from app.services.search import search_dossiers
from app.settings import Settings
from tests.bench.dataset import FAMILY, GIVEN, MIDDLE, build

pytestmark = pytest.mark.bench
INTAKES = int(os.environ.get("MOTCUA_BENCH_INTAKES", "200"))
DOSSIERS = int(os.environ.get("MOTCUA_BENCH_DOSSIERS_ENC", "20000"))
QUERIES = 50


def _request(i: int) -> IntakeRequest:
    rng = random.Random(i)
    return IntakeRequest(
        procedure_code="1.004873",
        applicant=Party(name=f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}",
                        id_number="001099012345", birth_date=date(1999, 8, 15), sex="Nam",
                        address="Thôn Phước Hưng, xã Tân Lập", phone="0912345678"),
        documents=[DocumentInput(name="Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", originals=1)],
        received_at=datetime(2027, 3, 4, 9, 15),
    )


def _intake_seconds(path, key: bytes | None) -> float:
    db = open_database(path, key=key)
    with db.session() as session:
        ensure_seeded(session)
    settings = Settings(operator_name="Trần Thị Lan")
    t0 = time.perf_counter()
    for i in range(INTAKES):
        with db.session() as session:
            svc.receive_dossier(session, settings, _request(i))
    elapsed = time.perf_counter() - t0
    db.close()
    return elapsed


def _queries() -> list[str]:
    rng = random.Random(11)
    words = [w.lower() for w in FAMILY + MIDDLE + GIVEN]
    from app.text import fold

    return [fold(" ".join(rng.sample(words, rng.choice([1, 2, 3])))) for _ in range(QUERIES)]


def _search_median_ms(db, queries: list[str]) -> float:
    samples = []
    with db.session() as session:
        search_dossiers(session, queries[0], limit=200)  # warm the page cache
        for query in queries:
            t0 = time.perf_counter()
            search_dossiers(session, query, limit=200)
            samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples)


@pytest.fixture
def data_dir(tmp_path):
    paths.set_data_dir(tmp_path / "data")  # migration backups and seed data stay in the temp folder
    clock.set_clock(lambda: datetime(2027, 3, 4, 9, 20))  # the intakes below are received at 09:15
    yield tmp_path / "data"
    clock.set_clock(None)
    paths.set_data_dir(None)


def test_encryption_cost(tmp_path, data_dir):
    key = os.urandom(32)
    print()
    plain_intake = _intake_seconds(tmp_path / "intake-plain.sqlite3", None)
    enc_intake = _intake_seconds(tmp_path / "intake-enc.sqlite3", key)
    print(f"intake x{INTAKES}: plain {plain_intake * 1000 / INTAKES:6.2f} ms/dossier   "
          f"encrypted {enc_intake * 1000 / INTAKES:6.2f} ms/dossier   ratio {enc_intake / plain_intake:4.2f}x")

    plain_path = tmp_path / "search-plain.sqlite3"
    build(plain_path, DOSSIERS)
    enc_path = tmp_path / "search-enc.sqlite3"
    shutil.copyfile(plain_path, enc_path)
    size_mb = plain_path.stat().st_size / 1e6
    t0 = time.perf_counter()
    open_database(enc_path, key=key).close()  # encrypts the plaintext copy in place
    migrate = time.perf_counter() - t0
    print(f"in-place encryption of {DOSSIERS} dossiers ({size_mb:.1f} MB): {migrate:.2f} s")

    t0 = time.perf_counter()
    plain = open_database(plain_path)
    plain_open = time.perf_counter() - t0
    t0 = time.perf_counter()
    enc = open_database(enc_path, key=key)
    enc_open = time.perf_counter() - t0
    print(f"open: plain {plain_open * 1000:6.1f} ms   encrypted {enc_open * 1000:6.1f} ms")
    queries = _queries()
    plain_ms = _search_median_ms(plain, queries)
    enc_ms = _search_median_ms(enc, queries)
    print(f"search median of {QUERIES} on {DOSSIERS}: plain {plain_ms:6.2f} ms   encrypted {enc_ms:6.2f} ms   "
          f"ratio {enc_ms / plain_ms:4.2f}x")
    plain.close()
    enc.close()

    scans = [b"\xff\xd8\xff\xe0" + os.urandom(1 << 20) for _ in range(20)]
    for name, cipher in (("identity", IdentityCipher()), ("aesgcm-v1", AesGcmCipher(os.urandom(32)))):
        store = AttachmentStore(tmp_path / f"att-{name}", cipher=cipher)
        t0 = time.perf_counter()
        stored = [store.put_bytes(s, pages=1) for s in scans]
        put = (time.perf_counter() - t0) * 1000 / len(scans)
        t0 = time.perf_counter()
        for item in stored:
            store.read(item.sha256)
        read = (time.perf_counter() - t0) * 1000 / len(scans)
        print(f"attachment 1 MiB {name:9}: put {put:6.2f} ms   read {read:6.2f} ms")
