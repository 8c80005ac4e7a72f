"""Dates and times as the counter writes them ("16 giờ 20 phút, thứ Ba 09/02/2027")."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("Format", text)


def weekday_name(d: date) -> str:
    names = (_t("thứ Hai"), _t("thứ Ba"), _t("thứ Tư"), _t("thứ Năm"), _t("thứ Sáu"), _t("thứ Bảy"),
             _t("Chủ nhật"))
    return names[d.weekday()]


def appointment_text(dt: datetime) -> str:
    return _t("{h} giờ {m:02d} phút, {weekday} {day}").format(
        h=dt.hour, m=dt.minute, weekday=weekday_name(dt.date()), day=dt.strftime("%d/%m/%Y"))


def short_datetime(dt: datetime | None) -> str:
    return dt.strftime("%d/%m/%Y %H:%M") if dt else ""


def short_date(d: date | None) -> str:
    return d.strftime("%d/%m/%Y") if d else ""
