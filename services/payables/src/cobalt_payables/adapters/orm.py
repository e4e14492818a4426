"""Tables of the payables service."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    UniqueConstraint,
    Uuid,
    false,
)

from cobalt_shared.db.tables import NAMING_CONVENTION, UTCDateTime

metadata = MetaData(naming_convention=NAMING_CONVENTION)
MONEY = Numeric(14, 2)


def _sync() -> list[Column[object]]:
    return [
        Column("state", String(20), nullable=False),
        Column("txn_id", String(40), nullable=True),
        Column("detail", Text, nullable=True),
    ]


bills = Table(
    "bills",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("merchant_id", Uuid, nullable=False, index=True),
    Column("order_id", Uuid, nullable=False),
    Column("vendor_name", String(100), nullable=False),
    Column("invoice_number", String(40), nullable=False),
    Column("bill_date", Date, nullable=False),
    Column("due_date", Date, nullable=True),
    Column("amount", MONEY, nullable=False),
    Column("open_balance", MONEY, nullable=False),
    Column("lines", Text, nullable=False),
    Column("recorded_at", UTCDateTime, nullable=False),
    *_sync(),
    Column("paid", MONEY, nullable=False),
    Column("credited", MONEY, nullable=False),
    Column("pending_payment_id", Uuid, nullable=True),
    Column("in_quickbooks", Text, nullable=True),  # as read back from QuickBooks (JSON)
    Column("revision", Integer, nullable=False, server_default="0"),  # the order's correction
    Column("correction_problem", Text, nullable=True),  # why it was not applied
    UniqueConstraint("merchant_id", "order_id", name="uq_bills_order"),
)

vendor_credits = Table(
    "vendor_credits",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("merchant_id", Uuid, nullable=False, index=True),
    Column("order_id", Uuid, nullable=False),
    Column("vendor_name", String(100), nullable=False),
    Column("invoice_number", String(40), nullable=False),
    Column("credit_date", Date, nullable=False),
    Column("amount", MONEY, nullable=False),
    Column("available", MONEY, nullable=False),
    Column("lines", Text, nullable=False),
    Column("recorded_at", UTCDateTime, nullable=False),
    *_sync(),
    Column("applied", MONEY, nullable=False),
    Column("pending_payment_id", Uuid, nullable=True),
    Column("in_quickbooks", Text, nullable=True),  # as read back from QuickBooks (JSON)
    UniqueConstraint("merchant_id", "order_id", name="uq_vendor_credits_order"),
)

payments = Table(
    "payments",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("merchant_id", Uuid, nullable=False, index=True),
    Column("vendor_name", String(100), nullable=False),
    Column("payment_date", Date, nullable=False),
    Column("amount", MONEY, nullable=False),
    Column("applications", Text, nullable=False),
    Column("request_id", Uuid, nullable=True),
    Column("recorded_at", UTCDateTime, nullable=False),
    *_sync(),
    Column("pay_from", String(60), nullable=False, server_default="operating-account"),
    Column("check_number", String(11), nullable=True),
    Column("to_be_printed", Boolean, nullable=False, server_default=false()),
    Column("made_by", String(200), nullable=True),
    Column("void_state", String(40), nullable=True),
    Column("void_detail", Text, nullable=True),
    Column("voided_by", String(200), nullable=True),
)

payment_requests = Table(
    "payment_requests",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("merchant_id", Uuid, nullable=False),
    Column("idempotency_key", String(200), nullable=False),
    Column("request_hash", String(64), nullable=False),
    Column("recorded_at", UTCDateTime, nullable=False),
    UniqueConstraint("merchant_id", "idempotency_key", name="uq_payment_requests_idempotency_key"),
)
