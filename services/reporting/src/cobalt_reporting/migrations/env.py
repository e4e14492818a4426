"""Alembic environment of the Reporting service."""

from cobalt_reporting.adapters.orm import metadata
from cobalt_shared.db.migrations import run_migrations

run_migrations(metadata)
