"""National dossier status codes (TrangThaiHoSo) and the transitions allowed between them."""

from __future__ import annotations

from enum import IntEnum

from app.errors import StateError
from app.i18n import tr


class Status(IntEnum):
    REGISTERED = 1  # Mới đăng ký
    RECEIVED = 2  # Được tiếp nhận
    NOT_RECEIVED = 3  # Không được tiếp nhận
    PROCESSING = 4  # Đang xử lý
    SUPPLEMENT_REQUESTED = 5  # Yêu cầu bổ sung giấy tờ
    PAYMENT_REQUESTED = 6  # Yêu cầu thực hiện nghĩa vụ tài chính
    WITHDRAWN = 7  # Công dân yêu cầu rút hồ sơ
    STOPPED = 8  # Dừng xử lý
    RESOLVED = 9  # Đã xử lý xong
    RETURNED = 10  # Đã trả kết quả


STATUS_LABELS: dict[Status, str] = {
    Status.REGISTERED: "Mới đăng ký",
    Status.RECEIVED: "Được tiếp nhận",
    Status.NOT_RECEIVED: "Không được tiếp nhận",
    Status.PROCESSING: "Đang xử lý",
    Status.SUPPLEMENT_REQUESTED: "Yêu cầu bổ sung giấy tờ",
    Status.PAYMENT_REQUESTED: "Yêu cầu thực hiện nghĩa vụ tài chính",
    Status.WITHDRAWN: "Công dân yêu cầu rút hồ sơ",
    Status.STOPPED: "Dừng xử lý",
    Status.RESOLVED: "Đã xử lý xong",
    Status.RETURNED: "Đã trả kết quả",
}

CHANNEL_LABELS: dict[int, str] = {1: "Trực tiếp", 2: "Trực tuyến", 3: "Bưu chính công ích"}

# What each step of a dossier's history did (DossierEvent.action). A status names where a dossier is; an
# action names what happened, which a status cannot tell apart (a scan added, a purge, an apology).
ACTION_LABELS: dict[str, str] = {
    "received": "Tiếp nhận",
    "processing": "Bắt đầu xử lý",
    "supplement_requested": "Yêu cầu bổ sung",
    "supplement_received": "Nhận bổ sung",
    "refused": "Từ chối tiếp nhận",
    "withdrawn": "Rút hồ sơ",
    "stopped": "Dừng xử lý",
    "resolved": "Đã xử lý xong",
    "returned": "Trả kết quả",
    "apology": "Xin lỗi, hẹn lại",
    "digitised": "Số hóa giấy tờ",
    "province_update": "Cập nhật từ hệ thống của tỉnh",
    "purged": "Xoá dữ liệu cá nhân (hết hạn lưu giữ)",
}

S = Status
TRANSITIONS: dict[Status, frozenset[Status]] = {
    S.REGISTERED: frozenset({S.RECEIVED, S.NOT_RECEIVED}),
    S.RECEIVED: frozenset({S.PROCESSING, S.SUPPLEMENT_REQUESTED, S.PAYMENT_REQUESTED, S.WITHDRAWN,
                           S.NOT_RECEIVED, S.RESOLVED}),
    S.PROCESSING: frozenset({S.SUPPLEMENT_REQUESTED, S.PAYMENT_REQUESTED, S.WITHDRAWN, S.STOPPED, S.RESOLVED}),
    S.SUPPLEMENT_REQUESTED: frozenset({S.PROCESSING, S.WITHDRAWN, S.STOPPED}),
    S.PAYMENT_REQUESTED: frozenset({S.PROCESSING, S.WITHDRAWN, S.STOPPED, S.RESOLVED}),
    S.RESOLVED: frozenset({S.RETURNED}),
    S.NOT_RECEIVED: frozenset(),
    S.WITHDRAWN: frozenset(),
    S.STOPPED: frozenset(),
    S.RETURNED: frozenset(),
}

# Statuses in which the processing clock runs and a deadline can still be met or missed.
OPEN_STATUSES = frozenset({S.RECEIVED, S.PROCESSING, S.SUPPLEMENT_REQUESTED, S.PAYMENT_REQUESTED})
FINISHED_STATUSES = frozenset({S.WITHDRAWN, S.RESOLVED, S.RETURNED})


def label(status: int) -> str:
    return tr(STATUS_LABELS[Status(status)])


def action_label(action: str) -> str:
    """The name of a history step; an action this version does not know shows as stored."""
    text = ACTION_LABELS.get(action)
    return tr(text) if text is not None else action


def check_transition(current: int, target: Status) -> None:
    if target not in TRANSITIONS[Status(current)]:
        raise StateError(
            tr(
                "Không thể chuyển hồ sơ từ trạng thái “{current}” sang “{target}”.",
                current=label(current),
                target=label(target),
            )
        )
