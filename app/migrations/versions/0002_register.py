"""register book and entry number of each dossier (form 01 and the register, form 06)

Revision ID: 0002_register
Revises: 0001_initial
Create Date: 2026-11-27 21:20:00
"""
import sqlalchemy as sa
from alembic import op

revision = "0002_register"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMN: a batch (copy-and-rename) migration would drop the FTS triggers on dossiers.
    op.add_column("dossiers", sa.Column("register_book", sa.String(length=16), nullable=True))
    op.add_column("dossiers", sa.Column("register_entry", sa.Integer(), nullable=True))
    op.create_index("uq_dossier_register_entry", "dossiers", ["register_book", "register_entry"], unique=True)


def downgrade() -> None:
    op.drop_index("uq_dossier_register_entry", table_name="dossiers")
    op.drop_column("dossiers", "register_entry")
    op.drop_column("dossiers", "register_book")
