"""Installs the indicators dashboard (F8) into the main window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.context import AppContext
from ui.views.dashboard import DashboardView


def install(window, ctx: AppContext) -> DashboardView:  # noqa: ANN001 - MainWindow (import cycle)
    view = DashboardView(ctx)
    view.setObjectName("dashboard")
    window.add_screen("dashboard", QCoreApplication.translate("Dashboard", "Chỉ số (F8)"), "F8", view,
                      tip=QCoreApplication.translate(
                          "Dashboard", "Xem số hồ sơ tiếp nhận, giải quyết đúng hạn và quá hạn theo kỳ (F8)"))
    # A dossier opened from a list goes to the usual detail screen; "back" there returns to the list.
    view.open_requested.connect(window.show_detail)
    window.dashboard_view = view
    return view
