# mypy: allow-untyped-defs, allow-untyped-calls, disable-error-code="union-attr"
"""The entry queue on a real database: what it sends, and what it does with answers."""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import event

import cobalt_qbwc_gateway
from cobalt_devstack.testkit import migrated_engine, sqlite_instructions
from cobalt_qbwc_gateway.adapters.passwords import Passwords
from cobalt_qbwc_gateway.adapters.uow import GatewayUnitOfWork
from cobalt_qbwc_gateway.application.connections import SetUpConnection, set_up_connection
from cobalt_qbwc_gateway.application.entries import record_command
from cobalt_qbwc_gateway.application.mappings import apply_mapping
from cobalt_qbwc_gateway.application.queue import load_queue
from cobalt_qbwc_gateway.application.work import EntryWork
from cobalt_qbwc_gateway.domain.entry import READY_DETAIL, UNSENT, Entry, EntryState
from cobalt_qbwc_gateway.domain.facts import VendorLink, VendorState
from cobalt_qbwc_gateway.domain.planning import Limits
from cobalt_qbwc_gateway.domain.posting import EntryKind, VendorToAdd
from cobalt_qbxml.schema import schema_errors
from cobalt_qbxml.values import name_key
from cobalt_shared.clock import ManualClock
from cobalt_shared.contracts import AccountMapped, PostToQuickBooks
from cobalt_shared.contracts.accounting import AccountLine

CLOCK = ManualClock()
MIGRATIONS = Path(cobalt_qbwc_gateway.__file__).parent / "migrations"


async def _ready_bills(engine, n):
    merchant = uuid.uuid4()
    now = CLOCK()
    async with GatewayUnitOfWork(engine) as uow:
        await set_up_connection(
            SetUpConnection(merchant, f"u{merchant.hex[:8]}", "a long password!", date(2026, 1, 1)),
            uow,
            Passwords(),
            now,
        )
        await apply_mapping(
            AccountMapped(
                merchant_id=merchant, account="purchases:beer", qb_full_name="Purchases:Beer"
            ),
            uow,
            now,
        )
        for i in range(n):
            await record_command(
                PostToQuickBooks(
                    merchant_id=merchant,
                    entry_id=uuid.uuid4(),
                    kind="bill",
                    txn_date=date(2026, 11, 24),
                    ref_number=f"INV-{i}",
                    vendor_name="Acme",
                    lines=[AccountLine(account="purchases:beer", amount="1.00")],
                    source="test",
                ),
                uow,
                now,
            )
        link = VendorLink("Acme", VendorState.LINKED, "80000001-1")
        await uow.vendors.set(merchant, link, now)
        connection = await uow.connections.for_merchant(merchant)
        await uow.commit()
    return connection


async def _next(engine, queue, connection):
    async with GatewayUnitOfWork(engine) as uow:
        outgoing = await queue.next_request(uow, connection, "13.0")
        await uow.commit()
    return outgoing.xml if outgoing else None


async def test_sets_hold_at_most_the_batch_size_and_validate(engine):
    connection = await _ready_bills(engine, 7)
    queue = EntryWork(Limits(batch_size=3), clock=CLOCK)
    document = await _next(engine, queue, connection)
    assert schema_errors(document) == []
    assert document.count("<BillAddRq ") == 3
    assert 'newMessageSetID="' in document


async def test_a_busy_quickbooks_answer_waits_for_a_later_session(engine):
    connection = await _ready_bills(engine, 1)
    queue = EntryWork(clock=CLOCK)
    document = await _next(engine, queue, connection)
    request_id = document.split('requestID="')[1].split('"')[0]
    busy = (
        '<?xml version="1.0" ?><QBXML><QBXMLMsgsRs>'
        f'<BillAddRs requestID="{request_id}" statusCode="3170" statusSeverity="Error" '
        'statusMessage="The record is in use by another user."/></QBXMLMsgsRs></QBXML>'
    )
    async with GatewayUnitOfWork(engine) as uow:
        progress = await queue.apply_response(uow, connection, busy, "", "")
        assert (progress.more, progress.synced, progress.failed) == (False, 0, 0)  # not now
        assert not await queue.has_ready(uow, connection)  # QuickBooks is not even opened
        [entry] = await uow.entries.find(connection.merchant_id)
        await uow.commit()
    assert entry.state.value == "ready"
    assert "sent again at a later update" in entry.detail
    assert entry.not_before is not None
    assert await _next(engine, queue, connection) is None


async def test_an_answer_for_entries_never_sent_changes_nothing(engine):
    connection = await _ready_bills(engine, 1)
    async with GatewayUnitOfWork(engine) as uow:
        stray = (
            '<QBXML><QBXMLMsgsRs><BillAddRs requestID="{ABC}" statusCode="0" '
            'statusSeverity="Info"/></QBXMLMsgsRs></QBXML>'
        )
        result = await EntryWork(clock=CLOCK).apply_response(uow, connection, stray, "", "")
        [entry] = await uow.entries.find(connection.merchant_id)
    assert not result.recorded
    assert "not sent" in (result.error or "")
    assert entry.state.value == "ready"


async def test_a_payment_waits_for_its_bill_and_is_released_by_the_bills_result(engine):
    from sqlalchemy import select

    from cobalt_qbsim import SimulatedQuickBooks, sample_company
    from cobalt_qbxml import MessageSet, VendorAdd
    from cobalt_shared.contracts.accounting import AppliedBill
    from cobalt_shared.db.tables import outbox

    connection = await _ready_bills(engine, 1)
    merchant = connection.merchant_id
    async with GatewayUnitOfWork(engine) as uow:
        [bill] = await uow.entries.find(merchant)
        await apply_mapping(
            AccountMapped(merchant_id=merchant, account="bank", qb_full_name="Operating Account"),
            uow,
            CLOCK(),
        )
        payment, _ = await record_command(
            PostToQuickBooks(
                merchant_id=merchant, entry_id=uuid.uuid4(), kind="bill-payment",
                txn_date=date(2026, 11, 25), vendor_name="Acme", bank_account="bank",
                applied=[AppliedBill(bill_entry_id=bill.id, amount="1.00")], source="test",
            ),
            uow,
            CLOCK(),
        )  # fmt: skip
        await uow.commit()
    queue = EntryWork(clock=CLOCK)
    document = await _next(engine, queue, connection)
    assert "BillAddRq" in document
    assert "BillPaymentCheckAddRq" not in document
    async with GatewayUnitOfWork(engine) as uow:
        waiting = await uow.entries.get(merchant, payment.id)
    assert waiting.state.value == "waiting for prerequisite"
    assert waiting.detail.startswith("Waiting for bill INV-0 from Acme to be in QuickBooks")

    quickbooks = SimulatedQuickBooks(sample_company())
    quickbooks.process(MessageSet([("v", VendorAdd("Acme"))]).to_xml())
    async with GatewayUnitOfWork(engine) as uow:
        # The vendor link seeded by _ready_bills names a ListID this company does not have;
        # answer with what QuickBooks would say for a bill of a known vendor instead.
        answer = quickbooks.process(
            document.replace("<ListID>80000001-1</ListID>", "<FullName>Acme</FullName>")
        )
        progress = await queue.apply_response(uow, connection, answer, "", "")
        released = await uow.entries.get(merchant, payment.id)
        results = [
            result
            for payload in await uow.connection.scalars(
                select(outbox.c.payload)
                .where(outbox.c.message_type == "quickbooks-entry-results")
                .order_by(outbox.c.id)
            )
            for result in json.loads(payload)["results"]
        ]
        await uow.commit()
    assert (progress.synced, progress.failed) == (1, 0)
    assert progress.more  # the payment can go now: the Web Connector asks again
    assert released.state.value == "ready"
    # Its owner heard the payment was held (and why), then the bill synced, then the payment
    # on its way again.
    assert [(r["kind"], r["state"]) for r in results] == [
        ("bill-payment", "waiting"),
        ("bill", "synced"),
        ("bill-payment", "pending"),
    ]
    assert results[0]["explanation"].startswith("Waiting for bill INV-0 from Acme")
    assert "BillPaymentCheckAddRq" in await _next(engine, queue, connection)


async def test_a_refresh_reads_the_whole_chart_a_page_at_a_time_then_publishes_it(engine):
    from sqlalchemy import select

    from cobalt_qbsim import SimulatedQuickBooks, sample_company
    from cobalt_qbwc_gateway.application.accounts import request_refresh
    from cobalt_shared.contracts import QuickBooksAccountsListed, RefreshQuickBooksAccounts
    from cobalt_shared.db.tables import outbox

    connection = await _ready_bills(engine, 0)
    quickbooks = SimulatedQuickBooks(sample_company())
    inactive = quickbooks.company.add_account("Old Purchases", "CostOfGoodsSold")
    inactive.active = False
    expected = {a.full_name for a in quickbooks.company.accounts.values()}
    request = RefreshQuickBooksAccounts(merchant_id=connection.merchant_id, request_id=uuid.uuid4())
    async with GatewayUnitOfWork(engine) as uow:
        await request_refresh(request, uow, CLOCK())
        await request_refresh(request, uow, CLOCK())  # redelivered: one read
        assert await EntryWork(clock=CLOCK).has_ready(
            uow, connection
        )  # a read is work: QuickBooks opens
        await uow.commit()
    queue = EntryWork(Limits(account_page_size=4), clock=CLOCK)
    pages = 0
    while (document := await _next(engine, queue, connection)) is not None:
        assert "AccountQueryRq" in document
        assert schema_errors(document) == []
        pages += 1
        async with GatewayUnitOfWork(engine) as uow:
            await queue.apply_response(uow, connection, quickbooks.process(document), "", "")
            await uow.commit()
        assert pages < 50
    assert pages == len(expected) // 4 + 1
    async with engine.connect() as conn:
        rows = (await conn.execute(select(outbox.c.subject, outbox.c.payload))).all()
    [listed] = [
        QuickBooksAccountsListed.model_validate_json(p) for s, p in rows if "accounts-listed" in s
    ]
    assert listed.request_id == request.request_id
    assert {a.full_name for a in listed.accounts} == expected
    old = next(a for a in listed.accounts if a.full_name == "Old Purchases")
    assert (old.account_type, old.is_active) == ("CostOfGoodsSold", False)
    async with GatewayUnitOfWork(engine) as uow:
        entry = await uow.entries.get(connection.merchant_id, request.request_id)
    assert entry.state.value == "synced"
    assert f"Read {len(expected)} QuickBooks accounts" in entry.detail


async def test_a_backlog_longer_than_a_step_still_goes_when_its_vendor_must_be_added(engine):
    """A step plans from the oldest ready entries only; the vendor they wait for, added by the
    gateway (a newer entry), is always part of the step, so nothing stalls."""
    from cobalt_qbsim import SimulatedQuickBooks, sample_company

    connection = await _ready_bills(engine, 7)
    merchant = connection.merchant_id
    async with GatewayUnitOfWork(engine) as uow:  # a vendor QuickBooks does not have yet
        await uow.vendors.set(merchant, VendorLink("Acme", VendorState.UNKNOWN), CLOCK())
        await uow.commit()
    quickbooks = SimulatedQuickBooks(sample_company())
    queue = EntryWork(Limits(batch_size=2, step_spare=0), clock=CLOCK)
    for _ in range(3):  # sessions, as the Web Connector runs them
        async with GatewayUnitOfWork(engine) as uow:
            ready = await queue.has_ready(uow, connection)
            await uow.commit()
        if not ready:
            break
        while (document := await _next(engine, queue, connection)) is not None:
            async with GatewayUnitOfWork(engine) as uow:
                await queue.apply_response(uow, connection, quickbooks.process(document), "", "")
                await uow.commit()
    counts = quickbooks.company.count_by_external_guid()
    assert len(quickbooks.company.transactions("Bill")) == 7
    assert set(counts.values()) == {1}
    assert [v.name for v in quickbooks.company.vendors.values()].count("Acme") == 1


async def test_entries_moved_by_planning_then_sent_are_written_once_with_both_states(engine):
    """Bills recorded before their vendor was linked are re-derived by the step that sends
    them (their reason changes) and then sent: one UPDATE and one history insert for the
    set, and each entry's history still shows every state it took."""
    from sqlalchemy import event

    connection = await _ready_bills(engine, 4)
    queue = EntryWork(Limits(batch_size=3, step_spare=1), clock=CLOCK)
    statements: list[str] = []

    def seen(conn, cursor, statement, parameters, context, executemany):
        statements.append(statement)

    async with GatewayUnitOfWork(engine) as uow:
        event.listen(uow.connection.sync_engine, "before_cursor_execute", seen)
        try:
            outgoing = await queue.next_request(uow, connection, "13.0")
        finally:
            event.remove(uow.connection.sync_engine, "before_cursor_execute", seen)
        await uow.commit()
    assert outgoing is not None
    assert outgoing.entries == 3
    assert len([s for s in statements if s.startswith("UPDATE entries")]) == 1
    assert len([s for s in statements if s.startswith("INSERT INTO entry_events")]) == 1
    async with GatewayUnitOfWork(engine) as uow:
        merchant = connection.merchant_id
        sent = await uow.entries.in_states(merchant, (EntryState.SENT,))
        [spare] = await uow.entries.in_states(merchant, (EntryState.READY,))
        histories = [await uow.entries.history(e.id) for e in sent]
        spare_history = await uow.entries.history(spare.id)
    assert len(sent) == 3
    for history in histories:
        assert [(h.state, h.detail == READY_DETAIL) for h in history] == [
            (EntryState.READY, False),  # its vendor to be found first
            (EntryState.READY, True),  # the vendor is linked: plainly ready
            (EntryState.SENT, False),
        ]
    # The set was full from one set's worth of entries: the spare was not even loaded.
    assert spare.detail != READY_DETAIL
    assert len(spare_history) == 1


async def test_a_step_fills_its_set_from_spares_when_some_of_the_oldest_cannot_go(engine):
    connection = await _ready_bills(engine, 5)
    merchant = connection.merchant_id
    async with GatewayUnitOfWork(engine) as uow:  # the oldest can never be written
        [oldest, *_] = await uow.entries.in_states(merchant, (EntryState.READY,))
        assert oldest.posting is not None
        was = oldest.posting.ref_number
        posting = replace(oldest.posting, ref_number="INV-" + "9" * 30)
        await uow.entries.save(replace(oldest, payload=posting), was=oldest)
        await uow.commit()
    queue = EntryWork(Limits(batch_size=3, step_spare=2), clock=CLOCK)
    document = await _next(engine, queue, connection)
    assert document.count("<BillAddRq ") == 3  # the set is full all the same
    assert f"<RefNumber>{was}</RefNumber>" not in document
    assert "INV-999" not in document
    async with GatewayUnitOfWork(engine) as uow:
        failed = await uow.entries.get(merchant, oldest.id)
        ready = await uow.entries.in_states(merchant, (EntryState.READY,))
    assert failed.state is EntryState.FAILED
    assert "RefNumber" in failed.detail
    assert len(ready) == 1


async def test_a_step_reads_what_it_plans_from_in_one_query(engine):
    """Settled entries first, then the gateway's own ready ones however new, then the oldest
    `window` entries ready to write now (one waiting for a busy QuickBooks is not)."""
    connection = await _ready_bills(engine, 5)
    merchant = connection.merchant_id
    now = CLOCK()
    async with GatewayUnitOfWork(engine) as uow:
        bills = await uow.entries.in_states(merchant, (EntryState.READY,))
        busy = replace(bills[0], not_before=now + timedelta(minutes=5))
        sent = replace(bills[3], state=EntryState.SENT, message_set_id="set-1")
        vendor = Entry(
            id=uuid.uuid4(),
            merchant_id=merchant,
            kind=EntryKind.VENDOR,
            txn_date=now.date(),
            payload=VendorToAdd("Newest Vendor"),
            state=EntryState.READY,
            detail=READY_DETAIL,
            created_at=now + timedelta(hours=1),
            updated_at=now,
        )
        await uow.entries.save_all([(bills[0], busy), (bills[3], sent)])
        await uow.entries.add_new([vendor])
        await uow.commit()
    statements: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    async with GatewayUnitOfWork(engine) as uow:
        event.listen(engine.sync_engine, "before_cursor_execute", seen)
        try:
            step = await uow.entries.for_step(merchant, now, 2)
        finally:
            event.remove(engine.sync_engine, "before_cursor_execute", seen)
    assert [e.id for e in step] == [sent.id, vendor.id, bills[1].id, bills[2].id]
    assert step[0].state is EntryState.SENT
    assert step[1].payload == VendorToAdd("Newest Vendor")
    assert len([s for s in statements if "FROM entries" in s]) == 1


async def test_a_save_writes_only_the_columns_that_changed_and_reads_back_whole(engine):
    connection = await _ready_bills(engine, 3)
    merchant = connection.merchant_id
    now = CLOCK()
    async with GatewayUnitOfWork(engine) as uow:
        bills = await uow.entries.in_states(merchant, (EntryState.READY,))
    sent = [
        replace(b, state=EntryState.SENT, message_set_id="set-9", request_xml=f"<r{i}/>")
        for i, b in enumerate(bills[:2])
    ]
    renamed = replace(bills[2], detail="Waiting: a test", updated_at=now + timedelta(seconds=1))
    statements: list[str] = []

    def seen(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    async with GatewayUnitOfWork(engine) as uow:
        event.listen(engine.sync_engine, "before_cursor_execute", seen)
        try:
            await uow.entries.save_all([*zip(bills[:2], sent, strict=True), (bills[2], renamed)])
        finally:
            event.remove(engine.sync_engine, "before_cursor_execute", seen)
        await uow.commit()
    updates = [s for s in statements if s.startswith("UPDATE entries")]
    assert len(updates) == 2  # one per set of changed columns, each for all its entries
    assert sorted(_set_columns(u) for u in updates) == [
        ["detail", "updated_at"],
        ["message_set_id", "request_xml", "state"],
    ]
    async with GatewayUnitOfWork(engine) as uow:
        stored = await uow.entries.get_many(merchant, [e.id for e in (*sent, renamed)])
    assert [stored[e.id] for e in (*sent, renamed)] == [*sent, renamed]


def _set_columns(update: str) -> list[str]:
    """The columns an UPDATE statement sets, by name."""
    assignments = update.split(" SET ", 1)[1].split(" WHERE ", 1)[0]
    return sorted(a.split("=", 1)[0].strip() for a in assignments.split(","))


async def test_a_step_and_an_answer_read_the_same_whatever_the_backlog(tmp_path):
    """What a step plans from (the entries being settled, the gateway's own ready entries,
    the oldest one ready to write) and what an answer re-derives (the entries that wait for
    others) cost the same with 20 bills waiting as with 600: neither reads the ready
    backlog it does not return."""
    database_url = f"sqlite+aiosqlite:///{tmp_path}/gateway.db"
    async with migrated_engine(MIGRATIONS, database_url) as engine:
        short = await _ready_bills(engine, 20)
        long = await _ready_bills(engine, 600)
        kinds = [k for k in EntryKind if k.has_prerequisites]
        costs = {}
        for name, connection in (("short", short), ("long", long)):
            merchant = connection.merchant_id
            async with GatewayUnitOfWork(engine) as uow:
                _, step = await sqlite_instructions(
                    uow.connection, uow.entries.for_step(merchant, CLOCK(), 1)
                )
                _, waiting = await sqlite_instructions(
                    uow.connection, uow.entries.in_states(merchant, UNSENT, kinds)
                )
                assert len(await uow.entries.for_step(merchant, CLOCK(), 1)) == 1
            costs[name] = (step, waiting)
    (short_step, short_waiting), (long_step, long_waiting) = costs["short"], costs["long"]
    # Before the kind index each grew with the backlog (30 times the rows, ~25 times the work).
    assert long_step < 2 * short_step, costs
    assert long_waiting < 2 * short_waiting, costs


async def test_a_step_reads_the_vendors_and_mappings_its_entries_name_not_all(tmp_path):
    """A store with hundreds of vendors and mapped accounts: a step's facts hold the vendor and
    the account its bills name, and the vendors still to be looked up or added (planning acts
    on those whatever entries it holds), not the others. Before, every step and every answer
    read them all: with 300 vendors a set of 50 cost twice as much to send and to record."""
    database_url = f"sqlite+aiosqlite:///{tmp_path}/gateway.db"
    async with migrated_engine(MIGRATIONS, database_url) as engine:
        connection = await _ready_bills(engine, 60)
        merchant = connection.merchant_id
        now = CLOCK()
        async with GatewayUnitOfWork(engine) as uow:
            for i in range(300):
                link = VendorLink(f"Vendor {i}", VendorState.LINKED, f"8000{i:04d}-1")
                await uow.vendors.set(merchant, link, now)
            for i in range(40):
                mapped = AccountMapped(
                    merchant_id=merchant, account=f"expenses:{i}", qb_full_name=f"Expenses:{i}"
                )
                await apply_mapping(mapped, uow, now)
            await uow.vendors.set(merchant, VendorLink("Zeta Wines", VendorState.UNKNOWN), now)
            await uow.vendors.set(merchant, VendorLink("Omega Spirits", VendorState.MISSING), now)
            await uow.commit()
        async with GatewayUnitOfWork(engine) as uow:
            queue = await load_queue(uow, connection, now, window=50)
            whole = await load_queue(uow, connection, now)
        for loaded, unsent in ((queue, 50), (whole, 60)):
            assert len(loaded.unsent) == unsent
            assert sorted(loaded.facts.vendors) == sorted(
                name_key(n) for n in ("Acme", "Zeta Wines", "Omega Spirits")
            )
            assert dict(loaded.facts.account_names) == {"purchases:beer": "Purchases:Beer"}
        # The vendor being looked up is still asked for, before any bill goes.
        xml = await _next(engine, EntryWork(Limits(batch_size=50)), connection)
        assert "<VendorQueryRq" in xml
        assert "Zeta Wines" in xml
        assert "<BillAddRq" not in xml


async def test_vendors_are_read_for_any_number_of_names(tmp_path):
    """More names than one IN list binds (a session's start plans from the whole backlog):
    every stored one is found, in several statements."""
    database_url = f"sqlite+aiosqlite:///{tmp_path}/gateway.db"
    merchant, other = uuid.uuid4(), uuid.uuid4()
    async with migrated_engine(MIGRATIONS, database_url) as engine:
        async with GatewayUnitOfWork(engine) as uow:
            for i in range(1_100):
                await uow.vendors.set(
                    merchant, VendorLink(f"Vendor {i}", VendorState.LINKED), CLOCK()
                )
            await uow.vendors.set(other, VendorLink("Vendor 1", VendorState.LINKED), CLOCK())
            await uow.commit()
        wanted = {name_key(f"Vendor {i}") for i in range(0, 2_000, 2)}  # 550 of them stored
        async with GatewayUnitOfWork(engine) as uow:
            found = await uow.vendors.for_planning({merchant: wanted, other: set()})
    assert sorted(found[merchant]) == sorted(
        wanted & {name_key(f"Vendor {i}") for i in range(1_100)}
    )
    assert found[other] == {}
