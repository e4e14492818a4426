"""Use case: record a received vendor order and announce it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from cobalt_orders.adapters.uow import OrdersUnitOfWork
from cobalt_orders.domain.order import ReceivedOrder
from cobalt_shared.contracts import OrderReceived, utcnow
from cobalt_shared.contracts.subjects import order_received


@dataclass(frozen=True)
class ReceiveOrder:
    """Command: goods of a vendor order arrived."""

    merchant_id: uuid.UUID
    vendor_name: str
    invoice_number: str
    received_on: date
    total: Decimal
    correlation_id: uuid.UUID | None = None


async def receive_order(cmd: ReceiveOrder, uow: OrdersUnitOfWork) -> tuple[ReceivedOrder, bool]:
    """Record the order and queue its order-received event; the same invoice returns the first.

    Takes an open unit of work; the caller commits. Returns the order and whether it is new.
    """
    existing = await uow.orders.by_invoice(cmd.merchant_id, cmd.vendor_name, cmd.invoice_number)
    if existing is not None:
        return existing, False
    order = ReceivedOrder.receive(
        merchant_id=cmd.merchant_id,
        vendor_name=cmd.vendor_name,
        invoice_number=cmd.invoice_number,
        received_on=cmd.received_on,
        total=cmd.total,
        now=utcnow(),
    )
    await uow.orders.add(order)
    event = OrderReceived(
        merchant_id=order.merchant_id,
        correlation_id=cmd.correlation_id or uuid.uuid4(),
        order_id=order.id,
        vendor_name=order.vendor_name,
        invoice_number=order.invoice_number,
        received_on=order.received_on,
        total=order.total,
    )
    await uow.outbox.add(order_received(order.merchant_id), event)
    return order, True
