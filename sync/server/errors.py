"""Errors that become HTTP replies: a machine ``code`` for the client engine, a Vietnamese ``message`` for people."""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """An expected refusal. The reply body is ``{"code": ..., "message": ..., **extra}``."""

    def __init__(self, status: int, code: str, message: str, *, headers: dict[str, str] | None = None,
                 extra: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}
        self.extra = extra or {}

    def body(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, **self.extra}
