# mypy: allow-untyped-defs, allow-untyped-calls, allow-incomplete-defs
"""Commands recorded together: each entry as it would be alone, with a few statements."""

from __future__ import annotations

import json
import uuid
from datetime import date

import pytest
from sqlalchemy import event, func, select

from cobalt_qbwc_gateway.adapters.orm import entries, entry_events
from cobalt_qbwc_gateway.adapters.passwords import Passwords
from cobalt_qbwc_gateway.adapters.uow import GatewayUnitOfWork
from cobalt_qbwc_gateway.application.connections import SetUpConnection, set_up_connection
from cobalt_qbwc_gateway.application.entries import record_command, record_commands
from cobalt_qbwc_gateway.application.mappings import apply_mapping
from cobalt_qbwc_gateway.application.results import together
from cobalt_shared.clock import ManualClock
from cobalt_shared.contracts import AccountMapped, PostToQuickBooks, QuickBooksEntryResult
from cobalt_shared.contracts.accounting import AccountLine, AppliedBill
from cobalt_shared.contracts.subjects import entry_result
from cobalt_shared.db.tables import outbox
from cobalt_shared.errors import Conflict

CLOCK = ManualClock()


async def _merchant(engine, *, mapped: bool) -> uuid.UUID:
    merchant = uuid.uuid4()
    async with GatewayUnitOfWork(engine) as uow:
        setup = SetUpConnection(
            merchant, f"u{merchant.hex[:8]}", "a long password!", date(2026, 11, 1)
        )
        await set_up_connection(setup, uow, Passwords(), CLOCK())
        if mapped:
            for account, name in (("purchases:beer", "Purchases:Beer"), ("bank", "Operating")):
                mapping = AccountMapped(merchant_id=merchant, account=account, qb_full_name=name)
                await apply_mapping(mapping, uow, CLOCK())
        await uow.commit()
    return merchant


def _bill(merchant, entry_id=None, *, day=24, month=11, replaces=None) -> PostToQuickBooks:
    return PostToQuickBooks(
        merchant_id=merchant,
        entry_id=entry_id or uuid.uuid4(),
        kind="bill",
        txn_date=date(2026, month, day),
        ref_number=f"INV-{day}",
        vendor_name="Acme",
        lines=[AccountLine(account="purchases:beer", amount="10.00")],
        source="payables",
        replaces=replaces,
    )


def _payment(merchant, bill_id) -> PostToQuickBooks:
    return PostToQuickBooks(
        merchant_id=merchant,
        entry_id=uuid.uuid4(),
        kind="bill-payment",
        txn_date=date(2026, 11, 25),
        vendor_name="Acme",
        bank_account="bank",
        applied=[AppliedBill(bill_entry_id=bill_id, amount="10.00")],
        source="payables",
    )


async def _what_was_stored(uow, merchants, outbox_after):
    conn = uow.connection
    stored = await conn.execute(
        select(
            entries.c.id,
            entries.c.merchant_id,
            entries.c.state,
            entries.c.detail,
            entries.c.error_code,
        )
        .where(entries.c.merchant_id.in_(merchants))
        .order_by(entries.c.id)
    )
    history = await conn.execute(
        select(entry_events.c.entry_id, entry_events.c.state, entry_events.c.detail)
        .where(entry_events.c.merchant_id.in_(merchants))
        .order_by(entry_events.c.entry_id, entry_events.c.id)
    )
    published = await conn.execute(
        select(outbox.c.subject, outbox.c.message_type, outbox.c.payload)
        .where(outbox.c.id > outbox_after)
        .order_by(outbox.c.id)
    )
    unique = {"message_id", "correlation_id", "occurred_at"}
    told = []  # each result on its own, in the order its owner hears them
    for subject, message_type, payload in published:
        body = json.loads(payload)
        for one in body["results"] if message_type == "quickbooks-entry-results" else [body]:
            told.append((subject, {k: v for k, v in one.items() if k not in unique}))
    return (
        [tuple(r) for r in stored],
        [tuple(r) for r in history],
        sorted(told, key=lambda t: t[0]),  # stable: each owner's order is kept
    )


async def test_commands_together_store_what_each_would_store_alone(engine):
    mapped, unmapped = await _merchant(engine, mapped=True), await _merchant(engine, mapped=False)
    first, replaced = uuid.uuid4(), uuid.uuid4()
    async with GatewayUnitOfWork(engine) as uow:  # an earlier entry, to be replaced
        await record_command(_bill(mapped, replaced, day=2), uow, CLOCK())
        await uow.commit()
    commands = [
        _bill(mapped, first),
        _bill(unmapped),
        _payment(mapped, first),  # needs the bill just before it in the same set
        _bill(mapped, first),  # the same entry again: the first one stands
        _bill(mapped, day=20, replaces=replaced),  # withdraws the earlier one
        _bill(mapped, day=21),  # after the withdrawal
        _bill(unmapped, day=10, month=10),  # before the start date: looked up first
        _payment(unmapped, uuid.uuid4()),  # pays a bill the gateway never heard of
    ]
    async with engine.connect() as conn:
        outbox_after = await conn.scalar(select(outbox.c.id).order_by(outbox.c.id.desc()))
    outcomes = {}
    for how in ("alone", "together"):
        async with GatewayUnitOfWork(engine) as uow:
            if how == "alone":
                recorded = [await record_command(c, uow, CLOCK()) for c in commands]
            else:
                recorded = await record_commands(commands, uow, CLOCK())
            outcomes[how] = (
                [(e.id, e.state, e.detail, new) for e, new in recorded],
                await _what_was_stored(uow, [mapped, unmapped], outbox_after),
            )
            # Rolled back: both ways start from the same database.
    assert outcomes["together"] == outcomes["alone"]
    outcome, (stored, history, published) = outcomes["together"]
    assert len(history) == 8 + 1  # each new entry's first state, and the withdrawal
    assert [new for *_, new in outcome] == [True, True, True, False, True, True, True, True]
    states = {entry_id: state for entry_id, _, state, _, _ in stored}
    assert states[replaced] == "cancelled"
    ready, unmapped_, looking_up = "ready", "waiting for mapping", "looking up"
    assert [state for _, state, _, _ in outcome] == [
        ready,
        unmapped_,
        ready,
        ready,
        ready,
        ready,
        looking_up,
        unmapped_,
    ]
    assert len(stored) == 8  # the replaced one and seven new
    assert len(published) >= 3  # results of what the owner must hear of at once


async def test_a_batch_tells_each_merchant_its_results_in_one_message(engine):
    # Bills waiting for a mapping are told to payables; a batch tells them together, one
    # message per merchant (results travelled one per message before, a message per order).
    first, second = await _merchant(engine, mapped=False), await _merchant(engine, mapped=False)
    commands = [_bill(first), _bill(second), _bill(first), _bill(first, day=25)]
    async with engine.connect() as conn:
        outbox_after = await conn.scalar(select(func.max(outbox.c.id))) or 0
    async with GatewayUnitOfWork(engine) as uow:
        await record_commands(commands, uow, CLOCK())
        await uow.commit()
    async with engine.connect() as conn:
        rows = (
            await conn.execute(
                select(outbox.c.subject, outbox.c.message_type, outbox.c.payload)
                .where(outbox.c.id > outbox_after)
                .order_by(outbox.c.id)
            )
        ).all()
    told = [
        (subject, kind, [r["entry_id"] for r in json.loads(payload)["results"]])
        for subject, kind, payload in rows
    ]
    assert told == [
        (
            entry_result(first, "payables"),
            "quickbooks-entry-results",
            [str(commands[0].entry_id), str(commands[2].entry_id), str(commands[3].entry_id)],
        ),
        (entry_result(second, "payables"), "quickbooks-entry-results", [str(commands[1].entry_id)]),
    ]
    assert {json.loads(p)["merchant_id"] for _, _, p in rows} == {str(first), str(second)}


def test_results_travel_a_hundred_at_most_in_one_message_in_order():
    merchant, other = uuid.uuid4(), uuid.uuid4()

    def result(who):
        return QuickBooksEntryResult(merchant_id=who, entry_id=uuid.uuid4(), state="synced")

    mine = [result(merchant) for _ in range(250)]
    theirs = [result(other) for _ in range(3)]
    subject, their_subject = entry_result(merchant, "payables"), entry_result(other, "payables")
    pairs = [(subject, r) for r in mine[:120]] + [(their_subject, r) for r in theirs]
    pairs += [(subject, r) for r in mine[120:]]
    messages = together(pairs)
    assert [(s, len(m.results)) for s, m in messages] == [
        (subject, 100),
        (subject, 100),
        (subject, 50),
        (their_subject, 3),
    ]
    assert [r for s, m in messages if s == subject for r in m.results] == mine
    assert {m.merchant_id for s, m in messages if s == their_subject} == {other}
    assert all(len(m.model_dump_json()) < 200_000 for _, m in messages)


async def test_an_entry_id_of_another_merchant_fails_the_set(engine):
    one, other = await _merchant(engine, mapped=True), await _merchant(engine, mapped=True)
    taken = uuid.uuid4()
    async with GatewayUnitOfWork(engine) as uow:
        await record_command(_bill(one, taken), uow, CLOCK())
        await uow.commit()
    async with GatewayUnitOfWork(engine) as uow:
        with pytest.raises(Conflict, match="belongs to another merchant"):
            await record_commands([_bill(other), _bill(other, taken)], uow, CLOCK())


async def test_a_set_costs_the_same_few_statements_however_many_commands(engine):
    merchants = [await _merchant(engine, mapped=True) for _ in range(8)]
    counts = []
    for per_merchant in (1, 5):
        commands = [_bill(m) for _ in range(per_merchant) for m in merchants]
        statements: list[str] = []

        def seen(conn, cursor, statement, parameters, context, executemany, into=statements):
            into.append(statement)

        async with GatewayUnitOfWork(engine) as uow:
            event.listen(uow.connection.sync_engine, "before_cursor_execute", seen)
            try:
                await record_commands(commands, uow, CLOCK())
            finally:
                event.remove(uow.connection.sync_engine, "before_cursor_execute", seen)
            await uow.commit()
        counts.append(len([s for s in statements if "advisory" not in s]))
    # Connections, mappings, vendors, the entries, their history, the results: one each
    # (PostgreSQL adds a lock per merchant), for 8 commands as for 40.
    assert counts[0] == counts[1] <= 6
