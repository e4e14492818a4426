"""Tables of the chart-of-accounts service."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Index,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    Uuid,
)

from cobalt_shared.db.tables import NAMING_CONVENTION, UTCDateTime

metadata = MetaData(naming_convention=NAMING_CONVENTION)

coa_accounts = Table(
    "coa_accounts",
    metadata,
    Column("merchant_id", Uuid, nullable=False),
    Column("key", String(120), nullable=False),
    Column("name", String(200), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("qb_list_id", String(40), nullable=True),
    Column("qb_full_name", String(200), nullable=True),
    Column("qb_account_type", String(40), nullable=True),
    Column("problem", Text, nullable=True),
    Column("mapped_by", String(200), nullable=True),
    Column("mapped_at", UTCDateTime, nullable=True),
    PrimaryKeyConstraint("merchant_id", "key", name="pk_coa_accounts"),
)

# Every mapping change: who mapped what to which QuickBooks account, or removed it.
mapping_history = Table(
    "mapping_history",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("merchant_id", Uuid, nullable=False),
    Column("key", String(120), nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("by", String(200), nullable=True),
    Column("qb_full_name", String(200), nullable=True),
    Index("ix_mapping_history_merchant_at", "merchant_id", "at"),
)

qb_accounts = Table(
    "qb_accounts",
    metadata,
    Column("merchant_id", Uuid, nullable=False),
    Column("list_id", String(40), nullable=False),
    Column("name", String(200), nullable=False),
    Column("full_name", String(200), nullable=False),
    Column("number", String(20), nullable=True),
    Column("account_type", String(40), nullable=False),
    Column("is_active", Boolean, nullable=False),
    PrimaryKeyConstraint("merchant_id", "list_id", name="pk_qb_accounts"),
)

# What the gateway says of each merchant's QuickBooks connection, and the last refresh.
qb_connections = Table(
    "qb_connections",
    metadata,
    Column("merchant_id", Uuid, primary_key=True),
    Column("status", String(40), nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("refresh_requested_id", Uuid, nullable=True),
    Column("refresh_requested_at", UTCDateTime, nullable=True),
    Column("refreshed_at", UTCDateTime, nullable=True),
)
