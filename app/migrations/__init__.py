"""Alembic migrations of the local database.

``HEAD_REVISION`` names the newest migration so that a start-up with an up-to-date database does not load
Alembic at all (a test checks it against the scripts).
"""

HEAD_REVISION = "0008_search_words"
