"""The inbox is purged by age after the retention window: an index on processed_at.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30
"""

from collections.abc import Sequence

from cobalt_shared.db.migrations import add_retention_index, drop_retention_index

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    add_retention_index()


def downgrade() -> None:
    drop_retention_index()
