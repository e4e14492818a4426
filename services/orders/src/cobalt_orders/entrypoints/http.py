"""HTTP API of the orders service."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal
from typing import Annotated, Literal, cast

from fastapi import APIRouter, Depends, Query, Response
from pydantic import BaseModel, Field

from cobalt_orders.adapters.repository import OrderFilter
from cobalt_orders.adapters.uow import OrdersUnitOfWork
from cobalt_orders.application.orders import (
    RecordOrder,
    cancel_order,
    edit_order,
    receive_order,
    record_order,
    record_orders,
)
from cobalt_orders.domain.order import Credit, Order, OrderChange, OrderLine
from cobalt_shared.api_contract import IsoDate
from cobalt_shared.auth import Merchant, MerchantScope
from cobalt_shared.contracts.orders import CreditReason
from cobalt_shared.errors import DomainError, NotFound
from cobalt_shared.http import unit_of_work
from cobalt_shared.idempotency import idempotency_key, request_hash
from cobalt_shared.money import Money
from cobalt_shared.observability import correlation_id

router = APIRouter(prefix="/orders", tags=["orders"])
Action = Literal["recorded", "edited", "received", "corrected", "cancelled"]


Uow = Annotated[OrdersUnitOfWork, Depends(unit_of_work)]
IdempotencyKey = Annotated[str | None, Depends(idempotency_key)]


class LineIn(BaseModel):
    """One line: what was bought, in which purchase category."""

    category: str = Field(examples=["Beer"], description="Purchase category (required).")
    description: str = Field("", examples=["IPA 6-pack"])
    quantity: Decimal = Field(examples=["24"], description="Non-negative, at most 3 places.")
    unit_cost: Money = Field(examples=["8.50"], description="Non-negative, at most 2 places.")


class CreditIn(BaseModel):
    """A credit the vendor gave on this order."""

    reason: CreditReason
    amount: Money = Field(examples=["12.00"], description="Positive, at most 2 places.")
    category: str | None = Field(
        None, description="Purchase category it reduces; none for the Vendor Credits account."
    )
    memo: str | None = Field(None, max_length=200)


class OrderIn(BaseModel):
    """A vendor order. With `received_on` it is received at once."""

    vendor_name: str = Field(examples=["Acme Beverage"])
    invoice_number: str = Field(examples=["INV-1042"])
    order_date: IsoDate
    due_date: IsoDate | None = None
    lines: list[LineIn] = Field(max_length=1000)
    credits: list[CreditIn] = Field(default_factory=list, max_length=100)
    total: Money | None = Field(None, description="If given, must equal the sum of the lines.")
    received_on: IsoDate | None = None

    def command(self, scope: MerchantScope, key: str | None = None) -> RecordOrder:
        return RecordOrder(
            merchant_id=scope.merchant_id,
            vendor_name=self.vendor_name,
            invoice_number=self.invoice_number,
            order_date=self.order_date,
            due_date=self.due_date,
            lines=[
                OrderLine(ln.category, ln.description, ln.quantity, ln.unit_cost)
                for ln in self.lines
            ],
            credits=[Credit(c.reason, c.amount, c.category, c.memo) for c in self.credits],
            total=self.total,
            received_on=self.received_on,
            idempotency_key=key,
            request_hash=request_hash(self.model_dump(mode="json")),
            correlation_id=_correlation(),
            by=scope.principal.display_name,
        )


class ReceiveIn(BaseModel):
    received_on: IsoDate


class CancelIn(BaseModel):
    cancelled_on: IsoDate = Field(description="The store's day the order was cancelled.")


class LineOut(BaseModel):
    category: str
    description: str
    quantity: Decimal
    unit_cost: Money
    amount: Money


class CreditOut(BaseModel):
    reason: str
    amount: Money
    category: str | None
    memo: str | None


class CategoryOut(BaseModel):
    category: str
    amount: Money


class OrderOut(BaseModel):
    """An order, its totals per category and its credits."""

    id: uuid.UUID
    vendor_name: str
    invoice_number: str
    order_date: IsoDate
    due_date: IsoDate | None
    received: bool
    received_on: IsoDate | None
    lines: list[LineOut]
    credits: list[CreditOut]
    categories: list[CategoryOut]
    total: Money
    credit_total: Money
    recorded_at: datetime
    recorded_by: str | None = Field(None, description="Who entered it (from their sign-in).")
    editable: bool = Field(
        description="It can still be edited (not cancelled); once received, an edit is a "
        "correction its bill follows in QuickBooks."
    )
    revision: int = Field(description="Corrections announced since it was received.")
    cancelled_on: IsoDate | None = Field(None, description="The day it was cancelled.")

    @classmethod
    def of(cls, order: Order) -> OrderOut:
        return cls(
            id=order.id,
            vendor_name=order.vendor_name,
            invoice_number=order.invoice_number,
            order_date=order.order_date,
            due_date=order.due_date,
            received=order.received_on is not None,
            received_on=order.received_on,
            lines=[
                LineOut(
                    category=ln.category,
                    description=ln.description,
                    quantity=ln.quantity,
                    unit_cost=ln.unit_cost,
                    amount=ln.amount,
                )
                for ln in order.lines
            ],
            credits=[
                CreditOut(reason=c.reason, amount=c.amount, category=c.category, memo=c.memo)
                for c in order.credits
            ],
            categories=[CategoryOut(category=c, amount=a) for c, a in order.category_totals()],
            total=order.total,
            credit_total=order.credit_total,
            recorded_at=order.recorded_at,
            recorded_by=order.recorded_by,
            editable=order.cancelled_on is None,
            revision=order.revision,
            cancelled_on=order.cancelled_on,
        )


class ChangeOut(BaseModel):
    """One line of an order's history."""

    at: datetime
    by: str | None
    action: Action
    summary: str


class OrderDetail(OrderOut):
    """An order with its history: who recorded, edited and received it."""

    history: list[ChangeOut]

    @classmethod
    def with_history(cls, order: Order, history: list[OrderChange]) -> OrderDetail:
        return cls(
            **OrderOut.of(order).model_dump(),
            history=[
                ChangeOut(at=c.at, by=c.by, action=cast(Action, c.action), summary=c.summary)
                for c in history
            ],
        )


def _correlation() -> uuid.UUID | None:
    cid = correlation_id.get()
    try:
        return uuid.UUID(cid) if cid else None
    except ValueError:
        return None


@router.post(
    "",
    status_code=201,
    responses={
        200: {
            "model": OrderOut,
            "description": "The same request again (Idempotency-Key): what it made the first time.",
        }
    },
)
async def create_order(
    body: OrderIn, scope: Merchant, uow: Uow, response: Response, key: IdempotencyKey
) -> OrderOut:
    """Record a vendor order (received at once when `received_on` is given). The same
    `Idempotency-Key`, or the same vendor and invoice number, returns the existing order
    (200) and never makes a second bill."""
    cmd = body.command(scope, key)
    async with uow as tx:
        order, created = await record_order(cmd, tx)
        await tx.commit()
    if not created:
        response.status_code = 200
    return OrderOut.of(order)


class OrdersBatchIn(BaseModel):
    """Several orders at once (an import, a back office catching up)."""

    orders: list[OrderIn] = Field(min_length=1, max_length=200)


class BatchResult(BaseModel):
    """What became of one order of a batch, by its place in the batch."""

    index: int
    status: Literal["created", "existing", "refused"]
    order: OrderOut | None = None
    error: str | None = Field(None, description="Why it was refused.")
    field: str | None = Field(None, description="The field the refusal is about.")


class OrdersBatchOut(BaseModel):
    created: int
    existing: int
    refused: int
    results: list[BatchResult]


@router.post("/batch")
async def create_orders(body: OrdersBatchIn, scope: Merchant, uow: Uow) -> OrdersBatchOut:
    """Record up to 200 orders in one transaction. Each is created, found already recorded
    (same vendor and invoice number: never a second bill), or refused with its reason; a
    refused order changes nothing and does not stop the others."""
    results: list[BatchResult] = []
    async with uow as tx:
        commands = [item.command(scope) for item in body.orders]
        for index, result in enumerate(await record_orders(scope.merchant_id, commands, tx)):
            if isinstance(result, DomainError):  # refused: nothing of it was written
                results.append(
                    BatchResult(
                        index=index, status="refused", error=result.message, field=result.field
                    )
                )
                continue
            order, created = result
            status: Literal["created", "existing"] = "created" if created else "existing"
            results.append(BatchResult(index=index, status=status, order=OrderOut.of(order)))
        await tx.commit()
    return OrdersBatchOut(
        created=sum(r.status == "created" for r in results),
        existing=sum(r.status == "existing" for r in results),
        refused=sum(r.status == "refused" for r in results),
        results=results,
    )


@router.post("/{order_id}/receive")
async def receive(order_id: uuid.UUID, body: ReceiveIn, scope: Merchant, uow: Uow) -> OrderOut:
    """Mark an order received: its bill (and vendor credit) go to accounts payable. Receiving
    it again changes nothing."""
    async with uow as tx:
        order = await receive_order(
            scope.merchant_id,
            order_id,
            body.received_on,
            tx,
            _correlation(),
            scope.principal.display_name,
        )
        await tx.commit()
    return OrderOut.of(order)


@router.post("/{order_id}/cancel")
async def cancel(order_id: uuid.UUID, body: CancelIn, scope: Merchant, uow: Uow) -> OrderDetail:
    """Cancel an order. A received one's bill and vendor credit are voided in QuickBooks at
    the next update, unless a payment was applied (its bill then says so, with the fix).
    Cancelling again changes nothing; a cancelled order can no longer be edited (409)."""
    async with uow as tx:
        order = await cancel_order(
            scope.merchant_id,
            order_id,
            body.cancelled_on,
            tx,
            _correlation(),
            scope.principal.display_name,
        )
        history = await tx.orders.history(scope.merchant_id, order.id)
        await tx.commit()
    return OrderDetail.with_history(order, history)


@router.put("/{order_id}")
async def edit(order_id: uuid.UUID, body: OrderIn, scope: Merchant, uow: Uow) -> OrderDetail:
    """Correct an order. With `received_on` one not yet received is received too. Once
    received, the correction goes to its bill in QuickBooks (BillMod; the vendor cannot
    change); a cancelled order is refused (409). The edit is kept in its history."""
    async with uow as tx:
        order = await edit_order(body.command(scope), order_id, tx)
        history = await tx.orders.history(scope.merchant_id, order.id)
        await tx.commit()
    return OrderDetail.with_history(order, history)


@router.get("")
async def list_orders(
    scope: Merchant,
    uow: Uow,
    vendor: Annotated[str | None, Query(max_length=100, description="Vendor name contains")] = None,
    date_from: Annotated[IsoDate | None, Query(alias="from", description="Order date from")] = None,
    date_to: Annotated[IsoDate | None, Query(alias="to", description="Order date to")] = None,
    received: Annotated[bool | None, Query(description="Received or not")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> list[OrderOut]:
    """The merchant's orders, newest first, filtered by vendor, order date, received or not."""
    where = OrderFilter(vendor, date_from, date_to, received, limit)
    async with uow as tx:
        orders = await tx.orders.list(scope.merchant_id, where)
    return [OrderOut.of(o) for o in orders]


@router.get("/{order_id}")
async def get_order(order_id: uuid.UUID, scope: Merchant, uow: Uow) -> OrderDetail:
    """One order of the merchant, with its history."""
    async with uow as tx:
        order = await tx.orders.get(scope.merchant_id, order_id)
        history = await tx.orders.history(scope.merchant_id, order_id) if order else []
    if order is None:
        raise NotFound(f"order {order_id} not found")
    return OrderDetail.with_history(order, history)
