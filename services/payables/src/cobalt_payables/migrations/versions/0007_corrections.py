"""A bill follows its order's corrections: the revision it follows, and why one was refused.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("bills") as table:
        table.add_column(sa.Column("revision", sa.Integer(), nullable=False, server_default="0"))
        table.add_column(sa.Column("correction_problem", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("bills") as table:
        table.drop_column("correction_problem")
        table.drop_column("revision")
