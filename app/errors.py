"""Typed errors. The UI shows :class:`UserError` messages as they are; anything else gets "copy details"."""

from __future__ import annotations


class UserError(Exception):
    """An error the official can understand and act on; ``message`` is already translated."""

    def __init__(self, message: str, *, detail: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail


class ValidationError(UserError):
    """Input that cannot be accepted (a field, a file, a date)."""


class NotFoundError(UserError):
    """A dossier, procedure or record that does not exist."""


class StateError(UserError):
    """An action not allowed in the dossier's current state."""


class StorageError(UserError):
    """The database or disk cannot be used (read-only, full, newer schema, corrupt)."""


class Cancelled(Exception):  # noqa: N818 - a signal, not a failure
    """The user cancelled; shown as nothing."""
