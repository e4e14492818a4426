"""Receiving an order records it once and queues exactly one order-received event."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

import cobalt_orders
from cobalt_orders.adapters.uow import OrdersUnitOfWork
from cobalt_orders.application.receive_order import ReceiveOrder, receive_order
from cobalt_orders.domain.order import ReceivedOrder
from cobalt_shared.contracts import OrderReceived
from cobalt_shared.db.engine import create_engine
from cobalt_shared.db.migrations import upgrade_async
from cobalt_shared.db.tables import outbox
from cobalt_shared.errors import InvalidInput

MIGRATIONS = Path(cobalt_orders.__file__).parent / "migrations"


@pytest.fixture
async def engine(database_url):
    await upgrade_async(MIGRATIONS, database_url)
    eng = create_engine(database_url)
    yield eng
    await eng.dispose()


def _cmd(
    merchant: uuid.UUID, vendor: str = "Acme Beverage", invoice: str = "INV-1"
) -> ReceiveOrder:
    return ReceiveOrder(merchant, vendor, invoice, date(2026, 11, 24), Decimal("1240.00"))


async def _receive(engine, cmd):
    async with OrdersUnitOfWork(engine) as uow:
        result = await receive_order(cmd, uow)
        await uow.commit()
    return result


async def test_an_order_is_recorded_with_its_event_in_one_transaction(engine):
    merchant = uuid.uuid4()
    order, created = await _receive(engine, _cmd(merchant))
    assert created
    async with engine.connect() as conn:
        [row] = (await conn.execute(select(outbox))).mappings().all()
    event = OrderReceived.model_validate_json(row["payload"])
    assert event.order_id == order.id
    assert event.merchant_id == merchant
    assert event.total == Decimal("1240.00")
    assert row["subject"] == f"orders.event.{merchant}.order-received"


async def test_the_same_vendor_invoice_is_the_same_order(engine):
    merchant = uuid.uuid4()
    first, _ = await _receive(engine, _cmd(merchant))
    again, created = await _receive(engine, _cmd(merchant, vendor="  acme   BEVERAGE "))
    assert not created
    assert again.id == first.id
    other, created = await _receive(engine, _cmd(uuid.uuid4()))  # another merchant's invoice
    assert created
    assert other.id != first.id
    async with engine.connect() as conn:
        assert await conn.scalar(select(func.count()).select_from(outbox)) == 2


async def test_an_uncommitted_order_leaves_no_event(engine):
    async with OrdersUnitOfWork(engine) as uow:
        await receive_order(_cmd(uuid.uuid4()), uow)
    async with engine.connect() as conn:
        assert await conn.scalar(select(func.count()).select_from(outbox)) == 0


@pytest.mark.parametrize(
    ("vendor", "invoice", "total", "message"),
    [
        (" ", "INV-1", "1", "vendor name is required"),
        ("Acme", "", "1", "invoice number is required"),
        ("A" * 42, "INV-1", "1", "longer than 41"),
        ("Acme", "I" * 21, "1", "longer than 20"),
        ("Acme", "INV-1", "-1", "must not be negative"),
    ],
)
def test_invalid_orders_are_refused_with_a_specific_message(vendor, invoice, total, message):
    with pytest.raises(InvalidInput, match=message):
        ReceivedOrder.receive(
            merchant_id=uuid.uuid4(),
            vendor_name=vendor,
            invoice_number=invoice,
            received_on=date(2026, 11, 24),
            total=Decimal(total),
            now=datetime.now(UTC),
        )
