"""Alembic environment of the Orders service."""

from cobalt_orders.adapters.orm import metadata
from cobalt_shared.db.migrations import run_migrations

run_migrations(metadata)
