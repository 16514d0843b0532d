"""Alembic environment: migrations run on the connection (and inside the transaction) openwatch hands in."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from openwatch.store.schema import Base

connection = context.config.attributes.get("connection")
if connection is not None:
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
else:  # run by the alembic command with sqlalchemy.url set (development only)
    with create_engine(context.config.get_main_option("sqlalchemy.url") or "").begin() as own:
        context.configure(connection=own, target_metadata=Base.metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
