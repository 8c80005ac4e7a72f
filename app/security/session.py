"""Who is working at this workstation process right now: login, idle lock, fast unlock, user switching.

One :class:`WorkstationSession` per running app (the UI holds it; :func:`workstation` returns the process's
instance). Only a small immutable :class:`OperatorRef` is kept, never an ORM row, so it is safe to read from
the background lanes. While the counter is locked :func:`current_operator` answers ``None``: nothing may be
done in the name of someone who has walked away.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from app import clock
from app.db import Database
from app.errors import UserError
from app.i18n import tr
from app.models import Operator
from app.security import audit, operators


class NotLoggedIn(UserError):  # noqa: N818 - named by the situation, like the other UserErrors
    """No operator is logged in, or the counter is locked."""


@dataclass(frozen=True)
class OperatorRef:
    id: str
    username: str
    full_name: str
    role: str
    must_change_password: bool = False

    @classmethod
    def of(cls, operator: Operator) -> OperatorRef:
        return cls(operator.id, operator.username, operator.full_name, operator.role,
                   bool(operator.must_change_password))

    def can(self, permission: str) -> bool:
        return operators.has_permission(self.role, permission)


class WorkstationSession:
    def __init__(self) -> None:
        self._operator: OperatorRef | None = None
        self._locked = False
        self._last_activity: datetime | None = None
        self.idle_lock_minutes = operators.DEFAULT_IDLE_LOCK_MINUTES

    @property
    def operator(self) -> OperatorRef | None:
        """Whoever owns the session, also while it is locked (the lock screen shows the name)."""
        return self._operator

    @property
    def locked(self) -> bool:
        return self._locked

    def current(self) -> OperatorRef | None:
        return None if self._locked else self._operator

    def require(self, permission: str | None = None) -> OperatorRef:
        """The acting operator, checked against ``permission``; raises a Vietnamese UserError otherwise."""
        if self._operator is None:
            raise NotLoggedIn(tr("Chưa đăng nhập. Hãy đăng nhập để tiếp tục."))
        if self._locked:
            raise NotLoggedIn(tr("Quầy đang khoá. Hãy mở khoá để tiếp tục."))
        if self._operator.must_change_password:
            # A temporary password set by the administrator is known to two people: no work until it changes.
            raise NotLoggedIn(tr("Hãy đổi mật khẩu tạm thời trước khi làm việc."))
        if permission is not None:
            operators.require(self._operator, permission)
        return self._operator

    def _start(self, db: Database, operator: Operator) -> OperatorRef:
        self._operator = OperatorRef.of(operator)
        self._locked = False
        self._last_activity = clock.now()
        with db.session() as session:
            self.idle_lock_minutes = operators.idle_lock_minutes(session)
        return self._operator

    def login(self, db: Database, username: str, password: str) -> OperatorRef:
        if self._operator is not None and not self._locked:
            raise NotLoggedIn(tr("Đang có người dùng đăng nhập; hãy dùng “Đổi người dùng”."))
        return self._start(db, operators.login(db, username, password))

    def change_password(self, db: Database, old_password: str, new_password: str) -> OperatorRef:
        """The logged-in operator replaces their password (also the forced change after a temporary one)."""
        if self._operator is None or self._locked:
            raise NotLoggedIn(tr("Chưa đăng nhập. Hãy đăng nhập để tiếp tục."))
        with db.session() as session:
            operator = operators.get_operator(session, self._operator.username)
            operators.change_password(session, operator, old_password, new_password)
            ref = OperatorRef.of(operator)
        self._operator = ref  # only once committed: a failed write leaves the temporary password in force
        self._last_activity = clock.now()
        return ref

    def logout(self, db: Database) -> None:
        if self._operator is None:
            return
        with db.session() as session:
            audit.record(session, self._operator, audit.LOGOUT, f"operator:{self._operator.username}")
        self._operator = None
        self._locked = False
        self._last_activity = None

    def touch(self) -> None:
        """Input from the operator (the UI calls this on key and mouse events, throttled)."""
        if not self._locked:
            self._last_activity = clock.now()

    def idle_deadline(self) -> datetime | None:
        if self._operator is None or self._locked or self._last_activity is None:
            return None
        return self._last_activity + timedelta(minutes=self.idle_lock_minutes)

    def check_idle(self, db: Database | None = None) -> bool:
        """Lock if the operator has been idle too long; True when this call locked the counter."""
        deadline = self.idle_deadline()
        if deadline is None or clock.now() < deadline:
            return False
        self.lock(db, reason="idle")
        return True

    def lock(self, db: Database | None = None, *, reason: str = "manual") -> None:
        """Lock the counter without ending the session: open work stays, unlocking needs the password."""
        if self._operator is None or self._locked:
            return
        self._locked = True
        if db is not None:
            with db.session() as session:
                audit.record(session, self._operator, audit.IDLE_LOCK, f"operator:{self._operator.username}",
                             {"reason": reason})

    def unlock(self, db: Database, password: str) -> OperatorRef:
        """Fast re-unlock by the same operator: only the password, counted by the same lockout rules."""
        if self._operator is None:
            raise NotLoggedIn(tr("Chưa đăng nhập. Hãy đăng nhập để tiếp tục."))
        if not self._locked:
            return self._operator
        return self._start(db, operators.login(db, self._operator.username, password, action=audit.UNLOCK))

    def switch_user(self, db: Database, username: str, password: str) -> OperatorRef:
        """Another official takes the shared counter; the previous one's session ends in the log."""
        previous = self._operator
        if previous is not None and operators.normalise_username(username) == previous.username:
            return self.unlock(db, password)
        operator = operators.login(db, username, password)  # a wrong password leaves the counter as it was
        if previous is not None:
            with db.session() as session:
                audit.record(session, operator.username, audit.SWITCH_USER, f"operator:{operator.username}",
                             {"from": previous.username})
        return self._start(db, operator)


_workstation = WorkstationSession()


def workstation() -> WorkstationSession:
    return _workstation


def current_operator() -> OperatorRef | None:
    """The operator acting at this workstation, or ``None`` when nobody is logged in or it is locked."""
    return _workstation.current()


def reset_workstation() -> WorkstationSession:
    """A fresh session (tests, and the UI after a database switch)."""
    global _workstation
    _workstation = WorkstationSession()
    return _workstation
