"""A received order opens exactly one bill, for its whole amount."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import cobalt_payables
from cobalt_payables.adapters.uow import PayablesUnitOfWork
from cobalt_payables.application.record_bill import RecordBill, record_bill
from cobalt_shared.db.engine import create_engine
from cobalt_shared.db.migrations import upgrade_async

MIGRATIONS = Path(cobalt_payables.__file__).parent / "migrations"


@pytest.fixture
async def engine(database_url):
    await upgrade_async(MIGRATIONS, database_url)
    eng = create_engine(database_url)
    yield eng
    await eng.dispose()


async def _record(engine, cmd):
    async with PayablesUnitOfWork(engine) as uow:
        bill = await record_bill(cmd, uow)
        await uow.commit()
    return bill


async def test_a_received_order_opens_one_bill_even_when_recorded_twice(engine):
    merchant, order = uuid.uuid4(), uuid.uuid4()
    cmd = RecordBill(merchant, order, "Acme", "INV-1", date(2026, 11, 24), Decimal("99.95"))
    first = await _record(engine, cmd)
    second = await _record(engine, cmd)
    assert first == second
    assert first.open_balance == first.amount == Decimal("99.95")
    async with PayablesUnitOfWork(engine) as uow:
        assert await uow.bills.open_bills(merchant) == [first]
        assert await uow.bills.open_bills(uuid.uuid4()) == []
