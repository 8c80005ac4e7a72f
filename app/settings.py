"""Typed settings of one workstation, stored as JSON written atomically.

Every setting is declared once here with its default. Unknown keys in the file are kept (a newer version of
the app may have written them) and a malformed file is set aside rather than silently overwritten.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field, fields
from datetime import time
from pathlib import Path

from app.errors import ValidationError
from app.fsutil import atomic_write_text
from app.i18n import tr
from app.paths import settings_path

UNIT_ID_RE = re.compile(r"^[0-9A-Z]{2,4}(\.[0-9A-Z]{2,4}){2,4}$")
TIME_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def parse_hhmm(value: str) -> time:
    if not TIME_RE.match(value or ""):
        raise ValidationError(tr("Giờ không hợp lệ: “{value}” (dạng HH:MM, ví dụ 07:00).", value=value))
    hours, minutes = value.split(":")
    return time(int(hours), int(minutes))


@dataclass
class Settings:
    # Unit identifier per TT 10/2016/TT-BTTTT; the prefix of every dossier code.
    unit_id: str = "000.00.06.H56"
    unit_name: str = "UBND xã Tân Lập"
    parent_agency: str = "UBND TỈNH MẪU"
    unit_address: str = "Bộ phận Một cửa, UBND xã Tân Lập"
    unit_phone: str = ""
    # Head of the unit, printed under the signature of the apology (form 04).
    leader_name: str = ""
    workstation_name: str = "Quầy 1"
    # Slot 0–9 reserves the block XXXX = slot*1000 .. slot*1000+999 of the daily sequence (see dossier_codes).
    workstation_slot: int = 1
    operator_name: str = "Cán bộ một cửa"
    working_periods: list[list[str]] = field(default_factory=lambda: [["07:00", "11:30"], ["13:30", "17:00"]])
    saturday_morning: bool = False
    saturday_periods: list[list[str]] = field(default_factory=lambda: [["07:00", "11:30"]])
    same_day_cutoff: str = "15:00"
    working_day_hours: float = 8.0
    # Provincial server for sync; empty = work offline only. The workstation token lives in the OS keyring.
    server_url: str = ""
    sync_interval_seconds: int = 60
    # Transport trust (issue 5): a PEM bundle of the provincial CA used instead of the system store ("" = system
    # store), and optional pins: base64 SHA-256 of the server certificate's SubjectPublicKeyInfo (any one matches).
    server_ca_file: str = ""
    server_pins: list[str] = field(default_factory=list)
    # Ed25519 public keys (base64) trusted to sign catalogue updates pulled from the server or imported from a file.
    catalogue_public_keys: list[str] = field(default_factory=list)
    # "Send scans only on a good link / at night": minimum measured kbit/s (0 = any) and an HH:MM-HH:MM window.
    scans_min_kbps: int = 0
    scans_night_window: str = ""
    # Devices: the serial (USB-COM) ID-card reader and the preferred scanner ("" = the first one found).
    idcard_port: str = ""
    idcard_baudrate: int = 9600
    scanner_device: str = ""
    # Privacy: days after the result is returned and the province has confirmed receipt before the local copy of
    # a dossier's personal data and scans is removed (0 = keep). Unsynced data is never removed.
    retention_days: int = 0
    # Scheduled local backups: every N hours while the app runs (0 = off), keep the newest K, in this folder
    # ("" = the backups folder inside the data directory).
    backup_every_hours: int = 24
    backup_keep: int = 14
    backup_folder: str = ""
    language: str = "vi"
    ui_font_size: int = 11
    extra: dict = field(default_factory=dict)

    def validate(self) -> None:
        if not UNIT_ID_RE.match(self.unit_id):
            raise ValidationError(tr("Mã đơn vị “{value}” không đúng dạng (ví dụ 000.00.06.H56).", value=self.unit_id))
        if not (0 <= int(self.workstation_slot) <= 9):
            raise ValidationError(tr("Số hiệu máy trạm phải từ 0 đến 9."))
        for periods in (self.working_periods, self.saturday_periods):
            previous_end = None
            for start, end in periods:
                s, e = parse_hhmm(start), parse_hhmm(end)
                if s >= e or (previous_end and s < previous_end):
                    raise ValidationError(tr("Giờ làm việc {start}–{end} không hợp lệ.", start=start, end=end))
                previous_end = e
        parse_hhmm(self.same_day_cutoff)
        if not (0 <= int(self.retention_days) <= 36_500):
            raise ValidationError(tr("Thời hạn giữ bản sao hồ sơ phải từ 0 đến 36500 ngày."))
        if not (0 <= int(self.backup_every_hours) <= 24 * 30) or not (1 <= int(self.backup_keep) <= 1000):
            raise ValidationError(tr("Lịch sao lưu không hợp lệ: chu kỳ 0–720 giờ, giữ 1–1000 bản."))
        if not self.unit_name.strip():
            raise ValidationError(tr("Tên đơn vị không được để trống."))

    def to_json(self) -> str:
        data = asdict(self)
        extra = data.pop("extra")
        return json.dumps({**extra, **data}, ensure_ascii=False, indent=2)


_FIELD_NAMES = {f.name for f in fields(Settings)} - {"extra"}


def load_settings(path: Path | None = None) -> Settings:
    path = path or settings_path()
    if not path.exists():
        return Settings()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(raw, dict):
            raise ValueError("not an object")
    except (ValueError, UnicodeDecodeError):
        # Keep the unreadable file for inspection and start from defaults.
        path.replace(path.with_suffix(".broken.json"))
        return Settings()
    known = {k: v for k, v in raw.items() if k in _FIELD_NAMES}
    extra = {k: v for k, v in raw.items() if k not in _FIELD_NAMES}
    settings = Settings(**known, extra=extra)
    return settings


def save_settings(settings: Settings, path: Path | None = None) -> None:
    settings.validate()
    atomic_write_text(path or settings_path(), settings.to_json())
