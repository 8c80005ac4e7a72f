"""A generated database of many dossiers for benchmarks (realistic Vietnamese names and codes)."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path

from app.db import open_database
from app.ids import uuid7
from app.text import fold

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
          "Ngô", "Dương", "Lý", "Đinh", "Trương", "Lương", "Hà"]
MIDDLE = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quốc", "Thu", "Xuân", "Hồng", "Kim"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Đạt", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng", "Hương",
         "Khánh", "Lan", "Linh", "Long", "Mai", "Minh", "Nam", "Nga", "Nhung", "Phong", "Phúc", "Quân",
         "Quang", "Sơn", "Tâm", "Thảo", "Thắng", "Trang", "Trung", "Tuấn", "Việt", "Yến"]
PROCEDURES = [("1.001193", "Đăng ký khai sinh"), ("1.004873", "Cấp Giấy xác nhận tình trạng hôn nhân"),
              ("2.000815", "Chứng thực bản sao từ bản chính"), ("1.000656", "Đăng ký khai tử")]


def build(path: Path, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    db = open_database(path)
    start = datetime(2024, 1, 2, 7, 30)
    rows = []
    per_day: dict[str, int] = {}
    for i in range(count):
        received = start + timedelta(minutes=37 * i)
        day = f"{received:%y%m%d}"
        per_day[day] = per_day.get(day, 999) + 1
        code = f"000.00.06.H56-{day}-{per_day[day]:04d}"
        name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        id_number = f"0{rng.randint(1, 96):02d}{rng.choice('0123')}{rng.randint(0, 99):02d}{rng.randint(0, 999999):06d}"
        proc_code, proc_name = rng.choice(PROCEDURES)
        search = fold(f"{code} {name} {id_number} {proc_code} {proc_name}")
        rows.append((uuid7(), code, proc_code, proc_name, name, id_number, rng.choice([2, 4, 9, 10]),
                     received.isoformat(sep=" "), (received + timedelta(days=3)).isoformat(sep=" "), search,
                     received.isoformat(sep=" "), received.isoformat(sep=" ")))
    raw = db.engine.raw_connection()
    try:
        raw.executemany(
            "INSERT INTO dossiers (id, code, procedure_code, procedure_name, applicant_name, applicant_id_number,"
            " status, received_at, due_at, search_text, created_at, updated_at, field_name, applicant_kind,"
            " applicant_address, applicant_phone, applicant_email, request_summary, channel, sets_count,"
            " fee_amount, notes, result_place, returned_signature, calendar_version, catalogue_version,"
            " received_by, workstation)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,'','citizen','','','','',1,1,0,'','',0,'','','','')",
            rows,
        )
        raw.commit()
    finally:
        raw.close()
    db.close()
