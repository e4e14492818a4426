"""HTTP API of the orders service."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response
from pydantic import BaseModel, Field

from cobalt_orders.adapters.uow import OrdersUnitOfWork
from cobalt_orders.application.receive_order import ReceiveOrder, receive_order
from cobalt_orders.domain.order import ReceivedOrder
from cobalt_shared.auth import Merchant
from cobalt_shared.errors import NotFound
from cobalt_shared.http import unit_of_work
from cobalt_shared.money import Money
from cobalt_shared.observability import correlation_id

router = APIRouter(prefix="/orders", tags=["orders"])


Uow = Annotated[OrdersUnitOfWork, Depends(unit_of_work)]


class ReceiveOrderRequest(BaseModel):
    """A vendor order whose goods arrived."""

    vendor_name: str = Field(min_length=1, max_length=100, examples=["Acme Beverage"])
    invoice_number: str = Field(min_length=1, max_length=40, examples=["INV-1042"])
    received_on: date
    total: Money = Field(examples=["1240.00"])


class OrderOut(BaseModel):
    """A received order."""

    id: uuid.UUID
    vendor_name: str
    invoice_number: str
    received_on: date
    total: Money
    recorded_at: datetime

    @classmethod
    def of(cls, order: ReceivedOrder) -> OrderOut:
        return cls(
            id=order.id,
            vendor_name=order.vendor_name,
            invoice_number=order.invoice_number,
            received_on=order.received_on,
            total=order.total,
            recorded_at=order.recorded_at,
        )


def _correlation() -> uuid.UUID | None:
    cid = correlation_id.get()
    try:
        return uuid.UUID(cid) if cid else None
    except ValueError:
        return None


@router.post("/received", status_code=201)
async def receive(
    body: ReceiveOrderRequest, scope: Merchant, uow: Uow, response: Response
) -> OrderOut:
    """Record a received vendor order; the same vendor and invoice returns the existing one."""
    cmd = ReceiveOrder(
        scope.merchant_id,
        body.vendor_name,
        body.invoice_number,
        body.received_on,
        body.total,
        _correlation(),
    )
    async with uow as tx:
        order, created = await receive_order(cmd, tx)
        await tx.commit()
    if not created:
        response.status_code = 200
    return OrderOut.of(order)


@router.get("")
async def list_orders(
    scope: Merchant, uow: Uow, limit: Annotated[int, Query(ge=1, le=500)] = 100
) -> list[OrderOut]:
    """The merchant's received orders, newest first."""
    async with uow as tx:
        orders = await tx.orders.list(scope.merchant_id, limit)
    return [OrderOut.of(o) for o in orders]


@router.get("/{order_id}")
async def get_order(order_id: uuid.UUID, scope: Merchant, uow: Uow) -> OrderOut:
    """One received order of the merchant."""
    async with uow as tx:
        order = await tx.orders.get(scope.merchant_id, order_id)
    if order is None:
        raise NotFound(f"order {order_id} not found")
    return OrderOut.of(order)
