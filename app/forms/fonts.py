"""The serif family for official papers, registered with reportlab once per process."""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from app.errors import StorageError
from app.i18n import tr
from app.paths import resource_path

# Tinos is metric-compatible with Times New Roman, the face official documents are typeset in,
# and covers the precomposed Vietnamese letters. TTFont always embeds (as subsets).
FAMILY = "Tinos"
REGULAR = "Tinos"
BOLD = "Tinos-Bold"
ITALIC = "Tinos-Italic"
BOLD_ITALIC = "Tinos-BoldItalic"

_FILES = {
    REGULAR: "Tinos-Regular.ttf",
    BOLD: "Tinos-Bold.ttf",
    ITALIC: "Tinos-Italic.ttf",
    BOLD_ITALIC: "Tinos-BoldItalic.ttf",
}

_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the Tinos family; cheap after the first call (parsing the TTFs takes tens of ms)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name, filename in _FILES.items():
            path = resource_path("fonts", filename)
            try:
                pdfmetrics.registerFont(TTFont(name, str(path)))
            except (OSError, TTFError) as exc:
                raise StorageError(
                    tr("Thiếu hoặc hỏng phông chữ {name} ({path}); hãy cài đặt lại phần mềm.", name=filename, path=path),
                    detail=repr(exc),
                ) from exc
        # <b>/<i> inside Paragraph markup resolve through these mappings.
        addMapping(FAMILY, 0, 0, REGULAR)
        addMapping(FAMILY, 1, 0, BOLD)
        addMapping(FAMILY, 0, 1, ITALIC)
        addMapping(FAMILY, 1, 1, BOLD_ITALIC)
        _registered = True
