"""Synchronisation with the provincial system, as the shell sees it: a periodic run on the "sync" lane, the
"Đồng bộ ngay" action, the state in the status bar, and the sync panel (F9).

The engine is a plain object from ``sync/``; this module only schedules it and shows what it reports. Every
engine call (and the keyring read, which may block on D-Bus) happens on the sync lane; the status shown
between runs is read from the database on the db lane, so nothing here can freeze the window.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QSizePolicy, QToolBar
from sqlalchemy import func, select

from app import __version__, clock, outbox
from app.changes import Changes
from app.errors import UserError
from app.fleet import BELOW_MINIMUM_KEY, Notice, NoticeLevel, update_notice
from app.models import DossierEvent, OutboxItem
from app.security import keys
from app.settings import load_settings, parse_hhmm, save_settings
from sync import engine as sync_engine
from sync.apply import PROVINCE_ACTION
from sync.engine import ScanPolicy, SyncEngine, SyncReport, SyncStatus
from ui.context import AppContext
from ui.widgets.style import TONES, graphic_color, mix, readable, set_tone

# Debounce between a local change and the push it triggers: a burst of edits leaves in one run.
PUSH_SOON_MS = 2_000
MIN_INTERVAL_S = 5


def _t(text: str) -> str:
    return QCoreApplication.translate("SyncUi", text)


def format_bytes(size: int) -> str:
    """Sizes the way a Vietnamese official reads them: decimal comma, one decimal ("1,2 MB")."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")
    if size >= 1024:
        return f"{round(size / 1024)} KB"
    return f"{size} B"


def format_time(at: datetime | None, now: datetime | None = None) -> str:
    """"14:05" today, "14:05 26/11/2026" on another day (a week-end gap must not look like a fresh sync)."""
    if at is None:
        return ""
    now = now or clock.now()
    return at.strftime("%H:%M") if at.date() == now.date() else at.strftime("%H:%M %d/%m/%Y")


def scan_policy(settings_min_kbps: int, night_window: str) -> ScanPolicy:
    """The settings' "scans only on a good line / at night" as the engine's policy; a malformed window is
    ignored (scans then go whenever the line allows) rather than stopping metadata from leaving."""
    window = None
    start, sep, end = (night_window or "").partition("-")
    if sep:
        try:
            window = (parse_hhmm(start.strip()), parse_hhmm(end.strip()))
        except UserError:
            window = None
    return ScanPolicy(only_when_kbps_above=float(settings_min_kbps) if settings_min_kbps > 0 else None,
                      night_window=window)


@dataclass(frozen=True)
class Trust:
    """The settings that decide whom the engine trusts; a change builds a new engine (and HTTP session)."""

    ca_file: str = ""
    pins: tuple[str, ...] = ()
    catalogue_keys: tuple[str, ...] = ()


@dataclass(frozen=True)
class SyncView:
    """Everything the status bar and the panel show, gathered on a worker thread in one go."""

    configured: bool
    status: SyncStatus | None
    running: bool = False
    problem: str = ""  # a condition outside the engine (no token, no keyring), plain Vietnamese
    needs_login: bool = False
    province_changes: tuple[tuple[datetime, str, str, int | None, str], ...] = ()  # at, code, actor, status, note
    report_errors: tuple[str, ...] = field(default_factory=tuple)
    notice: Notice | None = None  # what the province's hello says about this version (app.fleet)


def province_changes(db, limit: int = 50) -> tuple[tuple[datetime, str, str, int | None, str], ...]:  # noqa: ANN001
    """The newest status changes that arrived from the province (written by ``sync.apply``)."""
    from app.models import Dossier

    with db.session() as session:
        rows = session.execute(
            select(DossierEvent.at, Dossier.code, DossierEvent.actor, DossierEvent.to_status, DossierEvent.reason)
            .join(Dossier, Dossier.id == DossierEvent.dossier_id)
            .where(DossierEvent.action == PROVINCE_ACTION)
            .order_by(DossierEvent.at.desc(), DossierEvent.id.desc()).limit(limit)).all()
    return tuple((r[0], r[1], r[2], r[3], r[4]) for r in rows)


def state_text(view: SyncView) -> str:
    """The status bar's few words."""
    if not view.configured:
        return _t("Ngoại tuyến")
    if view.needs_login:
        return _t("Cần đăng nhập lại")
    if view.problem:
        return _t("Cần xử lý")
    st = view.status
    if view.running or (st is not None and st.state == sync_engine.SYNCING):
        return syncing_text(st)
    if st is None:
        return _t("Đang đồng bộ…")
    if st.state == sync_engine.OFFLINE:
        return _t("Ngoại tuyến")
    if st.state == sync_engine.NEEDS_LOGIN:
        return _t("Cần đăng nhập lại")
    if st.state == sync_engine.NEEDS_ATTENTION:
        return _t("Cần xử lý")
    if st.last_success is None:
        return _t("Chưa đồng bộ lần nào")
    return _t("Đã đồng bộ lúc {time}").format(time=format_time(st.last_success))


def syncing_text(st: SyncStatus | None) -> str:
    if st is None or not st.queued:
        return _t("Đang đồng bộ…")
    parts = []
    if st.queued_dossiers:
        parts.append(_t("{n} hồ sơ").format(n=st.queued_dossiers))
    if st.queued_attachment_bytes:
        parts.append(format_bytes(st.queued_attachment_bytes))
    elif st.queued_attachments:
        parts.append(_t("{n} tệp scan").format(n=st.queued_attachments))
    return _t("Đang đồng bộ… {what}").format(what=", ".join(parts)) if parts else _t("Đang đồng bộ…")


def state_tooltip(view: SyncView) -> str:
    if not view.configured:
        return _t("Chưa cài đặt địa chỉ máy chủ của tỉnh: hồ sơ được lưu trên máy và gửi khi có cấu hình.")
    if view.problem:
        return view.problem
    st = view.status
    if st is None:
        return ""
    lines = [st.message] if st.message else []
    if st.skew_warning:
        lines.append(st.skew_message)
    lines.append(_t("Bấm F9 để xem chi tiết đồng bộ."))
    return "\n".join(lines)


class SyncController(QObject):
    """Schedules engine runs on the sync lane and publishes what the status bar and the panel show."""

    view_changed = Signal(object)  # SyncView
    run_started = Signal()
    run_finished = Signal(object)  # SyncReport | None
    # app.fleet.Notice | None, emitted when the level or text changes. A blocking notice means: no new
    # intake on this workstation until it is updated (install() disables the intake action and screen).
    update_notice_changed = Signal(object)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.running = False
        self._again = False  # "sync now" pressed during a run: one more run right after it
        self._engine: SyncEngine | None = None  # touched only on the sync lane (one thread, tasks in order)
        self._engine_key: tuple[str, str, Trust] | None = None
        self._problem = ""
        self._needs_login = False
        self._echo = False
        self.last_view: SyncView | None = None
        self.current_version = __version__
        self.notice: Notice | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.sync_now)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(PUSH_SOON_MS)
        self._soon.timeout.connect(self.sync_now)
        ctx.events.changes_applied.connect(self._on_changes)

    # ----- configuration ----------------------------------------------------------------------------

    @property
    def configured(self) -> bool:
        return bool(self.ctx.settings.server_url.strip())

    def interval_ms(self) -> int:
        return max(MIN_INTERVAL_S, int(self.ctx.settings.sync_interval_seconds or 60)) * 1000

    def start(self) -> None:
        """Show the stored state at once, then run soon: the first push should not wait a whole interval."""
        self.refresh()
        if self.configured:
            self.timer.start(1_000)

    def stop(self) -> None:
        self.timer.stop()
        self._soon.stop()

    # ----- runs -------------------------------------------------------------------------------------

    def sync_now(self) -> None:
        if not self.configured:
            self.refresh()
            return
        if self.running:
            self._again = True
            return
        self.timer.stop()
        self._soon.stop()
        self.running = True
        self.run_started.emit()
        self.refresh()  # "syncing" with the current queue, shown before the first byte leaves
        settings = self.ctx.settings
        url = settings.server_url.strip()
        policy = scan_policy(settings.scans_min_kbps, settings.scans_night_window)
        trust = Trust(settings.server_ca_file.strip(), tuple(settings.server_pins),
                      tuple(settings.catalogue_public_keys))
        self.ctx.tasks.run("sync", lambda: self._run_job(url, policy, trust), self._run_done, self._run_failed)

    def _run_job(self, url: str, policy: ScanPolicy, trust: Trust | None = None
                 ) -> tuple[SyncReport | None, str, bool, Changes]:
        """On the sync lane: read the token, run the engine once, and work out which dossiers it touched."""
        try:
            token = keys.load_secret(keys.ENROLLMENT_TOKEN)
        except keys.KeyringUnavailable as exc:
            return None, exc.message, False, Changes()
        if not token:
            return None, _t("Máy trạm chưa được đăng ký với hệ thống của tỉnh (không có mã xác thực). "
                            "Hãy nhờ quản trị viên đăng ký máy trạm."), True, Changes()
        trust = trust or Trust()
        if self._engine is None or self._engine_key != (url, token, trust):
            if self._engine is not None:
                self._engine.close()
            self._engine = SyncEngine(self.ctx.db, url, token, scan_policy=policy, attachment_store=self.ctx.store,
                                      ca_file=trust.ca_file, pins=trust.pins, catalogue_keys=trust.catalogue_keys)
            self._engine_key = (url, token, trust)
        self._engine.scan_policy = policy
        before_keys, before_event = self._snapshot()
        report = self._engine.run_once()
        after_keys, _ = self._snapshot()
        touched = set(before_keys - after_keys)  # acknowledged: their "sent" line changes
        with self.ctx.db.session() as session:
            touched.update(session.execute(
                select(DossierEvent.dossier_id).where(DossierEvent.action == PROVINCE_ACTION,
                                                      DossierEvent.id > before_event)).scalars())
        changes = Changes(dossiers=frozenset(touched), catalogue=report.catalogue_updates > 0,
                          calendar=report.catalogue_updates > 0)
        return report, "", False, changes

    def _snapshot(self) -> tuple[set[str], int]:
        with self.ctx.db.session() as session:
            queued = set(session.execute(select(OutboxItem.key).where(OutboxItem.kind == outbox.DOSSIER)).scalars())
            last_event = session.execute(select(func.max(DossierEvent.id))).scalar() or 0
        return queued, int(last_event)

    def _run_done(self, result: tuple[SyncReport | None, str, bool, Changes]) -> None:
        report, problem, needs_login, changes = result
        self._problem, self._needs_login = problem, needs_login
        self.running = False
        if changes.dossiers or changes.catalogue:
            # Our own report of what the run touched must not schedule yet another run.
            self._echo = True
            try:
                self.ctx.events.publish(changes)
            finally:
                self._echo = False
        self.run_finished.emit(report)
        self._after_run()

    def _run_failed(self, exc: BaseException, details: str) -> None:
        # An engine bug must not stop the periodic sync nor pop a dialog every minute: it shows as
        # "Cần xử lý" with the details in the panel, and the next run tries again.
        self.running = False
        self._problem = (exc.message if isinstance(exc, UserError)
                         else _t("Lỗi không mong muốn khi đồng bộ. Chi tiết kỹ thuật: {error}").format(
                             error=details.strip().splitlines()[-1] if details.strip() else repr(exc)))
        self.run_finished.emit(None)
        self._after_run()

    def _after_run(self) -> None:
        if self._again:
            self._again = False
            QTimer.singleShot(0, self.sync_now)
        elif self.configured:
            self.timer.start(self.interval_ms())
        self.refresh()

    def _on_changes(self, changes: Changes) -> None:
        # A dossier saved at the counter goes up soon instead of waiting for the next interval.
        if self._echo:
            return
        if changes.settings:
            self.refresh()
            if self.configured and not self.running and not self.timer.isActive():
                self.timer.start(1_000)
        if changes.dossiers and self.configured and not self.running:
            self._soon.start()
        elif changes.dossiers:
            self.refresh()

    # ----- what is shown ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the engine's stored state (no network) on the db lane and publish it."""
        db = self.ctx.db
        self.ctx.tasks.run("db", lambda: sync_engine.status(db), self._publish)

    def _publish(self, st: SyncStatus | None) -> None:
        db = self.ctx.db
        notice = self._update_notice(st)
        view = SyncView(configured=self.configured, status=st, running=self.running, problem=self._problem,
                        needs_login=self._needs_login,
                        province_changes=self.last_view.province_changes if self.last_view else (), notice=notice)
        self.last_view = view
        self.view_changed.emit(view)
        if not self.running:
            # The province's changes list needs its own query; it only changes after a run.
            self.ctx.tasks.run("db", lambda: province_changes(db), self._publish_changes)

    def _update_notice(self, st: SyncStatus | None) -> Notice | None:
        """The notice for the versions of the last hello (kept while offline: a blocked client stays blocked)."""
        if st is None or not (st.min_client_version or st.latest_client_version):
            # No hello yet: nothing to say, and asking would forget when the grace period started.
            return self.notice
        settings = self.ctx.settings
        before = settings.extra.get(BELOW_MINIMUM_KEY)
        notice = update_notice(self.current_version, {"min_client_version": st.min_client_version,
                                                      "latest_client_version": st.latest_client_version},
                               settings=settings)
        after = settings.extra.get(BELOW_MINIMUM_KEY)
        if after != before:
            # The start of the grace period must survive a restart, or closing the app would extend it.
            self.ctx.tasks.run("db", lambda: _persist_extra(BELOW_MINIMUM_KEY, after))
        if notice != self.notice:
            self.notice = notice
            self.update_notice_changed.emit(notice)
        return notice

    def _publish_changes(self, rows: tuple[tuple[datetime, str, str, int | None, str], ...]) -> None:
        if self.last_view is None or self.last_view.province_changes == rows:
            return
        view = SyncView(configured=self.last_view.configured, status=self.last_view.status,
                        running=self.last_view.running, problem=self.last_view.problem,
                        needs_login=self.last_view.needs_login, province_changes=rows, notice=self.last_view.notice)
        self.last_view = view
        self.view_changed.emit(view)


def _persist_extra(key: str, value: object) -> None:
    """Write one ``settings.extra`` entry to the settings file without saving the rest of the in-memory
    settings (the local stack points them at its server for one run only)."""
    try:
        stored = load_settings()
        if value is None:
            stored.extra.pop(key, None)
        else:
            stored.extra[key] = value
        save_settings(stored)
    except (UserError, OSError):
        pass  # a settings file set aside as malformed: the grace period restarts, nothing worse


def banner_style(tone: str, *, bold: bool = False) -> str:
    """A boxed message tinted with a tone: the background, border and text all derive from the palette, so
    the box reads on a dark theme as well as on the usual light one."""
    palette = QApplication.palette()
    hue = QColor(TONES[tone])
    background = mix(palette.color(QPalette.ColorRole.Window), hue, 0.12)
    text = readable(hue, background, palette.color(QPalette.ColorRole.WindowText))
    weight = "; font-weight: bold" if bold else ""
    return (f"background: {background.name()}; border: 1px solid {graphic_color(TONES[tone], palette).name()}; "
            f"padding: 6px; color: {text.name()}{weight}")


def notice_banner_style(notice: Notice) -> str:
    if notice.level is NoticeLevel.BLOCKING:
        return banner_style("error", bold=True)
    return banner_style("warning")


def banner_text(notice: Notice) -> str:
    """One line above every screen; the full explanation is in the tooltip and the sync panel (F9)."""
    deadline = notice.deadline.strftime("%d/%m/%Y") if notice.deadline else ""
    if notice.level is NoticeLevel.BLOCKING:
        return _t("Phải cập nhật ứng dụng: từ ngày {deadline} máy này không tiếp nhận được hồ sơ mới cho đến khi "
                  "cài phiên bản {version}. Xem chi tiết ở màn hình Đồng bộ (F9).").format(
                      deadline=deadline, version=notice.target_version)
    return _t("Cần cập nhật ứng dụng: hãy cài phiên bản {version} trước ngày {deadline}, sau ngày đó máy này "
              "không tiếp nhận được hồ sơ mới.").format(deadline=deadline, version=notice.target_version)


def _show_notice(window: QMainWindow, banner: QToolBar, banner_label: QLabel, quiet: QLabel,
                 notice: Notice | None) -> None:
    """Info: a quiet label in the status bar. Warning: a banner above every screen with the deadline.
    Blocking: the same banner in red, and no new intake (the action and the intake screen are disabled)."""
    quiet.setVisible(notice is not None and notice.level is NoticeLevel.INFO)
    if notice is not None and notice.level is NoticeLevel.INFO:
        quiet.setText(_t("Có phiên bản mới {version}").format(version=notice.target_version))
        quiet.setToolTip(notice.message)
    loud = notice is not None and notice.level is not NoticeLevel.INFO
    banner.setVisible(loud)
    if loud:
        assert notice is not None
        banner_label.setText(banner_text(notice))
        banner_label.setToolTip(notice.message)
        banner_label.setStyleSheet(notice_banner_style(notice))
    blocking = notice is not None and notice.blocking
    intake = getattr(window, "actions_", {}).get("intake")
    if intake is not None:
        intake.setEnabled(not blocking)
        intake.setToolTip(notice.message if blocking and notice else "")
    intake_view = getattr(window, "intake_view", None)
    if intake_view is not None:
        intake_view.setEnabled(not blocking)


def install(window: QMainWindow, ctx: AppContext) -> SyncController:
    """Wire the controller, the "Đồng bộ ngay" action, the status bar label and the sync panel (F9)."""
    from ui.views.sync_panel import SyncPanel

    controller = SyncController(ctx, window)
    window.sync_controller = controller

    def show(view: SyncView) -> None:
        window.sync_label.setText(state_text(view))
        window.sync_label.setToolTip(state_tooltip(view))

    controller.view_changed.connect(show)

    quiet = QLabel()
    quiet.setObjectName("update_info")
    set_tone(quiet, "muted")
    quiet.setContentsMargins(10, 0, 10, 0)
    quiet.setVisible(False)
    window.statusBar().addPermanentWidget(quiet)
    banner = QToolBar(_t("Thông báo cập nhật"), window)
    banner.setObjectName("update_banner")
    banner.setMovable(False)
    banner.setFloatable(False)
    banner.toggleViewAction().setVisible(False)  # not something to switch off from the toolbar menu
    banner_label = QLabel()
    banner_label.setObjectName("update_banner_text")
    banner_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    banner.addWidget(banner_label)
    window.addToolBarBreak()
    window.addToolBar(banner)
    banner.setVisible(False)
    window.update_banner, window.update_info = banner, quiet
    controller.update_notice_changed.connect(lambda notice: _show_notice(window, banner, banner_label, quiet, notice))

    action = QAction(QCoreApplication.translate("SyncUi", "Đồng bộ ngay"), window)
    action.setShortcut(QKeySequence("Ctrl+Shift+S"))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.setToolTip(_t("Gửi ngay các hồ sơ chờ gửi và nhận cập nhật từ hệ thống của tỉnh"))
    action.triggered.connect(controller.sync_now)
    window.menuBar().actions()[0].menu().addAction(action)
    window.actions_["sync_now"] = action

    panel = SyncPanel(ctx, controller)
    window.sync_panel = panel
    window.add_screen("sync", panel.tr("Đồng bộ"), "F9", panel,
                      tip=_t("Xem tình trạng đồng bộ với hệ thống của tỉnh và các hồ sơ chờ gửi (F9)"))
    controller.start()
    return controller
