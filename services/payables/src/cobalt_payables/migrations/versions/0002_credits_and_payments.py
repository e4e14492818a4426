"""Bills learn their lines and QuickBooks state; vendor credits, payments and payment requests.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from cobalt_shared.db.tables import UTCDateTime

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MONEY = sa.Numeric(14, 2)


def _sync_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("state", sa.String(20), nullable=False, server_default="pending"),
        sa.Column("txn_id", sa.String(40), nullable=True),
        sa.Column("detail", sa.Text(), nullable=True),
    ]


def upgrade() -> None:
    with op.batch_alter_table("bills") as batch:
        batch.add_column(sa.Column("due_date", sa.Date(), nullable=True))
        batch.add_column(sa.Column("lines", sa.Text(), nullable=False, server_default="[]"))
        for column in _sync_columns():
            batch.add_column(column)
        batch.add_column(sa.Column("paid", MONEY, nullable=False, server_default="0"))
        batch.add_column(sa.Column("credited", MONEY, nullable=False, server_default="0"))
        batch.add_column(sa.Column("pending_payment_id", sa.Uuid(), nullable=True))
    op.create_table(
        "vendor_credits",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("merchant_id", sa.Uuid(), nullable=False),
        sa.Column("order_id", sa.Uuid(), nullable=False),
        sa.Column("vendor_name", sa.String(100), nullable=False),
        sa.Column("invoice_number", sa.String(40), nullable=False),
        sa.Column("credit_date", sa.Date(), nullable=False),
        sa.Column("amount", MONEY, nullable=False),
        sa.Column("available", MONEY, nullable=False),
        sa.Column("lines", sa.Text(), nullable=False),
        sa.Column("recorded_at", UTCDateTime(), nullable=False),
        *_sync_columns(),
        sa.Column("applied", MONEY, nullable=False, server_default="0"),
        sa.Column("pending_payment_id", sa.Uuid(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_vendor_credits"),
        sa.UniqueConstraint("merchant_id", "order_id", name="uq_vendor_credits_order"),
    )
    op.create_index("ix_vendor_credits_merchant_id", "vendor_credits", ["merchant_id"])
    op.create_table(
        "payments",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("merchant_id", sa.Uuid(), nullable=False),
        sa.Column("vendor_name", sa.String(100), nullable=False),
        sa.Column("payment_date", sa.Date(), nullable=False),
        sa.Column("amount", MONEY, nullable=False),
        sa.Column("applications", sa.Text(), nullable=False),
        sa.Column("request_id", sa.Uuid(), nullable=True),
        sa.Column("recorded_at", UTCDateTime(), nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id", name="pk_payments"),
    )
    op.create_index("ix_payments_merchant_id", "payments", ["merchant_id"])
    op.create_table(
        "payment_requests",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("merchant_id", sa.Uuid(), nullable=False),
        sa.Column("idempotency_key", sa.String(200), nullable=False),
        sa.Column("request_hash", sa.String(64), nullable=False),
        sa.Column("recorded_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_payment_requests"),
        sa.UniqueConstraint(
            "merchant_id", "idempotency_key", name="uq_payment_requests_idempotency_key"
        ),
    )


def downgrade() -> None:
    op.drop_table("payment_requests")
    op.drop_table("payments")
    op.drop_table("vendor_credits")
    with op.batch_alter_table("bills") as batch:
        for column in ("due_date", "lines", "state", "txn_id", "detail", "paid", "credited"):
            batch.drop_column(column)
        batch.drop_column("pending_payment_id")
