"""Sync history (every Web Connector contact), entry history, the merchant's contact address,
alert items and the e-mail digests that carry them.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from cobalt_shared.db.tables import UTCDateTime

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("connections") as table:
        table.add_column(sa.Column("contact_email", sa.String(254), nullable=True))
    with op.batch_alter_table("wc_sessions") as table:
        table.add_column(sa.Column("contact_id", sa.Uuid(), nullable=True))
    op.create_table(
        "contacts",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("merchant_id", sa.Uuid(), nullable=True),
        sa.Column("connection_id", sa.Uuid(), nullable=True),
        sa.Column("qbwc_user", sa.String(64), nullable=False),
        sa.Column("source", sa.String(64), nullable=False),
        sa.Column("started_at", UTCDateTime(), nullable=False),
        sa.Column("ended_at", UTCDateTime(), nullable=True),
        sa.Column("outcome", sa.String(40), nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.Column("requests", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("entries_sent", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("synced", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("failed", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("recovery", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.create_index("ix_contacts_merchant_started", "contacts", ["merchant_id", "started_at"])
    op.create_index("ix_contacts_started", "contacts", ["started_at"])
    op.create_table(
        "entry_events",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("entry_id", sa.Uuid(), nullable=False),
        sa.Column("merchant_id", sa.Uuid(), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("state", sa.String(48), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
    )
    op.create_index("ix_entry_events_entry", "entry_events", ["entry_id", "id"])
    op.create_table(
        "alert_items",
        sa.Column("merchant_id", sa.Uuid(), primary_key=True),
        sa.Column("key", sa.String(300), primary_key=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("fix", sa.Text(), nullable=False),
        sa.Column("page", sa.String(200), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("digest_id", sa.Uuid(), nullable=True),
    )
    op.create_table(
        "digests",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("merchant_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("to", sa.String(254), nullable=False),
        sa.Column("subject", sa.String(300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("sent_at", UTCDateTime(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("next_attempt_at", UTCDateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("claimed_until", UTCDateTime(), nullable=True),
    )
    op.create_index("ix_digests_merchant_created", "digests", ["merchant_id", "created_at"])
    op.create_index("ix_digests_unsent", "digests", ["sent_at", "next_attempt_at"])


def downgrade() -> None:
    op.drop_table("digests")
    op.drop_table("alert_items")
    op.drop_index("ix_entry_events_entry", table_name="entry_events")
    op.drop_table("entry_events")
    op.drop_index("ix_contacts_started", table_name="contacts")
    op.drop_index("ix_contacts_merchant_started", table_name="contacts")
    op.drop_table("contacts")
    with op.batch_alter_table("wc_sessions") as table:
        table.drop_column("contact_id")
    with op.batch_alter_table("connections") as table:
        table.drop_column("contact_email")
