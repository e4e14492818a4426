"""A card settlement can name the business days it settles, and waits (not posted) until they
are closed.

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
    with op.batch_alter_table("card_batches") as table:
        table.add_column(sa.Column("days", sa.Text(), nullable=False, server_default="[]"))
        table.add_column(
            sa.Column("posted", sa.Boolean(), nullable=False, server_default=sa.true())
        )


def downgrade() -> None:
    with op.batch_alter_table("card_batches") as table:
        table.drop_column("posted")
        table.drop_column("days")
