"""Bills and the messaging tables.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from cobalt_shared.db.migrations import create_messaging_tables, drop_messaging_tables
from cobalt_shared.db.tables import UTCDateTime

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    create_messaging_tables()
    op.create_table(
        "bills",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("merchant_id", sa.Uuid(), nullable=False),
        sa.Column("order_id", sa.Uuid(), nullable=False),
        sa.Column("vendor_name", sa.String(100), nullable=False),
        sa.Column("invoice_number", sa.String(40), nullable=False),
        sa.Column("bill_date", sa.Date(), nullable=False),
        sa.Column("amount", sa.Numeric(14, 2), nullable=False),
        sa.Column("open_balance", sa.Numeric(14, 2), nullable=False),
        sa.Column("recorded_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_bills"),
        sa.UniqueConstraint("merchant_id", "order_id", name="uq_bills_order"),
    )
    op.create_index("ix_bills_merchant_id", "bills", ["merchant_id"])


def downgrade() -> None:
    op.drop_table("bills")
    drop_messaging_tables()
