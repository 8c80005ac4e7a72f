"""Satisfaction ratings and the satisfaction indicator, on hand-computed dossiers of March 2027."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from app.errors import StateError, ValidationError
from app.models import OutboxItem, SatisfactionRating
from app.services import dossiers as svc
from app.services.indicators import compute_indicators
from app.services.satisfaction import get_rating, record_rating
from tests.unit.test_dossiers import receive

MARCH = (date(2027, 3, 1), date(2027, 3, 31))


def returned(db, settings, frozen_now, resolved_at: datetime) -> str:
    """A dossier received Thursday 04/03 (due Tuesday 09/03 09:15), resolved at ``resolved_at``, returned."""
    frozen_now.value = datetime(2027, 3, 4, 9, 20)
    code = receive(db, settings).code
    frozen_now.value = resolved_at
    with db.session() as session:
        svc.mark_resolved(session, settings, code)
        svc.return_result(session, settings, code, "Nguyễn Văn Đạt", signature_taken=True)
    return code


def rate(db, settings, code: str, level: int, **kw):
    with db.session() as session:
        return record_rating(session, settings, code, level, **kw)


def test_rating_is_recorded_and_queued_for_sync(db, settings, frozen_now):
    code = returned(db, settings, frozen_now, datetime(2027, 3, 8, 10, 0))
    with db.session() as session:
        dossier = svc.get_dossier(session, code)
        before = session.execute(select(OutboxItem.revision).where(OutboxItem.key == dossier.id)).scalar_one()
    frozen_now.value = datetime(2027, 3, 8, 10, 5)
    outcome = rate(db, settings, code, 2, comment="  Chờ lâu  ")
    assert outcome.changes.dossiers == {dossier.id} and not outcome.replaced
    with db.session() as session:
        rating = get_rating(session, dossier.id)
        assert (rating.level, rating.dissatisfied, rating.note, rating.channel) == (2, True, "Chờ lâu", "counter")
        assert rating.rated_at == datetime(2027, 3, 8, 10, 5)
        after = session.execute(select(OutboxItem.revision).where(OutboxItem.key == dossier.id)).scalar_one()
    assert after == before + 1


def test_a_second_rating_replaces_the_first(db, settings, frozen_now):
    code = returned(db, settings, frozen_now, datetime(2027, 3, 8, 10, 0))
    rate(db, settings, code, 1)
    outcome = rate(db, settings, code, 4, channel="phone")
    assert outcome.replaced
    with db.session() as session:
        assert session.execute(select(func.count()).select_from(SatisfactionRating)).scalar_one() == 1
        rating = session.execute(select(SatisfactionRating)).scalar_one()
        assert (rating.level, rating.dissatisfied, rating.channel) == (4, False, "phone")


@pytest.mark.parametrize("level", [0, 6, -1, True, 3.0, None])
def test_level_must_be_one_to_five(db, settings, frozen_now, level):
    code = returned(db, settings, frozen_now, datetime(2027, 3, 8, 10, 0))
    with pytest.raises(ValidationError):
        rate(db, settings, code, level)


def test_only_a_returned_dossier_is_rated(db, settings, frozen_now):
    frozen_now.value = datetime(2027, 3, 4, 9, 20)
    code = receive(db, settings).code
    with pytest.raises(StateError):
        rate(db, settings, code, 5)
    with db.session() as session:
        svc.mark_resolved(session, settings, code)
    with pytest.raises(StateError):  # resolved but not yet handed over
        rate(db, settings, code, 5)


def test_unknown_channel_is_refused(db, settings, frozen_now):
    code = returned(db, settings, frozen_now, datetime(2027, 3, 8, 10, 0))
    with pytest.raises(ValidationError):
        rate(db, settings, code, 5, channel="fax")


def test_satisfaction_indicator_follows_the_formula(db, settings, frozen_now):
    # Five rated dossiers: happy & early, happy & late (overdue), dissatisfied, complaint, happy & on time.
    happy = returned(db, settings, frozen_now, datetime(2027, 3, 8, 10, 0))
    late = returned(db, settings, frozen_now, datetime(2027, 3, 9, 10, 0))
    unhappy = returned(db, settings, frozen_now, datetime(2027, 3, 8, 11, 0))
    complained = returned(db, settings, frozen_now, datetime(2027, 3, 8, 11, 0))
    fine = returned(db, settings, frozen_now, datetime(2027, 3, 9, 9, 0))
    unhappy_and_late = returned(db, settings, frozen_now, datetime(2027, 3, 9, 11, 0))
    unrated = returned(db, settings, frozen_now, datetime(2027, 3, 8, 10, 0))
    frozen_now.value = datetime(2027, 3, 10, 8, 0)
    for code, level, complaint in ((happy, 5, False), (late, 4, False), (unhappy, 1, False),
                                   (complained, 5, True), (fine, 3, False), (unhappy_and_late, 2, False)):
        rate(db, settings, code, level, complaint=complaint)
    with db.session() as session:
        report = compute_indicators(session, *MARCH, by="procedure", with_codes=True)
    sat = report.overall.satisfaction
    # all 6; dissatisfied 2, complaint 1, overdue 2, but unhappy_and_late is subtracted once: 6 - 4 = 2.
    assert (sat.numerator, sat.denominator) == (2, 6)
    assert sat.value == pytest.approx(2 / 6)
    assert sat.parts == {"dissatisfied": 2, "complaint": 1, "overdue": 2}
    assert set(sat.numerator_codes) == {happy, fine}
    assert unrated not in sat.denominator_codes and len(sat.denominator_codes) == 6
    assert "6 hồ sơ được đánh giá" in sat.note
    (group,) = report.groups
    assert (group.satisfaction.numerator, group.satisfaction.denominator) == (2, 6)
    # Ratings given in April belong to April: March's figure does not move, April has no resolved dossier.
    with db.session() as session:
        april = compute_indicators(session, date(2027, 4, 1), date(2027, 4, 30)).overall
    assert april.satisfaction.value is None
