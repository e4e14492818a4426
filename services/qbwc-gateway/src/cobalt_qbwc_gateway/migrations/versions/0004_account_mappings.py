"""The chart-of-accounts mappings the gateway reads entries' accounts from.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from cobalt_shared.db.tables import UTCDateTime

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "account_mappings",
        sa.Column("merchant_id", sa.Uuid(), nullable=False),
        sa.Column("account", sa.String(100), nullable=False),
        sa.Column("qb_full_name", sa.String(159), nullable=True),
        sa.Column("qb_list_id", sa.String(40), nullable=True),
        sa.Column("qb_account_type", sa.String(40), nullable=True),
        sa.Column("as_of", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("merchant_id", "account", name="pk_account_mappings"),
    )


def downgrade() -> None:
    op.drop_table("account_mappings")
