# mypy: allow-untyped-defs, allow-untyped-calls
"""An order corrected or cancelled after its bill was sent: what the bill and credit become
and what QuickBooks is asked, or why nothing changes (pure: no database, no NATS)."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from cobalt_payables.domain.bill import Bill, Line, QuickBooksSide, SyncState, VendorCredit
from cobalt_payables.domain.correction import Action, CorrectedOrder, correct

D = Decimal
NOW = datetime(2026, 11, 30, tzinfo=UTC)
BEER = Line("purchases:beer", D("200.00"), "Beer")
WINE = Line("purchases:wine", D("67.50"), "Wine")
BREAKAGE = Line("purchases:beer", D("17.00"), "breakage")


def _bill(**changes: object) -> Bill:
    bill = Bill(
        id=uuid.uuid4(),
        merchant_id=uuid.uuid4(),
        order_id=uuid.uuid4(),
        vendor_name="Acme",
        invoice_number="INV-1",
        bill_date=date(2026, 11, 24),
        due_date=None,
        amount=D("267.50"),
        lines=(BEER, WINE),
        recorded_at=NOW,
        state=SyncState.SYNCED,
        txn_id="T-1",
    )
    return replace(bill, **changes)


def _credit(**changes: object) -> VendorCredit:
    credit = VendorCredit(
        id=uuid.uuid4(),
        merchant_id=uuid.uuid4(),
        order_id=uuid.uuid4(),
        vendor_name="Acme",
        invoice_number="INV-1",
        credit_date=date(2026, 11, 24),
        amount=D("17.00"),
        lines=(BREAKAGE,),
        recorded_at=NOW,
        state=SyncState.SYNCED,
        txn_id="T-2",
    )
    return replace(credit, **changes)


def _order(lines=(BEER, WINE), credits=(BREAKAGE,), **changes: object) -> CorrectedOrder:
    order = CorrectedOrder(1, "INV-1", None, tuple(lines), tuple(credits))
    return replace(order, **changes)


def test_a_line_changed_changes_the_bill_and_leaves_the_credit():
    cheaper = Line("purchases:beer", D("170.00"), "Beer")
    done = correct(_bill(), _credit(), _order(lines=(cheaper, WINE)))
    assert (done.bill_action, done.credit_action, done.refused) == (Action.CHANGE, None, None)
    assert (done.bill.amount, done.bill.revision, done.bill.state) == (
        D("237.50"),
        1,
        SyncState.PENDING,
    )
    assert done.bill.open_balance == D("237.50")
    assert done.credit == _credit(
        id=done.credit.id, merchant_id=done.credit.merchant_id, order_id=done.credit.order_id
    )


@pytest.mark.parametrize(
    ("credit", "credits", "action", "amount"),
    [
        (True, (), Action.VOID, D("0.00")),  # the credit removed
        (True, (replace(BREAKAGE, amount=D("5.00")),), Action.CHANGE, D("5.00")),
        (False, (BREAKAGE,), Action.ADD, None),  # a credit added: a new vendor credit
    ],
    ids=["removed", "changed", "added"],
)
def test_credits_added_changed_or_removed(credit, credits, action, amount):
    done = correct(_bill(), _credit() if credit else None, _order(credits=credits))
    assert done.bill_action is None  # its lines did not change
    assert done.credit_action is action
    if amount is not None:
        assert done.credit is not None
        assert done.credit.amount == amount


def test_a_cancelled_order_voids_its_bill_and_credit():
    done = correct(_bill(), _credit(), _order(cancelled=True))
    assert (done.bill_action, done.credit_action) == (Action.VOID, Action.VOID)
    assert (done.bill.amount, done.bill.open_balance) == (D("0.00"), D("0.00"))
    assert "cancelled" in (done.bill.detail or "")


def test_a_bill_is_never_cut_below_what_was_paid_and_says_why():
    paid = _bill(paid=D("200.00"))
    cut = Line("purchases:beer", D("100.00"))
    done = correct(paid, None, _order(lines=(cut,), credits=()))
    assert done.bill_action is None
    assert done.refused is not None
    assert "below the 200.00 already paid" in done.refused
    assert "void that payment" in done.refused
    assert (done.bill.amount, done.bill.revision) == (D("267.50"), 1)  # as it was
    assert done.bill.payment_problem() == f"bill INV-1: {done.refused}"
    cancelled = correct(paid, None, _order(cancelled=True))
    assert cancelled.refused is not None
    assert "200.00 is already paid" in cancelled.refused
    # Paid in QuickBooks itself counts too; the same total is still fine.
    elsewhere = _bill(in_quickbooks=QuickBooksSide(D("267.50"), D("67.50"), D("200.00")))
    assert correct(elsewhere, None, _order(lines=(cut,), credits=())).refused
    same = correct(paid, None, _order(lines=(BEER, replace(WINE, amount=D("0.01"))), credits=()))
    assert same.refused is None
    # And the next accepted correction clears the refusal.
    assert same.bill.correction_problem is None


def test_a_credit_used_in_a_payment_is_not_cut_below_what_was_used():
    done = correct(_bill(), _credit(applied=D("17.00")), _order(credits=()))
    assert done.refused is not None
    assert "17.00 already used" in done.refused


def test_a_payment_on_its_way_or_a_bill_outside_quickbooks_refuses_the_correction():
    on_its_way = correct(_bill(pending_payment_id=uuid.uuid4()), None, _order(credits=()))
    assert on_its_way.refused is not None
    assert "on its way" in on_its_way.refused
    before_start = correct(_bill(state=SyncState.NOT_IN_QUICKBOOKS), None, _order(credits=()))
    assert before_start.refused is not None
    assert "QuickBooks itself" in before_start.refused


def test_a_bill_that_was_zero_is_added_when_the_correction_gives_it_an_amount():
    zero = _bill(amount=D("0.00"), lines=(), state=SyncState.NOTHING_TO_SEND, txn_id=None)
    done = correct(zero, None, _order(credits=()))
    assert done.bill_action is Action.ADD
    assert done.bill.amount == D("267.50")
