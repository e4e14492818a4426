"""Typed entries: the payload column, sets sent again entry by entry, vendor links that say
which QuickBooks vendor they are and why one failed; vendor keys in their qbXML form.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from cobalt_qbxml.values import name_key

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("entries") as batch:
        batch.alter_column("command", new_column_name="payload")
        # "in QuickBooks before the start date" is longer than the states before it.
        batch.alter_column("state", type_=sa.String(48), existing_type=sa.String(32))
        batch.add_column(
            sa.Column("send_alone", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("vendors") as batch:
        batch.add_column(sa.Column("qb_name", sa.String(100), nullable=True))
        batch.add_column(sa.Column("entry_id", sa.Uuid(), nullable=True))
        batch.add_column(sa.Column("detail", sa.Text(), nullable=True))
    bind = op.get_bind()
    # A sent entry whose set QuickBooks forgot was marked by a special message set id.
    bind.execute(
        sa.text(
            "UPDATE entries SET state = 'checking' WHERE state = 'sent' AND message_set_id = 'verify'"
        )
    )
    bind.execute(
        sa.text(
            "UPDATE vendors SET state = 'failed', detail = 'The name is used in QuickBooks by "
            "another kind of record (customer, employee): rename one of them in QuickBooks.' "
            "WHERE state = 'conflict'"
        )
    )
    # Vendors are now told apart as QuickBooks tells them apart: by their qbXML form.
    rows = bind.execute(sa.text("SELECT merchant_id, name_key, name FROM vendors")).all()
    seen: set[tuple[object, str]] = set()
    for merchant_id, old_key, name in rows:
        key = name_key(name)
        if (merchant_id, key) in seen:
            bind.execute(
                sa.text("DELETE FROM vendors WHERE merchant_id = :m AND name_key = :k"),
                {"m": merchant_id, "k": old_key},
            )
            continue
        seen.add((merchant_id, key))
        if key != old_key:
            bind.execute(
                sa.text(
                    "UPDATE vendors SET name_key = :new WHERE merchant_id = :m AND name_key = :k"
                ),
                {"new": key, "m": merchant_id, "k": old_key},
            )


def downgrade() -> None:
    with op.batch_alter_table("vendors") as batch:
        batch.drop_column("detail")
        batch.drop_column("entry_id")
        batch.drop_column("qb_name")
    with op.batch_alter_table("entries") as batch:
        batch.drop_column("send_alone")
        batch.alter_column("payload", new_column_name="command")
        batch.alter_column("state", type_=sa.String(32), existing_type=sa.String(48))
