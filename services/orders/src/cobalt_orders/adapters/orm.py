"""Tables of the orders service."""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    UniqueConstraint,
    Uuid,
)

from cobalt_shared.db.tables import NAMING_CONVENTION, UTCDateTime

metadata = MetaData(naming_convention=NAMING_CONVENTION)

orders = Table(
    "orders",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("merchant_id", Uuid, nullable=False, index=True),
    Column("vendor_name", String(100), nullable=False),
    Column("vendor_key", String(100), nullable=False),
    Column("invoice_number", String(40), nullable=False),
    Column("received_on", Date, nullable=True),
    Column("total", Numeric(14, 2), nullable=False),
    Column("recorded_at", UTCDateTime, nullable=False),
    Column("order_date", Date, nullable=True),
    Column("due_date", Date, nullable=True),
    Column("lines", Text, nullable=False),  # JSON: the order's lines as recorded
    Column("credits", Text, nullable=False),  # JSON: the vendor's credits
    Column("idempotency_key", String(200), nullable=True),
    Column("request_hash", String(64), nullable=True),
    Column("recorded_by", String(200), nullable=True),
    Column("revision", Integer, nullable=False, server_default="0"),  # corrections announced
    Column("cancelled_on", Date, nullable=True),
    UniqueConstraint("merchant_id", "vendor_key", "invoice_number", name="uq_orders_invoice"),
    UniqueConstraint("merchant_id", "idempotency_key", name="uq_orders_idempotency_key"),
    Index("ix_orders_merchant_order_date", "merchant_id", "order_date"),
)

# Who recorded, edited and received each order, and what an edit changed.
order_history = Table(
    "order_history",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("merchant_id", Uuid, nullable=False),
    Column("order_id", Uuid, nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("by", String(200), nullable=True),
    Column("action", String(20), nullable=False),
    Column("summary", Text, nullable=False),
    Index("ix_order_history_order", "merchant_id", "order_id", "at"),
)
