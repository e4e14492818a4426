"""Bills and vendor credits keep what QuickBooks has of them, read back at each update.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for name in ("bills", "vendor_credits"):
        with op.batch_alter_table(name) as table:
            table.add_column(sa.Column("in_quickbooks", sa.Text(), nullable=True))


def downgrade() -> None:
    for name in ("bills", "vendor_credits"):
        with op.batch_alter_table(name) as table:
            table.drop_column("in_quickbooks")
