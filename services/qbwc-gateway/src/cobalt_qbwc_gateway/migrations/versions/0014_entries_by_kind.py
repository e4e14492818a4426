"""Entries are found without reading a merchant's whole backlog: oldest first by (created_at,
id), as they are read (a batch of commands shares its created_at), and by kind and state (a
step's own ready entries, an answer's entries that wait for others).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_entries_merchant_state", table_name="entries")
    op.create_index(
        "ix_entries_merchant_state", "entries", ["merchant_id", "state", "created_at", "id"]
    )
    op.create_index(
        "ix_entries_merchant_kind_state",
        "entries",
        ["merchant_id", "kind", "state", "created_at", "id"],
    )


def downgrade() -> None:
    op.drop_index("ix_entries_merchant_kind_state", table_name="entries")
    op.drop_index("ix_entries_merchant_state", table_name="entries")
    op.create_index("ix_entries_merchant_state", "entries", ["merchant_id", "state", "created_at"])
