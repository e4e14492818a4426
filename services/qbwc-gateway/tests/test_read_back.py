# mypy: allow-untyped-defs, allow-untyped-calls, disable-error-code="union-attr"
"""Accounts Payable follows QuickBooks (what the read-back asks and makes of the answer), and a
source's replacement entry withdraws the one it replaces."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from cobalt_qbwc_gateway.adapters.passwords import Passwords
from cobalt_qbwc_gateway.adapters.uow import GatewayUnitOfWork
from cobalt_qbwc_gateway.application.connections import SetUpConnection, set_up_connection
from cobalt_qbwc_gateway.application.entries import record_command
from cobalt_qbwc_gateway.domain.entry import Entry, EntryState
from cobalt_qbwc_gateway.domain.posting import ChartRead, EntryKind
from cobalt_qbwc_gateway.domain.readback import (
    ReadBackState,
    advanced,
    first_since,
    observed,
    queries,
)
from cobalt_qbxml.answer import Linked, Response, Ret, Status
from cobalt_qbxml.message_set import render_document
from cobalt_qbxml.schema import schema_errors
from cobalt_shared.clock import ManualClock
from cobalt_shared.contracts import PostToQuickBooks
from cobalt_shared.contracts.accounting import AccountLine

NOW = datetime(2026, 11, 30, 15, 0, tzinfo=UTC)


def _entry(kind: EntryKind, txn_id: str) -> Entry:
    return Entry(
        id=uuid.uuid4(),
        merchant_id=uuid.uuid4(),
        kind=kind,
        txn_date=date(2026, 11, 24),
        payload=ChartRead(),
        state=EntryState.SYNCED,
        detail="",
        created_at=NOW,
        updated_at=NOW,
        txn_id=txn_id,
    )


def test_the_read_back_is_two_queries_in_one_valid_set_from_quickbooks_last_answer():
    state = ReadBackState(due=True, since=first_since(date(2026, 11, 1)))
    nodes = queries(state, page=500)
    document = render_document(nodes, version="13.0")
    assert schema_errors(document) == []
    assert "<FromModifiedDate>2026-11-01T00:00:00+00:00</FromModifiedDate>" in document
    assert document.count("<IncludeLinkedTxns>true</IncludeLinkedTxns>") == 2
    assert "<FromDeletedDate>2026-11-01T00:00:00+00:00</FromDeletedDate>" in document


def test_only_our_entries_are_told_and_only_payments_we_did_not_make_count_as_elsewhere():
    bill, payment = _entry(EntryKind.BILL, "B-1"), _entry(EntryKind.BILL_PAYMENT, "P-OURS")
    ours = {"B-1": bill, "P-OURS": payment}
    voided = _entry(EntryKind.BILL_PAYMENT, "P-VOID")
    check = Ret(tag="BillPaymentCheckRet", txn_id="P-VOID", amount=Decimal("0.00"))
    [followed] = observed([check], {"P-VOID": voided})
    assert (followed.entry, followed.amount, followed.deleted) == (voided, Decimal("0.00"), False)
    rets = [
        Ret(
            tag="BillRet",
            txn_id="B-1",
            amount=Decimal("300.00"),
            open_amount=Decimal("50.00"),
            time_modified="2026-11-27T10:00:05-05:00",
            linked=(
                Linked("P-OURS", "BillPaymentCheck", "2026-11-25", Decimal("-100.00")),
                Linked("P-QB1", "BillPaymentCheck", "2026-11-26", Decimal("-100.00")),
                Linked("P-QB2", "BillPaymentCheck", "2026-11-27", Decimal("-50.00")),
            ),
        ),
        Ret(
            tag="BillRet",
            txn_id="NOT-OURS",
            amount=Decimal("10.00"),
            time_modified="2026-11-28T09:00:00-05:00",
        ),
    ]
    gone = _entry(EntryKind.VENDOR_CREDIT, "C-1")
    deleted = Ret(tag="TxnDeletedRet", txn_id="C-1", time_deleted="2026-11-28T09:30:00-05:00")
    [seen, removed] = observed([*rets, deleted], {**ours, "C-1": gone})
    assert (removed.entry, removed.deleted, removed.open_amount) == (gone, True, Decimal("0.00"))
    assert seen.entry is bill
    assert (seen.amount, seen.open_amount) == (Decimal("300.00"), Decimal("50.00"))
    assert (seen.paid_elsewhere, seen.paid_elsewhere_on) == (Decimal("150.00"), date(2026, 11, 27))
    # The next read starts at QuickBooks' latest answer (its clock, not ours), inclusively.
    state = ReadBackState(due=True, since=first_since(date(2026, 11, 1)))
    answers = [_rs("BillQuery", rets), _rs("TxnDeletedQuery", [deleted])]
    after = advanced(state, answers, now=NOW)
    assert after.since == datetime(2026, 11, 28, 14, 30, tzinfo=UTC)
    assert (after.due, after.read_at, after.iterators) == (False, NOW, ())
    assert advanced(after, [], now=NOW).since == after.since


def _rs(kind, rets, remaining=None, iterator=None, code=0):
    status = Status(code, "Error" if code > 1 else "Info", "")
    return Response(
        tag=f"{kind}Rs",
        request_id="r",
        status=status,
        rets=list(rets),
        iterator_id=iterator,
        iterator_remaining=remaining,
    )


def test_more_than_a_page_is_read_with_quickbooks_iterators_and_since_moves_only_at_the_end():
    state = ReadBackState(due=True, since=first_since(date(2026, 11, 1)))
    first = Ret(tag="BillRet", txn_id="B-9", time_modified="2026-11-29T10:00:00+00:00")
    page = [_rs("BillQuery", [first], remaining=3, iterator="{IT-1}"), _rs("VendorCreditQuery", [])]
    mid = advanced(state, page, now=NOW)
    assert (mid.due, mid.since, mid.iterators) == (True, state.since, (("Bill", "{IT-1}"),))
    assert mid.seen_until == datetime(2026, 11, 29, 10, tzinfo=UTC)
    nodes = queries(mid, page=500)
    document = render_document(nodes, version="13.0")
    assert schema_errors(document) == []
    assert 'iterator="Continue"' in document
    assert 'iteratorID="{IT-1}"' in document
    assert "VendorCreditQueryRq" not in document  # done with credits: only what has more
    older = Ret(tag="BillRet", txn_id="B-1", time_modified="2026-11-20T10:00:00+00:00")
    done = advanced(mid, [_rs("BillQuery", [older], remaining=0, iterator="{IT-1}")], now=NOW)
    assert (done.due, done.iterators) == (False, ())
    assert done.since == datetime(2026, 11, 29, 10, tzinfo=UTC)  # the latest of every page
    # An iterator that ended with its session: the read starts again, nothing skipped.
    lost = advanced(mid, [_rs("BillQuery", [], code=3000)], now=NOW)
    assert (lost.due, lost.since, lost.iterators) == (True, state.since, ())


def test_a_read_back_is_due_after_our_own_changes_and_at_least_hourly():
    read = ReadBackState(due=False, since=NOW, read_at=NOW)
    assert not read.is_due(NOW + timedelta(minutes=59))
    assert read.is_due(NOW + timedelta(hours=1))
    assert ReadBackState(due=True, since=NOW, read_at=NOW).is_due(NOW)


def _journal(merchant, entry_id, day, source="reporting", replaces=None):
    return PostToQuickBooks(
        merchant_id=merchant,
        entry_id=entry_id,
        kind="journal-entry",
        txn_date=day,
        memo="late sales",
        source=source,
        replaces=replaces,
        lines=[
            AccountLine(account="cash-drawer", amount="5.00", side="debit"),
            AccountLine(account="sales:beer", amount="5.00", side="credit"),
        ],
    )


async def test_a_replacement_withdraws_the_entry_it_replaces_only_for_its_own_source(engine):
    clock = ManualClock()
    merchant = uuid.uuid4()
    old, other, new, foreign = (uuid.uuid4() for _ in range(4))
    async with GatewayUnitOfWork(engine) as uow:
        setup = SetUpConnection(
            merchant, f"u{merchant.hex[:8]}", "a long password!", date(2026, 1, 1)
        )
        await set_up_connection(setup, uow, Passwords(), clock())
        await record_command(_journal(merchant, old, date(2026, 11, 23)), uow, clock())
        await record_command(_journal(merchant, other, date(2026, 11, 23)), uow, clock())
        # Another service cannot withdraw reporting's entry.
        await record_command(
            _journal(merchant, foreign, date(2026, 11, 24), source="payables", replaces=other),
            uow,
            clock(),
        )
        await record_command(
            _journal(merchant, new, date(2026, 11, 24), replaces=old), uow, clock()
        )
        await uow.commit()
    async with GatewayUnitOfWork(engine) as uow:
        withdrawn = await uow.entries.get(merchant, old)
        kept = await uow.entries.get(merchant, other)
        replacement = await uow.entries.get(merchant, new)
    assert withdrawn.state is EntryState.CANCELLED
    assert "Replaced by the entry dated 2026-11-24" in withdrawn.detail
    assert str(new) in withdrawn.detail
    assert kept.state is not EntryState.CANCELLED
    assert replacement.state is not EntryState.CANCELLED
