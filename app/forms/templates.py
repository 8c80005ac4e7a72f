"""Form templates versioned by effective date, and the public entry points that render them.

A new circular (e.g. one that replaces the 2018 models) is added as a module of renderers plus entries in
:data:`FORM_TEMPLATES` with its ``effective_from``; papers dated before it keep the older layout.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from app.errors import ValidationError
from app.forms import tt01_2018
from app.forms.context import DossierPaper, RegisterRow, UnitInfo
from app.fsutil import atomic_write_bytes
from app.i18n import tr

PAPER_FORMS = ("01", "02", "03", "04", "05")
REGISTER_FORM = "06"


@dataclass(frozen=True)
class FormTemplate:
    """One version of one form.

    ``render`` returns PDF bytes. For forms 01–05 it is called as ``render(paper, unit, on)``; for the
    register (06) as ``render(rows, unit, period_text, on)``.
    """

    form_id: str
    effective_from: date
    legal_basis: str
    title: str
    render: Callable[..., bytes]


def _tt01_2018() -> list[FormTemplate]:
    renderers: dict[str, Callable[..., bytes]] = {
        "01": tt01_2018.render_01,
        "02": tt01_2018.render_02,
        "03": tt01_2018.render_03,
        "04": tt01_2018.render_04,
        "05": tt01_2018.render_05,
        "06": tt01_2018.render_06,
    }
    return [
        FormTemplate(form_id, tt01_2018.EFFECTIVE_FROM, tt01_2018.LEGAL_BASIS, tt01_2018.TITLES[form_id], render)
        for form_id, render in renderers.items()
    ]


FORM_TEMPLATES: dict[str, list[FormTemplate]] = {}
for _template in _tt01_2018():
    FORM_TEMPLATES.setdefault(_template.form_id, []).append(_template)


def template_for(form_id: str, on: date) -> FormTemplate:
    """The latest template of ``form_id`` already in force on ``on``."""
    versions = FORM_TEMPLATES.get(form_id)
    if not versions:
        raise ValidationError(tr("Không có mẫu giấy tờ số {form}.", form=form_id))
    in_force = [t for t in versions if t.effective_from <= on]
    if not in_force:
        first = min(t.effective_from for t in versions)
        raise ValidationError(tr(
            "Ngày {day} chưa có mẫu giấy tờ số {form} áp dụng (mẫu sớm nhất có hiệu lực từ {first}).",
            day=on.strftime("%d/%m/%Y"), form=form_id, first=first.strftime("%d/%m/%Y"),
        ))
    return max(in_force, key=lambda t: t.effective_from)


def _write(data: bytes, out: Path | str | os.PathLike[str] | BinaryIO) -> None:
    if isinstance(out, str | os.PathLike):
        # The whole PDF is built in memory first, so a failure midway never leaves a torn file behind.
        atomic_write_bytes(Path(out), data)
    else:
        out.write(data)


def render_paper(
    form_id: str,
    paper: DossierPaper,
    unit: UnitInfo,
    out: Path | BinaryIO,
    on: date | None = None,
) -> None:
    """Render form 01–05 for ``paper`` into ``out`` (a path, written atomically, or a binary stream).

    ``on`` picks the template in force (default: today) and dates forms 02–05 unless ``paper.issued_at``
    is set; form 01 is always dated by the reception time.
    """
    if form_id not in PAPER_FORMS:
        raise ValidationError(tr("Mẫu {form} không phải là phiếu của hồ sơ (chỉ 01 đến 05).", form=form_id))
    day = on or date.today()
    template = template_for(form_id, day)
    _write(template.render(paper, unit, day), out)


def render_register(
    rows: Sequence[RegisterRow],
    unit: UnitInfo,
    period_text: str,
    out: Path | BinaryIO,
    on: date | None = None,
) -> None:
    """Render the dossier register (form 06, A4 landscape) for ``rows`` into ``out``."""
    day = on or date.today()
    template = template_for(REGISTER_FORM, day)
    _write(template.render(rows, unit, period_text, day), out)


def render_paper_bytes(form_id: str, paper: DossierPaper, unit: UnitInfo, on: date | None = None) -> bytes:
    """Same as :func:`render_paper` but returns the PDF, for previews and printing without a file."""
    buffer = io.BytesIO()
    render_paper(form_id, paper, unit, buffer, on)
    return buffer.getvalue()
