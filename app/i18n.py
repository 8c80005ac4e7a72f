"""Translation of user-facing text produced below the UI.

The UI translates its own strings with Qt's ``tr()``. Messages raised from ``app/`` (errors, CLI output)
are written in Vietnamese in the source and go through :func:`tr`, which looks them up in a JSON
catalogue (``resources/i18n/<lang>.json``) when a language other than Vietnamese is selected.
"""

from __future__ import annotations

import json
from functools import lru_cache

from app.paths import resource_path

_language = "vi"


def set_language(language: str) -> None:
    global _language
    _language = language


def current_language() -> str:
    return _language


@lru_cache(maxsize=8)
def _catalogue(language: str) -> dict[str, str]:
    path = resource_path("i18n", f"{language}.json")
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def tr(text: str, **values: object) -> str:
    """Translate ``text`` (Vietnamese source) and fill ``{name}`` placeholders."""
    if _language != "vi":
        text = _catalogue(_language).get(text, text)
    return text.format(**values) if values else text
