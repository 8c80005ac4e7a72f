from __future__ import annotations

import json
from datetime import datetime

import pytest

from app.dossier_codes import BLOCK, next_code, parse_code, raise_counters
from app.errors import StateError, ValidationError
from app.fsutil import atomic_write_text
from app.ids import uuid7
from app.settings import Settings, load_settings, save_settings


def test_two_offline_workstations_never_issue_the_same_code(data_dir, db):
    day = datetime(2027, 2, 4, 9, 0)
    with db.session() as session:
        a = [next_code(session, "000.00.06.H56", 1, day) for _ in range(300)]
        b = [next_code(session, "000.00.06.H56", 2, day) for _ in range(300)]
        zero = [next_code(session, "000.00.06.H56", 0, day) for _ in range(3)]
    assert a[0] == "000.00.06.H56-270204-1000" and b[0] == "000.00.06.H56-270204-2000"
    assert zero == ["000.00.06.H56-270204-0001", "000.00.06.H56-270204-0002", "000.00.06.H56-270204-0003"]
    assert len(set(a) | set(b) | set(zero)) == 603
    assert parse_code(a[-1]) == {"unit": "000.00.06.H56", "day": "270204", "seq": "1299"}


def test_counter_restarts_each_day_and_block_exhaustion_is_refused(data_dir, db):
    with db.session() as session:
        assert next_code(session, "U.01.02", 3, datetime(2027, 2, 5, 8)).endswith("-270205-3000")
        for _ in range(BLOCK - 1):  # 3001..3999
            next_code(session, "U.01.02", 3, datetime(2027, 2, 5, 8))
        with pytest.raises(StateError):
            next_code(session, "U.01.02", 3, datetime(2027, 2, 5, 8))
        assert next_code(session, "U.01.02", 3, datetime(2027, 2, 6, 8)).endswith("-270206-3000")


def test_raised_counters_continue_after_the_provinces_numbers_and_never_go_back(data_dir, db):
    unit, day = "000.00.06.H56", datetime(2027, 2, 4, 9, 0)
    with db.session() as session:
        # A reinstalled slot 1 hears that 1000..1041 exist; slot 0 hears 0007; a malformed day, a number
        # outside its slot's block and an unknown slot are ignored.
        moved = raise_counters(session, unit, [("270204", 1, 1041), ("270204", 0, 7), ("2702", 1, 1500),
                                               ("270204", 2, 1999), ("270204", 10, 10_005)])
        assert moved == 2
        assert next_code(session, unit, 1, day) == f"{unit}-270204-1042"
        assert next_code(session, unit, 0, day) == f"{unit}-270204-0008"
        # Already past the province's numbers (and a stale, lower answer): nothing moves back.
        assert raise_counters(session, unit, [("270204", 1, 1042), ("270204", 1, 1010)]) == 0
        assert next_code(session, unit, 1, day) == f"{unit}-270204-1043"
        # Another slot's block and another day start where they always did.
        assert next_code(session, unit, 2, day) == f"{unit}-270204-2000"
        assert next_code(session, unit, 1, datetime(2027, 2, 5, 8)) == f"{unit}-270205-1000"
        # A block the province saw exhausted is refused here too rather than reused.
        raise_counters(session, unit, [("270205", 3, 3999)])
        with pytest.raises(StateError):
            next_code(session, unit, 3, datetime(2027, 2, 5, 8))


def test_parse_code_rejects_other_shapes():
    with pytest.raises(ValidationError):
        parse_code("H56-2702-1")


def test_uuid7_is_time_ordered_and_versioned():
    ids = [uuid7() for _ in range(50)]
    assert all(i[14] == "7" for i in ids)
    assert len(set(ids)) == 50


def test_settings_round_trip_keeps_unknown_keys(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"unit_name": "UBND xã Đắk Ơ", "future_option": 5}), encoding="utf-8")
    settings = load_settings(path)
    assert settings.unit_name == "UBND xã Đắk Ơ"
    save_settings(settings, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["future_option"] == 5 and data["unit_name"] == "UBND xã Đắk Ơ"


def test_broken_settings_file_is_set_aside(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("{not json", encoding="utf-8")
    assert load_settings(path) == Settings()
    assert (tmp_path / "settings.broken.json").exists()


@pytest.mark.parametrize(
    "change",
    [{"unit_id": "abc"}, {"workstation_slot": 12}, {"working_periods": [["13:00", "11:00"]]},
     {"same_day_cutoff": "25:00"}, {"unit_name": "  "}],
)
def test_invalid_settings_are_refused_in_vietnamese(tmp_path, change):
    settings = Settings(**change)
    with pytest.raises(ValidationError) as info:
        save_settings(settings, tmp_path / "s.json")
    assert info.value.message
    assert not (tmp_path / "s.json").exists()


def test_atomic_write_on_a_full_disk_keeps_the_old_file(tmp_path, monkeypatch):
    import errno
    import os

    from app.errors import StorageError

    target = tmp_path / "x.json"
    target.write_text("old", encoding="utf-8")

    def no_space(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(StorageError) as info:
        atomic_write_text(target, "new")
    assert "đầy" in info.value.message
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.json"]
