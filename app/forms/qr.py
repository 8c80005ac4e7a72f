"""The QR code printed at the top left of every paper (TT 01/2023/TT-VPCP).

The symbol is drawn from the ``qrcode`` package's module matrix as filled rectangles: reportlab's own QR
widget is pure-Python drawing-heavy and dominated the render time of a receipt.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import qrcode
from qrcode.constants import ERROR_CORRECT_M
from reportlab.pdfgen.canvas import Canvas

# A prefix lets the application's own scanner tell its papers from a citizen ID card or any other QR.
PAYLOAD_PREFIX = "MCHS1"
SEPARATOR = "|"


def _clean(value: str) -> str:
    # The separator and line breaks inside a field would shift every following field for a reader.
    text = unicodedata.normalize("NFC", value or "")
    return " ".join(text.replace(SEPARATOR, "/").split())


def paper_payload(fields: Iterable[str]) -> str:
    """``MCHS1|<field>|<field>|...`` with the fields cleaned of separators and line breaks.

    For forms 01–05 the fields are: mã hồ sơ, mã TTHC, the applicant's identifier, the form number and the
    document name; for the register: unit identifier, period, row count, form number, document name.
    """
    return SEPARATOR.join([PAYLOAD_PREFIX, *(_clean(f) for f in fields)])


def parse_payload(text: str) -> list[str]:
    """Fields of a payload made by :func:`paper_payload` (without the prefix); ``[]`` if it is not one."""
    parts = text.split(SEPARATOR)
    if not parts or parts[0] != PAYLOAD_PREFIX:
        return []
    return parts[1:]


@lru_cache(maxsize=64)
def qr_matrix(payload: str) -> tuple[tuple[bool, ...], ...]:
    """Module matrix (no quiet zone) for ``payload`` in byte mode (UTF-8), error correction M.

    Choosing the mask pattern by penalty score is most of the cost (~10 ms); a paper is usually previewed
    and then printed, so the same payload comes back at once and is served from the cache.
    """
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(payload.encode("utf-8"))
    code.make(fit=True)
    return tuple(tuple(row) for row in code.get_matrix())


def paper_qr(canvas: Canvas, x: float, y: float, size: float, payload: str) -> None:
    """Draw the QR for ``payload`` with its lower-left corner at (x, y), ``size`` points square.

    The caller leaves the quiet zone (four modules) around it as white space.
    """
    matrix = qr_matrix(payload)
    n = len(matrix)
    # Work in module units with y pointing down, so every rectangle is four small integers: formatting
    # floats is the costly part of writing a path with pure-Python reportlab.
    ops: list[str] = []
    for row_index, row in enumerate(matrix):
        start = -1
        for col, dark in enumerate([*row, False]):
            if dark and start < 0:
                start = col
            elif not dark and start >= 0:
                ops.append(f"{start} {row_index} {col - start} 1 re")
                start = -1
    module = size / n
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    canvas.transform(module, 0, 0, -module, x, y + size)
    ops.append("f")
    canvas.addLiteral("\n".join(ops))
    canvas.restoreState()
