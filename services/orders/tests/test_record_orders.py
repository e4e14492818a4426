"""A batch of orders is written with one statement per kind of write, not five per order (a
batch of 25 ran 125), and records each order as one at a time would."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import event, select

import cobalt_orders
from cobalt_orders.adapters.uow import OrdersUnitOfWork
from cobalt_orders.application.orders import RecordOrder, record_order, record_orders
from cobalt_orders.domain.order import Order, OrderLine
from cobalt_shared.contracts import OrderReceived
from cobalt_shared.db.engine import create_engine
from cobalt_shared.db.migrations import upgrade
from cobalt_shared.db.tables import outbox
from cobalt_shared.errors import DomainError

MIGRATIONS = Path(cobalt_orders.__file__).parent / "migrations"


def _order(
    merchant: uuid.UUID, invoice: str, *, vendor: str = "Acme Beverage", **more
) -> RecordOrder:
    lines = [OrderLine("Beer", "IPA", Decimal("24"), Decimal("8.50"))]
    return RecordOrder(
        merchant_id=merchant,
        vendor_name=vendor,
        invoice_number=invoice,
        order_date=date(2026, 11, 20),
        lines=lines,
        by="Pat",
        **more,
    )


@pytest.fixture
def migrated(database_url: str) -> str:
    upgrade(MIGRATIONS, database_url)  # (runs its own event loop: outside the test's)
    return database_url


async def test_a_batch_writes_once_per_kind_and_records_as_one_at_a_time_would(migrated: str):
    engine = create_engine(migrated)
    merchant = uuid.uuid4()
    received = date(2026, 11, 24)
    statements: list[str] = []

    def seen(conn, cursor, statement, parameters, context, executemany):
        words = statement.split()
        if words[0] != "BEGIN":  # (SQLite's, to take the write lock)
            statements.append(" ".join(words[:3]))

    try:
        async with OrdersUnitOfWork(engine) as uow:  # one recorded before the batch
            earlier, _ = await record_order(_order(merchant, "E-1"), uow)
            await uow.commit()
        batch = [_order(merchant, f"B-{i}", received_on=received) for i in range(20)]
        batch += [_order(merchant, f"N-{i}") for i in range(3)]  # not received yet
        batch.append(_order(merchant, "X-1", total=Decimal("1.00")))  # lines do not add up
        batch.append(_order(merchant, " E-1 ", vendor=" acme  BEVERAGE"))  # the earlier one
        batch.append(_order(merchant, "B-3", received_on=received))  # twice in the batch
        event.listen(engine.sync_engine, "before_cursor_execute", seen)
        async with OrdersUnitOfWork(engine) as uow:
            results = await record_orders(merchant, batch, uow)
            await uow.commit()
        event.remove(engine.sync_engine, "before_cursor_execute", seen)
        async with OrdersUnitOfWork(engine) as uow:
            created = [r[0] for r in results if not isinstance(r, DomainError) and r[1]]
            history = await uow.orders.history(merchant, created[0].id)
            stored = [await uow.orders.get(merchant, o.id) for o in created]
            payloads = (await uow.connection.execute(select(outbox.c.payload))).scalars().all()
    finally:
        await engine.dispose()

    statuses = [
        "refused" if isinstance(r, DomainError) else ("new" if r[1] else "found") for r in results
    ]
    assert statuses == ["new"] * 23 + ["refused", "found", "found"]
    found = [r for r in results[-2:] if not isinstance(r, DomainError)]
    assert [o.id for o, _ in found] == [earlier.id, results[3][0].id]
    assert all(isinstance(o, Order) for o in stored)
    assert [(o.invoice_number, o.received_on) for o in stored if o] == [
        *((f"B-{i}", received) for i in range(20)),
        *((f"N-{i}", None) for i in range(3)),
    ]
    assert [(c.action, c.by) for c in history] == [("recorded", "Pat"), ("received", "Pat")]
    events = [OrderReceived.model_validate_json(p) for p in payloads]
    assert sorted(e.invoice_number for e in events) == sorted(f"B-{i}" for i in range(20))
    # The batch's writes: the merchant held (PostgreSQL), one lookup, then orders, their
    # history and their events, at once.
    held = ["SELECT pg_advisory_xact_lock(k) FROM"] if engine.dialect.name == "postgresql" else []
    assert statements == [
        *held,
        "SELECT orders.id, orders.merchant_id,",
        "INSERT INTO orders",
        "INSERT INTO order_history",
        "INSERT INTO outbox",
    ]
