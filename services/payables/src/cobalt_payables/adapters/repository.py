"""Bills persistence."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from cobalt_payables.adapters.orm import bills
from cobalt_payables.domain.bill import Bill


class BillRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self._connection = connection

    async def add(self, bill: Bill) -> None:
        await self._connection.execute(
            insert(bills).values(
                id=bill.id,
                merchant_id=bill.merchant_id,
                order_id=bill.order_id,
                vendor_name=bill.vendor_name,
                invoice_number=bill.invoice_number,
                bill_date=bill.bill_date,
                amount=bill.amount,
                open_balance=bill.open_balance,
                recorded_at=bill.recorded_at,
            )
        )

    async def for_order(self, merchant_id: uuid.UUID, order_id: uuid.UUID) -> Bill | None:
        row = (
            await self._connection.execute(
                select(bills).where(
                    bills.c.merchant_id == merchant_id, bills.c.order_id == order_id
                )
            )
        ).first()
        return _to_bill(row._mapping) if row else None

    async def open_bills(self, merchant_id: uuid.UUID, limit: int = 500) -> list[Bill]:
        rows = await self._connection.execute(
            select(bills)
            .where(bills.c.merchant_id == merchant_id, bills.c.open_balance > 0)
            .order_by(bills.c.bill_date, bills.c.recorded_at)
            .limit(limit)
        )
        return [_to_bill(r._mapping) for r in rows]


def _to_bill(row: Any) -> Bill:
    return Bill(**{name: row[name] for name in Bill.__dataclass_fields__})
