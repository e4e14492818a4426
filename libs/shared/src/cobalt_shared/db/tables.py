"""Tables every service has: outbox, relay lease, inbox and dead letters.

They live in each service's own database; each service's first migration creates them with
`create_messaging_tables()` so the definitions stay in one place.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
)
from sqlalchemy.engine import Dialect

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# SQLite only auto-increments INTEGER PRIMARY KEY; PostgreSQL gets a 64-bit identity.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware datetimes on both backends (SQLite stores naive UTC)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


messaging_metadata = MetaData(naming_convention=NAMING_CONVENTION)

outbox = Table(
    "outbox",
    messaging_metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("message_id", String(64), nullable=False, unique=True),
    Column("subject", String(255), nullable=False),
    Column("merchant_id", String(64), nullable=True),
    Column("message_type", String(100), nullable=False),
    Column("payload", LargeBinary, nullable=False),
    Column("headers", Text, nullable=False, server_default="{}"),
    Column("created_at", UTCDateTime, nullable=False),
    Column("sent_at", UTCDateTime, nullable=True),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("last_error", Text, nullable=True),
)
Index("ix_outbox_pending", outbox.c.sent_at, outbox.c.id)

relay_lease = Table(
    "outbox_relay_lease",
    messaging_metadata,
    Column("name", String(64), primary_key=True),
    Column("holder", String(128), nullable=True),
    Column("expires_at", UTCDateTime, nullable=True),
)

inbox = Table(
    "inbox",
    messaging_metadata,
    Column("consumer", String(128), primary_key=True),
    Column("message_id", String(64), primary_key=True),
    Column("subject", String(255), nullable=False),
    Column("processed_at", UTCDateTime, nullable=False),
)
Index("ix_inbox_processed_at", inbox.c.processed_at)  # retention purges by age

dead_letters = Table(
    "dead_letters",
    messaging_metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("consumer", String(128), nullable=False),
    Column("subject", String(255), nullable=False),
    Column("message_id", String(64), nullable=True),
    Column("merchant_id", String(64), nullable=True),
    Column("payload", LargeBinary, nullable=False),
    Column("headers", Text, nullable=False, server_default="{}"),
    Column("error", Text, nullable=False),
    Column("deliveries", Integer, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("replayed_at", UTCDateTime, nullable=True),
)
Index("ix_dead_letters_consumer", dead_letters.c.consumer, dead_letters.c.id)
