"""The indicators dashboard on hand-computed dossiers, drill-down to the detail view, and the rating dialog.

Every dossier is received Thursday 04/03/2027 09:15 for procedure 1.004873 (3 working days), so its
appointment is Tuesday 09/03/2027 09:15. Resolved Monday 08/03 = early, Tuesday 09:00 = on time, Tuesday
10:00 = late; on-time rate 2/3 = 66,7 %. "Now" is Wednesday 10/03 10:00, so the open dossier is overdue.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.models import SatisfactionRating
from app.services import dossiers as svc
from app.services.intake import DocumentInput
from app.settings import Settings
from app.status import Status
from tests.ui.helpers import save_screenshot, type_text
from tests.unit.test_dossiers import request
from ui.main_window import MainWindow
from ui.views.action_dialogs import ReturnDialog
from ui.views.rating_dialog import RatingDialog

NOW = datetime(2027, 3, 10, 10, 0)


@pytest.fixture
def march(ctx, frozen_now):
    frozen_now.value = datetime(2027, 3, 4, 9, 20)
    other = Settings(operator_name="Lê Văn Hùng")
    codes = {}
    with ctx.db.session() as session:
        for name in ("early", "on_time", "late", "open"):
            settings = other if name == "late" else ctx.settings
            codes[name] = svc.receive_dossier(session, settings, request()).dossier.code
    for name, moment in (("early", datetime(2027, 3, 8, 10, 0)), ("on_time", datetime(2027, 3, 9, 9, 0)),
                         ("late", datetime(2027, 3, 9, 10, 0))):
        frozen_now.value = moment
        with ctx.db.session() as session:
            svc.mark_resolved(session, ctx.settings, codes[name])
    frozen_now.value = NOW
    with ctx.db.session() as session:
        svc.return_result(session, ctx.settings, codes["early"], "Nguyễn Văn Đạt", signature_taken=True)
    return codes


@pytest.fixture
def window(qtbot, ctx, march):
    import ui.dashboard_ui as dashboard_ui

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    view = dashboard_ui.install(win, ctx)
    win.show()
    win.actions_["dashboard"].trigger()
    view.set_month(2027, 3)
    return win


def drill_codes(view) -> list[str]:
    return [view.drill_table.item(r, 0).text() for r in range(view.drill_table.rowCount())]


def test_dashboard_shows_the_rates_and_drills_down_to_the_dossiers(qtbot, window, march):
    view = window.dashboard_view
    assert window.stack.currentWidget() is view
    assert view.cards["received"].value == "4"
    assert view.cards["on_time"].value == "66,7 %" and view.cards["on_time"].detail == "2/3"
    assert view.cards["late"].value == "1"

    view.cards["late"].click()
    assert drill_codes(view) == [march["late"]]
    view.cards["on_time"].click()
    assert set(drill_codes(view)) == {march["early"], march["on_time"], march["late"]}
    marks = {view.drill_table.item(r, 0).text(): view.drill_table.item(r, 1).text()
             for r in range(view.drill_table.rowCount())}
    assert marks[march["late"]] == "✗" and marks[march["early"]] == "✓"

    # A bar of the on-time chart: "Trước hạn" lists the early dossier only.
    view.tabs.setCurrentIndex(0)
    save_screenshot(window, "dashboard.png")  # lays the charts out at 1366x768 as well
    rect, _category, _series = view.on_time_chart.bar_rects()[0]
    QTest.mouseClick(view.on_time_chart, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert drill_codes(view) == [march["early"]]

    # Grouped by official: the late dossier was received by Lê Văn Hùng.
    view.by_combo.setCurrentIndex(view.by_combo.findData("official"))
    labels = [view.group_table.item(r, 0).text() for r in range(view.group_table.rowCount())]
    assert labels == ["Lê Văn Hùng", "Trần Thị Lan"]
    view.group_table.cellClicked.emit(0, 4)  # "Quá hạn" of Lê Văn Hùng
    assert drill_codes(view) == [march["late"]]

    # Opening a dossier of the list goes to the detail view.
    view.drill_table.cellDoubleClicked.emit(0, 0)
    assert window.stack.currentWidget() is window.detail_view
    assert window.detail_view.code_label.text() == march["late"]


def test_a_withdrawal_late_only_because_of_the_supplement_pause_splits_as_the_indicators(
        qtbot, window, ctx, march, frozen_now):
    """Withdrawn on Wednesday 10/03, after the Tuesday appointment, but its clock stopped on Friday 05/03 when
    the supplement was asked for: within the on-time figure, and early, on the chart and in its list alike."""
    frozen_now.value = datetime(2027, 3, 4, 9, 20)
    with ctx.db.session() as session:
        paused = svc.receive_dossier(session, ctx.settings, request()).dossier.code
    with ctx.db.session() as session:
        svc.request_supplement(session, ctx.settings, paused, [DocumentInput(name="Bản sao Giấy khai sinh")],
                               "Thiếu giấy tờ chứng minh nhân thân", at=datetime(2027, 3, 5, 10, 0))
    frozen_now.value = NOW
    with ctx.db.session() as session:
        svc.withdraw(session, ctx.settings, paused, "Công dân không bổ sung được")
    view = window.dashboard_view
    view.set_month(2027, 3)
    qtbot.waitUntil(lambda: view.cards["on_time"].detail == "3/4")

    early_bar, on_time_bar = (rect for rect, _category, _series in view.on_time_chart.bar_rects()[:2])
    QTest.mouseClick(view.on_time_chart, Qt.MouseButton.LeftButton, pos=early_bar.center().toPoint())
    assert set(drill_codes(view)) == {march["early"], paused}
    QTest.mouseClick(view.on_time_chart, Qt.MouseButton.LeftButton, pos=on_time_bar.center().toPoint())
    assert drill_codes(view) == [march["on_time"]]


def test_watch_lists_and_public_late_list(window, march):
    view = window.dashboard_view
    overdue = view.watch_tables["overdue"]
    assert [overdue.item(r, 0).text() for r in range(overdue.rowCount())] == [march["open"]]
    assert view.watch_boxes["overdue"].title() == "Đang quá hạn (1)"
    rows = view.late_list_rows()
    assert [(r[0], r[5], r[6]) for r in rows] == [
        (march["late"], "Lê Văn Hùng", "Giải quyết quá hạn"), (march["open"], "Trần Thị Lan", "Đang quá hạn")]
    html = view.late_list_html()
    assert "DANH SÁCH HỒ SƠ GIẢI QUYẾT QUÁ HẠN" in html and march["late"] in html and "Lê Văn Hùng" in html


def test_period_picker(window):
    view = window.dashboard_view
    view.kind_combo.setCurrentIndex(view.kind_combo.findData("quarter"))
    view.quarter_combo.setCurrentIndex(0)
    view.year_spin.setValue(2027)
    assert [d.isoformat() for d in view.period()] == ["2027-01-01", "2027-03-31"]
    assert view.cards["received"].value == "4"
    view.kind_combo.setCurrentIndex(view.kind_combo.findData("year"))
    assert [d.isoformat() for d in view.period()] == ["2027-01-01", "2027-12-31"]
    assert not view.month_combo.isVisible() and not view.from_edit.isVisible()


def test_rating_dialog_records_a_rating_after_the_return(qtbot, window, ctx, march, modal):
    window.show_detail(march["on_time"])
    detail = window.detail_view
    assert detail.dossier.status == Status.RESOLVED

    def rate(dialog: RatingDialog) -> None:
        assert not dialog.send_button.isEnabled()
        dialog.level_buttons[2].click()
        type_text(dialog.comment_edit, "Phải chờ lâu")
        dialog.send_button.click()

    modal.expect(ReturnDialog, lambda d: d.accept())
    modal.expect(RatingDialog, rate)
    detail.buttons["return"].click()
    modal.check(count=2)
    assert detail.dossier.status == Status.RETURNED
    with ctx.db.session() as session:
        rating = session.query(SatisfactionRating).one()
        assert (rating.level, rating.dissatisfied, rating.note) == (2, True, "Phải chờ lâu")
    # The dashboard follows: one rated dossier, dissatisfied, so 0 %.
    window.actions_["dashboard"].trigger()
    assert window.dashboard_view.cards["satisfaction"].value == "0,0 %"


def test_skipping_the_rating_records_nothing(window, ctx, march, modal):
    window.show_detail(march["late"])
    modal.expect(ReturnDialog, lambda d: d.accept())
    modal.expect(RatingDialog, lambda d: d.skip_button.click())
    window.detail_view.buttons["return"].click()
    modal.check(count=2)
    with ctx.db.session() as session:
        assert session.query(SatisfactionRating).count() == 0
