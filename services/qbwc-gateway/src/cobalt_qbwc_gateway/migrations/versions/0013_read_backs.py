"""Accounts Payable follows QuickBooks: each merchant's read-back (due, since when), and
entries found by their QuickBooks TxnID.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from cobalt_shared.db.tables import UTCDateTime

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "read_backs",
        sa.Column("merchant_id", sa.Uuid(), nullable=False),
        sa.Column("due", sa.Boolean(), nullable=False),
        sa.Column("since", UTCDateTime(), nullable=False),
        sa.Column("read_at", UTCDateTime(), nullable=True),
        sa.Column("iterators", sa.Text(), nullable=True),
        sa.Column("seen_until", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("merchant_id", name="pk_read_backs"),
    )
    op.create_index("ix_entries_merchant_txn", "entries", ["merchant_id", "txn_id"])


def downgrade() -> None:
    op.drop_index("ix_entries_merchant_txn", table_name="entries")
    op.drop_table("read_backs")
