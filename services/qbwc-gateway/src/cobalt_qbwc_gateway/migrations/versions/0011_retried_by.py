"""An entry remembers who last pressed Retry on it, and when.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from cobalt_shared.db.tables import UTCDateTime

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("entries") as table:
        table.add_column(sa.Column("retried_by", sa.String(200), nullable=True))
        table.add_column(sa.Column("retried_at", UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("entries") as table:
        table.drop_column("retried_at")
        table.drop_column("retried_by")
