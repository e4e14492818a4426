"""Tables of the payables service."""

from __future__ import annotations

from sqlalchemy import Column, Date, MetaData, Numeric, String, Table, UniqueConstraint, Uuid

from cobalt_shared.db.tables import NAMING_CONVENTION, UTCDateTime

metadata = MetaData(naming_convention=NAMING_CONVENTION)

bills = Table(
    "bills",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("merchant_id", Uuid, nullable=False, index=True),
    Column("order_id", Uuid, nullable=False),
    Column("vendor_name", String(100), nullable=False),
    Column("invoice_number", String(40), nullable=False),
    Column("bill_date", Date, nullable=False),
    Column("amount", Numeric(14, 2), nullable=False),
    Column("open_balance", Numeric(14, 2), nullable=False),
    Column("recorded_at", UTCDateTime, nullable=False),
    UniqueConstraint("merchant_id", "order_id", name="uq_bills_order"),
)
