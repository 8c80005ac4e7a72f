"""Intake drafts: saved as the official types, offered again after the app was closed mid-intake."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock
from app.changes import Changes
from app.ids import uuid7
from app.models import Draft


def save_draft(session: Session, payload: dict[str, Any], draft_id: str | None = None) -> str:
    draft = session.get(Draft, draft_id) if draft_id else None
    if draft is None:
        draft = Draft(id=draft_id or uuid7(), kind="intake", updated_at=clock.now(), payload=payload)
        session.add(draft)
    else:
        draft.payload = payload
        draft.updated_at = clock.now()
    return draft.id


def list_drafts(session: Session) -> list[Draft]:
    return list(session.execute(select(Draft).order_by(Draft.updated_at.desc())).scalars())


def delete_draft(session: Session, draft_id: str) -> Changes:
    draft = session.get(Draft, draft_id)
    if draft is not None:
        session.delete(draft)
    return Changes(drafts=True)
