"""Orders and the messaging tables.

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
        "orders",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("merchant_id", sa.Uuid(), nullable=False),
        sa.Column("vendor_name", sa.String(100), nullable=False),
        sa.Column("vendor_key", sa.String(100), nullable=False),
        sa.Column("invoice_number", sa.String(40), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("total", sa.Numeric(14, 2), nullable=False),
        sa.Column("recorded_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_orders"),
        sa.UniqueConstraint(
            "merchant_id", "vendor_key", "invoice_number", name="uq_orders_invoice"
        ),
    )
    op.create_index("ix_orders_merchant_id", "orders", ["merchant_id"])


def downgrade() -> None:
    op.drop_table("orders")
    drop_messaging_tables()
