"""Fleet file: locating, validation (Vietnamese errors), defaults vs locked keys, and the update notice."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from app import fleet
from app.errors import ValidationError
from app.fleet import FleetConfig, NoticeLevel, apply_fleet_defaults, parse_fleet, update_notice, version_key
from app.settings import Settings, load_settings, save_settings

SAMPLE = {
    "format": 1,
    "province": "Tỉnh Mẫu",
    "settings": {
        "server_url": "https://motcua.tinhmau.gov.vn",
        "unit_id": "000.00.07.H56",
        "unit_name": "UBND xã Hoà Bình",
        "parent_agency": "UBND TỈNH MẪU",
    },
    "policies": {"require_login": True, "scans_min_kbps": 256, "sync_interval_seconds": 120,
                 "update_grace_days": 10},
    "locked": ["server_url", "unit_id", "require_login"],
    "workstations": {
        "PC-QUAY1": {"workstation_name": "Quầy 1", "workstation_slot": 1},
        "PC-QUAY2": {"workstation_name": "Quầy 2", "workstation_slot": 2},
    },
}


def _parse(raw: dict | None = None, hostname: str = "pc-quay2") -> FleetConfig:
    return parse_fleet(json.loads(json.dumps(raw or SAMPLE)), hostname=hostname)


# -- locating ------------------------------------------------------------------------------------------------
def test_env_path_is_the_only_candidate(tmp_path, monkeypatch):
    path = tmp_path / "fleet.json"
    monkeypatch.setenv(fleet.FLEET_ENV, str(path))
    assert fleet.fleet_config_candidates() == [path]
    with pytest.raises(ValidationError, match="Không tìm thấy tệp cấu hình chung"):
        fleet.find_fleet_config()
    path.write_text(json.dumps(SAMPLE), encoding="utf-8")
    assert fleet.find_fleet_config() == path


def test_frozen_bundle_looks_next_to_the_executable_first(tmp_path, monkeypatch):
    monkeypatch.delenv(fleet.FLEET_ENV, raising=False)
    monkeypatch.setattr(fleet.sys, "frozen", True, raising=False)
    monkeypatch.setattr(fleet.sys, "executable", str(tmp_path / "motcua"))
    candidates = fleet.fleet_config_candidates()
    assert candidates == [tmp_path / fleet.FLEET_FILE_NAME, fleet.system_fleet_path()]


def test_no_fleet_file_means_standalone(tmp_path, monkeypatch):
    monkeypatch.delenv(fleet.FLEET_ENV, raising=False)
    monkeypatch.setattr(fleet, "system_fleet_path", lambda: tmp_path / "absent.json")
    assert fleet.load_fleet() is None
    settings = Settings()
    assert apply_fleet_defaults(settings, None) is settings


def test_load_accepts_a_bom_and_reports_bad_json(tmp_path):
    path = tmp_path / "fleet.json"
    path.write_text(json.dumps(SAMPLE, ensure_ascii=False), encoding="utf-8-sig")
    assert fleet.load_fleet(path, hostname="x").values["unit_id"] == "000.00.07.H56"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ValidationError, match="không đúng định dạng JSON"):
        fleet.load_fleet(path)


# -- validation ----------------------------------------------------------------------------------------------
def test_parse_merges_sections_and_this_machine():
    config = _parse(hostname="PC-Quay2.tinhmau.local")
    assert config.values["workstation_slot"] == 2
    assert config.values["workstation_name"] == "Quầy 2"
    assert config.require_login is True
    assert config.update_grace_days == 10
    assert config.is_locked("unit_id") and not config.is_locked("unit_name")
    assert config.province == "Tỉnh Mẫu"
    assert config.warnings == ()


def test_unknown_key_is_a_warning_not_an_error():
    raw = {**SAMPLE, "settings": {**SAMPLE["settings"], "printer_tray": "khay 2"}, "colour": "xanh"}
    config = _parse(raw)
    assert config.values["printer_tray"] == "khay 2"
    assert any("printer_tray" in w for w in config.warnings)
    assert any("colour" in w for w in config.warnings)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"format": 2}, "phiên bản định dạng 2"),
        ({"settings": []}, "mục “settings” phải là một đối tượng"),
        ({"settings": {"unit_id": "xã-tân-lập"}}, "Mã đơn vị"),
        ({"settings": {"server_url": "motcua.tinhmau.gov.vn"}}, "địa chỉ máy chủ"),
        ({"policies": {"sync_interval_seconds": True}}, "không đúng kiểu"),
        ({"policies": {"sync_interval_seconds": 5}}, "chu kỳ đồng bộ"),
        ({"settings": {"scans_night_window": "22h-5h"}}, "HH:MM-HH:MM"),
        ({"settings": {"working_periods": [["07:00"]]}}, "giờ làm việc"),
        ({"policies": {"require_login": "có"}}, "“require_login”"),
        ({"policies": {"update_grace_days": 400}}, "thời hạn cập nhật"),
        ({"locked": ["workstation_slot"]}, "không được khoá “workstation_slot”"),
        ({"locked": ["leader_name"]}, "bị khoá nhưng không có giá trị"),
        ({"policies": {"unit_name": "x"}}, "xuất hiện hai lần"),
        ({"workstations": {"A": {"workstation_slot": 3}, "B": {"workstation_slot": 3}}}, "cùng số hiệu"),
        ({"workstations": {"A": {"workstation_slot": 12}}}, "từ 0 đến 9"),
        ({"workstations": {"A": {"server_url": "https://other.example"}}}, "đã bị khoá chung"),
    ],
)
def test_invalid_files_are_refused_in_vietnamese(change, message):
    raw = json.loads(json.dumps(SAMPLE))
    for key, value in change.items():
        if isinstance(value, dict) and isinstance(raw.get(key), dict) and key != "workstations":
            raw[key] = {**raw[key], **value}
        else:
            raw[key] = value
    with pytest.raises(ValidationError, match=message) as info:
        parse_fleet(raw, hostname="x")
    assert info.value.message.startswith("Tệp cấu hình chung")


# -- applying ------------------------------------------------------------------------------------------------
def test_fresh_install_takes_every_fleet_value():
    result = apply_fleet_defaults(Settings(), _parse())
    assert result.server_url == "https://motcua.tinhmau.gov.vn"
    assert result.unit_id == "000.00.07.H56"
    assert result.unit_name == "UBND xã Hoà Bình"
    assert (result.workstation_name, result.workstation_slot) == ("Quầy 2", 2)
    assert (result.scans_min_kbps, result.sync_interval_seconds) == (256, 120)
    assert result.extra["require_login"] is True
    assert result.extra["update_grace_days"] == 10
    result.validate()


def test_input_settings_are_not_mutated():
    settings = Settings()
    apply_fleet_defaults(settings, _parse())
    assert settings == Settings()


def test_official_edits_survive_but_locked_keys_always_win(data_dir):
    config = _parse()
    first = apply_fleet_defaults(Settings(), config)
    # The official renames the counter, lowers the interval, and edits settings.json by hand.
    first.unit_name = "UBND xã Hoà Bình (điểm 2)"
    first.sync_interval_seconds = 60  # back to the built-in default: still the official's choice
    first.unit_id = "000.00.09.H56"
    first.server_url = "https://elsewhere.example"
    first.extra["require_login"] = False
    save_settings(first)
    second = apply_fleet_defaults(load_settings(), config)
    assert second.unit_name == "UBND xã Hoà Bình (điểm 2)"
    assert second.sync_interval_seconds == 60
    assert second.unit_id == "000.00.07.H56"
    assert second.server_url == "https://motcua.tinhmau.gov.vn"
    assert second.extra["require_login"] is True
    # A second pass changes nothing: the caller can compare to decide whether to save.
    assert apply_fleet_defaults(second, config) == second


def test_existing_install_keeps_its_own_values_when_a_fleet_file_arrives():
    mine = Settings(unit_name="UBND xã Tân Lập (cũ)", sync_interval_seconds=300)
    result = apply_fleet_defaults(mine, _parse())
    assert result.unit_name == "UBND xã Tân Lập (cũ)"
    assert result.sync_interval_seconds == 300
    assert result.unit_id == "000.00.07.H56"  # locked
    assert result.parent_agency == "UBND TỈNH MẪU"  # already equal: filled either way


def test_a_key_added_to_the_fleet_later_fills_existing_installs_once():
    config = _parse()
    first = apply_fleet_defaults(Settings(), config)
    raw = json.loads(json.dumps(SAMPLE))
    raw["settings"]["scans_night_window"] = "22:00-05:00"
    second = apply_fleet_defaults(first, _parse(raw))
    assert second.scans_night_window == "22:00-05:00"


# -- update notice -------------------------------------------------------------------------------------------
class _Hello:
    def __init__(self, minimum: str, latest: str) -> None:
        self.min_client_version = minimum
        self.latest_client_version = latest


def test_version_ordering():
    assert version_key("0.10.0") > version_key("0.9.9")
    assert version_key("1.0") == version_key("1.0.0")
    assert version_key("1.0.0rc1") < version_key("1.0.0") < version_key("1.0.1.dev1")
    assert version_key("v2.1") == version_key("2.1.0")
    assert version_key("bản mới") is None


def test_up_to_date_gives_no_notice():
    settings = Settings()
    assert update_notice("0.2.0", _Hello("0.1.0", "0.2.0"), settings=settings, today=date(2027, 3, 1)) is None
    assert update_notice("0.2.0", {}, settings=settings) is None
    assert update_notice("0.2.0", {"min_client_version": "?", "latest_client_version": None}, settings=settings) is None
    assert settings.extra == {}


def test_newer_version_is_information():
    notice = update_notice("0.1.0", {"min_client_version": "0.1.0", "latest_client_version": "0.2.0"},
                           settings=Settings(), today=date(2027, 3, 1))
    assert notice.level is NoticeLevel.INFO and not notice.blocking
    assert "0.2.0" in notice.message and "0.1.0" in notice.message
    assert notice.title == "Đã có phiên bản mới"


def test_below_minimum_warns_then_blocks_after_the_grace_period():
    settings = Settings(extra={"update_grace_days": 10})
    hello = _Hello("0.3.0", "0.4.0")
    day0 = date(2027, 3, 1)
    first = update_notice("0.2.0", hello, settings=settings, today=day0)
    assert first.level is NoticeLevel.WARNING
    assert first.deadline == date(2027, 3, 11) and first.target_version == "0.4.0"
    assert "11/03/2027" in first.message and "còn 10 ngày" in first.message
    assert settings.extra[fleet.BELOW_MINIMUM_KEY] == "2027-03-01"
    # Later handshakes count from the first day it was seen, not from today.
    later = update_notice("0.2.0", hello, settings=settings, today=day0 + timedelta(days=9))
    assert later.level is NoticeLevel.WARNING and "còn 1 ngày" in later.message
    blocked = update_notice("0.2.0", hello, settings=settings, today=day0 + timedelta(days=10))
    assert blocked.blocking and blocked.title == "Phải cập nhật ứng dụng"
    # After updating, the record is forgotten.
    assert update_notice("0.4.0", hello, settings=settings, today=day0 + timedelta(days=11)) is None
    assert fleet.BELOW_MINIMUM_KEY not in settings.extra


def test_grace_start_survives_a_restart(data_dir):
    settings = Settings()
    update_notice("0.1.0", _Hello("0.2.0", "0.2.0"), settings=settings, today=date(2027, 3, 1))
    save_settings(settings)
    reloaded = load_settings()
    notice = update_notice("0.1.0", _Hello("0.2.0", "0.2.0"), settings=reloaded, today=date(2027, 3, 20))
    assert notice.blocking  # default grace of 14 days from 1 March
    assert notice.deadline == date(2027, 3, 15)


def test_recorded_date_in_the_future_does_not_extend_the_grace():
    settings = Settings(extra={fleet.BELOW_MINIMUM_KEY: "2030-01-01"})
    notice = update_notice("0.1.0", _Hello("0.2.0", ""), settings=settings, today=date(2027, 3, 1), grace_days=0)
    assert notice.blocking and notice.target_version == "0.2.0"
    assert settings.extra[fleet.BELOW_MINIMUM_KEY] == "2027-03-01"


def test_hello_dataclass_from_the_protocol_is_accepted():
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class Hello:  # same fields as sync.protocol.Hello, which app/ tests may not import
        protocol_versions: tuple[int, ...]
        server_time: str
        min_client_version: str
        latest_client_version: str

    notice = update_notice("0.1.0", Hello((1,), "2027-03-01T08:00:00", "0.1.0", "0.1.1"), settings=Settings())
    assert notice.level is NoticeLevel.INFO
