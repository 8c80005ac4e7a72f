"""count the writes that can bring words into the search index other than a new dossier

Revision ID: 0008_search_words
Revises: 0007_outcomes
Create Date: 2026-11-28 01:00:00
"""
from alembic import op

revision = "0008_search_words"
down_revision = "0007_outcomes"
branch_labels = None
depends_on = None

# The search planner keeps, per connection, the indexed words each typed prefix stands for. A new dossier
# appended at the end (the everyday case) only adds the words of rows above the highest seq it has seen, so it
# extends the lists in place; anything else that changes the indexed text (a rewritten search_text, a row
# inserted below the top) bumps this counter and the lists are rebuilt from the index.
BUMP = ("INSERT INTO meta(key, value) VALUES ('search_words_generation', '1') "
        "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1;")
TRIGGERS = {
    "dossiers_search_rewritten": (
        "CREATE TRIGGER dossiers_search_rewritten AFTER UPDATE OF search_text ON dossiers "
        f"WHEN old.search_text IS NOT new.search_text BEGIN {BUMP} END"),
    "dossiers_search_inserted_below": (
        "CREATE TRIGGER dossiers_search_inserted_below AFTER INSERT ON dossiers "
        f"WHEN new.seq < (SELECT max(seq) FROM dossiers) BEGIN {BUMP} END"),
}


def upgrade() -> None:
    for sql in TRIGGERS.values():
        op.execute(sql)


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DELETE FROM meta WHERE key = 'search_words_generation'")
