"""Search on a generated database: FTS5 over the folded column vs a LIKE scan baseline (same run)."""

from __future__ import annotations

import hashlib
import os
import statistics
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from app.db import HEAD_REVISION, open_database
from app.services import search as search_module
from app.services.search import search_dossiers
from tests.bench import dataset
from tests.bench.dataset import build

pytestmark = pytest.mark.bench
COUNT = int(os.environ.get("MOTCUA_BENCH_DOSSIERS", "100000"))
QUERIES = ["nguyen van dat", "tran thi hoa", "dang minh", "000.00.06.h56-2403", "0790", "khai sinh le thi"]


CACHE_DIR = Path(os.environ.get("MOTCUA_BENCH_CACHE", "/tmp"))


def cached_dataset(count: int) -> Path:
    """The generated database of ``count`` dossiers, built once and kept under ``CACHE_DIR``.

    Building a million dossiers takes minutes; the file is keyed by the generator's source and the schema
    head, so a change to either builds a fresh one. Benchmarks open it read-mostly: searches only.
    """
    source = Path(dataset.__file__).read_bytes()
    key = hashlib.sha256(source + HEAD_REVISION.encode()).hexdigest()[:12]
    path = CACHE_DIR / f"motcua-bench-{count}-{key}.sqlite3"
    if not path.exists():
        partial = path.with_name(path.name + ".partial")
        for leftover in partial.parent.glob(partial.name + "*"):
            leftover.unlink()
        t0 = time.perf_counter()
        build(partial, count)
        # The generator closed its database (WAL checkpointed); the rename publishes a complete file only.
        partial.rename(path)
        print(f"\nbuilt {count} dossiers in {time.perf_counter() - t0:.1f} s (cached as {path})")
    return path


def median_ms(fn, repeat: int = 30) -> float:
    fn()
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples)


def cold_search(session, query: str) -> None:
    """A search with no word lists yet (a new connection, or after indexed text was rewritten)."""
    session.connection().connection.info.pop(getattr(search_module, "_CACHE_KEY", ""), None)
    search_dossiers(session, query, limit=200)


def search_after_new_dossier(session, query: str) -> float:
    """Milliseconds of a search right after a dossier was added (its words join the planner's lists);
    the row is a copy of the newest one and is rolled back, so the cached database stays as built."""
    columns = [row[1] for row in session.execute(text("PRAGMA table_info(dossiers)")) if row[1] != "seq"]
    values = ["lower(hex(randomblob(16)))" if c == "id" else "code || '-' || hex(randomblob(2))" if c == "code"
              else c for c in columns]
    session.execute(text(f"INSERT INTO dossiers ({', '.join(columns)}) SELECT {', '.join(values)} "
                         "FROM dossiers ORDER BY seq DESC LIMIT 1"))
    t0 = time.perf_counter()
    search_dossiers(session, query, limit=200)
    elapsed = (time.perf_counter() - t0) * 1000
    session.rollback()
    return elapsed


def test_search_speed():
    db = open_database(cached_dataset(COUNT))
    with db.session() as session:
        for query in QUERIES:
            fts = median_ms(lambda q=query: search_dossiers(session, q, limit=200))
            cold = median_ms(lambda q=query: cold_search(session, q), repeat=10)
            search_dossiers(session, query, limit=200)
            fresh = statistics.median(search_after_new_dossier(session, query) for _ in range(10))
            words = query.split()
            clause = " AND ".join(f"search_text LIKE :w{i}" for i in range(len(words)))
            params = {f"w{i}": f"%{w}%" for i, w in enumerate(words)}
            like = median_ms(lambda c=clause, p=params: session.execute(
                text(f"SELECT id FROM dossiers WHERE {c} ORDER BY seq DESC LIMIT 200"), p).all(), repeat=5)
            hits = len(search_dossiers(session, query, limit=200))
            print(f"search {query!r:28} FTS5 {fts:7.2f} ms (after a new dossier {fresh:6.2f} ms, "
                  f"word lists rebuilt {cold:6.2f} ms)   "
                  f"LIKE scan {like:8.2f} ms   ratio {like / fts:6.1f}x   hits {hits}")
    print("target: <= 20 ms at 1,000,000 dossiers (issue 7); set MOTCUA_BENCH_DOSSIERS to change the size")
    db.close()
