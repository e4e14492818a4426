"""Vendor keys in the form QuickBooks tells vendors apart (qbXML form, case ignored).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from cobalt_shared.names import vendor_key

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    bind = op.get_bind()
    query = "SELECT id, merchant_id, invoice_number, vendor_name, vendor_key FROM orders"
    rows = bind.execute(sa.text(query)).all()
    taken = {(m, key, invoice) for _, m, invoice, _, key in rows}
    for order_id, merchant_id, invoice, name, key in rows:
        new = vendor_key(name)
        if new == key or (merchant_id, new, invoice) in taken:
            continue  # two spellings of one invoice already recorded: both are kept as they are
        taken.add((merchant_id, new, invoice))
        bind.execute(
            sa.text("UPDATE orders SET vendor_key = :key WHERE id = :id"),
            {"key": new, "id": order_id},
        )


def downgrade() -> None:
    """Keys in the new form still find every order; nothing to undo."""
