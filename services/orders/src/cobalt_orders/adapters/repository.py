"""Orders persistence."""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from cobalt_orders.adapters.orm import order_history, orders
from cobalt_orders.domain.order import Credit, Order, OrderChange, OrderLine
from cobalt_shared.names import vendor_key


@dataclass(frozen=True)
class OrderFilter:
    vendor: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    received: bool | None = None
    limit: int = 100


# What every new order runs, built once (SQLAlchemy then skips building and keying them).
_INSERT_ORDER = insert(orders)
_INSERT_CHANGE = insert(order_history)
_BY_INVOICE = select(orders).where(
    orders.c.merchant_id == bindparam("merchant"),
    orders.c.vendor_key == bindparam("vendor"),
    orders.c.invoice_number == bindparam("invoice"),
)
# Two lists, not one of pairs: both databases then search the invoice index by every column
# (with pairs, each read all the merchant's orders of a vendor, or all its orders).
_BY_INVOICES = select(orders).where(
    orders.c.merchant_id == bindparam("merchant"),
    orders.c.vendor_key.in_(bindparam("vendors", expanding=True)),
    orders.c.invoice_number.in_(bindparam("invoices", expanding=True)),
)
_BY_IDEMPOTENCY_KEY = select(orders).where(
    orders.c.merchant_id == bindparam("merchant"), orders.c.idempotency_key == bindparam("key")
)


class OrderRepository:
    def __init__(self, connection: AsyncConnection) -> None:
        self._connection = connection

    async def add(
        self, order: Order, idempotency_key: str | None = None, request_hash: str | None = None
    ) -> None:
        await self._connection.execute(
            _INSERT_ORDER, _order_row(order, idempotency_key, request_hash)
        )

    async def add_many(self, new: Sequence[tuple[Order, str | None]]) -> None:
        """New orders (each with its request hash, no Idempotency-Key), in one statement."""
        if new:
            rows = [_order_row(order, None, request_hash) for order, request_hash in new]
            await self._connection.execute(_INSERT_ORDER, rows[0] if len(rows) == 1 else rows)

    async def save(self, order: Order) -> None:
        """Store an edited, corrected or cancelled order."""
        await self._connection.execute(
            update(orders)
            .where(orders.c.merchant_id == order.merchant_id, orders.c.id == order.id)
            .values(
                vendor_name=order.vendor_name,
                vendor_key=vendor_key(order.vendor_name),
                invoice_number=order.invoice_number,
                received_on=order.received_on,
                total=order.total,
                order_date=order.order_date,
                due_date=order.due_date,
                lines=json.dumps([_line_json(ln) for ln in order.lines]),
                credits=json.dumps([_credit_json(c) for c in order.credits]),
                revision=order.revision,
                cancelled_on=order.cancelled_on,
            )
        )

    async def add_change(self, merchant_id: uuid.UUID, change: OrderChange) -> None:
        await self.add_changes(merchant_id, [change])

    async def add_changes(self, merchant_id: uuid.UUID, changes: Sequence[OrderChange]) -> None:
        """Changes to the history of the merchant's orders, in one statement."""
        if not changes:
            return
        rows = [
            {
                "id": uuid.uuid4(),
                "merchant_id": merchant_id,
                "order_id": change.order_id,
                "at": change.at,
                "by": change.by,
                "action": change.action,
                "summary": change.summary,
            }
            for change in changes
        ]
        await self._connection.execute(_INSERT_CHANGE, rows[0] if len(rows) == 1 else rows)

    async def history(self, merchant_id: uuid.UUID, order_id: uuid.UUID) -> list[OrderChange]:
        rows = await self._connection.execute(
            select(order_history)
            .where(order_history.c.merchant_id == merchant_id, order_history.c.order_id == order_id)
            .order_by(order_history.c.at, order_history.c.id)
        )
        return [OrderChange(r.order_id, r.at, r.by, r.action, r.summary) for r in rows]

    async def mark_received(self, order: Order) -> None:
        await self._connection.execute(
            update(orders)
            .where(orders.c.merchant_id == order.merchant_id, orders.c.id == order.id)
            .values(received_on=order.received_on)
        )

    async def get(self, merchant_id: uuid.UUID, order_id: uuid.UUID) -> Order | None:
        row = (
            await self._connection.execute(
                select(orders).where(orders.c.merchant_id == merchant_id, orders.c.id == order_id)
            )
        ).first()
        return _to_order(row._mapping) if row else None

    async def by_invoice(
        self, merchant_id: uuid.UUID, vendor_name: str, invoice_number: str
    ) -> Order | None:
        parameters = {
            "merchant": merchant_id,
            "vendor": vendor_key(vendor_name),
            "invoice": invoice_number.strip(),
        }
        row = (await self._connection.execute(_BY_INVOICE, parameters)).first()
        return _to_order(row._mapping) if row else None

    async def by_invoices(
        self, merchant_id: uuid.UUID, invoices: Sequence[tuple[str, str]]
    ) -> dict[tuple[str, str], Order]:
        """The merchant's orders of these (vendor name, invoice number), in one query, by
        (vendor key, invoice number): how `by_invoice` finds one."""
        keys = sorted({(vendor_key(vendor), invoice.strip()) for vendor, invoice in invoices})
        if not keys:
            return {}
        parameters = {
            "merchant": merchant_id,
            "vendors": sorted({vendor for vendor, _ in keys}),
            "invoices": sorted({invoice for _, invoice in keys}),
        }
        rows = await self._connection.execute(_BY_INVOICES, parameters)
        found = {(r.vendor_key, r.invoice_number): r for r in rows}
        return {key: _to_order(found[key]._mapping) for key in keys if key in found}

    async def by_idempotency_key(
        self, merchant_id: uuid.UUID, key: str
    ) -> tuple[Order, str | None] | None:
        parameters = {"merchant": merchant_id, "key": key}
        row = (await self._connection.execute(_BY_IDEMPOTENCY_KEY, parameters)).first()
        return (_to_order(row._mapping), row._mapping["request_hash"]) if row else None

    async def list(self, merchant_id: uuid.UUID, where: OrderFilter | None = None) -> list[Order]:
        where = where or OrderFilter()
        query = select(orders).where(orders.c.merchant_id == merchant_id)
        if where.vendor:
            query = query.where(orders.c.vendor_key.contains(vendor_key(where.vendor)))
        if where.date_from:
            query = query.where(orders.c.order_date >= where.date_from)
        if where.date_to:
            query = query.where(orders.c.order_date <= where.date_to)
        if where.received is True:
            query = query.where(orders.c.received_on.is_not(None))
        if where.received is False:
            query = query.where(orders.c.received_on.is_(None))
        query = query.order_by(orders.c.recorded_at.desc()).limit(where.limit)
        return [_to_order(r._mapping) for r in await self._connection.execute(query)]


def _line_json(line: OrderLine) -> dict[str, str]:
    return {
        "category": line.category,
        "description": line.description,
        "quantity": str(line.quantity),
        "unit_cost": str(line.unit_cost),
    }


def _credit_json(credit: Credit) -> dict[str, str | None]:
    return {
        "reason": credit.reason,
        "amount": str(credit.amount),
        "category": credit.category,
        "memo": credit.memo,
    }


def _order_row(
    order: Order, idempotency_key: str | None, request_hash: str | None
) -> dict[str, Any]:
    return {
        "id": order.id,
        "merchant_id": order.merchant_id,
        "vendor_name": order.vendor_name,
        "vendor_key": vendor_key(order.vendor_name),
        "invoice_number": order.invoice_number,
        "received_on": order.received_on,
        "total": order.total,
        "recorded_at": order.recorded_at,
        "order_date": order.order_date,
        "due_date": order.due_date,
        "lines": json.dumps([_line_json(ln) for ln in order.lines]),
        "credits": json.dumps([_credit_json(c) for c in order.credits]),
        "idempotency_key": idempotency_key,
        "request_hash": request_hash,
        "recorded_by": order.recorded_by,
    }


def _to_order(row: Any) -> Order:
    lines = tuple(
        OrderLine(
            ln["category"], ln["description"], Decimal(ln["quantity"]), Decimal(ln["unit_cost"])
        )
        for ln in json.loads(row["lines"])
    )
    if not lines:  # recorded before orders had lines: one line for the whole total
        lines = (OrderLine("Purchases", "", Decimal(1), Decimal(row["total"])),)
    credits = tuple(
        Credit(c["reason"], Decimal(c["amount"]), c.get("category"), c.get("memo"))
        for c in json.loads(row["credits"])
    )
    return Order(
        id=row["id"],
        merchant_id=row["merchant_id"],
        vendor_name=row["vendor_name"],
        invoice_number=row["invoice_number"],
        order_date=row["order_date"] or row["received_on"],
        due_date=row["due_date"],
        lines=lines,
        credits=credits,
        recorded_at=row["recorded_at"],
        received_on=row["received_on"],
        recorded_by=row["recorded_by"],
        revision=row["revision"],
        cancelled_on=row["cancelled_on"],
    )
