"""Orders persistence."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from cobalt_orders.adapters.orm import orders
from cobalt_orders.domain.order import ReceivedOrder


def vendor_key(name: str) -> str:
    """Vendor names compare case- and space-insensitively, as QuickBooks compares them."""
    return " ".join(name.split()).casefold()


class OrderRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self._connection = connection

    async def add(self, order: ReceivedOrder) -> None:
        await self._connection.execute(
            insert(orders).values(
                id=order.id,
                merchant_id=order.merchant_id,
                vendor_name=order.vendor_name,
                vendor_key=vendor_key(order.vendor_name),
                invoice_number=order.invoice_number,
                received_on=order.received_on,
                total=order.total,
                recorded_at=order.recorded_at,
            )
        )

    async def get(self, merchant_id: uuid.UUID, order_id: uuid.UUID) -> ReceivedOrder | None:
        row = (
            await self._connection.execute(
                select(orders).where(orders.c.merchant_id == merchant_id, orders.c.id == order_id)
            )
        ).first()
        return _to_order(row._mapping) if row else None

    async def by_invoice(
        self, merchant_id: uuid.UUID, vendor_name: str, invoice_number: str
    ) -> ReceivedOrder | None:
        row = (
            await self._connection.execute(
                select(orders).where(
                    orders.c.merchant_id == merchant_id,
                    orders.c.vendor_key == vendor_key(vendor_name),
                    orders.c.invoice_number == invoice_number.strip(),
                )
            )
        ).first()
        return _to_order(row._mapping) if row else None

    async def list(self, merchant_id: uuid.UUID, limit: int = 100) -> list[ReceivedOrder]:
        rows = await self._connection.execute(
            select(orders)
            .where(orders.c.merchant_id == merchant_id)
            .order_by(orders.c.recorded_at.desc())
            .limit(limit)
        )
        return [_to_order(r._mapping) for r in rows]


def _to_order(row: Any) -> ReceivedOrder:
    return ReceivedOrder(
        id=row["id"],
        merchant_id=row["merchant_id"],
        vendor_name=row["vendor_name"],
        invoice_number=row["invoice_number"],
        received_on=row["received_on"],
        total=row["total"],
        recorded_at=row["recorded_at"],
    )
