"""Sales, close schedules, closes, card settlement batches and postings.

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


def upgrade() -> None:
    op.create_table(
        "schedules",
        sa.Column("merchant_id", sa.Uuid(), nullable=False),
        sa.Column("timezone", sa.String(64), nullable=False),
        sa.Column("close_time", sa.String(5), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("merchant_id", name="pk_schedules"),
    )
    op.create_table(
        "sales",
        sa.Column("merchant_id", sa.Uuid(), nullable=False),
        sa.Column("sale_id", sa.String(100), nullable=False),
        sa.Column("sold_at", UTCDateTime(), nullable=False),
        sa.Column("business_day", sa.Date(), nullable=False),
        sa.Column("refund_of", sa.String(100), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("received_at", UTCDateTime(), nullable=False),
        sa.Column("closed_in", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("merchant_id", "sale_id", name="pk_sales"),
    )
    op.create_index("ix_sales_open", "sales", ["merchant_id", "closed_in", "business_day"])
    op.create_table(
        "closes",
        sa.Column("merchant_id", sa.Uuid(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("closed_at", UTCDateTime(), nullable=False),
        sa.Column("counted_cash", MONEY, nullable=True),
        sa.Column("figures", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("merchant_id", "day", name="pk_closes"),
    )
    op.create_table(
        "card_batches",
        sa.Column("merchant_id", sa.Uuid(), nullable=False),
        sa.Column("batch_id", sa.String(100), nullable=False),
        sa.Column("settled_on", sa.Date(), nullable=False),
        sa.Column("gross", MONEY, nullable=False),
        sa.Column("fees", MONEY, nullable=True),
        sa.Column("received_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("merchant_id", "batch_id", name="pk_card_batches"),
    )
    op.create_table(
        "postings",
        sa.Column("entry_id", sa.Uuid(), nullable=False),
        sa.Column("merchant_id", sa.Uuid(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("description", sa.String(200), nullable=False),
        sa.Column("amount", MONEY, nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("txn_id", sa.String(40), nullable=True),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("entry_id", name="pk_postings"),
    )
    op.create_index("ix_postings_merchant_day", "postings", ["merchant_id", "day"])
    op.create_table(
        "sales_categories",
        sa.Column("merchant_id", sa.Uuid(), nullable=False),
        sa.Column("key", sa.String(120), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.PrimaryKeyConstraint("merchant_id", "key", name="pk_sales_categories"),
    )


def downgrade() -> None:
    for table in ("sales_categories", "postings", "card_batches", "closes", "sales", "schedules"):
        op.drop_table(table)
