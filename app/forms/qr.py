"""The QR code printed at the top left of every paper (TT 01/2023/TT-VPCP).

The symbol is drawn from the ``qrcode`` package's module matrix as filled rectangles: reportlab's own QR
widget is pure-Python drawing-heavy and dominated the render time of a receipt.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

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


def qr_matrix(payload: str) -> list[list[bool]]:
    """Module matrix (no quiet zone) for ``payload`` in byte mode (UTF-8), error correction M."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=0)
    code.add_data(payload.encode("utf-8"))
    code.make(fit=True)
    return code.get_matrix()


def paper_qr(canvas: Canvas, x: float, y: float, size: float, payload: str) -> None:
    """Draw the QR for ``payload`` with its lower-left corner at (x, y), ``size`` points square.

    The caller leaves the quiet zone (four modules) around it as white space.
    """
    matrix = qr_matrix(payload)
    n = len(matrix)
    module = size / n
    path = canvas.beginPath()
    # One rectangle per horizontal run of dark modules keeps the PDF small and the drawing fast.
    for row_index, row in enumerate(matrix):
        top = y + size - (row_index + 1) * module
        start = -1
        for col, dark in enumerate([*row, False]):
            if dark and start < 0:
                start = col
            elif not dark and start >= 0:
                path.rect(x + start * module, top, (col - start) * module, module)
                start = -1
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
