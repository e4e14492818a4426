"""A payment can be voided from Accounts Payable: where its void stands, and who asked.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("payments") as table:
        table.add_column(sa.Column("void_state", sa.String(40), nullable=True))
        table.add_column(sa.Column("void_detail", sa.Text(), nullable=True))
        table.add_column(sa.Column("voided_by", sa.String(200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("payments") as table:
        table.drop_column("voided_by")
        table.drop_column("void_detail")
        table.drop_column("void_state")
