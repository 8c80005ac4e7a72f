"""Screens and services that plug into the shell: each module has ``install(window, ctx)``.

Kept as one explicit list so the order of toolbar actions is stable and a packaged build knows what to
bundle.
"""

from __future__ import annotations

import importlib

from ui.context import AppContext

EXTENSION_MODULES: tuple[str, ...] = (
    "ui.auth_ui",
    "ui.capture_ui",
    "ui.sync_ui",
    "ui.dashboard_ui",
    "ui.backup_ui",
    "ui.privacy_ui",
    "ui.guide_ui",
)


def install_all(window, ctx: AppContext) -> None:  # noqa: ANN001 - MainWindow (import cycle)
    for name in EXTENSION_MODULES:
        importlib.import_module(name).install(window, ctx)
