"""Who mapped an account and when, and the history of every mapping change.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
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
    with op.batch_alter_table("coa_accounts") as table:
        table.add_column(sa.Column("mapped_by", sa.String(200), nullable=True))
        table.add_column(sa.Column("mapped_at", UTCDateTime(), nullable=True))
    op.create_table(
        "mapping_history",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("merchant_id", sa.Uuid(), nullable=False),
        sa.Column("key", sa.String(120), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("by", sa.String(200), nullable=True),
        sa.Column("qb_full_name", sa.String(200), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_mapping_history"),
    )
    op.create_index("ix_mapping_history_merchant_at", "mapping_history", ["merchant_id", "at"])


def downgrade() -> None:
    op.drop_index("ix_mapping_history_merchant_at", table_name="mapping_history")
    op.drop_table("mapping_history")
    with op.batch_alter_table("coa_accounts") as table:
        table.drop_column("mapped_at")
        table.drop_column("mapped_by")
