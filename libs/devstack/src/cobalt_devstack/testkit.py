"""Helpers for tests against a real nats-server and real databases."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, ClassVar, TypeVar

import nats
from pydantic import Field
from sqlalchemy import Column, Integer, MetaData, String, Table, func, select, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from cobalt_shared.contracts.base import Message
from cobalt_shared.db.engine import READ_ONLY, create_engine
from cobalt_shared.db.migrations import upgrade_async
from cobalt_shared.db.tables import outbox

effects_metadata = MetaData()
effects = Table(
    "effects",
    effects_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("message_id", String(64), nullable=False),
    Column("text", String(200), nullable=False),
)


class Note(Message):
    """A test message."""

    TYPE: ClassVar[str] = "note"
    text: str = Field(description="Anything.")


async def eventually(
    condition: Callable[[], Awaitable[bool]], timeout: float = 20.0, what: str = "condition"
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if await condition():
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"{what} not reached within {timeout}s")


T = TypeVar("T")


async def sqlite_instructions(connection: AsyncConnection, work: Awaitable[T]) -> tuple[T, int]:
    """What `work` returns, and the SQLite virtual-machine instructions its statements on
    `connection` cost (to the nearest ten): the work a statement does, counted exactly, so a
    statement that reads rows it then discards pays for them whatever the machine's speed."""
    raw = await connection.get_raw_connection()
    assert raw.driver_connection is not None, "the connection is closed"
    database = raw.driver_connection._conn
    counted = [0]

    def tick() -> int:
        counted[0] += 1
        return 0

    database.set_progress_handler(tick, 10)
    try:
        result = await work
    finally:
        database.set_progress_handler(None, 10)
    return result, counted[0] * 10


@asynccontextmanager
async def migrated_engine(migrations: Path, database_url: str) -> AsyncIterator[AsyncEngine]:
    """An engine on `database_url`, migrated with a service's `migrations`; disposed after."""
    await upgrade_async(migrations, database_url)
    engine = create_engine(database_url)
    try:
        yield engine
    finally:
        await engine.dispose()


async def someone_waits_for_a_lock(engine: AsyncEngine, timeout: float = 30.0) -> None:
    """Return once another transaction of this database waits for a lock (PostgreSQL); on
    SQLite the second writer waits to begin, which nothing outside it can see."""
    if engine.dialect.name != "postgresql":
        return
    deadline = time.monotonic() + timeout
    async with engine.connect() as conn:
        while True:
            waiting = await conn.scalar(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                    " AND wait_event_type = 'Lock'"
                )
            )
            if waiting:
                return
            # pg_stat_activity is read once per transaction: a new one sees new waits
            await conn.rollback()
            if time.monotonic() > deadline:
                seen = await conn.execute(
                    text(
                        "SELECT pid, state, wait_event_type, wait_event, left(query, 80)"
                        " FROM pg_stat_activity WHERE datname = current_database()"
                    )
                )
                raise AssertionError(f"the second transaction never waited: {seen.all()}")
            # The wait is inside PostgreSQL: nothing here can signal it, so it is polled.
            await asyncio.sleep(0.005)


async def count(engine: AsyncEngine, table: Table, *where: Any) -> int:
    async with engine.connect() as conn:
        await conn.execution_options(**{READ_ONLY: True})
        return int(await conn.scalar(select(func.count()).select_from(table).where(*where)) or 0)


async def pending_outbox(engine: AsyncEngine) -> int:
    return await count(engine, outbox, outbox.c.sent_at.is_(None))


async def drain(js: Any, subject: str, durable: str | None = None, idle: float = 1.0) -> list[Any]:
    """Every message a fresh consumer of `subject` sees, in order."""
    sub = await js.pull_subscribe(subject, durable=durable or f"d{uuid.uuid4().hex[:8]}")
    seen: list[Any] = []
    while True:
        try:
            batch = await sub.fetch(100, timeout=idle)
        except (TimeoutError, nats.errors.TimeoutError):
            break
        for msg in batch:
            await msg.ack()
            seen.append(msg)
    await sub.unsubscribe()
    return seen


MAX_DELIVERIES = 3  # of the test consumer: deliveries before a dead letter


def note_subject(stream: Any) -> str:
    return str(stream.subjects[0].replace(">", "note"))


async def publish_note(js: Any, stream: Any, body: bytes, msg_id: str | None = None) -> None:
    """Publish a body on the test stream, with its own JetStream dedup id unless given."""
    await js.publish(
        note_subject(stream), body, headers={"Nats-Msg-Id": msg_id or uuid.uuid4().hex}
    )


def new_note(text: str = "hello") -> Note:
    return Note(merchant_id=uuid.uuid4(), text=text)


async def acked_all(js: Any, stream: Any, delivered: int, durable: str = "effects") -> bool:
    """Every delivery so far acknowledged, and at least `delivered` made."""
    info = await js.consumer_info(stream.name, durable)
    return bool(info.num_ack_pending == 0 and info.delivered.consumer_seq >= delivered)
