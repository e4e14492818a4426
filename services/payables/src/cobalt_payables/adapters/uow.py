"""The payables unit of work: one transaction, its repositories and its outbox."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import text

from cobalt_payables.adapters.repository import (
    BillRepository,
    CreditRepository,
    PaymentRepository,
    PaymentRequestRepository,
)
from cobalt_shared.db import UnitOfWork


class PayablesUnitOfWork(UnitOfWork):
    @property
    def bills(self) -> BillRepository:
        return BillRepository(self.connection)

    @property
    def credits(self) -> CreditRepository:
        return CreditRepository(self.connection)

    @property
    def payments(self) -> PaymentRepository:
        return PaymentRepository(self.connection)

    @property
    def payment_requests(self) -> PaymentRequestRepository:
        return PaymentRequestRepository(self.connection)

    async def lock_merchants(self, merchant_ids: Iterable[uuid.UUID]) -> None:
        """Hold these merchants' bills and credits for this transaction, in one order (two
        holders cannot deadlock). Results, orders and payments change a bill by reading it
        and writing it back: on PostgreSQL two workers doing so at once (a bill's result on
        one, a read-back or a payment's result on the other) would each write back what the
        other did not see, and one change would be lost. SQLite transactions already run one
        at a time."""
        if self.connection.dialect.name != "postgresql":
            return
        keys = sorted({int.from_bytes(m.bytes[:8], "big", signed=True) for m in merchant_ids})
        if keys:  # one statement for them all, taken in the array's order
            await self.connection.execute(_LOCK_ALL, {"keys": keys})


_LOCK_ALL = text("SELECT pg_advisory_xact_lock(k) FROM unnest(CAST(:keys AS bigint[])) AS k")
