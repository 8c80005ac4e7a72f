"""Search on a generated database: FTS5 over the folded column vs a LIKE scan baseline (same run)."""

from __future__ import annotations

import os
import statistics
import time

import pytest
from sqlalchemy import text

from app.db import open_database
from app.services.search import search_dossiers
from tests.bench.dataset import build

pytestmark = pytest.mark.bench
COUNT = int(os.environ.get("MOTCUA_BENCH_DOSSIERS", "100000"))
QUERIES = ["nguyen van dat", "tran thi hoa", "dang minh", "000.00.06.h56-2403", "0790", "khai sinh le thi"]


def median_ms(fn, repeat: int = 30) -> float:
    fn()
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples)


def test_search_speed(tmp_path):
    path = tmp_path / "bench.sqlite3"
    t0 = time.perf_counter()
    build(path, COUNT)
    print(f"\nbuilt {COUNT} dossiers in {time.perf_counter() - t0:.1f} s")
    db = open_database(path)
    with db.session() as session:
        for query in QUERIES:
            fts = median_ms(lambda q=query: search_dossiers(session, q, limit=200))
            words = query.split()
            clause = " AND ".join(f"search_text LIKE :w{i}" for i in range(len(words)))
            params = {f"w{i}": f"%{w}%" for i, w in enumerate(words)}
            like = median_ms(lambda c=clause, p=params: session.execute(
                text(f"SELECT id FROM dossiers WHERE {c} ORDER BY seq DESC LIMIT 200"), p).all(), repeat=5)
            hits = len(search_dossiers(session, query, limit=200))
            print(f"search {query!r:28} FTS5 {fts:7.2f} ms   LIKE scan {like:8.2f} ms   "
                  f"ratio {like / fts:6.1f}x   hits {hits}")
    print("target: <= 20 ms at 1,000,000 dossiers (issue 7); set MOTCUA_BENCH_DOSSIERS to change the size")
    db.close()
