"""A payment says which bank account it is paid from, its check number or that it is printed
later, and who sent it.

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
    with op.batch_alter_table("payments") as table:
        table.add_column(
            sa.Column("pay_from", sa.String(60), nullable=False, server_default="operating-account")
        )
        table.add_column(sa.Column("check_number", sa.String(11), nullable=True))
        table.add_column(
            sa.Column("to_be_printed", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        table.add_column(sa.Column("made_by", sa.String(200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("payments") as table:
        table.drop_column("made_by")
        table.drop_column("to_be_printed")
        table.drop_column("check_number")
        table.drop_column("pay_from")
