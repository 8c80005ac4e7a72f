"""Plugs the scanning screen into the shell: its toolbar action (F6) and the detail view's "Quét / số hóa"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.context import AppContext
from ui.views.capture import CaptureView


def _t(text: str) -> str:
    return QCoreApplication.translate("CaptureUi", text)


def install(window, ctx: AppContext) -> CaptureView:  # noqa: ANN001 - MainWindow (import cycle)
    screen = CaptureView(ctx)
    screen.setObjectName("capture_view")
    window.add_screen("capture", _t("Quét tài liệu"), "F6", screen,
                      tip=_t("Quét giấy tờ của hồ sơ đang mở và lưu thành tệp PDF (F6)"))

    def open_for(dossier_id: str) -> None:
        screen.load_dossier(dossier_id)
        window.stack.setCurrentWidget(screen)

    previous = {"widget": window.stack.currentWidget()}

    def stack_changed(_index: int) -> None:
        # F6 pressed on a dossier's screen scans for that dossier; from elsewhere the last one stays loaded.
        current = window.stack.currentWidget()
        detail = window.detail_view
        if current is screen and previous["widget"] is detail and detail.dossier is not None:
            screen.load_dossier(detail.dossier.id)
        previous["widget"] = current

    window.stack.currentChanged.connect(stack_changed)
    window.detail_view.scan_requested.connect(open_for)
    screen.back_requested.connect(window.show_detail)
    window.capture_view = screen
    return screen
