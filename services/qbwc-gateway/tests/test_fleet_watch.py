# mypy: allow-untyped-defs, allow-untyped-calls, allow-incomplete-defs
"""The monitor's look at the whole fleet (a few grouped queries) finds for each merchant the
same facts as the look at one merchant that the API makes, on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from sqlalchemy import insert, update

import cobalt_qbwc_gateway
from cobalt_devstack.testkit import migrated_engine, sqlite_instructions
from cobalt_qbwc_gateway.adapters.monitoring import fleet
from cobalt_qbwc_gateway.adapters.orm import contacts, entries
from cobalt_qbwc_gateway.adapters.passwords import Passwords
from cobalt_qbwc_gateway.adapters.uow import GatewayUnitOfWork
from cobalt_qbwc_gateway.app import watch_of
from cobalt_qbwc_gateway.application.connections import SetUpConnection, set_up_connection
from cobalt_qbwc_gateway.application.entries import record_command
from cobalt_qbwc_gateway.application.monitor import fleet_facts, gather_facts
from cobalt_qbwc_gateway.config import Settings
from cobalt_qbwc_gateway.domain.contact import Contact, Outcome
from cobalt_qbwc_gateway.domain.entry import EntryState
from cobalt_shared.clock import ManualClock
from cobalt_shared.contracts import PostToQuickBooks
from cobalt_shared.contracts.accounting import AccountLine

CLOCK = ManualClock()
MIGRATIONS = Path(cobalt_qbwc_gateway.__file__).parent / "migrations"
OLD_BILLS = date(2026, 10, 1)


async def _store(uow, n: int, outcome: Outcome | None, failed: bool, waiting: int):
    merchant = uuid.uuid4()
    connection, _ = await set_up_connection(
        SetUpConnection(merchant, f"u{merchant.hex[:8]}", "a long password!", date(2026, 1, 1)),
        uow,
        Passwords(),
        CLOCK(),
    )
    if outcome is not None:
        for minutes in (30, 20, 10):
            contact = Contact.knock(
                CLOCK() - timedelta(minutes=minutes), "u", "s", outcome, merchant, connection.id
            )
            await uow.contacts.add(contact)
        good = Contact.knock(CLOCK() - timedelta(hours=n), "u", "s", Outcome.UPDATED, merchant)
        await uow.contacts.add(good)
    for i in range(waiting + int(failed)):
        await record_command(
            PostToQuickBooks(
                merchant_id=merchant,
                entry_id=uuid.uuid4(),
                kind="bill",
                txn_date=date(2026, 11, 24),
                ref_number=f"INV-{i}",
                vendor_name="Acme",
                source="payables",
                lines=[AccountLine(account=f"purchases:cat{i % 2}", amount=Decimal("10.00"))],
            ),
            uow,
            CLOCK() - timedelta(days=2),
        )
    if failed:
        [entry, *_] = await uow.entries.in_states(merchant, (EntryState.WAITING_FOR_MAPPING,))
        broken = replace(entry, state=EntryState.FAILED, detail="closing date", updated_at=CLOCK())
        await uow.entries.save(broken, was=entry)
    return merchant


async def test_the_fleet_look_finds_what_the_one_merchant_look_finds(engine):
    watch = watch_of(Settings(waiting_alert_seconds=86400))
    async with GatewayUnitOfWork(engine) as uow:
        merchants = [
            await _store(uow, 1, None, failed=False, waiting=0),
            await _store(uow, 2, Outcome.WRONG_PASSWORD, failed=True, waiting=3),
            await _store(uow, 3, Outcome.UPDATED, failed=False, waiting=2),
            await _store(uow, 4, Outcome.ABANDONED, failed=True, waiting=0),
        ]
        await uow.commit()
    async with GatewayUnitOfWork(engine) as uow:
        now = CLOCK()
        seen = await fleet(uow.connection, now - watch.waiting_alert_after)
        for merchant in merchants:
            one = await gather_facts(uow, merchant, now, watch)
            assert one.connection is not None
            assert fleet_facts(one.connection, seen) == one, merchant
        busy = await gather_facts(uow, merchants[1], now, watch)
        assert busy.failed_entries == 1
        assert busy.long_waiting == 3  # four made, one of them failed
        assert busy.long_waiting_accounts == ("purchases:cat0", "purchases:cat1")
        assert busy.last_contact is not None
        assert busy.last_contact.outcome is Outcome.WRONG_PASSWORD


async def _with_history(uow, merchant, history):
    """`history` older contacts (every other one busy) and synced bills behind the latest."""
    old = CLOCK() - timedelta(days=30)
    rows = [
        {
            "id": uuid.uuid4(),
            "merchant_id": merchant,
            "qbwc_user": "u",
            "source": "s",
            "started_at": old + timedelta(minutes=10 * i),
            "ended_at": old + timedelta(minutes=10 * i, seconds=1),
            "outcome": (Outcome.BUSY if i % 2 else Outcome.UPDATED).value,
        }
        for i in range(history)
    ]
    if rows:
        await uow.connection.execute(insert(contacts), rows)
    for i in range(history):
        command = PostToQuickBooks(
            merchant_id=merchant,
            entry_id=uuid.uuid4(),
            kind="bill",
            txn_date=OLD_BILLS,
            ref_number=f"OLD-{i}",
            vendor_name="Acme",
            source="payables",
            lines=[AccountLine(account="purchases:cat0", amount=Decimal("10.00"))],
        )
        await record_command(command, uow, old)
    synced = update(entries).where(entries.c.txn_date == OLD_BILLS).values(state="synced")
    await uow.connection.execute(synced)


async def test_a_fleet_look_costs_the_same_whatever_the_history(tmp_path):
    """The monitor looks at every connection every 30 seconds. Before, that look read every
    contact ever recorded and every entry's index (each poll leaves a contact, 144 a day a
    store): with 400 older contacts and synced bills per store it cost 30,150 instructions
    instead of 750. Now each store's newest facts are found by index, whatever lies behind
    them (530 both ways), and the look finds what the one-merchant look finds."""
    watch = watch_of(Settings(waiting_alert_seconds=86400))
    costs: dict[int, int] = {}
    one_costs: dict[int, int] = {}
    for history in (0, 400):
        database_url = f"sqlite+aiosqlite:///{tmp_path}/history-{history}.db"
        async with migrated_engine(MIGRATIONS, database_url) as engine:
            async with GatewayUnitOfWork(engine) as uow:
                merchants = []
                for n in range(3):
                    merchant = await _store(uow, n + 1, Outcome.UPDATED, failed=True, waiting=2)
                    await _with_history(uow, merchant, history)
                    merchants.append(merchant)
                await uow.commit()
            async with GatewayUnitOfWork(engine) as uow:
                now = CLOCK()
                seen, costs[history] = await sqlite_instructions(
                    uow.connection, fleet(uow.connection, now - watch.waiting_alert_after)
                )
                for merchant in merchants:
                    one, cost = await sqlite_instructions(
                        uow.connection, gather_facts(uow, merchant, now, watch)
                    )
                    assert one.connection is not None
                    assert fleet_facts(one.connection, seen) == one
                    assert one.failed_entries == 1
                    assert one.last_contact is not None
                    one_costs[history] = max(cost, one_costs.get(history, 0))
    assert costs[400] < 2 * costs[0], costs
    # The one-merchant look (the API's health, a store with a problem at each look) too.
    assert one_costs[400] < 2 * one_costs[0], one_costs
