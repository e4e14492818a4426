"""Use cases: record a vendor order, receive it (which announces it), read orders back.

Each use case that writes holds the merchant first (`lock_merchants`): two requests about one
order (an edit and a cancellation, say) run one after the other, so neither writes back over
what the other wrote, and each announces its own revision."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from decimal import Decimal

from cobalt_orders.adapters.uow import OrdersUnitOfWork
from cobalt_orders.domain.order import Credit, Order, OrderChange, OrderLine, describe_changes
from cobalt_shared.contracts import CategoryTotal, OrderCredit, OrderReceived, utcnow
from cobalt_shared.contracts.subjects import order_received
from cobalt_shared.errors import Conflict, DomainError, NotFound
from cobalt_shared.names import vendor_key


@dataclass(frozen=True)
class RecordOrder:
    """Command: a vendor order as the merchant entered it (received at once when dated)."""

    merchant_id: uuid.UUID
    vendor_name: str
    invoice_number: str
    order_date: date
    lines: list[OrderLine]
    credits: list[Credit] = field(default_factory=list)
    due_date: date | None = None
    total: Decimal | None = None
    received_on: date | None = None
    idempotency_key: str | None = None
    request_hash: str | None = None
    correlation_id: uuid.UUID | None = None
    by: str | None = None  # who entered it


async def record_order(cmd: RecordOrder, uow: OrdersUnitOfWork) -> tuple[Order, bool]:
    """Record the order once. The same Idempotency-Key, or the same vendor invoice, returns
    the order already recorded (and never announces it twice). Returns (order, created).

    Takes an open unit of work; the caller commits.
    """
    await uow.lock_merchants([cmd.merchant_id])
    if cmd.idempotency_key:
        found = await uow.orders.by_idempotency_key(cmd.merchant_id, cmd.idempotency_key)
        if found is not None:
            order, request_hash = found
            if cmd.request_hash and request_hash and request_hash != cmd.request_hash:
                raise Conflict(
                    "this Idempotency-Key was already used for a different order; "
                    "use a new key for a new order"
                )
            return order, False
    existing = await uow.orders.by_invoice(cmd.merchant_id, cmd.vendor_name, cmd.invoice_number)
    if existing is not None:
        return existing, False
    now = utcnow()
    order = _new_order(cmd, now)
    await uow.orders.add(order, cmd.idempotency_key, cmd.request_hash)
    await uow.orders.add_changes(order.merchant_id, _recorded(order, cmd.by, now))
    if order.received_on is not None:
        await _announce(uow, order, cmd.correlation_id)
    return order, True


async def record_orders(
    merchant_id: uuid.UUID, cmds: Sequence[RecordOrder], uow: OrdersUnitOfWork
) -> list[tuple[Order, bool] | DomainError]:
    """`record_order` for many orders of one merchant (none with an Idempotency-Key), with one
    statement for each kind of write: what became of each, in order; a refused one is its
    error and writes nothing. The same invoice twice in the batch is recorded once.

    Takes an open unit of work; the caller commits.
    """
    if any(c.merchant_id != merchant_id or c.idempotency_key for c in cmds):
        raise ValueError("a batch is of one merchant and carries no Idempotency-Key")
    await uow.lock_merchants([merchant_id])
    known = await uow.orders.by_invoices(
        merchant_id, [(c.vendor_name, c.invoice_number) for c in cmds]
    )
    now = utcnow()
    results: list[tuple[Order, bool] | DomainError] = []
    new: list[tuple[Order, str | None]] = []
    changes: list[OrderChange] = []
    events: list[tuple[str, OrderReceived]] = []
    for cmd in cmds:
        key = (vendor_key(cmd.vendor_name), cmd.invoice_number.strip())
        if key in known:
            results.append((known[key], False))
            continue
        try:
            order = _new_order(cmd, now)
        except DomainError as exc:  # refused before anything of it was written
            results.append(exc)
            continue
        known[key] = order
        new.append((order, cmd.request_hash))
        changes.extend(_recorded(order, cmd.by, now))
        if order.received_on is not None:
            events.append((order_received(merchant_id), _received(order, cmd.correlation_id)))
        results.append((order, True))
    await uow.orders.add_many(new)
    await uow.orders.add_changes(merchant_id, changes)
    await uow.outbox.add_many(events)
    return results


def _new_order(cmd: RecordOrder, now: datetime) -> Order:
    order = Order.record(
        merchant_id=cmd.merchant_id,
        vendor_name=cmd.vendor_name,
        invoice_number=cmd.invoice_number,
        order_date=cmd.order_date,
        due_date=cmd.due_date,
        lines=cmd.lines,
        credits=cmd.credits,
        stated_total=cmd.total,
        now=now,
    )
    order = replace(order, recorded_by=cmd.by)
    return order if cmd.received_on is None else order.receive(cmd.received_on)


def _recorded(order: Order, by: str | None, now: datetime) -> list[OrderChange]:
    """A new order's history: recorded, and received when it came received (a microsecond
    later, so that history, in time order, shows it second)."""
    summary = f"{order.vendor_name} {order.invoice_number}, total {order.total}"
    changes = [OrderChange(order.id, now, by, "recorded", summary)]
    if order.received_on is not None:
        received = f"received {order.received_on.isoformat()}"
        changes.append(OrderChange(order.id, now + _NEXT, by, "received", received))
    return changes


_NEXT = timedelta(microseconds=1)


async def edit_order(cmd: RecordOrder, order_id: uuid.UUID, uow: OrdersUnitOfWork) -> Order:
    """Correct an order; with `received_on` one not yet received is received too. Once
    received, the correction is announced (the next revision) and its bill follows in
    QuickBooks. Takes an open unit of work; the caller commits."""
    await uow.lock_merchants([cmd.merchant_id])
    existing = await uow.orders.get(cmd.merchant_id, order_id)
    if existing is None:
        raise NotFound(f"order {order_id} not found")
    changed = Order.record(
        merchant_id=cmd.merchant_id,
        vendor_name=cmd.vendor_name,
        invoice_number=cmd.invoice_number,
        order_date=cmd.order_date,
        due_date=cmd.due_date,
        lines=cmd.lines,
        credits=cmd.credits,
        stated_total=cmd.total,
        now=existing.recorded_at,
    )
    order = existing.edited(changed)
    other = await uow.orders.by_invoice(cmd.merchant_id, order.vendor_name, order.invoice_number)
    if other is not None and other.id != order.id:
        raise Conflict(
            f"{order.vendor_name} invoice {order.invoice_number} is already another order",
            field="invoice_number",
        )
    summary = describe_changes(existing, order)
    if existing.corrects_bill:
        # Announced even unchanged: a correction its bill refused (a payment was applied) is
        # sent again this way once the payment is voided. A repeat changes nothing there.
        await uow.orders.save(order)
        said = (
            f"{summary} (its bill follows)" if summary != "no change" else "sent again to its bill"
        )
        await _note(uow, order, cmd.by, "corrected", said)
        await _announce(uow, order, cmd.correlation_id)
        return order
    if cmd.received_on is not None:
        order = order.receive(cmd.received_on)
    await uow.orders.save(order)
    if summary != "no change":
        await _note(uow, order, cmd.by, "edited", summary)
    if order.received_on is not None:
        await _note(uow, order, cmd.by, "received", f"received {order.received_on.isoformat()}")
        await _announce(uow, order, cmd.correlation_id)
    return order


async def receive_order(
    merchant_id: uuid.UUID,
    order_id: uuid.UUID,
    received_on: date,
    uow: OrdersUnitOfWork,
    correlation_id: uuid.UUID | None = None,
    by: str | None = None,
) -> Order:
    """Mark an order received and announce it; receiving it again changes nothing."""
    await uow.lock_merchants([merchant_id])
    order = await uow.orders.get(merchant_id, order_id)
    if order is None:
        raise NotFound(f"order {order_id} not found")
    if order.received_on is not None:
        return order
    order = order.receive(received_on)
    await uow.orders.mark_received(order)
    await _note(uow, order, by, "received", f"received {received_on.isoformat()}")
    await _announce(uow, order, correlation_id)
    return order


async def cancel_order(
    merchant_id: uuid.UUID,
    order_id: uuid.UUID,
    on: date,
    uow: OrdersUnitOfWork,
    correlation_id: uuid.UUID | None = None,
    by: str | None = None,
) -> Order:
    """Cancel an order; a received one's bill and credit are voided in QuickBooks (announced
    with the next revision). Cancelling a received order again announces it again (its bill
    may have refused it while a payment was applied); the first day stays. The caller
    commits."""
    await uow.lock_merchants([merchant_id])
    order = await uow.orders.get(merchant_id, order_id)
    if order is None:
        raise NotFound(f"order {order_id} not found")
    cancelled = order.cancel(on)
    if cancelled is order:
        return order
    await uow.orders.save(cancelled)
    follows = " (its bill is voided in QuickBooks)" if cancelled.received_on else ""
    await _note(uow, cancelled, by, "cancelled", f"cancelled {on.isoformat()}{follows}")
    if cancelled.received_on is not None:
        await _announce(uow, cancelled, correlation_id)
    return cancelled


async def _note(
    uow: OrdersUnitOfWork, order: Order, by: str | None, action: str, summary: str
) -> None:
    change = OrderChange(order.id, utcnow(), by, action, summary)
    await uow.orders.add_change(order.merchant_id, change)


async def _announce(uow: OrdersUnitOfWork, order: Order, correlation_id: uuid.UUID | None) -> None:
    await uow.outbox.add(order_received(order.merchant_id), _received(order, correlation_id))


def _received(order: Order, correlation_id: uuid.UUID | None) -> OrderReceived:
    assert order.received_on is not None
    return OrderReceived(
        merchant_id=order.merchant_id,
        correlation_id=correlation_id or uuid.uuid4(),
        order_id=order.id,
        vendor_name=order.vendor_name,
        invoice_number=order.invoice_number,
        received_on=order.received_on,
        total=order.total,
        order_date=order.order_date,
        due_date=order.due_date,
        categories=[CategoryTotal(category=c, amount=a) for c, a in order.category_totals()],
        credits=[
            OrderCredit(reason=c.reason, amount=c.amount, category=c.category, memo=c.memo)
            for c in order.credits
        ],
        revision=order.revision,
        cancelled=order.cancelled_on is not None,
    )
