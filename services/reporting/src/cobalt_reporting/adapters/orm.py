"""Tables of the reporting service."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    Index,
    MetaData,
    Numeric,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    Uuid,
)
from sqlalchemy import true as sa_true

from cobalt_shared.db.tables import NAMING_CONVENTION, UTCDateTime

metadata = MetaData(naming_convention=NAMING_CONVENTION)
MONEY = Numeric(14, 2)

schedules = Table(
    "schedules",
    metadata,
    Column("merchant_id", Uuid, primary_key=True),
    Column("timezone", String(64), nullable=False),
    Column("close_time", String(5), nullable=False),  # HH:MM local
    Column("updated_at", UTCDateTime, nullable=False),
)

sales = Table(
    "sales",
    metadata,
    Column("merchant_id", Uuid, nullable=False),
    Column("sale_id", String(100), nullable=False),
    Column("sold_at", UTCDateTime, nullable=False),
    Column("business_day", Date, nullable=False),
    Column("refund_of", String(100), nullable=True),
    Column("body", Text, nullable=False),  # lines and tenders (JSON)
    Column("received_at", UTCDateTime, nullable=False),
    PrimaryKeyConstraint("merchant_id", "sale_id", name="pk_sales"),
)

# Each business day's figures as running totals, added at ingest (one row per line of the
# summary: a category, a tax, a tender, discounts...). `closed_in` is the close that posted
# them, or NOT_CLOSED while they wait for one: a close moves them in one statement and reads
# back only what it moved, however many sales the day had.
day_totals = Table(
    "day_totals",
    metadata,
    Column("merchant_id", Uuid, nullable=False),
    Column("business_day", Date, nullable=False),
    Column("closed_in", Date, nullable=False),
    Column("line", String(20), nullable=False),
    Column("key", String(120), nullable=False),
    Column("name", String(120), nullable=False),
    Column("amount", MONEY, nullable=False),
    PrimaryKeyConstraint(
        "merchant_id", "business_day", "closed_in", "line", "key", name="pk_day_totals"
    ),
)
Index("ix_day_totals_open", day_totals.c.merchant_id, day_totals.c.closed_in)

closes = Table(
    "closes",
    metadata,
    Column("merchant_id", Uuid, nullable=False),
    Column("day", Date, nullable=False),
    Column("closed_at", UTCDateTime, nullable=False),
    Column("counted_cash", MONEY, nullable=True),
    Column("figures", Text, nullable=False),  # the report (JSON)
    PrimaryKeyConstraint("merchant_id", "day", name="pk_closes"),
)

card_batches = Table(
    "card_batches",
    metadata,
    Column("merchant_id", Uuid, nullable=False),
    Column("batch_id", String(100), nullable=False),
    Column("settled_on", Date, nullable=False),
    Column("gross", MONEY, nullable=False),
    Column("fees", MONEY, nullable=True),
    Column("received_at", UTCDateTime, nullable=False),
    Column("chargebacks", MONEY, nullable=True),
    Column("days", Text, nullable=False, server_default="[]"),  # business days it settles
    Column("posted", Boolean, nullable=False, server_default=sa_true()),
    PrimaryKeyConstraint("merchant_id", "batch_id", name="pk_card_batches"),
)

# Every entry sent to QuickBooks, and what became of it (from the gateway's results).
postings = Table(
    "postings",
    metadata,
    Column("entry_id", Uuid, primary_key=True),
    Column("merchant_id", Uuid, nullable=False),
    Column("day", Date, nullable=False),
    Column("kind", String(30), nullable=False),
    Column("description", String(200), nullable=False),
    Column("amount", MONEY, nullable=False),
    Column("state", String(20), nullable=False),
    Column("txn_id", String(40), nullable=True),
    Column("detail", Text, nullable=True),
    # A late-sales adjustment keeps its command (JSON) and the later day it moves to should
    # QuickBooks refuse its own date (books closed).
    Column("command", Text, nullable=True),
    Column("movable_to", Date, nullable=True),
)
Index("ix_postings_merchant_day", postings.c.merchant_id, postings.c.day)

sales_categories = Table(
    "sales_categories",
    metadata,
    Column("merchant_id", Uuid, nullable=False),
    Column("key", String(120), nullable=False),
    Column("name", String(120), nullable=False),
    PrimaryKeyConstraint("merchant_id", "key", name="pk_sales_categories"),
)

# Tax rates or agencies seen in sales: each has its own Sales Tax Payable account.
sales_taxes = Table(
    "sales_taxes",
    metadata,
    Column("merchant_id", Uuid, nullable=False),
    Column("key", String(120), nullable=False),
    Column("name", String(120), nullable=False),
    PrimaryKeyConstraint("merchant_id", "key", name="pk_sales_taxes"),
)

# Late sales of a closed day, as the close that carried them posted them (dated that day).
late_adjustments = Table(
    "late_adjustments",
    metadata,
    Column("merchant_id", Uuid, nullable=False),
    Column("day", Date, nullable=False),
    Column("closed_in", Date, nullable=False),
    Column("figures", Text, nullable=False),  # JSON, as a close's figures
    PrimaryKeyConstraint("merchant_id", "day", "closed_in", name="pk_late_adjustments"),
)
