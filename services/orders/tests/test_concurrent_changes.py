# mypy: allow-untyped-defs, allow-untyped-calls
"""Two requests about one order at the same moment (two API instances, or two requests in
one, each with its own transaction on PostgreSQL): they run one after the other, so neither
writes back over what the other wrote and each announces a revision of its own."""

from __future__ import annotations

import asyncio
import uuid
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

import cobalt_orders
from cobalt_devstack.testkit import migrated_engine, someone_waits_for_a_lock
from cobalt_orders.adapters.uow import OrdersUnitOfWork
from cobalt_orders.application.orders import (
    RecordOrder,
    cancel_order,
    edit_order,
    record_order,
)
from cobalt_orders.domain.order import Order, OrderLine
from cobalt_shared.contracts import OrderReceived
from cobalt_shared.db.tables import outbox
from cobalt_shared.errors import Conflict

MIGRATIONS = Path(cobalt_orders.__file__).parent / "migrations"


def _order(merchant: uuid.UUID, unit_cost: str, received_on: date | None) -> RecordOrder:
    return RecordOrder(
        merchant_id=merchant,
        vendor_name="Acme Beverage",
        invoice_number="INV-7",
        order_date=date(2026, 12, 1),
        lines=[OrderLine("Beer", "IPA", Decimal("10"), Decimal(unit_cost))],
        received_on=received_on,
    )


async def _announced(engine) -> list[OrderReceived]:
    async with engine.connect() as conn:
        rows = (await conn.execute(select(outbox.c.payload))).scalars().all()
    return [OrderReceived.model_validate_json(r) for r in rows]


@pytest.fixture
async def engine(database_url):
    async with migrated_engine(MIGRATIONS, database_url) as migrated:
        yield migrated


async def test_a_correction_while_the_order_is_cancelled_waits_and_is_refused(engine):
    """Cancel a received order (its bill is voided) while someone corrects it: the correction
    reads the order once the cancellation is in, and is refused. Before, both wrote revision
    1: the order came back uncancelled while its void was announced, and the bill's
    correction and its void carried the same revision."""
    merchant = uuid.uuid4()
    async with OrdersUnitOfWork(engine) as uow:
        order, _ = await record_order(_order(merchant, "8.50", date(2026, 12, 2)), uow)
        await uow.commit()

    async def correct() -> Order:
        async with OrdersUnitOfWork(engine) as uow:
            corrected = await edit_order(_order(merchant, "9.00", None), order.id, uow)
            await uow.commit()
        return corrected

    async with OrdersUnitOfWork(engine) as first:
        await cancel_order(merchant, order.id, date(2026, 12, 3), first)  # not committed yet
        correcting = asyncio.create_task(correct())
        await someone_waits_for_a_lock(engine)
        await first.commit()
    with pytest.raises(Conflict, match="cancelled"):
        await correcting
    async with OrdersUnitOfWork(engine) as uow:
        stored = await uow.orders.get(merchant, order.id)
    assert stored is not None
    assert stored.cancelled_on == date(2026, 12, 3)
    assert stored.revision == 1
    announced = await _announced(engine)
    assert [(e.revision, e.cancelled) for e in announced] == [(0, False), (1, True)]
    assert announced[-1].total == Decimal("85.00")


async def test_the_same_invoice_recorded_twice_at_once_is_one_order_announced_once(engine):
    """Two requests record the same received vendor invoice at the same moment: the second
    finds the first's order (created False) instead of failing on the unique invoice."""
    merchant = uuid.uuid4()

    async def record() -> tuple[Order, bool]:
        async with OrdersUnitOfWork(engine) as uow:
            made = await record_order(_order(merchant, "8.50", date(2026, 12, 2)), uow)
            await uow.commit()
        return made

    async with OrdersUnitOfWork(engine) as first:
        order, created = await record_order(_order(merchant, "8.50", date(2026, 12, 2)), first)
        second = asyncio.create_task(record())
        await someone_waits_for_a_lock(engine)
        await first.commit()
    again, created_again = await second
    assert created
    assert not created_again
    assert again.id == order.id
    assert [e.order_id for e in await _announced(engine)] == [order.id]
