"""Text folding for accent-insensitive search: "Nguyễn Văn Đạt" → "nguyen van dat"."""

from __future__ import annotations

import unicodedata

_SPECIAL = str.maketrans({"đ": "d", "Đ": "d", "ð": "d"})


def fold(text: str | None) -> str:
    """Lower-case, strip diacritics (including đ → d) and collapse whitespace."""
    if not text:
        return ""
    text = unicodedata.normalize("NFD", text.translate(_SPECIAL))
    stripped = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return " ".join(stripped.lower().split())


def nfc(text: str | None) -> str:
    return unicodedata.normalize("NFC", text or "").strip()
