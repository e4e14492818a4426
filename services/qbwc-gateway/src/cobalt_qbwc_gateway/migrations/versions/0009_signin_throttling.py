"""Failed Web Connector sign-ins, per connection and per source address.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from cobalt_shared.db.tables import UTCDateTime

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("connections") as batch:
        batch.add_column(
            sa.Column("signin_failures", sa.Integer(), nullable=False, server_default="0")
        )
        batch.add_column(sa.Column("signin_last_failed_at", UTCDateTime(), nullable=True))
        batch.add_column(sa.Column("signin_last_source", sa.String(64), nullable=True))
        batch.add_column(sa.Column("signin_locked_until", UTCDateTime(), nullable=True))
    op.create_table(
        "signin_sources",
        sa.Column("source", sa.String(64), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_failed_at", UTCDateTime(), nullable=True),
        sa.Column("locked_until", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("source", name="pk_signin_sources"),
    )


def downgrade() -> None:
    op.drop_table("signin_sources")
    with op.batch_alter_table("connections") as batch:
        batch.drop_column("signin_locked_until")
        batch.drop_column("signin_last_source")
        batch.drop_column("signin_last_failed_at")
        batch.drop_column("signin_failures")
