"""The search planner: short prefixes become their indexed words, with exactly the rows and order of the
plain prefix query, and a change to the index is never answered from a stale word list."""

from __future__ import annotations

import random
from datetime import date, datetime

import pytest
from sqlalchemy import text

from app.db import open_database
from app.services import dossiers as svc
from app.services import search
from app.services.intake import DocumentInput, IntakeRequest, Party
from tests.bench.dataset import build


def receive(db, settings, name: str, id_number: str) -> str:
    request = IntakeRequest(
        procedure_code="1.004873",
        applicant=Party(name=name, id_number=id_number, birth_date=date(1985, 3, 2), sex="Nữ"),
        documents=[DocumentInput(name="Tờ khai cấp Giấy xác nhận tình trạng hôn nhân", code="GT01", originals=1),
                   DocumentInput(name="Giấy tờ tùy thân của người yêu cầu", code="GT04", originals=1)],
        received_at=datetime(2026, 3, 4, 9, 15),
    )
    with db.session() as session:
        return svc.receive_dossier(session, settings, request).dossier.code


def prefix_only(session, query: str, status: int | None = None, limit: int = 200) -> list[search.DossierRow]:
    """The search as it was before the planner: every word a prefix term, straight to FTS5."""
    match = search.fts_query(query)
    if status is None:
        sql = (f"SELECT {search._COLUMNS} FROM dossiers d WHERE d.seq IN (SELECT rowid FROM dossier_fts "
               "WHERE dossier_fts MATCH :match ORDER BY rowid DESC LIMIT :limit) ORDER BY d.seq DESC")
        params = {"match": match, "limit": limit}
    else:
        sql = (f"SELECT {search._COLUMNS} FROM dossier_fts f JOIN dossiers d ON d.seq = f.rowid "
               "WHERE dossier_fts MATCH :match AND d.status = :status ORDER BY f.rowid DESC LIMIT :limit")
        params = {"match": match, "status": status, "limit": limit}
    return [search._row(r) for r in session.execute(text(sql), params).all()]


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    path = tmp_path_factory.mktemp("planner") / "generated.sqlite3"
    build(path, 4000)
    database = open_database(path)
    yield database
    database.close()


def test_short_prefixes_are_spelled_out_as_their_words(generated):
    with generated.session() as session:
        match = search.planned_match(session, "Trần Thị Hoa")
        assert match == '("tran" OR "trang") AND "thi" AND ("hoa" OR "hoang")'
        assert search.planned_match(session, "le le") == '"le"'  # a repeated word is one condition
        assert search.planned_match(session, "") is None
        assert search.planned_match(session, "qqq nguyen") == ""  # no indexed word starts with qqq


def test_a_prefix_of_many_words_stays_a_prefix_term(generated):
    with generated.session() as session:
        assert search.prefix_words(session, "0") is None  # thousands of ID numbers start with 0
        assert search.planned_match(session, "nguyen 0") == '"nguyen" AND "0"*'


def test_unknown_words_find_nothing_without_asking_fts(generated):
    with generated.session() as session:
        assert search.search_dossiers(session, "nguyen zzzz") == []
        assert prefix_only(session, "nguyen zzzz") == []


QUERY_WORDS = ["nguyen", "van", "dat", "tran", "thi", "hoa", "dang", "minh", "le", "khai", "sinh", "h", "ng", "t",
               "tr", "0", "079", "1.00", "000.00.06.h56-24", "hoang", "x", "cap", "giay", "ha", "hai", "q", "sao",
               "ban", "chung", "Đặng", "TRẦN", "hồ"]


@pytest.mark.parametrize("status", [None, 2, 9])
def test_same_rows_in_the_same_order_as_the_prefix_query(generated, status):
    rnd = random.Random(status or 0)
    queries = [" ".join(rnd.sample(QUERY_WORDS, rnd.randint(1, 4))) for _ in range(150)]
    with generated.session() as session:
        for query in queries:
            for limit in (5, 200):
                expected = prefix_only(session, query, status, limit)
                assert search.search_dossiers(session, query, status=status, limit=limit) == expected, query
        # The comparison must be able to fail: the planner really answers most queries with rows.
        assert sum(bool(search.search_dossiers(session, q, status=status)) for q in queries) > 50


def test_a_new_word_is_found_in_the_same_transaction(db, settings):
    receive(db, settings, "Phạm Thị Mơ", "001185002468")
    with db.session() as session:
        assert [r.applicant_name for r in search.search_dossiers(session, "mo")] == ["Phạm Thị Mơ"]
        request = IntakeRequest(
            procedure_code="1.004873",
            applicant=Party(name="Mộng Văn Tư", id_number="001090000001", birth_date=date(1990, 1, 1), sex="Nam"),
            documents=[DocumentInput(name="Tờ khai", code="GT01", originals=1),
                       DocumentInput(name="Giấy tờ tùy thân", code="GT04", originals=1)],
            received_at=datetime(2026, 3, 4, 9, 20),
        )
        svc.receive_dossier(session, settings, request)  # not committed yet
        names = [r.applicant_name for r in search.search_dossiers(session, "mo")]
        assert names == ["Mộng Văn Tư", "Phạm Thị Mơ"]


def test_a_word_committed_by_another_connection_is_found(db, settings, data_dir):
    receive(db, settings, "Phạm Thị Mơ", "001185002468")
    with db.session() as session:
        assert len(search.search_dossiers(session, "mo thi")) == 1  # the word list of "mo" is now cached
    other = open_database(data_dir / "motcua.sqlite3")
    try:
        receive(other, settings, "Mộng Thị Lụa", "001185002469")
    finally:
        other.close()
    with db.session() as session:
        names = [r.applicant_name for r in search.search_dossiers(session, "mo thi")]
    assert names == ["Mộng Thị Lụa", "Phạm Thị Mơ"]


def test_other_committed_writes_keep_the_word_lists(db, settings):
    """Drafts, audit lines and sync state are written all day; they do not touch the index."""
    from app.services.drafts import save_draft

    receive(db, settings, "Phạm Thị Mơ", "001185002468")
    with db.session() as session:
        search.search_dossiers(session, "mo thi")
        cache = session.connection().connection.info[search._CACHE_KEY]
    with db.session() as session:
        save_draft(session, {"applicant": {"name": "Lê Văn Tám"}})
    with db.session() as session:
        search.search_dossiers(session, "mo thi")
        assert session.connection().connection.info[search._CACHE_KEY] is cache


def test_typing_a_query_letter_by_letter(generated):
    """Each keystroke is a new prefix; a longer one is derived from a shorter one's list, with the same rows."""
    typed = "khai sinh tran thi hoang 0"
    with generated.session() as session:
        for end in range(1, len(typed) + 1):
            query = typed[:end]
            assert search.search_dossiers(session, query) == prefix_only(session, query), query
        cache = session.connection().connection.info[search._CACHE_KEY].lists
        assert cache["hoan"] == cache["hoang"] == ["hoang"]


def cached_lists(session):
    return session.connection().connection.info[search._CACHE_KEY]


def test_a_new_dossier_extends_the_word_lists_in_place(db, settings):
    """The everyday case: after an intake the lists are extended from the new row, not rebuilt."""
    receive(db, settings, "Phạm Thị Mơ", "001185002468")
    with db.session() as session:
        search.search_dossiers(session, "mo thi")
        cache = cached_lists(session)
    receive(db, settings, "Mộng Thị Lụa", "001185002469")
    with db.session() as session:
        names = [r.applicant_name for r in search.search_dossiers(session, "mo thi")]
        assert cached_lists(session) is cache and cache.lists["mo"] == ["mo", "mong"]
    assert names == ["Mộng Thị Lụa", "Phạm Thị Mơ"]


def test_rewritten_search_text_rebuilds_the_word_lists(db, settings):
    """A purge or a hand fix rewrites indexed text in place: a trigger bumps the generation."""
    code = receive(db, settings, "Phạm Thị Mơ", "001185002468")
    with db.session() as session:
        assert search.search_dossiers(session, "xuyen") == []
        cache = cached_lists(session)
    with db.session() as session:
        session.execute(text("UPDATE dossiers SET search_text = search_text || ' xuyen' WHERE code = :c"),
                        {"c": code})
    with db.session() as session:
        assert [r.code for r in search.search_dossiers(session, "xuy")] == [code]
        assert cached_lists(session) is not cache


def test_a_rolled_back_intake_does_not_hide_the_next_one(db, settings):
    """Seq numbers of a rolled-back insert are used again: the lists must not count them as seen."""
    receive(db, settings, "Phạm Thị Mơ", "001185002468")
    with db.session() as session:
        search.search_dossiers(session, "mo")
    session = db.sessions()
    try:
        request = IntakeRequest(
            procedure_code="1.004873",
            applicant=Party(name="Mộng Văn Tư", id_number="001090000001", birth_date=date(1990, 1, 1), sex="Nam"),
            documents=[DocumentInput(name="Tờ khai", code="GT01", originals=1),
                       DocumentInput(name="Giấy tờ tùy thân", code="GT04", originals=1)],
            received_at=datetime(2026, 3, 4, 9, 20),
        )
        svc.receive_dossier(session, settings, request)
        assert len(search.search_dossiers(session, "mo")) == 2
        session.rollback()
    finally:
        session.close()
    receive(db, settings, "Mộc Thị Lan", "001185002470")
    with db.session() as session:
        assert [r.applicant_name for r in search.search_dossiers(session, "moc")] == ["Mộc Thị Lan"]
