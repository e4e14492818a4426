# mypy: allow-untyped-defs, allow-untyped-calls
"""The merchant maps an account while the worker stores a chart read from QuickBooks (on
PostgreSQL each in its own transaction): the worker reads the account once the mapping is
in, so it never writes the older mapping back over the merchant's choice."""

from __future__ import annotations

import asyncio
import uuid
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import cobalt_coa
from cobalt_coa.adapters.uow import CoaUnitOfWork
from cobalt_coa.application.coa import (
    map_account,
    on_accounts_listed,
    on_connection_changed,
    on_order_received,
)
from cobalt_devstack.testkit import migrated_engine, someone_waits_for_a_lock
from cobalt_shared.accounts import purchases_account
from cobalt_shared.contracts import (
    CategoryTotal,
    OrderReceived,
    QuickBooksAccount,
    QuickBooksAccountsListed,
    QuickBooksConnectionChanged,
)

MIGRATIONS = Path(cobalt_coa.__file__).parent / "migrations"
BEER = QuickBooksAccount(
    list_id="20", name="Beer", full_name="Purchases:Beer", account_type="CostOfGoodsSold"
)
ALE = QuickBooksAccount(
    list_id="22", name="Ale", full_name="Purchases:Ale", account_type="CostOfGoodsSold"
)


@pytest.fixture
async def engine(database_url):
    async with migrated_engine(MIGRATIONS, database_url) as migrated:
        yield migrated


async def test_a_mapping_chosen_while_a_rename_is_followed_stays(engine):
    merchant = uuid.uuid4()
    key = purchases_account("Beer")
    async with CoaUnitOfWork(engine) as uow:
        connected = QuickBooksConnectionChanged(merchant_id=merchant, status="connected")
        await on_connection_changed(connected, uow)
        order = OrderReceived(
            merchant_id=merchant,
            order_id=uuid.uuid4(),
            vendor_name="Acme",
            invoice_number="1",
            received_on=date(2026, 12, 2),
            total=Decimal("1.00"),
            categories=[CategoryTotal(category="Beer", amount=Decimal("1.00"))],
        )
        await on_order_received(order, uow)
        await on_accounts_listed(
            QuickBooksAccountsListed(merchant_id=merchant, accounts=[BEER, ALE]), uow
        )
        await map_account(uow, merchant, key, BEER.list_id)
        await uow.commit()
    renamed = BEER.model_copy(update={"name": "Lager", "full_name": "Purchases:Lager"})

    async def follow_the_rename() -> None:
        async with CoaUnitOfWork(engine) as uow:
            listed = QuickBooksAccountsListed(merchant_id=merchant, accounts=[renamed, ALE])
            await on_accounts_listed(listed, uow)
            await uow.commit()

    async with CoaUnitOfWork(engine) as merchant_page:
        await map_account(merchant_page, merchant, key, ALE.list_id)  # not committed yet
        worker = asyncio.create_task(follow_the_rename())
        await someone_waits_for_a_lock(engine)
        await merchant_page.commit()
    await worker
    async with CoaUnitOfWork(engine) as uow:
        account = next(a for a in await uow.accounts.all(merchant) if a.key == key)
    assert account.qb_list_id == ALE.list_id
    assert account.qb_full_name == "Purchases:Ale"
