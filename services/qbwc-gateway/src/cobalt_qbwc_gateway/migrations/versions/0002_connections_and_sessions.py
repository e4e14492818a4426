"""QuickBooks connections and Web Connector sessions.

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
        "connections",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("merchant_id", sa.Uuid(), nullable=False),
        sa.Column("qbwc_user", sa.String(64), nullable=False),
        sa.Column("qbwc_user_key", sa.String(64), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("file_id", sa.String(40), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("qbxml_version", sa.String(8), nullable=False),
        sa.Column("company_file", sa.String(260), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("last_contact_at", UTCDateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_connections"),
        sa.UniqueConstraint("merchant_id", name="uq_connections_merchant_id"),
        sa.UniqueConstraint("qbwc_user_key", name="uq_connections_qbwc_user_key"),
    )
    op.create_table(
        "wc_sessions",
        sa.Column("ticket_hash", sa.String(64), nullable=False),
        sa.Column("connection_id", sa.Uuid(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("last_seen_at", UTCDateTime(), nullable=False),
        sa.Column("expires_at", UTCDateTime(), nullable=False),
        sa.Column("expected_next", sa.String(40), nullable=False),
        sa.Column("closed_at", UTCDateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("synced", sa.Integer(), server_default="0", nullable=False),
        sa.Column("failed", sa.Integer(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("ticket_hash", name="pk_wc_sessions"),
    )
    op.create_index("ix_wc_sessions_connection_id", "wc_sessions", ["connection_id"])


def downgrade() -> None:
    op.drop_table("wc_sessions")
    op.drop_table("connections")
