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
    Column("contact_email", String(254), nullable=True),
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
    Column("contact_id", Uuid, nullable=True),
    Column("waiting_at_start", Integer, nullable=True),
)
# A sign-in reads its connection's open sessions, and the watch every open session gone
# silent: by this index, not through every session of every poll since the first.
Index("ix_wc_sessions_open", sessions.c.closed_at, sessions.c.connection_id)

# Every Web Connector contact (a sign-in and its update): the sync history.
contacts = Table(
    "contacts",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("merchant_id", Uuid, nullable=True),
    Column("connection_id", Uuid, nullable=True),
    Column("qbwc_user", String(64), nullable=False),
    Column("source", String(64), nullable=False),
    Column("started_at", UTCDateTime, nullable=False),
    Column("ended_at", UTCDateTime, nullable=True),
    Column("outcome", String(40), nullable=False),
    Column("detail", Text, nullable=True),
    Column("requests", Integer, nullable=False, server_default="0"),
    Column("entries_sent", Integer, nullable=False, server_default="0"),
    Column("synced", Integer, nullable=False, server_default="0"),
    Column("failed", Integer, nullable=False, server_default="0"),
    Column("recovery", Boolean, nullable=False, server_default="0"),
)
Index("ix_contacts_merchant_started", contacts.c.merchant_id, contacts.c.started_at)
Index("ix_contacts_started", contacts.c.started_at)

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
# Entries are read oldest first, by (created_at, id): a batch of commands shares its
# created_at, so the id is in the index too, and the oldest ready entry is read without
# sorting all the others.
Index(
    "ix_entries_merchant_state",
    entries.c.merchant_id,
    entries.c.state,
    entries.c.created_at,
    entries.c.id,
)
Index("ix_entries_merchant_txn", entries.c.merchant_id, entries.c.txn_id)
# A step reads the gateway's own ready entries, and an answer the entries that wait for
# others, by kind: without it both read the merchant's whole ready backlog.
Index(
    "ix_entries_merchant_kind_state",
    entries.c.merchant_id,
    entries.c.kind,
    entries.c.state,
    entries.c.created_at,
    entries.c.id,
)

# Accounts Payable's read-back per merchant: due, and since when (QuickBooks' clock).
read_backs = Table(
    "read_backs",
    metadata,
    Column("merchant_id", Uuid, primary_key=True),
    Column("due", Boolean, nullable=False),
    Column("since", UTCDateTime, nullable=False),
    Column("read_at", UTCDateTime, nullable=True),
    Column("iterators", Text, nullable=True),  # mid-read: QuickBooks' iterator per kind (JSON)
    Column("seen_until", UTCDateTime, nullable=True),
)

# Each state an entry took, with when and why: the entry's history.
entry_events = Table(
    "entry_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("entry_id", Uuid, nullable=False),
    Column("merchant_id", Uuid, nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("state", String(48), nullable=False),
    Column("detail", Text, nullable=False),
)
Index("ix_entry_events_entry", entry_events.c.entry_id, entry_events.c.id)

# Problems waiting for (or included in) an e-mail digest; one row per event, by key.
alert_items = Table(
    "alert_items",
    metadata,
    Column("merchant_id", Uuid, primary_key=True),
    Column("key", String(300), primary_key=True),
    Column("reason", Text, nullable=False),
    Column("fix", Text, nullable=False),
    Column("page", String(200), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("digest_id", Uuid, nullable=True),
)

# E-mails to merchants, kept until the mail server took them (an outbox for mail).
digests = Table(
    "digests",
    metadata,
    Column("id", Uuid, primary_key=True),
    Column("merchant_id", Uuid, nullable=False),
    Column("kind", String(16), nullable=False),
    Column("to", String(254), nullable=False),
    Column("subject", String(300), nullable=False),
    Column("body", Text, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("sent_at", UTCDateTime, nullable=True),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("next_attempt_at", UTCDateTime, nullable=True),
    Column("last_error", Text, nullable=True),
    Column("claimed_until", UTCDateTime, nullable=True),
)
Index("ix_digests_merchant_created", digests.c.merchant_id, digests.c.created_at)
Index("ix_digests_unsent", digests.c.sent_at, digests.c.next_attempt_at)

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
