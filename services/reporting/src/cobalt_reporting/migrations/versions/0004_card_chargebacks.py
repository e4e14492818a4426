"""A card settlement batch keeps its chargebacks and adjustments beside its fees.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("card_batches") as table:
        table.add_column(sa.Column("chargebacks", sa.Numeric(14, 2), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("card_batches") as table:
        table.drop_column("chargebacks")
