"""Alembic environment of the Payables service."""

from cobalt_payables.adapters.orm import metadata
from cobalt_shared.db.migrations import run_migrations

run_migrations(metadata)
