"""A Web Connector session remembers how many entries were waiting when its update began:
its progress is the share of those settled since, without counting the backlog again at
every answer.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("wc_sessions") as table:
        table.add_column(sa.Column("waiting_at_start", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("wc_sessions") as table:
        table.drop_column("waiting_at_start")
