"""Tables of the QuickBooks gateway."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, Date, Index, Integer, MetaData, String, Table, Text, Uuid

from cobalt_shared.db.tables import NAMING_CONVENTION, UTCDateTime

metadata = MetaData(naming_convention=NAMING_CONVENTION)

connections = Table(
    "connections",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("merchant_id", Uuid, nullable=False, unique=True),
    Column("qbwc_user", String(64), nullable=False),
    Column("qbwc_user_key", String(64), nullable=False, unique=True),
    Column("password_hash", String(255), nullable=False),
    Column("file_id", String(40), nullable=False),
    Column("start_date", Date, nullable=False),
    Column("qbxml_version", String(8), nullable=False),
    Column("company_file", String(260), nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("last_contact_at", UTCDateTime, nullable=True),
    Column("last_error", Text, nullable=True),
    Column("signin_failures", Integer, nullable=False, server_default="0"),
    Column("signin_last_failed_at", UTCDateTime, nullable=True),
    Column("signin_last_source", String(64), nullable=True),
    Column("signin_locked_until", UTCDateTime, nullable=True),
)

# Failed Web Connector sign-ins by source address (whatever user name they tried).
signin_sources = Table(
    "signin_sources",
    metadata,
    Column("source", String(64), primary_key=True),
    Column("failures", Integer, nullable=False),
    Column("last_failed_at", UTCDateTime, nullable=True),
    Column("locked_until", UTCDateTime, nullable=True),
)

sessions = Table(
    "wc_sessions",
    metadata,
    Column("ticket_hash", String(64), primary_key=True),
    Column("connection_id", Uuid, nullable=False, index=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("last_seen_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
    Column("expected_next", String(40), nullable=False),
    Column("closed_at", UTCDateTime, nullable=True),
    Column("last_error", Text, nullable=True),
    Column("synced", Integer, nullable=False, server_default="0"),
    Column("failed", Integer, nullable=False, server_default="0"),
    Column("qbxml_version", String(8), nullable=True),
)

entries = Table(
    "entries",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("merchant_id", Uuid, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("txn_date", Date, nullable=False),
    Column("accounts", Text, nullable=False),
    Column("payload", Text, nullable=False),
    Column("state", String(48), nullable=False),
    Column("detail", Text, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("txn_id", String(40), nullable=True),
    Column("edit_sequence", String(40), nullable=True),
    Column("error_code", String(16), nullable=True),
    Column("request_xml", Text, nullable=True),
    Column("response_xml", Text, nullable=True),
    Column("message_set_id", String(23), nullable=True),
    Column("not_before", UTCDateTime, nullable=True),
    Column("send_alone", Boolean, nullable=False, server_default="0"),
    Column("retried_by", String(200), nullable=True),
    Column("retried_at", UTCDateTime, nullable=True),
)
Index("ix_entries_merchant_state", entries.c.merchant_id, entries.c.state, entries.c.created_at)

account_mappings = Table(
    "account_mappings",
    metadata,
    Column("merchant_id", Uuid, primary_key=True),
    Column("account", String(100), primary_key=True),
    Column("qb_full_name", String(159), nullable=True),
    Column("qb_list_id", String(40), nullable=True),
    Column("qb_account_type", String(40), nullable=True),
    Column("as_of", UTCDateTime, nullable=False),
)

vendors = Table(
    "vendors",
    metadata,
    Column("merchant_id", Uuid, primary_key=True),
    Column("name_key", String(100), primary_key=True),
    Column("name", String(100), nullable=False),
    Column("state", String(16), nullable=False),  # a VendorState
    Column("list_id", String(40), nullable=True),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("qb_name", String(100), nullable=True),
    Column("entry_id", Uuid, nullable=True),
    Column("detail", Text, nullable=True),
)
