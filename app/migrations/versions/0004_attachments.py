"""dossier attachments

Revision ID: 0004_attachments
Revises: 0003_outbox
Create Date: 2026-11-27 21:21:30.433719
"""
from alembic import op
import sqlalchemy as sa


revision = '0004_attachments'
down_revision = '0003_outbox'
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('dossier_attachments',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('dossier_id', sa.String(length=36), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('pages', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('digitised', sa.Boolean(), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('cipher', sa.String(length=16), nullable=False),
    sa.Column('original_name', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('uploaded_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['dossier_documents.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['dossier_id'], ['dossiers.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_dossier_attachments_dossier_id'), 'dossier_attachments', ['dossier_id'], unique=False)
    op.create_index(op.f('ix_dossier_attachments_sha256'), 'dossier_attachments', ['sha256'], unique=False)



def downgrade() -> None:

    op.drop_index(op.f('ix_dossier_attachments_sha256'), table_name='dossier_attachments')
    op.drop_index(op.f('ix_dossier_attachments_dossier_id'), table_name='dossier_attachments')
    op.drop_table('dossier_attachments')

