"""Open Web Connector sessions are found by index: a sign-in reads its connection's open
sessions (not every closed session of every poll since the first), and the watch reads the
open sessions gone silent (not the whole table).

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_wc_sessions_open", "wc_sessions", ["closed_at", "connection_id"])


def downgrade() -> None:
    op.drop_index("ix_wc_sessions_open", table_name="wc_sessions")
