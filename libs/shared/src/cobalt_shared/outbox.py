"""Transactional outbox: messages commit with the state change; a relay publishes them."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import socket
import uuid
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from cobalt_shared.contracts.base import Message, utcnow
from cobalt_shared.db.engine import READ_ONLY
from cobalt_shared.db.statements import ManyRows
from cobalt_shared.db.tables import outbox, relay_lease
from cobalt_shared.observability import OUTBOX_PUBLISH_ERRORS, OUTBOX_PUBLISHED, correlation_id

log = logging.getLogger(__name__)

# Sends one message and returns its acknowledgement to await: a relay sends a wave of
# messages in order, then waits for their acknowledgements together.
Publish = Callable[[str, bytes, dict[str, str]], Awaitable["asyncio.Future[Any]"]]


class OutboxWriter:
    """Adds outgoing messages to the current transaction."""

    def __init__(
        self, connection: AsyncConnection, on_add: Callable[[], None] | None = None
    ) -> None:
        self._connection = connection
        self._on_add = on_add

    async def add(
        self, subject: str, message: Message, headers: dict[str, str] | None = None
    ) -> None:
        """Queue `message` for `subject`; it is published only if the transaction commits."""
        await self.add_many([(subject, message)], headers)

    async def add_many(
        self, messages: Sequence[tuple[str, Message]], headers: dict[str, str] | None = None
    ) -> None:
        """Queue each (subject, message) in order, with one statement for them all."""
        if not messages:
            return
        if self._on_add is not None:
            self._on_add()
        now = utcnow()
        rows = [
            _row(
                subject=subject,
                message_id=str(message.message_id),
                message_type=message.type,
                merchant_id=str(message.merchant_id),
                payload=message.model_dump_json().encode(),
                headers={"Correlation-Id": str(message.correlation_id), **(headers or {})},
                created_at=now,
            )
            for subject, message in messages
        ]
        await _INSERT.execute(self._connection, rows)

    async def add_raw(
        self,
        *,
        subject: str,
        message_id: str,
        message_type: str,
        merchant_id: str | None,
        payload: bytes,
        headers: dict[str, str],
    ) -> None:
        """Queue an already-serialized body (used to replay dead letters)."""
        if self._on_add is not None:
            self._on_add()
        row = _row(
            subject=subject,
            message_id=message_id,
            message_type=message_type,
            merchant_id=merchant_id,
            payload=payload,
            headers=headers,
            created_at=utcnow(),
        )
        await _INSERT.execute(self._connection, [row])


# One statement, compiled once per database kind: rows go to the driver's executemany.
_INSERT = ManyRows(
    insert(outbox),
    ["message_id", "subject", "merchant_id", "message_type", "payload", "headers", "created_at"],
)


def _row(
    *,
    subject: str,
    message_id: str,
    message_type: str,
    merchant_id: str | None,
    payload: bytes,
    headers: dict[str, str],
    created_at: datetime,
) -> dict[str, Any]:
    return {
        "message_id": message_id,
        "subject": subject,
        "merchant_id": merchant_id,
        "message_type": message_type,
        "payload": payload,
        "headers": json.dumps(headers),
        "created_at": created_at,
    }


class RelayCrashed(Exception):
    """Raised by fault-injection hooks in tests to stop the relay mid-batch."""


class OutboxRelay:
    """Publishes pending outbox rows in insertion order, each with Nats-Msg-Id = message id.

    One relay per database holds a lease at a time, so replicas of a worker never publish out
    of order; the others stand by and take over when the lease expires.
    """

    def __init__(
        self,
        engine: AsyncEngine,
        publish: Publish,
        *,
        name: str = "default",
        interval: float = 0.2,
        batch_size: int = 200,
        lease_seconds: float = 15.0,
        max_backoff: float = 30.0,
        ack_timeout: float = 5.0,
    ) -> None:
        self._engine = engine
        self._publish = publish
        self._name = name
        self._interval = interval
        self._batch_size = batch_size
        self._lease = timedelta(seconds=lease_seconds)
        self._max_backoff = max_backoff
        self._ack_timeout = ack_timeout
        self._holder = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._wake = asyncio.Event()
        self._lease_until: datetime | None = None  # what we last wrote as our lease's expiry
        # Test hook: called after a row is published and before it is marked sent.
        self.after_publish: Callable[[str], None] | None = None

    def notify(self) -> None:
        """Wake the relay now (called after a commit that added outbox rows)."""
        self._wake.set()

    async def run(self) -> None:
        """Relay forever; back off while NATS or the database is unavailable."""
        backoff = self._interval
        while True:
            try:
                sent = await self.relay_once()
                backoff = self._interval
            except RelayCrashed:
                raise
            except Exception as exc:
                OUTBOX_PUBLISH_ERRORS.inc()
                log.warning("outbox relay paused: %s (retrying in %.1fs)", exc, backoff)
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, self._max_backoff)
                continue
            if sent < self._batch_size:
                self._wake.clear()
                # Not asyncio.wait_for: on Python 3.11 a stop arriving as a wake-up completes
                # was dropped (the wake-up returned instead), and a worker's shutdown hung.
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(self._interval):
                        await self._wake.wait()

    async def relay_once(self) -> int:
        """Publish one batch of pending rows; return how many were published.

        The batch goes out in waves in which no merchant appears twice: a wave is sent in
        order without waiting, then its acknowledgements are awaited together. A merchant's
        next row is sent only once the previous one is stored, so a failure cannot put a
        merchant's messages out of order, while many merchants' rows share one round trip.
        """
        if not await self._hold_lease():
            return 0
        rows = await self._pending()
        published: list[int] = []
        for wave in _waves(rows):
            stored, problem = await self._publish_wave(wave)
            for row in wave[:stored]:
                if self.after_publish is not None:
                    self.after_publish(row.message_id)
                published.append(row.id)
            if problem is not None:
                # Stop at the first failure: rows behind it (same merchant or not) wait, so
                # order is kept. What was stored is marked; the failed row is retried (rows
                # of its wave stored after it are sent again, and JetStream drops the copy).
                await self._mark_sent(published)
                await self._record_error(wave[stored].id, problem)
                raise problem
        await self._mark_sent(published)
        OUTBOX_PUBLISHED.inc(len(published))
        return len(published)

    async def _publish_wave(self, wave: Sequence[Any]) -> tuple[int, Exception | None]:
        """Send `wave` in order, then await its acknowledgements: (how many rows from the start
        are stored, the first problem)."""
        acks: list[asyncio.Future[Any]] = []
        unsent: Exception | None = None
        for row in wave:
            headers = json.loads(row.headers)
            headers["Nats-Msg-Id"] = row.message_id
            token = correlation_id.set(headers.get("Correlation-Id"))
            try:
                acks.append(await self._publish(row.subject, row.payload, headers))
            except Exception as exc:
                unsent = exc
                break
            finally:
                correlation_id.reset(token)
        if acks:
            await asyncio.wait(acks, timeout=self._ack_timeout)
        stored = 0
        problem: Exception | None = None
        for ack in acks:
            if problem is None and not ack.done():
                problem = TimeoutError(f"no acknowledgement within {self._ack_timeout}s")
            if problem is None and ack.cancelled():
                problem = ConnectionError("the publication was cancelled")
            if problem is None and (failure := ack.exception()) is not None:
                problem = failure if isinstance(failure, Exception) else RuntimeError(failure)
            if problem is None:
                stored += 1
            elif not ack.done():
                ack.cancel()
        return stored, problem or unsent

    async def _hold_lease(self) -> bool:
        now = utcnow()
        # While our lease has more than half its time left, nobody else can take it: no need
        # to write (an idle relay would otherwise fsync a lease renewal every interval).
        if self._lease_until is not None and now < self._lease_until - self._lease / 2:
            return True
        self._lease_until = None
        async with self._engine.begin() as conn:
            result = await conn.execute(
                update(relay_lease)
                .where(relay_lease.c.name == self._name)
                .where(
                    (relay_lease.c.holder == self._holder)
                    | (relay_lease.c.expires_at.is_(None))
                    | (relay_lease.c.expires_at < now)
                )
                .values(holder=self._holder, expires_at=now + self._lease)
            )
            if result.rowcount:
                self._lease_until = now + self._lease
                return True
            exists = await conn.scalar(
                select(relay_lease.c.name).where(relay_lease.c.name == self._name)
            )
            if exists is None:
                await conn.execute(
                    insert(relay_lease).values(
                        name=self._name, holder=self._holder, expires_at=now + self._lease
                    )
                )
                self._lease_until = now + self._lease
                return True
        return False

    async def _pending(self) -> Sequence[Any]:
        async with self._engine.connect() as conn:
            await conn.execution_options(**{READ_ONLY: True})
            result = await conn.execute(_PENDING, {"limit": self._batch_size})
            return result.all()

    async def _mark_sent(self, ids: list[int]) -> None:
        if not ids:
            return
        async with self._engine.begin() as conn:
            await conn.execute(_MARK_SENT, {"ids": ids, "sent_at": utcnow()})

    async def _record_error(self, row_id: int, exc: Exception) -> None:
        try:
            async with self._engine.begin() as conn:
                await conn.execute(
                    update(outbox)
                    .where(outbox.c.id == row_id)
                    .values(attempts=outbox.c.attempts + 1, last_error=str(exc)[:2000])
                )
        except Exception:  # the database may be what failed; the retry loop logs it
            log.debug("could not record outbox error", exc_info=True)


# Built once: a statement built per call costs SQLAlchemy its construction and cache key each
# time, more than the statement itself takes in SQLite (a relay runs them for every wave of
# commits).
_PENDING = (
    select(
        outbox.c.id,
        outbox.c.message_id,
        outbox.c.merchant_id,
        outbox.c.subject,
        outbox.c.payload,
        outbox.c.headers,
    )
    .where(outbox.c.sent_at.is_(None))
    .order_by(outbox.c.id)
    .limit(bindparam("limit"))
)
_MARK_SENT = (
    update(outbox)
    .where(outbox.c.id.in_(bindparam("ids", expanding=True)))
    .values(sent_at=bindparam("sent_at"), attempts=outbox.c.attempts + 1)
)


def _waves(rows: Sequence[Any]) -> list[list[Any]]:
    """Split rows, in order, into runs in which no merchant appears twice."""
    waves: list[list[Any]] = []
    seen: set[str | None] = set()
    for row in rows:
        if not waves or row.merchant_id in seen:
            waves.append([])
            seen = set()
        waves[-1].append(row)
        seen.add(row.merchant_id)
    return waves


def jetstream_publisher(js_getter: Callable[[], Any]) -> Publish:
    """A publish function that sends through JetStream; its result is the stream's ack."""

    async def publish(subject: str, payload: bytes, headers: dict[str, str]) -> asyncio.Future[Any]:
        js = js_getter()
        future: asyncio.Future[Any] = await js.publish_async(
            subject, payload, headers=headers, wait_stall=5.0
        )
        return future

    return publish
