"""Unit of work: one transaction that rolls back unless committed."""

from __future__ import annotations

from collections.abc import Callable
from types import TracebackType
from typing import Self

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
