"""Day figures kept as running totals at ingest (day_totals), so a close reads a few rows, not
every sale; which close posted a day's sales now lives there (sales.closed_in goes). Existing
sales are added up into it, each day by the close that posted it.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

import sqlalchemy as sa
from alembic import op

from cobalt_reporting.adapters.repository import NOT_CLOSED, TOTAL_COLUMNS, sale_of_row
from cobalt_reporting.domain.sales import Sale, figures, total_lines

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    table = op.create_table(
        "day_totals",
        sa.Column("merchant_id", sa.Uuid(), nullable=False),
        sa.Column("business_day", sa.Date(), nullable=False),
        sa.Column("closed_in", sa.Date(), nullable=False),
        sa.Column("line", sa.String(20), nullable=False),
        sa.Column("key", sa.String(120), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("amount", sa.Numeric(14, 2), nullable=False),
        sa.PrimaryKeyConstraint(
            "merchant_id", "business_day", "closed_in", "line", "key", name="pk_day_totals"
        ),
    )
    op.create_index("ix_day_totals_open", "day_totals", ["merchant_id", "closed_in"])
    sales = sa.table(
        "sales",
        sa.column("merchant_id", sa.Uuid()),
        sa.column("sale_id", sa.String()),
        sa.column("sold_at", sa.String()),
        sa.column("business_day", sa.Date()),
        sa.column("refund_of", sa.String()),
        sa.column("body", sa.Text()),
        sa.column("closed_in", sa.Date()),
    )
    grouped: dict[tuple[object, date, date], list[Sale]] = defaultdict(list)
    for row in op.get_bind().execute(sa.select(sales)).mappings():
        closed_in = row["closed_in"] or NOT_CLOSED
        grouped[(row["merchant_id"], row["business_day"], closed_in)].append(sale_of_row(row))
    rows = [
        dict(zip(TOTAL_COLUMNS, (m, day, closed_in, *line), strict=True))
        for (m, day, closed_in), day_sales in grouped.items()
        for line in total_lines(figures(day_sales))
    ]
    if rows:
        op.bulk_insert(table, rows)
    op.drop_index("ix_sales_open", table_name="sales")
    with op.batch_alter_table("sales") as batch:
        batch.drop_column("closed_in")


def downgrade() -> None:
    """Each sale of a day that a close posted is marked posted by the day's last close (a late
    sale of such a day not posted yet is then dropped rather than posted twice)."""
    with op.batch_alter_table("sales") as batch:
        batch.add_column(sa.Column("closed_in", sa.Date(), nullable=True))
    op.create_index("ix_sales_open", "sales", ["merchant_id", "closed_in", "business_day"])
    op.execute(
        sa.text(
            "UPDATE sales SET closed_in = (SELECT MAX(t.closed_in) FROM day_totals t "
            "WHERE t.merchant_id = sales.merchant_id AND t.business_day = sales.business_day "
            "AND t.closed_in <> :open)"
        ).bindparams(open=NOT_CLOSED)
    )
    op.drop_index("ix_day_totals_open", table_name="day_totals")
    op.drop_table("day_totals")
