"""satisfaction ratings

Revision ID: 0006_satisfaction
Revises: 0005_security
Create Date: 2026-11-27 21:44:57.901339
"""
from alembic import op
import sqlalchemy as sa


revision = '0006_satisfaction'
down_revision = '0005_security'
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('satisfaction_ratings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('dossier_id', sa.String(length=36), nullable=False),
    sa.Column('rated_at', sa.DateTime(), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('level', sa.Integer(), nullable=True),
    sa.Column('dissatisfied', sa.Boolean(), nullable=False),
    sa.Column('complaint', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['dossier_id'], ['dossiers.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_satisfaction_ratings_dossier_id'), 'satisfaction_ratings', ['dossier_id'], unique=False)



def downgrade() -> None:

    op.drop_index(op.f('ix_satisfaction_ratings_dossier_id'), table_name='satisfaction_ratings')
    op.drop_table('satisfaction_ratings')

