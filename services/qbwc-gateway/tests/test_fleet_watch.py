# mypy: allow-untyped-defs, allow-untyped-calls, allow-incomplete-defs
"""The monitor's look at the whole fleet (a few grouped queries) finds for each merchant the
same facts as the look at one merchant that the API makes, on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from cobalt_qbwc_gateway.adapters.monitoring import fleet
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
