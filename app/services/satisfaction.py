"""Citizens' satisfaction ratings, taken when the result is handed over (feeds the satisfaction indicator).

Rules:

* a rating concerns a dossier whose result was returned (status 10): before that the citizen has not
  experienced the whole service, and a refused or withdrawn dossier has no result to judge;
* levels are 1 (rất không hài lòng) .. 5 (rất hài lòng); levels 1 and 2 count as *dissatisfied*;
* one rating per dossier: a second rating **replaces** the first. The citizen may tap the wrong button at the
  kiosk and correct it, or rate again by phone; keeping one row per dossier also means the indicator counts
  each dossier once without any de-duplication. ``rated_at`` moves to the latest rating, so the rating
  belongs to the period in which it was last given;
* the change is queued for the province in the same transaction (the dossier's sync record carries it).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import clock, outbox
from app.changes import Changes
from app.errors import StateError, ValidationError
from app.i18n import tr
from app.models import SatisfactionRating
from app.services.dossiers import get_dossier
from app.settings import Settings
from app.status import Status
from app.text import nfc

LEVELS: dict[int, str] = {
    5: "Rất hài lòng",
    4: "Hài lòng",
    3: "Bình thường",
    2: "Không hài lòng",
    1: "Rất không hài lòng",
}
DISSATISFIED_MAX_LEVEL = 2
CHANNELS = ("counter", "kiosk", "online", "phone", "paper")
MAX_COMMENT_CHARS = 2000


@dataclass(frozen=True)
class RatingOutcome:
    rating: SatisfactionRating
    replaced: bool  # an earlier rating of the same dossier was overwritten
    changes: Changes


def is_dissatisfied(level: int) -> bool:
    return level <= DISSATISFIED_MAX_LEVEL


def get_rating(session: Session, dossier_id: str) -> SatisfactionRating | None:
    return session.execute(
        select(SatisfactionRating).where(SatisfactionRating.dossier_id == dossier_id)
        .order_by(SatisfactionRating.id.desc()).limit(1)
    ).scalar_one_or_none()


def record_rating(session: Session, settings: Settings, dossier_key: str, level: int, *, comment: str = "",
                  channel: str = "counter", complaint: bool = False) -> RatingOutcome:
    """Record (or replace) the rating of a returned dossier and queue the dossier for sync.

    ``complaint`` marks a rating that comes with a complaint about the handling (it lowers the indicator
    like a dissatisfied rating, whatever the level).
    """
    if isinstance(level, bool) or not isinstance(level, int) or level not in LEVELS:
        raise ValidationError(tr("Mức đánh giá phải từ 1 (rất không hài lòng) đến 5 (rất hài lòng)."))
    if channel not in CHANNELS:
        raise ValidationError(tr("Kênh đánh giá “{channel}” không hợp lệ.", channel=channel))
    comment = nfc(comment or "").strip()
    if len(comment) > MAX_COMMENT_CHARS:
        raise ValidationError(tr("Ý kiến góp ý dài quá {n} ký tự.", n=MAX_COMMENT_CHARS))
    dossier = get_dossier(session, dossier_key)
    if dossier.status != Status.RETURNED:
        raise StateError(tr("Chỉ lấy ý kiến đánh giá khi hồ sơ {code} đã trả kết quả.", code=dossier.code))

    rating = get_rating(session, dossier.id)
    replaced = rating is not None
    if rating is None:
        rating = SatisfactionRating(dossier_id=dossier.id)
        session.add(rating)
    rating.rated_at = clock.now()
    rating.channel = channel
    rating.level = level
    rating.dissatisfied = is_dissatisfied(level)
    rating.complaint = bool(complaint)
    rating.note = comment
    session.flush()
    outbox.enqueue(session, outbox.DOSSIER, dossier.id)
    return RatingOutcome(rating=rating, replaced=replaced, changes=Changes.dossier(dossier.id))
