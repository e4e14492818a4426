"""Late sales post as adjustments dated their own day: their figures per day, and postings
that keep their command to move to a later day when QuickBooks' books are closed.

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
    op.create_table(
        "late_adjustments",
        sa.Column("merchant_id", sa.Uuid(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("closed_in", sa.Date(), nullable=False),
        sa.Column("figures", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("merchant_id", "day", "closed_in", name="pk_late_adjustments"),
    )
    with op.batch_alter_table("postings") as table:
        table.add_column(sa.Column("command", sa.Text(), nullable=True))
        table.add_column(sa.Column("movable_to", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("postings") as table:
        table.drop_column("movable_to")
        table.drop_column("command")
    op.drop_table("late_adjustments")
