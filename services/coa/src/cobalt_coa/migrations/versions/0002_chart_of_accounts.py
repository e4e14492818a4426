"""The CobaltConnect chart of accounts, the QuickBooks accounts read, connection states.

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


def upgrade() -> None:
    op.create_table(
        "coa_accounts",
        sa.Column("merchant_id", sa.Uuid(), nullable=False),
        sa.Column("key", sa.String(120), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("qb_list_id", sa.String(40), nullable=True),
        sa.Column("qb_full_name", sa.String(200), nullable=True),
        sa.Column("qb_account_type", sa.String(40), nullable=True),
        sa.Column("problem", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("merchant_id", "key", name="pk_coa_accounts"),
    )
    op.create_table(
        "qb_accounts",
        sa.Column("merchant_id", sa.Uuid(), nullable=False),
        sa.Column("list_id", sa.String(40), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("full_name", sa.String(200), nullable=False),
        sa.Column("number", sa.String(20), nullable=True),
        sa.Column("account_type", sa.String(40), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("merchant_id", "list_id", name="pk_qb_accounts"),
    )
    op.create_table(
        "qb_connections",
        sa.Column("merchant_id", sa.Uuid(), nullable=False),
        sa.Column("status", sa.String(40), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("refresh_requested_id", sa.Uuid(), nullable=True),
        sa.Column("refresh_requested_at", UTCDateTime(), nullable=True),
        sa.Column("refreshed_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("merchant_id", name="pk_qb_connections"),
    )


def downgrade() -> None:
    op.drop_table("qb_connections")
    op.drop_table("qb_accounts")
    op.drop_table("coa_accounts")
