"""Official papers printed at the counter (TT 01/2018/TT-VPCP forms 01–06), as PDF."""

from app.forms.context import DocumentLine, DossierPaper, HandOff, RegisterRow, UnitInfo
from app.forms.qr import paper_payload, paper_qr, parse_payload
from app.forms.templates import (
    FORM_TEMPLATES,
    FormTemplate,
    render_paper,
    render_paper_bytes,
    render_register,
    template_for,
)

__all__ = [
    "FORM_TEMPLATES",
    "DocumentLine",
    "DossierPaper",
    "FormTemplate",
    "HandOff",
    "RegisterRow",
    "UnitInfo",
    "paper_payload",
    "paper_qr",
    "parse_payload",
    "render_paper",
    "render_paper_bytes",
    "render_register",
    "template_for",
]
