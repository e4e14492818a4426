"""Orders get dates, lines, credits and an idempotency key; receiving becomes a step.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("orders") as batch:
        batch.alter_column("received_on", existing_type=sa.Date(), nullable=True)
        batch.add_column(sa.Column("order_date", sa.Date(), nullable=True))
        batch.add_column(sa.Column("due_date", sa.Date(), nullable=True))
        batch.add_column(sa.Column("lines", sa.Text(), nullable=False, server_default="[]"))
        batch.add_column(sa.Column("credits", sa.Text(), nullable=False, server_default="[]"))
        batch.add_column(sa.Column("idempotency_key", sa.String(200), nullable=True))
        batch.add_column(sa.Column("request_hash", sa.String(64), nullable=True))
        batch.create_unique_constraint(
            "uq_orders_idempotency_key", ["merchant_id", "idempotency_key"]
        )
    op.execute("UPDATE orders SET order_date = received_on WHERE order_date IS NULL")
    op.create_index("ix_orders_merchant_order_date", "orders", ["merchant_id", "order_date"])


def downgrade() -> None:
    op.drop_index("ix_orders_merchant_order_date", "orders")
    op.execute("DELETE FROM orders WHERE received_on IS NULL")
    with op.batch_alter_table("orders") as batch:
        batch.drop_constraint("uq_orders_idempotency_key", type_="unique")
        for column in ("order_date", "due_date", "lines", "credits", "idempotency_key"):
            batch.drop_column(column)
        batch.drop_column("request_hash")
        batch.alter_column("received_on", existing_type=sa.Date(), nullable=False)
