"""Alembic environment: migrations always run on a connection handed over by app.db."""

from alembic import context

from app.models import Base

target_metadata = Base.metadata
connection = context.config.attributes.get("connection")
if connection is None:  # `alembic` CLI use during development: an explicit URL is required
    from sqlalchemy import create_engine

    connection = create_engine(context.config.get_main_option("sqlalchemy.url")).connect()



def include_object(obj, name, type_, reflected, compare_to):  # noqa: ANN001, ANN201
    # The FTS5 index and its shadow tables are managed by hand in the migrations.
    return not (type_ == "table" and name.startswith("dossier_fts"))


context.configure(connection=connection, target_metadata=target_metadata, include_object=include_object)
with context.begin_transaction():
    context.run_migrations()
