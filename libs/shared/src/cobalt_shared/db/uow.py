"""Unit of work: one transaction that rolls back unless committed."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from types import TracebackType
from typing import Self

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from cobalt_shared.outbox import OutboxWriter


class UnitOfWork:
    """`async with uow:` opens a transaction; leaving without `commit()` rolls it back.

    Repositories run SQLAlchemy Core statements on `uow.connection` (no ORM session: it
    costs about 1.5 ms a transaction here and we map rows to domain objects ourselves).
    Every service writes outgoing messages through `uow.outbox`, so the state change and
    the message are one transaction.
    """

    def __init__(self, engine: AsyncEngine, on_commit: Callable[[], None] | None = None) -> None:
        self._engine = engine
        self._on_commit = on_commit
        self._connection: AsyncConnection | None = None
        self._queued = False  # the transaction added outbox rows

    @property
    def connection(self) -> AsyncConnection:
        if self._connection is None:
            raise RuntimeError("the unit of work is not open: use `async with uow:`")
        return self._connection

    @property
    def outbox(self) -> OutboxWriter:
        return OutboxWriter(self.connection, on_add=self._note_queued)

    def _note_queued(self) -> None:
        self._queued = True

    async def __aenter__(self) -> Self:
        if self._connection is not None:
            raise RuntimeError("this unit of work is already open")
        connection = await self._engine.connect()
        try:
            await connection.begin()
        except BaseException:
            await connection.close()
            raise
        self._connection = connection
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        connection, self._connection = self.connection, None
        try:
            if connection.in_transaction():
                await connection.rollback()
        finally:
            await connection.close()

    async def commit(self) -> None:
        """Commit; when it added outbox rows, `on_commit` wakes whoever relays them."""
        await self.connection.commit()
        queued, self._queued = self._queued, False
        if queued and self._on_commit is not None:
            self._on_commit()

    async def rollback(self) -> None:
        await self.connection.rollback()

    async def lock_merchants(self, merchant_ids: Iterable[uuid.UUID]) -> None:
        """Hold these merchants for the rest of the transaction, in one order, with one
        statement (two holders cannot deadlock).

        A service that decides on a merchant's rows and writes them back (a bill's result, a
        gateway step planning a queue) must not interleave with another instance doing the
        same: on PostgreSQL (READ COMMITTED) one of the two changes would be lost. SQLite
        transactions already run one at a time, so there it takes nothing."""
        if self.connection.dialect.name != "postgresql":
            return
        keys = sorted({int.from_bytes(m.bytes[:8], "big", signed=True) for m in merchant_ids})
        if keys:
            await self.connection.execute(_LOCK_MERCHANTS, {"keys": keys})


# unnest keeps the array's order, so the locks are taken in it.
_LOCK_MERCHANTS = text("SELECT pg_advisory_xact_lock(k) FROM unnest(CAST(:keys AS bigint[])) AS k")
