"""Fleet configuration: settings a province pre-seeds on every workstation, and the client update notice.

A province installs the same bundle on hundreds of counters. Instead of typing the server URL and the unit
identifier on each one, it drops a ``motcua-fleet.json`` next to the executable or in the machine-wide
folder (``%ProgramData%\\motcua\\fleet.json``, ``/etc/motcua/fleet.json``); ``MOTCUA_FLEET_CONFIG`` names
another file. The file is read-only input: the official's own choices stay in ``settings.json``.

Rules (see :func:`apply_fleet_defaults`):

- a fleet value fills a setting the official has not changed (still the built-in default) and that the
  fleet has not filled before, so a fresh install starts fully configured and a later edit is kept;
- a *locked* key always takes the fleet value, on every start, whatever ``settings.json`` says;
- keys that are not declared settings (policies such as ``require_login``) go to ``settings.extra``.

The file may also carry a ``workstations`` table keyed by computer name, so one file for a whole commune
gives each machine its own name and dossier-code slot.
"""

from __future__ import annotations

import copy
import json
import os
import re
import socket
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

from app import clock
from app.errors import ValidationError
from app.i18n import tr
from app.settings import TIME_RE, Settings

FLEET_ENV = "MOTCUA_FLEET_CONFIG"
FLEET_FILE_NAME = "motcua-fleet.json"
FORMAT_VERSION = 1

# Policies are not per-workstation settings, so they live in settings.extra; declared here with their types
# so that a typo in a value is caught when the file is read, not when the policy is first used.
POLICY_TYPES: dict[str, type] = {"require_login": bool, "update_grace_days": int}
POLICY_DEFAULTS: dict[str, Any] = {"require_login": False, "update_grace_days": 14}

# A locked slot would give every machine sharing the file the same block of dossier numbers, and two
# workstations would then print the same code. Slots are assigned per machine (``workstations`` table).
NEVER_LOCKED = frozenset({"workstation_slot", "workstation_name", "extra"})

# Keys filled from the fleet file once; kept so that an official who later sets a value back to the
# default is not overridden again.
SEEDED_KEY = "fleet_seeded"
# First day this client was seen below the server's minimum version (grace period start).
BELOW_MINIMUM_KEY = "update_below_minimum"

_SETTING_DEFAULTS: dict[str, Any] = {f.name: getattr(Settings(), f.name) for f in fields(Settings) if f.name != "extra"}
_NIGHT_WINDOW_RE = re.compile(r"^(\d{2}:\d{2})-(\d{2}:\d{2})$")
_SECTIONS = {"format", "settings", "policies", "locked", "workstations", "comment", "province"}


@dataclass(frozen=True)
class FleetConfig:
    """A validated fleet file, already narrowed to this machine's ``workstations`` entry."""

    values: dict[str, Any] = field(default_factory=dict)
    locked: frozenset[str] = frozenset()
    source: Path | None = None
    province: str = ""
    # Keys the app does not know (a newer fleet file, or a typo): applied to settings.extra, reported here.
    warnings: tuple[str, ...] = ()

    def is_locked(self, key: str) -> bool:
        """True when the official may not change ``key`` (the settings screen greys it out)."""
        return key in self.locked

    def policy(self, key: str) -> Any:
        return self.values.get(key, POLICY_DEFAULTS.get(key))

    @property
    def require_login(self) -> bool:
        return bool(self.policy("require_login"))

    @property
    def update_grace_days(self) -> int:
        return int(self.policy("update_grace_days"))


# -- locating and reading ------------------------------------------------------------------------------------
def system_fleet_path() -> Path:
    """The machine-wide location an installer or a domain policy writes to."""
    if sys.platform == "win32":
        return Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / "motcua" / "fleet.json"
    if sys.platform == "darwin":
        return Path("/Library/Application Support/motcua/fleet.json")
    return Path("/etc/motcua/fleet.json")


def fleet_config_candidates() -> list[Path]:
    """Where a fleet file is looked for, most specific first."""
    override = os.environ.get(FLEET_ENV)
    if override:
        # An explicit path is the only candidate: silently falling back to another file would hide a typo.
        return [Path(override).expanduser()]
    candidates = []
    if getattr(sys, "frozen", False):
        # Next to motcua.exe, for a bundle copied onto the machine together with its fleet file.
        candidates.append(Path(sys.executable).resolve().parent / FLEET_FILE_NAME)
    candidates.append(system_fleet_path())
    return candidates


def find_fleet_config() -> Path | None:
    """The fleet file in use, or ``None`` (a stand-alone install). An explicit missing path is an error."""
    candidates = fleet_config_candidates()
    for path in candidates:
        if path.is_file():
            return path
    if os.environ.get(FLEET_ENV):
        raise ValidationError(tr("Không tìm thấy tệp cấu hình chung {path} (biến {env}).",
                                 path=candidates[0], env=FLEET_ENV))
    return None


def load_fleet(path: Path | None = None, *, hostname: str | None = None) -> FleetConfig | None:
    """Read and validate the fleet file (``path`` or the one :func:`find_fleet_config` finds)."""
    path = path or find_fleet_config()
    if path is None:
        return None
    try:
        raw = json.loads(path.read_text(encoding="utf-8-sig"))  # Notepad on Windows may add a BOM
    except OSError as exc:
        raise ValidationError(tr("Không đọc được tệp cấu hình chung {path}.", path=path), detail=repr(exc)) from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise ValidationError(tr("Tệp cấu hình chung {path} không đúng định dạng JSON: {error}.", path=path, error=exc),
                              detail=repr(exc)) from exc
    return parse_fleet(raw, hostname=hostname, source=path)


def parse_fleet(raw: Any, *, hostname: str | None = None, source: Path | None = None) -> FleetConfig:
    """Validate a decoded fleet file; errors name the file and the key, in Vietnamese."""
    where = str(source) if source else FLEET_FILE_NAME

    def fail(message: str) -> ValidationError:
        return ValidationError(tr("Tệp cấu hình chung {path}: {message}", path=where, message=message))

    if not isinstance(raw, dict):
        raise fail(tr("nội dung phải là một đối tượng JSON."))
    version = raw.get("format", FORMAT_VERSION)
    if version != FORMAT_VERSION:
        raise fail(tr("phiên bản định dạng {version} chưa được hỗ trợ; hãy cập nhật ứng dụng.", version=version))
    warnings = [tr("mục “{key}” không được dùng.", key=key) for key in sorted(set(raw) - _SECTIONS)]

    values: dict[str, Any] = {}
    for section in ("settings", "policies"):
        part = raw.get(section, {})
        if not isinstance(part, dict):
            raise fail(tr("mục “{key}” phải là một đối tượng.", key=section))
        for key, value in part.items():
            if key in values:
                raise fail(tr("khoá “{key}” xuất hiện hai lần.", key=key))
            values[key] = value

    locked = raw.get("locked", [])
    if not isinstance(locked, list) or not all(isinstance(k, str) for k in locked):
        raise fail(tr("mục “locked” phải là danh sách tên khoá."))
    for key in locked:
        if key in NEVER_LOCKED:
            raise fail(tr("không được khoá “{key}”: mỗi máy trạm phải có tên và số hiệu riêng.", key=key))
        if key not in values:
            raise fail(tr("khoá “{key}” bị khoá nhưng không có giá trị.", key=key))

    machines = raw.get("workstations", {})
    if not isinstance(machines, dict) or not all(isinstance(v, dict) for v in machines.values()):
        raise fail(tr("mục “workstations” phải ánh xạ tên máy tới các thiết lập của máy đó."))
    slots: dict[int, str] = {}
    for name, entry in machines.items():
        for key in entry:
            if key in locked:
                raise fail(tr("máy “{name}”: khoá “{key}” đã bị khoá chung, không đặt riêng được.", name=name, key=key))
        _check_values(entry, fail, warnings, prefix=tr("máy “{name}”: ", name=name))
        slot = entry.get("workstation_slot")
        if slot is not None:
            if slot in slots:
                raise fail(tr("máy “{a}” và “{b}” cùng số hiệu máy trạm {slot}; mỗi máy cần một số riêng.",
                              a=slots[slot], b=name, slot=slot))
            slots[slot] = name

    _check_values(values, fail, warnings)
    host = (hostname or socket.gethostname()).casefold()
    # Windows reports the short name, Linux often the FQDN: either form in the file matches.
    names = {host, host.split(".")[0]}
    mine = next((entry for name, entry in machines.items() if name.casefold() in names), {})
    values = {**values, **mine}

    # The whole result must make valid settings (unit identifier format, working hours...).
    known = {k: v for k, v in values.items() if k in _SETTING_DEFAULTS}
    try:
        Settings(**{**copy.deepcopy(_SETTING_DEFAULTS), **known}).validate()
    except ValidationError as exc:
        raise fail(exc.message) from exc
    except (TypeError, ValueError) as exc:  # e.g. a working period that is not a [start, end] pair
        raise fail(tr("giờ làm việc phải là danh sách các cặp [\"HH:MM\", \"HH:MM\"].")) from exc
    province = raw.get("province", "")
    return FleetConfig(values=values, locked=frozenset(locked), source=source,
                       province=province if isinstance(province, str) else "", warnings=tuple(warnings))


def _check_values(values: Mapping[str, Any], fail: Any, warnings: list[str], *, prefix: str = "") -> None:
    for key, value in values.items():
        expected = _expected_type(key)
        if expected is None:
            warnings.append(prefix + tr("khoá “{key}” không có trong phiên bản này, được lưu nguyên.", key=key))
            continue
        if key == "extra" or not _is_instance(value, expected):
            raise fail(prefix + tr("giá trị của “{key}” không đúng kiểu.", key=key))
        problem = _range_problem(key, value)
        if problem:
            raise fail(prefix + problem)


def _expected_type(key: str) -> type | None:
    if key in POLICY_TYPES:
        return POLICY_TYPES[key]
    if key in _SETTING_DEFAULTS:
        return type(_SETTING_DEFAULTS[key])
    return None


def _is_instance(value: Any, expected: type) -> bool:
    # JSON has no int/bool distinction Python would enforce: true is not a number of seconds.
    if isinstance(value, bool):
        return expected is bool
    if expected is float:
        return isinstance(value, int | float)
    return isinstance(value, expected)


def _range_problem(key: str, value: Any) -> str | None:
    if key == "server_url" and value:
        parts = urlsplit(value)
        if parts.scheme not in ("https", "http") or not parts.hostname:
            return tr("địa chỉ máy chủ “{value}” không hợp lệ (ví dụ https://motcua.tinh.gov.vn).", value=value)
    if key == "sync_interval_seconds" and not 15 <= value <= 86_400:
        return tr("chu kỳ đồng bộ phải từ 15 đến 86400 giây.")
    if key == "scans_min_kbps" and value < 0:
        return tr("tốc độ tối thiểu để gửi ảnh quét không được âm.")
    if key == "scans_night_window" and value:
        match = _NIGHT_WINDOW_RE.match(value)
        if not match or not all(TIME_RE.match(t) for t in match.groups()):
            return tr("khung giờ gửi ảnh quét “{value}” phải có dạng HH:MM-HH:MM.", value=value)
    if key == "update_grace_days" and not 0 <= value <= 365:
        return tr("thời hạn cập nhật phải từ 0 đến 365 ngày.")
    if key == "workstation_slot" and not 0 <= value <= 9:
        return tr("số hiệu máy trạm phải từ 0 đến 9.")
    return None


# -- applying ------------------------------------------------------------------------------------------------
def apply_fleet_defaults(settings: Settings, fleet: FleetConfig | None) -> Settings:
    """Settings with the fleet applied: untouched defaults filled once, locked keys always enforced.

    Returns a new object; the caller saves it if it differs (``result != settings``).
    """
    if fleet is None:
        return settings
    result = replace(settings, extra=copy.deepcopy(settings.extra))
    seeded = set(result.extra.get(SEEDED_KEY) or [])
    for key, value in fleet.values.items():
        current = getattr(result, key) if key in _SETTING_DEFAULTS else result.extra.get(key, POLICY_DEFAULTS.get(key))
        default = _SETTING_DEFAULTS.get(key, POLICY_DEFAULTS.get(key))
        if fleet.is_locked(key) or (key not in seeded and current == default):
            _set(result, key, copy.deepcopy(value))
        seeded.add(key)
    result.extra[SEEDED_KEY] = sorted(seeded)
    return result


def _set(settings: Settings, key: str, value: Any) -> None:
    if key in _SETTING_DEFAULTS:
        setattr(settings, key, value)
    else:
        settings.extra[key] = value


def locked_keys(fleet: FleetConfig | None) -> frozenset[str]:
    return fleet.locked if fleet else frozenset()


# -- update notice -------------------------------------------------------------------------------------------
class NoticeLevel(StrEnum):
    INFO = "info"          # a newer version exists
    WARNING = "warning"    # below the minimum, still inside the grace period
    BLOCKING = "blocking"  # below the minimum and the grace period is over


@dataclass(frozen=True)
class Notice:
    level: NoticeLevel
    title: str
    message: str
    current_version: str
    target_version: str
    deadline: date | None = None  # last day a below-minimum client may still receive dossiers

    @property
    def blocking(self) -> bool:
        return self.level is NoticeLevel.BLOCKING


class HelloVersions(Protocol):
    """The two fields of ``sync.protocol.Hello`` used here (app/ may not import sync/)."""

    min_client_version: str
    latest_client_version: str


_VERSION_RE = re.compile(r"^v?(\d+(?:\.\d+)*)(?:[.-]?(dev|a|b|rc)\.?(\d*))?$", re.IGNORECASE)
_STAGES = {"dev": 0, "a": 1, "b": 2, "rc": 3}


def version_key(version: str) -> tuple[int, ...] | None:
    """Comparable key of ``1.2.3``, ``1.2``, ``1.3.0rc1``…; ``None`` for anything else (never compared)."""
    match = _VERSION_RE.match((version or "").strip())
    if not match:
        return None
    release = [int(part) for part in match.group(1).split(".")]
    release += [0] * (4 - len(release))
    stage = _STAGES[match.group(2).lower()] if match.group(2) else 4  # a final release sorts after its rc
    return (*release, stage, int(match.group(3) or 0))


def _field(hello: HelloVersions | Mapping[str, Any], name: str) -> str:
    value = hello.get(name) if isinstance(hello, Mapping) else getattr(hello, name, None)
    return value if isinstance(value, str) else ""


def update_notice(current_version: str, hello: HelloVersions | Mapping[str, Any], *, settings: Settings,
                  today: date | None = None, grace_days: int | None = None) -> Notice | None:
    """What to tell the official after a server handshake (``Hello`` or its JSON), or ``None``.

    Below the minimum version the client gets ``grace_days`` (default: the ``update_grace_days`` policy)
    from the first handshake that said so; that day is kept in ``settings.extra`` (the caller saves the
    settings when it changed) and forgotten once the client is recent enough again.
    """
    today = today or clock.now().date()
    current = version_key(current_version)
    minimum_text, latest_text = _field(hello, "min_client_version"), _field(hello, "latest_client_version")
    minimum, latest = version_key(minimum_text), version_key(latest_text)
    if current is None:
        return None
    if minimum is not None and current < minimum:
        if grace_days is None:
            grace_days = int(settings.extra.get("update_grace_days", POLICY_DEFAULTS["update_grace_days"]))
        since = _below_minimum_since(settings, today)
        deadline = since + timedelta(days=grace_days)
        target = latest_text if latest is not None and latest >= minimum else minimum_text
        if today >= deadline:
            return Notice(
                NoticeLevel.BLOCKING, tr("Phải cập nhật ứng dụng"),
                tr("Phiên bản {current} đã ngừng được hệ thống của tỉnh chấp nhận (tối thiểu {minimum}) từ ngày "
                   "{deadline}. Hãy cài phiên bản {target} trước khi tiếp nhận hồ sơ mới. Dữ liệu trên máy "
                   "vẫn được giữ nguyên và sẽ được đồng bộ sau khi cập nhật.",
                   current=current_version, minimum=minimum_text, target=target,
                   deadline=deadline.strftime("%d/%m/%Y")),
                current_version, target, deadline)
        days_left = (deadline - today).days
        return Notice(
            NoticeLevel.WARNING, tr("Cần cập nhật ứng dụng"),
            tr("Phiên bản {current} thấp hơn phiên bản tối thiểu {minimum} mà hệ thống của tỉnh chấp nhận. "
               "Hãy cài phiên bản {target} trước ngày {deadline} (còn {days} ngày); sau ngày đó máy này "
               "không tiếp nhận được hồ sơ mới cho đến khi cập nhật.",
               current=current_version, minimum=minimum_text, target=target,
               deadline=deadline.strftime("%d/%m/%Y"), days=days_left),
            current_version, target, deadline)
    settings.extra.pop(BELOW_MINIMUM_KEY, None)
    if latest is not None and current < latest:
        return Notice(
            NoticeLevel.INFO, tr("Đã có phiên bản mới"),
            tr("Đã có phiên bản {latest} (máy này đang dùng {current}). Hãy báo quản trị viên cập nhật khi "
               "thuận tiện; ứng dụng vẫn làm việc bình thường.", latest=latest_text, current=current_version),
            current_version, latest_text)
    return None


def _below_minimum_since(settings: Settings, today: date) -> date:
    recorded = settings.extra.get(BELOW_MINIMUM_KEY)
    try:
        since = datetime.strptime(str(recorded), "%Y-%m-%d").date()
    except ValueError:
        since = today
    # A date in the future (the clock was wrong when it was recorded) would extend the grace for ever.
    since = min(since, today)
    settings.extra[BELOW_MINIMUM_KEY] = since.isoformat()
    return since

