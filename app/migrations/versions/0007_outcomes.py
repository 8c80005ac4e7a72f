"""stored outcome of each finished dossier (on-time class, finish moment, working time)

Revision ID: 0007_outcomes
Revises: 0006_satisfaction
Create Date: 2026-11-27 23:50:00
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision = "0007_outcomes"
down_revision = "0006_satisfaction"
branch_labels = None
depends_on = None

# The services store the outcome right after writing what it depends on. Any other write of those columns
# (the province's status feed, an import, a hand fix in a SQL console) clears it, and the indicators judge
# such a dossier on the fly until it is stored again: a stale outcome is never counted.
STALE_TRIGGER = (
    "CREATE TRIGGER dossiers_outcome_stale AFTER UPDATE OF status, received_at, due_at, finished_at, returned_at "
    "ON dossiers WHEN new.outcome IS NOT NULL OR new.outcome_at IS NOT NULL OR new.working_seconds IS NOT NULL "
    "BEGIN UPDATE dossiers SET outcome = NULL, outcome_at = NULL, working_seconds = NULL WHERE seq = new.seq; END"
)

# Covering indexes of the indicators' GROUP BY, one per grouping (none, procedure, field, official).
INDICATOR_COLUMNS = ["status", "channel", "outcome", "received_at", "outcome_at", "working_seconds"]
INDICATOR_INDEXES = [
    ("ix_dossiers_indicators", []),
    ("ix_dossiers_indicators_procedure", ["procedure_code", "procedure_name"]),
    ("ix_dossiers_indicators_field", ["field_name"]),
    ("ix_dossiers_indicators_official", ["received_by"]),
]


def upgrade() -> None:
    from app.services.deadlines import refresh_outcomes
    from app.settings import load_settings
    from app.workdays import calendar_from_settings

    # Plain ADD COLUMN: a batch (copy-and-rename) migration would drop the FTS triggers on dossiers.
    op.add_column("dossiers", sa.Column("outcome", sa.String(length=16), nullable=True))
    op.add_column("dossiers", sa.Column("outcome_at", sa.DateTime(), nullable=True))
    op.add_column("dossiers", sa.Column("working_seconds", sa.Integer(), nullable=True))
    op.create_index("ix_dossiers_outcome_at", "dossiers", ["outcome_at"], unique=False)
    op.create_index("ix_dossiers_outcome_pending", "dossiers", ["status"], unique=False,
                    sqlite_where=sa.text("outcome IS NULL"))
    for name, group in INDICATOR_INDEXES:
        op.create_index(name, "dossiers", [*group, *INDICATOR_COLUMNS], unique=False)
    op.execute(STALE_TRIGGER)
    # Backfill with the same function the services use, under this workstation's calendar.
    bind = op.get_bind()
    with Session(bind=bind) as session:
        calendar = calendar_from_settings(load_settings(), session)
    refresh_outcomes(bind, calendar)


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS dossiers_outcome_stale")
    for name, _ in INDICATOR_INDEXES:
        op.drop_index(name, table_name="dossiers")
    op.drop_index("ix_dossiers_outcome_pending", table_name="dossiers")
    op.drop_index("ix_dossiers_outcome_at", table_name="dossiers")
    op.drop_column("dossiers", "working_seconds")
    op.drop_column("dossiers", "outcome_at")
    op.drop_column("dossiers", "outcome")
