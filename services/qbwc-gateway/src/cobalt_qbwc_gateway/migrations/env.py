"""Alembic environment of the QuickBooks Web Connector gateway service."""

from cobalt_qbwc_gateway.adapters.orm import metadata
from cobalt_shared.db.migrations import run_migrations

run_migrations(metadata)
