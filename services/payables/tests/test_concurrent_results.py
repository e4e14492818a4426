# mypy: allow-untyped-defs, allow-untyped-calls
"""Two workers applying results about one bill at the same moment (production runs two
instances of each worker on PostgreSQL): neither writes back over what the other wrote."""

from __future__ import annotations

import asyncio
import uuid
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

import cobalt_payables
from cobalt_devstack.testkit import someone_waits_for_a_lock
from cobalt_payables.adapters.orm import bills
from cobalt_payables.adapters.uow import PayablesUnitOfWork
from cobalt_payables.application.payables import (
    PayRequest,
    apply_entry_results,
    pay,
    record_received_order,
)
from cobalt_payables.domain.bill import Bill
from cobalt_payables.domain.payment import CheckDetails, Payment
from cobalt_shared.contracts import CategoryTotal, OrderReceived, QuickBooksEntryResult
from cobalt_shared.contracts.gateway import InQuickBooks
from cobalt_shared.db.engine import create_engine
from cobalt_shared.db.migrations import upgrade

MIGRATIONS = Path(cobalt_payables.__file__).parent / "migrations"


async def _a_bill(engine, merchant: uuid.UUID, invoice: str) -> Bill:
    """A received order of 300 for Beer, recorded: its bill."""
    order = OrderReceived(
        merchant_id=merchant,
        order_id=uuid.uuid4(),
        vendor_name="Acme Beverage",
        invoice_number=invoice,
        received_on=date(2026, 11, 24),
        total=Decimal("300.00"),
        categories=[CategoryTotal(category="Beer", amount=Decimal("300.00"))],
    )
    async with PayablesUnitOfWork(engine) as uow:
        bill, _ = await record_received_order(order, uow)
        await uow.commit()
    return bill


def _synced_then_read_back(
    bill: Bill, txn_id: str
) -> tuple[QuickBooksEntryResult, QuickBooksEntryResult]:
    """The bill's result (in QuickBooks as `txn_id`), and a read-back of it finding 50 of its
    300 paid elsewhere (250 open)."""
    synced = QuickBooksEntryResult(
        merchant_id=bill.merchant_id,
        entry_id=bill.id,
        state="synced",
        kind="bill",
        source="payables",
        txn_id=txn_id,
    )
    found = InQuickBooks(
        amount=Decimal("300.00"), open_amount=Decimal("250.00"), paid_elsewhere=Decimal("50.00")
    )
    return synced, synced.model_copy(update={"in_quickbooks": found})


async def test_a_bills_result_and_its_read_back_at_once_both_stay(database_url):
    await asyncio.to_thread(upgrade, MIGRATIONS, database_url)
    engine = create_engine(database_url)
    try:
        bill = await _a_bill(engine, uuid.uuid4(), "INV-1")
        synced, read_back = _synced_then_read_back(bill, "TXN-1")

        async def second_worker() -> None:
            async with PayablesUnitOfWork(engine) as uow:
                await apply_entry_results([read_back], uow)
                await uow.commit()

        async with PayablesUnitOfWork(engine) as first:
            await apply_entry_results([synced], first)  # not committed yet
            second = asyncio.create_task(second_worker())
            await someone_waits_for_a_lock(engine)
            await first.commit()
        await second
        async with engine.connect() as conn:
            row = (await conn.execute(select(bills).where(bills.c.id == bill.id))).one()
        assert row.txn_id == "TXN-1"  # the first worker's result was not written over
        assert row.state == "synced"
        assert '"paid_elsewhere":"50.00"' in row.in_quickbooks.replace(" ", "")
        assert Decimal(row.open_balance) == Decimal("250.00")
    finally:
        await engine.dispose()


async def test_a_payment_made_as_quickbooks_lowers_the_balance_pays_the_new_balance(database_url):
    """Send to QuickBooks (the API) while a worker applies a read-back that lowers the bill's
    open balance (paid 50 elsewhere): the payment is for what is open once the read-back is
    in, never for the balance read before it (an overpayment in the merchant's books)."""
    await asyncio.to_thread(upgrade, MIGRATIONS, database_url)
    engine = create_engine(database_url)
    try:
        bill = await _a_bill(engine, uuid.uuid4(), "INV-2")
        synced, read_back = _synced_then_read_back(bill, "TXN-2")
        async with PayablesUnitOfWork(engine) as uow:
            await apply_entry_results([synced], uow)
            await uow.commit()
        request = PayRequest(
            merchant_id=bill.merchant_id,
            bills=[(bill.id, None)],  # all that is open
            credits=[],
            details=CheckDetails(payment_date=date(2026, 11, 30)),
        )

        async def send_to_quickbooks() -> list[Payment]:
            async with PayablesUnitOfWork(engine) as uow:
                made, _ = await pay(request, uow)
                await uow.commit()
            return made

        async with PayablesUnitOfWork(engine) as worker:
            await apply_entry_results([read_back], worker)  # not committed yet
            paying = asyncio.create_task(send_to_quickbooks())
            await someone_waits_for_a_lock(engine)
            await worker.commit()
        [payment] = await paying
        assert [a.cash for a in payment.applications] == [Decimal("250.00")]
    finally:
        await engine.dispose()
