"""Alembic environment of the Chart of accounts service."""

from cobalt_coa.adapters.orm import metadata
from cobalt_shared.db.migrations import run_migrations

run_migrations(metadata)
